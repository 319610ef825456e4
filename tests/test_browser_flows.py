"""Flows an analyst follows across pages, in headless Chromium: the view survives every move.

Each test starts from the map page as a reader would, and checks what the page says against the
store's own answer for the same view.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from test_browser import IDLE

from strikemap import timeline
from strikemap.export import to_csv, view_row
from strikemap.query import Filters, apply, load
from strikemap.store import Store

WINDOW = (dt.date(2023, 5, 1), dt.date(2023, 12, 31))


def _idle(page: Any) -> None:
    page.wait_for_timeout(300)
    page.wait_for_selector(IDLE, timeout=90_000)


def _query(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def _pick(page: Any, label: str, option: str) -> None:
    """Choose an option in a sidebar multiselect, as a reader does: open it, click the option."""
    box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").filter(has_text=label)
    box.locator("input").click()
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")
    _idle(page)


def _title(page: Any, title: str) -> None:
    """Wait until the page titled `title` is drawn and its script has finished."""
    page.locator("h1").filter(has_text=title).wait_for(timeout=60_000)
    _idle(page)


def _go(page: Any, title: str) -> None:
    """Open another page from the sidebar's navigation, as a reader does."""
    page.locator("[data-testid='stSidebarNav'] a").filter(has_text=title).click()
    _title(page, "Kyiv Strike Map" if title == "Map" else title)


def test_filters_and_window_survive_moving_between_pages_and_back(
    app: tuple[str, Store], page: Any, tmp_path: Path
) -> None:
    """Regression: opening Events after filtering on Map showed 0 events and an empty CSV."""
    url, store = app
    page.goto(f"{url}/?from=2022-01-01&to=2025-12-31&window={WINDOW[0]}..{WINDOW[1]}")
    _idle(page)
    _pick(page, "Weapons", "drone")
    filters = Filters(start=dt.date(2022, 1, 1), end=dt.date(2025, 12, 31), weapons=("drone",))
    filtered = apply(load(store), filters)
    window = timeline.effective(WINDOW, timeline.span(filtered))
    assert window is not None
    expected = timeline.in_window(filtered, window)
    assert 0 < len(expected) < len(filtered), "the demo corpus has drone events in and out of the window"
    page.get_by_text(f"{len(expected)} events ·").wait_for(timeout=30_000)

    _go(page, "Events")
    page.get_by_text(f"{len(expected)} events match the filters").wait_for(timeout=30_000)
    wanted = {"from": ["2022-01-01"], "to": ["2025-12-31"], "weapon": ["drone"],
              "window": [f"{window[0]}..{window[1]}"]}  # fmt: skip
    assert _query(page) == wanted
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    saved = tmp_path / "events.csv"
    download.value.save_as(saved)
    assert saved.read_bytes().decode("utf-8") == to_csv(view_row(v) for v in expected)

    _go(page, "Sources")
    assert _query(page) == wanted
    page.go_back()
    _title(page, "Events")
    page.get_by_text(f"{len(expected)} events match the filters").wait_for(timeout=30_000)
    assert _query(page) == wanted
    _go(page, "Map")
    page.get_by_text(f"{len(expected)} events ·").wait_for(timeout=30_000)
    assert _query(page) == wanted


def test_a_district_whose_events_share_one_day_draws_without_a_traceback(
    app: tuple[str, Store], page: Any
) -> None:
    """Regression: the window slider raised StreamlitInvalidMinMaxError when every event fell on one day."""
    url, store = app
    views = load(store)
    one_day = sorted(
        district
        for district in {d for v in views for d in v.event.districts}
        if (span := timeline.span(apply(views, Filters(districts=(district,))))) and span[0] == span[1]
    )
    assert one_day, "the demo corpus has a district hit on a single day"
    (day,) = {timeline.span(apply(views, Filters(districts=(one_day[0],))))}
    assert day is not None
    page.goto(f"{url}/?district={one_day[0]}")
    _idle(page)
    page.get_by_text(f"Every dated event here falls on {day[0]}.").wait_for(timeout=30_000)
    text = page.inner_text("body")
    for leak in ("Traceback", "Error", "site-packages", "Ask Google", "Ask ChatGPT"):
        assert leak not in text


def test_a_link_to_an_event_opens_the_map_on_its_panel(app: tuple[str, Store], page: Any) -> None:
    url, store = app
    target = max(apply(load(store), Filters()), key=lambda v: (len(v.event.reports), v.event.id))
    page.goto(f"{url}/?event={target.event.id}")
    _idle(page)
    page.get_by_text(f"Event {target.event.id}").wait_for(timeout=30_000)
    for report in target.event.reports:
        assert page.get_by_text(f"{report.source or 'Unknown outlet'} · {report.role} report").count() >= 1
    link = page.locator("[data-testid='stCode'] code").last.inner_text().strip()
    assert link == f"{url}/?event={target.event.id}"
    other = page.context.new_page()
    other.goto(link)
    _idle(other)
    other.get_by_text(f"Event {target.event.id}").wait_for(timeout=30_000)
