"""Building the Kyiv map: district shading, one marker per place hit, tooltips that are safe.

Markers go into one GeoJson layer (not one folium object per event) so thousands draw fast,
and every string from an article is escaped before it reaches Leaflet.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import folium
from folium.plugins import MarkerCluster
from folium.utilities import JsCode

from strikemap.dashboard.assets import localise
from strikemap.dashboard.overlays import Bounds, DistrictLabels, Frame, Legend, StillPage, cluster_icon
from strikemap.extract.gazetteer_data import KYIV_CENTRE, geodata_folder, read_districts
from strikemap.models import Place, Precision, format_date
from strikemap.views import Shown, ShownT

WEAPON_GROUPS = ("drone", "missile", "mixed", "other")
COLOURS = {"drone": "#00786e", "missile": "#5e3c99", "mixed": "#d01c8b", "other": "#4d4d4d"}
"""Cool or neutral hues, so no weapon reads as a district's warm shading (drones were orange)."""
SHADES = ("#f7f7f7", "#fde0c5", "#facba6", "#f59e72", "#e8613c", "#c0392b")
BACKGROUND = "#dddddd"
"""Leaflet's map background, which shows wherever no district is drawn."""
SHADE_OPACITY = 0.55
_EVENT_ID = re.compile(r"#([0-9a-f]{12})\b")
_PLACE = re.compile(r"@(-?\d+\.\d+),(-?\d+\.\d+)")
DEFAULT_ZOOM = 10
LABELS_FROM_ZOOM = 10
"""District names show from this zoom in: further out they would cover the whole city."""
AGGREGATE_ABOVE = 3000
"""Above this many markers, events at the same point share one marker that lists them on click;
the browser then receives hundreds of markers instead of tens of thousands."""

TABLE_ROWS = 500
"""The table under the map lists this many events at a time: a window of thousands would send the
browser megabytes before the map could draw (a page of 500 rows is about 45 KB)."""


def table_pages(count: int, size: int = TABLE_ROWS) -> list[range]:
    """The table's pages: which of ``count`` events in the window each one lists."""
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def page_label(rows: range, count: int) -> str:
    """ "Events 501–1,000 of 10,585": what one page of the table lists."""
    return f"Events {rows.start + 1:,}–{rows.stop:,} of {count:,}"


@dataclass(frozen=True, slots=True)
class Marker:
    """One place hit by one event, as drawn on the map."""

    event_id: str
    lat: float
    lon: float
    label: str
    """Tooltip text, already escaped."""
    group: str
    radius: float
    city_level: bool
    count: int = 1


def safe(text: object) -> str:
    """Escape for HTML inside folium's JavaScript template literals (backtick, $ and \\ too).

    Each character is escaped on its own, so a label may be escaped piece by piece.
    """
    escaped = html.escape(str(text), quote=True)
    return escaped.replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")


def weapon_group(weapons: Iterable[str]) -> str:
    kinds = set(weapons) & {"drone", "missile"}
    if kinds == {"drone", "missile"}:
        return "mixed"
    return kinds.pop() if kinds else "other"


def radius(killed: int | None, injured: int | None) -> float:
    """5 px for none or unknown, growing with casualties to at most 10 (so clicks stay exact)."""
    hurt = (killed or 0) + (injured or 0)
    return round(5 + min(5.0, math.sqrt(hurt)), 1)


def markers(views: Iterable[Shown]) -> list[Marker]:
    """One marker per place hit; events with no district sit at their city, marked as such."""
    out: list[Marker] = []
    for e in views:
        places = e.places
        hit = [p for p in places if p.district and p.district in e.districts] if e.districts else []
        placed = {p.district for p in hit}
        hit += [_district_place(d) for d in e.districts if d not in placed]
        city_level = not hit
        if city_level:
            hit = sorted(places, key=lambda p: p.precision != "city")[:1]
            if not hit:
                continue
        when = _safe_date(e.date, e.date_precision)
        tail = f" · {_safe_weapons(e.weapons)} · #{safe(e.id)}"
        group, size = weapon_group(e.weapons), radius(e.killed, e.injured)
        seen: set[tuple[float, float]] = set()
        for place in hit:
            if (place.lat, place.lon) in seen:
                continue
            seen.add((place.lat, place.lon))
            where = _safe_cached(place.district or e.city) + (" (city-level)" if city_level else "")
            out.append(
                Marker(e.id, place.lat, place.lon, when + " · " + where + tail, group, size, city_level)
            )
    return out


@lru_cache(maxsize=8192)
def _safe_cached(text: str) -> str:
    return safe(text)


@lru_cache(maxsize=8192)
def _safe_date(day: dt.date | None, precision: Precision | None) -> str:
    return safe(format_date(day, precision) or "undated")


@lru_cache(maxsize=8192)
def _safe_weapons(weapons: tuple[str, ...]) -> str:
    return safe(", ".join(weapons) or "weapon not stated")


