"""Tests for the ledger's store of documents and claims, on both backends: the SQLite ledger
(counterclaim.ledger.sqlite) and the PostgreSQL ledger (counterclaim.ledger.postgres), through
the ``ledger`` fixture; the tests of files, modes and the schema guard are SQLite's own.

Documents and claims are built by hand from the model classes, so no spaCy pipeline is needed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from counterclaim.errors import (
    BadQuery,
    ClaimMismatch,
    CounterclaimError,
    LedgerError,
    LedgerReadOnly,
    LedgerVersionError,
    LedgerWriteError,
    NotALedger,
)
from counterclaim.ledger import Ledger, open_ledger
from counterclaim.ledger.base import LedgerStats
from counterclaim.ledger.sqlite import SCHEMA_VERSION, SqliteLedger
from tests.ledger.conftest import BACKENDS, open_backend
from counterclaim.model import (
    ACTOR_TYPES,
    BOUNDS,
    EVENT_TYPES,
    EXTRACTOR_VERSION,
    STANCES,
    Claim,
    Claimant,
    Document,
    Location,
    Perpetrator,
    Quantity,
    Removed,
    Span,
    TimeSpan,
    doc_id_for,
    stable_id,
    to_json,
)

TEXT = (
    "By AFP\n"
    "Syria's Defence Ministry said on Monday that Russian jets did not strike Idlib. "
    "Activists said more than 26 civilians were killed in Maarat al-Numan on Sunday."
)


# ---------------------------------------------------------------------- builders


def span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(phrase, start, start + len(phrase))


def make_doc(text: str = TEXT, **fields: object) -> Document:
    return Document(doc_id=doc_id_for(text), text=text, **fields)  # type: ignore[arg-type]


def make_claim(
    doc: Document,
    n: int = 0,
    *,
    actor: str | None = "Syrian Ministry of Defence",
    actor_type: str = "government",
    stance: str = "asserts",
    event_type: str = "airstrike",
    evidence: str = "Russian jets did not strike Idlib",
    claim_id: str | None = None,
) -> Claim:
    """A minimal claim; ``n`` makes the id distinct within the document."""
    return Claim(
        claim_id=claim_id or stable_id("claim", doc.doc_id, n),
        doc_id=doc.doc_id,
        claimant=Claimant(text=actor, actor=actor, actor_type=actor_type, start=None, end=None),
        via=None,
        stance=stance,
        event_type=event_type,
        perpetrator=None,
        quantities=(),
        location=None,
        locations=(),
        time=None,
        stated_on=None,
        evidence=Span(evidence, 0, len(evidence)),
        confidence=0.5,
    )


def full_document() -> Document:
    """A document with every field set, including removed spans and a byline."""
    return make_doc(
        source_path="feeds/afp.jsonl",
        source_id="17",
        url="https://example.org/idlib",
        outlet="AFP",
        published="2021-04-20",
        published_from="metadata",
        title="Moscow denies strikes in Idlib",
        removed=(
            Removed("Share on Twitter", "share bar", 0, 16, 0),
            Removed("Related: Aleppo ceasefire holds", "related link", 120, 151, 7),
        ),
        byline=span(TEXT, "AFP"),
        warnings=("invalid UTF-8 replaced",),
    )


def full_claim(doc: Document) -> Claim:
    """A claim with every nested field set, the optional ones included."""
    t = doc.text
    ministry = span(t, "Syria's Defence Ministry")
    return Claim(
        claim_id=stable_id("claim", doc.doc_id, "full"),
        doc_id=doc.doc_id,
        claimant=Claimant(
            text="Activists",
            actor="Syrian Observatory for Human Rights",
            actor_type="monitor",
            start=t.index("Activists"),
            end=t.index("Activists") + len("Activists"),
            refers_to=ministry,
        ),
        via=span(t, "AFP"),
        stance="asserts",
        event_type="airstrike",
        perpetrator=Perpetrator("Russian jets", "Russian Aerospace Forces", 10, 22, several=True),
        quantities=(
            Quantity("more than 26 civilians", 26.0, 27.0, None, "low", "killed", "civilians", 5, 27),
            Quantity("dozens", None, 24.0, None, "vague", None, None, 30, 36),
        ),
        location=Location(
            "Maarat al-Numan", "Maarat al-Numan", "Idlib", "Syria", 35.64, 36.67, 169387, "point",
            "in", 40, 55,
        ),
        locations=(
            Location("Idlib", "Idlib", "Idlib", "Syria", precision="admin1", text_start=1, text_end=6),
        ),
        time=TimeSpan("on Sunday", "2021-04-18", "2021-04-18", "day", 60, 69),
        stated_on=TimeSpan("on Monday", "2021-04-19", "2021-04-19", "day", 70, 79),
        evidence=span(t, "Activists said more than 26 civilians were killed in Maarat al-Numan on Sunday."),
        confidence=0.875,
        event_cue=span(t, "killed"),
        stance_cue=span(t, "said"),
        hedged=True,
        section="headline",
        responds_to="abc123",
        source_path="feeds/afp.jsonl",
        source_id="17",
    )


def count(ledger: Ledger, table: str) -> int:
    """Rows in a table, straight from the store (to see what really got written)."""
    return int(ledger._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[attr-defined]


def all_counts(ledger: Ledger) -> dict[str, int]:
    tables = ("documents", "claims", "sightings")
    if isinstance(ledger, SqliteLedger):
        tables += ("documents_fts", "claims_fts")
    return {table: count(ledger, table) for table in tables}


@pytest.fixture(params=BACKENDS)
def ledger(request: pytest.FixtureRequest) -> Iterator[Ledger]:
    with open_backend(request, request.param) as led:
        yield led


# ---------------------------------------------------------------------- round trip


def test_claim_with_every_field_round_trips(ledger: Ledger) -> None:
    # The ledger is the system of record: a claim read back must be the claim written, nested
    # spans, tuples and optional fields included, or exports and contradiction finding drift.
    doc = full_document()
    claim = full_claim(doc)
    assert ledger.add(doc, [claim]) is True
    assert list(ledger.claims()) == [claim]
    assert ledger.claim(claim.claim_id) == claim
    assert list(ledger.claims(doc_id=doc.doc_id)) == [claim]


def test_document_with_removed_spans_and_byline_round_trips(ledger: Ledger) -> None:
    # Offsets in claims point into Document.text, and `removed` / `byline` are the audit trail of
    # cleaning: losing any of them breaks traceability back to the source.
    doc = full_document()
    ledger.add(doc, [])
    assert ledger.document(doc.doc_id) == doc
    assert list(ledger.documents()) == [doc]
    assert ledger.has_document(doc.doc_id)


def test_unknown_ids_give_none(ledger: Ledger) -> None:
    # Lookups of absent ids are normal (e.g. checking before ingest) and must not raise.
    assert ledger.document("nope") is None
    assert ledger.claim("nope") is None
    assert not ledger.has_document("nope")
    assert list(ledger.claims()) == [] and list(ledger.documents()) == []


def test_file_ledger_keeps_data_and_order_across_reopen(tmp_path: Path) -> None:
    # The ledger outlives the process: reopening must give back the same documents and claims in
    # the same (ingest) order.
    path = tmp_path / "ledger.db"
    docs = [make_doc(f"article {i} about Idlib") for i in range(3)]
    with SqliteLedger(path) as led:
        for doc in reversed(docs):
            led.add(doc, [make_claim(doc)])
    with SqliteLedger(path) as led:
        assert [d.doc_id for d in led.documents()] == [d.doc_id for d in reversed(docs)]
        assert [c.doc_id for c in led.claims()] == [d.doc_id for d in reversed(docs)]


# Hypothesis: any texts (unicode included), any finite numbers or None, any tuple lengths.
_texts = st.text(max_size=30)
_opt_texts = st.none() | _texts
_nums = st.none() | st.floats(allow_nan=False, allow_infinity=False)
_offsets = st.integers(min_value=0, max_value=10**7)
_opt_offsets = st.none() | _offsets
_spans = st.builds(Span, _texts, _offsets, _offsets)
_opt_spans = st.none() | _spans
_quantities = st.builds(
    Quantity, text=_texts, value=_nums, low=_nums, high=_nums, bound=st.sampled_from(BOUNDS),
    measure=_opt_texts, object=_opt_texts, start=_offsets, end=_offsets,
)
_locations = st.builds(
    Location, text=_texts, name=_opt_texts, admin1=_opt_texts, country=_opt_texts, lat=_nums,
    lon=_nums, geonames_id=st.none() | st.integers(min_value=0, max_value=2**40),
    precision=st.sampled_from(["point", "near", "admin1", "country", "unknown"]),
    relation=_opt_texts, text_start=_offsets, text_end=_offsets,
)
_times = st.builds(
    TimeSpan, text=_texts, start=_opt_texts, end=_opt_texts,
    precision=st.sampled_from(["day", "days", "month", "year", "unknown"]),
    text_start=_offsets, text_end=_offsets,
)


@st.composite
def _documents_with_claims(draw: st.DrawFn) -> tuple[Document, list[Claim]]:
    text = draw(st.text(max_size=200))
    doc = Document(
        doc_id=doc_id_for(text), text=text, source_path=draw(_opt_texts), url=draw(_opt_texts),
        outlet=draw(_opt_texts), published=draw(_opt_texts), title=draw(_opt_texts),
        removed=tuple(draw(st.lists(st.builds(Removed, _texts, _texts, _offsets, _offsets, _offsets),
                                    max_size=3))),
        source_id=draw(_opt_texts), published_from=draw(_opt_texts), byline=draw(_opt_spans),
        warnings=tuple(draw(st.lists(_texts, max_size=3))),
    )
    claim = st.builds(
        Claim,
        claim_id=st.text(min_size=1, max_size=20),
        doc_id=st.just(doc.doc_id),
        claimant=st.builds(Claimant, _opt_texts, _opt_texts, st.sampled_from(ACTOR_TYPES),
                           _opt_offsets, _opt_offsets, _opt_spans),
        via=_opt_spans,
        stance=st.sampled_from(STANCES),
        event_type=st.sampled_from(EVENT_TYPES),
        perpetrator=st.none() | st.builds(Perpetrator, _texts, _opt_texts, _offsets, _offsets, st.booleans()),
        quantities=st.lists(_quantities, max_size=3).map(tuple),
        location=st.none() | _locations,
        locations=st.lists(_locations, max_size=3).map(tuple),
        time=st.none() | _times,
        stated_on=st.none() | _times,
        evidence=_spans,
        confidence=st.floats(min_value=0, max_value=1),
        event_cue=_opt_spans,
        stance_cue=_opt_spans,
        hedged=st.booleans(),
        section=st.sampled_from(["headline", "body"]),
        responds_to=_opt_texts,
        source_path=_opt_texts,
        source_id=_opt_texts,
    )
    claims = draw(st.lists(claim, max_size=4, unique_by=lambda c: c.claim_id))
    return doc, claims


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents_with_claims())
def test_generated_documents_and_claims_round_trip(case: tuple[Document, list[Claim]]) -> None:
    # Whatever the extractor produces -- odd unicode, None numbers, several quantities and
    # places -- must survive JSON + SQLite unchanged and in order.
    doc, claims = case
    with SqliteLedger(":memory:") as led:
        assert led.add(doc, claims)
        assert led.document(doc.doc_id) == doc
        assert list(led.claims()) == claims
        assert [led.claim(c.claim_id) for c in claims] == claims


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                                                HealthCheck.function_scoped_fixture])
@given(_documents_with_claims())
def test_generated_documents_and_claims_round_trip_on_postgres(pg_url: str, case: tuple[Document, list[Claim]]) -> None:
    # The same on PostgreSQL, through jsonb and its text types.  PostgreSQL refuses the NUL
    # character in any text, which reading removes from every document (read.lines); jsonb keeps
    # numbers as decimals, so a float of 1e16 or more (written 1e+16) would come back an integer:
    # no count, coordinate or confidence is that large.
    doc, claims = case
    written = to_json(doc) + "".join(to_json(c) for c in claims)
    assume("\\u0000" not in written and "e+" not in written)
    with open_ledger(pg_url) as led:
        led._conn.execute("TRUNCATE documents, claims, sightings CASCADE")  # type: ignore[attr-defined]
        assert led.add(doc, claims)
        assert led.document(doc.doc_id) == doc
        assert list(led.claims()) == claims
        assert [led.claim(c.claim_id) for c in claims] == claims


def test_postgres_ledger_keeps_data_and_order_across_reopen(pg_url: str) -> None:
    docs = [make_doc(f"article {i} about Idlib") for i in range(3)]
    with open_ledger(pg_url) as led:
        for doc in reversed(docs):
            led.add(doc, [make_claim(doc)])
    with open_ledger(pg_url, readonly=True) as led:
        assert not led.writable
        assert [d.doc_id for d in led.documents()] == [d.doc_id for d in reversed(docs)]
        assert [c.doc_id for c in led.claims()] == [d.doc_id for d in reversed(docs)]
        with pytest.raises(LedgerReadOnly):
            led.add(make_doc("another"), [])


# ---------------------------------------------------------------------- idempotence, sightings


def test_adding_same_document_twice_changes_nothing(ledger: Ledger) -> None:
    # Re-running ingest over the same inputs must be a no-op, or every re-run would duplicate
    # claims and fake corroboration between "sources".
    doc = full_document()
    claims = [full_claim(doc), make_claim(doc, 1)]
    assert ledger.add(doc, claims) is True
    before = all_counts(ledger)
    assert ledger.add(doc, claims) is False
    expected = {"documents": 1, "claims": 2, "sightings": 0}
    if isinstance(ledger, SqliteLedger):
        expected |= {"documents_fts": 1, "claims_fts": 2}
    assert all_counts(ledger) == before == expected


def test_same_text_from_another_source_adds_one_sighting(ledger: Ledger) -> None:
    # A wire story republished elsewhere is one document; the ledger still has to remember the
    # other place it was seen, once, however often that place is re-ingested.
    doc = full_document()
    ledger.add(doc, [full_claim(doc)])
    elsewhere = make_doc(url=None, outlet=None, source_path="scraped/page.html")  # same text
    assert elsewhere.doc_id == doc.doc_id
    assert ledger.add(elsewhere, [make_claim(elsewhere, 5)]) is False
    assert ledger.add(elsewhere, [make_claim(elsewhere, 5)]) is False  # NULL fields still dedupe
    assert count(ledger, "claims") == 1
    assert ledger.stats().sightings == 1
    (seen,) = ledger.sightings(doc.doc_id)
    assert (seen.doc_id, seen.source_path, seen.source_id, seen.url, seen.outlet) == (
        doc.doc_id,
        "scraped/page.html", None, None, None,
    )
    assert ledger.document(doc.doc_id) == doc  # the first source stays the document's own


# ---------------------------------------------------------------------- atomicity, validation


def _assert_nothing_of(ledger: Ledger, doc: Document) -> None:
    assert not ledger.has_document(doc.doc_id)
    assert list(ledger.claims(doc_id=doc.doc_id)) == []
    assert ledger.search_documents("Idlib") == []


def test_duplicate_claim_id_rolls_back_whole_document(ledger: Ledger) -> None:
    # The second claim fails at INSERT, after the document row and first claim were written:
    # a half-written document would later be skipped as "already ingested" and lose claims.
    doc = full_document()
    claim = make_claim(doc)
    with pytest.raises(LedgerWriteError, match=claim.claim_id):
        ledger.add(doc, [claim, claim])
    _assert_nothing_of(ledger, doc)
    assert all(n == 0 for n in all_counts(ledger).values())
    assert ledger.add(doc, [claim]) is True  # still usable, and the retry really adds it


def test_claim_id_taken_by_another_document_rolls_back(ledger: Ledger) -> None:
    # Same failure across documents: the id collision is found only inside the transaction.
    first = make_doc("Shelling hit Aleppo on Tuesday.")
    shared = make_claim(first, claim_id="same-id")
    ledger.add(first, [shared])
    doc = full_document()
    with pytest.raises(LedgerWriteError):
        ledger.add(doc, [make_claim(doc, 1), make_claim(doc, claim_id="same-id")])
    _assert_nothing_of(ledger, doc)
    assert [c.claim_id for c in ledger.claims()] == ["same-id"]


def test_any_exception_midway_rolls_back(ledger: Ledger, monkeypatch: pytest.MonkeyPatch) -> None:
    # Not only store errors: a bug or Ctrl-C while claims are written must leave no trace, and
    # the original exception must reach the caller unchanged.
    doc = full_document()
    kind = type(ledger)
    original = kind._insert_claim  # type: ignore[attr-defined]

    def failing(self: Ledger, *args: object) -> None:
        ordinal = args[-2]  # (ordinal, claim), after the cursor on PostgreSQL
        if ordinal == 1:
            raise RuntimeError("boom")
        original(self, *args)

    monkeypatch.setattr(kind, "_insert_claim", failing)
    with pytest.raises(RuntimeError, match="boom"):
        ledger.add(doc, [make_claim(doc, 0), make_claim(doc, 1)])
    _assert_nothing_of(ledger, doc)
    monkeypatch.undo()
    assert ledger.add(doc, [make_claim(doc, 0), make_claim(doc, 1)]) is True
    assert count(ledger, "claims") == 2


def test_claim_of_another_document_is_refused(ledger: Ledger) -> None:
    # Offsets only make sense in their own document; storing a claim under the wrong one would
    # point evidence at the wrong sentence.
    doc = full_document()
    other = make_doc("Another article entirely.")
    stray = make_claim(other)
    with pytest.raises(ClaimMismatch) as info:
        ledger.add(doc, [make_claim(doc), stray])
    assert isinstance(info.value, LedgerError)
    assert other.doc_id in str(info.value) and doc.doc_id in str(info.value)
    assert str(info.value).startswith("claim does not belong to the document")
    _assert_nothing_of(ledger, doc)


# ---------------------------------------------------------------------- full-text search


def test_search_documents_finds_text_and_title_words(ledger: Ledger) -> None:
    # Users find articles by words in them; the snippet shows where the word stands.
    doc = full_document()
    ledger.add(doc, [])
    ledger.add(make_doc("Shelling hit Aleppo on Tuesday."), [])
    hits = ledger.search_documents("civilians")
    assert [hit.doc_id for hit in hits] == [doc.doc_id]
    assert "[civilians]" in hits[0].snippet
    assert [h.doc_id for h in ledger.search_documents("denies")] == [doc.doc_id]  # title only
    assert [h.doc_id for h in ledger.search_documents('"al-Numan"')] == [doc.doc_id]
    assert len(ledger.search_documents("strike")) == 1  # stemming: "strikes" in the title
    assert ledger.search_documents("Homs") == []
    assert ledger.search_documents("Tuesday OR civilians", limit=1)[0].doc_id in {
        d.doc_id for d in ledger.documents()
    }
    assert len(ledger.search_documents("Tuesday OR civilians")) == 2


def test_search_claims_finds_evidence_claimant_and_place(ledger: Ledger) -> None:
    # Claims are searched by their own texts, not the whole article: a word from the evidence,
    # the normalised claimant or the geocoded province must find the claim, and only it.
    doc = full_document()
    full = full_claim(doc)
    plain = make_claim(doc, 1)
    ledger.add(doc, [full, plain])
    assert ledger.search_claims("Maarat") == [full]
    assert ledger.search_claims("Observatory") == [full]  # claimant.actor, not in the text
    assert ledger.search_claims("Aerospace") == [full]  # perpetrator.actor
    assert ledger.search_claims("strike") == [plain]
    assert ledger.search_claims("Homs") == []


@pytest.mark.parametrize("query", ['"unbalanced', "al-Nusra", "AND", "idlib)", "", "   "])
def test_malformed_query_gives_clear_error(ledger: Ledger, query: str) -> None:
    # A typo in a search must give the user a readable message (with a hint), never a raw
    # sqlite3 traceback.  PostgreSQL's web-search syntax reads any text (an unbalanced quote,
    # a lone operator): there only an empty query is refused.
    if not isinstance(ledger, SqliteLedger) and query.strip():
        ledger.search_documents(query)  # read as words, whatever it holds
        ledger.search_claims(query)
        return
    ledger.add(full_document(), [full_claim(full_document())])
    for search in (ledger.search_documents, ledger.search_claims):
        with pytest.raises(BadQuery) as info:
            search(query)
        assert isinstance(info.value, LedgerError)
        assert not isinstance(info.value, sqlite3.Error)
        assert str(info.value).startswith("malformed search query")


# ---------------------------------------------------------------------- files, modes, concurrency


def test_file_ledger_uses_wal(tmp_path: Path) -> None:
    # WAL lets readers (exports, the CLI) run while ingest writes.
    path = tmp_path / "ledger.db"
    with SqliteLedger(path) as led:
        assert led._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert led._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert led._conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert led.meta == {"schema_version": str(SCHEMA_VERSION), "extractor_version": EXTRACTOR_VERSION}
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # persistent
    raw.close()


def test_readonly_refuses_writes(tmp_path: Path) -> None:
    # Read-only opens (e.g. a dashboard) must never modify the ledger, through our API or not.
    path = tmp_path / "ledger.db"
    doc = full_document()
    with SqliteLedger(path) as led:
        led.add(doc, [full_claim(doc)])
    with SqliteLedger(path, readonly=True) as ro:
        assert ro.document(doc.doc_id) == doc
        other = make_doc("Shelling hit Aleppo on Tuesday.")
        with pytest.raises(LedgerReadOnly):
            ro.add(other, [])
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            ro._conn.execute("DELETE FROM claims")
    with SqliteLedger(path, readonly=True) as ro:
        assert ro.stats().claims == 1


def test_readonly_reads_while_another_connection_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A reader must neither block on nor see a writer's uncommitted document; once committed,
    # it appears to the same reader.
    path = tmp_path / "ledger.db"
    first, second = make_doc("Shelling hit Aleppo on Tuesday."), full_document()
    with SqliteLedger(path) as writer:
        writer.add(first, [make_claim(first)])
        ro = SqliteLedger(path, readonly=True)
        seen_midway: list[list[str]] = []
        original = SqliteLedger._insert_claim

        def reading(self: SqliteLedger, ordinal: int, claim: Claim) -> None:
            original(self, ordinal, claim)
            if self is writer:  # the writer holds its write transaction open right now
                seen_midway.append([d.doc_id for d in ro.documents()])
                seen_midway.append([c.claim_id for c in ro.claims()])

        monkeypatch.setattr(SqliteLedger, "_insert_claim", reading)
        assert writer.add(second, [full_claim(second)]) is True
        assert seen_midway == [[first.doc_id], [make_claim(first).claim_id]]
        assert [d.doc_id for d in ro.documents()] == [first.doc_id, second.doc_id]
        ro.close()


def test_opening_bad_paths_gives_ledger_errors(tmp_path: Path) -> None:
    # Wrong paths are user errors: they must come out as a one-line counterclaim error.
    with pytest.raises(LedgerError):
        SqliteLedger(tmp_path / "missing.db", readonly=True)
    with pytest.raises(LedgerError):
        SqliteLedger(tmp_path / "no" / "such" / "dir.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"definitely not sqlite " * 100)
    with pytest.raises(NotALedger):
        SqliteLedger(junk)
    other = tmp_path / "other.db"
    raw = sqlite3.connect(other)
    raw.execute("CREATE TABLE t (x)")
    raw.close()
    with pytest.raises(NotALedger):  # never add our tables to somebody else's database
        SqliteLedger(other)
    with pytest.raises(LedgerError):
        SqliteLedger(":memory:", readonly=True)


def test_schema_version_guard(tmp_path: Path) -> None:
    # An older counterclaim must not write into (and corrupt) a ledger laid out by a newer one.
    path = tmp_path / "ledger.db"
    SqliteLedger(path).close()
    raw = sqlite3.connect(path)
    with raw:
        raw.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    raw.close()
    for readonly in (False, True):
        with pytest.raises(LedgerVersionError) as info:
            SqliteLedger(path, readonly=readonly)
        message = str(info.value)
        assert isinstance(info.value, CounterclaimError)
        assert f"schema version {SCHEMA_VERSION + 1}" in message and f"up to {SCHEMA_VERSION}" in message


# ---------------------------------------------------------------------- filters and stats


def _populate(ledger: Ledger) -> tuple[Sequence[Document], dict[str, Claim]]:
    a, b = make_doc("First article."), make_doc("Second article.")
    claims = {
        "a0": make_claim(
            a, 0, actor="Russian Ministry of Defence", actor_type="state_military", stance="denies"
        ),
        "a1": make_claim(a, 1, actor="SOHR", actor_type="monitor", event_type="airstrike"),
        "a2": make_claim(a, 2, actor="SOHR", actor_type="monitor", event_type="shelling"),
        "b0": make_claim(b, 0, actor=None, actor_type="media", event_type="sorties"),
        "b1": make_claim(b, 1, actor="Russian Ministry of Defence", actor_type="state_military"),
    }
    ledger.add(a, [claims["a0"], claims["a1"], claims["a2"]])
    ledger.add(b, [claims["b0"], claims["b1"]])
    return (a, b), claims


def test_claim_filters(ledger: Ledger) -> None:
    # The CLI and exporters select claims by these columns; each filter must pick exactly the
    # matching claims, filters must combine with AND, and the order must stay stable.
    (a, b), c = _populate(ledger)

    def ids(**filters: object) -> list[Claim]:
        return list(ledger.claims(**filters))  # type: ignore[arg-type]

    assert ids() == [c["a0"], c["a1"], c["a2"], c["b0"], c["b1"]]
    assert ids(doc_id=b.doc_id) == [c["b0"], c["b1"]]
    assert ids(actor="SOHR") == [c["a1"], c["a2"]]
    assert ids(actor="russian ministry of defence") == [c["a0"], c["b1"]]  # ASCII case ignored
    assert ids(actor_type="media") == [c["b0"]]
    assert ids(stance="denies") == [c["a0"]]
    assert ids(event_type="shelling") == [c["a2"]]
    assert ids(actor_type="state_military", stance="asserts") == [c["b1"]]
    assert ids(actor="SOHR", doc_id=b.doc_id) == []
    assert ids(limit=2) == [c["a0"], c["a1"]]
    assert ids(event_type="airstrike", limit=1) == [c["a0"]]
    assert ids(limit=0) == []
    with pytest.raises(ValueError):
        ledger.claims(limit=-1)


def test_stats(ledger: Ledger) -> None:
    # `stats` is the ledger summary users see after ingest; the numbers must be the real counts.
    (a, _), _ = _populate(ledger)
    ledger.add(make_doc("First article.", source_path="mirror.txt"), [])  # a sighting of a
    stats = ledger.stats()
    assert stats == LedgerStats(
        documents=2,
        claims=5,
        sightings=1,
        incidents=0,  # nothing grouped yet (grouping.update has not run)
        contradictions=0,
        corroborations=0,
        by_stance={"asserts": 4, "denies": 1},
        by_event_type={"airstrike": 3, "shelling": 1, "sorties": 1},
        by_actor_type={"monitor": 2, "state_military": 2, "media": 1},
    )
    # most frequent first, ties in name order
    assert list(stats.by_actor_type) == ["monitor", "state_military", "media"]
    with SqliteLedger(":memory:") as empty:
        assert empty.stats() == LedgerStats(
            documents=0, claims=0, sightings=0, incidents=0, contradictions=0, corroborations=0,
            by_stance={}, by_event_type={}, by_actor_type={},
        )
