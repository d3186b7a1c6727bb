"""Issue 12, data safety (items 6 to 10): what is already stored is never lost, replaced or
half-written, and a damaged or read-only ledger is said in one line."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from counterclaim import pipeline
from counterclaim.cli import cli
from counterclaim.errors import LedgerCorrupt
from counterclaim.export.cells import FORMULA_STARTS
from counterclaim.export.readers import read_acled_export, read_csv_export, read_ucdp_export
from counterclaim.ledger import check_ledger, open_ledger
from counterclaim.web.app import create_app

from ..conftest import SEEDS
from .helpers import as_user, no_traceback, run_cli

# ---------------------------------------------------------------------- 6. demo --db


def test_demo_never_replaces_a_file_that_is_not_a_ledger(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("notes\n", encoding="utf-8")
    other = tmp_path / "other.db"  # another program's SQLite database
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    before = other.read_bytes()
    for path in (notes, other):
        for args in ([], ["--force"]):
            result = CliRunner().invoke(cli, ["demo", "--db", str(path), "--seeds-only", *args])
            assert result.exit_code == 2 and no_traceback(result.stderr)
            assert result.stderr.startswith(f"error: not a counterclaim ledger: {path}: will not replace it")
    assert notes.read_text(encoding="utf-8") == "notes\n" and other.read_bytes() == before


def test_demo_replaces_an_existing_ledger_only_with_force(ledger_copy: Path) -> None:
    before = ledger_copy.read_bytes()
    refused = CliRunner().invoke(cli, ["demo", "--db", str(ledger_copy), "--seeds-only"])
    assert refused.exit_code == 2
    assert refused.stderr == (f"error: will not replace an existing file: {ledger_copy} is a ledger of 5 documents; "
                              "--force replaces it, or give --db another name\n")
    assert ledger_copy.read_bytes() == before
    forced = CliRunner().invoke(cli, ["demo", "--db", str(ledger_copy), "--seeds-only", "--force"])
    assert forced.exit_code == 0, forced.output
    with open_ledger(ledger_copy, readonly=True) as led:
        assert led.stats().documents == 5


# ---------------------------------------------------------------------- 7. damaged ledgers


def _damage(path: Path, table: str) -> None:
    """Write garbage over the first page of ``table`` (as a bad disk or a bad copy would)."""
    with sqlite3.connect(path) as conn:
        (page,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
        (size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(bytes((i * 37 + 11) % 256 for i in range(size)))


def _incident_id(path: Path) -> str:
    with open_ledger(path, readonly=True) as led:
        return next(led.incidents()).incident_id


@pytest.mark.parametrize("table", ["claims_fts_data", "incidents", "claims"])
def test_every_command_says_a_damaged_ledger_in_one_line(ledger_copy: Path, tmp_path: Path, table: str) -> None:
    # garbage in a page no query of `incidents` reads (the full-text index) made it answer as if
    # nothing were wrong; in other pages, tracebacks and .part files
    incident = _incident_id(ledger_copy)
    _damage(ledger_copy, table)
    commands = [
        ["incidents"], ["contradictions"], ["show", incident], ["claims"], ["group"],
        ["export", "--format", "csv", "-o", str(tmp_path / "out.csv")],
        ["export", "--format", "jsonl", "-o", str(tmp_path / "out.jsonl")],
        ["report", "-o", str(tmp_path / "r.html")], ["ingest", str(SEEDS)],
    ]
    for command in commands:
        result = CliRunner().invoke(cli, [*command, "--db", str(ledger_copy)])
        assert result.exit_code == 2, (command, result.output)
        assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), command
        (line,) = result.stderr.splitlines()
        assert line.startswith(f"error: the ledger is damaged: {ledger_copy}: "), (command, line)
        assert line.endswith(f"`counterclaim check --db {ledger_copy}` says what is wrong and how to recover")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.db"]  # no .part, no half-written file
    with pytest.raises(LedgerCorrupt):
        create_app(ledger_copy)  # serve says it in one line too


def test_check_says_what_is_wrong_and_how_to_recover(ledger_copy: Path) -> None:
    good = CliRunner().invoke(cli, ["check", "--db", str(ledger_copy)])
    assert good.exit_code == 0
    assert good.stdout.splitlines()[:2] == [f"{ledger_copy}: ok", f"schema version 4 (written by counterclaim's "
                                            f"extractor {check_ledger(ledger_copy).extractor_version})"]
    assert good.stdout.splitlines()[2].startswith("5 documents, ")
    _damage(ledger_copy, "incidents")
    bad = CliRunner().invoke(cli, ["check", "--db", str(ledger_copy)])
    assert bad.exit_code == 1 and no_traceback(bad.output)
    out = bad.stdout.splitlines()
    assert out[0] == f"{ledger_copy}: DAMAGED"
    assert any(ln.startswith("problem: integrity: ") for ln in out)
    assert [ln for ln in out if ln.startswith("to recover: ")] == [
        f"to recover: `counterclaim check --db {ledger_copy} --rescue new.db` copies every document and claim "
        "that still reads back into a new ledger and groups them again",
        "to recover: or ingest the same articles again into a new ledger (`counterclaim ingest PATHS --db new.db`)",
    ]


def test_rescue_keeps_every_document_and_claim_that_reads_back(ledger_copy: Path, seeds_ledger: Path,
                                                                tmp_path: Path) -> None:
    _damage(ledger_copy, "incidents")
    new = tmp_path / "new.db"
    result = CliRunner().invoke(cli, ["check", "--db", str(ledger_copy), "--rescue", str(new)])
    assert result.exit_code == 1  # the damaged ledger is still damaged
    with open_ledger(seeds_ledger, readonly=True) as a, open_ledger(new, readonly=True) as b:
        assert [d.doc_id for d in a.documents()] == [d.doc_id for d in b.documents()]
        assert [c.claim_id for c in a.claims()] == [c.claim_id for c in b.claims()]
        assert b.stats().incidents == a.stats().incidents  # grouped again, the same way
    assert check_ledger(new).ok
    assert "rescued 5 documents and" in result.stderr and "; 0 rows lost" in result.stderr


def test_check_on_a_file_that_is_no_ledger(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("notes\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--db", str(notes)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [
        f"{notes}: not a usable ledger",
        "problem: not a SQLite database (its first bytes are not SQLite's header)",
    ]


def test_the_web_app_says_a_ledger_damaged_under_it(ledger_copy: Path) -> None:
    client = create_app(ledger_copy).test_client()
    assert client.get("/").status_code == 200
    _damage(ledger_copy, "incidents")
    page = client.get("/")
    assert page.status_code == 500 and b"counterclaim check --db" in page.data and b"Traceback" not in page.data
    api = client.get("/api/incidents")
    assert api.status_code == 500 and "counterclaim check" in api.get_json()["detail"]


# ---------------------------------------------------------------------- 8. read-only ledgers


def test_a_ledger_in_a_folder_the_user_cannot_write_is_read(ledger_copy: Path, tmp_path: Path) -> None:
    # before: 'attempt to write a readonly database' from serve, report and incidents
    folder = ledger_copy.parent / "archive"
    folder.mkdir()
    db = folder / "ledger.db"
    ledger_copy.rename(db)
    out = tmp_path / "out"
    out.mkdir()
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        incidents = run_cli("incidents", "--db", str(db), "--format", "jsonl", user=True)
        assert incidents.returncode == 0 and no_traceback(incidents.stderr), incidents.stderr
        assert len(incidents.stdout.splitlines()) > 5
        report = run_cli("report", "--db", str(db), "-o", str(out / "r.html"), user=True)
        assert report.returncode == 0, report.stderr
        assert (out / "r.html").stat().st_size > 10_000
        check = run_cli("check", "--db", str(db), user=True)
        assert check.returncode == 0 and check.stdout.startswith(f"{db}: ok"), check.stdout
        app = (
            "from counterclaim.web.app import create_app\n"
            f"c = create_app({str(db)!r}).test_client()\n"
            "print(c.get('/').status_code, c.get('/api/incidents').status_code)\n"
        )
        web = subprocess.run(as_user([sys.executable, "-c", app]), capture_output=True, text=True, timeout=120)
        assert web.stdout.split() == ["200", "200"], web.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["ledger.db"]  # nothing written beside it
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)


# ---------------------------------------------------------------------- 9. resume


def test_a_rerun_reads_no_document_the_ledger_already_has(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "l.db"
    first = CliRunner().invoke(cli, ["ingest", str(SEEDS), "--db", str(db)])
    assert first.exit_code == 0

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("a stored document was read again")

    monkeypatch.setattr(pipeline, "extract_claims", no_reading)
    again = CliRunner().invoke(cli, ["ingest", str(SEEDS), "--db", str(db)])
    assert again.exit_code == 0, again.output
    # the summary of a rerun that adds nothing says 0 claims, not the ledger's total
    assert again.stderr.startswith("5 documents read (0 new, 5 already in the ledger), 0 claims; 0 inputs failed;")


# ---------------------------------------------------------------------- 10. formula injection

EVIL_OUTLET = "=1+1"
EVIL_TEXT = ("+cmd|' /C calc'!A0 The Syrian Observatory for Human Rights said 26 people were killed in airstrikes "
             "on Idlib on Monday.\n\n-2 The Syrian Observatory said 3 more people were killed in Saraqib on Monday.")


@pytest.fixture()
def evil_ledger(tmp_path: Path) -> Path:
    src = tmp_path / "evil.jsonl"
    src.write_text(json.dumps({"text": EVIL_TEXT, "outlet": EVIL_OUTLET, "published": "2017-02-07", "id": "@SUM(1)"})
                   + "\n", encoding="utf-8")
    db = tmp_path / "evil.db"
    assert CliRunner().invoke(cli, ["ingest", str(src), "--db", str(db)]).exit_code == 0
    return db


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _formula(cell: str) -> bool:
    try:
        float(cell)
        return False  # a number is no formula
    except ValueError:
        return cell.startswith(FORMULA_STARTS)


def test_no_spreadsheet_cell_starts_a_formula(evil_ledger: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    outputs: dict[str, str] = {}
    for fmt in ("csv", "acled", "ucdp"):
        result = runner.invoke(cli, ["export", "--db", str(evil_ledger), "--format", fmt])
        assert result.exit_code == 0
        outputs[fmt] = result.stdout
    for args in (["claims", "--format", "csv"], ["incidents", "--format", "csv"],
                 ["contradictions", "--format", "csv"]):
        outputs[args[0]] = runner.invoke(cli, [*args, "--db", str(evil_ledger)]).stdout
    src = tmp_path / "evil.txt"
    src.write_text(EVIL_TEXT, encoding="utf-8")
    outputs["extract"] = runner.invoke(cli, ["extract", str(src), "--format", "csv"]).stdout
    outputs["web"] = create_app(evil_ledger).test_client().get("/download.csv").get_data(as_text=True)
    assert "'+cmd|" in outputs["csv"] and "'@SUM(1)" in outputs["csv"] and "'=1+1" in outputs["acled"]
    for name, text in outputs.items():
        bad = [cell for cell in _cells(text) if _formula(cell)]
        assert not bad, (name, bad)


def test_json_exports_stay_verbatim_and_csv_reads_back(evil_ledger: Path) -> None:
    runner = CliRunner()
    jsonl = runner.invoke(cli, ["export", "--db", str(evil_ledger), "--format", "jsonl"]).stdout
    docs = [json.loads(x) for x in jsonl.splitlines() if json.loads(x).get("record") == "document"]
    assert docs and docs[0]["outlet"] == EVIL_OUTLET and docs[0]["text"].startswith("+cmd|")
    rows = read_csv_export(io.StringIO(runner.invoke(cli, ["export", "--db", str(evil_ledger), "--format", "csv"]).stdout))
    assert {r["source_id"] for r in rows} == {"@SUM(1)"}
    assert any(str(r["evidence"]).startswith("+cmd|") for r in rows)
    acled = read_acled_export(io.StringIO(runner.invoke(cli, ["export", "--db", str(evil_ledger), "--format", "acled"]).stdout))
    assert acled and all(EVIL_OUTLET in r["source"] for r in acled)
    ucdp = runner.invoke(cli, ["export", "--db", str(evil_ledger), "--format", "ucdp"]).stdout
    assert read_ucdp_export(io.StringIO(ucdp))  # still reads back
