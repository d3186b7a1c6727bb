"""Number phrases and their bounds, read from text alone: "1,093", "twenty-four", "200-300",
"dozens of", "up to", "more than" (:func:`parse_number`, :func:`parse_range`, :func:`vague_low`,
:func:`bound_of`), and the patterns that find them in a sentence."""

from __future__ import annotations

import re

from ..model import Bound

#: Lower bound of a vague amount (the smallest amount the word literally allows).
VAGUE_LOW: dict[str, float] = {
    "a handful": 2.0,
    "a few": 2.0,
    "several": 3.0,
    "dozens": 24.0,
    "scores": 40.0,
    "hundreds": 200.0,
    "thousands": 2000.0,
    "millions": 2_000_000.0,
    "tens of thousands": 20_000.0,
    "hundreds of thousands": 200_000.0,
    "tens of millions": 20_000_000.0,
    "hundreds of millions": 200_000_000.0,
}
_VAGUE_MULT = {"a few": 2.0, "several": 3.0}

# --------------------------------------------------------------------------- regexes

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {
    "hundred": 100, "thousand": 1000, "million": 1_000_000, "mln": 1_000_000,
    "billion": 1_000_000_000, "bln": 1_000_000_000, "dozen": 12,
}

_U = "|".join(sorted(_UNITS, key=len, reverse=True))
_U19 = "one|two|three|four|five|six|seven|eight|nine"
_T = "|".join(_TENS)
_W1 = rf"(?:(?:{_T})(?:[-\s](?:{_U19}))?|(?:{_U}))"
_SCW = rf"(?:hundred|thousand|million|billion|dozen)(?:\s+(?:and\s+)?{_W1}(?![-\s]+(?:hundred|thousand|million|billion|dozen)\b)|(?=\W|$))"
_WNUM = rf"(?:(?:{_W1}|a)(?:[-\s]+{_SCW})+|{_W1})"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_DNUM = rf"(?:{_DIGITS}(?:\s*(?:hundred|thousand|million|billion|mln|bln)\b)?)"
_NUM = rf"(?:{_DNUM}|{_WNUM})"
_RANGE = (
    rf"(?:between\s+{_NUM}\s+and\s+{_NUM}"
    rf"|{_NUM}\s*[-–—]\s*{_NUM}"
    rf"|{_NUM}\s+(?:to|or)\s+(?!(?:more|less|fewer|so)\b){_NUM})"
)
_VAGUE = (
    r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)"
    r"|hundreds|thousands|millions|dozens|scores(?=\s+of\b)"
    r"|(?:several|a\s+few)(?:\s+(?:dozen|hundred|thousand|million))?"
    r"|a\s+handful)"
)
_SUFFIX = r"(?:\s*-\s*(?:odd|plus)\b|\+|\s+or\s+(?:more|so|less|fewer)\b)"
_PCT = r"(?:\s*%|\s+(?:percent|per\s+cent)\b)"

QUANT = re.compile(
    rf"(?<![\w$€£.,/@#-])(?P<core>{_RANGE}|{_VAGUE}|{_NUM})(?P<suf>{_SUFFIX})?(?P<pct>{_PCT})?"
    rf"(?![\w]|-\w|[.,]\d)",
    re.IGNORECASE,
)
#: cheap pre-check: is there anything number-like in the sentence at all?
PRECHECK = re.compile(
    rf"\d|\b(?:{_U}|{_T}|hundred|thousand|million|dozen|dozens|hundreds|thousands|millions|"
    r"scores|several|few|handful)\b",
    re.IGNORECASE,
)

#: bound cue words, longest first within each bound (regex alternatives)
_BOUND_WORDS: dict[Bound, tuple[str, ...]] = {
    "low": (
        "no fewer than", "no less than", "not less than", "in excess of", "a minimum of",
        "upwards of", "well over", "just over", "more than", "at least", "over", "above",
        "exceeding", "greater than",
    ),
    "high": (
        "no more than", "not more than", "a maximum of", "as many as", "fewer than",
        "less than", "just under", "close to", "up to", "almost", "nearly", "under",
        "at most", "below", "as much as",
    ),
    "approx": (
        "approximately", "an estimated", "roughly", "around", "about", "circa", "approx.",
        "estimated", "some", "c.",
    ),
}
BOUND_LOOKUP: dict[str, Bound] = {w: b for b, ws in _BOUND_WORDS.items() for w in ws}
_BOUND_ALTS = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(BOUND_LOOKUP, key=len, reverse=True)
)
#: bound words right before the number (optionally with an opening quote in between)
BOUND_BEFORE = re.compile(rf"(?<![\w-])(?P<b>{_BOUND_ALTS})\s*[\"“'‘]?\s*$", re.IGNORECASE)
OUT_OF = re.compile(r"\bout\s+of\s*$", re.IGNORECASE)
_RANGE_SPLIT_RE = re.compile(
    rf"^(?:between\s+)?(?P<a>{_NUM})(?:\s*[-–—]\s*|\s+(?:to|or|and)\s+)(?P<b>{_NUM})$", re.IGNORECASE
)
_DIGITS_RE = re.compile(rf"^{_DIGITS}$")
SPACE = re.compile(r"\s+")
YEAR = re.compile(r"^(1[89]|20)\d\d$")

