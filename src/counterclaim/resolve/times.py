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

import calendar
import dataclasses
import datetime as _dt
import re
from typing import Final

from ..model import TimeSpan
from .dateparse import fallback
from .dates import DATEISH, MON, WD, WEEKDAY_NAMES, group, month_of, safe_date, weekday_of
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

_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?:19|20)\d{2}\b"
_NUMW = (
    r"(?:\d+|a\s+couple\s+of|couple\s+of|twenty-four|thirty-six|forty-eight|seventy-two|an?|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|ninety|hundred)"
)
_FEW = r"(?:a\s+few|few|several|a\s+number\s+of)"


def _day_of(token: str) -> int:
    return int(re.match(r"\d+", token).group(0))  # type: ignore[union-attr]


def _number(token: str) -> int | None:
    t = re.sub(r"\s+", " ", token.lower().strip())
    if t.isdigit():
        return int(t)
    return _NUMBER_WORDS.get(t)


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
    m1 = month_of(m.group("m1"))
    m2 = month_of(m.group("m2")) if m.group("m2") else m1
    return _day_range(m1, _day_of(m.group("d1")), m2, _day_of(m.group("d2")), m.group("y"), ctx, bool(m.group("m2")))


def _h_range_day_first(m: re.Match[str], ctx: Ctx) -> Part | None:
    """"between 18 and 23 December", "18-23 December", "28 November to 3 December"."""
    m2 = month_of(m.group("m2"))
    m1 = month_of(m.group("m1")) if m.group("m1") else m2
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
    a = _parse_text(m.group("a"), Ctx(ctx.pub, b.end))
    if isinstance(a, Why):
        return a
    if a.start > b.end:
        return None
    kept = [n for n in (a.note, b.note) if n and n.startswith("no year")][:1]
    return cap(Window(a.start, b.end, "days", join_notes("from the first to the last day of the range", *kept)), ctx)


def _weekday_check(m: re.Match[str], d: Date) -> str | None:
    wd = m.groupdict().get("wd")
    if wd and weekday_of(wd) != d.weekday():
        return f"the weekday given does not match the date ({d.isoformat()} is a {WEEKDAY_NAMES[d.weekday()]}); the date kept"
    return None


def _h_full_mdy(m: re.Match[str], ctx: Ctx) -> Part | None:
    d = safe_date(int(m.group("y")), month_of(m.group("mo")), _day_of(m.group("d")))
    if d is None:
        return impossible(m.group(0))
    return cap(Window(d, d, "day", _weekday_check(m, d)), ctx)


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
    y, mo = int(m.group("y")), month_of(m.group("mo"))
    return cap(Window(Date(y, mo, 1), month_end(y, mo), "month"), ctx)


def _h_month_day(m: re.Match[str], ctx: Ctx) -> Part | None:
    d = no_year(month_of(m.group("mo")), _day_of(m.group("d")), ctx)
    if isinstance(d, Why):
        return d
    return Window(d, d, "day", join_notes(NOTE_NO_YEAR, _weekday_check(m, d)))


def _h_relative_day(m: re.Match[str], ctx: Ctx) -> Part:
    if ctx.pub is None:
        return NOPUB
    w = re.sub(r"\s+", " ", m.group(0).lower())
    p = ctx.pub
    one = _dt.timedelta(days=1)
    if "before yesterday" in w:
        return Window(p - 2 * one, p - 2 * one, "day", "two days before publication")
    if "yesterday" in w:
        return Window(p - one, p - one, "day", "the day before publication")
    if "last night" in w:
        return Window(p - one, p - one, "day", "last night: dated to the evening before publication")
    if "overnight" in w:
        return Window(p - one, p, "days", "overnight: the night before publication, both dates")
    return Window(p, p, "day", "the publication day")


