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

from strikemap import params as url_params
from strikemap import query, render, timeline
from strikemap.assets import ensure_static
from strikemap.errors import StoreError
from strikemap.links import outlet_name
from strikemap.models import DISTRICTS
from strikemap.panels import date_label, disagreements, evidence_lines, inert, report_fields, source_line
from strikemap.query import LOCATION_PRECISIONS, WEAPONS, EventView, Filters
from strikemap.render import COLOURS, legend_bins
from strikemap.store import Store, counts, generation

APP_DIR = Path(__file__).resolve().parent.parent
DEMO_CORPUS = APP_DIR / "samples" / "articles"
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


def prepare() -> None:
    """Serve the map assets and, on the very first start, load the demo corpus."""
    _static_ready()
    try:
        current = store()
        if counts(current).articles == 0 and DEMO_CORPUS.is_dir():
            from strikemap.ingest import ingest
            from strikemap.read import read_paths

            with st.spinner("First start: loading the demo corpus..."):
                ingest(current, read_paths([DEMO_CORPUS]))
    except StoreError as err:
        unavailable(err)


def unavailable(err: Exception) -> None:
    st.error(f"The event store is not answering, so nothing can be shown right now. {err}")
    st.caption("The page recovers by itself once the database is back: reload or change a filter.")
    st.stop()


@st.cache_resource(show_spinner=False, max_entries=2)
def _views(url: str, version: int) -> list[EventView]:
    """All events, shared between sessions; immutable, so caching them without copies is safe."""
    return query.load(store())


def all_views() -> list[EventView]:
    try:
        current = store()
        return _views(current.url, generation(current))
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
    """The selected event, then one card per report: its outlet, link, published date, what it
    says, and each sentence behind it once, tagged with what it supports."""
    e = view.event
    st.subheader(f"{md(date_label(e.date, e.date_precision))} · {md(e.city)}")
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
        st.warning(md(sentence), icon="⚖️")
    for flag in e.flags:
        st.warning(f"Check this: {md(flag)}", icon="⚠️")
    for report in e.reports:
        with st.container(border=True):
            st.markdown(f"**{md(outlet_name(report))}** · {md(report.role)} report")
            st.caption(source_line(report), unsafe_allow_html=True)
            fields = report_fields(report)
            st.markdown(" · ".join(f"**{k}:** {md(v)}" for k, v in fields.items()))
            for line in evidence_lines(report):
                tags = "".join(f"<span style='{_TAG}'>{html.escape(t)}</span>" for t in line.tags)
                st.markdown(
                    f"<div class='evidence' style='{_EVIDENCE}'>{line.html} {tags}</div>",
                    unsafe_allow_html=True,
                )


_EVIDENCE = "border-left:3px solid #d5d8de;padding:.1em 0 .1em .7em;margin:.1em 0 .35em"
"""A quoted sentence: a thin rule on its left, a little space below it."""
_TAG = (
    "display:inline-block;margin:0 .3em 0 0;padding:0 .5em;border-radius:.7em;font-size:.8em;"
    "line-height:1.5;background:#e8eaf0;color:#31333f;white-space:nowrap"
)
"""A small grey label: dark text on light grey (contrast about 11:1)."""


def event_label(view: EventView) -> str:
    """How an event is named in a picker: date (a month as 'May 2023'), city and districts."""
    e = view.event
    return f"{date_label(e.date, e.date_precision)} · {e.city} · {', '.join(e.districts) or '-'}"


def table(rows: Sequence[dict[str, object]]) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows), columns=list(COLUMN_NAMES))
    return frame.rename(columns=COLUMN_NAMES)
