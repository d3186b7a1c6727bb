"""Hand-built claims and incidents, and a stand-in ledger, for tests that need no parse."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from counterclaim.model import (
    Claim,
    Claimant,
    ClaimantSummary,
    Incident,
    Location,
    Quantity,
    Span,
    TimeSpan,
)


class Stub:
    """Just enough of a Ledger for the incident exports."""

    def __init__(self, incidents: list[Incident], claims: list[Claim]) -> None:
        self._incidents, self._claims = incidents, {c.claim_id: c for c in claims}

    def incidents(self, **_: Any) -> Iterator[Incident]:
        return iter(self._incidents)

    def claims_by_id(self, ids: list[str]) -> dict[str, Claim]:
        return {i: self._claims[i] for i in ids if i in self._claims}

    def document(self, _: str) -> None:
        return None


def make_claim(cid: str, claimant: str, *quantities: Quantity, stance: str = "asserts") -> Claim:
    return Claim(
        claim_id=cid, doc_id="d" + cid, claimant=Claimant(claimant, claimant, "monitor", None, None), via=None,
        stance=stance, event_type="airstrike", perpetrator=None, quantities=quantities, location=None,
        locations=(), time=None, stated_on=None, evidence=Span("x", 0, 1), confidence=0.9,
    )


def killed(n: float | None, obj: str | None = "people", bound: str = "exact", text: str | None = None,
           low: float | None = None, high: float | None = None) -> Quantity:
    return Quantity(text or f"{n} {obj}", n, n if low is None else low, n if high is None else high,
                    bound, "killed", obj, 0, 1)


def make_incident(claims: list[Claim], location: Location | None, time: TimeSpan | None = None) -> Incident:
    summary = tuple(
        ClaimantSummary(c.claimant.actor or "", "monitor", c.stance, (c.claim_id,), "") for c in claims
    )
    return Incident(
        incident_id="inc" + "".join(c.claim_id for c in claims), claim_ids=tuple(c.claim_id for c in claims),
        event_type="airstrike", location=location, time=time or TimeSpan("Monday", "2019-05-13", "2019-05-13", "day"),
        claimants=tuple(s.claimant for s in summary), summary=summary,
    )
