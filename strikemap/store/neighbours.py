"""Which stored events new reports could join: the store's half of the merge stage's candidates.

The days a report may be on are `candidates`' to say; here they become a few indexed queries.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from strikemap.candidates import candidate_days, earliest_first_day, in_window, met_across, midnight
from strikemap.cluster import EventBuilder
from strikemap.models import Report
from strikemap.store.rows import chunks, reports_of
from strikemap.store.tables import LOOSE, events_table, memberships_table, reports_table


def events_near(conn: Connection, reports: Sequence[Report]) -> set[str]:
    """Ids of stored events that these reports could join, or whose reports could join them.

    A full clustering decides each undated report among every event on its possible days;
    regrouping must see the same candidates, so the search is repeated until nothing new is found.
    """
    ids: set[str] = set()
    frontier = list(reports)
    while frontier:
        found = _neighbours(conn, frontier) - ids
        ids |= found
        frontier = [r for rs in reports_of(conn, found).values() for r in rs]
    return ids


def _neighbours(conn: Connection, reports: Sequence[Report]) -> set[str]:
    days: set[tuple[str, dt.date]] = set()
    weekdays: set[tuple[str, int]] = set()
    buckets: set[tuple[str, dt.date | None, str | None]] = set()
    for report in reports:
        when = report.when
        if report.date_precision == "day" and report.date:
            days.add((report.city, report.date))
            continue
        buckets.add((report.city, report.date, report.date_precision))
        if in_window(when):
            days.update((report.city, d) for d in candidate_days(when) or ())
        elif when and when.weekday is not None:
            weekdays.add((report.city, when.weekday))
    e, r, m = events_table.c, reports_table.c, memberships_table.c
    ids = _events_on(conn, days) | _claiming(conn, days) | set(across_midnight_events(conn, reports))
    for city, weekday in weekdays:
        rows = conn.execute(sa.select(e.id, e.date).where(e.city == city, e.date_precision == "day"))
        ids.update(row.id for row in rows if row.date and row.date.weekday() == weekday)
    for city, on, precision in buckets:
        same = sa.select(m.event_id).join(reports_table, r.key == m.report_key).where(r.city == city)
        same = same.where(r.date.is_(None) if on is None else r.date == on)
        same = same.where(r.date_precision.is_(None) if precision is None else r.date_precision == precision)
        ids.update(conn.execute(same).scalars())
    return ids


def across_midnight_events(
    conn: Connection, reports: Sequence[Report], *, held: Mapping[str, EventBuilder] | None = None
) -> dict[str, Sequence[Report]]:
    """Stored events holding the night an evening's report may have begun, or the evening a night's
    report may have begun on (`candidates.one_night`), with their reports.

    Only those: every night has a day before it, and following every event of it would walk back
    through the whole war. ``held``: events an ingest keeps built (`merge.Known`), not read again.
    """
    told = {met_across(crossing) for r in reports if (crossing := midnight(r)) is not None}
    ids = _events_on(conn, {(city, day) for city, day, _ in told})
    if not ids:
        return {}
    held = held or {}
    found: dict[str, Sequence[Report]] = {i: held[i].reports for i in ids if i in held}
    found.update(reports_of(conn, ids - found.keys()))
    return {event_id: rs for event_id, rs in found.items() if any(midnight(r) in told for r in rs)}


def _events_on(conn: Connection, days: set[tuple[str, dt.date]]) -> set[str]:
    return {event_id for ids in events_by_day(conn, days).values() for event_id in ids}


def events_by_day(conn: Connection, days: set[tuple[str, dt.date]]) -> dict[tuple[str, dt.date], set[str]]:
    """Events of these cities on these days, in a few indexed queries whatever the cities."""
    e = events_table.c
    out: dict[tuple[str, dt.date], set[str]] = {}
    by_day: dict[dt.date, set[str]] = {}
    for city, day in days:
        by_day.setdefault(day, set()).add(city)
    for chunk in chunks(sorted(by_day), 200):
        cities = sorted({c for day in chunk for c in by_day[day]})
        rows = conn.execute(sa.select(e.id, e.city, e.date).where(e.city.in_(cities), e.date.in_(chunk)))
        for row in rows:
            if row.city in by_day[row.date]:
                out.setdefault((row.city, row.date), set()).add(row.id)
    return out


def _claiming(conn: Connection, days: set[tuple[str, dt.date]]) -> set[str]:
    return {event_id for ids in claims_by_day(conn, days).values() for event_id in ids}


def claims_by_day(conn: Connection, days: set[tuple[str, dt.date]]) -> dict[tuple[str, dt.date], set[str]]:
    """Events with a report without a day that could be on one of these days of its city, by day."""
    if not days:
        return {}
    r, m = reports_table.c, memberships_table.c
    wanted: dict[str, set[dt.date]] = {}
    for city, day in days:
        wanted.setdefault(city, set()).add(day)
    first, last = min(day for _, day in days), max(day for _, day in days)
    near = sa.and_(r.first_day >= earliest_first_day(first), r.first_day <= last)
    out: dict[tuple[str, dt.date], set[str]] = {}
    claims = sa.select(m.event_id, r.city, r.first_day, r.last_day, r.weekday)
    claims = claims.join(reports_table, r.key == m.report_key).where(LOOSE)
    for cities, days_known in itertools.product(chunks(sorted(wanted), 200), (False, True)):
        claim = claims.where(r.city.in_(cities), near if days_known else r.first_day.is_(None))
        for row in conn.execute(claim):
            for d in wanted[row.city]:
                if row.weekday in (None, d.weekday()) and (
                    (row.first_day is None and row.weekday is not None)
                    or (row.first_day is not None and row.first_day <= d <= row.last_day)
                ):
                    out.setdefault((row.city, d), set()).add(row.event_id)
    return out
