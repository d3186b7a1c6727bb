"""Helpers the grouping tests share."""

from __future__ import annotations

from collections.abc import Sequence

from counterclaim.group.footprints import DocInfo
from counterclaim.group.keys import day
from counterclaim.group.states import IncidentState
from counterclaim.ledger import Ledger
from counterclaim.model import (
    Claim,
    Claimant,
    Location,
    Quantity,
    RawRecord,
    Span,
    TimeSpan,
)
from counterclaim.pipeline import Extractor

Article = tuple[str, str, str]  # (outlet, published, text)


def ingest(ledger: Ledger, extractor: Extractor, articles: Sequence[Article]) -> None:
    records = [
        RawRecord(raw=text, source_id=f"{outlet}-{i}", outlet=outlet, published=published, kind="extracted")
        for i, (outlet, published, text) in enumerate(articles)
    ]
    for r in extractor.run(records):
        assert r.ok and r.document is not None, r.error
        ledger.add(r.document, r.claims)


def unit_claim(cid: str, *, admin1: str | None = "Idlib", lat: float | None = 35.93, lon: float | None = 36.63,
               precision: str = "point", start: str | None = "2017-03-07", end: str | None = "2017-03-07",
               tprec: str = "day", event: str = "airstrike", stance: str = "asserts",
               quantities: tuple[Quantity, ...] = (), locations: tuple[Location, ...] = ()) -> Claim:
    loc = None if precision == "none" else Location(
        text="x", name="x", admin1=admin1, country="Syria", lat=lat, lon=lon, precision=precision)
    time = None if start is None else TimeSpan(text="t", start=start, end=end, precision=tprec)
    return Claim(
        claim_id=cid, doc_id="d" + cid, claimant=Claimant("SOHR", "SOHR", "monitor", 0, 4), via=None,
        stance=stance, event_type=event, perpetrator=None, quantities=quantities, location=loc,
        locations=locations, time=time, stated_on=None, evidence=Span("e", 0, 1), confidence=0.9,
    )


DOC = DocInfo("d", "2017-03-08", "Outlet")


def unit_state(**kw: object) -> IncidentState:
    base: dict[str, object] = dict(
        incident_id="i", area="Idlib", lat=35.93, lon=36.63, prec=0, start=day("2017-03-07"),
        end=day("2017-03-07"), place_from="a", time_from="a", time_basis="text", location=None, time=None,
    )
    base.update(kw)
    return IncidentState(**base)  # type: ignore[arg-type]


WIRE = (
    "Airstrikes killed at least 23 people in the rebel-held town of Khan Sheikhoun in Idlib province on "
    "Thursday, the Syrian Observatory for Human Rights said. The monitor said warplanes hit a market and "
    "a residential building in the town shortly after noon. Rescue workers were still searching the "
    "rubble of the building for survivors in the evening, and the toll was expected to rise. The town "
    "has been hit repeatedly by airstrikes in recent weeks as government forces press an offensive in "
    "the south of the province. The Observatory, which relies on a network of sources on the ground, "
    "said it could not determine whether Syrian or Russian aircraft carried out the strikes."
)
