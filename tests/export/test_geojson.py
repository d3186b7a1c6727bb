"""The GeoJSON export (RFC 7946) and its reader."""

from __future__ import annotations

import io
import json

import pytest

from counterclaim.export.geojson import (
    GEOJSON_PROPERTIES,
    geojson_feature,
    incident_properties,
)
from counterclaim.export.readers import (
    ExportFormatError,
    geojson_problems,
    read_geojson_export,
)
from counterclaim.export.registry import write_export
from counterclaim.export.selection import ExportStats
from counterclaim.ledger import Ledger
from counterclaim.model import Location

from ..builders import Stub, make_claim, make_incident
from .helpers import SYRIA_LAT, SYRIA_LON, by_id, export, sohr_idlib


def test_geojson_is_an_rfc7946_feature_collection(seed: Ledger) -> None:
    text, n, stats = export(seed, "geojson")
    obj = json.loads(text)
    assert obj["type"] == "FeatureCollection" and "crs" not in obj
    assert geojson_problems(obj) == []
    incidents = list(seed.incidents())
    assert n == len(obj["features"]) == len(incidents) - sum(stats.skipped.values())
    for f in obj["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert f["properties"]["country"] == "Syria"
        assert SYRIA_LON[0] < lon < SYRIA_LON[1] and SYRIA_LAT[0] < lat < SYRIA_LAT[1], (lon, lat)
        assert tuple(f["properties"]) == GEOJSON_PROPERTIES
        assert all(v is None or isinstance(v, (str, int, float)) for v in f["properties"].values())
        assert f["id"] == f["properties"]["incident_id"]
    feature = next(f for f in obj["features"] if f["id"] == sohr_idlib(seed).incident_id)
    assert feature["geometry"]["coordinates"] == [36.63393, 35.93062]  # Idlib city, lon first
    props = feature["properties"]
    assert (props["admin1"], props["time_start"], props["time_precision"], props["stance"]) == (
        "Idlib", "2017-02-07", "day", "contested")
    assert (props["fatalities"], props["n_contradictions"], props["outlets"]) == (26, 3, "Press TV")
    assert "Russian government" in props["claimants"].split("; ")


def test_geojson_round_trips_through_its_reader(seed: Ledger) -> None:
    text, n, _ = export(seed, "geojson")
    rows = read_geojson_export(io.StringIO(text))
    assert len(rows) == n
    for inc in seed.incidents():
        row = by_id(rows, "incident_id")[inc.incident_id]
        props = incident_properties(inc, seed.claims_by_id(list(inc.claim_ids)))
        assert {k: row[k] for k in GEOJSON_PROPERTIES} == props
        assert inc.location is not None and (row["longitude"], row["latitude"]) == (inc.location.lon, inc.location.lat)


def test_geojson_skips_incidents_without_coordinates_and_counts_them() -> None:
    placed = Location("Idlib", name="Idlib", admin1="Idlib", country="Syria", lat=35.93062, lon=36.63393,
                      precision="point")
    unplaced = Location("somewhere", precision="unknown")
    a, b, c = make_claim("1", "SOHR"), make_claim("2", "SOHR"), make_claim("3", "SOHR")
    incidents = [make_incident([a], placed), make_incident([b], unplaced), make_incident([c], None)]
    out, stats = io.StringIO(), ExportStats()
    n = write_export(Stub(incidents, [a, b, c]), out, "geojson", stats=stats)  # type: ignore[arg-type]
    assert n == 1 and stats.skipped == {"no coordinates": 2}
    assert stats.line() == "wrote 1 records; skipped 2 (no coordinates: 2)"
    assert [r["incident_id"] for r in read_geojson_export(out.getvalue())] == ["inc1"]
    assert geojson_feature(incidents[1], {}) is None


def test_geojson_problems_are_found() -> None:
    good = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.6, 35.9]}, "properties": {"a": 1}}
    assert geojson_problems({"type": "FeatureCollection", "features": [good]}) == []
    swapped = {**good, "geometry": {"type": "Point", "coordinates": [35.9, 136.6]}}
    nested = {**good, "properties": {"claimants": ["SOHR", "MoD"]}}
    bad = {"type": "FeatureCollection", "crs": {"type": "name"}, "features": [swapped, nested]}
    problems = geojson_problems(bad)
    assert len(problems) == 3 and "crs" in problems[0]
    assert "out of range" in problems[1] and "claimants is not a scalar" in problems[2]
    with pytest.raises(ExportFormatError, match="not a FeatureCollection"):
        read_geojson_export('{"type": "Feature"}')
