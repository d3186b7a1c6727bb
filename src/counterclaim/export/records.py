"""Claims as records: JSON lines (the contract), flat CSV rows, or the terminal table.

JSONL is the lossless form (``docs/ledger.md``): one claim object a line, with ``source_path``
and ``source_id`` on every line.  CSV flattens each claim to :data:`CSV_COLUMNS`, keeping the
full quantity list as JSON in one cell.  The table is for reading, not for machines.
"""

from __future__ import annotations

from .cells import spreadsheet_writer
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TextIO, TypeVar

from ..model import Claim, quantity_summary, to_dict
from .codes import acled_geo_precision, acled_time_precision, ucdp_date_prec, ucdp_where_prec
from .tables import write_table

#: The formats claims are written in (``counterclaim extract``, ``counterclaim claims``).
FORMATS = ("jsonl", "table", "csv")
T = TypeVar("T")

CSV_COLUMNS: tuple[str, ...] = (
    "claim_id", "doc_id", "source_path", "source_id", "claimant_text", "claimant_actor", "actor_type",
    "via", "stance", "event_type", "perpetrator", "quantities_summary", "quantities",
    "location_text", "location_relation", "location_name", "admin1", "admin1_code", "country", "latitude",
    "longitude", "geonames_id", "geo_precision", "acled_geo_precision", "ucdp_where_prec", "locations",
    "time_text", "time_start", "time_end", "time_precision", "acled_time_precision", "ucdp_date_prec",
    "stated_on_text", "evidence", "evidence_start", "evidence_end", "confidence", "section", "hedged",
    "responds_to", "context",
)


def flat_row(c: Claim) -> dict[str, object]:
    """One CSV row for a claim."""
    return {
        "claim_id": c.claim_id,
        "doc_id": c.doc_id,
        "source_path": c.source_path,
        "source_id": c.source_id,
        "claimant_text": c.claimant.text,
        "claimant_actor": c.claimant.actor,
        "actor_type": c.claimant.actor_type,
        "via": c.via.text if c.via else None,
        "stance": c.stance,
        "event_type": c.event_type,
        "perpetrator": c.perpetrator.text if c.perpetrator else None,
        "quantities_summary": "; ".join(quantity_summary(q) for q in c.quantities),
        "quantities": json.dumps(to_dict(c.quantities), ensure_ascii=False),
        "location_text": c.location.text if c.location else None,
        "location_relation": c.location.relation if c.location else None,
        "location_name": c.location.name if c.location else None,
        "admin1": c.location.admin1 if c.location else None,
        "admin1_code": c.location.admin1_code if c.location else None,
        "country": c.location.country if c.location else None,
        "latitude": c.location.lat if c.location else None,
        "longitude": c.location.lon if c.location else None,
        "geonames_id": c.location.geonames_id if c.location else None,
        "geo_precision": c.location.precision if c.location else None,
        "acled_geo_precision": acled_geo_precision(c.location.precision) if c.location else None,
        "ucdp_where_prec": ucdp_where_prec(c.location.precision) if c.location else None,
        "locations": "; ".join(loc.text for loc in c.locations),
        "time_text": c.time.text if c.time else None,
        "time_start": c.time.start if c.time else None,
        "time_end": c.time.end if c.time else None,
        "time_precision": c.time.precision if c.time else None,
        "acled_time_precision": acled_time_precision(c.time) if c.time else None,
        "ucdp_date_prec": ucdp_date_prec(c.time) if c.time else None,
        "stated_on_text": c.stated_on.text if c.stated_on else None,
        "evidence": c.evidence.text,
        "evidence_start": c.evidence.start,
        "evidence_end": c.evidence.end,
        "confidence": c.confidence,
        "section": c.section,
        "hedged": c.hedged,
        "responds_to": c.responds_to,
        "context": c.context.text if c.context else None,
    }


def write_records(
    items: Iterable[T], out: TextIO, fmt: str, columns: Sequence[str], row: Callable[[T], Mapping[str, object]],
    formats: Sequence[str] = FORMATS,
) -> int:
    """Model objects as JSON lines (each whole, :func:`to_dict`) or CSV (flattened by ``row``
    into ``columns``); returns how many were written."""
    n = 0
    if fmt == "jsonl":
        for x in items:
            out.write(json.dumps(to_dict(x), ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "csv":
        writer = spreadsheet_writer(out, columns)  # text that would start a formula is neutralised
        writer.writeheader()
        for x in items:
            writer.writerow(row(x))
            n += 1
        return n
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(formats)}")


def write_claims(claims: Iterable[Claim], out: TextIO, fmt: str) -> int:
    """Write claims in ``fmt`` (one of :data:`FORMATS`); returns how many were written."""
    if fmt == "table":
        return write_table(claims, out)
    return write_records(claims, out, fmt, CSV_COLUMNS, flat_row)



__all__ = ["CSV_COLUMNS", "FORMATS", "flat_row", "write_claims", "write_records"]
