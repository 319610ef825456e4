"""Ingest stores the same whatever the number of processes, the batch size or the order of articles."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import ROOT
from sqlalchemy.engine import Connection
from test_store import snapshot

from strikemap import store as st
from strikemap.cli import main
from strikemap.ingest import Summary, ingest
from strikemap.models import Article, Report, Skipped
from strikemap.pipeline import find_events
from strikemap.read import read_paths
from strikemap.review import merge
from strikemap.store import neighbours
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


def _everything(store: st.Store) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Every event row (id, city, day, summary) and every membership, in a fixed order."""
    with store.reading() as conn:
        events = sorted(tuple(r) for r in conn.execute(sa.select(st.events_table)))
        members = sorted(tuple(r) for r in conn.execute(sa.select(st.memberships_table)))
    return events, members


def _ordered(items: list[Article], order: str) -> list[Article]:
    by_date = sorted(items, key=lambda a: (a.published or dt.date.min, a.id))
    return {
        "sorted": by_date,
        "reversed": by_date[::-1],
        "cycling": [a for start in range(7) for a in by_date[start::7]],
        "shuffled": random.Random(2).sample(by_date, len(by_date)),
    }[order]


FEW_ATTACKS = list(articles(150, seed=8, days=3, kyiv_share=1.0))
"""Every article reports one of a few attacks, so the events keep growing."""


@pytest.mark.parametrize(
    "order, batch_size",
    [("sorted", 1), ("sorted", 7), ("cycling", 7), ("cycling", 40), ("reversed", 13), ("shuffled", 3)],
)
@pytest.mark.parametrize("few", [False, True], ids=["many attacks", "few attacks"])
def test_the_store_does_not_depend_on_order_or_batch_size(
    tmp_path: Path, order: str, batch_size: int, few: bool
) -> None:
    """Regression (issue 11): event ids, members and summaries are the same however articles arrive."""
    corpus = FEW_ATTACKS if few else list(articles(150, seed=9))
    one_go, this_way = st.Store(str(tmp_path / "one.sqlite")), st.Store(str(tmp_path / "two.sqlite"))
    ingest(one_go, corpus, batch_size=len(corpus), jobs=1)
    ingest(this_way, _ordered(corpus, order), batch_size=batch_size, jobs=1)
    assert _everything(this_way) == _everything(one_go)


def test_hand_written_articles_store_the_same_whatever_the_batch_size(
    corpus: list[Article], tmp_path: Path
) -> None:
    """Undated and weekday-only reports go through the full regroup; batches still do not matter."""
    whole, small = st.Store(str(tmp_path / "one.sqlite")), st.Store(str(tmp_path / "two.sqlite"))
    ingest(whole, corpus, batch_size=len(corpus), jobs=1)
    ingest(small, corpus, batch_size=4, jobs=1)
    assert _everything(small) == _everything(whole)


@pytest.mark.parametrize("order", ["cycling", "shuffled"])
def test_an_ingest_does_not_read_back_the_events_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, order: str
) -> None:
    """Regression (issue 11): out of date order every batch re-read and rewrote whole events that
    kept growing, so ingest time grew with the square of the articles."""
    read_back: list[int] = []
    rewritten: list[int] = []
    reports_of, replace_events = st.reports_of, st.replace_events

    def counting_reads(conn: Connection, ids: Iterable[str]) -> dict[str, list[Report]]:
        found = reports_of(conn, ids)
        read_back.append(sum(len(r) for r in found.values()))
        return found

    def counting_writes(
        conn: Connection, old: Iterable[str], events: Sequence[tuple[str, Sequence[Report]]]
    ) -> None:
        rewritten.append(sum(len(r) for _, r in events))
        replace_events(conn, old, events)

    for reader in (st, neighbours):  # the store's neighbour search reads events back too
        monkeypatch.setattr(reader, "reports_of", counting_reads)
    monkeypatch.setattr(st, "replace_events", counting_writes)
    store = st.Store(str(tmp_path / "store.sqlite"))
    summary = ingest(store, _ordered(FEW_ATTACKS, order), batch_size=5, jobs=1)
    assert summary.events_updated > 20  # the few events grew batch after batch
    assert (sum(read_back), sum(rewritten)) == (0, 0)


def test_a_review_between_batches_is_seen_by_the_next_batch(corpus: list[Article], tmp_path: Path) -> None:
    """Events kept from earlier batches are dropped when someone else wrote to the store meanwhile."""
    cycling = _ordered(FEW_ATTACKS, "cycling")
    reviewed, reference = st.Store(str(tmp_path / "one.sqlite")), st.Store(str(tmp_path / "two.sqlite"))

    def merge_first_two(store: st.Store) -> None:
        first, second = sorted(e for e, *_ in (row[:1] for row in _everything(store)[0]))[:2]
        merge(store, first, [second])

    ingest(reference, cycling[:50], batch_size=10, jobs=1)
    merge_first_two(reference)
    ingest(reference, cycling[50:], batch_size=10, jobs=1)

    done: list[int] = []

    def after_batch(count: int) -> None:
        done.append(count)
        if sum(done) == 50:
            merge_first_two(reviewed)

    ingest(reviewed, cycling, batch_size=10, jobs=1, on_batch=after_batch)
    assert _everything(reviewed) == _everything(reference)
