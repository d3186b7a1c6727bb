"""The claims CSV export and its reader."""

from __future__ import annotations

import io

import pandas as pd

from counterclaim.export.claims_csv import CLAIM_EXPORT_COLUMNS, claim_export_row
from counterclaim.export.readers import read_csv_export
from counterclaim.ledger import Ledger

from .helpers import blank_to_none, export, sohr_idlib


def test_csv_round_trips_every_seed_claim(seed: Ledger) -> None:
    text, n, _ = export(seed, "csv")
    rows = read_csv_export(io.StringIO(text))
    claims = list(seed.claims())
    assert n == len(rows) == len(claims)
    assert tuple(rows[0]) == CLAIM_EXPORT_COLUMNS
    for c, row in zip(claims, rows, strict=True):
        assert row == blank_to_none(claim_export_row(c, seed.grouping_of(c.claim_id)))
    sohr = next(r for r in rows if r["claimant_actor"] == "Syrian Observatory for Human Rights"
                and r["quantities_summary"] == "26 people killed; 10 civilians killed")
    inc = sohr_idlib(seed)
    assert sohr["incident_id"] == inc.incident_id and sohr["grouping_role"] == "member"
    assert (sohr["latitude"], sohr["longitude"], sohr["admin1"]) == (35.93062, 36.63393, "Idlib")
    assert (sohr["time_start"], sohr["acled_time_precision"], sohr["hedged"]) == ("2017-02-07", 1, False)
    assert isinstance(sohr["link_score"], float) and 0 < sohr["link_score"] <= 1
    roles = {r["grouping_role"] for r in rows}
    assert roles <= {"member", "duplicate", "summary", "unplaced"} and "summary" in roles
    summary = next(r for r in rows if r["grouping_role"] == "summary")
    assert summary["incident_id"] is None and summary["link_reason"]  # why it is no incident's


def test_csv_opens_in_pandas(seed: Ledger) -> None:
    text, n, _ = export(seed, "csv")
    frame = pd.read_csv(io.StringIO(text))
    assert len(frame) == n and list(frame.columns) == list(CLAIM_EXPORT_COLUMNS)
    assert list(frame["claim_id"]) == [c.claim_id for c in seed.claims()]
    row = frame[frame["quantities_summary"] == "26 people killed; 10 civilians killed"].iloc[0]
    assert (row["latitude"], row["longitude"], row["evidence_start"]) == (
        35.93062, 36.63393, seed.claim(row["claim_id"]).evidence.start)


def test_csv_filtered_keeps_the_claims_of_the_incidents_kept(seed: Ledger) -> None:
    text, n, _ = export(seed, "csv", since="2017-02-07", until="2017-02-07")
    rows = read_csv_export(io.StringIO(text))
    kept = list(seed.incidents(since="2017-02-07", until="2017-02-07"))
    assert n == len(rows) == sum(len(i.claim_ids) for i in kept)
    assert {r["incident_id"] for r in rows} == {i.incident_id for i in kept}
    assert sohr_idlib(seed).incident_id in {r["incident_id"] for r in rows}