def _h_ago(m: re.Match[str], ctx: Ctx) -> Part | None:
    if ctx.pub is None:
        return NOPUB
    p, unit = ctx.pub, m.group("u").lower().rstrip("s")
    if m.group("few"):
        if unit != "day":
            return Why("context", f"'{m.group(0).strip()}': too vague to bound")
        return Window(p - _dt.timedelta(days=_FEW_DAYS), p - _dt.timedelta(days=2), "days",
                       f"'a few days ago' read as 2 to {_FEW_DAYS} days before publication")
    n = _number(m.group("n"))
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
    unit = m.group("u").lower()
    unit = "fortnight" if unit.startswith("fortnight") else unit.rstrip("s")
    nword = m.group("n")
    few = bool(m.group("few") or m.group("recent"))
    # bare "last week/month/year" is the calendar unit before the current one, not a rolling window
    if (not nword and not few and not m.group("the") and (m.group("mod") or "").lower() == "last"
            and unit in ("week", "month", "year")):
        return None
    if ctx.pub is None:
        return NOPUB
    p = ctx.pub
    if few:
        if unit != "day":
            return Why("context", f"'{m.group(0).strip()}': too vague to bound")
        return Window(p - _dt.timedelta(days=_FEW_DAYS), p, "days", f"'a few/recent days' read as the {_FEW_DAYS} days before publication")
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
        start = add_months(p, -n)
        note = f"the {n} month(s) up to publication"
    elif unit == "year":
        start = Date(p.year - n, p.month, min(p.day, calendar.monthrange(p.year - n, p.month)[1]))
        note = f"the {n} year(s) up to publication"
    else:
        return None
    return Window(start, p, "days", note)


def _h_this_last(m: re.Match[str], ctx: Ctx) -> Part | None:
    if ctx.pub is None:
        return NOPUB
    p = ctx.pub
    mod, unit = m.group("mod").lower(), m.group("u").lower()
    if unit == "week":
        if mod == "this":
            return Window(week_start(p), p, "days", "this week: Monday of the publication week to publication")
        s = week_start(p) - _dt.timedelta(days=7)
        return Window(s, s + _dt.timedelta(days=6), "days", "last week: the Monday to Sunday before the publication week")
    if unit == "month":
        if mod == "this":
            return Window(Date(p.year, p.month, 1), p, "month", "this month: the 1st of the publication month to publication")
        d = add_months(p, -1)
        return Window(Date(d.year, d.month, 1), month_end(d.year, d.month), "month", "last month: the calendar month before publication")
    if unit == "year":
        if mod == "this":
            return Window(Date(p.year, 1, 1), p, "year", "this year: 1 January to publication")
        return Window(Date(p.year - 1, 1, 1), Date(p.year - 1, 12, 31), "year", "last year: the calendar year before publication")
    return None


def _h_weekend(m: re.Match[str], ctx: Ctx) -> Part | None:
    if ctx.pub is None:
        return NOPUB
    p = ctx.pub
    mod = (m.group("mod") or "").lower()
    if p.weekday() == 5:
        if mod == "last":
            return Window(p - _dt.timedelta(days=7), p - _dt.timedelta(days=6), "days", "last weekend: the Saturday and Sunday before publication")
        return Window(p, p, "day", "the weekend: publication is its Saturday")
    if p.weekday() == 6:
        if mod == "last":
            return Window(p - _dt.timedelta(days=8), p - _dt.timedelta(days=7), "days", "last weekend: the Saturday and Sunday before publication")
        return Window(p - _dt.timedelta(days=1), p, "days", "the weekend: publication is its Sunday")
    if mod == "this":
        return Why("future", "'this weekend' in a weekday article is the coming one")
    sat = p - _dt.timedelta(days=p.weekday() + 2)
    return Window(sat, sat + _dt.timedelta(days=1), "days", "the weekend: the last Saturday and Sunday before publication")


def _h_weekday(m: re.Match[str], ctx: Ctx) -> Part | None:
    if ctx.latest is None:
        return Why("nopub", "a weekday, and no publication date to count back from")
    wd = weekday_of(m.group("wd"))
    mod = (m.groupdict().get("mod") or "").lower()
    lw = (m.groupdict().get("lw") or "").lower()
    ref = ctx.latest
    if lw:
        if ctx.pub is None:
            return NOPUB
        base = week_start(ctx.pub) - (_dt.timedelta(days=7) if lw == "last" else _dt.timedelta(0))
        d = base + _dt.timedelta(days=wd)
        return cap(Window(d, d, "day", f"the {WEEKDAY_NAMES[wd]} of {lw} week"), ctx)
    if mod in ("last", "past", "previous"):
        d = ref - _dt.timedelta(days=(ref.weekday() - wd - 1) % 7 + 1)
        return Window(d, d, "day", f"'{mod} {WEEKDAY_NAMES[wd]}': the last {WEEKDAY_NAMES[wd]} strictly before publication")
    d = ref - _dt.timedelta(days=(ref.weekday() - wd) % 7)
    what = "publication" if ctx.latest == ctx.pub else "the end of the range"
    return Window(d, d, "day", f"weekday: the last {WEEKDAY_NAMES[wd]} on or before {what}")


