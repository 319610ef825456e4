"""Streamlit glue shared by the pages: the cached store and events, the filters, the panels.

Caching lives here and only here. Events are cached per store generation, so any write
(an ingest, a correction) is seen on the next rerun without a restart.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, cast
from urllib.parse import urlencode, urljoin

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from strikemap import demo, query
from strikemap.dashboard import framing, render, session, timeline, ui_panel
from strikemap.dashboard import params as url_params
from strikemap.dashboard.assets import ensure_static
from strikemap.dashboard.coverage import Covered
from strikemap.dashboard.panels import inert
from strikemap.dashboard.params import View
from strikemap.errors import ConfigError, StoreError
from strikemap.export import headers, row, table_csv
from strikemap.language import name as language_name
from strikemap.models import (
    DISTRICTS,
    LANGUAGES,
    LOCATION_PRECISIONS,
    WEAPONS,
    Article,
    Event,
    Skipped,
    format_date,
)
from strikemap.store import Store, counts, generation, open_store
from strikemap.views import EventView, Filters, Listing, ReportSource
from strikemap.views import apply as apply_filters

if TYPE_CHECKING:
    from strikemap.ingest import Summary

APP_DIR = Path(__file__).resolve().parent.parent.parent
DEMO_CORPUS = demo.CORPUS
NOTHING_YET = "No events yet: add your own articles on the **Add & review** page."
ICON = str(APP_DIR / "static" / "icon.png")
"""A local favicon: a Material icon name would be fetched from a font server."""
ROUTED = "routed"
"""Set in the session by streamlit_app.py once it has served the session a page."""
PAGE_FAILED = "Something went wrong while drawing this page. The details are in the server's log."
"""What a reader sees when a page fails: never a traceback or a server path."""


@st.cache_resource(show_spinner=False)
def store() -> Store:
    """One store per process: STRIKEMAP_DB (SQLite path or postgresql://...) or the default file;
    read-only when it cannot be written (it is still shown)."""
    return open_store(os.environ.get("STRIKEMAP_DB"))


@st.cache_resource(show_spinner=False)
def _static_ready() -> Path:
    return ensure_static(APP_DIR / "static")


@st.cache_resource(show_spinner="First start: loading the demo corpus...")
def demo_store() -> Store:
    """The invented demo corpus in its own store (STRIKEMAP_DEMO_DB or the cache folder)."""
    return demo.build(demo.path())[0]


@st.cache_data(show_spinner=False, max_entries=8)
def _shows_demo(url: str, version: int) -> bool:
    user = store()
    return demo.shows_demo(
        user_articles=counts(user).articles,
        allowed=demo.enabled(os.environ.get("STRIKEMAP_DEMO")),
        hidden=demo.hidden(user),
        corpus_present=DEMO_CORPUS.is_dir(),
    )


def shows_demo() -> bool:
    """Whether this run shows the demo store: asked again whenever the user's store changes."""
    user = store()
    return _shows_demo(user.url, generation(user))


def shown_store() -> Store:
    """The store the pages read: the demo while the user has no article, else the user's own."""
    return demo_store() if shows_demo() else store()


def through_router() -> None:
    """Send a page that Streamlit ran without the router (streamlit_app.py) back through it, once.

    With a pages/ folder beside the router, Streamlit treats the first script run of a server (and
    every AppTest run) as an old-style multipage app: a page opened at its own address then runs
    alone, without the filters and the error guard. Calling st.navigation turns that mode off for
    later runs; a page that finds it still on in a session the router has not yet served turns it
    off and reruns through the router. (AppTest turns it on for every run; its sessions were routed
    by their first run, and a rerun would swallow the click under test.)"""
    from streamlit.runtime.pages_manager import PagesManager

    if getattr(PagesManager, "uses_pages_directory", False) and not st.session_state.get(ROUTED):
        PagesManager.uses_pages_directory = False
        st.rerun()


def prepare() -> None:
    """Serve the map assets."""
    _static_ready()


def demo_notice() -> None:
    """At the top of every page: a banner while the demo is shown, or a word when there is nothing yet."""
    try:
        if shows_demo():
            _demo_banner()
        elif not all_views():
            st.info(NOTHING_YET, icon=":material/inbox:")
    except StoreError as err:
        unavailable(err)
    except ConfigError as err:
        st.error(str(err))
        st.stop()
    saved = st.session_state.pop("first_save", None)
    if saved:
        st.success(f"Saved your first articles to your own store; the demo is hidden now. {saved}")


def _demo_banner() -> None:
    text, action = st.columns([6, 1], vertical_alignment="center")
    text.warning(
        "**Demo data: invented articles.** The outlets, reports and events shown here are made up to "
        "show what the dashboard does. Your first own article on **Add & review** starts your own store "
        "and replaces them.",
        icon=":material/science:",
    )
    action.button("Hide the demo", key="hide_demo", on_click=_hide_demo, help="Show your own store instead")


def _hide_demo() -> None:
    try:
        demo.hide(store())
    except StoreError as err:
        st.error(f"Could not record the choice to hide the demo: {err}")
    _forget_window()


def _forget_window() -> None:
    """The demo's filters and window mean nothing in another store: the view starts afresh."""
    session.set_view(View())


def upload_key() -> str:
    """The file picker's key: a new one after its files are saved, so it empties and Streamlit
    lets go of their bytes instead of keeping them for the rest of the session."""
    return f"uploads-{st.session_state.get('upload_round', 0)}"


def uploaded_done() -> None:
    st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1


def save_articles(articles: Sequence[Article]) -> Summary:
    """Add articles to the user's own store, never the demo's; the first ones end the demo."""
    from strikemap.ingest import ingest  # not above: see `preview`

    showing = shows_demo()
    summary = ingest(store(), articles)
    if showing and not shows_demo():
        st.session_state["first_save"] = " ".join(summary.lines()[:2])
        _forget_window()
        st.rerun()
    return summary


@st.cache_data(show_spinner="Reading the articles…", max_entries=16)
def preview(articles: tuple[Article, ...]) -> tuple[list[Article], list[Event], list[Skipped]]:
    """The upload page's preview, once per set of articles: each preview starts a fresh process
    (the time budget, see `budget.preview`), and every widget on the page reruns it."""
    # Imported here: the extractor's patterns take a while to compile, and only this page
    # extracts; every other page would wait for them on a server's first run.
    from strikemap import budget

    return budget.preview(list(articles))


def unavailable(err: Exception) -> None:
    st.error(f"The event store is not answering, so nothing can be shown right now. {err}")
    st.caption("The page recovers by itself once the database is back: reload or change a filter.")
    st.stop()


EVERY_EVENT = Filters(include_rejected=True)
"""What the pages load: rejected events too, which a link or the review form may still open."""


@st.cache_resource(show_spinner=False, max_entries=4)
def _listings(url: str, version: int, _source: Store) -> list[Listing]:
    """All events of one store as their summaries list them, reports unread, shared between
    sessions: nothing writes a listing, so caching them without copies is safe."""
    return query.listings(_source, EVERY_EVENT)


def views_of(source: Store) -> list[Listing]:
    """Every event of ``source``, listed: what the pages filter, count, draw and tabulate."""
    try:
        return _listings(source.url, generation(source), source)
    except StoreError as err:
        unavailable(err)
        raise


def all_views() -> list[Listing]:
    """Every event of the store the pages show (`shown_store`)."""
    try:
        return views_of(shown_store())
    except StoreError as err:
        unavailable(err)
        raise


@st.cache_resource(show_spinner=False, max_entries=4)
def _markers(url: str, version: int, _source: Store) -> dict[str, tuple[Listing, list[render.Marker]]]:
    """Every listed event's markers, drawn once per store generation and shared like the listings."""
    return {v.id: (v, render.markers((v,))) for v in views_of(_source)}


def warm() -> None:
    """Fill the caches every visitor shares (the user's store, its events listed and placed), as
    the server starts, so that its first visitor waits for none of it. While the demo is shown, the
    demo's store is built (the slow part, once per machine); the first page opens it at once."""
    if shows_demo():
        demo.build(demo.path())
        return
    source = store()
    _markers(source.url, generation(source), source)  # lists the events on its way


def markers(shown: Sequence[Listing], source: Store | None = None) -> list[render.Marker]:
    """`render.markers` of the shown events, from the markers kept for their listings: a page
    need not place ten thousand events again on each run. A listing the kept markers were not
    drawn from (the store changed since the page listed it) is placed anew.

    ``source``: the store they were listed from, by default the one the pages show."""
    source = source or shown_store()
    kept = _markers(source.url, generation(source), source)
    out: list[render.Marker] = []
    for v in shown:
        found = kept.get(v.id)
        out += found[1] if found is not None and found[0] is v else render.markers((v,))
    return out


@st.cache_resource(show_spinner=False, max_entries=64)
def _event_view(url: str, version: int, event_id: str, _source: Store) -> EventView | None:
    return query.get(_source, event_id)


def event_view(source: Store, event_id: str) -> EventView | None:
    """One event rebuilt from its reports, for its panel or its review: the pages read an event's
    reports only when it is opened, once per store generation."""
    try:
        return _event_view(source.url, generation(source), event_id, source)
    except StoreError as err:
        unavailable(err)
        raise


@st.cache_resource(show_spinner="Reading who reported the events…", max_entries=2)
def _sources(url: str, version: int, _source: Store) -> dict[str, tuple[ReportSource, ...]]:
    return query.sources(_source)


def with_sources(listed: Sequence[Listing]) -> list[Covered]:
    """The listed events, in the same order, each with who reported it and where (outlet, role,
    article, link): that is in no summary, so the Sources page reads it for every event, but
    only it, not the reports' facts and evidence."""
    source = shown_store()
    try:
        found = _sources(source.url, generation(source), source)
    except StoreError as err:
        unavailable(err)
        raise
    return [(v, found[v.id]) for v in listed if v.id in found]


class Choices(NamedTuple):
    """What the filters offer beyond the fixed lists: the store's outlets and cities."""

    sources: list[str]
    cities: list[str]


def settle_view() -> Choices:
    """The session's view with filters the store cannot meet dropped (a stale link's outlet),
    before the page draws from it; returns what the filters offer (`sidebar_filters`)."""
    views = all_views()
    choices = Choices(sorted({s for v in views for s in v.sources}), sorted({v.city for v in views}))
    session.set_view(url_params.known(session.current_view(), sources=choices.sources, cities=choices.cities))
    return choices


def sidebar_filters(into: DeltaGenerator, choices: Choices) -> None:
    """The shared filters, drawn by the router into a place it kept at the top of the sidebar, so
    they are the same on every page. The router draws them after the page: the browser then fetches
    the map's scripts before the widgets' (it loads a handful of files at a time).

    The widgets show the session's view on every run (a page switch or Back can replace it), and
    a change goes straight back into it."""
    sources, cities = choices
    f = session.current_view().filters
    start = f.start or (url_params.EARLIEST if f.end else None)
    st.session_state.update(
        f_range=tuple(d for d in (start, f.end) if d), f_districts=list(f.districts),
        f_weapons=list(f.weapons), f_sources=list(f.sources), f_cities=list(f.cities),
        f_precisions=list(f.precisions), f_languages=list(f.languages), f_verified=f.verified_only,
    )  # fmt: skip
    with into:
        st.markdown("**Filters**")  # not a heading: the sidebar comes before the page's title
        changed = _filters_changed
        st.date_input("Date range", min_value=url_params.EARLIEST, max_value=url_params.LATEST,
                      help="Leave empty for all dates", key="f_range", on_change=changed)  # fmt: skip
        st.multiselect("Districts", DISTRICTS, key="f_districts", on_change=changed)
        st.multiselect("Weapons", WEAPONS, key="f_weapons", on_change=changed)
        st.multiselect("Sources", sources, key="f_sources", on_change=changed)
        st.multiselect("Cities", cities, key="f_cities", on_change=changed)
        st.multiselect("Location precision", LOCATION_PRECISIONS, key="f_precisions", on_change=changed)
        st.multiselect("Language", LANGUAGES, format_func=language_name, key="f_languages", on_change=changed,
                       help="Events with an article in any of these languages")  # fmt: skip
        st.toggle("Verified only", key="f_verified", on_change=changed)


def _filters_changed() -> None:
    """New filters keep the timeline window (cut to the new events' span when shown); the chosen
    event, picked among the old events, is let go."""
    state = st.session_state
    chosen = state.get("f_range") or ()
    days = list(chosen) if isinstance(chosen, (list, tuple)) else [chosen]
    filters = Filters(
        start=days[0] if days else None, end=days[1] if len(days) > 1 else None,
        districts=tuple(state.f_districts), weapons=tuple(state.f_weapons),
        sources=tuple(state.f_sources), cities=tuple(state.f_cities),
        precisions=tuple(state.f_precisions), languages=tuple(state.f_languages),
        verified_only=bool(state.f_verified),
    )  # fmt: skip
    session.set_view(replace(session.current_view(), filters=filters, event=None))
    session.let_go_of_focus()


def filtered_views() -> tuple[list[Listing], View]:
    """The events the filters let through, and the view they come from."""
    view = session.current_view()
    return apply_filters(all_views(), view.filters), view


def window_of(views: Sequence[Listing]) -> tuple[dt.date, dt.date] | None:
    """The timeline window every page applies: the session's, cut to these events' span."""
    return timeline.effective(session.current_view().window, timeline.span(views))


def window_toggle(views: Sequence[Listing]) -> list[Listing]:
    """The events in the timeline window, unless the reader switches the window off for this page."""
    window = window_of(views)
    if window is None or window == timeline.span(views):
        return list(views)
    if st.toggle(f"Only the timeline window, {timeline.describe(window)} (set on the Map page)", value=True):
        return timeline.in_window(views, window)
    return list(views)


def place_picker(here: Sequence[Listing]) -> None:
    """A picker for the events that share the clicked place; the chosen one opens below."""
    ids = [v.id for v in here]
    if not ids:
        return
    if session.current_view().event not in ids:
        session.choose_event(ids[0])
    labels = {v.id: ui_panel.event_label(v) for v in here}
    st.session_state["place_pick"] = session.current_view().event
    st.selectbox(f"{len(ids)} events at this place", ids, format_func=labels.__getitem__, key="place_pick",
                 on_change=lambda: session.choose_event(st.session_state["place_pick"]))  # fmt: skip


def events_table(shown: Sequence[Listing]) -> None:
    """The window's events as a table under the map: the keyboard's way to every event, and the
    phone's, where markers are small. Choosing a row opens its panel, as a click on a marker does.
    A long window is listed a page at a time (`render.TABLE_ROWS`), its page chosen above it."""
    if not shown:
        return
    pages = render.table_pages(len(shown), render.TABLE_ROWS)
    page = 0
    if len(pages) > 1:
        if not 0 <= st.session_state.get("map_page", 0) < len(pages):
            st.session_state["map_page"] = 0  # fewer events now: back to the first page
        page = st.selectbox(
            "The table lists", range(len(pages)), key="map_page",
            format_func=lambda i: render.page_label(pages[i], len(shown)),
            help="Oldest first, as on the Events page",
        )  # fmt: skip
    listed = [shown[i] for i in pages[page]]
    ids = [v.id for v in listed]
    key = f"map_events_{page}"

    def chosen() -> None:
        rows = st.session_state[key].selection.rows
        if rows and rows[0] < len(ids):
            session.choose_event(ids[rows[0]])

    st.dataframe(
        table([row(v) for v in listed])[list(MAP_TABLE)],
        hide_index=True, width="stretch", height=min(36 * (len(listed) + 1) + 2, 250), key=key,
        on_select=chosen, selection_mode="single-row",
    )  # fmt: skip


def chosen_event_panel(shown: Sequence[Listing]) -> None:
    """The panel of the event the view names (a click or an ?event= link), with a link to it."""
    event_id = session.current_view().event
    if not event_id:
        st.info("Click a marker to see the event and how each outlet reported it.")
        return
    if not any(v.id == event_id for v in shown):
        if not any(v.id == event_id for v in all_views()):
            st.warning(f"There is no event {inert(event_id)} in this store.")
            return
        st.caption("This event is outside the current filters or timeline window.")
    if event_panel(event_id):
        st.caption("Link to this event (copy it with the button on the right):")
        st.code(event_link(event_id), language=None)


def event_panel(event_id: str) -> bool:
    """The panel of one event of the shown store, its reports read now; False when it is gone
    (a write since the page listed it)."""
    view = event_view(shown_store(), event_id)
    if view is None:
        st.warning(f"There is no event {inert(event_id)} in this store.")
        return False
    ui_panel.event_panel(view)
    return True


def event_link(event_id: str) -> str:
    """A link that opens the map on one event, on whatever address the reader uses."""
    base = urljoin(st.context.url or "", "./") if st.context.url else "/"
    return f"{base}?{urlencode({'event': event_id})}"


def timeline_chart(
    views: Sequence[Listing], into: DeltaGenerator, window: tuple[dt.date, dt.date] | None = None
) -> None:
    """Events over time as bars, with the timeline window shaded, drawn into a place kept for them
    (`timeline.chart_svg`: plain SVG, which the browser draws with no script to load).

    Markdown rather than `st.html`, whose sanitiser keeps HTML only and drops SVG. The chart holds
    our own words, dates and numbers, escaped; wrapped in a block of its own, Markdown leaves it be.
    On a phone it keeps a legible width and scrolls sideways rather than shrinking its words."""
    colour = st.get_option("theme.primaryColor") or timeline.FALLBACK_COLOUR
    svg = timeline.chart_svg(views, window, colour=colour)
    if svg is not None:
        wide = f'<div style="min-width: {MIN_CHART_WIDTH}px">{svg}</div>'
        scrolled = f'<div style="overflow-x: auto">{wide}</div>'
        into.markdown(scrolled, unsafe_allow_html=True)


MIN_CHART_WIDTH = 900
"""Pixels below which the timeline chart scrolls instead of shrinking (its text scales with it)."""


def timeline_window(views: Sequence[Listing]) -> tuple[dt.date, dt.date] | None:
    """A window slider and buttons that step it (`timeline_chart` draws the bars above).

    Returns the window shown. With every event on one day there is nothing to slide: a slider
    needs two different ends, so the page says which day instead."""
    bounds = timeline.span(views)
    window = window_of(views)
    if bounds is None or window is None:
        return None
    if bounds[0] == bounds[1]:
        st.caption(f"Every dated event here falls on {format_date(bounds[0], 'day')}.")
        return window
    st.session_state["window_slider"] = window
    st.slider("Timeline window", min_value=bounds[0], max_value=bounds[1], key="window_slider",
              format="YYYY-MM-DD", on_change=_window_moved, args=(bounds,))  # fmt: skip
    with st.container(horizontal=True, horizontal_alignment="distribute", wrap=False, key="window_steps"):
        first, last = window[0] <= bounds[0], window[1] >= bounds[1]
        st.button("Previous window", icon=":material/chevron_left:", key="window_back",
                  on_click=_step_window, args=(window, bounds, -1), disabled=first)  # fmt: skip
        st.button("Next window", icon=":material/chevron_right:", icon_position="right", key="window_forward",
                  on_click=_step_window, args=(window, bounds, 1), disabled=last)  # fmt: skip
    return window


def _window_moved(bounds: tuple[dt.date, dt.date]) -> None:
    session.let_go_of_focus()
    first, last = cast(tuple[dt.date, dt.date], st.session_state["window_slider"])
    window = None if (first, last) == bounds else (first, last)
    session.set_view(replace(session.current_view(), window=window))


def _step_window(window: tuple[dt.date, dt.date], bounds: tuple[dt.date, dt.date], direction: int) -> None:
    session.let_go_of_focus()
    session.set_view(replace(session.current_view(), window=timeline.step(window, bounds, direction)))


def kyiv_map(
    views: Sequence[Listing], placed: Sequence[render.Marker], *, shaded: bool, tiles: bool
) -> dict[str, object] | None:
    """The map component, framed on the window's events, sending back only clicks.

    ``placed`` is ``markers(views)``, which the page has already placed for its caption.
    What the frame leaves out (events beyond Kyiv, events with no place) is said above the map;
    the legend is drawn on the map itself. Panning and zooming never rerun the script.
    """
    frame = framing.frame(views, placed)
    focus = session.focus()
    fit = (focus and framing.around(placed, focus)) or frame.bounds
    above = st.empty()  # the notes, written once the map is on its way (see below)
    # Imported in a page's run: streamlit-folium registers its frame with the server only when
    # imported inside one, and the server's start (startup.py) imports this module outside any.
    from streamlit_folium import st_folium

    result = st_folium(
        render.base_map(tiles=tiles),
        feature_group_to_add=render.layers(views, shaded=shaded, placed=placed, fit=fit),
        returned_objects=["last_object_clicked_tooltip"],
        key="kyiv-map",
        height=560,
        width=None,  # the container's width (st_folium's own parameter, not Streamlit's)
    )
    # Counting the towns of the Kyiv region loads the gazetteer on a server's first page: the
    # browser starts on the map meanwhile.
    notes = [framing.outside_note(views, frame.area), framing.unplaced_note(views, placed)]
    if any(notes):
        above.caption(" · ".join(filter(None, notes)))
    return cast(dict[str, object] | None, result)


MAP_TABLE = ("Date", "Districts", "Weapons", "Killed", "Injured", "Sources", "Outlets")
"""The columns of the table under the map: enough to tell events apart, narrow enough for a phone."""


def table_download(rows: Sequence[dict[str, object]], name: str) -> None:
    """A "Download CSV" of a table as shown, safe in a spreadsheet (the tables' own button is off)."""
    csv = table_csv(rows)
    st.download_button("Download CSV", csv, file_name=f"kyiv-strikes-{name}.csv", mime="text/csv", key=name)


def table(rows: Sequence[dict[str, object]]) -> pd.DataFrame:
    names = headers()
    return pd.DataFrame(list(rows), columns=list(names)).rename(columns=names)
