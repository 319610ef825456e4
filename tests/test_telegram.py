"""Telegram Desktop channel exports (result.json): posts as articles, re-exports replacing edited posts."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from conftest import ROOT
from test_store import snapshot

from strikemap import store as st
from strikemap.cli import main
from strikemap.cluster import make_event
from strikemap.errors import ReadError
from strikemap.ingest import ingest, reextract
from strikemap.models import Article, Report, Skipped
from strikemap.read import read_paths
from strikemap.telegram import is_export, post_id
from strikemap.uploads import read_uploads

EXPORT = ROOT / "tests" / "fixtures" / "telegram" / "result.json"
CHANNEL = "Тестові новини Києва"
FOOTER = [
    {"type": "plain", "text": "\n\n"},
    {"type": "text_link", "text": CHANNEL, "href": "https://t.me/Kyiv_Test_News"},
]
EDITED = (
    "Ракетний удар по Києву: в Оболонському та Подільському районах загинули двоє людей, ще п'ятеро поранені."
)


def _stamp(utc: str) -> dict[str, str]:
    moment = dt.datetime.fromisoformat(utc).replace(tzinfo=dt.UTC)
    return {"date": utc, "date_unixtime": str(int(moment.timestamp()))}


def _post(number: int, utc: str, text: object, **extra: object) -> dict[str, object]:
    return {"id": number, "type": "message", **_stamp(utc), "from": CHANNEL, "from_id": "channel1", **extra,
            "text": text}  # fmt: skip


def _export(messages: list[dict[str, object]], **header: object) -> dict[str, object]:
    return {"name": CHANNEL, "type": "public_channel", "id": 1000000001, **header, "messages": messages}


def _write(path: Path, export: object) -> Path:
    path.write_text(json.dumps(export, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _read(path: Path) -> tuple[list[Article], list[Skipped]]:
    items = list(read_paths([path]))
    return [a for a in items if isinstance(a, Article)], [s for s in items if isinstance(s, Skipped)]


def _newer() -> dict[str, Any]:
    """The fixture exported again later: post 6 edited, posts 12 and 13 new."""
    export: dict[str, Any] = json.loads(EXPORT.read_text(encoding="utf-8"))
    newer = copy.deepcopy(export)
    six = next(m for m in newer["messages"] if m["id"] == 6)
    edited = _stamp("2024-05-03T03:00:00")
    six.update({"edited": edited["date"], "edited_unixtime": edited["date_unixtime"]})
    six["text"] = [EDITED, *FOOTER]
    newer["messages"] += [
        _post(
            12,
            "2025-01-16T04:00:00",
            ["Нічна атака на Київ: у Солом'янському районі пошкоджено склад.", *FOOTER],
        ),
        _post(13, "2025-01-16T05:00:00", ["Рятувальники завершили роботи у Солом'янському районі.", *FOOTER]),
    ]
    return newer


# --- reading ------------------------------------------------------------------------------------------


def test_each_post_with_text_is_an_article() -> None:
    articles, _ = _read(EXPORT)
    where = str(EXPORT)
    assert [(a.path, a.source, a.url, a.published) for a in articles] == [
        (f"{where}#2", CHANNEL, "https://t.me/Kyiv_Test_News/2", dt.date(2024, 5, 2)),
        (f"{where}#3", CHANNEL, "https://t.me/Kyiv_Test_News/3", dt.date(2024, 5, 2)),
        (f"{where}#6", CHANNEL, "https://t.me/Kyiv_Test_News/6", dt.date(2024, 5, 3)),
        (f"{where}#7", "Інший тестовий канал", "https://t.me/Kyiv_Test_News/7", dt.date(2024, 5, 3)),
        (f"{where}#8", CHANNEL, "https://t.me/Kyiv_Test_News/8", dt.date(2024, 5, 3)),
        (f"{where}#10", CHANNEL, "https://t.me/Kyiv_Test_News/10", dt.date(2024, 5, 4)),
        (f"{where}#11", CHANNEL, "https://t.me/Kyiv_Test_News/11", dt.date(2025, 1, 16)),
    ]
    assert [a.id for a in articles] == [post_id("1000000001", n) for n in (2, 3, 6, 7, 8, 10, 11)]
    assert all(a.title is None for a in articles)


def test_text_pieces_are_joined_as_the_post_shows_them() -> None:
    articles, _ = _read(EXPORT)
    by_path = {a.path.rsplit("#", 1)[1]: a.text for a in articles}
    assert by_path["3"] == (
        "Наслідки нічної атаки\nУ Святошинському районі уламки збитого дрона пошкодили дах школи. #Київ\n\n"
        + CHANNEL
    )
    assert by_path["8"] == (
        "Оновлено. Енергетики відновили світло в Подільському районі, повідомив @test_energy_bot."
        f"\n\n{CHANNEL}"
    )
    assert by_path["7"].endswith("Деталі: https://t.me/Another_Test_Channel/55")


def test_service_messages_and_posts_without_text_are_counted_in_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, skipped = _read(EXPORT)
    reason = "2 service messages and 2 posts without text (not articles)"
    assert skipped == [Skipped(str(EXPORT), reason, not_article=True)]
    assert main(["extract", str(EXPORT)]) == 0  # a channel's service messages are no failure to read
    err = capsys.readouterr().err
    assert f"left out of {EXPORT}: {reason}" in err and "skipped" not in err


@pytest.mark.parametrize(
    "counts, reason",
    [
        ((1, 0), "1 service message (not articles)"),
        ((0, 1), "1 post without text (not articles)"),
        ((3, 2), "3 service messages and 2 posts without text (not articles)"),
    ],
)
def test_the_count_line_says_what_was_left_out(tmp_path: Path, counts: tuple[int, int], reason: str) -> None:
    service, empty = counts
    messages = [{"id": n, "type": "service", **_stamp("2024-05-01T10:00:00"), "action": "pin_message",
                 "text": ""} for n in range(service)]  # fmt: skip
    messages += [_post(100 + n, "2024-05-01T10:00:00", "", photo="(File not included)") for n in range(empty)]
    messages.append(_post(200, "2024-05-01T10:00:00", "Вибухи в Києві."))
    articles, skipped = _read(_write(tmp_path / "result.json", _export(messages)))
    assert (len(articles), skipped) == (1, [Skipped(str(tmp_path / "result.json"), reason, not_article=True)])


def test_an_export_of_posts_only_adds_no_count_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "result.json", _export([_post(1, "2024-05-01T10:00:00", "Вибухи в Києві.")]))
    assert _read(path)[1] == []


@pytest.mark.parametrize(
    "utc, kyiv_day",
    [
        ("2024-05-01T23:30:00", dt.date(2024, 5, 2)),  # summer, UTC+3: after 21:00 UTC is tomorrow
        ("2024-05-01T21:00:00", dt.date(2024, 5, 2)),
        ("2024-05-01T20:59:59", dt.date(2024, 5, 1)),
        ("2025-01-15T22:30:00", dt.date(2025, 1, 16)),  # winter, UTC+2
        ("2025-01-15T21:59:59", dt.date(2025, 1, 15)),
        ("2024-03-30T22:30:00", dt.date(2024, 3, 31)),  # the night clocks go forward
        ("2024-10-26T21:30:00", dt.date(2024, 10, 27)),  # the night they go back
    ],
)
def test_published_is_the_day_in_kyiv(tmp_path: Path, utc: str, kyiv_day: dt.date) -> None:
    path = _write(tmp_path / "result.json", _export([_post(5, utc, "Вибухи в Києві.")]))
    assert [a.published for a in _read(path)[0]] == [kyiv_day]


def test_an_export_without_unix_times_uses_the_date_as_written(tmp_path: Path) -> None:
    post = {"id": 5, "type": "message", "date": "2021-03-04T23:50:00", "text": "Вибухи в Києві."}
    assert [a.published for a in _read(_write(tmp_path / "result.json", _export([post])))[0]] == [
        dt.date(2021, 3, 4)
    ]


def test_the_same_post_keeps_its_id_when_edited_and_another_channel_has_its_own() -> None:
    assert post_id("1000000001", 6) == post_id("1000000001", 6)
    assert len({post_id("1000000001", 6), post_id("1000000001", 7), post_id("1000000002", 6)}) == 3


def test_an_edited_post_is_read_with_its_newest_text_and_its_first_date(tmp_path: Path) -> None:
    articles, _ = _read(_write(tmp_path / "result.json", _newer()))
    six = next(a for a in articles if a.path.endswith("#6"))
    assert (six.id, six.text, six.published) == (
        post_id("1000000001", 6), f"{EDITED}\n\n{CHANNEL}", dt.date(2024, 5, 3)
    )  # fmt: skip


# --- the channel's address ------------------------------------------------------------------------------


def _urls(path: Path) -> list[str | None]:
    return [a.url for a in _read(path)[0]]


@pytest.mark.parametrize("given", ["kyiv_test_news", "@kyiv_test_news"])
def test_a_username_in_the_export_gives_each_post_its_address(tmp_path: Path, given: str) -> None:
    export = _export([_post(7, "2024-05-01T10:00:00", "Вибухи в Києві.")], username=given)
    assert _urls(_write(tmp_path / "result.json", export)) == ["https://t.me/kyiv_test_news/7"]


def test_a_username_after_the_messages_counts_too(tmp_path: Path) -> None:
    export = {"messages": [_post(7, "2024-05-01T10:00:00", "Вибухи в Києві.")], "name": CHANNEL, "id": 5,
              "username": "kyiv_test_news"}  # fmt: skip
    articles, _ = _read(_write(tmp_path / "result.json", export))
    assert [(a.url, a.source, a.id) for a in articles] == [
        ("https://t.me/kyiv_test_news/7", CHANNEL, post_id("5", 7))
    ]


def test_posts_signed_with_a_link_to_the_channel_give_its_address(tmp_path: Path) -> None:
    posts = [
        _post(1, "2024-05-01T10:00:00", ["Вибухи в Києві. ", {"type": "link", "text": "t.me/own_channel"}]),
        _post(2, "2024-05-01T11:00:00", ["Відбій тривоги. ", {"type": "text_link", "text": "Канал",
                                                               "href": "https://t.me/own_channel/1"}]),
        _post(3, "2024-05-01T12:00:00", "Наслідки атаки у Києві."),
    ]  # fmt: skip
    assert _urls(_write(tmp_path / "result.json", _export(posts))) == [
        f"https://t.me/own_channel/{n}" for n in (1, 2, 3)
    ]


@pytest.mark.parametrize(
    "posts",
    [
        # one post linking elsewhere is no signature
        [_post(1, "2024-05-01T10:00:00", ["Деталі: ", {"type": "link", "text": "https://t.me/other_news/4"}])],
        # a channel linked from a minority of posts is another channel
        [
            _post(1, "2024-05-01T10:00:00", ["Деталі: ", {"type": "link", "text": "https://t.me/other_news/4"}]),
            _post(2, "2024-05-01T11:00:00", ["Деталі: ", {"type": "link", "text": "https://t.me/other_news/5"}]),
            _post(3, "2024-05-01T12:00:00", "Вибухи в Києві."),
            _post(4, "2024-05-01T13:00:00", "Відбій тривоги в Києві."),
        ],
        # forwarded posts carry the links of the channel they came from
        [
            _post(n, "2024-05-01T10:00:00", ["Вибухи. ", {"type": "link", "text": "t.me/other_news"}],
                  forwarded_from="Інший канал")
            for n in (1, 2, 3)
        ],
        # invitation and private-post links name no channel
        [
            _post(n, "2024-05-01T10:00:00", ["Вибухи. ", {"type": "link", "text": f"https://t.me/c/12345/{n}"}])
            for n in (1, 2, 3)
        ],
    ],
)  # fmt: skip
def test_without_a_signature_posts_get_no_address(tmp_path: Path, posts: list[dict[str, object]]) -> None:
    assert set(_urls(_write(tmp_path / "result.json", _export(posts)))) == {None}


# --- what is an export, and broken ones ------------------------------------------------------------------


@pytest.mark.parametrize(
    "head, expected",
    [
        ('{\n "name": "Канал",\n "type": "public_channel",\n "id": 1,\n "messages": [\n  {', True),
        ('{"id": 1, "messages": []}', True),
        ('{"messages": [', True),
        ('{"text": "Вибухи", "messages": "none"}', False),
        ('{"text": "Повідомлення: \\"messages\\": [", "title": "x"}', False),
        ('{"text": "Вибухи у Києві", "meta": {"messages": []}}', False),
        ('[{"text": "Вибухи"}]', False),
        ('{"text": "' + "дуже довгий текст " * 10, False),  # cut off before any messages: one article
    ],
)
def test_an_export_is_an_object_whose_messages_are_a_list(head: str, expected: bool) -> None:
    assert is_export(head) is expected


def test_other_json_files_are_read_as_before(tmp_path: Path) -> None:
    one = _write(tmp_path / "one.json", {"text": "Вибухи в Києві.", "meta": {"messages": []}})
    many = _write(tmp_path / "many.json", [{"text": "Вибухи в Києві."}, {"text": "Відбій тривоги."}])
    assert [a.path for a in _read(one)[0]] == [str(one)]
    assert [a.path for a in _read(many)[0]] == [f"{many}#1", f"{many}#2"]


def test_a_broken_message_is_named_and_the_others_are_read(tmp_path: Path) -> None:
    messages = [
        _post(1, "2024-05-01T10:00:00", "Вибухи в Києві."),
        _post(2, "2024-05-01T11:00:00", 42),
        _post(3, "2024-05-01T12:00:00", ["Відбій ", 7]),
        "not a message",
        _post(5, "2024-05-01T13:00:00", "Наслідки атаки."),
    ]
    path = _write(tmp_path / "result.json", _export(messages))
    articles, skipped = _read(path)
    assert [a.path for a in articles] == [f"{path}#1", f"{path}#5"]
    reason = "'text' is neither a string nor a list of text pieces"
    assert skipped == [Skipped(f"{path}#2", reason), Skipped(f"{path}#3", reason),
                       Skipped(f"{path}#4", "expected a message object")]  # fmt: skip
    with pytest.raises(ReadError, match="neither a string"):
        list(read_paths([path], on_error="raise"))


def test_a_cut_off_export_keeps_the_posts_before_the_cut(tmp_path: Path) -> None:
    messages = [_post(n, "2024-05-01T10:00:00", f"Вибухи в Києві, повідомлення {n}.") for n in range(1, 4)]
    text = json.dumps(_export(messages), ensure_ascii=False, indent=1)
    path = tmp_path / "result.json"
    path.write_text(text[: text.index('"id": 3')], encoding="utf-8")
    articles, skipped = _read(path)
    assert [a.path for a in articles] == [f"{path}#1", f"{path}#2"]
    assert len(skipped) == 1 and skipped[0].path == str(path)
    assert skipped[0].reason.startswith("message 3 of the list: malformed JSON")
    assert skipped[0].reason.endswith("the rest of the file is not read")


def test_an_export_larger_than_the_file_limit_is_streamed(tmp_path: Path) -> None:
    text = "У Києві пролунали вибухи, працює протиповітряна оборона. " * 20
    messages = [_post(n, "2024-05-01T10:00:00", text) for n in range(1, 801)]
    path = _write(tmp_path / "result.json", _export(messages))
    assert path.stat().st_size > 1_000_000
    articles, skipped = _read_limited(path, 100_000)
    assert (len(articles), skipped) == (800, [])


def _read_limited(path: Path, limit: int) -> tuple[list[Article], list[Skipped]]:
    items = list(read_paths([path], max_bytes=limit))
    return [a for a in items if isinstance(a, Article)], [s for s in items if isinstance(s, Skipped)]


# --- storing, and storing a newer export ----------------------------------------------------------------


def _stored_text(store: st.Store, number: int) -> str:
    with store.reading() as conn:
        a = st.articles_table.c
        return str(conn.execute(sa.select(a.text).where(a.id == post_id("1000000001", number))).scalar_one())


def _event_of(store: st.Store, number: int) -> str:
    """The id of the event holding the post's (first) report."""
    with store.reading() as conn:
        return next(
            event_id
            for event_id, reports in st.reports_of(conn, st.all_event_ids(conn)).items()
            if any(r.article_id == post_id("1000000001", number) for r in reports)
        )