def _district_place(district: str) -> Place:
    """A district named (say by an analyst's correction) with no place of its own: its label point."""
    lat, lon = next(((lat, lon) for name, lat, lon in district_labels() if name == district), KYIV_CENTRE)
    return Place(district, "Kyiv", district, lat, lon, "district")


def by_place(items: Sequence[Marker]) -> list[Marker]:
    """One marker per point: those hit by several events say how many and list them on click."""
    groups: dict[tuple[float, float, bool], list[Marker]] = {}
    for m in items:
        groups.setdefault((m.lat, m.lon, m.city_level), []).append(m)
    out = []
    for (lat, lon, city_level), here in groups.items():
        if len(here) == 1:
            out.append(here[0])
            continue
        kinds = {m.group for m in here}
        label = safe(f"{len(here)} events here · click to list them · @{lat:.5f},{lon:.5f}")
        out.append(
            Marker(
                "",
                lat,
                lon,
                label,
                kinds.pop() if len(kinds) == 1 else "mixed",
                round(min(10.0, 5 + math.log2(len(here))), 1),
                city_level,
                len(here),
            )
        )
    return out


def place_from_tooltip(text: str | None) -> tuple[float, float] | None:
    """The point of a clicked shared marker, from its tooltip text."""
    found = _PLACE.search(text or "")
    return (float(found.group(1)), float(found.group(2))) if found else None


def events_at(views: Iterable[ShownT], point: tuple[float, float]) -> list[ShownT]:
    """The events with a marker at this point."""
    return [v for v in views if any((round(m.lat, 5), round(m.lon, 5)) == point for m in markers([v]))]


def event_id_from_tooltip(text: str | None) -> str | None:
    """The event a clicked marker belongs to, from the tooltip text the map sends back."""
    found = _EVENT_ID.search(text or "")
    return found.group(1) if found else None


def district_counts(views: Iterable[Shown]) -> Counter[str]:
    return Counter(d for v in views for d in v.districts)


