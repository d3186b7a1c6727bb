"""A claim reduced to what grouping compares (its :class:`Footprint`), and its role: an
``event`` that can join an incident, a ``summary`` that covers incidents, or ``unplaced``.

:class:`Footprint` and :class:`DocInfo` are model types (the ledger stores footprints); they are
named here too, where grouping makes them."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Claim, DocInfo, Footprint
from .keys import INDIRECT_PLACES, NOT_NAMED_HERE, PLACE_RANK, claimant_key, day

#: A window longer than this (days) is a summary, not an incident.
MAX_EVENT_DAYS = 14
#: A claim with no time is taken to speak of the week before its document's publication.
ASSUMED_DAYS = 7
#: A killed/struck/destroyed figure this large is a campaign total, not one incident.
CAMPAIGN_TOTAL = 1000


def _campaign_total(c: Claim) -> bool:
    return any(
        q.measure in ("killed", "struck", "destroyed", "eliminated")
        and max((v for v in (q.value, q.low) if v is not None), default=0) >= CAMPAIGN_TOTAL
        for q in c.quantities
    )




def footprint(c: Claim, doc: DocInfo | None, sides_of: Callable[[Claim], frozenset[str]] | None = None) -> Footprint:
    """Reduce a claim to its footprint and decide its role."""
    loc = c.location
    if loc is not None and loc.relation in INDIRECT_PLACES:
        # the article's lead place, or where people or fire came from: not where it happened, so it
        # groups only within its article
        loc = None
    govs = tuple(dict.fromkeys(m.admin1 for m in c.locations if m.admin1 and m.relation not in NOT_NAMED_HERE))
    if loc is not None and loc.admin1:
        govs = tuple(dict.fromkeys((loc.admin1, *govs)))
    prec = PLACE_RANK.get(loc.precision, 4) if loc is not None else 4
    lat = loc.lat if loc is not None and prec <= 1 else None
    lon = loc.lon if loc is not None and prec <= 1 else None
    country = loc.country if loc is not None else None
    if country is None:
        country = next((m.country for m in c.locations if m.country), None)

    start = end = None
    basis = "none"
    t = c.time
    long_time = False
    if t is not None and t.start and t.end:
        start, end = day(t.start), day(t.end)
        if start is not None and end is not None:
            basis = "text"
            long_time = t.precision in ("month", "year") or end - start + 1 > MAX_EVENT_DAYS
    if basis == "none" and doc is not None and (pub := day(doc.published)) is not None:
        start, end, basis = pub - ASSUMED_DAYS, pub, "published"

    why = ""
    if len(govs) > 1:
        why = f"names {len(govs)} governorates"
    elif long_time:
        why = "its time window is longer than an incident's"
    elif c.event_type == "sorties":
        why = "counts sorties, a total of many strikes"
    elif _campaign_total(c):
        why = f"a campaign total (a figure of {CAMPAIGN_TOTAL:,} or more)"
    elif prec == 3 or (loc is not None and not govs and country):
        why = "its place is a whole country"
    if why:
        role = "summary"
        areas = govs or ((f"country:{country}",) if country else ())
    elif not govs or prec >= 3:
        role, why, areas = "unplaced", "no place of its own", ()
    elif start is None:
        role, why, areas = "unplaced", "no time, and its article has no publication date", govs
    else:
        role, areas = "event", govs
    return Footprint(
        claim_id=c.claim_id, doc_id=c.doc_id, role=role, why=why, areas=areas, country=country,
        lat=lat, lon=lon, prec=prec, start=start, end=end, time_basis=basis,
        event_type=c.event_type, stance=c.stance, claimant=claimant_key(c),
        sides=sides_of(c) if sides_of is not None else frozenset(),
        outlet=doc.outlet if doc is not None else None, media=c.claimant.actor_type == "media",
    )


__all__ = ["ASSUMED_DAYS", "CAMPAIGN_TOTAL", "MAX_EVENT_DAYS", "DocInfo", "Footprint", "footprint"]
