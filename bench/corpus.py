"""The benchmarks' corpus: synthetic 2 KB articles, as a file `strikemap ingest` reads, and stores of them.

Usage: python bench/corpus.py --articles N OUT.jsonl [--seed 5]

The articles come from `strikemap.synth` with settings for scale: attacks over twelve years
(March 2014 to May 2026) on Kyiv's ten districts and on the 144 other towns the gazetteer knows,
each reported by one to two outlets (1.25 on average; `OUTLETS_PER_ATTACK`). The merger joins a
city's reports of one day, so a city has at most one event a day: the default synth (900 days,
17 places, 2.5 outlets per attack) saturates near 15,000 events, and 100,000 events need this
wider spread. With it, 10,000 articles make about 8,000 events and 100,000 events take about
140,000 articles (same-day collisions grow with size). Everything is cached under the plan's
cache folder, keyed by size and `VERSION`; delete the folder after changing the corpus.

Besides the corpus as generated (attacks on random days, each attack's articles together),
`ordered_file` writes the same articles sorted by date or shuffled, and a corpus in which every
article reports one of `FEW_ATTACKS` attacks, whose events keep growing: the orders in which a
real collection may arrive (issue 11).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import pickle
import random
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing import get_context
from pathlib import Path

from common import CACHE

from strikemap import synth
from strikemap.extract import extract
from strikemap.extract.gazetteer import default_gazetteer
from strikemap.extract.gazetteer_data import town_records
from strikemap.ingest import ingest
from strikemap.models import Article, Report
from strikemap.store import Store, counts

VERSION = 1
"""Part of every cache name: bump it when the corpus changes."""
SEED = 5
START = dt.date(2014, 3, 1)
DAYS = 4475
SIZE = 2000
OUTLETS_PER_ATTACK = (1, 1, 1, 2)
KYIV_SHARE = 0.1
"""Kyiv has one event a day at most, so a larger share would only add reports to the same events."""


@functools.cache
def towns() -> tuple[str, ...]:
    """Every town the gazetteer knows outside Kyiv, so events spread over many (city, day) pairs."""
    return tuple(sorted({r.city for r in town_records()}))


def articles(n: int, seed: int = SEED) -> Iterator[Article]:
    """The first ``n`` articles of the corpus: the same seed gives the same texts, a smaller n a prefix."""
    return synth.articles(
        n,
        seed=seed,
        start=START,
        days=DAYS,
        size=SIZE,
        outlets=OUTLETS_PER_ATTACK,
        places=towns(),
        kyiv_share=KYIV_SHARE,
    )


FEW_ATTACKS_DAYS = 3
"""Every article of the few-attacks corpus is about Kyiv on one of these days: three events in all."""
ORDERS = ("sorted by date", "shuffled", "few attacks")


def few_attacks(n: int, seed: int = SEED) -> Iterator[Article]:
    """``n`` articles that all report one of a few attacks on Kyiv (one a day on three days)."""
    return synth.articles(
        n,
        seed=seed,
        start=START,
        days=FEW_ATTACKS_DAYS,
        size=SIZE,
        outlets=OUTLETS_PER_ATTACK,
        kyiv_share=1.0,
    )


def ordered(n: int, order: str, seed: int = SEED) -> list[Article]:
    """The first ``n`` articles sorted by date (then path) or shuffled, or the few-attacks corpus."""
    if order == "few attacks":
        return list(few_attacks(n, seed))
    found = list(articles(n, seed))
    if order == "sorted by date":
        return sorted(found, key=lambda a: (a.published or dt.date.min, a.path))
    if order == "shuffled":
        random.Random(seed).shuffle(found)
        return found
    raise ValueError(f"unknown order {order!r}: expected one of {', '.join(ORDERS)}")


def ordered_file(n: int, order: str, cache: Path = CACHE) -> Path:
    """A cached JSON-lines file of ``n`` articles in one of `ORDERS`."""
    path = cache / f"articles-v{VERSION}-{order.replace(' ', '-')}-{n}.jsonl"
    if not path.exists():
        _write_rows(ordered(n, order), path)
    return path


def article_row(article: Article) -> dict[str, str | None]:
    """An article as one JSON-lines row: the fields `strikemap ingest` reads."""
    return {
        "title": article.title,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "text": article.text,
    }


def write_articles(n: int, out: Path, seed: int = SEED) -> Path:
    """Write ``n`` articles to ``out`` as JSON lines, atomically (a killed run leaves no half file)."""
    return _write_rows(articles(n, seed), out)


def _write_rows(items: Iterable[Article], out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    with partial.open("w", encoding="utf-8") as stream:
        for article in items:
            stream.write(json.dumps(article_row(article), ensure_ascii=False) + "\n")
    partial.replace(out)
    return out


def article_file(n: int, cache: Path = CACHE) -> Path:
    """A cached JSON-lines file of ``n`` articles."""
    path = cache / f"articles-v{VERSION}-{n}.jsonl"
    return path if path.exists() else write_articles(n, path)


def event_store(n: int, cache: Path = CACHE) -> Path:
    """A cached SQLite store holding at least ``n`` events, ingested from the corpus in order.

    A build that was cut short resumes: ingest skips the articles already stored.
    """
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"events-v{VERSION}-{n}.sqlite"
    store = Store(str(path))
    try:
        stream = articles(10 * n + 1000)
        step = max(n // 10, 100)
        first = int(n * 1.3) + 10
        chunk = first
        while counts(store).events < n:
            ingest(store, islice(stream, chunk), batch_size=1000)
            chunk = step
    finally:
        store.close()
    return path


def _reports(batch: list[Article]) -> list[Report]:
    gazetteer = default_gazetteer()
    return [r for a in batch for r in extract(a, gazetteer=gazetteer)]


def report_file(n: int, cache: Path = CACHE) -> Path:
    """A cached pickle of the first ``n`` reports found in the corpus, in corpus order.

    Cut from a larger cached file when there is one; otherwise extracted on all cores.
    """
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"reports-v{VERSION}-{n}.pickle"
    if path.exists():
        return path
    larger = [have for have in _cached_report_sizes(cache) if have > n]
    found = _load_reports(cache / f"reports-v{VERSION}-{min(larger)}.pickle")[:n] if larger else _extract(n)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
    partial.replace(path)
    return path


def reports(n: int, cache: Path = CACHE) -> list[Report]:
    """The first ``n`` reports found in the corpus (see `report_file`)."""
    return _load_reports(report_file(n, cache))


def _extract(n: int) -> list[Report]:
    found: list[Report] = []
    stream = articles(10 * n + 1000)
    with get_context("spawn").Pool(os.cpu_count() or 1) as pool:
        while len(found) < n:
            corpus = list(islice(stream, max(int((n - len(found)) * 1.05), 20)))
            if not corpus:
                break
            chunks = [corpus[i : i + 200] for i in range(0, len(corpus), 200)]
            for batch in pool.imap(_reports, chunks):
                found += batch
    return found[:n]


def _cached_report_sizes(cache: Path) -> list[int]:
    prefix = f"reports-v{VERSION}-"
    return [int(p.name.removeprefix(prefix).removesuffix(".pickle")) for p in cache.glob(f"{prefix}*.pickle")]


def _load_reports(path: Path) -> list[Report]:
    loaded: list[Report] = pickle.loads(path.read_bytes())
    return loaded


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True, help="how many articles (1000, 10000, ...)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("out", type=Path, metavar="OUT.jsonl")
    args = parser.parse_args(argv)
    write_articles(args.articles, args.out, args.seed)
    print(f"wrote {args.articles} articles to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
