"""The browser: time from page request to markers visible, for 10,000 events in headless Chromium.

The real app (``streamlit run app.py``) serves a cached store of the corpus on 127.0.0.1; each run
opens the map page in a fresh browser context (nothing cached) and times from ``page.goto`` until
the map inside streamlit-folium's frame holds every marker the page sends and some are drawn.
The first run after the server starts also loads the events from the store (the server's cold
caches), so it is reported apart, over as many server starts as there are runs, beside the same pages
served without the server's warm-up (``streamlit run streamlit_app.py``) in the same run, with how
long each server takes to answer; so are loads in one context whose browser cache is warm (a
returning visitor). The browser resolves no host but this
machine, and every request to another is noted. Requests are watched, not intercepted: routing each
of a page's hundred requests through the driver added 0.3-0.5 s to every load, which no reader of
the page waits for.

Usage: python bench/run.py --only browser [--quick]
"""

from __future__ import annotations

import statistics
import sys
import time
from typing import Any

import corpus
from common import ROOT, Figure, Plan, fmt, in_child
from load import ARGS, CHROMIUM

# The app is served exactly as the browser tests serve it: that harness lives with the tests.
sys.path.append(str(ROOT / "tests"))
from serving import served_app

APP, BARE = "app.py", "streamlit_app.py"
"""The server as users start it, and the same pages without its warm-up (the baseline)."""
TARGET_SECONDS = 3.0
FIRST_PAGE_SECONDS = 2.5
"""Issue 14: the first page after the server starts, 10k events (5.36 s when every event was
rebuilt from its reports)."""
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"
"""Chromium resolves no other host: a request that would leave the machine fails at once."""
MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"
MARKERS_SHOWN = """(expected) => {
    if (!window.map || !window.L || !L.MarkerClusterGroup) return false;
    const groups = Object.values(map._layers).filter(l => l instanceof L.MarkerClusterGroup);
    const held = groups.reduce((n, g) => n + g.getLayers().length, 0);
    const icons = [...document.querySelectorAll(".leaflet-marker-icon")]
        .some(e => e.getBoundingClientRect().width > 0);
    const drawn = groups.some(g => g.getLayers().some(m => m._map));
    return held === expected && (icons || drawn);
}"""
"""All markers are in the map, and some are on screen: cluster icons, or single markers drawn."""


