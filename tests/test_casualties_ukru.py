"""Killed and injured in Ukrainian and Russian, with numerals in digits and words in every case."""

from __future__ import annotations

import pytest

from strikemap.casualties_ukru import casualties, number


@pytest.mark.parametrize(
    "clause, killed, injured",
    [
        ("Загинули двоє людей, ще 16 постраждалих", 2, 16),
        ("Кількість загиблих зросла до 23, поранених — 63", 23, 63),
        ("В Киеве уже 27 погибших", 27, None),
        ("Ранены 82 человека", None, 82),
        ("п’ятеро поранених, серед них дитина", None, 5),
        ("Погиб мужчина, ранены трое", 1, 3),
        ("Внаслідок атаки загинула одна людина", 1, None),
        ("Двадцять трьох людей поранено", None, 23),
        ("Число погибших возросло до 9", 9, None),
        ("Кількість загиблих через атаку в ніч з 30 на 31 липня зросла до 31", 31, None),
        ("Загальна кількість загиблих внаслідок атаки 28 серпня — 23 людини", 23, None),
        ("Постраждалих немає", 0, 0),
        ("Обошлось без пострадавших", 0, 0),
    ],
)
def test_figures_in_every_form(clause: str, killed: int | None, injured: int | None) -> None:
    found = casualties(clause)
    assert (
        int(found.killed[0]) if found.killed else None,
        int(found.injured[0]) if found.injured else None,
    ) == (killed, injured)


@pytest.mark.parametrize(
    "clause",
    [
        "Серед загиблих двоє дітей",
        "з них 11 госпіталізовані",
        "Дрони атакували Київ о 3:40",
        "Drones hit Kyiv, killing two",
    ],
    ids=["subset-of-dead", "hospitalised-subset", "time-not-count", "english"],
)
def test_parts_times_and_other_languages_give_no_figure(clause: str) -> None:
    assert casualties(clause).killed is None and casualties(clause).injured is None


@pytest.mark.parametrize(
    "words, value",
    [
        ("23", 23),
        ("1 200", 1200),
        ("двоє", 2),
        ("троє", 3),
        ("п'ятеро", 5),
        ("двадцять трьох", 23),
        ("семеро", 7),
    ],
)
def test_numbers_in_words(words: str, value: int) -> None:
    assert number(words) == value
