"""The timeline under the map: the data's span, the window, stepping it, and events per day or week."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import make_article

from strikemap.cluster import cluster
from strikemap.dashboard import timeline
from strikemap.extract import extract
from strikemap.models import Event, Precision
from strikemap.views import EventView

D = dt.date


def view(day: dt.date | None, precision: Precision | None = "day", name: str = "e") -> EventView:
    """An event on a day, in a month or a year (or undated), with nothing else to it."""
    return EventView(Event(name, "Kyiv", day, precision if day else None, ()))


def names(views: list[EventView]) -> list[str]:
    return [v.event.id for v in views]


@pytest.mark.parametrize(
    "views, expected",
    [
        ([], None),
        ([view(None)], None),
        ([view(D(2023, 5, 16))], (D(2023, 5, 16), D(2023, 5, 16))),
        ([view(D(2023, 5, 16)), view(D(2022, 10, 10)), view(None)], (D(2022, 10, 10), D(2023, 5, 16))),
        ([view(D(2023, 5, 16)), view(D(2023, 6, 1), "month")], (D(2023, 5, 16), D(2023, 6, 30))),
        ([view(D(2024, 2, 1), "month")], (D(2024, 2, 1), D(2024, 2, 29))),
        ([view(D(2023, 5, 16)), view(D(2022, 1, 1), "year")], (D(2022, 1, 1), D(2023, 5, 16))),
        ([view(D(2023, 1, 1), "year")], (D(2023, 1, 1), D(2023, 12, 31))),
    ],
)
def test_span(views: list[EventView], expected: tuple[dt.date, dt.date] | None) -> None:
    assert timeline.span(views) == expected


def test_span_of_extracted_events() -> None:
    articles = [
        make_article(
            "Russian drones struck Kyiv's Podilskyi district overnight, officials said.", "2023-05-16"
        ),
        make_article("A missile hit Kyiv's Darnytskyi district overnight, officials said.", "2022-10-10"),
    ]
    views = [EventView(e) for a in articles for e in cluster(extract(a))]
    assert timeline.span(views) == (D(2022, 10, 10), D(2023, 5, 16))


EVENTS = [
    view(D(2023, 5, 16), name="day-16"),
    view(D(2023, 5, 31), name="day-31"),
    view(D(2023, 6, 1), "month", name="june"),
    view(D(2023, 1, 1), "year", name="2023"),
    view(None, name="undated"),
]


@pytest.mark.parametrize(
    "window, expected",
    [
        ((D(2023, 5, 16), D(2023, 5, 16)), ["day-16", "2023"]),
        ((D(2023, 5, 17), D(2023, 5, 30)), ["2023"]),
        ((D(2023, 5, 31), D(2023, 6, 1)), ["day-31", "june", "2023"]),
        ((D(2023, 6, 20), D(2023, 7, 10)), ["june", "2023"]),
        ((D(2023, 5, 25), D(2023, 6, 1)), ["day-31", "june", "2023"]),
        ((D(2023, 6, 30), D(2023, 6, 30)), ["june", "2023"]),
        ((D(2023, 7, 1), D(2023, 12, 31)), ["2023"]),
        ((D(2024, 1, 1), D(2024, 12, 31)), []),
        ((D(2022, 1, 1), D(2024, 12, 31)), ["day-16", "day-31", "june", "2023"]),
    ],
)
def test_in_window_overlaps_and_leaves_out_undated(
    window: tuple[dt.date, dt.date], expected: list[str]
) -> None:
    assert names(timeline.in_window(EVENTS, window)) == expected


BOUNDS = (D(2023, 1, 1), D(2023, 3, 31))


@pytest.mark.parametrize(
    "window, direction, expected",
    [
        ((D(2023, 1, 1), D(2023, 1, 7)), 1, (D(2023, 1, 8), D(2023, 1, 14))),
        ((D(2023, 1, 8), D(2023, 1, 14)), -1, (D(2023, 1, 1), D(2023, 1, 7))),
        ((D(2023, 2, 10), D(2023, 2, 10)), 1, (D(2023, 2, 11), D(2023, 2, 11))),
        ((D(2023, 2, 10), D(2023, 2, 10)), -1, (D(2023, 2, 9), D(2023, 2, 9))),
        ((D(2023, 1, 1), D(2023, 1, 7)), -1, (D(2023, 1, 1), D(2023, 1, 7))),
        ((D(2023, 1, 3), D(2023, 1, 9)), -1, (D(2023, 1, 1), D(2023, 1, 7))),
        ((D(2023, 3, 25), D(2023, 3, 31)), 1, (D(2023, 3, 25), D(2023, 3, 31))),
        ((D(2023, 3, 20), D(2023, 3, 26)), 1, (D(2023, 3, 25), D(2023, 3, 31))),
        ((D(2023, 1, 1), D(2023, 3, 31)), 1, (D(2023, 1, 1), D(2023, 3, 31))),
        ((D(2023, 1, 1), D(2023, 3, 31)), -1, (D(2023, 1, 1), D(2023, 3, 31))),
        ((D(2023, 1, 1), D(2023, 1, 31)), 1, (D(2023, 2, 1), D(2023, 3, 3))),
    ],
)
def test_step_moves_by_width_and_clamps(
    window: tuple[dt.date, dt.date], direction: int, expected: tuple[dt.date, dt.date]
) -> None:
    assert timeline.step(window, BOUNDS, direction) == expected


@pytest.mark.parametrize("direction", [1, -1])
def test_step_keeps_the_width_when_it_fits(direction: int) -> None:
    window = (D(2023, 2, 1), D(2023, 2, 14))
    for _ in range(20):
        window = timeline.step(window, BOUNDS, direction)
        assert (window[1] - window[0], BOUNDS[0] <= window[0], window[1] <= BOUNDS[1]) == (
            dt.timedelta(days=13),
            True,
            True,
        )


@pytest.mark.parametrize(
    "days, weekly, expected",
    [
        ([], False, []),
        ([D(2023, 5, 16)], False, [(D(2023, 5, 16), 1)]),
        (
            [D(2023, 5, 1), D(2023, 5, 4), D(2023, 5, 1)],
            False,
            [(D(2023, 5, 1), 2), (D(2023, 5, 2), 0), (D(2023, 5, 3), 0), (D(2023, 5, 4), 1)],
        ),
        (
            [D(2023, 2, 27), D(2023, 3, 1)],
            False,
            [(D(2023, 2, 27), 1), (D(2023, 2, 28), 0), (D(2023, 3, 1), 1)],
        ),
        (
            [D(2023, 5, 3), D(2023, 5, 7), D(2023, 5, 17)],
            True,
            [(D(2023, 5, 1), 2), (D(2023, 5, 8), 0), (D(2023, 5, 15), 1)],
        ),
        ([D(2023, 5, 1), D(2023, 5, 8)], True, [(D(2023, 5, 1), 1), (D(2023, 5, 8), 1)]),
        ([D(2023, 12, 31), D(2024, 1, 1)], True, [(D(2023, 12, 25), 1), (D(2024, 1, 1), 1)]),
    ],
)
def test_counts_fill_the_gaps(days: list[dt.date], weekly: bool, expected: list[tuple[dt.date, int]]) -> None:
    views = [view(d) for d in days]
    assert timeline.counts(views, weekly=weekly) == expected


@pytest.mark.parametrize("weekly", [False, True])
def test_counts_leave_out_undated_and_imprecise_events(weekly: bool) -> None:
    views = [view(None), view(D(2023, 6, 1), "month"), view(D(2023, 1, 1), "year")]
    assert timeline.counts(views, weekly=weekly) == []


@pytest.mark.parametrize(
    "window, bounds, expected",
    [
        (None, None, None),
        ((D(2023, 1, 1), D(2023, 1, 2)), None, None),
        (None, (D(2023, 1, 1), D(2023, 3, 1)), (D(2023, 1, 1), D(2023, 3, 1))),
        ((D(2023, 2, 1), D(2023, 2, 7)), (D(2023, 1, 1), D(2023, 3, 1)), (D(2023, 2, 1), D(2023, 2, 7))),
        ((D(2022, 12, 1), D(2023, 1, 7)), (D(2023, 1, 1), D(2023, 3, 1)), (D(2023, 1, 1), D(2023, 1, 7))),
        ((D(2019, 1, 1), D(2019, 2, 1)), (D(2023, 1, 1), D(2023, 3, 1)), (D(2023, 1, 1), D(2023, 3, 1))),
        ((D(2023, 5, 1), D(2023, 5, 1)), (D(2023, 5, 1), D(2023, 5, 1)), (D(2023, 5, 1), D(2023, 5, 1))),
    ],
    ids=["no data", "no data, a window", "no window", "inside", "overlapping", "outside", "one day"],
)
def test_effective_window_is_cut_to_the_data_or_is_all_of_it(
    window: tuple[dt.date, dt.date] | None,
    bounds: tuple[dt.date, dt.date] | None,
    expected: tuple[dt.date, dt.date] | None,
) -> None:
    assert timeline.effective(window, bounds) == expected


@pytest.mark.parametrize(
    "views, expected",
    [
        ([], []),
        ([view(D(2023, 5, 16))], []),
        ([view(D(2023, 6, 1), "month"), view(D(2023, 6, 1), "month"), view(D(2023, 2, 1), "month")],
         [(D(2023, 2, 1), 1), (D(2023, 6, 1), 2)]),
        ([view(D(2023, 1, 1), "year"), view(None), view(D(2024, 2, 1), "month")], [(D(2024, 2, 1), 1)]),
    ],
)  # fmt: skip
def test_month_counts(views: list[EventView], expected: list[tuple[dt.date, int]]) -> None:
    assert timeline.month_counts(views) == expected


@pytest.mark.parametrize(
    "views, unit, expected",
    [
        ([], "day", []),
        (
            [view(D(2023, 5, 16)), view(D(2023, 5, 16)), view(D(2023, 5, 18))],
            "day",
            [("2023-05-16", "2023-05-17", 2, timeline.DAY), ("2023-05-18", "2023-05-19", 1, timeline.DAY)],
        ),
        (
            [view(D(2023, 5, 16)), view(D(2023, 2, 1), "month")],
            "day",
            [("2023-02-01", "2023-03-01", 1, timeline.MONTH), ("2023-05-16", "2023-05-17", 1, timeline.DAY)],
        ),
        (
            [view(D(2023, 1, 2)), view(D(2023, 12, 1), "month"), view(D(2023, 12, 1), "month")],
            "week",
            [("2023-12-01", "2024-01-01", 2, timeline.MONTH), ("2023-01-02", "2023-01-09", 1, timeline.DAY)],
        ),
        ([view(D(2024, 2, 1), "month")], "day", [("2024-02-01", "2024-03-01", 1, timeline.MONTH)]),
    ],
)
def test_bars_keep_month_precision_events(
    views: list[EventView], unit: str, expected: list[tuple[str, str, int, str]]
) -> None:
    """Regression: events dated only to a month were silently left out of the timeline's bars."""
    found_unit, rows = timeline.bars(views)
    assert (found_unit, [(r["start"], r["end"], r["events"], r["dated"]) for r in rows]) == (unit, expected)


