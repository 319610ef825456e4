"""Upgrading a store made by an older strikemap, as numbered steps run once each, in order.

A store records the last step it has had (its schema version); opening it runs the steps after that,
in the opening transaction. A change to the tables adds a step here and the same change to `tables`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from strikemap.cluster import make_event
from strikemap.errors import StoreDamaged
from strikemap.export import kept
from strikemap.language import detect
from strikemap.store.queries import write_finished
from strikemap.store.rows import chunks, finished_row, from_iso, reports_of
from strikemap.store.tables import (
    articles_table,
    events_table,
    finished_table,
    loose_index,
    meta_table,
    reports_table,
    thread_index,
)


def stored_version(conn: Connection) -> int | None:
    """The store's schema version; None when it has none yet (a new, empty database)."""
    if not sa.inspect(conn).has_table("strikemap_meta"):
        return None
    m = meta_table.c
    value = conn.execute(sa.select(m.value).where(m.key == "schema_version")).scalar()
    if value is None:
        return None
    if not str(value).isdecimal() or len(str(value)) > 6:
        raise StoreDamaged(f"its schema version is {str(value)[:40]!r}, not a number")
    return int(value)


def _add_report_windows(conn: Connection) -> None:
    """Reports keep the days they could be on, so the events a new report may join are found by one
    query instead of by reading every report of the city."""
    inspector = sa.inspect(conn)
    present = {c["name"] for c in inspector.get_columns("reports")}
    for column in ("first_day DATE", "last_day DATE", "weekday INTEGER"):
        if column.split()[0] not in present:
            conn.execute(sa.text(f"ALTER TABLE reports ADD COLUMN {column}"))
    r = reports_table.c
    for row in conn.execute(sa.select(r.key, r.data)).all():
        data = row.data if isinstance(row.data, dict) else json.loads(row.data)
        first, last, weekday = data.get("when") or (None, None, None)
        conn.execute(
            sa.update(reports_table)
            .where(r.key == row.key)
            .values(first_day=from_iso(first), last_day=from_iso(last), weekday=weekday)
        )


def _add_event_summaries(conn: Connection) -> None:
    """Events keep their summary, so a listing or an export reads one row per event instead of
    rebuilding every event from its reports."""
    if "summary" not in {c["name"] for c in sa.inspect(conn).get_columns("events")}:
        conn.execute(sa.text("ALTER TABLE events ADD COLUMN summary TEXT"))
    _fill_summaries(conn)


def _add_languages(conn: Connection) -> None:
    """Articles, their reports and the events' summaries say the article's language, so events can
    be filtered by it; stored articles are labelled by detecting it from their text."""
    if "language" not in {c["name"] for c in sa.inspect(conn).get_columns("articles")}:
        conn.execute(sa.text("ALTER TABLE articles ADD COLUMN language VARCHAR(8)"))
    a, r = articles_table.c, reports_table.c
    label = sa.update(articles_table).where(a.id == sa.bindparam("article_id"))
    fill = sa.update(reports_table).where(r.key == sa.bindparam("report_key"))
    ids = sorted(conn.execute(sa.select(a.id)).scalars())
    for chunk in chunks(ids, 500):
        found = {
            row.id: detect(row.text) for row in conn.execute(sa.select(a.id, a.text).where(a.id.in_(chunk)))
        }
        if found:
            rows = [{"article_id": i, "language": language} for i, language in found.items()]
            conn.execute(label.values(language=sa.bindparam("language")), rows)
        reports = [
            {"report_key": row.key, "data": {**_data(row), "language": found[row.article_id]}}
            for row in conn.execute(sa.select(r.key, r.article_id, r.data).where(r.article_id.in_(chunk)))
        ]
        if reports:
            conn.execute(fill.values(data=sa.bindparam("data")), reports)
    _fill_summaries(conn)


def _add_contexts(conn: Connection) -> None:
    """Articles keep the Telegram posts they follow, so extracting again reads a post as its first
    ingest did. Posts stored before have none to add."""
    if "context" not in {c["name"] for c in sa.inspect(conn).get_columns("articles")}:
        conn.execute(sa.text("ALTER TABLE articles ADD COLUMN context TEXT"))


