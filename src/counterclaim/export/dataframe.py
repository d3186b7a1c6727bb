"""The ledger as pandas DataFrames: the same tables as the exports, with typed columns."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..group.tolls import incident_tolls
from ..knowledge.resources import Resources
from ..model import Claim, Incident
from . import acled, claims_csv, ucdp
from .acled import ACLED_COLUMNS, acled_row
from .claims_csv import CLAIM_EXPORT_COLUMNS, claim_rows
from .geojson import GEOJSON_PROPERTIES, incident_properties
from .selection import ExportStats, Selection, incident_rows, members
from .ucdp import UCDP_COLUMNS, ucdp_row

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from ..ledger.base import Ledger

DATAFRAME_KINDS: tuple[str, ...] = ("claims", "incidents", "contradictions", "acled", "ucdp")

CONTRADICTION_COLUMNS: tuple[str, ...] = (
    "contradiction_id", "incident_id", "kind", "claim_ids", "claimants", "explanation", "same_claimant", "note",
)
INCIDENT_FRAME_COLUMNS: tuple[str, ...] = (
    *GEOJSON_PROPERTIES[:9], "latitude", "longitude", *GEOJSON_PROPERTIES[9:], "low", "best", "high",
)

#: The typed columns of each table (``int``, ``float``, ``bool``; the rest is text).
FRAME_COLUMN_TYPES: dict[str, dict[str, str]] = {
    "claims": claims_csv.COLUMN_TYPES,
    "acled": acled.COLUMN_TYPES,
    "ucdp": ucdp.COLUMN_TYPES,
    "incidents": {
        **dict.fromkeys(("geo_precision", "where_prec", "acled_time_precision", "n_claims", "n_claimants",
                         "n_contradictions", "n_corroborations", "fatalities", "low", "best", "high"), "int"),
        **dict.fromkeys(("latitude", "longitude"), "float"),
    },
    "contradictions": {"same_claimant": "bool"},
}


def incident_frame_row(inc: Incident, claims: Mapping[str, Claim]) -> dict[str, object]:
    """One flat row an incident: the GeoJSON properties, coordinates, and the UCDP estimates."""
    row = incident_properties(inc, claims)
    tolls = incident_tolls(inc, claims)
    loc = inc.location
    row.update(latitude=loc.lat if loc else None, longitude=loc.lon if loc else None,
               low=tolls.low, best=tolls.best, high=tolls.high)
    return {c: row[c] for c in INCIDENT_FRAME_COLUMNS}


def to_dataframe(
    ledger: Ledger,
    what: str = "claims",
    *,
    admin1: str | None = None,
    since: str | None = None,
    until: str | None = None,
    claimant: str | None = None,
    resources: Resources | None = None,
) -> pandas.DataFrame:
    """The ledger as a pandas DataFrame: ``what`` is ``claims`` (the CSV export's rows,
    :data:`CLAIM_EXPORT_COLUMNS`), ``incidents`` (:data:`INCIDENT_FRAME_COLUMNS`), ``contradictions``
    (:data:`CONTRADICTION_COLUMNS`), ``acled`` or ``ucdp`` (those exports' rows).  Filters as for
    :func:`~.registry.write_export` (and ``resources``: the actor registry ACLED's and UCDP's actors
    are read with; the bundled one when None).  Integer columns are pandas' nullable ``Int64``, floats ``float64``,
    flags ``boolean``; lists are joined with "; ".  Needs pandas (``pip install
    'counterclaim[pandas]'``).
    """
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "to_dataframe needs pandas, which is not installed: pip install 'counterclaim[pandas]'"
        ) from exc
    if what not in DATAFRAME_KINDS:
        raise ValueError(f"unknown table {what!r}; choose one of {', '.join(DATAFRAME_KINDS)}")
    selection = Selection(admin1, since, until, claimant)
    rows: list[dict[str, object]]
    if what == "claims":
        columns = CLAIM_EXPORT_COLUMNS
        rows = list(claim_rows(ledger, selection))
    elif what == "contradictions":
        columns = CONTRADICTION_COLUMNS
        if selection.filtered:
            found = [x for inc in selection.incidents(ledger) for x in ledger.contradictions(incident_id=inc.incident_id)]
        else:
            found = list(ledger.contradictions())
        rows = [{
            "contradiction_id": x.contradiction_id, "incident_id": x.incident_id, "kind": x.kind,
            "claim_ids": "; ".join(x.claim_ids), "claimants": "; ".join(x.claimants),
            "explanation": x.explanation, "same_claimant": x.same_claimant, "note": x.note,
        } for x in found]
    elif what == "incidents":
        columns = INCIDENT_FRAME_COLUMNS
        rows = [incident_frame_row(inc, members(ledger, inc)) for inc in selection.incidents(ledger)]
    else:
        columns = ACLED_COLUMNS if what == "acled" else UCDP_COLUMNS
        registry = (resources or Resources.default()).registry
        build = acled_row if what == "acled" else ucdp_row
        rows = list(incident_rows(ledger, lambda lg, inc, claims: build(lg, inc, claims, registry), selection, ExportStats()))
    frame = pd.DataFrame.from_records(rows, columns=list(columns))
    types = FRAME_COLUMN_TYPES[what]
    dtypes = {"int": "Int64", "float": "float64", "bool": "boolean"}
    for col, kind in types.items():
        if col in frame.columns:
            frame[col] = frame[col].astype(dtypes[kind])
    return frame


__all__ = ["CONTRADICTION_COLUMNS", "DATAFRAME_KINDS", "FRAME_COLUMN_TYPES", "INCIDENT_FRAME_COLUMNS",
           "incident_frame_row", "to_dataframe"]
