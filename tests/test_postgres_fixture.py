"""The PostgreSQL fixtures give each test a real, empty database of its own."""

from __future__ import annotations

import sqlalchemy as sa
from conftest import fresh_postgres_database


def _table_names(url: str) -> list[str]:
    """Names of the tables in the public schema of the database at `url`."""
    engine = sa.create_engine(url)
    try:
        return sa.inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_fresh_database_stores_and_reads_back_a_row(fresh_postgres_url: str) -> None:
    """A table created in the fresh database keeps what was inserted into it."""
    engine = sa.create_engine(fresh_postgres_url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("CREATE TABLE strike (id integer PRIMARY KEY, district text NOT NULL)"))
            conn.execute(sa.text("INSERT INTO strike VALUES (1, 'Obolonskyi')"))
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT id, district FROM strike")).all()
            database = conn.execute(sa.text("SELECT current_database()")).scalar_one()
    finally:
        engine.dispose()
    assert [tuple(row) for row in rows] == [(1, "Obolonskyi")]
    assert database.startswith("strikemap_t_")


def test_two_fresh_databases_are_distinct_and_empty(postgres_url: str, fresh_postgres_url: str) -> None:
    """Two fresh databases are different databases, neither is the base one, and both start empty."""
    with fresh_postgres_database(postgres_url) as other_url:
        names = {sa.make_url(url).database for url in (postgres_url, fresh_postgres_url, other_url)}
        assert len(names) == 3
        assert _table_names(fresh_postgres_url) == []
        assert _table_names(other_url) == []

        engine = sa.create_engine(fresh_postgres_url)
        try:
            with engine.begin() as conn:
                conn.execute(sa.text("CREATE TABLE only_here (id integer)"))
        finally:
            engine.dispose()
        assert _table_names(fresh_postgres_url) == ["only_here"]
        assert _table_names(other_url) == []
    assert _database_exists(postgres_url, str(sa.make_url(other_url).database)) is False


def _database_exists(url: str, name: str) -> bool:
    """Whether the server behind `url` has a database called `name`."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            found = conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
    finally:
        engine.dispose()
    return found is not None
