"""Ingest with several extraction processes stores exactly what one process stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from test_store import snapshot

from strikemap import store as st
from strikemap.cli import main
from strikemap.ingest import Summary, ingest
from strikemap.models import Article, Skipped
from strikemap.pipeline import find_events
from strikemap.read import read_paths
from strikemap.synth import articles

SAMPLES = ROOT / "tests" / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def corpus() -> list[Article]:
    """Hand-written articles (undated and weekday-only reports among them) and synthetic ones."""
    given = [a for a in read_paths([SAMPLES]) if isinstance(a, Article)]
    return given + list(articles(90, seed=3))


def _partition(events: list[tuple[str, str, str, list[str]]]) -> list[tuple[str, str, list[str]]]:
    return sorted((city, date, keys) for _, city, date, keys in events)


def test_two_processes_store_the_same_events_as_one_and_as_find_events(
    corpus: list[Article], tmp_path: Path
) -> None:
    one, two = st.Store(str(tmp_path / "one.sqlite")), st.Store(str(tmp_path / "two.sqlite"))
    first = ingest(one, corpus, batch_size=15, jobs=1)
    second = ingest(two, corpus, batch_size=15, jobs=2)
    assert second == first
    assert snapshot(two) == snapshot(one)
    expected = sorted((e.city, str(e.date), sorted(r.key for r in e.reports)) for e in find_events(corpus))
    assert _partition(snapshot(two)["events"]) == expected  # type: ignore[arg-type]


def test_two_processes_skip_what_is_stored_and_count_it(corpus: list[Article], tmp_path: Path) -> None:
    store = st.Store(str(tmp_path / "store.sqlite"))
    ingest(store, corpus[:40], batch_size=10, jobs=2)
    before = snapshot(store)
    again = ingest(store, corpus[:40] + corpus[:5], batch_size=10, jobs=2)
    assert (again.added, again.present, snapshot(store)) == (0, 45, before)


def test_the_command_takes_a_number_of_jobs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "store.sqlite")
    assert (
        main(["ingest", str(SAMPLES), "--db", db, "--batch-size", "3", "--jobs", "2", "--no-progress"]) == 0
    )
    assert "articles added:" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["ingest", str(SAMPLES), "--db", db, "--jobs", "0"])


def test_a_skipped_file_name_with_a_newline_cannot_forge_a_line_of_the_summary() -> None:
    summary = Summary(skipped=[Skipped("evil\narticles added: 999.txt", "empty\u202efile")])
    assert summary.lines()[2:] == ["  skipped evil\\narticles added: 999.txt: empty\\u202efile"]