def _events(store: st.Store) -> list[tuple[str, str, list[str]]]:
    return sorted((city, date, keys) for _, city, date, keys in snapshot(store)["events"])  # type: ignore[misc]


def test_a_newer_export_adds_its_new_posts_and_replaces_the_edited_one(
    store: st.Store, tmp_path: Path
) -> None:
    first = ingest(store, read_paths([EXPORT]))
    assert (first.added, first.replaced, first.present) == (7, 0, 0)
    event = _event_of(store, 6)
    newer = _write(tmp_path / "result.json", _newer())
    again = ingest(store, read_paths([newer]))
    assert (again.added, again.replaced, again.present) == (2, 1, 6)
    assert again.lines()[0] == (
        "articles added: 2, replaced by an edited version: 1, already present: 6, skipped: 0"
    )
    assert _stored_text(store, 6) == f"{EDITED}\n\n{CHANNEL}"
    assert _event_of(store, 6) == event, "the edited post's event keeps its id, and so its corrections"
    fresh = st.Store(str(tmp_path / "fresh.sqlite"))
    ingest(fresh, read_paths([newer]))
    assert _events(store) == _events(fresh), "as if only the newer export had been stored"
    assert snapshot(store)["articles"] == snapshot(fresh)["articles"]
    before = snapshot(store)
    third = ingest(store, read_paths([newer]))
    assert (third.added, third.replaced, third.present, snapshot(store)) == (0, 0, 9, before)


