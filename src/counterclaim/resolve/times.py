"""Time mentions turned into calendar windows, and publication dates read from the text.

:func:`resolve_time` takes a :class:`~counterclaim.model.TimeSpan` as the mention stage found it
(text and offsets, ``precision`` ``unknown``) and the publication date, and returns a copy with
``start``/``end`` (ISO dates, both inclusive), ``precision`` (``day``, ``days``, ``month``,
``year`` or ``unknown``) and a short ``note`` saying how the window was worked out whenever that
involved a choice, or why it stayed unknown.  It never invents precision: "in February" is the
whole month, "2015" the whole year, and a word that narrows ("mid-2016", "late on Friday") is
kept in the note, not turned into a guessed day.

Rules (the ones a reader may want to check):

* **Weekdays** ("Monday", "said Monday", "Earlier on Tuesday", "at dawn on Friday") are the
  latest such day on or before publication -- the publication day itself when it is that
  weekday.  "last Monday" is the latest Monday strictly before publication.
* **Relative words** count from publication: "yesterday" is the day before, "last night" the
  evening before (dated to the day before), "today"/"tonight"/"this morning" the day itself;
  "this week" is Monday of the publication week to publication; "last week" the Monday..Sunday
  before it; "this month"/"earlier this month" the 1st to publication (precision ``month``);
  "last month" the previous calendar month; "this year"/"earlier this year" 1 January to
  publication (precision ``year``); "last year" the previous calendar year.
* **Rolling windows** ("over the past 24 hours", "last five days", "past 3 weeks") end on the
  publication day and start N units before it: N x 24 hours before a publication at any time
  of day touch the dates from publication - N days to publication ("the last five days, from
  December 18 to 23" in an article of December 23).  Hours round up to whole days.
* **since X** runs from the first day of X to publication ("since the beginning of 2017" is
  2017-01-01 to publication, "since September 2015" 2015-09-01 to publication), precision
  ``days``.
* **A date without its year** ("September 18", "December 18-23") takes the latest year that
  keeps it on or before publication; the note says so.
* **After publication** nothing is resolved: a stated future ("next month", "tomorrow",
  "later this year") and a full date after publication are ``unknown``; a window that only
  runs past publication ("in 2017" in an article of February 2017) is cut at publication.
* **Lists** ("yesterday, or this week, or even since the beginning of 2017") resolve to the union
  of their parts, earliest start to latest end.
* **Unknown** when the time depends on another sentence ("the same day", "two days later"), is
  a length rather than a date ("a three-year-long siege", "24-hour ceasefire"), a decade, or is
  relative while the publication date is unknown.

dateparser is used only as a last resort for formats none of the rules above read, with an
explicit ``RELATIVE_BASE`` (never "now") and its answer is checked against publication.

Reading a publication date from the top of a text is :mod:`.dateline`'s job; the two event
datasets' precision codes are in :mod:`counterclaim.export.codes`.
"""

from __future__ import annotations

import calendar as _calendar
import dataclasses
import datetime as _dt
import re
from functools import cache
from typing import Final

from ..knowledge.lexicon import Lexicon
from ..model import TimeSpan
from .dateparse import fallback
from .dates import calendar, safe_date
from .time_grammar import Rule, grammar
from .windows import (
    NOPUB,
    NOTE_NO_YEAR,
    Ctx,
    Handler,
    Part,
    Why,
    Window,
    add_months,
    cap,
    impossible, on_calendar,
    join_notes,
    month_end,
    no_year,
    shape,
    week_start,
)

__all__ = ["resolve_time"]

Date = _dt.date

# =========================================================================== vocabulary

#: "a few days", "several days", "recent days": read as at most this many days (a choice)
_FEW_DAYS: Final = 7



def _day_of(token: str) -> int:
    return int(re.match(r"\d+", token).group(0))  # type: ignore[union-attr]


def _number(token: str, lex: Lexicon) -> int | None:
    t = re.sub(r"\s+", " ", token.lower().strip())
    if t.isdigit():
        return int(t)
    return lex.time.numbers.get(t)


