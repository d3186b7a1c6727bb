"""What the benchmarks share: each measurement runs in a fresh interpreter (so its peak memory
is its own), and that child reports its peak memory and a hash of the code it imported."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


class RunFailed(Exception):
    """A child run crashed or ran past its timeout."""


def peak_mb() -> float:
    """This process's peak resident memory in MiB."""
    import resource

    # Linux reports KiB (macOS bytes; these benchmarks are for Linux)
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def source_hash() -> str:
    """SHA-256 over counterclaim's .py files as imported by this child (the code changes often)."""
    import hashlib

    import counterclaim

    root = Path(counterclaim.__file__).parent
    h = hashlib.sha256()
    for f in sorted(root.rglob("*.py")):
        h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def spawn(cmd: Callable[[Path], list[str]], *, cwd: Path, timeout: float, what: str, prefix: str) -> dict[str, Any]:
    """Run ``cmd(output_path)`` in a fresh interpreter and return the JSON it wrote there;
    :class:`RunFailed` (naming ``what``) if it crashed, wrote nothing or ran past ``timeout``."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        out = Path(tmp) / "run.json"
        try:
            proc = subprocess.run([sys.executable, *cmd(out)], cwd=cwd, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise RunFailed(f"the {what} run did not finish within {timeout:.0f} s "
                            "(killed; a hang in the code under test?)") from None
        if proc.returncode != 0 or not out.exists():
            raise RunFailed(f"the {what} run failed (exit status {proc.returncode}; see its traceback above)")
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return result


def git_state(repo: Path) -> dict[str, Any]:
    """The commit measured, and whether ``src`` had uncommitted changes (None if git cannot say)."""
    def git(*a: str) -> str | None:
        try:
            p = subprocess.run(["git", *a], cwd=repo, capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return None
        return p.stdout.strip() if p.returncode == 0 else None

    status = git("status", "--porcelain", "--", "src")
    return {"commit": git("rev-parse", "HEAD"), "src_dirty": bool(status) if status is not None else None}


def usable_cpus() -> int | None:
    """The CPUs this process may run on (None where the platform cannot say)."""
    import os

    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return None
