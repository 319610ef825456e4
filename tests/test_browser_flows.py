"""Flows an analyst follows across pages, in headless Chromium: the view survives every move.

Each test starts from the map page as a reader would, and checks what the page says against the
store's own answer for the same view.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from conftest import clean_app, offline_context
from test_browser import IDLE, MAP_FRAME

from strikemap import demo
from strikemap.dashboard import render, timeline
from strikemap.export import row, to_csv
from strikemap.query import load
from strikemap.store import Store
from strikemap.views import Filters, apply

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
    assert saved.read_bytes().decode("utf-8") == to_csv(row(v) for v in expected)

    _go(page, "Sources")
    assert _query(page) == wanted
    for _ in range(2):  # Streamlit records a page switch and the view it puts in the URL as two steps
        page.go_back()
        _idle(page)
        assert _query(page) == wanted
        if page.locator("h1").filter(has_text="Events").count():
            break
    _title(page, "Events")
    page.get_by_text(f"{len(expected)} events match the filters").wait_for(timeout=30_000)
    assert _query(page) == wanted
    _go(page, "Map")
    page.get_by_text(f"{len(expected)} events ·").wait_for(timeout=30_000)
    assert _query(page) == wanted

    # Regression: Add & review dropped the view from its URL, so a reload there lost it
    page.locator("[data-testid='stSidebarNav'] a").filter(has_text="Add & review").click()
    _title(page, "Add articles")
    assert _query(page) == wanted
    page.reload()
    _title(page, "Add articles")
    _go(page, "Map")
    page.get_by_text(f"{len(expected)} events ·").wait_for(timeout=30_000)
    assert _query(page) == wanted


def test_the_language_filter_is_picked_by_name_and_travels_in_the_url(
    app: tuple[str, Store], page: Any
) -> None:
    url, store = app
    page.goto(f"{url}/")
    _idle(page)
    _pick(page, "Language", "Ukrainian")
    expected = apply(load(store), Filters(languages=("uk",)))
    page.get_by_text(re.compile(rf"^{len(expected)} events ·")).wait_for(timeout=30_000)
    assert _query(page) == {"language": ["uk"]}
    _go(page, "Events")
    page.get_by_text(f"{len(expected)} events match the filters", exact=True).wait_for(timeout=30_000)
    assert _query(page) == {"language": ["uk"]}


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


def test_pressing_on_a_half_shown_map_does_not_scroll_the_page(app: tuple[str, Store], page: Any) -> None:
    """Regression: Leaflet focused the map on a press, which scrolled a map half below the fold into
    view, so a reader's first click on a marker landed some 100 px off it and opened nothing."""
    url, _ = app
    page.goto(url)
    _idle(page)
    frame = page.wait_for_selector(MAP_FRAME, timeout=60_000)
    frame.content_frame().wait_for_function(STILL_PAGE_READY, timeout=60_000)
    _idle(page)  # the map's first answer may rerun the page: press once it has settled
    box, height = frame.bounding_box(), page.viewport_size["height"]
    assert box is not None and box["y"] < height < box["y"] + box["height"], "the map starts half shown"
    before = page.evaluate(SCROLLED)
    page.mouse.move(box["x"] + box["width"] * 0.7, height - 40)
    page.mouse.down()
    after = page.evaluate(SCROLLED)
    page.mouse.up()
    focused = frame.content_frame().evaluate("() => document.activeElement === window.map.getContainer()")
    assert (after == before, focused) == (True, True), f"the page stays put, the map focused: {after}"


STILL_PAGE_READY = """() => window.map && window.map.keyboard
    && String(window.map.keyboard._onMouseDown).includes("preventScroll")"""
"""The map is drawn and its press handler is the one that focuses without scrolling (`StillPage`)."""
SCROLLED = """() => [...document.querySelectorAll("*")].filter(e => e.scrollTop)
    .map(e => `${e.tagName}[${e.getAttribute("data-testid") || ""}]=${e.scrollTop}`).join(" ")"""
"""Every scrolled element of the page and by how much: empty while nothing is scrolled."""


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


def test_a_link_to_one_place_frames_the_map_on_it(app: tuple[str, Store], page: Any) -> None:
    url, store = app
    views = apply(load(store), Filters())
    single = [v for v in views if len(render.markers([v])) == 1 and v.event.districts]
    target = max(single, key=lambda v: v.event.id)
    (marker,) = render.markers([target])
    page.goto(f"{url}/?event={target.event.id}")
    _idle(page)
    frame = page.wait_for_selector(MAP_FRAME, timeout=60_000).content_frame()
    frame.wait_for_function("() => window.map && window.L", timeout=60_000)
    page.wait_for_timeout(1000)
    zoom, inside = frame.evaluate(
        "([lat, lon]) => [map.getZoom(), map.getBounds().contains([lat, lon])]", [marker.lat, marker.lon]
    )
    assert (zoom >= 13, inside) == (True, True)


