"""Attribution stage: who is speaking in each sentence, and what part of the sentence they say.

A sentence holds zero or more **frames**.  A frame is a claimant (a span of the text), the word
that attributes (a reporting verb, "according to", or an allegation noun) and the **content**:
the tokens the claimant is credited with.  Four kinds:

``verb``       "Konashenkov said", "the ministry rejected", "the document reads", "he added"
``according``  "according to Konashenkov"
``noun``       "the Human Rights Watch's accusations that ...", "an allegation by a monitoring
               group that ..."
``quote``      a sentence inside a quotation whose attribution stands in another sentence of the
               paragraph ("… liberated,” the document reads. “A total of 43,000 …”)

A sentence with no frame is the outlet's own statement.  Frames nested in another (an accusation
inside a denial) are cut out of the outer frame's content.

Speakers are then resolved inside the document (:class:`Coref`): "he", "it", "the ministry",
"the spokesman", a bare surname point to the actor named before them, and the claimant keeps
both the words as written and the earlier mention in ``refers_to``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final, Literal

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..model import ActorType, Claimant, Span
from ..knowledge.lexicon import Lexicon
from ..knowledge.lexicon.groups import Referent
from .entities import ents_around, ents_in

#: At most this many attribution frames are read in one sentence.
MAX_FRAMES: Final[int] = 24
#: How far (in tokens, and in steps up the parse) a date may be from a reporting verb to say
#: when the claimant spoke.
STATEMENT_TIME_REACH: Final[int] = 60



@cache
def _leading(lex: Lexicon) -> re.Pattern[str]:
    """Articles and "so-called" before a name."""
    return re.compile(rf"^(?:{lex.attribution.leading})\s+", re.I)


_POSS = re.compile(r"\s*['’]s?$")
_PAREN = re.compile(r"\s*\([^)]*\)\s*")


#: how a frame attributes its sentence: a reporting verb, "according to", an allegation noun,
#: a quotation, the outlet itself, a headline
FrameKind = Literal["verb", "according", "noun", "quote", "outlet", "headline"]


@dataclass
class Frame:
    """One claimant's share of a sentence (mutable while the sentence is being read)."""

    kind: FrameKind
    cue: Token | None
    speaker: tuple[int, int] | None  # first, last token index (inclusive)
    content: set[int] = field(default_factory=set)
    stated_on: list[Token] = field(default_factory=list)
    relay: Token | None = None  # "told AFP"


def find_frames(sent: SpacySpan, lex: Lexicon) -> list[Frame]:
    """The attribution frames of one sentence (empty when nothing attributes it); at most
    :data:`MAX_FRAMES` (prose has a few; a run of reporting verbs with no full stop is no prose,
    and pairing every frame with every other would grow with the square of the run)."""
    w = lex.attribution
    frames: list[Frame] = []
    for tok in sent:
        if len(frames) >= MAX_FRAMES:
            break
        lemma = tok.lemma_.lower()
        if tok.lower_ == w.according and any(c.lower_ == w.according_to for c in tok.children):
            to = next(c for c in tok.children if c.lower_ == w.according_to)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is not None:
                frames.append(Frame("according", tok, mention_span(obj, lex)))
        elif (
            tok.pos_ in ("VERB", "AUX")
            and (lemma in w.report_verbs or _is_read(tok, lex))
            and not _claims_lives(tok, lex)
            and not _not_speech(tok, sent, lex)
        ):
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None:
                name = _name_before(tok, lex)
                if name is not None:  # "... the Syrian Observatory for Human Rights said." (parse lost it)
                    frame = Frame("verb", tok, name)
                    frame.stated_on = _statement_time(tok, lex)
                    frames.append(frame)
                continue  # "adding, ..." / "saying ...": folded into the frame of the verb it hangs on
            if subj.lower_ in w.relative_pronouns:
                continue
            frame = Frame("verb", tok, mention_span(subj, lex))
            frame.stated_on = _statement_time(tok, lex)
            frame.relay = next(
                (c for c in tok.children if c.dep_ in ("dative", "dobj") and c.lower_ in w.media_names), None
            )
            frames.append(frame)
        elif lemma in w.allegation_nouns and tok.pos_ == "NOUN":
            noun_frame = _noun_frame(tok, lex)
            if noun_frame is not None:
                frames.append(noun_frame)
    if not frames:
        return frames
    sent_idx = set(range(sent.start, sent.end))
    if len(frames) == 1 and frames[0].kind != "noun":
        f = frames[0]
        assert f.cue is not None  # verb and "according" frames always have their word
        f.content = sent_idx - _speaker_set(f, sent, lex) - {f.cue.i} - {t.i for t in f.stated_on} - _according_set(f)
        return frames
    for f in frames:
        if f.kind == "noun":
            continue  # content set by _noun_frame
        if f.kind == "according":
            f.content = sent_idx - _according_set(f)
            continue
        assert f.cue is not None
        sub = {t.i for t in f.cue.subtree}
        if f.cue.dep_ == "ROOT" or f.cue.dep_ == "parataxis":
            sub = sent_idx
        f.content = sub - _speaker_set(f, sent, lex) - {f.cue.i} - {t.i for t in f.stated_on}
    # nested frames (an accusation inside a denial): cut the inner one out of the outer
    for outer in frames:
        for inner in frames:
            if inner is outer or not inner.content:
                continue
            inner_all = inner.content | _span_set(inner.speaker) | ({inner.cue.i} if inner.cue is not None else set())
            if outer.cue is not None and outer.cue.lemma_.lower() in w.denial_cues:
                continue  # a denial is about the very allegation it contains
            if inner.content < outer.content or (inner.kind == "noun" and inner_all & outer.content):
                outer.content -= inner_all
    return frames