# --------------------------------------------------------------------------- pure helpers


def parse_number(text: str) -> float | None:
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
    m = re.fullmatch(rf"({_DIGITS})(?: ?(hundred|thousand|million|billion|mln|bln))?", t)
    if m:
        if not _DIGITS_RE.match(m.group(1)):
            return None
        v = float(m.group(1).replace(",", ""))
        return v * _SCALES[m.group(2)] if m.group(2) else v
    words = [w for w in re.split(r"[\s-]+", t) if w and w != "and"]
    if not words:
        return None
    total, current, seen = 0.0, 0.0, False
    for i, w in enumerate(words):
        if w in ("a", "an") and i == 0 and len(words) > 1 and words[1] in _SCALES:
            current, seen = 1.0, True
        elif w in _UNITS:
            current += _UNITS[w]
            seen = True
        elif w in _TENS:
            current += _TENS[w]
            seen = True
        elif w in ("hundred", "dozen"):
            current = (current or 1.0) * _SCALES[w]
            seen = True
        elif w in _SCALES:  # thousand, million, billion
            total += (current or 1.0) * _SCALES[w]
            current, seen = 0.0, True
        else:
            return None
    return total + current if seen else None


def parse_range(text: str) -> tuple[float, float] | None:
    """``(low, high)`` of a range phrase ("200-300", "200 to 300", "between 200 and 300",
    "two or three", "1.5-2 million"), or None when ``text`` is not a range or low > high."""
    m = _RANGE_SPLIT_RE.match(SPACE.sub(" ", text.strip()))
    if not m:
        return None
    a, b = parse_number(m.group("a")), parse_number(m.group("b"))
    if a is None or b is None:
        return None
    # "1.5-2 million": the scale of the second number applies to the first
    sb = re.search(r"(hundred|thousand|million|billion|mln|bln)$", m.group("b").lower())
    if sb and not re.search(r"[a-z]$", m.group("a").lower()) and a < b / _SCALES[sb.group(1)] + 1e-9:
        a *= _SCALES[sb.group(1)]
    if a > b:
        return None
    return a, b


def vague_low(text: str) -> float | None:
    """Lower bound of a vague amount under the module convention (:data:`VAGUE_LOW`):
    "dozens" → 24, "hundreds" → 200, "thousands" → 2000, "several hundred" → 300,
    "a few" → 2, "tens of thousands" → 20000; None when ``text`` is not a vague amount."""
    t = SPACE.sub(" ", text.strip().lower())
    if t in VAGUE_LOW:
        return VAGUE_LOW[t]
    for mult_word, mult in _VAGUE_MULT.items():
        if t.startswith(mult_word + " "):
            scale = t[len(mult_word) + 1:]
            if scale in _SCALES:
                return mult * _SCALES[scale]
    return None


def bound_of(words: str) -> Bound:
    """The bound (one of ``model.BOUNDS``) that the words around a number give it.

    ``words`` are the qualifier words, e.g. "up to" → ``high``, "almost" → ``high``,
    "more than" → ``low``, "Some" → ``approx``, "" → ``exact``, "dozens of" → ``vague``,
    "between" or "200-300" → ``range``, "-odd"/"or so" → ``approx``, "-plus"/"or more" →
    ``low``, "or fewer" → ``high``.  Unknown words give ``exact``.
    """
    t = SPACE.sub(" ", words.strip().lower()).strip("\"“”'‘’ ")
    if not t:
        return "exact"
    if t in BOUND_LOOKUP:
        return BOUND_LOOKUP[t]
    if t in ("between",) or parse_range(t) is not None:
        return "range"
    base = t[:-3].strip() if t.endswith(" of") else t
    if vague_low(base) is not None:
        return "vague"
    suf = t.lstrip("-").strip()
    if suf in ("odd", "or so"):
        return "approx"
    if suf in ("plus", "+", "or more"):
        return "low"
    if suf in ("or less", "or fewer"):
        return "high"
    return "exact"



__all__ = ["BOUND_BEFORE", "BOUND_LOOKUP", "OUT_OF", "PRECHECK", "QUANT", "SPACE", "VAGUE_LOW", "YEAR", "bound_of", "parse_number", "parse_range", "vague_low"]
