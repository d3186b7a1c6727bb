"""The last resort for time phrases no rule reads: dateparser, with explicit settings (never
"now" as the base), its answer checked against publication."""

from __future__ import annotations

import datetime as _dt
import re
from functools import cache
from typing import Any

from ..knowledge.lexicon import Lexicon
from .dates import Date, calendar
from .windows import Ctx, Window, cap, month_end


@cache
def _verb_months(lex: Lexicon) -> re.Pattern[str]:
    """Month names that are verbs in lower case ("may", "march")."""
    return re.compile(r"\b(?:" + "|".join(lex.time.verb_months) + r")\b")


def fallback(text: str, ctx: Ctx, lex: Lexicon) -> Window | None:
    """dateparser (in the lexicon's language) for formats the rules do not read; None when it
    finds nothing usable."""
    if not calendar(lex).dateish.search(_verb_months(lex).sub(" ", text)):
        return None
    bases = [ctx.latest] if ctx.latest is not None else [Date(2001, 3, 14), Date(2011, 9, 27)]
    results = []
    for base in bases:
        r = dateparser_date(text, base, lex.language)
        if r is None:
            return None
        results.append(r)
    if len(set(results)) > 1:
        return None  # relative to a base we do not have
    d, period = results[0]
    if period == "day":
        w = Window(d, d, "day", "read by dateparser")
    elif period == "month":
        w = Window(Date(d.year, d.month, 1), month_end(d.year, d.month), "month", "read by dateparser")
    elif period == "year":
        w = Window(Date(d.year, 1, 1), Date(d.year, 12, 31), "year", "read by dateparser")
    else:
        return None
    if ctx.latest is not None and w.start > ctx.latest:
        return None
    capped = cap(w, ctx)
    return capped if isinstance(capped, Window) else None


_DP_PARSERS: dict[tuple[Date, str], Any] = {}


def dateparser_date(text: str, base: Date, language: str) -> tuple[Date, str] | None:
    """(date, period) from dateparser with explicit settings (never "now"), imported lazily."""
    try:
        from dateparser.date import DateDataParser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    parser = _DP_PARSERS.get((base, language))
    if parser is None:
        if len(_DP_PARSERS) > 256:
            _DP_PARSERS.clear()
        parser = DateDataParser(
            languages=[language],
            settings={
                "RELATIVE_BASE": _dt.datetime(base.year, base.month, base.day, 12, 0),
                "PREFER_DATES_FROM": "past",
                "DATE_ORDER": "DMY",
                "PREFER_DAY_OF_MONTH": "first",
                "RETURN_TIME_AS_PERIOD": True,
                "STRICT_PARSING": False,
            },
        )
        _DP_PARSERS[(base, language)] = parser
    try:
        data = parser.get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), str(data.period or "day")


__all__ = ["dateparser_date", "fallback"]
