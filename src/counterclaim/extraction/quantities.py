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
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..knowledge.lexicon import Lexicon
from ..model import Bound, Quantity

from .measures import lemma, measure_of
from .numbers import SPACE, YEAR, bound_of, parse_number, parse_range, patterns, vague_low

__all__ = ["find_numbers", "find_quantities", "find_quantities_in_doc"]

# --------------------------------------------------------------------------- candidates

@dataclass(slots=True)
class _Cand:
    """A number phrase found in the text, before the parse is consulted."""

    start: int          # doc char offset of the whole text (bound words included)
    core_start: int     # doc char offset where the number words begin
    end: int            # doc char offset after the number phrase (suffix/% included)
    core: str           # the number words themselves
    bound: Bound
    value: float | None
    low: float | None
    high: float | None
    pct: bool




def _candidates(sent: Span, text: str, lex: Lexicon) -> Iterator[_Cand]:
    """Number phrases in ``text`` (== ``sent.text``; ``Doc.text`` is rebuilt on every access,
    so the sentence text is passed around instead)."""
    base = sent.start_char
    pats = patterns(lex)
    for m in pats.quant.finditer(text):
        core = m.group("core")
        cs = base + m.start("core")
        end = base + m.end()
        suf = (m.group("suf") or "").strip()
        pct = m.group("pct") is not None
        before = text[max(0, m.start() - 40):m.start()]
        if pats.out_of.search(before):
            continue  # "three out of four zones": the denominator is not a count
        start = cs
        bound: Bound = "exact"
        value = low = high = None
        vl = vague_low(core, lex)
        rng = parse_range(core, lex) if vl is None else None
        bm = pats.bound_before.search(before)
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
            n = parse_number(core, lex)
            if n is None:
                continue
            if core.lower().startswith(lex.numbers.range_openers):
                continue
            value = n
            if bm:  # a bound word before wins over a suffix after ("some 200-odd")
                bound = pats.bound_lookup[SPACE.sub(" ", bm.group("b").lower())]
                start = cs - (len(before) - bm.start("b"))
            elif suf:
                bound = bound_of(suf, lex)
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


def _object_of(anchor: Token, last: Token, lex: Lexicon) -> tuple[Token | None, Token | None]:
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
        if c.dep_ == "prep" and c.lower_ == lex.quantities.of and c.i > last.i:
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


