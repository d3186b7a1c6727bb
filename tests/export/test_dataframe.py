"""The ledger as pandas DataFrames."""

from __future__ import annotations

import pytest

from counterclaim.export.claims_csv import CLAIM_EXPORT_COLUMNS
from counterclaim.export.dataframe import to_dataframe
from counterclaim.ledger import Ledger

from .helpers import sohr_idlib


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
