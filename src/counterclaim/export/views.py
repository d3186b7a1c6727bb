"""Writing incidents and contradictions for people (a table) and for tools (JSON lines, CSV).

JSON lines carry each object whole (``to_dict``); CSV flattens it to one row with the columns
named in :data:`INCIDENT_LIST_COLUMNS` / :data:`CONTRADICTION_LIST_COLUMNS`; the table is for reading.
"""

from __future__ import annotations

from .cells import spreadsheet_writer
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .records import CSV_COLUMNS, flat_row, write_claims, write_records
from .tables import fit, terminal_width, write_table
from ..model import Claim, Contradiction, Corroboration, Incident, Link, to_dict

if TYPE_CHECKING:  # pragma: no cover
    from ..ledger.base import Ledger

VIEW_FORMATS = ("table", "jsonl", "csv")

INCIDENT_LIST_COLUMNS: tuple[str, ...] = (
    "incident_id", "event_type", "location_text", "location_name", "admin1", "country", "latitude",
    "longitude", "geo_precision", "time_text", "time_start", "time_end", "time_precision", "time_basis",
    "n_claims", "claimants", "outlets", "n_contradictions", "n_corroborations", "claim_ids",
)
CONTRADICTION_LIST_COLUMNS: tuple[str, ...] = (
    "contradiction_id", "incident_id", "kind", "same_claimant", "claimant_a", "claimant_b", "claim_a",
    "claim_b", "explanation", "note", "evidence_a", "evidence_b",
)


def incident_list_row(i: Incident) -> dict[str, object]:
    loc, t = i.location, i.time
    return {
        "incident_id": i.incident_id,
        "event_type": i.event_type,
        "location_text": loc.text if loc else "",
        "location_name": (loc.name or "") if loc else "",
        "admin1": (loc.admin1 or "") if loc else "",
        "country": (loc.country or "") if loc else "",
        "latitude": "" if loc is None or loc.lat is None else loc.lat,
        "longitude": "" if loc is None or loc.lon is None else loc.lon,
        "geo_precision": loc.precision if loc else "unknown",
        "time_text": t.text if t else "",
        "time_start": (t.start or "") if t else "",
        "time_end": (t.end or "") if t else "",
        "time_precision": t.precision if t else "unknown",
        "time_basis": i.time_basis,
        "n_claims": len(i.claim_ids),
        "claimants": "; ".join(i.claimants),
        "outlets": "; ".join(i.outlets),
        "n_contradictions": i.contradictions,
        "n_corroborations": i.corroborations,
        "claim_ids": " ".join(i.claim_ids),
    }


def contradiction_list_row(c: Contradiction) -> dict[str, object]:
    a, b = (c.claimants + ("", ""))[:2]
    ea, eb = (tuple(e.text for e in c.evidence) + ("", ""))[:2]
    ca, cb = (c.claim_ids + ("", ""))[:2]
    return {
        "contradiction_id": c.contradiction_id, "incident_id": c.incident_id, "kind": c.kind,
        "same_claimant": c.same_claimant, "claimant_a": a, "claimant_b": b, "claim_a": ca, "claim_b": cb,
        "explanation": c.explanation, "note": c.note or "", "evidence_a": ea, "evidence_b": eb,
    }


def where(i: Incident) -> str:
    loc = i.location
    if loc is None:
        return ""
    name = loc.name or loc.text
    if loc.admin1 and loc.admin1 != name:
        return f"{name} [{loc.admin1}]"
    return name if loc.precision != "country" else f"{name} (whole country)"


def when(i: Incident) -> str:
    t = i.time
    if t is None or not t.start:
        return ""
    span = t.start if t.start == t.end else f"{t.start}..{t.end}"
    return span + ("*" if i.time_basis == "published" else "")


