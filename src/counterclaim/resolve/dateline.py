"""The publication date read from the top of a text (a dateline, a header) when no metadata
gives it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from ..knowledge.lexicon import Lexicon
from ..model import PublishedBasis, Span
from .dates import Date, alternatives, calendar, group, safe_date




@dataclass(frozen=True, slots=True)
class Dateline:
    """A publication date read from the top of a text.

    ``date`` is None when the text gives a month and day but no year could be found for it;
    ``month``/``day`` are always set.  ``guess`` is True when the year was not written next to
    the date, or the date stands where a dateline is not certain; ``note`` says how it was read.
    ``span`` points into the text the date was read from.
    """

    date: Date | None
    month: int
    day: int
    span: Span
    guess: bool
    note: str
    #: where in the text: "header" (a byline or header date, "Posted on ..."), "updated" (a
    #: "Last updated ..." date: an upper bound) or "dateline" (a wire dateline)
    basis: PublishedBasis = "header"

    @property
    def iso(self) -> str | None:
        return self.date.isoformat() if self.date is not None else None


#: Only the top of the text is searched for a dateline.
DATELINE_CHARS: Final = 400

@dataclass(frozen=True)
class _Patterns:
    """The dateline patterns of one lexicon."""

    #: full dates: "Wed 05 Apr 2017", "April 20, 2021", ISO, day-first numeric
    full: tuple[re.Pattern[str], ...]
    #: a publication marker right before the date ("Published on")
    marker: re.Pattern[str]
    #: what may follow a date on its own line (a clock time, an "(updated ...)" note)
    rest_of_line: re.Pattern[str]
    #: a word of prose right before the date ("on", "since")
    prose_before: re.Pattern[str]
    #: a year mentioned in the text ("2015", not "2000 people")
    year_in_text: re.Pattern[str]
    weekday_word: re.Pattern[str]
    #: "MOSCOW, December 23. /TASS/.", "BEIRUT, Dec 23 (Reuters) -": a wire dateline without its year
    partial: re.Pattern[str]
    by_after: re.Pattern[str]
    wire_before: re.Pattern[str]
    place_wire_after: re.Pattern[str]
    #: a wire in brackets right after the date ("Feb 3, 2016 (Reuters) -")
    wire_after: re.Pattern[str]
    #: a marker that makes the date an upper bound ("Last updated")
    upper_bound: re.Pattern[str]


def _capitalised_months(lex: Lexicon) -> str:
    """Month names and short forms as a wire writes them ("December", "Dec")."""
    forms = [m.name for m in lex.months] + [f for m in lex.months for f in m.short]
    return "(?:" + "|".join(f.capitalize() for f in forms) + ")"


@cache
def _patterns(lex: Lexicon) -> _Patterns:
    """The dateline patterns of ``lex``, built once per lexicon."""
    cal, w = calendar(lex), lex.dateline
    mon, wda = cal.month, cal.weekday_any
    ordinal = "(?:" + "|".join(lex.time.ordinals) + ")?"
    wires = lex.agency_pattern
    return _Patterns(
        full=tuple(
            re.compile(p, re.I)
            for p in (
                # "Wed 05 Apr 2017", "16 March 2016", "Saturday 21 Jun 2014"
                r"\b(?:" + group("wd", wda) + r"[,\u060c]?\s+)?" + group("d", r"(?:[12]\d|3[01]|0?[1-9])") + ordinal + r"\s+"
                + group("mo", mon) + r"[,\u060c]?\s+" + group("y", r"(?:19|20)\d{2}") + r"(?!\d)",
                # "April 20, 2021", "Fri Sep 27 2013", "Apr 232017" (year glued to the day)
                r"\b(?:" + group("wd", wda) + r"[,\u060c]?\s+)?" + group("mo", mon) + r"\s+" + group("d", r"(?:[12]\d|3[01]|0?[1-9])")
                + ordinal + r"(?:[,\u060c]?\s+|(?=(?:19|20)\d{2}(?!\d)))" + group("y", r"(?:19|20)\d{2}") + r"(?!\d)",
                # ISO, optionally with a time
                r"\b" + group("y", r"(?:19|20)\d{2}") + r"-" + group("mo", r"[01]\d") + r"-" + group("d", r"[0-3]\d") + r"(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?\S*)?",
                # "01.10.2017", "23-04-2016", "05/04/2017": day first
                r"\b" + group("d", r"[0-3]?\d") + r"(?P<sep>[./-])" + group("mo", r"[01]?\d") + r"(?P=sep)" + group("y", r"(?:19|20)\d{2}") + r"(?!\d)",
            )
        ),
        marker=re.compile(
            r"\b" + alternatives(w.markers) + r"(?:\s+" + alternatives(w.marker_preps) + r")?\s*[:\-]?\s*$", re.I
        ),
        rest_of_line=re.compile(
            rf"[\s,|·•-]*(?:(?:{w.at}\s+)?(?:[0-2]?\d[:.]?[0-5]\d)(?:\s*(?:{w.meridiem}))?(?:\s*(?:{w.zones}|[A-Z]{{2,4}})(?:\s*[+-]\s*\d{{1,2}})?)?)?"
            rf"[\s,|·•-]*(?:\({w.updated}[^)\n]*\))?\s*$", re.I),
        prose_before=re.compile(r"\b" + alternatives(w.prose_before) + r"\s*,?\s*$", re.I),
        year_in_text=re.compile(rf"(?<![\d,.])((?:19|20)\d{{2}})(?!\d|[,.]\d|\s*(?:{w.not_year_after})\b)", re.I),
        weekday_word=re.compile(r"\b" + group("wd", cal.weekday) + r"\b", re.I),
        partial=re.compile(
            r"(?m)^[ \t]*[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?)?,\s*"
            + group("mo", _capitalised_months(lex) + r"\.?")
            + r"\s+" + group("d", r"(?:[12]\d|3[01]|0?[1-9])") + r"\b(?!,?\s*\d)\.?\s*(?:/[A-Z][A-Za-z]+/|\(" + wires + r"\)|[-–—])"
        ),
        by_after=re.compile(rf"\s+(?:{w.by}\s|\(?" + wires + r"\b|[A-Z][a-z]+\s+" + wires + r"\b)", re.I),
        wire_before=re.compile(r"(?:\b" + wires + r"\b|[A-Z]{3,}[A-Z .'’-]*,)\s*$"),
        place_wire_after=re.compile(r"\s+[A-Z][a-z]+\s+" + wires + r"\b"),
        wire_after=re.compile(r"\s*\(" + wires + r"\)"),
        upper_bound=re.compile(r"\b" + alternatives(w.upper_bound_markers) + r"\b", re.I),
    )


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, (len(text) if e < 0 else e)


def _dateline_strength(text: str, m: re.Match[str], first: int, lex: Lexicon) -> str | None:
    """Why this date is taken as the publication date ("line", "start", ...), or None if weak."""
    s, e = m.span()
    ls, le = _line_bounds(text, s)
    before = text[ls:s]
    after = text[e:le]
    if s == first:
        return "the date opens the text"
    if before.strip(" \t#*_>|") == "" and _patterns(lex).rest_of_line.fullmatch(after):
        return "the date stands on a line of its own"
    pats = _patterns(lex)
    if pats.marker.search(before):
        return "the date follows a publication marker"
    if before.strip(" \t#*_>|") == "":
        return "the date opens a line"
    if m.groupdict().get("wd"):
        return "a date written with its weekday, as datelines are"
    if pats.by_after.match(after) or pats.wire_before.search(before) or pats.place_wire_after.match(text, e):
        return "the date sits next to a byline or agency name"
    return None


def read_dateline(text: str, lex: Lexicon, *, year: int | None = None, title: str | None = None) -> Dateline | None:
    """The publication date as the top of ``text`` gives it, or None.

    Looks only at the first :data:`DATELINE_CHARS` characters.  Reads a date that opens the text
    ("Wed 05 Apr 2017 Syria attack ..."), stands on its own line ("April 20, 2021" under a
    headline and byline), follows "Published"/"Posted on"/"Last updated at", carries its weekday
    ("AFP Saturday 21 Jun 2014"), or sits next to a wire name; ISO and day-first numeric dates
    (``01.10.2017``, ``23-04-2016``) too.  Such dates have ``guess`` False (True only if the
    weekday written with them disagrees with the date).  Failing those, the first full date in
    the head that no preposition introduces ("on", "since", ...) is taken with ``guess`` True.
    ``basis`` says where the date stood: a wire dateline ("BEIRUT, Feb 3, 2016 (Reuters) -"),
    after "Last updated" (an upper bound), or a header.

    Page furniture is not read: a date glued into a longer token (a photo's file name, an
    address), and, when ``title`` (the headline) is given, a date above the headline when another
    one follows it (the site's "today" date in its page header).

    A wire dateline without its year ("MOSCOW, December 23. /TASS/.") is returned with
    ``guess`` True and the year found as follows: ``year`` when the caller knows it (from a
    URL, a file name); else the latest year the text mentions is taken as a lower bound, and
    when the dateline's sentence names a weekday ("... said on Wednesday"), the first year from
    that bound in which the date falls on that weekday (wire copy dates the statement it
    reports); else that latest year itself.  With no year anywhere, ``date`` is None.
    """
    head = text[: DATELINE_CHARS + 40]
    first = len(text) - len(text.lstrip())
    candidates: list[tuple[int, re.Match[str]]] = []
    pats, cal = _patterns(lex), calendar(lex)
    for rx in pats.full:
        for m in rx.finditer(head):
            if m.start() < DATELINE_CHARS:
                candidates.append((m.start(), m))
    candidates.sort(key=lambda c: (c[0], -(c[1].end() - c[1].start())))
    partial = pats.partial.search(head)
    if partial is not None and partial.start() >= DATELINE_CHARS:
        partial = None
    headline_at = _headline_start(text, title)

    weak: tuple[re.Match[str], Date] | None = None
    strong: list[tuple[re.Match[str], Date, str]] = []
    taken_until = -1
    for start, m in candidates:
        if start < taken_until:
            continue  # a shorter reading of a date already looked at
        taken_until = m.end()
        if _glued(text, m.start(), m.end()):
            continue  # a file name, an address: not a date of the text
        d = safe_date(int(m.group("y")), cal.month_of(m.group("mo")) if not m.group("mo").isdigit() else int(m.group("mo")), int(m.group("d")))
        if d is None:
            continue
        if partial is not None and partial.start() < start:
            break
        why = _dateline_strength(text, m, first, lex)
        if why is not None:
            strong.append((m, d, why))
            if headline_at is None or m.end() > headline_at:
                break  # a date that is not above the headline: no need to look further
            continue
        if weak is None and not strong and not pats.prose_before.search(text[max(0, start - 20):start]):
            weak = (m, d)
    if strong:
        return _strong_dateline(text, strong, headline_at, lex)
    if partial is not None:
        return _partial_dateline(text, partial, year, lex)
    if weak is not None:
        m, d = weak
        return Dateline(d, d.month, d.day, Span(m.group(0), m.start(), m.end()), True,
                        "the first full date near the top, though not in a dateline's place")
    return None


def _headline_start(text: str, title: str | None) -> int | None:
    """Where the headline stands in the head of the text, when it is there."""
    if not title or not title.strip():
        return None
    at = text.find(title.strip(), 0, DATELINE_CHARS + len(title))
    return at if at >= 0 else None


def _glued(text: str, start: int, end: int) -> bool:
    """The date is part of a longer token: a photo's file name ("IMG_2019-08-14_syria.jpg"), an
    address, an id."""
    before = text[max(0, start - 2):start]
    after = text[end:end + 6]
    return bool(re.search(r"[\w/=]\Z|[A-Za-z0-9]-\Z", before) or re.match(r"[_/=]|\.[a-z]{2,4}\b|-[A-Za-z]", after))


def _strong_dateline(text: str, strong: list[tuple[re.Match[str], Date, str]], headline_at: int | None,
                     lex: Lexicon) -> Dateline:
    """The date taken among those in a dateline's place: the first one that is not above the
    headline, else the first one."""
    below = [s for s in strong if headline_at is None or s[0].end() > headline_at]
    m, d, why = below[0] if below else strong[0]
    if below and below[0] is not strong[0]:
        why += "; the date above the headline is the page's own, not the article's"
    span = Span(m.group(0), m.start(), m.end())
    basis = _basis(text, m, lex)
    wd = m.groupdict().get("wd")
    cal = calendar(lex)
    if wd and cal.weekday_of(wd) != d.weekday():
        return Dateline(d, d.month, d.day, span, True, f"{why}, but its weekday does not match the date", basis)
    return Dateline(d, d.month, d.day, span, False, why, basis)


def _basis(text: str, m: re.Match[str], lex: Lexicon) -> PublishedBasis:
    """Where a date in a dateline's place stands: after "Last updated", in a wire dateline, or in
    a header."""
    pats = _patterns(lex)
    ls, le = _line_bounds(text, m.start())
    before, after = text[ls:m.start()], text[m.end():le]
    marker = pats.marker.search(before)
    if marker is not None and pats.upper_bound.search(marker.group(0)):
        return "updated"
    if pats.wire_before.search(before) or pats.place_wire_after.match(text, m.end()) or pats.wire_after.match(after):
        return "dateline"
    return "header"


def _partial_dateline(text: str, m: re.Match[str], year: int | None, lex: Lexicon) -> Dateline:
    pats, cal = _patterns(lex), calendar(lex)
    mo, dd = cal.month_of(m.group("mo")), int(m.group("d"))
    span = Span(m.group("mo") + text[m.end("mo"):m.end("d")], m.start("mo"), m.end("d"))
    if year is not None:
        d = safe_date(year, mo, dd)
        return Dateline(d, mo, dd, span, True, "no year in the dateline: the year given by the caller", "dateline")
    years = [int(y) for y in pats.year_in_text.findall(text)]
    bound = max(years) if years else None
    # the weekday named in the dateline's own sentence
    lead = re.match(r"[\s./]*", text[m.end():])
    begin = m.end() + (lead.end() if lead else 0)
    end = re.search(r"[.!?](?:\s|$)", text[begin:])
    sentence = text[begin: begin + (end.end() if end else 300)]
    wdm = pats.weekday_word.search(sentence)
    if bound is None:
        return Dateline(None, mo, dd, span, True, "no year in the dateline and none in the text", "dateline")
    if wdm is not None:
        wd = cal.weekday_of(wdm.group("wd"))
        for y in range(bound, bound + 8):
            d = safe_date(y, mo, dd)
            if d is not None and d.weekday() == wd:
                return Dateline(d, mo, dd, span, True,
                                f"no year in the dateline: {y}, the first year from {bound} (the latest year the text "
                                f"mentions) in which it is a {cal.weekday_names[wd]}, the weekday its sentence names",
                                "dateline")
    d = safe_date(bound, mo, dd)
    return Dateline(d, mo, dd, span, True, f"no year in the dateline: {bound}, the latest year the text mentions", "dateline")


__all__ = ["DATELINE_CHARS", "Dateline", "read_dateline"]
