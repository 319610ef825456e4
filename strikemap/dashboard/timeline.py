"""The timeline under the map: events per day or week, and a window that steps through time.

Pure functions of event dates, so the slider's behaviour is tested without a browser.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from html import escape
from typing import cast

from strikemap.models import format_date
from strikemap.views import Shown, ShownT, period


def span(views: Iterable[Shown]) -> tuple[dt.date, dt.date] | None:
    """First and last day any dated event could be on."""
    periods = [period(v.date, v.date_precision) for v in views if v.date and v.date_precision]
    if not periods:
        return None
    return min(p[0] for p in periods), max(p[1] for p in periods)


def in_window(views: Iterable[ShownT], window: tuple[dt.date, dt.date]) -> list[ShownT]:
    """Events whose period overlaps the window; undated events are left out."""
    first, last = window
    out = []
    for v in views:
        if v.date and v.date_precision:
            start, end = period(v.date, v.date_precision)
            if end >= first and start <= last:
                out.append(v)
    return out


def effective(
    window: tuple[dt.date, dt.date] | None, bounds: tuple[dt.date, dt.date] | None
) -> tuple[dt.date, dt.date] | None:
    """The window as shown: the asked-for window cut to the data's span, or the whole span.

    No window, or one that holds none of the data, means every date: a stale link or a filter
    that moved the data elsewhere shows all events rather than an empty map. Every page calls
    this with the same arguments, so the map, the table and the download agree."""
    if bounds is None:
        return None
    if window is None:
        return bounds
    first, last = max(window[0], bounds[0]), min(window[1], bounds[1])
    return (first, last) if first <= last else bounds


def describe(window: tuple[dt.date, dt.date]) -> str:
    """The window in words, for the line between the step buttons."""
    first, last = (format_date(day, "day") for day in window)
    days = (window[1] - window[0]).days + 1
    return f"{first} to {last} ({days} day{'s' if days != 1 else ''})" if days > 1 else str(first)


def step(
    window: tuple[dt.date, dt.date], bounds: tuple[dt.date, dt.date], direction: int
) -> tuple[dt.date, dt.date]:
    """The window moved by its own width, kept inside the data's span."""
    width = window[1] - window[0]
    shift = (width + dt.timedelta(days=1)) * direction
    first, last = window[0] + shift, window[1] + shift
    if first < bounds[0]:
        first, last = bounds[0], bounds[0] + width
    if last > bounds[1]:
        first, last = bounds[1] - width, bounds[1]
    return max(first, bounds[0]), min(last, bounds[1])


def counts(views: Iterable[Shown], *, weekly: bool) -> list[tuple[dt.date, int]]:
    """Events per day (or per week, keyed by its Monday), with the empty days filled in."""
    days = Counter(
        (d - dt.timedelta(days=d.weekday())) if weekly else d
        for d in (v.date for v in views if v.date and v.date_precision == "day")
    )
    if not days:
        return []
    first, last = min(days), max(days)
    stride = dt.timedelta(days=7 if weekly else 1)
    out, day = [], first
    while day <= last:
        out.append((day, days.get(day, 0)))
        day += stride
    return out


def month_counts(views: Iterable[Shown]) -> list[tuple[dt.date, int]]:
    """Events dated only to a month, per month (keyed by its first day): bars by day would drop them."""
    months = Counter(v.date.replace(day=1) for v in views if v.date and v.date_precision == "month")
    return sorted(months.items())


WEEKLY_AFTER = dt.timedelta(days=120)
"""A span longer than this is drawn per week: daily bars would be too thin to see."""
DAY, MONTH = "dated to the day", "dated to the month only"
FALLBACK_COLOUR = "#c0392b"
CHART_HEIGHT = 140
"""Pixels for the whole chart, its legend and axes included."""
"""The app's primary colour (.streamlit/config.toml), for when no theme is set."""


def bars(views: Sequence[Shown]) -> tuple[str, list[dict[str, object]]]:
    """The chart's unit ("day" or "week") and its bars, each from ``start`` up to ``end``.

    Events dated to the day are counted per day or week; those dated only to a month get a bar
    as wide as their month, so they stay visible and read as less precise. Month bars come first:
    Vega-Lite draws in data order, so the day bars stay in front of them.
    """
    bounds = span(views)
    weekly = bounds is not None and bounds[1] - bounds[0] > WEEKLY_AFTER
    width = dt.timedelta(days=7 if weekly else 1)
    rows: list[dict[str, object]] = []
    for first, n in month_counts(views):
        following = (first + dt.timedelta(days=32)).replace(day=1)
        rows.append({"start": first.isoformat(), "end": following.isoformat(), "events": n, "dated": MONTH})
    rows += [
        {"start": day.isoformat(), "end": (day + width).isoformat(), "events": n, "dated": DAY}
        for day, n in counts(views, weekly=weekly)
        if n
    ]
    return ("week" if weekly else "day"), rows


Box = tuple[float, float, float, float]
"""Left, top, right and bottom of the plot inside the chart, in the chart's own units."""
_WIDTH = 1000
_PLOT: Box = (44, 24, _WIDTH - 8, CHART_HEIGHT - 22)
_MONTH_FILL = "#f2c4bf"
_TICK_MONTHS = (1, 2, 3, 6, 12, 24, 60)
"""Months between the labels of a long axis: the first that keeps to about ten labels."""


