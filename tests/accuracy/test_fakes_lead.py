"""A claim whose sentence names no place takes the governorate of the place the lead names."""

from __future__ import annotations

from counterclaim import extract
from counterclaim.model import LEAD_RELATION
from counterclaim.resolve.places import LEAD_CHARS

from counterclaim.knowledge.lexicon import lexicon_for

EN = lexicon_for("en")


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


def test_a_lead_naming_several_governorates_gives_no_lead_place() -> None:
    # the blasts hit three governorates: a later placeless sentence belongs to none of them
    text = ("Bomb blasts killed 42 people in Tartous, Homs and Hasakeh on Monday, a monitor said. "
            "The weather was cold that week. "
            "Rescue workers said 40 others were wounded.")
    c = _count(text, "40 others")
    assert c.location is None


def test_a_separate_title_opens_the_text_unless_the_text_carries_it() -> None:
    from counterclaim.model import RawRecord
    from counterclaim.read.clean import to_document

    body = "Rescue workers said 40 people were wounded when a car bomb exploded in Azaz on Monday."
    doc = to_document(RawRecord(raw=body, title="Car bomb kills 12 in Syria's Azaz: monitor", kind="extracted"), EN)
    assert doc.text == "Car bomb kills 12 in Syria's Azaz: monitor\n\n" + body
    # FA-KES often repeats the headline after a date: then the text is left as it is
    dated = "Thu Oct 6 2016 Car bomb kills 12 in Syrias Azaz monitor. " + body
    doc2 = to_document(RawRecord(raw=dated, title="Car bomb kills 12 in Syria's Azaz: monitor", kind="extracted"), EN)
    assert doc2.text == dated
    # the headline's claim is read, as a headline
    (headline,) = [c for c in extract(doc.text, outlet="X", title=doc.title) if c.section == "headline"]
    assert headline.location is not None and headline.location.admin1 == "Aleppo"


def test_headline_governorate_when_no_lead_claim_names_a_place() -> None:
    # 1926479237: the headline names Raqqa but is no claim ("press" is no event word), and the
    # first claim names no place: the placeless claims take the headline's governorate
    title = "Kurd-led forces press Islamic State near Syrias Raqqa"
    text = (f"December 19 2016 {title}. Several villages held by Islamic State have been captured by the "
            "fighters a monitor said on Monday. The weather was cold.")
    c = next(c for c in extract(text, outlet="X", title=title) if "villages" in c.evidence.text)
    loc = c.location
    assert loc is not None and loc.relation == LEAD_RELATION
    assert (loc.admin1, loc.precision) == ("Raqqa", "admin1")
    assert text[loc.text_start : loc.text_end] == "Raqqa"


def test_headline_naming_two_governorates_or_none_gives_nothing() -> None:
    title = "Air strikes hit Idlib and Hama"
    text = f"{title}. Several villages were captured by the fighters a monitor said on Monday."
    c = next(c for c in extract(text, outlet="X", title=title) if "villages" in c.evidence.text)
    assert c.location is None
    # 1924058032: a governorate named in the lead's first sentence, outside any claim's place,
    # is not the article's place when the headline names none
    title = "Dozens dead as car bomb hits Syria evacuees"
    text = (f"{title}. A suicide car bomb attack on buses killed 43 people on Saturday as fighters "
            "advanced towards the Raqqa stronghold of Daesh. Bodies were still being recovered.")
    claims = extract(text, outlet="X", title=title)
    assert all(c.location is None or c.location.relation != LEAD_RELATION for c in claims)
