"""What every benchmark shares: figures with median, min and max, a fresh process per measure, scales.

A benchmark module exposes ``figures(plan: Plan) -> list[Figure]``; ``bench/run.py`` collects them,
prints one table and writes it into ``bench/RESULTS.md``.
"""

from __future__ import annotations

import multiprocessing
import resource
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
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
