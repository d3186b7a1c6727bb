"""Schema versions of the SQLite ledger: version 3 stores each document's language, version 4
where its publication date was found and its main event, version 5 links the full-text tables
to their tables and promotes claim columns (Datasette); a version 1, 2 or 3 ledger, laid out
by the statements of its own version (kept verbatim in old_schema/), is upgraded when first
opened for writing and keeps every row, and is read as it is (documents in English, without
main event) when opened read-only."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from counterclaim.errors import LedgerReadOnly, LedgerVersionError
from counterclaim.group.update import update
from counterclaim.ledger import Ledger, open_ledger
from counterclaim.ledger.sqlite import SCHEMA_VERSION, SqliteLedger
from counterclaim.model import (
    EXTRACTOR_VERSION,
    Claim,
    Claimant,
    Document,
    Location,
    Span,
    TimeSpan,
    doc_id_for,
)

OLD_SCHEMA = Path(__file__).parent / "old_schema"
#: The tables a ledger holds rows in, by the schema version that added them (the full-text
#: tables are copied through their virtual table, never their shadow tables).
TABLES = {
    1: ("documents", "claims", "sightings", "documents_fts", "claims_fts"),
    2: ("fingerprints", "minhash_bands", "grouping", "incidents", "contradictions", "corroborations"),
    3: (),
}
IDLIB = Location("Saraqib", "Saraqib", "Idlib", "Syria", 35.86, 36.8, 163345, "point", "in", 0, 7)


def _doc(text: str, outlet: str, **fields: Any) -> Document:
    return Document(doc_id=doc_id_for(text), text=text, outlet=outlet, published="2017-03-08", **fields)


def _claim(doc: Document, cid: str, claimant: str, killed: float, stance: str = "asserts") -> Claim:
    from counterclaim.model import Quantity

    return Claim(
        claim_id=cid, doc_id=doc.doc_id, claimant=Claimant(claimant, claimant, "monitor", 0, 4), via=None,
        stance=stance, event_type="airstrike", perpetrator=None,
        quantities=(Quantity(f"{killed:g} people", killed, killed, killed, "exact", "killed", "people", 0, 1),),
        location=IDLIB, locations=(IDLIB,), time=TimeSpan("on Tuesday", "2017-03-07", "2017-03-07", "day"),
        stated_on=None, evidence=Span(doc.text[:7], 0, 7), confidence=0.9,
    )


A = _doc("Saraqib: an airstrike killed 12 people on Tuesday, SOHR said.", "AFP")
B = _doc("Saraqib: 30 people were killed on Tuesday, the White Helmets said.", "Reuters")
C = _doc("Saraqib: an airstrike on Tuesday killed 12 people, activists said.", "Enab Baladi")


def _fill(led: Ledger) -> None:
    """Documents, claims and a sighting: one strike, 12 killed twice and 30 once."""
    led.add(A, [_claim(A, "a0", "SOHR", 12)])
    led.add(B, [_claim(B, "b0", "White Helmets", 30)])
    led.add(C, [_claim(C, "c0", "Local Coordination Committees", 12)])
    led.add(_doc(A.text, "Mirror"), [])  # the same text elsewhere: a sighting


def _old_ledger(path: Path, version: int, rows_from: Path) -> None:
    """A ledger laid out by the statements of schema ``version`` (1, 2 or 3), holding the rows of
    the ledger at ``rows_from`` (their columns of that version)."""
    raw = sqlite3.connect(path)
    for v in range(1, version + 1):
        raw.executescript((OLD_SCHEMA / f"v{v}.sql").read_text(encoding="utf-8"))
    raw.executemany("INSERT INTO meta VALUES (?, ?)",
                    [("schema_version", str(version)), ("extractor_version", EXTRACTOR_VERSION)])
    raw.execute("ATTACH DATABASE ? AS source", (str(rows_from),))
    for table in (t for v in range(1, version + 1) for t in TABLES[v]):
        columns = ", ".join(_columns(raw, table))
        # an old full-text table kept its own copy of the texts, which the current ledger keeps
        # in its documents and claims tables (schema 4): copy them from there
        origin = table.removesuffix("_fts")
        raw.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM source.{origin} ORDER BY rowid")
    raw.commit()
    raw.execute("DETACH DATABASE source")
    raw.close()


def _columns(raw: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in raw.execute(f"PRAGMA main.table_info({table})")]


def _rows(path: Path, tables: tuple[str, ...], columns: dict[str, list[str]]) -> dict[str, list[tuple[Any, ...]]]:
    raw = sqlite3.connect(path)
    try:
        return {t: raw.execute(f"SELECT {', '.join(columns[t])} FROM {t} ORDER BY rowid").fetchall() for t in tables}
    finally:
        raw.close()


@pytest.fixture
def source(tmp_path: Path) -> Iterator[Path]:
    """A current ledger, filled and grouped, whose rows the old ledgers are made of."""
    path = tmp_path / "source.db"
    with open_ledger(path) as led:
        _fill(led)
        update(led)
        stats = led.stats()
        assert (stats.incidents, stats.sightings) == (1, 1)
        assert stats.contradictions and stats.corroborations  # 12 against 30; 12 and 12
    yield path


def _reads(path: Path, readonly: bool) -> dict[str, Any]:
    """Everything a ledger gives through the protocol."""
    with open_ledger(path, readonly=readonly) as led:
        return {
            "documents": list(led.documents()), "claims": list(led.claims()), "sightings": led.sightings(),
            "incidents": list(led.incidents()), "contradictions": list(led.contradictions()),
            "corroborations": led.corroborations(), "states": list(led.incident_states()),
            "grouping": {c.claim_id: led.grouping_of(c.claim_id) for c in led.claims()},
            "footprints": led.summary_footprints(), "pending": led.pending_grouping(),
        }


# ---------------------------------------------------------------------- version 3: language


def test_language_is_stored_and_read_back(tmp_path: Path) -> None:
    arabic = _doc("غارة جوية على سراقب", "Enab Baladi", language="ar")
    with open_ledger(tmp_path / "ledger.db") as led:
        led.add(arabic, [])
        led.add(A, [])
    with open_ledger(tmp_path / "ledger.db", readonly=True) as led:
        assert led.document(arabic.doc_id) == arabic and arabic.language == "ar"
        assert [d.language for d in led.documents()] == ["ar", "en"]
        assert [d.language for d in led.unfingerprinted()] == ["ar", "en"]


def test_a_new_ledger_is_the_current_version_with_a_language_column(tmp_path: Path) -> None:
    with SqliteLedger(tmp_path / "ledger.db") as led:
        assert led.meta["schema_version"] == str(SCHEMA_VERSION) == "5"
    raw = sqlite3.connect(tmp_path / "ledger.db")
    assert "language" in _columns(raw, "documents")
    raw.close()


# ---------------------------------------------------------------------- version 4: basis, main event


def test_where_the_date_was_found_and_the_main_event_are_stored_and_read_back(tmp_path: Path) -> None:
    doc = _doc("An airstrike killed 12 people on Tuesday.", "AFP", published_basis="header", main_event="a0")
    with open_ledger(tmp_path / "ledger.db") as led:
        led.add(doc, [_claim(doc, "a0", "SOHR", 12)])
    with open_ledger(tmp_path / "ledger.db", readonly=True) as led:
        assert led.document(doc.doc_id) == doc
        assert [(d.published_basis, d.main_event) for d in led.documents()] == [("header", "a0")]


def test_a_version_3_ledger_is_read_without_main_events_then_upgraded(source: Path, tmp_path: Path) -> None:
    old = tmp_path / "v3.db"
    _old_ledger(old, 3, source)
    with open_ledger(old, readonly=True) as led:  # read as it is: the columns are not there
        assert {(d.published_basis, d.main_event) for d in led.documents()} == {(None, None)}
    with SqliteLedger(old) as led:
        assert led.meta["schema_version"] == str(SCHEMA_VERSION)
    raw = sqlite3.connect(old)
    assert {"published_basis", "main_event"} <= set(_columns(raw, "documents"))
    raw.close()
    assert _reads(old, readonly=True) == _reads(source, readonly=True)


# ---------------------------------------------------------------------- upgrades


def _assert_searches(path: Path) -> None:
    """The ledger's searches find what they found before, through the full-text tables of schema
    4, and its new claim columns and views hold the claims' values."""
    with open_ledger(path, readonly=True) as led:
        assert {c.claim_id for c in led.search_claims("White Helmets", syntax="words")} == {"b0"}
        assert [h.doc_id for h in led.search_documents("Reuters OR Helmets")] == [B.doc_id]
    raw = sqlite3.connect(path)
    try:
        rows = raw.execute("SELECT f.claim_id, f.admin1, f.lat, f.time_start, f.killed_high, c.claimant FROM claims_flat f"
                           " JOIN claims c USING (claim_id) ORDER BY claim_id").fetchall()
        assert rows == [("a0", "Idlib", 35.86, "2017-03-07", 12.0, "SOHR"),
                        ("b0", "Idlib", 35.86, "2017-03-07", 30.0, "White Helmets"),
                        ("c0", "Idlib", 35.86, "2017-03-07", 12.0, "Local Coordination Committees")]
        sql = raw.execute("SELECT sql FROM sqlite_master WHERE name = 'claims_fts'").fetchone()[0]
        assert "content=[claims]" in sql  # what Datasette and sqlite-utils look for
    finally:
        raw.close()


