"""Calendar windows and the reasons a time stays unknown: what every time rule returns, and the
calendar arithmetic the rules share."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from ..knowledge.lexicon import Lexicon
from ..model import TimePrecision
from .dates import Date, safe_date

#: why a part of a time phrase gives no window (see :class:`Why`)
WhyKind = Literal["future", "after", "context", "decade", "nopub", "noyear", "duration", "skip", "none", "impossible",
                  "calendar"]


def month_end(y: int, m: int) -> Date:
    return Date(y, m, calendar.monthrange(y, m)[1])


def add_months(d: Date, n: int) -> Date:
    """``d`` moved by ``n`` calendar months, the day clipped to the month's length."""
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return Date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def week_start(d: Date) -> Date:
    return d - _dt.timedelta(days=d.weekday())


def latest_with_year(m: int, d: int, latest: Date) -> Date | None:
    """The latest real date ``m``/``d`` on or before ``latest`` (Feb 29 looks back 8 years)."""
    for y in range(latest.year, latest.year - 9, -1):
        x = safe_date(y, m, d)
        if x is not None and x <= latest:
            return x
    return None


def shape(start: Date, end: Date) -> TimePrecision:
    """The precision a bare window has: one day, one calendar month, one calendar year, or days."""
    if start == end:
        return "day"
    if start.day == 1 and end == month_end(start.year, start.month):
        return "month"
    if (start.month, start.day) == (1, 1) and (end.year, end.month, end.day) == (start.year, 12, 31):
        return "year"
    return "days"




@dataclass(frozen=True, slots=True)
class Window:
    start: Date
    end: Date
    precision: TimePrecision
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Why:
    """Why a part cannot be resolved.  ``kind``: future, context, duration, decade, after,
    nopub (relative but no publication date), noyear, skip (a clock time: no date at all),
    impossible (a date the calendar does not have), calendar (off the calendar's years 1-9999)."""

    kind: WhyKind
    reason: str


@dataclass(frozen=True, slots=True)
class Ctx:
    #: the publication date, the base of every relative word
    pub: Date | None
    #: the latest the date may be: publication, or the end of a range's later half
    latest: Date | None
    #: the lexicon the phrase is read with
    lex: Lexicon


Part = Window | Why
Handler = Callable[["re.Match[str]", Ctx], "Part | None"]

NOPUB = Why("nopub", "relative to publication, and the publication date is not known")


def cap(w: Window, ctx: Ctx, what: str = "the date") -> Part:
    """No event after publication: a window starting after it is a plan (or an error), one
    running past it is cut at publication."""
    if ctx.pub is None:
        return w
    if w.start > ctx.pub:
        return Why("after", f"{what} is after the publication date ({ctx.pub.isoformat()}): a plan or an error")
    if w.end > ctx.pub:
        return dataclasses.replace(w, end=ctx.pub, note=join_notes(w.note, "cut at publication"))
    return w


def impossible(text: str) -> Why:
    """A date the calendar does not have ("February 30, 2017"): said, not silently unknown."""
    return Why("impossible", f"'{text.strip()}' is not a date on the calendar")


def on_calendar(parse: Callable[..., Part], *args: Any) -> Part:
    """``parse(*args)``, or, when its window leaves the calendar ("over the past 5000 years",
    "yesterday" published on 0001-01-01), why there is none."""
    try:
        return parse(*args)
    except (ValueError, OverflowError) as exc:
        return Why("calendar", f"cannot be placed on the calendar (years 1 to 9999): {exc}")


def join_notes(*notes: str | None) -> str | None:
    parts = [n for n in notes if n]
    return "; ".join(parts) if parts else None


def no_year(m: int, d: int, ctx: Ctx) -> Date | Why:
    if ctx.latest is None:
        return Why("noyear", "no year given and no publication date to take it from")
    x = latest_with_year(m, d, ctx.latest)
    if x is None:
        return Why("noyear", "not a real date")
    return x


NOTE_NO_YEAR = "no year given: the latest year that keeps it on or before publication"


__all__ = [
    "NOPUB", "NOTE_NO_YEAR", "Ctx", "Handler", "Part", "Why", "WhyKind", "Window", "add_months", "cap",
    "impossible", "join_notes", "latest_with_year", "month_end", "no_year", "on_calendar", "shape", "week_start",
]
