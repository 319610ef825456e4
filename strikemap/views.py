"""Read models: events as users see and filter them, after analysts' corrections.

Pure: no SQL, so the map, the timeline and the URL's filters import it without a database
driver. `query` fills these from the store; `apply` filters them the same way wherever they come from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, Literal, Protocol, TypeVar, get_args

from strikemap.errors import ConfigError
from strikemap.links import outlet_name
from strikemap.models import DISTRICTS, LANGUAGES, LOCATION_PRECISIONS, WEAPONS, Event, Place, Precision, Role

Status = Literal["unreviewed", "verified", "rejected"]
STATUSES: tuple[Status, ...] = get_args(Status)
"""An analyst's verdict on an event; every event starts unreviewed."""


@dataclass(frozen=True, slots=True)
class Filters:
    """What a user narrows the events to; empty means no restriction."""

    start: dt.date | None = None
    end: dt.date | None = None
    districts: tuple[str, ...] = ()
    weapons: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    precisions: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    """Events with a report in any of these languages (`models.LANGUAGES`)."""
    verified_only: bool = False
    include_rejected: bool = False


@dataclass(frozen=True, slots=True)
class ReportSource:
    """Who reported an event, and where: the part of a report the Sources page shows, read without
    its facts and evidence, so listing every outlet's articles costs a fraction of rebuilding events."""

    key: str
    article_id: str
    article: str
    role: Role
    source: str | None
    title: str | None
    url: str | None
    published: dt.date | None


@dataclass(frozen=True, slots=True)
class EventView:
    """An event as shown: machine output with corrections applied, and what was corrected."""

    event: Event
    status: Status = "unreviewed"
    corrected: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def location_precision(self) -> str:
        event = self.event
        return _location_precision(
            event.city, event.districts, ((p.district, p.precision) for p in event.places)
        )

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(outlet_name(r) for r in self.event.reports))

    @property
    def languages(self) -> tuple[str, ...]:
        return self.event.languages

    @property
    def city(self) -> str:
        return self.event.city

    @property
    def date(self) -> dt.date | None:
        return self.event.date

    @property
    def date_precision(self) -> Precision | None:
        return self.event.date_precision

    @property
    def districts(self) -> tuple[str, ...]:
        return self.event.districts

    @property
    def weapons(self) -> tuple[str, ...]:
        return self.event.weapons

    @property
    def id(self) -> str:
        return self.event.id

    @property
    def places(self) -> tuple[Place, ...]:
        return self.event.places

    @property
    def killed(self) -> int | None:
        return self.event.killed

    @property
    def injured(self) -> int | None:
        return self.event.injured


@dataclass(slots=True)
class Listing:
    """An event as exports and the dashboard's pages list it: the store's summary of it with
    corrections applied, read without its reports (`query.get` reads those, for one event).

    ``summary`` holds the summary (`store.summary_json`) with analysts' corrections written over;
    the fields above it the values shown, corrected where analysts corrected them.
    """

    id: str
    city: str
    date: dt.date | None
    date_precision: Precision | None
    districts: tuple[str, ...]
    weapons: tuple[str, ...]
    killed: int | None
    injured: int | None
    sources: tuple[str, ...]
    languages: tuple[str, ...]
    summary: dict[str, Any]
    status: Status = "unreviewed"
    corrected: tuple[str, ...] = ()
    finished: str | None = None
    """The event's finished export columns as the summary keeps them, as JSON: read only when the
    listing is exported (`export.finished_apart`)."""

    @property
    def location_precision(self) -> str:
        places = self.summary["places"]
        return _location_precision(
            self.city, self.districts, ((p["district"], p["precision"]) for p in places)
        )

    @property
    def places(self) -> tuple[Place, ...]:
        """Made when asked: exports of many listings read their places only from finished columns."""
        return tuple(Place(**p) for p in self.summary["places"])


