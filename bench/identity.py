"""Whether two checkouts give byte-identical outputs: for refactors that must not change behaviour.

Usage:
    python bench/identity.py CORPUS --write [--articles 3000]
    python bench/identity.py CORPUS --root CHECKOUT --out FOLDER [--postgres URL]
    diff -r FOLDER_A FOLDER_B

The first writes the corpus once (the samples, the four seed articles when ../shared/seeds is there,
and synthetic articles from this checkout's generator), so both checkouts read the same files. The
second runs CHECKOUT's own `strikemap` on it: `extract` (JSON), then `ingest` into a fresh SQLite
store (and a fresh PostgreSQL database beside URL's, dropped afterwards), then `export` in every
format. Two checkouts agree when `diff -r` of their folders prints nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
FORMATS = ("csv", "geojson", "json")


def write_corpus(folder: Path, articles: int) -> None:
    sys.path.insert(0, str(HERE))
    from strikemap import synth

    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(HERE / "samples" / "articles", folder / "samples", dirs_exist_ok=True)
    seeds = HERE.parent / "shared" / "seeds"
    if seeds.is_dir():
        shutil.copytree(seeds, folder / "seeds", dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.json"))
    synth.write(folder / "synthetic", articles, seed=13)
    print(f"wrote {sum(1 for _ in folder.rglob('*.*'))} files to {folder}")


def _run(root: Path, *args: str, output: Path | None = None) -> None:
    """CHECKOUT's `strikemap` with these arguments, its standard output saved to ``output``."""
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONHASHSEED": "0"}
    command = [sys.executable, "-m", "strikemap", *args]
    with open(output, "wb") if output else open(os.devnull, "wb") as out:
        subprocess.run(command, cwd=root, env=env, stdout=out, check=True)


@contextmanager
def fresh_postgres(base_url: str) -> Iterator[str]:
    """A new empty database beside ``base_url``'s, dropped afterwards."""
    sys.path.insert(0, str(HERE / "bench"))
    from ingest import PostgreSQLServer

    server = PostgreSQLServer(base_url)
    url = server.empty()
    try:
        yield url
    finally:
        server.drop(url)


def outputs(corpus: Path, root: Path, out: Path, postgres: str | None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    paths = [str(p) for p in sorted(corpus.iterdir())]
    _run(root, "extract", "--format", "json", *paths, output=out / "extract.json")
    with tempfile.TemporaryDirectory() as tmp:
        stores = {"sqlite": str(Path(tmp) / "store.sqlite")}
        with fresh_postgres(postgres) if postgres else _nothing() as url:
            if url:
                stores["postgresql"] = url
            for name, db in stores.items():
                _run(root, "ingest", "--db", db, "--no-progress", *paths)
                for fmt in FORMATS:
                    _run(root, "export", "--db", db, "--format", fmt, output=out / f"{name}.{fmt}")
    print(f"{root}: outputs in {out}")


@contextmanager
def _nothing() -> Iterator[None]:
    yield None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--write", action="store_true", help="write the corpus and stop")
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--root", type=Path, default=HERE, help="the checkout whose strikemap runs")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--postgres", help="a PostgreSQL URL whose server may get a fresh database")
    args = parser.parse_args(argv)
    if args.write:
        write_corpus(args.corpus, args.articles)
    elif args.out is None:
        parser.error("--out is needed unless --write")
    else:
        outputs(args.corpus, args.root.resolve(), args.out, args.postgres)


if __name__ == "__main__":
    main()
