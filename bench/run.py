"""Run the benchmarks of issue 5, print one table and write it into bench/RESULTS.md.

Usage: python bench/run.py [--quick] [--only NAME ...] [--results PATH] [--postgres URL] [--cache DIR]

Every figure is kept in a JSON file beside the results (results.json), so a run of some
benchmarks (--only) replaces their rows and keeps the others'. The table goes between the
markers below in the results file; the text around them is written by hand and kept.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import importlib
import json
import os
import platform
import shlex
import subprocess
import sys
import time
import traceback
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import CACHE, ROOT, Figure, Plan, fmt

BENCHMARKS = ("extraction", "adversarial", "ingest", "merge", "maps", "export", "browser")
START = "<!-- bench:start -->"
END = "<!-- bench:end -->"
RESULTS = ROOT / "bench" / "RESULTS.md"
PACKAGES = ("streamlit", "folium", "sqlalchemy", "psycopg")
COLUMNS = ("benchmark", "measure", "unit", "median", "min", "max", "runs", "peak MB", "target", "met")


def measure(name: str, plan: Plan) -> dict[str, Any]:
    """One benchmark's figures as plain data, or why it did not run."""
    started = time.perf_counter()
    record: dict[str, Any] = {"figures": [], "status": "ran", "why": ""}
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as err:
        missing = err.name == name
        record.update(status="not run" if missing else "failed", why=f"no module {err.name}")
        return record
    if not hasattr(module, "figures"):
        record.update(status="not run", why=f"bench/{name}.py has no figures(plan)")
        return record
    try:
        record["figures"] = [dataclasses.asdict(f) for f in module.figures(plan)]
    except Exception as err:
        traceback.print_exc()
        record.update(status="failed", why=f"{type(err).__name__}: {err}")
    record["seconds"] = round(time.perf_counter() - started, 1)
    return record


def machine() -> dict[str, Any]:
    """What the figures were measured on, for the header a reader compares against."""
    versions = {}
    for package in PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "not installed"
    return {
        "cores": os.cpu_count(),
        "memory_gib": _memory_gib(),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "packages": versions,
    }


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        pass
    return None


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _commit() -> str:
    try:
        found = subprocess.run(
            ["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True
        )
    except OSError:
        return "unknown"
    return found.stdout.strip() or "unknown"


def _figure(data: dict[str, Any]) -> Figure:
    return Figure(**data)


def rows(results: dict[str, Any]) -> list[tuple[str, ...]]:
    """The table: one row per figure, in benchmark order; benchmarks that did not run say why."""
    out = []
    for name in _ordered(results):
        record = results[name]
        if record["status"] != "ran" and not record["figures"]:
            out.append((name, f"{record['status']}: {record['why']}", *[""] * (len(COLUMNS) - 2)))
        for data in record["figures"]:
            f = _figure(data)
            met = "" if f.met is None else ("yes" if f.met else "no")
            peak = "" if f.peak_mb is None else fmt(f.peak_mb)
            cells = (fmt(f.median), fmt(f.low), fmt(f.high), str(len(f.values)), peak, f.target, met)
            out.append((name, f.measure, f.unit, *cells))
    return out


def _ordered(results: dict[str, Any]) -> list[str]:
    known = [n for n in BENCHMARKS if n in results]
    return known + sorted(n for n in results if n not in BENCHMARKS)


def table(results: dict[str, Any]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows(results)]
    return "\n".join(lines)


def plain_table(results: dict[str, Any]) -> str:
    """The same table for a terminal, in aligned columns."""
    body = [COLUMNS, *rows(results)]
    widths = [max(len(r[i]) for r in body) for i in range(len(COLUMNS))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in body
    )


def section(state: dict[str, Any]) -> str:
    """The generated part of the results file: machine, how each benchmark was run, table, notes."""
    m = state["machine"]
    packages = ", ".join(f"{k} {v}" for k, v in m["packages"].items())
    lines = [
        f"**Machine:** {m['cores']} cores, {m['memory_gib']} GiB memory, {m['cpu']}; "
        f"Python {m['python']}, {packages}.",
        "",
        "**Runs:**",
    ]
    for name in _ordered(state["results"]):
        record = state["results"][name]
        plan = " (quick plan: tiny sizes, not comparable)" if record.get("quick") else ""
        lines.append(
            f"- {name}: `{record['command']}` on {record['date']}, commit {record['commit']}{plan}"
            + (f"; took {record['seconds']} s" if record.get("seconds") is not None else "")
        )
    lines += ["", table(state["results"]), ""]
    notes = {
        f"**{data['measure']}:** {note}": None
        for name in _ordered(state["results"])
        for data in state["results"][name]["figures"]
        for note in data["notes"]
    }
    lines += ["**Notes on the rows:**", *(f"- {note}" for note in notes)]
    return "\n".join(lines).rstrip() + "\n"


def write_results(path: Path, text: str) -> None:
    """Put ``text`` between the markers, keeping everything outside them; add them if missing."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    block = f"{START}\n{text}{END}"
    if START in old and END in old:
        head, rest = old.split(START, 1)
        tail = rest.split(END, 1)[1]
        new = head + block + tail
    else:
        lines = old.splitlines(keepends=True)
        cut = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
        while cut < len(lines) and not lines[cut].strip():
            cut += 1
        while cut < len(lines) and lines[cut].strip() and not lines[cut].startswith("#"):
            cut += 1
        head = "".join(lines[:cut]).rstrip("\n")
        new = (head + "\n\n" if head else "") + block + "\n\n" + "".join(lines[cut:]).lstrip("\n")
    path.write_text(new, encoding="utf-8")


def _sidecar(results: Path) -> Path:
    return results.with_name("results.json")


def _load(path: Path) -> dict[str, Any]:
    if path.exists():
        loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return loaded
    return {"machine": {}, "results": {}}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one run: checks that all runs")
    parser.add_argument("--only", nargs="+", choices=BENCHMARKS, metavar="NAME", help=", ".join(BENCHMARKS))
    parser.add_argument("--results", type=Path, default=RESULTS, help="file to write (%(default)s)")
    parser.add_argument("--postgres", help="PostgreSQL URL for the ingest benchmark "
                        "(default: $STRIKEMAP_BENCH_POSTGRES, else $STRIKEMAP_TEST_POSTGRES)")  # fmt: skip
    parser.add_argument("--cache", type=Path, default=CACHE, help="corpus and store cache (%(default)s)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    postgres = (
        args.postgres
        or os.environ.get("STRIKEMAP_BENCH_POSTGRES")
        or os.environ.get("STRIKEMAP_TEST_POSTGRES")
        or None
    )
    plan = Plan.small(args.cache, postgres) if args.quick else Plan(postgres_url=postgres, cache=args.cache)
    sidecar = _sidecar(args.results)
    command = "python bench/run.py " + shlex.join(argv if argv is not None else sys.argv[1:])
    failed = False
    for name in args.only or BENCHMARKS:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        record = measure(name, plan)
        failed = failed or record["status"] == "failed"
        record.update(
            command=command.strip(),
            date=dt.date.today().isoformat(),
            commit=_commit(),
            quick=plan.quick,
        )
        state = _load(sidecar)
        state["results"][name] = record
        state["machine"] = machine()
        sidecar.parent.mkdir(parents=True, exist_ok=True)
        sidecar.write_text(json.dumps(state, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        write_results(args.results, section(state))
    print(plain_table(_load(sidecar)["results"]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
