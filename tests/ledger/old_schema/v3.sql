-- The version 3 (added) statement of counterclaim's SQLite ledger as schema version 3 laid it out
-- (src/counterclaim/ledger/sqlite/schema.py, `SCHEMA_3`), kept verbatim to build real old ledgers in
-- the tests.  Statements end with a line holding only ';'.

ALTER TABLE documents ADD COLUMN language TEXT NOT NULL DEFAULT 'en'
;
