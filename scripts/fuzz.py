#!/usr/bin/env python3
"""Fuzz counterclaim for as long as asked, and report what broke.

Runs the targets of ``tests/fuzz/harness.py`` (readers, cleaning, times, quantities, the whole
extract) in turns of ``--slice`` seconds until ``--minutes`` have passed, with fresh random
inputs each run.  An input whose check raises is a *traceback*; one that takes longer than its
target's limit is a *hang* (stopped by an alarm).  Both are counted, and the first few of each
are printed with the input that caused them, so they can become tests.

Usage::

    .venv/bin/python scripts/fuzz.py --minutes 10
    .venv/bin/python scripts/fuzz.py --minutes 1 --only times readers

Exit code 1 when anything broke.  ``make test`` runs the same targets for a bounded number of
inputs (``tests/fuzz/test_fuzz.py``).
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis.reporting import with_reporter  # noqa: E402

from tests.fuzz.harness import Target, targets  # noqa: E402

#: how many broken inputs of each kind are printed whole
SHOW = 5


class _TimeUp(BaseException):
    """The slice is over (a BaseException: Hypothesis lets it through)."""


class _Hang(Exception):
    """One input took longer than its target allows."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Hang()


class Run:
    def __init__(self) -> None:
        self.tried: Counter[str] = Counter()
        self.tracebacks: list[tuple[str, Any, str]] = []
        self.hangs: list[tuple[str, Any, float]] = []

    def slice(self, target: Target, seconds: float) -> None:
        """Fuzz ``target`` for ``seconds``."""
        until = time.monotonic() + seconds

        @settings(max_examples=10**9, deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck), print_blob=False)
        @given(target.inputs)
        def one(item: Any) -> None:
            if time.monotonic() > until:
                raise _TimeUp()
            self.tried[target.name] += 1
            started = time.monotonic()
            signal.setitimer(signal.ITIMER_REAL, target.hang_seconds)
            try:
                target.check(item)
            except _Hang:
                self.hangs.append((target.name, item, time.monotonic() - started))
            except Exception:  # noqa: BLE001 -- counted and shown, the fuzzing goes on
                self.tracebacks.append((target.name, item, traceback.format_exc()))
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)

        try:
            with with_reporter(lambda _: None):  # the end of a slice is no failure to reproduce
                one()
        except _TimeUp:
            pass

    def report(self, minutes: float) -> str:
        lines = [f"fuzzed {minutes:g} min: {sum(self.tried.values())} inputs tried "
                 f"({', '.join(f'{k} {v}' for k, v in self.tried.items())}); "
                 f"{len(self.tracebacks)} tracebacks, {len(self.hangs)} hangs"]
        kinds = Counter(f"{name}: {tb.strip().splitlines()[-1]}" for name, _, tb in self.tracebacks)
        lines += [f"  {n} x {kind}" for kind, n in kinds.most_common()]
        shown: set[str] = set()
        for name, item, tb in self.tracebacks:
            kind = f"{name}: {tb.strip().splitlines()[-1]}"
            if kind in shown or len(shown) >= SHOW:
                continue
            shown.add(kind)
            lines += [f"--- traceback in {name} on {item!r}", tb]
        for name, item, secs in self.hangs[:SHOW]:
            lines.append(f"--- hang in {name}: {secs:.1f} s on {item!r}")
        return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=10.0, help="how long to fuzz in all (default 10)")
    ap.add_argument("--slice", type=float, default=20.0, help="seconds on one target before the next (default 20)")
    ap.add_argument("--only", nargs="*", help="only these targets")
    args = ap.parse_args()
    from counterclaim.pipeline import Extractor

    chosen = [t for t in targets(Extractor()) if not args.only or t.name in args.only]
    if not chosen:
        ap.error(f"no such target; the targets are {', '.join(t.name for t in targets(Extractor()))}")
    signal.signal(signal.SIGALRM, _alarm)
    run = Run()
    end = time.monotonic() + args.minutes * 60
    while time.monotonic() < end:
        for target in chosen:
            left = end - time.monotonic()
            if left <= 0:
                break
            run.slice(target, min(args.slice, left))
    print(run.report(args.minutes))
    return 1 if run.tracebacks or run.hangs else 0


if __name__ == "__main__":
    sys.exit(main())
