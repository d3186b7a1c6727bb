"""What a command says on stderr while it works: levels, progress, and the tally of a batch.

* **Levels** (Python :mod:`logging`, logger ``counterclaim``): ``--quiet`` shows errors only,
  the default adds warnings and the summary lines, ``--verbose`` adds a line per document and
  the traceback of an unexpected failure.  Each line is ``error: ...``, ``warning: ...`` or the
  message alone.
* **Progress**: on a terminal, a bar with the total (counted first where that is cheap) and the
  time left; elsewhere (a log file, ``make``), a plain line every :data:`PLAIN_EVERY` seconds.
  Off with ``--no-progress`` or ``--quiet``.
* **Tally**: what became of every input of a batch, one line per problem, and the summary.
"""

from __future__ import annotations

from typing import Any

import logging
import sys
import time
from collections import Counter
from collections.abc import Iterator
from typing import Final

import click

from ..errors import UnsupportedLanguage
from ..pipeline import Result

#: The logger every command's lines go through.
log: Final = logging.getLogger("counterclaim")
#: Seconds between two plain progress lines when stderr is not a terminal.
PLAIN_EVERY: Final[float] = 10.0
#: The CLI's exit codes.
EXIT_PARTIAL: Final[int] = 1
EXIT_FAILED: Final[int] = 2

_PREFIX: Final[dict[int, str]] = {logging.ERROR: "error: ", logging.WARNING: "warning: ", logging.DEBUG: ""}


