"""Writing the PostgreSQL ledger: a document with its claims in one transaction (idempotent:
``ON CONFLICT DO NOTHING``, so several ingests may write one ledger at once), and a grouping run
in one transaction."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from typing import Any

from ...errors import ClaimMismatch, LedgerWriteError
from ...model import Claim, Contradiction, Corroboration, Document, to_json
from ..base import Fingerprint, GroupedClaim, StoredIncident
from ..columns import PROMOTED, promoted
from ..sqlite.codec import DOCUMENT_COLUMNS, claim_search_texts, document_values, footprint_json, link_json, snapshot_json
from .connection import Connection, first_line, psycopg

#: The tables a grouping run writes, emptied by :meth:`Writing.clear_grouping`.
_GROUPING_TABLES = ("grouping", "incidents", "contradictions", "corroborations", "minhash_bands", "fingerprints")
_CLAIM_COLUMNS = (
    "claim_id", "doc_id", "ordinal", "claimant_actor", "claimant_text", "actor_type", "stance", "event_type",
    "evidence_start", "evidence_end", "confidence", *PROMOTED, "search_text", "data",
)
_INSERT_DOCUMENT = (
    f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}, ingested_at)"
    f" VALUES ({', '.join(['%s'] * (len(DOCUMENT_COLUMNS) + 1))}) ON CONFLICT (doc_id) DO NOTHING RETURNING seq"
)
_INSERT_CLAIM = f"INSERT INTO claims ({', '.join(_CLAIM_COLUMNS)}) VALUES ({', '.join(['%s'] * len(_CLAIM_COLUMNS))})"
#: A row written again by a later grouping run takes a new ``seq``, as a replaced SQLite row
#: takes a new rowid: both stores list rows in the order they were last written.
_UPSERT_GROUPING = (
    "INSERT INTO grouping (claim_id, role, incident_id, why, link, footprint) VALUES (%s, %s, %s, %s, %s, %s)"
    " ON CONFLICT (claim_id) DO UPDATE SET role = excluded.role, incident_id = excluded.incident_id,"
    " why = excluded.why, link = excluded.link, footprint = excluded.footprint, seq = DEFAULT"
)
_UPSERT_INCIDENT = (
    'INSERT INTO incidents (incident_id, event_type, admin1, country, start, "end", n_claims, n_claimants,'
    " n_contradictions, claimants, state, data) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
    " ON CONFLICT (incident_id) DO UPDATE SET event_type = excluded.event_type, admin1 = excluded.admin1,"
    ' country = excluded.country, start = excluded.start, "end" = excluded."end", n_claims = excluded.n_claims,'
    " n_claimants = excluded.n_claimants, n_contradictions = excluded.n_contradictions,"
    " claimants = excluded.claimants, state = excluded.state, data = excluded.data, seq = DEFAULT"
)


def _text(value: str) -> str:
    """A text PostgreSQL takes: it refuses the NUL character, which no reader of a text needs."""
    return value.replace("\x00", "")


def _texts(values: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(_text(v) if isinstance(v, str) else v for v in values)


class Writing(Connection):
    """The writing half of the PostgreSQL ledger."""

    def add(self, document: Document, claims: Sequence[Claim]) -> bool:
        """Store a document and its claims in one transaction; True if the document was new.

        A document already in the ledger is not touched (its claims neither): if this copy came
        from another source, that source is remembered as a sighting, and False is returned.
        Two processes adding the same document at once: one stores it, the other waits for it
        and records a sighting (or nothing).
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
        assert psycopg is not None
        try:
            with self._transaction() as cur:
                cur.execute(_INSERT_DOCUMENT, (*_texts(document_values(document)), now))
                new = cur.fetchone() is not None
                if new:
                    for ordinal, claim in enumerate(claims):
                        where = f"document {document.doc_id}, claim {claim.claim_id}"
                        self._insert_claim(cur, ordinal, claim)
                else:
                    self._sighting(cur, document, now)
        except psycopg.Error as exc:
            raise LedgerWriteError(f"{where}: {first_line(exc)}") from exc
        return new

    def _insert_claim(self, cur: Any, ordinal: int, claim: Claim) -> None:
        cur.execute(_INSERT_CLAIM, _claim_values(ordinal, claim))

    @staticmethod
    def _sighting(cur: Any, document: Document, now: str) -> None:
        """Remember another source of a stored document's text (not its first source again)."""
        source = (document.source_path, document.source_id, document.url, document.outlet)
        cur.execute(
            "SELECT source_path, source_id, url, outlet FROM documents WHERE doc_id = %s", (document.doc_id,)
        )
        if tuple(cur.fetchone()) != source:
            cur.execute(
                "INSERT INTO sightings (doc_id, source_path, source_id, url, outlet, seen_at)"
                " VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                (document.doc_id, *_texts(source), now),
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
        assert psycopg is not None
        try:
            with self._transaction() as cur:
                cur.executemany(
                    "INSERT INTO fingerprints VALUES (%s, %s)"
                    " ON CONFLICT (doc_id) DO UPDATE SET duplicate_of = excluded.duplicate_of",
                    [(f.doc_id, f.duplicate_of) for f in fingerprints],
                )
                cur.executemany(
                    "INSERT INTO minhash_bands (band, key, doc_id) VALUES (%s, %s, %s)",
                    [(band, key, f.doc_id) for f in fingerprints for band, key in enumerate(f.band_keys)],
                )
                cur.executemany(_UPSERT_GROUPING, [
                    (g.claim_id, g.grouping.role, g.grouping.incident_id, g.grouping.why,
                     link_json(g.grouping.link), footprint_json(g.footprint)) for g in claims
                ])
                cur.executemany(_UPSERT_INCIDENT, [_incident_values(stored) for stored in incidents])
                for incident_id, found in (contradictions or {}).items():
                    cur.execute("DELETE FROM contradictions WHERE incident_id = %s", (incident_id,))
                    cur.executemany(
                        "INSERT INTO contradictions (contradiction_id, incident_id, kind, same_claimant, data)"
                        " VALUES (%s, %s, %s, %s, %s) ON CONFLICT (contradiction_id) DO UPDATE SET"
                        " incident_id = excluded.incident_id, kind = excluded.kind,"
                        " same_claimant = excluded.same_claimant, data = excluded.data, seq = DEFAULT",
                        [(c.contradiction_id, c.incident_id, c.kind, int(c.same_claimant), to_json(c)) for c in found],
                    )
                for incident_id, agreed in (corroborations or {}).items():
                    cur.execute("DELETE FROM corroborations WHERE incident_id = %s", (incident_id,))
                    cur.executemany(
                        "INSERT INTO corroborations (corroboration_id, incident_id, data) VALUES (%s, %s, %s)"
                        " ON CONFLICT (corroboration_id) DO UPDATE SET incident_id = excluded.incident_id,"
                        " data = excluded.data, seq = DEFAULT",
                        [(c.corroboration_id, c.incident_id, to_json(c)) for c in agreed],
                    )
        except psycopg.Error as exc:
            raise LedgerWriteError(f"grouping: {first_line(exc)}") from exc

    def clear_grouping(self) -> None:
        """Forget every incident, contradiction and near-copy fingerprint (the documents and
        claims stay), so the next grouping run starts from scratch."""
        self._require_writable()
        with self._transaction() as cur:
            for table in _GROUPING_TABLES:
                cur.execute(f"DELETE FROM {table}")


def _claim_values(ordinal: int, c: Claim) -> tuple[Any, ...]:
    return _texts((
        c.claim_id, c.doc_id, ordinal, c.claimant.actor, c.claimant.text, c.claimant.actor_type,
        c.stance, c.event_type, c.evidence.start, c.evidence.end, c.confidence, *promoted(c),
        " ".join(t for t in claim_search_texts(c) if t), to_json(c),
    ))


def _incident_values(stored: StoredIncident) -> tuple[Any, ...]:
    inc = stored.incident
    start = inc.time.start if inc.time is not None else None
    end = inc.time.end if inc.time is not None else None
    return (
        inc.incident_id, inc.event_type, stored.admin1, stored.country, start, end, len(inc.claim_ids),
        len(inc.claimants), inc.contradictions, json.dumps(list(inc.claimants), ensure_ascii=False),
        snapshot_json(stored.state), to_json(inc),
    )


__all__ = ["Writing"]
