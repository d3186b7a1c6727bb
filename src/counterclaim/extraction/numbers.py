"""Number phrases and their bounds, read from text alone: "1,093", "twenty-four", "200-300",
"dozens of", "up to", "more than" (:func:`parse_number`, :func:`parse_range`, :func:`vague_low`,
:func:`bound_of`), and the patterns that find them in a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..knowledge.lexicon import Lexicon
from ..model import Bound

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_DIGITS_RE = re.compile(rf"^{_DIGITS}$")
SPACE = re.compile(r"\s+")
YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass(frozen=True, slots=True)
class NumberPatterns:
    """The patterns built from one lexicon's number words (see :func:`patterns`)."""

    #: a number phrase: a range, a vague amount or one number, with its suffix and percent sign
    quant: re.Pattern[str]
    #: cheap pre-check: is there anything number-like in the sentence at all?
    precheck: re.Pattern[str]
    #: bound words right before the number (optionally with an opening quote in between)
    bound_before: re.Pattern[str]
    #: "out of" right before the number
    out_of: re.Pattern[str]
    range_split: re.Pattern[str]
    digits_scale: re.Pattern[str]
    scale_end: re.Pattern[str]
    #: bound word -> bound
    bound_lookup: dict[str, Bound]
    #: vague amount -> its low bound
    vague_low: dict[str, float]


def _alt(words: Iterable[str]) -> str:
    return "|".join(words)


@cache
def patterns(lex: Lexicon) -> NumberPatterns:
    """The number patterns of ``lex``, built once per lexicon."""
    w = lex.numbers
    scales = "|".join(w.scale_words)
    u = _alt(sorted(w.units, key=len, reverse=True))
    w1 = rf"(?:(?:{_alt(w.tens)})(?:[-\s](?:{_alt(w.compound_units)}))?|(?:{u}))"
    scw = rf"(?:{scales})(?:\s+(?:{w.and_word}\s+)?{w1}(?![-\s]+(?:{scales})\b)|(?=\W|$))"
    wnum = rf"(?:(?:{w1}|{w.one_article})(?:[-\s]+{scw})+|{w1})"
    dnum = rf"(?:{_DIGITS}(?:\s*(?:{_alt(w.digit_scales)})\b)?)"
    num = rf"(?:{dnum}|{wnum})"
    bound_lookup: dict[str, Bound] = {x: b for b, ws in w.bound_words.items() for x in ws}
    bound_alts = _alt(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(bound_lookup, key=len, reverse=True))
    core = rf"{w.range.replace('{num}', num)}|{w.vague}|{num}"
    return NumberPatterns(
        quant=re.compile(
            rf"(?<![\w$€£.,/@#-])(?P<core>{core})(?P<suf>{w.suffix})?(?P<pct>{w.percent})?(?![\w]|-\w|[.,]\d)",
            re.IGNORECASE,
        ),
        precheck=re.compile(rf"\d|\b(?:{u}|{_alt(w.tens)}|{_alt(w.precheck)})\b", re.IGNORECASE),
        bound_before=re.compile(rf"(?<![\w-])(?P<b>{bound_alts})\s*[\"“'‘]?\s*$", re.IGNORECASE),
        out_of=re.compile(rf"\b{w.out_of}\s*$", re.IGNORECASE),
        range_split=re.compile(rf"^{w.range_split.replace('{num}', num)}$", re.IGNORECASE),
        digits_scale=re.compile(rf"({_DIGITS})(?: ?({_alt(w.digit_scales)}))?"),
        scale_end=re.compile(rf"({_alt(w.digit_scales)})$"),
        bound_lookup=bound_lookup,
        vague_low=dict(lex.vague_lows),
    )


# --------------------------------------------------------------------------- pure helpers


