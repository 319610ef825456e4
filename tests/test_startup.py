"""The server's start (`app.py`, strikemap/dashboard/startup.py): what it readies, and that a store it
cannot read does not keep it from starting."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
import streamlit as st
from serving import served_app
from test_store_open import garbage

from strikemap.dashboard import startup, ui
from strikemap.store import counts, open_store

ROOT = Path(__file__).resolve().parents[1]
LOADED = """
import json, sys
from strikemap.dashboard import startup
startup.warm()
print(json.dumps(sorted(m for m in ("pandas", "pyarrow", "folium", "sqlalchemy", "streamlit_folium")
                        if m in sys.modules)))
"""


def test_the_start_loads_the_pages_libraries_and_the_demo_but_not_the_map_frame(tmp_path: Path) -> None:
    """streamlit-folium registers its map frame with the server only when a page's run imports it:
    imported as the server starts, the map would be an empty frame (its files answered 404)."""
    env = {
        **os.environ,
        "STRIKEMAP_DB": str(tmp_path / "store.sqlite"),
        "STRIKEMAP_DEMO_DB": str(tmp_path / "demo.sqlite"),
    }
    env.pop("STRIKEMAP_DEMO", None)
    done = subprocess.run(
        [sys.executable, "-c", LOADED], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout.splitlines()[-1]) == ["folium", "pandas", "pyarrow", "sqlalchemy"]
    assert counts(open_store(str(tmp_path / "demo.sqlite"))).events > 0, "a newcomer's demo is ready"


def test_a_damaged_store_is_reported_and_the_server_starts_anyway(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    garbage(path)
    log = tmp_path / "server.log"
    with served_app(path, demo=tmp_path / "demo.sqlite", log=log):
        pass  # it answered
    said = log.read_text()
    assert "the store was not read as the server started; the pages will try again" in said
    assert "file is not a database" in said and "Traceback" not in said


def test_an_unexpected_failure_is_logged_whole_and_the_start_goes_on(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> None:
        raise RuntimeError("a bug in a reader")

    monkeypatch.setattr(ui, "warm", broken)
    with caplog.at_level(logging.WARNING, logger="strikemap"):
        startup.warm()
    (record,) = caplog.records
    assert record.exc_info is not None and "a bug in a reader" in str(record.exc_info[1])
    st.cache_resource.clear()
