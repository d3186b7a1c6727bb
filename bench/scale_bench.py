#!/usr/bin/env python3
"""Scaling benchmark (a benchmark, not a timed test): every core, a Dask LocalCluster, and the
PostgreSQL ledger against the SQLite one.

1. ``counterclaim extract FA-KES --jobs 2`` against ``--jobs 1``: wall-clock seconds of the
   whole command (model loading included), same texts, output to /dev/null.  Target >= 1.7x.
2. ``counterclaim ingest FA-KES --dask --jobs 2`` (a LocalCluster of 2 workers) against
   ``counterclaim ingest FA-KES --jobs 1``, each into a new SQLite file.  Target >= 1.6x.
3. Storage alone: the bundled corpus (seeds and FA-KES) read once, then its documents and claims
   added to a new SQLite file and to a new PostgreSQL database (a throwaway cluster, as the tests
   start one), documents/s of ``add``; and the grouping run after, seconds.

The load average (1 minute) is recorded before and after each run: other jobs sharing the
machine slow the parallel runs most, so rerun when it is high.  Writes
``bench/results/scale.json`` and prints a Markdown table.

    .venv/bin/python bench/scale_bench.py [--skip-postgres]
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
CORPUS = REPO / "src" / "counterclaim" / "data" / "corpus"
FAKES = CORPUS / "fakes" / "FA-KES-Dataset.csv"
OUTPUT = REPO / "bench" / "results" / "scale.json"
BIN = Path(sys.executable).parent / "counterclaim"
TARGET_JOBS, TARGET_DASK = 1.7, 1.6


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def _timed(args: list[str], cwd: Path) -> dict[str, Any]:
    """Wall-clock seconds of one command, with the load average before and after."""
    before = _load()
    started = time.perf_counter()
    proc = subprocess.run([str(BIN), *args, "--quiet"], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"counterclaim {' '.join(args)} failed: {proc.stderr.decode()[-1000:]}")
    return {"command": "counterclaim " + " ".join(args), "seconds": round(seconds, 1),
            "load_before": before, "load_after": _load()}


def _storage(skip_postgres: bool) -> dict[str, Any]:
    from counterclaim.group.update import update
    from counterclaim.ledger import open_ledger
    from counterclaim.pipeline import Extractor
    from counterclaim.read.inputs import read_inputs

    results = [r for r in Extractor().run(read_inputs([str(CORPUS / "seeds"), str(FAKES)])) if r.ok]
    out: dict[str, Any] = {"documents": len(results), "claims": sum(len(r.claims) for r in results)}

    def run(target: str) -> dict[str, Any]:
        load = _load()
        with open_ledger(target) as led:
            started = time.perf_counter()
            for r in results:
                assert r.document is not None
                led.add(r.document, r.claims)
            add = time.perf_counter() - started
            started = time.perf_counter()
            update(led)
            group = time.perf_counter() - started
        return {"add_seconds": round(add, 2), "documents_per_s": round(len(results) / add, 1),
                "group_seconds": round(group, 1), "load_before": load, "load_after": _load()}

    with tempfile.TemporaryDirectory() as tmp:
        out["sqlite"] = run(str(Path(tmp) / "ledger.db"))
    if not skip_postgres:
        from tests.pgcluster import Cluster, find_bindir

        bindir = find_bindir()
        if bindir is None:
            raise SystemExit("no PostgreSQL server (make postgres installs Debian's); or --skip-postgres")
        cluster = Cluster(bindir)
        try:
            out["postgres"] = run(cluster.database())
            out["postgres"]["server"] = "throwaway cluster on 127.0.0.1, fsync off (as the tests start it)"
        finally:
            cluster.stop()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skip-postgres", action="store_true")
    ap.add_argument("--output", type=Path, default=OUTPUT)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cwd = Path(tmp)
        jobs1 = _timed(["extract", str(FAKES), "--jobs", "1"], cwd)
        jobs2 = _timed(["extract", str(FAKES), "--jobs", "2"], cwd)
        ingest1 = _timed(["ingest", str(FAKES), "--db", str(cwd / "one.db"), "--jobs", "1"], cwd)
        dask2 = _timed(["ingest", str(FAKES), "--db", str(cwd / "dask.db"), "--dask", "--jobs", "2"], cwd)
    storage = _storage(args.skip_postgres)
    result = {
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": len(os.sched_getaffinity(0)), "python": platform.python_version()},
        "extract": {"jobs1": jobs1, "jobs2": jobs2, "speedup": round(jobs1["seconds"] / jobs2["seconds"], 2),
                    "target": TARGET_JOBS},
        "dask": {"ingest_jobs1": ingest1, "ingest_dask2": dask2,
                 "speedup": round(ingest1["seconds"] / dask2["seconds"], 2), "target": TARGET_DASK},
        "storage": storage,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    e, d = result["extract"], result["dask"]
    print("| run | seconds | load before/after |\n|---|---:|---|")
    for row in (jobs1, jobs2, ingest1, dask2):
        print(f"| `{row['command'].replace(str(REPO) + '/', '')}` | {row['seconds']} | {row['load_before']} / {row['load_after']} |")
    print(f"\n--jobs 2 / --jobs 1: {e['speedup']}x (target {TARGET_JOBS}x: {'PASS' if e['speedup'] >= TARGET_JOBS else 'FAIL'})")
    print(f"--dask (2 workers) / --jobs 1: {d['speedup']}x (target {TARGET_DASK}x: {'PASS' if d['speedup'] >= TARGET_DASK else 'FAIL'})")
    for name in ("sqlite", "postgres"):
        if name in storage:
            s = storage[name]
            print(f"{name}: {storage['documents']} documents in {s['add_seconds']} s = {s['documents_per_s']} documents/s;"
                  f" grouping {s['group_seconds']} s")


if __name__ == "__main__":
    main()
