-- The version 2 (added) statements of counterclaim's SQLite ledger as schema version 2 laid them out
-- (src/counterclaim/ledger/sqlite.py at commit e24c8c0, `_SCHEMA_2`), kept verbatim to build
-- real old ledgers in the tests.  Statements end with a line holding only ';'.

CREATE TABLE IF NOT EXISTS fingerprints (
        doc_id TEXT PRIMARY KEY REFERENCES documents (doc_id),
        duplicate_of TEXT                     -- the document this one is a near copy of
    )
;
CREATE TABLE IF NOT EXISTS minhash_bands (
        band INTEGER NOT NULL, key INTEGER NOT NULL,  -- LSH band number and its key
        doc_id TEXT NOT NULL REFERENCES documents (doc_id)
    )
;
CREATE INDEX IF NOT EXISTS minhash_bands_key ON minhash_bands (band, key)
;
CREATE TABLE IF NOT EXISTS grouping (
        claim_id TEXT PRIMARY KEY REFERENCES claims (claim_id),
        role TEXT NOT NULL,                   -- member, duplicate, summary, unplaced
        incident_id TEXT,                     -- for member and duplicate
        why TEXT,                             -- for summary and unplaced
        link TEXT,                            -- JSON Link, for member and duplicate
        footprint TEXT NOT NULL               -- JSON Footprint
    )
;
CREATE INDEX IF NOT EXISTS grouping_incident ON grouping (incident_id)
;
CREATE INDEX IF NOT EXISTS grouping_role ON grouping (role)
;
CREATE TABLE IF NOT EXISTS incidents (
        incident_id TEXT PRIMARY KEY,
        event_type TEXT NOT NULL, admin1 TEXT, country TEXT,
        start TEXT, end TEXT,                 -- ISO dates, the incident's window
        n_claims INTEGER NOT NULL, n_claimants INTEGER NOT NULL,
        n_contradictions INTEGER NOT NULL,
        claimants TEXT NOT NULL,              -- JSON list of claimant names
        state TEXT NOT NULL,                  -- JSON grouping state, to take up the next run
        data TEXT NOT NULL                    -- JSON Incident
    )
;
CREATE INDEX IF NOT EXISTS incidents_place_time ON incidents (admin1, start)
;
CREATE TABLE IF NOT EXISTS contradictions (
        contradiction_id TEXT PRIMARY KEY,
        incident_id TEXT NOT NULL, kind TEXT NOT NULL, same_claimant INTEGER NOT NULL,
        data TEXT NOT NULL                    -- JSON Contradiction
    )
;
CREATE INDEX IF NOT EXISTS contradictions_incident ON contradictions (incident_id)
;
CREATE TABLE IF NOT EXISTS corroborations (
        corroboration_id TEXT PRIMARY KEY,
        incident_id TEXT NOT NULL,
        data TEXT NOT NULL                    -- JSON Corroboration
    )
;
CREATE INDEX IF NOT EXISTS corroborations_incident ON corroborations (incident_id)
;
