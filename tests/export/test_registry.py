"""The export registry: its formats, and every tabular export read back."""

from __future__ import annotations

import csv
import io

import pytest

from counterclaim.export.acled import ACLED_COLUMNS
from counterclaim.export.claims_csv import CLAIM_EXPORT_COLUMNS
from counterclaim.export.records import write_claims
from counterclaim.export.registry import EXPORT_FORMATS, write_export
from counterclaim.export.ucdp import UCDP_COLUMNS
from counterclaim.ledger import Ledger

from .helpers import export


def test_formats_and_unknown_format(seed: Ledger) -> None:
    assert EXPORT_FORMATS == ("jsonl", "csv", "geojson", "acled", "ucdp")
    with pytest.raises(ValueError, match="unknown export format 'kml'.*jsonl, csv, geojson, acled, ucdp"):
        write_export(seed, io.StringIO(), "kml")


def test_claim_writer_still_writes_the_old_formats(seed: Ledger) -> None:
    claims = list(seed.claims())
    out = io.StringIO()
    assert write_claims(claims, out, "csv") == len(claims)
    assert out.getvalue().splitlines()[0].split(",")[:2] == ["claim_id", "doc_id"]


def test_every_tabular_export_reads_back_with_csv_module(seed: Ledger) -> None:
    for fmt, columns in (("csv", CLAIM_EXPORT_COLUMNS), ("acled", ACLED_COLUMNS), ("ucdp", UCDP_COLUMNS)):
        text, n, _ = export(seed, fmt)
        rows = list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == n and tuple(rows[0]) == columns
