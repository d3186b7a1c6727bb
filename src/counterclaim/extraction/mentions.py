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

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .entities import ents_in
from ..model import DATELINE, ORIGIN, Location, TimeSpan

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TIME_LABELS = frozenset({"DATE", "TIME"})

_DIR = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
#: "northeast of", "near", "the outskirts of" a few words before the place
PROXIMITY = re.compile(
    r"\b(?P<rel>(?:\d+\s*(?:km|kilometers|kilometres|miles)\s+)?" + _DIR + r"(?:ern)?\s+of|near(?:by)?|"
    r"(?:the\s+)?outskirts\s+of|(?:the\s+)?vicinity\s+of|close\s+to|around|outside)"
    r"(?:\s+[\w'’-]+){0,5}\s+$",
    re.I,
)
#: "the province of", "the countryside of", "southern", "rural" right before the place
CONTAINER = re.compile(
    r"(?P<rel>(?:the\s+)?(?:countryside|province|provinces|governorate|city|town|village)\s+of|"
    + _DIR + r"(?:ern)?|rural)\s+(?:the\s+)?$",
    re.I,
)

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
TIME_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.I)
    for p in (
        r"\b(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+(?:\d+|\w+)\s+(?:hours|days|weeks|months|years)\b",
        r"\bsince\s+(?:the\s+)?(?:beginning|start)\s+of\s+(?:\d{4}|this\s+(?:year|month|week))\b",
        r"\b" + _MONTH + r"\s+\d{1,2}\s*[-–]\s*\d{1,2}(?:,?\s+\d{4})?\b",
        r"\b(?:earlier|later)\s+on\s+" + _WEEKDAY + r"\b",
        r"\b(?:at\s+dawn|at\s+dusk|overnight|late|early)\s+on\s+" + _WEEKDAY + r"\b",
        r"\b(?:earlier|later)\s+this\s+(?:week|month|year)\b",
        r"\bon\s+" + _WEEKDAY + r"\b",
    )
)
_ACTS = frozenset("strike airstrike raid bombing shelling attack offensive jet warplane force troops".split())
#: "next month", "tomorrow": not when a reported event happened
_FUTURE = re.compile(r"\b(?:next|tomorrow|coming|upcoming)\b", re.I)
#: words that may join the parts of one time mention
_JOIN = re.compile(r"^[\s,]*(?:(?:or|and|even|or\s+even|and\s+even)[\s,]*)*$", re.I)


def place_mentions(sent: SpacySpan, content: Collection[int], exclude: Collection[int], text: str) -> list[Location]:
    """Place entities in the claim's content, with the relation words just before them.

    ``text`` is the document text (``doc.text``, which spaCy rebuilds on every access).
    """
    doc = sent.doc
    out: list[Location] = []
    relations: dict[int, str | None] = {}
    for ent in ents_in(sent):  # sent.ents walks the whole document each time
        if ent.label_ not in PLACE_LABELS:
            continue
        if ent.start not in content or any(i in exclude for i in range(ent.start, ent.end)):
            continue
        # "Russia's Defense Ministry": a place used as an owner is not where the claim happened
        if ent[-1].dep_ == "poss" or (ent.end < len(doc) and doc[ent.end].tag_ == "POS"):
            continue
        if _ORG_HEAD.search(ent.text):
            continue  # "the Syrian Observatory for Human Rights" labelled as a place
        if ent.root.dep_ in ("nsubj", "nsubjpass", "poss") and ent.label_ == "GPE":
            continue  # "Moscow condemned", "Washington respect": a government, not a place
        if ent.label_ == "GPE" and (_stands_for_government(ent.root) or _capital_as_actor(ent)):
            continue  # "the Damascus government's request", "authorization from Damascus"
        if ent.root.dep_ == "compound" and ent.text.lower() in _COUNTRY_NAMES and ent.root.head.lemma_.lower() in _ACTS:
            continue  # "U.S. strikes": who struck, not where ("Idlib strikes" stays a place)
        if ent.end + 1 < len(doc) and doc[ent.end].text == "-":
            continue  # "US-led", "Turkish-backed": a modifier, not a place
        before = text[max(sent.start_char, ent.start_char - 64) : ent.start_char]
        m = PROXIMITY.search(before) or CONTAINER.search(before)
        relation = re.sub(r"\s+", " ", m.group("rel").strip().lower()) if m is not None else None
        if relation is None and _is_dateline(text, sent.start_char, ent.start_char, ent.end_char):
            relation = DATELINE
        if relation is None and ent.root.dep_ == "conj" and ent.root.head.i in relations:
            relation = relations[ent.root.head.i]  # "the provinces of Aleppo, Idlib, Hama": each one a province
        if relation is None and _comes_from(ent.root):
            relation = ORIGIN
        relations[ent.root.i] = relation
        start, end = ent.start_char, ent.end_char
        after = _ADMIN_AFTER.match(text, end, min(len(text), end + 16))
        if after is not None and not _ADMIN_AFTER.search(ent.text):
            end = after.end()  # "in Idlib province": the province, not the town (the model leaves the word out)
        out.append(Location(text=text[start:end], relation=relation, text_start=start, text_end=end))
    # what comes before a dateline in its sentence is a header or a photo caption, not the claim
    filed = min((m.text_start for m in out if m.relation == DATELINE), default=None)
    if filed is not None:
        out = [m for m in out if m.text_start >= filed]
    return out


