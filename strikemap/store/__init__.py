"""The event store: articles, reports, events and analysts' corrections, in SQLite or PostgreSQL.

All SQL lives in this package: `tables` (what a store holds), `migrations` (numbered upgrade steps
for older stores), `rows` (rows to value objects and back), `queries` (what readers, ingest and
review ask within a transaction), `neighbours` (which stored events new reports could join) and,
here, the engine and opening a store. Writes happen one batch per transaction under a store-wide
lock, so a killed ingest leaves whole batches or nothing, and two ingests at once take turns.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from strikemap.errors import ConfigError, StoreDamaged, StoreError
from strikemap.export import kept, summary_json
from strikemap.store.migrations import MIGRATIONS, SCHEMA_VERSION, Migration, stored_version, upgrade
from strikemap.store.neighbours import across_midnight_events, claims_by_day, events_by_day, events_near
from strikemap.store.queries import (
    Correction,
    add_correction,
    all_articles,
    all_event_ids,
    article_texts,
    corrections,
    event_ids,
    event_summaries,
    existing_event_ids,
    finished_texts,
    grow_events,
    insert_articles,
    oldest_event_ids,
    pin,
    pinned_events,
    pins_for,
    present_articles,
    replace_articles,
    replace_events,
    replace_reports,
    thread_posts,
    unfinished_summaries,
    write_count,
)
from strikemap.store.rows import (
    article_from_row,
    article_row,
    report_from_row,
    report_row,
    report_sources,
    reports_of,
)
from strikemap.store.tables import (
    LOOSE,
    articles_table,
    corrections_table,
    events_table,
    finished_table,
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
    "across_midnight_events", "add_correction", "all_articles", "all_event_ids", "article_from_row",
    "article_row", "article_texts", "articles_table", "claims_by_day", "corrections",
    "corrections_table", "counts", "database_url", "default_path", "event_ids", "event_summaries",
    "events_by_day", "events_near", "events_table", "existing_event_ids", "finished_table", "finished_texts",
    "generation", "grow_events", "insert_articles", "kept", "loose_index", "memberships_table",
    "meta_table", "metadata", "oldest_event_ids", "open_store", "pin", "pinned_events", "pins_for",
    "pins_table", "present_articles", "replace_articles", "replace_events", "replace_reports",
    "report_from_row", "report_row", "report_sources", "reports_of", "reports_table", "set_setting",
    "setting", "summary_json", "thread_index", "thread_posts", "unfinished_summaries", "upgrade",
    "write_count",
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


CONNECT_SECONDS = 10
"""How long a new PostgreSQL connection may wait for the server to answer. libpq waits for ever, so a
server that never answers held the dashboard's start and every page; a URL's own connect_timeout wins."""


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
    wait = {} if "connect_timeout" in sa.engine.make_url(url).query else {"connect_timeout": CONNECT_SECONDS}
    if read_only:
        return sa.create_engine(
            url, pool_pre_ping=True, connect_args={"options": "-c default_transaction_read_only=on", **wait}
        )
    return sa.create_engine(url, pool_pre_ping=True, connect_args=wait)


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
