"""Place and time mentions of a claim, kept as verbatim spans.

This stage finds *where the text says* a place or a time; turning them into coordinates and
calendar windows is the resolve stage's job.  Until then a :class:`Location` carries only its
text, offsets and the relation words in front of it ("northeast of", "near", "the outskirts
of"), with ``precision`` ``unknown``; a :class:`TimeSpan` carries its text and offsets with
``precision`` ``unknown``.

Time mentions are spaCy's ``DATE``/``TIME`` entities plus the phrases it misses or cuts
(:data:`TIME_PATTERNS`: "over the past 24 hours", "since the beginning of 2017",
"December 18-23", "Earlier on Tuesday", "at dawn on Friday").  A list of times joined by
commas or "or" ("yesterday, or this week, or even since the beginning of 2017") is one mention:
the claim covers all of them.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .entities import ents_in
from ..knowledge.lexicon import Lexicon
from ..model import DATELINE, ORIGIN, SITE, Location, TimeSpan

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TIME_LABELS = frozenset({"DATE", "TIME"})



@dataclass(frozen=True)
class _Patterns:
    """The patterns of one lexicon's place and time words (see :func:`_patterns`)."""

    #: "northeast of", "near", "the outskirts of" a few words before the place
    proximity: re.Pattern[str]
    #: "the province of", "the countryside of", "southern", "rural" right before the place
    container: re.Pattern[str]
    time: tuple[re.Pattern[str], ...]
    #: "next month", "tomorrow": not when a reported event happened
    future: re.Pattern[str]
    #: words that may join the parts of one time mention
    join: re.Pattern[str]
    #: a word right after a place name that makes it the governorate: "Idlib province"
    admin_after: re.Pattern[str]
    #: head words of organisations, never of places
    org_head: re.Pattern[str]
    #: what follows a dateline: an agency in brackets, a dash, ", SANA"
    after_dateline: re.Pattern[str]
    #: a dateline in capitals after a caption: the country, then a capitalised word
    after_caption_dateline: re.Pattern[str]
    #: a dateline in capitals: the country, then a capital
    after_capitals_dateline: re.Pattern[str]
    #: a place fronted at the head of the sentence, up to its comma ("Near Ar Raqqah, ...")
    fronted: re.Pattern[str]
    #: "the town of" right before a name: a place whatever the model's label
    place_cue: re.Pattern[str]


@cache
def _patterns(lex: Lexicon) -> _Patterns:
    w = lex.mentions
    fill = {"{dir}": lex.direction_pattern, "{month}": lex.month_pattern() + r"\.?", "{weekday}": lex.weekday_pattern()}

    def expand(p: str) -> str:
        for k, v in fill.items():
            p = p.replace(k, v)
        return p

    return _Patterns(
        proximity=re.compile(expand(w.proximity), re.I),
        container=re.compile(expand(w.container), re.I),
        time=tuple(re.compile(expand(p), re.I) for p in w.time_patterns),
        future=re.compile(rf"\b(?:{w.future})\b", re.I),
        join=re.compile(rf"^[\s,]*(?:(?:{w.join})[\s,]*)*$", re.I),
        admin_after=re.compile(rf"\s+(?:{w.admin_after})\b", re.I),
        org_head=re.compile(rf"\b(?:{w.org_head})\b"),
        after_dateline=re.compile(
            rf"^(?:,?\s*{w.dateline_country})?\s*(?:\([A-Za-z .]{{2,30}}\)|[-–—]\s|,\s*{lex.agency_pattern}\b)"
        ),
        after_caption_dateline=re.compile(rf"^(?:,?\s*{w.dateline_country})?\s+[A-Z][a-z]"),
        after_capitals_dateline=re.compile(rf"^(?:,?\s*{w.dateline_country})?\s+[A-Z]"),
        # the name: capitalised words, an Arabic article glued with a hyphen allowed ("ez-Zor")
        fronted=re.compile(
            r"[\s.•·*–—-]*(?i:" + expand(w.fronted) + r")\s+(?P<name>(?:[a-z]{2,3}-)?[A-Z][\w'’.-]*"
            r"(?:\s+(?:[a-z]{2,3}-)?[A-Z][\w'’.-]*){0,4}?)\s*,\s"
        ),
        place_cue=re.compile(w.place_cue, re.I),
    )


