"""Filters and the timeline window as URL query parameters, so a view can be shared as a link.

Decoding forgives: a value that is not ours is dropped rather than breaking the page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from strikemap.models import DISTRICTS
from strikemap.query import LOCATION_PRECISIONS, WEAPONS, Filters

Params = dict[str, str | list[str]]
_LISTS = {"district": DISTRICTS, "weapon": WEAPONS, "precision": LOCATION_PRECISIONS}


def to_params(filters: Filters, window: tuple[dt.date, dt.date] | None = None) -> Params:
    out: Params = {}
    if filters.start:
        out["from"] = filters.start.isoformat()
    if filters.end:
        out["to"] = filters.end.isoformat()
    for key, values in (
        ("district", filters.districts), ("weapon", filters.weapons), ("source", filters.sources),
        ("city", filters.cities), ("precision", filters.precisions),
    ):  # fmt: skip
        if values:
            out[key] = list(values)
    if filters.verified_only:
        out["verified"] = "1"
    if window:
        out["window"] = f"{window[0].isoformat()}..{window[1].isoformat()}"
    return out


def from_params(params: Mapping[str, str | list[str]]) -> tuple[Filters, tuple[dt.date, dt.date] | None]:
    def many(key: str) -> tuple[str, ...]:
        raw = params.get(key, [])
        values = [raw] if isinstance(raw, str) else list(raw)
        allowed = _LISTS.get(key)
        return tuple(v for v in dict.fromkeys(values) if v and (allowed is None or v in allowed))

    def one(key: str) -> str:
        raw = params.get(key, "")
        return raw if isinstance(raw, str) else (raw[-1] if raw else "")

    start, end = _day(one("from")), _day(one("to"))
    if start and end and start > end:
        start, end = end, start
    filters = Filters(
        start=start, end=end, districts=many("district"), weapons=many("weapon"), sources=many("source"),
        cities=many("city"), precisions=many("precision"), verified_only=one("verified") in ("1", "true"),
    )  # fmt: skip
    first, _, last = one("window").partition("..")
    window = (_day(first), _day(last))
    return filters, (window if window[0] and window[1] and window[0] <= window[1] else None)  # type: ignore[return-value]


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
