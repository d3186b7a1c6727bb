"""The fuzz harness: what each stage is fed and what it must never do.

Each :class:`Target` is a Hypothesis strategy of inputs and a check that runs one input through
a stage and asserts its promise: the readers yield records or one error per bad input and never
raise; cleaning never raises and every removed span is a slice of the raw text; a time phrase
resolves to a window or to ``unknown`` with a note, whatever the number or the publication date;
quantities are read from any sentence; the whole extract gives a result per input whose evidence
points into the document.

The strategies are seeded with the red team's classes of input (issue 12): texts over spaCy's
length limit are covered by the tests, not here (too slow to fuzz); here are calendar overflow
(``over the past 5000 years``, ``9999 years ago``, ``yesterday`` on 0001-01-01), repetitive
attribution (``SOHR reported weeks yesterday hours ’ mid Ministry``), UTF-16, stray NUL bytes,
deeply nested HTML, bidi controls, impossible dates and punctuation-heavy text.

``tests/fuzz/test_fuzz.py`` runs every target for a bounded number of inputs in ``make test``;
``scripts/fuzz.py`` runs them for as long as asked and reports inputs tried, tracebacks and hangs.
"""

from __future__ import annotations

import datetime as _dt
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from counterclaim import errors
from counterclaim.knowledge.lexicon import lexicon_for
from counterclaim.model import RawRecord, TimeSpan
from counterclaim.read.clean import to_document
from counterclaim.read.inputs import read_inputs
from counterclaim.resolve.times import resolve_time

# =========================================================================== words the red team used

TIME_WORDS = ["yesterday", "today", "Monday", "last week", "this month", "past", "over the past", "ago", "since",
              "early", "mid", "late", "weeks", "hours", "days", "months", "years", "year", "week", "decade",
              "Mar", "March", "February", "Feb. 30", "30", "31", "2017", "9999", "0", "1000000", "5000", "-",
              "–", "to", "and", "between", "the", "of", "first", "second", "weekend", "night", "morning",
              "1/2/2017", "2017-02-30", "12:00", "noon", "summer", "century", "in", "on", "'s", "next", "coming"]
NUMBERS = ["0", "1", "2", "12", "26", "100", "5000", "9999", "10000", "1000000", "99999999999999999999",
           "1e308", "1,000,000,000,000", "-3", "3.5", "½", "dozens", "hundreds", "thousands", "a dozen", "IV",
           "٣", "٢٦", "２６"]
VIOLENCE = ["killed", "wounded", "dead", "died", "injured", "civilians", "people", "fighters", "militants",
            "children", "airstrikes", "strikes", "sorties", "positions", "targets", "bodies", "at least",
            "more than", "up to", "about", "nearly", "some", "including", "of them"]
SPEAKERS = ["SOHR", "The Syrian Observatory for Human Rights", "Russia's Defence Ministry", "the ministry", "he",
            "Ministry", "Reuters", "they", "’", "“", "”", '"', "said", "reported", "denied", "claimed",
            "told", "according to", "said on Monday", "added"]
PLACES = ["Idlib", "Aleppo", "Deir ez-Zor", "al-Nusra", "U.S.", "Assad's", "Saraqib", "Hama", "Syria", "Raqqa"]
ODD = ["\u200f", "\u2067", "\u2069", "\u202e", "\x00", "\ufeff", "\u200b", "\u00ad", "\t", "\r", "\n", "\n\n",
       "=", "+", "@", "<", ">", "&", "**", "#", "[", "](", ")", "http://x.y/z", "©", "...", "?", "!", ";"]
REPETITIVE = "SOHR reported weeks yesterday hours ’ mid Ministry"


def _phrase(words: list[str], min_size: int = 1, max_size: int = 12) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(words), min_size=min_size, max_size=max_size).map(" ".join)


time_phrases = st.one_of(
    _phrase(TIME_WORDS + NUMBERS),
    st.sampled_from(["over the past 5000 years", "past 2017 year", "9999 years ago", "past 1000000 week",
                     "yesterday", "Mar", "February 30, 2017", "the past 99999999999999999999 days",
                     "31 February", "between 2017 and 9999", "early 0", "late 10000", "1/1/1", "12/31/9999"]),
    st.text(max_size=40),
)
publication_dates = st.one_of(
    st.none(),
    st.sampled_from([_dt.date(1, 1, 1), _dt.date(9999, 12, 31), _dt.date(2017, 2, 7), _dt.date(1, 3, 1)]),
    st.dates(),
)
sentences = st.one_of(
    st.tuples(_phrase(SPEAKERS, 1, 3), _phrase(NUMBERS, 1, 2), _phrase(VIOLENCE, 1, 4), _phrase(PLACES, 0, 2),
              _phrase(TIME_WORDS, 0, 3)).map(lambda t: " ".join(t) + "."),
    _phrase(SPEAKERS + NUMBERS + VIOLENCE + PLACES + TIME_WORDS + ODD, 1, 30),
    st.integers(1, 60).map(lambda n: " ".join([REPETITIVE] * n)),
    st.text(max_size=200),
)
articles = st.lists(sentences, min_size=1, max_size=12).map(lambda xs: "\n\n".join(xs))
raw_texts = st.one_of(
    articles,
    st.lists(st.one_of(sentences, st.sampled_from(ODD)), max_size=30).map("".join),
    st.text(max_size=2000),
)


