"""Reading what grouping stored in the PostgreSQL ledger: what is left to group, near-copy
candidates, grouping states and footprints, and the incidents, contradictions and
corroborations with their filters.  Orders are the SQLite ledger's: texts compare byte by byte
(``COLLATE "C"``), and a missing date sorts as SQLite sorts NULL (first going up, last going down)."""

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
from ..sqlite.codec import check_limit, document_from_row, footprint_from_json, link_from_json, snapshot_from_json
from ..sqlite.grouped import MIN_PREFIX
from ..sqlite.guard import loads
from .connection import Connection
from .reading import document_select

_C = 'COLLATE "C"'


class Grouped(Connection):
    """The reading half of the PostgreSQL ledger, grouping and incidents."""

    # ------------------------------------------------------------------ what grouping takes up

    def ungrouped(self) -> Iterator[PendingClaim]:
        """Every claim not yet grouped, with its document's date and outlet, in ingest order."""
        rows = self._stream(
            "SELECT c.data::text, d.doc_id, d.published, d.outlet FROM claims c JOIN documents d USING (doc_id)"
            " LEFT JOIN grouping g USING (claim_id) WHERE g.claim_id IS NULL ORDER BY d.seq, c.ordinal"
        )
        return (
            PendingClaim(claim_from_dict(loads(data)), DocInfo(doc_id, published, outlet))
            for data, doc_id, published, outlet in rows
        )

    def pending_grouping(self) -> int:
        """How many claims no grouping run has taken yet."""
        row = self._one(
            "SELECT count(*) FROM claims c LEFT JOIN grouping g USING (claim_id) WHERE g.claim_id IS NULL"
        )
        return int(row[0])

    def unfingerprinted(self) -> Iterator[Document]:
        """Documents with no near-copy fingerprint yet, in ingest order."""
        rows = self._rows(
            f"SELECT {document_select('d')} FROM documents d"
            " LEFT JOIN fingerprints f USING (doc_id) WHERE f.doc_id IS NULL ORDER BY d.seq"
        )
        return iter([document_from_row(row) for row in rows])

    def copy_candidates(self, band_keys: Sequence[int]) -> dict[str, str | None]:
        """``doc_id -> duplicate_of`` of documents sharing at least one MinHash band key."""
        found: dict[str, str | None] = {}
        for band, key in enumerate(band_keys):
            rows = self._rows(
                "SELECT b.doc_id, f.duplicate_of FROM minhash_bands b JOIN fingerprints f USING (doc_id)"
                " WHERE b.band = %s AND b.key = %s ORDER BY b.seq",
                (band, key),
            )
            for doc_id, dup in rows:
                found.setdefault(doc_id, dup)
        return found

    def incident_states(self) -> Iterator[IncidentSnapshot]:
        """The stored grouping state of every incident."""
        rows = self._stream("SELECT state::text FROM incidents ORDER BY seq")
        return (snapshot_from_json(state) for (state,) in rows)

    def incident_state(self, incident_id: str) -> IncidentSnapshot | None:
        """The stored grouping state of one incident, or None."""
        row = self._one("SELECT state::text FROM incidents WHERE incident_id = %s", (incident_id,))
        return None if row is None else snapshot_from_json(row[0])

    def summary_footprints(self, stance: str | None = None) -> list[Footprint]:
        """The footprints of the claims grouping took as summaries."""
        rows = self._rows("SELECT footprint::text FROM grouping WHERE footprint->>'role' = 'summary' ORDER BY seq")
        found = [footprint_from_json(f) for (f,) in rows]
        return [f for f in found if stance is None or f.stance == stance]

    def grouping_of(self, claim_id: str) -> ClaimGrouping | None:
        """How a claim was grouped, or None."""
        row = self._one("SELECT role, incident_id, why, link::text FROM grouping WHERE claim_id = %s", (claim_id,))
        if row is None:
            return None
        role, incident_id, why, link = row
        return ClaimGrouping(role, incident_id, why, link_from_json(link))

    def duplicates_in(self, incident_id: str) -> list[Link]:
        """The links of the republished copies' claims counted under an incident."""
        rows = self._rows(
            "SELECT link::text FROM grouping WHERE incident_id = %s AND role = 'duplicate' ORDER BY seq",
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
        where, params = _incident_filters("i", admin1, since, until, claimant)
        if event_type is not None:
            where.append("i.event_type = %s")
            params.append(event_type)
        if contradicted:
            where.append("i.n_contradictions > 0")
        sql = "SELECT i.data::text FROM incidents i"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY i.start {_C} DESC NULLS LAST, i.incident_id {_C} LIMIT %s"
        params.append(None if limit is None else check_limit(limit))
        return (incident_from_dict(loads(d)) for (d,) in self._stream(sql, params))

    def incident(self, incident_id: str) -> Incident | None:
        """The incident with this id, or with this unique start of an id (at least 6 characters)."""
        row = self._one("SELECT data::text FROM incidents WHERE incident_id = %s", (incident_id,))
        if row is None:
            pattern = incident_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            rows = self._rows("SELECT data::text FROM incidents WHERE incident_id ILIKE %s LIMIT 2", (pattern,))
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
        where, params = _incident_filters("i", admin1, since, until, None)
        if claimant is not None:
            where.append("EXISTS (SELECT 1 FROM jsonb_array_elements_text(x.data->'claimants') v"
                         " WHERE lower(v) = lower(%s))")
            params.append(claimant)
        for clause, value in (("x.incident_id = %s", incident_id), ("x.kind = %s", kind)):
            if value is not None:
                where.append(clause)
                params.append(value)
        if same_claimant is not None:
            where.append("x.same_claimant = %s")
            params.append(int(same_claimant))
        if doc_id is not None:
            where.append(
                "EXISTS (SELECT 1 FROM jsonb_array_elements_text(x.data->'claim_ids') j"
                " JOIN claims c ON c.claim_id = j WHERE c.doc_id = %s)"
            )
            params.append(doc_id)
        sql = "SELECT x.data::text FROM contradictions x JOIN incidents i USING (incident_id)"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += (f" ORDER BY x.same_claimant, i.start {_C} DESC NULLS LAST, x.kind {_C},"
                f" x.contradiction_id {_C} LIMIT %s")
        params.append(None if limit is None else check_limit(limit))
        return (contradiction_from_dict(loads(d)) for (d,) in self._stream(sql, params))

    def corroborations(self, *, incident_id: str | None = None) -> list[Corroboration]:
        """Corroborations (of one incident, if given), in the order they were stored."""
        sql = "SELECT data::text FROM corroborations"
        rows = (self._rows(sql + " WHERE incident_id = %s ORDER BY seq", (incident_id,))
                if incident_id is not None else self._rows(sql + " ORDER BY seq"))
        return [corroboration_from_dict(loads(d)) for (d,) in rows]


def _incident_filters(
    alias: str, admin1: str | None, since: str | None, until: str | None, claimant: str | None
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if admin1 is not None:
        where.append(f"lower({alias}.admin1) = lower(%s)")
        params.append(admin1)
    if since is not None:
        where.append(f'{alias}."end" {_C} >= %s')
        params.append(since)
    if until is not None:
        where.append(f"{alias}.start {_C} <= %s")
        params.append(until)
    if claimant is not None:
        where.append(f"EXISTS (SELECT 1 FROM jsonb_array_elements_text({alias}.claimants) v WHERE lower(v) = lower(%s))")
        params.append(claimant)
    return where, params


__all__ = ["Grouped"]
