"""The command line: every command, its formats, bad input, exit codes, and a killed ingest.

Commands run in-process through click's CliRunner, except the SIGKILL test, which needs a real
process to kill."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from counterclaim.cli import cli
from counterclaim.ledger import open_ledger

from ..conftest import FAKES, SEEDS


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_help_lists_every_command(runner: CliRunner) -> None:
    out = runner.invoke(cli, ["--help"]).output
    for command in ("extract", "ingest", "claims", "group", "incidents", "contradictions", "show", "export", "serve",
                    "report", "demo",
                    "gazetteer", "eval"):
        assert command in out
    for command in (["extract"], ["ingest"], ["claims"], ["group"], ["incidents"], ["serve"], ["report"], ["contradictions"], ["show"], ["export"],
                    ["demo"], ["gazetteer", "import"], ["eval", "fakes"], ["eval", "places"]):
        assert runner.invoke(cli, [*command, "--help"]).exit_code == 0


def test_extract_jsonl_carries_source_path_and_id(runner: CliRunner, tmp_path: Path) -> None:
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(json.dumps({"id": "r1", "text": "The monitor said 26 people were killed in airstrikes on Idlib.", "outlet": "W"}) + "\n")
    result = runner.invoke(cli, ["extract", str(SEEDS / "004_cf4b3b3e72b76428.txt"), str(jsonl)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all("source_path" in r and "source_id" in r for r in rows)
    assert {r["source_id"] for r in rows if r["source_path"].endswith("a.jsonl")} == {"r1"}
    assert all(r["source_id"] is None for r in rows if r["source_path"].endswith(".txt"))
    # a contract field with its bound: the seed's Rudskoi total
    q = [q for r in rows for q in r["quantities"] if q["text"].startswith("almost 5,500")]
    assert q and q[0]["bound"] == "high" and q[0]["high"] == 5500 and q[0]["low"] is None


def test_extract_table(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["extract", str(SEEDS / "000_964f226c451e7d5d.txt"), "--format", "table"])
    assert result.exit_code == 0
    assert "≤200 fighters killed" in result.stdout and "northeast of Palmyra" in result.stdout


def test_extract_from_stdin(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["extract", "-", "--published", "2017-02-07"], input="Jets killed 12 fighters in Idlib on Monday.\n")
    assert result.exit_code == 0
    (row,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert row["source_path"] is None and row["quantities"][0]["value"] == 12


def test_ingest_then_claims_in_every_format(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    first = runner.invoke(cli, ["ingest", str(SEEDS), "--db", db])
    assert first.exit_code == 0, first.output
    assert "5 documents read (5 new, 0 already in the ledger)" in first.stderr
    with open_ledger(db, readonly=True) as ledger:
        n = ledger.stats().claims
    assert n > 40
    # the same input again adds nothing
    again = runner.invoke(cli, ["ingest", str(SEEDS), "--db", db])
    assert "(0 new, 5 already in the ledger)" in again.stderr
    with open_ledger(db, readonly=True) as ledger:
        assert ledger.stats().claims == n and ledger.stats().documents == 5
    as_jsonl = runner.invoke(cli, ["claims", "--db", db, "--format", "jsonl"]).stdout.splitlines()
    assert len(as_jsonl) == n
    as_csv = list(csv.DictReader(io.StringIO(runner.invoke(cli, ["claims", "--db", db, "--format", "csv"]).stdout)))
    assert len(as_csv) == n and {"claimant_actor", "stance", "evidence", "quantities"} <= set(as_csv[0])
    denials = runner.invoke(cli, ["claims", "--db", db, "--format", "jsonl", "--stance", "denies"]).stdout.splitlines()
    assert denials and all(json.loads(d)["stance"] == "denies" for d in denials)
    found = runner.invoke(cli, ["claims", "--db", db, "--format", "jsonl", "--search", "Rudskoi"]).stdout.splitlines()
    assert found and all("Rudskoi" in json.dumps(json.loads(x)) for x in found)
    table = runner.invoke(cli, ["claims", "--db", db, "--actor", "sergei rudskoi"])
    assert table.exit_code == 0 and "Sergei Rudskoi" in table.stdout


def test_bad_inputs_one_line_each_and_the_batch_goes_on(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (tmp_path / "latin1.txt").write_bytes("Jets killed 7 fighters in Hama, said the caf\xe9 owner.".encode("latin-1"))
    (tmp_path / "nopage.html").write_text("<html><body><nav>Home</nav></body></html>")
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.write(b"Jets killed 5 people in Idlib.\n")
        f.truncate(50 * 1024 * 1024)
    (tmp_path / "mixed.jsonl").write_text('{"text": "Jets killed 3 fighters in Homs."}\n{not json\n{"id": 2, "text": "Shelling killed 4 people in Daraa."}\n')
    (tmp_path / "nocol.csv").write_text("title,body\na,b\n")
    good = SEEDS / "004_cf4b3b3e72b76428.txt"
    paths = [str(p) for p in (tmp_path / "empty.txt", tmp_path / "binary.txt", tmp_path / "latin1.txt", tmp_path / "nopage.html",
                              big, tmp_path / "mixed.jsonl", tmp_path / "nocol.csv", tmp_path / "missing.txt", good)]
    db = str(tmp_path / "l.db")
    result = runner.invoke(cli, ["ingest", *paths, "--db", db])
    assert result.exit_code == 1  # some inputs failed
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    named = {"empty.txt": "empty", "binary.txt": "binary", "nopage.html": "no article", "big.txt": "too large",
             "mixed.jsonl:2": "", "nocol.csv": "text column", "missing.txt": "no such file"}
    for name, reason in named.items():
        assert any(name in e and reason in e.lower() for e in errors), (name, errors)
    assert len(errors) == len(named)  # one line each
    assert any("latin1.txt" in w and "utf-8" in w.lower() for w in result.stderr.splitlines() if w.startswith("warning: "))
    with open_ledger(db, readonly=True) as ledger:
        paths_in = {Path(d.source_path or "").name for d in ledger.documents()}
    # the good inputs all made it: the seed, the latin-1 text, both good JSONL lines
    assert {"004_cf4b3b3e72b76428.txt", "latin1.txt", "mixed.jsonl"} <= paths_in
    with open_ledger(db, readonly=True) as ledger:
        assert sum(1 for d in ledger.documents() if d.source_path and d.source_path.endswith("mixed.jsonl")) == 2


def test_usage_error_exit_code(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["extract"]).exit_code == 2
    bad_date = runner.invoke(cli, ["extract", str(SEEDS), "--published", "20/04/2021"])
    assert bad_date.exit_code == 2 and "20/04/2021" in bad_date.stderr


def test_unknown_model_is_one_clear_line(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["extract", str(SEEDS), "--model", "no_such_pipeline_xx"])
    assert result.exit_code == 2
    assert "no_such_pipeline_xx" in result.stderr and "Traceback" not in result.stderr


def test_demo_seeds_only(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    result = runner.invoke(cli, ["demo", "--seeds-only", "--db", db])
    assert result.exit_code == 0, result.output
    assert "5 documents" in result.stdout and str(Path(db).resolve()) in result.stdout
    # the demo ends with the seed articles' contradictions in plain sentences (the three the
    # issue names: 004's ministry denial against SOHR, 001's "populated areas", 002's cluster bombs)
    tail = result.stdout.split("The seed articles' contradictions")[1]
    assert "Russian Ministry of Defence denies airstrikes in Idlib" in tail and "26 people killed" in tail
    assert "Igor Konashenkov denies airstrikes on civilians in Syria, which Syrian Observatory" in tail
    assert "denies the use of cluster munitions" in tail and "Human Rights Watch" in tail


@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun_is_complete(tmp_path: Path) -> None:
    """Kill -9 an ingest while it writes; the same command again gives the complete ledger with no
    duplicates, identical to an uninterrupted run."""
    sample = tmp_path / "sample.csv"
    with open(FAKES, newline="", encoding="utf-8") as src, open(sample, "w", newline="", encoding="utf-8") as dst:
        reader = csv.DictReader(src)
        writer = csv.DictWriter(dst, fieldnames=reader.fieldnames or [])
        writer.writeheader()
        for i, row in enumerate(reader):
            if i == 120:
                break
            writer.writerow(row)
    cmd = [sys.executable, "-m", "counterclaim.cli", "ingest", str(SEEDS), str(sample), "--no-progress"]
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"
    proc = subprocess.Popen([*cmd, "--db", str(killed_db)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    seen = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if killed_db.exists():
            try:
                with sqlite3.connect(f"file:{killed_db}?mode=ro", uri=True) as con:
                    seen = con.execute("select count(*) from documents").fetchone()[0]
            except sqlite3.Error:
                continue
            if seen >= 20:
                break
    assert proc.poll() is None, "the ingest ended before it could be killed; give it more input"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 20 <= seen < 125
    # whatever was stored is whole: every document has its claims row set or none at all
    subprocess.run([*cmd, "--db", str(killed_db)], check=True, capture_output=True)
    subprocess.run([*cmd, "--db", str(clean_db)], check=True, capture_output=True)

    def content(path: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        with sqlite3.connect(path) as con:
            docs = sorted(con.execute("select doc_id, text from documents").fetchall())
            claims = sorted(con.execute("select claim_id, data from claims").fetchall())
        return docs, claims

    killed_docs, killed_claims = content(killed_db)
    clean_docs, clean_claims = content(clean_db)
    assert len(killed_docs) == len(clean_docs) == 125
    assert killed_docs == clean_docs
    assert killed_claims == clean_claims  # same claims, no duplicates, none missing


def test_progress_bar_shows_documents_per_second_only_when_asked(runner: CliRunner) -> None:
    # CliRunner's stderr is not a terminal: no bar by default (a plain line every few seconds
    # instead, none in a run this short), a bar with a rate and the total counted first with
    # --progress
    quiet = runner.invoke(cli, ["extract", str(SEEDS)])
    assert "doc/s" not in quiet.stderr and "reading" not in quiet.stderr
    shown = runner.invoke(cli, ["extract", str(SEEDS), "--progress"])
    assert shown.exit_code == 0 and "doc/s" in shown.stderr and "5/5" in shown.stderr.replace(" ", "")


def test_csv_carries_resolved_places_and_precision_codes(runner: CliRunner) -> None:
    # the seeds folder, so its manifest gives 004's publication date (2017-02-07)
    out = runner.invoke(cli, ["extract", str(SEEDS), "--format", "csv"]).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    denial = next(r for r in rows if "did not carry out a single strike" in r["evidence"])
    # Idlib the town: a point, ACLED geo_precision 1, UCDP where_prec 1; the window runs from
    # 2017-01-01 to publication, more than a month: ACLED time_precision 3
    assert (denial["admin1"], denial["admin1_code"], denial["geo_precision"]) == ("Idlib", "SY-ID", "point")
    assert (denial["acled_geo_precision"], denial["ucdp_where_prec"]) == ("1", "1")
    assert (denial["time_start"], denial["time_end"], denial["acled_time_precision"]) == ("2017-01-01", "2017-02-07", "3")


def test_no_date_no_window(runner: CliRunner) -> None:
    # 004 read on its own has no date anywhere: "yesterday" and "since the beginning of 2017"
    # cannot be put on the calendar, and nothing is invented
    out = runner.invoke(cli, ["extract", str(SEEDS / "004_cf4b3b3e72b76428.txt")]).stdout
    denial = next(json.loads(x) for x in out.splitlines() if "did not carry out a single strike" in x)
    assert denial["time"]["start"] is None and denial["time"]["precision"] == "unknown" and denial["time"]["note"]


def test_dateline_gives_the_date_when_no_metadata_does(runner: CliRunner) -> None:
    # 002 read on its own (no manifest): "MOSCOW, December 23. /TASS/." has no year; the text's
    # "said on Wednesday" and its years fix 2015, marked as a guess
    out = runner.invoke(cli, ["extract", str(SEEDS / "002_dabbd2e2701e5da0.txt")]).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    window = next(r["time"] for r in rows if r["time"] and r["time"]["text"] == "December 18-23")
    assert (window["start"], window["end"]) == ("2015-12-18", "2015-12-23")


def test_gazetteer_import_reaches_village_level(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a GeoNames country dump in the standard 19 columns adds a village the bundled extract lacks
    dump = tmp_path / "SY.txt"
    dump.write_text(
        "9999001\tKafr Testa\tKafr Testa\tKfar Testa\t35.7000\t36.6000\tP\tPPL\tSY\t\t10\t\t\t\t1200\t\t300\tAsia/Damascus\t2020-01-01\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("COUNTERCLAIM_DATA", str(tmp_path / "data"))
    result = runner.invoke(cli, ["gazetteer", "import", str(dump)])
    assert result.exit_code == 0 and "1 kept" in result.stdout
    from counterclaim.knowledge.gazetteer import Gazetteer

    village = Gazetteer.load().lookup("Kfar Testa")
    assert village and village[0].admin1 == "Idlib" and village[0].kind == "user"


def test_eval_places_report(runner: CliRunner) -> None:
    out = runner.invoke(cli, ["eval", "places", str(SEEDS)]).stdout
    assert out.startswith("place mentions:") and "point" in out and "names that stayed unknown" in out


def test_eval_fakes_prints_accuracy_baseline_and_confusion(runner: CliRunner) -> None:
    out = runner.invoke(cli, ["eval", "fakes", "--limit", "15"]).stdout
    assert "FA-KES credible rows: 15" in out and "baseline" in out and "confusion" in out
    assert "aleppo" in out  # the first credible rows are labelled aleppo
