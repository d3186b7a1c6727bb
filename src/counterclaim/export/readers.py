"""Reading back what the exports of :mod:`counterclaim.export.registry` write.

Each export format has its reader here, so that every export round-trips in the tests and a
user can take an export back into Python without the ledger:

* :func:`read_jsonl_export` rebuilds the model objects of a jsonl export (:class:`LedgerDump`);
* :func:`read_csv_export`, :func:`read_acled_export` and :func:`read_ucdp_export` read the CSV
  exports into dicts with typed values (int, float, bool, None for an empty cell);
* :func:`read_geojson_export` checks a GeoJSON export against the RFC 7946 rules the export
  promises (:func:`geojson_problems`) and flattens its features.

The readers use only the standard library; ``pandas.read_csv`` reads the CSV exports as well.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, TextIO

from ..errors import ExportFormatError
from ..ledger.base import Sighting
from . import acled, claims_csv, ucdp
from .cells import restore
from ..model import (
    Claim,
    Contradiction,
    Corroboration,
    Document,
    Incident,
    claim_from_dict,
    contradiction_from_dict,
    corroboration_from_dict,
    document_from_dict,
    incident_from_dict,
)


@dataclass(frozen=True, slots=True)
class LedgerDump:
    """The objects of a jsonl export, in the order they were written."""

    documents: tuple[Document, ...] = ()
    claims: tuple[Claim, ...] = ()
    incidents: tuple[Incident, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    corroborations: tuple[Corroboration, ...] = ()
    #: where a document's text was seen again (as :meth:`Ledger.sightings` gives them)
    sightings: tuple[Sighting, ...] = ()
    #: records of kinds this version does not know (a newer export), kept as they were
    other: tuple[dict[str, Any], ...] = ()


def _sighting(data: dict[str, Any]) -> Sighting:
    """A sighting record (keys this version does not know are ignored, as for the model's)."""
    return Sighting(**{f.name: data[f.name] for f in fields(Sighting) if f.name in data})


_BUILDERS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "sighting": _sighting,
    "document": document_from_dict,
    "claim": claim_from_dict,
    "incident": incident_from_dict,
    "contradiction": contradiction_from_dict,
    "corroboration": corroboration_from_dict,
}


def read_jsonl_export(lines: Iterable[str]) -> LedgerDump:
    """Rebuild the objects of a jsonl export (:func:`counterclaim.export.jsonl.write_jsonl_export`).

    ``lines`` is any iterable of lines (an open file).  Blank lines are skipped; a line that is
    not a JSON object with a ``record`` key raises :class:`ExportFormatError` naming the line.
    Records of an unknown kind are kept in :attr:`LedgerDump.other`.
    """
    found: dict[str, list[Any]] = {k: [] for k in (*_BUILDERS, "other")}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ExportFormatError(f"line {n}: not JSON ({exc.msg})") from exc
        if not isinstance(data, dict) or not isinstance(data.get("record"), str):
            raise ExportFormatError(f"line {n}: not an object with a \"record\" key")
        kind = data.pop("record")
        if kind in _BUILDERS:
            try:
                found[kind].append(_BUILDERS[kind](data))
            except (TypeError, ValueError) as exc:
                raise ExportFormatError(f"line {n}: not a valid {kind} ({exc})") from exc
        else:
            found["other"].append({"record": kind, **data})
    return LedgerDump(
        documents=tuple(found["document"]), claims=tuple(found["claim"]),
        incidents=tuple(found["incident"]), contradictions=tuple(found["contradiction"]),
        corroborations=tuple(found["corroboration"]), sightings=tuple(found["sighting"]),
        other=tuple(found["other"]),
    )


def typed_value(kind: str | None, text: str | None) -> Any:
    """A CSV cell as the export meant it: None for an empty cell, else int, float or bool for
    a column of that ``kind`` (each format module's ``COLUMN_TYPES``), else the text (without
    the quote :mod:`.cells` puts before a text that would start a formula)."""
    if text is None or text == "":
        return None
    if kind == "int":
        return int(text)
    if kind == "float":
        return float(text)
    if kind == "bool":
        if text not in ("True", "False"):
            raise ValueError(f"{text!r} is not True or False")
        return text == "True"
    return restore(text)  # the quote a text that would start a formula was written with


