"""The named entities of a span, without going through the whole document each time.

spaCy builds ``doc.ents`` from every token on each access, and ``span.ents`` goes through
``doc.ents``: asking for the entities of each sentence of a long document grows with the square
of its length.  :func:`ents_in` answers from the entities of the document, listed once (for the
last document asked about) and searched by position.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from spacy.tokens import Doc, Span

__all__ = ["doc_ents", "ents_around", "ents_in"]

#: the last document asked about, its entities and their start tokens
_LAST: list[Any] = [None, (), []]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, listed once per document."""
    if _LAST[0] is not doc:
        ents = tuple(doc.ents)
        _LAST[:] = [doc, ents, [e.start for e in ents]]
    return _LAST[1]  # type: ignore[no-any-return]


def ents_in(span: Span) -> list[Span]:
    """``span.ents``: the entities wholly inside ``span``, in order, stopping (as spaCy does) at
    the first one that starts inside it and runs past its end."""
    ents = doc_ents(span.doc)
    out: list[Span] = []
    for ent in ents[bisect_left(_LAST[2], span.start):]:
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def ents_around(doc: Doc, i: int) -> list[Span]:
    """The entities holding token ``i``."""
    ents = doc_ents(doc)
    k = bisect_left(_LAST[2], i + 1)  # entities starting at or before i
    return [e for e in ents[max(0, k - 1):k] if e.start <= i < e.end]
