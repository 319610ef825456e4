"""Extraction time on hostile text shapes at two sizes: it must grow linearly, whatever the shape.

Prints a table (shape, seconds at 10 KB and at 100 KB, ratio); one figure per shape is the ratio.
Usage: python bench/adversarial.py [--runs N] [--small CHARS] [--large CHARS]
"""

from __future__ import annotations

import argparse

from common import Figure, Plan, fmt, in_child

from strikemap.adversarial import SHAPES, seconds_to_extract

SMALL, LARGE = 10_000, 100_000
MOST_GROWTH = 15
"""The bound tests/test_stalls.py holds every shape to: ten times the text, at most 15 times the time."""

Row = tuple[str, list[float], list[float]]
"""A shape, its seconds at the small size and at the large size (one per run)."""


def measure(small: int, large: int, runs: int) -> list[Row]:
    """Each shape's extraction time (CPU seconds) at both sizes, ``runs`` times, the sizes in turn."""
    rows = []
    for shape in SHAPES:
        times = [(seconds_to_extract(shape, small), seconds_to_extract(shape, large)) for _ in range(runs)]
        rows.append((shape, [s for s, _ in times], [b for _, b in times]))
    return rows


def table(rows: list[Row], small: int, large: int) -> str:
    """The rows as a Markdown table, fastest of the runs, worst ratio first."""
    lines = [
        f"| shape | {small // 1000} KB, CPU s | {large // 1000} KB, CPU s | ratio |",
        "|---|---|---|---|",
    ]
    for row in sorted(rows, key=lambda r: -_ratio(r)):
        shape, a, b = row
        small_s, large_s = fmt(min(a)), fmt(min(b))
        lines.append(f"| {shape} | {small_s} | {large_s} | {_ratio(row):.1f}x |")
    return "\n".join(lines)


def _ratio(row: Row) -> float:
    """Fastest over fastest: on a shared machine the slower runs measure the other processes."""
    _, a, b = row
    return min(b) / min(a)


def figures(plan: Plan) -> list[Figure]:
    small, large = (1_000, 10_000) if plan.quick else (SMALL, LARGE)
    rows, peak = in_child(measure, small, large, plan.runs)
    print(table(rows, small, large))
    out = []
    for row in rows:
        figure = Figure(
            "adversarial",
            f"{row[0]}: {large // 1000} KB over {small // 1000} KB",
            "x time",
            [_ratio(row)],
            peak,
        )
        figure.target = f"<= {MOST_GROWTH}x (linear: 10x)"
        figure.met = figure.median <= MOST_GROWTH
        out.append(figure)
    out[0].notes.append(
        "Adversarial: the shapes of strikemap/adversarial.py, each one unit (spaces, 'Kyiv, ', "
        f"'the capital', a date...) repeated to {small:,} and {large:,} characters; CPU time of one "
        "extraction; ratio = fastest of the runs at the large size over fastest at the small size."
    )
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--small", type=int, default=SMALL)
    parser.add_argument("--large", type=int, default=LARGE)
    args = parser.parse_args(argv)
    print(table(measure(args.small, args.large, args.runs), args.small, args.large))


if __name__ == "__main__":
    main()
