"""The time grammar of a lexicon: the patterns :mod:`.times` matches, built from the lexicon's
time words (and its month and weekday names) once per lexicon, each named by the rule of
:mod:`.times` that reads what it matches.  The structure (which phrase comes where, the digits
of a date) is here; the words are the lexicon's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ..knowledge.lexicon import Lexicon
from .dates import alternatives, calendar, group

#: the rules of :mod:`.times`, one per kind of phrase
Rule = Literal[
    "decade", "duration", "clock", "since_the_unit", "since", "range_month", "range_day_first", "iso", "numeric",
    "year_range", "from_to", "full_mdy", "month_year", "month_day", "relative_day", "context", "future", "weekday",
    "ago", "rolling", "this_last", "weekend", "month", "year",
]

_YEAR = r"(?:19|20)\d{2}\b"


@dataclass(frozen=True)
class Grammar:
    """The time patterns of one lexicon, each with the rule that reads it, in the order they
    claim text, and the words left over that change what was read."""

    matchers: tuple[tuple[re.Pattern[str], Rule], ...]
    #: words left over that move the time away from what was matched ("three days before Monday")
    shift: re.Pattern[str]
    #: words left over that a coarser window already covers ("mid-2016", "the end of last year")
    narrowing: re.Pattern[str]
    #: the months whose lower-case names are verbs ("may", "march")
    verb_months: frozenset[int]


def _anchor(lex: Lexicon) -> str:
    """Date forms without named groups, for "since X" and "from X to Y"."""
    w, cal = lex.time, calendar(lex)
    mon, wd, day = cal.month, cal.weekday, cal.day
    the, of = w.the, w.of
    return (
        r"(?:" + wd + r",?\s+)?(?:" + mon + r"\s+" + day + r",?\s+" + _YEAR
        + r"|" + rf"(?:{the}\s+)?" + day + rf"\s+(?:{of}\s+)?" + mon + r",?\s+" + _YEAR
        + r"|" + mon + rf",?\s+(?:{of}\s+)?" + _YEAR
        + r"|" + mon + r"\s+" + day
        + r"|" + rf"(?:{the}\s+)?" + day + rf"\s+(?:{of}\s+)?" + mon
        + r"|" + _YEAR
        + r"|" + "(?:" + "".join(rf"{x}\s+|" for x in w.anchor_mods)[:-1] + ")?" + wd + r"\b"
        + r"|" + mon
        + r"|" + "|".join(w.anchor_days) + r"|" + alternatives(w.this_last) + r"\s+" + alternatives(w.calendar_units) + ")"
    )


def _words(*phrases: str) -> str:
    return "|".join(phrases)


@cache
def grammar(lex: Lexicon) -> Grammar:
    """The time patterns of ``lex``, built once per lexicon."""
    w, cal = lex.time, calendar(lex)
    mon, wd, day = cal.month, cal.weekday, cal.day
    the, of = w.the, w.of
    numw = r"(?:\d+|" + "|".join(n.replace(" ", r"\s+") for n in w.numbers) + ")"
    few = alternatives(w.few)
    opener = r"(?:" + "".join(rf"{x}\s+|" for x in w.range_openers)[:-1] + ")?"
    joins = "|".join(w.range_joins)
    lengths = _words(*w.length_units)
    units = alternatives(w.calendar_units)
    anchor = _anchor(lex)
    since_anchor = (
        rf"(?:{the}\s+)?(?:(?:{w.very}\s+)?{alternatives(w.period_points)}\s+{of}\s+)?(?:{the}\s+)?(?:{w.year}\s+)?"
        r"(?:" + anchor + rf"|{the}\s+{units}\b)"
    )
    slots = {"num": numw, "few": few, "weekday": wd, "month": mon}
    patterns: tuple[tuple[str, Rule], ...] = (
        (rf"\b(?:{the}\s+)?(?:19|20)\d0'?s\b", "decade"),
        (r"\b" + numw + rf"[-\s](?:{lengths})s?[-\s]{w.long}\b", "duration"),
        (r"\b(?:\d+|" + numw + rf")-(?:{lengths})(?!s)\b(?!\s+{w.ago})", "duration"),
        (rf"\b(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:{w.meridiem})|\b(?:[01]?\d|2[0-3]):[0-5]\d\b"
         rf"|\b(?:[01]\d|2[0-3])[0-5]\d\s*(?:{w.zones})\b(?:\s*[+-]\s*\d{{1,2}})?"
         rf"|\b{w.at}\s+(?:[01]\d|2[0-3])[0-5]\d\b"
         r"|\b(?:" + "".join(rf"{x}\s+|" for x in w.clock_approx)[:-1] + r")?" + alternatives(w.before_after)
         + r"\s+" + alternatives(w.day_marks) + r"\b", "clock"),
        (rf"\b{w.since}\s+(?:{the}\s+)?(?:(?:{w.very}\s+)?{alternatives(w.since_starts)}\s+{of}\s+)(?:{the}\s+)?"
         + group("u", _words(*w.calendar_units)) + r"\b", "since_the_unit"),
        (rf"\b{w.since}\s+" + group("x", since_anchor), "since"),
        (r"\b" + opener + group("m1", mon) + r"\s+" + group("d1", day) + rf"\s*(?:-|{joins}|&)\s*"
         r"(?:" + group("m2", mon) + r"\s+)?" + group("d2", day) + r"(?:,?\s*" + group("y", _YEAR) + r")?", "range_month"),
        (r"\b" + opener + rf"(?:{the}\s+)?" + group("d1", day) + rf"(?:\s+(?:{of}\s+)?" + group("m1", mon) + r")?"
         rf"\s*(?:-|{joins}|&)\s*(?:{the}\s+)?" + group("d2", day) + rf"\s+(?:{of}\s+)?" + group("m2", mon)
         + r"(?:,?\s*" + group("y", _YEAR) + r")?", "range_day_first"),
        (r"\b" + group("y", r"(?:19|20)\d{2}") + r"-" + group("mo", r"[01]?\d") + r"-" + group("d", r"[0-3]?\d") + r"\b", "iso"),
        (r"\b" + group("a", r"[0-3]?\d") + r"([./-])" + group("b", r"[01]?\d") + r"\2" + group("y", r"(?:19|20)\d{2}") + r"\b", "numeric"),
        (r"\b" + opener + group("y1", r"(?:19|20)\d{2}") + rf"\s*(?:-|/|{joins})\s*"
         + group("y2", r"(?:19|20)\d{2}|\d{2}") + r"\b(?!-\d)", "year_range"),
        (r"\b" + alternatives(w.range_openers) + r"\s+" + group("a", anchor) + rf"\s*(?:-|{joins})\s+" + group("b", anchor), "from_to"),
        (r"\b(?:" + group("wd", wd) + r",?\s+)?" + group("mo", mon) + r"\s+" + group("d", day) + r",?\s+" + group("y", _YEAR), "full_mdy"),
        (r"\b(?:" + group("wd", wd) + rf",?\s+)?(?:{the}\s+)?" + group("d", day) + rf"\s+(?:{of}\s+)?" + group("mo", mon) + r",?\s+" + group("y", _YEAR), "full_mdy"),
        (r"\b" + group("mo", mon) + rf",?\s+(?:{of}\s+)?" + group("y", _YEAR), "month_year"),
        (r"\b(?:" + group("wd", wd) + r",?\s+)?" + group("mo", mon) + r"\s+" + group("d", day), "month_day"),
        (r"\b(?:" + group("wd", wd) + rf",?\s+)?(?:{the}\s+)?" + group("d", day) + rf"\s+(?:{of}\s+)?" + group("mo", mon), "month_day"),
        (r"\b" + w.day_before_yesterday + r"\b", "relative_day"),
        (w.context.format(**slots), "context"),
        (w.future.format(**slots), "future"),
        (r"\b" + w.overnight_weekday + group("wd", wd) + r"\b", "weekday"),
        (r"\b" + w.relative_day + r"\b", "relative_day"),
        (r"\b(?:" + group("n", numw) + r"|" + group("few", few) + r")\s+" + group("u", w.ago_units) + rf"\s+{w.ago}\b", "ago"),
        (r"\b" + group("wd", wd) + r"(?:\s+" + alternatives(w.dayparts) + rf")?\s+(?:{of}\s+)?" + group("lw", _words(*w.this_last))
         + rf"\s+{w.week}\b", "weekday"),
        (r"\b(?:" + alternatives(w.rolling_preps) + r"\s+)?" + group("the", rf"{the}\s+") + r"?(?:"
         + group("mod", _words(*w.rolling_mods)) + r"\s+(?:(?:" + group("n", numw) + r"|" + group("few", few) + r")\s+)?|"
         + group("recent", w.recent) + r"\s+)" + group("u", w.rolling_units) + r"\b", "rolling"),
        (r"\b(?:" + numw + r"|" + few + r")\s+(?:" + w.count_units + r")\b", "duration"),
        (rf"\b(?:{w.earlier}\s+)?" + group("mod", _words(*w.this_last)) + r"\s+" + group("u", _words(*w.calendar_units)) + r"\b", "this_last"),
        (r"\b(?:" + alternatives(w.weekend_preps) + r"\s+)?(?:" + group("mod", _words(*w.weekend_mods)) + rf"\s+|{the}\s+){w.weekend}\b", "weekend"),
        (r"\b(?:" + group("mod", _words(*w.weekday_mods)) + r"\s+)?" + group("wd", wd) + r"\b"
         r"(?:\s+" + alternatives(w.dayparts) + rf")?(?:\s+(?:{of}\s+)?" + group("lw", _words(*w.this_last)) + rf"\s+{w.week}\b)?", "weekday"),
        (r"\b" + group("mo", lex.month_pattern()) + r"\b\.?", "month"),
        (r"\b" + group("y", r"(?:19|20)\d{2}") + r"\b(?!\s*-\s*\d)", "year"),
    )
    return Grammar(
        matchers=tuple((re.compile(p, re.I), h) for p, h in patterns),
        shift=re.compile(r"\b" + alternatives(w.shift) + r"\b", re.I),
        narrowing=re.compile(r"\b" + alternatives(w.narrowing) + r"\b", re.I),
        verb_months=frozenset(cal.months[v] for v in w.verb_months if v in cal.months),
    )


__all__ = ["Grammar", "Rule", "grammar"]
