"""Bring a ledger's incidents up to date: the claims ingested since the last run join or found
incidents, and the contradictions of every incident that changed are found again.

:func:`update` is incremental: it reads the stored incident states, groups only the claims no
run has grouped yet, and writes everything at once (:meth:`Ledger.write_grouping`), as typed
rows: how the ledger encodes them is its own business.
``counterclaim ingest`` calls it after each run; the reading commands call it first, so a
ledger written by an older version, or an ingest killed before grouping, is grouped on the
next use.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..knowledge.actors import Registry, default_registry
from ..knowledge.resources import Resources
from .contradictions import Finder
from .dedup import band_keys, is_near_copy, minhash, pair_claims
from .keys import claimant_key, claimant_name
from .footprints import footprint
from .incidents import Grouper
from .states import IncidentState, covers, in_scope
from ..model import Claim, ClaimantSummary, Contradiction, Corroboration, Footprint, Incident, quantity_summary
from ..ledger.base import ClaimGrouping, Fingerprint, GroupedClaim, GroupingRole, Ledger, PendingClaim, StoredIncident


@dataclass
class GroupingReport:
    claims: int = 0
    incidents_new: int = 0
    incidents_changed: int = 0
    near_copies: int = 0
    roles: Counter[str] = field(default_factory=Counter)

    def line(self) -> str:
        roles = ", ".join(f"{n} {r}" for r, n in sorted(self.roles.items()))
        return (
            f"grouped {self.claims} new claims ({roles or 'none'}): {self.incidents_new} new incidents, "
            f"{self.incidents_changed} changed; {self.near_copies} near copies of stories already read"
        )


class Sides:
    """Which side an actor is on (for perpetrators and claimants), from the actor registry."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._cache: dict[str, str] = {}

    def side(self, name: str) -> str:
        s = self._cache.get(name)
        if s is None:
            s = self._cache[name] = self.registry.side(name)
        return s

    def of_perpetrator(self, c: Claim) -> frozenset[str]:
        """The sides of the actors the registry knows among the perpetrators ("jihadists" or "it"
        name no side)."""
        p = c.perpetrator
        if p is None:
            return frozenset()
        names = p.actors or ((p.actor,) if p.actor else ())
        known = (n for n in names if n and (self.registry.actor(n) or self.registry.person(n)))
        return frozenset(self.side(n) for n in known)

    def of_claimant(self, c: Claim) -> str:
        cl = c.claimant
        name = cl.organisation or cl.actor
        return self.side(name) if name else (cl.text or "(unknown)").casefold()


def update(ledger: Ledger, resources: Resources | None = None) -> GroupingReport:
    """Group the ledger's ungrouped claims and refresh the contradictions they touch; the actor
    registry of ``resources`` (the bundled one when None) says which side each actor is on.

    1. near copies among the new documents (MinHash LSH candidates, confirmed on the texts);
    2. the new claims join or found incidents (a republished copy's claims pair with the
       original's);
    3. denials whose scope covers incidents: new denials reach old incidents, and old denials
       reach new or changed incidents;
    4. a grouping row for each new claim;
    5. the incidents, contradictions and corroborations of everything touched, written in one
       transaction."""
    sides = Sides(resources.registry if resources is not None else default_registry())
    report = GroupingReport()
    fingerprints = _near_copies(ledger, report)
    pending = list(ledger.ungrouped())
    report.claims = len(pending)
    if not pending and not fingerprints:
        return report
    grouper = Grouper()
    for stored in ledger.incident_states():
        grouper.restore(IncidentState.from_snapshot(stored))
    old_ids = set(grouper.states)
    old_summaries = ledger.summary_footprints()
    items = [(p.claim, footprint(p.claim, p.doc, sides.of_perpetrator)) for p in pending]
    changed = grouper.add(items, _duplicates(ledger, pending, fingerprints))
    report.incidents_new = len(set(grouper.states) - old_ids)
    report.incidents_changed = len(changed & old_ids)
    touched, covering = _covering(grouper, old_summaries, items, changed)
    rows = _rows(grouper, items, report)
    incidents, contradictions, corroborations = _findings(
        ledger, grouper, Finder(sides.of_perpetrator, sides.of_claimant), items, touched, covering)
    ledger.write_grouping(
        fingerprints=fingerprints, claims=rows, incidents=incidents,
        contradictions=contradictions, corroborations=corroborations,
    )
    return report


