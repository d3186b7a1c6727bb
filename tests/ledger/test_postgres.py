"""What the PostgreSQL ledger adds to the store tests both backends pass: several writers at once,
the promoted columns an analyst queries in SQL, the tsvector search and its GIN index, and the
schema version."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from counterclaim.errors import LedgerVersionError
from counterclaim.ledger import check_ledger, open_ledger
from counterclaim.ledger.postgres import SCHEMA_VERSION, PostgresLedger
from counterclaim.model import Document, doc_id_for
from counterclaim.pipeline import Result
from tests.conftest import add_seeds
from tests.ledger.test_sqlite import full_claim, full_document, make_claim, make_doc


def _docs(n: int) -> list[Document]:
    return [make_doc(f"Shelling hit Idlib, report {i}.") for i in range(n)]


def _ingest(url: str, outlet: str) -> int:
    added = 0
    with open_ledger(url) as led:
        for doc in _docs(30):
            doc = Document(**{**{f: getattr(doc, f) for f in doc.__dataclass_fields__}, "outlet": outlet})
            added += led.add(doc, [make_claim(doc, 0), make_claim(doc, 1)])
    return added


def test_several_ingests_at_once_store_each_document_once(pg_url: str) -> None:
    # Three processes write the same thirty documents at once (from three outlets): each is
    # stored once, with its two claims, and the other outlets are sightings.
    with open_ledger(pg_url):
        pass  # the tables, made once before the race (a race to make them is safe too)
    with multiprocessing.get_context("spawn").Pool(3) as pool:
        added = pool.starmap(_ingest, [(pg_url, "AFP"), (pg_url, "Reuters"), (pg_url, "SANA")])
    assert sum(added) == 30
    with open_ledger(pg_url, readonly=True) as led:
        stats = led.stats()
        assert (stats.documents, stats.claims, stats.sightings) == (30, 60, 60)
        assert len({c.claim_id for c in led.claims()}) == 60


def test_promoted_columns_hold_the_claims_values(pg_url: str) -> None:
    doc = full_document()
    claim = full_claim(doc)
    with open_ledger(pg_url) as led:
        led.add(doc, [claim])
        row = led._conn.execute(  # type: ignore[attr-defined]
            "SELECT claimant_actor, stance, event_type, admin1, lat, lon, time_start, time_end,"
            " killed_low, killed_high FROM claims"
        ).fetchone()
    assert claim.location is not None and claim.time is not None
    killed = [q for q in claim.quantities if q.measure == "killed"]
    assert row == (
        claim.claimant.actor, claim.stance, claim.event_type, claim.location.admin1, claim.location.lat,
        claim.location.lon, claim.time.start, claim.time.end, killed[0].low, killed[0].high,
    )


def test_search_uses_the_gin_indexed_tsvector(pg_url: str) -> None:
    with open_ledger(pg_url) as led:
        led.add(full_document(), [full_claim(full_document())])
        indexes = {r[0] for r in led._conn.execute(  # type: ignore[attr-defined]
            "SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%USING gin (search)%'")}
        assert indexes == {"documents_search", "claims_search"}
        assert [h.doc_id for h in led.search_documents("civilians -Homs")] == [full_document().doc_id]
        assert led.search_documents("civilians Homs") == []
        assert len(led.search_documents('"al-Numan" or Homs')) == 1
        assert len(led.search_claims("Maarat*", syntax="words")) == 1


def test_schema_version_is_recorded_and_a_newer_one_refused(pg_url: str) -> None:
    with open_ledger(pg_url) as led:
        assert isinstance(led, PostgresLedger)
        assert led.meta["schema_version"] == str(SCHEMA_VERSION)
        led._conn.execute("UPDATE meta SET value = %s WHERE key = 'schema_version'",  # type: ignore[attr-defined]
                          (str(SCHEMA_VERSION + 1),))
    with pytest.raises(LedgerVersionError):
        open_ledger(pg_url)
    found = check_ledger(pg_url)
    assert not found.ok and "schema version" in found.problems[0]


def test_check_reports_a_postgres_ledger(pg_url: str) -> None:
    with open_ledger(pg_url) as led:
        led.add(make_doc("Shelling hit Aleppo."), [])
    found = check_ledger(pg_url)
    assert found.ok and found.schema_version == SCHEMA_VERSION and found.counts["documents"] == 1
    assert doc_id_for("x")  # the model is importable beside psycopg


def test_every_command_that_takes_db_takes_a_postgres_url(
    pg_url: str, tmp_path: Path, seed_results: dict[str, Result]
) -> None:
    # The commands read a postgresql:// ledger as they read a file, and say the same.
    from click.testing import CliRunner

    from counterclaim.cli import cli

    lite = str(tmp_path / "ledger.db")
    for target in (lite, pg_url):
        with open_ledger(target) as led:
            add_seeds(led, seed_results)
    runner = CliRunner()
    for args in (["group"], ["claims", "--format", "jsonl"], ["incidents", "--format", "jsonl"],
                 ["contradictions", "--format", "csv"], ["incidents"], ["export", "--format", "jsonl"],
                 ["export", "--format", "acled"], ["check"]):
        out = {}
        for target in (lite, pg_url):
            result = runner.invoke(cli, [*args, "--db", target])
            assert result.exit_code == 0, (args, result.output)
            out[target] = result.stdout.replace(lite, "LEDGER").replace(pg_url, "LEDGER")
        if args[0] != "check":
            assert out[pg_url] == out[lite], args
    report = tmp_path / "report.html"
    assert runner.invoke(cli, ["report", "--db", pg_url, "-o", str(report)]).exit_code == 0
    assert report.stat().st_size > 1000


def test_flat_views_match_the_sqlite_ledgers(pg_url: str, tmp_path: Path, seed_results: dict[str, Result]) -> None:
    # claims_flat and incidents_flat give the same plain rows from both stores.
    import sqlite3

    from counterclaim.group.update import update

    lite = tmp_path / "ledger.db"
    for target in (str(lite), pg_url):
        with open_ledger(target) as led:
            add_seeds(led, seed_results)
            update(led)
    claims_sql = ("SELECT claim_id, stance, admin1, lat, lon, time_start, time_end, killed_low, killed_high"
                  " FROM claims_flat")
    incidents_sql = ("SELECT incident_id, admin1, start, place, lat, n_claims, claimants, outlets FROM incidents_flat"
                     " ORDER BY incident_id")
    raw = sqlite3.connect(lite)
    try:
        expected = (raw.execute(claims_sql).fetchall(), raw.execute(incidents_sql).fetchall())
    finally:
        raw.close()
    with open_ledger(pg_url) as led:
        conn = led._conn  # type: ignore[attr-defined]
        found = (conn.execute(claims_sql).fetchall(), conn.execute(incidents_sql + ' COLLATE "C"').fetchall())
    assert [tuple(r) for r in found[0]] == expected[0] and expected[0]
    assert [tuple(r) for r in found[1]] == expected[1] and expected[1]


def test_the_web_app_serves_a_postgres_ledger_as_a_sqlite_one(
    pg_url: str, tmp_path: Path, seed_results: dict[str, Result]
) -> None:
    from counterclaim.group.update import update
    from counterclaim.web.app import create_app

    lite = str(tmp_path / "ledger.db")
    for target in (lite, pg_url):
        with open_ledger(target) as led:
            add_seeds(led, seed_results)
            update(led)
    pages = ("/", "/api/incidents", "/api/incidents?governorate=idleb&contested=1", "/download.csv")
    got = {}
    for target in (lite, pg_url):
        client = create_app(target).test_client()
        got[target] = [(client.get(p).status_code, client.get(p).get_data()) for p in pages]
    assert all(code == 200 for code, _ in got[pg_url])
    assert got[pg_url] == got[lite]
