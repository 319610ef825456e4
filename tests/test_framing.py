"""What the map frames, and what it says about events beyond the frame or with no place."""

from __future__ import annotations

import datetime as dt

import pytest

from strikemap.dashboard import framing, render
from strikemap.extract.gazetteer import default_gazetteer
from strikemap.extract.gazetteer_data import beyond_the_region
from strikemap.models import Event
from strikemap.views import EventView


def view(event_id: str, city: str = "Kyiv") -> EventView:
    return EventView(Event(event_id, city, dt.date(2023, 5, 16), "day", ()))


def marker(event_id: str, lat: float, lon: float) -> render.Marker:
    return render.Marker(event_id, lat, lon, "x", "drone", 6.0, False)


@pytest.mark.parametrize(
    "city, expected",
    [
        ("Kyiv", "Kyiv"),
        ("Kyiv region", "Kyiv region"),
        ("Bila Tserkva", "Kyiv region"),
        ("Vyshhorod", "Kyiv region"),
        ("Brovary", "Kyiv region"),
        ("Kharkiv", "elsewhere"),
        ("Kharkiv region", "elsewhere"),
        ("Lviv", "elsewhere"),
        ("Atlantis", "elsewhere"),
    ],
)
def test_area(city: str, expected: framing.Area) -> None:
    assert framing.area(city) == expected


@pytest.mark.parametrize("name", sorted(beyond_the_region()))
def test_cities_said_elsewhere_without_the_gazetteer_are_no_towns_of_the_region(name: str) -> None:
    """The names framing answers "elsewhere" for at once are the gazetteer's cities and oblasts,
    spelled as its records are, so loading it would say the same."""
    entry = default_gazetteer().lookup(name)
    assert entry is not None and entry.name == name and entry.kind in ("city", "oblast")


KYIV_A, KYIV_B = marker("k1", 50.40, 30.40), marker("k2", 50.50, 30.70)
REGION = marker("r1", 49.80, 30.11)
LVIV = marker("l1", 49.84, 24.03)
VIEWS = [view("k1"), view("k2"), view("r1", "Bila Tserkva"), view("l1", "Lviv")]


@pytest.mark.parametrize(
    "placed, expected",
    [
        ([KYIV_A, KYIV_B, REGION, LVIV], framing.Frame(((50.40, 30.40), (50.50, 30.70)), "Kyiv")),
        ([KYIV_A], framing.Frame(((50.40, 30.40), (50.40, 30.40)), "Kyiv")),
        ([REGION, LVIV], framing.Frame(((49.80, 30.11), (49.80, 30.11)), "Kyiv region")),
        ([LVIV], framing.Frame(((49.84, 24.03), (49.84, 24.03)), None)),
        ([], framing.Frame(None, None)),
    ],
)
def test_frame_fits_kyiv_first_then_its_region_then_everything(
    placed: list[render.Marker], expected: framing.Frame
) -> None:
    assert framing.frame(VIEWS, placed) == expected


def test_a_window_with_markers_in_kyiv_is_framed_without_asking_where_towns_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Asking loads the gazetteer: most of a second before a server's first map could go out."""
    monkeypatch.setattr(framing, "area", lambda city: pytest.fail(f"asked where {city} is"))
    placed = [KYIV_A, REGION, LVIV]
    assert framing.frame(VIEWS, placed) == framing.Frame(((50.40, 30.40), (50.40, 30.40)), "Kyiv")


@pytest.mark.parametrize(
    "cities, fitted, expected",
    [
        (["Kyiv", "Kyiv"], "Kyiv", None),
        ([], None, None),
        (
            ["Kyiv", "Kyiv region", "Brovary", "Irpin", "Lviv", "Kharkiv", "Odesa", "Dnipro"],
            "Kyiv",
            "3 more in the Kyiv region, 4 elsewhere in Ukraine: zoom out to see them",
        ),
        (["Kyiv", "Lviv"], "Kyiv", "1 more elsewhere in Ukraine: zoom out to see them"),
        (
            ["Kyiv region", "Lviv"],
            "Kyiv region",
            "1 more in the Kyiv region, 1 elsewhere in Ukraine: zoom out to see them",
        ),
        (["Kyiv region"], "Kyiv region", "1 more in the Kyiv region"),
        (["Lviv", "Odesa"], None, "2 more elsewhere in Ukraine"),
    ],
)
def test_outside_note(cities: list[str], fitted: framing.Area | None, expected: str | None) -> None:
    views = [view(f"e{i}", city) for i, city in enumerate(cities)]
    assert framing.outside_note(views, fitted) == expected


@pytest.mark.parametrize(
    "ids, placed, expected",
    [
        (["a", "b"], [marker("a", 50.4, 30.5), marker("b", 50.4, 30.5)], None),
        (
            ["a", "b"],
            [marker("a", 50.4, 30.5)],
            "1 event in the window has no place on the map: find it in the Events table",
        ),
        (
            ["a", "b", "c"],
            [],
            "3 events in the window have no place on the map: find them in the Events table",
        ),
        ([], [], None),
    ],
)
def test_unplaced_note(ids: list[str], placed: list[render.Marker], expected: str | None) -> None:
    assert framing.unplaced_note([view(i) for i in ids], placed) == expected


def test_an_event_with_no_place_is_unplaced_and_one_with_a_district_is_not() -> None:
    nowhere = view("nowhere")
    podil = EventView(Event("podil", "Kyiv", dt.date(2023, 5, 16), "day", (), districts=("Podilskyi",)))
    assert framing.unplaced([nowhere, podil], render.markers([nowhere, podil])) == [nowhere]