def _add_threads(conn: Connection) -> None:
    """Posts keep their series and time, so a post stored before the posts it follows can be read
    again with them. Posts stored before have neither (their time was not stored), so only posts
    stored from now on are."""
    present = {c["name"] for c in sa.inspect(conn).get_columns("articles")}
    for column in ("began DATE", "thread TEXT", f"posted_at {_timestamp(conn)}"):
        if column.split()[0] not in present:
            conn.execute(sa.text(f"ALTER TABLE articles ADD COLUMN {column}"))
    thread_index.create(conn, checkfirst=True)


def _timestamp(conn: Connection) -> str:
    return "DATETIME" if conn.dialect.name == "sqlite" else "TIMESTAMP WITHOUT TIME ZONE"


def _data(row: Any) -> dict[str, Any]:
    return dict(row.data) if isinstance(row.data, dict) else json.loads(row.data)


def _fill_summaries(conn: Connection) -> None:
    """Write every event's summary anew from its reports, and its finished row (`export.kept`)
    where the store has their table."""
    finishing = sa.inspect(conn).has_table(finished_table.name)
    ids = sorted(conn.execute(sa.select(events_table.c.id)).scalars())
    fill = sa.update(events_table).where(events_table.c.id == sa.bindparam("event_id"))
    for chunk in chunks(ids, 2000):
        made = {i: kept(make_event(reports, event_id=i)) for i, reports in reports_of(conn, chunk).items()}
        if made:
            summaries = [{"event_id": i, "summary": k.summary} for i, k in made.items()]
            conn.execute(fill.values(summary=sa.bindparam("summary")), summaries)
        if made and finishing:
            write_finished(conn, [finished_row(i, k) for i, k in made.items()])


def _swap_window_index(conn: Connection) -> None:
    """Finding the reports a new event may claim reads a partial index over the reports without a
    day (`loose_index`) instead of ix_reports_city_window over every report: the dated ones are
    most and never claimable. Stores made before have the old index, which this drops, once."""
    conn.execute(sa.text("DROP INDEX IF EXISTS ix_reports_city_window"))
    loose_index.create(conn, checkfirst=True)


def _finish_summaries(conn: Connection) -> None:
    """Summaries carry their event's finished export columns (`export.summary_json`), so an export
    of many events writes what is stored instead of reading each event back first."""
    _fill_summaries(conn)


def _keep_finished_texts(conn: Connection) -> None:
    """Events keep the CSV line and GeoJSON feature they go out as, and the date and city their
    listing is ordered by, in a table of their own (`finished_table`), so an export joins them
    in SQL order instead of building each row and feature from a summary."""
    finished_table.create(conn, checkfirst=True)
    _fill_summaries(conn)


@dataclass(frozen=True, slots=True)
class Migration:
    """One upgrade step: what takes a store from schema version ``version - 1`` to ``version``."""

    version: int
    change: Callable[[Connection], None]


MIGRATIONS = (
    Migration(2, _add_report_windows),
    Migration(3, _add_event_summaries),
    Migration(4, _add_languages),
    Migration(5, _add_contexts),
    Migration(6, _add_threads),
    Migration(7, _swap_window_index),
    Migration(8, _finish_summaries),
    Migration(9, _keep_finished_texts),
)
"""Every upgrade in order. A new one goes at the end with the next number; a store made now has
what they all add (`metadata`), so it starts at the last version."""
SCHEMA_VERSION = MIGRATIONS[-1].version


def upgrade(conn: Connection, version: int) -> None:
    """Take a store at an older schema version to the current one, one step after another, inside
    the caller's transaction, recording each version reached."""
    for step in MIGRATIONS:
        if step.version > version:
            step.change(conn)
            conn.execute(
                sa.update(meta_table)
                .where(meta_table.c.key == "schema_version")
                .values(value=str(step.version))
            )