class _EchoHandler(logging.Handler):
    """Writes each record to the stderr of the moment (click's test runner swaps it)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            prefix = _PREFIX.get(record.levelno, "")
            click.echo(prefix + self.format(record), err=True)
        except Exception:  # noqa: BLE001 -- a closed stderr must not become a traceback
            self.handleError(record)


def set_level(quiet: bool = False, verbose: bool = False) -> None:
    """Set how much the commands say: errors (``quiet``), everything (``verbose``), or
    warnings and summaries (the default)."""
    if not any(isinstance(h, _EchoHandler) for h in log.handlers):
        log.addHandler(_EchoHandler())
        log.propagate = False
    log.setLevel(logging.ERROR if quiet else logging.DEBUG if verbose else logging.INFO)


def quiet() -> bool:
    """Whether only errors are said."""
    return not log.isEnabledFor(logging.WARNING)


def with_progress(results: Iterator[Result], show: bool | None, total: int | None) -> Iterator[Result]:
    """``results`` passed through, with progress on stderr: a bar on a terminal, a plain line
    every few seconds elsewhere; ``show`` False: none (None: unless ``--quiet``)."""
    if show is False or (show is None and quiet()):
        yield from results
        return
    if sys.stderr.isatty() or show:
        from tqdm import tqdm

        with tqdm(unit="doc", file=sys.stderr, desc="reading", dynamic_ncols=True, total=total) as bar:
            for r in results:
                bar.update(1)
                yield r
        return
    yield from _plain_progress(results, total)


def _plain_progress(results: Iterator[Result], total: int | None) -> Iterator[Result]:
    last = time.monotonic()
    first: float | None = None  # when the first input came back: the rate is timed from there
    done = 0
    for r in results:
        done += 1
        now = time.monotonic()
        if first is None:
            first = now
        if now - last >= PLAIN_EVERY:
            last = now
            log.info(progress_line(done, total, now - first, timed=done - 1))
        yield r


def progress_line(done: int, total: int | None, elapsed: float, *, timed: int | None = None) -> str:
    """``reading: 120 of 984 inputs (12%), 4.1 a second, about 3 min 30 s left``.

    ``timed`` inputs were read in ``elapsed`` seconds (all ``done`` when not given).  The first
    input comes back after the language model has loaded, so the clock starts there; until a
    second input is back there is no rate to tell, and no time left is guessed."""
    timed = done if timed is None else timed
    rate = timed / elapsed if elapsed > 0 and timed > 0 else 0.0
    if total is None or total < done:
        return f"reading: {done} inputs" + (f", {rate:.1f} a second" if rate > 0 else "")
    share = f"reading: {done} of {total} inputs ({100 * done // max(total, 1)}%)"
    if rate <= 0:
        return share
    return f"{share}, {rate:.1f} a second, about {_duration((total - done) / rate)} left"


def _duration(seconds: float) -> str:
    s = int(round(seconds))
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60} s"
    return f"{s // 3600} h {s % 3600 // 60} min"


class Tally:
    """Counts what happened to the inputs of a batch and says each problem in one line."""

    def __init__(self) -> None:
        self.docs = self.claims = self.failed = self.new = self.skipped = 0
        #: documents the ledger had before this run, and copies of a document met earlier in it
        self.already = self.repeated = 0
        #: inputs not read for want of a lexicon, by language (they count as failed too)
        self.unread: Counter[str] = Counter()
        self._seen: set[str] = set()

    def see(self, r: Result) -> bool:
        """Say what became of one input; True when it gave a document."""
        if r.error is not None:
            if isinstance(r.error, UnsupportedLanguage):
                self.unread[r.error.language or "?"] += 1
            if r.error.failed:
                self.failed += 1
                log.error(r.error.message)
            else:
                self.skipped += 1
                log.warning(r.error.message)
            return False
        assert r.document is not None
        for w in r.document.warnings:
            log.warning(f"{r.label}: {w}")
        self.docs += 1
        log.debug(f"{r.label}: {len(r.claims)} claims" + (" (already in the ledger: not read again)" if r.known else ""))
        return True

    def stored(self, r: Result, new: bool) -> None:
        """Count what the ledger made of a document: new, already there before this run, or a
        copy of one met earlier in this run."""
        assert r.document is not None
        if new:
            self.new += 1
            self.claims += len(r.claims)
        elif r.document.doc_id in self._seen:
            self.repeated += 1
        else:
            self.already += 1
        self._seen.add(r.document.doc_id)

    def partition(self, report: Any) -> None:
        """Count what a Dask worker made of one partition (a
        :class:`~counterclaim.scale.cluster.PartitionReport`), and say its problems."""
        for message, failed in report.errors:
            if failed:
                self.failed += 1
                log.error(message)
            else:
                self.skipped += 1
                log.warning(message)
        for language in report.unread:
            self.unread[language] += 1
        for doc_id, new, n_claims, warnings, label in report.documents:
            for w in warnings:
                log.warning(f"{label}: {w}")
            self.docs += 1
            if new:
                self.new += 1
                self.claims += n_claims
            elif doc_id in self._seen:
                self.repeated += 1
            else:
                self.already += 1
            self._seen.add(doc_id)

    def counted(self, r: Result) -> None:
        """Count the claims of a document read without a ledger (``extract``)."""
        self.claims += len(r.claims)

    def ingest_line(self, seconds: float, db: str) -> str:
        """The summary of an ingest."""
        repeated = f", {self.repeated} repeated in this batch" if self.repeated else ""
        return (f"{self.docs} documents read ({self.new} new, {self.already} already in the ledger{repeated}), "
                f"{self.claims} claims{self._unread()}; {self.failed} inputs failed{self._skipped()}; "
                f"{seconds:.1f} s; ledger: {db}")

    def extract_line(self) -> str:
        """The summary of an extract (said only when something was left out)."""
        return (f"{self.docs} documents read, {self.claims} claims{self._unread()}; "
                f"{self.failed} inputs failed{self._skipped()}")

    def _unread(self) -> str:
        if not self.unread:
            return ""
        langs = ", ".join(f"language {lang}: {n}" for lang, n in sorted(self.unread.items()))
        return f"; {sum(self.unread.values())} not read ({langs})"

    def _skipped(self) -> str:
        return f", {self.skipped} skipped" if self.skipped else ""

    @property
    def exit_code(self) -> int:
        return EXIT_PARTIAL if self.failed else 0


__all__ = ["EXIT_FAILED", "EXIT_PARTIAL", "PLAIN_EVERY", "Tally", "log", "progress_line", "quiet", "set_level",
           "with_progress"]
