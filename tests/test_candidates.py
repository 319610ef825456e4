"""Which reports may be one event: one window, the same in memory and in the store."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_article

from strikemap import store as st
from strikemap.candidates import MAX_CANDIDATE_DAYS, candidate_days, earliest_first_day, in_window
from strikemap.cluster import cluster
from strikemap.merge import regroup
from strikemap.models import Report, When

DAY = dt.date(2023, 5, 28)
ONE = dt.timedelta(days=1)
WEEK = 7 * ONE


@pytest.mark.parametrize(
    "when, window, days",
    [
        (None, False, None),
        (When(None, None, weekday=0), False, None),
        (When(DAY, DAY), True, [DAY]),
        (When(DAY - 2 * ONE, DAY), True, [DAY - d * ONE for d in (2, 1, 0)]),
        (When(DAY - 13 * ONE, DAY, weekday=DAY.weekday()), True, [DAY - WEEK, DAY]),
        (When(DAY - 62 * ONE, DAY, weekday=DAY.weekday()), True, [DAY - w * WEEK for w in range(8, -1, -1)]),
        (When(DAY - 63 * ONE, DAY), False, []),
        (When(DAY - 63 * ONE, DAY, weekday=0), False, []),
    ],
)  # fmt: skip
def test_candidate_days_are_the_period_within_the_window(
    when: When | None, window: bool, days: list[dt.date] | None
) -> None:
    assert (in_window(when), candidate_days(when)) == (window, days)


def test_the_store_reads_back_as_far_as_the_window_reaches() -> None:
    assert earliest_first_day(DAY) == DAY - dt.timedelta(days=MAX_CANDIDATE_DAYS) == dt.date(2023, 3, 27)


def _report(name: str, when: When) -> Report:
    dated = when.earliest == when.latest
    return Report(
        article=f"{name}.txt",
        article_id=make_article(f"text of {name}").id,
        key=f"{name}:0",
        role="primary",
        city="Kyiv",
        date=when.latest if dated else None,
        date_precision="day" if dated else "month",
        when=when,
        districts=("Podilskyi",),
        weapons=("drone",),
    )


def _pair(span: int) -> tuple[Report, Report]:
    """A report of one day, and one that may be on any day of a period ending that day."""
    return _report("dated", When(DAY, DAY)), _report("loose", When(DAY - dt.timedelta(days=span), DAY))


def _grouped_in_store(url: str, first: Report, then: Report) -> list[list[str]]:
    """The two reports written in two transactions, the second merged as an ingest merges it."""
    store = st.Store(url)
    for report in (first, then):
        with store.writing() as conn:
            article = make_article(f"text of {report.article[:-4]}", path=report.article)
            st.insert_articles(conn, [article], [report])
            regroup(conn, [report], st.events_near(conn, [report]))
    with store.reading() as conn:
        groups = st.reports_of(conn, st.all_event_ids(conn)).values()
    store.close()
    return sorted(sorted(r.key for r in group) for group in groups)


@pytest.mark.parametrize("span, together", [(MAX_CANDIDATE_DAYS, True), (MAX_CANDIDATE_DAYS + 1, False)])
@pytest.mark.parametrize("dated_first", [True, False])
def test_one_window_decides_in_memory_and_in_the_store(
    span: int, together: bool, dated_first: bool, store_url: str
) -> None:
    """Regression: the window was written three times (clustering, store, its SQL bound)."""
    dated, loose = _pair(span)
    expected = [["dated:0", "loose:0"]] if together else [["dated:0"], ["loose:0"]]
    in_memory = sorted(sorted(r.key for r in e.reports) for e in cluster([dated, loose]))
    first, then = (dated, loose) if dated_first else (loose, dated)
    assert (in_memory, _grouped_in_store(store_url, first, then)) == (expected, expected)
