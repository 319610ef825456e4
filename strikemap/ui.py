"""Streamlit glue shared by the pages: the cached store and events, the filters, the panels.

Caching lives here and only here. Events are cached per store generation, so any write
(an ingest, a correction) is seen on the next rerun without a restart.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from collections.abc import Sequence
from pathlib import Path
from typing import cast

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit_folium import st_folium

from strikemap import demo, query, render, timeline
from strikemap import params as url_params
from strikemap.assets import ensure_static
from strikemap.dates import format_date
from strikemap.errors import ConfigError, StoreError
from strikemap.ingest import Summary, ingest
from strikemap.models import DISTRICTS, Article
from strikemap.panels import disagreements, highlight, inert, report_fields
from strikemap.query import LOCATION_PRECISIONS, WEAPONS, EventView, Filters
from strikemap.render import COLOURS, legend_bins
from strikemap.store import Store, counts, generation

APP_DIR = Path(__file__).resolve().parent.parent
DEMO_CORPUS = demo.CORPUS
NOTHING_YET = "No events yet: add your own articles on the **Add & review** page."
ICON = str(APP_DIR / "static" / "icon.png")
"""A local favicon: a Material icon name would be fetched from a font server."""
COLUMN_NAMES = {
    "id": "Event", "date": "Date", "date_precision": "Date precision", "time_of_day": "Time of day",
    "city": "City", "districts": "Districts", "places": "Places", "location_precision": "Location precision",
    "weapons": "Weapons", "weapon_models": "Weapon models", "killed": "Killed", "injured": "Injured",
    "intercepted": "Intercepted", "damage": "Damage", "said_by": "Quoted", "sources_count": "Sources",
    "sources": "Outlets", "status": "Review", "corrected": "Corrected fields",
}  # fmt: skip


@st.cache_resource(show_spinner=False)
def store() -> Store:
    """One store per process: STRIKEMAP_DB (SQLite path or postgresql://...) or the default file."""
    return Store(os.environ.get("STRIKEMAP_DB"))


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
    """The demo's timeline window means nothing in another store: let the next page start afresh."""
    st.session_state.pop("window", None)


def save_articles(articles: Sequence[Article]) -> Summary:
    """Add articles to the user's own store, never the demo's; the first ones end the demo."""
    showing = shows_demo()
    summary = ingest(store(), articles)
    if showing and not shows_demo():
        st.session_state["first_save"] = " ".join(summary.lines()[:2])
        _forget_window()
        st.rerun()
    return summary


def unavailable(err: Exception) -> None:
    st.error(f"The event store is not answering, so nothing can be shown right now. {err}")
    st.caption("The page recovers by itself once the database is back: reload or change a filter.")
    st.stop()


@st.cache_resource(show_spinner=False, max_entries=4)
def _views(url: str, version: int, _source: Store) -> list[EventView]:
    """All events of one store, shared between sessions; immutable, so caching them without copies is safe."""
    return query.load(_source)


def views_of(source: Store) -> list[EventView]:
    try:
        return _views(source.url, generation(source), source)
    except StoreError as err:
        unavailable(err)
        raise


def all_views() -> list[EventView]:
    """Every event of the store the pages show (`shown_store`)."""
    try:
        return views_of(shown_store())
    except StoreError as err:
        unavailable(err)
        raise


def sidebar_filters(views: Sequence[EventView]) -> Filters:
    """The shared filters, read from and written back to the URL."""
    if "filters_loaded" not in st.session_state:
        filters, window = url_params.from_params(_query_params())
        st.session_state.update(
            f_range=tuple(d for d in (filters.start, filters.end) if d), f_districts=list(filters.districts),
            f_weapons=list(filters.weapons), f_sources=list(filters.sources), f_cities=list(filters.cities),
            f_precisions=list(filters.precisions), f_verified=filters.verified_only, filters_loaded=True,
        )  # fmt: skip
        if window:
            st.session_state["window"] = window
    sources = sorted({s for v in views for s in v.sources})
    cities = sorted({v.event.city for v in views})
    with st.sidebar:
        st.header("Filters")
        chosen = st.date_input("Date range", key="f_range", help="Leave empty for all dates")
        st.multiselect("Districts", DISTRICTS, key="f_districts")
        st.multiselect("Weapons", WEAPONS, key="f_weapons")
        st.multiselect("Sources", sources, key="f_sources")
        st.multiselect("Cities", cities, key="f_cities")
        st.multiselect("Location precision", LOCATION_PRECISIONS, key="f_precisions")
        st.toggle("Verified only", key="f_verified")
    days = list(chosen) if isinstance(chosen, (list, tuple)) else [chosen]
    state = st.session_state
    return Filters(
        start=days[0] if days else None, end=days[1] if len(days) > 1 else None,
        districts=tuple(state.f_districts), weapons=tuple(state.f_weapons),
        sources=tuple(s for s in state.f_sources if s in sources), cities=tuple(state.f_cities),
        precisions=tuple(state.f_precisions), verified_only=bool(state.f_verified),
    )  # fmt: skip


def _query_params() -> dict[str, str | list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def share(filters: Filters, window: tuple[dt.date, dt.date] | None = None) -> None:
    """Put the view in the URL so it can be shared as a link."""
    wanted = url_params.to_params(filters, window)
    if wanted != _query_params():
        st.query_params.from_dict(wanted)


def filtered_views() -> tuple[list[EventView], Filters]:
    views = all_views()
    filters = sidebar_filters(views)
    return query.apply(views, filters), filters


def timeline_chart(views: Sequence[EventView], into: DeltaGenerator) -> None:
    """Events over time as bars, drawn into a place kept for them above the window slider.

    The map page draws it after the map: the chart's scripts are the heaviest the browser loads,
    and the map's need not wait behind them."""
    bounds = timeline.span(views)
    if bounds is None:
        return
    weekly = (bounds[1] - bounds[0]).days > 120
    series = timeline.counts(views, weekly=weekly)
    if series:
        frame = pd.DataFrame(series, columns=["date", "events"]).set_index("date")
        into.bar_chart(frame, height=120, y_label=f"events per {'week' if weekly else 'day'}", x_label="")


def timeline_window(views: Sequence[EventView]) -> tuple[dt.date, dt.date] | None:
    """A window slider and buttons that step the window (`timeline_chart` draws the bars above)."""
    bounds = timeline.span(views)
    if bounds is None:
        return None
    state = st.session_state
    current = state.get("window")
    if not current or current[0] < bounds[0] or current[1] > bounds[1] or current[0] > current[1]:
        state["window"] = bounds

    def move(direction: int) -> None:
        state["window"] = timeline.step(state["window"], bounds, direction)

    back, slider, forward = st.columns([1, 12, 1], vertical_alignment="bottom")
    back.button("◀", key="window_back", on_click=move, args=(-1,), help="Move the window back by its width")
    forward.button(
        "▶", key="window_forward", on_click=move, args=(1,), help="Move the window on by its width"
    )
    window = slider.slider("Timeline window", min_value=bounds[0], max_value=bounds[1], key="window",
                           format="YYYY-MM-DD")  # fmt: skip
    first, last = cast(tuple[dt.date, dt.date], window)
    return first, last


def kyiv_map(
    views: Sequence[EventView], placed: Sequence[render.Marker], *, shaded: bool, tiles: bool
) -> dict[str, object] | None:
    """The map component, sending back only clicks: panning and zooming never rerun the script.

    ``placed`` is ``render.markers(views)``, which the page has already placed for its caption.
    """
    result = st_folium(
        render.base_map(tiles=tiles),
        feature_group_to_add=render.layers(views, shaded=shaded, placed=placed),
        returned_objects=["last_object_clicked_tooltip"],
        key="kyiv-map",
        height=560,
        use_container_width=True,
    )
    return cast(dict[str, object] | None, result)


def legend(views: Sequence[EventView], *, shaded: bool) -> None:
    swatches = (
        " ".join(f"<span style='color:{colour}'>●</span> {name}" for name, colour in COLOURS.items())
        + " &nbsp; <span style='color:#555'>◌</span> city-level (dashed ring): less precise"
    )
    st.markdown(
        f"<small>{swatches} &nbsp; · &nbsp; larger dots: more casualties</small>", unsafe_allow_html=True
    )
    if shaded:
        top = max(query_district_counts(views).values(), default=0)
        bins = " ".join(
            f"<span style='background:{c};padding:0 .6em'>&nbsp;</span> {r}" for c, r in legend_bins(top)
        )
        st.markdown(f"<small>Events per district: {bins}</small>", unsafe_allow_html=True)


def query_district_counts(views: Sequence[EventView]) -> dict[str, int]:
    from strikemap.render import district_counts

    return dict(district_counts(views))


md = inert


def event_panel(view: EventView) -> None:
    """The selected event, then one panel per report: what each outlet said and where."""
    e = view.event
    date = format_date(e.date, e.date_precision) or "undated"
    st.subheader(f"{md(date)} · {md(e.city)}")
    status = f"{view.status}" + (
        f"; corrected by an analyst: {', '.join(view.corrected)}" if view.corrected else ""
    )
    st.caption(f"Event {md(e.id)} · date precision: {md(e.date_precision or 'none')} · {md(status)}")
    a, b, c, d = st.columns(4)
    a.metric("Killed", "?" if e.killed is None else e.killed)
    b.metric("Injured", "?" if e.injured is None else e.injured)
    c.metric("Intercepted", "?" if e.intercepted is None else e.intercepted)
    d.metric("Independent sources", e.sources_count)
    places = "; ".join(f"{p.name} ({p.precision})" for p in e.places) or "-"
    st.markdown(
        f"**Districts:** {md(', '.join(e.districts) or 'none named (city-level)')}  \n"
        f"**Places:** {md(places)}  \n**Weapons:** {md(', '.join(e.weapons) or 'not stated')}"
        + (f" ({md(', '.join(e.weapon_models))})" if e.weapon_models else "")
        + f"  \n**Damage:** {md(', '.join(e.damage) or 'not stated')}"
    )
    for sentence in disagreements(e):
        st.warning(sentence, icon="⚖️")
    for flag in e.flags:
        st.warning(f"Check this: {md(flag)}", icon="⚠️")
    for report in e.reports:
        with st.container(border=True):
            outlet = report.source or "Unknown outlet"
            st.markdown(f"**{md(outlet)}** · {md(report.role)} report")
            st.caption(
                f"{md(report.title or report.article)} · published {md(report.published or 'unknown')}"
                + (f" · quoted: {md(', '.join(report.said_by))}" if report.said_by else "")
            )
            fields = report_fields(report)
            st.markdown(" · ".join(f"**{k}:** {md(v)}" for k, v in fields.items()))
            for evidence in report.evidence:
                st.markdown(
                    f"<div class='evidence'><small>{html.escape(evidence.field)}</small> "
                    f"{highlight(evidence.sentence, evidence.match)}</div>",
                    unsafe_allow_html=True,
                )


def event_label(view: EventView) -> str:
    """How an event is named in a picker: date, city and districts."""
    e = view.event
    return (
        f"{format_date(e.date, e.date_precision) or 'undated'} · {e.city} · {', '.join(e.districts) or '-'}"
    )


def table(rows: Sequence[dict[str, object]]) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows), columns=list(COLUMN_NAMES))
    return frame.rename(columns=COLUMN_NAMES)