def place_mentions(
    sent: SpacySpan, content: Collection[int], exclude: Collection[int], text: str, lex: Lexicon
) -> list[Location]:
    """Place entities in the claim's content, with the relation words just before them.

    ``text`` is the document text (``doc.text``, which spaCy rebuilds on every access).
    """
    w = lex.mentions
    pats = _patterns(lex)
    doc = sent.doc
    out: list[Location] = []
    relations: dict[int, str | None] = {}
    for ent in ents_in(sent):  # sent.ents walks the whole document each time
        if ent.label_ not in PLACE_LABELS and not _cued_place(ent, text, lex):
            continue
        if ent.start not in content or any(i in exclude for i in range(ent.start, ent.end)):
            continue
        # "Russia's Defense Ministry": a place used as an owner is not where the claim happened
        if ent[-1].dep_ == "poss" or (ent.end < len(doc) and doc[ent.end].tag_ == "POS"):
            continue
        if pats.org_head.search(ent.text):
            continue  # "the Syrian Observatory for Human Rights" labelled as a place
        if ent.root.dep_ in ("nsubj", "nsubjpass", "poss") and ent.label_ == "GPE":
            continue  # "Moscow condemned", "Washington respect": a government, not a place
        if ent.label_ == "GPE" and (_stands_for_government(ent.root, lex) or _capital_as_actor(ent, lex)):
            continue  # "the Damascus government's request", "authorization from Damascus"
        if ent.root.dep_ == "compound" and ent.text.lower() in w.country_names and ent.root.head.lemma_.lower() in w.acts:
            continue  # "U.S. strikes": who struck, not where ("Idlib strikes" stays a place)
        if ent.end + 1 < len(doc) and doc[ent.end].text == "-":
            continue  # "US-led", "Turkish-backed": a modifier, not a place
        if _member_of_group(ent.root, lex):
            continue  # "Coalition nations ... include Australia, Canada": members, not places
        before = text[max(sent.start_char, ent.start_char - 64) : ent.start_char]
        m = pats.proximity.search(before) or pats.container.search(before)
        relation = re.sub(r"\s+", " ", m.group("rel").strip().lower()) if m is not None else None
        if relation is None and _is_dateline(text, sent.start_char, ent.start_char, ent.end_char, lex):
            relation = DATELINE
        if relation is None and ent.root.dep_ == "conj" and ent.root.head.i in relations:
            relation = relations[ent.root.head.i]  # "the provinces of Aleppo, Idlib, Hama": each one a province
        if relation is None and _comes_from(ent.root, lex):
            relation = ORIGIN
        relations[ent.root.i] = relation
        start, end = ent.start_char, ent.end_char
        after = pats.admin_after.match(text, end, min(len(text), end + 16))
        if after is not None and not pats.admin_after.search(ent.text):
            end = after.end()  # "in Idlib province": the province, not the town (the model leaves the word out)
        out.append(Location(text=text[start:end], relation=relation, text_start=start, text_end=end))
    fronted = _fronted_place(sent, exclude, text, lex)
    if fronted is not None and not any(m.text_start < fronted.text_end and fronted.text_start < m.text_end for m in out):
        out.insert(0, fronted)
    # what comes before a dateline in its sentence is a header or a photo caption, not the claim
    filed = min((m.text_start for m in out if m.relation == DATELINE), default=None)
    if filed is not None:
        out = [m for m in out if m.text_start >= filed]
    return out