@st.composite
def _file_bytes(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file name suffix and content, as the readers may meet them."""
    suffix = draw(st.sampled_from([".txt", ".csv", ".jsonl", ".html", ".htm", ".md"]))
    text = draw(raw_texts)
    kind = draw(st.sampled_from(["plain", "csv", "jsonl", "html", "nested", "bytes"]))
    if kind == "csv":
        rows = draw(st.lists(st.tuples(raw_texts, st.text(max_size=8)), max_size=5))
        body = "article_content,unit_id\n" + "".join(
            '"' + t.replace('"', '""') + '",' + u.replace(",", " ").replace("\n", " ") + "\n" for t, u in rows)
    elif kind == "jsonl":
        lines = draw(st.lists(st.one_of(
            raw_texts.map(lambda t: json.dumps({"text": t, "published": "2017-02-30", "language": "ar"})),
            st.text(max_size=50)), max_size=5))
        body = "\n".join(lines)
    elif kind == "html":
        body = f"<html><head><title>{text[:40]}</title></head><body><article><p>{text}</p></article></body></html>"
    elif kind == "nested":
        depth = draw(st.integers(100, 3000))
        body = "<html><body>" + "<div>" * depth + f"<p>{text}</p>" + "</div>" * draw(st.integers(0, depth)) + "</body>"
    elif kind == "bytes":
        return suffix, draw(st.binary(max_size=3000))
    else:
        body = text
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1"]))
    data = body.encode(encoding, errors="replace")
    if draw(st.booleans()) and data:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([b"\x00", b"\xff\xfe", b"\x00\x00", b"\xef\xbb\xbf", b"\x1b"])) + data[at:]
    return suffix, data


files = _file_bytes()

# =========================================================================== the checks


def check_readers(item: tuple[str, bytes]) -> None:
    """Reading a file yields records and input errors, never raises."""
    suffix, data = item
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        for out in read_inputs([str(path)], max_bytes=1_000_000):
            assert isinstance(out, (RawRecord, errors.InputError)), out
            if isinstance(out, errors.InputError):
                assert out.message.startswith(str(path)), out.message
            else:
                assert isinstance(out.raw, str)


def check_cleaning(raw: str) -> None:
    """Cleaning never raises, and every piece it removes is a slice of the raw text."""
    doc = to_document(RawRecord(raw=raw), lexicon_for("en"))
    for r in doc.removed:
        assert raw[r.start:r.end] == r.text and 0 <= r.at <= len(doc.text)


def check_time(item: tuple[str, _dt.date | None]) -> None:
    """A time phrase becomes a window on the calendar, or ``unknown`` with a note."""
    text, published = item
    out = resolve_time(TimeSpan(text, text_end=len(text)), published, lexicon_for("en"))
    if out.start is None:
        assert out.precision == "unknown" and out.end is None and out.note, out
    else:
        assert out.end is not None and out.start <= out.end, out
        _dt.date.fromisoformat(out.start)
        _dt.date.fromisoformat(out.end)


def make_check_quantities(extractor: Any) -> Callable[[str], None]:
    from counterclaim.extraction.quantities import find_quantities

    def check_quantities(text: str) -> None:
        """Quantities come from any sentence, each a slice of the text."""
        doc = extractor.parse(text)
        for sent in doc.sents:
            for q in find_quantities(sent, lexicon_for("en")):
                assert doc.text[q.start:q.end] == q.text, q

    return check_quantities


def make_check_extract(extractor: Any) -> Callable[[str], None]:
    def check_extract(raw: str) -> None:
        """The whole extract gives one result per input, and evidence points into the text."""
        (result,) = extractor.run([RawRecord(raw=raw, published="2017-02-07", outlet="=1+1")])
        if result.error is not None:
            assert isinstance(result.error, errors.InputError)
            return
        text = result.document.text
        for c in result.claims:
            assert text[c.evidence.start:c.evidence.end] == c.evidence.text, c.evidence

    return check_extract


@dataclass(frozen=True)
class Target:
    """One stage to fuzz: its inputs, its check, and how long one input may take (a hang)."""

    name: str
    inputs: st.SearchStrategy[Any]
    check: Callable[[Any], None]
    hang_seconds: float


def targets(extractor: Any) -> list[Target]:
    """Every target; ``extractor`` (an :class:`~counterclaim.pipeline.Extractor`) for the NLP ones."""
    return [
        Target("readers", files, check_readers, 10.0),
        Target("cleaning", raw_texts, check_cleaning, 5.0),
        Target("times", st.tuples(time_phrases, publication_dates), check_time, 5.0),
        Target("quantities", sentences, make_check_quantities(extractor), 10.0),
        Target("extract", raw_texts, make_check_extract(extractor), 30.0),
    ]


__all__ = ["Target", "targets"]
