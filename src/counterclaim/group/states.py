"""What grouping keeps of an incident between runs (:class:`IncidentState`), how well a claim's
footprint fits one (:func:`compare`), and whether a summary's scope covers one."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Footprint, IncidentSnapshot, Location, TimeSpan
from .keys import MIN_TYPE, type_compatibility

#: Two points farther apart than this (km) are different places.
POINT_RADIUS_KM = 15.0
#: ... and this when one of them is only "near" a place.
NEAR_RADIUS_KM = 30.0
#: Weights of the link score.
WEIGHTS = {"time": 0.35, "place": 0.35, "type": 0.2, "actor": 0.1}


def within(a: Footprint, b: Footprint, country_of: Callable[[str], str | None]) -> bool:
    """Whether ``a``'s place lies inside ``b``'s: the same governorates, or ``b`` is a whole
    country that holds them."""
    if set(a.areas) <= set(b.areas):
        return True
    countries = {x[8:] for x in b.areas if x.startswith("country:")}
    return bool(countries) and all(
        (x[8:] if x.startswith("country:") else country_of(x)) in countries for x in a.areas
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(slots=True)
class IncidentState:
    """What grouping keeps of an incident (mutable while claims join; stored between runs as its
    :meth:`snapshot`)."""

    incident_id: str
    area: str
    lat: float | None
    lon: float | None
    prec: int
    start: int
    end: int
    place_from: str
    time_from: str
    time_basis: str
    location: Location | None
    time: TimeSpan | None
    types: Counter[str] = field(default_factory=Counter)
    sides: set[str] = field(default_factory=set)
    members: list[str] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)
    claimants: set[str] = field(default_factory=set)

    @property
    def event_type(self) -> str:
        if not self.types:
            return "other"
        best = max(self.types.values())
        return min(t for t, n in self.types.items() if n == best)

    def snapshot(self) -> IncidentSnapshot:
        """The frozen form the ledger stores (see :meth:`from_snapshot`)."""
        return IncidentSnapshot(
            incident_id=self.incident_id, area=self.area, lat=self.lat, lon=self.lon, prec=self.prec,
            start=self.start, end=self.end, place_from=self.place_from, time_from=self.time_from,
            time_basis=self.time_basis, location=self.location, time=self.time,
            types=tuple(self.types.items()), sides=tuple(sorted(self.sides)), members=tuple(self.members),
            docs=tuple(sorted(self.docs)), outlets=tuple(sorted(self.outlets)),
            claimants=tuple(sorted(self.claimants)),
        )

    @classmethod
    def from_snapshot(cls, s: IncidentSnapshot) -> IncidentState:
        """The state to take up again, from what the ledger stored."""
        return cls(
            incident_id=s.incident_id, area=s.area, lat=s.lat, lon=s.lon, prec=s.prec, start=s.start,
            end=s.end, place_from=s.place_from, time_from=s.time_from, time_basis=s.time_basis,
            location=s.location, time=s.time, types=Counter(dict(s.types)), sides=set(s.sides),
            members=list(s.members), docs=set(s.docs), outlets=set(s.outlets), claimants=set(s.claimants),
        )


@dataclass(frozen=True, slots=True)
class Scores:
    time: float
    place: float
    type: float
    actor: float
    distance_km: float | None

    @property
    def total(self) -> float:
        w = WEIGHTS
        return w["time"] * self.time + w["place"] * self.place + w["type"] * self.type + w["actor"] * self.actor


def compare(fp: Footprint, inc: IncidentState) -> Scores | None:
    """The scores of ``fp`` against ``inc``, or None when they cannot be the same happening."""
    if fp.start is None or fp.end is None:
        return None
    overlap = min(fp.end, inc.end) - max(fp.start, inc.start) + 1
    if overlap <= 0:
        return None
    t = math.sqrt(overlap / (fp.end - fp.start + 1) * overlap / (inc.end - inc.start + 1))
    ty = type_compatibility(fp.event_type, inc.event_type)
    if ty < MIN_TYPE:
        return None
    dist = None
    if fp.lat is not None and fp.lon is not None and inc.lat is not None and inc.lon is not None:
        dist = haversine_km(fp.lat, fp.lon, inc.lat, inc.lon)
        radius = POINT_RADIUS_KM if fp.prec == 0 and inc.prec == 0 else NEAR_RADIUS_KM
        if dist > radius:
            return None
        place = 1.0 - 0.5 * dist / radius
    elif inc.area in fp.areas:
        place = 0.5
    else:
        return None
    if fp.sides and inc.sides:
        actor = 1.0 if fp.sides & inc.sides else 0.0
    else:
        actor = 0.5
    return Scores(t, place, ty, actor, dist)


def covers(summary: Footprint, inc: IncidentState, country_of: Callable[[str], str | None]) -> bool:
    """Whether a summary (or any coarse) claim's scope holds the incident: same governorate (or
    the incident's governorate lies in the summary's country), overlapping windows, compatible
    types.  A summary with no time covers nothing here (see :meth:`Grouper.covered`)."""
    if summary.start is None or summary.end is None or summary.time_basis == "none":
        return False
    if summary.end < inc.start or summary.start > inc.end:
        return False
    if summary.event_type != "sorties" and type_compatibility(summary.event_type, inc.event_type) < MIN_TYPE:
        return False
    return in_scope(summary, inc, country_of)


def in_scope(summary: Footprint, inc: IncidentState, country_of: Callable[[str], str | None]) -> bool:
    """Whether the incident's place lies in the summary's governorates or country."""
    if inc.area in summary.areas:
        return True
    inc_country = inc.area[8:] if inc.area.startswith("country:") else country_of(inc.area)
    return any(a.startswith("country:") and inc_country == a[8:] for a in summary.areas)


__all__ = [
    "NEAR_RADIUS_KM", "POINT_RADIUS_KM", "WEIGHTS", "IncidentState", "Scores", "compare", "covers", "haversine_km",
    "in_scope", "within",
]
