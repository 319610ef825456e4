"""The store's queries within one transaction: what readers ask (the events of a date window, their
summaries, analysts' corrections) and what ingest, merging and review read and write.

`query` turns readers' answers into what the command line, the dashboard and exports show; which
stored events new reports could join is `neighbours`'.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from strikemap.cluster import head_key, make_event
from strikemap.export import Kept, kept
from strikemap.models import Article, Report
from strikemap.store.rows import article_from_row, article_row, chunks, finished_row, report_row
from strikemap.store.tables import (
    articles_table,
    corrections_table,
    events_table,
    finished_table,
    memberships_table,
    meta_table,
    pins_table,
    reports_table,
)


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


def finished_texts(conn: Connection, column: str, finished_as: str) -> Sequence[Any]:
    """(id, listed_date, listed_city, text) of each event no analyst has reviewed whose finished
    ``column`` (csv_row or feature) is ``finished_as``, as its listing orders them: by date, undated
    last, then city and id, compared as Python compares them."""
    f, c = finished_table.c, corrections_table.c
    found = sa.select(f.event_id.label("id"), f.listed_date, f.listed_city, f[column].label("text")).where(
        f.finished_as == finished_as, f.event_id.not_in(sa.select(c.event_id))
    )
    city, ident = _code_points(conn, f.listed_city), _code_points(conn, f.event_id)
    return conn.execute(found.order_by(f.listed_date.is_(None), f.listed_date, city, ident)).all()


def unfinished_summaries(conn: Connection, finished_as: str) -> Sequence[tuple[str, str]]:
    """(id, summary JSON) of each event with a summary that `finished_texts` leaves out, in no set
    order: those an analyst reviewed, and any whose texts are missing or not ``finished_as``."""
    e, f, c = events_table.c, finished_table.c, corrections_table.c
    holds = sa.select(f.event_id).where(
        f.finished_as == finished_as, f.event_id.not_in(sa.select(c.event_id))
    )
    others = sa.select(e.id).except_(holds)  # the ids alone, from the key's index: not every summary
    return conn.execute(sa.select(e.id, e.summary).where(e.id.in_(others), e.summary.is_not(None))).all()


def _code_points(conn: Connection, column: sa.ColumnElement[str]) -> sa.ColumnElement[str]:
    """The column as ordered by code point, as Python orders text (PostgreSQL's own collation
    may not; SQLite's does)."""
    return column if conn.dialect.name == "sqlite" else column.collate("C")


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


# What ingest, merging and review read and write


def present_articles(conn: Connection, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for chunk in chunks(ids, 500):
        rows = conn.execute(sa.select(articles_table.c.id).where(articles_table.c.id.in_(chunk)))
        found.update(r.id for r in rows)
    return found


def article_texts(conn: Connection, ids: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    a = articles_table.c
    for chunk in chunks(ids, 500):
        found.update((r.id, r.text) for r in conn.execute(sa.select(a.id, a.text).where(a.id.in_(chunk))))
    return found


def replace_articles(
    conn: Connection, articles: Sequence[Article], reports: Sequence[Report]
) -> dict[str, str]:
    """Store new versions of stored articles (an edited post) with their new reports.

    The old reports leave their events, which the caller regroups; returned as {report key:
    event id}. A pin on a report key that the new version no longer has goes with it.
    """
    r, m, p = reports_table.c, memberships_table.c, pins_table.c
    kept = {x.key for x in reports}
    old: dict[str, str] = {}
    for chunk in chunks([a.id for a in articles], 500):
        keys = sa.select(r.key).where(r.article_id.in_(chunk))
        held = conn.execute(sa.select(m.report_key, m.event_id).where(m.report_key.in_(keys)))
        old.update((row.report_key, row.event_id) for row in held)
        stale = [k for k in conn.execute(keys).scalars() if k not in kept]
        for some in chunks(stale, 500):
            conn.execute(sa.delete(pins_table).where(p.report_key.in_(some)))
        conn.execute(sa.delete(memberships_table).where(m.report_key.in_(keys)))
        conn.execute(sa.delete(reports_table).where(r.article_id.in_(chunk)))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = [{f"new_{k}": v for k, v in article_row(a, now).items()} for a in articles]
    if rows:  # bound under other names: a column's own name is reserved for its SET clause
        columns: dict[str, Any] = {k.removeprefix("new_"): sa.bindparam(k) for k in rows[0] if k != "new_id"}
        where = articles_table.c.id == sa.bindparam("new_id")
        conn.execute(sa.update(articles_table).where(where).values(columns), rows)
    if reports:
        conn.execute(sa.insert(reports_table), [report_row(x) for x in reports])
    return old


def thread_posts(conn: Connection, thread: str, first: dt.datetime, last: dt.datetime) -> list[Article]:
    """The stored posts of one series posted between ``first`` and ``last``, in time order."""
    a = articles_table.c
    found = sa.select(articles_table).where(a.thread == thread, a.posted_at >= first, a.posted_at <= last)
    return [article_from_row(row) for row in conn.execute(found.order_by(a.posted_at, a.id))]


def insert_articles(conn: Connection, articles: Sequence[Article], reports: Sequence[Report]) -> None:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    if articles:
        conn.execute(sa.insert(articles_table), [article_row(a, now) for a in articles])
    if reports:
        conn.execute(sa.insert(reports_table), [report_row(r) for r in reports])


def pins_for(conn: Connection, report_keys: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    p = pins_table.c
    for chunk in chunks(sorted(set(report_keys)), 500):
        out.update(
            {
                r.report_key: r.event_id
                for r in conn.execute(sa.select(pins_table).where(p.report_key.in_(chunk)))
            }
        )
    return out


def pinned_events(conn: Connection, event_ids: Iterable[str]) -> set[str]:
    """Events that pins elsewhere point into, so a regroup can load them too."""
    p = pins_table.c
    m = memberships_table.c
    out: set[str] = set()
    for chunk in chunks(sorted(set(event_ids)), 500):
        keys = sa.select(m.report_key).where(m.event_id.in_(chunk))
        out.update(conn.execute(sa.select(p.event_id).where(p.report_key.in_(keys))).scalars())
    return out


def pin(conn: Connection, keys: Sequence[str], event_id: str) -> None:
    """An analyst's decision that these reports belong to this event, whatever the clustering says."""
    p = pins_table.c
    for chunk in chunks(list(keys), 500):
        conn.execute(sa.delete(pins_table).where(p.report_key.in_(chunk)))
        conn.execute(sa.insert(pins_table), [{"report_key": k, "event_id": event_id} for k in chunk])


def add_correction(conn: Connection, event_id: str, field: str, value: Any, note: str | None) -> None:
    """An analyst's value for one field of an event, stored beside the machine's, never over it."""
    conn.execute(
        sa.insert(corrections_table).values(
            event_id=event_id, field=field, value=value, note=note,
            created_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
        )
    )  # fmt: skip


def replace_events(
    conn: Connection, old_ids: Iterable[str], events: Sequence[tuple[str, Sequence[Report]]]
) -> None:
    """Swap a set of stored events for regrouped ones (id, reports)."""
    old = sorted(set(old_ids))
    m = memberships_table.c
    for chunk in chunks(old, 500):
        conn.execute(sa.delete(memberships_table).where(m.event_id.in_(chunk)))
        conn.execute(sa.delete(finished_table).where(finished_table.c.event_id.in_(chunk)))
        conn.execute(sa.delete(events_table).where(events_table.c.id.in_(chunk)))
    rows: list[dict[str, Any]] = []
    finished: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    dated = [r.key for _, reports in events for r in reports if r.date_precision == "day"]
    stored = _stored_dates(conn, dated)
    for event_id, reports in events:
        first = _event_head(reports)
        as_stored = [_redated(r, stored.get(r.key)) for r in reports]
        made = kept(make_event(as_stored, event_id=event_id))
        rows.append(
            {"id": event_id, "city": first.city, "date": first.date, "date_precision": first.date_precision,
             "summary": made.summary}
        )  # fmt: skip
        finished.append(finished_row(event_id, made))
        links.extend({"report_key": r.key, "event_id": event_id} for r in reports)
    if rows:
        conn.execute(sa.insert(events_table), rows)
        conn.execute(sa.insert(finished_table), finished)
        conn.execute(sa.insert(memberships_table), links)


def grow_events(conn: Connection, events: Sequence[tuple[str, Report, Kept, Sequence[str], bool]]) -> None:
    """Write events that only gained reports: (id, head report, what is kept of the event, new report
    keys, is new).

    What `replace_events` would write for them, without deleting and rewriting the memberships
    they keep, so an event that keeps growing costs each batch only its new reports.
    """
    e = events_table.c
    rows = [
        {"id": i, "city": h.city, "date": h.date, "date_precision": h.date_precision, "summary": k.summary}
        for i, h, k, _, new in events
        if new
    ]
    changed = [
        {
            "event_id": i,
            "city": h.city,
            "date": h.date,
            "date_precision": h.date_precision,
            "summary": k.summary,
        }
        for i, h, k, _, new in events
        if not new
    ]
    links = [{"report_key": k, "event_id": i} for i, _, _, keys, _ in events for k in keys]
    if rows:
        conn.execute(sa.insert(events_table), rows)
    if changed:
        update = sa.update(events_table).where(e.id == sa.bindparam("event_id"))
        columns: dict[str, Any] = {
            name: sa.bindparam(name) for name in ("city", "date", "date_precision", "summary")
        }
        conn.execute(update.values(columns), changed)
    write_finished(conn, [finished_row(i, k) for i, _, k, _, _ in events])
    if links:
        conn.execute(sa.insert(memberships_table), links)


def write_finished(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Write these events' finished rows (`rows.finished_row`), over any they had."""
    for chunk in chunks(rows, 500):
        ids = [row["event_id"] for row in chunk]
        conn.execute(sa.delete(finished_table).where(finished_table.c.event_id.in_(ids)))
        conn.execute(sa.insert(finished_table), list(chunk))


def write_count(conn: Connection) -> int:
    """The store's generation as this transaction sees it (see `generation`)."""
    value = conn.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "generation")).scalar()
    return int(value or 0)


def _stored_dates(conn: Connection, keys: Sequence[str]) -> dict[str, tuple[dt.date | None, str | None]]:
    r = reports_table.c
    out: dict[str, tuple[dt.date | None, str | None]] = {}
    for chunk in chunks(sorted(set(keys)), 500):
        for row in conn.execute(sa.select(r.key, r.date, r.date_precision).where(r.key.in_(chunk))):
            out[row.key] = (row.date, row.date_precision)
    return out


def _redated(report: Report, stored: tuple[dt.date | None, str | None] | None) -> Report:
    """The report with the date it is stored with: the merger dates undated reports it joins to a
    day, but an event read back is rebuilt from the stored reports, and its summary must match."""
    if stored is None or stored == (report.date, report.date_precision):
        return report
    return replace(report, date=stored[0], date_precision=stored[1])  # type: ignore[arg-type]


def _event_head(reports: Sequence[Report]) -> Report:
    return min(reports, key=head_key)


def existing_event_ids(conn: Connection, ids: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for chunk in chunks(sorted(set(ids)), 500):
        found.update(conn.execute(sa.select(events_table.c.id).where(events_table.c.id.in_(chunk))).scalars())
    return found


def all_articles(conn: Connection) -> list[Article]:
    return [
        article_from_row(r) for r in conn.execute(sa.select(articles_table).order_by(articles_table.c.id))
    ]


def all_event_ids(conn: Connection) -> list[str]:
    return list(conn.execute(sa.select(events_table.c.id)).scalars())


def replace_reports(conn: Connection, reports: Sequence[Report]) -> None:
    """Swap every stored report for freshly extracted ones (events are rebuilt after)."""
    conn.execute(sa.delete(memberships_table))
    conn.execute(sa.delete(reports_table))
    keys = {r.key for r in reports}
    stale = [k for k in conn.execute(sa.select(pins_table.c.report_key)).scalars() if k not in keys]
    for chunk in chunks(stale, 500):
        conn.execute(sa.delete(pins_table).where(pins_table.c.report_key.in_(chunk)))
    if reports:
        conn.execute(sa.insert(reports_table), [report_row(r) for r in reports])
