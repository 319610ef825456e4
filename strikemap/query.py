"""Reading events back with analysts' corrections applied, filtered the way users filter.

`find` is the one query behind the command line and the dashboard, so both show the same rows
for the same filters. `listings` answers the same query from the summaries the store keeps of
each event, without reading reports: what exports of many events use. The read models they
return, and the filter itself, are in `views`, which needs no database.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from strikemap import store as st
from strikemap.cluster import make_event
from strikemap.errors import StoreDamaged
from strikemap.memory import collector_paused
from strikemap.models import Event
from strikemap.views import CORRECTABLE, EventView, Filters, Listing, Status, apply, check, parse_date

_UNFILTERED = Filters()
"""What users see before they filter: every event but those rejected."""


def find(store: st.Store, filters: Filters = _UNFILTERED) -> list[EventView]:
    """Every event that passes the filters, oldest first."""
    return apply(load(store, _date_clause(filters)), filters)


def listings(store: st.Store, filters: Filters = _UNFILTERED) -> list[Listing]:
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
        return apply(found, filters)


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
