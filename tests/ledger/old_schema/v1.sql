-- The version 1 statements of counterclaim's SQLite ledger as schema version 1 laid them out
-- (src/counterclaim/ledger/sqlite.py at commit e24c8c0, `_SCHEMA`), kept verbatim to build
-- real old ledgers in the tests.  Statements end with a line holding only ';'.

CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)
;
CREATE TABLE IF NOT EXISTS documents (
        doc_id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,          -- ingest order, 1, 2, 3, ...
        source_path TEXT, source_id TEXT, url TEXT, outlet TEXT,
        published TEXT, published_from TEXT, title TEXT,
        text TEXT NOT NULL,
        removed TEXT NOT NULL,                -- JSON list of Removed
        byline TEXT,                          -- JSON Span or NULL
        warnings TEXT NOT NULL,               -- JSON list of strings
        ingested_at TEXT NOT NULL             -- UTC ISO timestamp
    )
;
CREATE TABLE IF NOT EXISTS claims (
        claim_id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents (doc_id),
        ordinal INTEGER NOT NULL,             -- position in the document's claim list
        claimant_actor TEXT, claimant_text TEXT, actor_type TEXT NOT NULL,
        stance TEXT NOT NULL, event_type TEXT NOT NULL,
        evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
        confidence REAL NOT NULL,
        data TEXT NOT NULL,                   -- to_json(claim): the claim, whole
        UNIQUE (doc_id, ordinal)
    )
;
CREATE INDEX IF NOT EXISTS claims_actor ON claims (claimant_actor COLLATE NOCASE)
;
CREATE INDEX IF NOT EXISTS claims_actor_type ON claims (actor_type)
;
CREATE INDEX IF NOT EXISTS claims_stance ON claims (stance)
;
CREATE INDEX IF NOT EXISTS claims_event_type ON claims (event_type)
;
CREATE TABLE IF NOT EXISTS sightings (
        doc_id TEXT NOT NULL REFERENCES documents (doc_id),
        source_path TEXT, source_id TEXT, url TEXT, outlet TEXT,
        seen_at TEXT NOT NULL
    )
;
CREATE UNIQUE INDEX IF NOT EXISTS sightings_unique ON sightings (doc_id,
        ifnull(source_path, ''), ifnull(source_id, ''), ifnull(url, ''), ifnull(outlet, ''))
;
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5 (
        doc_id UNINDEXED, title, text, tokenize = 'porter unicode61 remove_diacritics 2')
;
CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5 (
        claim_id UNINDEXED, evidence, claimant, perpetrator, quantities, places, times,
        tokenize = 'porter unicode61 remove_diacritics 2')
;
