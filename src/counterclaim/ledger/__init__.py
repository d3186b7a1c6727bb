"""The ledger: where documents, claims, incidents and contradictions are stored.

:class:`Ledger` (:mod:`.base`) is the interface everything above the store uses, with the typed
rows it takes and gives; :func:`open_ledger` is the one way to get one.  Today there is one
store, a SQLite file (:mod:`.sqlite`).
"""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

from ..errors import UnsupportedLedger
from .base import (
    ClaimGrouping,
    Fingerprint,
    GroupedClaim,
    GroupingRole,
    Ledger,
    LedgerStats,
    PendingClaim,
    SearchHit,
    Sighting,
    StoredIncident,
)
from .sqlite import SqliteLedger

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def open_ledger(target: str | os.PathLike[str], *, readonly: bool | None = False) -> Ledger:
    """Open the ledger at ``target``: a file path (created when missing, unless read-only) or
    ``":memory:"`` gives a SQLite ledger.  A URL (``postgresql://...``) raises
    :class:`~counterclaim.errors.UnsupportedLedger`: no other store exists yet.

    ``readonly=True`` refuses every write; ``readonly=None`` opens read-write when the target
    can be written, else read-only: see :attr:`Ledger.writable`.  An older ledger is upgraded
    when opened for writing, and read as it is otherwise.
    """
    name = os.fspath(target)
    if _URL.match(name):
        raise UnsupportedLedger(f"{_without_password(name)} (only a SQLite file, or :memory:, for now)")
    ledger: Ledger = SqliteLedger(name, readonly=readonly)  # mypy checks SqliteLedger is a Ledger here
    return ledger


def _without_password(url: str) -> str:
    """The URL as an error message may show it: a password in it masked."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


__all__ = [
    "ClaimGrouping", "Fingerprint", "GroupedClaim", "GroupingRole", "Ledger", "LedgerStats", "PendingClaim",
    "SearchHit", "Sighting", "SqliteLedger", "StoredIncident", "open_ledger",
]
