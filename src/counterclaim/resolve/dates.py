"""The calendar words and patterns that time resolution and dateline reading share: month and
weekday names as one lexicon writes them, and a date that may not exist ("February 30")."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from ..knowledge.lexicon import Lexicon

Date = _dt.date


def group(name: str, pattern: str) -> str:
    return f"(?P<{name}>{pattern})"


def alternatives(phrases: Iterable[str]) -> str:
    """Words or phrases as one group of regex alternatives, a space standing for any blanks."""
    return "(?:" + "|".join(p.replace(" ", r"\s+") for p in phrases) + ")"


@dataclass(frozen=True)
class Calendar:
    """The calendar words of one lexicon, as patterns and look-ups."""

    #: a month name or short form, with its full stop ("Sept.")
    month: str
    #: a weekday name
    weekday: str
    #: a weekday name or short form, with its full stop ("Tues.")
    weekday_any: str
    #: a day of the month, with its ordinal ending ("23rd")
    day: str
    #: something in a phrase that looks like a date: a digit, a month or weekday name, "ago", ...
    dateish: re.Pattern[str]
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    #: the weekday names as a note writes them ("Monday"), Monday first
    weekday_names: tuple[str, ...]

    def month_of(self, token: str) -> int:
        """The month a name or short form stands for ("Sept." -> 9)."""
        return self.months[token.lower().rstrip(".")]

    def weekday_of(self, token: str) -> int:
        """The weekday a name or short form stands for (Monday is 0)."""
        return self.weekdays[token.lower().rstrip(".")]


@cache
def calendar(lex: Lexicon) -> Calendar:
    """The calendar of ``lex``, built once per lexicon."""
    month = lex.month_pattern() + r"\b\.?"
    weekday = lex.weekday_pattern()
    return Calendar(
        month=month,
        weekday=weekday,
        weekday_any=lex.weekday_pattern(short=True) + r"\b\.?",
        day=r"(?:[12]\d|3[01]|0?[1-9])(?:" + "|".join(lex.time.ordinals) + r")?\b",
        dateish=re.compile(r"\d|\b" + month + r"|\b" + weekday + "".join(rf"|\b{w}\b" for w in lex.time.dateish), re.I),
        months={form: m.number for m in lex.months for form in (m.name, *m.short)},
        weekdays={form: d.number for d in lex.weekdays for form in (d.name, *d.short)},
        weekday_names=tuple(d.name.capitalize() for d in lex.weekdays),
    )


def safe_date(y: int, m: int, d: int) -> Date | None:
    try:
        return Date(y, m, d)
    except ValueError:
        return None


__all__ = ["Calendar", "Date", "alternatives", "calendar", "group", "safe_date"]
