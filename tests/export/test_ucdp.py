"""The UCDP GED-style export."""

from __future__ import annotations

import io

import pandas as pd

from counterclaim.export.acled import acled_row
from counterclaim.export.geojson import geojson_feature
from counterclaim.export.readers import read_ucdp_export
from counterclaim.export.ucdp import UCDP_COLUMNS, ucdp_row
from counterclaim.knowledge.actors import default_registry
from counterclaim.ledger import Ledger
from counterclaim.model import Location

from ..builders import Stub, make_claim, make_incident
from .helpers import by_id, export, maarat, sohr_idlib


def test_ucdp_estimates_of_seed_004(seed: Ledger) -> None:
    text, n, _ = export(seed, "ucdp")
    rows = read_ucdp_export(io.StringIO(text))
    assert n == len(rows) == 13 and tuple(rows[0]) == UCDP_COLUMNS
    row = by_id(rows, "id")[sohr_idlib(seed).incident_id]
    assert (row["low"], row["best"], row["high"]) == (26, 26, 26)  # one claimant gives a toll
    assert (row["deaths_civilians"], row["deaths_unknown"], row["deaths_a"], row["deaths_b"]) == (10, 16, 0, 0)
    assert row["best"] == row["deaths_a"] + row["deaths_b"] + row["deaths_civilians"] + row["deaths_unknown"]
    assert (row["date_start"], row["date_end"], row["date_prec"]) == ("2017-02-07", "2017-02-07", 1)
    assert (row["where_prec"], row["adm_1"], row["country"]) == (1, "Idlib", "Syria")
    assert row["event_clarity"] == 2  # the Russian MoD denies it
    assert row["side_b"] == "Civilians" and row["source_office"] == "Press TV"
    assert row["source_date"] == "2017-02-07" and row["number_of_sources"] == 1
    assert '"Russia rejects accusations of airstrikes on Syria’s Idlib"' in row["source_article"]
    for r in rows:
        assert r["low"] <= r["best"] <= r["high"]


def test_ucdp_low_best_high_on_conflicting_tolls(conflict: Ledger) -> None:
    text, n, stats = export(conflict, "ucdp")
    rows = by_id(read_ucdp_export(io.StringIO(text)), "id")
    assert n == 2 and stats.skipped == {"denied by every member": 1}
    row = rows[maarat(conflict).incident_id]
    # two claimants, 12 and 30: no figure has a majority, best is the lower middle figure
    assert (row["low"], row["best"], row["high"]) == (12, 12, 30)
    assert row["event_clarity"] == 2  # a count contradiction
    assert row["number_of_sources"] == 2 and row["source_office"] == "Al Jazeera; Reuters"
    assert (row["date_prec"], row["where_prec"], row["where_description"]) == (1, 1, "Maarat al-Numan")
    frame = pd.read_csv(io.StringIO(text))
    assert list(frame.columns) == list(UCDP_COLUMNS) and sorted(frame["high"]) == [12, 30]


def test_incident_rows_skip_denials_alone() -> None:
    loc = Location("Idlib", name="Idlib", admin1="Idlib", country="Syria", lat=35.9, lon=36.6, precision="point")
    denial = make_claim("1", "MoD", stance="denies")
    inc = make_incident([denial], loc)
    stub = Stub([inc], [denial])
    claims = {"1": denial}
    registry = default_registry()
    assert acled_row(stub, inc, claims, registry) is None and ucdp_row(stub, inc, claims, registry) is None  # type: ignore[arg-type]
    feature = geojson_feature(inc, {"1": denial})
    assert feature is not None and feature["properties"]["stance"] == "denied"
