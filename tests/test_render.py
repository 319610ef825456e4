"""The Kyiv map: escaping for folium, markers per place hit, shading, and assets that stay local."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import folium
import pytest
from conftest import make_article

from strikemap.cluster import cluster
from strikemap.dashboard import render
from strikemap.dashboard.assets import BUNDLE, ensure_static
from strikemap.extract import extract
from strikemap.extract.gazetteer_data import KYIV_CENTRE
from strikemap.models import DISTRICTS, Event, Place
from strikemap.views import EventView

LOCAL = "/app/static/vendor/"
TWO_DISTRICTS = (
    "Russian drones struck the Solomianskyi and Shevchenkivskyi districts of Kyiv overnight, "
    "killing two people and injuring five, Vitali Klitschko said."
)
NO_DISTRICT = "Kyiv came under a drone attack overnight. Debris fell in the city, officials said."
MIXED = "Drones and missiles hit Kyiv on Tuesday. One person was killed in the Podilskyi district."
HOSTILE = "<script>alert(1)</script>`${alert(2)}`"


def views_of(text: str, published: str) -> list[EventView]:
    """The events the pipeline finds in one article, as the map gets them."""
    return [EventView(e) for e in cluster(extract(make_article(text, published)))]


def one_view(text: str, published: str) -> EventView:
    """The single event of an article that reports exactly one attack."""
    views = views_of(text, published)
    assert len(views) == 1
    return views[0]


def place(name: str, district: str | None, lat: float, lon: float, precision: str = "district") -> Place:
    """A gazetteer place, built directly for edge cases."""
    return Place(name, "Kyiv", district, lat, lon, precision)  # type: ignore[arg-type]


def event(**fields: object) -> EventView:
    """An event built directly, with a fixed id and date unless given."""
    base: dict[str, object] = {
        "id": "0123456789ab",
        "city": "Kyiv",
        "date": dt.date(2023, 5, 16),
        "date_precision": "day",
        "reports": (),
    }
    return EventView(Event(**(base | fields)))  # type: ignore[arg-type]


def walk(element: folium.Element) -> Iterator[folium.Element]:
    """The element and everything beneath it in folium's tree."""
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from walk(child)


def assets(element: folium.Element) -> list[str]:
    """Every script and style URL that streamlit-folium would load for this element."""
    return [
        url
        for item in walk(element)
        for _, url in [*getattr(item, "default_js", []), *getattr(item, "default_css", [])]
    ]


# --- safe ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Podilskyi", "Podilskyi"),
        ("<b>", "&lt;b&gt;"),
        ("Tom & Jerry", "Tom &amp; Jerry"),
        ('say "hi"', "say &quot;hi&quot;"),
        ("Kyiv's", "Kyiv&#x27;s"),
        ("`tick`", "&#96;tick&#96;"),
        ("${alert(1)}", "&#36;{alert(1)}"),
        ("C:\\path", "C:&#92;path"),
        ("<script>`${x}`\\</script>", "&lt;script&gt;&#96;&#36;{x}&#96;&#92;&lt;/script&gt;"),
        (12, "12"),
        ("Київ", "Київ"),
    ],
)
def test_safe_escapes_html_and_template_literal_characters(text: object, expected: str) -> None:
    assert render.safe(text) == expected


@pytest.mark.parametrize("text", ["${alert(1)}", "`", "\\`", "<img src=x onerror=alert(1)>", "a\\${b}"])
def test_safe_leaves_nothing_a_template_literal_or_html_would_run(text: str) -> None:
    out = render.safe(text)
    assert [c for c in "<>`$\\\"'" if c in out] == []


# --- weapon_group and radius ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "weapons, expected",
    [
        ((), "other"),
        (("drone",), "drone"),
        (("missile",), "missile"),
        (("drone", "missile"), "mixed"),
        (("missile", "drone", "artillery"), "mixed"),
        (("bomb",), "other"),
        (("artillery", "drone"), "drone"),
        (["missile", "missile"], "missile"),
    ],
)
def test_weapon_group(weapons: tuple[str, ...], expected: str) -> None:
    assert render.weapon_group(weapons) == expected


@pytest.mark.parametrize(
    "killed, injured, expected",
    [
        (None, None, 5.0),
        (0, 0, 5.0),
        (1, None, 6.0),
        (None, 4, 7.0),
        (2, 5, 7.6),
        (9, 16, 10.0),
        (500, 2000, 10.0),
    ],
)
def test_radius_grows_with_casualties_within_bounds(
    killed: int | None, injured: int | None, expected: float
) -> None:
    assert render.radius(killed, injured) == expected


