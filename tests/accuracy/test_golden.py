"""Golden files: for each seed article, claims that must appear and text that must never yield one.

Each case in ``tests/accuracy/golden/NNN.toml`` says why it is there.  A ``must`` case finds the claims whose
evidence contains ``evidence_contains`` and whose claimant matches, then checks every other field
it names; quantities are matched by their listed fields (``"null"`` means the value must be None).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from counterclaim.model import Claim, Quantity
from counterclaim.pipeline import Result

GOLDEN = Path(__file__).parent / "golden"
CASES = [(p.stem, i, case) for p in sorted(GOLDEN.glob("*.toml")) for i, case in enumerate(tomllib.loads(p.read_text())["must"])]
NEVER = [
    (p.stem, case) for p in sorted(GOLDEN.glob("*.toml")) for case in tomllib.loads(p.read_text()).get("must_not", [])
]


def _file(stem: str) -> str:
    return str(tomllib.loads((GOLDEN / f"{stem}.toml").read_text())["file"])


def _want(expected: Any, actual: Any) -> bool:
    if expected == "null":
        return actual is None
    if isinstance(expected, (int, float)) and actual is not None:
        return float(actual) == float(expected)
    return bool(expected == actual)


def _quantity_matches(want: dict[str, Any], q: Quantity) -> bool:
    return all(_want(v, getattr(q, k)) for k, v in want.items())


def _candidates(case: dict[str, Any], claims: tuple[Claim, ...]) -> list[Claim]:
    out = [c for c in claims if case["evidence_contains"] in c.evidence.text]
    if "claimant" in case:
        out = [c for c in out if c.claimant.actor == case["claimant"]]
    if "claimant_contains" in case:
        out = [c for c in out if case["claimant_contains"] in (c.claimant.actor or "")]
    return out


def _problems(case: dict[str, Any], c: Claim, all_claims: tuple[Claim, ...]) -> list[str]:
    p: list[str] = []
    checks = {
        "actor_type": c.claimant.actor_type,
        "claimant_text": c.claimant.text,
        "stance": c.stance,
        "event_type": c.event_type,
        "section": c.section,
        "hedged": c.hedged,
        "via": c.via.text if c.via else None,
        "stated_on": c.stated_on.text if c.stated_on else None,
        "stance_cue": c.stance_cue.text if c.stance_cue else None,
        "location": c.location.text if c.location else None,
        "location_relation": c.location.relation if c.location else None,
        "perpetrator_several": c.perpetrator.several if c.perpetrator else None,
        "organisation": c.claimant.organisation,
        "admin1": c.location.admin1 if c.location else None,
        "precision": c.location.precision if c.location else None,
        "time_start": c.time.start if c.time else None,
        "time_end": c.time.end if c.time else None,
        "time_precision": c.time.precision if c.time else None,
        "stated_on_date": c.stated_on.start if c.stated_on else None,
    }
    for key, actual in checks.items():
        if key in case and case[key] != actual:
            p.append(f"{key}: want {case[key]!r}, got {actual!r}")
    if "time_contains" in case and (c.time is None or case["time_contains"] not in c.time.text):
        p.append(f"time: want it to contain {case['time_contains']!r}, got {c.time.text if c.time else None!r}")
    if "perpetrator_contains" in case and (c.perpetrator is None or case["perpetrator_contains"] not in c.perpetrator.text):
        p.append(f"perpetrator: want {case['perpetrator_contains']!r}, got {c.perpetrator.text if c.perpetrator else None!r}")
    if "locations" in case:
        got = [loc.text for loc in c.locations]
        missing = [name for name in case["locations"] if name not in got]
        if missing:
            p.append(f"locations: missing {missing}, got {got}")
    if "locations_admin1" in case:
        got_admin = [loc.admin1 for loc in c.locations if loc.precision == "admin1"]
        if sorted(got_admin) != sorted(case["locations_admin1"]):
            p.append(f"locations at admin1: want {case['locations_admin1']}, got {got_admin}")
    if "responds_to_claimant" in case:
        target = next((x for x in all_claims if x.claim_id == c.responds_to), None)
        if target is None or target.claimant.actor != case["responds_to_claimant"]:
            p.append(f"responds_to: want a claim by {case['responds_to_claimant']!r}, got {target.claimant.actor if target else None!r}")
    for want in case.get("quantities", []):
        if not any(_quantity_matches(want, q) for q in c.quantities):
            p.append(f"quantity {want} not among {[(q.text, q.bound, q.value, q.low, q.high, q.measure, q.object) for q in c.quantities]}")
    return p


@pytest.mark.parametrize(("stem", "index", "case"), CASES, ids=[f"{s}-{i}" for s, i, _ in CASES])
def test_must(stem: str, index: int, case: dict[str, Any], seed_results: dict[str, Result]) -> None:
    claims = seed_results[_file(stem)].claims
    found = _candidates(case, claims)
    assert found, f"{case['why']}\nno claim with evidence containing {case['evidence_contains']!r} and that claimant; got " + repr(
        [(c.claimant.actor, c.evidence.text[:60]) for c in claims]
    )
    problems = [_problems(case, c, claims) for c in found]
    assert any(not p for p in problems), f"{case['why']}\n" + "\n".join("; ".join(p) for p in problems)


@pytest.mark.parametrize(("stem", "case"), NEVER, ids=[f"{s}-{c['why'][:30]}" for s, c in NEVER])
def test_must_not(stem: str, case: dict[str, Any], seed_results: dict[str, Result]) -> None:
    r = seed_results[_file(stem)]
    assert r.document is not None
    if "text" in case:
        # boilerplate: gone from the cleaned text, recorded as removed, and in no claim
        assert case["text"] not in r.document.text, case["why"]
        assert any(case["text"] in x.text for x in r.document.removed), case["why"]
        assert not any(case["text"] in c.evidence.text for c in r.claims), case["why"]
    else:
        assert not any(case["evidence"] in c.evidence.text for c in r.claims), case["why"]