def _unit(word: str, lex: Lexicon) -> str | None:
    """The unit a written unit word stands for ("days" -> "day")."""
    return lex.time.units.get(word.lower())


# --------------------------------------------------------------------------- handlers


def _h_decade(m: re.Match[str], ctx: Ctx) -> Part:
    return Why("decade", "a decade: coarser than the precisions the ledger has")


def _h_duration(m: re.Match[str], ctx: Ctx) -> Part:
    return Why("duration", "a length of time, not a date")


def _h_clock(m: re.Match[str], ctx: Ctx) -> Part:
    return Why("skip", "a clock time")


def _h_context(m: re.Match[str], ctx: Ctx) -> Part:
    return Why("context", f"'{m.group(0).strip()}' is relative to another time in the text")


def _h_future(m: re.Match[str], ctx: Ctx) -> Part:
    return Why("future", f"'{m.group(0).strip()}' refers to the future")


def _h_since(m: re.Match[str], ctx: Ctx) -> Part:
    inner = _parse_text(m.group("x"), ctx)
    if isinstance(inner, Why):
        return inner
    if ctx.pub is None:
        return Why("nopub", "runs until publication, and the publication date is not known")
    if inner.start > ctx.pub:
        return Why("after", "its start is after the publication date")
    keep = inner.note if inner.note and inner.note.startswith("no year") else None
    return Window(inner.start, ctx.pub, "days", join_notes("from the start of the period named to publication", keep))


def _h_range_month(m: re.Match[str], ctx: Ctx) -> Part | None:
    """"December 18-23", "from December 18 to 23", "December 18 and 19", "December 28 to January 3"."""
    m1 = calendar(ctx.lex).month_of(m.group("m1"))
    m2 = calendar(ctx.lex).month_of(m.group("m2")) if m.group("m2") else m1
    return _day_range(m1, _day_of(m.group("d1")), m2, _day_of(m.group("d2")), m.group("y"), ctx, bool(m.group("m2")))


def _h_range_day_first(m: re.Match[str], ctx: Ctx) -> Part | None:
    """"between 18 and 23 December", "18-23 December", "28 November to 3 December"."""
    m2 = calendar(ctx.lex).month_of(m.group("m2"))
    m1 = calendar(ctx.lex).month_of(m.group("m1")) if m.group("m1") else m2
    return _day_range(m1, _day_of(m.group("d1")), m2, _day_of(m.group("d2")), m.group("y"), ctx, bool(m.group("m1")))


def _day_range(m1: int, d1: int, m2: int, d2: int, year: str | None, ctx: Ctx, two_months: bool) -> Part | None:
    if (m1, d1) >= (m2, d2) and not (two_months and m1 != m2):
        return None  # "30 to 1 October" is not a range within one month
    if year:
        y2 = int(year)
        end = safe_date(y2, m2, d2)
        start = safe_date(y2 - (1 if (m1, d1) > (m2, d2) else 0), m1, d1)
        note = None
    else:
        e = no_year(m2, d2, ctx)
        if isinstance(e, Why):
            return e
        end = e
        start = safe_date(end.year - (1 if (m1, d1) > (m2, d2) else 0), m1, d1)
        note = NOTE_NO_YEAR
    if start is None or end is None or start > end:
        return None
    return cap(Window(start, end, "day" if start == end else "days", note), ctx)


def _h_year_range(m: re.Match[str], ctx: Ctx) -> Part | None:
    y1 = int(m.group("y1"))
    y2s = m.group("y2")
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if y2 <= y1:
        return None
    return cap(Window(Date(y1, 1, 1), Date(y2, 12, 31), "days", "a range of whole years"), ctx)


def _h_from_to(m: re.Match[str], ctx: Ctx) -> Part | None:
    b = _parse_text(m.group("b"), ctx)
    if isinstance(b, Why):
        return b
    a = _parse_text(m.group("a"), dataclasses.replace(ctx, latest=b.end))
    if isinstance(a, Why):
        return a
    if a.start > b.end:
        return None
    kept = [n for n in (a.note, b.note) if n and n.startswith("no year")][:1]
    return cap(Window(a.start, b.end, "days", join_notes("from the first to the last day of the range", *kept)), ctx)


