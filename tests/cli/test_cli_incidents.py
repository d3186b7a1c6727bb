"""The incident commands: `incidents`, `contradictions`, `show` and `export`, their formats and
filters, and grouping an older ledger on first use.  Expected values come from the seed
articles (see tests/test_incidents.py for how each was worked out)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from counterclaim.cli import cli
from counterclaim.ledger import open_ledger
from counterclaim.ledger.sqlite import SCHEMA_VERSION, SqliteLedger

from ..conftest import SEEDS


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("cli") / "seeds.db")
    result = CliRunner().invoke(cli, ["ingest", str(SEEDS), "--db", db])
    assert result.exit_code == 0, result.output
    # ingest groups what it stored, and says so
    assert "grouped 59 new claims" in result.stderr
    return db


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_incidents_formats_and_filters(seed_db: str) -> None:
    code, out, _ = run("incidents", "--db", seed_db, "--format", "jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all({"incident_id", "claim_ids", "event_type", "location", "time", "claimants"} <= set(r) for r in rows)
    code, out, _ = run("incidents", "--db", seed_db, "--format", "csv", "--governorate", "SY-ID")
    idlib = list(csv.DictReader(io.StringIO(out)))
    assert idlib and {r["admin1"] for r in idlib} == {"Idlib"}
    # another spelling of the same governorate, and a date range holding only 004's Tuesday
    code, out, _ = run("incidents", "--db", seed_db, "--format", "csv", "--governorate", "idleb",
                       "--since", "2017-02-01", "--until", "2017-02-28")
    (feb,) = list(csv.DictReader(io.StringIO(out)))
    assert feb["time_start"] == "2017-02-07" and "Syrian Observatory for Human Rights" in feb["claimants"]
    code, out, _ = run("incidents", "--db", seed_db, "--claimant", "human rights watch", "--format", "csv")
    (hrw,) = list(csv.DictReader(io.StringIO(out)))
    assert hrw["event_type"] == "weapon_use"
    code, out, _ = run("incidents", "--db", seed_db, "--contradicted")
    assert code == 0 and "(4 incidents; ! = contradictions)" in out


def test_contradictions_table_names_kind_sentence_and_evidence(seed_db: str) -> None:
    code, out, _ = run("contradictions", "--db", seed_db, "--governorate", "Idlib", "--since", "2017-02-01",
                       "--until", "2017-02-28")
    assert code == 0
    blocks = [b for b in out.split("\n- ") if b.strip()]
    assert len(blocks) == 3  # the ministry's denial against SOHR, the Civil Defence and Press TV
    sohr = next(b for b in blocks if "26 people killed" in b)
    assert sohr.lstrip("- ").startswith("[denial] Russian Ministry of Defence denies")
    assert "did not carry out a single strike in Idlib" in sohr  # the denial's own sentence
    assert "Syrian Observatory for Human Rights: The so-called Syrian Observatory" in sohr  # and the assertion's


def test_contradictions_filters(seed_db: str) -> None:
    code, out, _ = run("contradictions", "--db", seed_db, "--format", "jsonl", "--kind", "denial")
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 6 and {r["kind"] for r in rows} == {"denial"}
    code, out, _ = run("contradictions", "--db", seed_db, "--format", "csv", "--claimant", "Human Rights Watch")
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["claimant_a"] == "Igor Konashenkov" and "cluster" in row["evidence_b"]
    code, out, _ = run("contradictions", "--db", seed_db, "--format", "jsonl", "--kind", "count")
    assert out == ""
    code, out, _ = run("contradictions", "--db", seed_db, "--self", "--format", "jsonl")
    assert out == ""  # no claimant contradicts itself in the seeds


def test_show_an_incident(seed_db: str) -> None:
    code, out, _ = run("incidents", "--db", seed_db, "--format", "csv", "--since", "2017-02-07", "--until", "2017-02-07",
                       "--governorate", "Idlib")
    (inc,) = list(csv.DictReader(io.StringIO(out)))
    code, out, _ = run("show", inc["incident_id"][:8], "--db", seed_db)
    assert code == 0
    assert out.startswith(f"Incident {inc['incident_id']}: airstrike in Idlib, 2017-02-07")
    assert "Who says what:" in out and "Why each claim is here:" in out and "Contradictions (3):" in out
    assert "Summary claims that cover it" in out  # the ministry's denial since the start of 2017
    code, out, _ = run("show", inc["incident_id"], "--db", seed_db, "--format", "jsonl")
    kinds = [json.loads(line)["record"] for line in out.splitlines()]
    assert kinds[0] == "incident" and kinds.count("claim") == int(inc["n_claims"]) and kinds.count("contradiction") == 3
    code, out, _ = run("show", inc["incident_id"], "--db", seed_db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["role"] for r in rows} >= {"member", "covered_by"} and all(r["incident_id"] == inc["incident_id"] for r in rows)
    code, _, err = run("show", "ffffffffffff", "--db", seed_db)
    assert code == 2 and "no incident" in err and "Traceback" not in err


def test_export_writes_a_file_whole_and_says_what_it_skipped(seed_db: str, tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    code, _, err = run("export", "--db", seed_db, "--format", "acled", "-o", str(target))
    assert code == 0 and target.exists() and not Path(str(target) + ".part").exists()
    assert err.startswith("wrote ")
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert rows and "fatalities" in rows[0]
    code, out, _ = run("export", "--db", seed_db, "--format", "geojson")
    fc = json.loads(out)
    assert fc["type"] == "FeatureCollection" and fc["features"]


def test_bad_filter_values_are_one_line(seed_db: str) -> None:
    code, _, err = run("incidents", "--db", seed_db, "--governorate", "Atlantis")
    assert code == 2 and "Atlantis" in err and "Traceback" not in err
    code, _, err = run("contradictions", "--db", seed_db, "--since", "last week")
    assert code == 2 and "last week" in err


def test_an_older_ledger_is_grouped_on_first_use(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    assert CliRunner().invoke(cli, ["ingest", str(SEEDS / "004_cf4b3b3e72b76428.txt"), "--published", "2017-02-07", "--db", str(db)]).exit_code == 0
    # make it a schema-1 ledger: no views, promoted columns or linked full-text tables (5), no
    # publication basis or main event (4), no document language (3), no grouping tables (2)
    from counterclaim.ledger.sqlite.datasette import CLAIM_COLUMNS_5
    from counterclaim.ledger.sqlite.schema import SCHEMA_1

    with sqlite3.connect(db) as raw:
        for view in ("claims_flat", "incidents_flat"):
            raw.execute(f"DROP VIEW {view}")
        for index in ("claims_admin1", "claims_lat_lon", "claims_time", "claims_killed"):
            raw.execute(f"DROP INDEX {index}")
        for column in CLAIM_COLUMNS_5:
            raw.execute(f"ALTER TABLE claims DROP COLUMN {column}")
        for fts in ("documents_fts", "claims_fts"):
            raw.execute(f"DROP TABLE {fts}")
        for statement in (s for s in SCHEMA_1 if "USING fts5" in s):
            raw.execute(statement)
        for table in ("fingerprints", "minhash_bands", "grouping", "incidents", "contradictions", "corroborations"):
            raw.execute(f"DROP TABLE {table}")
        for column in ("language", "published_basis", "main_event"):
            raw.execute(f"ALTER TABLE documents DROP COLUMN {column}")
        raw.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with open_ledger(db, readonly=True) as led:
        with pytest.raises(Exception, match="no incidents yet"):
            list(led.incidents())
    code, out, err = run("contradictions", "--db", str(db), "--format", "jsonl")
    assert code == 0 and "grouped" in err and len(out.splitlines()) == 3
    with SqliteLedger(db, readonly=True) as led:
        assert led.meta["schema_version"] == str(SCHEMA_VERSION) == "5"


def test_group_rebuild_gives_the_same_incidents(seed_db: str, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy.db"
    shutil.copy(seed_db, copy)
    before = run("incidents", "--db", str(copy), "--format", "jsonl")[1]
    code, out, err = run("group", "--db", str(copy), "--rebuild")
    assert code == 0 and "grouped 59 new claims" in err and "13 incidents, 6 contradictions" in out
    assert run("incidents", "--db", str(copy), "--format", "jsonl")[1] == before  # deterministic


def test_report_command_writes_one_file(seed_db: str, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    code, _, err = run("report", "--db", seed_db, "-o", str(target), "--governorate", "Idlib")
    assert code == 0 and "opens with no network" in err
    html = target.read_text(encoding="utf-8")
    assert html.count('id="contradiction-') == 4  # the Idlib ones: 004's three and 001's one
    assert not Path(str(target) + ".part").exists()
