"""A claim's footprint and role: event, summary or unplaced."""

from __future__ import annotations

from dataclasses import replace

from counterclaim.group.footprints import ASSUMED_DAYS, DocInfo, footprint
from counterclaim.group.keys import day
from counterclaim.model import Location, Quantity

from .helpers import DOC, unit_claim


def test_roles_of_footprints() -> None:
    assert footprint(unit_claim("a"), DOC).role == "event"
    assert footprint(unit_claim("b", start="2017-01-01", end="2017-02-07", tprec="days"), DOC).role == "summary"
    assert footprint(unit_claim("c", tprec="month", start="2017-03-01", end="2017-03-31"), DOC).role == "summary"
    assert footprint(unit_claim("d", precision="country", admin1=None, lat=None, lon=None), DOC).role == "summary"
    two = (Location("Aleppo", admin1="Aleppo", precision="admin1"), Location("Idlib", admin1="Idlib", precision="admin1"))
    assert footprint(unit_claim("e", precision="admin1", lat=None, lon=None, locations=two), DOC).role == "summary"
    big = (Quantity("87,000 militants", 87000, 87000, 87000, "exact", "killed", "militants", 0, 1),)
    assert footprint(unit_claim("f", quantities=big), DOC).role == "summary"
    assert footprint(unit_claim("g", event="sorties"), DOC).role == "summary"
    assert footprint(unit_claim("h", precision="none"), DOC).role == "unplaced"
    # no time: the week before publication, and it says so
    fp = footprint(unit_claim("i", start=None), DOC)
    assert fp.role == "event" and fp.time_basis == "published"
    assert (fp.start, fp.end) == (day("2017-03-01"), day("2017-03-08")) and ASSUMED_DAYS == 7
    assert footprint(unit_claim("j", start=None), DocInfo("d", None, None)).role == "unplaced"


def test_where_people_came_from_neither_places_nor_spreads_the_event() -> None:
    # "buses carrying evacuees from Fuaa (Idlib) hit at a transit point west of Aleppo": one
    # event in Aleppo, not a claim about two governorates
    fuaa = Location("Fuaa", admin1="Idlib", precision="near", relation="from")
    aleppo = Location("Aleppo", admin1="Aleppo", precision="near", relation="west of")
    fp = footprint(unit_claim("k", admin1="Aleppo", precision="near", locations=(fuaa, aleppo)), DOC)
    assert fp.role == "event" and fp.areas == ("Aleppo",)
    # "shells fired from Idlib killed 3": where they landed is not said, so the claim is unplaced
    c = replace(unit_claim("l", locations=(fuaa,)), location=fuaa)
    assert footprint(c, DOC).role == "unplaced"
    # a Syrian dateline is where the report was filed, not a second governorate of the claim
    filed = Location("ALEPPO", admin1="Aleppo", precision="point", relation="dateline")
    assert footprint(unit_claim("m", locations=(filed,)), DOC).role == "event"
