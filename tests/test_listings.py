"""Exports from the store's event summaries are exactly the exports rebuilt from every report."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import ROOT

from strikemap import export, ui
from strikemap import store as st
from strikemap.cli import main
from strikemap.export import Column, row, to_csv, to_geojson
from strikemap.ingest import ingest, reextract
from strikemap.models import Article
from strikemap.query import find, listings
from strikemap.read import read_paths
from strikemap.review import correct, merge, set_status, split
from strikemap.views import Filters

ARTICLES = ROOT / "samples" / "articles"
FILTERS = [
    Filters(),
    Filters(include_rejected=True),
    Filters(verified_only=True),
    Filters(start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31)),
    Filters(start=dt.date(2022, 12, 1), end=dt.date(2023, 1, 31), include_rejected=True),
    Filters(districts=("Darnytskyi", "Holosiivskyi"), weapons=("drone", "missile")),
    Filters(sources=("Dnipro Daily", "Kyiv Wire"), cities=("Kyiv",)),
    Filters(precisions=("landmark", "neighbourhood", "district")),
    Filters(precisions=("city", "region"), include_rejected=True),
    Filters(languages=("en",)),
    Filters(languages=("uk", "ru", "mixed")),
]


def _reviewed(url: str, tmp_path: Path) -> st.Store:
    """The sample articles, with every kind of analyst decision and an undated report joining a day."""
    store = st.Store(url)
    ingest(store, read_paths([ARTICLES]))
    views = find(store)
    assert len(views) > 8
    first, second, third, fourth, fifth, sixth = (v.event.id for v in views[:6])
    correct(store, first, "killed", 3, note="morgue figure")
    correct(store, first, "districts", ["Darnytskyi", "Podilskyi"])
    correct(store, second, "date", "2023-07", note="month only")
    correct(store, second, "weapons", ["artillery"])
    correct(store, third, "injured", None)
    correct(store, third, "date", "2021")
    correct(store, fourth, "districts", [])
    set_status(store, first, "verified")
    set_status(store, fourth, "rejected")
    set_status(store, fifth, "verified")
    set_status(store, fifth, "unreviewed")
    merge(store, views[-1].event.id, [views[-2].event.id])
    merged = find(store, Filters(include_rejected=True))[-1].event
    split(store, merged.id, [merged.reports[0].key])
    merge(store, sixth, [views[7].event.id])
    undated = tmp_path / "more" / "undated.txt"
    undated.parent.mkdir()
    undated.write_text(
        "source: =Formula Wire\n\nKamikaze drones hit Kyiv's Darnytskyi district on Thursday.\n",
        encoding="utf-8",
    )
    ingest(store, read_paths([ARTICLES, undated]))
    (joined,) = [v.event for v in find(store) if "=Formula Wire" in {r.source for r in v.event.reports}]
    assert len(joined.reports) > 1
    split(store, joined.id, [r.key for r in joined.reports if r.source == "=Formula Wire"])
    return store


HURT = Column("hurt", "Killed or injured", lambda o: (o.event.killed or 0) + (o.event.injured or 0))
"""A column declared by a test alone: a declaration must be all it takes to export it everywhere."""


@pytest.fixture
def hurt_column(monkeypatch: pytest.MonkeyPatch) -> None:
    at = export.column_names().index("injured") + 1
    monkeypatch.setattr(export, "COLUMNS", (*export.COLUMNS[:at], HURT, *export.COLUMNS[at:]))


def _same_exports(store: st.Store) -> None:
    for filters in FILTERS:
        views = find(store, filters)
        items = listings(store, filters)
        assert [i.id for i in items] == [v.event.id for v in views], filters
        assert to_csv(row(i) for i in items) == to_csv(row(v) for v in views), filters
        assert to_geojson(items) == to_geojson(views), filters


def test_exports_from_summaries_equal_exports_from_reports(store_url: str, tmp_path: Path) -> None:
    store = _reviewed(store_url, tmp_path)
    statuses = {v.status for v in find(store, Filters(include_rejected=True))}
    assert statuses == {"unreviewed", "verified", "rejected"}
    _same_exports(store)
    reextract(store)
    _same_exports(store)


def test_the_export_command_writes_what_the_reports_give(
    store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = _reviewed(store_url, tmp_path)
    filters = Filters(start=dt.date(2022, 10, 1), end=dt.date(2023, 6, 30), include_rejected=True)
    args = ["export", "--db", store_url, "--from", "2022-10-01", "--to", "2023-06-30", "--include-rejected"]
    assert main([*args, "--format", "csv", "--output", str(tmp_path / "out.csv")]) == 0
    expected = to_csv(row(v) for v in find(store, filters))
    assert (tmp_path / "out.csv").read_bytes().decode("utf-8") == expected
    capsys.readouterr()
    assert main([*args, "--format", "geojson"]) == 0
    assert capsys.readouterr().out == to_geojson(find(store, filters)) + "\n"


def test_a_version_2_store_gets_summaries_and_exports_the_same(store_url: str, tmp_path: Path) -> None:
    store = _reviewed(store_url, tmp_path)
    with store.writing() as conn:
        conn.execute(sa.text("ALTER TABLE events DROP COLUMN summary"))
        conn.execute(
            sa.update(st.meta_table).where(st.meta_table.c.key == "schema_version").values(value="2")
        )
    store.close()
    migrated = st.Store(store_url)
    with migrated.reading() as conn:
        version = conn.execute(
            sa.select(st.meta_table.c.value).where(st.meta_table.c.key == "schema_version")
        ).scalar()
        missing = conn.execute(sa.select(sa.func.count()).where(st.events_table.c.summary.is_(None))).scalar()
    assert (version, missing) == (str(st.SCHEMA_VERSION), 0)
    _same_exports(migrated)


def test_exports_link_web_addresses_and_hold_no_server_paths(store_url: str, tmp_path: Path) -> None:
    """Regression: exports held where articles were read from, e.g. an absolute upload path."""
    store = _reviewed(store_url, tmp_path)
    hostile = tmp_path / "private" / "hostile.txt"
    hostile.parent.mkdir()
    hostile.write_text(
        "source: Night Wire\nurl: javascript:alert(1)\npublished: 2021-07-01\n\n"
        "Drones hit Kyiv's Podilskyi district on 1 July 2021.\n",
        encoding="utf-8",
    )
    ingest(store, read_paths([hostile]))
    _same_exports(store)
    views = find(store)
    text = to_csv(row(v) for v in views)
    geojson = to_geojson(views)
    assert [p for p in (str(ROOT), str(tmp_path), "samples/articles") if p in text + geojson] == []
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}
    sample = next(v for v in views if "Kyiv Wire" in v.sources)
    urls = {a.id: a.url for a in read_paths([ARTICLES]) if isinstance(a, Article)}
    expected = "; ".join(dict.fromkeys(str(urls[r.article_id]) for r in sample.event.reports))
    assert rows[sample.event.id]["urls"] == expected != ""
    (night,) = [v for v in views if "Night Wire" in v.sources]
    assert (rows[night.event.id]["articles"], rows[night.event.id]["urls"]) == ("hostile.txt", "")
    assert all("/" not in row["articles"] for row in rows.values())
    assert all(u.startswith("https://") for row in rows.values() for u in row["urls"].split("; ") if u)


@pytest.mark.usefixtures("hurt_column")
def test_a_declared_column_reaches_every_export_and_the_table(
    store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = _reviewed(store_url, tmp_path)
    views = find(store, Filters(include_rejected=True))
    hurt = {v.event.id: (v.event.killed or 0) + (v.event.injured or 0) for v in views}
    assert len(set(hurt.values())) > 1
    assert (
        main(
            [
                "export",
                "--db",
                store_url,
                "--include-rejected",
                "--format",
                "csv",
                "--output",
                str(tmp_path / "out.csv"),
            ]
        )
        == 0
    )
    from_listings = (tmp_path / "out.csv").read_bytes().decode("utf-8")
    assert from_listings == to_csv(row(v) for v in views)
    for text in (from_listings, to_csv(row(v.event) for v in views)):
        rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
        names = list(rows[0])
        assert names[names.index("injured") + 1] == "hurt"
        assert {r["id"]: r["hurt"] for r in rows} == {i: str(n) for i, n in hurt.items()}
    capsys.readouterr()
    assert main(["export", "--db", store_url, "--include-rejected", "--format", "geojson"]) == 0
    features = json.loads(capsys.readouterr().out)["features"]
    assert {f["id"]: f["properties"]["hurt"] for f in features} == hurt
    table = ui.table([row(v) for v in views])
    headers = list(table.columns)
    assert headers[headers.index("Injured") + 1] == "Killed or injured"
    assert list(table["Killed or injured"]) == list(hurt.values())


def _stamp(store: st.Store, event_id: str, city: str, row_format: int) -> None:
    """Write ``city`` into an event's finished columns, as of ``row_format``."""
    e = st.events_table.c
    with store.writing() as conn:
        data = json.loads(conn.execute(sa.select(e.summary).where(e.id == event_id)).scalar_one())
        data["finished"] = {**data.pop("finished"), "city": city, "format": row_format}  # still the last key
        summary = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        conn.execute(sa.update(st.events_table).where(e.id == event_id).values(summary=summary))


@pytest.mark.parametrize(
    ("row_format", "corrected", "written"),
    [
        (export.ROW_FORMAT, False, "Stamped"),  # the finished column is what goes out
        (export.ROW_FORMAT + 1, False, "Kyiv"),  # of another format: read from the event
        (export.ROW_FORMAT, True, "Kyiv"),  # an analyst changed the event: read from it
    ],
)
def test_an_export_writes_the_finished_columns_a_summary_keeps_while_they_still_hold(
    store_url: str, row_format: int, corrected: bool, written: str
) -> None:
    store = st.Store(store_url)
    ingest(store, read_paths([ARTICLES]))
    event_id = next(v.event.id for v in find(store) if v.event.city == "Kyiv")
    _stamp(store, event_id, "Stamped", row_format)
    if corrected:
        correct(store, event_id, "killed", 7)
    (item,) = [i for i in listings(store) if i.id == event_id]
    assert (row(item)["city"], json.loads(to_geojson([item]))["features"][0]["properties"]["city"]) == (
        written,
        written,
    )
    store.close()
