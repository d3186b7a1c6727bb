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