def test_the_newer_of_two_exports_given_together_wins(tmp_path: Path) -> None:
    store = st.Store(str(tmp_path / "store.sqlite"))
    newer = _write(tmp_path / "result.json", _newer())
    summary = ingest(store, read_paths([EXPORT, newer]))
    assert (summary.added, summary.replaced) == (9, 0)
    assert _stored_text(store, 6) == f"{EDITED}\n\n{CHANNEL}"
    batched = st.Store(str(tmp_path / "batched.sqlite"))
    summary = ingest(batched, read_paths([EXPORT, newer]), batch_size=3)
    assert (summary.added, summary.replaced, _stored_text(batched, 6)) == (9, 1, f"{EDITED}\n\n{CHANNEL}")
    assert _events(batched) == _events(store)


def test_the_command_ingests_an_export_with_a_progress_bar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "store.sqlite")
    assert main(["ingest", "--db", db, "--progress", "--jobs", "1", str(EXPORT)]) == 0
    out, err = capsys.readouterr()
    assert "articles added: 7, already present: 0, skipped: 0" in out
    assert f"left out of {EXPORT}: 2 service messages and 2 posts without text (not articles)" in out
    assert "ingest: " in err and "8 articles" in err


def test_an_uploaded_export_is_read_the_same_way() -> None:
    articles, skipped = read_uploads([("result.json", EXPORT.read_bytes())])
    assert [a.path for a in articles] == [f"upload:result.json#{n}" for n in (2, 3, 6, 7, 8, 10, 11)]
    assert articles[0].url == "https://t.me/Kyiv_Test_News/2"
    reason = "2 service messages and 2 posts without text (not articles)"
    assert skipped == [Skipped("upload:result.json", reason, not_article=True)]


