"""Every dashboard page, run headless with AppTest: first on the demo store, then on the user's own."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from strikemap import query
from strikemap.dashboard import assets, coverage, framing, render, timeline, ui
from strikemap.export import headers
from strikemap.ingest import ingest
from strikemap.models import Article
from strikemap.read import read_paths
from strikemap.store import Store, counts
from strikemap.views import EventView

APP = Path(__file__).resolve().parents[1] / "streamlit_app.py"
LOCAL = "/app/static/vendor/"
MAP_CAPTION = re.compile(r"(\d+) events · (\d+) markers in the window")
PASTED = (
    "title: Missile strike on the left bank\nsource: Test Wire\npublished: 2024-09-02\n\n"
    "A Russian missile hit a residential building in Kyiv's Darnytskyi district overnight, "
    "injuring three people, Vitali Klitschko said.\n"
)


def clear_caches() -> None:
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def user_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's own store for the app: fresh and empty."""
    path = tmp_path / "strikemap.sqlite"
    monkeypatch.setenv("STRIKEMAP_DB", str(path))
    monkeypatch.delenv("STRIKEMAP_DEMO", raising=False)
    return path


@pytest.fixture
def db(user_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The store the app shows on first start: the demo's, apart from the user's (`user_db`).

    Streamlit's caches are cleared around the test."""
    path = tmp_path / "demo.sqlite"
    monkeypatch.setenv("STRIKEMAP_DEMO_DB", str(path))
    clear_caches()
    yield path
    clear_caches()


@pytest.fixture
def app(db: Path) -> AppTest:
    """The app after its first run: the Map page, with the demo corpus loaded."""
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def stored(db: Path) -> Any:
    store = Store(str(db))
    try:
        return counts(store)
    finally:
        store.close()


def stored_views(db: Path) -> list[EventView]:
    store = Store(str(db))
    try:
        return query.find(store)
    finally:
        store.close()


def map_args(at: AppTest) -> dict[str, Any]:
    (element,) = [e for e in at.get("component_instance") if e.proto.component_name.endswith("st_folium")]
    return json.loads(element.proto.json_args)


def map_caption(at: AppTest) -> tuple[int, int]:
    (found,) = [m for c in at.caption if (m := MAP_CAPTION.fullmatch(c.value))]
    return int(found.group(1)), int(found.group(2))


def test_map_page_draws_the_map_from_local_assets(app: AppTest) -> None:
    args = map_args(app)
    assert args["js_links"] == [f"{LOCAL}{assets.BUNDLE}"]  # one round trip before the map draws
    assert args["css_links"] == [
        f"{LOCAL}leaflet/leaflet.css",
        f"{LOCAL}markercluster/MarkerCluster.css",
        f"{LOCAL}markercluster/MarkerCluster.Default.css",
    ]
    page = args["header"] + args["html"] + args["script"] + str(args["feature_group"])
    assert re.findall(r"<(?:script|link)[^>]*https?://", page) == []
    assert [t.value for t in app.title] == ["Kyiv Strike Map"]
    events, markers = map_caption(app)
    assert (events >= 15, markers >= 15) == (True, True)


def test_demo_corpus_is_ingested_on_first_start(app: AppTest, db: Path) -> None:
    demo = {a.id for a in read_paths([ui.DEMO_CORPUS]) if isinstance(a, Article)}
    found = stored(db)
    assert (found.articles, found.events >= 15) == (len(demo), True)


def test_moving_the_timeline_window_changes_the_markers(app: AppTest, db: Path) -> None:
    span = timeline.span(stored_views(db))
    assert span is not None
    assert (app.slider[0].value, "window" in app.query_params) == (span, False), "the whole span: no window"
    before = map_caption(app)
    app.slider[0].set_value((dt.date(2023, 5, 1), dt.date(2023, 5, 31))).run()
    assert not app.exception
    after = map_caption(app)
    assert after[1] != before[1]
    assert after[0] < before[0]
    assert app.query_params["window"] == "2023-05-01..2023-05-31"
    assert map_args(app)["js_links"][0] == f"{LOCAL}{assets.BUNDLE}"


def test_the_table_under_the_map_lists_a_long_window_a_page_at_a_time(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render, "TABLE_ROWS", 6)
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    total = len(stored_views(db))
    dates = [str(v.event.date) for v in stored_views(db)]  # oldest first, as the table lists them
    (picker,) = [s for s in at.selectbox if s.label == "The table lists"]
    assert picker.options[:2] == [f"Events 1–6 of {total}", f"Events 7–12 of {total}"]
    assert len(picker.options) == -(-total // 6)
    assert listed_dates(at) == dates[:6]
    picker.select_index(1).run()
    assert not at.exception, [e.value for e in at.exception]
    assert listed_dates(at) == dates[6:12]


def test_events_page_lists_every_event(app: AppTest, db: Path) -> None:
    open_page(app, "pages/events.py")
    total = len(stored_views(db))
    assert [c.value for c in app.caption] == [f"{total} events match the filters"]
    assert total >= 15
    (table,) = app.dataframe
    assert (len(table.value), list(table.value.columns)) == (total, list(headers().values()))
    assert [b.label for b in app.download_button] == ["Download CSV", "Download GeoJSON"]


def test_sources_page_shows_the_outlets_table(app: AppTest, db: Path) -> None:
    open_page(app, "pages/sources.py")
    views = stored_views(db)
    assert [s.value for s in app.header] == ["Outlets", "Coverage", "Articles"]
    outlets_table, matrix_table, articles_table = app.dataframe
    assert outlets_table.value.to_dict("records") == coverage.outlets([(v, v.event.reports) for v in views])
    assert list(outlets_table.value.columns) == ["Outlet", "Articles", "Events", "First event", "Last event"]
    assert len(outlets_table.value) >= 3
    assert len(matrix_table.value) == len(views)
    assert len(articles_table.value) == stored(db).articles
    assert [(b.label, b.key) for b in app.download_button] == [
        ("Download CSV", "outlets"),
        ("Download CSV", "coverage"),
        ("Download CSV", "articles"),
    ]


def paste_and_save(at: AppTest) -> AppTest:
    at.text_area[0].input(PASTED).run()
    assert not at.exception, [e.value for e in at.exception]
    (save,) = [b for b in at.button if b.label == "Save to the store"]
    save.click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_ingest_page_previews_and_saves_only_on_request(app: AppTest, db: Path, user_db: Path) -> None:
    open_page(app, "pages/ingest.py")
    before = stored(db)
    assert stored(user_db).articles == 0
    assert (len(app.dataframe), [b.label for b in app.button]) == (0, ["Hide the demo"])

    app.text_area[0].input(PASTED).run()
    assert not app.exception, [e.value for e in app.exception]
    (table,) = app.dataframe
    rows = table.value.to_dict("records")
    assert [(r["Date"], r["City"], r["Districts"], r["Weapons"], r["Injured"]) for r in rows] == [
        ("2024-09-02", "Kyiv", "Darnytskyi", "missile", 3)
    ]
    assert app.caption[0].value == "1 article(s) read · 1 event(s) found · nothing saved yet"
    assert (stored(db), stored(user_db).articles) == (before, 0)

    paste_and_save(app)
    assert len(app.success) == 1
    assert (stored(db), stored(user_db).articles) == (before, 1)
    saved = [v.event for v in stored_views(user_db) if v.event.date == dt.date(2024, 9, 2)]
    assert [(e.city, e.districts, e.weapons, e.injured) for e in saved] == [
        ("Kyiv", ("Darnytskyi",), ("missile",), 3)
    ]


def test_saving_an_article_about_a_new_day_leaves_other_events_alone(app: AppTest, user_db: Path) -> None:
    """Regression: saving one 2024-09-02 article also merged two May 2023 events into a third."""
    own = Store(str(user_db))
    ingest(own, read_paths([ui.DEMO_CORPUS]))
    own.close()
    open_page(app, "pages/ingest.py")
    before = {v.event.id: [r.key for r in v.event.reports] for v in stored_views(user_db)}
    assert len(before) >= 15
    paste_and_save(app)
    after = {v.event.id: [r.key for r in v.event.reports] for v in stored_views(user_db)}
    assert {k: v for k, v in after.items() if k in before} == before


def test_ingest_page_reports_a_paste_without_article_text(app: AppTest, db: Path) -> None:
    """Regression: a pasted header with no body raised ReadError on the page instead of an error line."""
    open_page(app, "pages/ingest.py")
    before = stored(db)
    app.text_area[0].input("title: just a header\n").run()
    assert [e.value for e in app.exception] == []
    assert len(app.error) == 1
    assert stored(db) == before


def test_map_page_counts_the_events_it_cannot_frame(app: AppTest, db: Path) -> None:
    """Events beyond Kyiv and events with no place are said above the map, not silently left off."""
    views = stored_views(db)
    placed = render.markers(views)
    frame = framing.frame(views, placed)
    expected = " · ".join(
        filter(None, [framing.outside_note(views, frame.area), framing.unplaced_note(views, placed)])
    )
    assert frame.area == "Kyiv" and "elsewhere in Ukraine: zoom out to see them" in expected
    assert [c.value for c in app.caption if c.value == expected] == [expected]


@pytest.mark.parametrize("shaded", [True, False])
def test_map_is_framed_on_kyiv_with_its_legend_on_the_map(app: AppTest, db: Path, shaded: bool) -> None:
    if not shaded:
        (toggle,) = [t for t in app.toggle if t.label == "Shade districts by events"]
        toggle.set_value(False).run()
    views = stored_views(db)
    (south, west), (north, east) = framing.frame(views, render.markers(views)).bounds or ((0, 0), (0, 0))
    layers = map_args(app)["feature_group"]
    assert f"map.fitBounds([[{south}, {west}], [{north}, {east}]]" in layers
    assert ("Legend" in layers, "Events per district" in layers) == (True, shaded)


def chart_svg(at: AppTest) -> str:
    (chart,) = [m.value for m in at.markdown if "<svg" in m.value]
    return str(chart)


def test_timeline_chart_shades_the_window_and_counts_month_dated_events(app: AppTest, db: Path) -> None:
    views = stored_views(db)
    app.slider[0].set_value((dt.date(2023, 5, 1), dt.date(2023, 5, 31))).run()
    assert not app.exception
    svg = chart_svg(app)
    assert "the window is 2023-05-01 to 2023-05-31 (31 days)" in svg
    (pale,) = re.findall(r'<path d="([^"]+)" fill="#f2c4bf"', svg)  # one bar per month with such events
    months = {
        v.event.date.replace(day=1) for v in views if v.event.date and v.event.date_precision == "month"
    }
    assert pale.count("Z") == len(months) > 0
    assert ">Events per week</text>" in svg


BARE = "Russian drones struck Kyiv's Podilskyi district overnight, injuring two people.\n"


def form_box(at: AppTest, label: str) -> Any:
    (box,) = [t for t in at.text_input if t.label == label]
    return box


def test_the_form_gives_a_headerless_paste_its_outlet_date_and_url(
    app: AppTest, db: Path, user_db: Path
) -> None:
    open_page(app, "pages/ingest.py")
    form_box(app, "Outlet").input("Form Wire")
    form_box(app, "Published (YYYY-MM-DD)").input("2024-09-03")
    form_box(app, "Article URL").input("https://formwire.example/2024/09/03/podil")
    app.text_area[0].input(BARE).run()
    assert (not app.exception, [e.value for e in app.error]) == (True, [])
    (table,) = app.dataframe
    rows = table.value.to_dict("records")
    assert [(r["Date"], r["Outlets"]) for r in rows] == [("2024-09-03", "Form Wire")]
    (save,) = [b for b in app.button if b.label == "Save to the store"]
    save.click().run()
    (saved,) = [v for v in stored_views(user_db) if v.event.date == dt.date(2024, 9, 3)]
    assert [(r.source, r.url, r.published) for r in saved.event.reports] == [
        ("Form Wire", "https://formwire.example/2024/09/03/podil", dt.date(2024, 9, 3))
    ]


@pytest.mark.parametrize(
    "label, value, message",
    [
        ("Published (YYYY-MM-DD)", "03/09/2024", "Published date: expected a day as YYYY-MM-DD"),
        ("Article URL", "javascript:alert(1)", "Article URL: expected a web address starting with http"),
    ],
)
def test_the_form_refuses_a_bad_date_or_url_with_a_clear_message(
    app: AppTest, db: Path, label: str, value: str, message: str
) -> None:
    open_page(app, "pages/ingest.py")
    before = stored(db)
    form_box(app, label).input(value)
    app.text_area[0].input(BARE).run()
    assert not app.exception
    assert [e.value.startswith(message) for e in app.error] == [True]
    assert (len(app.dataframe), [b.label for b in app.button if b.label == "Save to the store"]) == (0, [])
    assert stored(db) == before


def test_a_saved_review_shows_at_once_and_months_read_as_months(app: AppTest, db: Path) -> None:
    """Regression: after saving, the picker and the panel showed the old values until the next rerun."""
    open_page(app, "pages/ingest.py")
    target = next(v for v in stored_views(db) if v.event.killed is None and v.event.date_precision == "day")
    picker = app.selectbox(key="reviewing")
    picker.set_value(target.event.id).run()
    form_box(app, "Date (YYYY-MM-DD, YYYY-MM or YYYY)").input("2023-07")
    (killed,) = [n for n in app.number_input if n.label == "Killed"]
    killed.set_value(42)
    form_box(app, "Note (why)").input("KCMA update, *42*")
    (submit,) = [b for b in app.button if b.label == "Save review"]
    submit.click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert [s.value for s in app.success] == ["Saved: date, killed. Kept apart from the machine's output."]
    notes = [m.value for m in app.markdown if m.value.startswith("**Analysts' notes:**")]
    assert notes == ["**Analysts' notes:** KCMA update, &#42;42&#42;"], "the note shows, as written"
    assert app.selectbox(key="reviewing").value == target.event.id
    label = app.selectbox(key="reviewing").format_func(target.event.id)
    assert label.startswith(f"July 2023 · {target.event.city} · ")
    assert [m.value for m in app.metric if m.label == "Killed"] == ["42"]
    assert [h.value for h in app.header if h.value.startswith("July")] == [f"July 2023 · {target.event.city}"]
    assert [n.value for n in app.number_input if n.label == "Killed"] == [42]
    app.run()
    assert len(app.success) == 0, "the message is shown once, after the save"


PAGES = ["pages/map.py", "pages/events.py", "pages/sources.py", "pages/ingest.py"]
NOTHING_YET = "No events yet: add your own articles on the **Add & review** page."


def banners(at: AppTest) -> list[str]:
    return [w.value for w in at.warning if "Demo data: invented articles" in w.value]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_marks_the_invented_demo_while_it_is_shown(app: AppTest, user_db: Path, page: str) -> None:
    open_page(app, page)
    assert (len(banners(app)), [b.label for b in app.button if b.key == "hide_demo"]) == (
        1,
        ["Hide the demo"],
    )
    assert stored(user_db).articles == 0


@pytest.mark.parametrize("page", PAGES)
def test_hiding_the_demo_shows_the_users_empty_store_on_every_page(
    app: AppTest, db: Path, user_db: Path, page: str
) -> None:
    demo_before = stored(db)
    app.button(key="hide_demo").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert (banners(app), map_caption(app)) == ([], (0, 0))
    open_page(app, page)
    assert (banners(app), [i.value for i in app.info if i.value == NOTHING_YET]) == ([], [NOTHING_YET])
    assert (stored(user_db).articles, stored(db)) == (0, demo_before)


def test_strikemap_demo_off_starts_without_the_demo(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRIKEMAP_DEMO", "off")
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    assert (banners(at), [i.value for i in at.info][:1], map_caption(at)) == ([], [NOTHING_YET], (0, 0))
    assert not db.exists(), "the demo store is never built"


def test_the_first_own_article_ends_the_demo_and_leaves_it_untouched(
    app: AppTest, db: Path, user_db: Path
) -> None:
    open_page(app, "pages/ingest.py")
    demo_before = stored(db)
    paste_and_save(app)
    assert banners(app) == []
    assert [s.value for s in app.success] == [
        "Saved your first articles to your own store; the demo is hidden now. articles added: 1, "
        "already present: 0, skipped: 0 reports: 1; events created: 1, updated: 0"
    ]
    assert (stored(db), stored(user_db).articles) == (demo_before, 1)
    (own,) = stored_views(user_db)
    assert app.selectbox[0].options == [f"2 September 2024 · Kyiv · Darnytskyi · {own.event.id}"], (
        "the review lists only it"
    )


def test_a_correction_to_a_demo_event_stays_in_the_demo_store(app: AppTest, db: Path, user_db: Path) -> None:
    """The review form writes into the store its event came from, never the user's."""
    open_page(app, "pages/ingest.py")
    first = stored_views(db)[0].event.id
    app.selectbox[0].set_value(first).run()
    app.radio[0].set_value("verified")
    app.button(key="FormSubmitter:correct-Save review").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert [s.value for s in app.success] == ["Saved: status. Kept apart from the machine's output."], first
    assert (stored(db).corrections, stored(user_db).corrections, stored(user_db).articles) == (1, 0, 0)


def test_after_a_save_the_preview_says_saved(app: AppTest, user_db: Path) -> None:
    """Regression: after saving, the preview above the button still said 'nothing saved yet'."""
    open_page(app, "pages/ingest.py")
    paste_and_save(app)  # the first own article ends the demo and redraws the page
    app.text_area[0].input(PASTED.replace("three people", "four people")).run()
    (save,) = [b for b in app.button if b.label == "Save to the store"]
    save.click().run()
    assert not app.exception, [e.value for e in app.exception]
    found = [c.value for c in app.caption if c.value.startswith("1 article(s) read")]
    assert found == ["1 article(s) read · 1 event(s) found · saved to your store"]
    assert stored(user_db).articles == 2


def test_uploads_are_limited_and_let_go_of_once_saved(
    app: AppTest, user_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: uploads took 50 MB per file, any number of files, and kept them for the session."""
    from strikemap import uploads

    monkeypatch.setattr(uploads, "MAX_FILES", 2)
    open_page(app, "pages/ingest.py")
    (picker,) = app.file_uploader
    assert (picker.proto.max_upload_size_mb, picker.key) == (20, "uploads-0")
    files = [(f"n{n}.txt", PASTED.replace("three", str(n + 2)).encode(), "text/plain") for n in range(3)]
    picker.set_value(files).run()
    assert [e.value for e in app.error] == [
        "Skipped n2.txt: not read: at most 2 files at a time; add it in another round"
    ]
    (save,) = [b for b in app.button if b.label == "Save to the store"]
    save.click().run()
    assert not app.exception, [e.value for e in app.exception]
    app.run()
    (picker,) = app.file_uploader
    assert (picker.key, picker.value, stored(user_db).articles) == ("uploads-1", [], 2)


LANGUAGE_TEXTS = {
    "uk.txt": "published: 2024-03-21\n\nУ ніч на 21 березня ворог атакував Київ балістичними ракетами. "
    "Уламки впали в Дарницькому районі, пошкоджено житловий будинок.\n",
    "en.txt": "published: 2024-05-10\n\nRussian drones hit Kyiv's Holosiivskyi district overnight on May 10, "
    "damaging a school, officials said.\n",
}


@pytest.fixture
def languages_db(user_db: Path, db: Path, tmp_path: Path) -> Path:
    """The user's store with an attack told in Ukrainian and another in English."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in LANGUAGE_TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = Store(str(user_db))
    try:
        ingest(store, read_paths([folder]))
    finally:
        store.close()
    return user_db


def language_box(at: AppTest) -> Any:
    (box,) = [m for m in at.multiselect if m.label == "Language"]
    return box


def listed_dates(at: AppTest) -> list[str]:
    (table,) = at.dataframe
    return [r["Date"] for r in table.value.to_dict("records")]


def test_the_language_filter_lists_every_language(languages_db: Path) -> None:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    box = language_box(at)
    assert (box.options, box.value, listed_dates(at)) == (
        ["Ukrainian", "Russian", "English", "Mixed"], [], ["2024-03-21", "2024-05-10"]
    )  # fmt: skip


@pytest.mark.parametrize(
    "chosen, dates, url",
    [(["uk"], ["2024-03-21"], "uk"), (["en", "mixed"], ["2024-05-10"], ["en", "mixed"]), (["ru"], [], "ru")],
)
def test_the_language_filter_narrows_the_events_and_travels_in_the_url(
    languages_db: Path, chosen: list[str], dates: list[str], url: str | list[str]
) -> None:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    language_box(at).set_value(chosen).run()
    assert not at.exception, [e.value for e in at.exception]
    assert (listed_dates(at) if dates else map_caption(at), at.query_params["language"]) == (
        dates or (0, 0), url
    )  # fmt: skip


def test_a_link_with_a_language_opens_with_the_filter_chosen(languages_db: Path) -> None:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["language"] = ["en", "klingon"]
    at.run()
    assert (language_box(at).value, listed_dates(at)) == (["en"], ["2024-05-10"])


def test_the_events_table_names_each_events_languages(languages_db: Path) -> None:
    at = open_page(AppTest.from_file(str(APP), default_timeout=60).run(), "pages/events.py")
    (table,) = at.dataframe
    assert [(r["Date"], r["Languages"]) for r in table.value.to_dict("records")] == [
        ("2024-03-21", "uk"), ("2024-05-10", "en")
    ]  # fmt: skip