CONTRAST = (Path(__file__).parent / "fixtures" / "contrast.js").read_text(encoding="utf-8")
"""Each visible caption's and paragraph's contrast with what is behind it, as WCAG computes it."""


def test_text_contrast_button_names_and_headings_meet_wcag(app: tuple[str, Store], page: Any) -> None:
    """Regression: captions were 3.9:1; the window's step buttons were read as triangles."""
    url, store = app
    target = max(apply(load(store), Filters()), key=lambda v: (len(v.event.reports), v.event.id))
    pages = [("?window=2023-05-01..2023-06-30", "Kyiv Strike Map"), ("events", "Events"),
             ("sources", "Sources"), (f"?event={target.event.id}", "Kyiv Strike Map")]  # fmt: skip
    for path, title in pages:
        page.goto(f"{url}/{path}")
        _title(page, title)
        low = [r for r in page.evaluate(CONTRAST) if r["ratio"] < 4.5]
        assert low == [], path
        levels = [int(h.evaluate("e => e.tagName")[1]) for h in page.locator("h1, h2, h3, h4, h5, h6").all()]
        assert levels[0] == 1 and all(b <= a + 1 for a, b in pairwise(levels)), levels
    page.goto(f"{url}/?window=2023-05-01..2023-06-30")
    _title(page, "Kyiv Strike Map")
    page.get_by_text("Timeline window").wait_for(timeout=30_000)
    for name in ("Previous window", "Next window"):
        button = page.get_by_role("button", name=name, exact=True)
        button.first.wait_for(timeout=30_000)  # the step buttons render just after the slider
        assert button.count() == 1


def test_the_table_under_the_map_opens_an_event_from_the_keyboard(app: tuple[str, Store], page: Any) -> None:
    url, store = app
    page.goto(f"{url}/?window=2023-05-01..2023-06-30")
    _idle(page)
    expected = timeline.in_window(apply(load(store), Filters()), (dt.date(2023, 5, 1), dt.date(2023, 6, 30)))
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.scroll_into_view_if_needed()
    grid.locator("canvas").first.focus()
    for key in ("ArrowDown", "ArrowDown", "Shift+Space"):
        page.keyboard.press(key)
    page.wait_for_timeout(500)
    _idle(page)
    opened = _query(page).get("event", [""])[0]
    assert opened in [v.event.id for v in expected]
    page.get_by_text(f"Event {opened}").wait_for(timeout=30_000)


STEP_TOPS = """() => ["Previous window", "Next window"].map(name => [...document.querySelectorAll("button")]
    .find(b => b.innerText.trim().endsWith(name) || b.innerText.trim().startsWith(name))
    .getBoundingClientRect().top)"""


def test_on_a_phone_the_window_steps_share_a_row_and_the_panel_is_reachable(
    app: tuple[str, Store], browser: Any
) -> None:
    url, store = app
    target = max(apply(load(store), Filters()), key=lambda v: (len(v.event.reports), v.event.id))
    phone_screen = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
    with offline_context(browser, **phone_screen) as context:
        phone = context.new_page()
        phone.goto(f"{url}/?window=2023-05-01..2023-06-30&event={target.event.id}")
        _idle(phone)
        for name in ("Previous window", "Next window"):
            phone.get_by_role("button", name=name, exact=True).wait_for(timeout=30_000)
        phone.wait_for_selector(MAP_FRAME, timeout=60_000)
        phone.wait_for_timeout(500)
        top = phone.evaluate(STEP_TOPS)  # both in one layout: the chart above may still be settling
        assert abs(top[0] - top[1]) < 4, "the two step buttons stand on one row"
        width = phone.evaluate("() => document.querySelector('[data-testid=stMain]').scrollWidth")
        assert width <= 390, "nothing pushes the page sideways"
        panel = phone.get_by_text(f"Event {target.event.id}")
        panel.scroll_into_view_if_needed()
        assert panel.is_visible()


def test_a_fresh_servers_first_request_to_another_page_goes_through_the_router(
    browser: Any, tmp_path: Path
) -> None:
    """Regression: with pages/ beside the router, a new server ran /events alone on its first request:
    Streamlit's automatic page list, no filters, no error guard."""
    store, _ = demo.build(tmp_path / "demo.sqlite")
    expected = apply(load(store), Filters(weapons=("drone",)))
    with (
        clean_app(tmp_path) as url,
        offline_context(browser, viewport={"width": 1400, "height": 1000}) as context,
    ):
        page = context.new_page()
        page.goto(f"{url}/events?weapon=drone")
        _title(page, "Events")
        page.get_by_text(f"{len(expected)} events match the filters").wait_for(timeout=30_000)
        nav = page.locator("[data-testid='stSidebarNav'] a").all_inner_texts()
        assert [n.split("\n")[-1].strip() for n in nav] == ["Map", "Events", "Sources", "Add & review"]
        assert page.get_by_text("Filters", exact=True).count() == 1
