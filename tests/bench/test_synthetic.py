"""The synthetic-ledger generator of the incident benchmark (``bench/synthetic.py``).

``bench`` is not a package: the modules are loaded from their files.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType

import pytest

from counterclaim.knowledge.actors import default_registry
from counterclaim.model import Claim

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _load(name: str) -> ModuleType:
    mod_name = f"_counterclaim_bench_{name}"
    if mod_name in sys.modules:
        return sys.modules[mod_name]
    spec = importlib.util.spec_from_file_location(mod_name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[mod_name] = module
    spec.loader.exec_module(module)
    return module


synthetic = _load("synthetic")

N = 5000
LAT_MIN, LAT_MAX, LON_MIN, LON_MAX = 32.3, 37.4, 35.6, 42.4


@pytest.fixture(scope="module")
def ledger():  # type: ignore[no-untyped-def]
    return synthetic.generate(N, seed=11)


@pytest.fixture(scope="module")
def claims(ledger) -> list[Claim]:  # type: ignore[no-untyped-def]
    return list(ledger.claims())


@pytest.fixture(scope="module")
def truth(ledger) -> dict[str, int | None]:  # type: ignore[no-untyped-def]
    return ledger.truth_dict()


def _incident_claims(claims: list[Claim], truth: dict[str, int | None]) -> list[Claim]:
    return [c for c in claims if truth[c.claim_id] is not None]


def _days(span) -> int:  # type: ignore[no-untyped-def]
    return (dt.date.fromisoformat(span.end) - dt.date.fromisoformat(span.start)).days + 1


def test_count_and_unique_ids(ledger, claims, truth) -> None:  # type: ignore[no-untyped-def]
    assert len(claims) == N == len(ledger)
    assert len({c.claim_id for c in claims}) == N
    assert set(truth) == {c.claim_id for c in claims}
    assert all(c.doc_id in ledger.docs for c in claims)
    for small in (0, 1, 9):
        assert sum(1 for _ in synthetic.generate(small, seed=2).claims()) == small


def test_deterministic_for_a_seed(claims) -> None:  # type: ignore[no-untyped-def]
    again = synthetic.generate(N, seed=11)
    assert list(again.claims()) == claims
    assert list(again.claims()) == claims  # claims() can be iterated again
    other = list(synthetic.generate(N, seed=12).claims())
    assert [c.evidence.text for c in other] != [c.evidence.text for c in claims]


def test_precision_mix_as_documented(claims, truth) -> None:  # type: ignore[no-untyped-def]
    inc = _incident_claims(claims, truth)
    n = len(inc)
    place = Counter(c.location.precision if c.location else None for c in inc)
    assert abs(place["point"] / n - 0.60) < 0.04
    assert abs(place["near"] / n - 0.15) < 0.03
    assert abs(place["admin1"] / n - 0.20) < 0.03
    assert 0.02 < place[None] / n < 0.08
    time = Counter(c.time.precision if c.time else None for c in inc)
    assert abs(time["day"] / n - 0.70) < 0.04
    assert abs(time["days"] / n - 0.15) < 0.03
    assert abs(time["month"] / n - 0.05) < 0.02
    assert abs(time[None] / n - 0.10) < 0.03
    for c in inc:
        if c.time is not None and c.time.precision == "days":
            assert 2 <= _days(c.time) <= 3
        if c.location is not None and c.location.precision == "admin1":
            assert c.location.admin1 and c.location.admin1_code and c.location.admin1_code.startswith("SY-")
            assert c.location.geonames_id is None
        if c.location is not None and c.location.precision in ("point", "near"):
            assert c.location.geonames_id is not None and c.location.lat is not None


def test_admin1_without_points() -> None:
    plain = synthetic.generate(500, seed=4, admin1_points=False)
    admin1 = [c.location for c in plain.claims() if c.location is not None and c.location.precision == "admin1"]
    assert admin1 and all(loc.lat is None and loc.lon is None for loc in admin1)


def test_denials(claims, truth) -> None:  # type: ignore[no-untyped-def]
    denials = [c for c in claims if c.stance == "denies"]
    assert 0.03 < len(denials) / len(claims) < 0.07
    for c in denials:
        assert truth[c.claim_id] is not None  # a denial is about an incident
        assert c.claimant.actor_type == "state_military"
        assert c.quantities == ()
        assert c.stance_cue is not None and c.stance_cue.text in c.evidence.text


def test_summary_claims_are_long_or_wide_and_in_no_incident(claims, truth) -> None:  # type: ignore[no-untyped-def]
    summaries = [c for c in claims if truth[c.claim_id] is None]
    assert 0.02 < len(summaries) / len(claims) < 0.04
    for c in summaries:
        provinces = {loc.admin1 for loc in c.locations if loc.precision == "admin1"}
        assert c.time is not None
        assert _days(c.time) >= 7 or len(provinces) >= 2
        assert c.quantities


def test_coordinates_inside_syria(claims) -> None:  # type: ignore[no-untyped-def]
    seen = 0
    for c in claims:
        for loc in (c.location, *c.locations):
            if loc is not None and loc.lat is not None:
                assert LAT_MIN <= loc.lat <= LAT_MAX and LON_MIN <= loc.lon <= LON_MAX, loc  # type: ignore[operator]
                seen += 1
    assert seen > len(claims) // 2


def test_reports_of_an_incident(ledger, claims, truth) -> None:  # type: ignore[no-untyped-def]
    by_incident: dict[int, list[Claim]] = defaultdict(list)
    for c in _incident_claims(claims, truth):
        by_incident[truth[c.claim_id]].append(c)  # type: ignore[index]
    assert len(by_incident) == ledger.n_incidents
    sizes = [len(v) for v in by_incident.values()]
    assert 3.0 < sum(sizes) / len(sizes) < 5.0
    for group in by_incident.values():
        assert len({c.doc_id for c in group}) == len(group)
        outlets = [ledger.docs[c.doc_id].outlet for c in group if ledger.docs[c.doc_id].outlet]
        assert len(set(outlets)) == len(outlets)
        assert len({c.event_type for c in group}) == 1
        days = [c.time for c in group if c.time is not None and c.time.precision in ("day", "days")]
        for c in group:
            published = ledger.docs[c.doc_id].published
            if c.time is not None and published is not None and c.time.precision != "month":
                assert c.time.end <= published
        # the windows of one incident meet (an off-by-one "day" may miss by a day)
        if days:
            latest_start = max(t.start for t in days)
            earliest_end = min(t.end for t in days)
            gap = (dt.date.fromisoformat(latest_start) - dt.date.fromisoformat(earliest_end)).days
            assert gap <= 2


def test_spans_point_into_the_evidence(claims) -> None:  # type: ignore[no-untyped-def]
    for c in claims:
        text = c.evidence.text
        assert (c.evidence.start, c.evidence.end) == (0, len(text))
        if c.claimant.text is not None:
            assert text[c.claimant.start:c.claimant.end] == c.claimant.text
        if c.perpetrator is not None:
            assert text[c.perpetrator.start:c.perpetrator.end] == c.perpetrator.text
        for q in c.quantities:
            assert text[q.start:q.end] == q.text
        for loc in c.locations:
            assert text[loc.text_start:loc.text_end] == loc.text
        for t in (c.time, c.stated_on):
            if t is not None:
                assert text[t.text_start:t.text_end] == t.text


def test_actors_are_canonical(claims) -> None:  # type: ignore[no-untyped-def]
    registry = default_registry()
    names = {c.claimant.actor for c in claims if c.claimant.actor}
    for c in claims:
        if c.perpetrator is not None:
            names.update(c.perpetrator.actors or (c.perpetrator.actor,))
    unknown = sorted(n for n in names if n and registry.actor(n) is None)
    assert not unknown


def test_bench_scores_against_the_truth(ledger, claims, truth) -> None:  # type: ignore[no-untyped-def]
    bench = _load("incidents_bench")
    perfect = {cid: f"i{inc}" for cid, inc in truth.items() if inc is not None}
    s = bench.score(ledger, perfect)
    assert s["pairwise_precision"] == 1.0 and s["pairwise_recall"] == 1.0
    assert s["summary_claims_assigned"] == 0 and s["incident_claims_unassigned"] == 0
    lumped = {cid: "all" for cid in truth}  # everything in one incident
    s = bench.score(ledger, lumped)
    assert s["pairwise_recall"] == 1.0 and s["pairwise_precision"] < 0.01
    assert s["summary_claims_assigned"] == ledger.n_summary
    assert bench.score(ledger, {})["pairwise_recall"] == 0.0
