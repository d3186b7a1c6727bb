"""Ingest on a Dask cluster: ``ingest --dask`` (a ``LocalCluster`` on this machine) or
``ingest --scheduler tcp://HOST:8786`` (a cluster started with Dask's own ``dask scheduler`` and
``dask worker`` commands).

The records go out in partitions of :data:`PARTITION` inputs.  Each worker reads, cleans,
parses and resolves its partition with an extractor it builds once (the spaCy pipeline loaded
once a worker process) and writes the documents and claims to the ledger itself, one
transaction a document: nothing but a short summary of each partition (document ids, new or
not, and the lines of the inputs that failed) comes back to the client.  A worker that dies
loses nothing it committed; Dask gives its partition to another worker, which adds only what is
missing (the ledger's ``add`` is idempotent and known documents are not read again).

The ledger must be one every worker reaches: a ``postgresql://`` URL, or for a
``LocalCluster`` a SQLite file (its writers take turns).  Documents are stored in the order
partitions finish, not input order; the documents, claims and ids are the same.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import CounterclaimError, InputError, LedgerError
from ..ledger import open_ledger
from ..model import RawRecord
from ..pipeline import Extractor
from .jobs import WorkerSettings

#: Inputs in one partition: enough to keep ``nlp.pipe`` batching, few enough that a lost worker
#: costs little to read again.
PARTITION = 32


@dataclass(frozen=True)
class PartitionReport:
    """What a worker made of one partition: each document's id and whether it was new, in
    partition order, and each input that gave no document (its line, and whether it failed or
    was skipped)."""

    index: int
    documents: list[tuple[str, bool, int, tuple[str, ...], str]] = field(default_factory=list)
    errors: list[tuple[str, bool]] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)
    worker: int = 0


#: This worker process's extractor and the settings it was built with (by the first partition).
_extractor: list[tuple[WorkerSettings, Extractor]] = []


def ingest_partition(index: int, records: list[RawRecord | InputError], target: str,
                     settings: WorkerSettings) -> PartitionReport:
    """A worker's job: read one partition and store it in the ledger ``target``."""
    from ..errors import UnsupportedLanguage

    if not _extractor or _extractor[0][0] != settings:
        _extractor[:] = [(settings, Extractor(
            model=settings.model, batch_size=settings.batch_size, resolve=settings.resolve,
            resources=settings.resources, time_budget=settings.time_budget))]
    extractor = _extractor[0][1]
    report = PartitionReport(index, worker=os.getpid())
    with open_ledger(target) as ledger:
        for r in extractor.run(records, known=ledger.has_document):
            if r.error is not None:
                report.errors.append((r.error.message, r.error.failed))
                if isinstance(r.error, UnsupportedLanguage):
                    report.unread.append(r.error.language or "?")
                continue
            assert r.document is not None
            new = ledger.add(r.document, r.claims)
            report.documents.append((r.document.doc_id, new, len(r.claims), r.document.warnings, r.label))
    return report


def partitions(records: Iterable[RawRecord | InputError], size: int = PARTITION
               ) -> Iterator[list[RawRecord | InputError]]:
    """The records in lists of ``size``, in order."""
    part: list[RawRecord | InputError] = []
    for record in records:
        part.append(record)
        if len(part) == size:
            yield part
            part = []
    if part:
        yield part


def _client(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    """A Dask client of the scheduler at ``scheduler``, or of a new LocalCluster of ``workers``
    worker processes (one thread each: spaCy reads best one document at a time a process)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise CounterclaimError("Dask is not installed: pip install 'counterclaim[dask]'") from None
    if scheduler is not None:
        try:
            return Client(scheduler, timeout="30s"), None
        except (OSError, TimeoutError) as exc:
            raise CounterclaimError(f"no Dask scheduler answers at {scheduler}: {exc}") from None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster), cluster


def ingest_on_dask(records: Iterable[RawRecord | InputError], target: str, settings: WorkerSettings, *,
                   scheduler: str | None = None, workers: int = 2, retries: int = 3,
                   client: Any = None, partition: int = PARTITION) -> Iterator[PartitionReport]:
    """Store ``records`` in the ledger ``target`` on a Dask cluster; the report of each
    partition as it finishes.  ``client``: an existing Dask client (then neither ``scheduler``
    nor ``workers`` is used).  A partition whose worker dies is given to another one, up to
    ``retries`` times."""
    if target == ":memory:":
        raise LedgerError(":memory: is no ledger the workers can share; give --db a file or a postgresql:// URL")
    with open_ledger(target):
        pass  # the tables made (or upgraded) once, here, before the workers race to
    cluster = None
    if client is None:
        client, cluster = _client(scheduler, workers)
        owned = True
    else:
        owned = False
    try:
        from distributed import as_completed

        futures = [
            client.submit(ingest_partition, i, part, target, settings, retries=retries, pure=False,
                          key=f"counterclaim-partition-{i}-{os.getpid()}-{id(records)}")
            for i, part in enumerate(partitions(records, partition))
        ]
        for future in as_completed(futures):
            yield future.result()
    finally:
        if owned:
            client.close()
            if cluster is not None:
                cluster.close()


__all__ = ["PARTITION", "PartitionReport", "ingest_on_dask", "ingest_partition", "partitions"]
