"""Helpers the export tests share."""

from __future__ import annotations

import io
from typing import Any

from counterclaim.export.registry import write_export
from counterclaim.export.selection import ExportStats
from counterclaim.ledger import Ledger
from counterclaim.model import Incident

#: Syria's bounding box, generously: longitude 35.5..42.5 E, latitude 32.0..37.5 N
SYRIA_LON, SYRIA_LAT = (35.5, 42.5), (32.0, 37.5)


def export(ledger: Ledger, fmt: str, **filters: Any) -> tuple[str, int, ExportStats]:
    out, stats = io.StringIO(), ExportStats()
    n = write_export(ledger, out, fmt, stats=stats, **filters)
    assert stats.written == n
    return out.getvalue(), n, stats


def incident_with(ledger: Ledger, claimant: str, place: str) -> Incident:
    """The one incident a claimant speaks of at a place (by the incident location's name)."""
    found = [
        inc for inc in ledger.incidents(claimant=claimant)
        if inc.location is not None and place in (inc.location.name or "")
    ]
    assert len(found) == 1, found
    return found[0]


def sohr_idlib(seed: Ledger) -> Incident:
    """Seed 004's incident: SOHR's airstrikes on Idlib on 2017-02-07 (SOHR is in another Idlib
    incident too, seed 001's in September 2017)."""
    found = list(seed.incidents(claimant="Syrian Observatory for Human Rights", admin1="Idlib",
                                since="2017-02-07", until="2017-02-07"))
    assert len(found) == 1, found
    return found[0]


def maarat(conflict: Ledger) -> Incident:
    return incident_with(conflict, "Syria Civil Defence", "Nu")


def by_id(rows: list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    return {r[key]: r for r in rows}


def blank_to_none(row: dict[str, object]) -> dict[str, object]:
    """What a CSV cell can say: an empty string and a null are the same empty cell."""
    return {k: (None if v == "" else v) for k, v in row.items()}
