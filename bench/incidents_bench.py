#!/usr/bin/env python3
"""Scale benchmark for incident grouping: synthetic ledgers of 100k and 1M claims.

For each size, in a fresh child process (this script re-invoked with ``--child``, so each
run's peak memory is its own):

1. *generate*: ``bench/synthetic.py`` plans a ledger of N claims (documents, true incidents)
   and builds the Claim objects into a list (``--stream`` passes the lazy iterator instead:
   lower memory, but then the grouping time includes generating the claims);
2. *group*: :func:`run_grouping` -- ``counterclaim.group.incidents.group(claims, docs)`` -- timed
   with ``time.perf_counter``; the peak resident memory (``ru_maxrss``) is read right after,
   before scoring;
3. *score* against the ground truth: pairwise precision and recall of "same incident" over
   claim pairs, from the contingency counts of (true incident, predicted incident): a pair is
   predicted together when both claims have the same ``assignment``; summary claims belong to
   no true incident, and a claim missing from ``assignment`` is alone.  Recall is also given
   over the claims that carry both a location and a time (what a grouper can place).

Target (issue): 1M claims grouped in under 5 minutes on 2 cores, in under 4 GB (the peak of
the whole child, generated ledger included).

    .venv/bin/python bench/incidents_bench.py [--sizes 100000 1000000] [--seed 0]
                                              [--out bench/results/incidents.json]
    .venv/bin/python bench/incidents_bench.py --sizes 100000 --fake-grouper --out /tmp/x.json

``--fake-grouper`` replaces the real grouping by a trivial stand-in (same governorate and same
day), to test the generator and this harness while ``counterclaim.group.incidents`` is not there;
its figures say nothing about counterclaim.  Prints a Markdown table, writes the JSON.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import shlex
import sys
from pathlib import Path
from typing import Any

# The parent stays light (no counterclaim import): a child's ru_maxrss can include its
# parent's resident memory at fork time.

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import RunFailed, git_state, peak_mb, source_hash, spawn, usable_cpus  # noqa: E402
DEFAULT_OUTPUT = REPO / "bench" / "results" / "incidents.json"
DEFAULT_SIZES = (100_000, 1_000_000)

#: the issue's target, for ledgers of at least TARGET_CLAIMS claims
TARGET_CLAIMS = 1_000_000
TARGET_SECONDS = 300.0
TARGET_PEAK_MB = 4096.0


# =========================================================================== the grouping call


def run_grouping(claims: Any, docs: Any) -> Any:
    """The grouping under test.  ``claims``: Iterable[Claim]; ``docs``: Mapping[str, DocInfo].
    Returns an object with ``assignment`` (claim_id -> incident_id; summary and unplaced claims
    absent) and ``incidents`` (incident_id -> Incident)."""
    from counterclaim.group.incidents import group

    return group(claims, docs)


class _FakeResult:
    def __init__(self, assignment: dict[str, str], incidents: dict[str, list[str]]) -> None:
        self.assignment = assignment
        self.incidents = incidents


def fake_grouping(claims: Any, docs: Any) -> _FakeResult:
    """A trivial stand-in (``--fake-grouper`` only): claims of one event type, governorate and
    day form an incident; claims without a governorate or a ``day``-precision time, and
    denials, stay out."""
    assignment: dict[str, str] = {}
    incidents: dict[str, list[str]] = {}
    for c in claims:
        loc, t = c.location, c.time
        if loc is None or loc.admin1 is None or t is None or t.precision != "day" or c.stance != "asserts":
            continue
        iid = f"{c.event_type}|{loc.admin1}|{t.start}"
        assignment[c.claim_id] = iid
        incidents.setdefault(iid, []).append(c.claim_id)
    return _FakeResult(assignment, incidents)


# =========================================================================== child side


def _c2(n: int) -> int:
    return n * (n - 1) // 2


def score(ledger: Any, assignment: dict[str, str]) -> dict[str, Any]:
    """Pairwise precision/recall of ``assignment`` against the ledger's true incidents."""
    from collections import Counter

    pred_index: dict[str, int] = {}
    pred_size: Counter[int] = Counter()
    true_size: Counter[int] = Counter()
    joint: Counter[tuple[int, int]] = Counter()
    true_size_lt: Counter[int] = Counter()
    joint_lt: Counter[tuple[int, int]] = Counter()
    summary_assigned = incident_unassigned = lt_claims = 0
    for cid, inc, located_and_timed in ledger.truth():
        iid = assignment.get(cid)
        p = None
        if iid is not None:
            p = pred_index.setdefault(iid, len(pred_index))
            pred_size[p] += 1
        if inc is None:
            summary_assigned += p is not None
            continue
        true_size[inc] += 1
        if located_and_timed:
            lt_claims += 1
            true_size_lt[inc] += 1
        if p is None:
            incident_unassigned += 1
            continue
        joint[(inc, p)] += 1
        if located_and_timed:
            joint_lt[(inc, p)] += 1
    tp = sum(_c2(v) for v in joint.values())
    true_pairs = sum(_c2(v) for v in true_size.values())
    pred_pairs = sum(_c2(v) for v in pred_size.values())
    tp_lt = sum(_c2(v) for v in joint_lt.values())
    true_pairs_lt = sum(_c2(v) for v in true_size_lt.values())
    precision = tp / pred_pairs if pred_pairs else None
    recall = tp / true_pairs if true_pairs else None
    f1 = (2 * precision * recall / (precision + recall)
          if precision is not None and recall is not None and precision + recall > 0 else None)
    unknown = len(assignment) - sum(pred_size.values())
    return {
        "true_pairs": true_pairs, "predicted_pairs": pred_pairs, "true_positive_pairs": tp,
        "pairwise_precision": precision, "pairwise_recall": recall, "pairwise_f1": f1,
        "located_and_timed_claims": lt_claims,
        "pairwise_recall_located_and_timed": tp_lt / true_pairs_lt if true_pairs_lt else None,
        "claims_assigned": sum(pred_size.values()),
        "incident_claims_unassigned": incident_unassigned,
        "summary_claims_assigned": summary_assigned,
        "assigned_ids_not_in_ledger": unknown,
    }


