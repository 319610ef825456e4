"""The timeline under the map: events per day or week, and a window that steps through time.

Pure functions of event dates, so the slider's behaviour is tested without a browser.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from strikemap.dates import format_date
from strikemap.query import EventView, period


def span(views: Iterable[EventView]) -> tuple[dt.date, dt.date] | None:
    """First and last day any dated event could be on."""
    periods = [
        period(v.event.date, v.event.date_precision) for v in views if v.event.date and v.event.date_precision
    ]
    if not periods:
        return None
    return min(p[0] for p in periods), max(p[1] for p in periods)


def in_window(views: Iterable[EventView], window: tuple[dt.date, dt.date]) -> list[EventView]:
    """Events whose period overlaps the window; undated events are left out."""
    first, last = window
    out = []
    for v in views:
        if v.event.date and v.event.date_precision:
            start, end = period(v.event.date, v.event.date_precision)
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


def counts(views: Iterable[EventView], *, weekly: bool) -> list[tuple[dt.date, int]]:
    """Events per day (or per week, keyed by its Monday), with the empty days filled in."""
    days = Counter(
        (d - dt.timedelta(days=d.weekday())) if weekly else d
        for d in (v.event.date for v in views if v.event.date and v.event.date_precision == "day")
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
