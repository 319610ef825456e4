"""Upgrading a store: one from any earlier schema version reaches the current one in one open, with
what a store made today has and the same rows; an up-to-date one is opened without a write."""

from __future__ import annotations

import json
from typing import Any

import pytest
import sqlalchemy as sa
from conftest import ROOT
from sqlalchemy.engine import Connection

from strikemap import store as sm
from strikemap.ingest import ingest
from strikemap.query import find
from strikemap.read import read_paths

CORPUS = ROOT / "tests" / "fixtures" / "corpus"
OLDER = range(1, sm.SCHEMA_VERSION)


def as_at(conn: Connection, version: int) -> None:
    """Make a store of today look as one left at ``version`` did: without the columns and indexes
    the later steps add, and with the index that the last step swaps away."""
    run = conn.execute
    e = sm.events_table.c
    if version < 9:
        run(sa.text("DROP TABLE finished"))
    if version < 8:
        for row in run(sa.select(e.id, e.summary)).all():
            summary = {k: v for k, v in json.loads(row.summary).items() if k != "finished"}
            run(sa.update(sm.events_table).where(e.id == row.id).values(summary=json.dumps(summary)))
    if version < 7:
        run(sa.text("DROP INDEX ix_reports_loose_window"))
        if version >= 2:  # the old index is over the columns version 2 adds
            run(sa.text("CREATE INDEX ix_reports_city_window ON reports (city, first_day, last_day)"))
    if version < 6:
        run(sa.text("DROP INDEX ix_articles_thread"))
        for column in ("began", "thread", "posted_at"):
            run(sa.text(f"ALTER TABLE articles DROP COLUMN {column}"))
    if version < 5:
        run(sa.text("ALTER TABLE articles DROP COLUMN context"))
    if version < 4:
        run(sa.text("ALTER TABLE articles DROP COLUMN language"))
        r = sm.reports_table.c
        for row in run(sa.select(r.key, r.data)).all():
            data = {k: v for k, v in row.data.items() if k != "language"}
            run(sa.update(sm.reports_table).where(r.key == row.key).values(data=data))
        for row in run(sa.select(e.id, e.summary)).all():
            summary = {k: v for k, v in json.loads(row.summary).items() if k != "languages"}
            run(sa.update(sm.events_table).where(e.id == row.id).values(summary=json.dumps(summary)))
    if version < 3:
        run(sa.text("ALTER TABLE events DROP COLUMN summary"))
    if version < 2:
        for column in ("first_day", "last_day", "weekday"):
            run(sa.text(f"ALTER TABLE reports DROP COLUMN {column}"))
    run(sa.update(sm.meta_table).where(sm.meta_table.c.key == "schema_version").values(value=str(version)))


def schema(store: sm.Store) -> dict[str, tuple[list[str], list[str]]]:
    """Each table's columns and index names, as the database reports them."""
    with store.reading() as conn:
        inspector = sa.inspect(conn)
        return {
            table: (
                sorted(c["name"] for c in inspector.get_columns(table)),
                sorted(str(i["name"]) for i in inspector.get_indexes(table)),
            )
            for table in sorted(inspector.get_table_names())
        }


def rows(store: sm.Store) -> dict[str, list[dict[str, Any]]]:
    """Every stored row but the write counter, which an upgrade moves on."""
    with store.reading() as conn:
        out = {}
        for table in sm.metadata.sorted_tables:
            found = [dict(row._mapping) for row in conn.execute(sa.select(table))]
            if table is sm.meta_table:
                found = [row for row in found if row["key"] != "generation"]
            out[table.name] = sorted(found, key=lambda row: json.dumps(row, sort_keys=True, default=str))
        return out


def version_of(store: sm.Store) -> str | None:
    with store.reading() as conn:
        m = sm.meta_table.c
        return conn.execute(sa.select(m.value).where(m.key == "schema_version")).scalar()


def test_the_steps_are_numbered_one_after_another_from_version_2() -> None:
    assert [step.version for step in sm.MIGRATIONS] == list(range(2, sm.SCHEMA_VERSION + 1))


@pytest.mark.parametrize("version", OLDER)
def test_a_store_at_any_older_version_is_upgraded_in_one_open(store_url: str, version: int) -> None:
    made = sm.Store(store_url)
    ingest(made, read_paths([CORPUS]))
    expected = (schema(made), rows(made), find(made))
    with made.writing() as conn:
        as_at(conn, version)
    changed = (
        schema(made) != expected[0] or rows(made) != expected[1]
    )  # the rows only once the schema is today's
    assert (version_of(made), changed) == (str(version), True)
    made.close()
    upgraded = sm.Store(store_url)
    assert (version_of(upgraded), schema(upgraded), rows(upgraded), find(upgraded)) == (
        str(sm.SCHEMA_VERSION),
        *expected,
    )
    upgraded.close()
