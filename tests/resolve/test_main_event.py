"""The article's main event (resolve/main_event.py): the claim its headline and lead report."""

from __future__ import annotations

from dataclasses import replace

from counterclaim.model import Claim, Claimant, Location, Quantity, Span
from counterclaim.resolve.main_event import main_event
from counterclaim.pipeline import Extractor

from ..builders import killed


def _claim(cid: str, start: int, *, section: str = "body", event_type: str = "airstrike", stance: str = "asserts",
           place: str | None = None, quantities: tuple[Quantity, ...] = ()) -> Claim:
    loc = Location(text=place, name=place, admin1="Idlib", precision="point") if place else None
    return Claim(
        claim_id=cid, doc_id="d", claimant=Claimant(None, None, "media", None, None), via=None, stance=stance,  # type: ignore[arg-type]
        event_type=event_type, perpetrator=None, quantities=quantities, location=loc,  # type: ignore[arg-type]
        locations=(loc,) if loc else (), time=None, stated_on=None, evidence=Span("x" * 50, start, start + 50),
        confidence=0.8, section=section,
    )


def test_no_claims_no_main_event() -> None:
    assert main_event([]) is None


def test_the_lead_claim_that_details_the_headline_event_wins() -> None:
    # pattern: a headline announcing the event, a lead sentence that gives place and toll, then
    # background about another kind of event
    headline = _claim("h", 0, section="headline")
    lead = _claim("l", 60, place="Maarrat al-Numan", quantities=(killed(12),))
    later = _claim("b", 900, event_type="shelling", place="Ariha", quantities=(killed(40),))
    assert main_event([headline, lead, later]) is lead


def test_a_reaction_in_the_lead_loses_to_the_event_it_reacts_to() -> None:
    # pattern: the lead opens with a condemnation (event type "other"), the strike follows
    headline = _claim("h", 0, section="headline")
    reaction = _claim("r", 60, event_type="other")
    strike = _claim("s", 120, place="Douma")
    assert main_event([headline, reaction, strike]) is strike


def test_the_headline_type_beats_an_earlier_claim_of_another_type() -> None:
    # pattern: headline "Car bomb kills 5", lead opens with a shelling of the day before
    headline = _claim("h", 0, section="headline", event_type="explosion")
    shelling = _claim("s", 60, event_type="shelling")
    bomb = _claim("b", 130, event_type="explosion")
    assert main_event([headline, shelling, bomb]) is bomb


def test_a_denial_is_picked_only_when_nothing_asserts_an_event() -> None:
    # pattern: "X denies striking the hospital" and nothing else
    denial = _claim("d", 0, stance="denies")
    assert main_event([denial]) is denial
    strike = _claim("s", 60)
    assert main_event([denial, strike]) is strike


def test_with_no_lead_claim_the_headline_is_the_main_event() -> None:
    # pattern: the body's claims all lie far below the lead (a long preamble without events)
    headline = _claim("h", 0, section="headline")
    late = replace(_claim("x", 2000), section="body")
    only_headline = [headline]
    assert main_event(only_headline) is headline
    # the body's first claim starts the lead, so a body claim, however late, is the lead
    assert main_event([headline, late]) is late


def test_the_extractor_points_each_document_at_its_main_event(extractor: Extractor) -> None:
    # an article written for this test: headline, lead with the strike and its toll, then a
    # reaction and background about an earlier shelling
    from counterclaim.model import RawRecord

    text = (
        "Airstrike kills 9 in Idlib market\n\n"
        "An airstrike on a market in the town of Ariha killed nine civilians on Monday, rescuers said.\n\n"
        "The opposition condemned the attack.\n\n"
        "Last month, shelling of Saraqeb killed 30 people, the monitor said."
    )
    (result,) = extractor.run([RawRecord(raw=text, kind="extracted", title="Airstrike kills 9 in Idlib market",
                                         published="2021-03-01")])
    assert result.document is not None and result.claims
    picked = next(c for c in result.claims if c.claim_id == result.document.main_event)
    assert "Ariha" in picked.evidence.text
