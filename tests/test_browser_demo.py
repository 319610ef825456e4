"""The demo and a user's own articles in a real headless Chromium: the demo is marked, then replaced.

Regression: uploading the four real seed articles attached them to invented demo events, counted
as independent sources, with no way to remove the demo.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import clean_app, need_browser
from test_browser import IDLE, _open

from strikemap.dashboard import render, timeline
from strikemap.links import outlet_name
from strikemap.query import load
from strikemap.store import Store, counts

BANNER = "Demo data: invented articles"
TEXT = "() => document.body.textContent"
"""All text, the table cells Streamlit draws on a canvas included (they sit in a hidden table)."""


@pytest.fixture
def fresh_app(tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    """The dashboard with an empty store of the user's and a demo store of its own, for one test;
    its server log is checked at the end."""
    need_browser()
    with clean_app(tmp_path) as url:
        yield url, tmp_path / "store.sqlite", tmp_path / "demo.sqlite"


def _snapshot(path: Path) -> tuple[Any, list[str]]:
    store = Store(str(path))
    try:
        return counts(store), sorted(v.event.id for v in load(store))
    finally:
        store.close()


def test_real_articles_replace_the_demo_instead_of_joining_it(
    fresh_app: tuple[str, Path, Path],
    page: Any,
    seeds: Path,
    tmp_path: Path,
) -> None:
    url, user_db, demo_db = fresh_app
    _open(page, url)
    assert page.get_by_text(BANNER).count() == 1, "the demo is marked while it is shown"
    demo_store = Store(str(demo_db))
    demo_outlets = sorted({r.source for v in load(demo_store) for r in v.event.reports if r.source})
    demo_before = _snapshot(demo_db)
    assert len(demo_outlets) >= 3

    _open(page, f"{url}/ingest")
    page.locator("input[type='file']").set_input_files(sorted(seeds.glob("*.txt")))
    page.get_by_text("4 article(s) read").wait_for(timeout=60_000)
    page.wait_for_selector(IDLE, timeout=60_000)
    page.get_by_role("button", name="Save to the store").click()
    page.get_by_text("Saved your first articles to your own store").wait_for(timeout=60_000)
    page.wait_for_selector(IDLE, timeout=60_000)
    assert page.get_by_text(BANNER).count() == 0

    user = Store(str(user_db))
    views = load(user)
    assert (counts(user).articles, _snapshot(demo_db)) == (4, demo_before)
    span = timeline.span(views)
    assert span is not None
    shown = timeline.in_window(views, span)
    texts = {}
    for path in ("", "events", "sources", "ingest"):
        _open(page, f"{url}/{path}")
        texts[path or "map"] = page.evaluate(TEXT)
    assert {name: [o for o in demo_outlets if o in text] for name, text in texts.items()} == {
        name: [] for name in texts
    }, "no demo outlet on any page"
    assert {name: BANNER in text for name, text in texts.items()} == {name: False for name in texts}
    assert f"{len(shown)} events · {len(render.markers(shown))} markers in the window" in texts["map"]
    assert f"{len(views)} events match the filters" in texts["events"]

    _open(page, f"{url}/events")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    saved = tmp_path / "events.csv"
    download.value.save_as(saved)
    rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    assert sorted(r["id"] for r in rows) == sorted(v.event.id for v in views)
    assert [o for o in demo_outlets for r in rows if o in r["sources"]] == []

    for view in views:
        picker = page.get_by_role("combobox", name="Show an event")
        picker.click()
        picker.fill(view.event.id)
        page.keyboard.press("Enter")
        page.get_by_text(f"Event {view.event.id}").wait_for(timeout=30_000)
        page.wait_for_selector(IDLE, timeout=60_000)
        panel = page.evaluate(TEXT)
        assert [o for o in demo_outlets if o in panel] == [], view.event.id
        for report in view.event.reports:
            assert f"{outlet_name(report)} · {report.role} report" in panel, view.event.id
