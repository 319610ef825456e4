"""Ingest: articles per second into SQLite and PostgreSQL, from an empty store and into a full one.

Usage: python bench/run.py --only ingest [--postgres URL]

Every run is what a user types, `strikemap ingest FILE --db DB` (the command's `main`, in a fresh
process, with its default of one extraction process per core), on a JSON-lines file of the
benchmark corpus (`corpus.article_file`, 2 KB articles), timed from the call to the closing
summary. From empty: a new store per run. Into a full store: a batch of other articles (another
seed, same days and places, so they merge with stored events) into a copy of the store the first
empty-store run of the largest size left behind (SQLite: a file copy; PostgreSQL: a database made
with that one as template). The target in issue 5: 100,000 articles into SQLite in under 5 minutes.

In any order (issue 11): the same articles sorted by date and shuffled, and a corpus in which every
article reports one of three attacks, into an empty SQLite store, with the ratio of the time per
article at the largest size to the smallest: near 1 when ingest is linear, growing with the size
when it is not (it was 9x for 16,000 articles out of date order before).
"""

from __future__ import annotations

import contextlib
import io
import shutil
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import corpus
import sqlalchemy as sa
from common import Figure, Plan, fmt, in_child

from strikemap.cli import main
from strikemap.ingest import all_cores

FRESH_SEED = 6
"""Not the corpus seed: the batch added to a full store is other articles."""
TARGET_ARTICLES = 100_000
TARGET_SECONDS = 300.0


def _run_ingest(path: str, db: str) -> tuple[float, str]:
    """Seconds `strikemap ingest` takes on the file, and its summary."""
    out = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out):
        code = main(["ingest", path, "--db", db, "--no-progress"])
    seconds = time.perf_counter() - start
    if code != 0:
        raise RuntimeError(f"strikemap ingest {path} exited with {code}: {out.getvalue()}")
    return seconds, out.getvalue()


def fresh_file(n: int, folder: Path) -> Path:
    """``n`` articles the corpus file does not hold, as JSON lines."""
    return corpus.write_articles(n, folder / f"fresh-{n}.jsonl", seed=FRESH_SEED)


class _Backend(Protocol):
    """Where a run's store lives: a new empty one, a copy of a kept one, and cleaning up."""

    name: str

    def empty(self) -> str: ...

    def copy(self, db: str) -> str: ...

    def drop(self, db: str) -> None: ...


class _SQLite:
    name = "SQLite"

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def empty(self) -> str:
        return str(self.folder / f"{uuid.uuid4().hex[:8]}.sqlite")

    def copy(self, db: str) -> str:
        target = self.empty()
        shutil.copyfile(db, target)
        return target

    def drop(self, db: str) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(db + suffix).unlink(missing_ok=True)


class PostgreSQLServer:
    name = "PostgreSQL"

    def __init__(self, url: str) -> None:
        self.url = sa.make_url(url)
        self.admin = sa.create_engine(self.url, isolation_level="AUTOCOMMIT")

    def _create(self, template: str | None = None) -> str:
        name = f"strikemap_bench_{uuid.uuid4().hex[:10]}"
        with self.admin.connect() as conn:
            if template:
                self._disconnect(conn, template)
            suffix = f' TEMPLATE "{template}"' if template else ""
            conn.execute(sa.text(f'CREATE DATABASE "{name}"{suffix}'))
        return self.url.set(database=name).render_as_string(hide_password=False)

    def _disconnect(self, conn: sa.Connection, name: str) -> None:
        """Ends our own sessions on the database; DROP DATABASE stops an autovacuum worker itself,
        which a non-superuser may not terminate."""
        conn.execute(
            sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name "
                "AND usename = current_user AND pid <> pg_backend_pid()"
            ),
            {"name": name},
        )

    def empty(self) -> str:
        return self._create()

    def copy(self, db: str) -> str:
        return self._create(template=sa.make_url(db).database)

    def drop(self, db: str) -> None:
        name = sa.make_url(db).database
        with self.admin.connect() as conn:
            self._disconnect(conn, str(name))
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))

    def close(self) -> None:
        self.admin.dispose()


def _ingest_runs(
    backend: _Backend, path: Path, runs: int, base: str | None, keep_first: bool
) -> tuple[list[float], float, str, str | None]:
    """Seconds of each run, the highest peak memory, the last summary, and the kept store if asked."""
    seconds: list[float] = []
    peaks: list[float] = []
    summary = ""
    kept: str | None = None
    for run in range(runs):
        db = backend.copy(base) if base else backend.empty()
        try:
            (took, summary), peak = in_child(_run_ingest, str(path), db)
        except BaseException:
            backend.drop(db)
            raise
        seconds.append(took)
        peaks.append(peak)
        if keep_first and run == 0:
            kept = db
        else:
            backend.drop(db)
    return seconds, max(peaks), summary, kept


