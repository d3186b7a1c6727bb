"""Event stage: what happened (event type), whether it is asserted or denied, and by whom.

Works on the tokens of one claim's content (a set of token indices inside a sentence), using
lemma lexicons and the dependency parse:

* a **trigger** is a token whose lemma names violence or its results ("strike", "raid",
  "shell", "kill", "destroy", "sortie", "liberate", "cluster bombs", ...);
* the **event type** is the most specific type among the content's triggers
  (:data:`TYPE_PRIORITY`): a weapon named beats an airstrike, an airstrike beats its results;
* the **stance** is ``denies`` when the claimant's verb is a denial ("rejected", "refuted",
  "denied") or when a trigger, or the verb that carries it ("did not *carry out* a single
  strike"), is negated; a negation further away ("neither specified the date of the strikes")
  does not count;
* the **perpetrator** is the agent of the trigger: its subject ("Russian jets had carried out
  10 strikes"), its ``by`` phrase ("airstrikes by Russian and Syrian government warplanes") or
  its national modifier ("Russian airstrikes").
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .attribution import mention_span
from .measures import flown_mission
from ..knowledge.lexicon import Lexicon
from ..model import EventType, Perpetrator, Span, Stance

TYPE_PRIORITY: tuple[str, ...] = (
    "weapon_use", "airstrike", "shelling", "explosion", "ground_attack", "territory", "sorties", "other"
)

@dataclass(frozen=True, slots=True)
class EventReading:
    event_type: EventType
    trigger: Token
    #: every trigger of the content, most specific type first
    triggers: tuple[Token, ...]
    stance: Stance
    stance_cue: Span | None
    hedged: bool


def trigger_type(tok: Token, context_lemmas: Collection[str], lex: Lexicon) -> EventType | None:
    """The event type ``tok`` triggers, or None.  ``context_lemmas`` are the content's lemmas."""
    w = lex.events
    lemma = tok.lemma_.lower()
    if lemma in w.weapon_words and tok.pos_ in ("NOUN", "ADJ", "PROPN"):
        # "cluster bombs", "chemical weapons", "barrel bombs", "sarin"
        return "weapon_use"
    if lemma in w.weapon_verbs and tok.pos_ == "VERB" and w.weapon_words.intersection(context_lemmas):
        return "weapon_use"
    found = w.triggers.get(lemma)
    if found is None and flown_mission(tok, lex):
        found = "sorties"  # "the UK has flown over 870 missions": a flown mission is a sortie
    particles = {c.lower_ for c in tok.children} if found is None else set()
    if found is None and lex.measures.surrender_phrasal.get(lemma, frozenset()) & particles:
        return "other"  # "laid down their weapons": surrendered
    if found is None and w.explode_phrasal.get(lemma, frozenset()) & particles:
        return "explosion"  # "the car blew up"
    if found is None and (
        lemma in w.down_verbs and tok.pos_ == "VERB" or lex.measures.shoot_down.get(lemma, frozenset()) & particles
    ):
        return "other"  # "the helicopter was shot down", "rebels downed a jet"
    if found is None:
        return None
    if lemma in w.weapon_nouns and tok.dep_ == "compound" and tok.head.lemma_.lower() not in w.fire_heads:
        return None  # "rocket launchers", "missile depots": things, not shelling
    if lemma == w.air_attack and w.air_words.intersection(context_lemmas):
        return "airstrike"
    if lemma in w.military_verbs and tok.pos_ == "VERB" and not _military_context(context_lemmas, lex):
        return None
    if lemma in w.military_nouns and not _military_context(context_lemmas, lex):
        return None
    if lemma in w.bomb_nouns and (
        any(c.lower_ in w.ground_bombs for c in tok.children) or (tok.dep_ == "compound" and tok.head.lemma_.lower() in w.explosion_heads)
    ):
        return "explosion"  # "a car bomb", "suicide bombing", "a bomb explosion"
    if lemma == w.bomber and any(c.lower_.startswith(w.aircraft_prefixes) for c in tok.children):
        return "airstrike"  # "A Su-24M bomber destroyed": an aircraft, not a suicide bomber
    if lemma == w.bomber:
        return "airstrike" if w.bomber_air.intersection(context_lemmas) else "explosion"
    return found


def read_type(tok: Token, content: Collection[Token], lex: Lexicon) -> EventType | None:
    """The event type ``tok`` triggers among the content tokens ``content``."""
    return trigger_type(tok, {t.lemma_.lower() for t in content}, lex)


