"""The event store: articles, reports, events and analysts' corrections, in SQLite or PostgreSQL.

All SQL lives in this package: `tables` (what a store holds), `migrations` (numbered upgrade steps
for older stores), `rows` (rows to value objects and back), `queries` (what readers ask) and, here,
the engine, opening a store and the queries of ingest and review. Writes happen one batch per
transaction under a store-wide lock, so a killed ingest leaves whole batches or nothing, and two
ingests at once take turns.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from strikemap.candidates import candidate_days, earliest_first_day, in_window, met_across, midnight
from strikemap.cluster import EventBuilder, head_key, make_event
from strikemap.errors import ConfigError, StoreDamaged, StoreError
from strikemap.models import Article, Report
from strikemap.store.migrations import MIGRATIONS, SCHEMA_VERSION, Migration, stored_version, upgrade
from strikemap.store.queries import Correction, corrections, event_ids, event_summaries, oldest_event_ids
from strikemap.store.rows import (
    article_from_row,
    article_row,
    chunks,
    report_from_row,
    report_row,
    reports_of,
    summary_json,
)
from strikemap.store.tables import (
    LOOSE,
    articles_table,
    corrections_table,
    events_table,
    loose_index,
    memberships_table,
    meta_table,
    metadata,
    pins_table,
    reports_table,
    thread_index,
)

__all__ = [
    "LOOSE", "MIGRATIONS", "SCHEMA_VERSION", "Connection", "Correction", "Counts", "Migration", "Store",
    "add_correction", "all_articles", "all_event_ids", "article_from_row", "article_row",
    "article_texts", "articles_table", "claims_by_day", "corrections", "corrections_table", "counts",
    "database_url", "default_path", "event_ids", "event_summaries", "events_by_day", "events_near",
    "events_table", "existing_event_ids", "generation", "grow_events", "insert_articles",
    "loose_index", "memberships_table", "meta_table", "metadata", "oldest_event_ids", "open_store",
    "pin", "pinned_events", "pins_for", "pins_table", "present_articles", "replace_articles",
    "replace_events", "replace_reports", "report_from_row", "report_row", "reports_of",
    "reports_table", "set_setting", "setting", "summary_json", "thread_index", "thread_posts",
    "upgrade", "write_count",
]  # fmt: skip

_LOCK_KEY = 727274  # any constant: the advisory lock that serialises writers on PostgreSQL


def default_path() -> Path:
    """Where the SQLite store lives unless told otherwise: the user's data folder."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "strikemap" / "strikemap.sqlite"


def database_url(given: str | None = None, *, create: bool = True) -> str:
    """The store's URL from an option, STRIKEMAP_DB, or the default SQLite file (whose folder is
    made unless create is false)."""
    url = given or os.environ.get("STRIKEMAP_DB") or ""
    if not url:
        path = default_path()
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser()}"
    if not url.startswith(("sqlite:", "postgresql")):
        raise ConfigError(f"unsupported database URL {url!r}: expected a SQLite path or postgresql://...")
    return url


