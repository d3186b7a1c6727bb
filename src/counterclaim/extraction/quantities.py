"""Counts of violence and its results, read from one parsed sentence.

:func:`find_quantities` returns every count in a sentence that is a result or a size of
violence ("up to 200 fighters" killed, "302 sorties", "dozens of oversize tanker trucks"
destroyed) as :class:`~counterclaim.model.Quantity` objects whose ``start``/``end`` are
character offsets into the whole document text, so ``doc.text[q.start:q.end] == q.text``.

How a quantity is read
======================

1. **Number phrase** (regex over the sentence text, so offsets are exact): digits with
   thousands separators and decimals ("1,093", "1.5"), a scale word after digits
   ("1.5 million", "2 mln"), number words ("Two", "twenty-four", "one hundred and twenty",
   "a dozen"), ranges ("200-300", "200–300", "200 to 300", "two or three",
   "between 200 and 300"), vague amounts ("dozens of", "hundreds", "tens of thousands",
   "several", "a few", "a handful") and percentages ("40%", "40 percent").
2. **Bound** from the words just before the number (``_BOUND_WORDS``) or just after it
   ("200-odd", "300-plus", "200 or more"); see :func:`bound_of`.
3. **Object**: the noun the number counts (its ``nummod`` head, or the ``of`` complement of
   "dozens of ...", "one of the ..."), with the modifiers written between number and noun,
   as written and not lemmatised ("oversize tanker trucks", "terrorist-held positions").
   A unit is the object ("102,000 square kilometers" → "square kilometers"); a percentage
   keeps its ``of`` phrase ("% of the Iraqi territory", also in ``text``); when the word
   after the number is itself the measure ("388,000 dead", "30 injured") the object is None.
4. **Measure** (what happened, one of :data:`MEASURES`) from the dependency parse: the
   counted noun itself when it names the event ("302 sorties", "30 deaths", "388,000 dead"),
   a participle attached to it ("141 settlements liberated"), or the governing verb reached by
   walking up through conjuncts, appositions and a few prepositions ("including",
   "of", "on", "at", "against", "to").  Verbs are mapped by lemma lexicons; "destroyed",
   "eliminated", "neutralized" with a person object ("militants", "fighters", "civilians",
   ...) become ``killed``.  A number that is the *agent* of a transitive verb ("10 militants
   attacked a checkpoint") gets no measure.

Bounds and numeric ``value``/``low``/``high`` (the UCDP-style low/high estimate)
================================================================================

=========  ============================================  =====  =====  =====
bound      cue                                           value  low    high
=========  ============================================  =====  =====  =====
exact      bare number ("26 people")                     n      n      n
approx     about, around, some, approximately, roughly,  n      None   None
           an estimated, "200 or so", "200-odd"
low        more than, at least, over, in excess of,      n      n      None
           upwards of, no fewer than, "300-plus"
high       up to, almost, nearly, as many as, fewer      n      None   n
           than, less than, under, at most, no more than
range      "200-300", "200 to 300", "between 200 and     None   a      b
           300", "two or three"
vague      dozens, hundreds, several, a few, ...         None   conv.  None
=========  ============================================  =====  =====  =====

For ``low`` and ``high`` the ``value`` is the number as stated; only the bound it gives is
set in ``low``/``high``, the other stays open (None).  No ± margin is ever invented for
``approx``.

Vague-number convention (``low`` of a vague amount; ``high`` is always None = open):
the smallest amount the plural word literally allows, see :data:`VAGUE_LOW`:
"a few"/"a handful" 2, "several" 3, "dozens" 24, "scores" 40, "hundreds" 200,
"thousands" 2,000, "tens of thousands" 20,000, "hundreds of thousands" 200,000,
"millions" 2,000,000; "several hundred" 300, "a few thousand" 2,000 (multiplier × scale).
A bound word in front of a vague amount ("more than several hundred") is kept in ``text``
but the bound stays ``vague``.

What is not a quantity
======================

Years and dates ("2015", "May 26", "December 18-23", "March 16, 2016", a dateline
"October 29 2014 Islamic State militants ..."), clock times ("7 pm", "0830 GMT"), durations
and time phrases ("24 hours", "5 days", "three-year-long", "several times"), designators glued
to letters ("Su-24M", "Mi-8", "T4", "S-400"), ordinals (never matched), money, ages
("12-year-old"), distances ("60 kilometres from Damascus"; areas in square units are kept),
fractions ("one quarter of"), percentages unless they count territory ("40% of the Iraqi
territory" controlled), the denominator of "three out of four" (the "three" is read on its
own and kept only when a measure is found; "four zones" is dropped), and places counted as
places ("in 5 Syrian provinces", "citizens of 80 countries").  A 4-digit number 1800-2099
without a bound word is a year unless a plain plural noun follows it ("said 1801 militants
were killed" is a count, "the 2015 attacks" is not).

:func:`find_quantities` returns only quantities whose measure was determined ("the group
includes around 30,000 people" gives nothing); :func:`find_numbers` returns every candidate
that survived the non-quantity filters, measure or not, for debugging.

It runs on every sentence of a corpus, so a precompiled pre-check rejects sentences with no
digit and no number word before any parse is walked.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from counterclaim.model import Quantity

__all__ = [
    "MEASURES",
    "PERSON_NOUNS",
    "VAGUE_LOW",
    "bound_of",
    "find_numbers",
    "find_quantities",
    "find_quantities_in_doc",
    "parse_number",
    "parse_range",
    "vague_low",
]

# --------------------------------------------------------------------------- vocabulary

#: The measures a quantity can carry: what happened to the counted thing.
MEASURES: tuple[str, ...] = (
    "killed",        # kill, die, eliminate/destroy + person, "dead", "deaths", "death toll"
    "wounded",       # wound, injure, hurt, "injuries"
    "casualties",    # "casualties" (killed and wounded together)
    "missing",       # "remain missing"
    "destroyed",     # destroy, eliminate/neutralize + thing, demolish, raze, shoot down
    "damaged",       # damage
    "struck",        # hit, strike, target, bomb, shell, attack (as patient), airstrikes on N targets
    "strikes",       # N airstrikes / strikes / air raids / bombings
    "attacks",       # N attacks
    "sorties",       # N sorties, N combat flights / missions
    "fired",         # N missiles / rockets / shells fired, launched, dropped
    "liberated",     # liberate, free, retake, recapture, regain
    "captured",      # capture, seize, overrun
    "surrendered",   # surrender, defect, lay down / give up / hand over (arms)
    "recovered",     # recover, retrieve, exhume, find / pull out (bodies)
    "hospitalized",  # hospitalize, admit / take / rush to hospital
    "displaced",     # displace, flee, evacuate (people), uproot
    "detained",      # detain, arrest, abduct, kidnap
    "controlled",    # control (territory)
)

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

# verb lemma -> measure
_VERB_MEASURE: dict[str, str] = {}
for _m, _lemmas in {
    "killed": "kill die massacre slaughter execute murder slay behead assassinate perish martyr",
    "wounded": "wound injure hurt maim",
    "destroyed": "demolish raze flatten obliterate torch",
    "damaged": "damage",
    "struck": "hit strike target bomb shell pound bombard raid attack",
    "liberated": "liberate free retake recapture regain reclaim",
    "captured": "capture seize overrun",
    "surrendered": "surrender defect",
    "recovered": "recover retrieve exhume unearth",
    "hospitalized": "hospitalize hospitalise",
    "displaced": "displace flee uproot",
    "detained": "detain arrest abduct kidnap",
    "controlled": "control",
    "fired": "fire launch drop shoot lob",
}.items():
    for _l in _lemmas.split():
        _VERB_MEASURE[_l] = _m
#: destroy-like verbs: ``killed`` with a person object (or no object), else ``destroyed``
_ELIMINATE_VERBS = frozenset("eliminate neutralize neutralise liquidate annihilate exterminate destroy".split())
_ELIMINATE_DEFAULT_KILLED = frozenset("eliminate neutralize neutralise liquidate exterminate".split())
#: verbs whose subject is the one it happens to (no agent reading for nsubj)
_PATIENT_SUBJECT_VERBS = frozenset("die perish flee surrender defect remain be".split())
#: measures that a transitive verb gives its *subject* ("laid down their weapons")
_SUBJECT_MEASURES = frozenset(("surrendered",))
#: verbs that report or estimate: their complement says what happened
_REPORT_VERBS = frozenset(
    "report confirm fear believe say presume think declare list count leave estimate".split()
)
#: verbs that carry an event noun: "delivered airstrikes at 1,093 targets"
_LIGHT_VERBS = frozenset("deliver carry conduct launch make perform fly stage mount execute inflict".split())
_FIRE_OBJECTS = frozenset("missile rocket shell bomb munition projectile mortar grenade barrel".split())

# counted noun (lemma) -> measure: the noun names the event itself
_NOUN_MEASURE: dict[str, str] = {
    "sortie": "sorties",
    "airstrike": "strikes", "strike": "strikes", "raid": "strikes", "bombing": "strikes",
    "bombardment": "strikes", "airstrikes": "strikes",
    "attack": "attacks",
    "death": "killed", "fatality": "killed", "dead": "killed",
    "casualty": "casualties", "casualties": "casualties",
    "injury": "wounded", "injured": "wounded", "wounded": "wounded",
    "missing": "missing",
}
#: event nouns through which "on/at/against/of N targets" means the targets were struck
_STRIKE_NOUNS = frozenset("airstrike strike raid bombing bombardment shelling attack sortie".split())
_DEATH_NOUNS = frozenset("death killing massacre execution".split())
_INJURY_NOUNS = frozenset("injury wounding".split())
#: adjectives/participles on the counted noun that say what happened ("six displaced people")
_AMOD_MEASURE = {
    "dead": "killed", "killed": "killed", "injured": "wounded", "wounded": "wounded",
    "damaged": "damaged", "destroyed": "destroyed", "displaced": "displaced",
    "detained": "detained", "missing": "missing",
}

#: counted nouns that are persons: destroy/eliminate with these means killed
PERSON_NOUNS: frozenset[str] = frozenset(
    """militant fighter civilian people person terrorist extremist soldier troop child woman man
    insurgent jihadist rebel member gunman mercenary serviceman servicemen officer commander
    resident worker militiaman militia recruit instructor combatant islamist policeman guard
    personnel bandit radical separatist operative sniper kid boy girl infant pilot crew
    crewman marine paratrooper conscript volunteer refugee body corpse jihadi
    """.split()
)
#: counted nouns that are things: "killed" with these (a misparse) means destroyed
_MATERIEL_NOUNS = frozenset(
    """vehicle tank truck car pickup suv launcher gun cannon artillery depot cache post base
    position facility building house plant rig store warehouse bridge tunnel aircraft plane
    helicopter jet drone boat ship bunker hideout camp checkpoint weapon ammunition target""".split()
)
_TIME_NOUNS = frozenset(
    "second minute hour day night week weekend month year decade century morning evening time".split()
)
_FRACTION_NOUNS = frozenset("half quarter third fifth sixth tenth".split())
_DIRECTIONS = frozenset(
    "north south east west northeast northwest southeast southwest north-east north-west "
    "south-east south-west".split()
)
_DISTANCE_UNITS = frozenset("km kilometer kilometre mile meter metre yard foot feet m".split())
#: a distance unit followed by one of these is a distance, not a count ("1,500 km of tunnels" is)
_DISTANCE_NEXT = frozenset("from away outside inside beyond short off ( ) [ ] , . long wide deep".split())
_CLOCK_WORDS = frozenset(
    "am a.m. pm p.m. gmt utc hrs o'clock monday tuesday wednesday thursday friday "
    "saturday sunday".split()
)
_TERRITORY_NOUNS = frozenset("territory land area country province region city town district governorate".split())
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
#: prepositions a count may sit under and still be the thing the verb happened to
_PASS_PREPS = frozenset("including among at on against of to into upon toward towards".split())

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

_QUANT_RE = re.compile(
    rf"(?<![\w$€£.,/@#-])(?P<core>{_RANGE}|{_VAGUE}|{_NUM})(?P<suf>{_SUFFIX})?(?P<pct>{_PCT})?"
    rf"(?![\w]|-\w|[.,]\d)",
    re.IGNORECASE,
)
#: cheap pre-check: is there anything number-like in the sentence at all?
_PRECHECK_RE = re.compile(
    rf"\d|\b(?:{_U}|{_T}|hundred|thousand|million|dozen|dozens|hundreds|thousands|millions|"
    r"scores|several|few|handful)\b",
    re.IGNORECASE,
)

#: bound cue words, longest first within each bound (regex alternatives)
_BOUND_WORDS: dict[str, tuple[str, ...]] = {
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
_BOUND_LOOKUP: dict[str, str] = {w: b for b, ws in _BOUND_WORDS.items() for w in ws}
_BOUND_ALTS = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_BOUND_LOOKUP, key=len, reverse=True)
)
#: bound words right before the number (optionally with an opening quote in between)
_BOUND_BEFORE_RE = re.compile(rf"(?<![\w-])(?P<b>{_BOUND_ALTS})\s*[\"“'‘]?\s*$", re.IGNORECASE)
_OUT_OF_RE = re.compile(r"\bout\s+of\s*$", re.IGNORECASE)
_RANGE_SPLIT_RE = re.compile(
    rf"^(?:between\s+)?(?P<a>{_NUM})(?:\s*[-–—]\s*|\s+(?:to|or|and)\s+)(?P<b>{_NUM})$", re.IGNORECASE
)
_DIGITS_RE = re.compile(rf"^{_DIGITS}$")
_SPACE_RE = re.compile(r"\s+")
_YEAR_RE = re.compile(r"^(1[89]|20)\d\d$")

# --------------------------------------------------------------------------- pure helpers


def parse_number(text: str) -> float | None:
    """The number a number phrase states, or None when ``text`` is not one number.

    Digits with thousands separators and decimals ("1,093" → 1093, "1.5" → 1.5), digits with
    a scale word ("1.5 million" → 1.5e6, "2 mln"), number words ("Two" → 2, "twenty-four"
    → 24, "one hundred and twenty" → 120, "a dozen" → 12, "two thousand five hundred" →
    2500).  Vague amounts ("dozens", "hundreds") and ranges ("200-300") are not one number
    and give None; see :func:`vague_low` and :func:`parse_range`.
    """
    t = _SPACE_RE.sub(" ", text.strip().lower())
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
    m = _RANGE_SPLIT_RE.match(_SPACE_RE.sub(" ", text.strip()))
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
    t = _SPACE_RE.sub(" ", text.strip().lower())
    if t in VAGUE_LOW:
        return VAGUE_LOW[t]
    for mult_word, mult in _VAGUE_MULT.items():
        if t.startswith(mult_word + " "):
            scale = t[len(mult_word) + 1:]
            if scale in _SCALES:
                return mult * _SCALES[scale]
    return None


def bound_of(words: str) -> str:
    """The bound (one of ``model.BOUNDS``) that the words around a number give it.

    ``words`` are the qualifier words, e.g. "up to" → ``high``, "almost" → ``high``,
    "more than" → ``low``, "Some" → ``approx``, "" → ``exact``, "dozens of" → ``vague``,
    "between" or "200-300" → ``range``, "-odd"/"or so" → ``approx``, "-plus"/"or more" →
    ``low``, "or fewer" → ``high``.  Unknown words give ``exact``.
    """
    t = _SPACE_RE.sub(" ", words.strip().lower()).strip("\"“”'‘’ ")
    if not t:
        return "exact"
    if t in _BOUND_LOOKUP:
        return _BOUND_LOOKUP[t]
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


# --------------------------------------------------------------------------- parse walking


@dataclass(slots=True)
class _Cand:
    """A number phrase found in the text, before the parse is consulted."""

    start: int          # doc char offset of the whole text (bound words included)
    core_start: int     # doc char offset where the number words begin
    end: int            # doc char offset after the number phrase (suffix/% included)
    core: str           # the number words themselves
    bound: str
    value: float | None
    low: float | None
    high: float | None
    pct: bool


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _is_person(t: Token | None) -> bool:
    return t is not None and (_lemma(t) in PERSON_NOUNS or t.lower_ in PERSON_NOUNS)


def _has_child(t: Token, deps: tuple[str, ...], lemmas: frozenset[str] | set[str]) -> Token | None:
    for c in t.children:
        if c.dep_ in deps and _lemma(c) in lemmas:
            return c
    return None


def _to_hospital(verb: Token, preps: tuple[str, ...] = ("to", "into")) -> bool:
    """Does ``verb`` have a "to hospital" (or, with ``preps=("in",)``, "in hospital") phrase?"""
    for c in verb.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj" and _lemma(p) in ("hospital", "clinic", "infirmary"):
                    return True
    return False


def _verb_measure(verb: Token, obj: Token | None) -> str | None:
    """The measure a verb (or predicative adjective) gives the thing it happened to."""
    lem = _lemma(verb)
    prts = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    dobj = [c for c in verb.children if c.dep_ == "dobj"]
    if _has_child(verb, ("oprd", "acomp", "xcomp"), frozenset(("dead",))):
        return "killed"  # "shot dead", "left 388,000 dead", "were found dead"
    if _to_hospital(verb) and lem in ("take", "rush", "transport", "evacuate", "bring", "admit",
                                      "send", "transfer", "carry", "move"):
        return "hospitalized"
    if lem in ("remain", "stay", "be", "lie") and _to_hospital(verb, ("in",)):
        return "hospitalized"  # "3 remain in hospital"
    if (lem == "lay" and "down" in prts) or (
        lem in ("give", "hand", "put") and ({"down", "up", "over"} & prts)
        and any(_lemma(d) in ("weapon", "arm") for d in dobj)
    ):
        return "surrendered"  # "laid down their weapons", "handed over their arms"
    if lem in ("wipe", "take") and "out" in prts:
        return "killed" if obj is None or _is_person(obj) else "destroyed"
    if lem == "shoot" and "down" in prts:
        return "destroyed"
    if obj is not None and _lemma(obj) == "life" and lem in ("claim", "cost", "take", "lose", "end"):
        return "killed"  # "cost more than 500 lives"
    if lem in ("sustain", "suffer", "receive") and any(_lemma(d) in ("injury", "wound") for d in dobj):
        return "wounded"  # "three people sustained injuries"
    if lem in ("find", "pull", "dig") and obj is not None and _lemma(obj) in ("body", "corpse", "remains"):
        return "recovered"
    if lem in ("evacuate",):
        return "displaced"
    if lem in ("be", "remain", "stay", "go", "become") and _has_child(verb, ("acomp",), frozenset(("missing",))):
        return "missing"
    if lem in ("rise", "reach", "climb", "stand", "be", "hit", "jump", "increase") and any(
        c.dep_ in ("nsubj", "nsubjpass") and _lemma(c) == "toll" for c in verb.children
    ):
        return "killed"
    if lem in _ELIMINATE_VERBS:
        if obj is None:
            return "killed" if lem in _ELIMINATE_DEFAULT_KILLED else "destroyed"
        return "killed" if _is_person(obj) else "destroyed"
    m = _VERB_MEASURE.get(lem)
    if m is None and lem in _REPORT_VERBS:
        # "six people were reported killed", "are feared dead", "were confirmed killed"
        for c in verb.children:
            if c.dep_ in ("xcomp", "oprd", "acomp", "ccomp") and c.i > verb.i and c.pos_ in ("VERB", "ADJ"):
                cm = _VERB_MEASURE.get(_lemma(c)) or _AMOD_MEASURE.get(c.lower_)
                if cm is not None:
                    return cm
    if m == "fired":
        # only munitions are fired; "shot 5 people" says neither killed nor wounded
        return m if obj is not None and _lemma(obj) in _FIRE_OBJECTS else None
    if m is None and verb.pos_ == "ADJ":
        return _NOUN_MEASURE.get(lem) if lem in ("dead", "wounded", "injured", "missing") else None
    if m == "struck" and obj is not None and _lemma(obj) in _FIRE_OBJECTS:
        return None
    return m


def _noun_measure(noun: Token) -> str | None:
    lem = _lemma(noun)
    if lem == "flight":
        if any(_lemma(c) == "combat" for c in noun.lefts) or _lemma(noun.head) in _LIGHT_VERBS:
            return "sorties"
        return None
    if lem == "mission" and any(_lemma(c) in ("combat", "bombing", "strike") for c in noun.lefts):
        return "sorties"
    return _NOUN_MEASURE.get(lem) or _NOUN_MEASURE.get(noun.lower_)


def _measure(anchor: Token, obj: Token | None, depth: int = 0) -> str | None:
    """What happened to the counted thing: see the module docstring, step 4."""
    m = _measure_walk(anchor, obj, depth)
    if m == "killed" and obj is not None and _lemma(obj) in _MATERIEL_NOUNS:
        return "destroyed"  # "destroying two command posts ... seven vehicles" misattached to killed
    if m is None and obj is not None:
        for c in obj.lefts:  # "dozens of severely injured children", "six displaced people"
            if c.dep_ in ("amod", "compound") and c.lower_ in _AMOD_MEASURE:
                return _AMOD_MEASURE[c.lower_]
        if _lemma(obj) in ("body", "corpse"):
            return "recovered"  # "carted away at least 100 bodies"
    return m


def _measure_walk(anchor: Token, obj: Token | None, depth: int) -> str | None:
    head = obj if obj is not None else anchor
    if obj is not None:
        m = _noun_measure(obj)
        if m is not None:
            return m
    # a participle or relative clause on the counted noun: "141 settlements liberated"
    for c in head.children:
        if c.i > head.i and c.dep_ in ("acl", "relcl", "amod") and c.pos_ in ("VERB", "ADJ"):
            m = _verb_measure(c, obj)
            if m is not None:
                return m
    cur = head
    via_prep: str | None = None
    for _ in range(8):
        h = cur.head
        if h.i == cur.i:
            return None
        dep = cur.dep_
        if dep == "pobj":
            if h.lower_ not in _PASS_PREPS:
                return None
            via_prep = h.lower_
            cur = h
            continue
        if dep == "prep":
            if cur.lower_ not in _PASS_PREPS:
                return None
            # "including 10 civilians" -> killed ; "airstrikes on 1,093 targets" -> struck
            if h.pos_ in ("NOUN", "PROPN"):
                hl = _lemma(h)
                if via_prep in ("on", "at", "against", "of") and hl in _STRIKE_NOUNS:
                    return "struck"
                if via_prep == "of" and hl in _DEATH_NOUNS:
                    return "killed"  # "the killing of one person"
                if via_prep == "of" and hl in _INJURY_NOUNS:
                    return "wounded"  # "the injury of 40 others"
                if hl == "toll":
                    return "killed"  # "putting the death toll at at least 70"
                if via_prep == "of" and hl == "life" and _lemma(h.head) in ("claim", "take", "cost", "end"):
                    return "killed"  # "claimed the lives of 129 loyalists"
            cur = h
            if h.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
                continue
            # a verb: fall through to the verb handling below with cur = the verb
            return _measure_at_verb(h, obj, "prep", via_prep, depth)
        if h.pos_ in ("VERB", "AUX", "ADJ"):
            return _measure_at_verb(h, obj, dep, via_prep, depth)
        if h.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            if dep in ("conj", "appos", "nummod", "nmod", "npadvmod", "quantmod", "compound"):
                if dep in ("nummod", "compound", "npadvmod", "quantmod"):
                    m = _noun_measure(h)
                    if m is not None:
                        return m
                cur = h
                continue
            return None
        cur = h
    return None


def _measure_at_verb(
    verb: Token, obj: Token | None, dep: str, via_prep: str | None, depth: int = 0
) -> str | None:
    """Measure at the first verb reached from the count through relation ``dep``."""
    lem = _lemma(verb)
    if lem == "be" and dep in ("nsubj", "nsubjpass") and depth < 2:
        # "10 children were among 48 people executed": the measure of the people they are among
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "among":
                for p in c.children:
                    if p.dep_ == "pobj":
                        if _lemma(p) in _NOUN_MEASURE or p.lower_ in _NOUN_MEASURE:
                            return _NOUN_MEASURE.get(_lemma(p)) or _NOUN_MEASURE[p.lower_]  # "among the dead"
                        return _measure(p, p if p.pos_ in ("NOUN", "PROPN") else None, depth + 1)
    if dep in ("nsubj", "csubj", "expl") and lem not in _PATIENT_SUBJECT_VERBS:
        # the count is the agent ("10 militants attacked a checkpoint"), unless the verb has
        # no object, where the parser often reads an elided passive ("141 settlements ...
        # liberated") or an intransitive ("300 militants surrendered", "30 injured"), or the
        # subject is the one it happens to ("43,000 extremists laid down their weapons")
        if any(c.dep_ in ("dobj", "dative") for c in verb.children):
            m = _verb_measure(verb, obj)
            return m if m in _SUBJECT_MEASURES else None
    if dep == "prep" and via_prep in ("on", "at", "against") and lem in _LIGHT_VERBS:
        if any(c.dep_ == "dobj" and _lemma(c) in _STRIKE_NOUNS for c in verb.children):
            return "struck"
        return None
    if dep == "prep" and via_prep in ("to", "at") and any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and _lemma(c) == "toll" for c in verb.children
    ):
        return "killed"  # "the death toll rose to 45", "put the death toll at 85"
    if dep == "prep" and via_prep not in ("including", "among", "of", None):
        return None
    return _verb_measure(verb, obj)


# --------------------------------------------------------------------------- candidates


def _candidates(sent: Span, text: str) -> Iterator[_Cand]:
    """Number phrases in ``text`` (== ``sent.text``; ``Doc.text`` is rebuilt on every access,
    so the sentence text is passed around instead)."""
    base = sent.start_char
    for m in _QUANT_RE.finditer(text):
        core = m.group("core")
        cs = base + m.start("core")
        end = base + m.end()
        suf = (m.group("suf") or "").strip()
        pct = m.group("pct") is not None
        before = text[max(0, m.start() - 40):m.start()]
        if _OUT_OF_RE.search(before):
            continue  # "three out of four zones": the denominator is not a count
        start = cs
        bound = "exact"
        value = low = high = None
        vl = vague_low(core)
        rng = parse_range(core) if vl is None else None
        bm = _BOUND_BEFORE_RE.search(before)
        if vl is not None:
            bound, low = "vague", vl
            if bm:
                start = cs - (len(before) - bm.start("b"))
        elif rng is not None:
            bound = "range"
            low, high = rng
            if bm:  # "up to 200-300": keep the words, the range is the bound
                start = cs - (len(before) - bm.start("b"))
        else:
            n = parse_number(core)
            if n is None:
                continue
            if core.lower().startswith("between"):
                continue
            value = n
            if bm:  # a bound word before wins over a suffix after ("some 200-odd")
                bound = _BOUND_LOOKUP[_SPACE_RE.sub(" ", bm.group("b").lower())]
                start = cs - (len(before) - bm.start("b"))
            elif suf:
                bound = bound_of(suf)
            if bound == "exact":
                low = high = n
            elif bound == "low":
                low = n
            elif bound == "high":
                high = n
        yield _Cand(start, cs, end, core, bound, value, low, high, pct)


def _core_tokens(sent: Span, start: int, end: int) -> list[Token]:
    span = sent.doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return []
    return [t for t in span if not t.is_space]


def _anchor(tokens: list[Token]) -> Token | None:
    """The syntactic head of the number phrase: a token whose head lies outside it."""
    ids = {t.i for t in tokens}
    outside = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    if not outside:
        return None
    for t in outside:  # prefer the one that modifies a noun to its right
        if t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN"):
            return t
    return outside[-1]


#: relations a word between the number and its noun may have ("24 pickup trucks",
#: "5,500 terrorist-held positions", "dozens of severely injured children")
_PREMODIFIER_DEPS = frozenset(
    "compound amod nmod npadvmod punct advmod nummod quantmod cc conj poss case det".split()
)


def _object_of(anchor: Token, last: Token) -> tuple[Token | None, Token | None]:
    """(counted noun, first token of the object text) for the number phrase."""
    h = anchor.head
    if (
        h.i != anchor.i
        and h.i > last.i
        and anchor.dep_ in ("nummod", "quantmod", "amod", "det", "compound", "nmod", "npadvmod", "advmod")
        and h.pos_ in ("NOUN", "PROPN", "ADJ", "VERB", "NUM")
    ):
        # every token between the number and the noun must hang off the noun
        doc = anchor.doc
        between = doc[last.i + 1:h.i]
        # (only the noun's own dependents are checked: "off-road", "surface-to-surface" inside)
        if len(between) <= 8 and all(
            (t.dep_ in _PREMODIFIER_DEPS) if t.head.i == h.i else (h in list(t.ancestors)) for t in between
        ) and not any(
            (t.is_punct and t.text not in "-–")
            or (t.pos_ == "ADP" and t.whitespace_ and doc[t.i - 1].whitespace_)  # "dead in IS attack"
            for t in between
        ):
            first = between[0] if len(between) else h
            return h, _skip_function_words(first, h)
    # "dozens of oversize tanker trucks", "one of the militants", "40% of the territory"
    for c in anchor.children:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i > last.i:
            for p in c.children:
                if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN"):
                    return p, _skip_function_words(_left_modifiers_start(p), p)
    return None, None


def _left_modifiers_start(noun: Token) -> Token:
    """First token of the contiguous pre-modifiers of ``noun`` ("oversize tanker" trucks,
    "terrorist-held" positions), stopping at coordination, prepositions and commas."""
    doc = noun.doc
    first = noun
    while first.i > 0:
        t = doc[first.i - 1]
        if t.head.i != noun.i and noun not in t.ancestors:
            break
        coordinated_modifier = (
            t.dep_ in ("cc", "conj") and t.head.i != noun.i and t.head.head.i == noun.i and t.head.i < noun.i
        )  # "dead and wounded" members
        if not coordinated_modifier and t.dep_ in (
            "cc", "conj", "prep", "pobj", "appos", "relcl", "acl", "punct"
        ) and not (t.is_punct and t.text in "-–"):
            break
        first = t
    return first


def _skip_function_words(first: Token, head: Token) -> Token:
    """Move ``first`` right past determiners, pronouns and prepositions ("the", "their",
    "them"), never past ``head``: the object is written from its first content word."""
    doc = head.doc
    while first.i < head.i and not (first.whitespace_ == "" and doc[first.i + 1].text in "-–") and (
        first.pos_ in ("DET", "ADP", "PRON", "PUNCT", "CCONJ")
        or first.tag_ == "PRP$"
        or (first.head.i == head.i and (first.dep_ in ("nummod", "quantmod") or first.pos_ == "NUM"))
        or (first.head.head.i == head.i and first.head.dep_ == "nummod")
    ):
        first = doc[first.i + 1]
    return first


def _is_excluded_context(anchor: Token, tokens: list[Token], cand: _Cand, obj: Token | None) -> bool:
    """Dates, durations, years, designators, money and places-as-places."""
    doc = anchor.doc
    if any(t.ent_type_ in ("ORDINAL", "MONEY") for t in tokens):
        return True
    if obj is None and any(t.ent_type_ in ("DATE", "TIME") for t in tokens):
        return True  # NER's DATE on a number with a plain noun ("1017 militants") is overruled
    if any(t.ent_type_ == "PERCENT" for t in tokens) and not cand.pct:
        return True
    first, last = tokens[0], tokens[-1]
    if first.i > 0 and doc[first.i - 1].lower_.rstrip(".") in _MONTHS:
        return True  # "May 26", "December 18-23"
    if last.i + 1 < len(doc) and (
        doc[last.i + 1].lower_.rstrip(".") in _MONTHS or doc[last.i + 1].lower_ in _CLOCK_WORDS
    ):
        return True  # "26 May", "around 7 pm", "0830 GMT", "40 Tuesday"
    if cand.core[:1] == "0" and cand.core[1:2].isdigit():
        return True  # "0914": a clock time
    if obj is not None:
        ol = _lemma(obj)
        if ol in _TIME_NOUNS or obj.lower_.rstrip("s") in _TIME_NOUNS:
            return True  # "24 hours", "5 days", "several times"
        if ol in _FRACTION_NOUNS or ol in _DIRECTIONS:
            return True  # "one quarter of the province", "130 southeast of Deir Ezzor"
        if ol in _DISTANCE_UNITS and not any(t.lower_ == "square" for t in obj.lefts):
            nxt = doc[obj.i + 1].lower_ if obj.i + 1 < len(doc) else ""
            prev = doc[first.i - 1].text if first.i > 0 else ""
            if nxt in _DISTANCE_NEXT or nxt in _DIRECTIONS or prev == "(":
                return True  # "60 kilometres (35 miles) from Damascus", "25 km north of"
    if last.i + 2 < len(doc) and doc[last.i + 1].text in "-–" and doc[last.i + 2].lemma_.lower() in _TIME_NOUNS:
        return True  # "three-year-long"
    if cand.value is not None and _YEAR_RE.match(cand.core) and cand.start == cand.core_start and (
        obj is None
        or obj.tag_ != "NNS"
        or (first.i > 0 and doc[first.i - 1].pos_ in ("DET", "ADP", "PRON", "NUM", "PROPN"))
        or obj.like_num
        or vague_low(obj.lower_) is not None
        or (
            any(t.ent_type_ == "DATE" for t in tokens)
            and (
                first.is_sent_start
                or first.i == 0
                or doc[first.i - 1].pos_ in ("NUM", "PROPN", "PUNCT", "SPACE")
                or (last.i + 1 < len(doc) and doc[last.i + 1].is_title)
            )
        )
    ):
        # "in 2015", "2015 Syria", "the 2015 attacks", a dateline "October 29 2014 Islamic
        # State militants ..." (but "said 1801 militants were killed" is a count)
        return True
    if obj is not None and anchor.head.i == obj.i and any(
        c.dep_ == "nummod" and last.i < c.i < obj.i for c in obj.children
    ):
        return True  # "Jan 2016 Ninety-two civilians": another number is the count
    if anchor.pos_ not in ("NUM", "NOUN", "ADJ", "DET", "PRON") and anchor.tag_ != "CD":
        return True
    if anchor.lower_ == "one" and anchor.pos_ != "NUM":
        return True  # "no one", "the one"
    if anchor.head.i < anchor.i and anchor.dep_ == "nummod":
        return True  # "Resolution 2254", "Route 4", "Hill 123"
    if obj is not None and obj.dep_ == "pobj" and obj.head.lower_ in ("in", "across", "throughout", "from", "over") \
            and _lemma(obj) in _TERRITORY_NOUNS | {"village", "settlement", "location", "place"}:
        return True  # "in 5 Syrian provinces"
    return False


def _build(sent: Span, stext: str, cand: _Cand) -> Quantity | None:
    doc = sent.doc
    base = sent.start_char

    def sl(a: int, b: int) -> str:  # doc.text[a:b], read from the sentence text
        return stext[a - base:b - base]

    num_toks = _core_tokens(sent, cand.core_start, cand.end)
    if not num_toks:
        return None
    anchor = _anchor(num_toks)
    if anchor is None:
        return None
    last = num_toks[-1]
    pct_tok: Token | None = None
    if cand.pct:
        pct_tok = next((t for t in num_toks if t.text in ("%", "percent", "cent")), None)
        if pct_tok is None and last.i + 1 < len(doc) and doc[last.i + 1].text == "%":
            pct_tok = doc[last.i + 1]
        if pct_tok is None:
            return None
        anchor = pct_tok
    obj, obj_first = _object_of(anchor, last if pct_tok is None else pct_tok)
    if _is_excluded_context(anchor if pct_tok is None else num_toks[0], num_toks, cand, obj):
        return None
    end = cand.end
    obj_text: str | None = None
    if pct_tok is not None:
        # percentages count only territory: "40% of the Iraqi territory"
        if obj is None or _lemma(obj) not in _TERRITORY_NOUNS:
            return None
        end = obj.idx + len(obj.text)
        obj_text = sl(pct_tok.idx, end)
    elif obj is not None:
        end = max(end, obj.idx + len(obj.text))
        assert obj_first is not None
        obj_text = sl(obj_first.idx, obj.idx + len(obj.text))
        if obj.pos_ in ("ADJ", "VERB") or _lemma(obj) in ("dead", "wounded", "injured", "killed", "missing"):
            obj_text = None  # "388,000 dead", "30 injured": the word is the measure
    measure = _measure(anchor, obj)
    return Quantity(
        text=sl(cand.start, end),
        value=cand.value,
        low=cand.low,
        high=cand.high,
        bound=cand.bound,
        measure=measure,
        object=obj_text,
        start=cand.start,
        end=end,
    )


# --------------------------------------------------------------------------- public

#: the last document's text: ``Doc.text`` and ``Span.text`` are rebuilt token by token on
#: every access, and this runs on every sentence of a document in turn
_LAST_DOC: tuple[weakref.ref[Doc], str] | None = None


def _sent_text(sent: Span) -> str:
    """``sent.text``, sliced from a cached ``sent.doc.text``."""
    global _LAST_DOC
    doc = sent.doc
    last = _LAST_DOC
    if last is None or last[0]() is not doc:
        last = _LAST_DOC = (weakref.ref(doc), doc.text)
    return last[1][sent.start_char:sent.end_char]


def find_numbers(sent: Span) -> list[Quantity]:
    """Every count candidate in ``sent`` that is not a date, duration, designator or the like,
    with ``measure`` None when no violence measure could be determined (for debugging)."""
    stext = _sent_text(sent)
    if not _PRECHECK_RE.search(stext):
        return []
    out: list[Quantity] = []
    for cand in _candidates(sent, stext):
        q = _build(sent, stext, cand)
        if q is not None:
            out.append(q)
    return out


def find_quantities(sent: Span) -> list[Quantity]:
    """Every count in ``sent`` that is a result or size of violence, in text order.

    Offsets are character offsets into ``sent.doc.text``; only quantities whose measure was
    determined are returned (see the module docstring for the rules and conventions).
    """
    return [q for q in find_numbers(sent) if q.measure is not None]


def find_quantities_in_doc(doc: Doc) -> list[Quantity]:
    """:func:`find_quantities` over every sentence of ``doc``."""
    return [q for s in doc.sents for q in find_quantities(s)]