def _child(args: argparse.Namespace) -> dict[str, Any]:
    import time

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from synthetic import generate

    src_hash = source_hash()
    n = args.child

    t0 = time.perf_counter()
    ledger = generate(n, seed=args.seed)
    plan_s = time.perf_counter() - t0
    claims: Any = ledger.claims() if args.stream else list(ledger.claims())
    gen_s = time.perf_counter() - t0
    peak_after_gen = peak_mb()

    grouper = fake_grouping if args.fake_grouper else run_grouping
    t0 = time.perf_counter()
    result = grouper(claims, ledger.docs)
    group_s = time.perf_counter() - t0
    peak = peak_mb()

    assignment = result.assignment
    n_incidents_found = len(result.incidents)
    del result, claims
    t0 = time.perf_counter()
    quality = score(ledger, assignment)
    score_s = time.perf_counter() - t0
    return {
        "claims": n, "seed": args.seed, "documents": len(ledger.docs),
        "true_incidents": ledger.n_incidents, "summary_claims": ledger.n_summary,
        "denials": ledger.n_denials, "incidents_found": n_incidents_found,
        "plan_seconds": plan_s, "generate_seconds": gen_s, "group_seconds": group_s,
        "score_seconds": score_s, "claims_per_s": n / group_s if group_s > 0 else None,
        "peak_mb_after_generation": peak_after_gen, "peak_mb": peak,
        "grouper": "fake (governorate + day)" if args.fake_grouper else "counterclaim.group.incidents.group",
        "stream": args.stream, "src_sha256": src_hash, **quality,
    }


def _run_child(args: argparse.Namespace) -> int:
    result = _child(args)
    Path(args.child_output).write_text(json.dumps(result), encoding="utf-8")
    return 0


# =========================================================================== parent side


def _spawn(n: int, args: argparse.Namespace) -> dict[str, Any]:
    def cmd(out: Path) -> list[str]:
        c = [str(Path(__file__).resolve()), "--child", str(n), "--seed", str(args.seed), "--child-output", str(out)]
        return c + (["--fake-grouper"] if args.fake_grouper else []) + (["--stream"] if args.stream else [])

    print(f"[bench] {n:,} claims ...", file=sys.stderr, flush=True)
    r = spawn(cmd, cwd=REPO, timeout=args.timeout, what=f"{n:,}-claim", prefix="cc-incbench-")
    print(f"[bench] {n:,}: generated in {r['generate_seconds']:.1f} s, grouped in {r['group_seconds']:.1f} s, "
          f"peak {r['peak_mb']:.0f} MB", file=sys.stderr, flush=True)
    return r


def _targets(r: dict[str, Any]) -> dict[str, Any] | None:
    if r.get("error") or r["claims"] < TARGET_CLAIMS:
        return None
    time_ok = r["group_seconds"] < TARGET_SECONDS
    mem_ok = r["peak_mb"] < TARGET_PEAK_MB
    return {"seconds_max": TARGET_SECONDS, "seconds_pass": time_ok,
            "peak_mb_max": TARGET_PEAK_MB, "peak_pass": mem_ok, "pass": time_ok and mem_ok}