def _h_month(m: re.Match[str], ctx: Ctx) -> Part | None:
    tok = m.group("mo")
    if tok.lower().startswith(("may", "mar")) and not tok[0].isupper():
        return None  # "may", "march": a verb unless capitalised
    if ctx.latest is None:
        return Why("noyear", "a month without its year, and no publication date to take it from")
    mo = month_of(tok)
    y = ctx.latest.year if mo <= ctx.latest.month else ctx.latest.year - 1
    w = Window(Date(y, mo, 1), month_end(y, mo), "month", "no year given: the latest such month that began on or before publication")
    return cap(w, ctx)


def _h_year(m: re.Match[str], ctx: Ctx) -> Part | None:
    y = int(m.group("y"))
    return cap(Window(Date(y, 1, 1), Date(y, 12, 31), "year"), ctx, "the year")


# --------------------------------------------------------------------------- the matchers

# Anchors for "since X" and "from X to Y": date forms without named groups.
_ANCHOR = (
    r"(?:" + WD + r",?\s+)?(?:" + MON + r"\s+" + _DAY + r",?\s+" + _YEAR
    + r"|" + r"(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + MON + r",?\s+" + _YEAR
    + r"|" + MON + r",?\s+(?:of\s+)?" + _YEAR
    + r"|" + MON + r"\s+" + _DAY
    + r"|" + r"(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + MON
    + r"|" + _YEAR
    + r"|" + r"(?:last\s+|this\s+|past\s+)?" + WD + r"\b"
    + r"|" + MON
    + r"|yesterday|today|(?:this|last)\s+(?:week|month|year))"
)
_SINCE_ANCHOR = (
    r"(?:the\s+)?(?:(?:very\s+)?(?:beginning|start|middle|end)\s+of\s+)?(?:the\s+)?(?:year\s+)?"
    r"(?:" + _ANCHOR + r"|the\s+(?:year|month|week)\b)"
)


def _h_since_the_unit(m: re.Match[str], ctx: Ctx) -> Part:
    """"since the beginning of the year" = this year."""
    if ctx.pub is None:
        return Why("nopub", "runs until publication, and the publication date is not known")
    p, unit = ctx.pub, m.group("u").lower()
    start = {"year": Date(p.year, 1, 1), "month": Date(p.year, p.month, 1), "week": week_start(p)}[unit]
    return Window(start, p, "days", f"'the {unit}' read as the publication {unit}; from its start to publication")


