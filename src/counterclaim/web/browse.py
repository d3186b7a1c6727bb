"""What the web app's pages, its API and the report share: the filters read from a query
string, the read-only queries behind them, and the short forms of incidents and figures the
pages show."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import BadQuery
from ..knowledge.gazetteer import Gazetteer
from ..model import ACTOR_TYPES, EVENT_TYPES, Claim, Contradiction, Document, Incident, quantity_summary

if TYPE_CHECKING:  # pragma: no cover
    from ..ledger.base import Ledger

HERE = Path(__file__).parent
BASEMAP = HERE.parent / "data" / "basemap"


@dataclass(frozen=True)
class Filters:
    """The filters of the map page, read from the query string (bad values are ignored and
    reported in ``problems``, so a mistyped date never breaks the page)."""

    claimant: str | None = None
    actor_type: str | None = None
    governorate: str | None = None
    since: str | None = None
    until: str | None = None
    event_type: str | None = None
    contested: bool = False
    q: str | None = None
    #: read ``q`` in SQLite FTS5 syntax (AND, OR, NOT, NEAR...) rather than as words and phrases
    fts: bool = False
    problems: tuple[str, ...] = ()

    @classmethod
    def from_args(cls, args: Mapping[str, str], gazetteer: Gazetteer) -> Filters:
        """The filters a query string gives; a governorate in any spelling is read with ``gazetteer``."""
        problems: list[str] = []

        def text(name: str) -> str | None:
            v = (args.get(name) or "").strip()
            return v or None

        def day(name: str) -> str | None:
            v = text(name)
            if v is None:
                return None
            try:
                return date.fromisoformat(v).isoformat()
            except ValueError:
                problems.append(f"{name}: {v!r} is not a date (YYYY-MM-DD)")
                return None

        gov = text("governorate")
        admin1 = None
        if gov is not None:
            entry = gazetteer.admin1(gov)
            if entry is None:
                problems.append(f"governorate: {gov!r} is not a governorate")
            else:
                admin1 = entry.admin1 or entry.name
        actor_type = text("actor_type")
        if actor_type is not None and actor_type not in ACTOR_TYPES:
            problems.append(f"actor_type: {actor_type!r} is not one of {', '.join(ACTOR_TYPES)}")
            actor_type = None
        event_type = text("event_type")
        if event_type is not None and event_type not in EVENT_TYPES:
            problems.append(f"event_type: {event_type!r} is not one of {', '.join(EVENT_TYPES)}")
            event_type = None
        return cls(
            claimant=text("claimant"), actor_type=actor_type, governorate=admin1, since=day("since"),
            until=day("until"), event_type=event_type, contested=args.get("contested") in ("1", "on", "true"),
            q=text("q"), fts=args.get("syntax") == "fts", problems=tuple(problems),
        )

    def query(self) -> dict[str, str]:
        """The filters as query parameters (for links and downloads)."""
        out = {k: v for k, v in (
            ("claimant", self.claimant), ("actor_type", self.actor_type), ("governorate", self.governorate),
            ("since", self.since), ("until", self.until), ("event_type", self.event_type), ("q", self.q),
        ) if v}
        if self.contested:
            out["contested"] = "1"
        if self.fts and self.q:
            out["syntax"] = "fts"
        return out


class Browse:
    """The read-only queries the pages and the API share.  A search the ledger cannot read is
    left out of the filters and said in :attr:`problems`, as a bad filter is."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.problems: list[str] = []

    def incidents(self, f: Filters, limit: int = 5000) -> list[Incident]:
        found = self.ledger.incidents(
            admin1=f.governorate, since=f.since, until=f.until, claimant=f.claimant,
            event_type=f.event_type, contradicted=f.contested,
        )
        hits: set[str] | None = None
        if f.q:
            try:
                hits = {g.incident_id for c in self.ledger.search_claims(f.q, limit=2000, syntax="fts" if f.fts else "words")
                        if (g := self.ledger.grouping_of(c.claim_id)) and g.incident_id}
            except BadQuery as exc:
                self.problems.append(f"search: {exc.detail or exc.message}; the search was left out")
        out = []
        for inc in found:
            if f.actor_type and not any(s.actor_type == f.actor_type for s in inc.summary):
                continue
            if hits is not None and inc.incident_id not in hits:
                continue
            out.append(inc)
            if len(out) >= limit:
                break
        return out

    def contradictions(self, incidents: list[Incident]) -> list[Contradiction]:
        out: list[Contradiction] = []
        for inc in incidents:
            if inc.contradictions:
                out.extend(self.ledger.contradictions(incident_id=inc.incident_id))
        return out

    def claims_of(self, inc: Incident) -> dict[str, Claim]:
        return self.ledger.claims_by_id(list(inc.claim_ids))


