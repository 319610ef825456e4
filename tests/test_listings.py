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

from strikemap import export, query
from strikemap import store as st
from strikemap.cli import main
from strikemap.dashboard import coverage, ui
from strikemap.export import Column, listings_csv, row, to_csv, to_geojson
from strikemap.ingest import ingest, reextract
from strikemap.models import Article
from strikemap.query import find, listings, ready
from strikemap.read import read_paths
from strikemap.review import correct, merge, set_status, split
from strikemap.views import Filters, ReportSource

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
        assert listings_csv(ready(store, filters, form="csv")) == to_csv(row(v) for v in views), filters
        assert to_geojson(ready(store, filters, form="geojson")) == to_geojson(views), filters


def test_exports_from_summaries_equal_exports_from_reports(store_url: str, tmp_path: Path) -> None:
    store = _reviewed(store_url, tmp_path)
    statuses = {v.status for v in find(store, Filters(include_rejected=True))}
    assert statuses == {"unreviewed", "verified", "rejected"}
    _same_exports(store)
    reextract(store)
    _same_exports(store)


def test_the_sources_tables_from_report_sources_equal_those_from_rebuilt_events(
    store_url: str, tmp_path: Path
) -> None:
    """The Sources page reads who reported each event without rebuilding events from their reports:
    its three tables must come out the same, corrections, merges and splits included."""
    store = _reviewed(store_url, tmp_path)
    sources = query.sources(store)
    for filters in FILTERS:
        slim = [(i, sources[i.id]) for i in listings(store, filters)]
        full = [(v, v.event.reports) for v in find(store, filters)]
        assert [s[1] for s in slim] == [
            tuple(
                ReportSource(r.key, r.article_id, r.article, r.role, r.source, r.title, r.url, r.published)
                for r in reports
            )
            for _, reports in full
        ], filters
        for table in (coverage.outlets, coverage.articles, coverage.matrix):
            assert table(slim) == table(full), (table.__name__, filters)


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


def _downgraded(store_url: str, tmp_path: Path, undo: str, version: int) -> st.Store:
    """A reviewed store taken back to schema ``version`` by ``undo``, then opened (so migrated)."""
    store = _reviewed(store_url, tmp_path)
    with store.writing() as conn:
        conn.execute(sa.text(undo))
        conn.execute(
            sa.update(st.meta_table).where(st.meta_table.c.key == "schema_version").values(value=str(version))
        )
    store.close()
    return st.Store(store_url)


def test_a_version_2_store_gets_summaries_and_exports_the_same(store_url: str, tmp_path: Path) -> None:
    migrated = _downgraded(store_url, tmp_path, "ALTER TABLE events DROP COLUMN summary", 2)
    with migrated.reading() as conn:
        version = conn.execute(
            sa.select(st.meta_table.c.value).where(st.meta_table.c.key == "schema_version")
        ).scalar()
        missing = conn.execute(sa.select(sa.func.count()).where(st.events_table.c.summary.is_(None))).scalar()
    assert (version, missing) == (str(st.SCHEMA_VERSION), 0)
    _same_exports(migrated)


def test_a_version_8_store_gets_finished_texts_and_exports_the_same(store_url: str, tmp_path: Path) -> None:
    migrated = _downgraded(store_url, tmp_path, "DROP TABLE finished", 8)
    f = st.finished_table.c
    with migrated.reading() as conn:
        events = conn.execute(sa.select(sa.func.count()).select_from(st.events_table)).scalar()
        current = sa.select(sa.func.count()).where(f.finished_as == export.finished_as())
        finished = conn.execute(current).scalar()
    assert (events > 8, finished) == (True, events)
    _same_exports(migrated)


