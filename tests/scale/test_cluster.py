"""Ingest on a real Dask LocalCluster of two worker processes: each worker writes its partitions
to the ledger itself, and one killed mid-ingest loses nothing (its partition is read again by
another worker) and duplicates nothing."""

from __future__ import annotations

import itertools
import os
import signal
import sqlite3
import threading
import time
from pathlib import Path

import distributed
import pytest

from counterclaim.ledger import open_ledger
from counterclaim.model import to_json
from counterclaim.pipeline import Extractor
from counterclaim.read.inputs import read_inputs
from counterclaim.scale.cluster import ingest_on_dask
from counterclaim.scale.jobs import worker_settings
from tests.conftest import FAKES


N = 60


def _records() -> list:  # type: ignore[type-arg]
    return list(itertools.islice(read_inputs([str(FAKES)]), N))


def _expected(tmp_path: Path) -> tuple[set[str], list[str]]:
    """The ledger one process makes of the same records: documents and claims (as JSON, by id)."""
    path = tmp_path / "one.db"
    with open_ledger(path) as led:
        for r in Extractor().run(_records(), known=led.has_document):
            if r.document is not None:
                led.add(r.document, r.claims)
        return {d.doc_id for d in led.documents()}, sorted(to_json(c) for c in led.claims())


def _documents(path: Path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as raw:
            return int(raw.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_a_worker_killed_mid_ingest_loses_nothing_and_duplicates_nothing(tmp_path: Path) -> None:
    docs, claims = _expected(tmp_path)
    target = tmp_path / "dask.db"
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = distributed.Client(cluster)
    killed: list[int] = []

    def kill_one_worker() -> None:
        deadline = time.monotonic() + 300
        while _documents(target) == 0 and time.monotonic() < deadline:
            time.sleep(0.2)
        killed.append(_documents(target))
        pid = next(iter(client.run(os.getpid).values()))
        os.kill(pid, signal.SIGKILL)

    try:
        killer = threading.Thread(target=kill_one_worker, daemon=True)
        killer.start()
        reports = list(ingest_on_dask(_records(), str(target), worker_settings(Extractor()), client=client,
                                      partition=6))
        killer.join(timeout=60)
    finally:
        client.close()
        cluster.close()
    assert killed and killed[0] < len(docs), "the worker was killed mid-ingest"
    assert sorted(r.index for r in reports) == list(range(10))  # every partition reported once
    with open_ledger(target, readonly=True) as led:
        assert {d.doc_id for d in led.documents()} == docs
        assert sorted(to_json(c) for c in led.claims()) == claims  # complete, and no claim twice
        assert led.stats().documents == len(docs)


@pytest.mark.slow
def test_ingest_dask_gives_the_ledger_one_process_gives(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from counterclaim.cli import cli
    from tests.conftest import SEEDS

    runner = CliRunner()
    out = {}
    for name, extra in (("one", ["--jobs", "1"]), ("dask", ["--dask", "--jobs", "2"])):
        db = str(tmp_path / f"{name}.db")
        result = runner.invoke(cli, ["ingest", str(SEEDS), "--db", db, *extra])
        assert result.exit_code == 0, result.output
        assert "5 documents read (5 new, 0 already in the ledger), 59 claims" in result.stderr
        exported = runner.invoke(cli, ["export", "--db", db, "--format", "jsonl"])
        assert exported.exit_code == 0
        out[name] = sorted(exported.stdout.splitlines())  # the same lines; the order of ingest may differ
    assert out["dask"] == out["one"]
    bad = runner.invoke(cli, ["ingest", str(SEEDS), "--db", str(tmp_path / "x.db"), "--scheduler", "tcp://127.0.0.1:1"])
    assert bad.exit_code == 2 and "no Dask scheduler answers at tcp://127.0.0.1:1" in bad.stderr
