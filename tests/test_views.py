"""The read models: what the map, the timeline and the URL's filters need, without a database."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from blocked_imports import import_blocking

from strikemap.errors import ConfigError
from strikemap.models import Event, Place, Precision
from strikemap.views import EventView, Filters, apply, parse_date, period

NO_DATABASE = (
    "strikemap.views",
    "strikemap.dashboard.render",
    "strikemap.dashboard.timeline",
    "strikemap.dashboard.coverage",
    "strikemap.show",
    "strikemap.dashboard.params",
)
"""Modules that show or filter events: they must import, and work, where no database driver is."""


def _import_without_sqlalchemy(module: str) -> subprocess.CompletedProcess[str]:
    return import_blocking([module], blocked=["sqlalchemy"])


@pytest.mark.parametrize("module", NO_DATABASE)
def test_shows_and_filters_without_sqlalchemy(module: str) -> None:
    run = _import_without_sqlalchemy(module)
    assert (run.returncode, run.stderr) == (0, "")


def test_the_guard_refuses_a_module_that_needs_sqlalchemy() -> None:
    """Proof that the test above can fail: the query module reads the store, so it must not import."""
    run = _import_without_sqlalchemy("strikemap.query")
    assert run.returncode != 0
    assert "sqlalchemy is not to be imported here" in run.stderr


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2022-10-17", (dt.date(2022, 10, 17), "day")),
        ("2022-10", (dt.date(2022, 10, 1), "month")),
        ("2022", (dt.date(2022, 1, 1), "year")),
        ("", (None, None)),
        (None, (None, None)),
    ],
)
def test_parse_date(text: str | None, expected: tuple[dt.date | None, Precision | None]) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2022-13", "17.10.2022", "2022-10-17-1", "soon", "2022-02-30"])
def test_parse_date_refuses_what_is_not_a_date(text: str) -> None:
    with pytest.raises(ConfigError, match="expected YYYY-MM-DD, YYYY-MM or YYYY"):
        parse_date(text)


@pytest.mark.parametrize(
    "day, precision, expected",
    [
        (dt.date(2024, 2, 10), "day", (dt.date(2024, 2, 10), dt.date(2024, 2, 10))),
        (dt.date(2024, 2, 1), "month", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
        (dt.date(2023, 12, 1), "month", (dt.date(2023, 12, 1), dt.date(2023, 12, 31))),
        (dt.date(2023, 1, 1), "year", (dt.date(2023, 1, 1), dt.date(2023, 12, 31))),
    ],
)
def test_period(day: dt.date, precision: Precision, expected: tuple[dt.date, dt.date]) -> None:
    assert period(day, precision) == expected


def _view(day: str, precision: Precision, *places: Place) -> EventView:
    districts = tuple(dict.fromkeys(p.district for p in places if p.district))
    event = Event(day, "Kyiv", dt.date.fromisoformat(day), precision, (), districts=districts, places=places)
    return EventView(event)


PODIL = Place("Podil", "Kyiv", "Podilskyi", 50.46, 30.52, "neighbourhood")
MARKET = Place("Zhytnii Market", "Kyiv", "Podilskyi", 50.466, 30.513, "landmark")
OBOLON = Place("Obolonskyi", "Kyiv", "Obolonskyi", 50.5, 30.5, "district")
VIEWS = [
    _view("2023-05-16", "day", PODIL, MARKET),
    _view("2023-06-01", "month", OBOLON),
    _view("2023-01-01", "year"),
]


@pytest.mark.parametrize(
    "filters, expected",
    [
        (Filters(), ["2023-05-16", "2023-06-01", "2023-01-01"]),
        (Filters(start=dt.date(2023, 6, 30)), ["2023-06-01", "2023-01-01"]),
        (Filters(end=dt.date(2023, 5, 31)), ["2023-05-16", "2023-01-01"]),
        (Filters(start=dt.date(2024, 1, 1)), []),
        (Filters(precisions=("landmark",)), ["2023-05-16"]),
        (Filters(precisions=("neighbourhood", "district")), ["2023-06-01"]),
        (Filters(precisions=("city",)), ["2023-01-01"]),
        (Filters(districts=("Obolonskyi", "Podilskyi")), ["2023-05-16", "2023-06-01"]),
    ],
)
def test_apply(filters: Filters, expected: list[str]) -> None:
    assert [v.event.id for v in apply(VIEWS, filters)] == expected


@pytest.mark.parametrize(
    "filters, message",
    [
        (Filters(precisions=("street",)), "unknown location precision 'street': expected one of landmark, "),
        (Filters(weapons=("laser",)), "unknown weapon 'laser': expected one of drone, missile, bomb, "),
        (Filters(start=dt.date(2024, 1, 2), end=dt.date(2024, 1, 1)), "starts (2024-01-02) after it ends"),
    ],
)
def test_apply_refuses_filters_that_match_nothing(filters: Filters, message: str) -> None:
    with pytest.raises(ConfigError) as raised:
        apply(VIEWS, filters)
    assert message in str(raised.value)
