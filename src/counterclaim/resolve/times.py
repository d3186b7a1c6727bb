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

:func:`read_dateline` reads the publication date from the first lines of a text when no
metadata gives it; :func:`acled_time_precision` and :func:`ucdp_date_prec` map a resolved
window onto the two event datasets' precision codes.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from ..model import Span, TimeSpan

__all__ = [
    "Dateline",
    "read_dateline",
    "resolve_time",
]

Date = _dt.date

# =========================================================================== vocabulary

_MONTHS: Final[dict[str, int]] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS: Final[dict[str, int]] = {
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
}
_WEEKDAY_NAMES: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBER_WORDS: Final[dict[str, int]] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "ninety": 90, "hundred": 100, "twenty-four": 24, "thirty-six": 36,
    "forty-eight": 48, "seventy-two": 72, "couple of": 2, "a couple of": 2,
}
#: "a few days", "several days", "recent days": read as at most this many days (a choice)
_FEW_DAYS: Final = 7

_MON = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
)
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WDA = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\b\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?:19|20)\d{2}\b"
_NUMW = (
    r"(?:\d+|a\s+couple\s+of|couple\s+of|twenty-four|thirty-six|forty-eight|seventy-two|an?|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|ninety|hundred)"
)
_FEW = r"(?:a\s+few|few|several|a\s+number\s+of)"


def _g(name: str, pattern: str) -> str:
    return f"(?P<{name}>{pattern})"


def _month_of(token: str) -> int:
    return _MONTHS[token.lower().rstrip(".")[:3]]


def _weekday_of(token: str) -> int:
    return _WEEKDAYS[token.lower().rstrip(".")[:3]]


def _day_of(token: str) -> int:
    return int(re.match(r"\d+", token).group(0))  # type: ignore[union-attr]


def _number(token: str) -> int | None:
    t = re.sub(r"\s+", " ", token.lower().strip())
    if t.isdigit():
        return int(t)
    return _NUMBER_WORDS.get(t)


# =========================================================================== calendar helpers


def _month_end(y: int, m: int) -> Date:
    return Date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: Date, n: int) -> Date:
    """``d`` moved by ``n`` calendar months, the day clipped to the month's length."""
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return Date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _week_start(d: Date) -> Date:
    return d - _dt.timedelta(days=d.weekday())


def _safe_date(y: int, m: int, d: int) -> Date | None:
    try:
        return Date(y, m, d)
    except ValueError:
        return None


def _latest_with_year(m: int, d: int, latest: Date) -> Date | None:
    """The latest real date ``m``/``d`` on or before ``latest`` (Feb 29 looks back 8 years)."""
    for y in range(latest.year, latest.year - 9, -1):
        x = _safe_date(y, m, d)
        if x is not None and x <= latest:
            return x
    return None


def _shape(start: Date, end: Date) -> str:
    """The precision a bare window has: one day, one calendar month, one calendar year, or days."""
    if start == end:
        return "day"
    if start.day == 1 and end == _month_end(start.year, start.month):
        return "month"
    if (start.month, start.day) == (1, 1) and (end.year, end.month, end.day) == (start.year, 12, 31):
        return "year"
    return "days"


# =========================================================================== parts


@dataclass(frozen=True, slots=True)
class _Window:
    start: Date
    end: Date
    precision: str
    note: str | None = None


@dataclass(frozen=True, slots=True)
class _Why:
    """Why a part cannot be resolved.  ``kind``: future, context, duration, decade, after,
    nopub (relative but no publication date), noyear, skip (a clock time: no date at all)."""

    kind: str
    reason: str


@dataclass(frozen=True, slots=True)
class _Ctx:
    #: the publication date, the base of every relative word
    pub: Date | None
    #: the latest the date may be: publication, or the end of a range's later half
    latest: Date | None


_Part = _Window | _Why
_Handler = Callable[["re.Match[str]", _Ctx], "_Part | None"]

_NOPUB = _Why("nopub", "relative to publication, and the publication date is not known")


def _cap(w: _Window, ctx: _Ctx, what: str = "the date") -> _Part:
    """No event after publication: a window starting after it is a plan (or an error), one
    running past it is cut at publication."""
    if ctx.pub is None:
        return w
    if w.start > ctx.pub:
        return _Why("after", f"{what} is after the publication date ({ctx.pub.isoformat()}): a plan or an error")
    if w.end > ctx.pub:
        return dataclasses.replace(w, end=ctx.pub, note=_join(w.note, "cut at publication"))
    return w


def _join(*notes: str | None) -> str | None:
    parts = [n for n in notes if n]
    return "; ".join(parts) if parts else None


def _no_year(m: int, d: int, ctx: _Ctx) -> Date | _Why:
    if ctx.latest is None:
        return _Why("noyear", "no year given and no publication date to take it from")
    x = _latest_with_year(m, d, ctx.latest)
    if x is None:
        return _Why("noyear", "not a real date")
    return x


_NOTE_NO_YEAR = "no year given: the latest year that keeps it on or before publication"

# --------------------------------------------------------------------------- handlers


def _h_decade(m: re.Match[str], ctx: _Ctx) -> _Part:
    return _Why("decade", "a decade: coarser than the precisions the ledger has")


def _h_duration(m: re.Match[str], ctx: _Ctx) -> _Part:
    return _Why("duration", "a length of time, not a date")


def _h_clock(m: re.Match[str], ctx: _Ctx) -> _Part:
    return _Why("skip", "a clock time")


