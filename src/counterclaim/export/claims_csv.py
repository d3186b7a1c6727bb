"""``csv``: one row a claim, with the incident grouping put it in and the link that put it there."""

from __future__ import annotations

from .cells import spreadsheet_writer
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from .records import CSV_COLUMNS, flat_row
from .selection import ExportStats, Selection, incident_claim_ids
from ..model import Claim

if TYPE_CHECKING:  # pragma: no cover
    from ..ledger.base import ClaimGrouping, Ledger

#: The claim CSV export: :data:`CSV_COLUMNS` plus where grouping put the claim.
CLAIM_EXPORT_COLUMNS: tuple[str, ...] = (
    *CSV_COLUMNS, "incident_id", "grouping_role", "link_to", "link_score", "link_reason",
)

#: The typed columns (``int``, ``float``, ``bool``; the rest is text), for readers and DataFrames.
COLUMN_TYPES: dict[str, str] = {
    **dict.fromkeys(("geonames_id", "acled_geo_precision", "ucdp_where_prec", "acled_time_precision",
                     "ucdp_date_prec", "evidence_start", "evidence_end"), "int"),
    **dict.fromkeys(("latitude", "longitude", "confidence", "link_score"), "float"),
    "hedged": "bool",
}


def claim_export_row(c: Claim, grouping: ClaimGrouping | None) -> dict[str, object]:
    """:func:`flat_row` plus ``incident_id``, ``grouping_role`` (member, duplicate, summary,
    unplaced; empty before grouping), and the link that placed it: ``link_to`` (the claim it was
    matched with), ``link_score`` and ``link_reason``."""
    row = flat_row(c)
    link = grouping.link if grouping is not None else None
    row.update(
        incident_id=grouping.incident_id if grouping is not None else None,
        grouping_role=grouping.role if grouping is not None else None,
        link_to=link.to_claim_id if link is not None else None,
        link_score=link.score if link is not None else None,
        link_reason=(link.reason if link is not None else None) or (grouping.why if grouping is not None else None),
    )
    return row


def claim_rows(ledger: Ledger, selection: Selection) -> Iterator[dict[str, object]]:
    """The rows of the selected claims (every claim when nothing is filtered)."""
    if not selection.filtered:
        for c in ledger.claims():
            yield claim_export_row(c, ledger.grouping_of(c.claim_id))
        return
    for inc in selection.incidents(ledger):
        ids = incident_claim_ids(ledger, inc)
        found = ledger.claims_by_id(ids)
        for cid in ids:
            if cid in found:
                yield claim_export_row(found[cid], ledger.grouping_of(cid))


def write_csv_export(
    ledger: Ledger,
    out: TextIO,
    *,
    admin1: str | None = None,
    since: str | None = None,
    until: str | None = None,
    claimant: str | None = None,
    stats: ExportStats | None = None,
) -> int:
    """One CSV row a claim, :data:`CLAIM_EXPORT_COLUMNS`; returns the rows written.

    Unfiltered: every claim in ledger order (summaries and unplaced claims too, with their
    ``grouping_role`` and the reason in ``link_reason``).  Filtered: the member and duplicate
    claims of the incidents kept, incident by incident.  Empty cells are nulls.
    """
    stats = stats if stats is not None else ExportStats()
    writer = spreadsheet_writer(out, CLAIM_EXPORT_COLUMNS)  # text that would start a formula is neutralised
    writer.writeheader()
    n = 0
    for row in claim_rows(ledger, Selection(admin1, since, until, claimant)):
        writer.writerow(row)
        n += 1
    stats.written += n
    return n



__all__ = ["CLAIM_EXPORT_COLUMNS", "COLUMN_TYPES", "claim_export_row", "claim_rows", "write_csv_export"]