def write_incidents(incidents: Iterable[Incident], out: TextIO, fmt: str) -> int:
    if fmt != "table":
        return write_records(incidents, out, fmt, INCIDENT_LIST_COLUMNS, incident_list_row, VIEW_FORMATS)
    n = 0
    cols = (("incident", 16), ("when", 22), ("where", 26), ("event", 13), ("claims", 6), ("!", 3))
    header = "  ".join(name.ljust(w) for name, w in cols) + "  claimants"
    out.write(header + "\n" + "-" * min(terminal_width(), len(header) + 40) + "\n")
    fixed = sum(w + 2 for _, w in cols)
    starred = False
    for i in incidents:
        cells = (i.incident_id, when(i), where(i), i.event_type, str(len(i.claim_ids)), str(i.contradictions or ""))
        starred |= i.time_basis == "published"
        out.write("  ".join(fit(v, w) for v, (_, w) in zip(cells, cols, strict=True)) + "  "
                  + fit("; ".join(i.claimants), max(20, terminal_width() - fixed)) + "\n")
        n += 1
    if starred:
        out.write("* no claim gives a time: the week before publication\n")
    out.write(f"({n} incidents; ! = contradictions)\n")
    return n


def write_contradictions(items: Iterable[Contradiction], out: TextIO, fmt: str) -> int:
    if fmt != "table":
        return write_records(items, out, fmt, CONTRADICTION_LIST_COLUMNS, contradiction_list_row, VIEW_FORMATS)
    n = 0
    width = terminal_width()
    selfs: list[Contradiction] = []
    for c in items:
        if c.same_claimant:
            selfs.append(c)
            continue
        _contradiction_block(c, out, width)
        n += 1
    if selfs:
        out.write("\nA claimant contradicting itself (or two bodies of one side):\n")
        for c in selfs:
            _contradiction_block(c, out, width)
            n += 1
    if n == 0:
        out.write("(no contradictions)\n")
    return n


def _contradiction_block(c: Contradiction, out: TextIO, width: int) -> None:
    out.write(f"- [{c.kind}] {c.explanation}  (incident {c.incident_id})\n")
    if c.note:
        out.write(f"    note: {c.note}\n")
    for name, ev in zip(c.claimants, c.evidence):
        out.write(("    " + fit(f"{name}: {ev.text}", width - 4)).rstrip() + "\n")


def write_show(
    incident: Incident,
    claims: Sequence[Claim],
    contradictions: Sequence[Contradiction],
    corroborations: Sequence[Corroboration],
    covered_by: Sequence[Claim],
    duplicates: Sequence[tuple[Claim, Link]],
    out: TextIO,
    fmt: str,
) -> int:
    """One incident whole: what it is, who says what, the claims and why each is there, the
    contradictions, corroborations, the republished copies and the summaries that cover it."""
    links = {lk.claim_id: lk for lk in incident.links}
    if fmt == "jsonl":
        records: list[tuple[str, object]] = [("incident", incident)]
        records += [("claim", c) for c in claims]
        records += [("contradiction", c) for c in contradictions]
        records += [("corroboration", c) for c in corroborations]
        records += [("covered_by", c) for c in covered_by]
        records += [("duplicate", c) for c, _ in duplicates]
        for kind, obj in records:
            out.write(json.dumps({"record": kind, **to_dict(obj)}, ensure_ascii=False) + "\n")
        return len(records)
    if fmt == "csv":
        cols = ["incident_id", "role", "link_to", "link_score", "link_reason", *CSV_COLUMNS]
        w = spreadsheet_writer(out, cols)  # text that would start a formula is neutralised
        w.writeheader()
        rows = [(c, links.get(c.claim_id), "member") for c in claims]
        rows += [(c, lk, "duplicate") for c, lk in duplicates]
        rows += [(c, None, "covered_by") for c in covered_by]
        for c, lk, role in rows:
            w.writerow({
                "incident_id": incident.incident_id, "role": role,
                "link_to": (lk.to_claim_id or "") if lk else "", "link_score": lk.score if lk else "",
                "link_reason": lk.reason if lk else "", **flat_row(c),
            })
        return len(rows)
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(VIEW_FORMATS)}")
    width = terminal_width()
    out.write(f"Incident {incident.incident_id}: {incident.event_type}")
    out.write(f" in {where(incident)}" if where(incident) else "")
    out.write(f", {when(incident)}" if when(incident) else "")
    out.write("\n")
    if incident.time_basis == "published":
        out.write("  (no claim gives a time: the window is the week before publication)\n")
    out.write(f"  {len(incident.claim_ids)} claims from {len(incident.doc_ids)} documents; outlets: "
              f"{'; '.join(incident.outlets) or '(none named)'}\n")
    out.write("\nWho says what:\n")
    for s in incident.summary:
        out.write("  " + fit(f"{s.claimant} ({s.actor_type}): {s.says}", width - 2) + "\n")
    out.write("\nClaims:\n")
    write_table(claims, out, width)
    out.write("\nWhy each claim is here:\n")
    for c in claims:
        lk = links.get(c.claim_id)
        if lk is None:
            continue
        scores = f"time {lk.time:.2f}, place {lk.place:.2f}, type {lk.type:.2f}, actor {lk.actor:.2f}"
        dist = f", {lk.distance_km} km" if lk.distance_km is not None else ""
        out.write("  " + fit(f"{c.claim_id} [{lk.role}, score {lk.score:.2f}: {scores}{dist}] {lk.reason}", width - 2) + "\n")
    out.write(f"\nContradictions ({len(contradictions)}):\n")
    if contradictions:
        for x in contradictions:
            _contradiction_block(x, out, width)
    else:
        out.write("  (none)\n")
    if corroborations:
        out.write(f"\nCorroborations ({len(corroborations)}):\n")
        for k in corroborations:
            out.write(f"  - {k.explanation}\n")
    if duplicates:
        out.write(f"\nThe same claims in republished copies ({len(duplicates)}), counted once:\n")
        for c, lk in duplicates:
            out.write("  " + fit(f"{c.claim_id} repeats {lk.to_claim_id}: {c.evidence.text}", width - 2) + "\n")
    if covered_by:
        out.write(f"\nSummary claims that cover it ({len(covered_by)}):\n")
        for c in covered_by:
            out.write("  " + fit(f"{c.claimant.actor or c.claimant.text or '(outlet)'}: {c.evidence.text}", width - 2) + "\n")
    return 1


