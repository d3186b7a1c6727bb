"""open_ledger, the one way to get a ledger, and the Ledger protocol the SQLite ledger satisfies."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

from counterclaim.errors import CounterclaimError, LedgerError, LedgerReadOnly, UnsupportedLedger
from counterclaim.ledger import Ledger, open_ledger
from counterclaim.ledger.sqlite import SqliteLedger
from counterclaim.model import Document, doc_id_for


def _doc(text: str = "Shelling hit Aleppo on Tuesday.") -> Document:
    return Document(doc_id=doc_id_for(text), text=text)


def test_a_path_gives_a_sqlite_ledger_created_when_missing(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with open_ledger(path) as led:
        assert isinstance(led, SqliteLedger) and isinstance(led, Ledger)
        assert led.writable
        assert led.add(_doc(), [])
    assert path.exists()
    with open_ledger(str(path)) as led:  # a str works as well as a Path
        assert [d.doc_id for d in led.documents()] == [_doc().doc_id]


def test_memory_gives_an_empty_writable_ledger() -> None:
    with open_ledger(":memory:") as led:
        assert led.writable and led.stats().documents == 0
        assert led.add(_doc(), [])
        assert led.stats().documents == 1
    with pytest.raises(LedgerError, match="in-memory"):
        open_ledger(":memory:", readonly=True)


@pytest.mark.parametrize("url", ["sqlite:///tmp/ledger.db", "https://example.org/ledger.db"])
def test_a_url_is_refused_in_one_clear_line(url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Only postgresql:// URLs name a store; any other URL must not become a file of that name
    # in the working folder.
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UnsupportedLedger) as info:
        open_ledger(url)
    assert isinstance(info.value, LedgerError) and isinstance(info.value, CounterclaimError)
    message = info.value.message
    assert message.startswith(f"unsupported ledger: {url.split('://')[0]}://")
    assert "\n" not in message and "s3cret" not in message  # a password is never printed
    assert list(tmp_path.iterdir()) == []


def test_a_postgres_server_not_there_is_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Port 1 of this machine: nothing listens there, so the connection is refused at once.
    monkeypatch.chdir(tmp_path)
    with pytest.raises(LedgerError) as info:
        open_ledger("postgresql://counterclaim:s3cret@127.0.0.1:1/ledger")
    message = info.value.message
    assert message.startswith("ledger database error: postgresql://counterclaim:***@127.0.0.1:1/ledger: ")
    assert "\n" not in message and "s3cret" not in message  # a password is never printed
    assert list(tmp_path.iterdir()) == []


def test_a_postgres_url_gives_a_postgres_ledger(pg_url: str) -> None:
    from counterclaim.ledger.postgres import PostgresLedger

    with open_ledger(pg_url) as led:
        assert isinstance(led, PostgresLedger) and isinstance(led, Ledger)
        assert led.writable and led.add(_doc(), [])
    with open_ledger(pg_url, readonly=None) as led:
        assert led.writable and [d.doc_id for d in led.documents()] == [_doc().doc_id]


def test_readonly_ledger_reads_and_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    with open_ledger(path) as led:
        led.add(_doc(), [])
    with open_ledger(path, readonly=True) as ro:
        assert not ro.writable
        assert ro.has_document(_doc().doc_id)
        with pytest.raises(LedgerReadOnly):
            ro.add(_doc("Another article."), [])
        with pytest.raises(LedgerReadOnly):
            ro.clear_grouping()
        with pytest.raises(LedgerReadOnly):
            ro.write_grouping()
    with pytest.raises(LedgerError):
        open_ledger(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()


def test_readonly_none_writes_when_it_can_and_reads_when_it_cannot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The decision `counterclaim incidents` makes on a ledger it may not be allowed to write.
    path = tmp_path / "ledger.db"
    with open_ledger(path, readonly=None) as led:  # missing: created
        assert led.writable
        led.add(_doc(), [])
    with open_ledger(path, readonly=None) as led:
        assert led.writable
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if mode == os.W_OK else real_access(p, mode, **kw))
    with open_ledger(path, readonly=None) as led:  # a file this process may not write
        assert not led.writable
        assert led.has_document(_doc().doc_id)
        with pytest.raises(LedgerReadOnly):
            led.add(_doc("Another article."), [])
    with open_ledger(":memory:", readonly=None) as led:
        assert led.writable


def test_readonly_none_on_a_read_only_file(tmp_path: Path) -> None:
    # a file the user may not write is opened read-only; the tests run as root in CI, and root
    # writes any file, so the check runs in a child without the capabilities that let root
    # ignore permissions (setpriv), which reads permissions as any other user would
    path = tmp_path / "ledger.db"
    with open_ledger(path) as led:
        led.add(_doc(), [])
    path.chmod(0o444)
    check = (
        "from counterclaim.ledger import open_ledger\n"
        f"with open_ledger({str(path)!r}, readonly=None) as led:\n"
        f"    print(led.writable, led.has_document({_doc().doc_id!r}))\n"
    )
    cmd = [sys.executable, "-c", check]
    if os.geteuid() == 0:
        cmd = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", *cmd]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]


# ---------------------------------------------------------------------- the protocol


def _protocol_members() -> dict[str, object]:
    return {
        name: value for name, value in vars(Ledger).items()
        if (callable(value) or isinstance(value, property))
        and (not name.startswith("_") or name in ("__enter__", "__exit__"))
    }


def test_the_protocol_names_what_the_code_above_the_ledger_uses() -> None:
    members = _protocol_members()
    for name in ("add", "document", "documents", "claims", "claims_by_id", "sightings", "stats", "grouping_of",
                 "write_grouping", "incidents", "contradictions", "corroborations", "writable", "close"):
        assert name in members, name
    assert "meta" not in members  # SQLite's own business


def test_sqlite_ledger_satisfies_the_protocol() -> None:
    # A runtime check beside the typed assignment in open_ledger that mypy checks: every member
    # of the protocol is there, with the same parameters (names, kinds, defaults).
    with SqliteLedger(":memory:") as led:
        assert isinstance(led, Ledger)
    for name, member in _protocol_members().items():
        impl = inspect.getattr_static(SqliteLedger, name)
        if isinstance(member, property):
            assert isinstance(impl, property), name
            continue
        want = inspect.signature(member).parameters  # type: ignore[arg-type]
        got = inspect.signature(impl).parameters
        assert [(p.name, p.kind, p.default) for p in got.values()] == [
            (p.name, p.kind, p.default) for p in want.values()
        ], name


def test_the_package_gives_the_protocol_and_open_ledger() -> None:
    import counterclaim

    assert counterclaim.Ledger is Ledger and counterclaim.open_ledger is open_ledger
