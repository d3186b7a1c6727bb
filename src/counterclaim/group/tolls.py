"""How many were killed in an incident, by each claimant and all told: the figures ACLED and
UCDP GED would code, and whether the incident is asserted, denied or contested.

Only ``killed`` quantities of asserting member claims count (not "bodies recovered", "wounded"
or "casualties"); a denial gives no toll.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from ..knowledge.actors import Registry
from ..model import Claim, Incident, Quantity

#: ACLED's figures for vague tolls.  ACLED, "Fatalities" (Knowledge base, "Uses and limitations
#: of ACLED data", 27 Feb 2023, updated 7 May 2024): "If source reports differ or a vague
#: estimate is provided, ACLED uses the most conservative estimate available ... ACLED codes 10
#: for 'tens', 12 for 'dozens', 100 for 'hundreds', and so on"; the Codebook (2019, "Reported
#: fatalities") codes "several", "many" and plural fatalities as 10.  "a few"/"a handful" are
#: not in the codebook: 3 here (10 would be more than the words allow).  "scores" is 20.
ACLED_VAGUE: dict[str, int] = {
    "a few": 3, "a handful": 3, "several": 10, "many": 10, "tens": 10, "dozens": 12, "scores": 20,
    "hundreds": 100, "thousands": 1_000, "tens of thousands": 10_000,
    "hundreds of thousands": 100_000, "millions": 1_000_000,
}
_SCALE = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000}

_CIVILIAN_OBJECTS = frozenset({
    "civilian", "civilians", "child", "children", "woman", "women", "resident", "residents",
    "villager", "villagers", "worker", "workers", "patient", "patients", "family", "families",
    "student", "students", "refugee", "refugees",
})
_COMBATANT_OBJECTS = frozenset({
    "militant", "militants", "fighter", "fighters", "soldier", "soldiers", "terrorist", "terrorists",
    "rebel", "rebels", "troop", "troops", "jihadist", "jihadists", "serviceman", "servicemen",
    "gunman", "gunmen", "insurgent", "insurgents", "combatant", "combatants", "member", "members",
})



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


def acled_vague_count(text: str) -> int | None:
    """ACLED's figure for a vague amount: "dozens" 12, "hundreds" 100, "several" 10, "several
    hundred" 100, "tens of thousands" 10,000; None when ``text`` is not one (see
    :data:`ACLED_VAGUE`).  A bound word in front ("more than dozens") is ignored."""
    t = " ".join(text.casefold().split())
    t = re.sub(r"^(?:more than|over|at least|nearly|almost|up to|about|around|some)\s+", "", t)
    m = re.match(r"^(?:tens|hundreds) of (?:thousands|millions)\b", t)
    if m:
        return ACLED_VAGUE[m.group(0)]
    m = re.match(r"^(?:several|a few|a handful of|many) (dozen|hundred|thousand|million)s?\b", t)
    if m:
        return _SCALE[m.group(1)]
    for phrase in sorted(ACLED_VAGUE, key=len, reverse=True):
        if t == phrase or t.startswith(phrase + " "):
            return ACLED_VAGUE[phrase]
    return None


def quantity_reading(q: Quantity) -> tuple[int, int, int] | None:
    """``(low, best, high)`` for a killed quantity, or None when it gives no figure.

    exact/approx N: (N, N, N); a bound word keeps the figure ("more than 26", "up to 200": the
    claimant's number is the only number there is); a range "12-30": (12, 12, 30), the best
    being the conservative end; a vague amount: ACLED's conventional figure for all three
    (:func:`acled_vague_count`, falling back on the quantity's own ``low``).
    """
    if q.bound == "vague":
        n = acled_vague_count(q.text)
        if n is None and q.low is not None:
            n = int(q.low)
        return None if n is None else (n, n, n)
    if q.bound == "range" and q.low is not None and q.high is not None:
        return int(q.low), int(q.low), int(q.high)
    v = q.value if q.value is not None else q.low if q.low is not None else q.high
    if v is None:
        return None
    return int(v), int(v), int(v)


def object_kind(obj: str | None) -> str:
    words = (obj or "").casefold().split()
    head = words[-1] if words else ""
    if head in _CIVILIAN_OBJECTS:
        return "civilian"
    if head in _COMBATANT_OBJECTS:
        return "combatant"
    return "any"


def claim_toll(c: Claim) -> tuple[int, int, int, int] | None:
    """``(low, best, high, civilians)`` killed, by one claim; None if it gives no killed figure.

    Figures in one claim are not simply added: "26 people were killed, including 10 civilians"
    is 26.  Civilians and combatants (militants, soldiers, ...) are disjoint, so those two add
    up; a figure for people in general stands for the whole.  Within each group the largest
    figure is taken ("10 civilians, including 4 children" is 10).
    """
    groups: dict[str, list[tuple[int, int, int]]] = {"civilian": [], "combatant": [], "any": []}
    for q in c.quantities:
        if q.measure != "killed":
            continue
        r = quantity_reading(q)
        if r is not None:
            groups[object_kind(q.object)].append(r)
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


def incident_tolls(incident: Incident, claims: Mapping[str, Claim]) -> Tolls:
    """The killed figures of an incident and the ACLED/UCDP estimates from them.

    Only member claims that *assert* count (a denial gives no toll), and only ``killed``
    quantities.  Per claimant (as grouped in the incident's summary), the claim with the largest
    figure stands for it: a claimant repeating or updating its toll is one report, not several.
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
    owner: dict[str, str] = {}
    for s in incident.summary:
        for cid in s.claim_ids:
            owner[cid] = s.claimant
    per: dict[str, list[tuple[tuple[int, int, int, int], str]]] = {}
    for cid in incident.claim_ids:
        c = claims.get(cid)
        if c is None or c.stance != "asserts":
            continue
        t = claim_toll(c)
        if t is None:
            continue
        name = owner.get(cid) or c.claimant.actor or c.claimant.text or "(unnamed outlet)"
        per.setdefault(name, []).append((t, cid))
    tolls = []
    for name, found in per.items():
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



def incident_stance(inc: Incident, claims: Mapping[str, Claim]) -> str:
    """``asserted`` (no member denies), ``denied`` (every member denies) or ``contested``."""
    stances = {claims[c].stance for c in inc.claim_ids if c in claims}
    if "asserts" not in stances:
        return "denied"
    return "contested" if "denies" in stances else "asserted"


def agreed_perpetrator(inc: Incident, claims: Mapping[str, Claim], registry: Registry) -> str | None:
    """The canonical perpetrator when every asserting member that names one names the same
    single actor; None when none names one, when they differ, or when one names several
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
    return named.pop() if len(named) == 1 else None



def civilian_victims(tolls: Tolls) -> bool:
    """Whether some claimant says civilians were killed."""
    return any(t.civilians for t in tolls.by_claimant)


__all__ = [
    "ACLED_VAGUE", "Toll", "Tolls", "acled_vague_count", "agreed_perpetrator", "civilian_victims", "claim_toll",
    "incident_stance", "incident_tolls", "object_kind", "quantity_reading",
]
