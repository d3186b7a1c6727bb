"""Claim assembly: context carried from the sentence before, stable ids, texts with no claim.  Each sentence is chosen for one behaviour; expectations were read off the sentence by hand."""

from __future__ import annotations

from counterclaim import extract


def test_context_carries_place_and_time_to_a_bare_count() -> None:
    text = "Earlier on Tuesday, airstrikes hit Idlib.\n\nThe monitor said 26 people were killed."
    claims = extract(text, outlet="X")
    count = next(c for c in claims if c.quantities)
    assert count.location is not None and count.location.text == "Idlib"
    assert count.context is not None and count.context.text == "Earlier on Tuesday, airstrikes hit Idlib."
    assert text[count.location.text_start : count.location.text_end] == "Idlib"


def test_no_context_carried_across_unrelated_text() -> None:
    text = "Airstrikes hit Idlib on Tuesday.\n\nThe weather was cold.\n\nThe monitor said 26 people were killed."
    count = next(c for c in extract(text, outlet="X") if c.quantities)
    # neither the sentence's place nor its time is carried over the unrelated paragraph ...
    assert count.context is None and count.time is None and not count.locations
    # ... only the lead's governorate, marked as coming from the lead (tests/test_fakes_lead.py)
    assert count.location is not None and count.location.relation == "(article) lead"
    assert count.location.precision == "admin1"


def test_same_input_same_ids() -> None:
    text = "The monitor said 26 people were killed in Idlib on Tuesday."
    a = [c.claim_id for c in extract(text, outlet="X")]
    b = [c.claim_id for c in extract(text, outlet="X")]
    assert a == b and len(set(a)) == len(a)


def test_text_without_violence_has_no_claims() -> None:
    assert extract("The minister met his counterpart in Geneva to discuss trade.", outlet="X") == []