def test_a_post_carries_its_language() -> None:
    found = [a for a in read_paths([EXPORT]) if isinstance(a, Article)]
    assert found and all(a.language in ("uk", "ru", "mixed") for a in found)


# --- posts in series ----------------------------------------------------------------------------------

SERIES = ROOT / "tests" / "fixtures" / "telegram" / "series.json"
"""One channel's posts on three nights (Ukrainian, Russian, English), each attack told in short
updates, with an all-clear, a forward, a road accident and a late post among them."""


def _series_id(number: int) -> str:
    return post_id("1000000002", number)


def test_a_post_carries_the_posts_of_its_channel_it_follows_within_three_hours() -> None:
    articles, _ = _read(SERIES)
    follows = {int(a.path.rsplit("#", 1)[1]): len(a.context) for a in articles}
    assert follows == {
        1: 0, 2: 1, 3: 2, 5: 3, 6: 3, 7: 0, 8: 3, 9: 3, 10: 0, 11: 0, 12: 1, 13: 2, 14: 0, 15: 1, 16: 2,
    }  # fmt: skip
    by_number = {int(a.path.rsplit("#", 1)[1]): a for a in articles}
    assert by_number[6].context == ("Уламки впали у Дарницькому районі, на місці працюють рятувальники.",
                                    "Відбій тривоги.", "Попередньо, двоє постраждалих.")  # fmt: skip
    assert by_number[9].context[-1] == "ДТП на Оболоні: двоє постраждалих.", (
        "the forward (7) is not the channel's"
    )


