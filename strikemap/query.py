"""Reading events back with analysts' corrections applied, filtered the way users filter.

`find` is the one query behind the command line and the dashboard, so both show the same rows
for the same filters. `listings` answers the same query from the summaries the store keeps of
each event, without reading reports: what exports of many events use. What they ask the store
is `store.queries`' to put in SQL; the read models they return, and the filter itself, are in
`views`, which needs no database.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import heapq
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal

from strikemap import correctable
from strikemap import store as st
from strikemap.cluster import make_event
from strikemap.errors import StoreDamaged
from strikemap.export import finished_apart, finished_as
from strikemap.memory import collector_paused
from strikemap.models import Event
from strikemap.views import (
    EventView,
    Filters,
    Listing,
    ReportSource,
    Status,
    apply,
    by_status_only,
    check,
    status_passes,
)

_UNFILTERED = Filters()
"""What users see before they filter: every event but those rejected."""

_LONGEST_PERIOD = dt.timedelta(days=366)
"""A year-dated event is stored as its first day but may stand for any day of the year."""


def find(store: st.Store, filters: Filters = _UNFILTERED) -> list[EventView]:
    """Every event that passes the filters, oldest first."""
    dated_from, dated_to = _window(filters)
    in_window = functools.partial(st.event_ids, dated_from=dated_from, dated_to=dated_to)
    return apply(_load(store, in_window), filters)


def listings(store: st.Store, filters: Filters = _UNFILTERED) -> list[Listing]:
    """What `find` finds, as listings: one row read per event, oldest first."""
    check(filters)
    dated_from, dated_to = _window(filters)
    with collector_paused(), store.reading() as conn:
        rows = st.event_summaries(conn, dated_from=dated_from, dated_to=dated_to)
        return apply(_listings(rows, st.corrections(conn)), filters)


Form = Literal["csv", "geojson"]
_FINISHED_IN: dict[Form, str] = {"csv": "csv_row", "geojson": "feature"}
"""The store's column that keeps an event's finished text in each form."""


def ready(store: st.Store, filters: Filters = _UNFILTERED, *, form: Form) -> list[str | Listing]:
    """What `listings` finds, in its order, each as the text the store keeps finished in ``form``
    where that still holds (no analyst reviewed the event, the columns are still `finished_as`),
    else as the listing to build it from: what an export joins (`export.listings_csv`,
    `export.to_geojson`). Filters on more than a verdict read every summary in their window;
    without them, only the events whose texts do not hold are read from their summaries."""
    check(filters)
    column, current = _FINISHED_IN[form], finished_as()
    with collector_paused(), store.reading() as conn:
        corrections = st.corrections(conn)
        if not by_status_only(filters):
            dated_from, dated_to = _window(filters)
            rows = st.event_summaries(conn, dated_from=dated_from, dated_to=dated_to)
            found = apply(_listings(rows, corrections), filters)
            texts = {row.id: row.text for row in st.finished_texts(conn, column, current)}
            return [texts.get(i.id, i) for i in found]
        finished = st.finished_texts(conn, column, current) if status_passes("unreviewed", filters) else []
        built = apply(_listings(st.unfinished_summaries(conn, current), corrections), filters)
    if not built:
        return [text for *_, text in finished]
    kept = (((day or dt.date.max, city, i), text) for i, day, city, text in finished)
    return [item for _, item in heapq.merge(kept, ((_listed(i), i) for i in built))]


def _listings(rows: Sequence[tuple[str, str]], corrections: dict[str, list[st.Correction]]) -> list[Listing]:
    """The listings of stored summaries (id, summary JSON), corrections applied, oldest first."""
    try:
        parts = [finished_apart(summary) for _, summary in rows]
        summaries = json.loads("[" + ",".join(summary for summary, _ in parts) + "]")
        pairs = zip(rows, summaries, parts, strict=True)
        found = [
            _listing(event_id, data, corrections.get(event_id, ()), finished)
            for (event_id, _), data, (_, finished) in pairs
        ]
    except (KeyError, TypeError, ValueError) as err:
        raise StoreDamaged(f"an event's summary is not one this strikemap reads ({err!r})") from err
    return sorted(found, key=_listed)


def _listed(listing: Listing) -> tuple[dt.date, str, str]:
    """Where a listing comes in its order: by date, undated last, then city and id."""
    return (listing.date or dt.date.max, listing.city, listing.id)


def _listing(
    event_id: str, data: dict[str, Any], corrections: Iterable[st.Correction], finished: str | None
) -> Listing:
    status, changes, corrected, _ = _review(corrections)
    shown = correctable.in_summary(data, changes)
    return Listing(
        id=event_id,
        city=shown["city"],
        date=dt.date.fromisoformat(shown["date"]) if shown["date"] else None,
        date_precision=shown["date_precision"],
        districts=tuple(shown["districts"]),
        weapons=tuple(shown["weapons"]),
        killed=shown["killed"],
        injured=shown["injured"],
        sources=tuple(shown["sources"]),
        languages=tuple(shown.get("languages", ())),
        summary=shown,
        status=status,
        corrected=corrected,
        finished=finished,
    )


def load(store: st.Store, *, first: int | None = None) -> list[EventView]:
    """Every event (or the ``first`` so many, undated last) rebuilt from its reports, corrections
    applied, oldest first."""
    if first is None:
        return _load(store, st.event_ids)
    return _load(store, lambda conn: st.oldest_event_ids(conn, first))


def sources(store: st.Store) -> dict[str, tuple[ReportSource, ...]]:
    """Who reported each event and where, by event id: what the Sources page lists, without
    rebuilding any event from its reports."""
    with store.reading() as conn, collector_paused():
        return {event_id: tuple(found) for event_id, found in st.report_sources(conn).items()}


def get(store: st.Store, event_id: str) -> EventView | None:
    found = _load(store, lambda conn: sorted(st.existing_event_ids(conn, [event_id])))
    return found[0] if found else None


def _load(store: st.Store, chosen: Callable[[st.Connection], Sequence[str]]) -> list[EventView]:
    """The events ``chosen`` names, rebuilt from their reports, corrections applied, oldest first."""
    with store.reading() as conn:
        ids = chosen(conn)
        reports = st.reports_of(conn, ids)
        corrections = st.corrections(conn, ids)
    views = [_view(make_event(reports[i], event_id=i), corrections.get(i, [])) for i in ids if i in reports]
    return sorted(views, key=lambda v: (v.event.date or dt.date.max, v.event.city, v.event.id))


def _window(filters: Filters) -> tuple[dt.date | None, dt.date | None]:
    """The stored dates an event passing the filters may have (undated events always may)."""
    return (filters.start - _LONGEST_PERIOD if filters.start else None), filters.end


def _view(event: Event, corrections: Iterable[st.Correction]) -> EventView:
    status, changes, corrected, notes = _review(corrections)
    return EventView(dataclasses.replace(event, **changes), status, corrected, notes)


def _review(
    corrections: Iterable[st.Correction],
) -> tuple[Status, dict[str, Any], tuple[str, ...], tuple[str, ...]]:
    """An event's corrections, oldest first, as its status, the event fields they change, the
    fields corrected (`correctable.applied`), and the analysts' notes."""
    status: Status = "unreviewed"
    fields: list[tuple[str, Any]] = []
    notes: list[str] = []
    for row in corrections:
        if row.field == "status":
            status = row.value
        else:
            fields.append((row.field, row.value))
        if row.note:
            notes.append(row.note)
    changes, corrected = correctable.applied(fields)
    return status, changes, corrected, tuple(notes)
