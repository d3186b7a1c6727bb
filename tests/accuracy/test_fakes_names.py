"""Names the NER or the gazetteer lookup missed for generic reasons: a place labelled DATE, a
direction word glued to a name where a space was lost."""

from __future__ import annotations

import pytest

from counterclaim.knowledge.gazetteer import Gazetteer
from counterclaim.knowledge.lexicon import lexicon_for
from counterclaim.model import Location
from counterclaim.resolve.places import build_context, resolve_location

EN = lexicon_for("en")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load(user=False)


def _resolve(gaz: Gazetteer, text: str, relation: str | None = None) -> Location:
    return resolve_location(Location(text=text, relation=relation), gaz, build_context([Location(text="Syria")], gaz, EN))


def test_glued_direction_word_is_read_off(gaz: Gazetteer) -> None:
    loc = _resolve(gaz, "Kobaninorth Syria", relation="near")
    assert (loc.admin1, loc.precision) == ("Aleppo", "near")
    assert "Kobani" in (loc.note or "")
    loc = _resolve(gaz, "Hamasouthern")
    assert loc.admin1 == "Hama"


def test_direction_words_alone_stay_unknown(gaz: Gazetteer) -> None:
    assert _resolve(gaz, "Northwest").precision == "unknown"
    assert _resolve(gaz, "Foonorth").precision == "unknown"  # no place "Foo"


def test_bare_place_name_labelled_date_becomes_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The army ambushed a group of fighters on the barrens in Qalamoun, killing 15 of them on Friday.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Qalamoun") == "GPE"
    assert labels.get("Friday") == "DATE"


@pytest.mark.parametrize(("text", "date"), [("Clashes went on in May 2016.", "May 2016"),
                                          ("Fighting resumed during Ramadan last year.", "Ramadan last year")])
def test_real_dates_stay_dates(nlp, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    labels = {e.text: e.label_ for e in nlp(text).ents}
    assert labels.get(date) == "DATE"


def test_place_names_run_together_are_each_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    # the dataset lost its commas: "Tartous Homs" reads as a PERSON, "Aleppo Idlib" as an ORG
    doc = nlp("Bomb blasts hit Tartous Homs and Hasakeh on Monday. Airstrikes hit Aleppo Idlib and Hama.")
    places = [e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")]
    assert places == ["Tartous", "Homs", "Hasakeh", "Aleppo", "Idlib", "Hama"]
    # one place of several words stays whole, and a person stays a person
    doc = nlp("Fighting raged in Deir ez-Zor and Ras al-Ain, Major General Igor Konashenkov said.")
    assert [e.text for e in doc.ents if e.label_ == "GPE"] == ["Deir ez-Zor", "Ras al-Ain"]
    assert any(e.label_ == "PERSON" and "Konashenkov" in e.text for e in doc.ents)
