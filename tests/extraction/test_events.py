"""Events and stance: the event type, denials and perpetrators.  Each sentence is chosen for one behaviour; expectations were read off the sentence by hand."""

from __future__ import annotations

import pytest

from counterclaim import extract
from counterclaim.extraction.events import read_event

from .helpers import first_sentence

from counterclaim.knowledge.lexicon import lexicon_for

EN = lexicon_for("en")


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Jets carried out 10 airstrikes on Idlib.", "airstrike"),
        ("Rebels shelled the Old City of Aleppo.", "shelling"),
        ("A car bomb explosion killed 5 people in Azaz.", "explosion"),
        ("The army launched an offensive on Daraa.", "ground_attack"),
        ("The aircraft made 70 sorties.", "sorties"),
        ("Government forces captured the town of Rastan.", "territory"),
        ("The rebels used chlorine in the attack.", "weapon_use"),
    ],
)
def test_event_type(nlp, text: str, event_type: str) -> None:  # type: ignore[no-untyped-def]
    sent = first_sentence(nlp, text)
    reading = read_event(list(sent), None, EN)
    assert reading is not None and reading.event_type == event_type


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Russian planes did not carry out a single strike in Idlib.", "denies"),
        ("The Russian aviation is not using cluster bombs.", "denies"),
        ("The Russian Air Force does not strike populated areas.", "denies"),
        ("Russian planes carried out 20 strikes in Idlib.", "asserts"),
        # a negation away from the event ("neither specified") does not make a denial
        ("It was not clear who carried out the airstrikes in Idlib.", "asserts"),
    ],
)
def test_stance_from_negation(nlp, text: str, stance: str) -> None:  # type: ignore[no-untyped-def]
    reading = read_event(list(first_sentence(nlp, text)), None, EN)
    assert reading is not None and reading.stance == stance


def test_denial_verb_makes_a_denial() -> None:
    (claim,) = extract("The ministry refuted reports of airstrikes on Idlib.", outlet="X")
    assert claim.stance == "denies" and claim.stance_cue is not None and claim.stance_cue.text == "refuted"


def test_topic_mention_is_not_a_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    # "the date of the strikes" names strikes without saying they happened
    assert read_event(list(first_sentence(nlp, "The statement did not specify the date of the strikes.")), None, EN) is None


def test_rocket_launchers_are_targets_not_shelling(nlp) -> None:  # type: ignore[no-untyped-def]
    reading = read_event(list(first_sentence(nlp, "Jets destroyed rocket launchers and ammunition depots.")), None, EN)
    assert reading is not None and reading.event_type != "shelling"


def test_perpetrator_from_by_phrase() -> None:
    (claim,) = extract("Civilians were killed in airstrikes by Russian and Syrian government warplanes in Idlib.", outlet="X")
    assert claim.perpetrator is not None and "Russian and Syrian government warplanes" in claim.perpetrator.text
    assert claim.perpetrator.several


def test_passive_headline_subject_is_not_the_perpetrator() -> None:
    claims = extract("About 87,000 Militants Eliminated In Syria: Kremlin")
    assert claims and all(c.perpetrator is None for c in claims)


def test_the_attacks_after_airstrikes_are_airstrikes() -> None:
    text = "Russian jets carried out 10 airstrikes in Idlib, the ministry said. The attacks targeted ammunition depots, it added."
    claims = extract(text, outlet="X")
    assert [c.event_type for c in claims] == ["airstrike", "airstrike"]
    assert claims[1].context is not None and claims[1].context.text.startswith("Russian jets")


def test_an_attack_by_others_keeps_its_type() -> None:
    text = "Russian jets carried out 10 airstrikes in Idlib, the ministry said. Militants launched an attack on a checkpoint in Hama, it added."
    assert [c.event_type for c in extract(text, outlet="X")] == ["airstrike", "ground_attack"]


def test_shot_down_is_an_event() -> None:
    (claim,) = extract("A Russian helicopter was shot down over the Syrian province of Idlib, the ministry said.", outlet="X")
    assert claim.location is not None and claim.location.admin1 == "Idlib"


def test_car_blew_up_is_an_explosion() -> None:
    (claim,) = extract("The car blew up on the western edge of the town of Qamishli on Wednesday, killing 22 people.", outlet="X")
    assert claim.event_type == "explosion" and claim.location is not None and claim.location.admin1 == "Hasakah"


def test_hit_on_militant_facilities_is_an_event() -> None:
    (claim,) = extract("ISIL facilities and vehicles were also hit in Hasakeh, reporters said.", outlet="X")
    assert claim.location is not None and claim.location.admin1 == "Hasakah"


def test_mustard_gas_is_a_chemical_weapon(nlp) -> None:  # type: ignore[no-untyped-def]
    # mustard gas is a chemical agent for the event stage, for denials and for ACLED alike
    import re

    sent = first_sentence(nlp, "Activists said the militants used mustard gas against the village.")
    reading = read_event(list(sent), None, EN)
    assert reading is not None and reading.event_type == "weapon_use"
    assert re.search(EN.weapons["chemical weapons"], "shells filled with mustard gas", re.I)
