"""The view every page shows (filters, timeline window, chosen event) and its form in the URL.

One state for all pages, kept in the session and mirrored in the URL so a view can be shared as a
link. Decoding forgives: a value that is not ours is dropped rather than breaking the page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace

from strikemap.models import DISTRICTS, LANGUAGES, LOCATION_PRECISIONS, WEAPONS
from strikemap.views import Filters

Params = dict[str, str | list[str]]
Window = tuple[dt.date, dt.date]
EARLIEST = dt.date(2000, 1, 1)
"""The first day a filter or window may name; the extractor believes no attack before 2014."""
LATEST = dt.date(2099, 12, 31)
"""The last day a filter or window may name: further out, a date picker cannot show it."""
_LISTS = {"district": DISTRICTS, "weapon": WEAPONS, "precision": LOCATION_PRECISIONS, "language": LANGUAGES}
_EVENT_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


@dataclass(frozen=True, slots=True)
class View:
    """What the pages show: the filters, the timeline window (None: every date) and the chosen event."""

    filters: Filters = field(default_factory=Filters)
    window: Window | None = None
    event: str | None = None


def to_params(view: View) -> Params:
    filters, out = view.filters, Params()
    if filters.start:
        out["from"] = filters.start.isoformat()
    if filters.end:
        out["to"] = filters.end.isoformat()
    for key, values in (
        ("district", filters.districts), ("weapon", filters.weapons), ("source", filters.sources),
        ("city", filters.cities), ("precision", filters.precisions), ("language", filters.languages),
    ):  # fmt: skip
        if values:
            out[key] = list(values)
    if filters.verified_only:
        out["verified"] = "1"
    if view.window:
        out["window"] = f"{view.window[0].isoformat()}..{view.window[1].isoformat()}"
    if view.event:
        out["event"] = view.event
    return out


def from_params(params: Mapping[str, str | list[str]]) -> View:
    def many(key: str) -> tuple[str, ...]:
        raw = params.get(key, [])
        values = [raw] if isinstance(raw, str) else list(raw)
        allowed = _LISTS.get(key)
        return tuple(
            v for v in dict.fromkeys(values) if v and len(v) <= 200 and (allowed is None or v in allowed)
        )

    def one(key: str) -> str:
        raw = params.get(key, "")
        return raw if isinstance(raw, str) else (raw[-1] if raw else "")

    start, end = _day(one("from")), _day(one("to"))
    if start and end and start > end:
        start, end = end, start
    filters = Filters(
        start=start, end=end, districts=many("district"), weapons=many("weapon"), sources=many("source"),
        cities=many("city"), precisions=many("precision"), languages=many("language"),
        verified_only=one("verified") in ("1", "true"),
    )  # fmt: skip
    first, _, last = one("window").partition("..")
    window = (_day(first), _day(last))
    event = one("event")
    return View(
        filters=filters,
        window=(window[0], window[1]) if window[0] and window[1] and window[0] <= window[1] else None,
        event=event if _EVENT_ID.fullmatch(event) else None,
    )


def normal(params: Mapping[str, str | list[str]]) -> Params:
    """Params in one spelling, a lone value as a string, so two sets compare equal when the URL would."""
    out: Params = {}
    for key, value in params.items():
        values = [value] if isinstance(value, str) else list(value)
        if values:
            out[key] = values[0] if len(values) == 1 else values
    return out


def reconcile(url: Params, written: Params | None, current: View | None) -> View:
    """The view a run shows: the URL's when it is new to this session, else the session's own.

    The URL is new on the first run, after a link is opened, and after the browser's Back or
    Forward. A URL that is empty, or that is what this session last wrote, leaves the session's
    view as it was: switching pages empties the URL, and that must not lose the filters.
    """
    if current is None or written is None:
        return from_params(url)
    if not url or normal(url) == normal(written):
        return current
    return from_params(url)


def known(view: View, *, sources: Collection[str], cities: Collection[str]) -> View:
    """The view without sources and cities the store does not hold, so every value can be picked."""
    filters = view.filters
    kept = replace(
        filters,
        sources=tuple(s for s in filters.sources if s in sources),
        cities=tuple(c for c in filters.cities if c in cities),
    )
    return view if kept == filters else replace(view, filters=kept)


def _day(text: str) -> dt.date | None:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return day if EARLIEST <= day <= LATEST else None
