"""The Grouper in memory: groups, state round trips, coarse claims kept apart."""

from __future__ import annotations

from counterclaim.group.footprints import DocInfo, footprint
from counterclaim.group.incidents import Grouper, group
from counterclaim.group.states import IncidentState

from .helpers import DOC, unit_claim


def test_group_in_memory_and_state_round_trip() -> None:
    claims = [unit_claim("a"), unit_claim("b", lat=35.95), unit_claim("c", precision="admin1", lat=None, lon=None),
              unit_claim("d", start="2017-03-01", end="2017-03-01")]
    result = group(claims, {c.doc_id: DocInfo(c.doc_id, "2017-03-08", None) for c in claims})
    assert result.assignment["a"] == result.assignment["b"] == result.assignment["c"]
    assert result.assignment["d"] != result.assignment["a"]
    assert result.links["b"].role == "member" and result.links["a"].role == "founder"
    g = Grouper()
    g.add((c, footprint(c, DOC)) for c in claims)
    assert len(g.states) == 2
    for s in g.states.values():
        assert IncidentState.from_snapshot(s.snapshot()) == s


def test_a_coarse_claim_fitting_several_incidents_is_kept_apart() -> None:
    # two strikes in Idlib governorate on the same day, 30 km apart; then "airstrikes in Idlib
    # province on Tuesday" could be either
    claims = [unit_claim("a"), unit_claim("b", lat=36.20),
              unit_claim("c", precision="admin1", lat=None, lon=None)]
    result = group(claims, {c.doc_id: DocInfo(c.doc_id, "2017-03-08", None) for c in claims})
    assert len({result.assignment[x] for x in "abc"}) == 3
    assert "could be any of 2 incidents" in result.links["c"].reason
    # with one incident that day it joins it
    single = group(claims[::2], {c.doc_id: DocInfo(c.doc_id, "2017-03-08", None) for c in claims})
    assert single.assignment["a"] == single.assignment["c"]
