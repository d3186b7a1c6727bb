"""The SQLite ledger as any SQLite tool sees it (schema 4): full-text tables Datasette and
sqlite-utils detect and search the way they do (the external-content table of a table, joined
rowid to rowid), promoted claim columns, and one plain row per claim and per incident."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from counterclaim.group.update import update
from counterclaim.ledger import open_ledger
from counterclaim.pipeline import Result
from tests.conftest import add_seeds

#: How Datasette finds a table's full-text table (datasette/utils detect_fts, the external-content forms).
DETECT_FTS = """SELECT name FROM sqlite_master WHERE rootpage = 0 AND (
    sql LIKE '%VIRTUAL TABLE%USING FTS%content="{table}"%' OR sql LIKE '%VIRTUAL TABLE%USING FTS%content=[{table}]%')"""
#: How Datasette and sqlite-utils search a table through it.
SEARCH = "SELECT {table}.* FROM {table} WHERE rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)"


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory: pytest.TempPathFactory, seed_results: dict[str, Result]) -> Path:
    path = tmp_path_factory.mktemp("datasette") / "ledger.db"
    with open_ledger(path) as led:
        add_seeds(led, seed_results)
        update(led)
    return path


def test_the_search_box_of_claims_and_documents_finds_rows(ledger_file: Path) -> None:
    raw = sqlite3.connect(ledger_file)
    try:
        for table in ("documents", "claims"):
            (fts,) = raw.execute(DETECT_FTS.format(table=table)).fetchone()
            assert fts == f"{table}_fts"
        with open_ledger(ledger_file, readonly=True) as led:
            expected = {c.claim_id for c in led.search_claims("Idlib", limit=1000)}
            docs = {h.doc_id for h in led.search_documents("Idlib", limit=1000)}
        found = {r[0] for r in raw.execute(SEARCH.format(table="claims", fts="claims_fts"), ("Idlib",))}
        assert found == expected and found
        assert {r[0] for r in raw.execute(SEARCH.format(table="documents", fts="documents_fts"), ("Idlib",))} == docs
    finally:
        raw.close()


def test_flat_views_give_one_plain_row_per_claim_and_incident(ledger_file: Path) -> None:
    raw = sqlite3.connect(ledger_file)
    try:
        with open_ledger(ledger_file, readonly=True) as led:
            claims = list(led.claims())
            incidents = list(led.incidents())
        rows = raw.execute("SELECT claim_id, stance, admin1, lat, time_start, killed_high FROM claims_flat").fetchall()
        assert [r[0] for r in rows] == [c.claim_id for c in claims]  # ingest order, then document order
        for (cid, stance, admin1, lat, start, _), c in zip(rows, claims, strict=True):
            assert (stance, admin1, lat, start) == (
                c.stance, c.location.admin1 if c.location else None, c.location.lat if c.location else None,
                c.time.start if c.time else None)
        assert any(r[5] is not None for r in rows)  # some claim says how many were killed
        flat = {r[0]: r[1:] for r in raw.execute(
            "SELECT incident_id, admin1, start, n_claims, claimants, place FROM incidents_flat")}
        assert set(flat) == {i.incident_id for i in incidents}
        for i in incidents:
            admin1, start, n, claimants, place = flat[i.incident_id]
            assert (start, n, claimants) == (i.time.start if i.time else None, len(i.claim_ids), "; ".join(i.claimants))
            assert place == (i.location.name if i.location else None)
    finally:
        raw.close()
