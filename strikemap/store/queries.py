"""What readers ask the store: the events of a date window, their stored summaries, and analysts'
corrections. `query` turns the answers into what the command line, the dashboard and exports show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from strikemap.store.rows import chunks
from strikemap.store.tables import corrections_table, events_table


@dataclass(frozen=True, slots=True)
class Correction:
    """One analyst's value for one field of an event (``field`` "status" for a verdict), as stored."""

    event_id: str
    field: str
    value: Any
    note: str | None


def event_ids(
    conn: Connection, *, dated_from: dt.date | None = None, dated_to: dt.date | None = None
) -> list[str]:
    """Events whose stored date is in the window (either end open), and every undated event,
    by date, city and id."""
    e = events_table.c
    found = _in_window(sa.select(e.id), dated_from, dated_to)
    return list(conn.execute(found.order_by(e.date, e.city, e.id)).scalars())


def oldest_event_ids(conn: Connection, count: int) -> list[str]:
    """The first ``count`` events by date, city and id, undated ones last (on either database)."""
    e = events_table.c
    found = sa.select(e.id).order_by(e.date.is_(None), e.date, e.city, e.id).limit(count)
    return list(conn.execute(found).scalars())


def event_summaries(
    conn: Connection, *, dated_from: dt.date | None = None, dated_to: dt.date | None = None
) -> Sequence[tuple[str, str]]:
    """(id, summary JSON) of each event in the window that has a stored summary, in no set order."""
    e = events_table.c
    found = _in_window(sa.select(e.id, e.summary).where(e.summary.is_not(None)), dated_from, dated_to)
    return conn.execute(found).all()


def corrections(conn: Connection, ids: Sequence[str] | None = None) -> dict[str, list[Correction]]:
    """Analysts' corrections by event, oldest first: of these events, or of every event."""
    c = corrections_table.c
    found = sa.select(c.event_id, c.field, c.value, c.note).order_by(c.id)
    out: dict[str, list[Correction]] = {}
    asked = [found] if ids is None else [found.where(c.event_id.in_(some)) for some in chunks(ids, 500)]
    for query in asked:
        for row in conn.execute(query):
            out.setdefault(row.event_id, []).append(Correction(row.event_id, row.field, row.value, row.note))
    return out


def _in_window(query: sa.Select[Any], dated_from: dt.date | None, dated_to: dt.date | None) -> sa.Select[Any]:
    e = events_table.c
    if dated_from:
        query = query.where(sa.or_(e.date.is_(None), e.date >= dated_from))
    if dated_to:
        query = query.where(sa.or_(e.date.is_(None), e.date <= dated_to))
    return query
