"""What every part of grouping compares claims by: the day numbers of their windows, who is
speaking, how precise their place is, which place relations are not where the event happened,
and how compatible two event types are."""

from __future__ import annotations

from datetime import date

from ..model import DATELINE, LEAD_RELATION, ORIGIN, Claim

PLACE_RANK = {"point": 0, "near": 1, "admin1": 2, "country": 3, "unknown": 4}

_STRIKES = ("airstrike", "shelling", "explosion")
#: How compatible two event types are (1 = same).  Pairs not listed (and below 0.3) never group.
TYPE_COMPATIBILITY: dict[frozenset[str], float] = {
    **{frozenset((a, b)): 0.6 for a in _STRIKES for b in _STRIKES if a != b},
    frozenset(("weapon_use", "airstrike")): 0.7,
    frozenset(("weapon_use", "shelling")): 0.6,
    frozenset(("weapon_use", "explosion")): 0.5,
    frozenset(("ground_attack", "shelling")): 0.4,
    frozenset(("ground_attack", "airstrike")): 0.3,
    frozenset(("ground_attack", "territory")): 0.6,
    **{frozenset(("other", t)): 0.4 for t in ("airstrike", "shelling", "explosion", "ground_attack", "weapon_use")},
}
MIN_TYPE = 0.3


def type_compatibility(a: str, b: str) -> float:
    return 1.0 if a == b else TYPE_COMPATIBILITY.get(frozenset((a, b)), 0.0)


def day(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def claimant_key(c: Claim) -> str:
    """Who is speaking, so that a spokesman and his ministry are one claimant."""
    cl = c.claimant
    return cl.organisation or cl.actor or (cl.text or "(unknown)").casefold()


def claimant_name(c: Claim) -> str:
    cl = c.claimant
    return cl.actor or cl.text or "(unnamed outlet)"


#: a claim's ``location`` with one of these relations is not where its event happened
INDIRECT_PLACES = frozenset({LEAD_RELATION, ORIGIN})
#: place mentions that do not count as governorates the claim is about ("names 2 governorates"):
#: the lead's, where the report was filed, where people or fire came from
NOT_NAMED_HERE = frozenset({LEAD_RELATION, DATELINE, ORIGIN})


__all__ = [
    "INDIRECT_PLACES", "MIN_TYPE", "NOT_NAMED_HERE", "PLACE_RANK", "TYPE_COMPATIBILITY", "claimant_key",
    "claimant_name", "day", "iso", "type_compatibility",
]
