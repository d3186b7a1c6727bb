"""The ledger export formats, by name: how each is written, its columns and how it is read back.

``counterclaim export --format NAME`` and :func:`write_export` take their choices from
:data:`EXPORTS`.  Adding a format is one module with a writer (and, for a table, its columns and
reader) and one entry here.

What the formats share (each writer's docstring says it again):

* jsonl is the lossless ledger; csv is one row a claim; geojson, acled and ucdp are one
  feature/row an *incident* (ACLED and UCDP code events, not reports).
* acled and ucdp skip incidents that no member asserts (every member denies): a denial is not
  an event; they also skip incidents with no date.  geojson keeps denied incidents (their
  ``stance`` property says so) and skips incidents without coordinates.
* Fatalities come only from ``killed`` quantities of asserting member claims (not from "bodies
  recovered", "wounded" or "casualties"); see :func:`counterclaim.group.tolls.incident_tolls`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from ..knowledge.resources import Resources
from . import acled, claims_csv, geojson, jsonl, readers, ucdp
from .selection import ExportStats, Selection

if TYPE_CHECKING:  # pragma: no cover
    from ..ledger.base import Ledger

#: writes the selected part of a ledger; returns the records written
Writer = Callable[["Ledger", TextIO, Selection, ExportStats, Resources], int]


@dataclass(frozen=True)
class ExportFormat:
    """One export format: its name, a line of help, its writer, and for tables the columns, their
    types and the reader that takes the file back."""

    name: str
    help: str
    write: Writer
    read: Callable[..., Any]
    columns: tuple[str, ...] = ()
    column_types: Mapping[str, str] = field(default_factory=dict)


def _kw(s: Selection) -> dict[str, str | None]:
    return {"admin1": s.admin1, "since": s.since, "until": s.until, "claimant": s.claimant}


EXPORTS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "jsonl", "the whole ledger, lossless",
            lambda lg, out, s, st, res: jsonl.write_jsonl_export(lg, out, **_kw(s), stats=st),
            readers.read_jsonl_export,
        ),
        ExportFormat(
            "csv", "one row a claim with its incident",
            lambda lg, out, s, st, res: claims_csv.write_csv_export(lg, out, **_kw(s), stats=st),
            readers.read_csv_export, claims_csv.CLAIM_EXPORT_COLUMNS, claims_csv.COLUMN_TYPES,
        ),
        ExportFormat(
            "geojson", "incidents as points (QGIS)",
            lambda lg, out, s, st, res: geojson.write_geojson_export(lg, out, **_kw(s), stats=st),
            readers.read_geojson_export, geojson.GEOJSON_PROPERTIES,
        ),
        ExportFormat(
            "acled", "ACLED-style event rows",
            lambda lg, out, s, st, res: acled.write_acled_export(lg, out, **_kw(s), stats=st, resources=res),
            readers.read_acled_export, acled.ACLED_COLUMNS, acled.COLUMN_TYPES,
        ),
        ExportFormat(
            "ucdp", "UCDP GED-style rows with low/best/high deaths",
            lambda lg, out, s, st, res: ucdp.write_ucdp_export(lg, out, **_kw(s), stats=st, resources=res),
            readers.read_ucdp_export, ucdp.UCDP_COLUMNS, ucdp.COLUMN_TYPES,
        ),
    )
}

#: The format names, in the order ``--help`` lists them.
EXPORT_FORMATS: tuple[str, ...] = tuple(EXPORTS)


def formats_help() -> str:
    """"jsonl: the whole ledger, lossless; csv: ..." for ``--help``."""
    return "; ".join(f"{f.name}: {f.help}" for f in EXPORTS.values()) + "."


def write_export(
    ledger: Ledger,
    out: TextIO,
    fmt: str,
    *,
    admin1: str | None = None,
    since: str | None = None,
    until: str | None = None,
    claimant: str | None = None,
    stats: ExportStats | None = None,
    resources: Resources | None = None,
) -> int:
    """Write the ledger in ``fmt`` (one of :data:`EXPORT_FORMATS`); returns the records written.

    The filters restrict the incidents (as :meth:`Ledger.incidents` does: ``since``/``until``
    keep incidents whose window overlaps them, ``claimant`` matches a claimant name) and, for
    jsonl and csv, the claims to those incidents' claims; with no filter everything is written,
    claims grouped into no incident included.  The ledger must have been grouped
    (:func:`counterclaim.group.update.update`); claims grouping has not seen yet have empty grouping
    columns.  ``stats``, if given, gets the count written and the records left out, by reason.
    ``resources`` gives the actor registry the coded formats read actors with (the bundled one
    when None).
    """
    if fmt not in EXPORTS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    return EXPORTS[fmt].write(
        ledger, out, Selection(admin1, since, until, claimant), stats if stats is not None else ExportStats(),
        resources or Resources.default(),
    )


__all__ = ["EXPORTS", "EXPORT_FORMATS", "ExportFormat", "Writer", "formats_help", "write_export"]