def _h_context(m: re.Match[str], ctx: _Ctx) -> _Part:
    return _Why("context", f"'{m.group(0).strip()}' is relative to another time in the text")


def _h_future(m: re.Match[str], ctx: _Ctx) -> _Part:
    return _Why("future", f"'{m.group(0).strip()}' refers to the future")


def _h_since(m: re.Match[str], ctx: _Ctx) -> _Part:
    inner = _parse_text(m.group("x"), ctx)
    if isinstance(inner, _Why):
        return inner
    if ctx.pub is None:
        return _Why("nopub", "runs until publication, and the publication date is not known")
    if inner.start > ctx.pub:
        return _Why("after", "its start is after the publication date")
    keep = inner.note if inner.note and inner.note.startswith("no year") else None
    return _Window(inner.start, ctx.pub, "days", _join("from the start of the period named to publication", keep))


def _h_range_month(m: re.Match[str], ctx: _Ctx) -> _Part | None:
    """"December 18-23", "from December 18 to 23", "December 18 and 19", "December 28 to January 3"."""
    m1 = _month_of(m.group("m1"))
    m2 = _month_of(m.group("m2")) if m.group("m2") else m1
    return _day_range(m1, _day_of(m.group("d1")), m2, _day_of(m.group("d2")), m.group("y"), ctx, bool(m.group("m2")))


def _h_range_day_first(m: re.Match[str], ctx: _Ctx) -> _Part | None:
    """"between 18 and 23 December", "18-23 December", "28 November to 3 December"."""
    m2 = _month_of(m.group("m2"))
    m1 = _month_of(m.group("m1")) if m.group("m1") else m2
    return _day_range(m1, _day_of(m.group("d1")), m2, _day_of(m.group("d2")), m.group("y"), ctx, bool(m.group("m1")))


def _day_range(m1: int, d1: int, m2: int, d2: int, year: str | None, ctx: _Ctx, two_months: bool) -> _Part | None:
    if (m1, d1) >= (m2, d2) and not (two_months and m1 != m2):
        return None  # "30 to 1 October" is not a range within one month
    if year:
        y2 = int(year)
        end = _safe_date(y2, m2, d2)
        start = _safe_date(y2 - (1 if (m1, d1) > (m2, d2) else 0), m1, d1)
        note = None
    else:
        e = _no_year(m2, d2, ctx)
        if isinstance(e, _Why):
            return e
        end = e
        start = _safe_date(end.year - (1 if (m1, d1) > (m2, d2) else 0), m1, d1)
        note = _NOTE_NO_YEAR
    if start is None or end is None or start > end:
        return None
    return _cap(_Window(start, end, "day" if start == end else "days", note), ctx)


def _h_year_range(m: re.Match[str], ctx: _Ctx) -> _Part | None:
    y1 = int(m.group("y1"))
    y2s = m.group("y2")
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if y2 <= y1:
        return None
    return _cap(_Window(Date(y1, 1, 1), Date(y2, 12, 31), "days", "a range of whole years"), ctx)


def _h_from_to(m: re.Match[str], ctx: _Ctx) -> _Part | None:
    b = _parse_text(m.group("b"), ctx)
    if isinstance(b, _Why):
        return b
    a = _parse_text(m.group("a"), _Ctx(ctx.pub, b.end))
    if isinstance(a, _Why):
        return a
    if a.start > b.end:
        return None
    kept = [n for n in (a.note, b.note) if n and n.startswith("no year")][:1]
    return _cap(_Window(a.start, b.end, "days", _join("from the first to the last day of the range", *kept)), ctx)


def _weekday_check(m: re.Match[str], d: Date) -> str | None:
    wd = m.groupdict().get("wd")
    if wd and _weekday_of(wd) != d.weekday():
        return f"the weekday given does not match the date ({d.isoformat()} is a {_WEEKDAY_NAMES[d.weekday()]}); the date kept"
    return None


def _h_full_mdy(m: re.Match[str], ctx: _Ctx) -> _Part | None:
    d = _safe_date(int(m.group("y")), _month_of(m.group("mo")), _day_of(m.group("d")))
    if d is None:
        return None
    return _cap(_Window(d, d, "day", _weekday_check(m, d)), ctx)


def _h_iso(m: re.Match[str], ctx: _Ctx) -> _Part | None:
    d = _safe_date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    if d is None:
        return None
    return _cap(_Window(d, d, "day"), ctx)


def _h_numeric(m: re.Match[str], ctx: _Ctx) -> _Part | None:
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    note: str | None
    if b > 12 and a <= 12:
        day, month, note = b, a, "read as M/D/Y: the second number cannot be a month"
    else:
        day, month = a, b
        note = "read day first (D/M/Y); M/D/Y would also be a date" if a <= 12 and a != b else None
    d = _safe_date(y, month, day)
    if d is None:
        return None
    return _cap(_Window(d, d, "day", note), ctx)


def _h_month_year(m: re.Match[str], ctx: _Ctx) -> _Part | None:
    y, mo = int(m.group("y")), _month_of(m.group("mo"))
    return _cap(_Window(Date(y, mo, 1), _month_end(y, mo), "month"), ctx)


def _h_month_day(m: re.Match[str], ctx: _Ctx) -> _Part | None:
    d = _no_year(_month_of(m.group("mo")), _day_of(m.group("d")), ctx)
    if isinstance(d, _Why):
        return d
    return _Window(d, d, "day", _join(_NOTE_NO_YEAR, _weekday_check(m, d)))


