"""How the SQLite ledger lays model objects into columns and reads them back: a document's
columns, the JSON of footprints, grouping states and links, and the texts a claim is searched by.

Claims, incidents, contradictions and corroborations are kept whole as ``to_json(obj)`` and read
back with the model's ``*_from_dict``; the other columns are copies for filtering and indexing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .guard import loads
from ...model import (
    Claim,
    Document,
    Footprint,
    IncidentSnapshot,
    Link,
    Location,
    TimeSpan,
    document_from_dict,
    link_from_dict,
    to_dict,
    to_json,
)

#: The columns a document is read from, in this order (``language`` since schema version 3).
DOCUMENT_COLUMNS = (
    "doc_id", "source_path", "source_id", "url", "outlet", "published", "published_from",
    "title", "text", "removed", "byline", "warnings", "language",
)


def document_columns(alias: str, has_language: bool) -> str:
    """The select list of a document's columns, ``alias.`` before each; a ledger older than the
    ``language`` column reads every document as English."""
    columns = [f"{alias}.{c}" for c in DOCUMENT_COLUMNS]
    if not has_language:
        columns[-1] = "'en'"
    return ", ".join(columns)


def document_values(d: Document) -> tuple[Any, ...]:
    """A document's values for :data:`DOCUMENT_COLUMNS`, in that order."""
    return (
        d.doc_id, d.source_path, d.source_id, d.url, d.outlet, d.published, d.published_from,
        d.title, d.text, to_json(d.removed), None if d.byline is None else to_json(d.byline),
        json.dumps(list(d.warnings), ensure_ascii=False), d.language,
    )


def document_from_row(row: Sequence[Any]) -> Document:
    """The document of a row selected with :func:`document_columns`."""
    data = dict(zip(DOCUMENT_COLUMNS, row, strict=True))
    for key in ("removed", "byline", "warnings"):
        data[key] = None if data[key] is None else loads(data[key])
    return document_from_dict(data)


def footprint_json(fp: Footprint) -> str:
    """A footprint as JSON (its sides sorted)."""
    data = to_dict(fp)
    data["sides"] = sorted(fp.sides)
    return json.dumps(data)


def footprint_from_json(text: str) -> Footprint:
    data = loads(text)
    data["areas"] = tuple(data.get("areas") or ())
    data["sides"] = frozenset(data.get("sides") or ())
    return Footprint(**data)


def snapshot_json(s: IncidentSnapshot) -> str:
    """An incident's grouping state as JSON, its type counts an object ``{type: count}``."""
    data = to_dict(s)
    data["types"] = dict(s.types)
    return json.dumps(data, ensure_ascii=False)


def snapshot_from_json(text: str) -> IncidentSnapshot:
    d = loads(text)
    loc, time = d.get("location"), d.get("time")
    return IncidentSnapshot(
        incident_id=d["incident_id"], area=d["area"], lat=d["lat"], lon=d["lon"], prec=d["prec"],
        start=d["start"], end=d["end"], place_from=d["place_from"], time_from=d["time_from"],
        time_basis=d["time_basis"],
        location=None if loc is None else Location(**loc),
        time=None if time is None else TimeSpan(**time),
        types=tuple((str(t), int(n)) for t, n in d.get("types", {}).items()),
        sides=tuple(d.get("sides", ())), members=tuple(d.get("members", ())), docs=tuple(d.get("docs", ())),
        outlets=tuple(d.get("outlets", ())), claimants=tuple(d.get("claimants", ())),
    )


def link_json(link: Link | None) -> str | None:
    return None if link is None else to_json(link)


def link_from_json(text: str | None) -> Link | None:
    return None if text is None else link_from_dict(loads(text))


def _join(*texts: str | None) -> str:
    """Distinct non-empty texts, space-separated, for a full-text column."""
    return " ".join(dict.fromkeys(t for t in texts if t))


def claim_search_texts(c: Claim) -> tuple[str, ...]:
    """The claim's searchable texts: evidence, claimant, perpetrator, quantities, places, times."""
    places = [loc for loc in (c.location, *c.locations) if loc is not None]
    return (
        c.evidence.text,
        _join(c.claimant.text, c.claimant.actor,
              c.claimant.refers_to.text if c.claimant.refers_to is not None else None,
              c.via.text if c.via is not None else None),
        _join(c.perpetrator.text, c.perpetrator.actor) if c.perpetrator else "",
        _join(*(t for q in c.quantities for t in (q.text, q.measure, q.object))),
        _join(*(t for loc in places for t in (loc.text, loc.name, loc.admin1, loc.country))),
        _join(*(t.text for t in (c.time, c.stated_on) if t is not None)),
    )


def check_limit(limit: int) -> int:
    """``limit`` if it is a non-negative integer; ``ValueError`` otherwise."""
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise ValueError(f"limit must be a non-negative integer, not {limit!r}")
    return limit


__all__ = [
    "DOCUMENT_COLUMNS", "check_limit", "claim_search_texts", "document_columns", "document_from_row",
    "document_values", "footprint_from_json", "footprint_json", "link_from_json", "link_json",
    "snapshot_from_json", "snapshot_json",
]
