"""Writing the SQLite ledger: a document with its claims in one transaction, and a grouping run
in one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone

from ...errors import ClaimMismatch, LedgerWriteError
from ...model import Claim, Contradiction, Corroboration, Document, to_json
from ..base import Fingerprint, GroupedClaim, StoredIncident
from .codec import DOCUMENT_COLUMNS, claim_search_texts, document_values, footprint_json, link_json, snapshot_json
from .connection import Connection
from .datasette import CLAIM_COLUMNS_5, SEARCH_COLUMNS, claim_values_5

#: The tables a grouping run writes, emptied by :meth:`Writing.clear_grouping`.
_GROUPING_TABLES = ("grouping", "incidents", "contradictions", "corroborations", "minhash_bands", "fingerprints")


class Writing(Connection):
    """The writing half of the SQLite ledger."""

    def add(self, document: Document, claims: Sequence[Claim]) -> bool:
        """Store a document and its claims in one transaction; True if the document was new.

        A document already in the ledger is not touched (its claims neither): if this copy came
        from another source, that source is remembered as a sighting, and False is returned.
        """
        self._require_writable()
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
        cur = self._conn.execute(
            f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}, seq, ingested_at)"
            f" VALUES ({', '.join('?' * (len(DOCUMENT_COLUMNS) + 2))})",
            (*document_values(d), seq, now),
        )
        self._index_document(cur.lastrowid, d)

    def _insert_claim(self, ordinal: int, c: Claim) -> None:
        columns = ("claim_id, doc_id, ordinal, claimant_actor, claimant_text, actor_type, stance, event_type,"
                   f" evidence_start, evidence_end, confidence, data, {', '.join(CLAIM_COLUMNS_5)}")
        cur = self._conn.execute(
            f"INSERT INTO claims ({columns}) VALUES ({', '.join('?' * (12 + len(CLAIM_COLUMNS_5)))})",
            (
                c.claim_id, c.doc_id, ordinal, c.claimant.actor, c.claimant.text, c.claimant.actor_type,
                c.stance, c.event_type, c.evidence.start, c.evidence.end, c.confidence, to_json(c),
                *claim_values_5(c),
            ),
        )
        self._index_claim(cur.lastrowid, c)

    def _index_document(self, rowid: int | None, d: Document) -> None:
        """The document's row of the external-content full-text table (schema 4)."""
        self._conn.execute("INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)", (rowid, d.title, d.text))

    def _index_claim(self, rowid: int | None, c: Claim) -> None:
        """The claim's row of the external-content full-text table (schema 4)."""
        self._conn.execute(
            f"INSERT INTO claims_fts (rowid, {', '.join(SEARCH_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (rowid, *claim_search_texts(c)),
        )

    def write_grouping(
        self,
        *,
        fingerprints: Sequence[Fingerprint] = (),
        claims: Sequence[GroupedClaim] = (),
        incidents: Sequence[StoredIncident] = (),
        contradictions: Mapping[str, Sequence[Contradiction]] | None = None,
        corroborations: Mapping[str, Sequence[Corroboration]] | None = None,
    ) -> None:
        """Store one grouping run in one transaction: a killed run leaves the previous grouping
        whole, and its claims are grouped again by the next run.  Contradictions and
        corroborations replace those stored for each incident named."""
        self._require_writable()
        self._require_grouping()
        try:
            with self._transaction():
                self._write_fingerprints(fingerprints)
                self._conn.executemany(
                    "INSERT OR REPLACE INTO grouping VALUES (?, ?, ?, ?, ?, ?)",
                    [(g.claim_id, g.grouping.role, g.grouping.incident_id, g.grouping.why,
                      link_json(g.grouping.link), footprint_json(g.footprint)) for g in claims],
                )
                for stored in incidents:
                    self._write_incident(stored)
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

    def _write_fingerprints(self, fingerprints: Sequence[Fingerprint]) -> None:
        self._conn.executemany(
            "INSERT OR REPLACE INTO fingerprints VALUES (?, ?)", [(f.doc_id, f.duplicate_of) for f in fingerprints]
        )
        self._conn.executemany(
            "INSERT INTO minhash_bands VALUES (?, ?, ?)",
            [(band, key, f.doc_id) for f in fingerprints for band, key in enumerate(f.band_keys)],
        )

    def _write_incident(self, stored: StoredIncident) -> None:
        inc = stored.incident
        start = inc.time.start if inc.time is not None else None
        end = inc.time.end if inc.time is not None else None
        self._conn.execute(
            "INSERT OR REPLACE INTO incidents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (inc.incident_id, inc.event_type, stored.admin1, stored.country, start, end, len(inc.claim_ids),
             len(inc.claimants), inc.contradictions, json.dumps(list(inc.claimants), ensure_ascii=False),
             snapshot_json(stored.state), to_json(inc)),
        )

    def clear_grouping(self) -> None:
        """Forget every incident, contradiction and near-copy fingerprint (the documents and
        claims stay), so the next grouping run starts from scratch."""
        self._require_writable()
        self._require_grouping()
        with self._transaction():
            for table in _GROUPING_TABLES:
                self._conn.execute(f"DELETE FROM {table}")


__all__ = ["Writing"]
