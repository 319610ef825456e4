"""Filters and the timeline window in the URL: a round trip, and garbage that never breaks a page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pytest

from strikemap.dashboard import params
from strikemap.dashboard.params import View, known, normal, reconcile
from strikemap.views import Filters, check

D = dt.date
Window = tuple[dt.date, dt.date] | None


def to_params(filters: Filters, window: Window = None) -> params.Params:
    return params.to_params(View(filters, window))


def from_params(url: Mapping[str, str | list[str]]) -> tuple[Filters, Window]:
    view = params.from_params(url)
    return view.filters, view.window


@pytest.mark.parametrize(
    "filters, window",
    [
        (Filters(), None),
        (Filters(), (D(2023, 5, 1), D(2023, 5, 31))),
        (Filters(start=D(2022, 10, 1)), None),
        (Filters(end=D(2024, 1, 31)), (D(2023, 1, 1), D(2023, 1, 1))),
        (Filters(start=D(2023, 1, 1), end=D(2023, 12, 31)), (D(2023, 3, 1), D(2023, 3, 7))),
        (Filters(districts=("Podilskyi",)), None),
        (Filters(districts=("Solomianskyi", "Darnytskyi"), weapons=("drone", "missile")), None),
        (Filters(weapons=("bomb",), precisions=("landmark", "city")), None),
        (Filters(sources=("Kyiv Wire", "Left Bank News"), cities=("Kyiv", "Bila Tserkva")), None),
        (Filters(sources=("Kyiv Wire & Co: <b>",), cities=("Київ",)), None),
        (Filters(verified_only=True), (D(2022, 2, 24), D(2024, 8, 26))),
        (Filters(languages=("uk",)), None),
        (Filters(languages=("mixed", "en", "ru")), (D(2023, 5, 1), D(2023, 5, 31))),
        (
            Filters(
                start=D(2022, 10, 10),
                end=D(2022, 10, 31),
                districts=("Shevchenkivskyi",),
                weapons=("drone",),
                sources=("Podil Post",),
                cities=("Kyiv",),
                precisions=("district",),
                languages=("uk", "ru"),
                verified_only=True,
            ),
            (D(2022, 10, 10), D(2022, 10, 17)),
        ),
    ],
)
def test_round_trip(filters: Filters, window: Window) -> None:
    assert from_params(to_params(filters, window)) == (filters, window)


@pytest.mark.parametrize(
    "filters, window, expected",
    [
        (Filters(), None, {}),
        (
            Filters(start=D(2023, 1, 1), end=D(2023, 2, 1), districts=("Podilskyi",), verified_only=True),
            (D(2023, 1, 5), D(2023, 1, 12)),
            {
                "from": "2023-01-01",
                "to": "2023-02-01",
                "district": ["Podilskyi"],
                "verified": "1",
                "window": "2023-01-05..2023-01-12",
            },
        ),
        (
            Filters(
                weapons=("drone", "missile"),
                sources=("Kyiv Wire",),
                cities=("Kyiv",),
                precisions=("city",),
                languages=("uk", "mixed"),
            ),
            None,
            {
                "weapon": ["drone", "missile"],
                "source": ["Kyiv Wire"],
                "city": ["Kyiv"],
                "precision": ["city"],
                "language": ["uk", "mixed"],
            },
        ),
    ],
)
def test_to_params(filters: Filters, window: Window, expected: dict[str, object]) -> None:
    assert to_params(filters, window) == expected


def test_rejected_events_are_not_a_url_setting() -> None:
    assert to_params(Filters(include_rejected=True)) == {}


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, (Filters(), None)),
        ({"district": ["Nowhere", "Podilskyi"]}, (Filters(districts=("Podilskyi",)), None)),
        ({"district": "Nowhere"}, (Filters(), None)),
        ({"district": "Podilskyi"}, (Filters(districts=("Podilskyi",)), None)),
        ({"district": ["podilskyi"]}, (Filters(), None)),
        ({"district": ["Podilskyi", "Podilskyi", ""]}, (Filters(districts=("Podilskyi",)), None)),
        ({"weapon": ["laser", "drone"]}, (Filters(weapons=("drone",)), None)),
        ({"precision": ["street", "landmark"]}, (Filters(precisions=("landmark",)), None)),
        ({"language": ["de", "uk", "UK", "uk"]}, (Filters(languages=("uk",)), None)),
        ({"language": "ukrainian"}, (Filters(), None)),
        ({"language": ["", "mixed"]}, (Filters(languages=("mixed",)), None)),
        ({"source": ["", "Kyiv Wire", "Kyiv Wire"]}, (Filters(sources=("Kyiv Wire",)), None)),
        ({"from": "2023-13-01"}, (Filters(), None)),
        ({"from": "yesterday", "to": "2023-02-30"}, (Filters(), None)),
        ({"from": "", "to": "2023-05-01"}, (Filters(end=D(2023, 5, 1)), None)),
        ({"from": ["2023-01-01", "2023-02-01"]}, (Filters(start=D(2023, 2, 1)), None)),
        ({"from": []}, (Filters(), None)),
        ({"from": "2023-06-01", "to": "2023-01-01"}, (Filters(start=D(2023, 1, 1), end=D(2023, 6, 1)), None)),
        ({"verified": "yes"}, (Filters(), None)),
        ({"verified": "true"}, (Filters(verified_only=True), None)),
        ({"verified": ["0", "1"]}, (Filters(verified_only=True), None)),
        ({"window": "2023-06-01..2023-01-01"}, (Filters(), None)),
        ({"window": "2023-01-01..2023-01-01"}, (Filters(), (D(2023, 1, 1), D(2023, 1, 1)))),
        ({"window": "2023-01-01.."}, (Filters(), None)),
        ({"window": "..2023-01-01"}, (Filters(), None)),
        ({"window": "2023-01-01"}, (Filters(), None)),
        ({"window": "2023-01-01..2023-01-31..2023-02-28"}, (Filters(), None)),
        ({"window": "garbage"}, (Filters(), None)),
        (
            {"window": ["2022-01-01..2022-01-07", "2023-01-01..2023-01-07"]},
            (Filters(), (D(2023, 1, 1), D(2023, 1, 7))),
        ),
        ({"unknown": "value", "map": ["x"]}, (Filters(), None)),
        ({"from": "0001-01-01", "to": "9999-12-31"}, (Filters(), None)),
        ({"window": "1999-12-31..2000-01-01"}, (Filters(), None)),
        ({"source": "x" * 201}, (Filters(), None)),
    ],
)
def test_garbage_is_dropped_or_repaired(
    params: Mapping[str, str | list[str]], expected: tuple[Filters, Window]
) -> None:
    assert from_params(params) == expected


@pytest.mark.parametrize(
    "params",
    [
        {"from": "\x00", "to": "9" * 400, "window": "\ud800..\U0010ffff"},
        {"district": ["<script>", "'; DROP TABLE events; --"], "weapon": "💥"},
        {"language": ["x" * 300, "\x00", "en\n"]},
        {"window": "....", "verified": ""},
        {"from": "2023-06-01", "to": "2023-01-01", "window": "2024-02-30..2024-03-01"},
    ],
)
def test_decoded_filters_always_pass_the_query_check(params: Mapping[str, str | list[str]]) -> None:
    filters, window = from_params(params)
    check(filters)
    assert window is None or window[0] <= window[1]


@pytest.mark.parametrize(
    "url, expected",
    [
        ({"event": "dfe2dbfc49ae"}, "dfe2dbfc49ae"),
        ({"event": ["abc", "def0"]}, "def0"),
        ({"event": ""}, None),
        ({"event": "'; DROP TABLE events; --"}, None),
        ({"event": "a" * 65}, None),
    ],
)
def test_the_chosen_event_travels_in_the_url(url: dict[str, str | list[str]], expected: str | None) -> None:
    view = params.from_params(url)
    assert view.event == expected
    assert params.from_params(params.to_params(view)) == view


FILTERED = View(Filters(weapons=("drone",)), (D(2023, 5, 1), D(2023, 5, 31)))
WRITTEN = normal(params.to_params(FILTERED))


@pytest.mark.parametrize(
    "url, written, current, expected",
    [
        ({"weapon": "missile"}, None, None, View(Filters(weapons=("missile",)))),
        ({}, None, None, View()),
        ({}, WRITTEN, FILTERED, FILTERED),
        (WRITTEN, WRITTEN, FILTERED, FILTERED),
        ({"weapon": ["drone"], "window": "2023-05-01..2023-05-31"}, WRITTEN, FILTERED, FILTERED),
        ({"weapon": "missile"}, WRITTEN, FILTERED, View(Filters(weapons=("missile",)))),
        ({"event": "abc"}, WRITTEN, FILTERED, View(event="abc")),
    ],
    ids=[
        "first run",
        "first run, bare",
        "page switch emptied the url",
        "own url",
        "own url, other spelling",
        "back or a link",
        "a link to an event",
    ],
)
def test_reconcile_keeps_the_session_view_unless_the_url_is_new(
    url: params.Params, written: params.Params | None, current: View | None, expected: View
) -> None:
    assert reconcile(url, written, current) == expected


def test_known_drops_sources_and_cities_the_store_does_not_hold() -> None:
    view = View(Filters(sources=("Kyiv Wire", "Gone"), cities=("Kyiv", "Atlantis")), event="x")
    assert known(view, sources=["Kyiv Wire"], cities=["Kyiv"]) == View(
        Filters(sources=("Kyiv Wire",), cities=("Kyiv",)), event="x"
    )
