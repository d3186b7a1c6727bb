"""Attribution: who speaks, and which words are what they say.  Each sentence is chosen for one behaviour; expectations were read off the sentence by hand."""

from __future__ import annotations

import pytest

from counterclaim import extract
from counterclaim.extraction.attribution import find_frames, guess_actor_type

from .helpers import first_sentence

from counterclaim.knowledge.lexicon import lexicon_for

EN = lexicon_for("en")


def test_according_to_frame(nlp) -> None:  # type: ignore[no-untyped-def]
    sent = first_sentence(nlp, "According to the monitor, 12 people were killed in Douma.")
    (frame,) = find_frames(sent, EN)
    assert frame.kind == "according"
    assert sent.doc[frame.speaker[0] : frame.speaker[1] + 1].text == "monitor"
    assert not {t.i for t in sent if t.text == "According"} & frame.content


def test_accusation_noun_is_a_frame_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    sent = first_sentence(nlp, "He said following the Human Rights Watch’s accusations that Russia was using cluster bombs.")
    kinds = sorted(f.kind for f in find_frames(sent, EN))
    assert kinds == ["noun", "verb"]


def test_speaker_apposition_is_not_content(nlp) -> None:  # type: ignore[no-untyped-def]
    # "affiliated to Syria opposition groups" describes the speaker: Syria is not where it happened
    claims = extract("The Syrian Observatory for Human Rights, affiliated to Syria opposition groups, said 26 people were killed.")
    assert claims and all(loc.text != "Syria" for c in claims for loc in c.locations)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Syrian Observatory for Human Rights", "monitor"),
        ("Russia's Defense Ministry", "state_military"),
        ("Human Rights Watch", "ngo"),
        ("the Kremlin", "government"),
        ("TASS", "media"),
        ("Hayat Tahrir al-Sham", "armed_group"),
        ("Mr. Smith", "unknown"),
    ],
)
def test_actor_type_guess(name: str, kind: str) -> None:
    assert guess_actor_type(name, EN) == kind


def test_pronoun_and_surname_resolve_to_the_person_named_before() -> None:
    text = (
        "Lieutenant General Sergei Rudskoi said 40 targets were destroyed in Hama. "
        "Rudskoi said 12 militants were killed in Homs. "
        "He added that 3 tanks were destroyed in Idlib."
    )
    claims = extract(text, outlet="Test Wire")
    assert [c.claimant.actor for c in claims] == ["Sergei Rudskoi"] * 3
    assert claims[2].claimant.text == "He" and claims[2].claimant.refers_to is not None
    assert claims[2].claimant.refers_to.text.endswith("Sergei Rudskoi")


def test_indefinite_description_is_not_resolved_to_an_earlier_actor() -> None:
    # "a monitoring group" is somebody new, not Russia named just before
    claims = extract("Russia has rejected an allegation by a monitoring group that Moscow has conducted air raids in Idlib.")
    actors = {c.claimant.actor for c in claims}
    assert "Russian government" in actors and "monitoring group" in actors


def test_unattributed_claim_belongs_to_the_outlet() -> None:
    (claim,) = extract("Airstrikes hit the town of Saraqeb on Monday, killing 9 people.", outlet="Enab Baladi")
    assert claim.claimant.actor == "Enab Baladi" and claim.claimant.actor_type == "media" and claim.claimant.text is None


def test_told_a_wire_is_the_relay() -> None:
    (claim,) = extract("A local official told Reuters that 14 civilians were killed in the shelling of Douma.")
    assert claim.via is not None and claim.via.text == "Reuters"


def test_dateline_agency_is_the_claimant_when_no_outlet_is_known() -> None:
    # no metadata names the outlet; the dateline "/TASS/" says who wrote it, and that span is the evidence
    text = "MOSCOW, December 23. /TASS/. Russian jets destroyed 40 oil trucks near Deir ez-Zor."
    (claim,) = extract(text)
    assert claim.claimant.actor == "TASS" and claim.claimant.actor_type == "media"
    assert claim.claimant.start is not None and text[claim.claimant.start : claim.claimant.end] == "TASS"
    assert claim.via is None  # the writer is not its own relay


def test_known_outlet_wins_over_the_dateline() -> None:
    (claim,) = extract("MOSCOW, December 23. /TASS/. Russian jets destroyed 40 oil trucks near Deir ez-Zor.", outlet="Sputnik")
    assert claim.claimant.actor == "Sputnik" and claim.via is not None and claim.via.text == "TASS"


def test_claimed_the_lives_is_a_toll_not_a_claimant() -> None:
    (claim,) = extract("An ammunition depot explosion in the city of Homs has claimed the lives of at least 40 people, reports say.", outlet="X")
    assert claim.event_type == "explosion" and claim.location is not None and claim.location.admin1 == "Homs"
    assert claim.claimant.text == "reports"


def test_date_of_another_event_is_not_when_the_claimant_spoke() -> None:
    # seed 003: Friday is the summit's day, not the day of the Kremlin's report
    text = ("Some 87,000 militants were eliminated in Syria, the Kremlin said in a report prepared in the "
            "run-up to the trilateral summit in Tehran on Friday.")
    (claim,) = extract(text, published="2018-09-06")
    assert claim.stated_on is None
    # while a statement's own day still counts
    (claim,) = extract("The ministry said in a statement released on Tuesday that 12 militants were killed.", published="2017-02-07")
    assert claim.stated_on is not None and claim.stated_on.start == "2017-02-07"