def _weekday_check(m: re.Match[str], d: Date, lex: Lexicon) -> str | None:
    wd = m.groupdict().get("wd")
    cal = calendar(lex)
    if wd and cal.weekday_of(wd) != d.weekday():
        return f"the weekday given does not match the date ({d.isoformat()} is a {cal.weekday_names[d.weekday()]}); the date kept"
    return None


def _h_full_mdy(m: re.Match[str], ctx: Ctx) -> Part | None:
    d = safe_date(int(m.group("y")), calendar(ctx.lex).month_of(m.group("mo")), _day_of(m.group("d")))
    if d is None:
        return impossible(m.group(0))
    return cap(Window(d, d, "day", _weekday_check(m, d, ctx.lex)), ctx)


def _h_iso(m: re.Match[str], ctx: Ctx) -> Part | None:
    d = safe_date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    if d is None:
        return impossible(m.group(0))
    return cap(Window(d, d, "day"), ctx)


def _h_numeric(m: re.Match[str], ctx: Ctx) -> Part | None:
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    note: str | None
    if b > 12 and a <= 12:
        day, month, note = b, a, "read as M/D/Y: the second number cannot be a month"
    else:
        day, month = a, b
        note = "read day first (D/M/Y); M/D/Y would also be a date" if a <= 12 and a != b else None
    d = safe_date(y, month, day)
    if d is None:
        return impossible(m.group(0)) if month <= 12 else None
    return cap(Window(d, d, "day", note), ctx)


def _h_month_year(m: re.Match[str], ctx: Ctx) -> Part | None:
    y, mo = int(m.group("y")), calendar(ctx.lex).month_of(m.group("mo"))
    return cap(Window(Date(y, mo, 1), month_end(y, mo), "month"), ctx)


def _h_month_day(m: re.Match[str], ctx: Ctx) -> Part | None:
    d = no_year(calendar(ctx.lex).month_of(m.group("mo")), _day_of(m.group("d")), ctx)
    if isinstance(d, Why):
        return d
    return Window(d, d, "day", join_notes(NOTE_NO_YEAR, _weekday_check(m, d, ctx.lex)))


def _h_relative_day(m: re.Match[str], ctx: Ctx) -> Part:
    if ctx.pub is None:
        return NOPUB
    w = re.sub(r"\s+", " ", m.group(0).lower())
    p = ctx.pub
    one = _dt.timedelta(days=1)
    kind = next((k for phrase, k in ctx.lex.time.relative_day_kinds if phrase in w), None)
    if kind == "two_days_before":
        return Window(p - 2 * one, p - 2 * one, "day", "two days before publication")
    if kind == "day_before":
        return Window(p - one, p - one, "day", "the day before publication")
    if kind == "last_night":
        return Window(p - one, p - one, "day", "last night: dated to the evening before publication")
    if kind == "overnight":
        return Window(p - one, p, "days", "overnight: the night before publication, both dates")
    return Window(p, p, "day", "the publication day")


def _h_ago(m: re.Match[str], ctx: Ctx) -> Part | None:
    if ctx.pub is None:
        return NOPUB
    p, unit = ctx.pub, _unit(m.group("u"), ctx.lex)
    if m.group("few"):
        if unit != "day":
            return Why("context", f"'{m.group(0).strip()}': too vague to bound")
        return Window(p - _dt.timedelta(days=_FEW_DAYS), p - _dt.timedelta(days=2), "days",
                       f"'a few days ago' read as 2 to {_FEW_DAYS} days before publication")
    n = _number(m.group("n"), ctx.lex)
    if n is None:
        return None
    if unit == "day":
        d = p - _dt.timedelta(days=n)
        return Window(d, d, "day", f"{n} days before publication")
    if unit in ("week", "fortnight"):
        days = 7 * n if unit == "week" else 14 * n
        d = p - _dt.timedelta(days=days)
        return cap(Window(week_start(d), week_start(d) + _dt.timedelta(days=6), "days",
                            "the calendar week that holds the day that many weeks before publication"), ctx)
    if unit == "month":
        d = add_months(p, -n)
        return Window(Date(d.year, d.month, 1), month_end(d.year, d.month), "month",
                       "the calendar month that many months before publication")
    if unit == "year":
        return Window(Date(p.year - n, 1, 1), Date(p.year - n, 12, 31), "year", "the calendar year that many years before publication")
    return None


