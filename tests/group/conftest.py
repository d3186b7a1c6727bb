"""Fixtures the grouping tests share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from counterclaim.ledger import Ledger, open_ledger


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    with open_ledger(tmp_path / "ledger.db") as led:
        yield led
