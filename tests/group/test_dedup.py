"""Near copies of a story (MinHash LSH, confirmed by Jaccard)."""

from __future__ import annotations

from counterclaim.group.dedup import band_keys, is_near_copy, minhash

from .helpers import WIRE


def test_near_copy_detection() -> None:
    copy = "BEIRUT (Reuters) - " + WIRE
    # an LSH band in common makes them candidates; the texts themselves confirm
    assert set(band_keys(minhash(WIRE))) & set(band_keys(minhash(copy)))
    assert minhash(WIRE) == minhash(WIRE)  # the same in every run
    assert is_near_copy(WIRE, copy)
    assert is_near_copy(WIRE, WIRE.replace("shortly after noon", "around midday"))
    unrelated = ("Government forces captured three villages south of Aleppo on Sunday after heavy "
                 "fighting with rebels, state media said, in an advance that cuts a supply route. " * 2)
    assert not is_near_copy(WIRE, unrelated)
    assert not set(band_keys(minhash(WIRE))) & set(band_keys(minhash(unrelated)))
    assert not is_near_copy("Airstrikes hit Idlib.", "Airstrikes hit Idlib.")  # too short to judge