def _military_context(lemmas: Collection[str], lex: Lexicon) -> bool:
    return bool(lex.events.military_context.intersection(lemmas))


def read_event(content: list[Token], frame_verb: Token | None, lex: Lexicon) -> EventReading | None:
    """Event type, main trigger and stance of one claim's content tokens; None when no trigger."""
    w = lex.events
    lemmas = {t.lemma_.lower() for t in content}
    found: list[tuple[int, int, Token, EventType]] = []
    for tok in content:
        etype = trigger_type(tok, lemmas, lex)
        if etype is not None:
            found.append((TYPE_PRIORITY.index(etype), tok.i, tok, etype))
    found.sort(key=lambda f: (f[0], f[1]))
    denial_cue = _denial_verb_cue(frame_verb, lex)
    if found and denial_cue is None and all(_only_mentioned(f[2], lex) or _unspecified(f[2], lex) for f in found):
        return None
    best = found[0][1:] if found else None
    if best is None:
        return None
    _, trigger, etype = best
    stance: Stance = "asserts"
    cue: Span | None = None
    if denial_cue is not None:
        stance, cue = "denies", denial_cue
    else:
        neg = _negation_of_triggers(content, lemmas, lex)
        if neg is not None:
            stance, cue = "denies", neg
        else:
            lie = next((t for t in content if t.lemma_.lower() in w.denial_words and t.pos_ in ("NOUN", "ADJ")), None)
            if lie is not None:
                stance, cue = "denies", _span_of(lie)
    hedged = any(t.lower_ in w.hedges for t in content)
    return EventReading(etype, trigger, tuple(f[2] for f in found), stance, cue, hedged)


