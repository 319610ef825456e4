"""What a person sees, in a real headless Chromium driven by Playwright, with no internet.

The app runs with `streamlit run` on a fresh store holding the demo corpus. Every request that
would leave 127.0.0.1 is aborted and recorded, and each test checks that none was made.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import time
from pathlib import Path
from typing import Any

from strikemap.dashboard import render, timeline
from strikemap.export import row, to_csv
from strikemap.links import outlet_name
from strikemap.query import load
from strikemap.store import Store
from strikemap.views import Filters, apply

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"
MARKERS_JS = """() => Object.values(window.map._layers)
    .filter(l => l instanceof L.MarkerClusterGroup)
    .reduce((n, l) => n + l.getLayers().length, 0)"""
CLICK_AT = """([lat, lon]) => {
    const p = map.latLngToContainerPoint([lat, lon]);
    const box = map.getContainer().getBoundingClientRect();
    const at = {clientX: box.left + p.x, clientY: box.top + p.y,
                bubbles: true, cancelable: true, view: window};
    const target = document.elementFromPoint(at.clientX, at.clientY);
    for (const type of ["mousedown", "mouseup", "click"]) target.dispatchEvent(new MouseEvent(type, at));
}"""
"""A mouse click at the marker's point, dispatched inside the map's frame. Leaflet's own hit test
picks the marker; page-level mouse coordinates landed some pixels off inside the component iframe."""
SCREENSHOT = os.environ.get("STRIKEMAP_SCREENSHOT")
"""Where to save a screenshot of the map page (the README's picture), when set."""


def _open(page: Any, url: str) -> Any:
    """Load a page of the app, wait until its script is done, and return the map frame if any."""
    page.goto(url)
    page.wait_for_selector(IDLE, timeout=90_000)
    return page


def _map(page: Any) -> Any:
    frame = page.wait_for_selector(MAP_FRAME, timeout=60_000).content_frame()
    frame.wait_for_function("() => window.map && window.L && L.MarkerClusterGroup", timeout=60_000)
    frame.wait_for_function(f"() => ({MARKERS_JS})() >= 0", timeout=60_000)
    return frame


def _markers_on(frame: Any, expected: int) -> int:
    """The number of markers the map holds, once it settles on the expected number (or times out)."""
    deadline = time.monotonic() + 30
    count = frame.evaluate(MARKERS_JS)
    while count != expected and time.monotonic() < deadline:
        time.sleep(0.25)
        count = frame.evaluate(MARKERS_JS)
    return int(count)


def test_the_map_shows_a_marker_for_every_place_hit(app: tuple[str, Store], page: Any) -> None:
    url, store = app
    _open(page, url)
    views = load(store)
    assert len(views) >= 20, "the demo corpus was loaded on first start"
    expected = len(render.markers(apply(views, Filters())))
    assert _markers_on(_map(page), expected) == expected
    assert page.get_by_text(f"{expected} markers in the window").count() == 1
    toolbar = "[data-testid='stAppDeployButton'], [data-testid='stMainMenu']"
    assert (page.get_by_role("button", name="Deploy").count(), page.locator(toolbar).count()) == (0, 0), (
        "readers get no Deploy button or developer menu (client.toolbarMode)"
    )
    if SCREENSHOT:
        time.sleep(1)
        page.screenshot(path=SCREENSHOT, full_page=False)


def test_moving_the_timeline_window_changes_the_markers_as_the_data_says(
    app: tuple[str, Store], page: Any
) -> None:
    url, store = app
    _open(page, url)
    views = apply(load(store), Filters())
    bounds = timeline.span(views)
    assert bounds is not None
    window = (dt.date(2023, 5, 1), dt.date(2023, 6, 30))
    _open(page, f"{url}/?window={window[0]}..{window[1]}")
    frame = _map(page)
    expected = len(render.markers(timeline.in_window(views, window)))
    assert 0 < expected < len(render.markers(views))
    assert _markers_on(frame, expected) == expected

    stepped = timeline.step(window, bounds, 1)
    page.get_by_role("button", name="Next window").click()
    page.wait_for_selector(IDLE, timeout=60_000)
    after = len(render.markers(timeline.in_window(views, stepped)))
    assert after != expected, "the demo corpus should have different counts in consecutive windows"
    assert _markers_on(_map(page), after) == after


def test_clicking_a_marker_opens_a_panel_for_each_source(app: tuple[str, Store], page: Any) -> None:
    url, store = app
    _open(page, url)
    views = apply(load(store), Filters())
    every = render.markers(views)
    alone = {(m.lat, m.lon) for m in every if sum((o.lat, o.lon) == (m.lat, m.lon) for o in every) == 1}
    target = max(
        (v for v in views if any((m.lat, m.lon) in alone for m in render.markers([v]))),
        key=lambda v: (len({r.source for r in v.event.reports}), v.event.id),
    )
    marker = next(m for m in render.markers([target]) if (m.lat, m.lon) in alone)
    _open(page, url)
    frame = _map(page)
    frame.evaluate(
        "([lat, lon]) => { map.setView([lat, lon], 17, {animate: false}); }", [marker.lat, marker.lon]
    )
    time.sleep(0.5)
    frame.evaluate(CLICK_AT, [marker.lat, marker.lon])
    page.wait_for_timeout(500)
    page.wait_for_selector(IDLE, timeout=60_000)
    page.get_by_text(f"Event {target.event.id}").wait_for(timeout=30_000)
    # The panel streams in card by card; wait for each part rather than count a half-drawn page.
    for report in target.event.reports:
        outlet = outlet_name(report)
        page.get_by_text(f"{outlet} · {report.role} report").first.wait_for(timeout=30_000)
    marks = page.locator("div.evidence mark")
    marks.nth(len(target.event.reports) - 1).wait_for(timeout=30_000)
    assert marks.count() >= len(target.event.reports)


def test_the_csv_download_equals_the_filtered_table(
    app: tuple[str, Store], page: Any, tmp_path: Path
) -> None:
    url, store = app
    _open(page, url)
    expected = apply(load(store), Filters(weapons=("drone",)))
    _open(page, f"{url}/events?weapon=drone")
    page.get_by_text(f"{len(expected)} events match the filters").wait_for(timeout=30_000)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    saved = tmp_path / "events.csv"
    download.value.save_as(saved)
    text = saved.read_bytes().decode("utf-8")
    assert text == to_csv(row(v) for v in expected)
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [r["id"] for r in rows] == [v.event.id for v in expected]
    assert all("drone" in r["weapons"] for r in rows)


def test_panning_and_zooming_do_not_rerun_the_script(app: tuple[str, Store], page: Any) -> None:
    url, _ = app
    _open(page, url)
    frame = _map(page)
    page.evaluate(
        """() => { window.scriptStates = [];
            const app = document.querySelector("[data-testid='stApp']");
            new MutationObserver(() => window.scriptStates.push(app.getAttribute("data-test-script-state")))
                .observe(app, {attributes: true, attributeFilter: ["data-test-script-state"]}); }"""
    )
    frame.evaluate("() => { map.panBy([200, 120], {animate: false}); map.setZoom(12, {animate: false}); }")
    page.wait_for_timeout(1500)
    assert page.evaluate("() => window.scriptStates") == []


def test_the_events_table_follows_the_timeline_window(app: tuple[str, Store], page: Any) -> None:
    url, store = app
    _open(page, url)
    window = (dt.date(2023, 5, 1), dt.date(2023, 6, 30))
    expected = timeline.in_window(apply(load(store), Filters()), window)
    _open(page, f"{url}/events?window={window[0]}..{window[1]}")
    page.get_by_text(f"{len(expected)} events match the filters").wait_for(timeout=30_000)
    page.get_by_text("Only the timeline window").click()
    page.wait_for_selector(IDLE, timeout=60_000)
    everything = apply(load(store), Filters())
    page.get_by_text(f"{len(everything)} events match the filters").wait_for(timeout=30_000)


HOSTILE = (
    'title: <script>window.pwned = "title"</script>\n'
    "source: <img src=x onerror=\"window.pwned = 'outlet'\">\n"
    'url: javascript:window.pwned = "url"\n'
    "published: 2021-07-01\n\n"
    'Drones hit Kyiv\'s Podilskyi district on 1 July 2021, `${window.pwned = "template"}` '
    "<img src=x onerror=\"window.pwned = 'img'\">.\n"
    'Two people were killed, said [Klitschko](javascript:window.pwned = "link") '
    '${window.pwned = "dollar"} `backtick`.\n'
)


def test_article_text_cannot_run_script_anywhere(app: tuple[str, Store], page: Any, tmp_path: Path) -> None:
    """Script in titles, outlets, URLs and sentences shows as text on every page and in the map."""
    from strikemap.ingest import ingest
    from strikemap.read import read_paths

    url, store = app
    _open(page, url)
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    assert ingest(store, read_paths([tmp_path / "hostile.txt"])).added == 1
    (target,) = [v for v in load(store) if v.event.date == dt.date(2021, 7, 1)]

    _open(page, f"{url}/?window=2021-07-01..2021-07-01")
    frame = _map(page)
    assert _markers_on(frame, 1) == 1
    (marker,) = render.markers([target])
    frame.evaluate(
        "([lat, lon]) => { map.setView([lat, lon], 15, {animate: false}); }", [marker.lat, marker.lon]
    )
    page.wait_for_timeout(300)
    frame.evaluate(CLICK_AT, [marker.lat, marker.lon])
    page.wait_for_timeout(500)
    page.wait_for_selector(IDLE, timeout=60_000)
    page.get_by_text(f"Event {target.event.id}").wait_for(timeout=30_000)
    assert page.get_by_text("<img src=x onerror=").count() >= 1, "the outlet name shows as text"
    frame.evaluate(
        "() => map.eachLayer(l => l.openTooltip && l.getTooltip && l.getTooltip() && l.openTooltip())"
    )
    pages = [("map", page), ("map frame", frame)]
    for path in ("events", "sources"):
        other = page.context.new_page()
        _open(other, f"{url}/{path}?window=2021-07-01..2021-07-01")
        page.wait_for_timeout(500)
        pages.append((path, other))
    assert {name: p.evaluate("() => window.pwned === undefined") for name, p in pages} == {
        name: True for name, _ in pages
    }


LINK_TEST = (
    "title: Night drones over Podil\nsource: Link Test Wire\n"
    "url: javascript:window.pwned = 'link'\npublished: 2021-08-02\n\n"
    "Drones hit Kyiv's Podilskyi district on 2 August 2021, officials said.\n"
)


def _show_event(page: Any, event_id: str) -> None:
    """Pick an event in the Events page's "Show an event" box and wait for its panel."""
    page.locator("[data-testid='stSelectbox']").filter(has_text="Show an event").click()
    page.keyboard.type(event_id)
    page.keyboard.press("Enter")
    page.wait_for_selector(IDLE, timeout=60_000)
    page.get_by_text(f"Event {event_id}").wait_for(timeout=30_000)


def _article_links(page: Any) -> dict[str, str]:
    """Title -> Link cell of the Sources page's Articles table, as its accessible grid holds them."""
    grid = page.locator("[data-testid='stDataFrame']").nth(2)
    grid.locator("td[role='gridcell']").first.wait_for(state="attached", timeout=30_000)
    header = [h.inner_text() for h in grid.locator("th").all()]
    title, link = header.index("Title"), header.index("Link")
    rows = [[c.inner_text() for c in r.locator("td").all()] for r in grid.locator("tbody tr").all()]
    return {cells[title]: cells[link] for cells in rows if len(cells) == len(header)}


def test_sources_link_to_their_articles_and_only_web_addresses_become_links(
    app: tuple[str, Store], page: Any, tmp_path: Path
) -> None:
    from strikemap.ingest import ingest
    from strikemap.read import read_paths

    url, store = app
    _open(page, url)
    (tmp_path / "link-test.txt").write_text(LINK_TEST, encoding="utf-8")
    assert ingest(store, read_paths([tmp_path / "link-test.txt"])).added == 1
    views = load(store)
    (bad,) = [v for v in views if v.event.date == dt.date(2021, 8, 2)]
    linked = next(v for v in views if v.event.date and v.event.date.year == 2022 and v.event.reports[0].url)
    report = linked.event.reports[0]
    assert report.url and report.url.startswith("https://") and report.title

    _open(page, f"{url}/events")
    _show_event(page, linked.event.id)
    anchor = page.locator(f"a[href='{report.url}']")
    anchor.first.wait_for(timeout=30_000)
    assert (anchor.count(), anchor.first.inner_text(), anchor.first.get_attribute("rel")) == (
        1,
        report.title,
        "noopener noreferrer",
    )
    assert page.get_by_text(f"published {report.published.day} ").count() >= 1  # type: ignore[union-attr]
    _show_event(page, bad.event.id)
    page.get_by_text("Night drones over Podil").wait_for(timeout=30_000)
    assert page.locator("a[href^='javascript'], a[href*='pwned']").count() == 0

    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    saved = tmp_path / "events.csv"
    download.value.save_as(saved)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8-sig")))}
    assert report.url in rows[linked.event.id]["urls"].split("; ")
    assert (rows[bad.event.id]["urls"], rows[bad.event.id]["articles"]) == ("", "link-test.txt")

    _open(page, f"{url}/sources")
    links = _article_links(page)
    assert (links[report.title], links["Night drones over Podil"]) == (report.url, "")
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.evaluate("() => window.pwned === undefined")
