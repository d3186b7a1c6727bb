"""The lexicon of a language: one table per kind of word, the unknown language a clear error."""

from __future__ import annotations

import pytest

from counterclaim.errors import UnknownLanguage
from counterclaim.knowledge.lexicon import lexicon_for

EN = lexicon_for("en")


def test_unknown_language_is_one_clear_error() -> None:
    with pytest.raises(UnknownLanguage) as err:
        lexicon_for("xx")
    assert str(err.value) == "no lexicon for this language: 'xx' (known: en)"


def test_the_lexicon_of_a_language_is_built_once() -> None:
    assert lexicon_for("en") is lexicon_for("EN") is EN


def test_dozens_has_two_readings_side_by_side() -> None:
    # the smallest amount the word allows (two dozen) and ACLED's conventional figure
    assert (EN.vague["dozens"].vague_low, EN.vague["dozens"].acled_figure) == (24.0, 12)
    assert EN.vague_lows["dozens"] == 24.0 and EN.acled_figures["dozens"] == 12


def test_a_vague_amount_may_have_one_reading_only() -> None:
    # "many" has no literal low bound; ACLED codes it 10.  "tens of millions" is not in ACLED's codebook.
    assert "many" not in EN.vague_lows and EN.acled_figures["many"] == 10
    assert EN.vague_lows["tens of millions"] == 20_000_000 and "tens of millions" not in EN.acled_figures


def test_month_and_weekday_names() -> None:
    assert [m.number for m in EN.months] == list(range(1, 13))
    assert "sept" in EN.month_words and "may" in EN.month_words
    assert [d.name for d in EN.weekdays][:2] == ["monday", "tuesday"]


def test_the_stages_read_month_names_from_the_lexicon_they_are_handed() -> None:
    # one month table: time resolution and dateline reading both take it from the lexicon, so a
    # lexicon that names March "Mars" is read with "Mars" and the English one is not
    import dataclasses

    from counterclaim.model import TimeSpan
    from counterclaim.resolve.dateline import read_dateline
    from counterclaim.resolve.times import resolve_time

    months = tuple(dataclasses.replace(m, name="mars", short=()) if m.number == 3 else m for m in EN.months)
    other = dataclasses.replace(EN, months=months)
    span = TimeSpan(text="16 Mars 2016", text_start=0, text_end=12)
    assert resolve_time(span, None, other).start == "2016-03-16"
    assert resolve_time(span, None, EN).start is None
    assert read_dateline("16 Mars 2016\nText.", other).iso == "2016-03-16"  # type: ignore[union-attr]
    assert read_dateline("16 Mars 2016\nText.", EN) is None


def test_one_table_of_countries_feeds_every_stage() -> None:
    # five copies disagreed (Jordan, Lebanon, France, Britain missing from some; "America's"
    # folded apart from "US"): every stage's country words now come from EN.countries
    from counterclaim.extraction.attribution import guess_actor_type
    from counterclaim.knowledge.actor_names import normalise

    names = {n for c in EN.countries for n in c.names}
    assert EN.nationalities["jordanian"] == "Jordan" and EN.nationalities["u.s."] == "United States"
    assert {n.strip(".") for n in names if " " not in n} - {"syria"} == EN.events.acting_countries
    assert names <= EN.mentions.country_names
    assert normalise("Jordan's army") == "jordanian army"
    assert normalise("America's forces") == normalise("US forces") == "us forces"
    assert guess_actor_type("France", EN) == "government" and guess_actor_type("Britain", EN) == "government"


@pytest.mark.parametrize(
    ("sentence", "claimant_type", "perpetrator"),
    [
        # a foreign country in front of the strikes is who struck: Iraq was missing from the list
        ("Iraq strikes killed 30 militants near Albukamal, the Iraqi military said.", "state_military", "Iraq"),
        # the home country in front of them is where: "Syria air strikes" name no perpetrator
        ("Syria air strikes killed 32 people in Aleppo, the monitor said.", "monitor", None),
        # a country as claimant is a government: France was missing from the type words
        ("France said on Wednesday that airstrikes killed 12 civilians in Idlib.", "government", None),
    ],
)
def test_country_sentences(extractor, sentence: str, claimant_type: str, perpetrator: str | None) -> None:  # type: ignore[no-untyped-def]
    from counterclaim.model import RawRecord
    from counterclaim.read.clean import to_document

    (claim,) = extractor.extract_document(to_document(RawRecord(raw=sentence, outlet="X"), EN))
    assert claim.claimant.actor_type == claimant_type
    assert (claim.perpetrator.actor if claim.perpetrator else None) == perpetrator