def chart_svg(views: Sequence[Shown], window: tuple[dt.date, dt.date] | None, *, colour: str) -> str | None:
    """Events over time as an SVG bar chart with the window shaded on it; None with no dated event.

    Drawn here rather than by Vega-Lite: the map page's first load waited a third of a second
    for the browser to load Streamlit's chart scripts, for a strip of bars. The bars of each kind
    are one path, so ten years of weeks stay a few kilobytes and a handful of elements (a title
    per bar made 108 KB that the page took a second to lay out). Month-dated events get a paler
    bar as wide as their month, drawn behind the day bars; faint lines mark a quarter, half and
    three quarters of the tallest bar, so counts can be read off. ``colour`` is the app's primary
    colour. Nothing from an article is drawn.
    """
    bounds = span(views)
    if bounds is None:
        return None
    unit, rows = bars(views)
    first, stop = bounds[0], bounds[1] + dt.timedelta(days=1)
    left, top, right, bottom = _PLOT
    days = (stop - first).days

    def x(day: dt.date) -> float:
        return left + (right - left) * min(max((day - first).days, 0), days) / days

    highest = max((cast(int, r["events"]) for r in rows), default=1) or 1
    paths: dict[str, list[str]] = {MONTH: [], DAY: []}
    for r in rows:
        a, b = x(dt.date.fromisoformat(str(r["start"]))), x(dt.date.fromisoformat(str(r["end"])))
        height = (bottom - top) * cast(int, r["events"]) / highest
        paths[str(r["dated"])].append(
            f"M{a:.1f} {bottom}V{bottom - height:.1f}H{max(b, a + 1):.1f}V{bottom}Z"
        )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {CHART_HEIGHT}" width="100%" '
        f'role="img" aria-label="{escape(_summary(unit, bounds, window))}" '
        f'style="font: 11px sans-serif; fill: #31333f; overflow: visible">'
    ]
    if window is not None:
        a, b = x(window[0]), x(window[1] + dt.timedelta(days=1))
        parts.append(
            f'<rect x="{a:.1f}" y="{top}" width="{max(b - a, 1):.1f}" height="{bottom - top}" '
            f'fill="{colour}" fill-opacity="0.12" stroke="{colour}" stroke-opacity="0.6"/>'
        )
    for quarter in (1, 2, 3):
        y = bottom - (bottom - top) * quarter / 4
        parts.append(f'<path d="M{left} {y:.1f}H{right}" stroke="#31333f" stroke-opacity="0.12"/>')
    for dated, fill in ((MONTH, _MONTH_FILL), (DAY, colour)):
        if paths[dated]:
            parts.append(
                f'<path d="{"".join(paths[dated])}" fill="{fill}" stroke="{colour}" stroke-width="0.5"/>'
            )
    parts.append(f'<path d="M{left} {bottom}H{right}" stroke="#8a8d95"/>')
    for day, label in ticks(bounds):
        parts.append(f'<text x="{x(day):.1f}" y="{bottom + 15}" text-anchor="middle">{escape(label)}</text>')
    if highest % 2 == 0:  # the middle line is labelled when it falls on a whole number
        parts.append(
            f'<text x="{left - 6}" y="{(top + bottom) / 2 + 4:.1f}" text-anchor="end">{highest // 2}</text>'
        )
    parts += [
        f'<text x="{left - 6}" y="{top + 4}" text-anchor="end">{highest}</text>',
        f'<text x="{left - 6}" y="{bottom}" text-anchor="end">0</text>',
        f'<text x="{left}" y="12" style="font-weight: 600">Events per {unit}</text>',
        *_legend(colour, right),
        "</svg>",
    ]
    return "".join(parts)


def _legend(colour: str, right: float) -> list[str]:
    out, end = [], right
    for label, fill in ((MONTH, _MONTH_FILL), (DAY, colour)):
        width = 7 * len(label) + 16
        start = end - width
        out += [
            f'<rect x="{start:.0f}" y="3" width="10" height="10" fill="{fill}" stroke="{colour}" '
            'stroke-width="0.5"/>',
            f'<text x="{start + 14:.0f}" y="12">{escape(label)}</text>',
        ]
        end = start - 12
    return out


def _summary(unit: str, bounds: tuple[dt.date, dt.date], window: tuple[dt.date, dt.date] | None) -> str:
    said = f"Events per {unit}, {format_day(bounds[0])} to {format_day(bounds[1])}"
    return said + (f"; the window is {describe(window)}" if window is not None else "")


def format_day(day: dt.date) -> str:
    """ "3 Mar 2024": a day as the chart's labels and tooltips say it."""
    return f"{day.day} {day:%b %Y}"


def ticks(bounds: tuple[dt.date, dt.date]) -> list[tuple[dt.date, str]]:
    """Where the axis is labelled, and how: days or months, about ten labels at most, the year
    said on the first label and at each January."""
    first, last = bounds
    if (last - first).days <= 62:
        stride = 1 if (last - first).days <= 10 else 7
        days = [first + dt.timedelta(days=n) for n in range(0, (last - first).days + 1, stride)]
        return [(d, f"{d.day} {d:%b}" + (f" {d.year}" if i == 0 or (d.month, d.day) == (1, 1) else ""))
                for i, d in enumerate(days)]  # fmt: skip
    months = (last.year - first.year) * 12 + last.month - first.month
    every = next((m for m in _TICK_MONTHS if months / m <= 10), _TICK_MONTHS[-1])
    out: list[tuple[dt.date, str]] = []
    day = _month_after(first, 0) if first.day == 1 else _month_after(first, 1)
    while day <= last:
        if (day.year * 12 + day.month - 1) % every == 0:
            said = f"{day:%b %Y}" if not out or day.month == 1 else f"{day:%b}"
            out.append((day, said if every < 12 else f"{day.year}"))
        day = _month_after(day, 1)
    return out


def _month_after(day: dt.date, months: int) -> dt.date:
    n = day.year * 12 + day.month - 1 + months
    return dt.date(n // 12, n % 12 + 1, 1)
