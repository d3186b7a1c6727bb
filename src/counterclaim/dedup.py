"""Reports are not events: the same wire story republished by several outlets counts once.

Exact copies already share a document (the id is a hash of the cleaned text).  Near copies (a
different headline, an outlet's own first line, a trimmed last paragraph) are found with
SimHash (Charikar 2002, as Manku et al. 2007 used it for web pages): a 64-bit fingerprint of
the text's word 3-grams, in which near-identical texts differ in few bits.  The fingerprint is
cut into four 16-bit bands; two texts within :data:`MAX_BITS` bits of each other share at least
one band exactly when ``MAX_BITS`` < 4, so a band lookup finds every candidate without
comparing all pairs.  Each candidate is then confirmed on the texts themselves: the Jaccard
similarity of their 3-gram sets must reach :data:`MIN_JACCARD`.

The claims of a near copy are then paired with the claims of the original they repeat (same
claimant, stance and event type, evidence sentences alike): such a claim counts once, and its
outlet is listed with the original's.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

from .incidents import claimant_key
from .model import Claim

#: Fingerprints this many bits apart or fewer are candidates (must stay below the 4 bands).
MAX_BITS = 3
#: Share of word 3-grams two texts must have in common to be copies of one story.
MIN_JACCARD = 0.7
#: Evidence sentences this alike (word sets) pair a copy's claim with the original's.
MIN_CLAIM_JACCARD = 0.6
#: Texts with fewer words than this are too short to call near copies (exact copies still merge).
MIN_WORDS = 40

_WORD = re.compile(r"\w+", re.UNICODE)
_MASK64 = (1 << 64) - 1


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def shingles(text: str, n: int = 3) -> set[str]:
    ws = words(text)
    if len(ws) < n:
        return {" ".join(ws)} if ws else set()
    return {" ".join(ws[i:i + n]) for i in range(len(ws) - n + 1)}


def simhash(text: str) -> int:
    """64-bit SimHash of the text's word 3-grams (each weighs 1)."""
    counts = [0] * 64
    for sh in shingles(text):
        h = int.from_bytes(hashlib.blake2b(sh.encode("utf-8"), digest_size=8).digest(), "big")
        for bit in range(64):
            counts[bit] += 1 if h >> bit & 1 else -1
    out = 0
    for bit in range(64):
        if counts[bit] > 0:
            out |= 1 << bit
    return out


def bands(h: int) -> tuple[int, int, int, int]:
    return tuple((h >> (16 * i)) & 0xFFFF for i in range(4))  # type: ignore[return-value]


def hamming(a: int, b: int) -> int:
    return ((a ^ b) & _MASK64).bit_count()


def to_signed(h: int) -> int:
    """SQLite integers are signed 64-bit."""
    return h - (1 << 64) if h >= 1 << 63 else h


def to_unsigned(h: int) -> int:
    return h + (1 << 64) if h < 0 else h


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def is_near_copy(text_a: str, text_b: str) -> bool:
    """Whether two texts are one story (confirmed on the 3-gram sets, not the fingerprints)."""
    if len(words(text_a)) < MIN_WORDS or len(words(text_b)) < MIN_WORDS:
        return False
    return jaccard(shingles(text_a), shingles(text_b)) >= MIN_JACCARD


def pair_claims(copy: Sequence[Claim], original: Sequence[Claim]) -> dict[str, str]:
    """For each claim of a near copy, the original's claim it repeats (if any)."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for c in copy:
        cw = set(words(c.evidence.text))
        best: tuple[float, str] | None = None
        for o in original:
            if o.claim_id in taken or o.stance != c.stance or o.event_type != c.event_type:
                continue
            if claimant_key(o) != claimant_key(c) and not (
                c.claimant.actor_type == "media" and o.claimant.actor_type == "media"
            ):
                continue  # the outlet itself differs between copies; anyone else must match
            j = jaccard(cw, set(words(o.evidence.text)))
            if j >= MIN_CLAIM_JACCARD and (best is None or j > best[0]):
                best = (j, o.claim_id)
        if best is not None:
            out[c.claim_id] = best[1]
            taken.add(best[1])
    return out


def candidates(h: int, known: Iterable[tuple[str, int]]) -> list[str]:
    """Ids among ``known`` (id, fingerprint) within :data:`MAX_BITS` bits of ``h``."""
    return [doc_id for doc_id, k in known if hamming(h, k) <= MAX_BITS]


__all__ = [
    "MAX_BITS", "MIN_CLAIM_JACCARD", "MIN_JACCARD", "MIN_WORDS", "bands", "candidates", "hamming",
    "is_near_copy", "jaccard", "pair_claims", "shingles", "simhash", "to_signed", "to_unsigned",
]
