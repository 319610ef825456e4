"""Merging reports from several articles into events."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest
from conftest import ROOT, make_article

from strikemap.cluster import EventBuilder, cluster, make_event
from strikemap.extract import extract
from strikemap.models import Article, Report
from strikemap.pipeline import find_reports
from strikemap.read import read_paths
from strikemap.store import summary_json
from strikemap.synth import articles


def _events(*articles: tuple[str, str | None, str]):  # type: ignore[no-untyped-def]
    reports = [
        r for text, published, path in articles for r in extract(make_article(text, published, path=path))
    ]
    return cluster(reports)


def test_three_outlets_one_attack_make_one_event_with_three_reports() -> None:
    events = _events(
        (
            "Drones hit the Solomianskyi district of Kyiv overnight, killing one person.",
            "2023-05-28",
            "a.txt",
        ),
        ("A Shahed drone struck a house in Kyiv's Solomyanskyi district on Sunday.", "2023-05-29", "b.txt"),
        ("Debris fell in Solomianskyi overnight; two people were killed.", "2023-05-28", "c.txt"),
    )
    assert [(e.city, e.districts, str(e.date), e.sources_count, e.killed) for e in events] == [
        ("Kyiv", ("Solomianskyi",), "2023-05-28", 3, 2)
    ]


def test_an_undated_report_takes_the_date_of_the_attack_it_matches() -> None:
    events = _events(
        ("Kamikaze drones hit Kyiv's Shevchenkivskyi district on Monday.", "2022-10-17", "dated.txt"),
        ("Missiles hit the Shevchenkivskyi district on Monday last week.", "2022-10-17", "dated2.txt"),
        ("Kyiv's Shevchenkiv district was attacked by drones on Monday.", None, "undated.txt"),
    )
    by_date = {str(e.date): sorted(r.article for r in e.reports) for e in events}
    assert by_date == {"2022-10-10": ["dated2.txt"], "2022-10-17": ["dated.txt", "undated.txt"]}


def test_an_undated_report_with_two_equal_matches_stays_apart() -> None:
    events = _events(
        ("Drones hit Kyiv's Obolonskyi district on Monday.", "2023-06-05", "one.txt"),
        ("Drones hit Kyiv's Obolonskyi district on Monday.", "2023-06-12", "two.txt"),
        ("Drones attacked Obolon on Monday.", None, "undated.txt"),
    )
    assert sorted((str(e.date), len(e.reports)) for e in events) == [
        ("2023-06-05", 1),
        ("2023-06-12", 1),
        ("None", 1),
    ]


def test_different_cities_on_the_same_day_are_different_events() -> None:
    events = _events(
        ("Missiles hit Kyiv and Kharkiv on Friday.", "2023-12-29", "a.txt"),
    )
    assert sorted(e.city for e in events) == ["Kharkiv", "Kyiv"]


def test_reports_on_distinct_days_stay_distinct_events() -> None:
    texts = []
    start = dt.date(2022, 3, 1)
    for i in range(400):
        day = (start + dt.timedelta(days=i)).isoformat()
        texts.append((f"Drones hit Kyiv's Darnytskyi district on {day}.", day, f"{i}.txt"))
    events = _events(*texts)
    assert len(events) == 400


@pytest.fixture(scope="module")
def many_reports() -> list[Report]:
    """Hand-written articles (undated, weekday-only, background reports among them) and synthetic ones."""
    given = [a for a in read_paths([ROOT / "tests" / "fixtures" / "corpus"]) if isinstance(a, Article)]
    return find_reports(given + list(articles(120, seed=4, days=6, kyiv_share=1.0)))


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("step", [1, 4, 40])
def test_an_event_grown_in_any_order_equals_one_made_at_once(
    many_reports: list[Report], seed: int, step: int
) -> None:
    """Regression (issue 11): ingest grows events batch by batch, out of date order."""
    rng = random.Random(seed)
    reports = rng.sample(many_reports, rng.randrange(1, 60))
    builder = EventBuilder()
    for start in range(0, len(reports), step):
        builder.add(reports[start : start + step])
    made = make_event(reports)
    assert (builder.event(), summary_json(builder.event(), builder.listing())) == (made, summary_json(made))


@pytest.mark.parametrize("order", ["given", "reversed", "shuffled"])
def test_an_event_of_one_day_has_the_same_id_whichever_report_came_first(
    many_reports: list[Report], order: str
) -> None:
    day = [r for r in many_reports if r.date_precision == "day"]
    busiest = Counter((r.city, r.date) for r in day).most_common(1)[0][0]
    same = [r for r in day if (r.city, r.date) == busiest]
    ordered = {"given": same, "reversed": same[::-1], "shuffled": random.Random(1).sample(same, len(same))}
    assert len(same) > 2
    assert make_event(ordered[order][:1]).id == make_event(same).id