class Shown(Protocol):
    """What the filters and the dashboard's pages look at, in an event view and in a listing alike."""

    @property
    def id(self) -> str: ...

    @property
    def status(self) -> Status: ...
    @property
    def city(self) -> str: ...
    @property
    def date(self) -> dt.date | None: ...
    @property
    def date_precision(self) -> Precision | None: ...
    @property
    def districts(self) -> tuple[str, ...]: ...
    @property
    def weapons(self) -> tuple[str, ...]: ...
    @property
    def sources(self) -> tuple[str, ...]: ...
    @property
    def languages(self) -> tuple[str, ...]: ...
    @property
    def location_precision(self) -> str: ...
    @property
    def places(self) -> tuple[Place, ...]: ...
    @property
    def killed(self) -> int | None: ...
    @property
    def injured(self) -> int | None: ...


ShownT = TypeVar("ShownT", bound=Shown)


def _location_precision(
    city: str, districts: tuple[str, ...], places: Iterable[tuple[str | None, str]]
) -> str:
    """The most precise place in the event's districts; the city or region when it has none."""
    if districts:
        best = [precision for district, precision in places if district in districts]
        return min(best, key=LOCATION_PRECISIONS.index) if best else "district"
    return "region" if city.endswith(" region") else "city"


def apply(views: Iterable[ShownT], filters: Filters) -> list[ShownT]:
    """The filter itself, for views or listings already loaded (the dashboard caches them)."""
    check(filters)
    return [v for v in views if _passes(v, filters)]


def check(filters: Filters) -> None:
    """Refuse filter values that can match nothing because they are not ours."""
    for name, values, allowed in (
        ("district", filters.districts, DISTRICTS),
        ("weapon", filters.weapons, WEAPONS),
        ("location precision", filters.precisions, LOCATION_PRECISIONS),
        ("language", filters.languages, LANGUAGES),
    ):
        unknown = [v for v in values if v not in allowed]
        if unknown:
            raise ConfigError(f"unknown {name} {unknown[0]!r}: expected one of {', '.join(allowed)}")
    if filters.start and filters.end and filters.start > filters.end:
        raise ConfigError(f"the date range starts ({filters.start}) after it ends ({filters.end})")


def by_status_only(filters: Filters) -> bool:
    """Whether the filters look at nothing but an analyst's verdict, so that every event of one
    status passes them or none does (`status_passes`)."""
    return replace(filters, verified_only=False, include_rejected=False) == _EVERY


_EVERY = Filters()


def status_passes(status: Status, f: Filters) -> bool:
    """Whether an event with this verdict passes what the filters ask of its verdict."""
    return (status != "rejected" or f.include_rejected) and (status == "verified" or not f.verified_only)


def _passes(view: Shown, f: Filters) -> bool:
    if not status_passes(view.status, f):
        return False
    if (f.start or f.end) and not _in_range(view.date, view.date_precision, f.start, f.end):
        return False
    if f.districts and not set(f.districts) & set(view.districts):
        return False
    if f.weapons and not set(f.weapons) & set(view.weapons):
        return False
    if f.sources and not set(f.sources) & set(view.sources):
        return False
    if f.languages and not set(f.languages) & set(view.languages):
        return False
    if f.cities and view.city not in f.cities:
        return False
    return not (f.precisions and view.location_precision not in f.precisions)


def _in_range(
    day: dt.date | None, precision: Precision | None, start: dt.date | None, end: dt.date | None
) -> bool:
    """Whether the event's period (a day, month or year) overlaps the range; undated never does."""
    if day is None or precision is None:
        return False
    first, last = period(day, precision)
    return (start is None or last >= start) and (end is None or first <= end)


def period(day: dt.date, precision: Precision) -> tuple[dt.date, dt.date]:
    """The first and last day a date of this precision may stand for."""
    if precision == "day":
        return day, day
    if precision == "month":
        following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return day.replace(day=1), following - dt.timedelta(days=1)
    return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


def parse_date(text: str | None) -> tuple[dt.date | None, Precision | None]:
    """'2022-10-17', '2022-10' or '2022' as a date with its precision."""
    if not text:
        return None, None
    parts = text.split("-")
    try:
        if len(parts) == 3:
            return dt.date.fromisoformat(text), "day"
        if len(parts) == 2:
            return dt.date(int(parts[0]), int(parts[1]), 1), "month"
        if len(parts) == 1:
            return dt.date(int(parts[0]), 1, 1), "year"
    except ValueError as err:
        raise ConfigError(f"not a date: {text!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)") from err
    raise ConfigError(f"not a date: {text!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)")