@pytest.mark.parametrize("hurt", [0, 1, 2, 3, 10, 24, 25, 26, 100, 10**6])
def test_radius_stays_between_5_and_10(hurt: int) -> None:
    assert 5 <= render.radius(hurt, 0) <= 10


# --- markers -------------------------------------------------------------------------------------------


def test_one_marker_per_district_hit() -> None:
    view = one_view(TWO_DISTRICTS, "2023-05-16")
    e = view.event
    assert e.districts == ("Shevchenkivskyi", "Solomianskyi")
    expected = [
        render.Marker(e.id, p.lat, p.lon, f"2023-05-16 · {p.district} · drone · #{e.id}", "drone", 7.6, False)
        for p in e.places
    ]
    assert render.markers([view]) == expected
    assert sorted(m.label.split(" · ")[1] for m in expected) == ["Shevchenkivskyi", "Solomianskyi"]


def test_event_without_district_is_one_city_level_marker() -> None:
    view = one_view(NO_DISTRICT, "2023-07-01")
    e = view.event
    assert e.districts == ()
    centre = next(p for p in e.places if p.precision == "city")
    assert render.markers([view]) == [
        render.Marker(
            e.id,
            centre.lat,
            centre.lon,
            f"2023-07-01 · Kyiv (city-level) · drone · #{e.id}",
            "drone",
            5.0,
            True,
        )
    ]


def test_mixed_weapons_make_a_mixed_marker() -> None:
    view = one_view(MIXED, "2023-08-08")
    assert [(m.label, m.group, m.radius) for m in render.markers([view])] == [
        (f"2023-08-08 · Podilskyi · drone, missile · #{view.event.id}", "mixed", 6.0)
    ]


def test_places_at_the_same_spot_are_one_marker() -> None:
    podil = place("Podilskyi", "Podilskyi", 50.48931, 30.42969)
    view = event(districts=("Podilskyi",), places=(podil, dataclasses.replace(podil, name="Podil")))
    assert [(m.lat, m.lon) for m in render.markers([view])] == [(50.48931, 30.42969)]


def test_distinct_places_in_one_district_are_separate_markers() -> None:
    district = place("Podilskyi", "Podilskyi", 50.48931, 30.42969)
    square = place("Kontraktova Square", "Podilskyi", 50.4655, 30.5156, "landmark")
    view = event(districts=("Podilskyi",), places=(district, square))
    assert [(m.lat, m.lon) for m in render.markers([view])] == [(50.48931, 30.42969), (50.4655, 30.5156)]


def test_event_without_places_gets_no_marker() -> None:
    assert render.markers([event()]) == []


def test_markers_of_several_events_keep_their_order() -> None:
    views = [one_view(NO_DISTRICT, "2023-07-01"), one_view(TWO_DISTRICTS, "2023-05-16")]
    ids = [v.event.id for v in views]
    assert [m.event_id for m in render.markers(views)] == [ids[0], ids[1], ids[1]]


def test_undated_event_without_weapon_says_so() -> None:
    centre = place("Kyiv", None, 50.4501, 30.5234, "city")
    view = event(date=None, date_precision=None, places=(centre,))
    assert [m.label for m in render.markers([view])] == [
        "undated · Kyiv (city-level) · weapon not stated · #0123456789ab"
    ]


@pytest.mark.parametrize(
    "fields",
    [
        {"city": HOSTILE},
        {"districts": (HOSTILE,), "places": (place(HOSTILE, HOSTILE, 50.45, 30.52),)},
        {"weapons": (HOSTILE,)},
    ],
    ids=["city", "district", "weapon"],
)
def test_marker_labels_are_escaped(fields: dict[str, object]) -> None:
    centre = place("Kyiv", None, 50.4501, 30.5234, "city")
    view = event(**({"places": (centre,)} | fields))
    (marker,) = render.markers([view])
    assert "<script>" not in marker.label
    assert "`" not in marker.label
    assert "${" not in marker.label
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&#96;&#36;{alert(2)}&#96;" in marker.label
    assert marker.label.endswith("#0123456789ab")


