"""A channel's posts in series: a night attack told across midnight, a series whose earlier posts
come in a later export, and 'ще двоє' in a post that adds to the figure before it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from test_store import snapshot

from strikemap import ingest as ingest_module
from strikemap import store as st
from strikemap.cluster import cluster, make_event
from strikemap.extract import extract
from strikemap.ingest import ingest, reextract
from strikemap.models import Article, Event
from strikemap.read import read_paths
from strikemap.telegram import post_id

CHANNEL = "Тестовий канал ночі"
CHANNEL_ID = 1000000077


def _post(number: int, kyiv: str, text: str, *, author: str = "channel77") -> dict[str, object]:
    """A message posted at ``kyiv`` (Kyiv's winter clock, UTC+2)."""
    moment = dt.datetime.fromisoformat(kyiv) - dt.timedelta(hours=2)
    stamp = moment.replace(tzinfo=dt.UTC)
    return {"id": number, "type": "message", "date": moment.isoformat(),
            "date_unixtime": str(int(stamp.timestamp())), "from": CHANNEL, "from_id": author,
            "text": text}  # fmt: skip


def _export(path: Path, *posts: dict[str, object]) -> Path:
    export = {"name": CHANNEL, "type": "public_channel", "id": CHANNEL_ID, "messages": list(posts)}
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    return path


def _events(path: Path) -> list[Event]:
    articles = [a for a in read_paths([path]) if isinstance(a, Article)]
    return cluster(r for a in articles for r in extract(a))


def _summary(events: list[Event]) -> list[tuple[str, tuple[str, ...], int | None, int | None, int]]:
    return [(str(e.date), e.districts, e.killed, e.injured, len(e.reports)) for e in events]


# --- a night attack told across midnight ----------------------------------------------------------------

EVENING = "2025-01-14T23:50:00"
AFTER_MIDNIGHT = "2025-01-15T00:20:00"
DEBRIS = "Уламки впали у Дарницькому районі"


@pytest.mark.parametrize(
    "first, then, expected",
    [
        ("Вибухи у столиці", "Уламки впали у Дарницькому районі",
         [("2025-01-14", ("Darnytskyi",), None, None, 2)]),
        ("Взрывы в столице!", "Обломки упали в Дарницком районе.",
         [("2025-01-14", ("Darnytskyi",), None, None, 2)]),
        ("Ворог атакує Київ ударними дронами.", "Попередньо, двоє постраждалих.",
         [("2025-01-14", (), None, 2, 2)]),
        ("Київ під балістичною атакою. Вибух у Святошинському районі.",
         "Вночі уламки також впали у Святошинському районі, двоє поранених.",
         [("2025-01-14", ("Sviatoshynskyi",), None, 2, 2)]),
    ],
)  # fmt: skip
def test_a_follow_up_after_midnight_takes_the_day_its_series_began(
    tmp_path: Path, first: str, then: str, expected: list[object]
) -> None:
    """Regression: a series across midnight was two events, one a day late."""
    path = _export(tmp_path / "result.json", _post(1, EVENING, first), _post(2, AFTER_MIDNIGHT, then))
    assert _summary(_events(path)) == expected


@pytest.mark.parametrize(
    "posts, expected",
    [
        pytest.param(  # more than three hours later: another series, its own day
            [("2025-01-14T20:50:00", "Вибухи у столиці"), ("2025-01-15T00:20:00", DEBRIS)],
            [("2025-01-14", (), None, None, 1), ("2025-01-15", ("Darnytskyi",), None, None, 1)],
            id="gap",
        ),
        pytest.param(  # the series before midnight told of no attack
            [("2025-01-14T23:40:00", "ДТП на Оболоні: двоє постраждалих."),
             ("2025-01-15T00:20:00", "Вибухи у столиці. Уламки впали у Дарницькому районі.")],
            [("2025-01-15", ("Darnytskyi",), None, None, 1)],
            id="accident-before",
        ),
        pytest.param(  # the follow-up names its own date: it keeps it
            [("2025-01-14T23:50:00", "Вибухи у столиці"),
             ("2025-01-15T00:20:00", "Атака 10 січня: уламки впали у Дарницькому районі.")],
            [("2025-01-10", ("Darnytskyi",), None, None, 1), ("2025-01-14", (), None, None, 1)],
            id="own-date",
        ),
        pytest.param(  # after midnight, another city's news: its own day
            [("2025-01-14T23:50:00", "Вибухи у столиці"),
             ("2025-01-15T00:20:00", "Вибухи у Харкові: уламки впали на житловий будинок.")],
            [("2025-01-14", (), None, None, 1), ("2025-01-15", (), None, None, 1)],
            id="other-city",
        ),
        pytest.param(  # the whole series after midnight: its day, as before
            [("2025-01-15T00:05:00", "Вибухи у столиці"), ("2025-01-15T00:40:00", DEBRIS)],
            [("2025-01-15", ("Darnytskyi",), None, None, 2)],
            id="after-midnight",
        ),
    ],
)  # fmt: skip
def test_other_posts_keep_their_own_day(
    tmp_path: Path, posts: list[tuple[str, str]], expected: list[object]
) -> None:
    path = _export(tmp_path / "result.json", *(_post(n, at, text) for n, (at, text) in enumerate(posts, 1)))
    assert _summary(_events(path)) == expected


# --- the store: on SQLite and PostgreSQL -----------------------------------------------------------------


def _stored_events(store: st.Store) -> list[tuple[str, tuple[str, ...], int | None, int | None, list[int]]]:
    with store.reading() as conn:
        found = st.reports_of(conn, st.all_event_ids(conn))
    numbers = {post_id(str(CHANNEL_ID), n): n for n in range(1, 20)}
    events = [make_event(reports) for reports in found.values()]
    return sorted(
        (str(e.date), e.districts, e.killed, e.injured, sorted(numbers[r.article_id] for r in e.reports))
        for e in events
    )


def test_a_series_across_midnight_is_one_stored_event(store: st.Store, tmp_path: Path) -> None:
    path = _export(
        tmp_path / "result.json",
        _post(1, EVENING, "Вибухи у столиці"),
        _post(2, AFTER_MIDNIGHT, "Уламки впали у Дарницькому районі"),
        _post(3, "2025-01-15T01:10:00", "Попередньо, одна людина постраждала."),
    )
    ingest(store, read_paths([path]))
    assert _stored_events(store) == [("2025-01-14", ("Darnytskyi",), None, 1, [1, 2, 3])]
    before = snapshot(store)
    reextract(store)
    assert snapshot(store) == before


LEAD = _post(1, "2025-01-15T01:00:00", "Вибухи у столиці. Уламки впали у Дарницькому районі.")
UPDATE = _post(2, "2025-01-15T01:40:00", "Попередньо, двоє постраждалих.")
LATER = _post(3, "2025-01-15T02:30:00", "Кількість постраждалих зросла до чотирьох.")
ONE_EVENT = [("2025-01-15", ("Darnytskyi",), None, 4, [1, 2, 3])]


@pytest.mark.parametrize(
    "older, newer, reread",
    [
        ([UPDATE, LATER], [LEAD], 2),  # the newer export holds only the post the older ones follow
        ([LATER], [LEAD, UPDATE], 1),
        ([UPDATE], [LEAD, UPDATE, LATER], 1),  # a newer export of the whole night
    ],
)
def test_posts_stored_before_the_posts_they_follow_are_read_again_with_them(
    store: st.Store,
    tmp_path: Path,
    older: list[dict[str, object]],
    newer: list[dict[str, object]],
    reread: int,
) -> None:
    """Regression: a stored update kept an empty context when its lead came in a later export."""
    first = _export(tmp_path / "older.json", *older)
    second = _export(tmp_path / "newer.json", *newer)
    ingest(store, read_paths([first]))
    summary = ingest(store, read_paths([second]))
    assert _stored_events(store) == ONE_EVENT
    assert summary.reread == reread
    together = st.Store(str(tmp_path / "together.sqlite"))
    ingest(together, read_paths([_export(tmp_path / "all.json", LEAD, UPDATE, LATER)]))
    assert snapshot(store) == snapshot(together), "as if the posts had come in one export"
    together.close()
    before = snapshot(store)
    again = ingest(store, read_paths([first, second]))
    assert (again.added, again.reread, snapshot(store)) == (0, 0, before)
    reextract(store)
    assert snapshot(store) == before


def test_a_crash_while_reading_posts_again_leaves_the_store_as_it_was(
    store: st.Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(store, read_paths([_export(tmp_path / "older.json", UPDATE, LATER)]))
    before = snapshot(store)
    real = ingest_module._revise

    def crash(*args: object, **kwargs: object) -> object:
        real(*args, **kwargs)  # type: ignore[arg-type]
        raise RuntimeError("the power went out")

    monkeypatch.setattr(ingest_module, "_revise", crash)
    with pytest.raises(RuntimeError):
        ingest(store, read_paths([_export(tmp_path / "newer.json", LEAD)]))
    assert snapshot(store) == before
    monkeypatch.undo()
    ingest(store, read_paths([_export(tmp_path / "newer.json", LEAD)]))
    assert _stored_events(store) == ONE_EVENT


def test_a_forward_from_another_channel_is_not_read_with_the_channel_s_posts(
    store: st.Store, tmp_path: Path
) -> None:
    forward = {
        **_post(2, "2025-01-15T01:40:00", "Попередньо, двоє постраждалих."),
        "forwarded_from": "Інший канал",
    }
    ingest(store, read_paths([_export(tmp_path / "older.json", forward)]))
    summary = ingest(store, read_paths([_export(tmp_path / "newer.json", LEAD)]))
    assert summary.reread == 0
    assert _stored_events(store) == [("2025-01-15", ("Darnytskyi",), None, None, [1])]


# --- 'ще двоє': an addition in a later post of the series -------------------------------------------------


@pytest.mark.parametrize(
    "first, then, killed, injured",
    [
        ("Вибух у Дарницькому районі, одна людина поранена.", "Ще двоє постраждалих", None, 3),
        ("Взрыв в Дарницком районе, один человек ранен.", "Ещё двое пострадавших.", None, 3),
        ("Внаслідок атаки на Київ у Дарницькому районі загинула одна людина.", "Ще двоє загиблих.", 3, None),
        ("Удар по Киеву: в Дарницком районе трое раненых.", "Еще один пострадавший.", None, 4),
        ("Атака на Київ: у Дарницькому районі двоє поранених.", "Ще п'ятеро людей постраждали.", None, 7),
        # an update that names its place reports on its own, and still counts on
        ("Вибух у Дарницькому районі, одна людина поранена.", "Ще двоє постраждалих у Дарницькому районі.",
         None, 3),
        ("Взрыв в Дарницком районе, один человек ранен.", "Ещё двое раненых в Дарницком районе.", None, 3),
        ("Удар по Київу, одна людина поранена.",
         "Через атаку ще двоє людей постраждали у Дарницькому районі.", None, 3),
    ],
)  # fmt: skip
def test_ще_двоє_in_a_later_post_adds_to_the_figure_it_follows(
    tmp_path: Path, first: str, then: str, killed: int | None, injured: int | None
) -> None:
    """Regression: the event took the larger of 1 and 'ще двоє' (2) where the night cost 3."""
    path = _export(tmp_path / "result.json", _post(1, "2025-01-15T01:00:00", first),
                   _post(2, "2025-01-15T01:30:00", then))  # fmt: skip
    [event] = _events(path)
    assert (event.killed, event.injured, len(event.reports)) == (killed, injured, 2)
    update = next(r for r in event.reports if r.article.endswith("#2"))
    assert all(e.sentence == then for e in update.evidence), "the update quotes only its own post"


def test_an_addition_after_a_post_about_something_else_counts_alone(tmp_path: Path) -> None:
    accident = _post(1, "2025-01-15T01:00:00", "ДТП на Оболоні: одна людина постраждала.")
    update = _post(2, "2025-01-15T01:30:00", "Ще двоє постраждалих у Дарницькому районі після атаки дронів.")
    path = _export(tmp_path / "result.json", accident, update)
    assert [(e.districts, e.injured, len(e.reports)) for e in _events(path)] == [(("Darnytskyi",), 2, 1)]


@pytest.mark.parametrize(
    "first, then, injured",
    [
        ("Вибух у Дарницькому районі, одна людина поранена.", "Кількість постраждалих зросла до п'яти.", 5),
        ("Взрыв в Дарницком районе, один человек ранен.", "Число пострадавших выросло до четырех.", 4),
        ("Атака на Київ: у Дарницькому районі п'ятеро поранених.", "Двоє з них — діти.", 5),
        ("Атака на Київ: у Дарницькому районі двоє поранених.", "Попередньо, троє постраждалих.", 3),
    ],
)  # fmt: skip
def test_a_restated_total_or_a_part_in_a_later_post_adds_nothing(
    tmp_path: Path, first: str, then: str, injured: int
) -> None:
    path = _export(tmp_path / "result.json", _post(1, "2025-01-15T01:00:00", first),
                   _post(2, "2025-01-15T01:30:00", then))  # fmt: skip
    assert [e.injured for e in _events(path)] == [injured]


def test_a_version_5_store_is_upgraded_and_its_new_posts_are_read_with_later_ones(
    store: st.Store, tmp_path: Path
) -> None:
    ingest(store, read_paths([_export(tmp_path / "first.json", _post(9, "2025-01-10T03:00:00", DEBRIS))]))
    with store.writing() as conn:
        conn.execute(sa.text("DROP INDEX IF EXISTS ix_articles_thread"))
        for column in ("began", "thread", "posted_at"):
            conn.execute(sa.text(f"ALTER TABLE articles DROP COLUMN {column}"))
        version = st.meta_table.c.key == "schema_version"
        conn.execute(sa.update(st.meta_table).where(version).values(value="5"))
    before = snapshot(store)
    store.close()
    upgraded = st.Store(store.url)
    assert snapshot(upgraded) == before
    with upgraded.reading() as conn:
        stored = conn.execute(sa.select(st.meta_table.c.value).where(version)).scalar()
    assert stored == str(st.SCHEMA_VERSION)
    ingest(upgraded, read_paths([_export(tmp_path / "older.json", UPDATE, LATER)]))
    summary = ingest(upgraded, read_paths([_export(tmp_path / "newer.json", LEAD)]))
    assert summary.reread == 2
    assert _stored_events(upgraded)[1:] == ONE_EVENT
    upgraded.close()
