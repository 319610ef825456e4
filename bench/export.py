"""Export: CSV and GeoJSON of the plan's largest number of events, as `strikemap export` writes them.

What a user waits for is the whole command: the events read from the store (`strikemap.query.ready`:
each unreviewed event's finished CSV line or GeoJSON feature as the store keeps it, the reviewed
ones as listings of their summaries), then joined and written out. Both parts are also timed on
their own. Each format is measured in a fresh process whose peak memory is reported. The target in
issue 14 is under 1 second for 100,000 events. Two baselines, in the same run: the old way of
exporting (every event's listing read from its summary and its row or feature built from it,
`strikemap.query.listings`, what export did before issue 14), and reading the same events rebuilt
from all their reports (`strikemap.query.find`, what export did before issue 5), timed once since
it takes far longer.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from typing import Any

import corpus
from common import Figure, Plan, fmt, in_child

from strikemap import export
from strikemap.query import find, listings, ready
from strikemap.store import Store

TARGET_SECONDS = 1.0
TARGET_EVENTS = 100_000
FORMATS = ("CSV", "GeoJSON")


def _ready(store: Store, form: str) -> list[Any]:
    return ready(store, form="csv" if form == "CSV" else "geojson")


def _serialise(items: list[Any], form: str) -> str:
    return export.listings_csv(items) if form == "CSV" else export.to_geojson(items)


def _old_serialise(items: list[Any], form: str) -> str:
    return export.to_csv(export.row(i) for i in items) if form == "CSV" else export.to_geojson(items)


def _time_export(db: str, form: str, runs: int, old: bool = False) -> dict[str, Any]:
    """Seconds per run for the whole export, the loading and the writing; and the events and bytes.
    ``old``: the way export went before the store kept finished texts."""
    load: Callable[[Store, str], list[Any]] = (lambda s, _: listings(s)) if old else _ready
    write = _old_serialise if old else _serialise
    store = Store(db)
    whole, loading, writing = [], [], []
    events = size = 0
    digest = ""
    for _ in range(runs):
        start = time.perf_counter()
        items = load(store, form)
        loaded = time.perf_counter()
        text = write(items, form)
        with open(os.devnull, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        end = time.perf_counter()
        whole.append(end - start)
        loading.append(loaded - start)
        writing.append(end - loaded)
        encoded = text.encode()
        events, size, digest = len(items), len(encoded), hashlib.sha256(encoded).hexdigest()
    store.close()
    timings = {"whole": whole, "loading": loading, "writing": writing}
    return {**timings, "events": events, "bytes": size, "digest": digest}


def _time_rebuild(db: str) -> list[float]:
    store = Store(db)
    start = time.perf_counter()
    find(store)
    store.close()
    return [time.perf_counter() - start]


def figures(plan: Plan) -> list[Figure]:
    db = corpus.event_store(plan.largest, plan.cache)
    out = []
    for form in FORMATS:
        found, peak = in_child(_time_export, str(db), form, plan.runs)
        before, before_peak = in_child(_time_export, str(db), form, plan.runs, True)
        events = int(found["events"])
        full = events >= TARGET_EVENTS
        note = f"{form}: {events:,} events, {found['bytes'] / 1e6:.1f} MB written."
        whole = Figure(
            "export", f"{form} export of {events:,} events (read + write)", "s", found["whole"], peak
        )
        whole.target = f"< {TARGET_SECONDS:g} s for {TARGET_EVENTS:,} events"
        whole.met = whole.median < TARGET_SECONDS if full else None
        whole.notes.append(note)
        read = f"{form}: read {events:,} events from the store"
        old = f"baseline: {form} export the old way, every row built from its summary (read + write)"
        baseline = Figure("export", old, "s", before["whole"], before_peak)
        same = "byte-identical" if before["digest"] == found["digest"] else "NOT byte-identical"
        whole.notes.append(
            f"{fmt(baseline.median / whole.median)}x faster than the old way "
            f"({fmt(baseline.median)} s; its output is {same})."
        )
        out += [
            whole,
            Figure("export", read, "s", found["loading"], peak),
            Figure("export", f"{form}: write them", "s", found["writing"], peak),
            baseline,
        ]
    out[0].notes.append(
        f"Reading the events takes {fmt(out[1].median)} s of the {fmt(out[0].median)} s a CSV export takes."
    )
    rebuilt, peak = in_child(_time_rebuild, str(db))
    rebuild = "baseline: read them rebuilt from their reports (one run)"
    baseline = Figure("export", rebuild, "s", rebuilt, peak)
    baseline.notes.append(f"Reading finished texts is {rebuilt[0] / out[1].median:.0f}x faster.")
    out.append(baseline)
    return out