def test_hostile_text_does_not_reach_the_rendered_map_raw() -> None:
    centre = place("Kyiv", None, 50.4501, 30.5234, "city")
    view = event(city=HOSTILE, weapons=(HOSTILE,), places=(centre,))
    m = render.base_map()
    for layer in render.layers([view]):
        layer.add_to(m)
    page = m.get_root().render()
    assert "alert(1)</script>" not in page
    assert "${alert(2)}" not in page
    assert "<script>alert" not in page
    assert "alert(1)" in page


def test_marker_does_not_name_a_district_the_corrected_event_no_longer_has() -> None:
    """Regression: an analyst moves an event to Podilskyi; the map still labels it Solomianskyi."""
    solomianskyi = place("Solomianskyi", "Solomianskyi", 50.4209, 30.45843)
    machine = event(districts=("Solomianskyi",), places=(solomianskyi,), weapons=("drone",))
    corrected = EventView(
        dataclasses.replace(machine.event, districts=("Podilskyi",)), corrected=("districts",)
    )
    labels = [m.label for m in render.markers([corrected])]
    assert len(labels) == 1
    assert "Solomianskyi" not in labels[0]


@pytest.mark.parametrize("district", DISTRICTS)
def test_a_district_given_without_a_place_is_marked_where_the_gazetteer_puts_it(district: str) -> None:
    """An analyst's district with no place of its own sits at the district's point: the dashboard
    reads it from the geodata, without loading the gazetteer, and must agree with it."""
    from strikemap.extract.gazetteer import default_gazetteer

    (marker,) = render.markers([event(districts=(district,))])
    entry = default_gazetteer().lookup(district)
    assert entry is not None and (marker.lat, marker.lon) == (entry.lat, entry.lon)


# --- tooltips ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("\n    2023-05-16 · Solomianskyi · drone · #7ce4f420c1cd\n  ", "7ce4f420c1cd"),
        ("2023-07-01 · Kyiv (city-level) · drone · #6cd23773a450", "6cd23773a450"),
        ("  undated · Kyiv (city-level) · weapon not stated · #0123456789ab  \t", "0123456789ab"),
        ("Podilskyi: 3 event(s)", None),
        ("#7ce4f420c1cd0", None),
        ("#7CE4F420C1CD", None),
        ("#7ce4f420c1", None),
        ("", None),
        (None, None),
    ],
)
def test_event_id_from_tooltip(text: str | None, expected: str | None) -> None:
    assert render.event_id_from_tooltip(text) == expected


def test_every_marker_label_leads_back_to_its_event() -> None:
    views = [*views_of(TWO_DISTRICTS, "2023-05-16"), *views_of(NO_DISTRICT, "2023-07-01")]
    found = render.markers(views)
    assert [render.event_id_from_tooltip(f"\n  {m.label}\n") for m in found] == [m.event_id for m in found]


# --- shading -------------------------------------------------------------------------------------------


def test_district_counts() -> None:
    views = [
        *views_of(TWO_DISTRICTS, "2023-05-16"),
        *views_of(MIXED, "2023-08-08"),
        *views_of(NO_DISTRICT, "2023-07-01"),
        event(districts=("Podilskyi",)),
    ]
    assert render.district_counts(views) == Counter({"Podilskyi": 2, "Solomianskyi": 1, "Shevchenkivskyi": 1})


@pytest.mark.parametrize(
    "count, top, expected",
    [
        (0, 10, 0),
        (3, 0, 0),
        (-1, 5, 0),
        (1, 10, 1),
        (2, 10, 1),
        (3, 10, 2),
        (5, 10, 3),
        (8, 10, 4),
        (10, 10, 5),
        (25, 10, 5),
        (5, 5, 5),
    ],
)
def test_shade(count: int, top: int, expected: int) -> None:
    assert render.shade(count, top) == render.SHADES[expected]


@pytest.mark.parametrize(
    "top, expected",
    [
        (0, [(0, "0")]),
        (5, [(0, "0"), (1, "1"), (2, "2"), (3, "3"), (4, "4"), (5, "5")]),
        (10, [(0, "0"), (1, "1–2"), (2, "3–4"), (3, "5–6"), (4, "7–8"), (5, "9–10")]),
        (20, [(0, "0"), (1, "1–4"), (2, "5–8"), (3, "9–12"), (4, "13–16"), (5, "17–20")]),
    ],
)
def test_legend_bins(top: int, expected: list[tuple[int, str]]) -> None:
    assert render.legend_bins(top) == [(render.SHADES[i], text) for i, text in expected]


def _legend_colour(top: int, count: int) -> str | None:
    for colour, text in render.legend_bins(top)[1:]:
        low, _, high = text.partition("–")
        if int(low) <= count <= int(high or low):
            return colour
    return None


