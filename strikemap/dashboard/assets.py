"""Map scripts and styles served by the app itself, so the map draws with no internet.

The files come from the XStatic packages on PyPI and are copied into the app's static folder,
which Streamlit serves at /app/static/; nothing third-party is committed.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import folium
import xstatic.pkg.leaflet as leaflet
import xstatic.pkg.leaflet_markercluster as markercluster

E = TypeVar("E", bound=folium.Element)
URL = "/app/static/vendor"
_PACKAGES = {"leaflet": leaflet, "markercluster": markercluster}
_FILES = {
    "leaflet": ("leaflet.js", "leaflet.css", "images"),
    "markercluster": ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"),
}
BUNDLE = f"map-{leaflet.VERSION}-{markercluster.VERSION}.js"
"""Leaflet and its marker clusters in one file: streamlit-folium loads a map's scripts one after
the other, so every file more is a round trip more before the map draws. The versions in the name
make a browser fetch it anew after an upgrade."""
_BUNDLED = (("leaflet", "leaflet.js"), ("markercluster", "leaflet.markercluster.js"))
"""What the bundle holds, in order: the clusters extend Leaflet's global ``L``."""
SCRIPTS = {"leaflet": f"{URL}/{BUNDLE}", "markerclusterjs": f"{URL}/{BUNDLE}"}
STYLES = {
    "leaflet_css": f"{URL}/leaflet/leaflet.css",
    "markerclustercss": f"{URL}/markercluster/MarkerCluster.css",
    "markerclusterdefaultcss": f"{URL}/markercluster/MarkerCluster.Default.css",
}


def ensure_static(static: Path) -> Path:
    """Copy the vendor files into ``static/vendor`` and write the scripts' bundle, unless this
    version is there already."""
    vendor = static / "vendor"
    for name, package in _PACKAGES.items():
        target = vendor / name
        stamp = target / f".version-{package.VERSION}"
        if stamp.exists():
            continue
        target.mkdir(parents=True, exist_ok=True)
        for item in _FILES[name]:
            source = Path(package.BASE_DIR) / item
            if source.is_dir():
                shutil.copytree(source, target / item, dirs_exist_ok=True)
            else:
                shutil.copy2(source, target / item)
        stamp.touch()
    bundle = vendor / BUNDLE
    if not bundle.exists():
        scripts = [(vendor / name / file).read_text(encoding="utf-8") for name, file in _BUNDLED]
        partial = bundle.with_suffix(".partial")  # a server stopped mid-write leaves no half bundle
        partial.write_text(";\n".join(scripts), encoding="utf-8")
        partial.replace(bundle)
    return vendor


def localise(element: E) -> E:
    """Point the element and everything in it at the app's own copies of its scripts.

    Assets the map does not need (jQuery, bootstrap, awesome-markers) are dropped rather than
    fetched; an asset with no local copy would leave a link off the machine, so it fails loudly.
    """
    for item in _walk(element):
        if hasattr(item, "default_js"):
            item.default_js = [(n, SCRIPTS[n]) for n, _ in item.default_js if n in SCRIPTS or _needed(n)]
        if hasattr(item, "default_css"):
            item.default_css = [(n, STYLES[n]) for n, _ in item.default_css if n in STYLES or _needed(n)]
    return element


def _needed(name: str) -> bool:
    if name in ("jquery", "bootstrap", "awesome_markers", "bootstrap_css", "glyphicons_css",
                "awesome_markers_font_css", "awesome_markers_css", "awesome_rotate_css"):  # fmt: skip
        return False
    raise KeyError(f"map asset {name!r} has no local copy: add it to strikemap.dashboard.assets")


def _walk(element: folium.Element) -> Iterator[folium.Element]:
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)