class Store:
    """A handle on one store; every method opens and closes its own transaction.

    With read_only=True nothing is created, upgraded or written, so a store on a read-only disk
    or folder can be read, and the database refuses any write. A store too damaged to use raises
    StoreError naming it (StoreDamaged when its file, schema version or a row is unreadable).
    """

    def __init__(
        self, url: str | None = None, *, engine: Engine | None = None, read_only: bool = False
    ) -> None:
        self.url = database_url(url, create=not read_only)
        self.read_only = read_only
        self.engine = engine or _engine(self.url, read_only=read_only)
        if read_only:
            self._check_schema()
        else:
            self._ensure_schema()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction holding the store-wide writer lock."""
        try:
            with self.engine.begin() as conn:
                if not self.is_sqlite:
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
                yield conn
                _bump_generation(conn)
        except StoreDamaged as err:
            raise self._damaged(err) from err
        except sa.exc.IntegrityError:
            raise
        except sa.exc.DatabaseError as err:
            raise self._failed("write to", err) from err

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except StoreDamaged as err:
            raise self._damaged(err) from err
        except sa.exc.DatabaseError as err:
            raise self._failed("read", err) from err

    def _damaged(self, err: StoreDamaged) -> StoreDamaged:
        return err if err.store else StoreDamaged(err.reason, store=self.safe_url)

    def _failed(self, doing: str, err: sa.exc.DatabaseError) -> StoreError:
        if type(err) is sa.exc.DatabaseError:  # not a database, or a damaged one (not busy, not absent)
            return StoreDamaged(_reason(err), store=self.safe_url)
        return StoreError(f"cannot {doing} the store at {self.safe_url}: {_reason(err)}")

    @property
    def safe_url(self) -> str:
        return sa.engine.make_url(self.url).render_as_string(hide_password=True)

    def _ensure_schema(self) -> None:
        """Create or upgrade the store when it needs it. An up-to-date store is only read, so
        opening it writes nothing and leaves the write counter, and every reader's cache, alone."""
        try:
            version = self._read_version()
        except StoreDamaged:
            raise
        except StoreError:
            version = None  # the write below says why it cannot open a store it was asked to write to
        if version is not None and version > SCHEMA_VERSION:
            raise self._newer(version)
        if version == SCHEMA_VERSION:
            return
        with self.writing() as conn:
            metadata.create_all(conn, checkfirst=True)
            version = stored_version(conn)  # again under the lock: another writer may have been first
            if version is None:
                conn.execute(sa.insert(meta_table).values(key="schema_version", value=str(SCHEMA_VERSION)))
            elif version > SCHEMA_VERSION:
                raise self._newer(version)
            else:
                upgrade(conn, version)

    def _check_schema(self) -> None:
        """For reading only: the store must exist and have a schema this strikemap reads."""
        file = _sqlite_file(self.url)
        if file is not None and not file.is_file():
            raise StoreError(f"no store at {file}: nothing was ingested there (check --db or STRIKEMAP_DB)")
        try:
            version = self._read_version()
        except StoreDamaged:
            raise
        except StoreError:
            if file is None:
                raise
            # Reading an SQLite file in WAL mode needs a shared-memory file beside it, which a
            # read-only folder cannot take; immutable=1 reads the file as it stands instead.
            self.engine.dispose()
            self.engine = _engine(self.url, read_only=True, immutable=True)
            version = self._read_version()
        if version is None:
            raise StoreDamaged("it is not a strikemap store (it has no schema version)", store=self.safe_url)
        if version > SCHEMA_VERSION:
            raise self._newer(version)
        if version < SCHEMA_VERSION:
            # Upgrading is the one write that reading may need, once per store.
            try:
                Store(self.url).close()
            except StoreError as err:
                raise StoreError(
                    f"the store at {self.safe_url} has schema version {version} and must be upgraded "
                    f"to {SCHEMA_VERSION} before it can be read, which needs write access once: {err}"
                ) from err

    def _read_version(self) -> int | None:
        with self.reading() as conn:
            return stored_version(conn)

    def _newer(self, version: int) -> StoreError:
        return StoreError(
            f"the store at {self.safe_url} has schema version {version}, newer than this "
            f"strikemap understands ({SCHEMA_VERSION}): upgrade strikemap"
        )

    def close(self) -> None:
        self.engine.dispose()


def open_store(url: str | None = None) -> Store:
    """The store for a reader that also writes when it can, like the dashboard: a store that cannot
    be opened for writing (on a read-only disk, say) is opened read-only, and writes to it fail."""
    try:
        return Store(url)
    except StoreDamaged:
        raise
    except StoreError as err:
        logging.getLogger("strikemap").warning("%s; opening it read-only", err)
        return Store(url, read_only=True)


def _reason(err: sa.exc.DBAPIError) -> str:
    """The database's own words, without SQLAlchemy's statement dump and background link."""
    return str(err.orig).strip() or type(err.orig).__name__


def _sqlite_file(url: str) -> Path | None:
    """The file of an SQLite store; None for PostgreSQL or an in-memory database."""
    parsed = sa.engine.make_url(url)
    name = parsed.database
    if parsed.get_backend_name() != "sqlite" or not name or name == ":memory:":
        return None
    return Path(name).expanduser()


def _bump_generation(conn: Connection) -> None:
    """Count writes, so readers that cache can tell when the store changed."""
    m = meta_table.c
    updated = conn.execute(
        sa.update(meta_table)
        .where(m.key == "generation")
        .values(value=sa.cast(sa.cast(m.value, sa.Integer) + 1, sa.Text))
    )
    if updated.rowcount == 0 and meta_table in _tables(conn):
        conn.execute(sa.insert(meta_table).values(key="generation", value="1"))


def _tables(conn: Connection) -> list[sa.Table]:
    return [meta_table] if sa.inspect(conn).has_table("strikemap_meta") else []


def generation(store: Store) -> int:
    """How many write transactions the store has seen; changes whenever its content may have."""
    with store.reading() as conn:
        value = conn.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "generation")).scalar()
    return int(value or 0)


