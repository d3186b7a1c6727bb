"""Reading what grouping stored in the SQLite ledger: what is left to group, near-copy
candidates, grouping states and footprints, and the incidents, contradictions and
corroborations with their filters."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ...model import (
    Contradiction,
    Corroboration,
    DocInfo,
    Document,
    Footprint,
    Incident,
    IncidentSnapshot,
    Link,
    claim_from_dict,
    contradiction_from_dict,
    corroboration_from_dict,
    incident_from_dict,
)
from ..base import ClaimGrouping, PendingClaim
from .codec import (
    check_limit,
    document_columns,
    document_from_row,
    footprint_from_json,
    link_from_json,
    snapshot_from_json,
)
from .connection import Connection
from .guard import loads

#: An incident id given by its start must be at least this long to be taken.
MIN_PREFIX = 6


class Grouped(Connection):
    """The reading half of the SQLite ledger, grouping and incidents."""

    # ------------------------------------------------------------------ what grouping takes up

    def ungrouped(self) -> Iterator[PendingClaim]:
        """Every claim not yet grouped, with its document's date and outlet, in ingest order."""
        self._require_grouping()
        cursor = self._conn.execute(
            "SELECT c.data, d.doc_id, d.published, d.outlet FROM claims c JOIN documents d USING (doc_id)"
            " LEFT JOIN grouping g USING (claim_id) WHERE g.claim_id IS NULL ORDER BY d.seq, c.ordinal"
        )
        return (
            PendingClaim(claim_from_dict(loads(data)), DocInfo(doc_id, published, outlet))
            for data, doc_id, published, outlet in cursor
        )

    def pending_grouping(self) -> int:
        """How many claims no grouping run has taken yet."""
        self._require_grouping()
        row = self._conn.execute(
            "SELECT count(*) FROM claims c LEFT JOIN grouping g USING (claim_id) WHERE g.claim_id IS NULL"
        ).fetchone()
        return int(row[0])

    def unfingerprinted(self) -> Iterator[Document]:
        """Documents with no near-copy fingerprint yet, in ingest order."""
        self._require_grouping()
        cursor = self._conn.execute(
            f"SELECT {document_columns('d', self._has_language)} FROM documents d"
            " LEFT JOIN fingerprints f USING (doc_id) WHERE f.doc_id IS NULL ORDER BY d.seq"
        )
        return iter([document_from_row(row) for row in cursor.fetchall()])

    def copy_candidates(self, band_keys: Sequence[int]) -> dict[str, str | None]:
        """``doc_id -> duplicate_of`` of documents sharing at least one MinHash band key."""
        found: dict[str, str | None] = {}
        for band, key in enumerate(band_keys):
            rows = self._conn.execute(
                "SELECT b.doc_id, f.duplicate_of FROM minhash_bands b JOIN fingerprints f USING (doc_id)"
                " WHERE b.band = ? AND b.key = ?",
                (band, key),
            )
            for doc_id, dup in rows:
                found.setdefault(doc_id, dup)
        return found

    def duplicate_of(self, doc_id: str) -> str | None:
        """The document ``doc_id`` is a near copy of, if any."""
        row = self._conn.execute("SELECT duplicate_of FROM fingerprints WHERE doc_id = ?", (doc_id,)).fetchone()
        return None if row is None else row[0]

    def copies(self, doc_id: str) -> list[str]:
        """Documents found to be near copies of ``doc_id``."""
        rows = self._conn.execute("SELECT doc_id FROM fingerprints WHERE duplicate_of = ?", (doc_id,))
        return [r[0] for r in rows]

    def incident_states(self) -> Iterator[IncidentSnapshot]:
        """The stored grouping state of every incident."""
        self._require_grouping()
        rows = self._conn.execute("SELECT state FROM incidents ORDER BY rowid")
        return (snapshot_from_json(state) for (state,) in rows)

    def incident_state(self, incident_id: str) -> IncidentSnapshot | None:
        """The stored grouping state of one incident, or None."""
        self._require_grouping()
        row = self._conn.execute("SELECT state FROM incidents WHERE incident_id = ?", (incident_id,)).fetchone()
        return None if row is None else snapshot_from_json(row[0])

    def summary_footprints(self, stance: str | None = None) -> list[Footprint]:
        """The footprints of the claims grouping took as summaries."""
        self._require_grouping()
        rows = self._conn.execute(
            "SELECT footprint FROM grouping WHERE json_extract(footprint, '$.role') = 'summary' ORDER BY rowid"
        )
        found = [footprint_from_json(f) for (f,) in rows]
        return [f for f in found if stance is None or f.stance == stance]

    def grouping_of(self, claim_id: str) -> ClaimGrouping | None:
        """How a claim was grouped, or None."""
        self._require_grouping()
        row = self._conn.execute(
            "SELECT role, incident_id, why, link FROM grouping WHERE claim_id = ?", (claim_id,)
        ).fetchone()
        if row is None:
            return None
        role, incident_id, why, link = row
        return ClaimGrouping(role, incident_id, why, link_from_json(link))

    def duplicates_in(self, incident_id: str) -> list[Link]:
        """The links of the republished copies' claims counted under an incident."""
        rows = self._conn.execute(
            "SELECT link FROM grouping WHERE incident_id = ? AND role = 'duplicate' ORDER BY rowid",
            (incident_id,),
        )
        return [link for (text,) in rows if (link := link_from_json(text)) is not None]

    # ------------------------------------------------------------------ incidents

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
        params.append(-1 if limit is None else check_limit(limit))
        return (incident_from_dict(loads(d)) for (d,) in self._conn.execute(sql, params))

    def incident(self, incident_id: str) -> Incident | None:
        """The incident with this id, or with this unique start of an id (at least 6 characters)."""
        self._require_grouping()
        row = self._conn.execute("SELECT data FROM incidents WHERE incident_id = ?", (incident_id,)).fetchone()
        if row is None:
            rows = self._conn.execute(
                "SELECT data FROM incidents WHERE incident_id LIKE ? LIMIT 2", (incident_id + "%",)
            ).fetchall()
            row = rows[0] if len(rows) == 1 and len(incident_id) >= MIN_PREFIX else None
        return None if row is None else incident_from_dict(loads(row[0]))

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
        params.append(-1 if limit is None else check_limit(limit))
        return (contradiction_from_dict(loads(d)) for (d,) in self._conn.execute(sql, params))

    def corroborations(self, *, incident_id: str | None = None) -> list[Corroboration]:
        """Corroborations (of one incident, if given), in the order they were stored."""
        self._require_grouping()
        sql = "SELECT data FROM corroborations"
        rows = (self._conn.execute(sql + " WHERE incident_id = ? ORDER BY rowid", (incident_id,))
                if incident_id is not None else self._conn.execute(sql + " ORDER BY rowid"))
        return [corroboration_from_dict(loads(d)) for (d,) in rows]


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


__all__ = ["MIN_PREFIX", "Grouped"]
