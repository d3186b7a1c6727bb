"""Contradiction rules on hand-built claims: figure ranges, object classes, claimants nobody can be named for."""

from __future__ import annotations

import dataclasses

import pytest

from counterclaim.group.contradictions import figure_range, object_class
from counterclaim.model import Claimant, Quantity

from .helpers import unit_claim

from counterclaim.knowledge.lexicon import lexicon_for

EN = lexicon_for("en")


def test_figure_ranges_and_object_classes() -> None:
    def q(text: str, value: float | None, low: float | None, high: float | None, bound: str, obj: str | None) -> Quantity:
        return Quantity(text, value, low, high, bound, "killed", obj, 0, 1)

    assert figure_range(q("up to 200", 200, None, 200, "high", "militants")) == (0.0, 200)
    assert figure_range(q("at least 12", 12, 12, None, "low", None)) == (12, float("inf"))
    lo, hi = figure_range(q("about 30", 30, None, None, "approx", None)) or (0, 0)
    assert lo == pytest.approx(27) and hi == pytest.approx(33)
    assert figure_range(q("dozens", None, 24, None, "vague", None)) == (24, float("inf"))
    assert object_class(q("10 civilians", 10, 10, 10, "exact", "civilians"), EN) == "civilians"
    assert object_class(q("200 fighters", 200, 200, 200, "exact", "fighters"), EN) == "militants"
    assert object_class(q("26 people", 26, 26, 26, "exact", "people"), EN) == "people"
    assert object_class(q("12", 12, 12, 12, "exact", None), EN) == "people"
    trucks = Quantity("3 trucks", 3, 3, 3, "exact", "destroyed", "oil trucks", 0, 1)
    assert object_class(trucks, EN) == "truck"


def test_a_claim_nobody_can_be_named_for_is_compared_with_nothing() -> None:
    from dataclasses import replace as _replace

    from counterclaim.group.contradictions import Finder, unattributed

    twelve = Quantity("12 people", 12, 12, 12, "exact", "killed", "people", 0, 1)
    thirty = Quantity("30 people", 30, 30, 30, "exact", "killed", "people", 0, 1)
    a = unit_claim("a", quantities=(twelve,))
    b = _replace(unit_claim("b", quantities=(thirty,)), claimant=Claimant("it", None, "unknown", 0, 2))
    assert unattributed(b, EN) and not unattributed(a, EN)
    finder = Finder(lambda c: frozenset(), lambda c: c.claimant.actor or "?")
    assert finder.find("i", [a, b]) == ([], [])
    named = _replace(b, claimant=Claimant("Civil Defence", "Syria Civil Defence", "ngo", 0, 13))
    found, _ = finder.find("i", [a, named])
    assert [c.kind for c in found] == ["count"]


def test_victim_class_is_shared_with_tolls() -> None:
    from counterclaim.group.contradictions import victim_class
    from counterclaim.group.tolls import object_kind

    assert [victim_class(o, EN) for o in ("medics", "villagers", "members", "IS members", "servicemen")] == [
        "civilians", "civilians", "people", "militants", "soldiers"]
    assert [object_kind(o, EN) for o in ("medics", "members", "soldiers")] == ["civilian", "any", "combatant"]


def test_named_victims_and_derived_sums_give_no_count_contradiction() -> None:
    # "a woman and a child were killed" names victims; it is no total against "seven killed"
    from counterclaim.group.contradictions import Finder

    seven = Quantity("7 people", 7, 7, 7, "exact", "killed", "people", 0, 1)
    one = Quantity("one of the people", 1, 1, 1, "exact", "killed", "people", 0, 1, derived=True)
    b = dataclasses.replace(unit_claim("b", quantities=(seven,)), claimant=Claimant("Reuters", "Reuters", "media", 0, 7))
    finder = Finder(lambda c: frozenset(), lambda c: c.claimant.actor or "?")
    found, _ = finder.find("i", [unit_claim("a", quantities=(one,)), b])
    assert found == []
    # the same figure written as a number does meet
    found, _ = finder.find("i", [unit_claim("a", quantities=(dataclasses.replace(one, derived=False),)), b])
    assert [c.kind for c in found] == ["count"]
