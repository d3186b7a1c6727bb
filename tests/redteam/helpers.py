"""What the red-team tests share: running the command as a user would, with or without the
capabilities that let root ignore file permissions."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ARTICLE = "The Syrian Observatory for Human Rights said 26 people were killed in airstrikes on Idlib on Monday.\n"

#: The command, run as a separate process (as a user runs it: console script, real stderr).
CLI = [sys.executable, "-c", "from counterclaim.cli import main; main()"]


def as_user(cmd: list[str]) -> list[str]:
    """``cmd`` run so that file permissions hold: the tests run as root in CI, and root reads and
    writes any file; setpriv drops the capabilities that let it (DAC override and read search)."""
    if os.geteuid() == 0:
        return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", *cmd]
    return cmd


def run_cli(*args: str, user: bool = False, cwd: Path | None = None, timeout: float = 300,
            stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``counterclaim ARGS`` in a child process; ``user``: without root's permission overrides."""
    cmd = [*CLI, *args]
    return subprocess.run(as_user(cmd) if user else cmd, capture_output=True, text=True, cwd=cwd,
                          timeout=timeout, input=stdin)


def no_traceback(stderr: str) -> bool:
    return "Traceback" not in stderr and 'File "' not in stderr


def lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.strip()]
