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


# --------------------------------------------------------------------------- who did it
# Sentences written for one pattern each; the expected actor is what a careful reader codes.


def _perp(text: str):  # type: ignore[no-untyped-def]
    claims = extract(text, outlet="X")
    assert claims, text
    return claims[0].perpetrator


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # nationality before an attack noun
        ("An Israeli aggression targeted the airport of Damascus at dawn.", "Israeli government"),
        ("Turkish shelling hit the village of Tal Tamr on Monday.", "Turkish government"),
        ("A Russian air attack killed three people in Ariha.", "Russian government"),
        # an actor word before a weapon and an attack noun
        ("Regime barrel bombs killed four people in Daraya.", "Syrian government"),
        ("Two people were killed in regime barrel bomb attacks on Daraya.", "Syrian government"),
        # an actor or nationality before a weapon or platform
        ("A Turkish drone struck a car near Qamishli.", "Turkish Armed Forces"),
        ("Coalition missiles hit an oil field near Deir ez-Zor.", "US-led coalition"),
        ("Russian warplanes bombed the town of Saraqib.", "Russian Aerospace Forces"),
        ("An Israeli drone targeted a car in Quneitra.", "Israeli government"),
        # X forces / army / occupation forces as the subject of an attack verb
        ("Israeli occupation forces shelled the outskirts of Quneitra.", "Israel Defense Forces"),
        ("Syrian army units fired rockets at Kafr Nabl.", "Syrian Arab Army"),
        # the agent of a passive
        ("The market was struck by Russian jets on Sunday.", "Russian Aerospace Forces"),
        ("Five civilians were killed by Syrian regime shelling in Douma.", "Syrian government"),
        # the agent of a participle on the attack noun
        ("An airstrike carried out by the regime killed six people in Maarat al-Numan.", "Syrian government"),
        ("Airstrikes led by the international coalition killed dozens of people in Tokhar.", "US-led coalition"),
        ("The attack, believed to have been carried out by Russian aircraft, killed 18 people.", "Russian Aerospace Forces"),
        # an actor word the parse puts apart from the attack noun
        ("Two medics were among 31 people killed in Syrian government shelling of Jayrud.", "Syrian government"),
        # a collective noun: the attacks are in its "of" phrase
        ("A series of U.S. airstrikes killed more than 20 militants in Idlib.", "US government"),
        # aliases real sources use
        ("The QSD shelled the village of Ain Issa.", "Syrian Democratic Forces"),
        ("The IAF struck weapons depots near Damascus.", "Israel Defense Forces"),
        ("CENTCOM conducted a strike near Sarmada.", "US Central Command"),
        ("The international coalition carried out four strikes near Raqqa.", "US-led coalition"),
        ("The regime shelled the town of Kafr Zita.", "Syrian government"),
        ("Government forces shelled the town of Kafr Zita.", "Syrian Arab Army"),
        # the subject of the first of two conjoined verbs acts in the second too
        ("Russian jets made 302 sorties and delivered airstrikes on 1,200 targets in Idlib.", "Russian Aerospace Forces"),
        # a platform "of" its owner
        ("Jets of the Russian air group struck militant positions near Palmyra.", "Russian Aerospace Forces"),
        # a possessive country before a designated platform ("Su-34" is a type, not an owner)
        ("Russia's Su-34 bombers struck a depot near Raqqa.", "Russian government"),
    ],
)
def test_perpetrator_named_in_the_attack_phrase(text: str, actor: str) -> None:
    p = _perp(text)
    assert p is not None and p.actor == actor, p


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # several conjoined before a platform
        ("Russian and regime warplanes bombed Khan Sheikhoun.", ("Russian Aerospace Forces", "Syrian Arab Air Force")),
        # several as alternatives before an attack noun
        ("Syrian regime or Russian air strikes killed 26 people in Idlib.", ("Syrian government", "Russian government")),
        # several as alternatives in a participle's agent
        ("The attack was caused by an airstrike carried out either by the regime or Russian warplanes.",
         ("Syrian government", "Russian Aerospace Forces")),
    ],
)
def test_several_perpetrators(text: str, actors: tuple[str, ...]) -> None:
    p = _perp(text)
    assert p is not None and p.several and p.actors == actors, p


@pytest.mark.parametrize(
    ("text", "actor", "backer"),
    [
        # a backer before "-backed" is not the attacker
        ("Turkish-backed factions shelled the village of Tal Rifaat.", "Turkish-backed factions", "Turkish government"),
        ("Iran-backed militias fired rockets at the US base.", "Iran-backed militias", "Iranian government"),
    ],
)
def test_a_backer_is_not_the_perpetrator(text: str, actor: str, backer: str) -> None:
    p = _perp(text)
    assert p is not None and p.backer == backer, p
    assert p.backer_span is not None and p.backer_span.text in actor
    assert p.text == actor.split("-backed ")[1] and p.actor == p.text


@pytest.mark.parametrize(
    "text",
    [
        # the victim is not the perpetrator
        "Woman killed in airstrike on Idlib",
        "Eight civil defence workers were killed when an air strike hit their office in Kafr Zita.",
        # a bare weapon or platform names no one
        "A drone struck a car near Qamishli.",
        "A helicopter dropped a barrel bomb over Aleppo, killing four.",
        "An aggression targeted the outskirts of Damascus.",
        # a generic word names no one
        "Forces shelled the village of Tal Tamr.",
        # who holds the target is not who struck
        "Airstrikes on Daesh-held villages killed 85 civilians.",
        # another kind of event in the sentence does not lend its agent
        "At least 25 civilians were killed in airstrikes on Hama after rebels launched an offensive.",
        # the claimant is not what it says struck
        "The Syrian Observatory for Human Rights said airstrikes killed 12 people in Idlib.",
        # a type designator names no owner
        "A Su-24 bomber struck the town of Ariha.",
        # a siege is not owned like an attack: "Daesh" besieged, the subject broke the siege
        "Government troops broke a Daesh siege of Deir ez-Zor.",
    ],
)
def test_no_perpetrator_rather_than_a_wrong_one(text: str) -> None:
    assert _perp(text) is None


def test_its_jets_are_the_claimants_own() -> None:
    # "its jets": the speaking body's own side struck (resolved through the claimant)
    p = _perp("The Russian Defence Ministry said its jets struck 40 targets in Hama.")
    assert p is not None and p.text == "its jets" and p.actor == "Russian Ministry of Defence"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # "X said it had struck": the pronoun subject of what the claimant says is its own side
        ("The coalition said it had carried out two strikes near Raqa on Monday.", "US-led coalition"),
        ("Russia's Defense Ministry said Monday it had killed up to 200 fighters in airstrikes.", "Russian Ministry of Defence"),
    ],
)
def test_the_claimants_it_is_its_own_side(text: str, actor: str) -> None:
    p = _perp(text)
    assert p is not None and p.actor == actor, p


@pytest.mark.parametrize(
    "text",
    [
        # a pronoun before the speaker is what the speaker talks about (the strike), not the speaker
        "It killed 18 civilians including one child, said Rami Abdel Rahman.",
        # a pronoun deeper in what a person says is someone else
        "Lister said IS was likely to move into Aazaz from which it could launch attacks.",
        # a pronoun with no speaker in its sentence names no one (never the outlet)
        "Government forces severed the road on Thursday when they shelled a hilltop near it.",
    ],
)
def test_other_pronouns_name_no_one(text: str) -> None:
    p = _perp(text)
    assert p is None or p.text.lower() not in ("it", "they"), p