def incident_json(inc: Incident) -> dict[str, Any]:
    """The short form of an incident the map, the timeline and ``/api/incidents`` use."""
    loc, t = inc.location, inc.time
    return {
        "incident_id": inc.incident_id,
        "event_type": inc.event_type,
        "location": None if loc is None else {
            "name": loc.name or loc.text, "admin1": loc.admin1, "country": loc.country,
            "lat": loc.lat, "lon": loc.lon, "precision": loc.precision,
        },
        "time": None if t is None else {"start": t.start, "end": t.end, "precision": t.precision},
        "time_basis": inc.time_basis,
        "n_claims": len(inc.claim_ids),
        "claimants": list(inc.claimants),
        "outlets": list(inc.outlets),
        "contradictions": inc.contradictions,
        "corroborations": inc.corroborations,
        "contested": inc.contradictions > 0,
    }


def figure(c: Claim) -> list[str]:
    """Each quantity with its bounds as a range: "≤200 militants killed" reads "0–200"."""
    out = []
    for q in c.quantities:
        text = quantity_summary(q)
        lo, hi = q.low, q.high
        if q.bound in ("low", "vague") and lo is not None:
            text += f" (range {lo:,.0f}–∞)"
        elif q.bound == "high" and hi is not None:
            text += f" (range 0–{hi:,.0f})"
        elif q.bound == "range" and lo is not None and hi is not None:
            text += f" (range {lo:,.0f}–{hi:,.0f})"
        out.append(text)
    return out


def highlight(doc: Document, claims: list[Claim]) -> list[dict[str, Any]]:
    """The document text cut into segments: plain text, evidence of one or more claims, and the
    spans cleaning removed (placed where they stood).  The template escapes every segment."""
    bounds = {0, len(doc.text)}
    for c in claims:
        bounds.update((c.evidence.start, c.evidence.end))
    removed_at: dict[int, list[Any]] = {}
    for r in doc.removed:
        at = min(max(r.at, 0), len(doc.text))
        bounds.add(at)
        removed_at.setdefault(at, []).append(r)
    cuts = sorted(b for b in bounds if 0 <= b <= len(doc.text))
    segments: list[dict[str, Any]] = []
    first_seen: set[str] = set()
    for a, b in zip(cuts, cuts[1:] + [None]):
        for r in removed_at.get(a, ()):
            segments.append({"kind": "removed", "text": r.text, "reason": r.reason})
        if b is None or a == b:
            continue
        ids = [c.claim_id for c in claims if c.evidence.start <= a and b <= c.evidence.end]
        anchors = [i for i in ids if i not in first_seen]
        first_seen.update(anchors)
        segments.append({"kind": "evidence" if ids else "text", "text": doc.text[a:b], "claims": ids, "anchors": anchors})
    return segments


def basemap() -> dict[str, Any]:
    """The governorates and the neighbouring countries, one FeatureCollection each."""
    return {
        "governorates": json.loads((BASEMAP / "syria_admin1.geojson").read_text(encoding="utf-8")),
        "countries": json.loads((BASEMAP / "syria_neighbours_admin0.geojson").read_text(encoding="utf-8")),
    }


__all__ = ["BASEMAP", "HERE", "Browse", "Filters", "basemap", "figure", "highlight", "incident_json"]
