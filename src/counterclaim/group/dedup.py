"""Reports are not events: the same wire story republished by several outlets counts once.

Exact copies already share a document (the id is a hash of the cleaned text).  Near copies (a
different headline, an outlet's own first or last line, a word changed) are found with MinHash
and locality-sensitive hashing (Broder 1997; Leskovec, Rajaraman & Ullman, *Mining of Massive
Datasets*, ch. 3): each text's set of word 3-grams is reduced to :data:`PERMUTATIONS` minimum
hashes, cut into :data:`BANDS` bands of :data:`ROWS` rows, and two texts become candidates when
any band is identical.  With 16 bands of 4 rows, two texts whose 3-gram sets have a Jaccard
similarity of 0.7 are candidates with probability 1 - (1 - 0.7^4)^16 ≈ 0.99, texts at 0.3 with
probability ≈ 0.12; every candidate is then confirmed on the texts themselves (the exact
Jaccard similarity must reach :data:`MIN_JACCARD`), so a false candidate costs a comparison,
never a wrong merge.  Band keys are stored in the ledger, so finding the copies of a new article
is an index lookup, not a comparison with every stored article.

(SimHash was tried first: on a 114-word story, one changed phrase moved 7 of 64 bits, beyond
the usual 3-bit threshold, so it missed copies that MinHash finds.)

The claims of a near copy are then paired with the claims of the original they repeat (same
claimant and stance, the same figures and places, evidence sentences alike; a template reused
for another strike shares most of its words but not its town or its toll): such a claim counts once, and its
outlet is listed with the original's.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np

from .keys import claimant_key
from ..model import Claim

#: MinHash signature length, and how it is cut for LSH.
PERMUTATIONS, BANDS, ROWS = 64, 16, 4
#: Share of word 3-grams two texts must have in common to be copies of one story.
MIN_JACCARD = 0.7
#: Evidence sentences this alike (word sets) pair a copy's claim with the original's.
MIN_CLAIM_JACCARD = 0.6
#: Texts with fewer words than this are too short to call near copies (exact copies still merge).
MIN_WORDS = 40

_WORD = re.compile(r"\w+", re.UNICODE)
_PRIME = np.uint64(4294967311)  # the first prime above 2**32
_rng = np.random.default_rng(20171207)  # fixed: signatures must be the same in every run
_A = _rng.integers(1, 2**31, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 2**32, size=PERMUTATIONS, dtype=np.uint64)


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def shingles(text: str, n: int = 3) -> set[str]:
    ws = words(text)
    if len(ws) < n:
        return {" ".join(ws)} if ws else set()
    return {" ".join(ws[i:i + n]) for i in range(len(ws) - n + 1)}


def _hash32(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=4).digest(), "big")


def minhash(text: str) -> tuple[int, ...]:
    """The text's MinHash signature: for each of :data:`PERMUTATIONS` hash functions
    ``(a*x + b) mod p``, the smallest value over its word 3-grams."""
    sh = shingles(text)
    if not sh:
        return (0,) * PERMUTATIONS
    x = np.fromiter((_hash32(s) for s in sh), dtype=np.uint64, count=len(sh))
    values = (np.outer(x, _A) + _B) % _PRIME  # a < 2**31 and x < 2**32: no overflow
    return tuple(int(v) for v in values.min(axis=0))


def band_keys(signature: Sequence[int]) -> list[int]:
    """One key per band (signed 64-bit, for SQLite); equal keys make two texts candidates."""
    keys = []
    for b in range(BANDS):
        chunk = ",".join(str(v) for v in signature[b * ROWS:(b + 1) * ROWS])
        h = int.from_bytes(hashlib.blake2b(f"{b}:{chunk}".encode(), digest_size=8).digest(), "big", signed=True)
        keys.append(h)
    return keys


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def is_near_copy(text_a: str, text_b: str) -> bool:
    """Whether two texts are one story (confirmed on the 3-gram sets, not the signatures)."""
    if len(words(text_a)) < MIN_WORDS or len(words(text_b)) < MIN_WORDS:
        return False
    return jaccard(shingles(text_a), shingles(text_b)) >= MIN_JACCARD


def _same_facts(a: Claim, b: Claim) -> bool:
    """Whether two claims give the same figures and, when both name places, places in the same
    governorates."""
    def figures(c: Claim) -> list[tuple[float | None, str | None]]:
        return sorted(((q.value if q.value is not None else q.low), q.measure) for q in c.quantities
                      if (q.value if q.value is not None else q.low) is not None)

    def places(c: Claim) -> set[str]:
        # governorates, not names: one reading may have the town, the other only its governorate
        return {(m.admin1 or m.name or m.text).casefold() for m in (c.location, *c.locations) if m is not None}

    pa, pb = places(a), places(b)
    # one reading may carry the place over from the sentence before and the other not
    return figures(a) == figures(b) and (not pa or not pb or pa == pb)


def pair_claims(copy: Sequence[Claim], original: Sequence[Claim]) -> dict[str, str]:
    """For each claim of a near copy, the original's claim it repeats (if any)."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for c in copy:
        cw = set(words(c.evidence.text))
        best: tuple[float, str] | None = None
        for o in original:
            # the event type may differ: a word changed in a copy can change how it is read
            if o.claim_id in taken or o.stance != c.stance:
                continue
            if claimant_key(o) != claimant_key(c) and not (
                c.claimant.actor_type == "media" and o.claimant.actor_type == "media"
            ):
                continue  # the outlet itself differs between copies; anyone else must match
            if not _same_facts(c, o):
                continue  # a template reused for another strike: other place or other figures
            j = jaccard(cw, set(words(o.evidence.text)))
            if j >= MIN_CLAIM_JACCARD and (best is None or j > best[0]):
                best = (j, o.claim_id)
        if best is not None:
            out[c.claim_id] = best[1]
            taken.add(best[1])
    return out


__all__ = [
    "BANDS", "MIN_CLAIM_JACCARD", "MIN_JACCARD", "MIN_WORDS", "PERMUTATIONS", "ROWS", "band_keys",
    "is_near_copy", "jaccard", "minhash", "pair_claims", "shingles", "words",
]
