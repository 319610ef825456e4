"""Every page against every shape of data and any URL: a short message at worst, never a traceback.

Stores hold no events, one event, one day of events or only month-precision events; the URLs are
hand-picked edge cases and, with Hypothesis, generated parameter sets.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from conftest import make_article
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as sts
from streamlit.testing.v1 import AppTest

from strikemap.dashboard import ui
from strikemap.ingest import ingest
from strikemap.store import Store

APP = Path(__file__).resolve().parents[1] / "streamlit_app.py"
PAGES = ("pages/map.py", "pages/events.py", "pages/sources.py", "pages/ingest.py")
MISSILE = (
    "A Russian missile hit a residential building in Kyiv's Darnytskyi district overnight, "
    "injuring three people, Vitali Klitschko said.",
    "2024-09-02",
)
DRONES = (
    "Drones struck a warehouse in Kyiv's Podilskyi district overnight, Klitschko said. "
    "One person was injured.",
    "2024-09-02",
)
MONTH = (
    "Earlier, in May 2023, a drone hit Kyiv's Solomianskyi district, the city administration said "
    "later in a review of the month.",
    "2023-08-15",
)
NOTHING = ("The mayor opened a new park in Kyiv on Monday.", "2024-01-01")
SHAPES = {
    "no events": [NOTHING],
    "one event": [MISSILE],
    "one day": [MISSILE, DRONES],
    "only months": [MONTH],
    "a day and a month": [MISSILE, MONTH],
}
URLS = [
    {},
    {"window": "2024-09-02..2024-09-02"},
    {"window": "1999-01-01..1999-02-01"},
    {"window": "2030-01-01..2023-01-01"},
    {"from": "0001-01-01", "to": "9999-12-31"},
    {"from": "2024-09-03"},
    {"to": "2023-05-01"},
    {"district": ["Podilskyi", "Nowhere"], "weapon": "drone", "verified": "1"},
    {"source": "<b>no such outlet</b>", "city": "Atlantis", "precision": "city"},
    {"language": ["uk", "klingon", "mixed"], "district": "Darnytskyi"},
    {"event": "no-such-event"},
    {"event": "'; DROP TABLE events; --", "window": "x..y", "from": "yesterday"},
]


def clear_caches() -> None:
    st.cache_resource.clear()
    st.cache_data.clear()


def fill(path: Path, texts: list[tuple[str, str]]) -> None:
    store = Store(str(path))
    try:
        ingest(store, [make_article(text, day, path=f"{i}.txt") for i, (text, day) in enumerate(texts)])
    finally:
        store.close()


def run_page(page: str, params: dict[str, str | list[str]]) -> AppTest:
    """The app opened at a link to `page` with `params`, as a new reader's session."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    return at


def assert_drawn(at: AppTest) -> None:
    assert [e.value for e in at.exception] == []
    assert ui.PAGE_FAILED not in [e.value for e in at.error]
    assert at.title, "the page drew its title"


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = {}
    for name, texts in SHAPES.items():
        out[name] = tmp_path_factory.mktemp("shape") / "store.sqlite"
        fill(out[name], texts)
    return out


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    clear_caches()
    yield
    clear_caches()


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("shape", SHAPES)
def test_every_page_draws_every_shape_of_data_at_every_edge_url(
    stores: dict[str, Path], shape: str, page: str, shown: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: all events on one day raised StreamlitInvalidMinMaxError from the window slider."""
    monkeypatch.setenv("STRIKEMAP_DB", str(stores[shape]))
    for params in URLS if page in PAGES[:2] else URLS[:3]:
        assert_drawn(run_page(page, params))


@pytest.mark.parametrize(
    "shape, caption",
    [("one event", "1 events · 1 markers in the window"), ("one day", "1 events · 2 markers in the window")],
)
def test_one_day_of_events_says_which_day_instead_of_a_slider(
    stores: dict[str, Path], shape: str, caption: str, shown: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STRIKEMAP_DB", str(stores[shape]))
    at = run_page(PAGES[0], {})
    assert_drawn(at)
    assert len(at.slider) == 0
    assert "Every dated event here falls on 2024-09-02." in [c.value for c in at.caption]
    assert caption in [c.value for c in at.caption]


def test_a_window_outside_the_data_shows_every_event(
    stores: dict[str, Path], shown: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STRIKEMAP_DB", str(stores["a day and a month"]))
    at = run_page(PAGES[0], {"window": "2019-01-01..2019-12-31"})
    assert_drawn(at)
    assert at.slider[0].value == (dt.date(2023, 5, 1), dt.date(2024, 9, 2))
    assert "2 events · 2 markers in the window" in [c.value for c in at.caption]


def test_a_failing_page_shows_a_short_message_and_no_traceback(
    stores: dict[str, Path], shown: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("/secret/server/path exploded")

    monkeypatch.setenv("STRIKEMAP_DB", str(stores["one event"]))
    monkeypatch.setattr("strikemap.dashboard.render.markers", broken)
    at = run_page(PAGES[0], {})
    assert [e.value for e in at.exception] == []
    assert [e.value for e in at.error] == [ui.PAGE_FAILED]
    assert "/secret/server/path" not in str([e.proto for e in at.main])


_KEYS = ("from", "to", "window", "district", "weapon", "source", "city", "precision", "language")
_KEYS += ("verified", "event")
_VALUES = sts.one_of(
    sts.dates().map(str),
    sts.tuples(sts.dates(), sts.dates()).map(lambda d: f"{d[0]}..{d[1]}"),
    sts.sampled_from(
        ["Podilskyi", "drone", "missile", "city", "district", "1", "true", "Kyiv", "uk", "en", ""]
    ),
    sts.text(max_size=30),
)
_PARAMS = sts.dictionaries(
    sts.one_of(sts.sampled_from(_KEYS), sts.text(min_size=1, max_size=8)),
    sts.one_of(_VALUES, sts.lists(_VALUES, max_size=3)),
    max_size=6,
)


@pytest.mark.parametrize("page", PAGES[:3])
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=_PARAMS)
def test_any_url_parameters_draw_the_page(
    stores: dict[str, Path], page: str, params: dict[str, str | list[str]]
) -> None:
    os.environ["STRIKEMAP_DB"] = str(stores["a day and a month"])
    try:
        clear_caches()
        assert_drawn(run_page(page, params))
    finally:
        del os.environ["STRIKEMAP_DB"]
        clear_caches()
