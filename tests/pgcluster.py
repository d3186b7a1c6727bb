"""A throwaway PostgreSQL cluster for the tests and benchmarks: ``initdb`` in a temporary folder,
``pg_ctl start`` on a free port of 127.0.0.1, ``pg_ctl stop`` and the folder removed at the end.

The server comes from Debian's ``postgresql`` package (``make test`` installs it when missing).
PostgreSQL refuses to run as root: as root the cluster is made and run by the ``postgres``
system user that package creates (or by a ``counterclaim-pg`` system user made for it).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

#: Where Debian puts the server's programs, one folder per major version.
DEBIAN_BINS = "/usr/lib/postgresql/*/bin"
_SYSTEM_USERS = ("postgres", "counterclaim-pg")


def find_bindir() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: ``$COUNTERCLAIM_PG_BIN``, else Debian's newest,
    else the ``PATH``'s; None when there is no server installed."""
    given = os.environ.get("COUNTERCLAIM_PG_BIN")
    if given:
        return Path(given)
    found = sorted(glob.glob(DEBIAN_BINS), key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0)
    for folder in reversed(found):
        if os.access(os.path.join(folder, "initdb"), os.X_OK):
            return Path(folder)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_as() -> pwd.struct_passwd | None:
    """The user the server runs as: None (this one) unless this is root."""
    if os.geteuid() != 0:
        return None
    for name in _SYSTEM_USERS:
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", _SYSTEM_USERS[1]],
                   check=True, capture_output=True)
    return pwd.getpwnam(_SYSTEM_USERS[1])


class Cluster:
    """A running throwaway cluster; :meth:`database` makes an empty database and gives its URL."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.user = _run_as()
        self.folder = Path(tempfile.mkdtemp(prefix="counterclaim-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        if self.user is not None:
            os.chown(self.folder, self.user.pw_uid, self.user.pw_gid)
        self._as_user([str(bindir / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                       "-E", "UTF8", "--locale=C", "--no-sync"])
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
                   " -c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
        self._as_user([str(bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "server.log"),
                       "-w", "-t", "60", "-o", options, "start"])
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _as_user(self, cmd: list[str]) -> None:
        kw: dict[str, object] = {}
        if self.user is not None:
            kw = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=self.folder, **kw)  # type: ignore[call-overload]
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd[:1])} failed: {proc.stderr.strip() or proc.stdout.strip()}")

    def database(self) -> str:
        """A new empty database's URL."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def drop(self, url: str) -> None:
        """Drop a database :meth:`database` made (its connections ended first)."""
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        try:
            self._as_user([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


__all__ = ["Cluster", "find_bindir"]
