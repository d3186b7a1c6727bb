"""The PostgreSQL ledger's connection: opening a database by URL read-write or read-only, laying
out or upgrading its tables, transactions, and what the reading and writing halves share."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

from ...errors import LedgerError, LedgerReadOnly, LedgerVersionError, UnsupportedLedger
from ..base import Lifetime
from . import schema

try:  # an optional dependency: pip install 'counterclaim[postgres]'
    import psycopg
except ImportError:  # pragma: no cover - said when a postgresql:// ledger is opened
    psycopg = None  # type: ignore[assignment]


def without_password(url: str) -> str:
    """The URL as an error message may show it: a password in it masked."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@", 1)).geturl()


class Connection(Lifetime):
    """One connection to a PostgreSQL ledger, given as a ``postgresql://`` URL (libpq's: user,
    password, host, port, database, ``?options``).  Transactions are explicit (autocommit
    otherwise), one per document or grouping run.

    ``readonly=True``: the database must already hold a ledger, and every write is refused (the
    session is read-only too).  ``readonly=None``: read-write when this role may write the
    ledger's tables (or make them), else read-only.  ``verify`` is accepted for the protocol: the
    server keeps its own files whole.
    """

    def __init__(self, url: str, *, readonly: bool | None = False, verify: bool = False) -> None:
        self.path = without_password(url)
        if psycopg is None:
            raise UnsupportedLedger(f"{self.path} needs psycopg: pip install 'counterclaim[postgres]'")
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise LedgerError(f"{self.path}: {first_line(exc)}") from None
        try:
            self.readonly = (not self._may_write()) if readonly is None else readonly
            self._version = self._open_schema()
            if self.readonly:
                self._conn.execute("SET default_transaction_read_only = on")
        except psycopg.Error as exc:
            self._conn.close()
            raise LedgerError(f"{self.path}: {first_line(exc)}") from None
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
        return dict(self._rows("SELECT key, value FROM meta"))

    @property
    def schema_version(self) -> int:
        return self._version

    def _may_write(self) -> bool:
        """Whether this role may write the ledger's tables, or make them in a new database."""
        row = self._conn.execute(
            "SELECT CASE WHEN pg_is_in_recovery() THEN false"
            " WHEN to_regclass('documents') IS NULL THEN has_database_privilege(current_database(), 'CREATE')"
            " ELSE has_table_privilege('documents', 'INSERT') END"
        ).fetchone()
        return bool(row and row[0])

    def _open_schema(self) -> int:
        """The schema version, once the tables are laid out (a new ledger) or upgraded (an older
        ledger opened for writing); a read-only older ledger is read as it is."""
        with self._conn.cursor() as cur:
            version = schema.schema_version(cur, self.path)
        if version is None and self.readonly:
            raise LedgerError(f"{self.path}: not a ledger (no meta table)")
        if version is None or (version < schema.SCHEMA_VERSION and not self.readonly):
            with self._transaction() as cur:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (schema.SCHEMA_LOCK,))
                version = schema.schema_version(cur, self.path)  # another process may have just made it
                if version is None:
                    schema.create(cur)
                elif version < schema.SCHEMA_VERSION:
                    schema.check_version(version, self.path)
                    schema.upgrade(cur, version)
                else:
                    schema.check_version(version, self.path)
            return schema.SCHEMA_VERSION
        schema.check_version(version, self.path)
        return version

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        """One transaction and a cursor in it; any exception rolls it back and goes on."""
        with self._conn.transaction(), self._conn.cursor() as cur:
            yield cur

    def _rows(self, sql: str, params: Sequence[Any] | None = None) -> list[Any]:
        """Every row of a query."""
        with self._conn.cursor() as cur:
            cur.execute(sql, params)  # type: ignore[arg-type]
            return cur.fetchall()

    def _one(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        """The first row of a query, or None."""
        with self._conn.cursor() as cur:
            cur.execute(sql, params)  # type: ignore[arg-type]
            return cur.fetchone()

    def _stream(self, sql: str, params: Sequence[Any] | None = None) -> Iterator[Any]:
        """The rows of a query, a batch at a time (a server-side cursor would hold a
        transaction open; the ledger's reads are small enough to fetch whole)."""
        yield from self._rows(sql, params)

    def _require_writable(self) -> None:
        if self.readonly:
            raise LedgerReadOnly(self.path)

    def _require_grouping(self) -> None:
        """Every PostgreSQL ledger has the grouping tables (from its first version)."""
        if self._version < 1:  # pragma: no cover - kept for the protocol's promise
            raise LedgerVersionError(f"{self.path} has no grouping tables")


def first_line(exc: BaseException) -> str:
    """psycopg's message, on one line (the server adds DETAIL and HINT lines)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


__all__ = ["Connection", "without_password"]