def _name_before(verb: Token, lex: Lexicon) -> tuple[int, int] | None:
    """An organisation or person named right before a subjectless reporting verb."""
    if verb.i == 0 or verb.dep_ not in ("ROOT", "ccomp", "parataxis"):
        return None
    prev = verb.doc[verb.i - 1]
    if prev.ent_type_ not in ("ORG", "PERSON") or prev.ent_iob_ == "":
        return None
    start = prev.i
    while start > verb.sent.start and verb.doc[start].ent_iob_ == "I":
        start -= 1
    first = start + 1 if verb.doc[start].lower_ in lex.attribution.name_articles else start
    return first, prev.i


def _not_speech(tok: Token, sent: SpacySpan, lex: Lexicon) -> bool:
    """"as the offensive near Deir ez-Zor continues": "continue" reports speech only with a clause
    of its own ("he continued that ...") or a quotation in the sentence ("…," he continued)."""
    if tok.lemma_.lower() not in lex.attribution.speech_only_with_content:
        return False
    if any(c.dep_ == "ccomp" for c in tok.children):
        return False
    return not any(ch in sent.text for ch in "\"“”")


def _claims_lives(tok: Token, lex: Lexicon) -> bool:
    """"the blast claimed the lives of 40 people", "claimed 40 lives": a toll, not a statement."""
    w = lex.attribution
    return tok.lemma_.lower() == w.toll_verb and any(
        c.dep_ == "dobj" and c.lemma_.lower() in w.toll_objects for c in tok.children
    )


def _is_read(tok: Token, lex: Lexicon) -> bool:
    if tok.lemma_.lower() != lex.attribution.read_verb:
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() in lex.attribution.read_subjects


def _noun_frame(noun: Token, lex: Lexicon) -> Frame | None:
    """"HRW's accusations that ...", "an allegation by a group that ...": speaker and clause."""
    w = lex.attribution
    speaker: Token | None = next((c for c in noun.children if c.dep_ == "poss"), None)
    if speaker is None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == w.by), None)
        if by is None:
            # the parser often hangs "by X" on the verb: take it when it follows the noun closely
            doc = noun.doc
            for j in range(noun.i + 1, min(noun.i + 3, len(doc))):
                if doc[j].lower_ == w.by:
                    by = doc[j]
                    break
        if by is not None:
            speaker = next((c for c in by.children if c.dep_ == "pobj"), None)
    if speaker is None or speaker.pos_ == "PRON":
        return None
    clause = _that_clause(noun, lex) or _that_clause(speaker, lex)
    if clause is None:
        return None
    frame = Frame("noun", noun, mention_span(speaker, lex))
    frame.content = clause
    return frame


