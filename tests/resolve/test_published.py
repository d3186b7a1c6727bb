"""The publication date when metadata gives none (resolve/published.py): where in the input it was
found (``Document.published_basis``), and the page furniture it must not take."""

from __future__ import annotations

import pytest

from counterclaim.knowledge.lexicon import lexicon_for
from counterclaim.model import Document
from counterclaim.resolve.published import find_published, url_date
from counterclaim.resolve.stage import resolve_document

from .helpers import D

EN = lexicon_for("en")


def _doc(text: str, url: str | None = None, title: str | None = None, published: str | None = None) -> Document:
    return Document(doc_id="d", text=text, url=url, title=title, published=published,
                    published_from="metadata" if published else None)


# --------------------------------------------------------------------------- header and byline


@pytest.mark.parametrize(
    ("text", "date", "basis"),
    [
        # a byline date under the headline
        ("Strikes hit Idlib\nBy Sam Writer\nApril 20, 2021\nJets struck the town on Monday.", D(2021, 4, 20), "header"),
        # the Arabic comma between month and year, as Arabic outlets' English pages write it
        ("Shelling kills three\n26 September، 2021\nThree people were killed.", D(2021, 9, 26), "header"),
        # "Posted on ..." marker
        ("Posted on March 3, 2019 by admin\nA car bomb went off.", D(2019, 3, 3), "header"),
        # "Last updated ..." is an upper bound: the article may be older
        ("Last updated: 12 May 2018\nA drone struck a car.", D(2018, 5, 12), "updated"),
        # a wire dateline with its date
        ("BEIRUT, Feb 3, 2016 (Reuters) - Air strikes killed 20 people.", D(2016, 2, 3), "dateline"),
    ],
)
def test_a_date_at_the_top_of_the_text(text: str, date: object, basis: str) -> None:
    found = find_published(_doc(text), EN)
    assert found is not None and (found.date, found.basis) == (date, basis)
    assert text[found.span.start:found.span.end] == found.span.text  # type: ignore[union-attr]


def test_the_site_header_date_above_the_headline_is_not_the_article_date() -> None:
    # pattern: a page whose header shows today's date, then the headline, then the article's date
    text = "Tuesday, 14 June 2022\nNews | Syria\nRegime shelling kills two in Idlib\nJune 2, 2022\nTwo people were killed."
    found = find_published(_doc(text, title="Regime shelling kills two in Idlib"), EN)
    assert found is not None and found.date == D(2022, 6, 2)


def test_a_date_in_a_photo_file_name_is_not_a_publication_date() -> None:
    # pattern: an image file name kept in the text near the top
    text = "IMG_2019-08-14_syria.jpg\nA strike hit the market on Sunday, killing five people."
    assert find_published(_doc(text), EN) is None


# --------------------------------------------------------------------------- the address


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("https://example.org/news/2021/04/20/strikes-hit-idlib/", D(2021, 4, 20)),  # /YYYY/MM/DD/
        ("https://example.org/2019-03-07-car-bomb-kills-five", D(2019, 3, 7)),  # /YYYY-MM-DD
        ("https://example.org/article/20180512/drone-strike", D(2018, 5, 12)),  # /YYYYMMDD/
    ],
)
def test_a_date_in_the_url(url: str, date: object) -> None:
    assert url_date(url) == date
    found = find_published(_doc("A strike hit the town on Monday.", url=url), EN)
    assert found is not None and (found.date, found.basis) == (date, "url")


def test_no_date_in_a_url_of_ids() -> None:
    # pattern: numeric article ids and a year without month and day are not dates
    assert url_date("https://example.org/article/1044663/syria-strikes/") is None
    assert url_date("https://example.org/2021/syria-strikes/") is None
    assert url_date("https://example.org/2021/13/45/x") is None


