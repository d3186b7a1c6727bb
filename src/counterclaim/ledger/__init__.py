"""The ledger: where documents, claims, incidents and contradictions are stored.

:class:`Ledger` (:mod:`.base`) is the interface everything above the store uses, with the typed
rows it takes and gives; :func:`open_ledger` is the one way to get one.  Two stores: a SQLite
file (:mod:`.sqlite`, the default: one analyst, nothing to install) and a PostgreSQL database
(:mod:`.postgres`, given as a ``postgresql://`` URL: shared, several ingests at once).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from ..model import Claim, Document
from ..errors import UnsupportedLedger
from .base import (
    ClaimGrouping,
    Fingerprint,
    GroupedClaim,
    GroupingRole,
    Ledger,
    LedgerCheck,
    LedgerStats,
    PendingClaim,
    SearchHit,
    SearchSyntax,
    Sighting,
    StoredIncident,
)
from .sqlite import SqliteLedger
from .sqlite import check as _sqlite_check

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
#: The URL schemes that name a PostgreSQL ledger.
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_url(target: str | os.PathLike[str]) -> bool:
    """Whether ``target`` is a URL (a server's ledger) rather than a file path."""
    return bool(_URL.match(os.fspath(target)))


def is_postgres(target: str | os.PathLike[str]) -> bool:
    """Whether ``target`` names a PostgreSQL ledger."""
    return os.fspath(target).lower().startswith(POSTGRES_SCHEMES)


def open_ledger(target: str | os.PathLike[str], *, readonly: bool | None = False, verify: bool = False) -> Ledger:
    """Open the ledger at ``target``: a file path (created when missing, unless read-only) or
    ``":memory:"`` gives a SQLite ledger; a ``postgresql://user@host/dbname`` URL a PostgreSQL
    ledger (its tables made when missing, unless read-only).  Any other URL raises
    :class:`~counterclaim.errors.UnsupportedLedger`.

    ``readonly=True`` refuses every write; ``readonly=None`` opens read-write when the target
    can be written, else read-only: see :attr:`Ledger.writable`.  An older ledger is upgraded
    when opened for writing, and read as it is otherwise.  A ledger in a folder that cannot be
    written is opened read-only as an immutable file.  ``verify=True`` checks the whole file
    first and raises :class:`~counterclaim.errors.LedgerCorrupt` on damage anywhere.
    """
    name = os.fspath(target)
    if is_postgres(name):
        from .postgres import PostgresLedger  # psycopg is imported only for a PostgreSQL ledger

        pg: Ledger = PostgresLedger(name, readonly=readonly, verify=verify)
        return pg
    if _URL.match(name):
        raise UnsupportedLedger(f"{_without_password(name)} (a SQLite file, :memory:, or a postgresql:// URL)")
    ledger: Ledger = SqliteLedger(name, readonly=readonly, verify=verify)  # mypy checks SqliteLedger is a Ledger here
    return ledger


def check_ledger(target: str | os.PathLike[str]) -> LedgerCheck:
    """Check the ledger at ``target`` without changing it: whole or damaged, its schema version,
    what it holds, and how to recover when something is wrong."""
    name = os.fspath(target)
    if is_postgres(name):
        return _postgres_check(name)
    if _URL.match(name):
        raise UnsupportedLedger(f"{_without_password(name)} (a SQLite file, :memory:, or a postgresql:// URL)")
    return _sqlite_check.check(name)


def _postgres_check(url: str) -> LedgerCheck:
    """A PostgreSQL ledger's check: the server keeps its files whole, so what can be wrong is
    reaching it, or a database that holds no ledger."""
    from ..errors import LedgerError
    from .postgres import PostgresLedger, without_password

    try:
        with PostgresLedger(url, readonly=True) as ledger:
            meta, stats = ledger.meta, ledger.stats()
    except LedgerError as exc:
        return LedgerCheck(without_password(url), ok=False, problems=(exc.message,))
    counts: dict[str, int | None] = {
        "documents": stats.documents, "claims": stats.claims, "sightings": stats.sightings,
        "incidents": stats.incidents, "contradictions": stats.contradictions,
    }
    return LedgerCheck(without_password(url), ok=True, schema_version=int(meta["schema_version"]),
                       extractor_version=meta.get("extractor_version"), counts=counts)


def rescue_ledger(target: str | os.PathLike[str]) -> Iterator[tuple[Document, list[Claim]] | str]:
    """Every document of a damaged ledger that still reads back, with those of its claims that
    do, in ingest order, and a line (a string) for each row lost; the ledger is only read (a
    SQLite file: a PostgreSQL server keeps its own files whole, and has its own tools)."""
    if _URL.match(os.fspath(target)):
        raise UnsupportedLedger(f"{_without_password(os.fspath(target))}: rescue reads SQLite files only")
    return _sqlite_check.rescue(os.fspath(target))


def shown(target: str | os.PathLike[str]) -> str:
    """How messages name a ledger: its path, or its URL with any password masked."""
    return _without_password(os.fspath(target))


def _without_password(url: str) -> str:
    """The URL as an error message may show it: a password in it masked."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


__all__ = [
    "ClaimGrouping", "Fingerprint", "GroupedClaim", "GroupingRole", "Ledger", "LedgerCheck", "LedgerStats",
    "PendingClaim", "SearchHit", "SearchSyntax", "Sighting", "SqliteLedger", "StoredIncident", "check_ledger", "is_postgres",
    "is_url", "open_ledger", "rescue_ledger", "shown",
]