def _is_excluded_context(anchor: Token, tokens: list[Token], cand: _Cand, obj: Token | None, lex: Lexicon) -> bool:
    """Dates, durations, years, designators, money and places-as-places."""
    w = lex.quantities
    months = lex.month_words
    weekdays = {d.name for d in lex.weekdays}
    doc = anchor.doc
    if any(t.ent_type_ in ("ORDINAL", "MONEY") for t in tokens):
        return True
    if obj is None and any(t.ent_type_ in ("DATE", "TIME") for t in tokens):
        return True  # NER's DATE on a number with a plain noun ("1017 militants") is overruled
    if any(t.ent_type_ == "PERCENT" for t in tokens) and not cand.pct:
        return True
    first, last = tokens[0], tokens[-1]
    if first.i > 0 and doc[first.i - 1].lower_.rstrip(".") in months:
        return True  # "May 26", "December 18-23"
    if last.i + 1 < len(doc) and (
        doc[last.i + 1].lower_.rstrip(".") in months or doc[last.i + 1].lower_ in w.clock_words
        or doc[last.i + 1].lower_ in weekdays
    ):
        return True  # "26 May", "around 7 pm", "0830 GMT", "40 Tuesday"
    if cand.core[:1] == "0" and cand.core[1:2].isdigit():
        return True  # "0914": a clock time
    if obj is not None:
        ol = lemma(obj)
        if ol in w.time_nouns or obj.lower_.rstrip("s") in w.time_nouns:
            return True  # "24 hours", "5 days", "several times"
        if ol in w.fraction_nouns or ol in lex.direction_words:
            return True  # "one quarter of the province", "130 southeast of Deir Ezzor"
        if ol in w.distance_units and not any(t.lower_ == w.area_word for t in obj.lefts):
            nxt = doc[obj.i + 1].lower_ if obj.i + 1 < len(doc) else ""
            prev = doc[first.i - 1].text if first.i > 0 else ""
            if nxt in w.distance_next or nxt in lex.direction_words or prev == "(":
                return True  # "60 kilometres (35 miles) from Damascus", "25 km north of"
    if last.i + 2 < len(doc) and doc[last.i + 1].text in "-–" and doc[last.i + 2].lemma_.lower() in w.time_nouns:
        return True  # "three-year-long"
    if cand.value is not None and YEAR.match(cand.core) and cand.start == cand.core_start and (
        obj is None
        or obj.tag_ != "NNS"
        or (first.i > 0 and doc[first.i - 1].pos_ in ("DET", "ADP", "PRON", "NUM", "PROPN"))
        or obj.like_num
        or vague_low(obj.lower_, lex) is not None
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
    if anchor.lower_ == w.one and anchor.pos_ != "NUM":
        return True  # "no one", "the one"
    if anchor.head.i < anchor.i and anchor.dep_ == "nummod":
        return True  # "Resolution 2254", "Route 4", "Hill 123"
    if obj is not None and obj.dep_ == "pobj" and obj.head.lower_ in w.territory_preps \
            and lemma(obj) in w.territory_nouns | w.settlement_nouns:
        return True  # "in 5 Syrian provinces"
    return False


def _build(sent: Span, stext: str, cand: _Cand, lex: Lexicon) -> Quantity | None:
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
        pct_tok = next((t for t in num_toks if t.text == "%" or t.text in lex.quantities.percent_words), None)
        if pct_tok is None and last.i + 1 < len(doc) and doc[last.i + 1].text == "%":
            pct_tok = doc[last.i + 1]
        if pct_tok is None:
            return None
        anchor = pct_tok
    obj, obj_first = _object_of(anchor, last if pct_tok is None else pct_tok, lex)
    if _is_excluded_context(anchor if pct_tok is None else num_toks[0], num_toks, cand, obj, lex):
        return None
    end = cand.end
    obj_text: str | None = None
    if pct_tok is not None:
        # percentages count only territory: "40% of the Iraqi territory"
        if obj is None or lemma(obj) not in lex.quantities.territory_nouns:
            return None
        end = obj.idx + len(obj.text)
        obj_text = sl(pct_tok.idx, end)
    elif obj is not None:
        end = max(end, obj.idx + len(obj.text))
        assert obj_first is not None
        obj_text = sl(obj_first.idx, obj.idx + len(obj.text))
        if obj.pos_ in ("ADJ", "VERB") or lemma(obj) in lex.quantities.casualty_words:
            obj_text = None  # "388,000 dead", "30 injured": the word is the measure
    measure = measure_of(anchor, obj, lex)
    q = Quantity(
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
    return _qualify(q, obj if obj is not None else anchor, lex) if measure is not None else q


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


def find_numbers(sent: Span, lex: Lexicon) -> list[Quantity]:
    """Every count candidate in ``sent`` that is not a date, duration, designator or the like,
    with ``measure`` None when no violence measure could be determined (for debugging)."""
    stext = _sent_text(sent)
    if not patterns(lex).precheck.search(stext):
        return []
    out: list[Quantity] = []
    for cand in _candidates(sent, stext, lex):
        q = _build(sent, stext, cand, lex)
        if q is not None:
            out.append(q)
    return out


def find_quantities(sent: Span, lex: Lexicon) -> list[Quantity]:
    """Every count in ``sent`` that is a result or size of violence, in text order.

    Offsets are character offsets into ``sent.doc.text``; only quantities whose measure was
    determined are returned (see the module docstring for the rules and conventions).  Besides
    the numbers: one victim named without a numeral ("a civilian was killed", "killing him") is a
    count of one; parts without a total ("six children and three women") get their sum, marked
    ``derived``; a sentence that counts over a wider window or area ("since the start of the
    war", "across Syria") marks its counts ``aggregate``.
    """
    found = [q for q in find_numbers(sent, lex) if q.measure is not None]
    found += _single_victims(sent, found, lex)
    found.sort(key=lambda q: q.start)
    found = _with_sums(_sent_text(sent), sent.start_char, found, lex)
    if found and _aggregate_cues(lex).search(_sent_text(sent).lower()):
        found = [replace(q, aggregate=True) for q in found]
    return found


def _single_victims(sent: Span, numbers: list[Quantity], lex: Lexicon) -> list[Quantity]:
    """"a civilian was killed", "a man named X was killed", "a child lost his life", "killing
    him": one victim, a count of one (bound exact), its span the noun phrase."""
    w = lex.quantities
    stext, base = _sent_text(sent), sent.start_char
    taken = [(q.start, q.end) for q in numbers]
    out: list[Quantity] = []
    for tok in sent:
        if tok.tag_ == "NN" and lemma(tok) in w.single_victims:
            det = next((c for c in tok.children if c.dep_ == "det" and c.lower_ in w.single_determiners and c.i < tok.i), None)
            if det is None:
                continue
            start, obj_text = det.idx, tok.text
        elif tok.lower_ in w.victim_pronouns and tok.dep_ == "dobj":
            start, obj_text = tok.idx, None
        else:
            continue
        end = tok.idx + len(tok.text)
        if any(s < end and start < e for s, e in taken):
            continue
        measure = measure_of(tok, tok if obj_text is not None else None, lex)
        if measure not in ("killed", "wounded", "recovered"):
            continue
        q = Quantity(text=stext[start - base : end - base], value=1.0, low=1.0, high=1.0, bound="exact",
                     measure=measure, object=obj_text, start=start, end=end, derived=True)
        out.append(_qualify(q, tok, lex))
    return out


def _qualify(q: Quantity, anchor: Token, lex: Lexicon) -> Quantity:
    """The note and update mark of a quantity, read from what governs it: bodies recovered are
    at least that many dead; "died of wounds"; "the death toll has risen to four" updates."""
    w = lex.quantities
    if q.measure == "recovered":
        low = q.value if q.value is not None else q.low
        q = replace(q, measure="killed", note=w.recovery_note,
                    bound="low" if q.bound in ("exact", "approx") else q.bound,
                    low=low, high=None if q.bound in ("exact", "approx") else q.high)
    cur = anchor
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            break
        if head.pos_ in ("VERB", "AUX"):
            hl = lemma(head)
            if q.measure == "killed" and hl in w.die_verbs and any(
                c.dep_ == "prep" and c.lower_ in w.wound_preps and any(p.lower_ in w.wound_nouns for p in c.children)
                for c in head.children
            ):
                q = replace(q, note=w.wounds_note)
            if hl in w.update_verbs and any(
                c.dep_ in ("nsubj", "nsubjpass") and lemma(c) in lex.measures.update_subjects for c in head.children
            ):
                q = replace(q, supersedes=True)
            break
        cur = head
    return q


def _with_sums(stext: str, base: int, found: list[Quantity], lex: Lexicon) -> list[Quantity]:
    """Parts joined by "and" or commas ("six children and three women") with no figure in the
    sentence that could be their total: their sum, marked ``derived``."""
    killed = [q for q in found if q.measure == "killed" and q.bound == "exact" and q.value is not None]
    out = list(found)
    k = 0
    while k < len(killed):
        run = [killed[k]]
        while k + len(run) < len(killed):
            nxt = killed[k + len(run)]
            between = stext[run[-1].end - base : nxt.start - base]
            if between.strip(" ,") not in ("", lex.numbers.and_word) or (between.strip() == "" and between):
                break
            run.append(nxt)
        k += len(run)
        if len(run) < 2:
            continue
        total = sum(q.value or 0 for q in run)
        if any(q.value is not None and q.value >= total for q in killed if q not in run) or any(
            q.measure == "killed" and q.bound != "exact" and q not in run for q in found
        ):
            continue  # "18 people including five children and two women": the text gives the total
        first, last = run[0], run[-1]
        out.append(Quantity(text=stext[first.start - base : last.end - base], value=total, low=total, high=total,
                            bound="exact", measure="killed", object=None, start=first.start, end=last.end,
                            note=lex.quantities.sum_note, derived=True))
    return sorted(out, key=lambda q: (q.start, not q.derived))  # the total before its parts


@cache
def _aggregate_cues(lex: Lexicon) -> re.Pattern[str]:
    cues = [c.replace("{month}", lex.month_pattern()) for c in lex.quantities.aggregate_cues]
    return re.compile("|".join(cues))


def find_quantities_in_doc(doc: Doc, lex: Lexicon) -> list[Quantity]:
    """:func:`find_quantities` over every sentence of ``doc``."""
    return [q for s in doc.sents for q in find_quantities(s, lex)]