def parse_number(text: str, lex: Lexicon) -> float | None:
    """The number a number phrase states, or None when ``text`` is not one number.

    Digits with thousands separators and decimals ("1,093" → 1093, "1.5" → 1.5), digits with
    a scale word ("1.5 million" → 1.5e6, "2 mln"), number words ("Two" → 2, "twenty-four"
    → 24, "one hundred and twenty" → 120, "a dozen" → 12, "two thousand five hundred" →
    2500).  Vague amounts ("dozens", "hundreds") and ranges ("200-300") are not one number
    and give None; see :func:`vague_low` and :func:`parse_range`.
    """
    t = SPACE.sub(" ", text.strip().lower())
    if not t:
        return None
    w = lex.numbers
    scales = lex.scales
    m = patterns(lex).digits_scale.fullmatch(t)
    if m:
        if not _DIGITS_RE.match(m.group(1)):
            return None
        v = float(m.group(1).replace(",", ""))
        return v * scales[m.group(2)] if m.group(2) else v
    words = [x for x in re.split(r"[\s-]+", t) if x and x != w.and_word]
    if not words:
        return None
    total, current, seen = 0.0, 0.0, False
    for i, x in enumerate(words):
        if x in w.articles and i == 0 and len(words) > 1 and words[1] in scales:
            current, seen = 1.0, True
        elif x in w.units:
            current += w.units[x]
            seen = True
        elif x in w.tens:
            current += w.tens[x]
            seen = True
        elif x in w.multiplying_scales:
            current = (current or 1.0) * scales[x]
            seen = True
        elif x in scales:  # thousand, million, billion
            total += (current or 1.0) * scales[x]
            current, seen = 0.0, True
        else:
            return None
    return total + current if seen else None


def parse_range(text: str, lex: Lexicon) -> tuple[float, float] | None:
    """``(low, high)`` of a range phrase ("200-300", "200 to 300", "between 200 and 300",
    "two or three", "1.5-2 million"), or None when ``text`` is not a range or low > high."""
    pats = patterns(lex)
    m = pats.range_split.match(SPACE.sub(" ", text.strip()))
    if not m:
        return None
    a, b = parse_number(m.group("a"), lex), parse_number(m.group("b"), lex)
    if a is None or b is None:
        return None
    # "1.5-2 million": the scale of the second number applies to the first
    sb = pats.scale_end.search(m.group("b").lower())
    if sb and not re.search(r"[a-z]$", m.group("a").lower()) and a < b / lex.scales[sb.group(1)] + 1e-9:
        a *= lex.scales[sb.group(1)]
    if a > b:
        return None
    return a, b


def vague_low(text: str, lex: Lexicon) -> float | None:
    """Lower bound of a vague amount (the lexicon's ``vague_low`` reading):
    "dozens" → 24, "hundreds" → 200, "thousands" → 2000, "several hundred" → 300,
    "a few" → 2, "tens of thousands" → 20000; None when ``text`` is not a vague amount."""
    t = SPACE.sub(" ", text.strip().lower())
    lows = patterns(lex).vague_low
    if t in lows:
        return lows[t]
    for mult_word, mult in lex.numbers.vague_multipliers.items():
        if t.startswith(mult_word + " "):
            scale = t[len(mult_word) + 1:]
            if scale in lex.scales:
                return mult * lex.scales[scale]
    return None


def bound_of(words: str, lex: Lexicon) -> Bound:
    """The bound (one of ``model.BOUNDS``) that the words around a number give it.

    ``words`` are the qualifier words, e.g. "up to" → ``high``, "almost" → ``high``,
    "more than" → ``low``, "Some" → ``approx``, "" → ``exact``, "dozens of" → ``vague``,
    "between" or "200-300" → ``range``, "-odd"/"or so" → ``approx``, "-plus"/"or more" →
    ``low``, "or fewer" → ``high``.  Unknown words give ``exact``.
    """
    t = SPACE.sub(" ", words.strip().lower()).strip("\"“”'‘’ ")
    if not t:
        return "exact"
    w = lex.numbers
    lookup = patterns(lex).bound_lookup
    if t in lookup:
        return lookup[t]
    if t in w.range_openers or parse_range(t, lex) is not None:
        return "range"
    of = " " + w.of_word
    base = t[: -len(of)].strip() if t.endswith(of) else t
    if vague_low(base, lex) is not None:
        return "vague"
    suf = t.lstrip("-").strip()
    bound = w.suffix_bounds.get(suf)
    return bound if bound is not None else "exact"



__all__ = ["NumberPatterns", "SPACE", "YEAR", "bound_of", "parse_number", "parse_range", "patterns", "vague_low"]
