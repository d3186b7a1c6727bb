"""Issue 12, crashes and hangs (items 1, 3 and 5): one clear line at most, and the batch goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from counterclaim import pipeline
from counterclaim.cli import cli
from counterclaim.ledger import open_ledger
from counterclaim.model import RawRecord
from counterclaim.pipeline import Extractor, sections
from counterclaim.web.app import create_app

from .helpers import ARTICLE, no_traceback

# ---------------------------------------------------------------------- 1. long texts

PARAGRAPHS = [
    "The Syrian Observatory for Human Rights said 26 people were killed in airstrikes on Idlib on Monday.",
    "Russia's Defence Ministry denied that its jets had struck the town.",
    "Civil defence workers said 12 bodies were recovered from the rubble in Saraqib on Tuesday.",
    "The ministry said its aircraft had hit 40 militant targets in Hama province over the week.",
]


def test_a_text_longer_than_spacy_takes_is_read_to_its_end_in_one_line_at_most(tmp_path: Path) -> None:
    # 1,122,000 characters: spaCy refuses more than 1,000,000 (E088), which was a traceback that
    # lost the rest of the batch; the red team's own file, with a good article after it
    big = tmp_path / "big.txt"
    big.write_text("SOHR said 3 people were killed in Idlib on Monday. " * 22000, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    # (a budget of 0.3 s per 100,000 characters, 3.4 s for this one, keeps the test short)
    result = CliRunner().invoke(cli, ["extract", str(big), str(good), "--time-budget", "0.3"])
    assert result.exit_code == 0 and no_traceback(result.output), result.output
    warnings = [ln for ln in result.stderr.splitlines() if ln.startswith("warning: ")]
    assert len(warnings) == 1 and warnings[0].startswith(f"warning: {big}: time budget of 3.366 s spent: read up to character ")
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert any(r["source_path"] == str(good) for r in rows)


def test_sections_cut_at_paragraph_ends_and_cover_the_whole_text() -> None:
    text = "\n\n".join(PARAGRAPHS * 5)
    cuts = list(sections(text, 300))
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:]))
    assert all(end - start <= 300 for start, end in cuts)
    assert all(text[end - 2:end] == "\n\n" for _, end in cuts[:-1])  # a blank line ends each


def test_a_text_read_in_sections_gives_the_claims_of_one_parse(extractor: Extractor,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # offsets point into the whole text, whatever section a sentence was parsed in
    record = RawRecord(raw="\n\n".join(PARAGRAPHS * 3), published="2017-02-07")
    (whole,) = extractor.run([record])
    monkeypatch.setattr(pipeline, "SECTION_CHARS", 250)
    (cut,) = extractor.run([record])
    assert cut.document == whole.document and len(cut.claims) == len(whole.claims) >= 6
    assert [c.claim_id for c in cut.claims] == [c.claim_id for c in whole.claims]
    late = cut.claims[-1]
    assert late.evidence.start > 250 and cut.document is not None
    assert cut.document.text[late.evidence.start:late.evidence.end] == late.evidence.text


# ---------------------------------------------------------------------- 3. the time budget


def test_a_document_past_its_time_budget_keeps_what_was_read_with_a_note(extractor: Extractor) -> None:
    slow = Extractor(extractor.nlp, time_budget=1e-9)
    (r,) = slow.run([RawRecord(raw="\n\n".join(PARAGRAPHS), published="2017-02-07")])
    assert r.ok and r.document is not None
    (note,) = r.document.warnings
    assert note.startswith("time budget of 1e-09 s spent: read up to character 0 of ")
    assert note.endswith("(0%); the rest was not read")
    (r,) = extractor.run([RawRecord(raw="\n\n".join(PARAGRAPHS), published="2017-02-07")])
    assert r.document is not None and r.document.warnings == () and len(r.claims) >= 3


def test_a_document_past_its_time_budget_is_stored_and_the_batch_goes_on(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    db = tmp_path / "l.db"
    result = CliRunner().invoke(cli, ["ingest", str(a), "--db", str(db), "--time-budget", "0.000001"])
    assert result.exit_code == 0 and "time budget of 1e-06 s spent" in result.stderr
    with open_ledger(db, readonly=True) as led:
        (doc,) = led.documents()
    assert doc.warnings and doc.warnings[0].startswith("time budget")


# ---------------------------------------------------------------------- 5. search with punctuation

QUERIES = ["al-Nusra", "Deir ez-Zor", "U.S.", "Assad's", "attack?", "Idlib AND", '"unclosed', "NEAR(", "*", "-"]


@pytest.fixture(scope="module")
def client(seeds_ledger: Path):  # type: ignore[no-untyped-def]
    return create_app(seeds_ledger).test_client()


@pytest.mark.parametrize("q", QUERIES)
def test_the_search_box_takes_any_words(client, q: str) -> None:  # type: ignore[no-untyped-def]
    # before: HTTP 500, the user's words were read as FTS5 query syntax
    page = client.get("/", query_string={"q": q})
    assert page.status_code == 200
    api = client.get("/api/incidents", query_string={"q": q})
    assert api.status_code == 200 and api.get_json()["problems"] == []


def test_words_find_what_they_say(client) -> None:  # type: ignore[no-untyped-def]
    found = client.get("/api/incidents", query_string={"q": "Idlib"}).get_json()["incidents"]
    phrase = client.get("/api/incidents", query_string={"q": '"Syrian Observatory"'}).get_json()["incidents"]
    nothing = client.get("/api/incidents", query_string={"q": "Idlib zzzyyx"}).get_json()["incidents"]
    assert found and phrase and nothing == []


def test_a_bad_fts5_query_is_said_above_the_map(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/", query_string={"q": "Idlib AND", "syntax": "fts"})
    assert page.status_code == 200 and b'class="problems"' in page.data and b"search: " in page.data
    api = client.get("/api/incidents", query_string={"q": "Idlib AND", "syntax": "fts"}).get_json()
    (problem,) = api["problems"]
    assert problem.startswith("search: 'Idlib AND': fts5: syntax error") and problem.endswith("the search was left out")
    ok = client.get("/api/incidents", query_string={"q": "Idlib OR Hama", "syntax": "fts"}).get_json()
    assert ok["problems"] == [] and ok["filters"]["syntax"] == "fts"


def test_claims_search_takes_any_words_and_fts_on_request(seeds_ledger: Path) -> None:
    runner = CliRunner()
    for q in QUERIES:
        result = runner.invoke(cli, ["claims", "--db", str(seeds_ledger), "--search", q, "--format", "jsonl"])
        assert result.exit_code == 0 and no_traceback(result.output), (q, result.output)
    found = runner.invoke(cli, ["claims", "--db", str(seeds_ledger), "--search", "Idlib", "--format", "jsonl"])
    assert found.stdout.strip()
    bad = runner.invoke(cli, ["claims", "--db", str(seeds_ledger), "--search", "Idlib AND", "--fts"])
    assert bad.exit_code == 2 and bad.stderr.startswith("error: malformed search query: 'Idlib AND': fts5: syntax error")


def test_the_web_app_answers_head_and_options_and_refuses_writes(client) -> None:  # type: ignore[no-untyped-def]
    assert client.head("/").status_code == 200
    assert client.options("/").status_code == 200
    for method in (client.post, client.put, client.patch, client.delete):
        assert method("/").status_code == 405


# ---------------------------------------------------------------------- 2. calendar overflow

import datetime as _dt  # noqa: E402

from counterclaim.knowledge.lexicon import lexicon_for  # noqa: E402
from counterclaim.model import TimeSpan  # noqa: E402

EN = lexicon_for("en")
from counterclaim.resolve.times import resolve_time  # noqa: E402


@pytest.mark.parametrize("text, published", [
    ("over the past 5000 years", _dt.date(2017, 2, 7)),
    ("past 2017 year", _dt.date(2017, 2, 7)),
    ("9999 years ago", _dt.date(2017, 2, 7)),
    ("past 1000000 week", _dt.date(2017, 2, 7)),
    ("the past 99999999999999999999 days", _dt.date(2017, 2, 7)),
    ("yesterday", _dt.date(1, 1, 1)),
    ("Mar", _dt.date(1, 1, 1)),
])
def test_a_time_off_the_calendar_is_unknown_with_a_note(text: str, published: _dt.date) -> None:
    # before: ValueError or OverflowError out of resolve_time, which lost the batch
    out = resolve_time(TimeSpan(text, text_end=len(text)), published, EN)
    assert out.start is None and out.end is None and out.precision == "unknown"
    assert out.note is not None and out.note.startswith("cannot be placed on the calendar (years 1 to 9999): ")


def test_a_time_that_fits_the_calendar_still_resolves() -> None:
    out = resolve_time(TimeSpan("over the past 5 years", text_end=21), _dt.date(2017, 2, 7), EN)
    assert (out.start, out.end, out.precision) == ("2012-02-07", "2017-02-07", "days")
    out = resolve_time(TimeSpan("yesterday", text_end=9), _dt.date(1, 1, 2), EN)
    assert (out.start, out.end) == ("0001-01-01", "0001-01-01")


@pytest.mark.parametrize("text", ["February 30, 2017", "2017-02-30", "31/4/2017", "Feb. 29, 2017"])
def test_an_impossible_date_is_unknown_with_a_note_saying_so(text: str) -> None:
    # before: silently unknown ("no date the rules or dateparser could read") or read as a month
    out = resolve_time(TimeSpan(text, text_end=len(text)), _dt.date(2017, 6, 1), EN)
    assert out.start is None and out.precision == "unknown"
    assert out.note is not None and out.note.startswith(f"'{text}' is not a date on the calendar")


def test_an_impossible_date_in_an_article_is_a_note_on_its_claim(extractor: Extractor) -> None:
    (r,) = extractor.run([RawRecord(raw="The Syrian Observatory said 26 people were killed in Idlib on February 30, 2017.",
                                    published="2017-03-01")])
    (claim,) = r.claims
    assert claim.time is not None and claim.time.precision == "unknown"
    assert claim.time.note is not None and "is not a date on the calendar" in claim.time.note


# ---------------------------------------------------------------------- 3. every stage linear

import sys  # noqa: E402
from types import FrameType  # noqa: E402
from typing import Any  # noqa: E402

import counterclaim  # noqa: E402
from counterclaim.extraction.claims import extract_claims  # noqa: E402
from counterclaim.read.clean import to_document  # noqa: E402

_PACKAGE = str(Path(counterclaim.__file__).parent)


def _lines_run(extractor: Extractor, raw: str) -> int:
    """Lines of counterclaim's own code that extract_claims runs on ``raw`` (the parse, linear in
    spaCy, left out).  A count, not a clock: the same on a busy machine as on a quiet one, and
    every turn of a loop in the package counts, so work that grows with the square of the text
    shows as a square."""
    document = to_document(RawRecord(raw=raw), EN)
    doc = extractor.parse(document.text)
    count = 0

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if not frame.f_code.co_filename.startswith(_PACKAGE):
            return None  # spaCy's and the standard library's lines are not counted
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        extract_claims(doc, document, EN)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("unit", [
    "SOHR reported weeks yesterday hours ’ mid Ministry",  # one endless sentence of reporting verbs and dates
    "SOHR said 3 people were killed in Idlib on Monday. ",  # many short sentences
])
def test_reading_grows_linearly_with_the_text(extractor: Extractor, unit: str) -> None:
    # before: about n^2.7 on the first (20 KB: 20 s) from the statement time of every verb
    # against every date, and n^2 on the second from each sentence asking spaCy for the
    # entities of the whole document.  Counted in lines run, never timed (a timed test fails
    # on a shared machine); bench/ measures the seconds.
    small = _lines_run(extractor, unit * 100)
    large = _lines_run(extractor, unit * 400)
    assert small > 1000  # the count sees the package's code at all
    assert large < 6 * small, (small, large)  # linear: 4x; the square would be 16x