def _read_csv(
    stream: TextIO | Iterable[str], columns: Sequence[str], types: Mapping[str, str], what: str
) -> list[dict[str, Any]]:
    reader = csv.DictReader(stream)
    header = tuple(reader.fieldnames or ())
    missing = [c for c in columns if c not in header]
    if missing:
        raise ExportFormatError(f"not a {what} export: no column {', '.join(missing)}")
    rows = []
    for row in reader:
        try:
            rows.append({c: typed_value(types.get(c), row.get(c)) for c in header})
        except ValueError as exc:
            raise ExportFormatError(f"line {reader.line_num}: {exc}") from exc
    return rows


def read_csv_export(stream: TextIO | Iterable[str]) -> list[dict[str, Any]]:
    """The rows of a claims CSV export (:data:`.claims_csv.CLAIM_EXPORT_COLUMNS`), typed."""
    return _read_csv(stream, claims_csv.CLAIM_EXPORT_COLUMNS, claims_csv.COLUMN_TYPES, "claims CSV")


def read_acled_export(stream: TextIO | Iterable[str]) -> list[dict[str, Any]]:
    """The rows of an ACLED-style export (:data:`.acled.ACLED_COLUMNS`), typed."""
    return _read_csv(stream, acled.ACLED_COLUMNS, acled.COLUMN_TYPES, "ACLED")


def read_ucdp_export(stream: TextIO | Iterable[str]) -> list[dict[str, Any]]:
    """The rows of a UCDP GED-style export (:data:`.ucdp.UCDP_COLUMNS`), typed."""
    return _read_csv(stream, ucdp.UCDP_COLUMNS, ucdp.COLUMN_TYPES, "UCDP")


# --------------------------------------------------------------------------- geojson


def geojson_problems(obj: Any) -> list[str]:
    """What in ``obj`` breaks the RFC 7946 rules a counterclaim GeoJSON export keeps: a
    FeatureCollection of Features with a Point geometry of two finite numbers, longitude first
    (-180..180, -90..90), no ``crs`` member, and flat properties (string, number, bool or null).
    An empty list when there is nothing wrong."""
    problems: list[str] = []
    if not isinstance(obj, Mapping) or obj.get("type") != "FeatureCollection":
        return ["not a FeatureCollection"]
    if "crs" in obj:
        problems.append("has a crs member (RFC 7946 allows only WGS 84 and no crs)")
    features = obj.get("features")
    if not isinstance(features, list):
        return [*problems, "features is not a list"]
    for i, f in enumerate(features):
        where = f"feature {i}"
        if not isinstance(f, Mapping) or f.get("type") != "Feature":
            problems.append(f"{where}: not a Feature")
            continue
        where = f"feature {i} ({f.get('id')})" if "id" in f else where
        g = f.get("geometry")
        if not isinstance(g, Mapping) or g.get("type") != "Point":
            problems.append(f"{where}: geometry is not a Point")
        else:
            xy = g.get("coordinates")
            if (not isinstance(xy, list) or len(xy) != 2
                    or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in xy)):
                problems.append(f"{where}: coordinates are not [longitude, latitude]")
            elif not (-180 <= xy[0] <= 180 and -90 <= xy[1] <= 90):
                problems.append(f"{where}: coordinates {xy} out of range")
        props = f.get("properties")
        if not isinstance(props, Mapping):
            problems.append(f"{where}: properties is not an object")
            continue
        for k, v in props.items():
            if v is not None and not isinstance(v, (str, int, float, bool)):
                problems.append(f"{where}: property {k} is not a scalar")
    return problems


def read_geojson_export(source: TextIO | str) -> list[dict[str, Any]]:
    """The features of a GeoJSON export, flattened: each feature's properties plus
    ``longitude`` and ``latitude``.  ``source`` is an open file or the text.  Raises
    :class:`ExportFormatError` listing what is wrong when :func:`geojson_problems` finds
    anything."""
    text = source if isinstance(source, str) else source.read()
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExportFormatError(f"not JSON ({exc.msg} at line {exc.lineno})") from exc
    problems = geojson_problems(obj)
    if problems:
        raise ExportFormatError("; ".join(problems[:5]) + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""))
    rows = []
    for f in obj["features"]:
        lon, lat = f["geometry"]["coordinates"]
        rows.append({**f["properties"], "longitude": lon, "latitude": lat})
    return rows


__all__ = [
    "ExportFormatError", "LedgerDump", "geojson_problems", "read_acled_export", "read_csv_export",
    "read_geojson_export", "read_jsonl_export", "read_ucdp_export", "typed_value",
]