def _h_relative_day(m: re.Match[str], ctx: _Ctx) -> _Part:
    if ctx.pub is None:
        return _NOPUB
    w = re.sub(r"\s+", " ", m.group(0).lower())
    p = ctx.pub
    one = _dt.timedelta(days=1)
    if "before yesterday" in w:
        return _Window(p - 2 * one, p - 2 * one, "day", "two days before publication")
    if "yesterday" in w:
        return _Window(p - one, p - one, "day", "the day before publication")
    if "last night" in w:
        return _Window(p - one, p - one, "day", "last night: dated to the evening before publication")
    if "overnight" in w:
        return _Window(p - one, p, "days", "overnight: the night before publication, both dates")
    return _Window(p, p, "day", "the publication day")


def _h_ago(m: re.Match[str], ctx: _Ctx) -> _Part | None:
    if ctx.pub is None:
        return _NOPUB
    p, unit = ctx.pub, m.group("u").lower().rstrip("s")
    if m.group("few"):
        if unit != "day":
            return _Why("context", f"'{m.group(0).strip()}': too vague to bound")
        return _Window(p - _dt.timedelta(days=_FEW_DAYS), p - _dt.timedelta(days=2), "days",
                       f"'a few days ago' read as 2 to {_FEW_DAYS} days before publication")
    n = _number(m.group("n"))
    if n is None:
        return None
    if unit == "day":
        d = p - _dt.timedelta(days=n)
        return _Window(d, d, "day", f"{n} days before publication")
    if unit in ("week", "fortnight"):
        days = 7 * n if unit == "week" else 14 * n
        d = p - _dt.timedelta(days=days)
        return _cap(_Window(_week_start(d), _week_start(d) + _dt.timedelta(days=6), "days",
                            "the calendar week that holds the day that many weeks before publication"), ctx)
    if unit == "month":
        d = _add_months(p, -n)
        return _Window(Date(d.year, d.month, 1), _month_end(d.year, d.month), "month",
                       "the calendar month that many months before publication")
    if unit == "year":
        return _Window(Date(p.year - n, 1, 1), Date(p.year - n, 12, 31), "year", "the calendar year that many years before publication")
    return None


def _h_rolling(m: re.Match[str], ctx: _Ctx) -> _Part | None:
    """"over the past 24 hours", "the last five days", "past 3 weeks", "in recent days"."""
    unit = m.group("u").lower()
    unit = "fortnight" if unit.startswith("fortnight") else unit.rstrip("s")
    nword = m.group("n")
    few = bool(m.group("few") or m.group("recent"))
    # bare "last week/month/year" is the calendar unit before the current one, not a rolling window
    if (not nword and not few and not m.group("the") and (m.group("mod") or "").lower() == "last"
            and unit in ("week", "month", "year")):
        return None
    if ctx.pub is None:
        return _NOPUB
    p = ctx.pub
    if few:
        if unit != "day":
            return _Why("context", f"'{m.group(0).strip()}': too vague to bound")
        return _Window(p - _dt.timedelta(days=_FEW_DAYS), p, "days", f"'a few/recent days' read as the {_FEW_DAYS} days before publication")
    n = _number(nword) if nword else 1
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
        start = _add_months(p, -n)
        note = f"the {n} month(s) up to publication"
    elif unit == "year":
        start = Date(p.year - n, p.month, min(p.day, calendar.monthrange(p.year - n, p.month)[1]))
        note = f"the {n} year(s) up to publication"
    else:
        return None
    return _Window(start, p, "days", note)


def _h_this_last(m: re.Match[str], ctx: _Ctx) -> _Part | None:
    if ctx.pub is None:
        return _NOPUB
    p = ctx.pub
    mod, unit = m.group("mod").lower(), m.group("u").lower()
    if unit == "week":
        if mod == "this":
            return _Window(_week_start(p), p, "days", "this week: Monday of the publication week to publication")
        s = _week_start(p) - _dt.timedelta(days=7)
        return _Window(s, s + _dt.timedelta(days=6), "days", "last week: the Monday to Sunday before the publication week")
    if unit == "month":
        if mod == "this":
            return _Window(Date(p.year, p.month, 1), p, "month", "this month: the 1st of the publication month to publication")
        d = _add_months(p, -1)
        return _Window(Date(d.year, d.month, 1), _month_end(d.year, d.month), "month", "last month: the calendar month before publication")
    if unit == "year":
        if mod == "this":
            return _Window(Date(p.year, 1, 1), p, "year", "this year: 1 January to publication")
        return _Window(Date(p.year - 1, 1, 1), Date(p.year - 1, 12, 31), "year", "last year: the calendar year before publication")
    return None


