"""Shared fixtures: the spaCy pipeline and the seed articles, read once per test session."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import pytest

from counterclaim.ledger import Ledger
from counterclaim.pipeline import Extractor, Result
from counterclaim.read.inputs import read_inputs

CORPUS = Path(str(importlib.resources.files("counterclaim.data.corpus")))
SEEDS = CORPUS / "seeds"
FAKES = CORPUS / "fakes" / "FA-KES-Dataset.csv"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def nlp(extractor: Extractor):  # type: ignore[no-untyped-def]
    """text -> parsed Doc, read with the bundled resources (the extractor's)."""
    return extractor.parse


@pytest.fixture(scope="session")
def seed_results(extractor: Extractor) -> dict[str, Result]:
    """Every seed article, read with its manifest, by file name."""
    results = {Path(r.label).name: r for r in extractor.run(read_inputs([str(SEEDS)]))}
    assert len(results) == 5 and all(r.ok for r in results.values()), results
    return results


def add_seeds(ledger: Ledger, seed_results: dict[str, Result]) -> None:
    """Store the seed articles, read once per session, in a ledger in their reading order."""
    for r in seed_results.values():
        assert r.document is not None
        ledger.add(r.document, r.claims)