_MATCHERS: Final[tuple[tuple[re.Pattern[str], Handler], ...]] = tuple(
    (re.compile(p, re.I), h)
    for p, h in (
        (r"\b(?:the\s+)?(?:19|20)\d0'?s\b", _h_decade),
        (r"\b" + _NUMW + r"[-\s](?:year|month|week|day|hour|minute)s?[-\s]long\b", _h_duration),
        (r"\b(?:\d+|" + _NUMW + r")-(?:year|month|week|day|hour|minute)(?!s)\b(?!\s+ago)", _h_duration),
        (r"\b(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?)|\b(?:[01]?\d|2[0-3]):[0-5]\d\b"
         r"|\b(?:[01]\d|2[0-3])[0-5]\d\s*(?:gmt|utc|hrs|local\s+time)\b(?:\s*[+-]\s*\d{1,2})?"
         r"|\bat\s+(?:[01]\d|2[0-3])[0-5]\d\b"
         r"|\b(?:shortly\s+|just\s+|soon\s+)?(?:after|before)\s+(?:midnight|dawn|noon|midday|sunrise|sunset|dusk|daybreak)\b", _h_clock),
        (r"\bsince\s+(?:the\s+)?(?:(?:very\s+)?(?:beginning|start)\s+of\s+)(?:the\s+)?" + group("u", r"year|month|week") + r"\b", _h_since_the_unit),
        (r"\bsince\s+" + group("x", _SINCE_ANCHOR), _h_since),
        (r"\b(?:from\s+|between\s+)?" + group("m1", MON) + r"\s+" + group("d1", _DAY) + r"\s*(?:-|to|until|till|through|and|&)\s*"
         r"(?:" + group("m2", MON) + r"\s+)?" + group("d2", _DAY) + r"(?:,?\s*" + group("y", _YEAR) + r")?", _h_range_month),
        (r"\b(?:from\s+|between\s+)?(?:the\s+)?" + group("d1", _DAY) + r"(?:\s+(?:of\s+)?" + group("m1", MON) + r")?"
         r"\s*(?:-|to|until|till|through|and|&)\s*(?:the\s+)?" + group("d2", _DAY) + r"\s+(?:of\s+)?" + group("m2", MON)
         + r"(?:,?\s*" + group("y", _YEAR) + r")?", _h_range_day_first),
        (r"\b" + group("y", r"(?:19|20)\d{2}") + r"-" + group("mo", r"[01]?\d") + r"-" + group("d", r"[0-3]?\d") + r"\b", _h_iso),
        (r"\b" + group("a", r"[0-3]?\d") + r"([./-])" + group("b", r"[01]?\d") + r"\2" + group("y", r"(?:19|20)\d{2}") + r"\b", _h_numeric),
        (r"\b(?:from\s+|between\s+)?" + group("y1", r"(?:19|20)\d{2}") + r"\s*(?:-|/|to|until|till|through|and)\s*"
         + group("y2", r"(?:19|20)\d{2}|\d{2}") + r"\b(?!-\d)", _h_year_range),
        (r"\b(?:from|between)\s+" + group("a", _ANCHOR) + r"\s*(?:-|to|until|till|through|and)\s+" + group("b", _ANCHOR), _h_from_to),
        (r"\b(?:" + group("wd", WD) + r",?\s+)?" + group("mo", MON) + r"\s+" + group("d", _DAY) + r",?\s+" + group("y", _YEAR), _h_full_mdy),
        (r"\b(?:" + group("wd", WD) + r",?\s+)?(?:the\s+)?" + group("d", _DAY) + r"\s+(?:of\s+)?" + group("mo", MON) + r",?\s+" + group("y", _YEAR), _h_full_mdy),
        (r"\b" + group("mo", MON) + r",?\s+(?:of\s+)?" + group("y", _YEAR), _h_month_year),
        (r"\b(?:" + group("wd", WD) + r",?\s+)?" + group("mo", MON) + r"\s+" + group("d", _DAY), _h_month_day),
        (r"\b(?:" + group("wd", WD) + r",?\s+)?(?:the\s+)?" + group("d", _DAY) + r"\s+(?:of\s+)?" + group("mo", MON), _h_month_day),
        (r"\b(?:the\s+)?day\s+before\s+yesterday\b", _h_relative_day),
        (r"\bthe\s+same\s+(?:day|night|week|month|year|time|morning|evening|afternoon)\b"
         r"|\b(?:that|the\s+(?:following|next|previous|preceding))\s+(?:day|night|week|month|year|morning|evening|afternoon|weekend|" + WD + r")\b"
         r"|\bthe\s+(?:day|night|week|month|year)\s+(?:before|after|earlier|later)\b"
         r"|\b(?:" + _NUMW + r"|" + _FEW + r")\s+(?:hours?|days?|weeks?|months?|years?)\s+(?:later|earlier|after|before|afterwards|on)\b"
         r"|\b(?:earlier|later)\s+(?:in|that)\s+the\s+(?:day|week|month|year)\b|\bat\s+the\s+time\b|\bthat\s+time\b"
         r"|\b(?:earlier|later)\s+(?:that|the\s+same)\s+(?:day|week|month|year)\b", _h_context),
        (r"\b(?:next|tomorrow|upcoming|coming|forthcoming|later\s+(?:this|in\s+the)\s+(?:week|month|year)|from\s+now|"
         r"in\s+the\s+(?:coming|next)|in\s+(?:" + _NUMW + r"|" + _FEW + r")\s+(?:days|weeks|months|years)(?!\s+ago))\b", _h_future),
        (r"\bovernight\s+(?:on\s+|into\s+)?" + group("wd", WD) + r"\b", _h_weekday),
        (r"\b(?:earlier\s+|later\s+)?(?:yesterday|today|tonight|last\s+night|overnight|this\s+(?:morning|afternoon|evening))\b", _h_relative_day),
        (r"\b(?:" + group("n", _NUMW) + r"|" + group("few", _FEW) + r")\s+" + group("u", r"days?|weeks?|fortnights?|months?|years?") + r"\s+ago\b", _h_ago),
        (r"\b" + group("wd", WD) + r"(?:\s+(?:morning|afternoon|evening|night))?\s+(?:of\s+)?" + group("lw", r"last|this") + r"\s+week\b", _h_weekday),
        (r"\b(?:(?:over|in|during|within|for|throughout|across)\s+)?" + group("the", r"the\s+") + r"?(?:"
         + group("mod", r"past|last|previous|preceding") + r"\s+(?:(?:" + group("n", _NUMW) + r"|" + group("few", _FEW) + r")\s+)?|"
         + group("recent", r"recent") + r"\s+)" + group("u", r"hours?|days?|weeks?|fortnight|months?|years?") + r"\b", _h_rolling),
        (r"\b(?:" + _NUMW + r"|" + _FEW + r")\s+(?:hours?|days?|weeks?|months?|years?)\b", _h_duration),
        (r"\b(?:earlier\s+)?" + group("mod", r"this|last") + r"\s+" + group("u", r"week|month|year") + r"\b", _h_this_last),
        (r"\b(?:(?:over|at|during|on)\s+)?(?:" + group("mod", r"this|last|past") + r"\s+|the\s+)weekend\b", _h_weekend),
        (r"\b(?:" + group("mod", r"last|this|past|previous") + r"\s+)?" + group("wd", WD) + r"\b"
         r"(?:\s+(?:morning|afternoon|evening|night))?(?:\s+(?:of\s+)?" + group("lw", r"last|this") + r"\s+week\b)?", _h_weekday),
        (r"\b" + group("mo", r"january|february|march|april|may|june|july|august|september|october|november|december"
                               r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec") + r"\b\.?", _h_month),
        (r"\b" + group("y", r"(?:19|20)\d{2}") + r"\b(?!\s*-\s*\d)", _h_year),
    )
)

#: words left over that move the time away from what was matched ("three days before Monday")
_SHIFT_RE: Final = re.compile(r"\b(?:before|after|ago|following|prior|until|till|since|preceding|next|previous|onwards?)\b", re.I)
#: words left over that a coarser window already covers ("mid-2016", "the end of last year")
_NARROWING_RE: Final = re.compile(
    r"\b(?:early|mid|late|end|beginning|start|middle|first|second|third|last|half|quarter|summer|winter|spring|autumn|fall)\b", re.I)
_DIGIT_RE: Final = re.compile(r"\d")
_DASHES: Final = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
                                 "\u2019": "'", "\u00a0": " ", "\u202f": " "})


