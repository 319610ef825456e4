"""The event store, run against SQLite and a real PostgreSQL server alike."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import ROOT

from strikemap import store as st
from strikemap.cli import main
from strikemap.errors import StoreError
from strikemap.export import row, to_csv
from strikemap.ingest import ingest, reextract
from strikemap.query import find, get, listings
from strikemap.read import read_paths
from strikemap.review import correct, merge, set_status, split
from strikemap.views import Filters

SAMPLES = ROOT / "tests" / "fixtures" / "corpus"
"""A frozen corpus: samples/ grows as the demo corpus, these expectations must not."""


@pytest.fixture
def store(store_url: str) -> st.Store:
    return st.Store(store_url)


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(store: st.Store) -> dict[str, object]:
    """Everything a user could notice: articles, reports, and which reports make which event."""
    with store.reading() as conn:
        members = conn.execute(sa.select(st.memberships_table)).all()
        return {
            "articles": sorted(conn.execute(sa.select(st.articles_table.c.id)).scalars()),
            "reports": sorted(conn.execute(sa.select(st.reports_table.c.key)).scalars()),
            "events": sorted(
                (e.id, e.city, str(e.date), sorted(m.report_key for m in members if m.event_id == e.id))
                for e in conn.execute(sa.select(st.events_table))
            ),
        }


def test_ingest_adds_the_sample_corpus(store: st.Store) -> None:
    summary = ingest(store, read_paths([SAMPLES]))
    assert (summary.added, summary.present, summary.skipped) == (13, 0, [])
    counts = st.counts(store)
    assert (counts.articles, counts.reports, counts.events) == (13, summary.reports, summary.events_created)
    assert {d for v in find(store) for d in v.event.districts} == {
        "Darnytskyi", "Desnianskyi", "Dniprovskyi", "Holosiivskyi", "Obolonskyi", "Pecherskyi",
        "Podilskyi", "Shevchenkivskyi", "Solomianskyi", "Sviatoshynskyi",
    }  # fmt: skip


def test_ingesting_the_same_articles_again_changes_nothing(store: st.Store, tmp_path: Path) -> None:
    ingest(store, read_paths([SAMPLES]))
    before = snapshot(store)
    renamed = tmp_path / "renamed"
    shutil.copytree(SAMPLES, renamed)
    for path in renamed.glob("*.txt"):
        path.rename(path.with_name("copy-" + path.name))
    summary = ingest(store, read_paths([SAMPLES, renamed]))
    assert (summary.added, summary.present, summary.events_created, summary.events_updated) == (0, 26, 0, 0)
    assert snapshot(store) == before


def test_a_new_article_joins_and_dates_an_existing_event(store: st.Store, tmp_path: Path) -> None:
    undated = _write(
        tmp_path / "a", "undated.txt", "Kamikaze drones hit Kyiv's Shevchenkiv district on Monday.\n"
    )
    ingest(store, read_paths([undated]))
    (first,) = find(store)
    assert (first.event.date, len(first.event.reports)) == (None, 1)
    dated = _write(
        tmp_path / "b", "dated.txt",
        "published: 2022-10-17\n\nDrones struck the Shevchenkivskyi district of Kyiv on Monday morning.\n",
    )  # fmt: skip
    summary = ingest(store, read_paths([dated]))
    (joined,) = find(store)
    assert (summary.events_created, summary.events_updated) == (0, 1)
    assert (joined.event.id, str(joined.event.date), joined.event.sources_count) == (
        first.event.id,
        "2022-10-17",
        2,
    )


def test_corrections_and_review_survive_reingest(store: st.Store, tmp_path: Path) -> None:
    ingest(store, read_paths([SAMPLES]))
    (target,) = [v for v in find(store) if str(v.event.date) == "2022-12-29" and v.event.city == "Kyiv"]
    correct(store, target.event.id, "killed", 1, note="hospital confirmed one death")
    correct(store, target.event.id, "districts", ["Darnytskyi", "Dniprovskyi"])
    set_status(store, target.event.id, "verified")
    later = _write(
        tmp_path, "later.txt",
        "published: 2022-12-29\nsource: Late Wire\n\n"
        "Missiles hit a house in Darnytskyi district on Thursday.\n",
    )  # fmt: skip
    ingest(store, read_paths([SAMPLES, later]))
    view = get(store, target.event.id)
    assert view is not None
    assert (view.event.killed, view.event.districts, view.status, view.corrected) == (
        1, ("Darnytskyi", "Dniprovskyi"), "verified", ("districts", "killed"),
    )  # fmt: skip
    assert "Late Wire" in view.sources
    assert [v.event.id for v in find(store, Filters(verified_only=True))] == [target.event.id]


def test_corrections_survive_reextraction(store: st.Store) -> None:
    ingest(store, read_paths([SAMPLES]))
    before = snapshot(store)
    target = find(store, Filters(districts=("Desnianskyi",)))[0].event.id
    correct(store, target, "injured", 9, note="regional hospital figure")
    reextract(store)
    assert snapshot(store) == before
    view = get(store, target)
    assert view is not None and (view.event.injured, view.corrected) == (9, ("injured",))


def test_merge_and_split_are_kept_when_more_articles_arrive(store: st.Store, tmp_path: Path) -> None:
    ingest(store, read_paths([SAMPLES]))
    by_key = {(v.event.city, str(v.event.date)): v.event for v in find(store)}
    kyiv, region = by_key[("Kyiv", "2022-11-23")], by_key[("Kyiv region", "2022-11-23")]
    merge(store, kyiv.id, [region.id])
    assert get(store, region.id) is None
    merged = get(store, kyiv.id)
    assert merged is not None and len(merged.event.reports) == 2
    moved = split(store, kyiv.id, [r.key for r in merged.event.reports if r.city == "Kyiv region"])
    ingest(store, read_paths([SAMPLES, _write(tmp_path, "x.txt", "Drones hit Kyiv on 2022-11-23.\n")]))
    assert {r.city for r in get(store, moved).event.reports} == {"Kyiv region"}  # type: ignore[union-attr]
    assert {r.city for r in get(store, kyiv.id).event.reports} == {"Kyiv"}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "filters, expected",
    [
        (Filters(start=dt.date(2023, 5, 28), end=dt.date(2023, 5, 28)), ["2023-05-28"]),
        (Filters(districts=("Darnytskyi",)), ["2022-12-29"]),
        (Filters(weapons=("drone",), cities=("Kyiv",), end=dt.date(2022, 12, 31)), ["2022-10-17"]),
        (Filters(sources=("Dnipro Daily",), cities=("Kyiv",)), ["2022-11-23", "2023-12-29"]),
        (Filters(sources=("'; DROP TABLE events; --",)), []),
        (Filters(precisions=("landmark", "neighbourhood")), ["2023-12-29", "2024-07-08"]),
    ],
    ids=["one-day", "district", "weapon-and-date", "source", "sql-injection-is-a-value", "precision"],
)
def test_filters(store: st.Store, filters: Filters, expected: list[str]) -> None:
    ingest(store, read_paths([SAMPLES]))
    assert [str(v.event.date) for v in find(store, filters)] == expected
    assert st.counts(store).events > 0


def test_export_writes_exactly_the_query_rows(
    store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = st.Store(store_url)
    ingest(store, read_paths([SAMPLES]))
    args = ["--db", store_url, "--from", "2023-01-01", "--to", "2023-12-31", "--district", "Holosiivskyi"]
    assert main(["export", *args, "--format", "csv", "--output", str(tmp_path / "out.csv")]) == 0
    expected = to_csv(row(v) for v in find(store, Filters(
        start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31),
        districts=("Holosiivskyi",))))  # fmt: skip
    written = (tmp_path / "out.csv").read_bytes().decode("utf-8")
    assert written == expected
    rows = list(csv.DictReader(io.StringIO(written.lstrip("\ufeff"))))
    assert [r["date"] for r in rows] == ["2023-05-28", "2023-05-30"]
    assert main(["export", *args, "--format", "geojson"]) == 0
    features = json.loads(capsys.readouterr().out)["features"]
    assert [f["properties"]["id"] for f in features] == [r["id"] for r in rows]


def test_a_store_from_a_newer_release_is_refused(store_url: str) -> None:
    store = st.Store(store_url)
    with store.writing() as conn:
        conn.execute(sa.update(st.meta_table).values(value="99"))
    with pytest.raises(StoreError, match="schema version 99, newer than"):
        st.Store(store_url)


def test_a_version_1_store_is_migrated_and_keeps_its_data(store_url: str) -> None:
    store = st.Store(store_url)
    ingest(store, read_paths([SAMPLES]))
    before = snapshot(store)
    with store.writing() as conn:
        conn.execute(sa.text("DROP INDEX ix_reports_loose_window"))
        for column in ("first_day", "last_day", "weekday"):
            conn.execute(sa.text(f"ALTER TABLE reports DROP COLUMN {column}"))
        conn.execute(
            sa.update(st.meta_table).where(st.meta_table.c.key == "schema_version").values(value="1")
        )
    store.close()
    migrated = st.Store(store_url)
    with migrated.reading() as conn:
        version = conn.execute(
            sa.select(st.meta_table.c.value).where(st.meta_table.c.key == "schema_version")
        )
        windows = conn.execute(sa.select(sa.func.count()).where(st.reports_table.c.first_day.is_not(None)))
        assert (version.scalar(), windows.scalar() > 0) == (str(st.SCHEMA_VERSION), True)
    assert snapshot(migrated) == before
    summary = ingest(migrated, read_paths([SAMPLES]))
    assert (summary.added, snapshot(migrated)) == (0, before)


def test_a_review_form_records_only_what_changed(store: st.Store) -> None:
    from strikemap.review import save_review

    ingest(store, read_paths([SAMPLES]))
    view = find(store, Filters(districts=("Darnytskyi",)))[0]
    wanted = {
        "date": str(view.event.date),
        "districts": list(view.event.districts),
        "weapons": list(view.event.weapons),
        "killed": 7,
        "injured": view.event.injured,
    }
    assert save_review(store, view, wanted, "verified", note="checked") == ["killed", "status"]
    again = get(store, view.event.id)
    assert again is not None and (again.event.killed, again.status, again.corrected) == (
        7,
        "verified",
        ("killed",),
    )
    assert save_review(store, again, {**wanted, "killed": 7}, "verified") == []


def test_a_hostile_district_filter_is_refused_as_a_value_and_harms_nothing(
    store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store = st.Store(store_url)
    ingest(store, read_paths([SAMPLES]))
    before = snapshot(store)
    hostile = "'; DROP TABLE events; --"
    status = main(["export", "--db", store_url, "--district", hostile, "--format", "csv"])
    assert (status, capsys.readouterr().err.strip()) == (
        2,
        f"strikemap: unknown district {hostile!r}: expected one of "
        "Darnytskyi, Desnianskyi, Dniprovskyi, Holosiivskyi, Obolonskyi, Pecherskyi, Podilskyi, "
        "Shevchenkivskyi, Solomianskyi, Sviatoshynskyi",
    )
    assert snapshot(store) == before


LANGUAGE_ARTICLES = {
    "uk.txt": "title: Нічна атака на столицю\nsource: Київська хвиля\npublished: 2024-03-21\n\n"
    "У ніч на 21 березня ворог атакував Київ балістичними ракетами. Уламки впали в Дарницькому "
    "районі, пошкоджено житловий будинок. Постраждали двоє людей.\n",
    "ru.txt": "title: Ночная атака на Киев\nsource: Столичный вестник\npublished: 2024-03-21\n\n"
    "В ночь на 21 марта Россия атаковала Киев баллистическими ракетами. Обломки упали в Дарницком "
    "районе, повреждён жилой дом. Пострадали два человека.\n",
    "mixed.txt": "title: Дроны над Киевом\nsource: Левый берег\npublished: 2024-04-05\n\n"
    "Утром 5 апреля дроны атаковали Киев, обломки упали в Оболонском районе.\nМэр написал: «Уламки "
    "впали на дах житлового будинку в Оболонському районі. Усі служби працюють на місці. Інформація "
    "про постраждалих уточнюється.»\n",
    "en.txt": "title: Drones hit Kyiv\nsource: Kyiv Wire\npublished: 2024-05-10\n\nRussian drones hit "
    "Kyiv's Holosiivskyi district overnight on May 10, damaging a school, officials said.\n",
}
"""Written for these tests: one attack told in Ukrainian and in Russian, a Russian story quoting a
Ukrainian post at length, and an English one."""
LANGUAGES_BY_DAY = {"2024-03-21": ("ru", "uk"), "2024-04-05": ("mixed",), "2024-05-10": ("en",)}


def _languages_store(url: str, folder: Path) -> st.Store:
    store = st.Store(url)
    ingest(store, read_paths([_write(folder, name, text) for name, text in LANGUAGE_ARTICLES.items()]))
    return store


def _languages_by_day(store: st.Store) -> dict[str, tuple[str, ...]]:
    return {str(v.event.date): v.event.languages for v in find(store)}


def test_each_event_lists_the_languages_of_its_articles(store_url: str, tmp_path: Path) -> None:
    store = _languages_store(store_url, tmp_path / "articles")
    assert _languages_by_day(store) == LANGUAGES_BY_DAY
    with store.reading() as conn:
        a = st.articles_table.c
        stored = {row.path: row.language for row in conn.execute(sa.select(a.path, a.language))}
    assert {Path(path).stem: language for path, language in stored.items()} == {
        "uk": "uk", "ru": "ru", "mixed": "mixed", "en": "en"
    }  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(to_csv(row(i) for i in listings(store)).lstrip("\ufeff"))))
    assert {r["date"]: r["languages"] for r in rows} == {
        "2024-03-21": "ru; uk", "2024-04-05": "mixed", "2024-05-10": "en"
    }  # fmt: skip


@pytest.mark.parametrize(
    "languages, expected",
    [
        (("uk",), ["2024-03-21"]),
        (("ru", "uk"), ["2024-03-21"]),
        (("mixed", "en"), ["2024-04-05", "2024-05-10"]),
        ((), ["2024-03-21", "2024-04-05", "2024-05-10"]),
    ],
)
def test_the_language_filter(
    store_url: str, tmp_path: Path, languages: tuple[str, ...], expected: list[str]
) -> None:
    store = _languages_store(store_url, tmp_path / "articles")
    filters = Filters(languages=languages)
    assert [str(v.event.date) for v in find(store, filters)] == expected
    assert [str(i.date) for i in listings(store, filters)] == expected


def test_the_language_option_of_the_command_line(
    store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = _languages_store(store_url, tmp_path / "articles")
    assert main(["export", "--db", store_url, "--language", "uk", "--language", "en", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert [(r["date"], r["languages"]) for r in rows] == [("2024-03-21", "ru; uk"), ("2024-05-10", "en")]
    assert main(["events", "--db", store_url, "--language", "mixed"]) == 0
    assert "2024-04-05" in capsys.readouterr().out
    assert main(["events", "--db", store_url, "--language", "de"]) == 2
    assert (
        capsys.readouterr().err.strip()
        == "strikemap: unknown language 'de': expected one of uk, ru, en, mixed"
    )
    assert st.counts(store).events == 3


def test_a_version_3_store_learns_the_language_of_every_article(store_url: str, tmp_path: Path) -> None:
    store = _languages_store(store_url, tmp_path / "articles")
    before = (snapshot(store), [row(i) for i in listings(store)])
    r, e = st.reports_table.c, st.events_table.c
    with store.writing() as conn:
        conn.execute(sa.text("ALTER TABLE articles DROP COLUMN language"))
        for kept in conn.execute(sa.select(r.key, r.data)).all():
            data = {k: v for k, v in kept.data.items() if k != "language"}
            conn.execute(sa.update(st.reports_table).where(r.key == kept.key).values(data=data))
        for kept in conn.execute(sa.select(e.id, e.summary)).all():
            summary = {k: v for k, v in json.loads(kept.summary).items() if k != "languages"}
            conn.execute(
                sa.update(st.events_table).where(e.id == kept.id).values(summary=json.dumps(summary))
            )
        conn.execute(
            sa.update(st.meta_table).where(st.meta_table.c.key == "schema_version").values(value="3")
        )
    store.close()
    migrated = st.Store(store_url)
    assert _languages_by_day(migrated) == LANGUAGES_BY_DAY
    assert (snapshot(migrated), [row(i) for i in listings(migrated)]) == before
    with migrated.reading() as conn:
        version = conn.execute(
            sa.select(st.meta_table.c.value).where(st.meta_table.c.key == "schema_version")
        )
        assert version.scalar() == str(st.SCHEMA_VERSION)
