"""Claims stage: turn one parsed document into claims.

For each sentence, in order:

1. find its attribution frames (:mod:`.attribution`); a sentence with none is credited to the
   speaker of the quotation it sits in, else to the outlet;
2. resolve each frame's speaker against the actors named earlier (coreference), and merge
   frames of one speaker in one sentence;
3. read the event in each frame's content (:mod:`.events`): no trigger, no claim, except a
   denial of an allegation stated before ("rejected that allegation"), which answers the
   latest claim of another claimant;
4. attach the quantities, place and time mentions, perpetrator and relay found in the content;
5. give the claim a stable id: the same document always yields the same ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..knowledge.lexicon import Lexicon
from .budget import Budget
from .attribution import Coref, Frame, find_frames, speaker_tokens
from .events import make_perpetrator, perpetrator_of, read_event, read_type
from .mentions import best_location, place_mentions, site_mentions, time_mentions
from ..model import CLAIMANT_PLACE, Claim, Stance, Claimant, Document, Location, Perpetrator, Quantity, Span, TimeSpan, stable_id
from .quantities import find_quantities

#: "rejected that allegation", "denied the reports": a denial that points back


@cache
def _relay_line(lex: Lexicon) -> re.Pattern[str]:
    """A line that hands the story over to a medium: "SANA reports:"."""
    return re.compile(rf"^(?P<who>.{{2,80}}?)\s+(?:{lex.claims.relay_verbs})\b[^.:\n]{{0,40}}:\s*$")


@cache
def _anaphoric_before(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{lex.claims.anaphoric_determiners})\s+$", re.I)


_OPEN_Q = "“‘«"
_CLOSE_Q = "”’»"


@dataclass(frozen=True, slots=True)
class _QuoteRegion:
    start: int
    end: int


def extract_claims(doc: Doc, document: Document, lex: Lexicon, budget: Budget | None = None) -> list[Claim]:
    """All claims of ``document`` whose text was parsed into ``doc`` (``doc.text ==
    document.text``, or the start of it when a time budget stopped the parse), read with ``lex``
    (the lexicon of the document's language).  Once ``budget`` is spent, no further sentence is
    read and the budget records where reading stopped."""
    text = document.text
    if doc.text != text[: len(doc.text)]:
        raise ValueError("the parsed text is not the document text")
    coref = Coref(document.outlet, text, lex, document.byline)
    regions = _quote_regions(text)
    relay: Span | None = document.byline
    sents = [s for s in doc.sents if text[s.start_char : s.end_char].strip()]
    # pass 1: frames and their speakers, in reading order (coreference needs the order)
    read: list[tuple[SpacySpan, list[tuple[Frame, Claimant]]]] = []
    relays: list[Span | None] = []
    for sent in sents:
        if budget is not None and budget.spent():
            budget.stop(sent.start_char)
            break
        frames = find_frames(sent, lex) or _headline_speaker(text, sent)
        resolved = _merge_same_speaker([(f, coref.resolve(sent, *f.speaker)) for f in frames if f.speaker])
        read.append((sent, resolved))
        m = _relay_line(lex).match(text[sent.start_char : sent.end_char].strip())
        if m is not None and _names_media(m.group("who"), lex):
            who = _relay_name(sent, lex)
            if who is not None:
                relay = who
        relays.append(relay)
    # pass 2: sentences inside a quotation take the quotation's speaker
    inherited: dict[int, tuple[Frame, Claimant]] = {}
    for k, (sent, resolved) in enumerate(read):
        if resolved:
            continue
        region = _region_of(text, sent, regions)
        if region is None:
            continue
        for j in range(k + 1, len(read)):
            s2, r2 = read[j]
            if s2.start_char > region.end + 2:
                break
            if r2 and s2.start_char <= region.end:
                inherited[k] = r2[0]  # the attribution after the closing quote
                break
        if k not in inherited and k > 0 and read[k - 1][1] and _same_line(text, read[k - 1][0], sent):
            inherited[k] = read[k - 1][1][0]  # a quotation that goes on after "…,” X said."
    # pass 3: claims
    claims: list[Claim] = []
    for k, (sent, resolved) in enumerate(read):
        if budget is not None and budget.spent():
            budget.stop(sent.start_char)
            break
        sent_idx = set(range(sent.start, sent.end))
        if resolved:
            items = resolved
        elif k in inherited:
            frame, claimant = inherited[k]
            items = [(Frame("quote", frame.cue, None, set(sent_idx)), claimant)]
        else:
            items = [(Frame("outlet", None, None, set(sent_idx)), coref.outlet_claimant())]
        quantities = find_quantities(sent, lex) if _may_count(sent, lex) else []
        section = _section(text, sent, document.title)
        for ordinal, (frame, claimant) in enumerate(items):
            claim = _claim(document, sent, frame, claimant, quantities, relays[k], section, ordinal, claims, lex)
            if claim is not None:
                claims.append(claim)
    return _list_times(_carry_context(claims, text, lex), text)


#: a line of a list: a bullet first ("•", "-", "*", or the "." of belligerents' strike lists)
_BULLET = re.compile(r"[ \t]*[.•·*–—-][ \t]+\S")


def _list_times(claims: list[Claim], text: str) -> list[Claim]:
    """The items of a list under a dated summary take its time: "On Jan. 8, Coalition forces
    conducted 34 strikes ..." then ". Near Ar Raqqah, 15 strikes engaged ...": each item is one
    of the summary's strikes, on its day.  An item is a claim whose line opens with a bullet and
    which names no time; the summary is the nearest claim above the list, of the same event
    type, that names one.  ``context`` records the summary's sentence."""
    out: list[Claim] = []
    summary: Claim | None = None
    for c in claims:
        line_start = text.rfind("\n", 0, c.evidence.start) + 1
        item = _BULLET.match(text, line_start) is not None
        if not item:
            summary = c if c.time is not None and c.section == "body" else summary
        elif c.time is None and summary is not None and summary.event_type == c.event_type and summary.time is not None:
            c = replace(c, time=summary.time, context=c.context or summary.evidence)
        out.append(c)
    return out


#: event types a bare result ("26 people were killed") may take from the sentence before
_CARRY_FROM = frozenset({"airstrike", "shelling", "explosion", "ground_attack", "weapon_use", "other"})


def _carry_context(claims: list[Claim], text: str, lex: Lexicon) -> list[Claim]:
    """A claim with neither place nor time right after a claim that has them, in the next
    sentence or paragraph, speaks of the same happening: "Earlier on Tuesday, airstrikes hit
    Idlib." / "SOHR said 26 people were killed."  It takes that claim's place, time and (when
    it only states results) event type, and records the sentence in ``context``."""
    out: list[Claim] = []
    for c in claims:
        prev = out[-1] if out else None
        own_place_is_claimants = c.location is not None and c.location.relation == CLAIMANT_PLACE
        if (
            prev is not None
            and (c.location is None or own_place_is_claimants)
            and c.time is None
            and c.section == "body"
            and prev.section == "body"
            and (prev.location is not None or prev.time is not None)
            and prev.event_type in _CARRY_FROM
            and c.event_type in ("other", prev.event_type)
            and _adjacent(text, prev.evidence, c.evidence)
        ):
            c = replace(
                c,
                location=c.location if own_place_is_claimants else prev.location,
                locations=c.locations if own_place_is_claimants else prev.locations,
                time=prev.time,
                event_type=prev.event_type if c.event_type == "other" else c.event_type,
                context=prev.context or prev.evidence,
            )
        elif prev is not None and _anaphoric_event(text, c, lex) and prev.event_type not in ("other", c.event_type) and _adjacent(text, prev.evidence, c.evidence):
            # "The attacks targeted ..." right after "footage of the airstrikes": the same strikes
            c = replace(c, event_type=prev.event_type, context=c.context or prev.evidence)
        out.append(c)
    return out


def _anaphoric_event(text: str, c: Claim, lex: Lexicon) -> bool:
    """The event word is a generic noun with a definite article: "The attacks", "the operation"."""
    cue = c.event_cue
    if cue is None or cue.text.lower() not in lex.claims.anaphoric_event_nouns:
        return False
    return bool(_anaphoric_before(lex).search(text[max(0, cue.start - 8) : cue.start]))


def _adjacent(text: str, a: Span, b: Span) -> bool:
    """``b`` follows ``a`` with nothing but white space between them."""
    return a.end <= b.start and not text[a.end : b.start].strip()


def _claim(
    document: Document,
    sent: SpacySpan,
    frame: Frame,
    claimant: Claimant,
    quantities: list[Quantity],
    relay: Span | None,
    section: str,
    ordinal: int,
    earlier: list[Claim],
    lex: Lexicon,
) -> Claim | None:
    doc = sent.doc
    content = [doc[i] for i in sorted(frame.content) if not doc[i].is_space]
    if not content:
        return None
    reading = read_event(content, frame.cue if frame.kind == "verb" else None, lex)
    responds_to: str | None = None
    triggers: tuple[Token, ...]
    if reading is None:
        answered = _answered_claim(frame, claimant, earlier, lex)
        if answered is None:
            return None
        responds_to = answered.claim_id
        event_type, trigger, triggers = answered.event_type, None, ()
        stance: Stance = "denies"
        stance_cue: Span | None = _tok_span(frame.cue) if frame.cue is not None else None
        hedged = False
    else:
        event_type, trigger, triggers = reading.event_type, reading.trigger, reading.triggers
        stance, stance_cue, hedged = reading.stance, reading.stance_cue, reading.hedged
    content_idx = frame.content
    # the speaker's words (its clauses included) are not what it says, unless the clause is the
    # content itself ("an allegation by a group that Moscow has conducted air raids")
    speaker_idx = (speaker_tokens(frame.speaker, doc, lex) - content_idx) if frame.speaker is not None else set()
    qs = tuple(q for q in quantities if _inside(doc, q.start, q.end, content_idx))
    stated_idx = {t.i for t in frame.stated_on}
    places = place_mentions(sent, content_idx, speaker_idx, document.text, lex)
    if not places and frame.speaker is not None:
        places = _claimant_places(sent, frame, document.text, lex)
    times = time_mentions(sent, content_idx, speaker_idx | stated_idx, document.text, lex)
    stated_on = None
    if frame.stated_on:
        first, last = frame.stated_on[0], frame.stated_on[-1]
        s, e = first.idx, last.idx + len(last.text)
        stated_on = TimeSpan(text=document.text[s:e], text_start=s, text_end=e)
    perpetrator = _perpetrator(document, sent, triggers, content, claimant, lex)
    via = _via(frame, claimant, relay, document)
    evidence = _evidence(document.text, sent)
    claim_id = stable_id("claim", document.doc_id, evidence.start, evidence.end, ordinal, claimant.actor)
    confidence = _confidence(frame, reading is not None, qs, places, hedged, section)
    return Claim(
        claim_id=claim_id,
        doc_id=document.doc_id,
        claimant=claimant,
        via=via,
        stance=stance,
        event_type=event_type,
        perpetrator=perpetrator,
        quantities=qs,
        location=best_location(places, lex),
        locations=tuple(places),
        time=_nearest(times, trigger),
        stated_on=stated_on,
        evidence=evidence,
        confidence=confidence,
        event_cue=_tok_span(trigger) if trigger is not None else None,
        stance_cue=stance_cue,
        hedged=hedged,
        section=section,
        responds_to=responds_to,
        source_path=document.source_path,
        source_id=document.source_id,
        times=tuple(times),
        sites=tuple(site_mentions(sent, content_idx, speaker_idx, document.text, lex)) if reading is not None else (),
    )


def _claimant_places(sent: SpacySpan, frame: Frame, text: str, lex: Lexicon) -> list[Location]:
    """Places attached to the speaker by "in"/"of"/"from" ("Activists in the district of Alwaer in
    Homs", "the Civil Defense in Idlib", "residents of Douma"): where the source is, taken only
    when the claim names no place of its own.  Not from appositions or participle clauses
    ("affiliated to Syria opposition groups")."""
    assert frame.speaker is not None
    doc = sent.doc
    head = doc[frame.speaker[0] : frame.speaker[1] + 1].root
    allowed: set[int] = set()
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in lex.claims.speaker_place_preps:
            allowed |= {t.i for t in prep.subtree}
            # not what a clause inside says ("a coalition of militias backed by the United States")
            for t in prep.subtree:
                if t.dep_ in ("acl", "relcl", "appos"):
                    allowed -= {u.i for u in t.subtree}
    if not allowed:
        return []
    found = place_mentions(sent, allowed, set(), text, lex)
    return [replace(m, relation=CLAIMANT_PLACE) for m in found]


def _answered_claim(frame: Frame, claimant: Claimant, earlier: list[Claim], lex: Lexicon) -> Claim | None:
    """The allegation a denial without its own trigger answers ("rejected that allegation")."""
    w = lex.claims
    if frame.kind != "verb" or frame.cue is None or frame.cue.lemma_.lower() not in w.answering_denials:
        return None
    objects = [c for c in frame.cue.children if c.dep_ in ("dobj", "nsubjpass")]
    if not any(o.lemma_.lower() in w.anaphoric_objects for o in objects):
        return None
    for c in reversed(earlier):
        if c.claimant.actor != claimant.actor and c.stance == "asserts":
            return c
    return None


@cache
def _leading_article(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"^(?:{lex.claims.articles})\s+", re.I)


_HEADLINE_SPEAKER = re.compile(r":\s*(?P<who>[A-Z][\w.'’ -]{1,40}?)\s*$")


def _headline_speaker(text: str, sent: SpacySpan) -> list[Frame]:
    """"About 87,000 Militants Eliminated ...: Kremlin" — a headline names its source last."""
    line_end = text.find("\n", sent.start_char)
    line_end = len(text) if line_end < 0 else line_end
    m = _HEADLINE_SPEAKER.search(text, sent.start_char, line_end)
    if m is None or m.start() < sent.start_char:
        return []
    who = sent.doc.char_span(m.start("who"), m.end("who"), alignment_mode="expand")
    if who is None or len(who) > 6:
        return []
    content = set(range(sent.start, sent.end)) - set(range(who.start, who.end))
    return [Frame("headline", None, (who.start, who.end - 1), content)]


def _merge_same_speaker(items: list[tuple[Frame, Claimant]]) -> list[tuple[Frame, Claimant]]:
    """One speaker, one claim per sentence: "… it said, adding …" are one statement."""
    out: list[tuple[Frame, Claimant]] = []
    for frame, claimant in items:
        for f0, c0 in out:
            if c0.actor == claimant.actor and c0.actor is not None and (f0.kind == frame.kind or frame.kind != "noun"):
                f0.content |= frame.content
                f0.stated_on.extend(frame.stated_on)
                break
        else:
            out.append((frame, claimant))
    return out


def _nearest(times: list[TimeSpan], trigger: Token | None) -> TimeSpan | None:
    """The time mention closest to the event word ("killed ... in 2011", not "the vote on May 26")."""
    if not times or trigger is None:
        return times[0] if times else None
    return min(times, key=lambda t: min(abs(t.text_start - trigger.idx), abs(t.text_end - trigger.idx)))


def _perpetrator(
    document: Document, sent: SpacySpan, triggers: tuple[Token, ...], content: list[Token], claimant: Claimant,
    lex: Lexicon,
) -> Perpetrator | None:
    """The agent of the claim's main trigger, or of another trigger of the same event type or of
    its results ("The Syrian regime has killed 43 people ... in a revenge shelling attack"); never
    of another kind of event in the sentence ("... after rebels launched an offensive").  Never
    the claimant's own words, nor words across a line break (a headline run into the body)."""
    if not triggers:
        return None
    main_type = read_type(triggers[0], content, lex)
    found = None
    for t in triggers:
        if t is not triggers[0] and read_type(t, content, lex) not in (main_type, "other"):
            continue
        found = perpetrator_of(t, content, lex)
        if found is not None:
            break
    if found is None:
        return None
    first, last = found
    if "\n" in document.text[first.idx : last.idx + len(last.text)]:
        return None
    if claimant.start is not None and claimant.end is not None and first.idx < claimant.end and claimant.start < last.idx + len(last.text):
        return None  # the claimant is not what it says struck
    actor: str | None = None
    if (first is last and first.pos_ == "PRON") or first.lower_ in lex.claims.own_side_possessives:
        # "the coalition said it had struck", "said its jets struck": the claimant's own side, as
        # its words (resolved with the claimant); any other pronoun names no one
        actor = _own_side(first, claimant, sent)
        if actor is None:
            return None
    else:
        actor = _leading_article(lex).sub("", document.text[first.idx : last.idx + len(last.text)])
    return make_perpetrator(document.text, sent, first, last, actor, lex)


def _own_side(pron: Token, claimant: Claimant, sent: SpacySpan) -> str | None:
    """The claimant's words when ``pron`` (or the noun it owns) is the subject of what a claimant
    named in this sentence says ("the coalition said it had carried out two strikes"); None for
    any other pronoun ("they seized a hilltop", "It killed 18 civilians, said Rami Abdel Rahman").
    A person's "it" is not the speaker: "Lister said it could launch attacks"."""
    if claimant.start is None or claimant.end is None or claimant.text is None:
        return None
    if not (sent.start_char <= claimant.start and claimant.end <= pron.idx):
        return None
    subj = pron if pron.dep_ == "nsubj" else pron.head if pron.dep_ == "poss" and pron.head.dep_ == "nsubj" else None
    if subj is None or subj.head.dep_ != "ccomp":
        return None
    speaker = [c for c in subj.head.head.children if c.dep_ == "nsubj"]
    said_by = [t for c in speaker for t in c.subtree if claimant.start <= t.idx < claimant.end]
    if not said_by or any(t.ent_type_ == "PERSON" for t in said_by):
        return None
    return claimant.text


def _via(frame: Frame, claimant: Claimant, relay: Span | None, document: Document) -> Span | None:
    if frame.relay is not None:
        t = frame.relay
        return Span(t.text, t.idx, t.idx + len(t.text))
    if relay is None:
        return None
    if claimant.actor and relay.text.lower() in claimant.actor.lower():
        return None  # the relay is the claimant itself
    if claimant.text is None and document.outlet and relay.text.lower() in document.outlet.lower():
        return None
    return relay


def _evidence(text: str, sent: SpacySpan) -> Span:
    s, e = sent.start_char, sent.end_char
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span(text[s:e], s, e)


def _confidence(frame: Frame, has_trigger: bool, qs: tuple[Quantity, ...], places: list, hedged: bool, section: str) -> float:
    """A heuristic score, not a calibrated probability: how sure the reading is."""
    score = 0.5
    if frame.kind in ("verb", "according", "noun"):
        score += 0.2
    elif frame.kind == "quote":
        score += 0.1
    if has_trigger:
        score += 0.1
    if qs:
        score += 0.1
    if places:
        score += 0.05
    if hedged:
        score -= 0.1
    if section != "body":
        score -= 0.1
    return round(max(0.05, min(score, 0.95)), 2)


def _may_count(sent: SpacySpan, lex: Lexicon) -> bool:
    """A number, a number word, or one victim without a numeral ("a civilian", "killing him")."""
    words, q = lex.claims.count_words, lex.quantities
    return any(
        t.like_num or t.pos_ == "NUM" or t.lower_ in words or t.lower_ in q.victim_pronouns
        or (t.lower_ in q.single_determiners and t.head.lemma_.lower() in q.single_victims)
        for t in sent
    )


def _inside(doc: Doc, start: int, end: int, idx: set[int]) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    inside = sum(1 for t in span if t.i in idx)
    return inside * 2 >= len(span)


def _section(text: str, sent: SpacySpan, title: str | None) -> str:
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    line_end = text.find("\n", sent.start_char)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if title and line == title.strip():
        return "headline"
    if line and line[-1] not in ".!?\"”’:)" and len(line) < 160 and line == text[sent.start_char : sent.end_char].strip():
        return "heading"
    return "body"


def _quote_regions(text: str) -> list[_QuoteRegion]:
    """Quotations per line; a closing quote with no opening one starts at the line start."""
    out: list[_QuoteRegion] = []
    pos = 0
    for line in text.split("\n"):
        open_at: int | None = None
        straight_open = False
        for i, ch in enumerate(line):
            if ch in _OPEN_Q and ch != "’":
                open_at = pos + i
            elif ch in _CLOSE_Q and ch != "’":
                out.append(_QuoteRegion(open_at if open_at is not None else pos, pos + i))
                open_at = None
            elif ch == '"':
                if not straight_open:
                    open_at, straight_open = pos + i, True
                else:
                    out.append(_QuoteRegion(open_at if open_at is not None else pos, pos + i))
                    open_at, straight_open = None, False
        pos += len(line) + 1
    return out


def _region_of(text: str, sent: SpacySpan, regions: list[_QuoteRegion]) -> _QuoteRegion | None:
    raw = text[sent.start_char : sent.end_char]
    s = sent.start_char + len(raw) - len(raw.lstrip())
    e = s + len(raw.strip())
    for r in regions:
        if r.start <= s and e <= r.end + 2:
            return r
    return None


def _same_line(text: str, a: SpacySpan, b: SpacySpan) -> bool:
    return "\n" not in text[a.end_char : b.start_char] and text[b.start_char : b.end_char].lstrip()[:1] in _OPEN_Q + '"'


def _names_media(who: str, lex: Lexicon) -> bool:
    return any(w.lower().strip(".,") in lex.attribution.media_names for w in who.split())


def _relay_name(sent: SpacySpan, lex: Lexicon) -> Span | None:
    for t in sent:
        if t.lower_ in lex.attribution.media_names:
            return Span(t.text, t.idx, t.idx + len(t.text))
    return None


def _tok_span(tok: Token) -> Span:
    return Span(tok.text, tok.idx, tok.idx + len(tok.text))