def _near_copies(ledger: Ledger, report: GroupingReport) -> list[Fingerprint]:
    """Step 1: a fingerprint for each document no run has seen, naming the story it copies."""
    fingerprints: list[Fingerprint] = []
    texts: dict[str, str] = {}  # this run's, for the later documents
    for doc in ledger.unfingerprinted():
        keys = tuple(band_keys(minhash(doc.text)))
        original: str | None = None
        found = list(ledger.copy_candidates(keys).items())
        found += [(f.doc_id, f.duplicate_of) for f in fingerprints if any(a == b for a, b in zip(f.band_keys, keys))]
        for cand, dup in found:
            other = ledger.document(cand)
            other_text = other.text if other is not None else texts.get(cand, "")
            if is_near_copy(doc.text, other_text):
                original = dup or cand
                break
        fingerprints.append(Fingerprint(doc.doc_id, keys, original))
        texts[doc.doc_id] = doc.text
        if original is not None:
            report.near_copies += 1
    return fingerprints


def _duplicates(ledger: Ledger, pending: Sequence[PendingClaim], fingerprints: Sequence[Fingerprint]) -> dict[str, str]:
    """Step 2: each claim of a republished copy paired with the original's same claim."""
    duplicates: dict[str, str] = {}
    by_doc: dict[str, list[Claim]] = {}
    for p in pending:
        by_doc.setdefault(p.claim.doc_id, []).append(p.claim)
    for f in fingerprints:
        if f.duplicate_of is not None:
            originals = list(ledger.claims(doc_id=f.duplicate_of))
            duplicates.update(pair_claims(by_doc.get(f.doc_id, []), originals))
    return duplicates


def _covering(
    grouper: Grouper, old_summaries: Sequence[Footprint], items: Sequence[tuple[Claim, Footprint]], changed: set[str],
) -> tuple[set[str], dict[str, list[str]]]:
    """Step 3: the incidents to look at again, and the denials whose scope covers each."""
    new_fp = {fp.claim_id for _, fp in items}
    all_denials = [f for f in old_summaries if f.stance == "denies"] + [
        f for f in grouper.summaries if f.stance == "denies"
    ]
    reach = {f.claim_id: grouper.covered(f) for f in all_denials}  # a scan of the index each
    covering: dict[str, list[str]] = {}
    for f in all_denials:
        is_new = f.claim_id in new_fp
        for inc_id in reach[f.claim_id]:
            if is_new or inc_id in changed:
                covering.setdefault(inc_id, []).append(f.claim_id)
    touched = changed | set(covering)
    # incidents touched only through new denials still need their other covering denials
    for f in all_denials:
        for inc_id in reach[f.claim_id]:
            if inc_id in touched and f.claim_id not in covering.get(inc_id, []):
                covering.setdefault(inc_id, []).append(f.claim_id)
    return touched, covering


def _rows(grouper: Grouper, items: Sequence[tuple[Claim, Footprint]], report: GroupingReport) -> list[GroupedClaim]:
    """Step 4: what grouping made of each new claim."""
    rows = []
    for c, fp in items:
        link = grouper.links.get(c.claim_id)
        assigned = grouper.assignment.get(c.claim_id)
        role: GroupingRole
        if link is not None and link.role == "duplicate":
            role = "duplicate"
            assigned = grouper.assignment.get(link.to_claim_id or "")
        elif assigned is not None:
            role = "member"
        elif fp.role == "summary":
            role = "summary"
        else:
            role = "unplaced"
        why = fp.why if role in ("summary", "unplaced") else None
        rows.append(GroupedClaim(c.claim_id, ClaimGrouping(role, assigned, why, link), fp))
        report.roles[role] += 1
    return rows


