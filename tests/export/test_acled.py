"""The ACLED-style export."""

from __future__ import annotations

import io

import pandas as pd

from counterclaim.export.acled import ACLED_COLUMNS
from counterclaim.export.readers import read_acled_export
from counterclaim.ledger import Ledger

from .helpers import by_id, export, incident_with, maarat, sohr_idlib


def test_acled_row_of_seed_004(seed: Ledger) -> None:
    text, n, stats = export(seed, "acled")
    rows = read_acled_export(io.StringIO(text))
    assert n == len(rows) == 13 and not stats.skipped  # every seed incident has an asserting member
    assert tuple(rows[0]) == ACLED_COLUMNS
    row = by_id(rows, "event_id_cnty")[sohr_idlib(seed).incident_id]
    # SOHR: 26 killed including 10 civilians -> 26; Civil Defence's 15 bodies recovered and 30
    # taken to hospital are not killed figures; the Russian MoD denies and gives none.
    assert row["fatalities"] == 26
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2017-02-07", 2017, 1)
    assert (row["country"], row["admin1"], row["location"], row["geo_precision"]) == ("Syria", "Idlib", "Idlib", 1)
    assert (row["latitude"], row["longitude"]) == (35.93062, 36.63393)
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (
        "Political violence", "Explosions/Remote violence", "Air/drone strike")
    assert row["actor1"] is None  # SOHR: "not clear if ... Syrian, Russian or the US-led coalition"
    assert row["actor2"] == "Civilians (Syria)"
    assert row["source"].split("; ")[0] == "Press TV"
    assert "Syrian Observatory for Human Rights reports airstrike (26 people killed; 10 civilians killed)" in row["notes"]
    assert "Russian government denies airstrike" in row["notes"] and "3 contradictions" in row["notes"]
    assert "denied_by=Russian government" in row["tags"] and "window=2017-02-07/2017-02-07" in row["tags"]


def test_acled_rows_of_the_other_seeds(seed: Ledger) -> None:
    rows = by_id(read_acled_export(io.StringIO(export(seed, "acled")[0])), "event_id_cnty")
    # seed 000: the MoD's "up to 200 militants" near Palmyra; the time is the week before
    # publication (no member gives one), so the window is 8 days wide: time_precision 3
    palmyra = rows[incident_with(seed, "Russian Armed Forces", "Tadmur").incident_id]
    assert (palmyra["fatalities"], palmyra["admin1"], palmyra["geo_precision"]) == (200, "Homs", 2)
    assert (palmyra["event_date"], palmyra["time_precision"]) == ("2021-04-13", 3)
    assert palmyra["actor1"] == "Russian Aerospace Forces"
    # seed 002: HRW's cluster munitions against the MoD's denial, Syria-wide: activity, not one attack
    cluster = rows[incident_with(seed, "Human Rights Watch", "Syria").incident_id]
    assert (cluster["event_type"], cluster["sub_event_type"], cluster["geo_precision"]) == (
        "Strategic developments", "Other", 3)
    assert cluster["admin1"] is None and cluster["fatalities"] == 0


def test_acled_conservative_rule_on_conflicting_tolls(conflict: Ledger) -> None:
    text, n, stats = export(conflict, "acled")
    rows = by_id(read_acled_export(io.StringIO(text)), "event_id_cnty")
    # the MoD's denial about Jisr al-Shughur is an incident no one asserts: not an ACLED event
    assert n == 2 and stats.skipped == {"denied by every member": 1}
    row = rows[maarat(conflict).incident_id]
    assert row["fatalities"] == 12  # the lowest of 12 (SOHR) and 30 (Civil Defence)
    assert (row["event_date"], row["time_precision"], row["admin1"]) == ("2019-05-13", 1, "Idlib")
    assert "Fatalities: the lowest reported toll (12 by Syrian Observatory for Human Rights; " \
           "30 by Syria Civil Defence)" in row["notes"]
    assert row["source"].startswith("Al Jazeera; Reuters")
    dozens = rows[incident_with(conflict, "Syrian Observatory for Human Rights", "Khān").incident_id]
    assert dozens["fatalities"] == 12  # ACLED codes "dozens" as 12


def test_acled_opens_in_pandas(conflict: Ledger) -> None:
    frame = pd.read_csv(io.StringIO(export(conflict, "acled")[0]))
    assert list(frame.columns) == list(ACLED_COLUMNS)
    assert str(frame["fatalities"].dtype) == "int64" and sorted(frame["fatalities"]) == [12, 12]
    assert set(frame["time_precision"]) == {1}
