#!/usr/bin/env python3
"""Snapshot what counterclaim produces, to show a refactor changed nothing.

Runs only the command line (so it works on any version of the package) and writes into OUT:

* ``extract-seeds.jsonl`` and ``extract-fakes.jsonl``: ``counterclaim extract`` on the bundled
  seed articles and on all of FA-KES;
* ``demo.txt``: what ``counterclaim demo`` prints on stdout (its timing line goes to stderr and
  is kept apart in ``demo.stderr``, with the seconds masked);
* ``export.<format>``: every export of the demo ledger;
* ``incidents.jsonl``, ``contradictions.jsonl``: the views of the demo ledger.

Usage::

    .venv/bin/python scripts/behaviour_snapshot.py /tmp/before     # on the old commit
    .venv/bin/python scripts/behaviour_snapshot.py /tmp/after      # on the new one
    .venv/bin/python scripts/behaviour_snapshot.py --compare /tmp/before /tmp/after

``--compare`` prints one line per file (identical, or the first differing line) and exits 1 when
any file differs.  The ledger itself holds ingestion timestamps, so it is compared through its
exports, whose one clock reading (a sighting's ``seen_at``) is masked.  The checkout's own path
(in ``source_path``) is written ``<repo>``, so snapshots of two checkouts compare.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "src" / "counterclaim" / "data" / "corpus"
EXPORTS = ("jsonl", "csv", "geojson", "acled", "ucdp")
SECONDS = re.compile(r"\d+(?:\.\d+)? s\b")
#: the one clock reading an export carries: when a sighting was recorded
SEEN_AT = re.compile(r'"seen_at": "[^"]*"')


def _cli(bin_dir: Path) -> list[str]:
    return [str(bin_dir / "counterclaim")]


def _run(cmd: list[str], out: Path, cwd: Path) -> str:
    with open(out, "wb") as fh:
        proc = subprocess.run(cmd, stdout=fh, stderr=subprocess.PIPE, cwd=cwd)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[-2000:]}")
    # where the checkout lies is no part of the behaviour (source paths name the bundled corpus)
    out.write_bytes(out.read_bytes().replace(str(ROOT).encode(), b"<repo>"))
    return proc.stderr.decode()


def snapshot(out: Path, bin_dir: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    cli = _cli(bin_dir)
    _run(cli + ["extract", str(CORPUS / "seeds")], out / "extract-seeds.jsonl", out)
    _run(cli + ["extract", str(CORPUS / "fakes" / "FA-KES-Dataset.csv")], out / "extract-fakes.jsonl", out)
    db = out / "demo.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    err = _run(cli + ["demo", "--db", str(db)], out / "demo.txt", out)
    here = str(out) + "/"  # the snapshot's own folder is no part of the behaviour
    (out / "demo.stderr").write_text(SECONDS.sub("N s", err).replace(here, ""), encoding="utf-8")
    (out / "demo.txt").write_text((out / "demo.txt").read_text(encoding="utf-8").replace(here, ""), encoding="utf-8")
    for fmt in EXPORTS:
        path = out / f"export.{fmt}"
        _run(cli + ["export", "--db", str(db), "--format", fmt], path, out)
        path.write_text(SEEN_AT.sub('"seen_at": "…"', path.read_text(encoding="utf-8")), encoding="utf-8")
    for view in ("incidents", "contradictions"):
        _run(cli + [view, "--db", str(db), "--format", "jsonl"], out / f"{view}.jsonl", out)
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def compare(a: Path, b: Path) -> int:
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    bad = 0
    for name in names:
        pa, pb = a / name, b / name
        if not pa.exists() or not pb.exists():
            print(f"{name}: only in {'the second' if pb.exists() else 'the first'}")
            bad += 1
            continue
        ta, tb = pa.read_bytes(), pb.read_bytes()
        if ta == tb:
            print(f"{name}: identical ({len(ta):,} bytes)")
            continue
        bad += 1
        la, lb = ta.decode(errors="replace").splitlines(), tb.decode(errors="replace").splitlines()
        first = next((i for i, (x, y) in enumerate(zip(la, lb)) if x != y), min(len(la), len(lb)))
        print(f"{name}: DIFFERS at line {first + 1} ({len(la)} vs {len(lb)} lines)")
        print(f"  - {la[first][:300] if first < len(la) else '<end>'}")
        print(f"  + {lb[first][:300] if first < len(lb) else '<end>'}")
    return 1 if bad else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--compare", action="store_true", help="compare two snapshot folders")
    ap.add_argument("--bin", type=Path, default=Path(sys.executable).parent, help="where the counterclaim command is")
    args = ap.parse_args()
    if args.compare:
        if len(args.dirs) != 2:
            ap.error("--compare takes two folders")
        sys.exit(compare(*args.dirs))
    snapshot(args.dirs[0].resolve(), args.bin)


if __name__ == "__main__":
    main()
