"""Measured, not assumed: how well places resolve.

:func:`eval_fakes` runs the extractor over FA-KES's credible rows (``labels == 1``).  For each
article it takes the governorate most of its claims point to and compares it with the row's
``location`` label; a label of "damascus" accepts Damascus or Rif Dimashq.  A baseline that only
counts governorate names in the text is reported beside it.

:func:`places_report` counts place mentions by precision and lists the names that stayed
unknown, most frequent first: the to-do list for the gazetteer.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..knowledge.gazetteer import Gazetteer
from ..model import Claim, RawRecord
from ..pipeline import Extractor, Result
from ..resolve.places import governorate_patterns

#: FA-KES ``location`` labels -> the governorates that count as a match
FAKES_LABELS: dict[str, frozenset[str]] = {
    "aleppo": frozenset({"Aleppo"}),
    "damascus": frozenset({"Damascus", "Rif Dimashq"}),
    "idlib": frozenset({"Idlib"}),
    "deir ezzor": frozenset({"Deir ez-Zor"}),
    "raqqa": frozenset({"Raqqa"}),
    "homs": frozenset({"Homs"}),
    "hasakeh": frozenset({"Hasakah"}),
    "hama": frozenset({"Hama"}),
    "daraa": frozenset({"Daraa"}),
    "lattakia": frozenset({"Latakia"}),
    "quneitra": frozenset({"Quneitra"}),
    "tartous": frozenset({"Tartus"}),
}
NONE = "(none)"


@dataclass
class FakesReport:
    rows: int = 0
    correct: int = 0
    baseline_correct: int = 0
    #: (label, predicted governorate or "(none)") -> count
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def accuracy(self) -> float:
        return self.correct / self.rows if self.rows else 0.0

    @property
    def baseline(self) -> float:
        return self.baseline_correct / self.rows if self.rows else 0.0


def article_governorate(claims: Iterable[Claim]) -> str | None:
    """The governorate most of the article's claims point to; a tie goes to the governorate
    the earliest of the tied claims names (news puts the main place in the lead)."""
    counts: Counter[str] = Counter()
    for c in claims:
        if c.location is not None and c.location.admin1:
            govs = {c.location.admin1}
        else:  # several provinces: the claim points to each
            govs = {m.admin1 for m in c.locations if m.admin1}
        for g in govs:
            counts[g] += 1
    return counts.most_common(1)[0][0] if counts else None


def name_count_governorate(text: str, gaz: Gazetteer) -> str | None:
    """Baseline: the governorate whose name (any spelling) appears most often in the text."""
    best, best_n = None, 0
    for name, pattern in governorate_patterns(gaz):
        n = len(pattern.findall(text))
        if n > best_n:
            best, best_n = name, n
    return best


def fakes_rows(path: Path, *, credible_only: bool = True) -> Iterator[tuple[RawRecord, str]]:
    """FA-KES rows as records with their location label."""
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if credible_only and row.get("labels") != "1":
                continue
            rec = RawRecord(raw=row["article_content"], source_path=str(path), source_id=row["unit_id"],
                            title=row.get("article_title") or None, outlet=row.get("source") or None, kind="extracted")
            yield rec, row["location"].strip().lower()


def eval_fakes(extractor: Extractor, path: Path, gaz: Gazetteer, *, limit: int | None = None) -> FakesReport:
    rows = list(fakes_rows(path))[:limit]
    labels = {r.source_id: label for r, label in rows}
    report = FakesReport()
    for result in extractor.run(r for r, _ in rows):
        if result.document is None:
            continue
        label = labels[result.document.source_id]
        accepted = FAKES_LABELS.get(label, frozenset())
        got = article_governorate(result.claims)
        base = name_count_governorate(result.document.text, gaz)
        report.rows += 1
        report.correct += got in accepted
        report.baseline_correct += base in accepted
        report.confusion[(label, got or NONE)] += 1
    return report


def format_fakes(report: FakesReport) -> str:
    labels = sorted({lab for lab, _ in report.confusion})
    preds = sorted({p for _, p in report.confusion}, key=lambda p: (p == NONE, p))
    lines = [
        f"FA-KES credible rows: {report.rows}",
        f"governorate of most claims matches the label: {report.correct}/{report.rows} = {report.accuracy:.3f}",
        f"baseline, counting governorate names in the text: {report.baseline_correct}/{report.rows} = {report.baseline:.3f}",
        "",
        "confusion (rows: label; columns: predicted governorate)",
    ]
    short = {p: p[:8] for p in preds}
    lines.append("label".ljust(12) + "".join(short[p].rjust(9) for p in preds))
    for lab in labels:
        lines.append(lab[:12].ljust(12) + "".join(str(report.confusion.get((lab, p), "") or ".").rjust(9) for p in preds))
    return "\n".join(lines)


@dataclass
class PlacesReport:
    mentions: int = 0
    by_precision: Counter[str] = field(default_factory=Counter)
    unknown: Counter[str] = field(default_factory=Counter)
    notes: Counter[str] = field(default_factory=Counter)


def places_report(results: Iterable[Result] | Iterable[Claim]) -> PlacesReport:
    rep = PlacesReport()
    for item in results:
        claims = item.claims if isinstance(item, Result) else (item,)
        for c in claims:
            for m in c.locations:
                rep.mentions += 1
                rep.by_precision[m.precision] += 1
                if m.precision == "unknown":
                    rep.unknown[m.text] += 1
                    if m.note:
                        rep.notes[m.note] += 1
    return rep


def format_places(rep: PlacesReport, top: int = 40) -> str:
    lines = [f"place mentions: {rep.mentions}"]
    for p in ("point", "near", "admin1", "country", "unknown"):
        n = rep.by_precision.get(p, 0)
        share = n / rep.mentions if rep.mentions else 0.0
        lines.append(f"  {p:8} {n:6}  {share:6.1%}")
    if rep.notes:
        lines.append("why unknown:")
        lines += [f"  {n:6}  {note}" for note, n in rep.notes.most_common()]
    lines.append(f"names that stayed unknown, most frequent first (top {top}):")
    lines += [f"  {n:6}  {name}" for name, n in rep.unknown.most_common(top)]
    return "\n".join(lines)
