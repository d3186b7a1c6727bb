"""``geojson``: an RFC 7946 FeatureCollection, one Point a located incident, flat properties."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TextIO

from ..group.tolls import incident_stance, incident_tolls
from ..model import Claim, Incident
from .codes import acled_geo_precision, acled_time_precision, incident_window, ucdp_where_prec
from .selection import ExportStats, Selection, members

if TYPE_CHECKING:  # pragma: no cover
    from ..ledger.base import Ledger

#: GeoJSON feature properties (flat scalars only: QGIS/OGR read nested objects badly).
GEOJSON_PROPERTIES: tuple[str, ...] = (
    "incident_id", "event_type", "stance", "location", "admin1", "country", "precision",
    "geo_precision", "where_prec", "time_start", "time_end", "time_precision", "acled_time_precision", "claimants",
    "n_claims", "n_claimants", "n_contradictions", "n_corroborations", "outlets", "fatalities",
)

#: The typed columns of each tabular export, for the readers and :func:`to_dataframe`:
#: ``int``, ``float`` or ``bool``; every other column is text.  (The same name can differ by


def incident_properties(inc: Incident, claims: Mapping[str, Claim]) -> dict[str, object]:
    """The flat properties of an incident (:data:`GEOJSON_PROPERTIES`): strings, numbers or
    null, lists joined with "; "."""
    loc = inc.location
    t = inc.time
    window = incident_window(t)
    return {
        "incident_id": inc.incident_id,
        "event_type": inc.event_type,
        "stance": incident_stance(inc, claims),
        "location": (loc.name or loc.text) if loc is not None else None,
        "admin1": loc.admin1 if loc is not None else None,
        "country": loc.country if loc is not None else None,
        "precision": loc.precision if loc is not None else None,
        "geo_precision": acled_geo_precision(loc.precision) if loc is not None else None,
        "where_prec": ucdp_where_prec(loc.precision) if loc is not None else None,
        "time_start": t.start if t is not None else None,
        "time_end": t.end if t is not None else None,
        "time_precision": t.precision if t is not None else None,
        "acled_time_precision": acled_time_precision(window) if window is not None else None,
        "claimants": "; ".join(inc.claimants),
        "n_claims": len(inc.claim_ids),
        "n_claimants": len(inc.claimants),
        "n_contradictions": inc.contradictions,
        "n_corroborations": inc.corroborations,
        "outlets": "; ".join(inc.outlets),
        "fatalities": incident_tolls(inc, claims).acled,
    }


def geojson_feature(inc: Incident, claims: Mapping[str, Claim]) -> dict[str, Any] | None:
    """An RFC 7946 Point feature for an incident, or None when its location has no valid
    coordinates.  ``geometry.coordinates`` is ``[longitude, latitude]`` (WGS 84)."""
    loc = inc.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    lat, lon = float(loc.lat), float(loc.lon)
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return None
    return {
        "type": "Feature",
        "id": inc.incident_id,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": incident_properties(inc, claims),
    }


def write_geojson_export(
    ledger: Ledger,
    out: TextIO,
    *,
    admin1: str | None = None,
    since: str | None = None,
    until: str | None = None,
    claimant: str | None = None,
    stats: ExportStats | None = None,
) -> int:
    """An RFC 7946 GeoJSON FeatureCollection of incidents (opens in QGIS as a point layer);
    returns the features written.

    One Point feature an incident at its location's coordinates, ``[lon, lat]`` in WGS 84, no
    ``crs`` member (RFC 7946 forbids other systems).  Incidents placed only at governorate (or
    country) level keep the coordinates the gazetteer gave that area (its centre or capital),
    and say so in ``precision`` / ``geo_precision`` (3) / ``where_prec``, so a map can filter
    them; incidents whose location has no coordinates are skipped ("no coordinates" in
    ``stats.skipped``).  Denied incidents are kept, with ``stance`` "denied".  Properties are
    flat scalars (:data:`GEOJSON_PROPERTIES`).  The collection is written feature by feature.
    """
    stats = stats if stats is not None else ExportStats()
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for inc in Selection(admin1, since, until, claimant).incidents(ledger):
        feature = geojson_feature(inc, members(ledger, inc))
        if feature is None:
            stats.skipped["no coordinates"] += 1
            continue
        out.write(("," if n else "") + "\n" + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    stats.written += n
    return n



__all__ = ["GEOJSON_PROPERTIES", "geojson_feature", "incident_properties", "write_geojson_export"]
