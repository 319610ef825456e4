"""One attack, one event across languages: a Ukrainian or Russian report and an English wire of the
same night merge, through the real pipeline (files read, extracted and ingested into the store)."""

from __future__ import annotations

from pathlib import Path

import pytest

from strikemap import store as st
from strikemap.cluster import make_event
from strikemap.ingest import ingest
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


@pytest.mark.xfail(
    strict=True,
    reason="'late on Sunday' names the evening a night began, the Ukrainian post the night's later day; "
    "the merge joins one day only (no night tolerance across articles yet)",
)
def test_an_evening_told_in_english_and_its_night_told_in_ukrainian(store: st.Store, tmp_path: Path) -> None:
    uk = _write(tmp_path / "uk.txt", "2025-05-05", "Суспільне", UK_WEEKDAY)
    evening = EN_OVERNIGHT.replace("overnight", "late on Sunday")
    en = _write(tmp_path / "en.txt", "2025-05-05", "Wire", evening)
    ingest(store, read_paths([uk, en]))
    assert len(_events(store)) == 1
