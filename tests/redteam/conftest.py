"""A ledger of the seed articles, grouped, made once per module and copied for each test that
damages or locks it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from counterclaim.group.update import update
from counterclaim.ledger import open_ledger
from counterclaim.pipeline import Result

from ..conftest import add_seeds


@pytest.fixture(scope="module")
def seeds_ledger(tmp_path_factory: pytest.TempPathFactory, seed_results: dict[str, Result]) -> Path:
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with open_ledger(path) as led:
        add_seeds(led, seed_results)
        update(led)
    assert not Path(str(path) + "-wal").exists()  # closed whole: one file
    return path


@pytest.fixture()
def ledger_copy(seeds_ledger: Path, tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "ledger.db"
    shutil.copy(seeds_ledger, path)
    yield path
