"""Store fixtures: a throwaway PostgreSQL server on localhost, and a fresh store per test on
SQLite and on PostgreSQL (loaded by tests/conftest.py through ``pytest_plugins``).

The server is Debian's ``postgresql`` (initdb + pg_ctl from /usr/lib/postgresql/*/bin) in a temp
directory, run as the ``postgres`` user when the tests run as root (PostgreSQL refuses root).
``SDGDASH_TEST_PG_URL`` reuses a running server instead; only ``SDGDASH_SKIP_PG=1`` skips the
PostgreSQL tests, otherwise a server that cannot start fails them.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

BACKENDS = ["sqlite", "postgresql"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bin() -> Path:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4])
    )
    if not found:
        pytest.fail(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run "
            "scripts/test.sh, which installs Debian's postgresql, or set SDGDASH_SKIP_PG=1"
        )
    return Path(found[-1]).parent


def _as_postgres(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """URL (without database) of a PostgreSQL server for this test session."""
    if os.environ.get("SDGDASH_SKIP_PG") == "1":
        pytest.skip("SDGDASH_SKIP_PG=1: PostgreSQL tests skipped on request")
    given = os.environ.get("SDGDASH_TEST_PG_URL")
    if given:
        yield given
        return
    bindir = _pg_bin()
    root = Path(tempfile.mkdtemp(prefix="sdgdash-pg-"))
    data, sock = root / "data", root / "sock"
    data.mkdir()
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(data, "postgres")
        shutil.chown(sock, "postgres")
        root.chmod(0o755)
    port = _free_port()
    log = root / "server.log"
    run = {"check": True, "capture_output": True, "text": True, "timeout": 120}
    try:
        subprocess.run(
            _as_postgres(
                [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"]
                + ["-E", "UTF8", "--no-sync"]
            ),
            **run,
        )
        if os.geteuid() == 0:
            shutil.chown(root, "postgres")
        subprocess.run(
            _as_postgres(
                [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60"]
                + ["-o", f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off"]
                + ["start"]
            ),
            **run,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", "") or ""
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"PostgreSQL did not start: {exc}\n{detail}\n{tail}")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
            timeout=60,
            check=False,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_database(pg_server: str) -> Iterator[str]:
    """A fresh database on the test server for this session (dropped afterwards)."""
    name = f"sdgdash_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(f"{pg_server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')  # name is generated above
    yield f"{pg_server}/{name}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path) -> Iterator[str]:
    """An empty store URL on each backend (PostgreSQL: the session database, emptied)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store' / 'store.sqlite3'}"
        return
    from sdgdash.store import schema

    url = request.getfixturevalue("pg_database")
    engine = sa.create_engine(url)
    schema.metadata.drop_all(engine)
    engine.dispose()
    yield url
    engine = sa.create_engine(url)
    schema.metadata.drop_all(engine)
    engine.dispose()
