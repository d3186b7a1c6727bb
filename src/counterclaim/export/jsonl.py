"""``jsonl``: the whole ledger, lossless, one JSON object a line."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from ..model import to_dict
from .selection import ExportStats, Selection, incident_claim_ids

if TYPE_CHECKING:  # pragma: no cover
    from ..ledger.base import Ledger


def write_jsonl_export(
    ledger: Ledger,
    out: TextIO,
    *,
    admin1: str | None = None,
    since: str | None = None,
    until: str | None = None,
    claimant: str | None = None,
    stats: ExportStats | None = None,
) -> int:
    """The lossless ledger, one JSON object a line; returns the lines written.

    Every object has a ``"record"`` key — ``document``, ``sighting``, ``claim``, ``incident``,
    ``contradiction`` or ``corroboration`` — and otherwise is exactly ``to_dict(obj)`` (documents
    keep their full text: every offset in the ledger points into it, and their language; a
    sighting is a :class:`~counterclaim.ledger.base.Sighting`).  Records come in that order, so a
    reader meets a claim's document before the claim.  With no filter everything is written;
    with filters, the incidents kept, the claims they hold (members and republished copies) or
    that their contradictions and corroborations cite, those claims' documents and sightings,
    and those contradictions and corroborations.  Read back with
    :func:`counterclaim.export.readers.read_jsonl_export`.
    """
    stats = stats if stats is not None else ExportStats()
    n = 0

    def put(kind: str, data: dict[str, Any]) -> None:
        nonlocal n
        out.write(json.dumps({"record": kind, **data}, ensure_ascii=False) + "\n")
        n += 1

    selection = Selection(admin1, since, until, claimant)
    if not selection.filtered:
        for d in ledger.documents():
            put("document", to_dict(d))
        for s in ledger.sightings():
            put("sighting", to_dict(s))
        for c in ledger.claims():
            put("claim", to_dict(c))
        for inc in ledger.incidents():
            put("incident", to_dict(inc))
        for x in ledger.contradictions():
            put("contradiction", to_dict(x))
        for k in ledger.corroborations():
            put("corroboration", to_dict(k))
    else:
        incidents = selection.incidents(ledger)
        contradictions = [x for inc in incidents for x in ledger.contradictions(incident_id=inc.incident_id)]
        corroborations = [k for inc in incidents for k in ledger.corroborations(incident_id=inc.incident_id)]
        ids: list[str] = []
        for inc in incidents:
            ids += incident_claim_ids(ledger, inc)
        for cited in (*(x.claim_ids for x in contradictions), *(k.claim_ids for k in corroborations)):
            ids += cited
        ids = list(dict.fromkeys(ids))
        found = ledger.claims_by_id(ids)
        claims = [found[i] for i in ids if i in found]
        doc_ids = list(dict.fromkeys([c.doc_id for c in claims] + [d for inc in incidents for d in inc.doc_ids]))
        for doc_id in doc_ids:
            doc = ledger.document(doc_id)
            if doc is not None:
                put("document", to_dict(doc))
        for doc_id in doc_ids:
            for s in ledger.sightings(doc_id):
                put("sighting", to_dict(s))
        for c in claims:
            put("claim", to_dict(c))
        for inc in incidents:
            put("incident", to_dict(inc))
        for x in contradictions:
            put("contradiction", to_dict(x))
        for k in corroborations:
            put("corroboration", to_dict(k))
    stats.written += n
    return n



__all__ = ["write_jsonl_export"]
