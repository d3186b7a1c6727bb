"""Tests for the ledger exports (counterclaim.export) and their readers (counterclaim.export.readers).

Two ledgers, each built once per module through the real extractor and grouping:

* the five seed articles (``seed_results`` from conftest);
* a constructed one: two articles from two outlets about airstrikes on Maarat al-Numan on the
  same Monday, SOHR saying 12 killed and the Civil Defence 30; a third article in which the
  Russian MoD only denies strikes on Jisr al-Shughur; a fourth with "dozens" killed in Khan
  Shaykhun.

Values are checked by hand against the articles (seed 004: SOHR's 26 killed, including 10
civilians, in Idlib on Tuesday 2017-02-07; the Civil Defence's "15 bodies recovered" is not a
killed figure; the Russian MoD denies).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest

from counterclaim.export.acled import ACLED_COLUMNS, acled_row
from counterclaim.export.claims_csv import CLAIM_EXPORT_COLUMNS, claim_export_row
from counterclaim.export.dataframe import to_dataframe
from counterclaim.export.geojson import GEOJSON_PROPERTIES, geojson_feature, incident_properties
from counterclaim.export.records import write_claims
from counterclaim.export.registry import EXPORT_FORMATS, write_export
from counterclaim.export.selection import ExportStats
from counterclaim.export.ucdp import UCDP_COLUMNS, ucdp_row
from counterclaim.group.tolls import acled_vague_count, claim_toll, incident_tolls
from counterclaim.knowledge.actors import default_registry
from counterclaim.group.update import update
from counterclaim.model import (
    Claim,
    Claimant,
    ClaimantSummary,
    Incident,
    Location,
    Quantity,
    RawRecord,
    Span,
    TimeSpan,
    to_dict,
)
from counterclaim.pipeline import Extractor, Result
from counterclaim.export.readers import (
    ExportFormatError,
    geojson_problems,
    read_acled_export,
    read_csv_export,
    read_geojson_export,
    read_jsonl_export,
    read_ucdp_export,
)
from counterclaim.ledger.sqlite import Ledger

#: Syria's bounding box, generously: longitude 35.5..42.5 E, latitude 32.0..37.5 N
SYRIA_LON, SYRIA_LAT = (35.5, 42.5), (32.0, 37.5)

MAARAT_A = (
    "Airstrikes hit the town of Maarat al-Numan in Idlib province on Monday. "
    "The Syrian Observatory for Human Rights said 12 people were killed in the strikes."
)
MAARAT_B = (
    "Airstrikes on Maarat al-Numan in Idlib province on Monday killed 30 people, "
    "the Syria Civil Defence rescue group said."
)
DENIAL_ONLY = "The Russian Defence Ministry said its aircraft did not carry out any strikes on Jisr al-Shughur on Friday."
DOZENS = (
    "Dozens of people were killed in airstrikes on Khan Shaykhun in Idlib province on Wednesday, "
    "the Syrian Observatory for Human Rights said."
)


# ---------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def seed(seed_results: dict[str, Result]) -> Iterator[Ledger]:
    ledger = Ledger(":memory:")
    for name in sorted(seed_results):
        r = seed_results[name]
        assert r.document is not None
        ledger.add(r.document, r.claims)
    update(ledger)
    yield ledger
    ledger.close()


@pytest.fixture(scope="module")
def conflict(extractor: Extractor) -> Iterator[Ledger]:
    records = [
        RawRecord(raw=MAARAT_A, source_path="a.txt", outlet="Reuters", published="2019-05-14", kind="extracted"),
        RawRecord(raw=MAARAT_B, source_path="b.txt", outlet="Al Jazeera", published="2019-05-14", kind="extracted"),
        RawRecord(raw=DENIAL_ONLY, source_path="c.txt", outlet="TASS", published="2019-05-14", kind="extracted"),
        RawRecord(raw=DOZENS, source_path="d.txt", outlet="AFP", published="2019-05-16", kind="extracted"),
    ]
    ledger = Ledger(":memory:")
    for r in extractor.run(records):
        assert r.ok and r.document is not None, r.error
        ledger.add(r.document, r.claims)
    update(ledger)
    yield ledger
    ledger.close()


def export(ledger: Ledger, fmt: str, **filters: Any) -> tuple[str, int, ExportStats]:
    out, stats = io.StringIO(), ExportStats()
    n = write_export(ledger, out, fmt, stats=stats, **filters)
    assert stats.written == n
    return out.getvalue(), n, stats


def incident_with(ledger: Ledger, claimant: str, place: str) -> Incident:
    """The one incident a claimant speaks of at a place (by the incident location's name)."""
    found = [
        inc for inc in ledger.incidents(claimant=claimant)
        if inc.location is not None and place in (inc.location.name or "")
    ]
    assert len(found) == 1, found
    return found[0]


def sohr_idlib(seed: Ledger) -> Incident:
    """Seed 004's incident: SOHR's airstrikes on Idlib on 2017-02-07 (SOHR is in another Idlib
    incident too, seed 001's in September 2017)."""
    found = list(seed.incidents(claimant="Syrian Observatory for Human Rights", admin1="Idlib",
                                since="2017-02-07", until="2017-02-07"))
    assert len(found) == 1, found
    return found[0]


def maarat(conflict: Ledger) -> Incident:
    return incident_with(conflict, "Syria Civil Defence", "Nu")


def by_id(rows: list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    return {r[key]: r for r in rows}


def blank_to_none(row: dict[str, object]) -> dict[str, object]:
    """What a CSV cell can say: an empty string and a null are the same empty cell."""
    return {k: (None if v == "" else v) for k, v in row.items()}


# ---------------------------------------------------------------------- dispatch


def test_formats_and_unknown_format(seed: Ledger) -> None:
    assert EXPORT_FORMATS == ("jsonl", "csv", "geojson", "acled", "ucdp")
    with pytest.raises(ValueError, match="unknown export format 'kml'.*jsonl, csv, geojson, acled, ucdp"):
        write_export(seed, io.StringIO(), "kml")


def test_claim_writer_still_writes_the_old_formats(seed: Ledger) -> None:
    claims = list(seed.claims())
    out = io.StringIO()
    assert write_claims(claims, out, "csv") == len(claims)
    assert out.getvalue().splitlines()[0].split(",")[:2] == ["claim_id", "doc_id"]


# ---------------------------------------------------------------------- jsonl


def test_jsonl_round_trips_the_whole_seed_ledger(seed: Ledger) -> None:
    text, n, _ = export(seed, "jsonl")
    lines = text.splitlines()
    assert n == len(lines)
    dump = read_jsonl_export(io.StringIO(text))
    assert dump.documents == tuple(seed.documents())
    assert dump.claims == tuple(seed.claims())
    assert dump.incidents == tuple(seed.incidents())
    assert dump.contradictions == tuple(seed.contradictions())
    assert dump.corroborations == tuple(seed.corroborations())
    assert dump.sightings == tuple(seed.sightings())
    assert dump.other == ()
    assert (len(dump.documents), len(dump.incidents)) == (5, 13)
    counts = {"document": 5, "claim": len(dump.claims), "incident": 13,
              "contradiction": len(dump.contradictions), "corroboration": len(dump.corroborations)}
    assert n == sum(counts.values()) + len(dump.sightings)
    # each line is {"record": kind} plus exactly to_dict(obj), documents first, text included
    first = json.loads(lines[0])
    assert first["record"] == "document" and first["text"]
    claim_line = next(json.loads(line) for line in lines if '"record": "claim"' in line)
    kind = claim_line.pop("record")
    assert kind == "claim"
    assert claim_line == json.loads(json.dumps(to_dict(seed.claim(claim_line["claim_id"]))))


def test_jsonl_filtered_is_self_contained(seed: Ledger) -> None:
    text, n, _ = export(seed, "jsonl", admin1="Idlib")
    dump = read_jsonl_export(text.splitlines())
    assert {i.incident_id for i in dump.incidents} == {i.incident_id for i in seed.incidents(admin1="Idlib")}
    assert len(dump.incidents) == 3
    assert all(i.location is not None and i.location.admin1 == "Idlib" for i in dump.incidents)
    claim_ids = {c.claim_id for c in dump.claims}
    doc_ids = {d.doc_id for d in dump.documents}
    for inc in dump.incidents:
        assert set(inc.claim_ids) <= claim_ids
    for x in dump.contradictions:
        assert x.incident_id in {i.incident_id for i in dump.incidents}
        assert set(x.claim_ids) <= claim_ids
    assert {c.doc_id for c in dump.claims} <= doc_ids
    assert n < len(export(seed, "jsonl")[0].splitlines())


def test_jsonl_reader_names_the_bad_line() -> None:
    with pytest.raises(ExportFormatError, match="line 2: not JSON"):
        read_jsonl_export(['{"record": "sighting", "doc_id": "x"}', "{oops"])
    with pytest.raises(ExportFormatError, match='line 1: not an object with a "record" key'):
        read_jsonl_export(['{"claim_id": "x"}'])
    dump = read_jsonl_export(['{"record": "from_the_future", "x": 1}', ""])
    assert dump.other == ({"record": "from_the_future", "x": 1},)


# ---------------------------------------------------------------------- csv


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


# ---------------------------------------------------------------------- geojson


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


class _Stub:
    """Just enough of a Ledger for the incident exports."""

    def __init__(self, incidents: list[Incident], claims: list[Claim]) -> None:
        self._incidents, self._claims = incidents, {c.claim_id: c for c in claims}

    def incidents(self, **_: Any) -> Iterator[Incident]:
        return iter(self._incidents)

    def claims_by_id(self, ids: list[str]) -> dict[str, Claim]:
        return {i: self._claims[i] for i in ids if i in self._claims}

    def document(self, _: str) -> None:
        return None


def make_claim(cid: str, claimant: str, *quantities: Quantity, stance: str = "asserts") -> Claim:
    return Claim(
        claim_id=cid, doc_id="d" + cid, claimant=Claimant(claimant, claimant, "monitor", None, None), via=None,
        stance=stance, event_type="airstrike", perpetrator=None, quantities=quantities, location=None,
        locations=(), time=None, stated_on=None, evidence=Span("x", 0, 1), confidence=0.9,
    )


def killed(n: float | None, obj: str | None = "people", bound: str = "exact", text: str | None = None,
           low: float | None = None, high: float | None = None) -> Quantity:
    return Quantity(text or f"{n} {obj}", n, n if low is None else low, n if high is None else high,
                    bound, "killed", obj, 0, 1)


def make_incident(claims: list[Claim], location: Location | None, time: TimeSpan | None = None) -> Incident:
    summary = tuple(
        ClaimantSummary(c.claimant.actor or "", "monitor", c.stance, (c.claim_id,), "") for c in claims
    )
    return Incident(
        incident_id="inc" + "".join(c.claim_id for c in claims), claim_ids=tuple(c.claim_id for c in claims),
        event_type="airstrike", location=location, time=time or TimeSpan("Monday", "2019-05-13", "2019-05-13", "day"),
        claimants=tuple(s.claimant for s in summary), summary=summary,
    )


def test_geojson_skips_incidents_without_coordinates_and_counts_them() -> None:
    placed = Location("Idlib", name="Idlib", admin1="Idlib", country="Syria", lat=35.93062, lon=36.63393,
                      precision="point")
    unplaced = Location("somewhere", precision="unknown")
    a, b, c = make_claim("1", "SOHR"), make_claim("2", "SOHR"), make_claim("3", "SOHR")
    incidents = [make_incident([a], placed), make_incident([b], unplaced), make_incident([c], None)]
    out, stats = io.StringIO(), ExportStats()
    n = write_export(_Stub(incidents, [a, b, c]), out, "geojson", stats=stats)  # type: ignore[arg-type]
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


# ---------------------------------------------------------------------- acled


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


def test_acled_vague_counts() -> None:
    assert [acled_vague_count(t) for t in ("dozens of people", "several", "hundreds of civilians", "tens",
                                          "several hundred people", "tens of thousands", "a few", "26")] == [
        12, 10, 100, 10, 100, 10_000, 3, None]


# ---------------------------------------------------------------------- ucdp


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


def test_tolls_rules_on_hand_built_claims() -> None:
    # three claimants, two agree on 30: the figure most claimants give is the best
    claims = [make_claim("1", "SOHR", killed(12)), make_claim("2", "SCD", killed(30)),
              make_claim("3", "Reuters", killed(30)), make_claim("4", "MoD", stance="denies")]
    t = incident_tolls(make_incident(claims, None), {c.claim_id: c for c in claims})
    assert (t.acled, t.low, t.best, t.high) == (12, 12, 30, 30) and t.disputed
    # one claimant repeating itself is one report: its larger statement stands
    claims = [make_claim("5", "SOHR", killed(20)), make_claim("6", "SCD", killed(25))]
    inc = dataclasses.replace(
        make_incident(claims, None), claim_ids=("5", "6", "7"),
        summary=(ClaimantSummary("SOHR", "monitor", "asserts", ("5", "7"), ""),
                 ClaimantSummary("SCD", "ngo", "asserts", ("6",), "")),
    )
    found = {c.claim_id: c for c in [*claims, make_claim("7", "SOHR", killed(22))]}
    t = incident_tolls(inc, found)
    assert (t.acled, t.low, t.best, t.high) == (22, 22, 22, 25)
    assert {x.claimant: x.best for x in t.by_claimant} == {"SOHR": 22, "SCD": 25}


def test_claim_toll_does_not_double_count() -> None:
    # "26 people were killed, including 10 civilians"
    assert claim_toll(make_claim("1", "SOHR", killed(26), killed(10, "civilians"))) == (26, 26, 26, 10)
    # civilians and combatants are different people: they add up
    assert claim_toll(make_claim("2", "SOHR", killed(12, "militants"), killed(5, "civilians"))) == (17, 17, 17, 5)
    # a range gives its conservative end as the figure; vague amounts take ACLED's figure
    assert claim_toll(make_claim("3", "X", killed(None, bound="range", low=20, high=25, text="20-25 people"))) == (
        20, 20, 25, 0)
    assert claim_toll(make_claim("4", "X", killed(None, bound="vague", low=200, text="hundreds of people"))) == (
        100, 100, 100, 0)
    wounded = Quantity("30 people", 30, 30, 30, "exact", "wounded", "people", 0, 1)
    assert claim_toll(make_claim("5", "X", wounded)) is None


def test_incident_rows_skip_denials_alone() -> None:
    loc = Location("Idlib", name="Idlib", admin1="Idlib", country="Syria", lat=35.9, lon=36.6, precision="point")
    denial = make_claim("1", "MoD", stance="denies")
    inc = make_incident([denial], loc)
    stub = _Stub([inc], [denial])
    claims = {"1": denial}
    registry = default_registry()
    assert acled_row(stub, inc, claims, registry) is None and ucdp_row(stub, inc, claims, registry) is None  # type: ignore[arg-type]
    feature = geojson_feature(inc, {"1": denial})
    assert feature is not None and feature["properties"]["stance"] == "denied"


# ---------------------------------------------------------------------- pandas


def test_dataframes(seed: Ledger) -> None:
    claims = to_dataframe(seed, "claims")
    assert len(claims) == len(list(seed.claims())) and list(claims.columns) == list(CLAIM_EXPORT_COLUMNS)
    assert str(claims["evidence_start"].dtype) == "Int64" and str(claims["latitude"].dtype) == "float64"
    assert str(claims["hedged"].dtype) == "boolean"
    incidents = to_dataframe(seed, "incidents")
    assert len(incidents) == 13 and incidents["incident_id"].is_unique
    row = incidents.set_index("incident_id").loc[sohr_idlib(seed).incident_id]
    assert (row["fatalities"], row["low"], row["best"], row["high"], row["latitude"]) == (26, 26, 26, 26, 35.93062)
    contradictions = to_dataframe(seed, "contradictions")
    assert len(contradictions) == len(list(seed.contradictions()))
    assert set(contradictions["kind"]) <= {"denial", "count", "perpetrator", "target"}
    idlib = to_dataframe(seed, "incidents", admin1="Idlib")
    assert set(idlib["admin1"]) == {"Idlib"} and len(idlib) == 3
    acled = to_dataframe(seed, "acled")
    assert str(acled["fatalities"].dtype) == "Int64" and len(acled) == 13
    with pytest.raises(ValueError, match="unknown table 'events'"):
        to_dataframe(seed, "events")


def test_every_tabular_export_reads_back_with_csv_module(seed: Ledger) -> None:
    for fmt, columns in (("csv", CLAIM_EXPORT_COLUMNS), ("acled", ACLED_COLUMNS), ("ucdp", UCDP_COLUMNS)):
        text, n, _ = export(seed, fmt)
        rows = list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == n and tuple(rows[0]) == columns
