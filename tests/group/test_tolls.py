"""How many were killed: each claimant's toll and ACLED's and UCDP's figures from them."""

from __future__ import annotations

import dataclasses

from counterclaim.group.tolls import acled_vague_count, agreed_perpetrator, claim_toll, incident_tolls
from counterclaim.knowledge.actors import default_registry
from counterclaim.model import ClaimantSummary, Perpetrator, Quantity

from ..builders import killed, make_claim, make_incident

from counterclaim.knowledge.lexicon import lexicon_for

EN = lexicon_for("en")


def test_acled_vague_counts() -> None:
    assert [acled_vague_count(t, EN) for t in ("dozens of people", "several", "hundreds of civilians", "tens",
                                          "several hundred people", "tens of thousands", "a few", "26")] == [
        12, 10, 100, 10, 100, 10_000, 3, None]


def test_tolls_rules_on_hand_built_claims() -> None:
    # three claimants, two agree on 30: the figure most claimants give is the best
    claims = [make_claim("1", "SOHR", killed(12)), make_claim("2", "SCD", killed(30)),
              make_claim("3", "Reuters", killed(30)), make_claim("4", "MoD", stance="denies")]
    t = incident_tolls(make_incident(claims, None), {c.claim_id: c for c in claims})
    assert (t.acled, t.low, t.best, t.high) == (12, 12, 30, 30) and t.disputed
    # one claimant repeating itself is one report: its larger statement stands
    claims = [make_claim("5", "SOHR", killed(20)), make_claim("6", "SCD", killed(25))]
    inc = dataclasses.replace(
        make_incident(claims, None), claim_ids=("5", "6", "7"),
        summary=(ClaimantSummary("SOHR", "monitor", "asserts", ("5", "7"), ""),
                 ClaimantSummary("SCD", "ngo", "asserts", ("6",), "")),
    )
    found = {c.claim_id: c for c in [*claims, make_claim("7", "SOHR", killed(22))]}
    t = incident_tolls(inc, found)
    assert (t.acled, t.low, t.best, t.high) == (22, 22, 22, 25)
    assert {x.claimant: x.best for x in t.by_claimant} == {"SOHR": 22, "SCD": 25}


def test_claim_toll_does_not_double_count() -> None:
    # "26 people were killed, including 10 civilians"
    assert claim_toll(make_claim("1", "SOHR", killed(26), killed(10, "civilians")), EN) == (26, 26, 26, 10)
    # civilians and combatants are different people: they add up
    assert claim_toll(make_claim("2", "SOHR", killed(12, "militants"), killed(5, "civilians")), EN) == (17, 17, 17, 5)
    # a range gives its conservative end as the figure; vague amounts take ACLED's figure
    assert claim_toll(make_claim("3", "X", killed(None, bound="range", low=20, high=25, text="20-25 people")), EN) == (
        20, 20, 25, 0)
    assert claim_toll(make_claim("4", "X", killed(None, bound="vague", low=200, text="hundreds of people")), EN) == (
        100, 100, 100, 0)
    wounded = Quantity("30 people", 30, 30, 30, "exact", "wounded", "people", 0, 1)
    assert claim_toll(make_claim("5", "X", wounded), EN) is None


def test_aid_workers_and_medics_are_civilians_members_alone_are_nobody() -> None:
    # one reading of victims for tolls and contradictions: medics and aid workers are civilians
    # (the laws of war protect them); "members" alone is no class at all, "family members" are
    # civilians by "family"
    assert claim_toll(make_claim("m", "SOHR", killed(4, "medics")), EN) == (4, 4, 4, 4)
    assert claim_toll(make_claim("a", "SOHR", killed(3, "aid workers")), EN) == (3, 3, 3, 3)
    assert claim_toll(make_claim("f", "SOHR", killed(6, "members")), EN) == (6, 6, 6, 0)
    assert claim_toll(make_claim("g", "SOHR", killed(6, "family members")), EN) == (6, 6, 6, 6)
    # "IS members" are militants: 5 of them and 2 civilians add up
    assert claim_toll(make_claim("i", "SOHR", killed(5, "IS members"), killed(2, "civilians")), EN) == (7, 7, 7, 2)


def test_an_update_stands_over_a_larger_earlier_figure() -> None:
    # "the death toll has risen to four" updates the claimant's toll: the latest update stands,
    # not the largest figure (here an earlier, wider estimate of 6)
    rise = dataclasses.replace(killed(4), supersedes=True)
    claims = [make_claim("1", "SOHR", killed(6)), make_claim("2", "SOHR", rise)]
    inc = dataclasses.replace(
        make_incident(claims, None),
        summary=(ClaimantSummary("SOHR", "monitor", "asserts", ("1", "2"), ""),),
    )
    t = incident_tolls(inc, {c.claim_id: c for c in claims})
    assert [(x.claimant, x.best) for x in t.by_claimant] == [("SOHR", 4)]


def test_a_total_over_a_wider_window_is_no_toll() -> None:
    # "since the start of the war, 400,000 were killed" is its own claim, never the event's toll
    wide = dataclasses.replace(killed(400_000), aggregate=True)
    assert claim_toll(make_claim("1", "SOHR", wide), EN) is None
    assert claim_toll(make_claim("2", "SOHR", wide, killed(12)), EN) == (12, 12, 12, 0)


def test_bodies_recovered_count_only_when_no_one_counts_the_dead() -> None:
    # "bodies of 15 were recovered": at least 15 dead, a toll of its own ...
    bodies = dataclasses.replace(killed(15, "bodies", bound="low", high=None), note=EN.quantities.recovery_note)
    alone = [make_claim("1", "SCD", bodies)]
    t = incident_tolls(make_incident(alone, None), {c.claim_id: c for c in alone})
    assert [(x.claimant, x.best) for x in t.by_claimant] == [("SCD", 15)]
    # ... but beside a claimant who counts the dead, the recovery is part of that count
    both = [make_claim("1", "SCD", bodies), make_claim("2", "SOHR", killed(22))]
    t = incident_tolls(make_incident(both, None), {c.claim_id: c for c in both})
    assert [(x.claimant, x.best) for x in t.by_claimant] == [("SOHR", 22)]


def test_an_actor_and_a_body_above_it_agree_on_the_actor() -> None:
    # "the ministry said it had struck" and "Russian jets struck": one perpetrator, the most
    # specific; two actors on no common line are no agreed perpetrator
    registry = default_registry()

    def by(cid: str, actor: str):  # type: ignore[no-untyped-def]
        return dataclasses.replace(make_claim(cid, "X", killed(3)), perpetrator=Perpetrator(actor, actor, 0, 1))

    claims = [by("1", "Russian Ministry of Defence"), by("2", "Russian Aerospace Forces")]
    assert agreed_perpetrator(make_incident(claims, None), {c.claim_id: c for c in claims}, registry) == (
        "Russian Aerospace Forces")
    claims = [by("3", "Russian Aerospace Forces"), by("4", "Syrian Arab Air Force")]
    assert agreed_perpetrator(make_incident(claims, None), {c.claim_id: c for c in claims}, registry) is None
