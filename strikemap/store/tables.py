"""The store's tables and indexes: what a store made today has, for SQLite and PostgreSQL alike.

Older stores reach this shape through the numbered steps in `strikemap.store.migrations`.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from strikemap.errors import StoreDamaged


class _Json(sa.types.TypeDecorator[Any]):
    """JSON that, when a stored value is not JSON, says so as StoreDamaged naming the column."""

    impl = sa.JSON
    cache_ok = True

    def __init__(self, column: str) -> None:
        super().__init__()
        self.column = column

    def result_processor(self, dialect: sa.Dialect, coltype: object) -> Any:
        inner = super().result_processor(dialect, coltype)
        if inner is None:
            return None
        column = self.column

        def process(value: Any) -> Any:
            try:
                return inner(value)
            except ValueError as err:
                raise StoreDamaged(f"a value in {column} is not valid JSON ({err})") from err

        return process


metadata = sa.MetaData()
meta_table = sa.Table(
    "strikemap_meta", metadata, sa.Column("key", sa.String(64), primary_key=True), sa.Column("value", sa.Text)
)
articles_table = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("language", sa.String(8)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.DateTime, nullable=False),
    sa.Column("context", sa.Text),
    sa.Column("began", sa.Date),
    sa.Column("thread", sa.Text),
    sa.Column("posted_at", sa.DateTime),
)
"""context: the posts a Telegram post follows (`Article.context`) as a JSON list, so that extracting
again from the store reads the post as its first ingest did; NULL for any other article. began,
thread and posted_at: the day of the first of them, the post's series and its time, so a post
stored before the posts it follows (from an older export) can be read again with them."""
thread_index = sa.Index("ix_articles_thread", articles_table.c.thread, articles_table.c.posted_at)
reports_table = sa.Table(
    "reports",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), nullable=False, index=True),
    sa.Column("city", sa.String(128), nullable=False),
    sa.Column("date", sa.Date),
    sa.Column("date_precision", sa.String(8)),
    sa.Column("first_day", sa.Date),
    sa.Column("last_day", sa.Date),
    sa.Column("weekday", sa.Integer),
    sa.Column("data", _Json("reports.data"), nullable=False),
    sa.Index("ix_reports_city_date", "city", "date"),
)
"""first_day..last_day and weekday: the days a report without a day could be on, so the reports
that a newly dated event might claim are found with one query."""
LOOSE = sa.or_(
    reports_table.c.date_precision.is_(None), reports_table.c.date_precision != sa.literal_column("'day'")
)
"""Reports without a day: few, and the only ones a newly dated event can claim. The literal lets
SQLite see that a query with this condition may use the partial index below."""
loose_index = sa.Index(
    "ix_reports_loose_window",
    reports_table.c.city,
    reports_table.c.first_day,
    reports_table.c.last_day,
    sqlite_where=LOOSE,
    postgresql_where=LOOSE,
)
"""Partial, so finding the reports a new event may claim never reads the (many) dated ones. It
replaces ix_reports_city_window, over all reports, in stores made before it (migration 7)."""
events_table = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("city", sa.String(128), nullable=False),
    sa.Column("date", sa.Date),
    sa.Column("date_precision", sa.String(8)),
    sa.Column("summary", sa.Text),
    sa.Index("ix_events_city_date", "city", "date"),
)
"""city, date and date_precision: of the report that founds the event, for finding neighbours.
summary: the event as rebuilt from its reports, without them (`summary_json`), so a listing of
many events reads one row per event."""
finished_table = sa.Table(
    "finished",
    metadata,
    sa.Column("event_id", sa.String(32), sa.ForeignKey("events.id"), primary_key=True),
    sa.Column("listed_date", sa.Date),
    sa.Column("listed_city", sa.String(128), nullable=False),
    sa.Column("finished_as", sa.String(32), nullable=False),
    sa.Column("csv_row", sa.Text, nullable=False),
    sa.Column("feature", sa.Text, nullable=False),
    sa.Index("ix_finished_as", "finished_as", "event_id"),
)
"""What an export joins as it is for an event no analyst has reviewed (`export.Kept`): its CSV line
and GeoJSON feature, written as `finished_as`, and the event's own date and city, which order its
listing. A table of its own, so an export reads these and not the summaries beside them (an
events row is about 2 KB, a finished one about 0.9 KB); ix_finished_as finds the events whose
texts do not hold without reading the texts."""
memberships_table = sa.Table(
    "event_reports",
    metadata,
    sa.Column("report_key", sa.String(64), sa.ForeignKey("reports.key"), primary_key=True),
    sa.Column("event_id", sa.String(32), nullable=False, index=True),
)
corrections_table = sa.Table(
    "corrections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(32), nullable=False, index=True),
    sa.Column("field", sa.String(32), nullable=False),
    sa.Column("value", _Json("corrections.value")),
    sa.Column("note", sa.Text),
    sa.Column("created_at", sa.DateTime, nullable=False),
)
pins_table = sa.Table(
    "report_pins",
    metadata,
    sa.Column("report_key", sa.String(64), primary_key=True),
    sa.Column("event_id", sa.String(32), nullable=False),
)
