"""Reading events back with analysts' corrections applied, filtered the way users filter.

`find` is the one query behind the command line and the dashboard, so both show the same rows
for the same filters. `listings` answers the same query from the summaries the store keeps of
each event, without reading reports: what exports of many events use.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import sqlalchemy as sa

from strikemap import store as st
from strikemap.cluster import make_event
from strikemap.dates import format_date
from strikemap.errors import ConfigError, StoreDamaged
from strikemap.links import outlet_name
from strikemap.memory import collector_paused
from strikemap.models import DISTRICTS, LANGUAGES, Event, Precision

Status = Literal["unreviewed", "verified", "rejected"]
STATUSES: tuple[Status, ...] = ("unreviewed", "verified", "rejected")
CORRECTABLE = ("date", "districts", "weapons", "killed", "injured")
LOCATION_PRECISIONS = ("landmark", "neighbourhood", "district", "city", "region")
WEAPONS = ("drone", "missile", "bomb", "artillery")


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


@dataclass(slots=True)
class Listing:
    """An event as an export lists it: the store's summary of it with corrections applied.

    ``summary`` holds the machine's values (`store.summary_json`); the fields above it the
    values shown, which analysts may have corrected.
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

    @property
    def location_precision(self) -> str:
        places = self.summary["places"]
        return _location_precision(
            self.city, self.districts, ((p["district"], p["precision"]) for p in places)
        )


class Shown(Protocol):
    """What the filters look at, in an event view and in a listing alike."""

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


def _location_precision(
    city: str, districts: tuple[str, ...], places: Iterable[tuple[str | None, str]]
) -> str:
    """The most precise place in the event's districts; the city or region when it has none."""
    if districts:
        best = [precision for district, precision in places if district in districts]
        return min(best, key=LOCATION_PRECISIONS.index) if best else "district"
    return "region" if city.endswith(" region") else "city"


def find(store: st.Store, filters: Filters = Filters()) -> list[EventView]:
    """Every event that passes the filters, oldest first."""
    return apply(load(store, _date_clause(filters)), filters)


def listings(store: st.Store, filters: Filters = Filters()) -> list[Listing]:
    """What `find` finds, as listings: one row read per event, oldest first."""
    check(filters)
    e = st.events_table.c
    query = sa.select(e.id, e.summary).where(e.summary.is_not(None))
    where = _date_clause(filters)
    if where is not None:
        query = query.where(where)
    c = st.corrections_table.c
    with collector_paused(), store.reading() as conn:
        rows = conn.execute(query).all()
        corrections: dict[str, list[Any]] = {}
        for row in conn.execute(sa.select(c.event_id, c.field, c.value, c.note).order_by(c.id)):
            corrections.setdefault(row.event_id, []).append(row)
        try:
            summaries = json.loads("[" + ",".join(row.summary for row in rows) + "]")
            pairs = zip(rows, summaries, strict=True)
            found = [_listing(row.id, data, corrections.get(row.id, ())) for row, data in pairs]
        except (KeyError, TypeError, ValueError) as err:
            raise StoreDamaged(f"an event's summary is not one this strikemap reads ({err!r})") from err
        found.sort(key=lambda v: (v.date or dt.date.max, v.city, v.id))
        return [v for v in found if _passes(v, filters)]


def _listing(event_id: str, data: dict[str, Any], corrections: Iterable[Any]) -> Listing:
    status, changes, _ = _review(corrections)
    if "date" in changes:
        day, precision = changes["date"], changes["date_precision"]
    else:
        day = dt.date.fromisoformat(data["date"]) if data["date"] else None
        precision = data["date_precision"]
    return Listing(
        id=event_id,
        city=data["city"],
        date=day,
        date_precision=precision,
        districts=changes.get("districts", tuple(data["districts"])),
        weapons=changes.get("weapons", tuple(data["weapons"])),
        killed=changes.get("killed", data["killed"]),
        injured=changes.get("injured", data["injured"]),
        sources=tuple(data["sources"]),
        languages=tuple(data.get("languages", ())),
        summary=data,
        status=status,
        corrected=tuple(k for k in CORRECTABLE if k in changes),
    )


def apply(views: Iterable[EventView], filters: Filters) -> list[EventView]:
    """The filter itself, for views already loaded (the dashboard caches them)."""
    check(filters)
    return [v for v in views if _passes(v, filters)]


def load(store: st.Store, where: sa.ColumnElement[bool] | None = None) -> list[EventView]:
    """Events (optionally narrowed in SQL) rebuilt from their reports, corrections applied."""
    e = st.events_table.c
    query = sa.select(e.id).order_by(e.date, e.city, e.id)
    if where is not None:
        query = query.where(where)
    with store.reading() as conn:
        ids = list(conn.execute(query).scalars())
        reports = st.reports_of(conn, ids)
        corrections = _corrections(conn, ids)
    views = [_view(make_event(reports[i], event_id=i), corrections.get(i, [])) for i in ids if i in reports]
    return sorted(views, key=lambda v: (v.event.date or dt.date.max, v.event.city, v.event.id))


def get(store: st.Store, event_id: str) -> EventView | None:
    found = load(store, st.events_table.c.id == event_id)
    return found[0] if found else None


def _date_clause(filters: Filters) -> sa.ColumnElement[bool] | None:
    e = st.events_table.c
    parts = []
    if filters.start:
        parts.append(sa.or_(e.date.is_(None), e.date >= filters.start - dt.timedelta(days=366)))
    if filters.end:
        parts.append(sa.or_(e.date.is_(None), e.date <= filters.end))
    return sa.and_(*parts) if parts else None


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


def _passes(view: Shown, f: Filters) -> bool:
    if view.status == "rejected" and not f.include_rejected:
        return False
    if f.verified_only and view.status != "verified":
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
    if precision == "day":
        return day, day
    if precision == "month":
        following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return day.replace(day=1), following - dt.timedelta(days=1)
    return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


def _corrections(conn: sa.Connection, ids: list[str]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    c = st.corrections_table.c
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = conn.execute(sa.select(st.corrections_table).where(c.event_id.in_(chunk)).order_by(c.id))
        for row in rows:
            out.setdefault(row.event_id, []).append(row)
    return out


def _view(event: Event, corrections: Iterable[Any]) -> EventView:
    status, changes, notes = _review(corrections)
    corrected = tuple(k for k in CORRECTABLE if k in changes)
    return EventView(dataclasses.replace(event, **changes), status, corrected, notes)


def _review(corrections: Iterable[Any]) -> tuple[Status, dict[str, Any], tuple[str, ...]]:
    """An event's corrections, oldest first, as its status, the event fields they change, and notes."""
    status: Status = "unreviewed"
    changes: dict[str, Any] = {}
    notes: list[str] = []
    for row in corrections:
        if row.field == "status":
            status = row.value
        else:
            changes[row.field] = row.value
        if row.note:
            notes.append(row.note)
    if "date" in changes:
        day, precision = parse_date(changes.pop("date"))
        changes["date"], changes["date_precision"] = day, precision
    for name in ("districts", "weapons"):
        if name in changes:
            changes[name] = tuple(changes[name])
    return status, changes, tuple(notes)


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


def date_text(view: EventView) -> str | None:
    return format_date(view.event.date, view.event.date_precision)
