"""Ingest under faults: a killed process and two processes at once, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import ROOT, fresh_postgres_database
from test_store import snapshot

from strikemap import store as st
from strikemap.synth import write


@pytest.fixture(params=["sqlite", "postgresql"])
def two_stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two empty stores of one kind: one for the faulty run, one for a clean run to compare."""
    if request.param == "sqlite":
        yield str(tmp_path / "faulty.sqlite"), str(tmp_path / "clean.sqlite")
        return
    base = request.getfixturevalue("postgres_url")
    with fresh_postgres_database(base) as first, fresh_postgres_database(base) as second:
        yield first, second


def _ingest(db: str, *paths: Path, batch: int = 10) -> subprocess.Popen[str]:
    command = [
        sys.executable,
        "-m",
        "strikemap",
        "ingest",
        "--db",
        db,
        "--batch-size",
        str(batch),
        "--no-progress",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [*command, *map(str, paths)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _articles(db: str) -> int:
    store = st.Store(db)
    try:
        return st.counts(store).articles
    finally:
        store.close()


def assert_consistent(db: str) -> None:
    """Every report of every stored article sits in exactly one existing event."""
    store = st.Store(db)
    try:
        with store.reading() as conn:
            reports = {r.key: r.article_id for r in conn.execute(sa.select(st.reports_table))}
            articles = set(conn.execute(sa.select(st.articles_table.c.id)).scalars())
            members = conn.execute(sa.select(st.memberships_table)).all()
            events = set(conn.execute(sa.select(st.events_table.c.id)).scalars())
        assert set(reports.values()) <= articles
        assert sorted(m.report_key for m in members) == sorted(reports)
        assert {m.event_id for m in members} == events
    finally:
        store.close()


@contextmanager
def _stopped(process: subprocess.Popen[str]) -> Iterator[subprocess.Popen[str]]:
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=60)


def test_kill_9_mid_ingest_leaves_whole_batches_and_a_rerun_finishes(
    two_stores: tuple[str, str], tmp_path: Path
) -> None:
    faulty, clean = two_stores
    folder = tmp_path / "corpus"
    count = 1200  # so the kill lands mid-ingest however fast extraction gets (240 finished first once)
    write(folder, count, seed=7)
    st.Store(faulty).close()
    with _stopped(_ingest(faulty, folder)) as run:
        deadline = time.monotonic() + 120
        while _articles(faulty) == 0:
            assert run.poll() is None, run.stderr.read() if run.stderr else ""
            assert time.monotonic() < deadline, "ingest never committed a batch"
            time.sleep(0.02)
        os.kill(run.pid, signal.SIGKILL)
        run.wait(timeout=30)
    stored = _articles(faulty)
    cut = stored % 10 == 0 and 0 < stored < count
    assert cut, f"{stored} articles: not whole batches, or nothing was cut"
    assert_consistent(faulty)

    with _stopped(_ingest(faulty, folder)) as rerun:
        assert rerun.wait(timeout=600) == 0
    with _stopped(_ingest(clean, folder)) as reference:
        assert reference.wait(timeout=600) == 0
    assert snapshot(st.Store(faulty)) == snapshot(st.Store(clean))


def test_two_ingests_at_once_neither_fail_nor_duplicate(two_stores: tuple[str, str], tmp_path: Path) -> None:
    shared, clean = two_stores
    corpus = write(tmp_path / "all", 150, seed=11)
    first, second = tmp_path / "first", tmp_path / "second"
    for index, path in enumerate(corpus):
        for folder in [first] if index < 50 else [second] if index >= 100 else [first, second]:
            folder.mkdir(exist_ok=True)
            (folder / path.name).write_bytes(path.read_bytes())
    st.Store(shared).close()
    with _stopped(_ingest(shared, first, batch=5)) as one, _stopped(_ingest(shared, second, batch=5)) as two:
        codes = (one.wait(timeout=600), two.wait(timeout=600))
        errors = (one.stderr.read() if one.stderr else "", two.stderr.read() if two.stderr else "")
    assert codes == (0, 0), errors
    assert_consistent(shared)
    with _stopped(_ingest(clean, tmp_path / "all")) as reference:
        assert reference.wait(timeout=600) == 0

    def partition(db: str) -> list[list[str]]:
        events = snapshot(st.Store(db))["events"]
        return sorted(members for _, _, _, members in events)  # type: ignore[union-attr]

    assert _articles(shared) == 150
    assert partition(shared) == partition(clean)
