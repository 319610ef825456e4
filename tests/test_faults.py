"""Faults under a running dashboard: PostgreSQL stops and comes back, and the app follows."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import streamlit as st
from conftest import ROOT
from streamlit.testing.v1 import AppTest


def _psql(port: int, sql: str) -> None:
    subprocess.run(["su", "postgres", "-c", f"psql -X -q -p {port} -v ON_ERROR_STOP=1"], input=sql, text=True,
                   check=True, capture_output=True, cwd="/")  # fmt: skip


@pytest.fixture
def private_postgres() -> Iterator[tuple[str, Callable[[], None], Callable[[], None]]]:
    """A PostgreSQL cluster of this test's own, so stopping it disturbs no other test."""
    versions = sorted(os.listdir("/usr/lib/postgresql")) if Path("/usr/lib/postgresql").is_dir() else []
    if os.geteuid() != 0 or not versions or not shutil.which("pg_createcluster"):
        message = "needs root and Debian's PostgreSQL (bash .ci/run installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    version, name = versions[-1], f"fault{uuid.uuid4().hex[:8]}"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    subprocess.run(["pg_createcluster", version, name, "--port", str(port), "--start"], check=True,
                   capture_output=True)  # fmt: skip
    try:
        _psql(port, "CREATE ROLE faults LOGIN PASSWORD 'faults'; CREATE DATABASE faults OWNER faults;")

        def stop() -> None:
            subprocess.run(["pg_ctlcluster", version, name, "stop"], check=True, capture_output=True)

        def start() -> None:
            subprocess.run(["pg_ctlcluster", version, name, "start"], check=True, capture_output=True)

        yield f"postgresql://faults:faults@127.0.0.1:{port}/faults", stop, start
    finally:
        subprocess.run(["pg_dropcluster", version, name, "--stop"], check=False, capture_output=True)


def test_the_dashboard_says_postgresql_is_down_and_recovers_without_a_restart(
    private_postgres: tuple[str, Callable[[], None], Callable[[], None]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    url, stop, start = private_postgres
    monkeypatch.setenv("STRIKEMAP_DB", url)
    monkeypatch.setenv("STRIKEMAP_DEMO_DB", str(tmp_path / "demo.sqlite"))
    st.cache_resource.clear()
    st.cache_data.clear()
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120).run()
    assert not app.exception
    working = [c.value for c in app.caption if "markers in the window" in c.value]
    assert working and not working[0].startswith("0 events")

    stop()
    app.run()
    assert not app.exception
    assert [e.value for e in app.error if "event store is not answering" in e.value], "a clear message"

    start()
    app.run()
    assert not app.exception and not app.error
    assert [c.value for c in app.caption if "markers in the window" in c.value] == working
    st.cache_resource.clear()