def figures(plan: Plan) -> list[Figure]:
    middle = plan.sizes[len(plan.sizes) // 2]
    db = corpus.event_store(middle, plan.cache)
    (fresh, cached, events, markers, problems), peak = in_child(time_to_markers, str(db), plan.runs)
    warm = fresh[1:]
    # One start is one sample of a noisy figure: each run starts a server of its own, with the
    # warm-up (app.py) and without it (the pages' script alone), in turn.
    starts: dict[str, list[tuple[float, float, float]]] = {APP: [], BARE: []}
    for _ in range(plan.runs):
        for script, samples in starts.items():
            (ready, first, later, more), _ = in_child(first_page, str(db), markers, script)
            samples.append((ready, first, later))
            problems += [p for p in more if p not in problems]
    ready, cold, second = (list(column) for column in zip(*starts[APP], strict=True))
    bare_ready, bare, bare_second = (list(column) for column in zip(*starts[BARE], strict=True))
    notes = [f"{events:,} events, {markers:,} markers sent", *problems]
    listed = [in_child(first_load, str(db), old=False)[0] for _ in range(plan.runs)]
    rebuilt = [in_child(first_load, str(db), old=True)[0] for _ in range(plan.runs)]
    ratio = statistics.median(rebuilt) / statistics.median(listed)
    return [
        Figure(
            "browser",
            f"page request to markers visible, {events:,} events",
            "s",
            warm,
            peak,
            target=f"< {TARGET_SECONDS:g} s",
            met=statistics.median(warm) < TARGET_SECONDS if not plan.quick else None,
            notes=[
                "a new browser context each run (nothing cached), server caches warm",
                f"a server's second page, {APP} against {BARE} (no warm-up) in the same run: "
                f"{fmt(statistics.median(second))} s against {fmt(statistics.median(bare_second))} s",
                *notes,
            ],
        ),
        Figure(
            "browser",
            f"page request to markers visible, browser cache warm, {events:,} events",
            "s",
            cached,
            peak,
            notes=["the same browser context again: a returning visitor", *notes],
        ),
        Figure(
            "browser",
            f"first page after the server starts, {events:,} events",
            "s",
            cold,
            peak,
            target=f"< {FIRST_PAGE_SECONDS:g} s",
            met=statistics.median(cold) < FIRST_PAGE_SECONDS if not plan.quick else None,
            notes=[
                "a new server for each run; includes listing every event from the store into its cache",
                f"the same pages without the server's warm-up (streamlit run {BARE}), same run: "
                f"{fmt(statistics.median(bare))} s, {statistics.median(bare) / statistics.median(cold):.2f}x",
                *notes,
            ],
        ),
        Figure(
            "browser",
            "server start, command to answering",
            "s",
            ready,
            peak,
            notes=[
                f"streamlit run {APP}, which imports the pages' libraries before it answers; without "
                f"that (streamlit run {BARE}), same run: {fmt(statistics.median(bare_ready))} s",
                "command to first page shown, the two added: "
                f"{fmt(statistics.median(r + s for r, s, _ in starts[APP]))} s with the warm-up, "
                f"{fmt(statistics.median(r + s for r, s, _ in starts[BARE]))} s without",
            ],
        ),
        Figure(
            "browser",
            f"events the first page loads, {events:,} events, fresh process",
            "s",
            listed,
            peak,
            notes=[
                f"listings from the stored summaries; every event rebuilt from its reports (the loader "
                f"before issue 14) took {fmt(statistics.median(rebuilt))} s on the same store in the "
                f"same run: {ratio:.1f}x"
            ],
        ),
    ]


def first_load(db: str, *, old: bool) -> float:
    """Seconds a fresh process takes to read what the dashboard's pages list (`ui.views_of`), or
    with ``old`` every event rebuilt from its reports, as the pages read them before issue 14."""
    from strikemap import query
    from strikemap.dashboard.ui import EVERY_EVENT
    from strikemap.store import Store

    store = Store(db)
    try:
        start = time.perf_counter()
        query.load(store) if old else query.listings(store, EVERY_EVENT)
        return time.perf_counter() - start
    finally:
        store.close()


def expected_markers(db: str) -> tuple[int, int]:
    """The events in the store and the markers the map page sends for them (all, no filter)."""
    from strikemap.dashboard import render
    from strikemap.query import load
    from strikemap.store import Store
    from strikemap.views import Filters, apply

    views = apply(load(Store(db)), Filters())
    placed = render.markers(views)
    sent = render.by_place(placed) if len(placed) > render.AGGREGATE_ABOVE else placed
    return len(views), len(sent)


def time_to_markers(db: str, runs: int) -> tuple[list[float], list[float], int, int, list[str]]:
    """Seconds from request to markers visible: the first run after the server starts, then ``runs``
    more in new browser contexts, and ``runs`` in one context whose cache is warm; then the events,
    the markers and what went wrong."""
    from playwright.sync_api import sync_playwright

    events, markers = expected_markers(db)
    problems: list[str] = []
    with served_app(db) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[*ARGS, OFFLINE])
        try:
            fresh = [
                _timed_load(_context(browser, problems), url, markers, close=True) for _ in range(runs + 1)
            ]
            context = _context(browser, problems)
            _timed_load(context, url, markers)
            cached = [_timed_load(context, url, markers) for _ in range(runs)]
            context.close()
        finally:
            browser.close()
    return fresh, cached, events, markers, problems


def first_page(db: str, markers: int, script: str) -> tuple[float, float, float, list[str]]:
    """Seconds from the command to the server answering, then from request to markers visible for
    the first page of that server and for a second one (a new browser context), and what went
    wrong. The browser is up before the server starts, and asks the moment the server answers."""
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[*ARGS, OFFLINE])
        try:
            start = time.perf_counter()
            with served_app(db, script=script) as url:
                ready = time.perf_counter() - start
                first = _timed_load(_context(browser, problems), url, markers, close=True)
                later = _timed_load(_context(browser, problems), url, markers, close=True)
            return ready, first, later, problems
        finally:
            browser.close()


def _context(browser: Any, problems: list[str]) -> Any:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.on("request", lambda request: _local_only(request.url, problems))
    context.on(
        "page", lambda page: page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    )
    return context


def _timed_load(context: Any, url: str, markers: int, *, close: bool = False) -> float:
    page = context.new_page()
    try:
        start = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=120_000)
        frame = page.wait_for_selector(MAP_FRAME, timeout=120_000).content_frame()
        frame.wait_for_function(MARKERS_SHOWN, arg=markers, timeout=120_000)
        return time.perf_counter() - start
    finally:
        page.close()
        if close:
            context.close()


def _local_only(url: str, problems: list[str]) -> None:
    host = url.split("/")[2].rsplit(":", 1)[0] if "://" in url else ""
    if not (url.startswith(("data:", "blob:", "about:")) or host in ("127.0.0.1", "localhost")):
        problems.append(f"request left the machine (no such host here): {url}")
