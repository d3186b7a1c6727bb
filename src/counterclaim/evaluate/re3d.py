"""Measured on reports nobody here wrote: places, times and quantities against re3d's analysts.

re3d (Dstl; the openly licensed part ships in ``data/corpus/re3d/``: CENTCOM strike reports,
UK and US government statements, Australian foreign-ministry statements) annotates entities
with character spans.  The measure is the one the corpus README defines:

* **recall** per unique (document, type, lower-cased value) of gold entities with confidence
  >= 0.5 of the types Location, Temporal and Quantity: an entity is recalled when some claim of
  that document carries a place / time / quantity span whose text overlaps the gold value as a
  string (one contains the other, ignoring case);
* **precision**: the share of the claims' place / time / quantity spans (unique per document,
  type and lower-cased text) that match a gold entity of that type in their document;
* the documents that yield no claim, and claims per document.

A claim's place spans are its place mentions (``locations``, datelines included, since the
annotators mark those too) and the sites it says were hit (``sites``: "a fighting position",
"an ISIL-held building", which the annotators mark as locations too); its time spans are ``time``, ``stated_on`` and ``times``; its quantity spans
are its quantities.  Not every annotated entity belongs to a claim (a policy statement names
places with no violence in it), so recall here is not expected to reach 1.
"""

from __future__ import annotations

import importlib.resources
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Claim, RawRecord
from ..pipeline import Extractor

#: re3d entity type -> the claim field it is compared with
KINDS: dict[str, str] = {"Location": "place", "Temporal": "time", "Quantity": "quantity"}
MIN_CONFIDENCE = 0.5


def corpus_dir() -> Path:
    """The bundled re3d subset."""
    return Path(str(importlib.resources.files("counterclaim.data.corpus"))) / "re3d"


@dataclass(frozen=True, slots=True)
class GoldDocument:
    doc_id: str
    source: str
    title: str
    text: str
    url: str | None
    #: (kind, lower-cased value) of the entities that count
    gold: frozenset[tuple[str, str]]


def _json_lines(path: Path) -> Iterator[dict[str, object]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def load(root: Path | None = None) -> list[GoldDocument]:
    """Every document of every source folder under ``root``, with its gold entities."""
    root = root or corpus_dir()
    out: list[GoldDocument] = []
    for folder in sorted(p for p in root.iterdir() if (p / "documents.json").exists()):
        gold: dict[str, set[tuple[str, str]]] = {}
        for e in _json_lines(folder / "entities.json"):
            kind = KINDS.get(str(e["type"]))
            if kind is None or float(str(e.get("confidence", 0))) < MIN_CONFIDENCE:
                continue
            gold.setdefault(str(e["documentId"]), set()).add((kind, str(e["value"]).casefold().strip()))
        for d in _json_lines(folder / "documents.json"):
            doc_id = str(d["_id"])
            out.append(GoldDocument(doc_id, folder.name, str(d.get("title") or ""), str(d["text"]),
                                    str(d["sourceUrl"]) if d.get("sourceUrl") else None,
                                    frozenset(gold.get(doc_id, ()))))
    return out


def claim_spans(claims: Iterable[Claim]) -> set[tuple[str, str]]:
    """(kind, lower-cased text) of every place, time and quantity span the claims carry."""
    spans: set[tuple[str, str]] = set()
    for c in claims:
        for loc in (*c.locations, *((c.location,) if c.location is not None else ()), *c.sites):
            if loc.text:
                spans.add(("place", loc.text.casefold().strip()))
        for t in (c.time, c.stated_on, *c.times):
            if t is not None and t.text:
                spans.add(("time", t.text.casefold().strip()))
        for q in c.quantities:
            spans.add(("quantity", q.text.casefold().strip()))
    return spans


def _overlaps(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a in b or b in a)


@dataclass
class Re3dReport:
    documents: int = 0
    no_claims: int = 0
    claims: int = 0
    gold: Counter[str] = field(default_factory=Counter)
    recalled: Counter[str] = field(default_factory=Counter)
    spans: Counter[str] = field(default_factory=Counter)
    matched: Counter[str] = field(default_factory=Counter)
    #: per source folder: documents and documents with no claim
    by_source: Counter[tuple[str, str]] = field(default_factory=Counter)

    def recall(self, kind: str) -> float:
        return self.recalled[kind] / self.gold[kind] if self.gold[kind] else 0.0

    def precision(self, kind: str) -> float:
        return self.matched[kind] / self.spans[kind] if self.spans[kind] else 0.0


def score(report: Re3dReport, doc: GoldDocument, claims: list[Claim]) -> None:
    """Add one document's claims to the report."""
    report.documents += 1
    report.claims += len(claims)
    report.by_source[(doc.source, "documents")] += 1
    if not claims:
        report.no_claims += 1
        report.by_source[(doc.source, "no claim")] += 1
    spans = claim_spans(claims)
    for kind, value in doc.gold:
        report.gold[kind] += 1
        if any(k == kind and _overlaps(value, s) for k, s in spans):
            report.recalled[kind] += 1
    for kind, s in spans:
        report.spans[kind] += 1
        if any(k == kind and _overlaps(value, s) for k, value in doc.gold):
            report.matched[kind] += 1


def eval_re3d(extractor: Extractor, root: Path | None = None) -> Re3dReport:
    """Run the extractor over the re3d documents (no publication date given: real inputs mostly
    come without one) and score its claims."""
    docs = load(root)
    by_id = {d.doc_id: d for d in docs}
    records = [RawRecord(raw=d.text, source_path=f"re3d/{d.source}", source_id=d.doc_id, title=d.title or None,
                         url=d.url, kind="extracted") for d in docs]
    report = Re3dReport()
    seen: set[str] = set()
    for result in extractor.run(records):
        doc = by_id[result.label.split("#", 1)[1]]
        seen.add(doc.doc_id)
        score(report, doc, list(result.claims))
    for doc in docs:  # an input the extractor refused still counts, with no claim
        if doc.doc_id not in seen:
            score(report, doc, [])
    return report


def format_re3d(report: Re3dReport) -> str:
    lines = [
        f"re3d documents: {report.documents}; with no claim: {report.no_claims}; "
        f"claims: {report.claims} ({report.claims / max(report.documents, 1):.1f} a document)",
        "",
        f"{'kind':<10} {'recall':>18} {'precision':>18}",
    ]
    for kind in ("place", "time", "quantity"):
        lines.append(
            f"{kind:<10} {report.recall(kind):>6.3f} ({report.recalled[kind]:>3}/{report.gold[kind]:<3})"
            f"     {report.precision(kind):>6.3f} ({report.matched[kind]:>3}/{report.spans[kind]:<3})"
        )
    lines.append("")
    for source in sorted({s for s, _ in report.by_source}):
        lines.append(f"{source}: {report.by_source[(source, 'documents')]} documents, "
                     f"{report.by_source[(source, 'no claim')]} with no claim")
    return "\n".join(lines)


__all__ = ["KINDS", "GoldDocument", "Re3dReport", "claim_spans", "corpus_dir", "eval_re3d", "format_re3d", "load", "score"]