@pytest.mark.parametrize("top", [1, 2, 3, 4, 5, 7, 10, 12, 20, 23])
def test_legend_bins_match_shade(top: int) -> None:
    """Regression: the legend beside the map gave other colours than the map for most maxima."""
    assert [_legend_colour(top, n) for n in range(1, top + 1)] == [
        render.shade(n, top) for n in range(1, top + 1)
    ]


# --- folium objects ------------------------------------------------------------------------------------


@pytest.mark.parametrize("tiles", [False, True])
def test_base_map_loads_only_local_assets(tiles: bool) -> None:
    m = render.base_map(tiles=tiles)
    urls = assets(m)
    assert urls != []
    assert [u for u in urls if not u.startswith(LOCAL)] == []


@pytest.mark.parametrize("tiles, expected", [(False, 0), (True, 1)])
def test_tile_layer_only_when_asked(tiles: bool, expected: int) -> None:
    m = render.base_map(tiles=tiles)
    assert sum(isinstance(item, folium.TileLayer) for item in walk(m)) == expected


@pytest.mark.parametrize(
    "shaded, cluster_markers", [(True, True), (False, True), (True, False), (False, False)]
)
def test_layers_load_only_local_assets(shaded: bool, cluster_markers: bool) -> None:
    views = [*views_of(TWO_DISTRICTS, "2023-05-16"), *views_of(NO_DISTRICT, "2023-07-01")]
    found = render.layers(views, shaded=shaded, cluster=cluster_markers)
    assert [type(layer) for layer in found] == [folium.FeatureGroup] * (2 if shaded else 1)
    assert [u for layer in found for u in assets(layer) if not u.startswith(LOCAL)] == []


@pytest.mark.parametrize("tiles", [False, True])
def test_rendered_map_has_no_cdn_script_or_stylesheet(tiles: bool) -> None:
    views = [*views_of(TWO_DISTRICTS, "2023-05-16"), *views_of(NO_DISTRICT, "2023-07-01")]
    m = render.base_map(tiles=tiles)
    for layer in render.layers(views):
        layer.add_to(m)
    page = m.get_root().render()
    scripts = re.findall(r"<script[^>]*\bsrc=[\"']([^\"']+)", page)
    styles = re.findall(r"<link[^>]*\bhref=[\"']([^\"']+)", page)
    assert set(scripts) == {f"{LOCAL}{BUNDLE}"}
    assert sorted(styles) == sorted(
        [
            f"{LOCAL}leaflet/leaflet.css",
            f"{LOCAL}markercluster/MarkerCluster.css",
            f"{LOCAL}markercluster/MarkerCluster.Default.css",
        ]
    )
    assert re.findall(r"<(?:script|link)[^>]*https?://", page) == []
    assert [u for u in assets(m) if not u.startswith(LOCAL)] == []


def test_marker_collection_carries_label_and_style() -> None:
    view = one_view(NO_DISTRICT, "2023-07-01")
    (marker,) = render.markers([view])
    assert render.marker_collection([marker]) == {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [marker.lon, marker.lat]},
                "properties": {
                    "event": view.event.id,
                    "label": marker.label,
                    "kind": "drone",
                    "radius": 5.0,
                    "city_level": True,
                },
            }
        ],
    }


def test_many_markers_at_one_point_become_one_that_lists_them() -> None:
    """Above AGGREGATE_ABOVE markers, the map sends one marker per point (a regression guard for size)."""
    here = [render.Marker(f"{i:012x}", 50.45, 30.52, "x", "drone", 6, False) for i in range(3)]
    alone = render.Marker("abcdefabcdef", 50.40, 30.60, "y", "missile", 6, False)
    merged, single = render.by_place([*here, alone])
    assert (merged.count, merged.event_id, render.place_from_tooltip(merged.label), single) == (
        3,
        "",
        (50.45, 30.52),
        alone,
    )


# --- what the map draws besides the events -------------------------------------------------------------


def rendered(element: folium.Element) -> str:
    """The script folium writes for an element and everything in it, as on a whole map."""
    m = render.base_map()
    element.add_to(m)
    return m.get_root().render()