def test_a_version_3_ledger_is_upgraded_to_linked_full_text_and_promoted_columns(
    source: Path, tmp_path: Path
) -> None:
    old = tmp_path / "v3.db"
    _old_ledger(old, 2, source)
    raw = sqlite3.connect(old)
    raw.execute("ALTER TABLE documents ADD COLUMN language TEXT NOT NULL DEFAULT 'en'")  # SCHEMA_3, verbatim
    raw.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    raw.commit()
    raw.close()
    with open_ledger(old, readonly=True) as led:  # read as it is: its own full-text tables
        assert {c.claim_id for c in led.search_claims("White Helmets", syntax="words")} == {"b0"}
    assert _reads(old, readonly=False) == _reads(source, readonly=True)
    _assert_searches(old)


def test_a_version_2_ledger_is_upgraded_keeping_every_row(source: Path, tmp_path: Path) -> None:
    old = tmp_path / "v2.db"
    _old_ledger(old, 2, source)
    raw = sqlite3.connect(old)
    tables = TABLES[1] + TABLES[2]
    columns = {t: _columns(raw, t) for t in tables}
    raw.close()
    assert "language" not in columns["documents"]
    before = _rows(old, tables, columns)
    assert all(before[t] for t in tables), {t: len(before[t]) for t in tables}  # every table holds rows

    with SqliteLedger(old) as led:  # opened for writing: upgraded
        assert led.meta["schema_version"] == str(SCHEMA_VERSION)
    kept = tuple(t for t in tables if not t.endswith("_fts"))  # the full-text tables are remade (5)
    assert _rows(old, kept, columns) == {t: before[t] for t in kept}  # every row, every old column, in order
    _assert_searches(old)
    raw = sqlite3.connect(old)
    assert raw.execute("SELECT DISTINCT language FROM documents").fetchall() == [("en",)]
    raw.close()
    # and it reads as the ledger it was made from, grouping included (nothing to group again)
    assert _reads(old, readonly=False) == _reads(source, readonly=True)
    with open_ledger(old) as led:
        arabic = _doc("غارة جوية على سراقب", "Enab Baladi", language="ar")
        assert led.add(arabic, []) and led.document(arabic.doc_id) == arabic
        assert update(led).claims == 0 and led.pending_grouping() == 0


