"""Weapons named in Ukrainian and Russian: the canonical classes, and a nationwide tally left out.

Every sentence here was written for this file.
"""

from __future__ import annotations

import datetime as dt

import pytest

from strikemap.extract import extract, facts
from strikemap.models import Article


def classes(clause: str, *, placed: bool = False) -> list[str]:
    return sorted({value for value, _ in facts.weapons(clause, placed=placed)[0]})


def kyiv_weapons(text: str) -> tuple[str, ...]:
    article = Article(id="a", path="a.txt", text=text, published=dt.date(2024, 5, 2))
    found = [r for r in extract(article) if r.city == "Kyiv" and r.role == "primary"]
    assert len(found) == 1, found
    return found[0].weapons


@pytest.mark.parametrize(
    "clause, expected",
    [
        # обстріл / обстрел is any bombardment: it names no weapon.
        ("Внаслідок обстрілу столиці пошкоджено будинок", []),
        ("Обстрел Киева продолжался всю ночь", []),
        ("Ворог обстріляв місто", []),
        # балістика is a missile; КАБ and guided bombs are bombs.
        ("Ворог атакує місто балістикою", ["missile"]),
        ("По Киеву ударили баллистикой", ["missile"]),
        ("Балістичні ракети влучили в промисловий об'єкт", ["missile"]),
        ("Росія скинула на місто КАБи", ["bomb"]),
        ("Россияне атаковали город КАБами", ["bomb"]),
        ("Удар керованими авіабомбами по околиці", ["bomb"]),
        # a compound adjective names both halves, unless it is air defence
        ("Унаслідок ракетно-дронової атаки на Київ пошкоджено будинки", ["drone", "missile"]),
        ("Ракетно-дроновый удар по столице", ["drone", "missile"]),
        ("Зенітно-ракетний комплекс працював над містом", []),
        ("Зенитно-ракетные войска отражали атаку", []),
    ],
)
def test_cyrillic_weapon_words_name_their_class(clause: str, expected: list[str]) -> None:
    assert classes(clause) == expected


@pytest.mark.parametrize(
    "clause, expected",
    [
        ("Загалом Росія випустила по Україні 84 крилаті ракети та 24 ударні дрони", []),
        ("Над Україною знищили 45 шахедів", []),
        ("По всій Україні збито 63 дрони", []),
        ("Россия атаковала Украину 122 ракетами и 36 дронами", []),
        ("По данным Воздушных сил, россияне запустили 39 беспилотников", []),
        ("Сили оборони знищили 87 ракет і 27 дронів", []),
        ("Загалом по Україні летіли 40 дронів, 12 з них — на Київ", ["drone"]),
        ("Сили ППО збили всі ракети, що летіли на столицю", ["missile"]),
        ("Дрони атакували Київ", ["drone"]),
    ],
    ids=[
        "по-Україні",
        "над-Україною",
        "по-всій-Україні",
        "атаковала-Украину",
        "Воздушные-силы",
        "Сили-оборони",
        "tally-naming-kyiv",
        "tied-to-the-capital",
        "plain",
    ],
)
def test_a_nationwide_tally_is_not_the_citys(clause: str, expected: list[str]) -> None:
    assert classes(clause) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "У ніч на 2 травня Росія атакувала Київ дронами. За даними Повітряних сил, ворог використав "
            "158 засобів ураження — 122 ракети та 36 шахедів. Уламки дрона впали в Дарницькому районі.",
            ("drone",),
        ),
        (
            "В ночь на 2 мая Киев атаковали баллистикой. По данным Воздушных сил, всего было запущено "
            "40 ракет, 30 из них — крылатые, и 50 дронов. Обломки упали в Печерском районе.",
            ("missile",),
        ),
        (
            "Overnight on 2 May Russia attacked Kyiv with drones. According to the Air Force, Russia "
            "launched 63 drones and 4 missiles. Debris fell in the Darnytskyi district.",
            ("drone",),
        ),
    ],
    ids=["uk", "ru", "en"],
)
def test_every_clause_of_a_nationwide_sentence_is_the_tally(text: str, expected: tuple[str, ...]) -> None:
    assert kyiv_weapons(text) == expected
