"""Publication dates read from the top of a text."""

from __future__ import annotations

import datetime as dt

import pytest

from counterclaim.model import Span
from counterclaim.resolve.dateline import Dateline, read_dateline

from .helpers import D

from counterclaim.knowledge.lexicon import lexicon_for

EN = lexicon_for("en")


def test_dateline_tass_without_year() -> None:
    # the dateline alone has no year and nothing else to take one from: month/day kept, a guess
    text = "MOSCOW, December 23. /TASS/. Russian Aerospace Forces made 302 sorties."
    dl = read_dateline(text, EN)
    assert isinstance(dl, Dateline)
    assert (dl.date, dl.month, dl.day, dl.guess) == (None, 12, 23, True)
    assert text[dl.span.start : dl.span.end] == dl.span.text == "December 23"


def test_dateline_tass_year_from_weekday_and_years_mentioned() -> None:
    # the text mentions 2014 at the latest; the dateline's sentence says "on Wednesday"; the first
    # year from 2014 in which December 23 is a Wednesday is 2015 (2014-12-23 was a Tuesday)
    assert D(2014, 12, 23).weekday() == 1 and D(2015, 12, 23).weekday() == 2
    text = (
        "All news\n\nRussian forces deliver airstrikes\n\n"
        "MOSCOW, December 23. /TASS/. Jets made 302 sorties on December 18-23, spokesman Igor "
        "Konashenkov said on Wednesday.\n\nIn June 2014, IS announced a caliphate."
    )
    dl = read_dateline(text, EN)
    assert dl is not None and dl.date == D(2015, 12, 23) and dl.guess
    assert "Wednesday" in dl.note


def test_dateline_caller_gives_the_year() -> None:
    # a year known from elsewhere (URL, file name) fills the gap; still a guess
    dl = read_dateline("MOSCOW, December 23. /TASS/. Text.", EN, year=2015)
    assert dl is not None and dl.date == D(2015, 12, 23) and dl.guess


def test_dateline_fakes_style_opening() -> None:
    # FA-KES (nna): the text opens with its date; 2017-04-05 is a Wednesday, so no doubt
    text = "Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use WHO. Victims ..."
    dl = read_dateline(text, EN)
    assert dl is not None
    assert (dl.date, dl.guess) == (D(2017, 4, 5), False)
    assert dl.span == Span("Wed 05 Apr 2017", 0, 15)


def test_dateline_on_its_own_line_under_headline() -> None:
    # seed 000's layout: headline, byline, then the date alone on a line
    text = "# Title\n\nBy AFP\n\nApril 20, 2021\n\nRussia's Defense Ministry said Monday it had killed ..."
    dl = read_dateline(text, EN)
    assert dl is not None and (dl.date, dl.guess) == (D(2021, 4, 20), False)
    assert text[dl.span.start : dl.span.end] == "April 20, 2021"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Published: 2021-04-20T10:00:00Z\nBody", D(2021, 4, 20)),  # ISO after a marker
        ("Published February 23 2015 Ten children were among ...", D(2015, 2, 23)),  # dailysabah
        ("Date of publication 12 June 2016 Dozens of civilians ...", D(2016, 6, 12)),  # alaraby
        ("Last updated at Apr 232017 An Israeli attack ...", D(2017, 4, 23)),  # jordantimes: year glued on
        ("01.10.2017Get short URL 4016 At least 12 civilians ...", D(2017, 10, 1)),  # sputnik, day first
        ("23-04-2016 Child killed in attacks in Damascus", D(2016, 4, 23)),  # manar, day first
        ("Jihadists execute officers Monitor AFP Saturday 21 Jun 2014 Jihadists from ...", D(2014, 6, 21)),  # ahram: weekday
    ],
)
def test_dateline_formats(text: str, date: dt.date) -> None:
    dl = read_dateline(text, EN)
    assert dl is not None and dl.date == date and not dl.guess
    assert text[dl.span.start : dl.span.end] == dl.span.text


def test_dateline_not_a_date_in_prose() -> None:
    # a date introduced by "on" is an event date, not a dateline; nothing else to read
    assert read_dateline("Russia says its jets struck the base on March 16, 2016 at dawn.", EN) is None
    assert read_dateline("No date here at all.", EN) is None


def test_dateline_only_the_head_is_read() -> None:
    # a date past the first ~400 characters is not a dateline
    assert read_dateline("x " * 300 + "\nApril 20, 2021\n", EN) is None
