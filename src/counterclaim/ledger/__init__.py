"""The ledger: where documents, claims, incidents and contradictions are stored.

:class:`Ledger` (:mod:`.base`) is the interface everything above the store uses, with the typed
rows it takes and gives; :func:`open_ledger` is the one way to get one.  Today there is one
store, a SQLite file (:mod:`.sqlite`).
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


def open_ledger(target: str | os.PathLike[str], *, readonly: bool | None = False, verify: bool = False) -> Ledger:
    """Open the ledger at ``target``: a file path (created when missing, unless read-only) or
    ``":memory:"`` gives a SQLite ledger.  A URL (``postgresql://...``) raises
    :class:`~counterclaim.errors.UnsupportedLedger`: no other store exists yet.

    ``readonly=True`` refuses every write; ``readonly=None`` opens read-write when the target
    can be written, else read-only: see :attr:`Ledger.writable`.  An older ledger is upgraded
    when opened for writing, and read as it is otherwise.  A ledger in a folder that cannot be
    written is opened read-only as an immutable file.  ``verify=True`` checks the whole file
    first and raises :class:`~counterclaim.errors.LedgerCorrupt` on damage anywhere.
    """
    name = os.fspath(target)
    if _URL.match(name):
        raise UnsupportedLedger(f"{_without_password(name)} (only a SQLite file, or :memory:, for now)")
    ledger: Ledger = SqliteLedger(name, readonly=readonly, verify=verify)  # mypy checks SqliteLedger is a Ledger here
    return ledger


def check_ledger(target: str | os.PathLike[str]) -> LedgerCheck:
    """Check the ledger at ``target`` without changing it: whole or damaged, its schema version,
    what it holds, and how to recover when something is wrong."""
    name = os.fspath(target)
    if _URL.match(name):
        raise UnsupportedLedger(f"{_without_password(name)} (only a SQLite file, or :memory:, for now)")
    return _sqlite_check.check(name)


def rescue_ledger(target: str | os.PathLike[str]) -> Iterator[tuple[Document, list[Claim]] | str]:
    """Every document of a damaged ledger that still reads back, with those of its claims that
    do, in ingest order, and a line (a string) for each row lost; the ledger is only read."""
    return _sqlite_check.rescue(os.fspath(target))


def _without_password(url: str) -> str:
    """The URL as an error message may show it: a password in it masked."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


__all__ = [
    "ClaimGrouping", "Fingerprint", "GroupedClaim", "GroupingRole", "Ledger", "LedgerCheck", "LedgerStats",
    "PendingClaim", "SearchHit", "SearchSyntax", "Sighting", "SqliteLedger", "StoredIncident", "check_ledger", "open_ledger",
    "rescue_ledger",
]