def shade(count: int, top: int) -> str:
    if count <= 0 or top <= 0:
        return SHADES[0]
    return SHADES[min(len(SHADES) - 1, 1 + (count - 1) * (len(SHADES) - 1) // top)]


def legend_bins(top: int) -> list[tuple[str, str]]:
    """(colour, range) pairs for the shading legend, read off `shade` so the two always agree."""
    ranges: dict[str, list[int]] = {SHADES[0]: [0, 0]}
    for count in range(1, top + 1):
        colour = shade(count, top)
        ranges.setdefault(colour, [count, count])[1] = count
    return [(c, f"{low}–{high}" if high > low else f"{low}") for c, (low, high) in ranges.items()]


@cache
def _districts_geojson() -> str:
    return (geodata_folder() / "kyiv_districts.geojson").read_text(encoding="utf-8")


def base_map(*, tiles: bool = False, height_zoom: int = DEFAULT_ZOOM) -> folium.Map:
    """The map that stays put between reruns: district outlines and names, optionally web tiles."""
    m = folium.Map(
        location=KYIV_CENTRE, zoom_start=height_zoom, tiles=None, prefer_canvas=True, control_scale=True
    )
    m.options.update(min_zoom=6, max_zoom=18)  # folium only sets these on tile layers; clustering needs them
    if tiles:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap tiles (online)").add_to(m)
    folium.GeoJson(
        json.loads(_districts_geojson()),
        name="districts",
        style_function=lambda _: {"color": "#555", "weight": 1, "fillOpacity": 0},
        interactive=False,
    ).add_to(m)
    labels = [(safe(name), lat, lon) for name, lat, lon in district_labels()]
    DistrictLabels(labels, from_zoom=LABELS_FROM_ZOOM).add_to(m)
    StillPage().add_to(m)
    return localise(m)


@cache
def district_labels() -> tuple[tuple[str, float, float], ...]:
    """(name, lat, lon) of each district's label point, a point inside the district (the gazetteer's
    point for the district, read without loading the gazetteer: the dashboard never needs it)."""
    districts = read_districts(geodata_folder() / "kyiv_districts.geojson")
    return tuple((d.name, *d.label) for d in districts)


def layers(
    views: Sequence[Shown],
    *,
    shaded: bool = True,
    cluster: bool = True,
    placed: Sequence[Marker] | None = None,
    fit: Bounds | None = None,
) -> list[folium.FeatureGroup]:
    """The layers that change with the filters: district shading, the event markers, the legend.

    ``placed`` is ``markers(views)`` when the caller has it already (placing is most of the work).
    The map moves to ``fit`` (Kyiv's default view when None) each time these layers change, so
    moving the window frames its events, while panning keeps the view the reader chose.
    """
    out = []
    counts = district_counts(views)
    if shaded:
        out.append(_shading(counts))
    items = markers(views) if placed is None else placed
    group = _markers_layer(by_place(items) if len(items) > AGGREGATE_ABOVE else items, cluster=cluster)
    group.add_child(Legend(legend_html(shaded=shaded, top=max(counts.values(), default=0))))
    group.add_child(Frame(fit, default=KYIV_CENTRE, zoom=DEFAULT_ZOOM))
    out.append(group)
    return [localise(layer) for layer in out]


SIZE_KEY = ((0, "none known"), (4, "4"), (25, "25 or more"))
"""Killed plus injured, at the marker sizes the legend shows (see `radius`)."""


def legend_html(*, shaded: bool, top: int) -> str:
    """The key drawn on the map: weapon colours, cluster rings, marker sizes and district shading."""
    dot = "display:inline-block;border-radius:50%;vertical-align:middle;margin-right:5px;flex:none;"
    item = "display:flex;align-items:center"
    weapons = "".join(
        f"<span style='{item}'><i style='{dot}width:11px;height:11px;background:{colour};"
        f"border:1px solid #222'></i>{safe(name)}</span>"
        for name, colour in COLOURS.items()
    )
    ring = ", ".join(f"{c} {i * 90}deg {(i + 1) * 90}deg" for i, c in enumerate(COLOURS.values()))
    sizes = "".join(
        f"<span style='{item};margin-right:8px'><i style='{dot}width:{2 * radius(hurt, 0):g}px;"
        f"height:{2 * radius(hurt, 0):g}px;background:#aaa;border:1px solid #222'></i>{label}</span>"
        for hurt, label in SIZE_KEY
    )
    parts = [
        f"<div style='display:grid;grid-template-columns:auto auto;gap:2px 12px'>{weapons}</div>",
        f"<span style='{item}'><i style='{dot}width:11px;height:11px;border:2px dashed #555;"
        "box-sizing:border-box'></i>city-level: no district known</span>",
        f"<span style='{item}'><i style='{dot}width:16px;height:16px;background:conic-gradient({ring})'>"
        "</i>group of markers: ring shows weapons</span>",
        "<b style='margin-top:3px'>Killed and injured</b>",
        f"<div style='{item};flex-wrap:wrap'>{sizes}</div>",
    ]
    if shaded:
        bins = "".join(
            f"<span style='flex:1;text-align:center;min-width:26px'>"
            f"<i style='display:block;height:9px;background:{c};border:1px solid #999'></i>{r}</span>"
            for c, r in legend_bins(top)
        )
        parts += [
            "<b style='margin-top:3px'>Events per district</b>",
            f"<div style='display:flex'>{bins}</div>",
        ]
    return (
        "<details open><summary style='cursor:pointer;font-weight:700'>Legend</summary>"
        "<div style='display:grid;gap:2px;margin-top:3px'>" + "".join(parts) + "</div></details>"
    )


def _shading(counts: Counter[str]) -> folium.FeatureGroup:
    """Districts coloured by events; not clickable, so a click on a marker is never taken by it."""
    top = max(counts.values(), default=0)
    group = folium.FeatureGroup(name="events per district")
    data = json.loads(_districts_geojson())
    for feature in data["features"]:
        feature["properties"] = {"name": feature["properties"]["name"]}
    folium.GeoJson(
        data,
        style_function=lambda f: {
            "fillColor": shade(counts.get(f["properties"]["name"], 0), top),
            "fillOpacity": SHADE_OPACITY,
            "color": "#555",
            "weight": 1,
        },
        interactive=False,
    ).add_to(group)
    return group


def marker_collection(items: Sequence[Marker]) -> dict[str, Any]:
    """Markers as one GeoJSON FeatureCollection; each carries only what its style is made from."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [m.lon, m.lat]},
                "properties": {
                    "event": m.event_id,
                    "label": m.label,
                    "kind": m.group,
                    "radius": m.radius,
                    "city_level": m.city_level,
                },
            }
            for m in items
        ],
    }


_STYLE_AND_TOOLTIP = JsCode(
    """function (feature, layer) {
    const p = feature.properties, colour = %s[p.kind];
    layer.setStyle(p.city_level
        ? {color: colour, weight: 3, dashArray: "3 3", fillColor: colour, fillOpacity: 0.15}
        : {color: "#222", weight: 1, fillColor: colour, fillOpacity: 0.85});
    layer.setRadius(p.city_level ? 9 : p.radius);
    layer.bindTooltip(p.label);
}"""
    % json.dumps(COLOURS)
)
"""Styles are made in the browser from a few properties (a style per feature would double what
is sent), and each marker carries its own tooltip (the label is escaped already) so a click on a
clustered marker still reports which event it is; a tooltip bound to the whole layer would not."""


def _markers_layer(items: Sequence[Marker], *, cluster: bool) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name="events")
    if not items:
        return group
    parent: folium.Element = group
    if cluster:
        parent = MarkerCluster(
            icon_create_function=cluster_icon(COLOURS), maxClusterRadius=30, spiderfyOnMaxZoom=True
        )
        parent.add_to(group)
    folium.GeoJson(
        marker_collection(items),
        marker=folium.CircleMarker(radius=6, fill=True),
        on_each_feature=_STYLE_AND_TOOLTIP,
    ).add_to(parent)
    return group