def test_the_url_gives_the_year_a_wire_dateline_lacks() -> None:
    # pattern: "MOSCOW, December 23. /TASS/." has no year; the address has one
    found = find_published(_doc("MOSCOW, December 23. /TASS/. Jets made 30 sorties.",
                                url="https://tass.example/2015/12/24/jets"), EN)
    assert found is not None and found.date == D(2015, 12, 24) and found.basis == "url"
    found = find_published(_doc("MOSCOW, December 23. /TASS/. Jets made 30 sorties.",
                                url="https://tass.example/world/2015/jets"), EN)
    assert found is not None and found.date == D(2015, 12, 23) and found.basis == "dateline"


# --------------------------------------------------------------------------- embedded posts


def test_the_date_line_under_an_embedded_post() -> None:
    # pattern: a quoted tweet, its author, handle and date on the line under it
    text = (
        "Activists reported heavy shelling of the town.\n\n"
        "Heavy shelling on Kafr Nabl right now pic.twitter.com/abc\n"
        "— Syrian Observatory (@syriahr) July 3, 2019\n\n"
        "Two people were killed on Wednesday, the monitor said."
    )
    found = find_published(_doc(text), EN)
    assert found is not None and (found.date, found.basis) == (D(2019, 7, 3), "embedded post")
    assert found.guess


def test_a_date_in_prose_is_an_event_date_not_a_publication_date() -> None:
    # pattern: dates of other events in the text ("on March 16, 2016") are never taken
    assert find_published(_doc("Russia says its jets struck the base on March 16, 2016 at dawn."), EN) is None


# --------------------------------------------------------------------------- the document


def test_metadata_wins_and_says_so() -> None:
    doc = resolve_document(_doc("April 20, 2021\nText.", published="2021-04-22"), EN)
    assert (doc.published, doc.published_basis) == ("2021-04-22", "metadata")


def test_resolve_document_records_where_the_date_came_from() -> None:
    doc = resolve_document(_doc("A strike hit the town on Monday.", url="https://x.example/2021/04/20/a"), EN)
    assert (doc.published, doc.published_from, doc.published_basis, doc.published_span) == (
        "2021-04-20", "text", "url", None)
    doc = resolve_document(_doc("April 20, 2021\nA strike hit the town on Monday."), EN)
    assert (doc.published, doc.published_from, doc.published_basis) == ("2021-04-20", "text", "header")
    assert doc.published_span is not None and doc.published_span.text == "April 20, 2021"
    doc = resolve_document(_doc("A strike hit the town on Monday."), EN)
    assert (doc.published, doc.published_basis) == (None, None)


# --------------------------------------------------------------------------- relative times


@pytest.mark.parametrize(
    ("phrase", "start", "end", "precision"),
    [
        ("on Monday evening", D(2021, 4, 19), D(2021, 4, 19), "day"),  # a weekday with a part of the day
        ("this morning", D(2021, 4, 20), D(2021, 4, 20), "day"),  # the publication day
        ("yesterday", D(2021, 4, 19), D(2021, 4, 19), "day"),  # the day before
        ("last week", D(2021, 4, 12), D(2021, 4, 18), "days"),  # the Monday to Sunday before
        ("earlier this month", D(2021, 4, 1), D(2021, 4, 20), "month"),  # no more precise than that
    ],
)
def test_relative_times_count_from_the_date_found_in_the_text(extractor, phrase, start, end, precision) -> None:  # type: ignore[no-untyped-def]
    # pattern: an article without metadata whose byline date (a Tuesday) anchors its relative times
    from counterclaim.model import RawRecord

    text = f"Strikes hit Idlib\nBy Sam Writer\nApril 20, 2021\nJets struck the town of Saraqeb {phrase}, killing four people."
    (result,) = extractor.run([RawRecord(raw=text, kind="extracted", title="Strikes hit Idlib")])
    assert result.document is not None and result.document.published == "2021-04-20"
    (claim,) = [c for c in result.claims if "Saraqeb" in c.evidence.text]
    assert claim.time is not None
    assert (claim.time.start, claim.time.end, claim.time.precision) == (start.isoformat(), end.isoformat(), precision)
