"""The same input gives the same ledger on both backends: every export format, the incidents, the
contradictions and the searches a person runs, from SQLite and from PostgreSQL, byte for byte."""

from __future__ import annotations

import io

import pytest

from counterclaim.export.registry import EXPORT_FORMATS, write_export
from counterclaim.group.update import update
from counterclaim.ledger import Ledger, open_ledger
from counterclaim.pipeline import Result
from tests.conftest import add_seeds


def _filled(ledger: Ledger, seed_results: dict[str, Result]) -> Ledger:
    add_seeds(ledger, seed_results)
    add_seeds(ledger, seed_results)  # a second ingest of the same texts adds nothing
    update(ledger)
    return ledger


def _everything(ledger: Ledger) -> dict[str, object]:
    out: dict[str, object] = {}
    for fmt in EXPORT_FORMATS:
        buf = io.StringIO()
        write_export(ledger, buf, fmt)
        out[fmt] = buf.getvalue()
    out["incidents"] = list(ledger.incidents())
    out["contradictions"] = list(ledger.contradictions())
    out["corroborations"] = ledger.corroborations()
    out["claims"] = list(ledger.claims())
    out["documents"] = list(ledger.documents())
    out["stats"] = ledger.stats()
    out["states"] = list(ledger.incident_states())
    # the same claims are found; each store ranks them by its own relevance (FTS5's bm25,
    # PostgreSQL's ts_rank), so the order may differ where the two weigh words differently
    out["words"] = sorted(c.claim_id for c in ledger.search_claims('killed "Idlib"', syntax="words"))
    return out


@pytest.mark.slow
def test_same_input_gives_the_same_exports_from_both_backends(pg_url: str, seed_results: dict[str, Result]) -> None:
    with open_ledger(":memory:") as lite, open_ledger(pg_url) as pg:
        expected = _everything(_filled(lite, seed_results))
        found = _everything(_filled(pg, seed_results))
    assert expected["jsonl"] and expected["incidents"] and expected["contradictions"]  # something to compare
    for key, value in expected.items():
        assert found[key] == value, key
