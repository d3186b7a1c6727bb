"""Schema version 5 of the SQLite ledger: a file any SQLite tool reads without knowing
counterclaim (``datasette ledger.db``, ``sqlite-utils search``, ``sqlite3``).

* The full-text tables are external-content tables linked to their tables (``content=[documents]``,
  ``content=[claims]``, rowid for rowid), the layout Datasette and sqlite-utils detect: searching
  the ``documents`` or ``claims`` table finds its rows.  A claim's searchable texts (evidence,
  claimant, perpetrator, quantities, places, times) are columns of ``claims`` for that.
* The claim columns an analyst filters on are promoted and indexed, as in the PostgreSQL ledger
  (:mod:`counterclaim.ledger.columns`): admin1, lat, lon, time_start, time_end, killed_low,
  killed_high.
* Two views give one row per claim (``claims_flat``, with its document's title, outlet and date)
  and one per incident (``incidents_flat``), with plain columns.

An older ledger is upgraded by :data:`SCHEMA_5` and then :func:`fill_5`, which works out the new
columns of every stored claim (in Python, with the same functions that write a new claim) and
rebuilds both full-text indexes from their tables.  Everything of version 5 is in this module,
so the schema's other changes merge beside it.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ...model import Claim, claim_from_dict
from ..columns import PROMOTED, promoted
from .codec import claim_search_texts
from .guard import loads

#: The first version with external-content full-text tables, promoted columns and the views.
DATASETTE_VERSION = 5

_TOKENIZE = "tokenize = 'porter unicode61 remove_diacritics 2'"
#: The searchable texts of a claim, as columns of ``claims`` and of ``claims_fts``.
SEARCH_COLUMNS: tuple[str, ...] = ("evidence", "claimant", "perpetrator", "quantities", "places", "times")
_TYPES = {"admin1": "TEXT", "lat": "REAL", "lon": "REAL", "time_start": "TEXT", "time_end": "TEXT",
          "killed_low": "REAL", "killed_high": "REAL"}

#: Version 5: promoted claim columns, external-content full-text tables, flat views.
SCHEMA_5: tuple[str, ...] = (
    *(f"ALTER TABLE claims ADD COLUMN {c} {_TYPES[c]}" for c in PROMOTED),
    *(f"ALTER TABLE claims ADD COLUMN {c} TEXT" for c in SEARCH_COLUMNS),
    "CREATE INDEX IF NOT EXISTS claims_admin1 ON claims (admin1 COLLATE NOCASE)",
    "CREATE INDEX IF NOT EXISTS claims_lat_lon ON claims (lat, lon)",
    "CREATE INDEX IF NOT EXISTS claims_time ON claims (time_start, time_end)",
    "CREATE INDEX IF NOT EXISTS claims_killed ON claims (killed_high)",
    "DROP TABLE IF EXISTS documents_fts",
    "DROP TABLE IF EXISTS claims_fts",
    f"CREATE VIRTUAL TABLE documents_fts USING fts5 (title, text, content=[documents], {_TOKENIZE})",
    f"CREATE VIRTUAL TABLE claims_fts USING fts5 ({', '.join(SEARCH_COLUMNS)}, content=[claims], {_TOKENIZE})",
    """CREATE VIEW IF NOT EXISTS claims_flat AS SELECT
        c.claim_id, c.doc_id, d.title, d.outlet, d.published, d.url,
        c.claimant_actor, c.claimant_text, c.actor_type, c.stance, c.event_type,
        c.admin1, c.lat, c.lon, c.time_start, c.time_end, c.killed_low, c.killed_high,
        c.confidence, c.evidence, c.places, c.quantities
        FROM claims c JOIN documents d USING (doc_id) ORDER BY d.seq, c.ordinal""",
    """CREATE VIEW IF NOT EXISTS incidents_flat AS SELECT
        i.incident_id, i.event_type, i.admin1, i.country, i.start, i.end,
        json_extract(i.data, '$.location.name') AS place,
        json_extract(i.data, '$.location.lat') AS lat, json_extract(i.data, '$.location.lon') AS lon,
        i.n_claims, i.n_claimants, i.n_contradictions,
        json_extract(i.data, '$.corroborations') AS n_corroborations,
        (SELECT group_concat(value, '; ') FROM json_each(i.claimants)) AS claimants,
        (SELECT group_concat(value, '; ') FROM json_each(i.data, '$.outlets')) AS outlets
        FROM incidents i""",
)

#: The columns of a claim row this version adds, in this order.
CLAIM_COLUMNS_5: tuple[str, ...] = (*PROMOTED, *SEARCH_COLUMNS)


def claim_values_5(c: Claim) -> tuple[Any, ...]:
    """A claim's values for :data:`CLAIM_COLUMNS_5`."""
    return (*promoted(c), *claim_search_texts(c))


def fill_5(conn: sqlite3.Connection) -> None:
    """The new columns of every stored claim, and both full-text indexes rebuilt from their
    tables (inside the caller's transaction, after :data:`SCHEMA_5`)."""
    rows = conn.execute("SELECT rowid, data FROM claims").fetchall()
    sets = ", ".join(f"{c} = ?" for c in CLAIM_COLUMNS_5)
    conn.executemany(
        f"UPDATE claims SET {sets} WHERE rowid = ?",
        [(*claim_values_5(claim_from_dict(loads(data))), rowid) for rowid, data in rows],
    )
    conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')")
    conn.execute("INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')")


__all__ = ["CLAIM_COLUMNS_5", "DATASETTE_VERSION", "SCHEMA_5", "SEARCH_COLUMNS", "claim_values_5", "fill_5"]
