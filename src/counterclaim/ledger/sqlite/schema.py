"""The SQLite ledger's tables, by the schema version that added them, and the upgrade of an older
ledger.

Version 1: documents, claims, sightings and their full-text indexes.  Version 2: near-copy
fingerprints, claim grouping, incidents, contradictions, corroborations.  Version 3: the
language a document was read in.  Version 4: where a document's publication date was found
(``published_basis``) and its main event (``main_event``, a claim id).  Version 5: a file
Datasette and sqlite-utils read (:mod:`.datasette`: external-content full-text tables,
promoted claim columns, flat views).  A new ledger is laid out by running every version's
statements (and fills) in order, so a new ledger and an upgraded one are the same.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from ...errors import LedgerVersionError, NotALedger
from ...model import EXTRACTOR_VERSION
from .datasette import SCHEMA_5, fill_5

#: Bumped whenever the tables change; a ledger with a higher version is refused.
SCHEMA_VERSION = 5

_TOKENIZE = "tokenize = 'porter unicode61 remove_diacritics 2'"

#: Version 1: documents and claims.
SCHEMA_1: tuple[str, ...] = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS documents (
        doc_id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,          -- ingest order, 1, 2, 3, ...
        source_path TEXT, source_id TEXT, url TEXT, outlet TEXT,
        published TEXT, published_from TEXT, title TEXT,
        text TEXT NOT NULL,
        removed TEXT NOT NULL,                -- JSON list of Removed
        byline TEXT,                          -- JSON Span or NULL
        warnings TEXT NOT NULL,               -- JSON list of strings
        ingested_at TEXT NOT NULL             -- UTC ISO timestamp
    )""",
    """CREATE TABLE IF NOT EXISTS claims (
        claim_id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents (doc_id),
        ordinal INTEGER NOT NULL,             -- position in the document's claim list
        claimant_actor TEXT, claimant_text TEXT, actor_type TEXT NOT NULL,
        stance TEXT NOT NULL, event_type TEXT NOT NULL,
        evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
        confidence REAL NOT NULL,
        data TEXT NOT NULL,                   -- to_json(claim): the claim, whole
        UNIQUE (doc_id, ordinal)
    )""",
    "CREATE INDEX IF NOT EXISTS claims_actor ON claims (claimant_actor COLLATE NOCASE)",
    "CREATE INDEX IF NOT EXISTS claims_actor_type ON claims (actor_type)",
    "CREATE INDEX IF NOT EXISTS claims_stance ON claims (stance)",
    "CREATE INDEX IF NOT EXISTS claims_event_type ON claims (event_type)",
    """CREATE TABLE IF NOT EXISTS sightings (
        doc_id TEXT NOT NULL REFERENCES documents (doc_id),
        source_path TEXT, source_id TEXT, url TEXT, outlet TEXT,
        seen_at TEXT NOT NULL
    )""",
    # NULLs are distinct in a plain UNIQUE constraint, so compare them as '' instead.
    """CREATE UNIQUE INDEX IF NOT EXISTS sightings_unique ON sightings (doc_id,
        ifnull(source_path, ''), ifnull(source_id, ''), ifnull(url, ''), ifnull(outlet, ''))""",
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5 (
        doc_id UNINDEXED, title, text, {_TOKENIZE})""",
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5 (
        claim_id UNINDEXED, evidence, claimant, perpetrator, quantities, places, times,
        {_TOKENIZE})""",
)

