"""What every ledger export shares: the incidents a filter keeps (place, window, claimant), the
claims they hold, and the tally of what was written and what was left out, by reason."""

from __future__ import annotations

from .cells import spreadsheet_writer
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from ..group.tolls import incident_stance
from ..model import Claim, Incident

if TYPE_CHECKING:  # pragma: no cover
    from ..ledger.base import Ledger

@dataclass
class ExportStats:
    """What an export wrote and what it left out, by reason (for the CLI to report)."""

    written: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def line(self) -> str:
        """"wrote 11 records; skipped 2 (no coordinates: 2)"."""
        n = sum(self.skipped.values())
        if not n:
            return f"wrote {self.written} records"
        why = ", ".join(f"{reason}: {k}" for reason, k in sorted(self.skipped.items()))
        return f"wrote {self.written} records; skipped {n} ({why})"



@dataclass(frozen=True, slots=True)
class Selection:
    """The filters of an export: incidents in a governorate (``admin1``), whose window overlaps
    ``since``/``until``, where ``claimant`` speaks.  With none set, everything is selected."""

    admin1: str | None = None
    since: str | None = None
    until: str | None = None
    claimant: str | None = None

    @property
    def filtered(self) -> bool:
        return any(v is not None for v in (self.admin1, self.since, self.until, self.claimant))

    def incidents(self, ledger: Ledger) -> list[Incident]:
        return list(ledger.incidents(admin1=self.admin1, since=self.since, until=self.until, claimant=self.claimant))


def incident_claim_ids(ledger: Ledger, inc: Incident) -> list[str]:
    """Member claims, then the republished copies' claims counted under the incident."""
    return list(dict.fromkeys([*inc.claim_ids, *(lk.claim_id for lk in ledger.duplicates_in(inc.incident_id))]))



def members(ledger: Ledger, inc: Incident) -> dict[str, Claim]:
    return ledger.claims_by_id(list(inc.claim_ids))



#: builds one export row of an incident from the ledger, the incident and its member claims;
#: None when the format does not code it
IncidentRow = Callable[["Ledger", Incident, dict[str, Claim]], "dict[str, object] | None"]


def incident_rows(ledger: Ledger, row: IncidentRow, selection: Selection, stats: ExportStats) -> Iterator[dict[str, object]]:
    """The rows ``row`` builds for the selected incidents; the incidents it leaves out are counted
    in ``stats.skipped`` with the reason."""
    for inc in selection.incidents(ledger):
        claims = members(ledger, inc)
        r = row(ledger, inc, claims)
        if r is None:
            reason = "denied by every member" if incident_stance(inc, claims) == "denied" else "no date"
            stats.skipped[reason] += 1
            continue
        yield r


def write_incident_csv(
    ledger: Ledger, out: TextIO, columns: tuple[str, ...], row: IncidentRow, selection: Selection,
    stats: ExportStats | None,
) -> int:
    """One CSV row an incident, built by ``row``; returns the rows written."""
    stats = stats if stats is not None else ExportStats()
    writer = spreadsheet_writer(out, columns)  # text that would start a formula is neutralised
    writer.writeheader()
    n = 0
    for r in incident_rows(ledger, row, selection, stats):
        writer.writerow(r)
        n += 1
    stats.written += n
    return n


def join_names(*groups: Iterable[str | None]) -> str:
    return "; ".join(dict.fromkeys(n for g in groups for n in g if n and n != "(unnamed outlet)"))


__all__ = [
    "ExportStats", "IncidentRow", "Selection", "incident_claim_ids", "incident_rows", "join_names", "members",
    "write_incident_csv",
]
