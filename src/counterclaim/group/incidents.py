"""Group claims into incidents: the same happening, told by several claimants and outlets.

How a claim finds its incident
------------------------------
Each claim is reduced to a :class:`Footprint`: its area (governorate, else country), its point
and place precision, its time window as day numbers, its event type, stance, claimant and the
sides its perpetrator belongs to.  Claims then fall in three roles:

* ``event``: a place no coarser than a governorate and a window of at most
  :data:`MAX_EVENT_DAYS` days.  A claim with no time takes the week before its document's
  publication (:data:`ASSUMED_DAYS`) and its link says so.
* ``summary``: a claim that totals several days or provinces ("302 sorties and 1,093 targets in
  5 provinces over December 18-23", "87,000 militants eliminated"): a window longer than
  :data:`MAX_EVENT_DAYS`, a month or a year, several governorates, only a country, sorties, or a
  campaign total (:data:`CAMPAIGN_TOTAL` or more).  It is never split into invented incidents;
  it *covers* the incidents inside its scope (:meth:`Grouper.covered`).
* ``unplaced``: no place of its own (a place taken from the article's lead does not count).  It joins an incident of its own article when one is compatible
  (a headline, a follow-up sentence), else it stays alone.

Event claims are taken most precise first (point before governorate, narrow window before wide)
and each joins the best compatible incident or founds a new one.  Candidates come from a block
index keyed by (area, day), so each claim is compared with the few incidents of its governorate
and days, and the cost grows linearly with the number of claims.  A claim is compatible with an
incident when

* the time windows overlap (no slack: "overlapping in time");
* the places agree: within :data:`POINT_RADIUS_KM` when both are points, :data:`NEAR_RADIUS_KM`
  when one is "near", else the same governorate when one of them is only a governorate;
* the event types are compatible (:data:`TYPE_COMPATIBILITY`).

A claim whose place is only a governorate, or that has no time of its own, and that fits
several incidents about equally well (within :data:`AMBIGUOUS_MARGIN`) is not joined to one of
them at random: it founds an incident of its own, and its link says how many it could be.

Perpetrators never keep claims apart (disagreeing on who struck is a contradiction, not another
incident); they only add to the score.  Every join is recorded as a :class:`~.model.Link` with
its scores and the number of incidents the claim could have joined.

Incremental
-----------
A :class:`Grouper` can be restored from stored incident states (:meth:`Grouper.restore`) and
fed new claims: they join or found incidents; existing incidents are never split, merged or
re-clustered.  Feeding the same claims in one batch or in several can therefore give different
incidents when a later claim would have been a better founder; the links say what happened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from ..model import Claim, Incident, Link, Location, TimeSpan, stable_id
from .footprints import ASSUMED_DAYS, MAX_EVENT_DAYS, DocInfo, Footprint, footprint
from .states import IncidentState, Scores, compare, covers, in_scope, within
from .keys import (
    MIN_TYPE,
    iso,
    type_compatibility,
)

#: A coarse claim whose best incidents score within this of each other is ambiguous: kept apart.
AMBIGUOUS_MARGIN = 0.1




_Item = tuple[Footprint, Location | None, TimeSpan | None]


def _precise_first(item: _Item) -> tuple[int, bool, int, int, str]:
    """Most precise claims found incidents first: points before governorates, text windows
    before assumed ones, narrow windows before wide."""
    fp = item[0]
    assert fp.start is not None and fp.end is not None
    return (fp.prec, fp.time_basis != "text", fp.end - fp.start, fp.start, fp.claim_id)


@dataclass
class Grouping:
    """The result of :func:`group`: which incident each claim is in, and why."""

    assignment: dict[str, str]
    incidents: dict[str, Incident]
    links: dict[str, Link]
    summaries: list[Footprint]
    unplaced: list[Footprint]


class Grouper:
    """Leader clustering over a block index; see the module docstring."""

    def __init__(self, *, country_of: Callable[[str], str | None] | None = None) -> None:
        self.states: dict[str, IncidentState] = {}
        self.index: dict[tuple[str, int], list[IncidentState]] = {}
        self.assignment: dict[str, str] = {}
        self.links: dict[str, Link] = {}
        self.summaries: list[Footprint] = []
        self.unplaced: list[Footprint] = []
        self.by_doc: dict[str, set[str]] = {}
        self.area_country: dict[str, str] = {}
        self._country_of = country_of or self._known_country

    def _known_country(self, area: str) -> str | None:
        if area.startswith("country:"):
            return area[8:]
        return self.area_country.get(area)

    # ------------------------------------------------------------------ state

    def restore(self, state: IncidentState) -> None:
        """Take back an incident stored by an earlier run."""
        self.states[state.incident_id] = state
        self._index(state)
        if state.location is not None and state.location.country:
            self.area_country.setdefault(state.area, state.location.country)
        for cid in state.members:
            self.assignment[cid] = state.incident_id
        for d in state.docs:
            self.by_doc.setdefault(d, set()).add(state.incident_id)

    def _index(self, st: IncidentState) -> None:
        for d in range(st.start, st.end + 1):
            self.index.setdefault((st.area, d), []).append(st)

    # ------------------------------------------------------------------ adding

    def add(
        self,
        items: Iterable[tuple[Claim, Footprint]],
        duplicates: Mapping[str, str] | None = None,
    ) -> set[str]:
        """Group new claims; returns the ids of the incidents that were created or changed.

        ``duplicates`` maps the claims of a republished copy to the claims they repeat: such a
        claim joins its original's incident as a ``duplicate`` (it counts once) and adds its
        outlet to the incident.
        """
        duplicates = duplicates or {}
        changed: set[str] = set()
        # Only the footprint and the place and time objects are kept, not the claims, so a
        # million claims fit in memory.
        events: list[_Item] = []
        later: list[_Item] = []
        dups: list[_Item] = []
        new_summaries: list[_Item] = []
        for c, fp in items:
            if c.claim_id in self.assignment or c.claim_id in self.links:
                continue  # already grouped
            if fp.country:
                for area in fp.areas:
                    self.area_country.setdefault(area, fp.country)
            item = (fp, c.location, c.time)
            if c.claim_id in duplicates:
                dups.append(item)
            elif fp.role == "event":
                events.append(item)
            elif fp.role == "unplaced":
                later.append(item)
            else:
                self.summaries.append(fp)
                new_summaries.append(item)
        events.sort(key=_precise_first)
        for item in events:
            changed.add(self._place(item))
        for item in later:
            inc = self._same_article(item)
            if inc is None:
                self.unplaced.append(item[0])
            else:
                changed.add(inc)
        changed |= self._disputes(new_summaries)
        for fp, _, _ in dups:
            original = duplicates[fp.claim_id]
            inc_id = self.assignment.get(original)
            if inc_id is None:
                continue
            st = self.states[inc_id]
            if fp.outlet:
                st.outlets.add(fp.outlet)
            st.docs.add(fp.doc_id)
            self.by_doc.setdefault(fp.doc_id, set()).add(inc_id)
            self.links[fp.claim_id] = Link(
                fp.claim_id, original, "duplicate", 1.0, 1.0, 1.0, 1.0, 1.0, None, 1,
                "the same claim in a republished copy of the same story: counted once",
            )
            changed.add(inc_id)
        return changed

    def _disputes(self, summaries: list[_Item]) -> set[str]:
        """A coarse denial and the coarse allegation it answers in the same article ("Russia
        was using cluster bombs in Syria" / "the Russian aviation is not using them") become an
        incident of their own at their coarse place: a dispute over a pattern of conduct, not an
        invented strike."""
        out: set[str] = set()
        by_doc: dict[str, list[_Item]] = {}
        for item in summaries:
            by_doc.setdefault(item[0].doc_id, []).append(item)
        for doc_items in by_doc.values():
            used: set[str] = set()
            for d in doc_items:
                fd = d[0]
                if fd.stance != "denies" or fd.start is None or fd.end is None or not fd.areas:
                    continue
                partners = [
                    a for a in doc_items
                    if a[0].stance == "asserts" and a[0].claim_id not in used and a[0].areas
                    and not a[0].media
                    and a[0].event_type == fd.event_type
                    and within(a[0], fd, self._country_of)
                    and (a[0].time_basis != "text" or fd.time_basis != "text"
                         or (a[0].start is not None and a[0].end is not None
                             and a[0].start <= fd.end and fd.start <= a[0].end))
                ]
                if not partners:
                    continue
                inc_id = self._found(d, reason="a coarse denial: the incident is the dispute with the allegation it answers")
                st = self.states[inc_id]
                for a in partners:
                    used.add(a[0].claim_id)
                    self.links[a[0].claim_id] = Link(
                        a[0].claim_id, fd.claim_id, "member", 0.5, 0.5, 0.5,
                        type_compatibility(a[0].event_type, fd.event_type), 0.5, None, 1,
                        "a coarse allegation the same article's denial answers",
                    )
                    self._join(st, a)
                out.add(inc_id)
        return out

    def _candidates(self, fp: Footprint) -> list[IncidentState]:
        assert fp.start is not None and fp.end is not None
        seen: dict[str, IncidentState] = {}
        for area in fp.areas:
            for d in range(fp.start, fp.end + 1):
                for st in self.index.get((area, d), ()):
                    seen[st.incident_id] = st
        return list(seen.values())

    def _place(self, item: _Item) -> str:
        fp = item[0]
        scored: list[tuple[float, str, IncidentState, Scores]] = []
        for st in self._candidates(fp):
            s = compare(fp, st)
            if s is not None:
                scored.append((s.total, st.incident_id, st, s))
        if not scored:
            return self._found(item)
        scored.sort(key=lambda x: (-x[0], x[1]))
        total, _, st, s = scored[0]
        rivals = [x for x in scored[1:] if x[0] >= total - AMBIGUOUS_MARGIN]
        if rivals and (fp.prec >= 2 or fp.time_basis != "text"):
            # "airstrikes in Idlib province on Tuesday" when Idlib had several that Tuesday: it
            # could be any of them, so it is kept apart rather than joined to one at random
            return self._found(item, reason=(
                f"could be any of {len(rivals) + 1} incidents (its place or time is too coarse to tell): kept apart"
            ))
        reason = _reason(fp, st, s, len(scored))
        self.links[fp.claim_id] = Link(
            fp.claim_id, st.place_from, "member", round(total, 3), round(s.time, 3), round(s.place, 3),
            round(s.type, 3), round(s.actor, 3), None if s.distance_km is None else round(s.distance_km, 1),
            len(scored), reason,
        )
        self._join(st, item)
        return st.incident_id

    def _found(self, item: _Item, reason: str | None = None) -> str:
        fp, loc, time = item
        assert fp.start is not None and fp.end is not None
        st = IncidentState(
            incident_id=stable_id("incident", fp.claim_id), area=fp.areas[0], lat=fp.lat, lon=fp.lon,
            prec=fp.prec, start=fp.start, end=fp.end, place_from=fp.claim_id, time_from=fp.claim_id,
            time_basis=fp.time_basis, location=loc, time=time if fp.time_basis == "text" else None,
        )
        self.states[st.incident_id] = st
        self._index(st)
        self.links[fp.claim_id] = Link(
            fp.claim_id, None, "founder", 1.0, 1.0, 1.0, 1.0, 1.0, None, 0,
            reason or "the first claim of this incident: no earlier incident was close in place, time and kind",
        )
        self._join(st, item)
        return st.incident_id

    def _join(self, st: IncidentState, item: _Item) -> None:
        fp, loc, time = item
        st.members.append(fp.claim_id)
        st.claimants.add(fp.claimant)
        if fp.stance == "asserts":
            st.types[fp.event_type] += 1
        elif not st.types:
            st.types[fp.event_type] += 0  # a denial alone still names the kind
        st.sides |= fp.sides
        st.docs.add(fp.doc_id)
        if fp.outlet:
            st.outlets.add(fp.outlet)
        self.assignment[fp.claim_id] = st.incident_id
        self.by_doc.setdefault(fp.doc_id, set()).add(st.incident_id)
        if fp.prec < st.prec and fp.lat is not None:
            st.lat, st.lon, st.prec, st.place_from, st.location = fp.lat, fp.lon, fp.prec, fp.claim_id, loc
        if fp.start is None or fp.end is None:
            return  # an unplaced claim with no time joined through its article: the window stays
        narrower = fp.end - fp.start < st.end - st.start
        if fp.time_basis == "text" and (st.time_basis != "text" or narrower):
            start, end = max(fp.start, st.start), min(fp.end, st.end)
            if start <= end:  # the narrower window, kept inside the one the index knows
                st.start, st.end, st.time_from, st.time_basis, st.time = start, end, fp.claim_id, "text", time

    def _same_article(self, item: _Item) -> str | None:
        """An unplaced claim joins a compatible incident of its own article, if there is one."""
        fp = item[0]
        best: tuple[float, str] | None = None
        for inc_id in sorted(self.by_doc.get(fp.doc_id, ())):
            st = self.states[inc_id]
            ty = type_compatibility(fp.event_type, st.event_type)
            if ty < MIN_TYPE:
                continue
            if fp.time_basis == "text" and fp.start is not None and fp.end is not None:
                if fp.end < st.start or fp.start > st.end:
                    continue
            same_speaker = fp.claimant in st.claimants
            score = ty + (0.5 if same_speaker else 0.0)
            if best is None or score > best[0]:
                best = (score, inc_id)
        if best is None:
            return None
        st = self.states[best[1]]
        self.links[fp.claim_id] = Link(
            fp.claim_id, st.place_from, "member", round(0.5 * best[0], 3), 0.5, 0.0,
            type_compatibility(fp.event_type, st.event_type), 0.5, None, len(self.by_doc.get(fp.doc_id, ())),
            "names no place of its own; joined the compatible incident of its own article",
        )
        self._join(st, item)
        return st.incident_id

    # ------------------------------------------------------------------ reading

    def covered(self, summary: Footprint) -> list[str]:
        """The incidents a summary claim covers: inside its scope, or, when it has no time,
        the compatible incidents of its own article."""
        if summary.time_basis != "text" or summary.start is None or summary.end is None:
            out = []
            for inc_id in sorted(self.by_doc.get(summary.doc_id, ())):
                st = self.states[inc_id]
                kind_ok = type_compatibility(summary.event_type, st.event_type) >= MIN_TYPE or summary.event_type == "sorties"
                if kind_ok and in_scope(summary, st, self._country_of):
                    out.append(inc_id)
            return out
        areas = [a for a in summary.areas if not a.startswith("country:")]
        countries = {a[8:] for a in summary.areas if a.startswith("country:")}
        if countries:
            areas += sorted({k[0] for k in self.index if self._country_of(k[0]) in countries})
        found: dict[str, None] = {}
        for area in dict.fromkeys(areas):
            for d in range(summary.start - MAX_EVENT_DAYS, summary.end + 1):
                for st in self.index.get((area, d), ()):
                    if st.incident_id not in found and covers(summary, st, self._country_of):
                        found[st.incident_id] = None
        return list(found)

    def incident(self, incident_id: str) -> Incident:
        st = self.states[incident_id]
        time = st.time if st.time_basis == "text" else _assumed(st)
        if time is not None and (time.start, time.end) != (iso(st.start), iso(st.end)):
            time = TimeSpan(
                text=time.text, start=iso(st.start), end=iso(st.end),
                precision="day" if st.start == st.end else "days",
                text_start=time.text_start, text_end=time.text_end,
                note=f"where this window ({time.start}..{time.end}) overlaps the other members' windows",
            )
        return Incident(
            incident_id=st.incident_id, claim_ids=tuple(st.members), event_type=st.event_type,
            location=st.location, time=time,
            claimants=(), links=tuple(self.links[m] for m in st.members if m in self.links),
            doc_ids=tuple(sorted(st.docs)), outlets=tuple(sorted(st.outlets)),
            location_from=st.place_from, time_from=st.time_from if st.time_basis == "text" else None,
            time_basis=st.time_basis,
        )


def _assumed(st: IncidentState) -> TimeSpan:
    return TimeSpan(
        text="", start=iso(st.start), end=iso(st.end), precision="unknown",
        note=f"no member gives a time: the {ASSUMED_DAYS} days before publication",
    )


def _reason(fp: Footprint, st: IncidentState, s: Scores, n: int) -> str:
    parts = []
    if s.distance_km is not None:
        parts.append(f"{s.distance_km:.1f} km apart")
    else:
        parts.append(f"both in {st.area}")
    parts.append("time windows overlap" if fp.time_basis == "text" else f"no time of its own: the {ASSUMED_DAYS} days before publication overlap")
    if fp.event_type == st.event_type:
        parts.append(f"both {fp.event_type}")
    else:
        parts.append(f"{fp.event_type} is compatible with {st.event_type}")
    if n > 1:
        parts.append(f"best of {n} compatible incidents")
    return "; ".join(parts)


def group(
    claims: Iterable[Claim],
    docs: Mapping[str, DocInfo],
    *,
    sides_of: Callable[[Claim], frozenset[str]] | None = None,
    duplicates: Mapping[str, str] | None = None,
) -> Grouping:
    """Group claims (in memory) into incidents."""
    g = Grouper()
    g.add(((c, footprint(c, docs.get(c.doc_id), sides_of)) for c in claims), duplicates)
    return Grouping(
        assignment=g.assignment,
        incidents={i: g.incident(i) for i in g.states},
        links=g.links,
        summaries=g.summaries,
        unplaced=g.unplaced,
    )


__all__ = ["AMBIGUOUS_MARGIN", "Grouper", "Grouping", "group"]


