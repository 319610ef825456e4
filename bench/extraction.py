"""Extraction throughput on 2 KB synthetic articles: one process, then all cores.

Usage: python bench/extraction.py [--articles 2000] [--runs 3] [--size 2000]

Prints articles per second (median, min and max of the runs) and peak memory. The target in
issue 5 is 1,000 articles per second per core.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from strikemap.extract import extract
from strikemap.gazetteer import default_gazetteer
from strikemap.models import Article
from strikemap.synth import articles


def _count(batch: list[Article]) -> int:
    return sum(len(extract(a)) for a in batch)


def rates(corpus: list[Article], *, processes: int, runs: int) -> list[float]:
    """Articles per second for each run, with ``processes`` worker processes (1: this one)."""
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        if processes == 1:
            _count(corpus)
        else:
            chunks = [corpus[i::processes] for i in range(processes)]
            with Pool(processes, initializer=default_gazetteer) as pool:
                pool.map(_count, chunks)
        out.append(len(corpus) / (time.perf_counter() - start))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", type=int, default=2000, help="bytes per article")
    args = parser.parse_args(argv)
    corpus = list(articles(args.articles, seed=13, size=args.size))
    default_gazetteer()
    cores = os.cpu_count() or 1
    mean = sum(len(a.text.encode()) for a in corpus) / len(corpus)
    print(f"{len(corpus)} articles of {mean:.0f} bytes on average; {cores} cores")
    print(f"{'processes':>10} {'median art/s':>13} {'min':>8} {'max':>8}")
    for processes in sorted({1, cores}):
        found = rates(corpus, processes=processes, runs=args.runs)
        print(f"{processes:>10} {statistics.median(found):>13.0f} {min(found):>8.0f} {max(found):>8.0f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
