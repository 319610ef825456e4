"""The timeline under the map: events per day or week, and a window that steps through time.

Pure functions of event dates, so the slider's behaviour is tested without a browser.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from strikemap.extract.dates import format_date
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


def chart_spec(
    views: Sequence[Shown], window: tuple[dt.date, dt.date] | None, *, colour: str
) -> dict[str, Any] | None:
    """A Vega-Lite chart of events over time with the window shaded on it; None with no dated event.

    ``colour`` is the app's primary colour. Dates are read as UTC so a bar never slips a day.
    """
    bounds = span(views)
    if bounds is None:
        return None
    unit, rows = bars(views)
    first_label, label = ("%b %Y", "%b") if unit == "week" else ("%-d %b %Y", "%-d %b")
    x_scale = {
        "type": "utc",
        "domain": [bounds[0].isoformat(), (bounds[1] + dt.timedelta(days=1)).isoformat()],
    }
    x = {
        "field": "start",
        "type": "temporal",
        "scale": x_scale,
        "axis": {
            "title": None,
            "labelExpr": f"datum.index == 0 || utcFormat(datum.value, '%m-%d') == '01-01'"
            f" ? utcFormat(datum.value, '{first_label}') : utcFormat(datum.value, '{label}')",
            "labelFlush": True,
            "grid": False,
        },
    }
    layers: list[dict[str, Any]] = []
    if window is not None:
        layers.append(
            {
                "name": "window",
                "data": {
                    "values": [
                        {
                            "start": window[0].isoformat(),
                            "end": (window[1] + dt.timedelta(days=1)).isoformat(),
                        }
                    ]
                },
                "mark": {
                    "type": "rect",
                    "color": colour,
                    "opacity": 0.12,
                    "stroke": colour,
                    "strokeOpacity": 0.6,
                },
                "encoding": {"x": x, "x2": {"field": "end"}},
            }
        )
    layers.append(
        {
            "name": "events",
            "data": {"values": rows},
            "mark": {"type": "rect", "stroke": colour, "strokeWidth": 0.5, "clip": True},
            "encoding": {
                "x": x,
                "x2": {"field": "end"},
                "y": {
                    "field": "events",
                    "type": "quantitative",
                    "stack": None,
                    "axis": {"title": f"Events per {unit}", "tickMinStep": 1, "titleFontSize": 12},
                },
                "y2": {"datum": 0},
                "color": {
                    "field": "dated",
                    "type": "nominal",
                    "scale": {"domain": [DAY, MONTH], "range": [colour, "#f2c4bf"]},
                    "legend": {"title": None, "orient": "top", "direction": "horizontal"},
                },
                "tooltip": [
                    {"field": "dated", "title": "Dated"},
                    {
                        "field": "start",
                        "type": "temporal",
                        "title": "From",
                        "format": "%-d %b %Y",
                        "scale": {"type": "utc"},
                    },
                    {"field": "events", "title": "Events"},
                ],
            },
        }
    )
    return {"height": CHART_HEIGHT, "layer": layers, "config": {"view": {"stroke": None}}}
