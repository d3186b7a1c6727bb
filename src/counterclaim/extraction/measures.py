"""What happened to the counted thing (the measure), read off the dependency parse: the noun
that names the event, a participle on it, or the verb that governs it."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from ..knowledge.lexicon import Lexicon
from ..model import Measure

#: measures that a transitive verb gives its *subject* ("laid down their weapons")
_SUBJECT_MEASURES = frozenset(("surrendered",))


@cache
def _verb_measures(lex: Lexicon) -> dict[str, Measure]:
    """verb lemma -> measure, from the lexicon's measure verbs"""
    return {lem: m for m, lemmas in lex.measures.verb_lemmas.items() for lem in lemmas.split()}


# --------------------------------------------------------------------------- parse walking


def lemma(t: Token) -> str:
    return t.lemma_.lower()


def _is_person(t: Token | None, lex: Lexicon) -> bool:
    persons = lex.measures.person_nouns
    return t is not None and (lemma(t) in persons or t.lower_ in persons)


def _has_child(t: Token, deps: tuple[str, ...], lemmas: frozenset[str] | set[str] | tuple[str, ...]) -> Token | None:
    for c in t.children:
        if c.dep_ in deps and lemma(c) in lemmas:
            return c
    return None


def _to_hospital(verb: Token, preps: tuple[str, ...], lex: Lexicon) -> bool:
    """Does ``verb`` have a "to hospital" (or, with the lexicon's ``in_hospital_preps``, "in
    hospital") phrase?"""
    for c in verb.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj" and lemma(p) in lex.measures.hospital_nouns:
                    return True
    return False


def _verb_measure(verb: Token, obj: Token | None, lex: Lexicon) -> Measure | None:
    """The measure a verb (or predicative adjective) gives the thing it happened to."""
    w = lex.measures
    lem = lemma(verb)
    prts = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    dobj = [c for c in verb.children if c.dep_ == "dobj"]
    if _has_child(verb, ("oprd", "acomp", "xcomp"), (w.dead,)):
        return "killed"  # "shot dead", "left 388,000 dead", "were found dead"
    if _to_hospital(verb, w.to_hospital_preps, lex) and lem in w.hospital_verbs:
        return "hospitalized"
    if lem in w.stay_verbs and _to_hospital(verb, w.in_hospital_preps, lex):
        return "hospitalized"  # "3 remain in hospital"
    if (w.surrender_phrasal.get(lem, frozenset()) & prts) or (
        lem in w.hand_over_verbs and (w.hand_over_particles & prts)
        and any(lemma(d) in w.weapon_objects for d in dobj)
    ):
        return "surrendered"  # "laid down their weapons", "handed over their arms"
    if lem in w.wipe_out_verbs and w.wipe_out_particle in prts:
        return "killed" if obj is None or _is_person(obj, lex) else "destroyed"
    if w.shoot_down.get(lem, frozenset()) & prts:
        return "destroyed"
    if obj is not None and lemma(obj) == w.life and lem in w.life_verbs:
        return "killed"  # "cost more than 500 lives"
    if lem in w.injury_verbs and any(lemma(d) in w.injury_objects for d in dobj):
        return "wounded"  # "three people sustained injuries"
    if lem in w.recover_verbs and obj is not None and lemma(obj) in w.remains_nouns:
        return "recovered"
    if lem in w.displace_verbs:
        return "displaced"
    if lem in w.become_verbs and _has_child(verb, ("acomp",), (w.missing,)):
        return "missing"
    if lem in w.toll_verbs and any(
        c.dep_ in ("nsubj", "nsubjpass") and lemma(c) == w.toll for c in verb.children
    ):
        return "killed"
    if lem in w.eliminate_verbs:
        if obj is None:
            return "killed" if lem in w.eliminate_default_killed else "destroyed"
        return "killed" if _is_person(obj, lex) else "destroyed"
    verb_measure = _verb_measures(lex)
    m = verb_measure.get(lem)
    if m is None and lem in w.report_verbs:
        # "six people were reported killed", "are feared dead", "were confirmed killed"
        for c in verb.children:
            if c.dep_ in ("xcomp", "oprd", "acomp", "ccomp") and c.i > verb.i and c.pos_ in ("VERB", "ADJ"):
                cm = verb_measure.get(lemma(c)) or w.amod_measure.get(c.lower_)
                if cm is not None:
                    return cm
    if m == "fired":
        # only munitions are fired; "shot 5 people" says neither killed nor wounded
        return m if obj is not None and lemma(obj) in w.fire_objects else None
    if m is None and verb.pos_ == "ADJ":
        return w.noun_measure.get(lem) if lem in w.adjective_measures else None
    if m is None and lem in w.light_verbs and obj is not None and lemma(obj) in w.fire_objects:
        return "fired"  # "delivering more than 850 munitions"
    if m == "struck" and obj is not None and lemma(obj) in w.fire_objects:
        return None
    return m


def flown_mission(noun: Token, lex: Lexicon) -> bool:
    """"jets flew 40 missions", "the UK has flown over 870 missions": a counted mission that is
    flown is a sortie (the model may read "over" as a preposition between the verb and the
    count)."""
    w = lex.measures
    if lemma(noun) != w.mission or not any(c.like_num for c in noun.children):
        return False
    head = noun.head
    if noun.dep_ == "pobj" and head.pos_ == "ADP":
        head = head.head
    return head.i != noun.i and lemma(head) == w.fly


