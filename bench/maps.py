"""Map building at 1k, 10k and 100k events: the map page's map against folium's tutorial way.

Ours is built as the map page builds it (``strikemap.dashboard.ui.kyiv_map``: the markers, the base map, the
layers, then streamlit-folium turning them into the script it sends), with the component swapped for
a recorder so no server is needed; what the browser receives is those component arguments as JSON.
The naive baseline, built in the same run, is one ``folium.Marker`` with a popup per event, rendered
to one HTML page. Each figure is measured in a fresh process, so its peak memory is its own, after
one untimed warm-up (imports, folium's templates) as in a running server.
Also: the map page's rerun after a filter change, through Streamlit's AppTest (server time).

Usage: python bench/run.py --only maps [--quick]
"""

from __future__ import annotations

import json
import os
import pickle
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

import corpus
from common import ROOT, Figure, Plan, in_child, timed

from strikemap.dashboard.render import AGGREGATE_ABOVE

TARGET_SECONDS = 1.0
TARGET_RATIO = 10.0
NAIVE_RUNS_ABOVE = 20_000
"""Above this many events the naive map takes minutes a run, so it runs once."""
FILTER_CHOICES = (["drone"], ["missile"], [], ["drone", "missile"])


def figures(plan: Plan) -> list[Figure]:
    middle = plan.sizes[len(plan.sizes) // 2]
    out = [f for n in plan.sizes for f in size_figures(n, plan, judged=n == middle)]
    db = corpus.event_store(middle, plan.cache)
    (rerun, events), peak = in_child(time_filter_change, str(db), plan.runs)
    out.append(
        Figure(
            "map",
            f"filter change reruns the map page, {events:,} events in the store (AppTest)",
            "s",
            rerun,
            peak,
            notes=["server time of the whole page script after a weapon filter change, events cached"],
        )
    )
    return out


def size_figures(n: int, plan: Plan, *, judged: bool) -> list[Figure]:
    """Ours and naive for the first n events, each measured in its own process, and their ratio."""
    views = in_child(save_views, n, plan.cache)[0]
    (ours, ours_bytes, sent), ours_peak = in_child(time_ours, views, plan.runs)
    naive_runs = 1 if n > NAIVE_RUNS_ABOVE else plan.runs
    (naive, naive_bytes), naive_peak = in_child(time_naive, views, naive_runs)
    ratio = statistics.median(naive) / statistics.median(ours)
    judge = judged and not plan.quick
    size = f"{n:,} events"
    fewer = [f"{naive_runs} run only: minutes a run at this size"] if naive_runs < plan.runs else []
    return [
        Figure(
            "map",
            f"ours: build and render, {size}",
            "s",
            ours,
            ours_peak,
            target=f"< {TARGET_SECONDS:g} s" if judged else "",
            met=statistics.median(ours) < TARGET_SECONDS if judge else None,
            notes=[f"{sent:,} markers sent: events at the same point share one above {AGGREGATE_ABOVE:,}"],
        ),
        Figure(
            "map",
            f"naive: build and render, {size}",
            "s",
            naive,
            naive_peak,
            notes=["one folium.Marker with a popup per event", *fewer],
        ),
        Figure(
            "map",
            f"naive / ours, {size}",
            "x",
            [ratio],
            target=f">= {TARGET_RATIO:g}x" if judged else "",
            met=ratio >= TARGET_RATIO if judge else None,
            notes=["ratio of the medians"],
        ),
        Figure(
            "map",
            f"ours: sent to the browser, {size}",
            "MB",
            [ours_bytes / 1e6],
            ours_peak,
            notes=["streamlit-folium's component arguments as JSON (map scripts served once, not counted)"],
        ),
        Figure(
            "map",
            f"naive: sent to the browser, {size}",
            "MB",
            [naive_bytes / 1e6],
            naive_peak,
            notes=["the HTML page (map scripts from a CDN, not counted)"],
        ),
    ]


def save_views(n: int, cache: Path) -> Path:
    """The first n events of a cached store, pickled once so each measuring process loads them fast.

    Cached like the store itself, by size and corpus version."""
    from strikemap.query import load
    from strikemap.store import Store

    path = cache / f"map-views-v{corpus.VERSION}-{n}.pickle"
    if path.exists():
        return path
    db = corpus.event_store(n, cache)
    views = load(Store(str(db)), first=n)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(pickle.dumps(views, protocol=pickle.HIGHEST_PROTOCOL))
    return partial.replace(path)


def _load(path: Path) -> list[Any]:
    views: list[Any] = pickle.loads(path.read_bytes())
    return views


def time_ours(path: Path, runs: int) -> tuple[list[float], int, int]:
    """Seconds per run of the map page's map, the bytes its component sends, and the markers sent."""
    import streamlit_folium

    from strikemap.dashboard import render, ui

    views = _load(path)
    sent: dict[str, Any] = {}

    def record(**args: Any) -> Any:
        sent["json"] = json.dumps({k: v for k, v in args.items() if not callable(v)})
        sent["feature_group"] = args.get("feature_group") or ""
        return args.get("default")

    streamlit_folium._component_func = record

    def page() -> None:
        ui.kyiv_map(views, render.markers(views), shaded=True, tiles=False)

    page()
    seconds = timed(page, runs)
    return seconds, len(sent["json"].encode()), _markers_sent(sent["feature_group"])


def _markers_sent(script: str) -> int:
    return script.count('"type": "Point"') + script.count('"type":"Point"')


def naive_map(views: list[Any]) -> str:
    """folium's tutorial way: one Marker with a popup per event, the whole page rendered to HTML."""
    import folium

    from strikemap.dashboard import render
    from strikemap.extract.gazetteer_data import KYIV_CENTRE

    m = folium.Map(location=KYIV_CENTRE, zoom_start=10, tiles=None)
    for view in views:
        for marker in render.markers([view])[:1]:
            folium.Marker([marker.lat, marker.lon], popup=marker.label).add_to(m)
    return m.get_root().render()


def time_naive(path: Path, runs: int) -> tuple[list[float], int]:
    """Seconds per run of the naive map, and the bytes of its page."""
    views = _load(path)
    pages = [naive_map(views[:100])]
    seconds = timed(lambda: pages.append(naive_map(views)), runs)
    return seconds, len(pages[-1].encode())


def time_filter_change(db: str, runs: int) -> tuple[list[float], int]:
    """Server time of the map page after a filter change (AppTest), and the events in the store."""
    from streamlit.testing.v1 import AppTest

    from strikemap.store import Store, counts

    os.environ["STRIKEMAP_DB"] = db
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=900).run()
    _check(app)

    def change(choice: list[str]) -> Callable[[], object]:
        return lambda: _check(app.multiselect(key="f_weapons").set_value(choice).run())

    seconds = [timed(change(FILTER_CHOICES[i % len(FILTER_CHOICES)]), 1)[0] for i in range(runs)]
    return seconds, counts(Store(db)).events


def _check(app: Any) -> Any:
    if app.exception:
        raise RuntimeError([e.message for e in app.exception])
    return app
