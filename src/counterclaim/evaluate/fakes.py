"""Measured, not assumed: how well places and dates resolve.

:func:`eval_fakes` runs the extractor over FA-KES's credible rows (``labels == 1``), with the
row's date withheld (the CSV's date never reaches the extractor: real inputs mostly come
without one).  For each article it takes the governorate most of its claims point to and
compares it with the row's ``location`` label; a label of "damascus" accepts Damascus or Rif
Dimashq.  A baseline that only counts governorate names in the text is reported beside it.  The
*first answer* is measured too: the governorate of the article's main event
(:mod:`counterclaim.resolve.main_event`) against the label, and the article's date (the main
event's window, see :func:`article_window`) against the row's date, +-1 day.
:func:`eval_fakes_dates` measures the date with the column withheld and with it given.

:func:`places_report` counts place mentions by precision and lists the names that stayed
unknown, most frequent first: the to-do list for the gazetteer.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import datetime as dt

from ..knowledge.gazetteer import Gazetteer
from ..model import Claim, Document, RawRecord
from ..pipeline import Extractor, Result
from ..read.formats import iso_date
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
class DateScore:
    """The article's date against the row's, +-1 day."""

    rows: int = 0
    #: articles the tool gave a date for, and those whose date holds the label (+-1 day)
    answered: int = 0
    correct: int = 0
    #: where the answers came from: "event" (the main event's own time) or "published"
    sources: Counter[str] = field(default_factory=Counter)
    right_by_source: Counter[str] = field(default_factory=Counter)

    @property
    def accuracy(self) -> float:
        return self.correct / self.rows if self.rows else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.answered if self.answered else 0.0

    def add(self, label: dt.date | None, window: tuple[dt.date, dt.date, str] | None) -> None:
        self.rows += 1
        if window is None:
            return
        start, end, source = window
        self.answered += 1
        self.sources[source] += 1
        if label is not None and start - dt.timedelta(days=1) <= label <= end + dt.timedelta(days=1):
            self.correct += 1
            self.right_by_source[source] += 1


@dataclass
class FakesReport:
    rows: int = 0
    correct: int = 0
    baseline_correct: int = 0
    #: (label, predicted governorate or "(none)") -> count
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    #: the first answer: the main event's governorate (answered: it has one)
    main_answered: int = 0
    main_correct: int = 0
    #: the article's date with the row's date withheld
    dates: DateScore = field(default_factory=DateScore)

    @property
    def accuracy(self) -> float:
        return self.correct / self.rows if self.rows else 0.0

    @property
    def baseline(self) -> float:
        return self.baseline_correct / self.rows if self.rows else 0.0

    @property
    def main_accuracy(self) -> float:
        return self.main_correct / self.rows if self.rows else 0.0


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


def main_claim(document: Document | None, claims: Iterable[Claim]) -> Claim | None:
    """The document's main event claim (None when it has none)."""
    if document is None or document.main_event is None:
        return None
    return next((c for c in claims if c.claim_id == document.main_event), None)


def main_governorate(claim: Claim | None) -> str | None:
    """The governorate of a claim: its place's, or the one governorate its places name."""
    if claim is None:
        return None
    if claim.location is not None and claim.location.admin1:
        return claim.location.admin1
    govs = {m.admin1 for m in claim.locations if m.admin1}
    return govs.pop() if len(govs) == 1 else None


#: the widest window of the main event's own time that still counts as a date
DATE_DAYS = 7


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def article_window(document: Document | None, claim: Claim | None) -> tuple[dt.date, dt.date, str] | None:
    """The article's date as a window, and where it came from: the main event's own time when
    it is resolved and at most :data:`DATE_DAYS` days wide ("event"); else the publication date
    the report gives ("published": an undated event is reported on the day it happened, or the
    day after); else None."""
    t = claim.time if claim is not None else None
    start, end = (_day(t.start), _day(t.end)) if t is not None else (None, None)
    if start is not None and end is not None and (end - start).days < DATE_DAYS:
        return start, end, "event"
    pub = _day(document.published) if document is not None else None
    return (pub, pub, "published") if pub is not None else None