def _parse_parts(text: str, ctx: Ctx) -> tuple[list[Part], str]:
    """The resolved parts of ``text`` in order, and the text with the matched parts blanked."""
    claimed = bytearray(len(text))
    found: list[tuple[int, Part]] = []
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
    shift = _SHIFT_RE.search(rest)
    if shift:
        return Why("context", f"'{shift.group(0)}' relates it to another time")
    if windows and _DIGIT_RE.search(rest):
        return Why("context", "a number in it was not read as part of a date")
    if not windows:
        if any(w.kind == "duration" for w in whys):
            return Why("duration", "a length of time, not a date")
        if any(w.kind == "skip" for w in whys) and not DATEISH.search(rest):
            return Why("context", "a clock time without a date")
        fb = fallback(text, ctx)
        if fb is not None:
            return fb
        return Why("none", "no date the rules or dateparser could read")
    if len(windows) == 1:
        only = windows[0]
        narrow = _NARROWING_RE.search(rest)
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


def resolve_time(span: TimeSpan, published: Date | str | None) -> TimeSpan:
    """``span`` with ``start``/``end`` (ISO, inclusive), ``precision`` and ``note`` filled in.

    ``published`` is the publication date (a ``datetime.date``; an ISO string is accepted too),
    or None when unknown: then only absolute dates ("March 16, 2016", "in 2015") resolve.
    Returns a copy; text and offsets are unchanged.  See the module docstring for the rules.
    """
    pub = _as_date(published)
    text = span.text.translate(_DASHES)
    result = on_calendar(_parse_text, text, Ctx(pub, pub))  # "over the past 5000 years": unknown, with a note
    if isinstance(result, Why):
        return dataclasses.replace(span, start=None, end=None, precision="unknown", note=result.reason)
    return dataclasses.replace(
        span, start=result.start.isoformat(), end=result.end.isoformat(), precision=result.precision, note=result.note
    )
