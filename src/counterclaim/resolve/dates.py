"""The calendar words and patterns that time resolution and dateline reading share: month and
weekday names, and a date that may not exist ("February 30")."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Final

Date = _dt.date

MONTHS: Final[dict[str, int]] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: Final[dict[str, int]] = {
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
}
WEEKDAY_NAMES: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

MON = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
)
WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
WDA = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\b\.?"

#: something in a phrase that looks like a date: a digit, a month or weekday name, "ago", "yesterday", "today"
DATEISH: Final = re.compile(r"\d|\b" + MON + r"|\b" + WD + r"|\bago\b|\byesterday\b|\btoday\b", re.I)


def group(name: str, pattern: str) -> str:
    return f"(?P<{name}>{pattern})"


def month_of(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")[:3]]


def weekday_of(token: str) -> int:
    return WEEKDAYS[token.lower().rstrip(".")[:3]]


def safe_date(y: int, m: int, d: int) -> Date | None:
    try:
        return Date(y, m, d)
    except ValueError:
        return None



__all__ = ["DATEISH", "MON", "MONTHS", "WD", "WDA", "WEEKDAYS", "WEEKDAY_NAMES", "group", "month_of", "safe_date", "weekday_of"]