def _h_rolling(m: re.Match[str], ctx: Ctx) -> Part | None:
    """"over the past 24 hours", "the last five days", "past 3 weeks", "in recent days"."""
    unit = _unit(m.group("u"), ctx.lex)
    nword = m.group("n")
    few = bool(m.group("few") or m.group("recent"))
    # bare "last week/month/year" is the calendar unit before the current one, not a rolling window
    if (not nword and not few and not m.group("the") and (m.group("mod") or "").lower() in ctx.lex.time.previous
            and unit in ("week", "month", "year")):
        return None
    if ctx.pub is None:
        return NOPUB
    p = ctx.pub
    if few:
        if unit != "day":
            return Why("context", f"'{m.group(0).strip()}': too vague to bound")
        return Window(p - _dt.timedelta(days=_FEW_DAYS), p, "days", f"'a few/recent days' read as the {_FEW_DAYS} days before publication")
    n = _number(nword, ctx.lex) if nword else 1
    if n is None or n <= 0:
        return None
    if unit == "hour":
        days = -(-n // 24)
        start = p - _dt.timedelta(days=days)
        note = f"the {n} hours before publication touch the publication day and the {days} before it"
    elif unit == "day":
        start = p - _dt.timedelta(days=n)
        note = f"the {n} days up to publication: {n} x 24 hours touch {n + 1} dates"
    elif unit in ("week", "fortnight"):
        days = 7 * n if unit == "week" else 14 * n
        start = p - _dt.timedelta(days=days)
        note = f"the {days} days up to publication"
    elif unit == "month":
        start = add_months(p, -n)
        note = f"the {n} month(s) up to publication"
    elif unit == "year":
        start = Date(p.year - n, p.month, min(p.day, _calendar.monthrange(p.year - n, p.month)[1]))
        note = f"the {n} year(s) up to publication"
    else:
        return None
    return Window(start, p, "days", note)


def _h_this_last(m: re.Match[str], ctx: Ctx) -> Part | None:
    if ctx.pub is None:
        return NOPUB
    p = ctx.pub
    this = m.group("mod").lower() in ctx.lex.time.current
    unit = _unit(m.group("u"), ctx.lex)
    if unit == "week":
        if this:
            return Window(week_start(p), p, "days", "this week: Monday of the publication week to publication")
        s = week_start(p) - _dt.timedelta(days=7)
        return Window(s, s + _dt.timedelta(days=6), "days", "last week: the Monday to Sunday before the publication week")
    if unit == "month":
        if this:
            return Window(Date(p.year, p.month, 1), p, "month", "this month: the 1st of the publication month to publication")
        d = add_months(p, -1)
        return Window(Date(d.year, d.month, 1), month_end(d.year, d.month), "month", "last month: the calendar month before publication")
    if unit == "year":
        if this:
            return Window(Date(p.year, 1, 1), p, "year", "this year: 1 January to publication")
        return Window(Date(p.year - 1, 1, 1), Date(p.year - 1, 12, 31), "year", "last year: the calendar year before publication")
    return None


def _h_weekend(m: re.Match[str], ctx: Ctx) -> Part | None:
    if ctx.pub is None:
        return NOPUB
    p = ctx.pub
    mod = (m.group("mod") or "").lower()
    last, this = mod in ctx.lex.time.previous, mod in ctx.lex.time.current
    if p.weekday() == 5:
        if last:
            return Window(p - _dt.timedelta(days=7), p - _dt.timedelta(days=6), "days", "last weekend: the Saturday and Sunday before publication")
        return Window(p, p, "day", "the weekend: publication is its Saturday")
    if p.weekday() == 6:
        if last:
            return Window(p - _dt.timedelta(days=8), p - _dt.timedelta(days=7), "days", "last weekend: the Saturday and Sunday before publication")
        return Window(p - _dt.timedelta(days=1), p, "days", "the weekend: publication is its Sunday")
    if this:
        return Why("future", "'this weekend' in a weekday article is the coming one")
    sat = p - _dt.timedelta(days=p.weekday() + 2)
    return Window(sat, sat + _dt.timedelta(days=1), "days", "the weekend: the last Saturday and Sunday before publication")


def _h_weekday(m: re.Match[str], ctx: Ctx) -> Part | None:
    if ctx.latest is None:
        return Why("nopub", "a weekday, and no publication date to count back from")
    cal = calendar(ctx.lex)
    wd = cal.weekday_of(m.group("wd"))
    name = cal.weekday_names[wd]
    mod = (m.groupdict().get("mod") or "").lower()
    lw = (m.groupdict().get("lw") or "").lower()
    ref = ctx.latest
    if lw:
        if ctx.pub is None:
            return NOPUB
        base = week_start(ctx.pub) - (_dt.timedelta(days=7) if lw in ctx.lex.time.previous else _dt.timedelta(0))
        d = base + _dt.timedelta(days=wd)
        return cap(Window(d, d, "day", f"the {name} of {lw} week"), ctx)
    if mod in ctx.lex.time.strictly_before:
        d = ref - _dt.timedelta(days=(ref.weekday() - wd - 1) % 7 + 1)
        return Window(d, d, "day", f"'{mod} {name}': the last {name} strictly before publication")
    d = ref - _dt.timedelta(days=(ref.weekday() - wd) % 7)
    what = "publication" if ctx.latest == ctx.pub else "the end of the range"
    return Window(d, d, "day", f"weekday: the last {name} on or before {what}")


def _h_month(m: re.Match[str], ctx: Ctx) -> Part | None:
    tok = m.group("mo")
    if not tok[0].isupper() and calendar(ctx.lex).month_of(tok) in grammar(ctx.lex).verb_months:
        return None  # "may", "march": a verb unless capitalised
    if ctx.latest is None:
        return Why("noyear", "a month without its year, and no publication date to take it from")
    mo = calendar(ctx.lex).month_of(tok)
    y = ctx.latest.year if mo <= ctx.latest.month else ctx.latest.year - 1
    w = Window(Date(y, mo, 1), month_end(y, mo), "month", "no year given: the latest such month that began on or before publication")
    return cap(w, ctx)


def _h_year(m: re.Match[str], ctx: Ctx) -> Part | None:
    y = int(m.group("y"))
    return cap(Window(Date(y, 1, 1), Date(y, 12, 31), "year"), ctx, "the year")


# --------------------------------------------------------------------------- the matchers

def _h_since_the_unit(m: re.Match[str], ctx: Ctx) -> Part:
    """"since the beginning of the year" = this year."""
    if ctx.pub is None:
        return Why("nopub", "runs until publication, and the publication date is not known")
    p, unit = ctx.pub, _unit(m.group("u"), ctx.lex)
    start = {"year": Date(p.year, 1, 1), "month": Date(p.year, p.month, 1), "week": week_start(p)}[unit or "year"]
    return Window(start, p, "days", f"'the {unit}' read as the publication {unit}; from its start to publication")


_RULES: Final[dict[Rule, Handler]] = {
    "decade": _h_decade,
    "duration": _h_duration,
    "clock": _h_clock,
    "since_the_unit": _h_since_the_unit,
    "since": _h_since,
    "range_month": _h_range_month,
    "range_day_first": _h_range_day_first,
    "iso": _h_iso,
    "numeric": _h_numeric,
    "year_range": _h_year_range,
    "from_to": _h_from_to,
    "full_mdy": _h_full_mdy,
    "month_year": _h_month_year,
    "month_day": _h_month_day,
    "relative_day": _h_relative_day,
    "context": _h_context,
    "future": _h_future,
    "weekday": _h_weekday,
    "ago": _h_ago,
    "rolling": _h_rolling,
    "this_last": _h_this_last,
    "weekend": _h_weekend,
    "month": _h_month,
    "year": _h_year,
}


@cache
def _matchers(lex: Lexicon) -> tuple[tuple[re.Pattern[str], Handler], ...]:
    """The time patterns of ``lex`` with the handler of each, built once per lexicon."""
    return tuple((rx, _RULES[rule]) for rx, rule in grammar(lex).matchers)



_DIGIT_RE: Final = re.compile(r"\d")
_DASHES: Final = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
                                 "\u2019": "'", "\u00a0": " ", "\u202f": " "})


