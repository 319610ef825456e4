"""Dashboard speed with many events: a filter change, and our map against a naive map.

Usage: python bench/dashboard.py [--events 10000] [--runs 5]

Builds (once, cached under bench/.cache/) a SQLite store from the synthetic corpus, then prints
the median, min and max of several runs for:
- the map page rerun after a filter change, through Streamlit's AppTest (the server's time);
- the pieces of that rerun: filtering the cached events, placing markers, building the layers;
- our map layers against the naive baseline of one folium CircleMarker with tooltip and popup per
  event, built and rendered to HTML in the same run, as a ratio; and the size the browser receives.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import folium  # noqa: E402

from strikemap import render  # noqa: E402
from strikemap.ingest import ingest  # noqa: E402
from strikemap.query import Filters, apply, load  # noqa: E402
from strikemap.store import Store, counts  # noqa: E402
from strikemap.synth import articles  # noqa: E402


def timed(run: Callable[[], object], runs: int) -> tuple[float, float, float]:
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), min(seconds), max(seconds)


def build_store(events: int) -> Path:
    path = ROOT / "bench" / ".cache" / f"events-{events}.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    store = Store(str(path))
    have = counts(store).events
    if have < events:
        print(f"building a store of about {events} events (once; cached in {path}) ...", flush=True)
        ingest(store, articles(int(events * 4.3), seed=5, days=3650), batch_size=2000)
    return path


def naive_map(views: list) -> str:  # type: ignore[type-arg]
    """folium's tutorial way: one marker object per event, tooltip and popup each."""
    m = folium.Map(location=render.KYIV_CENTRE, zoom_start=10, tiles=None)
    for view in views:
        for marker in render.markers([view]):
            folium.CircleMarker(
                [marker.lat, marker.lon], radius=marker.radius, tooltip=marker.label, popup=marker.label
            ).add_to(m)
    return m.get_root().render()


def our_map(views: list) -> str:  # type: ignore[type-arg]
    m = render.base_map()
    for layer in render.layers(views):
        layer.add_to(m)
    return m.get_root().render()


def page_rerun(db: Path, runs: int) -> tuple[float, float, float]:
    """Script time of the map page after a filter change, as Streamlit's AppTest measures it."""
    from streamlit.testing.v1 import AppTest

    os.environ["STRIKEMAP_DB"] = str(db)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600).run()
    choices = [["drone"], ["missile"], [], ["drone", "missile"]]
    seconds = []
    for i in range(runs):
        start = time.perf_counter()
        app.multiselect(key="f_weapons").set_value(choices[i % len(choices)]).run()
        seconds.append(time.perf_counter() - start)
        assert not app.exception, [e.message for e in app.exception]
    return statistics.median(seconds), min(seconds), max(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    db = build_store(args.events)
    store = Store(str(db))
    views = load(store)
    shown = apply(views, Filters())
    print(
        f"\n{len(views)} events in the store, {len(render.markers(shown))} markers; {os.cpu_count()} cores\n"
    )
    rows = [
        ("filter change: map page rerun (AppTest)", page_rerun(db, args.runs)),
        ("  filter the cached events", timed(lambda: apply(views, Filters(weapons=("drone",))), args.runs)),
        ("  place the markers", timed(lambda: render.markers(shown), args.runs)),
        ("  build the map layers", timed(lambda: render.layers(shown), args.runs)),
    ]
    ours = timed(lambda: our_map(shown), args.runs)
    naive = timed(lambda: naive_map(shown), max(1, args.runs // 2))
    rows += [("map HTML: ours (one GeoJson layer)", ours), ("map HTML: naive (one object per event)", naive)]
    print(f"{'measure':44} {'median s':>9} {'min s':>8} {'max s':>8}")
    for name, (median, low, high) in rows:
        print(f"{name:44} {median:9.3f} {low:8.3f} {high:8.3f}")
    print(f"\nours is {naive[0] / ours[0]:.1f}x faster than the naive map")
    print(
        f"browser receives: ours {len(our_map(shown)) / 1e6:.2f} MB, "
        f"naive {len(naive_map(shown)) / 1e6:.2f} MB"
    )


if __name__ == "__main__":
    main()
