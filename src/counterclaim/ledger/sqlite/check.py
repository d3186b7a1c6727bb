"""Checking a SQLite ledger file: is it whole, which version is it, what does it hold, and when
something is wrong, what is wrong and how to recover.

The file is only read (immutable when its folder cannot be written), so a check never changes a
damaged ledger.  It runs SQLite's ``integrity_check``, reads the ``meta`` table, counts the rows
of each table, and reads back every document and claim the way the commands do (a row that is
there but cannot be decoded is damage too).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from typing import Any, Final

from ...model import Claim, Document, claim_from_dict
from ..base import LedgerCheck
from .codec import DOCUMENT_COLUMNS, document_from_row
from .connection import check_lines, read_only_uri
from .schema import LANGUAGE_VERSION, SCHEMA_VERSION

#: The tables counted, in the order a check lists them.
TABLES: Final[tuple[str, ...]] = ("documents", "claims", "sightings", "incidents", "contradictions", "corroborations")
#: At most this many problems of one kind are listed.
_MAX_PROBLEMS: Final[int] = 20
_HEADER: Final[bytes] = b"SQLite format 3\x00"
#: When a table's highest row number cannot be read, a rescue stops after this many missing rows.
_MISSES: Final[int] = 1_000


def check(path: str) -> LedgerCheck:
    """What is wrong with the ledger at ``path``, if anything (see the module docstring)."""
    if not os.path.exists(path):
        return LedgerCheck(path, False, problems=("no such file",), advice=("give the path of a ledger file",))
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_HEADER))
    except OSError as exc:
        return LedgerCheck(path, False, problems=(f"cannot read the file: {exc.strerror or exc}",))
    if head != _HEADER:
        what = "an empty file" if not head else "not a SQLite database (its first bytes are not SQLite's header)"
        return LedgerCheck(path, False, problems=(what,), advice=(
            "if this file was a ledger, its first page is damaged: ingest the articles again into a new ledger",))
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        return LedgerCheck(path, False, problems=(f"cannot open it: {exc}",))
    try:
        return _check(conn, path)
    finally:
        conn.close()


def _check(conn: sqlite3.Connection, path: str) -> LedgerCheck:
    problems: list[str] = []
    try:
        found = check_lines(r[0] for r in conn.execute(f"PRAGMA integrity_check({_MAX_PROBLEMS})"))
        if found != ["ok"]:
            problems.extend(f"integrity: {p}" for p in found)
    except sqlite3.DatabaseError as exc:
        problems.append(f"integrity: {exc}")
    meta: dict[str, str] = {}
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError as exc:
        if "no such table" in str(exc) and not problems:
            return LedgerCheck(path, False, problems=("a SQLite database, but not a counterclaim ledger (no meta table)",))
        problems.append(f"meta table: {exc}")
    version = _int(meta.get("schema_version"))
    if meta and version is None:
        problems.append("meta table: no valid schema_version")
    elif version is not None and version > SCHEMA_VERSION:
        problems.append(f"schema version {version} is newer than this counterclaim knows ({SCHEMA_VERSION}): upgrade it")
    counts: dict[str, int | None] = {}
    for table in TABLES:
        try:
            counts[table] = int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            counts[table] = None
            if "no such table" not in str(exc):
                problems.append(f"{table}: cannot be counted: {exc}")
    bad_rows = _unreadable_rows(conn, version)
    problems.extend(bad_rows)
    readable = not bad_rows and counts.get("documents") is not None and counts.get("claims") is not None
    return LedgerCheck(
        path, not problems, schema_version=version, extractor_version=meta.get("extractor_version"),
        counts=counts, problems=tuple(problems), advice=_advice(path, problems, readable),
    )


def _unreadable_rows(conn: sqlite3.Connection, version: int | None) -> list[str]:
    """A problem line for each table with rows that cannot be read back (at most a few named)."""
    out: list[str] = []
    columns = ", ".join(DOCUMENT_COLUMNS if (version or 0) >= LANGUAGE_VERSION else (*DOCUMENT_COLUMNS[:-1], "'en'"))
    for table, sql, decode in (
        ("documents", f"SELECT doc_id, {columns} FROM documents", lambda row: document_from_row(row[1:])),
        ("claims", "SELECT claim_id, data FROM claims", lambda row: claim_from_dict(json.loads(row[1]))),
    ):
        bad: list[str] = []
        try:
            for row in conn.execute(sql):
                try:
                    decode(row)
                except Exception:  # noqa: BLE001 -- any failure to decode is damage to report
                    bad.append(str(row[0])[:16])
        except sqlite3.DatabaseError as exc:
            out.append(f"{table}: reading stops partway: {exc}")
        if bad:
            shown = ", ".join(bad[:5]) + (", ..." if len(bad) > 5 else "")
            out.append(f"{table}: {len(bad)} rows cannot be read back ({shown})")
    return out


def _advice(path: str, problems: list[str], readable: bool) -> tuple[str, ...]:
    if not problems:
        return ()
    if any("newer than this counterclaim" in p for p in problems) and len(problems) == 1:
        return ("install a newer counterclaim to read it",)
    out = [f"`counterclaim check --db {path} --rescue new.db` copies every document and claim that still "
           "reads back into a new ledger and groups them again"
           + ("" if readable else " (some cannot be read back: those are lost)"),
           "or ingest the same articles again into a new ledger (`counterclaim ingest PATHS --db new.db`)"]
    return tuple(out)


def rescue(path: str) -> Iterator[tuple[Document, list[Claim]] | str]:
    """Every document of the ledger at ``path`` that still reads back, with those of its claims
    that do, in ingest order; a line for each row that cannot be read (a string).  Rows are read
    one by one, by row number, so damage in one part of the file loses only what is there."""
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        version = _int(dict(_rows(conn, "SELECT key, value FROM meta")).get("schema_version"))
        columns = ", ".join(DOCUMENT_COLUMNS if (version or 0) >= LANGUAGE_VERSION else (*DOCUMENT_COLUMNS[:-1], "'en'"))
        claims: dict[str, list[tuple[int, Claim]]] = {}
        for rowid, row in _each_row(conn, "claims", "ordinal, data"):
            if isinstance(row, str):
                yield f"claim row {rowid}: {row}"
                continue
            try:
                claim = claim_from_dict(json.loads(row[1]))
            except Exception as exc:  # noqa: BLE001 -- a row that does not decode is lost, and said
                yield f"claim row {rowid}: {type(exc).__name__}"
                continue
            claims.setdefault(claim.doc_id, []).append((int(row[0]), claim))
        docs: list[tuple[int, Document]] = []
        for rowid, row in _each_row(conn, "documents", f"seq, {columns}"):
            try:
                docs.append((int(row[0]), document_from_row(row[1:])))  # type: ignore[index]
            except Exception as exc:  # noqa: BLE001
                yield f"document row {rowid}: {row if isinstance(row, str) else type(exc).__name__}"
        for _, doc in sorted(docs, key=lambda d: d[0]):
            yield doc, [c for _, c in sorted(claims.pop(doc.doc_id, []), key=lambda oc: oc[0])]
        for doc_id, lost in claims.items():
            yield f"{len(lost)} claims of document {doc_id[:16]}, which cannot be read back"
    finally:
        conn.close()


def _rows(conn: sqlite3.Connection, sql: str) -> list[Any]:
    try:
        return conn.execute(sql).fetchall()
    except sqlite3.DatabaseError:
        return []


def _each_row(conn: sqlite3.Connection, table: str, columns: str) -> Iterator[tuple[int, Any]]:
    """``(rowid, row)`` for every row of ``table``, read one by one; ``row`` is the error (a
    string) for a row that cannot be read.  When even the highest row number cannot be read,
    row numbers are tried until :data:`_MISSES` in a row are missing or unreadable."""
    top: int | None
    try:
        top = conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
    except sqlite3.DatabaseError:
        top = None
    rowid = misses = 0
    while (rowid < top) if top is not None else (misses < _MISSES):
        rowid += 1
        try:
            row = conn.execute(f"SELECT {columns} FROM {table} WHERE rowid = ?", (rowid,)).fetchone()
        except sqlite3.DatabaseError as exc:
            misses += 1
            if top is not None:
                yield rowid, str(exc)
            continue
        if row is None:
            misses += 1
            continue
        misses = 0
        yield rowid, row


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


__all__ = ["TABLES", "check", "rescue"]
