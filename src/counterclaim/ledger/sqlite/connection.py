"""The SQLite ledger's connection: opening a file (or ``":memory:"``) read-write or read-only,
laying out or upgrading its tables, transactions, and what the reading and writing halves share."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ...errors import BadQuery, LedgerCorrupt, LedgerError, LedgerReadOnly, LedgerVersionError, NotALedger
from ..base import Lifetime
from . import schema
from .datasette import DATASETTE_VERSION
from .guard import GuardedConnection

#: How long a writer waits for another writer's transaction before giving up.
BUSY_TIMEOUT_MS = 10_000
#: SQLite caps the parameters of one statement; lists of ids go in chunks of this many.
_CHUNK = 500
_QUERY_HINT = 'put words with punctuation in double quotes, e.g. "al-Nusra"'


def check_lines(rows: Iterable[str]) -> list[str]:
    """SQLite's integrity or quick check as one line a finding (it may put several in a row,
    after a '*** in database main ***' heading)."""
    out: list[str] = []
    for row in rows:
        out += [ln.strip() for ln in row.splitlines() if ln.strip() and not ln.startswith("*** in database")]
    return out


def can_write(path: str) -> bool:
    """Whether a ledger at ``path`` can be opened for writing: in memory, or a file that is not
    there yet or that this process may write, in a folder it may write (SQLite keeps its
    journal beside the file)."""
    if path == ":memory:":
        return True
    folder = os.path.dirname(os.path.abspath(path))
    return os.access(folder, os.W_OK) and (not os.path.exists(path) or os.access(path, os.W_OK))


def read_only_uri(path: str) -> str:
    """The URI that opens ``path`` read-only; ``immutable`` when its folder cannot be written,
    where SQLite could not make the shared-memory file a WAL ledger needs to be read (a shared
    drive, a mounted archive): the file is then read as it is, without locks."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    if not os.access(os.path.dirname(os.path.abspath(path)), os.W_OK):
        uri += "&immutable=1"
    return uri


def connect(path: str, *, readonly: bool) -> sqlite3.Connection:
    """A :class:`GuardedConnection` to ``path`` (autocommit: transactions are explicit)."""
    conn: GuardedConnection
    if readonly:
        conn = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None, factory=GuardedConnection)
    else:
        conn = sqlite3.connect(path, isolation_level=None, factory=GuardedConnection)
    conn.ledger_path = path
    return conn


class Connection(Lifetime):
    """One connection to a ledger file, in WAL mode: readers never block the one writer.

    ``readonly=True``: the file must already be a ledger, and every write is refused.
    ``readonly=None``: read-write when :func:`can_write`, else read-only.  ``verify``: check the
    whole file first (SQLite's quick check), so damage anywhere is said at once.
    """

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool | None = False, verify: bool = False) -> None:
        self.path = os.fspath(path)
        memory = self.path == ":memory:"
        self.readonly = (not can_write(self.path)) if readonly is None else readonly
        if self.readonly and memory:
            raise LedgerError("an in-memory ledger cannot be opened read-only")
        try:
            self._conn = connect(self.path, readonly=self.readonly)
        except sqlite3.Error as exc:
            raise LedgerError(f"{self.path}: {exc}") from exc
        try:
            self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._conn.execute("PRAGMA foreign_keys = ON")
            if not memory and not self.readonly:
                self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._version = self._open_schema()
            if verify:
                self._verify()
        except sqlite3.Error as exc:
            self._conn.close()
            if exc.sqlite_errorcode & 0xFF == sqlite3.SQLITE_READONLY:
                raise LedgerError(f"{self.path}: {exc} (the ledger or its folder cannot be written)") from exc
            raise LedgerError(f"{self.path}: {exc}") from exc
        except LedgerCorrupt as exc:
            self._conn.close()
            cause = exc.__cause__
            if isinstance(cause, sqlite3.DatabaseError) and cause.sqlite_errorcode & 0xFF == sqlite3.SQLITE_NOTADB:
                raise NotALedger(f"{self.path}: {cause}") from cause
            raise
        except BaseException:
            self._conn.close()
            raise

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        """Close the connection (safe to call twice)."""
        self._conn.close()

    @property
    def meta(self) -> dict[str, str]:
        """The ``meta`` table: ``schema_version`` and the ``extractor_version`` that created it."""
        return dict(self._conn.execute("SELECT key, value FROM meta").fetchall())

    def _open_schema(self) -> int:
        """The schema version, once the tables are laid out (a new ledger) or upgraded (an older
        ledger opened for writing); a read-only older ledger is read as it is."""
        version = schema.schema_version(self._conn, self.path)
        if version is None:
            if self.readonly:
                raise NotALedger(f"{self.path}: no meta table")
            with self._transaction():
                version = schema.schema_version(self._conn, self.path)  # another process may have just made it
                if version is None:
                    schema.create(self._conn)
                    version = schema.SCHEMA_VERSION
        schema.check_version(version, self.path)
        if version < schema.SCHEMA_VERSION and not self.readonly:
            with self._transaction():
                version = schema.schema_version(self._conn, self.path) or version  # ... or upgraded it
                if version < schema.SCHEMA_VERSION:
                    schema.upgrade(self._conn, version)
            version = schema.SCHEMA_VERSION
        return version

    def _verify(self) -> None:
        """SQLite's quick check of the whole file (every page, not every index entry): damage
        anywhere raises :class:`LedgerCorrupt`, even where no query of the command would look."""
        found = check_lines(r[0] for r in self._conn.execute("PRAGMA quick_check(3)"))
        if found != ["ok"]:
            raise LedgerCorrupt(
                f"{self.path}: {'; '.join(found)}; `counterclaim check --db {self.path}` says what is wrong "
                "and how to recover"
            )

    @property
    def _grouped(self) -> bool:
        """Whether the grouping tables exist (a schema-1 ledger opened read-only has none)."""
        return self._version >= schema.GROUPING_VERSION

    @property
    def _linked_fts(self) -> bool:
        """Whether the full-text tables are linked to their tables (schema 5), rather than
        holding their own copy keyed by id (an older ledger read as it is)."""
        return self._version >= DATASETTE_VERSION

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One ``BEGIN IMMEDIATE`` ... ``COMMIT``; any exception rolls it back and goes on."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise

    def _require_writable(self) -> None:
        if self.readonly:
            raise LedgerReadOnly(self.path)

    def _require_grouping(self) -> None:
        if not self._grouped:
            raise LedgerVersionError(
                f"{self.path} was written by an older counterclaim and has no incidents yet; "
                f"run `counterclaim group --db {self.path}` once to group its claims"
            )

    def _where_in(self, sql: str, ids: Sequence[str]) -> Iterator[Any]:
        """Rows of ``sql``, whose ``{ids}`` stands for a list of parameters, over ``ids`` in chunks."""
        ids = list(ids)
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            yield from self._conn.execute(sql.format(ids=", ".join("?" * len(chunk))), chunk)

    def _match(self, sql: str, query: str, params: Sequence[Any]) -> list[Any]:
        """The rows of a full-text query; a query FTS5 cannot parse raises :class:`BadQuery`."""
        if not query.strip():
            raise BadQuery("empty query")
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            # FTS5 reports every query syntax problem as a plain SQLITE_ERROR.
            if exc.sqlite_errorcode & 0xFF == sqlite3.SQLITE_ERROR:
                raise BadQuery(f"{query!r}: {exc}; {_QUERY_HINT}") from exc
            raise LedgerError(f"{self.path}: {exc}") from exc


__all__ = ["BUSY_TIMEOUT_MS", "Connection", "can_write", "check_lines", "connect", "read_only_uri"]