def _rate(n: int, seconds: list[float]) -> list[float]:
    return [n / s for s in seconds]


def _summary_note(summary: str) -> str:
    lines = [line.strip() for line in summary.splitlines() if line.startswith(("articles", "reports"))]
    return "; ".join(lines)


def _backend_figures(plan: Plan, backend: _Backend, folder: Path) -> list[Figure]:
    out: list[Figure] = []
    base: str | None = None
    for n in (plan.largest,) if plan.quick else plan.sizes:
        largest = n == plan.largest
        seconds, peak, summary, kept = _ingest_runs(
            backend, corpus.article_file(n, plan.cache), plan.runs, None, keep_first=largest
        )
        base = kept or base
        target = backend.name == "SQLite" and n == TARGET_ARTICLES
        out.append(
            Figure(
                "ingest",
                f"{backend.name}, empty store, {n:,} articles",
                "articles/s",
                _rate(n, seconds),
                peak,
                notes=[f"{backend.name}, {n:,} articles from empty: {_summary_note(summary)}"],
            )
        )
        if target:
            out.append(
                Figure(
                    "ingest",
                    f"{backend.name}, empty store, {n:,} articles: total time",
                    "s",
                    seconds,
                    peak,
                    target=f"< {fmt(TARGET_SECONDS)} s",
                    met=statistics.median(seconds) < TARGET_SECONDS,
                )
            )
    if base is None:
        return out
    try:
        fresh = max(plan.largest // 10, 10)
        seconds, peak, summary, _ = _ingest_runs(
            backend, fresh_file(fresh, folder), plan.runs, base, keep_first=False
        )
    finally:
        backend.drop(base)
    out.append(
        Figure(
            "ingest",
            f"{backend.name}, {fresh:,} more articles into a store of {plan.largest:,}",
            "articles/s",
            _rate(fresh, seconds),
            peak,
            notes=[
                f"{backend.name}, {fresh:,} other articles (seed {FRESH_SEED}) into a copy of the "
                f"{plan.largest:,}-article store: {_summary_note(summary)}"
            ],
        )
    )
    return out


def _order_figures(plan: Plan, folder: Path) -> list[Figure]:
    """SQLite from empty, per order of the articles, and how the time per article grows with size."""
    out: list[Figure] = []
    sizes = (plan.sizes[0], plan.largest) if plan.quick else tuple(n for n in plan.sizes if n >= 10_000)
    for order in corpus.ORDERS:
        per_article: dict[int, float] = {}
        for n in sizes:
            runs = 1 if n > 10_000 and not plan.quick else plan.runs
            path = corpus.ordered_file(n, order, plan.cache)
            seconds, peak, summary, _ = _ingest_runs(_SQLite(folder), path, runs, None, keep_first=False)
            per_article[n] = statistics.median(seconds) / n
            notes = [f"{n:,} articles, {order}: {_summary_note(summary)}"]
            if runs == 1:
                notes.append("1 run only: minutes a run at this size")
            out.append(
                Figure("ingest", f"SQLite, empty store, {n:,} articles {order}", "articles/s",
                       _rate(n, seconds), peak, notes=notes)
            )  # fmt: skip
        small, large = min(per_article), max(per_article)
        out.append(
            Figure(
                "ingest",
                f"{order}: time per article, {large:,} over {small:,} articles",
                "ratio",
                [per_article[large] / per_article[small]],
                target="<= 2 (near-linear)",
                met=per_article[large] / per_article[small] <= 2,
            )
        )
    return out


@contextlib.contextmanager
def _postgres(url: str) -> Iterator[PostgreSQLServer]:
    backend = PostgreSQLServer(url)
    try:
        yield backend
    finally:
        backend.close()


def figures(plan: Plan) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="strikemap-bench-ingest-") as tmp:
        folder = Path(tmp)
        out = _backend_figures(plan, _SQLite(folder), folder)
        out += _order_figures(plan, folder)
        if plan.postgres_url:
            with _postgres(plan.postgres_url) as backend:
                out += _backend_figures(plan, backend, folder)
    out[0].notes.insert(
        0,
        f"Ingest: `strikemap ingest FILE.jsonl --db DB` with its default of {all_cores()} extraction "
        "processes (one per core), in a fresh process per run; rate = articles in the file / seconds.",
    )
    if not plan.postgres_url:
        out[0].notes.append("Ingest into PostgreSQL not run: no server given (bench/run.py --postgres URL).")
    return out
