"""A claim whose sentence names no place takes the governorate of the place the lead names."""

from __future__ import annotations

from counterclaim import extract
from counterclaim.places import LEAD_CHARS, LEAD_RELATION


def _count(text: str, needle: str):
    return next(c for c in extract(text, outlet="X") if needle in c.evidence.text)


def test_placeless_claim_takes_the_leads_governorate() -> None:
    text = ("A car bomb killed 12 people in the town of Azaz on Monday, a monitor said. "
            "The weather was cold that week. "
            "Rescue workers said 40 others were wounded in the blast.")
    c = _count(text, "40 others")
    assert not c.locations  # the sentence itself names no place
    loc = c.location
    assert loc is not None and loc.relation == LEAD_RELATION
    # the lead sets the scene; the claim is placed in the governorate, not at the town
    assert (loc.admin1, loc.name, loc.precision, loc.source) == ("Aleppo", "Aleppo", "admin1", "governorate")
    assert text[loc.text_start : loc.text_end] == "Azaz" and "lead" in (loc.note or "")


def test_claim_naming_a_region_keeps_country_precision() -> None:
    text = ("Airstrikes killed 9 people in Saraqeb on Sunday, activists said. "
            "Rebels said 20 fighters were killed in northern Syria last week.")
    c = _count(text, "20 fighters")
    assert c.location is not None and c.location.precision == "country" and c.location.admin1 is None


def test_claim_with_its_own_place_is_unchanged() -> None:
    text = ("Airstrikes killed 9 people in Saraqeb on Sunday, activists said. "
            "The monitor said shelling killed 4 people in Douma.")
    c = _count(text, "Douma")
    assert c.location is not None and c.location.admin1 == "Rif Dimashq" and c.location.relation != LEAD_RELATION


def test_no_lead_place_no_fallback() -> None:
    filler = "Officials met in a hotel to discuss the talks. " * (LEAD_CHARS // 40 + 1)
    text = filler + "The monitor said 26 people were killed. Airstrikes also hit Idlib, activists said."
    c = _count(text, "26 people")
    assert c.location is None  # the place comes after the lead: nothing to fall back on


def test_foreign_dateline_is_not_the_claims_place() -> None:
    text = "BEIRUT (AFP) - Airstrikes killed 12 people in Saraqeb on Monday, a monitor said."
    c = _count(text, "Saraqeb")
    assert c.location is not None and c.location.admin1 == "Idlib"
    beirut = next(m for m in c.locations if m.text == "BEIRUT")
    assert beirut.relation == "dateline"


def test_dateline_alone_gives_no_place_of_its_own() -> None:
    text = "BEIRUT (AFP) - A monitor said 12 people were killed in air raids on Monday."
    c = _count(text, "12 people")
    assert c.location is None  # Beirut is where the report was filed, and it is not in Syria


def test_syrian_dateline_is_the_lead_place() -> None:
    text = "HOMS (Reuters) - Air raids killed 12 people on Monday."
    c = _count(text, "12 people")
    loc = c.location
    assert loc is not None and (loc.admin1, loc.precision, loc.relation) == ("Homs", "admin1", LEAD_RELATION)