def setting(store: Store, key: str) -> str | None:
    """A choice the dashboard keeps with the data, such as hiding the demo; None when never made."""
    with store.reading() as conn:
        found = sa.select(meta_table.c.value).where(meta_table.c.key == f"setting:{key}")
        value = conn.execute(found).scalar()
    return None if value is None else str(value)


def set_setting(store: Store, key: str, value: str) -> None:
    with store.writing() as conn:
        conn.execute(sa.delete(meta_table).where(meta_table.c.key == f"setting:{key}"))
        conn.execute(sa.insert(meta_table).values(key=f"setting:{key}", value=value))


def _engine(url: str, *, read_only: bool = False, immutable: bool = False) -> Engine:
    """An engine for the store; a read-only one never writes, not even SQLite's journal mode."""
    file = _sqlite_file(url)
    if url.startswith("sqlite"):
        if read_only and file is not None:
            uri = {"uri": "true", "mode": "ro", **({"immutable": "1"} if immutable else {})}
            parsed = sa.engine.make_url(url)
            url = parsed.set(
                database=f"file:{quote(str(file.absolute()))}", query={**parsed.query, **uri}
            ).render_as_string(hide_password=False)
        engine = sa.create_engine(url, connect_args={"timeout": 60})

        @sa.event.listens_for(engine, "connect")
        def _connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None
            dbapi_conn.execute("PRAGMA busy_timeout = 60000")
            if read_only:
                dbapi_conn.execute("PRAGMA query_only = ON")
                return
            dbapi_conn.execute("PRAGMA journal_mode = WAL")
            dbapi_conn.execute("PRAGMA foreign_keys = ON")

        @sa.event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            # A reader's transaction takes no write lock; a writer's takes it at once.
            conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

        return engine
    if read_only:
        return sa.create_engine(
            url, pool_pre_ping=True, connect_args={"options": "-c default_transaction_read_only=on"}
        )
    return sa.create_engine(url, pool_pre_ping=True)


# Queries used by ingest and review


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
        conn.execute(sa.delete(events_table).where(events_table.c.id.in_(chunk)))
    rows: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    dated = [r.key for _, reports in events for r in reports if r.date_precision == "day"]
    stored = _stored_dates(conn, dated)
    for event_id, reports in events:
        first = _event_head(reports)
        as_stored = [_redated(r, stored.get(r.key)) for r in reports]
        rows.append(
            {"id": event_id, "city": first.city, "date": first.date, "date_precision": first.date_precision,
             "summary": summary_json(make_event(as_stored, event_id=event_id))}
        )  # fmt: skip
        links.extend({"report_key": r.key, "event_id": event_id} for r in reports)
    if rows:
        conn.execute(sa.insert(events_table), rows)
        conn.execute(sa.insert(memberships_table), links)


def grow_events(conn: Connection, events: Sequence[tuple[str, Report, str, Sequence[str], bool]]) -> None:
    """Write events that only gained reports: (id, head report, summary, new report keys, is new).

    What `replace_events` would write for them, without deleting and rewriting the memberships
    they keep, so an event that keeps growing costs each batch only its new reports.
    """
    e = events_table.c
    rows = [
        {"id": i, "city": h.city, "date": h.date, "date_precision": h.date_precision, "summary": s}
        for i, h, s, _, new in events
        if new
    ]
    changed = [
        {"event_id": i, "city": h.city, "date": h.date, "date_precision": h.date_precision, "summary": s}
        for i, h, s, _, new in events
        if not new
    ]
    links = [{"report_key": k, "event_id": i} for i, _, _, keys, _ in events for k in keys]
    if rows:
        conn.execute(sa.insert(events_table), rows)
    if changed:
        update = sa.update(events_table).where(e.id == sa.bindparam("event_id"))
        conn.execute(
            update.values(
                city=sa.bindparam("city"),
                date=sa.bindparam("date"),
                date_precision=sa.bindparam("date_precision"),
                summary=sa.bindparam("summary"),
            ),
            changed,
        )
    if links:
        conn.execute(sa.insert(memberships_table), links)


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


@dataclass(frozen=True, slots=True)
class Counts:
    articles: int
    reports: int
    events: int
    corrections: int


def counts(store: Store) -> Counts:
    with store.reading() as conn:

        def count(table: sa.Table) -> int:
            return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())

        return Counts(
            count(articles_table), count(reports_table), count(events_table), count(corrections_table)
        )


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