def _fronted_place(sent: SpacySpan, exclude: Collection[int], text: str, lex: Lexicon) -> Location | None:
    """A place fronted at the head of the sentence with the comma after it ("Near Ar Raqqah, 15
    strikes engaged ...", "Northeast of Aleppo, jets struck ..."): it scopes the whole sentence,
    so it belongs to every claim of it, whatever the model made of the name (the small model reads
    "Near Ar Raqqah" as a person, or leaves "Ayn Isa" out)."""
    m = _patterns(lex).fronted.match(text, sent.start_char, sent.end_char)
    if m is None or not m.group("name")[:1].isupper():
        return None
    start, end = m.span("name")
    name = sent.doc.char_span(start, end, alignment_mode="expand")
    if name is None or any(t.i in exclude for t in name):
        return None
    if any(t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") for t in name):
        return None  # "Around Tuesday, ..." is a time
    relation = re.sub(r"\s+", " ", m.group("rel").strip().lower())
    return Location(text=text[start:end], relation=relation, text_start=start, text_end=end)


def _cued_place(ent: SpacySpan, text: str, lex: Lexicon) -> bool:
    """A name the model labelled a person, an organisation or a group right after "the town of",
    "the village of": the words say it is a place ("the Syrian town of Dabiq")."""
    if ent.label_ not in ("PERSON", "ORG", "NORP") or len(ent) > 4 or not ent.text[:1].isupper():
        return False
    return _patterns(lex).place_cue.search(text, max(0, ent.start_char - 24), ent.start_char) is not None


def _member_of_group(root: Token, lex: Lexicon) -> bool:
    """The name, or the list it is in, is the object of a verb of membership ("nations which
    have conducted strikes include Australia, Bahrain and Canada")."""
    tok = root
    for _ in range(40):
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok.dep_ in ("dobj", "attr") and tok.head.lemma_.lower() in lex.mentions.member_verbs


def site_mentions(
    sent: SpacySpan, content: Collection[int], exclude: Collection[int], text: str, lex: Lexicon
) -> list[Location]:
    """The sites the claim's content says were hit, named by their kind: a site noun (the
    lexicon's ``site_nouns``: "hospital", "building", "position", "route") that is the object of
    a verb ("destroyed a fighting position"), the subject of a passive ("a hospital was hit"), or
    follows a preposition of place ("a strike on a market", "at a funeral tent"); lists
    included.  The span is the noun with the words that make its kind ("an ISIL-held building",
    "a VBIED storage facility"), without articles and numbers.  A named place (an entity) is a
    place mention, not a site."""
    w = lex.mentions
    out: list[Location] = []
    for tok in sent:
        if tok.i not in content or tok.i in exclude or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.lemma_.lower() not in w.site_nouns or tok.dep_ == "compound" or tok.ent_type_ in PLACE_LABELS:
            continue
        role = tok
        for _ in range(40):
            if role.dep_ != "conj" or role.head.i == role.i:
                break
            role = role.head
        hit = role.dep_ in ("dobj", "nsubjpass") or (role.dep_ == "pobj" and role.head.lower_ in w.site_preps)
        if not hit:
            continue
        first = tok.left_edge
        while first.i < tok.i and (first.dep_ in ("det", "nummod", "predet", "quantmod", "punct", "cc", "advmod", "poss")
                                   or first.like_num or first.i in exclude):
            first = sent.doc[first.i + 1]
        start, end = first.idx, tok.idx + len(tok.text)
        out.append(Location(text=text[start:end], relation=SITE, text_start=start, text_end=end))
    return out


def _comes_from(root: Token, lex: Lexicon) -> bool:
    """The first preposition above the place, past "of" and lists ("from the northern towns of
    Fuaa and Kafraya"), is "from"."""
    tok = root
    for _ in range(8):
        if tok.dep_ in ("conj", "compound", "appos", "amod", "nmod"):
            tok = tok.head
            continue
        if tok.dep_ != "pobj":
            return False
        prep = tok.head
        if prep.lower_ == lex.mentions.origin_prep:
            return True
        if prep.lower_ != lex.mentions.of or prep.head.i == prep.i:
            return False
        tok = prep.head
    return False


def time_mentions(
    sent: SpacySpan, content: Collection[int], exclude: Collection[int], text: str, lex: Lexicon
) -> list[TimeSpan]:
    """Time mentions in the claim's content, coordinated lists merged into one."""
    pats = _patterns(lex)
    doc = sent.doc
    spans: list[tuple[int, int]] = []
    for ent in ents_in(sent):  # sent.ents walks the whole document each time
        if ent.label_ not in TIME_LABELS:
            continue
        if not any(i in content for i in range(ent.start, ent.end)) or any(i in exclude for i in range(ent.start, ent.end)):
            continue
        if _is_duration_modifier(ent) or _is_age(ent) or pats.future.search(ent.text):
            continue
        start = ent.start_char
        if ent.start > sent.start and doc[ent.start - 1].lower_ in lex.mentions.open_ended:
            start = doc[ent.start - 1].idx  # "since September 2015" runs to publication
        spans.append((start, ent.end_char))
    base = sent.start_char
    sent_text = text[sent.start_char : sent.end_char]
    excluded_chars = [(doc[i].idx, doc[i].idx + len(doc[i])) for i in exclude]
    for pat in pats.time:
        for m in pat.finditer(sent_text):
            s, e = base + m.start(), base + m.end()
            tok = doc.char_span(s, e, alignment_mode="expand")
            if tok is None or not any(t.i in content for t in tok):
                continue
            if any(a < e and s < b for a, b in excluded_chars):
                continue
            spans.append((s, e))
    spans = _merge(sorted(spans), text, pats.join)
    return [TimeSpan(text=text[s:e], text_start=s, text_end=e) for s, e in spans]


def _stands_for_government(root: object, lex: Lexicon) -> bool:
    """The place names the state: it modifies "government"/"regime", or it is the source of a
    permission ("authorization from Damascus")."""
    nouns = lex.mentions.government_nouns
    head = root.head  # type: ignore[attr-defined]
    if root.dep_ in ("compound", "amod", "nmod") and head.lemma_.lower() in nouns:  # type: ignore[attr-defined]
        return True
    return bool(
        root.dep_ == "pobj"  # type: ignore[attr-defined]
        and head.lower_ in lex.mentions.government_preps
        and head.head.lemma_.lower() in nouns
    )


def _capital_as_actor(ent: SpacySpan, lex: Lexicon) -> bool:
    """A capital modifying a noun that is not a place noun: "Damascus promises of a truce"."""
    root = ent.root
    if ent.text.lower() not in lex.capitals or root.dep_ not in ("compound", "nmod", "amod"):
        return False
    return root.head.lemma_.lower() not in lex.mentions.place_nouns


def _is_age(ent: SpacySpan) -> bool:
    """"Scott Dayton, 42, of Woodbridge": a bare number set off by commas right after a name is
    the person's age, not a time (the form of casualty and obituary reports)."""
    doc = ent.doc
    if len(ent) != 1 or not ent[0].like_num or ent.start < 2 or ent.end >= len(doc):
        return False
    return doc[ent.start - 1].text == "," and doc[ent.end].text == "," and doc[ent.start - 2].pos_ == "PROPN"


def _is_duration_modifier(ent: SpacySpan) -> bool:
    """"a three-year-long Daesh siege", "24-hour ceasefire": a length, not a time."""
    return any(t.dep_ in ("amod", "compound") and t.head.i >= ent.end for t in ent) and "-" in ent.text


def _merge(spans: list[tuple[int, int]], text: str, join: re.Pattern[str]) -> list[tuple[int, int]]:
    """Join overlapping spans and spans separated only by commas, "or", "and", "even"."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            if s <= pe or join.match(text[pe:s]):
                out[-1] = (ps, max(pe, e))
                continue
        out.append((s, e))
    return out


#: what may come before a dateline in its sentence: nothing, or the end of a date header
_BEFORE_DATELINE = re.compile(r"^(?:|.*(?:\d{4}|\d{1,2}:\d{2}|\bGMT|\bUTC[+-]?\d*))\s*$", re.S)


#: how far into the text a dateline may follow a caption, and how it is written then: a town's
#: name in capitals (not an acronym: four letters or more, or two words)
_CAPTION_DATELINE_CHARS = 600
_CAPITALS_DATELINE = re.compile(r"[A-Z]{4,}(?:[ -][A-Z]{2,})?|[A-Z]{2,}[ -][A-Z]{3,}")


def _is_dateline(text: str, sent_start: int, start: int, end: int, lex: Lexicon) -> bool:
    """A place opening the story, before its first sentence proper: at the start of the
    sentence or right after a date header, and written as a dateline (in capitals, or followed by
    an agency in brackets, a dash or ", SANA")."""
    pats = _patterns(lex)
    name = text[start:end]
    after = text[end : end + 40]
    if not _BEFORE_DATELINE.match(text[sent_start:start]):
        # a dateline in capitals after a photo caption the text runs into ("... in the city of
        # Hasakeh on Monday BEIRUT Thirteen civilians were killed"): near the top only
        return (
            start < _CAPTION_DATELINE_CHARS
            and _CAPITALS_DATELINE.fullmatch(name) is not None
            and pats.after_caption_dateline.match(after) is not None
        )
    if pats.after_dateline.match(after):
        return True
    return re.fullmatch(r"[A-Z][A-Z' -]{3,}", name) is not None and pats.after_capitals_dateline.match(after) is not None


def best_location(mentions: list[Location], lex: Lexicon) -> Location | None:
    """The place the claim is about: the first mention more specific than a country name (a
    dateline is where the report was filed, never the claim's place)."""
    mentions = [m for m in mentions if m.relation != DATELINE]
    for m in mentions:
        if m.text.lower() not in lex.mentions.country_names:
            return m
    return mentions[0] if mentions else None
