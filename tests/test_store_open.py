"""Opening a store: a damaged one is named with a clear exit code, a read-only one can still be read."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
import sqlalchemy as sa
import streamlit as st
from conftest import ROOT
from streamlit.testing.v1 import AppTest

from strikemap import cli, query
from strikemap import store as sm
from strikemap.errors import StoreDamaged, StoreError
from strikemap.ingest import ingest
from strikemap.query import find
from strikemap.read import read_paths

CORPUS = ROOT / "tests" / "fixtures" / "corpus"
READS = [["events"], ["export", "--format", "csv"], ["export", "--format", "geojson"], ["show", "EVENT"]]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "strikemap", *args], capture_output=True, text=True, check=False, cwd=ROOT
    )


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the frozen corpus; tests copy it rather than ingest again."""
    path = tmp_path_factory.mktemp("filled") / "store.sqlite"
    store = sm.Store(str(path))
    ingest(store, read_paths([CORPUS]))
    store.close()
    return path


def copy_of(filled: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(filled, folder / "store.sqlite")
    return folder / "store.sqlite"


def an_event(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return str(conn.execute("SELECT id FROM events ORDER BY id LIMIT 1").fetchone()[0])


def command(args: list[str], path: Path, event: str) -> list[str]:
    return [a.replace("EVENT", event) for a in args] + ["--db", str(path)]


def sql(statement: str) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        with closing(sqlite3.connect(path)) as conn, conn:
            conn.execute(statement)

    return damage


def garbage(path: Path) -> None:
    path.write_bytes(b"SQLite format 2\0" + bytes(range(256)) * 16)
    for extra in path.parent.glob("store.sqlite-*"):
        extra.unlink()


WHOLE = [*READS, ["verify", "EVENT"], ["ingest", str(CORPUS), "--no-progress"]]
REPORTS = [["events"], ["show", "EVENT"]]
SUMMARIES = [
    ["export", "--format", "csv", "--weapon", "drone"],
    ["export", "--format", "geojson", "--city", "Kyiv"],
]
"""Exports that filter on what a summary holds, so read every summary (an unfiltered one joins the
finished texts of unreviewed events and reads no summary of theirs)."""
DAMAGES = [
    ("not a database", garbage, "is damaged: file is not a database", WHOLE),
    (
        "schema version not a number",
        sql("UPDATE strikemap_meta SET value = 'x' WHERE key = 'schema_version'"),
        "is damaged: its schema version is 'x', not a number",
        WHOLE,
    ),
    (
        "schema version from a newer release",
        sql("UPDATE strikemap_meta SET value = '99' WHERE key = 'schema_version'"),
        f"has schema version 99, newer than this strikemap understands ({sm.SCHEMA_VERSION}): "
        "upgrade strikemap",
        WHOLE,
    ),
    (
        "report data not JSON",
        sql("UPDATE reports SET data = '{bad'"),
        "is damaged: a value in reports.data is not valid JSON (Expecting property name",
        REPORTS,
    ),
    (
        "report data of another shape",
        sql("UPDATE reports SET data = '[1, 2]'"),
        "is damaged: report ",
        REPORTS,
    ),
    (
        "event summary not JSON",
        sql("UPDATE events SET summary = '{bad'"),
        "is damaged: an event's summary is not one this strikemap reads (JSONDecodeError(",
        SUMMARIES,
    ),
]


@pytest.mark.parametrize(
    "harm, said, args",
    [
        pytest.param(harm, said, args, id=f"{name}: {args[0]}")
        for name, harm, said, every in DAMAGES
        for args in every
    ],
)
def test_a_damaged_store_is_named_with_exit_code_3_and_no_traceback(
    filled: Path, tmp_path: Path, harm: Callable[[Path], None], said: str, args: list[str]
) -> None:
    """Regression: a damaged store gave a raw traceback and exit code 1, as if inputs were skipped."""
    path = copy_of(filled, tmp_path / "db")
    event = an_event(path)
    harm(path)
    result = run(*command(args, path, event))
    (line,) = result.stderr.splitlines()
    assert (
        result.returncode,
        line.startswith(f"strikemap: the store at sqlite:///{path} "),
        said in line,
    ) == (
        cli.EXIT_STORE,
        True,
        True,
    ), result.stderr


def test_a_store_that_is_not_there_is_not_created_by_reading(tmp_path: Path) -> None:
    path = tmp_path / "typo.sqlite"
    result = run("events", "--db", str(path))
    assert (result.returncode, result.stderr.strip(), path.exists()) == (
        cli.EXIT_STORE,
        f"strikemap: no store at {path}: nothing was ingested there (check --db or STRIKEMAP_DB)",
        False,
    )


def test_ingest_into_a_damaged_store_exits_3_and_names_it(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    garbage(path)
    result = run("ingest", str(CORPUS), "--db", str(path), "--no-progress")
    assert (result.returncode, result.stderr.strip()) == (
        cli.EXIT_STORE,
        f"strikemap: the store at sqlite:///{path} is damaged: file is not a database",
    )


def test_every_exit_code_is_distinct_and_in_the_readme() -> None:
    codes = {
        name: value
        for name, value in vars(cli).items()
        if name.startswith("EXIT_") and isinstance(value, int)
    }
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = {int(code) for code in re.findall(r"^\| `(\d+)` \|", readme, flags=re.MULTILINE)}
    assert (len(set(codes.values())), documented) == (len(codes), {0, *codes.values()})


def test_a_bug_exits_with_its_own_code_and_a_traceback(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: an unexpected exception exited with 1, which means "some inputs skipped"."""

    def broken(*_: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "event_table", broken)
    status = cli.main(["events", "--db", str(copy_of(filled, tmp_path))])
    err = capsys.readouterr().err
    assert (status, "Traceback" in err, "RuntimeError: boom" in err, err.splitlines()[-1]) == (
        cli.EXIT_BUG,
        True,
        True,
        "strikemap: internal error (a bug in strikemap; the traceback above helps report it)",
    )


def test_a_closed_pipe_ends_quietly(filled: Path, tmp_path: Path) -> None:
    """`strikemap events | head`: no traceback, and not exit code 1 ("some inputs skipped")."""
    path = copy_of(filled, tmp_path)
    reader = subprocess.Popen(
        [sys.executable, "-m", "strikemap", "events", "--db", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.close()  # before the command has started to write
    err = reader.stderr.read().decode()
    assert (reader.wait(), err) == (cli.EXIT_PIPE, "")


# Reading needs no write access


@pytest.fixture
def locked(filled: Path, tmp_path: Path) -> Iterator[Path]:
    """The store in a folder no one may write to: the immutable attribute binds root too, whom
    file modes do not (tests may run as root)."""
    path = copy_of(filled, tmp_path / "locked")
    targets = [str(path), str(path.parent)]
    if os.geteuid() == 0:
        done = subprocess.run(["chattr", "+i", *targets], capture_output=True, text=True, check=False)
        if done.returncode:
            pytest.skip(f"cannot make a read-only folder as root here: chattr says {done.stderr.strip()}")
        unlock = ["chattr", "-i", *targets]
    else:
        path.chmod(0o444)
        path.parent.chmod(0o555)
        unlock = ["chmod", "u+w", *targets]
    try:
        with pytest.raises(OSError):
            (path.parent / "probe").touch()
        yield path
    finally:
        subprocess.run(unlock, check=True)


@pytest.mark.parametrize("args", READS, ids=lambda a: " ".join(a))
def test_a_store_in_a_read_only_folder_can_be_read(
    filled: Path, locked: Path, tmp_path: Path, args: list[str]
) -> None:
    """Regression: reading opened the store for writing, so a read-only store could not be read."""
    event = an_event(filled)
    result = run(*command(args, locked, event))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == run(*command(args, copy_of(filled, tmp_path / "open"), event)).stdout
    assert event in result.stdout


def test_a_write_to_a_store_in_a_read_only_folder_says_why(filled: Path, locked: Path) -> None:
    result = run("verify", an_event(filled), "--db", str(locked))
    assert (
        result.returncode,
        result.stderr.startswith(f"strikemap: cannot write to the store at sqlite:///{locked}:"),
    ) == (
        cli.EXIT_STORE,
        True,
    ), result.stderr


def test_an_old_store_in_a_read_only_folder_says_it_needs_upgrading(filled: Path, tmp_path: Path) -> None:
    path = copy_of(filled, tmp_path / "old")
    sql("UPDATE strikemap_meta SET value = '2' WHERE key = 'schema_version'")(path)
    path.parent.chmod(0o555)
    try:
        if os.geteuid() == 0 and subprocess.run(["chattr", "+i", str(path.parent)], check=False).returncode:
            pytest.skip("cannot make a read-only folder as root here")
        with pytest.raises(
            StoreError,
            match=f"has schema version 2 and must be upgraded to {sm.SCHEMA_VERSION} before it can be read, "
            "which needs write",
        ):
            sm.Store(str(path), read_only=True)
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path.parent)], check=False)
        path.parent.chmod(0o755)


def test_an_old_store_is_upgraded_once_and_then_read(filled: Path, tmp_path: Path) -> None:
    path = copy_of(filled, tmp_path / "old")
    expected = find(sm.Store(str(copy_of(filled, tmp_path / "new")), read_only=True))
    sql("UPDATE strikemap_meta SET value = '2' WHERE key = 'schema_version'")(path)
    assert find(sm.Store(str(path), read_only=True)) == expected


@pytest.mark.parametrize("args", READS, ids=lambda a: " ".join(a))
def test_reading_leaves_the_store_file_as_it_was(filled: Path, tmp_path: Path, args: list[str]) -> None:
    """Regression: every command opened the store for writing and counted a write on opening."""
    path = copy_of(filled, tmp_path / "db")
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    result = run(*command(args, path, an_event(filled)))
    after = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    assert (result.returncode, after) == (0, before), result.stderr


def test_a_read_only_store_reads_everything_and_refuses_any_write(store_url: str) -> None:
    writer = sm.Store(store_url)
    ingest(writer, read_paths([CORPUS]))
    reader = sm.Store(store_url, read_only=True)
    assert find(reader) == find(writer) != []
    with (
        pytest.raises(StoreError, match=r"cannot write to the store at .*read.?only"),
        reader.writing() as conn,
    ):
        conn.execute(sa.delete(sm.events_table))
    assert find(writer) == find(reader)


def test_open_store_falls_back_to_reading_only(filled: Path, locked: Path, tmp_path: Path) -> None:
    store = sm.open_store(str(locked))
    assert (store.read_only, find(store)) == (True, find(sm.Store(str(copy_of(filled, tmp_path / "w")))))


def test_open_store_does_not_hide_a_damaged_store(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    garbage(path)
    with pytest.raises(StoreDamaged, match="file is not a database"):
        sm.open_store(str(path))


def test_the_dashboard_shows_a_store_in_a_read_only_folder(
    locked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STRIKEMAP_DB", str(locked))
    monkeypatch.setenv("STRIKEMAP_DEMO_DB", str(tmp_path / "demo.sqlite"))
    monkeypatch.delenv("STRIKEMAP_DEMO", raising=False)
    st.cache_resource.clear()
    st.cache_data.clear()
    try:
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
        at.switch_page("pages/events.py").run()
        assert (not at.exception, [e.value for e in at.error]) == (True, [])
        assert len(at.dataframe[0].value) == len(find(sm.Store(str(locked), read_only=True)))
    finally:
        st.cache_resource.clear()
        st.cache_data.clear()


# Opening an up-to-date store writes nothing


def test_opening_a_store_leaves_its_write_count_alone(store_url: str) -> None:
    """Regression: every open counted a write, so each new reader cleared the dashboard's cache."""
    made = sm.Store(store_url)
    ingest(made, read_paths([CORPUS]))
    before = (sm.generation(made), find(made))
    made.close()
    for _ in range(2):
        sm.Store(store_url).close()
    sm.open_store(store_url).close()
    again = sm.Store(store_url)
    assert (sm.generation(again), find(again)) == before
    again.close()


def test_opening_an_up_to_date_store_for_writing_needs_no_write_access(store_url: str) -> None:
    """Opened through the engine of a read-only store, whose database refuses any write (see
    test_a_read_only_store_reads_everything_and_refuses_any_write), it opens and reads."""
    made = sm.Store(store_url)
    ingest(made, read_paths([CORPUS]))
    expected = find(made)
    refusing = sm.Store(store_url, read_only=True).engine
    opened = sm.Store(store_url, engine=refusing)
    assert (opened.read_only, find(opened)) == (False, expected)
    with pytest.raises(StoreError, match=r"cannot write to the store at .*read.?only"):
        sm.set_setting(opened, "demo", "hidden")
    refusing.dispose()


def bound_by_modes() -> list[str]:
    """What to run a command under so a file's mode binds it: root is bound by none, so root
    without the capabilities that override them (the same user, so it still reads its Python)."""
    if os.geteuid() != 0:
        return []
    prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
    if shutil.which("setpriv") is None or subprocess.run([*prefix, "true"], check=False).returncode:
        pytest.skip("tests run as root and setpriv cannot drop the capabilities that override modes")
    return prefix


@pytest.fixture
def read_only_file(filled: Path) -> Iterator[Path]:
    """The store as a file no one may write to (mode 0444), in a folder anyone may write to, as /tmp
    is (pytest's own folders are closed to other users)."""
    with tempfile.TemporaryDirectory() as folder:
        Path(folder).chmod(0o1777)
        path = copy_of(filled, Path(folder) / "db")
        path.parent.chmod(0o1777)
        path.chmod(0o444)
        yield path


def test_events_reads_a_store_whose_file_is_read_only(filled: Path, read_only_file: Path) -> None:
    before = hashlib.sha256(read_only_file.read_bytes()).hexdigest()
    done = subprocess.run(
        [*bound_by_modes(), sys.executable, "-m", "strikemap", "events", "--db", str(read_only_file)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    expected = run("events", "--db", str(filled)).stdout
    assert (done.returncode, done.stderr, done.stdout, an_event(filled) in expected) == (
        0,
        "",
        expected,
        True,
    )
    assert hashlib.sha256(read_only_file.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    "statement, said",
    [
        ("UPDATE reports SET data = '{bad'", "is damaged: a value in reports.data is not valid JSON"),
        ("UPDATE reports SET data = '[1, 2]'", "is damaged: report "),
        ("UPDATE reports SET data = '{}'", "is damaged: report "),
    ],
)
def test_the_sources_page_read_names_a_damaged_report(
    filled: Path, tmp_path: Path, statement: str, said: str
) -> None:
    """Who reported each event is read from the reports' data alone: damaged data is named, as
    everywhere else, not a raw KeyError on the Sources page."""
    path = copy_of(filled, tmp_path / "db")
    sql(statement)(path)
    store = sm.Store(str(path))
    try:
        with pytest.raises(StoreDamaged, match=re.escape(said)):
            query.sources(store)
    finally:
        store.close()


SILENT_OPEN = """
import sys
from strikemap.errors import StoreError
from strikemap.store import Store
try:
    Store(sys.argv[1])
except StoreError as err:
    print(err)
"""


@pytest.mark.parametrize(("given", "seconds"), [("", sm.CONNECT_SECONDS), ("?connect_timeout=1", 1)])
def test_a_postgresql_server_that_never_answers_is_reported_not_waited_for(given: str, seconds: int) -> None:
    """libpq waits for ever by default: the dashboard's start, then every page, would hang. The
    URL's own connect_timeout is kept."""
    with socket.socket() as silent:  # takes connections into its queue and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        url = f"postgresql://nobody:secret@127.0.0.1:{silent.getsockname()[1]}/none{given}"
        try:
            done = subprocess.run(
                [sys.executable, "-c", SILENT_OPEN, url],
                cwd=ROOT, capture_output=True, text=True, timeout=seconds + 50,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            pytest.fail(f"opening the store waited over {seconds + 50} s for a server that never answers")
    assert "timeout expired" in done.stdout, done.stdout + done.stderr
