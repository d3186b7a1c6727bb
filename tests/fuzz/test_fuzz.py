"""The fuzz harness (:mod:`.harness`) for a bounded number of inputs, in every test run (about
a minute in all; the inputs are the same each run).  ``scripts/fuzz.py --minutes N`` runs the
same targets for longer, with fresh inputs each time."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from counterclaim.pipeline import Extractor

from .harness import Target, targets

#: inputs tried per target in a test run
EXAMPLES = {"readers": 300, "cleaning": 600, "times": 3000, "quantities": 300, "extract": 200}


@pytest.fixture(scope="module")
def all_targets(extractor: Extractor) -> dict[str, Target]:
    return {t.name: t for t in targets(extractor)}


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_fuzz(all_targets: dict[str, Target], name: str) -> None:
    target = all_targets[name]

    @settings(max_examples=EXAMPLES[name], deadline=target.hang_seconds * 1000, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(target.inputs)
    def run(item: Any) -> None:
        target.check(item)

    run()
