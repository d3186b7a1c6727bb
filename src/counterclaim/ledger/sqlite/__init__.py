"""The ledger in one SQLite file (or in memory): documents, their claims, and what grouping finds.

One document is written in one transaction together with its claims and full-text rows, so a
ledger never holds half a document.  Documents are keyed by :attr:`Document.doc_id` (a hash of
the cleaned text): ingesting the same text again adds no document and no claims, only a
*sighting* when it came from somewhere else.  Each claim is kept whole as JSON (``claims.data``,
exactly ``to_json(claim)``); the other claim columns are copies for filtering and indexing.

This package is the only place in counterclaim that speaks SQL: :mod:`.schema` (the tables by
version, and the upgrade of an older ledger), :mod:`.connection` (opening, transactions),
:mod:`.codec` (model objects to columns and JSON and back), :mod:`.writing`, :mod:`.reading`
(documents and claims) and :mod:`.grouped` (grouping, incidents, contradictions).  Get one with
:func:`counterclaim.ledger.open_ledger`.
"""

from __future__ import annotations

from .connection import BUSY_TIMEOUT_MS
from .grouped import Grouped
from .reading import Reading
from .schema import SCHEMA_VERSION
from .writing import Writing


class SqliteLedger(Writing, Reading, Grouped):
    """A claims ledger in one SQLite file (or ``":memory:"``); a :class:`~counterclaim.ledger.Ledger`.

    Use as a context manager, or call :meth:`close`.  With ``readonly=True`` the file must
    already be a ledger and every write is refused; with ``readonly=None`` it is opened
    read-write when it can be written, else read-only (:attr:`writable` says which).  Readers
    never block the one writer.  A ledger of an older schema is upgraded when opened for
    writing, and read as it is when opened read-only.
    """


__all__ = ["BUSY_TIMEOUT_MS", "SCHEMA_VERSION", "SqliteLedger"]