#: a word right after a place name that makes it the governorate: "Idlib province", "Homs countryside"
_ADMIN_AFTER = re.compile(r"\s+(?:province|governorate|countryside)\b", re.I)


def _comes_from(root: Token) -> bool:
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
        if prep.lower_ == "from":
            return True
        if prep.lower_ != "of" or prep.head.i == prep.i:
            return False
        tok = prep.head
    return False


def time_mentions(sent: SpacySpan, content: Collection[int], exclude: Collection[int], text: str) -> list[TimeSpan]:
    """Time mentions in the claim's content, coordinated lists merged into one."""
    doc = sent.doc
    spans: list[tuple[int, int]] = []
    for ent in ents_in(sent):  # sent.ents walks the whole document each time
        if ent.label_ not in TIME_LABELS:
            continue
        if not any(i in content for i in range(ent.start, ent.end)) or any(i in exclude for i in range(ent.start, ent.end)):
            continue
        if _is_duration_modifier(ent) or _FUTURE.search(ent.text):
            continue
        start = ent.start_char
        if ent.start > sent.start and doc[ent.start - 1].lower_ in ("since", "until", "till"):
            start = doc[ent.start - 1].idx  # "since September 2015" runs to publication
        spans.append((start, ent.end_char))
    base = sent.start_char
    sent_text = text[sent.start_char : sent.end_char]
    excluded_chars = [(doc[i].idx, doc[i].idx + len(doc[i])) for i in exclude]
    for pat in TIME_PATTERNS:
        for m in pat.finditer(sent_text):
            s, e = base + m.start(), base + m.end()
            tok = doc.char_span(s, e, alignment_mode="expand")
            if tok is None or not any(t.i in content for t in tok):
                continue
            if any(a < e and s < b for a, b in excluded_chars):
                continue
            spans.append((s, e))
    spans = _merge(sorted(spans), text)
    return [TimeSpan(text=text[s:e], text_start=s, text_end=e) for s, e in spans]


#: head words of organisations, never of places
_ORG_HEAD = re.compile(
    r"\b(?:Observatory|Ministry|Army|Forces|Council|Coalition|Front|Committee|Organi[sz]ation|Agency|News|"
    r"Network|Command|Brigades?|Movement|Party|Union|Watch|Crescent|Helmets|State of Iraq and)\b"
)

_GOVERNMENT_NOUNS = frozenset(
    "government regime authorities administration request authorization authorisation permission approval consent "
    "consultation coordination".split()
)


def _stands_for_government(root: object) -> bool:
    """The place names the state: it modifies "government"/"regime", or it is the source of a
    permission ("authorization from Damascus")."""
    head = root.head  # type: ignore[attr-defined]
    if root.dep_ in ("compound", "amod", "nmod") and head.lemma_.lower() in _GOVERNMENT_NOUNS:  # type: ignore[attr-defined]
        return True
    return bool(
        root.dep_ == "pobj"  # type: ignore[attr-defined]
        and head.lower_ in ("from", "of", "by")
        and head.head.lemma_.lower() in _GOVERNMENT_NOUNS
    )