def _h_weekend(m: re.Match[str], ctx: _Ctx) -> _Part | None:
    if ctx.pub is None:
        return _NOPUB
    p = ctx.pub
    mod = (m.group("mod") or "").lower()
    if p.weekday() == 5:
        if mod == "last":
            return _Window(p - _dt.timedelta(days=7), p - _dt.timedelta(days=6), "days", "last weekend: the Saturday and Sunday before publication")
        return _Window(p, p, "day", "the weekend: publication is its Saturday")
    if p.weekday() == 6:
        if mod == "last":
            return _Window(p - _dt.timedelta(days=8), p - _dt.timedelta(days=7), "days", "last weekend: the Saturday and Sunday before publication")
        return _Window(p - _dt.timedelta(days=1), p, "days", "the weekend: publication is its Sunday")
    if mod == "this":
        return _Why("future", "'this weekend' in a weekday article is the coming one")
    sat = p - _dt.timedelta(days=p.weekday() + 2)
    return _Window(sat, sat + _dt.timedelta(days=1), "days", "the weekend: the last Saturday and Sunday before publication")


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> _Part | None:
    if ctx.latest is None:
        return _Why("nopub", "a weekday, and no publication date to count back from")
    wd = _weekday_of(m.group("wd"))
    mod = (m.groupdict().get("mod") or "").lower()
    lw = (m.groupdict().get("lw") or "").lower()
    ref = ctx.latest
    if lw:
        if ctx.pub is None:
            return _NOPUB
        base = _week_start(ctx.pub) - (_dt.timedelta(days=7) if lw == "last" else _dt.timedelta(0))
        d = base + _dt.timedelta(days=wd)
        return _cap(_Window(d, d, "day", f"the {_WEEKDAY_NAMES[wd]} of {lw} week"), ctx)
    if mod in ("last", "past", "previous"):
        d = ref - _dt.timedelta(days=(ref.weekday() - wd - 1) % 7 + 1)
        return _Window(d, d, "day", f"'{mod} {_WEEKDAY_NAMES[wd]}': the last {_WEEKDAY_NAMES[wd]} strictly before publication")
    d = ref - _dt.timedelta(days=(ref.weekday() - wd) % 7)
    what = "publication" if ctx.latest == ctx.pub else "the end of the range"
    return _Window(d, d, "day", f"weekday: the last {_WEEKDAY_NAMES[wd]} on or before {what}")


def _h_month(m: re.Match[str], ctx: _Ctx) -> _Part | None:
    tok = m.group("mo")
    if tok.lower().startswith(("may", "mar")) and not tok[0].isupper():
        return None  # "may", "march": a verb unless capitalised
    if ctx.latest is None:
        return _Why("noyear", "a month without its year, and no publication date to take it from")
    mo = _month_of(tok)
    y = ctx.latest.year if mo <= ctx.latest.month else ctx.latest.year - 1
    w = _Window(Date(y, mo, 1), _month_end(y, mo), "month", "no year given: the latest such month that began on or before publication")
    return _cap(w, ctx)


def _h_year(m: re.Match[str], ctx: _Ctx) -> _Part | None:
    y = int(m.group("y"))
    return _cap(_Window(Date(y, 1, 1), Date(y, 12, 31), "year"), ctx, "the year")


# --------------------------------------------------------------------------- the matchers

# Anchors for "since X" and "from X to Y": date forms without named groups.
_ANCHOR = (
    r"(?:" + _WD + r",?\s+)?(?:" + _MON + r"\s+" + _DAY + r",?\s+" + _YEAR
    + r"|" + r"(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MON + r",?\s+" + _YEAR
    + r"|" + _MON + r",?\s+(?:of\s+)?" + _YEAR
    + r"|" + _MON + r"\s+" + _DAY
    + r"|" + r"(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MON
    + r"|" + _YEAR
    + r"|" + r"(?:last\s+|this\s+|past\s+)?" + _WD + r"\b"
    + r"|" + _MON
    + r"|yesterday|today|(?:this|last)\s+(?:week|month|year))"
)
_SINCE_ANCHOR = (
    r"(?:the\s+)?(?:(?:very\s+)?(?:beginning|start|middle|end)\s+of\s+)?(?:the\s+)?(?:year\s+)?"
    r"(?:" + _ANCHOR + r"|the\s+(?:year|month|week)\b)"
)


def _h_since_the_unit(m: re.Match[str], ctx: _Ctx) -> _Part:
    """"since the beginning of the year" = this year."""
    if ctx.pub is None:
        return _Why("nopub", "runs until publication, and the publication date is not known")
    p, unit = ctx.pub, m.group("u").lower()
    start = {"year": Date(p.year, 1, 1), "month": Date(p.year, p.month, 1), "week": _week_start(p)}[unit]
    return _Window(start, p, "days", f"'the {unit}' read as the publication {unit}; from its start to publication")