def _only_mentioned(tok: Token, lex: Lexicon) -> bool:
    """"the date of the strikes", "footage of the airstrikes": the event is named as the topic of
    something else, not said to have happened."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj":
        return False
    prep = tok.head
    owner = prep.head
    return prep.lower_ in lex.events.topic_preps and owner.pos_ == "NOUN" and owner.lemma_.lower() in lex.events.topic_nouns


def _unspecified(tok: Token, lex: Lexicon) -> bool:
    """"The statement neither specified the date ... nor the group that was targeted": under a
    negated verb of telling, nothing is said to have happened."""
    for anc in tok.ancestors:
        if anc.lemma_.lower() in lex.events.telling and any(
            c.dep_ in ("neg", "preconj") or c.lower_ in lex.events.telling_negations for c in anc.children
        ):
            return True
    return False


def _denial_verb_cue(verb: Token | None, lex: Lexicon) -> Span | None:
    if verb is None:
        return None
    if verb.lemma_.lower() in lex.events.denial_verbs:
        return _span_of(verb)
    # "said ... , saying its jets have not targeted": the frame verb of a participle denial
    return None


def _negation_of_triggers(content: list[Token], lemmas: Collection[str], lex: Lexicon) -> Span | None:
    """A negation on a trigger or on the verb that carries it ("did not carry out a single
    strike", "no civilians were killed").  Not a trigger that only describes something else
    ("the bodies ... with no visible injuries"), nor a negation that says the event goes on
    ("the bombing won't let up", "the attack will not go unpunished")."""
    w = lex.events
    for tok in content:
        if trigger_type(tok, lemmas, lex) is None or _describes(tok, lex):
            continue
        for carrier in _carriers(tok, lex):
            if _goes_on(carrier, lex):
                continue
            for child in carrier.children:
                if child.dep_ == "neg" or child.lower_ in w.negations:
                    return _span_of(child)
            if carrier.pos_ == "NOUN":
                for child in carrier.children:
                    if child.dep_ == "det" and child.lower_ in w.negative_determiners:
                        return _span_of(child)
    return None


def _describes(tok: Token, lex: Lexicon) -> bool:
    """"with no visible injuries", "without damage": a trigger in a with/without phrase."""
    return tok.dep_ == "pobj" and tok.head.lower_ in lex.events.describing_preps


def _goes_on(verb: Token, lex: Lexicon) -> bool:
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = verb.lemma_.lower()
    w = lex.events
    if lemma in w.going_on or (w.going_on_phrasal.get(lemma, frozenset()) & {c.lower_ for c in verb.children}):
        return True
    return any(c.lower_ in w.going_on_complements for c in verb.children)


def _carriers(tok: Token, lex: Lexicon) -> list[Token]:
    """The trigger itself and the verb (or verbs, through xcomp/conj) that predicate it."""
    out = [tok]
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass", "nsubj", "attr") and head.pos_ in ("VERB", "AUX"):
        out.append(head)
        if head.dep_ in ("xcomp",) and head.head.pos_ in ("VERB", "AUX"):
            out.append(head.head)
    elif tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and head.lower_ in lex.events.participation_preps:
        # "took part in strikes": only for participation verbs
        if head.head.lemma_ in lex.events.participation_verbs:
            out.append(head.head)
    if tok.pos_ == "VERB" and tok.dep_ in ("xcomp",) and tok.head.pos_ in ("VERB", "AUX"):
        out.append(tok.head)
    return out


def perpetrator_of(trigger: Token, content: Collection[Token], lex: Lexicon) -> tuple[Token, Token] | None:
    """(first, last) token of the agent of ``trigger``, or None.

    In order: the subject of the verb that carries the trigger ("Russian jets had carried out 10
    strikes"), the agent of its passive ("was struck by Russian jets"), the ``by`` phrase of an
    attack noun ("airstrikes by the US-led coalition") or of a participle on it ("an airstrike
    carried out by the regime", "airstrikes led by the international coalition"), and the actor
    words before an attack noun or a weapon ("an Israeli aggression", "regime barrel bomb
    attacks", "Syrian regime or Russian air strikes").  An agent that is itself an attack noun or
    a weapon stands for the actor words before it ("killed by Syrian regime shelling"); a bare
    weapon, platform, victim or generic word names no one (:func:`names_someone`)."""
    w = lex.events
    inside = {t.i for t in content}
    noun = _phrase_head(trigger, lex)
    verb = trigger if trigger.pos_ == "VERB" else None
    if verb is None and noun.dep_ in ("dobj",) and noun.head.pos_ == "VERB" and (
        noun.head.lemma_ in w.light_verbs or noun.head.lemma_ in w.weapon_verbs
    ):
        verb = noun.head  # "carried out strikes", "fired rockets", "dropped barrel bombs"
    if verb is None and noun.dep_ == "nsubjpass" and noun.head.pos_ == "VERB" and noun.head.lemma_ in w.light_verbs:
        verb = noun.head  # "the strikes were carried out by ..."
    candidates: list[Token] = []
    if verb is not None:
        candidates.extend(_verb_agents(verb, lex))
    if not candidates and noun.pos_ in ("NOUN", "PROPN"):
        candidates.extend(_noun_agents(noun, lex))
    for cand in candidates:
        if cand.i not in inside:
            continue
        found = _agent_span(cand, lex)
        if found is not None and all(t.i in inside for t in found):
            return found
    if noun.pos_ in ("NOUN", "PROPN") and _attack_like(noun, lex):
        mods = actor_modifiers(noun, lex)  # "Russian airstrikes", "a Turkish drone"
        if mods is not None and mods[0].i in inside:
            return mods
    if _attack_like(noun, lex) and not any(c.dep_ in ("nsubj", "agent") for c in noun.children):
        before = _actor_words_before(noun, lex)  # "in Syrian government shelling", parsed as a verb
        if before is not None and before[0].i in inside:
            return before
    return None


def _actor_words_before(tok: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """The actor words right before an attack word, whatever the parse made of them: "Syrian
    government" shelling, "regime" barrel bomb attacks."""
    w = lex.events
    doc = tok.doc
    j = tok.i - 1
    while j >= 0 and doc[j].lemma_.lower() in w.platforms | w.weapon_words | w.weapon_nouns | w.air_words:
        j -= 1
    last = j
    while j >= 0 and (_names_actor(doc[j], lex) or doc[j].lower_ in w.actor_joins):
        j -= 1
    first = j + 1
    while first <= last and doc[first].lower_ in w.actor_joins:
        first += 1
    while last >= first and doc[last].lower_ in w.actor_joins:
        last -= 1
    if first > last:
        return None
    return doc[first], doc[last]


def _phrase_head(tok: Token, lex: Lexicon) -> Token:
    """The head noun of the phrase a trigger noun sits in: "regime barrel bomb attacks" -> attacks,
    "mortar fire by Daesh terrorists" -> fire."""
    while tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _verb_agents(verb: Token, lex: Lexicon) -> list[Token]:
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ == "nsubj" and not _patient_subject(verb, lex):
            out.append(child)
        elif child.dep_ == "agent":
            out.extend(c for c in child.children if c.dep_ == "pobj")
    if not out and verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    ):
        return _verb_agents(verb.head, lex)  # "jets made 302 sorties and delivered airstrikes"
    return out


def _noun_agents(noun: Token, lex: Lexicon) -> list[Token]:
    """"strikes by Daesh"; "an airstrike carried out either by the regime or Russian warplanes",
    "airstrikes led by the international coalition", "the attack believed to have been carried
    out by Russian aircraft": the agent of a participle on the attack noun."""
    w = lex.events
    out: list[Token] = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == w.agent_prep:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    verbs = [c for c in noun.children if c.dep_ == "acl"]
    if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in w.belief_verbs:
        verbs.append(noun.head)  # "the attack believed to have been carried out by ..."
    for child in verbs:
        for v in (child, *(t for t in child.subtree if t.dep_ == "xcomp")):
            if v.lemma_.lower() in w.light_verbs or v.lemma_.lower() in w.agent_participles:
                for a in v.children:
                    if a.dep_ == "agent":
                        out.extend(c for c in a.children if c.dep_ == "pobj")
    return out


def _agent_span(cand: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    w = lex.events
    doc = cand.doc
    if cand.pos_ == "PRON":
        return (cand, cand) if cand.lower_ in w.perpetrator_pronouns else None
    if cand.lemma_.lower() in w.collective_nouns:
        # "a series of precision U.S. airstrikes": the attacks the series is made of
        inner = next((p for c in cand.children if c.dep_ == "prep" and c.lower_ == lex.measures.of
                      for p in c.children if p.dep_ == "pobj"), None)
        if inner is None:
            return None
        cand = inner
    if cand.lemma_.lower() in w.platforms and actor_modifiers(cand, lex) is None:
        owner = next((p for c in cand.children if c.dep_ == "prep" and c.lower_ == lex.measures.of
                      for p in c.children if p.dep_ == "pobj"), None)
        if owner is not None:
            cand = owner  # "jets of the Russian air group"
    if _attack_like(cand, lex) and not _names_actor(cand, lex):
        return actor_modifiers(cand, lex)  # "killed by Syrian regime shelling"
    if cand.dep_ in ("amod", "compound") and _names_actor(cand, lex):
        sub = _conjoined_modifiers(cand)
        return min(sub, key=lambda t: t.i), max(sub, key=lambda t: t.i)
    first, last = mention_span(cand, lex, with_conj=True)
    span = [doc[i] for i in range(first, last + 1)]
    if not names_someone(span, lex):
        return None
    return doc[first], doc[last]


#: the event types whose noun an actor word owns as the attacker ("Turkish shelling"); not a
#: siege or a capture ("broke a Daesh siege": Daesh besieged, others broke it)
_OWNED_TYPES = frozenset({"airstrike", "shelling", "ground_attack", "explosion", "weapon_use"})


def _attack_like(tok: Token, lex: Lexicon) -> bool:
    """An attack noun, a weapon or a platform: what an actor word before it owns."""
    w = lex.events
    lemma = tok.lemma_.lower()
    return w.triggers.get(lemma) in _OWNED_TYPES or lemma in w.platforms or lemma in w.weapon_nouns


def _names_actor(tok: Token, lex: Lexicon) -> bool:
    """A word that names an actor by itself: a nationality or acting country ("Russian",
    "U.S."), an organisation's name, or an actor word ("regime", "coalition")."""
    low = tok.lower_
    if any(ch.isdigit() for ch in low):
        return False  # "a Su-24 bomber": a designator, not an owner
    if low in lex.events.actor_words or low in lex.nationalities:
        return True
    if tok.ent_type_ in ("NORP", "ORG") and tok.pos_ in ("PROPN", "ADJ", "NOUN"):
        return not (tok.lemma_.lower() in lex.events.triggers or tok.lemma_.lower() in lex.events.platforms)
    return tok.ent_type_ == "GPE" and low.strip(".") in lex.events.acting_countries


def actor_modifiers(noun: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """The actor words before an attack noun or a weapon, first to last ("Syrian regime or
    Russian" air strikes, "US-led coalition" airstrike, "Turkish" drone); None when none."""
    doc = noun.doc
    left = [t for t in noun.subtree if t.i < noun.i]
    actors = [t for t in left if _names_actor(t, lex)]
    if noun.dep_ == "conj" and noun.head.i < noun.i and _names_actor(noun.head, lex):
        before = _actor_words_before(noun, lex)  # "Syrian regime or Russian air strikes"
        if before is not None:
            return before
    if not actors:
        own = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in lex.events.perpetrator_pronouns), None)
        return (own, noun) if own is not None else None  # "its jets": the claimant's own side
    if noun.lemma_.lower() in lex.events.platforms:
        return doc[actors[0].i], noun  # "Russian jets": the registry may know the air force
    return doc[actors[0].i], doc[actors[-1].i]


def names_someone(span: list[Token], lex: Lexicon) -> bool:
    """Whether a perpetrator's words name somebody: not a bare weapon or platform ("drone",
    "a helicopter"), an attack ("aggression"), a victim ("Woman"), or a generic word ("Forces")
    unless an actor word or a name comes with it ("Israeli drone", "government forces")."""
    if not span:
        return False
    w = lex.events
    words = [t for t in span if not t.is_punct]
    head = words[-1] if words else span[-1]
    lemma, low = head.lemma_.lower(), head.lower_
    others = [t for t in span if t is not head]
    if any(_names_actor(t, lex) or (t.ent_type_ in ("ORG", "PERSON") and not any(ch.isdigit() for ch in t.text)) for t in others):
        return True
    if lemma in w.triggers or lemma in w.platforms or lemma in w.weapon_nouns or lemma in w.weapon_words:
        return False
    if lemma in w.generic_agents or low in w.generic_agents or lemma in w.victim_nouns:
        return False
    return True


def _patient_subject(verb: Token, lex: Lexicon) -> bool:
    """The subject of this verb suffered the act: a bare participle ("87,000 Militants
    Eliminated", "141 settlements ... liberated") or a surrender ("laid down their weapons")."""
    if verb.lemma_.lower() in lex.events.patient_verbs:
        return True
    own_aux = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if verb.dep_ == "conj" and not own_aux and any(c.dep_ == "auxpass" for c in verb.head.children):
        return True  # "militants have been eliminated, 141 settlements ... liberated"
    if verb.tag_ != "VBN":
        return False
    head = verb.head if verb.dep_ == "conj" else verb
    auxes = [c for c in (*verb.children, *head.children) if c.dep_ in ("aux", "auxpass")]
    return not auxes or any(c.dep_ == "auxpass" for c in auxes)


def _conjoined_modifiers(mod: Token) -> list[Token]:
    """"Syrian and Russian airstrikes": the modifier and its conjuncts."""
    out = [mod]
    for t in mod.subtree:
        if t.dep_ in ("conj", "cc"):
            out.append(t)
    return out


def make_perpetrator(
    doc_text: str, sent: SpacySpan, first: Token, last: Token, actor: str | None, lex: Lexicon
) -> Perpetrator:
    """The perpetrator of the words ``first``..``last``.  A backer named before a qualifier
    ("Turkish-backed factions", "Iran-backed militias") is not the attacker: the words after it
    are, and the backer is kept apart in ``backer_span``."""
    toks = list(sent.doc[first.i : last.i + 1])
    backer: Span | None = None
    cut = next((k for k, t in enumerate(toks) if t.lower_ in lex.events.backer_words and 0 < k < len(toks) - 1), None)
    if cut is not None:
        b_first, b_last = toks[0], toks[cut - 1]
        while b_last.i > b_first.i and b_last.is_punct:
            b_last = sent.doc[b_last.i - 1]
        if not b_last.is_punct:
            backer = Span(doc_text[b_first.idx : b_last.idx + len(b_last.text)], b_first.idx, b_last.idx + len(b_last.text))
            first = toks[cut + 1]
            toks = toks[cut + 1 :]
    start = first.idx
    end = last.idx + len(last.text)
    text = doc_text[start:end]
    if backer is not None:
        actor = text
    several = any(t.dep_ == "cc" for t in toks) or any(t.lower_ == lex.events.alternative for t in toks)
    return Perpetrator(text=text, actor=actor, start=start, end=end, several=several, backer_span=backer)


def _span_of(tok: Token) -> Span:
    return Span(tok.text, tok.idx, tok.idx + len(tok.text))
