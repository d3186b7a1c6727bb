"""What happened to the counted thing (the measure), read off the dependency parse: the noun
that names the event, a participle on it, or the verb that governs it."""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Measure


# verb lemma -> measure
_VERB_MEASURE: dict[str, Measure] = {}
_VERB_LEMMAS: dict[Measure, str] = {
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
}
for _m, _lemmas in _VERB_LEMMAS.items():
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
_NOUN_MEASURE: dict[str, Measure] = {
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
_AMOD_MEASURE: dict[str, Measure] = {
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
#: prepositions a count may sit under and still be the thing the verb happened to
_PASS_PREPS = frozenset("including among at on against of to into upon toward towards".split())

# --------------------------------------------------------------------------- parse walking


def lemma(t: Token) -> str:
    return t.lemma_.lower()


def _is_person(t: Token | None) -> bool:
    return t is not None and (lemma(t) in PERSON_NOUNS or t.lower_ in PERSON_NOUNS)


def _has_child(t: Token, deps: tuple[str, ...], lemmas: frozenset[str] | set[str]) -> Token | None:
    for c in t.children:
        if c.dep_ in deps and lemma(c) in lemmas:
            return c
    return None


def _to_hospital(verb: Token, preps: tuple[str, ...] = ("to", "into")) -> bool:
    """Does ``verb`` have a "to hospital" (or, with ``preps=("in",)``, "in hospital") phrase?"""
    for c in verb.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj" and lemma(p) in ("hospital", "clinic", "infirmary"):
                    return True
    return False


def _verb_measure(verb: Token, obj: Token | None) -> Measure | None:
    """The measure a verb (or predicative adjective) gives the thing it happened to."""
    lem = lemma(verb)
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
        and any(lemma(d) in ("weapon", "arm") for d in dobj)
    ):
        return "surrendered"  # "laid down their weapons", "handed over their arms"
    if lem in ("wipe", "take") and "out" in prts:
        return "killed" if obj is None or _is_person(obj) else "destroyed"
    if lem == "shoot" and "down" in prts:
        return "destroyed"
    if obj is not None and lemma(obj) == "life" and lem in ("claim", "cost", "take", "lose", "end"):
        return "killed"  # "cost more than 500 lives"
    if lem in ("sustain", "suffer", "receive") and any(lemma(d) in ("injury", "wound") for d in dobj):
        return "wounded"  # "three people sustained injuries"
    if lem in ("find", "pull", "dig") and obj is not None and lemma(obj) in ("body", "corpse", "remains"):
        return "recovered"
    if lem in ("evacuate",):
        return "displaced"
    if lem in ("be", "remain", "stay", "go", "become") and _has_child(verb, ("acomp",), frozenset(("missing",))):
        return "missing"
    if lem in ("rise", "reach", "climb", "stand", "be", "hit", "jump", "increase") and any(
        c.dep_ in ("nsubj", "nsubjpass") and lemma(c) == "toll" for c in verb.children
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
                cm = _VERB_MEASURE.get(lemma(c)) or _AMOD_MEASURE.get(c.lower_)
                if cm is not None:
                    return cm
    if m == "fired":
        # only munitions are fired; "shot 5 people" says neither killed nor wounded
        return m if obj is not None and lemma(obj) in _FIRE_OBJECTS else None
    if m is None and verb.pos_ == "ADJ":
        return _NOUN_MEASURE.get(lem) if lem in ("dead", "wounded", "injured", "missing") else None
    if m == "struck" and obj is not None and lemma(obj) in _FIRE_OBJECTS:
        return None
    return m


def _noun_measure(noun: Token) -> Measure | None:
    lem = lemma(noun)
    if lem == "flight":
        if any(lemma(c) == "combat" for c in noun.lefts) or lemma(noun.head) in _LIGHT_VERBS:
            return "sorties"
        return None
    if lem == "mission" and any(lemma(c) in ("combat", "bombing", "strike") for c in noun.lefts):
        return "sorties"
    return _NOUN_MEASURE.get(lem) or _NOUN_MEASURE.get(noun.lower_)


def measure_of(anchor: Token, obj: Token | None, depth: int = 0) -> Measure | None:
    """What happened to the counted thing: see the module docstring, step 4."""
    m = _measure_walk(anchor, obj, depth)
    if m == "killed" and obj is not None and lemma(obj) in _MATERIEL_NOUNS:
        return "destroyed"  # "destroying two command posts ... seven vehicles" misattached to killed
    if m is None and obj is not None:
        for c in obj.lefts:  # "dozens of severely injured children", "six displaced people"
            if c.dep_ in ("amod", "compound") and c.lower_ in _AMOD_MEASURE:
                return _AMOD_MEASURE[c.lower_]
        if lemma(obj) in ("body", "corpse"):
            return "recovered"  # "carted away at least 100 bodies"
    return m


def _measure_walk(anchor: Token, obj: Token | None, depth: int) -> Measure | None:
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
                hl = lemma(h)
                if via_prep in ("on", "at", "against", "of") and hl in _STRIKE_NOUNS:
                    return "struck"
                if via_prep == "of" and hl in _DEATH_NOUNS:
                    return "killed"  # "the killing of one person"
                if via_prep == "of" and hl in _INJURY_NOUNS:
                    return "wounded"  # "the injury of 40 others"
                if hl == "toll":
                    return "killed"  # "putting the death toll at at least 70"
                if via_prep == "of" and hl == "life" and lemma(h.head) in ("claim", "take", "cost", "end"):
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
) -> Measure | None:
    """Measure at the first verb reached from the count through relation ``dep``."""
    lem = lemma(verb)
    if lem == "be" and dep in ("nsubj", "nsubjpass") and depth < 2:
        # "10 children were among 48 people executed": the measure of the people they are among
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "among":
                for p in c.children:
                    if p.dep_ == "pobj":
                        if lemma(p) in _NOUN_MEASURE or p.lower_ in _NOUN_MEASURE:
                            return _NOUN_MEASURE.get(lemma(p)) or _NOUN_MEASURE[p.lower_]  # "among the dead"
                        return measure_of(p, p if p.pos_ in ("NOUN", "PROPN") else None, depth + 1)
    if dep in ("nsubj", "csubj", "expl") and lem not in _PATIENT_SUBJECT_VERBS:
        # the count is the agent ("10 militants attacked a checkpoint"), unless the verb has
        # no object, where the parser often reads an elided passive ("141 settlements ...
        # liberated") or an intransitive ("300 militants surrendered", "30 injured"), or the
        # subject is the one it happens to ("43,000 extremists laid down their weapons")
        if any(c.dep_ in ("dobj", "dative") for c in verb.children):
            m = _verb_measure(verb, obj)
            return m if m in _SUBJECT_MEASURES else None
    if dep == "prep" and via_prep in ("on", "at", "against") and lem in _LIGHT_VERBS:
        if any(c.dep_ == "dobj" and lemma(c) in _STRIKE_NOUNS for c in verb.children):
            return "struck"
        return None
    if dep == "prep" and via_prep in ("to", "at") and any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and lemma(c) == "toll" for c in verb.children
    ):
        return "killed"  # "the death toll rose to 45", "put the death toll at 85"
    if dep == "prep" and via_prep not in ("including", "among", "of", None):
        return None
    return _verb_measure(verb, obj)



__all__ = ["PERSON_NOUNS", "lemma", "measure_of"]