def _that_clause(head: Token, lex: Lexicon) -> set[int] | None:
    that = lex.attribution.complementizer
    for c in head.children:
        if c.dep_ in ("acl", "relcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == that for m in c.children):
            out = {t.i for t in c.subtree}
            for conj in c.conjuncts:
                out |= {t.i for t in conj.subtree}
            return out
    return None


def _statement_time(verb: Token, lex: Lexicon) -> list[Token]:
    """Date words that say when the claimant spoke: "said Monday", "said on Wednesday",
    "Separately on Tuesday, X said", "in a statement released on Tuesday"; a date whose path up
    the parse reaches the reporting verb without passing another verb.  Only dates within
    :data:`STATEMENT_TIME_REACH` tokens of the verb, walking at most as many steps up, are
    looked at: the work per verb is bounded, however long the sentence."""
    w = lex.attribution
    best: list[Token] = []
    sent = verb.sent
    depth = _quote_depths(sent)
    for ent in ents_in(sent):
        if ent.label_ not in ("DATE", "TIME") or depth[ent.start - sent.start]:
            continue  # a date inside the quotation is what the claimant speaks of, not when
        if abs(ent.start - verb.i) > STATEMENT_TIME_REACH:
            continue
        tok = ent.root
        steps = 0
        while tok.i != verb.i and tok.head.i != tok.i and steps < STATEMENT_TIME_REACH:
            steps += 1
            tok = tok.head
            if tok.i == verb.i:
                break
            if tok.pos_ in ("VERB", "AUX") and not (
                tok.dep_ == "acl" and tok.head.lemma_ in w.statement_nouns and tok.lemma_.lower() in w.publishing
            ):
                break  # "a statement released on Tuesday" carries its day; "a report prepared ... on Friday" does not
            if (
                tok.pos_ in ("NOUN", "PROPN")
                and tok.dep_ not in ("advmod", "npadvmod")  # "Separately on Tuesday" (tagged PROPN)
                and tok.lemma_.lower() not in w.statement_nouns
                and not (tok.dep_ == "nsubj" and tok.head.i == verb.i)
            ):
                break  # "the summit in Tehran on Friday": the day of something else
        if tok.i == verb.i and (not best or abs(ent.start - verb.i) < abs(best[0].i - verb.i)):
            best = list(ent)
    return best


def _quote_depths(sent: SpacySpan) -> list[bool]:
    """For each token of the sentence: is it inside quotation marks?  (Kept for the last
    sentence asked about: every reporting verb of a sentence asks.)"""
    key = (id(sent.doc), sent.start, sent.end)
    if _QUOTE_DEPTHS[0] == key and _QUOTE_DEPTHS[1] is sent.doc:
        return _QUOTE_DEPTHS[2]  # type: ignore[no-any-return]
    out = _quote_depths_of(sent)
    _QUOTE_DEPTHS[:] = [key, sent.doc, out]
    return out


#: the last sentence's quote depths: its key, its doc (kept so the id is not reused), the depths
_QUOTE_DEPTHS: list[Any] = [None, None, []]


def _quote_depths_of(sent: SpacySpan) -> list[bool]:
    out: list[bool] = []
    inside = False
    for t in sent:
        if t.text in ("“", "«") or (t.text == '"' and not inside):
            out.append(False)
            inside = True
        elif t.text in ("”", "»") or (t.text == '"' and inside):
            out.append(False)
            inside = False
        else:
            out.append(inside)
    return out


def mention_span(head: Token, lex: Lexicon, *, with_conj: bool = False) -> tuple[int, int]:
    """The actor's words around ``head``: its name and titles, without relative clauses,
    participle phrases or (unless ``with_conj``) conjuncts.  A description whose apposition is
    a person ("the chief of the general staff, Lieutenant General Sergei Rudskoi") runs to the
    end of the person's name."""
    skip = {"relcl", "acl", "appos", "punct", "advcl", "prep"}
    if not with_conj:
        skip |= {"cc", "conj"}
    else:
        skip -= {"appos"}  # "the US-led coalition, the Syrian Air Force and Turkish warplanes"
    keep = [head]
    stack = list(head.children)
    while stack:
        c = stack.pop()
        hyphen = c.dep_ == "punct" and (c.text in ("-", "–") or (with_conj and c.text == ","))
        if c.dep_ in skip and not _name_prep(c, lex) and not hyphen and not _person_appos(c):
            continue
        keep.append(c)
        stack.extend(c.children)
    s = {t.i for t in keep}
    first = last = head.i
    while first - 1 in s:
        first -= 1
    while last + 1 in s:
        last += 1
    doc = head.doc
    if head.pos_ == "NOUN":  # a description: "the chief of ... staff, Lieutenant General Sergei Rudskoi"
        for c in head.subtree:
            if _person_appos(c) and c.head.dep_ != "relcl":
                first = min(first, head.left_edge.i)
                last = max(last, c.right_edge.i)
                break
    for ent in ents_around(doc, head.i):  # never cut a name in two
        if ent.label_ in ("PERSON", "ORG", "NORP", "GPE"):
            first, last = min(first, ent.start), max(last, ent.end - 1)
    prefix = lex.attribution.name_prefix_words
    while first < last and (doc[first].dep_ == "det" or doc[first].lower_ == "-" or doc[first].lower_ in prefix):
        first += 1
    while last > first and (doc[last].is_punct or doc[last].tag_ == "POS" or doc[last].text in ("'s", "’s")):
        last -= 1
    return first, last


def _person_appos(tok: Token) -> bool:
    return tok.dep_ == "appos" and any(t.ent_type_ == "PERSON" for t in tok.subtree)


def speaker_tokens(head_span: tuple[int, int], doc: Doc, lex: Lexicon) -> set[int]:
    """Every token of the speaker's phrase, its clauses and appositions included: none of them
    is part of what the speaker says ("SOHR, affiliated to Syria opposition groups, said")."""
    out = set(range(head_span[0], head_span[1] + 1))
    for i in range(head_span[0], head_span[1] + 1):
        tok = doc[i]
        if tok.head.i not in out or tok.head.i == tok.i:
            out |= {t.i for t in tok.subtree}
    # "... the Syrian city of Aleppo the Syrian Observatory for Human Rights said": where
    # punctuation was lost, words before the speaker's own article belong to the sentence before
    articles = lex.attribution.articles
    det = next((t for t in doc[head_span[0] : head_span[1] + 1] if t.dep_ == "det" and t.lower_ in articles), None)
    if det is None and head_span[0] > 0 and doc[head_span[0] - 1].dep_ == "det":
        det = doc[head_span[0] - 1]
    if det is not None:
        out = {i for i in out if i >= det.i}
    return out


def _name_prep(prep: Token, lex: Lexicon) -> bool:
    """"Observatory *for Human Rights*", "Ministry *of Defence*": a preposition inside a name."""
    return prep.dep_ == "prep" and prep.lower_ in lex.attribution.name_preps and prep.head.pos_ == "PROPN" and any(
        c.pos_ == "PROPN" for c in prep.children
    )


def _span_set(span: tuple[int, int] | None) -> set[int]:
    return set() if span is None else set(range(span[0], span[1] + 1))


def _speaker_set(f: Frame, sent: SpacySpan, lex: Lexicon) -> set[int]:
    return set() if f.speaker is None else speaker_tokens(f.speaker, sent.doc, lex)


def _according_set(f: Frame) -> set[int]:
    if f.kind != "according" or f.cue is None:
        return set()
    return {t.i for t in f.cue.subtree}


# --------------------------------------------------------------------------- resolution


@dataclass(frozen=True, slots=True)
class Mention:
    actor: str
    actor_type: ActorType
    kind: Referent
    span: Span


class Coref:
    """Resolves claimant mentions to actors named earlier in the same document."""

    def __init__(self, outlet: str | None, text: str, lex: Lexicon, byline: Span | None = None) -> None:
        self.lex = lex
        self.outlet = outlet
        self.text = text  # the document text (spaCy rebuilds doc.text on every access)
        self.byline = byline
        self.history: list[Mention] = []

    def outlet_claimant(self) -> Claimant:
        """Who states what the text says without attribution: the outlet; when no outlet is known,
        the agency its byline or dateline names ("MOSCOW, December 23. /TASS/."), with that span."""
        if self.outlet is None and self.byline is not None:
            b = self.byline
            return Claimant(text=b.text, actor=b.text, actor_type="media", start=b.start, end=b.end)
        return Claimant(text=None, actor=self.outlet, actor_type="media", start=None, end=None)

    def resolve(self, sent: SpacySpan, first: int, last: int) -> Claimant:
        doc = sent.doc
        toks = doc[first : last + 1]
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        text = self.text[start:end]
        low = text.lower()
        head = toks.root
        w = self.lex.attribution
        kind = _mention_kind(toks, self.lex)
        antecedent: Mention | None = None
        if len(toks) == 1 and head.lower_ in w.person_pronouns:
            antecedent = self._last(lambda m: m.kind == "person")
        elif len(toks) == 1 and head.lower_ in w.org_pronouns:
            antecedent = self._last(lambda m: m.kind == "org") or self._last(lambda m: True)
        elif (
            head.lemma_.lower() in w.descriptions
            and not any(t.ent_type_ == "PERSON" for t in toks)
            and (_definite(head, self.lex) if not _has_proper(toks) else w.descriptions[head.lemma_.lower()] == "person")
        ):  # "the ministry", "the spokesman", "Russian Defense Ministry Spokesman"
            want = w.descriptions[head.lemma_.lower()]
            word = head.lemma_.lower()
            antecedent = self._last(lambda m: word in m.span.text.lower()) or self._last(
                lambda m: m.kind == want
            )
        elif len(toks) == 1 and head.pos_ == "PROPN":
            surname = head.text
            antecedent = self._last(lambda m: m.kind == "person" and m.actor.split()[-1] == surname)
        if antecedent is not None:
            return Claimant(
                text=text, actor=antecedent.actor, actor_type=antecedent.actor_type,
                start=start, end=end, refers_to=antecedent.span,
            )
        actor = normalise_actor(toks, self.lex)
        actor_type = guess_actor_type(low, self.lex)
        known = self._last(lambda m: m.actor == actor)
        if known is not None and actor_type == "unknown":
            actor_type = known.actor_type  # "Igor Konashenkov said" after "spokesman Igor Konashenkov"
        mention = Mention(actor, actor_type, kind, Span(text, start, end))
        if head.pos_ != "PRON":
            self.history.append(mention)
        return Claimant(text=text, actor=actor, actor_type=actor_type, start=start, end=end)

    def _last(self, pred: object) -> Mention | None:
        for m in reversed(self.history):
            if pred(m):  # type: ignore[operator]
                return m
        return None


def _definite(head: Token, lex: Lexicon) -> bool:
    """"the ministry", "this group": a description that points back (not "a monitoring group")."""
    return any(c.dep_ == "det" and c.lower_ in lex.attribution.definite_determiners for c in head.children)


def _has_proper(toks: SpacySpan) -> bool:
    return any(t.pos_ == "PROPN" for t in toks)


def _mention_kind(toks: SpacySpan, lex: Lexicon) -> Referent:
    if any(t.ent_type_ == "PERSON" for t in toks) or toks.root.lower_ in lex.attribution.person_pronouns:
        return "person"
    return "org"


def normalise_actor(toks: SpacySpan, lex: Lexicon) -> str:
    """The actor's name: a person without titles, an organisation without articles, "so-called",
    parenthetical acronyms or a trailing possessive."""
    persons = [e for e in ents_in(toks) if e.label_ == "PERSON"]
    if persons:
        name = persons[-1]
        words = [t.text for t in name if t.lower_ not in lex.nlp.title_words]
        if words:
            return " ".join(words)
    text = _PAREN.sub(" ", toks.text).strip()
    leading = _leading(lex)
    text = leading.sub("", text)
    text = leading.sub("", text)
    text = _POSS.sub("", text)
    return re.sub(r"\s+", " ", text)


def guess_actor_type(text: str, lex: Lexicon) -> ActorType:
    """A first guess of the actor type from the words of its name."""
    low = text.lower()
    words = set(re.findall(r"[\w-]+", low))
    for actor_type, vocab in lex.attribution.type_words:
        if words & vocab or any(" " in v and v in low for v in vocab):
            return actor_type
    return "unknown"