BARS = re.compile(r'<path d="((?:M[\d.]+ [\d.]+V[\d.]+H[\d.]+V[\d.]+Z)+)" fill="([^"]+)"')
BAR = re.compile(r"M([\d.]+) ([\d.]+)V([\d.]+)H([\d.]+)V[\d.]+Z")


def drawn(svg: str) -> list[tuple[str, float, float, float]]:
    """Each bar of a chart as (fill, left, right, height), in drawing order."""
    return [
        (fill, float(b[1]), float(b[4]), float(b[2]) - float(b[3]))
        for path, fill in BARS.findall(svg)
        for b in BAR.finditer(path)
    ]


@pytest.mark.parametrize(
    "window, said",
    [
        ((D(2023, 5, 1), D(2023, 5, 31)), "the window is 2023-05-01 to 2023-05-31 (31 days)"),
        ((D(2023, 5, 16), D(2023, 5, 16)), "the window is 2023-05-16"),
        (None, None),
    ],
)
def test_chart_shades_the_window(window: tuple[dt.date, dt.date] | None, said: str | None) -> None:
    svg = timeline.chart_svg([view(D(2023, 1, 2)), view(D(2023, 12, 1))], window, colour="#c0392b")
    assert svg is not None
    shades = re.findall(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*fill-opacity="0.12"', svg)
    assert (said in svg if said else "the window is" not in svg, len(shades)) == (True, 1 if window else 0)
    if window:  # the shade starts where its first day does, on a line from 2 Jan to 1 Dec 2023
        left, width = (float(v) for v in shades[0])
        plot = timeline._PLOT[2] - timeline._PLOT[0]
        assert left == pytest.approx(
            timeline._PLOT[0] + plot * (window[0] - D(2023, 1, 2)).days / 334, abs=0.1
        )
        assert width == pytest.approx(max(plot * ((window[1] - window[0]).days + 1) / 334, 1), abs=0.1)


@pytest.mark.parametrize(
    "days, title",
    [
        ([D(2023, 1, 2), D(2023, 12, 1)], "Events per week"),
        ([D(2023, 1, 2), D(2023, 1, 9)], "Events per day"),
    ],
)
def test_chart_titles_its_axis_and_uses_the_app_colour(days: list[dt.date], title: str) -> None:
    svg = timeline.chart_svg([view(d) for d in days], None, colour="#123456")
    assert svg is not None
    assert f">{title}</text>" in svg
    assert {bar[0] for bar in drawn(svg)} == {"#123456"}


def test_chart_bars_stand_as_tall_as_their_count_month_bars_behind() -> None:
    views = [view(D(2023, 3, 6)), view(D(2023, 3, 6), name="f"), view(D(2023, 3, 8))]
    views.append(view(D(2023, 2, 1), "month"))
    svg = timeline.chart_svg(views, None, colour="#c0392b")
    assert svg is not None
    tallest = timeline._PLOT[3] - timeline._PLOT[1]
    plot, days = timeline._PLOT[2] - timeline._PLOT[0], (D(2023, 3, 9) - D(2023, 2, 1)).days

    def at(day: dt.date) -> float:
        return round(timeline._PLOT[0] + plot * (day - D(2023, 2, 1)).days / days, 1)

    assert drawn(svg) == [
        ("#f2c4bf", at(D(2023, 2, 1)), at(D(2023, 3, 1)), tallest / 2),  # first: the day bars stand in front
        ("#c0392b", at(D(2023, 3, 6)), at(D(2023, 3, 7)), tallest),
        ("#c0392b", at(D(2023, 3, 8)), at(D(2023, 3, 9)), tallest / 2),
    ]
    assert (">2</text>" in svg, ">1</text>" in svg) == (True, True)  # the tallest bar and half of it


@pytest.mark.parametrize(
    "first, last, labels",
    [
        (D(2023, 5, 16), D(2023, 5, 18), ["16 May 2023", "17 May", "18 May"]),
        (D(2023, 12, 30), D(2024, 1, 1), ["30 Dec 2023", "31 Dec", "1 Jan 2024"]),
        (D(2023, 5, 1), D(2023, 6, 20),
         ["1 May 2023", "8 May", "15 May", "22 May", "29 May", "5 Jun", "12 Jun", "19 Jun"]),
        (D(2023, 3, 6), D(2023, 9, 1), ["Apr 2023", "May", "Jun", "Jul", "Aug", "Sep"]),
        (D(2022, 10, 3), D(2024, 8, 30), ["Jan 2023", "Apr", "Jul", "Oct", "Jan 2024", "Apr", "Jul"]),
        (D(2014, 3, 1), D(2026, 5, 31), ["2016", "2018", "2020", "2022", "2024", "2026"]),
    ],
)  # fmt: skip
def test_the_axis_says_the_year_first_and_at_each_new_year(
    first: dt.date, last: dt.date, labels: list[str]
) -> None:
    ticks = timeline.ticks((first, last))
    assert [label for _, label in ticks] == labels
    assert all(first <= day <= last for day, _ in ticks)


@pytest.mark.parametrize("views", [[], [view(None)]])
def test_no_chart_without_dated_events(views: list[EventView]) -> None:
    assert timeline.chart_svg(views, None, colour="#c0392b") is None
