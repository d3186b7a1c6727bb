"""The store tests run on both backends: ``backend_ledger`` gives an empty SQLite ledger (in
memory) or an empty PostgreSQL ledger (a new database on a throwaway cluster the tests start
once and stop at the end; :mod:`tests.pgcluster`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from counterclaim.ledger import Ledger, open_ledger
from tests.pgcluster import Cluster, find_bindir

#: The stores every store test runs on.
BACKENDS = ("sqlite", "postgres")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """A PostgreSQL cluster for the session.  Never skipped: a skipped store test would count as
    passing; without the server (`make test` installs Debian's postgresql) these tests fail,
    saying so."""
    bindir = find_bindir()
    if bindir is None:
        pytest.fail("no PostgreSQL server installed: `make test` installs Debian's postgresql "
                    "(or `make postgres`)")
    cluster = Cluster(bindir)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> Iterator[str]:
    """The URL of a new empty database, dropped after the test."""
    url = pg_cluster.database()
    try:
        yield url
    finally:
        pg_cluster.drop(url)


def open_backend(request: pytest.FixtureRequest, backend: str) -> Ledger:
    """An empty ledger of ``backend``."""
    if backend == "sqlite":
        return open_ledger(":memory:")
    url = request.getfixturevalue("pg_url")
    return open_ledger(url)


@pytest.fixture(params=BACKENDS)
def backend_ledger(request: pytest.FixtureRequest) -> Iterator[Ledger]:
    with open_backend(request, request.param) as led:
        yield led