def _fmt(v: Any, spec: str) -> str:
    return "–" if v is None else format(v, spec)


def _markdown(runs: list[dict[str, Any]]) -> str:
    rows = [
        "| claims | true incidents | incidents found | generate s | group s | claims/s | "
        "peak MB after generation | peak MB | pairwise precision | pairwise recall | "
        "recall (located+timed) | summary claims placed |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        if r.get("error"):
            rows.append(f"| {r['claims']:,} | – | – | – | – | – | – | – | – | – | – | failed: {r['error']} |")
            continue
        rows.append(
            f"| {r['claims']:,} | {r['true_incidents']:,} | {r['incidents_found']:,} | "
            f"{r['generate_seconds']:.1f} | {r['group_seconds']:.1f} | {_fmt(r['claims_per_s'], ',.0f')} | "
            f"{r['peak_mb_after_generation']:.0f} | {r['peak_mb']:.0f} | {_fmt(r['pairwise_precision'], '.3f')} | "
            f"{_fmt(r['pairwise_recall'], '.3f')} | {_fmt(r['pairwise_recall_located_and_timed'], '.3f')} | "
            f"{r['summary_claims_assigned']:,} |"
        )
    checked: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for r in runs:
        t = _targets(r)
        if t is not None:
            checked.append((r, t))
    if checked:
        rows += ["", "| target | measured | required | result |", "|---|---:|---:|---|"]
        for r, t in checked:
            rows.append(f"| group {r['claims']:,} claims | {r['group_seconds']:.0f} s | < {TARGET_SECONDS:.0f} s | "
                        f"{'PASS' if t['seconds_pass'] else 'FAIL'} |")
            rows.append(f"| peak memory, {r['claims']:,} claims | {r['peak_mb']:.0f} MB | < {TARGET_PEAK_MB:.0f} MB | "
                        f"{'PASS' if t['peak_pass'] else 'FAIL'} |")
    if any(r.get("grouper", "").startswith("fake") for r in runs):
        rows += ["", "*Fake grouper (governorate + day): tests the harness, not counterclaim.*"]
    return "\n".join(rows)


def _environment(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "command": shlex.join([sys.executable, *sys.argv]),
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "cpu_usable": usable_cpus(),
        "load_average_at_end": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "sizes": args.sizes, "seed": args.seed, "stream": args.stream,
        "grouper": "fake (governorate + day)" if args.fake_grouper else "counterclaim.group.incidents.group",
        "git": git_state(REPO),
    }


def _run_parent(args: argparse.Namespace) -> int:
    runs: list[dict[str, Any]] = []
    failed = False
    for n in args.sizes:
        try:
            runs.append(_spawn(n, args))
        except RunFailed as exc:
            print(f"[bench] {exc}", file=sys.stderr)
            runs.append({"claims": n, "error": str(exc)})
            failed = True
            break
    for r in runs:
        t = _targets(r)
        if t:
            r["targets"] = t
    table = _markdown(runs)
    print(table)
    report = _environment(args)
    report["runs"] = runs
    report["markdown"] = table
    verdicts = [r["targets"]["pass"] for r in runs if "targets" in r]
    report["result"] = "FAILED" if failed else ("PASS" if verdicts and all(verdicts) else
                                                "FAIL" if verdicts else "NO TARGET CHECKED")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"[bench] wrote {out}", file=sys.stderr)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), metavar="N",
                   help="ledger sizes in claims (default: 100000 1000000)")
    p.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    p.add_argument("--out", default=str(DEFAULT_OUTPUT), help="JSON result file (default bench/results/incidents.json)")
    p.add_argument("--fake-grouper", action="store_true",
                   help="group with a trivial stand-in (governorate + day) instead of counterclaim.group.incidents")
    p.add_argument("--stream", action="store_true",
                   help="pass the claims as a lazy iterator (less memory; grouping time then includes generation)")
    p.add_argument("--timeout", type=float, default=1800.0, metavar="S",
                   help="kill a run (and fail) after S seconds (default 1800)")
    p.add_argument("--child", type=int, help=argparse.SUPPRESS)
    p.add_argument("--child-output", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if any(n < 1 for n in args.sizes):
        p.error("--sizes must be positive")
    if args.child is not None:
        if not args.child_output:
            p.error("--child needs --child-output")
        return _run_child(args)
    return _run_parent(args)


if __name__ == "__main__":
    sys.exit(main())