@pytest.mark.parametrize(
    "shaded, top, bins",
    [(True, 6, ["0", "1–2", "3", "4", "5", "6"]), (True, 1, ["0", "1"]), (False, 6, [])],
)
def test_legend_names_every_weapon_the_sizes_and_the_shading_bins(
    shaded: bool, top: int, bins: list[str]
) -> None:
    html = render.legend_html(shaded=shaded, top=top)
    shown = [
        (name, colour)
        for name, colour in render.COLOURS.items()
        if f"background:{colour}" in html and name in html
    ]
    assert shown == list(render.COLOURS.items())
    assert [label for _, label in render.SIZE_KEY if f"</i>{label}</span>" in html] == [
        "none known",
        "4",
        "25 or more",
    ]
    assert re.findall(r"border:1px solid #999'></i>([^<]*)</span>", html) == bins
    assert ("Events per district" in html) == shaded


def test_size_key_draws_markers_at_the_sizes_the_map_does() -> None:
    html = render.legend_html(shaded=False, top=0)
    widths = [float(w) for w in re.findall(r"width:([\d.]+)px;height:[\d.]+px;background:#aaa", html)]
    assert widths == [2 * render.radius(hurt, 0) for hurt, _ in render.SIZE_KEY] == [10, 14, 20]


@pytest.mark.parametrize("shaded", [True, False])
def test_layers_carry_the_legend_and_the_frame(shaded: bool) -> None:
    views = views_of(TWO_DISTRICTS, "2023-05-16")
    bounds = ((50.40, 30.40), (50.50, 30.60))
    *_, events = render.layers(views, shaded=shaded, fit=bounds)
    page = rendered(events)
    assert ("Events per district" in page) == shaded
    assert 'L.control({position: "topright"})' in page
    assert "map.fitBounds([[50.4, 30.4], [50.5, 30.6]]" in page
    assert "conic-gradient" in page and all(colour in page for colour in render.COLOURS.values())


def test_with_nothing_to_fit_the_map_goes_back_to_kyiv() -> None:
    *_, events = render.layers([], shaded=False, fit=None)
    page = rendered(events)
    assert (
        "fitBounds" in page,
        f"map.setView({list(KYIV_CENTRE)}, {render.DEFAULT_ZOOM})" in page,
    ) == (
        False,
        True,
    )


def test_base_map_names_every_district() -> None:
    page = render.base_map().get_root().render()
    names = [name for name, _, _ in render.district_labels()]
    assert sorted(names) == sorted(DISTRICTS)
    assert [name for name in names if f'"{name}"' not in page] == []
    assert '"district-labels"' in page


def test_district_labels_are_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "district_labels", lambda: [(HOSTILE, 50.45, 30.52)])
    page = render.base_map().get_root().render()
    (labels,) = re.findall(r"const labels = (\[\[.*?\]\])\.map", page)
    assert json.loads(labels) == [[render.safe(HOSTILE), 50.45, 30.52]]


@pytest.mark.parametrize(
    "count, pages, last",
    [(0, 0, None), (1, 1, "Events 1–1 of 1"), (500, 1, "Events 1–500 of 500"),
     (501, 2, "Events 501–501 of 501"), (10_585, 22, "Events 10,501–10,585 of 10,585")],
)  # fmt: skip
def test_table_pages_cover_every_event_once(count: int, pages: int, last: str | None) -> None:
    found = render.table_pages(count, 500)
    assert [i for rows in found for i in rows] == list(range(count))
    assert (len(found), render.page_label(found[-1], count) if found else None) == (pages, last)


def test_the_scripts_bundle_holds_leaflet_then_its_clusters(tmp_path: Path) -> None:
    vendor = ensure_static(tmp_path)
    bundle = (vendor / BUNDLE).read_text(encoding="utf-8")
    leaflet = (vendor / "leaflet" / "leaflet.js").read_text(encoding="utf-8")
    clusters = (vendor / "markercluster" / "leaflet.markercluster.js").read_text(encoding="utf-8")
    assert bundle.startswith(leaflet) and bundle.endswith(clusters)
    assert [p.name for p in vendor.iterdir() if p.suffix == ".partial"] == []


def test_the_map_needs_no_jquery_which_it_no_longer_loads() -> None:
    """folium writes `$(...)` only for popups of HTML elements and `keep_in_front`, neither drawn here."""
    views = [*views_of(TWO_DISTRICTS, "2023-05-16"), *views_of(NO_DISTRICT, "2023-07-01")]
    m = render.base_map(tiles=False)
    for layer in render.layers(views):
        layer.add_to(m)
    page = m.get_root().render()
    assert ("$(" in page, "jQuery" in page, "jquery" in page) == (False, False, False)
