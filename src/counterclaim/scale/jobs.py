"""Reading on every core: :func:`run_jobs` is :meth:`Extractor.run` with the parsing, extraction
and resolution of documents spread over worker processes, each loading the spaCy pipeline once.

The results are the same, in the same order, as ``Extractor.run`` gives in one process:

* the records are cleaned, and ``known`` asked, here, in input order (cleaning is cheap next to
  parsing; and ``known`` is usually a ledger's, which must be asked from the process that
  opened it);
* the cleaned documents go out in batches of ``batch_size`` (what ``nlp.pipe`` would have read
  at once), at most ``2 * jobs`` batches away at a time, and come back in the order they left;
* an input error is given where ``Extractor.run`` gives it: before the documents of the batch
  that was being gathered when it was met.

A batch read by a worker is read by the very code ``Extractor.run`` uses
(:meth:`Extractor.read_prepared`), so ids, claims and their order cannot differ.  Input that
fits in one batch is read in this process: starting workers would take longer.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult, Pool
from typing import Any

from ..errors import InputError
from ..knowledge.resources import Resources
from ..model import RawRecord
from ..pipeline import Extractor, Prepared, Result


def usable_cores() -> int:
    """The cores this process may run on (``os.sched_getaffinity``; ``os.cpu_count`` where
    there is no such call), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class WorkerSettings:
    """What a worker needs to build the same extractor as the caller's."""

    model: str
    batch_size: int
    resolve: bool
    time_budget: float | None
    #: None: the bundled resources, loaded by each worker (nothing big to send)
    resources: Resources | None


#: The extractor of this worker process, built once by :func:`_start_worker`.
_worker: Extractor | None = None


def _start_worker(settings: WorkerSettings) -> None:
    global _worker
    _worker = Extractor(model=settings.model, batch_size=settings.batch_size, resolve=settings.resolve,
                        resources=settings.resources, time_budget=settings.time_budget)
    _worker.nlp  # noqa: B018 - the pipeline, loaded once, before the first batch


def read_batch(batch: list[Prepared]) -> list[Result]:
    """A worker's job: one batch of cleaned documents read, in order."""
    assert _worker is not None, "read_batch runs in a worker started by run_jobs"
    return list(_worker.read_prepared(batch))


def worker_settings(extractor: Extractor) -> WorkerSettings:
    return WorkerSettings(extractor.model, extractor.batch_size, extractor.resolve, extractor.time_budget,
                          extractor.custom_resources)


def _batches(extractor: Extractor, items: Iterable[RawRecord | InputError],
             known: Callable[[str], bool] | None) -> Iterator[tuple[list[Result], list[Prepared]]]:
    """(errors met while gathering, documents) for each batch of at most ``batch_size``
    documents, in input order; the last may hold only errors."""
    errors: list[Result] = []
    batch: list[Prepared] = []
    for item in extractor.prepare(items, known=known):
        if isinstance(item, Result):
            errors.append(item)
            continue
        batch.append(item)
        if len(batch) == extractor.batch_size:
            yield errors, batch
            errors, batch = [], []
    if errors or batch:
        yield errors, batch


def run_jobs(extractor: Extractor, items: Iterable[RawRecord | InputError], *, jobs: int,
             known: Callable[[str], bool] | None = None) -> Iterator[Result]:
    """What ``extractor.run(items, known=known)`` gives, read by ``jobs`` worker processes
    (``jobs`` 1: ``extractor.run`` itself)."""
    if jobs <= 1:
        yield from extractor.run(items, known=known)
        return
    batches = _batches(extractor, items, known)
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None)
    if second is None or not second[1]:  # one batch (and perhaps errors after it): read here
        for errors, batch in (first, second or ([], [])):
            yield from errors
            yield from extractor.read_prepared(batch)
        return
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no lock or thread of ours copied
    with context.Pool(jobs, initializer=_start_worker, initargs=(worker_settings(extractor),)) as pool:
        yield from _dispatch(pool, _chain(first, second, batches), window=2 * jobs)


def _chain(first: Any, second: Any, rest: Iterator[Any]) -> Iterator[Any]:
    yield first
    yield second
    yield from rest


def _dispatch(pool: Pool, batches: Iterator[tuple[list[Result], list[Prepared]]], window: int
              ) -> Iterator[Result]:
    """Send batches out, ``window`` at most in flight, and give their results back in order,
    each batch's errors first."""
    flight: deque[tuple[list[Result], AsyncResult[list[Result]]]] = deque()
    for errors, batch in batches:
        flight.append((errors, pool.apply_async(read_batch, (batch,))))
        if len(flight) >= window:
            done_errors, done = flight.popleft()
            yield from done_errors
            yield from done.get()
    while flight:
        done_errors, done = flight.popleft()
        yield from done_errors
        yield from done.get()


__all__ = ["WorkerSettings", "read_batch", "run_jobs", "usable_cores", "worker_settings"]