#: Version 2: incidents, contradictions and near-copy fingerprints.
SCHEMA_2: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS fingerprints (
        doc_id TEXT PRIMARY KEY REFERENCES documents (doc_id),
        duplicate_of TEXT                     -- the document this one is a near copy of
    )""",
    """CREATE TABLE IF NOT EXISTS minhash_bands (
        band INTEGER NOT NULL, key INTEGER NOT NULL,  -- LSH band number and its key
        doc_id TEXT NOT NULL REFERENCES documents (doc_id)
    )""",
    "CREATE INDEX IF NOT EXISTS minhash_bands_key ON minhash_bands (band, key)",
    """CREATE TABLE IF NOT EXISTS grouping (
        claim_id TEXT PRIMARY KEY REFERENCES claims (claim_id),
        role TEXT NOT NULL,                   -- member, duplicate, summary, unplaced
        incident_id TEXT,                     -- for member and duplicate
        why TEXT,                             -- for summary and unplaced
        link TEXT,                            -- JSON Link, for member and duplicate
        footprint TEXT NOT NULL               -- JSON Footprint
    )""",
    "CREATE INDEX IF NOT EXISTS grouping_incident ON grouping (incident_id)",
    "CREATE INDEX IF NOT EXISTS grouping_role ON grouping (role)",
    """CREATE TABLE IF NOT EXISTS incidents (
        incident_id TEXT PRIMARY KEY,
        event_type TEXT NOT NULL, admin1 TEXT, country TEXT,
        start TEXT, end TEXT,                 -- ISO dates, the incident's window
        n_claims INTEGER NOT NULL, n_claimants INTEGER NOT NULL,
        n_contradictions INTEGER NOT NULL,
        claimants TEXT NOT NULL,              -- JSON list of claimant names
        state TEXT NOT NULL,                  -- JSON grouping state, to take up the next run
        data TEXT NOT NULL                    -- JSON Incident
    )""",
    "CREATE INDEX IF NOT EXISTS incidents_place_time ON incidents (admin1, start)",
    """CREATE TABLE IF NOT EXISTS contradictions (
        contradiction_id TEXT PRIMARY KEY,
        incident_id TEXT NOT NULL, kind TEXT NOT NULL, same_claimant INTEGER NOT NULL,
        data TEXT NOT NULL                    -- JSON Contradiction
    )""",
    "CREATE INDEX IF NOT EXISTS contradictions_incident ON contradictions (incident_id)",
    """CREATE TABLE IF NOT EXISTS corroborations (
        corroboration_id TEXT PRIMARY KEY,
        incident_id TEXT NOT NULL,
        data TEXT NOT NULL                    -- JSON Corroboration
    )""",
    "CREATE INDEX IF NOT EXISTS corroborations_incident ON corroborations (incident_id)",
)

#: Version 3: the language a document was read in (ISO 639-1); older documents were read in English.
SCHEMA_3: tuple[str, ...] = (
    "ALTER TABLE documents ADD COLUMN language TEXT NOT NULL DEFAULT 'en'",
)

#: Version 4: where the publication date was found, and the document's main event (a claim id);
#: older documents have neither.
SCHEMA_4: tuple[str, ...] = (
    "ALTER TABLE documents ADD COLUMN published_basis TEXT",
    "ALTER TABLE documents ADD COLUMN main_event TEXT",
)

#: The statements that bring a ledger of version ``v - 1`` to version ``v``, by ``v``.
UPGRADES: dict[int, tuple[str, ...]] = {1: SCHEMA_1, 2: SCHEMA_2, 3: SCHEMA_3, 4: SCHEMA_4, 5: SCHEMA_5}
#: What runs after a version's statements: rows that version's new columns are worked out for.
FILLS: dict[int, Callable[[sqlite3.Connection], None]] = {5: fill_5}

#: The first version with the grouping tables, with ``documents.language``, and with
#: ``documents.published_basis`` and ``documents.main_event``.
GROUPING_VERSION, LANGUAGE_VERSION, MAIN_EVENT_VERSION = 2, 3, 4


def schema_version(conn: sqlite3.Connection, name: str) -> int | None:
    """The ledger's schema version; None for an empty database (no ledger yet).  Any other
    database raises :class:`NotALedger`."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "meta" not in tables:
        if tables:
            raise NotALedger(f"{name}: a SQLite database with other tables")
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    try:
        return int(row[0])
    except (TypeError, ValueError):
        raise NotALedger(f"{name}: no valid schema_version in meta") from None


def check_version(version: int, name: str) -> None:
    """Refuse a ledger laid out by a newer counterclaim."""
    if version > SCHEMA_VERSION:
        raise LedgerVersionError(
            f"{name} has schema version {version}, this counterclaim knows up to {SCHEMA_VERSION}"
        )


def create(conn: sqlite3.Connection) -> None:
    """Lay out a new ledger (inside the caller's transaction)."""
    for version in sorted(UPGRADES):
        _run(conn, version)
    conn.executemany(
        "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
        [("schema_version", str(SCHEMA_VERSION)), ("extractor_version", EXTRACTOR_VERSION)],
    )


def upgrade(conn: sqlite3.Connection, version: int) -> None:
    """Bring a ledger of ``version`` to :data:`SCHEMA_VERSION`, keeping every row (inside the
    caller's transaction)."""
    for v in range(version + 1, SCHEMA_VERSION + 1):
        _run(conn, v)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))


def _run(conn: sqlite3.Connection, version: int) -> None:
    """The statements of one version, then its fill."""
    for statement in UPGRADES[version]:
        conn.execute(statement)
    if version in FILLS:
        FILLS[version](conn)


__all__ = [
    "FILLS", "GROUPING_VERSION", "LANGUAGE_VERSION", "MAIN_EVENT_VERSION", "SCHEMA_1", "SCHEMA_2", "SCHEMA_3",
    "SCHEMA_4", "SCHEMA_VERSION", "UPGRADES",
    "check_version", "create", "schema_version", "upgrade",
]
