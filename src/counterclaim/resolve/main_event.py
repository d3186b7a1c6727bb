"""The article's main event: the claim its headline and lead report.

A news article is about one happening; its other claims are background, reactions and earlier
events.  A reader coding the article (ACLED, UCDP) codes the happening the headline announces
and the lead sentence details.  :func:`main_event` picks that claim, so users and exports can
take one answer per article:

1. **Who may be picked**: claims that assert a violent event (an event type other than
   ``other``); failing those, denials of one; failing those, any claim.
2. **The headline**: the first such claim in the headline (or a heading at the top) names the
   event type the article is about.
3. **The lead**: the claims of the lead, the body's first :data:`LEAD_CHARS` characters (after
   the headline and a dateline), in reading order.  Each is scored: the headline's event type
   (2), a place resolved to a town or a governorate of its own sentence (1), a count of people
   killed, wounded or of casualties (1).  The best one wins; a tie goes to the earliest.
4. **No lead claim**: the headline's claim; else the best-scored claim of the whole article
   (earliest on a tie).

The pick is structural (sections, positions, event types, places and counts): it uses no words
of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import CLAIMANT_PLACE, DATELINE, LEAD_RELATION, Claim, Document

#: how far into the body the lead runs (the first sentence or two of a news story)
LEAD_CHARS = 400
#: sections that open an article
_TOP = ("headline", "heading")
#: how far into the text a heading still counts as the headline
_HEADLINE_CHARS = 300
#: measures that make a claim a toll a reader would code
_TOLL = frozenset({"killed", "wounded", "casualties"})
#: place relations that are not the claim's own place
_NOT_OWN = frozenset({DATELINE, CLAIMANT_PLACE, LEAD_RELATION})


def _pool(claims: Sequence[Claim]) -> list[Claim]:
    violent = [c for c in claims if c.event_type != "other"]
    asserted = [c for c in violent if c.stance == "asserts"]
    return asserted or violent or list(claims)


def _own_place(c: Claim) -> bool:
    loc = c.location
    return loc is not None and loc.relation not in _NOT_OWN and loc.precision in ("point", "near", "admin1")


def _score(c: Claim, headline_type: str | None) -> int:
    score = 2 if headline_type is not None and c.event_type == headline_type else 0
    score += _own_place(c)
    score += any(q.measure in _TOLL for q in c.quantities)
    return score


def _best(claims: list[Claim], headline_type: str | None) -> Claim:
    # max() keeps the first of equal scores: the earliest claim wins a tie
    return max(claims, key=lambda c: _score(c, headline_type))


def main_event(claims: Sequence[Claim]) -> Claim | None:
    """The claim the article's headline and lead report (see the module docstring), or None
    when there are no claims.  ``claims`` are one document's, in reading order."""
    if not claims:
        return None
    pool = _pool(claims)
    top = [c for c in pool if c.section in _TOP and c.evidence.start < _HEADLINE_CHARS]
    headline = next((c for c in top if c.section == "headline"), top[0] if top else None)
    headline_type = headline.event_type if headline is not None else None
    body = [c for c in pool if c.section == "body"]
    starts = [c.evidence.start for c in claims if c.section == "body"]
    dateline_ends = [m.text_end for c in claims for m in c.locations if m.relation == DATELINE]
    lead_start = max(min(starts, default=0), min(dateline_ends, default=0))
    lead = [c for c in body if c.evidence.end > lead_start and c.evidence.start < lead_start + LEAD_CHARS]
    if lead:
        return _best(lead, headline_type)
    if headline is not None:
        return headline
    return _best(pool, None)


def with_main_event(document: Document, claims: Sequence[Claim]) -> Document:
    """``document`` with :attr:`~counterclaim.model.Document.main_event` set from its claims."""
    picked = main_event(claims)
    return replace(document, main_event=picked.claim_id if picked is not None else None)


__all__ = ["LEAD_CHARS", "main_event", "with_main_event"]