def _parse_parts(text: str, ctx: Ctx) -> tuple[list[Part], str]:
    """The resolved parts of ``text`` in order, and the text with the matched parts blanked."""
    claimed = bytearray(len(text))
    found: list[tuple[int, Part]] = []
    for rx, handler in _matchers(ctx.lex):
        for m in rx.finditer(text):
            s, e = m.span()
            if s == e or any(claimed[s:e]):
                continue
            part = handler(m, ctx)
            if part is None:
                continue
            claimed[s:e] = b"\x01" * (e - s)
            found.append((s, part))
    found.sort(key=lambda x: x[0])
    rest = "".join(" " if claimed[i] else ch for i, ch in enumerate(text))
    return [p for _, p in found], rest


_PRIORITY: Final = ("future", "after", "impossible", "context", "decade", "nopub", "noyear")


def _parse_text(text: str, ctx: Ctx) -> Window | Why:
    """One window for ``text``, or why there is none."""
    parts, rest = _parse_parts(text, ctx)
    whys = [p for p in parts if isinstance(p, Why)]
    windows = [p for p in parts if isinstance(p, Window)]
    for kind in _PRIORITY:
        for w in whys:
            if w.kind == kind:
                return w
    shift = grammar(ctx.lex).shift.search(rest)
    if shift:
        return Why("context", f"'{shift.group(0)}' relates it to another time")
    if windows and _DIGIT_RE.search(rest):
        return Why("context", "a number in it was not read as part of a date")
    if not windows:
        if any(w.kind == "duration" for w in whys):
            return Why("duration", "a length of time, not a date")
        if any(w.kind == "skip" for w in whys) and not calendar(ctx.lex).dateish.search(rest):
            return Why("context", "a clock time without a date")
        fb = fallback(text, ctx, ctx.lex)
        if fb is not None:
            return fb
        return Why("none", "no date the rules or dateparser could read")
    if len(windows) == 1:
        only = windows[0]
        narrow = grammar(ctx.lex).narrowing.search(rest)
        if narrow and only.precision in ("month", "year"):
            only = dataclasses.replace(
                only, note=join_notes(only.note, f"'{narrow.group(0)}' not used to narrow the {only.precision}")
            )
        return only
    start = min(w.start for w in windows)
    end = max(w.end for w in windows)
    return Window(start, end, shape(start, end), "the union of the times listed: earliest start to latest end")


# =========================================================================== public: resolve


def _as_date(published: Date | str | None) -> Date | None:
    if published is None:
        return None
    if isinstance(published, _dt.datetime):
        return published.date()
    if isinstance(published, Date):
        return published
    try:
        return Date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        return None


def resolve_time(span: TimeSpan, published: Date | str | None, lex: Lexicon) -> TimeSpan:
    """``span`` with ``start``/``end`` (ISO, inclusive), ``precision`` and ``note`` filled in.

    ``published`` is the publication date (a ``datetime.date``; an ISO string is accepted too),
    or None when unknown: then only absolute dates ("March 16, 2016", "in 2015") resolve.
    Returns a copy; text and offsets are unchanged.  See the module docstring for the rules.
    """
    pub = _as_date(published)
    text = span.text.translate(_DASHES)
    result = on_calendar(_parse_text, text, Ctx(pub, pub, lex))  # "over the past 5000 years": unknown, with a note
    if isinstance(result, Why):
        return dataclasses.replace(span, start=None, end=None, precision="unknown", note=result.reason)
    return dataclasses.replace(
        span, start=result.start.isoformat(), end=result.end.isoformat(), precision=result.precision, note=result.note
    )
