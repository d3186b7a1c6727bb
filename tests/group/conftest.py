"""Fixtures the grouping tests share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from counterclaim.ledger.sqlite import Ledger


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    with Ledger(tmp_path / "ledger.db") as led:
        yield led
