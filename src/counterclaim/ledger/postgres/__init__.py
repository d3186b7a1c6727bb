"""The ledger in a PostgreSQL database, shared by every analyst and every ingest at once: the same
:class:`~counterclaim.ledger.Ledger` as the SQLite file, opened by
:func:`counterclaim.ledger.open_ledger` for a ``postgresql://`` URL (psycopg 3;
``pip install 'counterclaim[postgres]'``).

Each document is written in one transaction with its claims, idempotently (``ON CONFLICT DO
NOTHING``): several ingests may write one ledger at once, and a document two of them read is
stored once.  Claims, incidents, contradictions and corroborations are kept whole as ``jsonb``
(exactly ``to_json(obj)``, read back with the model's ``*_from_dict``); the claim columns an
analyst filters on (claimant, stance, event type, governorate, coordinates, time window,
killed) are promoted to indexed columns, and documents and claims have a generated
``tsvector`` under a GIN index for full-text search.

:mod:`.schema` (the tables by version, and the upgrade of an older ledger), :mod:`.connection`
(opening, transactions), :mod:`.writing`, :mod:`.reading` (documents, claims, search) and
:mod:`.grouped` (grouping, incidents, contradictions).  The columns and JSON are encoded as the
SQLite ledger's (:mod:`counterclaim.ledger.sqlite.codec`), so both stores give back the same
objects in the same orders.
"""

from __future__ import annotations

from .connection import without_password
from .grouped import Grouped
from .reading import Reading
from .schema import SCHEMA_VERSION
from .writing import Writing


class PostgresLedger(Writing, Reading, Grouped):
    """A claims ledger in a PostgreSQL database, given by its ``postgresql://`` URL; a
    :class:`~counterclaim.ledger.Ledger`.

    Use as a context manager, or call :meth:`close`.  With ``readonly=True`` the database must
    already hold a ledger and every write is refused; with ``readonly=None`` it is opened
    read-write when this role may write it.  A ledger of an older schema is upgraded when opened
    for writing, and read as it is when opened read-only.
    """


__all__ = ["SCHEMA_VERSION", "PostgresLedger", "without_password"]