def name_count_governorate(text: str, gaz: Gazetteer) -> str | None:
    """Baseline: the governorate whose name (any spelling) appears most often in the text."""
    best, best_n = None, 0
    for name, pattern in governorate_patterns(gaz):
        n = len(pattern.findall(text))
        if n > best_n:
            best, best_n = name, n
    return best


def fakes_rows(path: Path, *, credible_only: bool = True, with_dates: bool = False) -> Iterator[tuple[RawRecord, str]]:
    """FA-KES rows as records with their location label.  The row's date reaches the record
    (as its publication date) only ``with_dates``."""
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if credible_only and row.get("labels") != "1":
                continue
            rec = RawRecord(raw=row["article_content"], source_path=str(path), source_id=row["unit_id"],
                            title=row.get("article_title") or None, outlet=row.get("source") or None, kind="extracted",
                            published=iso_date(row.get("date") or "") if with_dates else None)
            yield rec, row["location"].strip().lower()


def fakes_dates(path: Path, *, credible_only: bool = True) -> dict[str, dt.date | None]:
    """The labelled date of each FA-KES row, by its id."""
    with open(path, newline="", encoding="utf-8") as f:
        return {row["unit_id"]: _day(iso_date(row.get("date") or ""))
                for row in csv.DictReader(f) if not credible_only or row.get("labels") == "1"}


def eval_fakes(extractor: Extractor, path: Path, gaz: Gazetteer, *, limit: int | None = None) -> FakesReport:
    """Governorates (of most claims, and of the main event) and the article's date, with the
    row's date withheld from the extractor."""
    rows = list(fakes_rows(path))[:limit]
    labels = {r.source_id: label for r, label in rows}
    days = fakes_dates(path)
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
        main = main_claim(result.document, result.claims)
        first = main_governorate(main)
        report.main_answered += first is not None
        report.main_correct += first in accepted
        report.dates.add(days.get(result.document.source_id or ""), article_window(result.document, main))
    return report


def eval_fakes_dates(extractor: Extractor, path: Path, *, given: bool, limit: int | None = None) -> DateScore:
    """The article's date (:func:`article_window`) against the row's date, +-1 day, with the
    date column withheld from the extractor (``given`` False) or given as publication date."""
    rows = list(fakes_rows(path, with_dates=given))[:limit]
    days = fakes_dates(path)
    score = DateScore()
    for result in extractor.run(r for r, _ in rows):
        if result.document is not None:
            main = main_claim(result.document, result.claims)
            score.add(days.get(result.document.source_id or ""), article_window(result.document, main))
    return score


def format_dates(score: DateScore, how: str) -> str:
    """One block of lines for a date measure."""
    by = ", ".join(f"{src} {score.right_by_source[src]}/{n}" for src, n in sorted(score.sources.items()))
    return (
        f"article date ({how}): right (+-1 day) {score.correct}/{score.rows} = {score.accuracy:.3f}; "
        f"answered {score.answered}/{score.rows}; right when it answers {score.precision:.3f}"
        + (f"\n  answers from: {by}" if by else "")
    )


def format_fakes(report: FakesReport) -> str:
    labels = sorted({lab for lab, _ in report.confusion})
    preds = sorted({p for _, p in report.confusion}, key=lambda p: (p == NONE, p))
    lines = [
        f"FA-KES credible rows: {report.rows}",
        f"governorate of most claims matches the label: {report.correct}/{report.rows} = {report.accuracy:.3f}",
        f"baseline, counting governorate names in the text: {report.baseline_correct}/{report.rows} = {report.baseline:.3f}",
        f"first answer, the main event's governorate: {report.main_correct}/{report.rows} = {report.main_accuracy:.3f} "
        f"(answered {report.main_answered}; right when it answers "
        f"{report.main_correct / report.main_answered if report.main_answered else 0.0:.3f})",
        format_dates(report.dates, "date column withheld"),
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