def _series_events(
    store: st.Store,
) -> list[tuple[str, str, tuple[str, ...], int | None, int | None, list[int]]]:
    numbers = {_series_id(n): n for n in range(1, 17)}
    with store.reading() as conn:
        found = st.reports_of(conn, st.all_event_ids(conn))
    events = [
        make_event(reports) for reports in found.values() if any(r.article_id in numbers for r in reports)
    ]
    return sorted(
        (
            e.city,
            str(e.date),
            e.districts,
            e.killed,
            e.injured,
            sorted(numbers[r.article_id] for r in e.reports),
        )
        for e in events
    )


SERIES_EVENTS = [
    ("Kyiv", "2025-03-11", ("Darnytskyi",), 1, 5, [1, 2, 5, 6]),
    ("Kyiv", "2025-03-15", ("Sviatoshynskyi",), None, 4, [11, 12, 13]),
    ("Kyiv", "2025-03-20", ("Podilskyi",), None, 9, [14, 15, 16]),
]
"""Each night one event, with the figures of its last update; the all-clear (3), the other channel's
forward (7), the road accident (8), the update that follows it (9) and the late post (10) add nothing."""


def test_a_series_of_posts_is_one_event_with_the_figures_of_its_last_update(store: st.Store) -> None:
    ingest(store, read_paths([SERIES]))
    assert _series_events(store) == SERIES_EVENTS


