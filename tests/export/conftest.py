"""The two ledgers the export tests read, each built once per module through the real extractor and grouping:

* the five seed articles (``seed_results`` from the top conftest);
* a constructed one: two articles from two outlets about airstrikes on Maarat al-Numan on the
  same Monday, SOHR saying 12 killed and the Civil Defence 30; a third article in which the
  Russian MoD only denies strikes on Jisr al-Shughur; a fourth with "dozens" killed in Khan
  Shaykhun.

Values are checked by hand against the articles (seed 004: SOHR's 26 killed, including 10
civilians, in Idlib on Tuesday 2017-02-07; the Civil Defence's "15 bodies recovered" is not a
killed figure; the Russian MoD denies).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from counterclaim.group.update import update
from counterclaim.ledger import Ledger, open_ledger
from counterclaim.model import RawRecord
from counterclaim.pipeline import Extractor, Result

MAARAT_A = (
    "Airstrikes hit the town of Maarat al-Numan in Idlib province on Monday. "
    "The Syrian Observatory for Human Rights said 12 people were killed in the strikes."
)


MAARAT_B = (
    "Airstrikes on Maarat al-Numan in Idlib province on Monday killed 30 people, "
    "the Syria Civil Defence rescue group said."
)


DENIAL_ONLY = "The Russian Defence Ministry said its aircraft did not carry out any strikes on Jisr al-Shughur on Friday."


DOZENS = (
    "Dozens of people were killed in airstrikes on Khan Shaykhun in Idlib province on Wednesday, "
    "the Syrian Observatory for Human Rights said."
)


@pytest.fixture(scope="module")
def seed(seed_results: dict[str, Result]) -> Iterator[Ledger]:
    ledger = open_ledger(":memory:")
    for name in sorted(seed_results):
        r = seed_results[name]
        assert r.document is not None
        ledger.add(r.document, r.claims)
    update(ledger)
    yield ledger
    ledger.close()


@pytest.fixture(scope="module")
def conflict(extractor: Extractor) -> Iterator[Ledger]:
    records = [
        RawRecord(raw=MAARAT_A, source_path="a.txt", outlet="Reuters", published="2019-05-14", kind="extracted"),
        RawRecord(raw=MAARAT_B, source_path="b.txt", outlet="Al Jazeera", published="2019-05-14", kind="extracted"),
        RawRecord(raw=DENIAL_ONLY, source_path="c.txt", outlet="TASS", published="2019-05-14", kind="extracted"),
        RawRecord(raw=DOZENS, source_path="d.txt", outlet="AFP", published="2019-05-16", kind="extracted"),
    ]
    ledger = open_ledger(":memory:")
    for r in extractor.run(records):
        assert r.ok and r.document is not None, r.error
        ledger.add(r.document, r.claims)
    update(ledger)
    yield ledger
    ledger.close()