def _findings(
    ledger: Ledger, grouper: Grouper, finder: Finder, items: Sequence[tuple[Claim, Footprint]], touched: set[str],
    covering: dict[str, list[str]],
) -> tuple[list[StoredIncident], dict[str, list[Contradiction]], dict[str, list[Corroboration]]]:
    """Step 5: every touched incident built again, with its contradictions and corroborations."""
    new_claims = {c.claim_id: c for c, _ in items}
    incidents_out = []
    contradictions: dict[str, list[Contradiction]] = {}
    corroborations: dict[str, list[Corroboration]] = {}
    dup_links = {cid: lk for cid, lk in grouper.links.items() if lk.role == "duplicate"}
    for inc_id in sorted(touched):
        st = grouper.states[inc_id]
        cover = covering.get(inc_id, [])
        need = [m for m in st.members if m not in new_claims] + [d for d in cover if d not in new_claims]
        claims = {**ledger.claims_by_id(need), **{m: new_claims[m] for m in st.members if m in new_claims},
                  **{d: new_claims[d] for d in cover if d in new_claims}}
        members = [claims[m] for m in st.members if m in claims]
        docs = ledger.doc_info(sorted(st.docs | {claims[d].doc_id for d in cover if d in claims}))
        finder.published = {d: info.published for d, info in docs.items()}
        contra, agreed = finder.find(inc_id, members, [claims[d] for d in cover if d in claims])
        contradictions[inc_id] = contra
        corroborations[inc_id] = agreed
        outlets = set(st.outlets) | ledger.sighting_outlets(sorted(st.docs))
        dups = sorted(cid for cid, lk in dup_links.items() if grouper.assignment.get(lk.to_claim_id or "") == inc_id)
        incident = build_incident(grouper, st, members, outlets, len(contra), len(agreed), dups)
        incidents_out.append(StoredIncident(incident, st.snapshot(), st.area if not st.area.startswith("country:") else None,
                                            st.location.country if st.location is not None else None))
    return incidents_out, contradictions, corroborations


def covered_by(ledger: Ledger, incident_id: str) -> list[Claim]:
    """The summary claims whose scope covers an incident: same governorate or its country,
    overlapping window, compatible kind; a summary with no time of its own covers only the
    incidents of its own article."""
    stored = ledger.incident_state(incident_id)
    if stored is None:
        return []
    st = IncidentState.from_snapshot(stored)
    country = st.location.country if st.location is not None else None
    ids = []
    for fp in ledger.summary_footprints():
        if fp.claim_id in st.members:
            continue
        if fp.time_basis != "text":
            ok = fp.doc_id in st.docs and in_scope(fp, st, lambda area: country)
        else:
            ok = covers(fp, st, lambda area: country)
        if ok:
            ids.append(fp.claim_id)
    found = ledger.claims_by_id(ids)
    return [found[i] for i in ids if i in found]


def build_incident(
    grouper: Grouper, st: IncidentState, members: Sequence[Claim], outlets: Iterable[str],
    n_contradictions: int, n_corroborations: int, duplicates: Sequence[str] = (),
) -> Incident:
    base = grouper.incident(st.incident_id)
    by_claimant: dict[str, list[Claim]] = {}
    for c in members:
        by_claimant.setdefault(claimant_key(c), []).append(c)
    summary = tuple(_summary(cs) for cs in by_claimant.values())
    names = tuple(dict.fromkeys(claimant_name(cs[0]) for cs in by_claimant.values()))
    links = tuple(grouper.links[m] for m in (*st.members, *duplicates) if m in grouper.links)
    return Incident(
        incident_id=base.incident_id, claim_ids=base.claim_ids, event_type=base.event_type,
        location=base.location, time=base.time, claimants=names, summary=summary, links=links,
        doc_ids=base.doc_ids, outlets=tuple(sorted(set(outlets))), location_from=base.location_from,
        time_from=base.time_from, time_basis=base.time_basis, contradictions=n_contradictions,
        corroborations=n_corroborations,
    )


def _summary(claims: Sequence[Claim]) -> ClaimantSummary:
    first = claims[0]
    stances = {c.stance for c in claims}
    stance = stances.pop() if len(stances) == 1 else "both"
    verbs = []
    for c in claims:
        what = c.event_type.replace("_", " ")
        figures = "; ".join(quantity_summary(q) for q in c.quantities)
        verbs.append(f"{'denies' if c.stance == 'denies' else 'reports'} {what}" + (f" ({figures})" if figures else ""))
    return ClaimantSummary(
        claimant=claimant_name(first), actor_type=first.claimant.actor_type, stance=stance,
        claim_ids=tuple(c.claim_id for c in claims), says="; ".join(dict.fromkeys(verbs)),
    )


__all__ = ["GroupingReport", "Sides", "build_incident", "covered_by", "update"]
