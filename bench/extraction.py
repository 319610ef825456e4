"""Extraction throughput on 2 KB synthetic articles: one process, then all cores.

Usage: python bench/extraction.py [--articles 2000] [--runs 3] [--size 2000]

Prints articles per second (median, min and max of the runs) and peak memory. The target in
issue 5 is 1,000 articles per second per core. `figures(plan)` measures the same for bench/run.py,
each in a fresh process so its peak memory (workers included) is its own.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import Figure, Plan, in_child, timed

from strikemap.extract import extract
from strikemap.extract.gazetteer import default_gazetteer
from strikemap.models import Article
from strikemap.synth import articles


def _count(batch: list[Article]) -> int:
    return sum(len(extract(a)) for a in batch)


def rates(corpus: list[Article], *, processes: int, runs: int) -> list[float]:
    """Articles per second for each run, with ``processes`` worker processes (1: this one).

    The workers are started and have loaded the gazetteer before the clock starts, as an
    ingest's workers have after its first batches: this is the rate a long run keeps up.
    """
    if processes == 1:
        return [len(corpus) / seconds for seconds in timed(lambda: _count(corpus), runs)]
    chunks = [corpus[i :: processes * 4] for i in range(processes * 4)]
    with Pool(processes, initializer=default_gazetteer) as pool:
        pool.map(_count, [corpus[:1]] * processes)
        return [len(corpus) / seconds for seconds in timed(lambda: pool.map(_count, chunks), runs)]


TARGET_PER_CORE = 1000
ARTICLES = 2000
SEED = 13


def corpus(count: int, size: int = 2000) -> list[Article]:
    return list(articles(count, seed=SEED, size=size))


def _measure(count: int, processes: int, runs: int) -> list[float]:
    found = corpus(count)
    default_gazetteer()
    return rates(found, processes=processes, runs=runs)


UKRAINIAN_TARGET = 500
WRITTEN = Path(__file__).resolve().parents[1] / "tests" / "corpus"


def cyrillic_corpus(count: int, size: int = 2000) -> list[Article]:
    """The written Ukrainian and Russian articles (tests/corpus/uk, ru), each cut or repeated to
    ``size`` characters, cycled to ``count`` articles."""
    bodies = []
    for path in sorted([*WRITTEN.glob("uk/*.txt"), *WRITTEN.glob("ru/*.txt")]):
        body = path.read_text(encoding="utf-8").split("\n\n", 1)[-1]
        while len(body) < size:
            body += "\n\n" + body
        bodies.append(body[:size].rsplit(" ", 1)[0])
    return [
        Article(id=f"c{i}", path=f"c{i}.txt", text=bodies[i % len(bodies)], published=None)
        for i in range(count)
    ]


def _measure_cyrillic(count: int, runs: int) -> list[float]:
    found = cyrillic_corpus(count)
    default_gazetteer()
    return rates(found, processes=1, runs=runs)


def figures(plan: Plan) -> list[Figure]:
    count = plan.sizes[0] if plan.quick else ARTICLES
    cores = os.cpu_count() or 1
    out = []
    for processes in sorted({1, cores}):
        values, peak = in_child(_measure, count, processes, plan.runs)
        label = "1 process" if processes == 1 else f"{processes} processes (all cores)"
        figure = Figure(
            "extraction", f"extract {count:,} articles of 2 KB, {label}", "articles/s", values, peak
        )
        figure.target = f">= {TARGET_PER_CORE * processes:,} ({TARGET_PER_CORE:,} per core)"
        figure.met = figure.median >= TARGET_PER_CORE * processes
        out.append(figure)
    out[0].notes.append(f"Extraction: synthetic articles (strikemap/synth.py, seed {SEED}) padded to 2 KB.")
    values, peak = in_child(_measure_cyrillic, count, plan.runs)
    figure = Figure(
        "extraction",
        f"extract {count:,} Ukrainian and Russian articles of 2 KB, 1 process",
        "articles/s",
        values,
        peak,
    )
    figure.target = f">= {UKRAINIAN_TARGET:,}"
    figure.met = figure.median >= UKRAINIAN_TARGET
    figure.notes.append(
        "Ukrainian and Russian: the written articles of tests/corpus/uk and ru, cut or repeated to 2 KB."
    )
    out.append(figure)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", type=int, default=2000, help="bytes per article")
    args = parser.parse_args(argv)
    found = corpus(args.articles, args.size)
    default_gazetteer()
    cores = os.cpu_count() or 1
    mean = sum(len(a.text.encode()) for a in found) / len(found)
    print(f"{len(found)} articles of {mean:.0f} bytes on average; {cores} cores")
    print(f"{'processes':>10} {'median art/s':>13} {'min':>8} {'max':>8}")
    for processes in sorted({1, cores}):
        speeds = rates(found, processes=processes, runs=args.runs)
        print(f"{processes:>10} {statistics.median(speeds):>13.0f} {min(speeds):>8.0f} {max(speeds):>8.0f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