_MATCHERS: Final[tuple[tuple[re.Pattern[str], _Handler], ...]] = tuple(
    (re.compile(p, re.I), h)
    for p, h in (
        (r"\b(?:the\s+)?(?:19|20)\d0'?s\b", _h_decade),
        (r"\b" + _NUMW + r"[-\s](?:year|month|week|day|hour|minute)s?[-\s]long\b", _h_duration),
        (r"\b(?:\d+|" + _NUMW + r")-(?:year|month|week|day|hour|minute)(?!s)\b(?!\s+ago)", _h_duration),
        (r"\b(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?)|\b(?:[01]?\d|2[0-3]):[0-5]\d\b"
         r"|\b(?:[01]\d|2[0-3])[0-5]\d\s*(?:gmt|utc|hrs|local\s+time)\b(?:\s*[+-]\s*\d{1,2})?"
         r"|\bat\s+(?:[01]\d|2[0-3])[0-5]\d\b"
         r"|\b(?:shortly\s+|just\s+|soon\s+)?(?:after|before)\s+(?:midnight|dawn|noon|midday|sunrise|sunset|dusk|daybreak)\b", _h_clock),
        (r"\bsince\s+(?:the\s+)?(?:(?:very\s+)?(?:beginning|start)\s+of\s+)(?:the\s+)?" + _g("u", r"year|month|week") + r"\b", _h_since_the_unit),
        (r"\bsince\s+" + _g("x", _SINCE_ANCHOR), _h_since),
        (r"\b(?:from\s+|between\s+)?" + _g("m1", _MON) + r"\s+" + _g("d1", _DAY) + r"\s*(?:-|to|until|till|through|and|&)\s*"
         r"(?:" + _g("m2", _MON) + r"\s+)?" + _g("d2", _DAY) + r"(?:,?\s*" + _g("y", _YEAR) + r")?", _h_range_month),
        (r"\b(?:from\s+|between\s+)?(?:the\s+)?" + _g("d1", _DAY) + r"(?:\s+(?:of\s+)?" + _g("m1", _MON) + r")?"
         r"\s*(?:-|to|until|till|through|and|&)\s*(?:the\s+)?" + _g("d2", _DAY) + r"\s+(?:of\s+)?" + _g("m2", _MON)
         + r"(?:,?\s*" + _g("y", _YEAR) + r")?", _h_range_day_first),
        (r"\b" + _g("y", r"(?:19|20)\d{2}") + r"-" + _g("mo", r"[01]?\d") + r"-" + _g("d", r"[0-3]?\d") + r"\b", _h_iso),
        (r"\b" + _g("a", r"[0-3]?\d") + r"([./-])" + _g("b", r"[01]?\d") + r"\2" + _g("y", r"(?:19|20)\d{2}") + r"\b", _h_numeric),
        (r"\b(?:from\s+|between\s+)?" + _g("y1", r"(?:19|20)\d{2}") + r"\s*(?:-|/|to|until|till|through|and)\s*"
         + _g("y2", r"(?:19|20)\d{2}|\d{2}") + r"\b(?!-\d)", _h_year_range),
        (r"\b(?:from|between)\s+" + _g("a", _ANCHOR) + r"\s*(?:-|to|until|till|through|and)\s+" + _g("b", _ANCHOR), _h_from_to),
        (r"\b(?:" + _g("wd", _WD) + r",?\s+)?" + _g("mo", _MON) + r"\s+" + _g("d", _DAY) + r",?\s+" + _g("y", _YEAR), _h_full_mdy),
        (r"\b(?:" + _g("wd", _WD) + r",?\s+)?(?:the\s+)?" + _g("d", _DAY) + r"\s+(?:of\s+)?" + _g("mo", _MON) + r",?\s+" + _g("y", _YEAR), _h_full_mdy),
        (r"\b" + _g("mo", _MON) + r",?\s+(?:of\s+)?" + _g("y", _YEAR), _h_month_year),
        (r"\b(?:" + _g("wd", _WD) + r",?\s+)?" + _g("mo", _MON) + r"\s+" + _g("d", _DAY), _h_month_day),
        (r"\b(?:" + _g("wd", _WD) + r",?\s+)?(?:the\s+)?" + _g("d", _DAY) + r"\s+(?:of\s+)?" + _g("mo", _MON), _h_month_day),
        (r"\b(?:the\s+)?day\s+before\s+yesterday\b", _h_relative_day),
        (r"\bthe\s+same\s+(?:day|night|week|month|year|time|morning|evening|afternoon)\b"
         r"|\b(?:that|the\s+(?:following|next|previous|preceding))\s+(?:day|night|week|month|year|morning|evening|afternoon|weekend|" + _WD + r")\b"
         r"|\bthe\s+(?:day|night|week|month|year)\s+(?:before|after|earlier|later)\b"
         r"|\b(?:" + _NUMW + r"|" + _FEW + r")\s+(?:hours?|days?|weeks?|months?|years?)\s+(?:later|earlier|after|before|afterwards|on)\b"
         r"|\b(?:earlier|later)\s+(?:in|that)\s+the\s+(?:day|week|month|year)\b|\bat\s+the\s+time\b|\bthat\s+time\b"
         r"|\b(?:earlier|later)\s+(?:that|the\s+same)\s+(?:day|week|month|year)\b", _h_context),
        (r"\b(?:next|tomorrow|upcoming|coming|forthcoming|later\s+(?:this|in\s+the)\s+(?:week|month|year)|from\s+now|"
         r"in\s+the\s+(?:coming|next)|in\s+(?:" + _NUMW + r"|" + _FEW + r")\s+(?:days|weeks|months|years)(?!\s+ago))\b", _h_future),
        (r"\bovernight\s+(?:on\s+|into\s+)?" + _g("wd", _WD) + r"\b", _h_weekday),
        (r"\b(?:earlier\s+|later\s+)?(?:yesterday|today|tonight|last\s+night|overnight|this\s+(?:morning|afternoon|evening))\b", _h_relative_day),
        (r"\b(?:" + _g("n", _NUMW) + r"|" + _g("few", _FEW) + r")\s+" + _g("u", r"days?|weeks?|fortnights?|months?|years?") + r"\s+ago\b", _h_ago),
        (r"\b" + _g("wd", _WD) + r"(?:\s+(?:morning|afternoon|evening|night))?\s+(?:of\s+)?" + _g("lw", r"last|this") + r"\s+week\b", _h_weekday),
        (r"\b(?:(?:over|in|during|within|for|throughout|across)\s+)?" + _g("the", r"the\s+") + r"?(?:"
         + _g("mod", r"past|last|previous|preceding") + r"\s+(?:(?:" + _g("n", _NUMW) + r"|" + _g("few", _FEW) + r")\s+)?|"
         + _g("recent", r"recent") + r"\s+)" + _g("u", r"hours?|days?|weeks?|fortnight|months?|years?") + r"\b", _h_rolling),
        (r"\b(?:" + _NUMW + r"|" + _FEW + r")\s+(?:hours?|days?|weeks?|months?|years?)\b", _h_duration),
        (r"\b(?:earlier\s+)?" + _g("mod", r"this|last") + r"\s+" + _g("u", r"week|month|year") + r"\b", _h_this_last),
        (r"\b(?:(?:over|at|during|on)\s+)?(?:" + _g("mod", r"this|last|past") + r"\s+|the\s+)weekend\b", _h_weekend),
        (r"\b(?:" + _g("mod", r"last|this|past|previous") + r"\s+)?" + _g("wd", _WD) + r"\b"
         r"(?:\s+(?:morning|afternoon|evening|night))?(?:\s+(?:of\s+)?" + _g("lw", r"last|this") + r"\s+week\b)?", _h_weekday),
        (r"\b" + _g("mo", r"january|february|march|april|may|june|july|august|september|october|november|december"
                               r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec") + r"\b\.?", _h_month),
        (r"\b" + _g("y", r"(?:19|20)\d{2}") + r"\b(?!\s*-\s*\d)", _h_year),
    )
)

#: words left over that move the time away from what was matched ("three days before Monday")
_SHIFT_RE: Final = re.compile(r"\b(?:before|after|ago|following|prior|until|till|since|preceding|next|previous|onwards?)\b", re.I)
#: words left over that a coarser window already covers ("mid-2016", "the end of last year")
_NARROWING_RE: Final = re.compile(
    r"\b(?:early|mid|late|end|beginning|start|middle|first|second|third|last|half|quarter|summer|winter|spring|autumn|fall)\b", re.I)
_DIGIT_RE: Final = re.compile(r"\d")
_DATEISH_RE: Final = re.compile(r"\d|\b" + _MON + r"|\b" + _WD + r"|\bago\b|\byesterday\b|\btoday\b", re.I)
#: "may", "march" in lower case are verbs
_VERB_MONTHS_RE: Final = re.compile(r"\b(?:may|march)\b")
_DASHES: Final = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
                                 "\u2019": "'", "\u00a0": " ", "\u202f": " "})