def _exported(store_url: str, form: str, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    """Each event's columns as the export command writes them in ``form``, by id."""
    capsys.readouterr()
    assert main(["export", "--db", store_url, "--format", form]) == 0
    text = capsys.readouterr().out
    if form == "csv":
        return {r["id"]: dict(r) for r in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}
    return {f["id"]: f["properties"] for f in json.loads(text)["features"]}


def test_the_export_writes_an_analysts_corrections_and_the_others_as_stored(
    store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store = st.Store(store_url)
    ingest(store, read_paths([ARTICLES]))
    before = {form: _exported(store_url, form, capsys) for form in ("csv", "geojson")}
    event_id = next(v.event.id for v in find(store) if v.event.killed is None and v.event.districts)
    correct(store, event_id, "killed", 7)
    correct(store, event_id, "districts", ["Podilskyi"])
    rows, features = (_exported(store_url, form, capsys) for form in ("csv", "geojson"))
    shown = [
        (f[event_id]["killed"], f[event_id]["districts"], set(str(f[event_id]["corrected"]).split("; ")))
        for f in (rows, features)
    ]
    assert shown == [("7", "Podilskyi", {"killed", "districts"}), (7, "Podilskyi", {"killed", "districts"})]
    others = [{i: r for i, r in found.items() if i != event_id} for found in (rows, features)]
    assert others == [{i: r for i, r in found.items() if i != event_id} for found in before.values()]
    store.close()


def test_an_event_a_later_report_joins_exports_its_new_values(
    store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = st.Store(store_url)
    ingest(store, read_paths([ARTICLES]))
    before = _exported(store_url, "csv", capsys)
    later = tmp_path / "later.txt"
    later.write_text(
        "title: Three hurt in Bila Tserkva\nsource: Night Wire\npublished: 2022-10-06\n\n"
        "Explosive drones hit Bila Tserkva in the Kyiv region on 5 October 2022, injuring three "
        "people, regional governor Oleksiy Kuleba said.\n",
        encoding="utf-8",
    )
    ingest(store, read_paths([later]))
    rows, features = (_exported(store_url, form, capsys) for form in ("csv", "geojson"))
    (event_id,) = [i for i, r in rows.items() if "Night Wire" in str(r["sources"])]
    assert (before[event_id]["injured"], before[event_id]["sources"]) == ("1", "Dnipro Daily")
    assert (rows[event_id]["injured"], rows[event_id]["sources"]) == ("3", "Dnipro Daily; Night Wire")
    assert (features[event_id]["injured"], features[event_id]["sources_count"]) == (3, 2)
    assert rows == {
        r["id"]: r for r in csv.DictReader(io.StringIO(to_csv((row(v) for v in find(store)), bom=False)))
    }
    store.close()


@pytest.mark.parametrize(("corrected", "written"), [(False, "Stamped"), (True, "Kyiv")])
def test_the_export_joins_the_finished_texts_of_events_no_analyst_reviewed(
    store_url: str, corrected: bool, written: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store = st.Store(store_url)
    ingest(store, read_paths([ARTICLES]))
    event_id = next(v.event.id for v in find(store) if v.event.city == "Kyiv")
    f = st.finished_table.c
    with store.writing() as conn:
        stored = conn.execute(sa.select(f.csv_row, f.feature).where(f.event_id == event_id)).one()
        stamped = {
            "csv_row": stored.csv_row.replace(",Kyiv,", ",Stamped,"),
            "feature": stored.feature.replace('"city": "Kyiv"', '"city": "Stamped"'),
        }
        conn.execute(sa.update(st.finished_table).where(f.event_id == event_id).values(stamped))
    if corrected:
        correct(store, event_id, "killed", 7)
    assert [_exported(store_url, form, capsys)[event_id]["city"] for form in ("csv", "geojson")] == [
        written
    ] * 2
    store.close()


def test_texts_finished_before_a_column_was_declared_are_built_anew(
    store_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = st.Store(store_url)
    ingest(store, read_paths([ARTICLES]))
    monkeypatch.setattr(export, "COLUMNS", (*export.COLUMNS, HURT))
    views = find(store)
    hurt = {v.event.id: (v.event.killed or 0) + (v.event.injured or 0) for v in views}
    rows, features = (_exported(store_url, form, capsys) for form in ("csv", "geojson"))
    assert ({i: r["hurt"] for i, r in rows.items()}, {i: f["hurt"] for i, f in features.items()}) == (
        {i: str(n) for i, n in hurt.items()},
        hurt,
    )
    store.close()


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
