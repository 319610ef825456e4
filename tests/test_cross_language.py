"""One attack, one event across languages: a Ukrainian or Russian report and an English wire of the
same night merge, through the real pipeline (files read, extracted and ingested into the store)."""

from __future__ import annotations

from pathlib import Path

import pytest

from strikemap import query
from strikemap import store as st
from strikemap.cluster import make_event
from strikemap.ingest import ingest
from strikemap.models import Article
from strikemap.pipeline import find_events
from strikemap.read import read_paths

UK_NIGHT = "У ніч на 5 травня росіяни атакували Київ ударними дронами. Уламки впали у Дарницькому районі."
UK_WEEKDAY = "У ніч на понеділок ворог атакував столицю безпілотниками, уламки впали на Дарниці."
UK_TONIGHT = "Вночі ворог атакував Київ шахедами. У Дарницькому районі уламки пошкодили житловий будинок."
RU_NIGHT = "В ночь на 5 мая Россия атаковала Киев ударными беспилотниками. Обломки упали в Дарницком районе."
EN_OVERNIGHT = "Russia attacked Kyiv with drones overnight, police said. Debris fell in Darnytskyi district."
EN_TWO_DATES = (
    "KYIV, May 6 (Reuters) - Russian drones struck Kyiv on the night of May 4-5, damaging a house in the "
    "Darnytskyi district, the city administration said."
)
EN_TWO_WEEKDAYS = (
    "Russian drones attacked the Ukrainian capital during the night from Sunday to Monday. Falling debris "
    "damaged a residential building in the Darnytskyi district, Mayor Vitali Klitschko said."
)
EN_INTO = "Russia sent Shahed drones at Kyiv overnight on Sunday into Monday, hitting Darnytskyi district."


def _write(path: Path, published: str, source: str, text: str) -> Path:
    path.write_text(f"date: {published}\nsource: {source}\n\n{text}\n", encoding="utf-8")
    return path


def _events(store: st.Store) -> list[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...], int]]:
    with store.reading() as conn:
        found = st.reports_of(conn, st.all_event_ids(conn))
    events = [make_event(reports) for reports in found.values()]
    return sorted((str(e.date), e.districts, e.weapons, e.languages, len(e.reports)) for e in events)


@pytest.mark.parametrize(
    "local, wire",
    [
        (("2025-05-05", UK_NIGHT), ("2025-05-05", EN_OVERNIGHT)),
        (("2025-05-05", UK_NIGHT), ("2025-05-06", EN_TWO_DATES)),
        (("2025-05-05", UK_WEEKDAY), ("2025-05-05", EN_TWO_WEEKDAYS)),
        (("2025-05-05", UK_TONIGHT), ("2025-05-06", EN_TWO_WEEKDAYS)),
        (("2025-05-05", UK_TONIGHT), ("2025-05-05", EN_INTO)),
        (("2025-05-06", "У ніч з 4 на 5 травня " + UK_TONIGHT[6:]), ("2025-05-05", EN_OVERNIGHT)),
    ],
)
def test_a_ukrainian_post_and_an_english_wire_of_one_night_are_one_event(
    store: st.Store, tmp_path: Path, local: tuple[str, str], wire: tuple[str, str]
) -> None:
    """Regression: an English wire's 'night from Sunday to Monday' was dated Sunday, a day apart
    from the Ukrainian 'у ніч на понеділок', so the night was two events."""
    uk = _write(tmp_path / "suspilne.txt", local[0], "Суспільне", local[1])
    en = _write(tmp_path / "wire.txt", wire[0], "Wire", wire[1])
    ingest(store, read_paths([uk, en]))
    assert _events(store) == [("2025-05-05", ("Darnytskyi",), ("drone",), ("en", "uk"), 2)]


def test_a_russian_report_joins_them(store: st.Store, tmp_path: Path) -> None:
    files = [
        _write(tmp_path / "uk.txt", "2025-05-05", "Суспільне", UK_NIGHT),
        _write(tmp_path / "ru.txt", "2025-05-05", "Страна", RU_NIGHT),
        _write(tmp_path / "en.txt", "2025-05-06", "Wire", EN_TWO_DATES),
    ]
    ingest(store, read_paths(files))
    assert _events(store) == [("2025-05-05", ("Darnytskyi",), ("drone",), ("en", "ru", "uk"), 3)]