def test_each_report_of_a_series_quotes_only_its_own_post(store: st.Store) -> None:
    ingest(store, read_paths([SERIES]))
    with store.reading() as conn:
        texts = st.article_texts(conn, [_series_id(n) for n in range(1, 17)])
        reports = [r for rs in st.reports_of(conn, st.all_event_ids(conn)).values() for r in rs]
    assert len(reports) == 10
    assert all(e.sentence in texts[r.article_id] for r in reports for e in r.evidence)
    update = next(r for r in reports if r.article_id == _series_id(6))
    assert [(e.field, e.sentence) for e in update.evidence] == [
        ("injured", "Кількість постраждалих зросла до п'яти, одна людина загинула."),
        ("killed", "Кількість постраждалих зросла до п'яти, одна людина загинула."),
    ]


def _stored_reports(store: st.Store) -> dict[str, list[Report]]:
    with store.reading() as conn:
        found = st.reports_of(conn, st.all_event_ids(conn))
    return {event_id: sorted(reports, key=lambda r: r.key) for event_id, reports in found.items()}


def test_extracting_a_series_again_from_the_store_gives_the_same_reports(store: st.Store) -> None:
    ingest(store, read_paths([SERIES]))
    before = _stored_reports(store)
    reextract(store)
    assert _stored_reports(store) == before
    assert _series_events(store) == SERIES_EVENTS


def test_ingesting_a_series_again_changes_nothing(store: st.Store) -> None:
    ingest(store, read_paths([SERIES]))
    before = snapshot(store)
    again = ingest(store, read_paths([SERIES]))
    assert (again.added, again.replaced, again.present, snapshot(store)) == (0, 0, 15, before)


def test_an_edited_update_replaces_its_report(store: st.Store, tmp_path: Path) -> None:
    ingest(store, read_paths([SERIES]))
    export: dict[str, Any] = json.loads(SERIES.read_text(encoding="utf-8"))
    six = next(m for m in export["messages"] if m["id"] == 6)
    six["text"] = "Кількість постраждалих зросла до семи, дві людини загинули."
    again = ingest(store, read_paths([_write(tmp_path / "result.json", export)]))
    assert (again.added, again.replaced) == (0, 1)
    assert _series_events(store)[0] == ("Kyiv", "2025-03-11", ("Darnytskyi",), 2, 7, [1, 2, 5, 6])


def test_a_version_4_store_keeps_the_posts_an_update_follows(store: st.Store) -> None:
    ingest(store, read_paths([EXPORT]))
    with store.writing() as conn:
        conn.execute(sa.text("ALTER TABLE articles DROP COLUMN context"))
        conn.execute(
            sa.update(st.meta_table).where(st.meta_table.c.key == "schema_version").values(value="4")
        )
    before = snapshot(store)
    store.close()
    migrated = st.Store(store.url)
    assert snapshot(migrated) == before
    ingest(migrated, read_paths([SERIES]))
    assert _series_events(migrated) == SERIES_EVENTS
    with migrated.reading() as conn:
        assert conn.execute(sa.select(st.meta_table.c.value).where(st.meta_table.c.key == "schema_version")
                            ).scalar() == str(st.SCHEMA_VERSION)  # fmt: skip
    migrated.close()