def _parse_parts(text: str, ctx: _Ctx) -> tuple[list[_Part], str]:
    """The resolved parts of ``text`` in order, and the text with the matched parts blanked."""
    claimed = bytearray(len(text))
    found: list[tuple[int, _Part]] = []
    for rx, handler in _MATCHERS:
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


_PRIORITY: Final = ("future", "after", "context", "decade", "nopub", "noyear")


def _parse_text(text: str, ctx: _Ctx) -> _Window | _Why:
    """One window for ``text``, or why there is none."""
    parts, rest = _parse_parts(text, ctx)
    whys = [p for p in parts if isinstance(p, _Why)]
    windows = [p for p in parts if isinstance(p, _Window)]
    for kind in _PRIORITY:
        for w in whys:
            if w.kind == kind:
                return w
    shift = _SHIFT_RE.search(rest)
    if shift:
        return _Why("context", f"'{shift.group(0)}' relates it to another time")
    if windows and _DIGIT_RE.search(rest):
        return _Why("context", "a number in it was not read as part of a date")
    if not windows:
        if any(w.kind == "duration" for w in whys):
            return _Why("duration", "a length of time, not a date")
        if any(w.kind == "skip" for w in whys) and not _DATEISH_RE.search(rest):
            return _Why("context", "a clock time without a date")
        fb = _fallback(text, ctx)
        if fb is not None:
            return fb
        return _Why("none", "no date the rules or dateparser could read")
    if len(windows) == 1:
        only = windows[0]
        narrow = _NARROWING_RE.search(rest)
        if narrow and only.precision in ("month", "year"):
            only = dataclasses.replace(
                only, note=_join(only.note, f"'{narrow.group(0)}' not used to narrow the {only.precision}")
            )
        return only
    start = min(w.start for w in windows)
    end = max(w.end for w in windows)
    return _Window(start, end, _shape(start, end), "the union of the times listed: earliest start to latest end")


def _fallback(text: str, ctx: _Ctx) -> _Window | None:
    """dateparser for formats the rules do not read; None when it finds nothing usable."""
    if not _DATEISH_RE.search(_VERB_MONTHS_RE.sub(" ", text)):
        return None
    bases = [ctx.latest] if ctx.latest is not None else [Date(2001, 3, 14), Date(2011, 9, 27)]
    results = []
    for base in bases:
        r = _dateparser_date(text, base)
        if r is None:
            return None
        results.append(r)
    if len(set(results)) > 1:
        return None  # relative to a base we do not have
    d, period = results[0]
    if period == "day":
        w = _Window(d, d, "day", "read by dateparser")
    elif period == "month":
        w = _Window(Date(d.year, d.month, 1), _month_end(d.year, d.month), "month", "read by dateparser")
    elif period == "year":
        w = _Window(Date(d.year, 1, 1), Date(d.year, 12, 31), "year", "read by dateparser")
    else:
        return None
    if ctx.latest is not None and w.start > ctx.latest:
        return None
    capped = _cap(w, ctx)
    return capped if isinstance(capped, _Window) else None


_DP_PARSERS: dict[Date, Any] = {}