def test_a_version_2_ledger_opened_read_only_is_read_as_it_is(source: Path, tmp_path: Path) -> None:
    old = tmp_path / "v2.db"
    _old_ledger(old, 2, source)
    bytes_before = old.read_bytes()
    reads = _reads(old, readonly=True)
    assert reads == _reads(source, readonly=True)
    assert {d.language for d in reads["documents"]} == {"en"}
    with open_ledger(old, readonly=True) as led:
        with pytest.raises(LedgerReadOnly):
            led.add(_doc("Another article.", "AFP"), [])
    assert old.read_bytes() == bytes_before  # not upgraded, not touched


def test_a_version_1_ledger_is_read_as_it_is_then_upgraded_and_grouped(source: Path, tmp_path: Path) -> None:
    old = tmp_path / "v1.db"
    _old_ledger(old, 1, source)
    with open_ledger(old, readonly=True) as led:
        assert [d.language for d in led.documents()] == ["en", "en", "en"]
        assert led.stats().claims == 3 and led.stats().incidents == 0
        for grouped in (lambda: list(led.incidents()), led.pending_grouping, lambda: led.grouping_of("a0")):
            with pytest.raises(LedgerVersionError, match="no incidents yet"):  # one clear line
                grouped()
    raw = sqlite3.connect(old)
    columns = {t: _columns(raw, t) for t in TABLES[1]}
    raw.close()
    kept = ("documents", "claims", "sightings")
    before = _rows(old, kept, columns)
    with open_ledger(old) as led:  # upgraded from 1 to the current version at once
        assert led.pending_grouping() == 3
        assert update(led).claims == 3
    assert _rows(old, kept, columns) == before
    _assert_searches(old)
    assert _reads(old, readonly=True) == _reads(source, readonly=True)


def test_an_upgrade_runs_once_when_two_writers_open_an_old_ledger(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two writers open the same version-2 ledger: both read version 2, the other one upgrades
    # first.  This one must see that inside its own transaction and not upgrade again (adding
    # the language column twice fails).
    from counterclaim.ledger.sqlite import schema

    old = tmp_path / "v2.db"
    _old_ledger(old, 2, source)
    SqliteLedger(old).close()  # the other writer's upgrade
    real = schema.schema_version
    calls: list[int | None] = []

    def stale_first(conn: sqlite3.Connection, name: str) -> int | None:
        calls.append(version := 2 if not calls else real(conn, name))
        return version

    monkeypatch.setattr(schema, "schema_version", stale_first)
    with SqliteLedger(old) as led:
        assert led.meta["schema_version"] == str(SCHEMA_VERSION) and led.writable
    assert calls == [2, SCHEMA_VERSION]
