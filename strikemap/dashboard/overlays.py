"""What the map draws besides the events: district names, the legend, cluster rings, the frame.

Each is a few lines of Leaflet written by folium; none loads an asset, so the map stays offline.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import folium
from folium.template import Template

Bounds = tuple[tuple[float, float], tuple[float, float]]
"""((south, west), (north, east)), as Leaflet's fitBounds takes it."""


class DistrictLabels(folium.MacroElement):
    """Names just under given points, in a pane of their own, never taking a click.

    A district's own markers sit on its label point, so the name goes below them, not under them.

    They are plain Leaflet tooltips (no icon assets), hidden when zoomed out past ``from_zoom``.
    ``labels`` are (name, lat, lon) with the names already escaped.
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
(function (map) {
    const pane = map.createPane("district-labels");
    pane.style.zIndex = 450;
    pane.style.pointerEvents = "none";
    const labels = {{ this.labels|tojson }}.map(([name, lat, lon]) =>
        L.tooltip({permanent: true, direction: "center", offset: [0, 17], className: "district-label",
                   pane: "district-labels", interactive: false})
            .setLatLng([lat, lon]).setContent(name).addTo(map));
    const css = document.createElement("style");
    css.textContent = {{ this.css|tojson }};
    document.head.appendChild(css);
    // Placed again after each move: a label laid out while hidden or mid-animation lands off its point.
    const show = () => {
        pane.style.display = map.getZoom() >= {{ this.from_zoom }} ? "" : "none";
        labels.forEach((label) => label.update());
    };
    map.on("zoomend moveend resize", show);
    show();
})({{ this._parent.get_name() }});
{% endmacro %}"""
    )

    def __init__(self, labels: Sequence[tuple[str, float, float]], *, from_zoom: int) -> None:
        super().__init__()
        self._name = "DistrictLabels"
        self.labels = [list(label) for label in labels]
        self.from_zoom = int(from_zoom)
        self.css = (
            ".leaflet-tooltip.district-label{background:none;border:none;box-shadow:none;padding:0;"
            "color:#2b2b2b;font:600 11px/1.1 sans-serif;letter-spacing:.02em;"
            "text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff,0 0 4px #fff}"
            ".leaflet-tooltip.district-label:before{display:none}"
        )


class Legend(folium.MacroElement):
    """A legend as a Leaflet control, shown while its layer is on the map and removed with it.

    Added to a FeatureGroup the map replaces on every rerun, so the key always matches the layer;
    folded on a narrow map, so on a phone it does not cover the city until asked for.
    ``html`` is the control's content and must be safe already.
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
(function (group) {
    const legend = L.control({position: "topright"});
    legend.onAdd = function (map) {
        const box = L.DomUtil.create("div", "strikemap-legend");
        box.style.cssText = {{ this.style|tojson }};
        box.innerHTML = {{ this.html }};
        if (map.getSize().x < 560) box.querySelector("details").open = false;
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
    };
    if (group._map) legend.addTo(group._map);
    group.on("add", (e) => legend.addTo(e.target._map));
    group.on("remove", () => legend.remove());
})({{ this._parent.get_name() }});
{% endmacro %}"""
    )

    def __init__(self, html: str) -> None:
        super().__init__()
        self._name = "Legend"
        self.html = json.dumps(html).replace("</", "<\\/")
        self.style = (
            "background:rgba(255,255,255,.95);padding:6px 10px;border-radius:6px;color:#222;"
            "font:12px/1.35 sans-serif;box-shadow:0 1px 4px rgba(0,0,0,.3);max-width:230px"
        )


class StillPage(folium.MacroElement):
    """Clicking the map no longer scrolls the page: Leaflet focuses the map on a mouse press (for its
    arrow keys), and focusing it inside the page's frame scrolled a half-shown map into view, so the
    first click on a marker landed elsewhere. The map still takes the focus, without the scroll."""

    _template = Template(
        """{% macro script(this, kwargs) %}
(function (map) {
    const keyboard = map.keyboard;
    if (!keyboard) return;
    L.DomEvent.off(map.getContainer(), "mousedown", keyboard._onMouseDown, keyboard);
    keyboard._onMouseDown = function () {
        if (!this._focused) this._map.getContainer().focus({preventScroll: true});
    };
    L.DomEvent.on(map.getContainer(), "mousedown", keyboard._onMouseDown, keyboard);
})({{ this._parent.get_name() }});
{% endmacro %}"""
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "StillPage"


class Frame(folium.MacroElement):
    """Moves the map each time its layer is added: fits ``bounds``, or shows ``default`` at ``zoom``.

    A FeatureGroup the map replaces on every rerun carries it, so a new window reframes the map
    without remounting it, while panning between reruns keeps the view the reader chose. An open
    legend (top right) is kept clear of the events.
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
(function (group) {
    const frame = (map) => {
        const legend = map.getContainer().querySelector(".strikemap-legend details[open]");
        const right = legend ? legend.parentNode.offsetWidth + 10 : 0;
        {% if this.bounds %}map.fitBounds({{ this.bounds|tojson }},
            {paddingTopLeft: [30, 30], paddingBottomRight: [30 + right, 30], maxZoom: 14});
        {% else %}map.setView({{ this.default|tojson }}, {{ this.zoom }});{% endif %}
    };
    if (group._map) frame(group._map);
    group.on("add", (e) => frame(e.target._map));
})({{ this._parent.get_name() }});
{% endmacro %}"""
    )

    def __init__(self, bounds: Bounds | None, *, default: tuple[float, float], zoom: int) -> None:
        super().__init__()
        self._name = "Frame"
        self.bounds = [list(corner) for corner in bounds] if bounds else None
        self.default = list(default)
        self.zoom = int(zoom)


def cluster_icon(colours: Mapping[str, str]) -> str:
    """MarkerCluster's iconCreateFunction: a ring split by the weapons of the markers inside.

    Each marker's ``feature.properties.kind`` names its weapon group; the count sits in the middle.
    """
    return """function (cluster) {
    const colours = %s, counts = {};
    const markers = cluster.getAllChildMarkers();
    for (const m of markers) {
        const kind = (m.feature && m.feature.properties.kind) || "other";
        counts[kind] = (counts[kind] || 0) + 1;
    }
    const stops = [];
    let at = 0;
    for (const kind of Object.keys(colours)) {
        if (!counts[kind]) continue;
        const end = at + 360 * counts[kind] / markers.length;
        stops.push(colours[kind] + " " + at + "deg " + end + "deg");
        at = end;
    }
    const n = cluster.getChildCount(), size = n < 10 ? 32 : n < 100 ? 38 : 46;
    const kinds = Object.keys(counts).sort().join(", ");
    return L.divIcon({
        html: "<div title='" + n + " markers: " + kinds + "' style='width:100%%;height:100%%;"
            + "border-radius:50%%;display:flex;align-items:center;justify-content:center;"
            + "box-shadow:0 0 0 1px #222;background:conic-gradient(" + stops.join(", ") + ")'>"
            + "<span style='background:#fff;color:#111;border-radius:50%%;width:62%%;height:62%%;"
            + "display:flex;align-items:center;justify-content:center;font:700 12px sans-serif'>"
            + n + "</span></div>",
        className: "strikemap-cluster",
        iconSize: L.point(size, size)
    });
}""" % json.dumps(dict(colours))
