"""How many were killed in an incident, by each claimant and all told: the figures ACLED and
UCDP GED would code, and whether the incident is asserted, denied or contested.

Only ``killed`` quantities of asserting member claims count (not "wounded" or "casualties"); a
denial gives no toll.  Bodies recovered count as killed (at least that many dead) only when no
claimant counts the dead; a total over a wider window ("since the start of the war") never counts;
an update ("the death toll has risen to four") replaces the claimant's earlier figures.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from functools import cache
from typing import Literal, get_args

from ..knowledge.actors import Registry
from .contradictions import victim_class
from ..knowledge.lexicon import DEFAULT_LANGUAGE, Lexicon, lexicon_for
from ..model import Claim, Incident, Quantity

@cache
def _toll_patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], list[str]]:
    """The bound prefix, "tens of thousands" and "several hundred" patterns of ``lex``, and its
    vague amounts with an ACLED figure, longest first."""
    w = lex.group
    return (
        re.compile(rf"^(?:{w.toll_bound_prefix})\s+"),
        re.compile(rf"^{w.toll_scale_of_scale}\b"),
        re.compile(rf"^{w.toll_multiplied_scale}\b"),
        sorted(lex.acled_figures, key=len, reverse=True),
    )


@dataclass(frozen=True, slots=True)
class Toll:
    """One claimant's killed figure for an incident: ``low``/``best``/``high`` readings, the
    civilians among them, and the claims it came from."""

    claimant: str
    low: int
    best: int
    high: int
    civilians: int
    claim_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Tolls:
    """The killed figures of an incident's asserting claimants and what ACLED and UCDP make of
    them (see :func:`incident_tolls`)."""

    by_claimant: tuple[Toll, ...]
    acled: int
    low: int
    best: int
    high: int
    civilians: int

    @property
    def disputed(self) -> bool:
        return len({t.best for t in self.by_claimant}) > 1


def acled_vague_count(text: str, lex: Lexicon) -> int | None:
    """ACLED's figure for a vague amount: "dozens" 12, "hundreds" 100, "several" 10, "several
    hundred" 100, "tens of thousands" 10,000; None when ``text`` is not one (the lexicon's
    ``acled_figure`` reading).  A bound word in front ("more than dozens") is ignored."""
    bound_prefix, scale_of_scale, multiplied, phrases = _toll_patterns(lex)
    figures = lex.acled_figures
    t = " ".join(text.casefold().split())
    t = bound_prefix.sub("", t)
    m = scale_of_scale.match(t)
    if m:
        return figures[m.group(0)]
    m = multiplied.match(t)
    if m:
        return lex.scales[m.group(1)]
    for phrase in phrases:
        if t == phrase or t.startswith(phrase + " "):
            return figures[phrase]
    return None


def quantity_reading(q: Quantity, lex: Lexicon) -> tuple[int, int, int] | None:
    """``(low, best, high)`` for a killed quantity, or None when it gives no figure.

    exact/approx N: (N, N, N); a bound word keeps the figure ("more than 26", "up to 200": the
    claimant's number is the only number there is); a range "12-30": (12, 12, 30), the best
    being the conservative end; a vague amount: ACLED's conventional figure for all three
    (:func:`acled_vague_count`, falling back on the quantity's own ``low``).
    """
    if q.bound == "vague":
        n = acled_vague_count(q.text, lex)
        if n is None and q.low is not None:
            n = int(q.low)
        return None if n is None else (n, n, n)
    if q.bound == "range" and q.low is not None and q.high is not None:
        return int(q.low), int(q.low), int(q.high)
    v = q.value if q.value is not None else q.low if q.low is not None else q.high
    if v is None:
        return None
    return int(v), int(v), int(v)


#: whom a killed figure counts, for adding tolls up
VictimKind = Literal["civilian", "combatant", "any"]


def object_kind(obj: str | None, lex: Lexicon) -> VictimKind:
    """``civilian``, ``combatant`` (militants and soldiers) or ``any``, by the victim classes
    contradictions use too (:func:`~counterclaim.group.contradictions.victim_class`)."""
    cls = victim_class(obj or "", lex)
    if cls == "civilians":
        return "civilian"
    if cls in ("militants", "soldiers"):
        return "combatant"
    return "any"


def claim_toll(c: Claim, lex: Lexicon) -> tuple[int, int, int, int] | None:
    """``(low, best, high, civilians)`` killed, by one claim; None if it gives no killed figure.

    Figures in one claim are not simply added: "26 people were killed, including 10 civilians"
    is 26.  Civilians and combatants (militants, soldiers, ...) are disjoint, so those two add
    up; a figure for people in general stands for the whole.  Within each group the largest
    figure is taken ("10 civilians, including 4 children" is 10).
    """
    groups: dict[VictimKind, list[tuple[int, int, int]]] = {kind: [] for kind in get_args(VictimKind)}
    for q in c.quantities:
        if q.measure != "killed" or q.aggregate:
            continue  # a total since the start of the war is no incident's toll
        r = quantity_reading(q, lex)
        if r is not None:
            groups[object_kind(q.object, lex)].append(r)
    if not any(groups.values()):
        return None

    def top(rs: list[tuple[int, int, int]], i: int) -> int:
        return max((r[i] for r in rs), default=0)

    out = []
    for i in range(3):
        split = top(groups["civilian"], i) + top(groups["combatant"], i)
        out.append(max(top(groups["any"], i), split))
    civilians = min(top(groups["civilian"], 1), out[1])
    return out[0], out[1], out[2], civilians


def incident_tolls(incident: Incident, claims: Mapping[str, Claim], lexicon: Lexicon | None = None) -> Tolls:
    """The killed figures of an incident and the ACLED/UCDP estimates from them.

    Figures are read with ``lexicon`` (claims do not record their language: the ledger's claims
    are read with the default language's lexicon unless the caller gives one).

    Only member claims that *assert* count (a denial gives no toll), and only ``killed``
    quantities.  Per claimant (as grouped in the incident's summary), the claim with the largest
    figure stands for it (a claimant repeating its toll is one report, not several), except where
    the claimant updates it ("has risen to four"): then its latest update stands.
    Across claimants:

    * ``acled``: the lowest claimant figure (its ``low`` reading) — ACLED's conservative rule:
      "If source reports differ or a vague estimate is provided, ACLED uses the most
      conservative estimate available" (ACLED Knowledge base, "Fatalities", 2023; Codebook 2019,
      "Reported fatalities").  0 when no claimant gives a killed figure.
    * ``low``/``high``: UCDP GED's lowest and highest reasonable estimates: the lowest ``low``
      and highest ``high`` of the claimants (UCDP GED Codebook, "low", "high").
    * ``best``: UCDP's most likely figure.  Decided here: the figure most claimants give, when
      two or more independent claimants agree on it and no other figure has as many; otherwise
      the median of the claimants' figures, the lower middle one for an even count, so that
      ``best`` is always a figure someone reported and leans conservative, as GED does.
    * ``civilians``: the civilians killed in the claim(s) giving ``best``, at most ``best``.
    """
    lex = lexicon or lexicon_for(DEFAULT_LANGUAGE)
    owner: dict[str, str] = {}
    for s in incident.summary:
        for cid in s.claim_ids:
            owner[cid] = s.claimant
    per: dict[str, list[tuple[tuple[int, int, int, int], str]]] = {}
    for cid in incident.claim_ids:
        c = claims.get(cid)
        if c is None or c.stance != "asserts":
            continue
        t = claim_toll(c, lex)
        if t is None:
            continue
        name = owner.get(cid) or c.claimant.actor or c.claimant.text or "(unnamed outlet)"
        per.setdefault(name, []).append((t, cid))
    if any(not _recovery_only(claims[cid], lex) for found in per.values() for _, cid in found):
        # bodies recovered are at least that many dead: no toll beside a claimant's count of the dead
        per = {n: f for n, f in per.items() if not all(_recovery_only(claims[cid], lex) for _, cid in f)}
    order = {cid: k for k, cid in enumerate(incident.claim_ids)}
    tolls = []
    for name, found in per.items():
        updates = [x for x in found if _updates(claims[x[1]])]
        if updates:  # "the death toll has risen to four": the latest update stands, not the largest
            (lo, mid, hi, civ), _ = max(updates, key=lambda x: (order[x[1]], claims[x[1]].evidence.start))
        else:
            (lo, mid, hi, civ), _ = max(found, key=lambda x: (x[0][1], x[0][2]))
        tolls.append(Toll(name, lo, mid, hi, civ, tuple(cid for _, cid in found)))
    if not tolls:
        return Tolls((), 0, 0, 0, 0, 0)
    bests: list[int] = sorted(t.best for t in tolls)
    (top, k), *rest = Counter(bests).most_common()
    best: int = top if k >= 2 and all(k2 < k for _, k2 in rest) else bests[(len(bests) - 1) // 2]
    low = min(t.low for t in tolls)
    high = max(t.high for t in tolls)
    best = min(max(best, low), high)
    civilians = min(max((t.civilians for t in tolls if t.best == best), default=0), best)
    return Tolls(tuple(tolls), low, low, best, high, civilians)



def _updates(c: Claim) -> bool:
    """The claim updates a toll ("the death toll has risen to four")."""
    return any(q.measure == "killed" and q.supersedes and not q.aggregate for q in c.quantities)


def _recovery_only(c: Claim, lex: Lexicon) -> bool:
    """Every killed figure of the claim counts bodies recovered."""
    killed = [q for q in c.quantities if q.measure == "killed" and not q.aggregate]
    return bool(killed) and all(q.note == lex.quantities.recovery_note for q in killed)


#: what an incident's members say together
IncidentStance = Literal["asserted", "denied", "contested"]


def incident_stance(inc: Incident, claims: Mapping[str, Claim]) -> IncidentStance:
    """``asserted`` (no member denies), ``denied`` (every member denies) or ``contested``."""
    stances = {claims[c].stance for c in inc.claim_ids if c in claims}
    if "asserts" not in stances:
        return "denied"
    return "contested" if "denies" in stances else "asserted"


def agreed_perpetrator(inc: Incident, claims: Mapping[str, Claim], registry: Registry) -> str | None:
    """The canonical perpetrator when every asserting member that names one names the same
    single actor, or an organisation above it (then the actor below, the most specific); None
    when none names one, when they differ, or when one names several
    ("Syrian, Russian or the US-led coalition": the claimant itself does not know).  Only
    names the actor registry knows count: an unresolved perpetrator ("it", "the jets") names
    no one."""
    named: set[str] = set()
    for cid in inc.claim_ids:
        c = claims.get(cid)
        if c is None or c.stance != "asserts" or c.perpetrator is None:
            continue
        p = c.perpetrator
        if p.several or len(p.actors) > 1:
            return None
        if p.actor and registry.actor(p.actor) is not None:
            named.add(p.actor)
    if len(named) > 1:
        # "the ministry said it had killed ..." and "Russian jets ...": one actor and a body above
        # it are one perpetrator, the most specific
        lowest = [n for n in named if named <= set(registry.lineage(n))]
        return lowest[0] if len(lowest) == 1 else None
    return named.pop() if named else None



def civilian_victims(tolls: Tolls) -> bool:
    """Whether some claimant says civilians were killed."""
    return any(t.civilians for t in tolls.by_claimant)


__all__ = [
    "Toll", "Tolls", "acled_vague_count", "agreed_perpetrator", "civilian_victims", "claim_toll",
    "incident_stance", "incident_tolls", "object_kind", "quantity_reading",
]
