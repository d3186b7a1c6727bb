"""The ledger: documents and their claims in one SQLite file.

One document is written in one transaction together with its claims and full-text rows, so a
ledger never holds half a document.  Documents are keyed by :attr:`Document.doc_id` (a hash of
the cleaned text): ingesting the same text again adds no document and no claims, only a
*sighting* when it came from somewhere else.

Each claim is kept whole as JSON (``claims.data``, exactly ``to_json(claim)``) and read back
with :func:`claim_from_dict`; the other claim columns are copies for filtering and indexing.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any

from ..errors import (
    BadQuery,
    ClaimMismatch,
    LedgerError,
    LedgerReadOnly,
    LedgerVersionError,
    LedgerWriteError,
    NotALedger,
)
from ..model import (
    EXTRACTOR_VERSION,
    Claim,
    Contradiction,
    Corroboration,
    Document,
    Incident,
    claim_from_dict,
    contradiction_from_dict,
    corroboration_from_dict,
    document_from_dict,
    incident_from_dict,
    to_json,
)

#: Bumped whenever the tables change; a ledger with a higher version is refused.
SCHEMA_VERSION = 2
#: How long a writer waits for another writer's transaction before giving up.
BUSY_TIMEOUT_MS = 10_000
#: What :meth:`Ledger.search_documents` puts around matched words, and between fragments.
SNIPPET_OPEN, SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_TOKENS = "[", "]", "…", 16

_TOKENIZE = "tokenize = 'porter unicode61 remove_diacritics 2'"

_SCHEMA: tuple[str, ...] = (
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

#: Tables added in schema version 2: incidents, contradictions and near-copy fingerprints.
#: A version 1 ledger gets them when it is first opened for writing.
_SCHEMA_2: tuple[str, ...] = (
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

_DOCUMENT_COLUMNS = (
    "doc_id", "source_path", "source_id", "url", "outlet", "published", "published_from",
    "title", "text", "removed", "byline", "warnings",
)
_QUERY_HINT = 'put words with punctuation in double quotes, e.g. "al-Nusra"'


class Ledger:
    """A claims ledger in one SQLite file (or ``":memory:"``).

    Use as a context manager, or call :meth:`close`.  With ``readonly=True`` the file must
    already be a ledger and every write is refused; readers never block the one writer.
    """

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False) -> None:
        self.path = os.fspath(path)
        self.readonly = readonly
        memory = self.path == ":memory:"
        if readonly and memory:
            raise LedgerError("an in-memory ledger cannot be opened read-only")
        try:
            if readonly:
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self._conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            else:
                self._conn = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            raise LedgerError(f"{self.path}: {exc}") from exc
        try:
            self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._conn.execute("PRAGMA foreign_keys = ON")
            if not memory and not readonly:
                self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._open_schema()
        except sqlite3.Error as exc:
            self._conn.close()
            kind = NotALedger if exc.sqlite_errorcode & 0xFF == sqlite3.SQLITE_NOTADB else LedgerError
            raise kind(f"{self.path}: {exc}") from exc
        except BaseException:
            self._conn.close()
            raise

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        """Close the connection (safe to call twice)."""
        self._conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def meta(self) -> dict[str, str]:
        """The ``meta`` table: ``schema_version`` and the ``extractor_version`` that created it."""
        return dict(self._conn.execute("SELECT key, value FROM meta").fetchall())

    def _open_schema(self) -> None:
        version = self._schema_version()
        if version is None:
            if self.readonly:
                raise NotALedger(f"{self.path}: no meta table")
            with self._transaction():
                version = self._schema_version()  # another process may have just created it
                if version is None:
                    self._create_schema()
                    version = SCHEMA_VERSION
        if version > SCHEMA_VERSION:
            raise LedgerVersionError(
                f"{self.path} has schema version {version}, this counterclaim knows up to {SCHEMA_VERSION}"
            )
        if version < SCHEMA_VERSION and not self.readonly:
            with self._transaction():
                for statement in _SCHEMA_2:
                    self._conn.execute(statement)
                self._conn.execute(
                    "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),)
                )
            version = SCHEMA_VERSION
        #: whether the grouping tables exist (a schema-1 ledger opened read-only has none)
        self._grouped = version >= SCHEMA_VERSION

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One ``BEGIN IMMEDIATE`` ... ``COMMIT``; any exception rolls it back and goes on."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise

    def _schema_version(self) -> int | None:
        tables = {r[0] for r in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "meta" not in tables:
            if tables:
                raise NotALedger(f"{self.path}: a SQLite database with other tables")
            return None
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        try:
            return int(row[0])
        except (TypeError, ValueError):
            raise NotALedger(f"{self.path}: no valid schema_version in meta") from None

    def _create_schema(self) -> None:
        for statement in (*_SCHEMA, *_SCHEMA_2):
            self._conn.execute(statement)
        self._conn.executemany(
            "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
            [("schema_version", str(SCHEMA_VERSION)), ("extractor_version", EXTRACTOR_VERSION)],
        )

    # ------------------------------------------------------------------ writing

    def add(self, document: Document, claims: Sequence[Claim]) -> bool:
        """Store a document and its claims in one transaction; True if the document was new.

        A document already in the ledger is not touched (its claims neither): if this copy came
        from another source, that source is remembered as a sighting, and False is returned.
        """
        if self.readonly:
            raise LedgerReadOnly(self.path)
        claims = list(claims)
        for claim in claims:
            if claim.doc_id != document.doc_id:
                raise ClaimMismatch(
                    f"claim {claim.claim_id} has doc_id {claim.doc_id}, the document is {document.doc_id}"
                )
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        where = f"document {document.doc_id}"  # named in the error if writing fails
        try:
            with self._transaction():
                row = self._conn.execute(
                    "SELECT source_path, source_id, url, outlet FROM documents WHERE doc_id = ?",
                    (document.doc_id,),
                ).fetchone()
                if row is None:
                    self._insert_document(document, now)
                    for ordinal, claim in enumerate(claims):
                        where = f"document {document.doc_id}, claim {claim.claim_id}"
                        self._insert_claim(ordinal, claim)
                else:
                    source = (document.source_path, document.source_id, document.url, document.outlet)
                    if tuple(row) != source:
                        self._conn.execute(
                            "INSERT OR IGNORE INTO sightings VALUES (?, ?, ?, ?, ?, ?)",
                            (document.doc_id, *source, now),
                        )
        except sqlite3.Error as exc:
            raise LedgerWriteError(f"{where}: {exc}") from exc
        return row is None

    def _insert_document(self, d: Document, now: str) -> None:
        (seq,) = self._conn.execute("SELECT ifnull(max(seq), 0) + 1 FROM documents").fetchone()
        self._conn.execute(
            f"INSERT INTO documents ({', '.join(_DOCUMENT_COLUMNS)}, seq, ingested_at)"
            f" VALUES ({', '.join('?' * (len(_DOCUMENT_COLUMNS) + 2))})",
            (
                d.doc_id, d.source_path, d.source_id, d.url, d.outlet, d.published, d.published_from,
                d.title, d.text, to_json(d.removed), None if d.byline is None else to_json(d.byline),
                json.dumps(list(d.warnings), ensure_ascii=False), seq, now,
            ),
        )
        self._conn.execute(
            "INSERT INTO documents_fts (doc_id, title, text) VALUES (?, ?, ?)", (d.doc_id, d.title, d.text)
        )

    def _insert_claim(self, ordinal: int, c: Claim) -> None:
        self._conn.execute(
            "INSERT INTO claims (claim_id, doc_id, ordinal, claimant_actor, claimant_text, actor_type,"
            " stance, event_type, evidence_start, evidence_end, confidence, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                c.claim_id, c.doc_id, ordinal, c.claimant.actor, c.claimant.text, c.claimant.actor_type,
                c.stance, c.event_type, c.evidence.start, c.evidence.end, c.confidence, to_json(c),
            ),
        )
        self._conn.execute(
            "INSERT INTO claims_fts (claim_id, evidence, claimant, perpetrator, quantities, places, times)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (c.claim_id, *_claim_search_texts(c)),
        )

    # ------------------------------------------------------------------ reading

    def has_document(self, doc_id: str) -> bool:
        """Whether a document with this id is in the ledger."""
        row = self._conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row is not None

    def document(self, doc_id: str) -> Document | None:
        """The document with this id, or None."""
        row = self._conn.execute(
            f"SELECT {', '.join(_DOCUMENT_COLUMNS)} FROM documents WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        return None if row is None else _document_from_row(row)

    def documents(self) -> Iterator[Document]:
        """Every document, in ingest order."""
        cursor = self._conn.execute(f"SELECT {', '.join(_DOCUMENT_COLUMNS)} FROM documents ORDER BY seq")
        return (_document_from_row(row) for row in cursor)

    def claims(
        self,
        *,
        doc_id: str | None = None,
        actor: str | None = None,
        actor_type: str | None = None,
        stance: str | None = None,
        event_type: str | None = None,
        limit: int | None = None,
    ) -> Iterator[Claim]:
        """Claims matching every filter given, in document ingest order, then document order.

        ``actor`` matches the normalised claimant (``claimant.actor``), ignoring ASCII case.
        """
        filters = {
            "c.doc_id = ?": doc_id,
            "c.claimant_actor = ? COLLATE NOCASE": actor,
            "c.actor_type = ?": actor_type,
            "c.stance = ?": stance,
            "c.event_type = ?": event_type,
        }
        where = [clause for clause, value in filters.items() if value is not None]
        params: list[Any] = [value for value in filters.values() if value is not None]
        sql = "SELECT c.data FROM claims c JOIN documents d USING (doc_id)"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY d.seq, c.ordinal LIMIT ?"
        params.append(-1 if limit is None else _check_limit(limit))
        cursor = self._conn.execute(sql, params)
        return (claim_from_dict(json.loads(data)) for (data,) in cursor)

    def claim(self, claim_id: str) -> Claim | None:
        """The claim with this id, or None."""
        row = self._conn.execute("SELECT data FROM claims WHERE claim_id = ?", (claim_id,)).fetchone()
        return None if row is None else claim_from_dict(json.loads(row[0]))

    def sightings(self, doc_id: str | None = None) -> list[dict[str, str | None]]:
        """The other places a document's text was seen (all documents if ``doc_id`` is None)."""
        sql = "SELECT doc_id, source_path, source_id, url, outlet, seen_at FROM sightings"
        if doc_id is None:
            cursor = self._conn.execute(sql + " ORDER BY rowid")
        else:
            cursor = self._conn.execute(sql + " WHERE doc_id = ? ORDER BY rowid", (doc_id,))
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row)) for row in cursor]

    # ------------------------------------------------------------------ search

    def search_documents(self, query: str, limit: int = 50) -> list[tuple[str, str]]:
        """``(doc_id, snippet)`` for documents whose title or text match an FTS5 query, best first.

        The query uses FTS5 syntax (``idlib AND strike``, ``"al-Nusra"``, ``sortie*``); matched
        words in the snippet are wrapped in :data:`SNIPPET_OPEN` / :data:`SNIPPET_CLOSE`.
        """
        sql = (
            "SELECT doc_id, snippet(documents_fts, -1, ?, ?, ?, ?) FROM documents_fts"
            " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        params = (SNIPPET_OPEN, SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_TOKENS, query, _check_limit(limit))
        return [(doc_id, snippet) for doc_id, snippet in self._match(sql, query, params)]

    def search_claims(self, query: str, limit: int = 50) -> list[Claim]:
        """Claims whose evidence, claimant, perpetrator, quantities, places or times match, best first."""
        sql = (
            "SELECT c.data FROM claims_fts JOIN claims c USING (claim_id)"
            " WHERE claims_fts MATCH ? ORDER BY claims_fts.rank LIMIT ?"
        )
        rows = self._match(sql, query, (query, _check_limit(limit)))
        return [claim_from_dict(json.loads(data)) for (data,) in rows]

    def _match(self, sql: str, query: str, params: Sequence[Any]) -> list[Any]:
        if not query.strip():
            raise BadQuery("empty query")
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            # FTS5 reports every query syntax problem as a plain SQLITE_ERROR.
            if exc.sqlite_errorcode & 0xFF == sqlite3.SQLITE_ERROR:
                raise BadQuery(f"{query!r}: {exc}; {_QUERY_HINT}") from exc
            raise LedgerError(f"{self.path}: {exc}") from exc

    # ------------------------------------------------------------------ incidents

    def _require_grouping(self) -> None:
        if not self._grouped:
            raise LedgerVersionError(
                f"{self.path} was written by an older counterclaim and has no incidents yet; "
                f"run `counterclaim group --db {self.path}` once to group its claims"
            )

    def ungrouped(self) -> Iterator[tuple[Claim, str | None, str | None]]:
        """``(claim, published, outlet)`` for every claim not yet grouped, in ingest order."""
        self._require_grouping()
        cursor = self._conn.execute(
            "SELECT c.data, d.published, d.outlet FROM claims c JOIN documents d USING (doc_id)"
            " LEFT JOIN grouping g USING (claim_id) WHERE g.claim_id IS NULL ORDER BY d.seq, c.ordinal"
        )
        return ((claim_from_dict(json.loads(data)), published, outlet) for data, published, outlet in cursor)

    def unfingerprinted(self) -> Iterator[tuple[str, str]]:
        """``(doc_id, text)`` of documents with no near-copy fingerprint yet, in ingest order."""
        self._require_grouping()
        cursor = self._conn.execute(
            "SELECT d.doc_id, d.text FROM documents d LEFT JOIN fingerprints f USING (doc_id)"
            " WHERE f.doc_id IS NULL ORDER BY d.seq"
        )
        return iter(cursor.fetchall())

    def copy_candidates(self, keys: Sequence[int]) -> list[tuple[str, str | None]]:
        """``(doc_id, duplicate_of)`` of documents sharing at least one MinHash band key."""
        found: dict[str, str | None] = {}
        for band, key in enumerate(keys):
            rows = self._conn.execute(
                "SELECT b.doc_id, f.duplicate_of FROM minhash_bands b JOIN fingerprints f USING (doc_id)"
                " WHERE b.band = ? AND b.key = ?",
                (band, key),
            )
            for doc_id, dup in rows:
                found.setdefault(doc_id, dup)
        return list(found.items())

    def duplicate_of(self, doc_id: str) -> str | None:
        row = self._conn.execute("SELECT duplicate_of FROM fingerprints WHERE doc_id = ?", (doc_id,)).fetchone()
        return None if row is None else row[0]

    def copies(self, doc_id: str) -> list[str]:
        """Documents found to be near copies of ``doc_id``."""
        rows = self._conn.execute("SELECT doc_id FROM fingerprints WHERE duplicate_of = ?", (doc_id,))
        return [r[0] for r in rows]

    def incident_states(self) -> Iterator[dict[str, Any]]:
        """The stored grouping state of every incident (JSON dicts)."""
        self._require_grouping()
        return (json.loads(state) for (state,) in self._conn.execute("SELECT state FROM incidents ORDER BY rowid"))

    def summary_footprints(self, stance: str | None = None) -> list[tuple[dict[str, Any], str]]:
        """``(footprint, why)`` of the claims grouping took as summaries."""
        self._require_grouping()
        rows = self._conn.execute(
            "SELECT footprint, why FROM grouping WHERE json_extract(footprint, '$.role') = 'summary' ORDER BY rowid"
        )
        out = [(json.loads(f), why) for f, why in rows]
        return [x for x in out if stance is None or x[0].get("stance") == stance]

    def _where_in(self, sql: str, ids: Sequence[str]) -> Iterator[Any]:
        """Rows of ``sql``, whose ``{ids}`` stands for a list of parameters, over ``ids`` 500 at a
        time (SQLite caps the parameters of one statement)."""
        ids = list(ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            yield from self._conn.execute(sql.format(ids=", ".join("?" * len(chunk))), chunk)

    def claims_by_id(self, claim_ids: Sequence[str]) -> dict[str, Claim]:
        rows = self._where_in("SELECT claim_id, data FROM claims WHERE claim_id IN ({ids})", claim_ids)
        return {cid: claim_from_dict(json.loads(data)) for cid, data in rows}

    def doc_info(self, doc_ids: Sequence[str]) -> dict[str, tuple[str | None, str | None]]:
        """``doc_id -> (published, outlet)``."""
        rows = self._where_in("SELECT doc_id, published, outlet FROM documents WHERE doc_id IN ({ids})", doc_ids)
        return {d: (p, o) for d, p, o in rows}

    def sighting_outlets(self, doc_ids: Sequence[str]) -> set[str]:
        rows = self._where_in(
            "SELECT outlet FROM sightings WHERE outlet IS NOT NULL AND doc_id IN ({ids})", doc_ids
        )
        return {r[0] for r in rows}

    def grouping_of(self, claim_id: str) -> dict[str, Any] | None:
        """How a claim was grouped: ``role``, ``incident_id``, ``why``, ``link`` (dict or None)."""
        self._require_grouping()
        row = self._conn.execute(
            "SELECT role, incident_id, why, link FROM grouping WHERE claim_id = ?", (claim_id,)
        ).fetchone()
        if row is None:
            return None
        role, incident_id, why, link = row
        return {"role": role, "incident_id": incident_id, "why": why, "link": None if link is None else json.loads(link)}

    def duplicates_in(self, incident_id: str) -> list[tuple[str, dict[str, Any]]]:
        """``(claim_id, link)`` of the republished copies' claims counted under an incident."""
        rows = self._conn.execute(
            "SELECT claim_id, link FROM grouping WHERE incident_id = ? AND role = 'duplicate' ORDER BY rowid",
            (incident_id,),
        )
        return [(cid, json.loads(link)) for cid, link in rows]

    def write_grouping(
        self,
        *,
        fingerprints: Sequence[tuple[str, Sequence[int], str | None]] = (),
        rows: Sequence[tuple[str, str, str | None, str | None, str | None, str]] = (),
        incidents: Sequence[tuple[Incident, dict[str, Any], str | None, str | None]] = (),
        contradictions: Mapping[str, Sequence[Contradiction]] | None = None,
        corroborations: Mapping[str, Sequence[Corroboration]] | None = None,
    ) -> None:
        """Store one grouping run in one transaction: a killed run leaves the previous grouping
        whole, and its claims are grouped again by the next run.

        ``fingerprints`` are ``(doc_id, minhash_band_keys, duplicate_of)``;
        ``rows`` are ``(claim_id, role, incident_id, why, link_json, footprint_json)``;
        ``incidents`` are ``(incident, state, admin1, country)``; contradictions and
        corroborations replace those stored for each incident named.
        """
        if self.readonly:
            raise LedgerReadOnly(self.path)
        self._require_grouping()
        try:
            with self._transaction():
                self._conn.executemany(
                    "INSERT OR REPLACE INTO fingerprints VALUES (?, ?)", [(d, dup) for d, _, dup in fingerprints]
                )
                self._conn.executemany(
                    "INSERT INTO minhash_bands VALUES (?, ?, ?)",
                    [(band, key, d) for d, keys, _ in fingerprints for band, key in enumerate(keys)],
                )
                self._conn.executemany("INSERT OR REPLACE INTO grouping VALUES (?, ?, ?, ?, ?, ?)", rows)
                for inc, state, admin1, country in incidents:
                    start = inc.time.start if inc.time is not None else None
                    end = inc.time.end if inc.time is not None else None
                    self._conn.execute(
                        "INSERT OR REPLACE INTO incidents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (inc.incident_id, inc.event_type, admin1, country, start, end, len(inc.claim_ids),
                         len(inc.claimants), inc.contradictions,
                         json.dumps(list(inc.claimants), ensure_ascii=False),
                         json.dumps(state, ensure_ascii=False), to_json(inc)),
                    )
                for incident_id, found in (contradictions or {}).items():
                    self._conn.execute("DELETE FROM contradictions WHERE incident_id = ?", (incident_id,))
                    self._conn.executemany(
                        "INSERT OR REPLACE INTO contradictions VALUES (?, ?, ?, ?, ?)",
                        [(c.contradiction_id, c.incident_id, c.kind, int(c.same_claimant), to_json(c)) for c in found],
                    )
                for incident_id, agreed in (corroborations or {}).items():
                    self._conn.execute("DELETE FROM corroborations WHERE incident_id = ?", (incident_id,))
                    self._conn.executemany(
                        "INSERT OR REPLACE INTO corroborations VALUES (?, ?, ?)",
                        [(c.corroboration_id, c.incident_id, to_json(c)) for c in agreed],
                    )
        except sqlite3.Error as exc:
            raise LedgerWriteError(f"grouping: {exc}") from exc

    def clear_grouping(self) -> None:
        """Forget every incident, contradiction and near-copy fingerprint (the documents and
        claims stay), so the next grouping run starts from scratch."""
        if self.readonly:
            raise LedgerReadOnly(self.path)
        self._require_grouping()
        with self._transaction():
            for table in ("grouping", "incidents", "contradictions", "corroborations", "minhash_bands", "fingerprints"):
                self._conn.execute(f"DELETE FROM {table}")

    def incidents(
        self,
        *,
        admin1: str | None = None,
        since: str | None = None,
        until: str | None = None,
        claimant: str | None = None,
        event_type: str | None = None,
        contradicted: bool = False,
        limit: int | None = None,
    ) -> Iterator[Incident]:
        """Incidents matching every filter, newest first.  ``since``/``until`` keep incidents
        whose window overlaps them; ``claimant`` matches a claimant name, any case."""
        self._require_grouping()
        where, params = _incident_filters("i", admin1, since, until, claimant)
        if event_type is not None:
            where.append("i.event_type = ?")
            params.append(event_type)
        if contradicted:
            where.append("i.n_contradictions > 0")
        sql = "SELECT i.data FROM incidents i"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY i.start DESC, i.incident_id LIMIT ?"
        params.append(-1 if limit is None else _check_limit(limit))
        return (incident_from_dict(json.loads(d)) for (d,) in self._conn.execute(sql, params))

    def incident_state(self, incident_id: str) -> dict[str, Any] | None:
        """The stored grouping state of one incident (a JSON dict), or None."""
        self._require_grouping()
        row = self._conn.execute("SELECT state FROM incidents WHERE incident_id = ?", (incident_id,)).fetchone()
        return None if row is None else json.loads(row[0])

    def pending_grouping(self) -> int:
        """How many claims no grouping run has taken yet."""
        self._require_grouping()
        row = self._conn.execute(
            "SELECT count(*) FROM claims c LEFT JOIN grouping g USING (claim_id) WHERE g.claim_id IS NULL"
        ).fetchone()
        return int(row[0])

    def incident(self, incident_id: str) -> Incident | None:
        self._require_grouping()
        row = self._conn.execute("SELECT data FROM incidents WHERE incident_id = ?", (incident_id,)).fetchone()
        if row is None:
            rows = self._conn.execute(
                "SELECT data FROM incidents WHERE incident_id LIKE ? LIMIT 2", (incident_id + "%",)
            ).fetchall()
            row = rows[0] if len(rows) == 1 and len(incident_id) >= 6 else None
        return None if row is None else incident_from_dict(json.loads(row[0]))

    def contradictions(
        self,
        *,
        incident_id: str | None = None,
        kind: str | None = None,
        admin1: str | None = None,
        since: str | None = None,
        until: str | None = None,
        claimant: str | None = None,
        same_claimant: bool | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> Iterator[Contradiction]:
        """Contradictions matching every filter; place, time and claimant filters apply to the
        incident (``claimant`` to either side of the contradiction)."""
        self._require_grouping()
        where, params = _incident_filters("i", admin1, since, until, None)
        if claimant is not None:
            where.append("EXISTS (SELECT 1 FROM json_each(x.data, '$.claimants') WHERE value = ? COLLATE NOCASE)")
            params.append(claimant)
        for clause, value in (("x.incident_id = ?", incident_id), ("x.kind = ?", kind)):
            if value is not None:
                where.append(clause)
                params.append(value)
        if same_claimant is not None:
            where.append("x.same_claimant = ?")
            params.append(int(same_claimant))
        if doc_id is not None:
            where.append(
                "EXISTS (SELECT 1 FROM json_each(x.data, '$.claim_ids') j JOIN claims c ON c.claim_id = j.value"
                " WHERE c.doc_id = ?)"
            )
            params.append(doc_id)
        sql = "SELECT x.data FROM contradictions x JOIN incidents i USING (incident_id)"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY x.same_claimant, i.start DESC, x.kind, x.contradiction_id LIMIT ?"
        params.append(-1 if limit is None else _check_limit(limit))
        return (contradiction_from_dict(json.loads(d)) for (d,) in self._conn.execute(sql, params))

    def corroborations(self, *, incident_id: str | None = None) -> list[Corroboration]:
        self._require_grouping()
        sql = "SELECT data FROM corroborations"
        rows = (self._conn.execute(sql + " WHERE incident_id = ? ORDER BY rowid", (incident_id,))
                if incident_id is not None else self._conn.execute(sql + " ORDER BY rowid"))
        return [corroboration_from_dict(json.loads(d)) for (d,) in rows]

    # ------------------------------------------------------------------ summary

    def stats(self) -> dict[str, Any]:
        """Counts: ``documents``, ``claims``, ``sightings``, and claims ``by_stance``,
        ``by_event_type`` and ``by_actor_type`` (each a dict, most frequent first)."""
        def count(table: str) -> int:
            return int(self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

        def by(column: str) -> dict[str, int]:
            rows = self._conn.execute(
                f"SELECT {column}, count(*) AS n FROM claims GROUP BY {column} ORDER BY n DESC, {column}"
            )
            return {value: n for value, n in rows}

        grouped = self._grouped
        return {
            "documents": count("documents"),
            "claims": count("claims"),
            "sightings": count("sightings"),
            "incidents": count("incidents") if grouped else 0,
            "contradictions": count("contradictions") if grouped else 0,
            "corroborations": count("corroborations") if grouped else 0,
            "by_stance": by("stance"),
            "by_event_type": by("event_type"),
            "by_actor_type": by("actor_type"),
        }


# ---------------------------------------------------------------------- helpers


def _check_limit(limit: int) -> int:
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise ValueError(f"limit must be a non-negative integer, not {limit!r}")
    return limit


def _incident_filters(
    alias: str, admin1: str | None, since: str | None, until: str | None, claimant: str | None
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if admin1 is not None:
        where.append(f"{alias}.admin1 = ? COLLATE NOCASE")
        params.append(admin1)
    if since is not None:
        where.append(f"{alias}.end >= ?")
        params.append(since)
    if until is not None:
        where.append(f"{alias}.start <= ?")
        params.append(until)
    if claimant is not None:
        where.append(f"EXISTS (SELECT 1 FROM json_each({alias}.claimants) WHERE value = ? COLLATE NOCASE)")
        params.append(claimant)
    return where, params


def _document_from_row(row: Sequence[Any]) -> Document:
    data = dict(zip(_DOCUMENT_COLUMNS, row))
    for key in ("removed", "byline", "warnings"):
        data[key] = None if data[key] is None else json.loads(data[key])
    return document_from_dict(data)


def _join(*texts: str | None) -> str:
    """Distinct non-empty texts, space-separated, for a full-text column."""
    return " ".join(dict.fromkeys(t for t in texts if t))


def _claim_search_texts(c: Claim) -> tuple[str, ...]:
    """The claim's searchable texts: evidence, claimant, perpetrator, quantities, places, times."""
    places = [loc for loc in (c.location, *c.locations) if loc is not None]
    return (
        c.evidence.text,
        _join(c.claimant.text, c.claimant.actor,
              c.claimant.refers_to.text if c.claimant.refers_to is not None else None,
              c.via.text if c.via is not None else None),
        _join(c.perpetrator.text, c.perpetrator.actor) if c.perpetrator else "",
        _join(*(t for q in c.quantities for t in (q.text, q.measure, q.object))),
        _join(*(t for loc in places for t in (loc.text, loc.name, loc.admin1, loc.country))),
        _join(*(t.text for t in (c.time, c.stated_on) if t is not None)),
    )


__all__ = ["BUSY_TIMEOUT_MS", "SCHEMA_VERSION", "Ledger"]