def write_demo_summary(ledger: Ledger, db: str, seeds: Path, out: TextIO) -> None:
    """What ``counterclaim demo`` prints: the ledger's counts, the seed articles' claims and
    contradictions (each with its link into the web app), and the commands to try next."""

    def _say(line: str) -> None:
        out.write(line + "\n")

    stats = ledger.stats()
    _say(f"\nLedger {Path(db).resolve()}: {stats.documents} documents, {stats.claims} claims")
    _say("  by stance:     " + ", ".join(f"{k} {v}" for k, v in stats.by_stance.items()))
    _say("  by event type: " + ", ".join(f"{k} {v}" for k, v in stats.by_event_type.items()))
    _say("  by claimant:   " + ", ".join(f"{k} {v}" for k, v in stats.by_actor_type.items()))
    seed_claims = [c for c in ledger.claims() if c.source_path and Path(c.source_path).parent == seeds]
    _say(f"\nThe seed articles' {len(seed_claims)} claims:\n")
    write_claims(seed_claims, out, "table")
    _say(
        f"\nIncidents: {stats.incidents} (claims grouped across outlets), {stats.contradictions} "
        f"contradictions, {stats.corroborations} corroborations in the whole ledger."
    )
    seed_docs = [d.doc_id for d in ledger.documents() if d.source_path and Path(d.source_path).parent == seeds]
    seen: dict[str, Contradiction] = {}
    for doc_id in seed_docs:
        for x in ledger.contradictions(doc_id=doc_id):
            seen.setdefault(x.contradiction_id, x)
    _say(f"\nThe seed articles' contradictions ({len(seen)}):")
    for x in seen.values():
        who = " (the same side)" if x.same_claimant else ""
        _say(f"  - [{x.kind}] {x.explanation}{who}")
        _say(f"      http://127.0.0.1:8321/incidents/{x.incident_id}#contradiction-{x.contradiction_id}")
    _say(
        f"\nNext: counterclaim serve --db {db}   then open http://127.0.0.1:8321/ (map, timeline, contradictions)\n"
        f"      counterclaim contradictions --db {db}   (evidence sentences; --kind count, --governorate Idlib)\n"
        f"      counterclaim incidents --db {db} --contradicted   then   counterclaim show INCIDENT_ID --db {db}\n"
        f"      counterclaim claims --db {db} --search Idlib"
    )


__all__ = [
    "CONTRADICTION_LIST_COLUMNS", "INCIDENT_LIST_COLUMNS", "VIEW_FORMATS", "contradiction_list_row", "incident_list_row",
    "write_contradictions", "write_demo_summary", "write_incidents", "write_show",
]
