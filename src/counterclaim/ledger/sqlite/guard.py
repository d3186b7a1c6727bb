"""SQLite connections and cursors that say a damaged ledger in one clear error.

SQLite reports a damaged file (garbage written into it, a truncated copy) as
``sqlite3.DatabaseError`` from whichever statement, or whichever row of a result, first meets
the damage.  :class:`GuardedConnection` (passed to ``sqlite3.connect`` as its ``factory``) and
its cursors turn every such error into :class:`~counterclaim.errors.LedgerCorrupt`, naming the
file and how to learn more (``counterclaim check``); every other error is left as it is.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from ...errors import LedgerCorrupt

#: SQLite's primary result codes for a damaged file: SQLITE_CORRUPT, SQLITE_NOTADB.
_DAMAGED = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})


def damaged(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite saying the file is damaged (or a stored text that is no longer
    UTF-8, which only damage makes: the ledger writes nothing else)."""
    if isinstance(exc, sqlite3.OperationalError) and str(exc).startswith("Could not decode to UTF-8"):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(exc, sqlite3.DatabaseError) and code is not None and code & 0xFF in _DAMAGED


def loads(text: str) -> Any:
    """A stored JSON value; one that is not JSON (damage) raises :class:`LedgerCorrupt`."""
    try:
        return json.loads(text)
    except (TypeError, ValueError) as exc:
        raise LedgerCorrupt(f"a stored value cannot be read back ({exc}); `counterclaim check` says more") from exc


def corrupt(path: str, exc: BaseException) -> LedgerCorrupt:
    """The error a damaged ledger raises."""
    return LedgerCorrupt(f"{path}: {exc}; `counterclaim check --db {path}` says what is wrong and how to recover")


class GuardedCursor(sqlite3.Cursor):
    """A cursor whose statements and rows raise :class:`LedgerCorrupt` on a damaged file."""

    def _path(self) -> str:
        return getattr(self.connection, "ledger_path", "ledger")

    def execute(self, sql: str, parameters: Any = (), /) -> GuardedCursor:
        try:
            super().execute(sql, parameters)
        except sqlite3.DatabaseError as exc:
            if damaged(exc):
                raise corrupt(self._path(), exc) from exc
            raise
        return self

    def executemany(self, sql: str, seq_of_parameters: Iterable[Any], /) -> GuardedCursor:
        try:
            super().executemany(sql, seq_of_parameters)
        except sqlite3.DatabaseError as exc:
            if damaged(exc):
                raise corrupt(self._path(), exc) from exc
            raise
        return self

    def fetchone(self) -> Any:
        try:
            return super().fetchone()
        except sqlite3.DatabaseError as exc:
            if damaged(exc):
                raise corrupt(self._path(), exc) from exc
            raise

    def fetchall(self) -> list[Any]:
        try:
            return super().fetchall()
        except sqlite3.DatabaseError as exc:
            if damaged(exc):
                raise corrupt(self._path(), exc) from exc
            raise

    def __next__(self) -> Any:
        try:
            return super().__next__()
        except sqlite3.DatabaseError as exc:
            if damaged(exc):
                raise corrupt(self._path(), exc) from exc
            raise


class GuardedConnection(sqlite3.Connection):
    """A connection whose ``execute`` and ``executemany`` give :class:`GuardedCursor` objects."""

    #: the ledger file, as error messages name it
    ledger_path: str = "ledger"

    def cursor(self, factory: Any = GuardedCursor) -> Any:  # type: ignore[override]
        return super().cursor(factory)

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Any:
        return self.cursor().executemany(sql, parameters)


__all__ = ["GuardedConnection", "GuardedCursor", "corrupt", "damaged", "loads"]
