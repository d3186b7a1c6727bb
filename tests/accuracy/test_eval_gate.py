"""The accuracy gate: what the project measures on text it did not write may not fall.

The floors live in ``floors.json`` beside this file, one number a metric; every metric measured
here has a floor there and every floor a metric.  A change that lowers a figure fails here with
the figure and its floor; a change that raises one raises its floor in the same commit.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from counterclaim.evaluate.fakes import FakesReport, eval_fakes
from counterclaim.evaluate.re3d import Re3dReport, eval_re3d
from counterclaim.group.update import update
from counterclaim.ledger import open_ledger
from counterclaim.pipeline import Extractor, Result

from ..conftest import FAKES, add_seeds
from .hand_scoring import score_perpetrators, score_tolls

HERE = Path(__file__).parent
FLOORS: dict[str, float] = {k: v for k, v in json.loads((HERE / "floors.json").read_text()).items() if not k.startswith("_")}


def _golden(kind: str) -> int:
    return sum(len(tomllib.loads(p.read_text()).get(kind, [])) for p in sorted((HERE / "golden").glob("*.toml")))


@cache
def _fakes(extractor: Extractor) -> FakesReport:
    """One FA-KES run (the date column withheld) for every FA-KES metric."""
    return eval_fakes(extractor, FAKES, extractor.resources.gazetteer)


@cache
def _re3d(extractor: Extractor) -> Re3dReport:
    return eval_re3d(extractor)


def _fakes_governorate(extractor: Extractor, seed_results: dict[str, Result]) -> float:
    return _fakes(extractor).accuracy


def _seed_contradictions(extractor: Extractor, seed_results: dict[str, Result]) -> float:
    with open_ledger(":memory:") as ledger:
        add_seeds(ledger, seed_results)
        update(ledger)
        return float(len(list(ledger.contradictions())))


def _perpetrator_right(extractor: Extractor, seed_results: dict[str, Result]) -> float:
    return score_perpetrators(extractor).right_share


def _perpetrator_not_wrong(extractor: Extractor, seed_results: dict[str, Result]) -> float:
    return 1.0 - score_perpetrators(extractor).wrong_share


def _killed_right(extractor: Extractor, seed_results: dict[str, Result]) -> float:
    return score_tolls(extractor, FAKES).right_share


METRICS: dict[str, Callable[[Extractor, dict[str, Result]], float]] = {
    "fakes_governorate": _fakes_governorate,
    # the first answer: the main event's governorate, and the article's date (+-1 day) with the
    # date column withheld (counterclaim eval fakes)
    "fakes_main_governorate": lambda e, s: _fakes(e).main_accuracy,
    "fakes_date_withheld": lambda e, s: _fakes(e).dates.accuracy,
    # places and times against re3d's analysts (counterclaim eval re3d)
    "re3d_place_recall": lambda e, s: _re3d(e).recall("place"),
    "re3d_place_precision": lambda e, s: _re3d(e).precision("place"),
    "re3d_time_recall": lambda e, s: _re3d(e).recall("time"),
    "hand_perpetrator_right": _perpetrator_right,
    "hand_perpetrator_not_wrong": _perpetrator_not_wrong,
    "hand_killed_right": _killed_right,
    "re3d_quantity_recall": lambda e, s: _re3d(e).recall("quantity"),
    "golden_must": lambda e, s: float(_golden("must")),
    "golden_must_not": lambda e, s: float(_golden("must_not")),
    "seed_contradictions": _seed_contradictions,
}


def test_every_metric_has_a_floor_and_every_floor_a_metric() -> None:
    assert set(METRICS) == set(FLOORS)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_metric_does_not_fall_below_its_floor(name: str, extractor: Extractor, seed_results: dict[str, Result]) -> None:
    value = METRICS[name](extractor, seed_results)
    assert value >= FLOORS[name] - 1e-9, f"{name} fell to {value:.4f}, below its floor {FLOORS[name]} (tests/accuracy/floors.json)"
