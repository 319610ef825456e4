"""Export: CSV and GeoJSON of the plan's largest number of events, as `strikemap export` writes them.

What a user waits for is the whole command: the events read from the store with corrections
applied (`strikemap.query.listings`, one stored summary per event), then written out. Both parts
are also timed on their own. Each format is measured in a fresh process whose peak memory is
reported. The target in issue 5 is under 2 seconds for 100,000 events. The baseline is reading the
same events rebuilt from all their reports (`strikemap.query.find`, what the dashboard loads and
what export used before), timed once since it takes far longer.
"""

from __future__ import annotations

import os
import time
from typing import Any

import corpus
from common import Figure, Plan, fmt, in_child

from strikemap import export
from strikemap.query import find, listings
from strikemap.store import Store
from strikemap.views import Listing

TARGET_SECONDS = 2.0
TARGET_EVENTS = 100_000
FORMATS = ("CSV", "GeoJSON")


def _serialise(items: list[Listing], form: str) -> str:
    if form == "CSV":
        return export.to_csv(export.row(i) for i in items)
    return export.to_geojson(items)


def _time_export(db: str, form: str, runs: int) -> dict[str, Any]:
    """Seconds per run for the whole export, the loading and the writing; and the events and bytes."""
    store = Store(db)
    whole, loading, writing = [], [], []
    events = size = 0
    for _ in range(runs):
        start = time.perf_counter()
        views = listings(store)
        loaded = time.perf_counter()
        text = _serialise(views, form)
        with open(os.devnull, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        end = time.perf_counter()
        whole.append(end - start)
        loading.append(loaded - start)
        writing.append(end - loaded)
        events, size = len(views), len(text.encode())
    store.close()
    return {"whole": whole, "loading": loading, "writing": writing, "events": events, "bytes": size}


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
        events = int(found["events"])
        full = events >= TARGET_EVENTS
        note = f"{form}: {events:,} events, {found['bytes'] / 1e6:.1f} MB written."
        whole = Figure(
            "export", f"{form} export of {events:,} events (read + write)", "s", found["whole"], peak
        )
        whole.target = f"< {TARGET_SECONDS:g} s for {TARGET_EVENTS:,} events"
        whole.met = whole.median < TARGET_SECONDS if full else None
        whole.notes.append(note)
        out.append(whole)
        read = f"{form}: read {events:,} events from the store"
        out.append(Figure("export", read, "s", found["loading"], peak))
        out.append(Figure("export", f"{form}: write them", "s", found["writing"], peak))
    out[0].notes.append(
        f"Reading the events takes {fmt(out[1].median)} s of the {fmt(out[0].median)} s a CSV export takes."
    )
    rebuilt, peak = in_child(_time_rebuild, str(db))
    rebuild = "baseline: read them rebuilt from their reports (one run)"
    baseline = Figure("export", rebuild, "s", rebuilt, peak)
    baseline.notes.append(f"Reading from summaries is {rebuilt[0] / out[1].median:.0f}x faster.")
    out.append(baseline)
    return out