#: capitals that news uses for their governments ("Damascus promises", "Moscow talks")
_CAPITALS = frozenset("damascus moscow washington ankara tehran riyadh doha paris london".split())


def _capital_as_actor(ent: SpacySpan) -> bool:
    """A capital modifying a noun that is not a place noun: "Damascus promises of a truce"."""
    root = ent.root
    if ent.text.lower() not in _CAPITALS or root.dep_ not in ("compound", "nmod", "amod"):
        return False
    return root.head.lemma_.lower() not in _PLACE_NOUNS


_PLACE_NOUNS = frozenset("countryside suburb suburbs province governorate outskirts city airport road district area".split())


def _is_duration_modifier(ent: SpacySpan) -> bool:
    """"a three-year-long Daesh siege", "24-hour ceasefire": a length, not a time."""
    return any(t.dep_ in ("amod", "compound") and t.head.i >= ent.end for t in ent) and "-" in ent.text


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Join overlapping spans and spans separated only by commas, "or", "and", "even"."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            if s <= pe or _JOIN.match(text[pe:s]):
                out[-1] = (ps, max(pe, e))
                continue
        out.append((s, e))
    return out


#: what may come before a dateline in its sentence: nothing, or the end of a date header
_BEFORE_DATELINE = re.compile(r"^(?:|.*(?:\d{4}|\d{1,2}:\d{2}|\bGMT|\bUTC[+-]?\d*))\s*$", re.S)
#: what follows a dateline: an agency in brackets, a dash, ", SANA"
_AFTER_DATELINE = re.compile(r"^(?:,?\s*Syria)?\s*(?:\([A-Za-z .]{2,30}\)|[-–—]\s|,\s*(?:SANA|AFP|Reuters|AP)\b)")


#: how far into the text a dateline may follow a caption, and how it is written then: a town's
#: name in capitals (not an acronym: four letters or more, or two words)
_CAPTION_DATELINE_CHARS = 600
_CAPITALS_DATELINE = re.compile(r"[A-Z]{4,}(?:[ -][A-Z]{2,})?|[A-Z]{2,}[ -][A-Z]{3,}")


def _is_dateline(text: str, sent_start: int, start: int, end: int) -> bool:
    """A place opening the story, before its first sentence proper: at the start of the
    sentence or right after a date header, and written as a dateline (in capitals, or followed by
    an agency in brackets, a dash or ", SANA")."""
    name = text[start:end]
    after = text[end : end + 40]
    if not _BEFORE_DATELINE.match(text[sent_start:start]):
        # a dateline in capitals after a photo caption the text runs into ("... in the city of
        # Hasakeh on Monday BEIRUT Thirteen civilians were killed"): near the top only
        return (
            start < _CAPTION_DATELINE_CHARS
            and _CAPITALS_DATELINE.fullmatch(name) is not None
            and re.match(r"^(?:,?\s*Syria)?\s+[A-Z][a-z]", after) is not None
        )
    if _AFTER_DATELINE.match(after):
        return True
    return re.fullmatch(r"[A-Z][A-Z' -]{3,}", name) is not None and re.match(r"^(?:,?\s*Syria)?\s+[A-Z]", after) is not None


def best_location(mentions: list[Location]) -> Location | None:
    """The place the claim is about: the first mention more specific than a country name (a
    dateline is where the report was filed, never the claim's place)."""
    mentions = [m for m in mentions if m.relation != DATELINE]
    for m in mentions:
        if m.text.lower() not in _COUNTRY_NAMES:
            return m
    return mentions[0] if mentions else None


#: Names that say "somewhere in this country" (or stand for its government): a claim that also
#: names a town or province is about that town or province.
_COUNTRY_NAMES = frozenset(
    {"syria", "russia", "turkey", "iraq", "iran", "lebanon", "jordan", "israel", "us", "u.s.", "usa",
     "the united states", "united states", "the syrian arab republic", "syrian arab republic", "moscow",
     "washington", "ankara", "tehran"}
)
