"""The dashboard's pages list events from their stored summaries and read an event's reports only
when its panel opens, and show exactly what they showed when every event was rebuilt from reports."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from test_listings import FILTERS
from test_listings import _reviewed as reviewed

from strikemap import query
from strikemap import store as stores
from strikemap.dashboard import framing, render, timeline, ui, ui_panel
from strikemap.dashboard.panels import inert
from strikemap.export import row, to_csv, to_geojson
from strikemap.links import outlet_name
from strikemap.review import set_status
from strikemap.views import EventView, Filters, apply

APP = Path(__file__).resolve().parents[1] / "streamlit_app.py"


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


def _shown(views: list[Any]) -> dict[str, Any]:
    """Everything the map, events and review pages make of some events, as plain values."""
    placed = render.markers(views)
    window = timeline.span(views)
    return {
        "ids": [v.id for v in views],
        "csv": to_csv(row(v) for v in views),
        "geojson": to_geojson(views),
        "markers": placed,
        "shading": render.district_counts(views),
        "bars": timeline.bars(views),
        "in window": [v.id for v in timeline.in_window(views, window)] if window else [],
        "frame": framing.frame(views, placed),
        "notes": (framing.outside_note(views, "Kyiv"), framing.unplaced_note(views, placed)),
        "labels": [ui_panel.event_label(v) for v in views],
        "sources": sorted({s for v in views for s in v.sources}),
        "cities": sorted({v.city for v in views}),
        "statuses": [(v.status, v.location_precision, v.languages) for v in views],
    }


def test_the_pages_show_from_summaries_what_they_showed_from_reports(
    store_url: str, tmp_path: Path, fresh_caches: None
) -> None:
    store = reviewed(store_url, tmp_path)
    listed, rebuilt = ui.views_of(store), query.load(store)
    assert {v.status for v in listed} == {"unreviewed", "verified", "rejected"}
    assert {f for v in listed for f in v.corrected} == {"date", "districts", "weapons", "killed", "injured"}
    for filters in [*FILTERS, Filters(cities=("Kyiv region",), include_rejected=True)]:
        assert _shown(apply(listed, filters)) == _shown(apply(rebuilt, filters)), filters


def test_the_map_draws_the_markers_kept_for_each_listing_or_anew(
    store_url: str, tmp_path: Path, fresh_caches: None
) -> None:
    store = reviewed(store_url, tmp_path)
    listed = ui.views_of(store)
    for filters in FILTERS:
        shown = apply(listed, filters)
        assert ui.markers(shown, store) == render.markers(shown), filters
    moved = [dataclasses.replace(v, districts=("Obolonskyi",)) for v in listed]  # not what was kept
    assert ui.markers(moved, store) == render.markers(moved) != render.markers(listed)


def test_the_pages_list_a_write_at_their_next_run(store_url: str, tmp_path: Path, fresh_caches: None) -> None:
    store = reviewed(store_url, tmp_path)
    first = next(v for v in ui.views_of(store) if v.status == "unreviewed")
    set_status(store, first.id, "rejected")
    (now,) = [v for v in ui.views_of(store) if v.id == first.id]
    assert now.status == "rejected"
    view = ui.event_view(store, first.id)
    assert view is not None and view.status == "rejected"


@pytest.fixture
def reviewed_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_caches: None) -> Path:
    """The user's own store, reviewed (so no demo), served to the app."""
    path = tmp_path / "strikemap.sqlite"
    reviewed(str(path), tmp_path).close()
    monkeypatch.setenv("STRIKEMAP_DB", str(path))
    monkeypatch.delenv("STRIKEMAP_DEMO", raising=False)
    return path


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The events whose reports the app reads; rebuilding every event from reports fails the test."""
    asked: list[str] = []
    get = query.get

    def recorded(store: stores.Store, event_id: str) -> EventView | None:
        asked.append(event_id)
        return get(store, event_id)

    def refused(*args: object, **kwargs: object) -> None:
        pytest.fail("a page rebuilt every event from its reports")

    monkeypatch.setattr(query, "get", recorded)
    monkeypatch.setattr(query, "load", refused)
    return asked


def _reports_shown(at: AppTest, view: EventView) -> None:
    """The panel of ``view`` is drawn, with a card naming each report's outlet and role."""
    cards = {f"**{inert(outlet_name(r))}** · {inert(r.role)} report" for r in view.event.reports}
    assert cards and cards <= {m.value for m in at.markdown}
    assert f"Event {inert(view.event.id)}" in " ".join(c.value for c in at.caption)


@pytest.mark.parametrize("status", ["rejected", "verified"])
def test_a_link_to_an_event_opens_its_panel_with_its_reports_and_reads_no_other(
    reviewed_db: Path, reads: list[str], status: str
) -> None:
    store = stores.Store(str(reviewed_db))
    chosen = next(v for v in query.find(store, Filters(include_rejected=True)) if v.status == status)
    store.close()
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["event"] = chosen.event.id
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    _reports_shown(at, chosen)
    assert reads == [chosen.event.id]
    outside = "This event is outside the current filters or timeline window."
    assert (outside in [c.value for c in at.caption]) == (status == "rejected")


def test_the_events_page_reads_the_reports_of_the_event_chosen(reviewed_db: Path, reads: list[str]) -> None:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.switch_page("pages/events.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert reads == []
    store = stores.Store(str(reviewed_db))
    chosen = query.find(store)[2]
    store.close()
    (picker,) = [s for s in at.selectbox if s.label == "Show an event"]
    picker.select(chosen.event.id).run()
    assert not at.exception, [e.value for e in at.exception]
    _reports_shown(at, chosen)
    assert reads == [chosen.event.id]


def test_after_the_servers_warm_up_a_first_page_neither_lists_nor_places_an_event_again(
    reviewed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What `app.py` readies as the server starts is what the map page then reads: its first
    visitor waits for no read of the store and no placing of ten thousand markers."""
    expected = ui.views_of(stores.Store(str(reviewed_db)))
    st.cache_resource.clear()
    st.cache_data.clear()
    ui.warm()

    def refused(*args: object, **kwargs: object) -> None:
        pytest.fail("the page listed or placed the events again")

    monkeypatch.setattr(query, "listings", refused)
    monkeypatch.setattr(render, "markers", refused)
    views = ui.all_views()
    assert [v.id for v in views] == [v.id for v in expected] != []
    assert len(ui.markers(views)) >= len(views) // 2
