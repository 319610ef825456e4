"""Which reports may be one event: one window, the same in memory and in the store."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from conftest import make_article

from strikemap import store as st
from strikemap.candidates import (
    MAX_CANDIDATE_DAYS,
    across_midnight,
    candidate_days,
    earliest_first_day,
    in_window,
    part_of_day,
)
from strikemap.cluster import cluster
from strikemap.merge import regroup
from strikemap.models import Evidence, Report, When

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


def _told(
    name: str,
    day: dt.date,
    sentence: str,
    words: str,
    *,
    time: str | None = None,
    district: str = "Podilskyi",
) -> Report:
    """A report of one day, dated by ``words`` of ``sentence``, as extraction gives its evidence."""
    return replace(
        _report(name, When(day, day)),
        time_of_day=time,
        districts=(district,),
        evidence=(Evidence("date", sentence, words),),
    )


@pytest.mark.parametrize(
    "sentence, words, time, part",
    [
        ("Russia attacked Kyiv with drones late on Sunday, police said.", "on Sunday", None, "evening"),
        ("Russia attacked Kyiv on Sunday evening.", "on Sunday evening", "evening", "evening"),
        ("Russian drones hit Kyiv on Sunday night.", "on Sunday night", "night", "evening"),
        ("Пізно ввечері в неділю ворог атакував Київ.", "в неділю", None, "evening"),
        ("Поздно вечером в воскресенье враг атаковал Киев.", "в воскресенье", None, "evening"),
        ("Russia attacked Kyiv with drones overnight.", "overnight", "night", "night"),
        ("Russian drones struck Kyiv on the night of May 4-5.", "night of May 4-5", None, "night"),
        ("Drones hit Kyiv in the early hours of Monday.", "Monday", "night", "night"),
        ("У ніч на понеділок ворог атакував столицю.", "ніч на понеділок", None, "night"),
        ("Вночі ворог атакував Київ шахедами.", "Вночі", None, "night"),
        ("Russia attacked Kyiv on Monday afternoon.", "on Monday afternoon", "afternoon", None),
        ("Russia attacked Kyiv on Monday.", "on Monday", None, None),
    ],
)  # fmt: skip
def test_the_words_that_date_a_report_tell_an_evening_from_a_night(
    sentence: str, words: str, time: str | None, part: str | None
) -> None:
    """An evening is dated by the day the night began, a night by its later day (the convention)."""
    report = _told("one", DAY, sentence, words, time=time)
    across = {"evening": DAY + ONE, "night": DAY - ONE, None: None}[part]
    assert (part_of_day(report), across_midnight(report)) == (part, across)


def test_a_report_without_its_day_is_matched_across_no_midnight() -> None:
    loose = replace(
        _report("loose", When(DAY - ONE, DAY)), evidence=(Evidence("date", "late last week", "week"),)
    )
    assert across_midnight(loose) is None


EVENING = ("Russia attacked Kyiv with drones late on Sunday.", "on Sunday")
NIGHT = ("У ніч на понеділок ворог атакував столицю безпілотниками.", "ніч на понеділок")
NEXT_EVENING = ("Russia attacked Kyiv with drones late on Monday.", "on Monday")
AFTERNOON = ("Russia attacked Kyiv with drones on Monday afternoon.", "on Monday afternoon")


@pytest.mark.parametrize(
    "then, district, together",
    [
        (NIGHT, "Podilskyi", True),
        (NIGHT, "Darnytskyi", False),  # another district: another attack, though the same night
        (NEXT_EVENING, "Podilskyi", False),
        (AFTERNOON, "Podilskyi", False),
    ],
)
@pytest.mark.parametrize("evening_first", [True, False])
def test_one_rule_joins_an_evening_to_its_night_in_memory_and_in_the_store(
    then: tuple[str, str], district: str, together: bool, evening_first: bool, store_url: str
) -> None:
    """The evening of the 28th and the night on the 29th; the store must find the other day's event."""
    evening = _told("evening", DAY, *EVENING)
    later = _told(
        "later", DAY + ONE, *then, time="afternoon" if then is AFTERNOON else None, district=district
    )
    expected = [["evening:0", "later:0"]] if together else [["evening:0"], ["later:0"]]
    events = cluster([evening, later])
    in_memory = sorted(sorted(r.key for r in e.reports) for e in events)
    first, second = (evening, later) if evening_first else (later, evening)
    assert (in_memory, _grouped_in_store(store_url, first, second)) == (expected, expected)
    assert [e.date for e in events] == ([DAY + ONE] if together else [DAY, DAY + ONE])