def _dateparser_date(text: str, base: Date) -> tuple[Date, str] | None:
    """(date, period) from dateparser with explicit settings (never "now"), imported lazily."""
    try:
        from dateparser.date import DateDataParser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    parser = _DP_PARSERS.get(base)
    if parser is None:
        if len(_DP_PARSERS) > 256:
            _DP_PARSERS.clear()
        parser = DateDataParser(
            languages=["en"],
            settings={
                "RELATIVE_BASE": _dt.datetime(base.year, base.month, base.day, 12, 0),
                "PREFER_DATES_FROM": "past",
                "DATE_ORDER": "DMY",
                "PREFER_DAY_OF_MONTH": "first",
                "RETURN_TIME_AS_PERIOD": True,
                "STRICT_PARSING": False,
            },
        )
        _DP_PARSERS[base] = parser
    try:
        data = parser.get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), str(data.period or "day")


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


def resolve_time(span: TimeSpan, published: Date | str | None) -> TimeSpan:
    """``span`` with ``start``/``end`` (ISO, inclusive), ``precision`` and ``note`` filled in.

    ``published`` is the publication date (a ``datetime.date``; an ISO string is accepted too),
    or None when unknown: then only absolute dates ("March 16, 2016", "in 2015") resolve.
    Returns a copy; text and offsets are unchanged.  See the module docstring for the rules.
    """
    pub = _as_date(published)
    text = span.text.translate(_DASHES)
    result = _parse_text(text, _Ctx(pub, pub))
    if isinstance(result, _Why):
        return dataclasses.replace(span, start=None, end=None, precision="unknown", note=result.reason)
    return dataclasses.replace(
        span, start=result.start.isoformat(), end=result.end.isoformat(), precision=result.precision, note=result.note
    )


# =========================================================================== public: datelines


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

    @property
    def iso(self) -> str | None:
        return self.date.isoformat() if self.date is not None else None


#: Only the top of the text is searched for a dateline.
DATELINE_CHARS: Final = 400

_WIRES = r"(?:AFP|AP|Reuters|TASS|RIA\s+Novosti|Interfax|Sputnik|SANA|IRNA|Xinhua|Anadolu|DPA|ANSA|Press\s+TV|Al\s+Jazeera|NNA|ANI|UPI|EFE|Kyodo|BBC|CNN)"
_DL_FULL: Final[tuple[re.Pattern[str], ...]] = tuple(
    re.compile(p, re.I)
    for p in (
        # "Wed 05 Apr 2017", "16 March 2016", "Saturday 21 Jun 2014"
        r"\b(?:" + _g("wd", _WDA) + r",?\s+)?" + _g("d", r"(?:[12]\d|3[01]|0?[1-9])") + r"(?:st|nd|rd|th)?\s+"
        + _g("mo", _MON) + r",?\s+" + _g("y", r"(?:19|20)\d{2}") + r"(?!\d)",
        # "April 20, 2021", "Fri Sep 27 2013", "Apr 232017" (year glued to the day)
        r"\b(?:" + _g("wd", _WDA) + r",?\s+)?" + _g("mo", _MON) + r"\s+" + _g("d", r"(?:[12]\d|3[01]|0?[1-9])")
        + r"(?:st|nd|rd|th)?(?:,?\s+|(?=(?:19|20)\d{2}(?!\d)))" + _g("y", r"(?:19|20)\d{2}") + r"(?!\d)",
        # ISO, optionally with a time
        r"\b" + _g("y", r"(?:19|20)\d{2}") + r"-" + _g("mo", r"[01]\d") + r"-" + _g("d", r"[0-3]\d") + r"(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?\S*)?",
        # "01.10.2017", "23-04-2016", "05/04/2017": day first
        r"\b" + _g("d", r"[0-3]?\d") + r"(?P<sep>[./-])" + _g("mo", r"[01]?\d") + r"(?P=sep)" + _g("y", r"(?:19|20)\d{2}") + r"(?!\d)",
    )
)
#: "MOSCOW, December 23. /TASS/.", "BEIRUT, Dec 23 (Reuters) -": a wire dateline without its year
_DL_PARTIAL: Final = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?)?,\s*"
    + _g("mo", r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
               r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
    + r"\s+" + _g("d", r"(?:[12]\d|3[01]|0?[1-9])") + r"\b(?!,?\s*\d)\.?\s*(?:/[A-Z][A-Za-z]+/|\(" + _WIRES + r"\)|[-–—])"
)
_DL_MARKER: Final = re.compile(
    r"\b(?:published|posted|date\s+of\s+publication|last\s+updated|updated|first\s+published|date|dated)"
    r"(?:\s+(?:on|at))?\s*[:\-]?\s*$", re.I)
_DL_REST_OF_LINE: Final = re.compile(
    r"[\s,|·•-]*(?:(?:at\s+)?(?:[0-2]?\d[:.]?[0-5]\d)(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s*(?:gmt|utc|[A-Z]{2,4})(?:\s*[+-]\s*\d{1,2})?)?)?"
    r"[\s,|·•-]*(?:\(updated[^)\n]*\))?\s*$", re.I)
_DL_BY_AFTER: Final = re.compile(r"\s+(?:by\s|\(?" + _WIRES + r"\b|[A-Z][a-z]+\s+" + _WIRES + r"\b)", re.I)
_DL_PREP: Final = re.compile(
    r"\b(?:on|in|since|from|until|till|to|by|of|before|after|between|and|during|at|through|around|as|than|"
    r"dated|taken|photo|picture|file)\s*,?\s*$", re.I)
