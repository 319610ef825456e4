"""Merging: time per report to group 1k, 10k and 100k reports into events (`strikemap.cluster.cluster`).

The reports are extracted from the corpus beforehand (`corpus.reports`, cached), so only the merge
is timed, in a fresh process whose peak memory is reported. The target in issue 5 is a time per
report flat within 2x from the smallest size to the largest: no all-pairs comparisons.
"""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import corpus
from common import Figure, Plan, fmt, in_child

from strikemap.cluster import cluster

FLAT = 2.0


def _time_merge(path: str, runs: int) -> tuple[list[float], int]:
    """Microseconds per report of each run, and how many events the reports make."""
    reports = pickle.loads(Path(path).read_bytes())
    values = []
    events = 0
    for _ in range(runs):
        start = time.perf_counter()
        events = len(cluster(reports))
        values.append((time.perf_counter() - start) / len(reports) * 1e6)
    return values, events


def figures(plan: Plan) -> list[Figure]:
    out = []
    for n in plan.sizes:
        (values, events), peak = in_child(_time_merge, str(corpus.report_file(n, plan.cache)), plan.runs)
        note = f"{n:,} reports make {events:,} events."
        out.append(
            Figure("merge", f"merge {n:,} reports into events", "µs/report", values, peak, notes=[note])
        )
    first, last = out[0], out[-1]
    ratio = last.median / first.median
    flat = Figure(
        "merge",
        f"time per report, {plan.largest:,} over {plan.sizes[0]:,} reports",
        "ratio",
        [v / first.median for v in last.values],
        target=f"<= {FLAT:g} (flat)",
        met=ratio <= FLAT,
        notes=[f"Merging costs {fmt(first.median)} µs per report at {plan.sizes[0]:,} reports, "
               f"{fmt(last.median)} at {plan.largest:,}: {fmt(ratio)}x."],
    )  # fmt: skip
    return [*out, flat]