def _noun_measure(noun: Token, lex: Lexicon) -> Measure | None:
    w = lex.measures
    lem = lemma(noun)
    if lem == w.flight:
        if any(lemma(c) == w.combat for c in noun.lefts) or lemma(noun.head) in w.light_verbs:
            return "sorties"
        return None
    if lem == w.mission and (any(lemma(c) in w.sortie_modifiers for c in noun.lefts) or flown_mission(noun, lex)):
        return "sorties"  # "bombing missions"; "the UK has flown over 870 missions"
    return w.noun_measure.get(lem) or w.noun_measure.get(noun.lower_)


def measure_of(anchor: Token, obj: Token | None, lex: Lexicon, depth: int = 0) -> Measure | None:
    """What happened to the counted thing: see the module docstring, step 4."""
    w = lex.measures
    m = _measure_walk(anchor, obj, depth, lex)
    if m == "killed" and obj is not None and lemma(obj) in w.materiel_nouns:
        return "destroyed"  # "destroying two command posts ... seven vehicles" misattached to killed
    if m is None and obj is not None:
        for c in obj.lefts:  # "dozens of severely injured children", "six displaced people"
            if c.dep_ in ("amod", "compound") and c.lower_ in w.amod_measure:
                return w.amod_measure[c.lower_]
        if lemma(obj) in w.body_nouns:
            return "recovered"  # "carted away at least 100 bodies"
    return m


def _measure_walk(anchor: Token, obj: Token | None, depth: int, lex: Lexicon) -> Measure | None:
    w = lex.measures
    head = obj if obj is not None else anchor
    if obj is not None:
        m = _noun_measure(obj, lex)
        if m is not None:
            return m
    # a participle or relative clause on the counted noun: "141 settlements liberated"
    for c in head.children:
        if c.i > head.i and c.dep_ in ("acl", "relcl", "amod") and c.pos_ in ("VERB", "ADJ"):
            if c.tag_ == "VBG" and any(d.dep_ == "dobj" for d in c.children):
                continue  # "fired 22 munitions destroying 22 targets": the munitions destroy, they are not destroyed
            m = _verb_measure(c, obj, lex)
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
            if h.lower_ not in w.pass_preps:
                return None
            via_prep = h.lower_
            cur = h
            continue
        if dep == "prep":
            if cur.lower_ not in w.pass_preps:
                return None
            # "including 10 civilians" -> killed ; "airstrikes on 1,093 targets" -> struck
            if h.pos_ in ("NOUN", "PROPN"):
                hl = lemma(h)
                if via_prep in w.strike_preps and hl in w.strike_nouns:
                    return "struck"
                if via_prep == w.of and hl in w.death_nouns:
                    return "killed"  # "the killing of one person"
                if via_prep == w.of and hl in w.injury_nouns:
                    return "wounded"  # "the injury of 40 others"
                if hl == w.toll:
                    return "killed"  # "putting the death toll at at least 70"
                if via_prep == w.of and hl == w.life and lemma(h.head) in w.lives_of_verbs:
                    return "killed"  # "claimed the lives of 129 loyalists"
            cur = h
            if h.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
                continue
            # a verb: fall through to the verb handling below with cur = the verb
            return _measure_at_verb(h, obj, "prep", via_prep, lex, depth)
        if h.pos_ in ("VERB", "AUX", "ADJ"):
            return _measure_at_verb(h, obj, dep, via_prep, lex, depth)
        if h.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            if dep in ("conj", "appos", "nummod", "nmod", "npadvmod", "quantmod", "compound"):
                if dep in ("nummod", "compound", "npadvmod", "quantmod"):
                    m = _noun_measure(h, lex)
                    if m is not None:
                        return m
                cur = h
                continue
            return None
        cur = h
    return None


def _measure_at_verb(
    verb: Token, obj: Token | None, dep: str, via_prep: str | None, lex: Lexicon, depth: int = 0
) -> Measure | None:
    """Measure at the first verb reached from the count through relation ``dep``."""
    w = lex.measures
    lem = lemma(verb)
    if lem == w.copula and dep in ("nsubj", "nsubjpass") and depth < 2:
        # "10 children were among 48 people executed": the measure of the people they are among
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == w.among:
                for p in c.children:
                    if p.dep_ == "pobj":
                        if lemma(p) in w.noun_measure or p.lower_ in w.noun_measure:
                            return w.noun_measure.get(lemma(p)) or w.noun_measure[p.lower_]  # "among the dead"
                        return measure_of(p, p if p.pos_ in ("NOUN", "PROPN") else None, lex, depth + 1)
    if dep == "nsubj" and lem in w.lose_verbs and any(c.dep_ == "dobj" and lemma(c) == w.life for c in verb.children):
        return "killed"  # "five people lost their lives"
    if dep in ("nsubj", "csubj", "expl") and lem not in w.patient_subject_verbs:
        # the count is the agent ("10 militants attacked a checkpoint"), unless the verb has
        # no object, where the parser often reads an elided passive ("141 settlements ...
        # liberated") or an intransitive ("300 militants surrendered", "30 injured"), or the
        # subject is the one it happens to ("43,000 extremists laid down their weapons")
        if any(c.dep_ in ("dobj", "dative") for c in verb.children):
            m = _verb_measure(verb, obj, lex)
            return m if m in _SUBJECT_MEASURES else None
    if dep == "prep" and via_prep in w.target_preps and lem in w.light_verbs:
        if any(c.dep_ == "dobj" and lemma(c) in w.strike_nouns for c in verb.children):
            return "struck"
        return None
    if dep == "prep" and via_prep in w.toll_preps and any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and lemma(c) == w.toll for c in verb.children
    ):
        return "killed"  # "the death toll rose to 45", "put the death toll at 85"
    if dep == "prep" and via_prep is not None and via_prep not in w.count_preps:
        return None
    return _verb_measure(verb, obj, lex)


__all__ = ["lemma", "measure_of"]