_DL_WIRE_BEFORE: Final = re.compile(r"(?:\b" + _WIRES + r"\b|[A-Z]{3,}[A-Z .'’-]*,)\s*$")
_DL_PLACE_WIRE_AFTER: Final = re.compile(r"\s+[A-Z][a-z]+\s+" + _WIRES + r"\b")
_YEAR_IN_TEXT: Final = re.compile(r"(?<![\d,.])((?:19|20)\d{2})(?!\d|[,.]\d|\s*(?:utc|gmt|hrs|hours|local|people|km|kg|tons?)\b)", re.I)
_WEEKDAY_WORD: Final = re.compile(r"\b" + _g("wd", _WD) + r"\b", re.I)


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, (len(text) if e < 0 else e)


def _dateline_strength(text: str, m: re.Match[str], first: int) -> str | None:
    """Why this date is taken as the publication date ("line", "start", ...), or None if weak."""
    s, e = m.span()
    ls, le = _line_bounds(text, s)
    before = text[ls:s]
    after = text[e:le]
    if s == first:
        return "the date opens the text"
    if before.strip(" \t#*_>|") == "" and _DL_REST_OF_LINE.fullmatch(after):
        return "the date stands on a line of its own"
    if _DL_MARKER.search(before):
        return "the date follows a publication marker"
    if before.strip(" \t#*_>|") == "":
        return "the date opens a line"
    if m.groupdict().get("wd"):
        return "a date written with its weekday, as datelines are"
    if _DL_BY_AFTER.match(after) or _DL_WIRE_BEFORE.search(before) or _DL_PLACE_WIRE_AFTER.match(text, e):
        return "the date sits next to a byline or agency name"
    return None


def read_dateline(text: str, *, year: int | None = None) -> Dateline | None:
    """The publication date as the top of ``text`` gives it, or None.

    Looks only at the first :data:`DATELINE_CHARS` characters.  Reads a date that opens the text
    ("Wed 05 Apr 2017 Syria attack ..."), stands on its own line ("April 20, 2021" under a
    headline and byline), follows "Published"/"Posted on"/"Last updated at", carries its weekday
    ("AFP Saturday 21 Jun 2014"), or sits next to a wire name; ISO and day-first numeric dates
    (``01.10.2017``, ``23-04-2016``) too.  Such dates have ``guess`` False (True only if the
    weekday written with them disagrees with the date).  Failing those, the first full date in
    the head that no preposition introduces ("on", "since", ...) is taken with ``guess`` True.

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
    for rx in _DL_FULL:
        for m in rx.finditer(head):
            if m.start() < DATELINE_CHARS:
                candidates.append((m.start(), m))
    candidates.sort(key=lambda c: (c[0], -(c[1].end() - c[1].start())))
    partial = _DL_PARTIAL.search(head)
    if partial is not None and partial.start() >= DATELINE_CHARS:
        partial = None

    weak: tuple[re.Match[str], Date] | None = None
    taken_until = -1
    for start, m in candidates:
        if start < taken_until:
            continue  # a shorter reading of a date already looked at
        taken_until = m.end()
        d = _safe_date(int(m.group("y")), _month_of(m.group("mo")) if not m.group("mo").isdigit() else int(m.group("mo")), int(m.group("d")))
        if d is None:
            continue
        if partial is not None and partial.start() < start:
            break
        why = _dateline_strength(text, m, first)
        if why is not None:
            wd = m.groupdict().get("wd")
            if wd and _weekday_of(wd) != d.weekday():
                return Dateline(d, d.month, d.day, Span(m.group(0), m.start(), m.end()), True,
                                f"{why}, but its weekday does not match the date")
            return Dateline(d, d.month, d.day, Span(m.group(0), m.start(), m.end()), False, why)
        if weak is None and not _DL_PREP.search(text[max(0, start - 20):start]):
            weak = (m, d)
    if partial is not None:
        return _partial_dateline(text, partial, year)
    if weak is not None:
        m, d = weak
        return Dateline(d, d.month, d.day, Span(m.group(0), m.start(), m.end()), True,
                        "the first full date near the top, though not in a dateline's place")
    return None


def _partial_dateline(text: str, m: re.Match[str], year: int | None) -> Dateline:
    mo, dd = _month_of(m.group("mo")), int(m.group("d"))
    span = Span(m.group("mo") + text[m.end("mo"):m.end("d")], m.start("mo"), m.end("d"))
    if year is not None:
        d = _safe_date(year, mo, dd)
        return Dateline(d, mo, dd, span, True, "no year in the dateline: the year given by the caller")
    years = [int(y) for y in _YEAR_IN_TEXT.findall(text)]
    bound = max(years) if years else None
    # the weekday named in the dateline's own sentence
    lead = re.match(r"[\s./]*", text[m.end():])
    begin = m.end() + (lead.end() if lead else 0)
    end = re.search(r"[.!?](?:\s|$)", text[begin:])
    sentence = text[begin: begin + (end.end() if end else 300)]
    wdm = _WEEKDAY_WORD.search(sentence)
    if bound is None:
        return Dateline(None, mo, dd, span, True, "no year in the dateline and none in the text")
    if wdm is not None:
        wd = _weekday_of(wdm.group("wd"))
        for y in range(bound, bound + 8):
            d = _safe_date(y, mo, dd)
            if d is not None and d.weekday() == wd:
                return Dateline(d, mo, dd, span, True,
                                f"no year in the dateline: {y}, the first year from {bound} (the latest year the text "
                                f"mentions) in which it is a {_WEEKDAY_NAMES[wd]}, the weekday its sentence names")
    d = _safe_date(bound, mo, dd)
    return Dateline(d, mo, dd, span, True, f"no year in the dateline: {bound}, the latest year the text mentions")