def test_reports_of_two_nights_stay_two_events(store: st.Store, tmp_path: Path) -> None:
    uk = _write(tmp_path / "uk.txt", "2025-05-05", "Суспільне", UK_NIGHT)
    en = _write(tmp_path / "en.txt", "2025-05-07", "Wire", EN_OVERNIGHT)
    ingest(store, read_paths([uk, en]))
    assert _events(store) == [
        ("2025-05-05", ("Darnytskyi",), ("drone",), ("uk",), 1),
        ("2025-05-07", ("Darnytskyi",), ("drone",), ("en",), 1),
    ]


EN_LATE_SUNDAY = EN_OVERNIGHT.replace("overnight", "late on Sunday")
EN_LATE_MONDAY = EN_OVERNIGHT.replace("overnight", "late on Monday")
EN_MONDAY_AFTERNOON = EN_OVERNIGHT.replace("overnight", "on Monday afternoon")
UK_TUESDAY_NIGHT = UK_NIGHT.replace("5 травня", "6 травня")


def _ingest(store: st.Store, files: list[Path], *, together: bool) -> None:
    """In one batch, or one ingest after the other (the second merged through the store's search)."""
    for batch in [files] if together else [[f] for f in files]:
        ingest(store, read_paths(batch))


def _shown(store: st.Store) -> list[tuple[str, tuple[str, ...], int]]:
    """What a user sees: each event's day, the days its reports give, and its report count."""
    found = query.find(store)
    listed = query.listings(store)
    assert [(v.event.id, v.date) for v in found] == [(v.id, v.date) for v in listed]
    return [
        (str(v.date), tuple(sorted(str(r.date) for r in v.event.reports)), len(v.event.reports))
        for v in found
    ]


@pytest.mark.parametrize("evening_first", [True, False])
@pytest.mark.parametrize("together", [True, False])
def test_an_evening_told_in_english_and_its_night_told_in_ukrainian(
    store: st.Store, tmp_path: Path, evening_first: bool, together: bool
) -> None:
    """Regression (issue 13): 'late on Sunday' names the evening a night began, 'у ніч на понеділок'
    the night's later day, and the merge joined reports of one day only, so the attack was two events."""
    uk = _write(tmp_path / "uk.txt", "2025-05-05", "Суспільне", UK_WEEKDAY)
    en = _write(tmp_path / "en.txt", "2025-05-05", "Wire", EN_LATE_SUNDAY)
    _ingest(store, [en, uk] if evening_first else [uk, en], together=together)
    assert _events(store) == [("2025-05-05", ("Darnytskyi",), ("drone",), ("en", "uk"), 2)]
    assert _shown(store) == [("2025-05-05", ("2025-05-04", "2025-05-05"), 2)]
    in_memory = find_events(a for a in read_paths([uk, en]) if isinstance(a, Article))
    assert [v.event.id for v in query.find(store)] == [e.id for e in in_memory]  # whichever came first


@pytest.mark.parametrize(
    "first, then, days",
    [
        (("2025-05-05", EN_LATE_SUNDAY), ("2025-05-06", EN_LATE_MONDAY), ["2025-05-04", "2025-05-05"]),
        (("2025-05-05", EN_LATE_SUNDAY), ("2025-05-05", EN_MONDAY_AFTERNOON), ["2025-05-04", "2025-05-05"]),
        (("2025-05-05", EN_LATE_SUNDAY), ("2025-05-06", UK_TUESDAY_NIGHT), ["2025-05-04", "2025-05-06"]),
    ],
    ids=["the following evening", "the next afternoon", "the night after next"],
)  # fmt: skip
@pytest.mark.parametrize("together", [True, False])
def test_an_evening_stays_apart_from_what_is_not_its_night(
    store: st.Store,
    tmp_path: Path,
    first: tuple[str, str],
    then: tuple[str, str],
    days: list[str],
    together: bool,
) -> None:
    files = [
        _write(tmp_path / "first.txt", first[0], "Wire", first[1]),
        _write(tmp_path / "then.txt", then[0], "Other", then[1]),
    ]
    _ingest(store, files, together=together)
    assert _shown(store) == [(day, (day,), 1) for day in days]
