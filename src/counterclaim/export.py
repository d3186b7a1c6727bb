"""Writing claims out: JSON lines (the contract), CSV (flat, one row a claim) and a terminal table.

JSONL is the lossless form (``docs/ledger.md``): one claim object a line, with ``source_path``
and ``source_id`` on every line.  CSV flattens each claim to :data:`CSV_COLUMNS`, keeping the
full quantity list as JSON in one cell.  The table is for reading, not for machines.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable
from typing import TextIO

from .model import Claim, Quantity, to_dict
from .places import acled_geo_precision, ucdp_where_prec
from .times import acled_time_precision, ucdp_date_prec

FORMATS = ("jsonl", "table", "csv")

CSV_COLUMNS: tuple[str, ...] = (
    "claim_id", "doc_id", "source_path", "source_id", "claimant_text", "claimant_actor", "actor_type",
    "via", "stance", "event_type", "perpetrator", "quantities_summary", "quantities",
    "location_text", "location_relation", "location_name", "admin1", "admin1_code", "country", "latitude",
    "longitude", "geonames_id", "geo_precision", "acled_geo_precision", "ucdp_where_prec", "locations",
    "time_text", "time_start", "time_end", "time_precision", "acled_time_precision", "ucdp_date_prec",
    "stated_on_text", "evidence", "evidence_start", "evidence_end", "confidence", "section", "hedged",
    "responds_to", "context",
)

_BOUND_SIGN = {"exact": "", "approx": "~", "low": "≥", "high": "≤", "vague": ""}


def quantity_summary(q: Quantity) -> str:
    """"≤200 fighters killed", "26 people killed", "dozens of tanker trucks destroyed"."""
    measure = "" if (q.measure and q.object and q.object.lower().endswith(q.measure)) else (q.measure or "")
    if q.bound == "range":
        num = f"{_num(q.low)}–{_num(q.high)}"
    elif q.bound == "vague":
        num = q.text.split(" of ")[0] if " of " in q.text else q.text
        obj = f" of {q.object}" if q.object and " of " in q.text else ""
        return f"{num}{obj} {measure}".strip()
    else:
        num = _BOUND_SIGN.get(q.bound, "") + _num(q.value if q.value is not None else q.low if q.low is not None else q.high)
    parts = [num, q.object or "", measure]
    return " ".join(p for p in parts if p)


def _num(v: float | None) -> str:
    if v is None:
        return "?"
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,}"


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


def write_claims(claims: Iterable[Claim], out: TextIO, fmt: str) -> int:
    """Write claims in ``fmt`` (one of :data:`FORMATS`); returns how many were written."""
    if fmt == "jsonl":
        n = 0
        for c in claims:
            out.write(json.dumps(to_dict(c), ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
        writer.writeheader()
        n = 0
        for c in claims:
            writer.writerow(flat_row(c))
            n += 1
        return n
    if fmt == "table":
        return write_table(claims, out)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


_TABLE = (("claimant", 24), ("stance", 7), ("event", 11), ("how many", 30), ("where", 28), ("when", 18))


def write_table(claims: Iterable[Claim], out: TextIO, width: int | None = None) -> int:
    """A readable table: who, stance, event, quantities, place, time, then the evidence."""
    width = width or max(100, shutil.get_terminal_size((160, 24)).columns)
    header = "  ".join(name.ljust(w) for name, w in _TABLE) + "  evidence"
    out.write(header + "\n" + "-" * min(width, len(header) + 40) + "\n")
    fixed = sum(w + 2 for _, w in _TABLE)
    n = 0
    for c in claims:
        cells = (
            c.claimant.actor or c.claimant.text or "(outlet)",
            c.stance,
            c.event_type,
            "; ".join(quantity_summary(q) for q in c.quantities),
            _where(c),
            c.time.text if c.time else "",
        )
        row = "  ".join(_fit(v, w) for v, (_, w) in zip(cells, _TABLE, strict=True))
        out.write(row + "  " + _fit(c.evidence.text.replace("\n", " "), max(20, width - fixed)) + "\n")
        n += 1
    return n


def _where(c: Claim) -> str:
    """"northeast of Palmyra [Homs]", "the provinces of Aleppo [Syria]", "Dayr al-Zawr [?]"."""
    loc = c.location
    if loc is None:
        return ""
    words = ((loc.relation + " ") if loc.relation else "") + loc.text
    if loc.precision == "unknown":
        return words + " [?]"
    return f"{words} [{loc.admin1 or loc.country or loc.precision}]"


def _fit(value: str, w: int) -> str:
    value = value.replace("\n", " ")
    return value.ljust(w) if len(value) <= w else value[: w - 1] + "…"
