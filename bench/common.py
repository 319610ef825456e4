"""What every benchmark shares: figures with median, min and max, a fresh process per measure, scales.

A benchmark module exposes ``figures(plan: Plan) -> list[Figure]``; ``bench/run.py`` collects them,
prints one table and writes it into ``bench/RESULTS.md``.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / ".cache"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@dataclass(frozen=True, slots=True)
class Plan:
    """How big and how often: the full plan, or a quick one the smoke tests run."""

    sizes: tuple[int, ...] = (1_000, 10_000, 100_000)
    runs: int = 3
    postgres_url: str | None = None
    cache: Path = CACHE
    quick: bool = False

    @property
    def largest(self) -> int:
        return self.sizes[-1]

    @classmethod
    def small(cls, cache: Path, postgres_url: str | None = None) -> Plan:
        return cls(sizes=(20, 50, 100), runs=1, postgres_url=postgres_url, cache=cache, quick=True)


@dataclass(slots=True)
class Figure:
    """One measured quantity: a value per run, and the peak memory of the process that measured it."""

    benchmark: str
    measure: str
    unit: str
    values: list[float]
    peak_mb: float | None = None
    target: str = ""
    met: bool | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def low(self) -> float:
        return min(self.values)

    @property
    def high(self) -> float:
        return max(self.values)


def timed(run: Callable[[], object], runs: int) -> list[float]:
    """Seconds taken by each of ``runs`` calls."""
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - start)
    return seconds


def peak_mb() -> float:
    """Peak resident memory of this process and of any children it waited for, in MB.

    Linux carries ``ru_maxrss`` over exec, so a spawned child would report its parent's peak:
    its own high-water mark (VmHWM) is read instead where /proc has it.
    """
    own = _own_high_water_kb() or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _own_high_water_kb() -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _call(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, float]:
    result = fn(*args, **kwargs)
    return result, peak_mb()


def in_child(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, float]:
    """Run ``fn`` in a fresh process, so its peak memory is its own; returns its result and that peak.

    ``fn`` must be a module-level function of an importable module, and its arguments picklable.
    """
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(_call, fn, args, kwargs).result()


def fmt(value: float) -> str:
    """A figure with as many digits as a reader can use."""
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:.2f}"
    return f"{value:.3g}"


@contextmanager
def served_app(
    db: str | Path, demo: str | Path | None = None, log: str | Path | None = None
) -> Iterator[str]:
    """``streamlit run app.py`` on a free port of 127.0.0.1 serving the store ``db``; yields its URL.

    ``demo``: where the demo store lives (shown while ``db`` is empty), instead of the cache folder.
    ``log``: a file to keep the server's output in (stdout and stderr), complete once the block ends;
    without it the output goes to a temporary file and is shown only if the server fails to start."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
        "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    env = {**os.environ, "STRIKEMAP_DB": str(Path(db).resolve())}
    if demo is not None:
        env["STRIKEMAP_DEMO_DB"] = str(Path(demo).resolve())
    with open(log, "w+b") if log is not None else tempfile.TemporaryFile() as output:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(url, server, output)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)


LOG_PROBLEM = re.compile(
    r"Traceback|Uncaught|Exception|Error\b|\w*Warning\b|deprecat|will be removed|no longer supported",
    re.IGNORECASE,
)
"""A line of a server log that reports an exception or a warning, deprecations included: Python's
traceback and ``warnings`` lines, Streamlit's "Uncaught app execution", its deprecation notes and
its "WARNING:" console messages."""
LOG_ENTRY = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
"""Streamlit's logger starts each entry with a timestamp; a traceback or a note continues below it."""


def log_problems(text: str) -> list[str]:
    """The entries of a server log that report an exception or a warning, whole and in order
    (blank lines dropped); empty when the log is clean."""
    entries: list[list[str]] = [[]]
    for line in text.splitlines():
        if LOG_ENTRY.match(line):
            entries.append([])
        if line.strip():
            entries[-1].append(line)
    return ["\n".join(entry) for entry in entries if any(LOG_PROBLEM.search(line) for line in entry)]


def _wait_healthy(url: str, server: subprocess.Popen[bytes], log: Any) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            raise RuntimeError(
                f"streamlit exited with {server.returncode}: {log.read().decode(errors='replace')}"
            )
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.read() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("streamlit did not start within 90 s")
