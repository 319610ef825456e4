"""Ukrainian and Russian reports: inflected places, bare adjectives, dates, short posts.

Every passage here was written for this file.
"""

from __future__ import annotations

import datetime as dt

import pytest

from strikemap.extract import extract
from strikemap.models import Article

DAY = dt.date(2024, 5, 2)


def _found(text: str, published: dt.date | None = DAY) -> list[tuple[str, str | None, tuple[str, ...]]]:
    article = Article(id="a", path="a.txt", text=text, published=published)
    return sorted(
        (r.city, str(r.date) if r.date else None, tuple(sorted(r.districts))) for r in extract(article)
    )


@pytest.mark.parametrize(
    "text, districts",
    [
        (
            "Вночі дрони атакували Київ. У Голосіївському, Печерському та Оболонському районах пожежі.",
            ("Holosiivskyi", "Obolonskyi", "Pecherskyi"),
        ),
        ("Ночью дроны атаковали Киев. В Святошинском — разрушения в жилом доме.", ("Sviatoshynskyi",)),
        ("Атака на столицю. Шевченківському р-ні уламки впали на дах.", ("Shevchenkivskyi",)),
        ("Вибухи у столиці.\n\nДарницький: уламки БпЛА на території складу.", ("Darnytskyi",)),
        ("Ракетний удар по Києву. На Подолі пошкоджено будинок.", ("Podilskyi",)),
        ("Обстрел Киева. В Оболонском и Деснянском районах горят авто.", ("Desnianskyi", "Obolonskyi")),
        (
            "Атака дронів на Київ. Уламки впали в кількох районах: у Дарницькому та Дніпровському.",
            ("Darnytskyi", "Dniprovskyi"),
        ),
        (
            "Ракетний удар по Києву. У Шевченківському уламки впали на відкритій території.",
            ("Shevchenkivskyi",),
        ),
    ],
    ids=[
        "shared-районах",
        "bare-adjective-dash",
        "р-н",
        "colon-list",
        "neighbourhood",
        "ru-list",
        "list-after-районах",
        "bare-locative",
    ],
)
def test_districts_in_every_case_and_form(text: str, districts: tuple[str, ...]) -> None:
    assert _found(text) == [("Kyiv", "2024-05-02", districts)]


@pytest.mark.parametrize(
    "text",
    [
        "Попередньо, у Святошинському районі загинули двоє людей. Ще 16 постраждалих.",
        "В Соломенском районе погиб мужчина, ранены трое.",
    ],
    ids=["uk", "ru"],
)
def test_a_short_post_with_dead_in_a_district_reports_the_attack(text: str) -> None:
    assert len(_found(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "У Шевченківському районі чоловік загинув у ДТП на перехресті.",
        "В Дарницком районе загорелся склад, пожарные тушат огонь.",
    ],
    ids=["road-accident", "ordinary-fire"],
)
def test_no_attack_word_and_no_one_hurt_in_a_district_is_no_strike(text: str) -> None:
    found = _found(text)
    assert found == [] or all(not districts for _, _, districts in found)


def test_the_region_raions_are_the_kyiv_region() -> None:
    text = "Вночі ворог атакував Київщину дронами. У Броварському районі пошкоджено приватний будинок."
    assert [city for city, _, _ in _found(text)] == ["Kyiv region"]


def test_near_kyiv_is_not_in_kyiv() -> None:
    found = _found("Уламки дрона впали під Києвом, пошкоджено будинок.")
    assert not any(districts for _, _, districts in found)


@pytest.mark.parametrize(
    "text, published, day",
    [
        (
            "У ніч на 5 травня дрони атакували Київ, уламки впали у Дарницькому районі.",
            dt.date(2024, 5, 5),
            "2024-05-05",
        ),
        (
            "В ночь с 6 на 7 июля дроны атаковали Киев, обломки упали в Дарницком районе.",
            dt.date(2024, 7, 8),
            "2024-07-07",
        ),
        (
            "Вчора ракети атакували Київ, уламки впали у Дарницькому районі.",
            dt.date(2024, 5, 3),
            "2024-05-02",
        ),
        ("17 жовтня 2022 року дрони атакували Київ, влучання у Дарницькому районі.", None, "2022-10-17"),
    ],
    ids=["у-ніч-на", "в-ночь-с-на", "вчора", "genitive-month-year"],
)
def test_ukrainian_and_russian_dates(text: str, published: dt.date | None, day: str) -> None:
    assert _found(text, published) == [("Kyiv", day, ("Darnytskyi",))]


@pytest.mark.parametrize(
    "post, district",
    [
        (
            "Святошинський район.\nУламки впали на відкриту територію та на житловий будинок. Пожежа.",
            "Sviatoshynskyi",
        ),
        (
            "м. Київ\nКількість загиблих внаслідок нічної атаки зросла до 8.\n"
            "Рятувальники розбирають завали у Дарницькому районі.",
            "Darnytskyi",
        ),
    ],
    ids=["heading", "rescue-line-after-the-toll"],
)
def test_a_short_post_places_its_attack_by_a_heading_or_a_rescue_line(post: str, district: str) -> None:
    assert _found(post) == [("Kyiv", "2024-05-02", (district,))]


@pytest.mark.parametrize(
    "sentence",
    [
        "Одна з них влучила в житловий будинок у Шевченківському районі.",
        "Одна из них попала в жилой дом в Шевченковском районе.",
        "Друга поцілила в багатоповерхівку в Шевченківському районі.",
        "Вторая поразила многоэтажку в Шевченковском районе.",
    ],
)
def test_a_verb_of_hitting_places_the_attack(sentence: str) -> None:
    text = f"Вранці Росія випустила по Києву дві ракети. {sentence}"
    assert any(districts == ("Shevchenkivskyi",) for _, _, districts in _found(text))


# --- a post in a series: the posts it follows give the attack, the post its own facts -----------------


def _followed(
    text: str, *context: str
) -> list[tuple[str, str | None, tuple[str, ...], int | None, int | None]]:
    article = Article(id="b", path="b.txt", text=text, published=DAY, context=context)
    reports = extract(article)
    assert all(e.sentence in text for r in reports for e in r.evidence), "evidence is the post's own"
    return [(r.city, str(r.date), r.districts, r.killed, r.injured) for r in reports]


@pytest.mark.parametrize(
    "context, post, expected",
    [
        (("Вибухи у столиці.",), "Попередньо, двоє постраждалих.", ("Kyiv", "2024-05-02", (), None, 2)),
        (("Вибухи у столиці.", "Уламки впали у Дарницькому районі."), "Кількість загиблих зросла до 9.",
         ("Kyiv", "2024-05-02", (), 9, None)),
        (("Київ атакують ракети.",), "Відомо про одного загиблого та п'ятьох поранених.",
         ("Kyiv", "2024-05-02", (), 1, 5)),
        (("Ворог атакує столицю дронами.",), "Рятувальники працюють у Солом'янському районі.",
         ("Kyiv", "2024-05-02", ("Solomianskyi",), None, None)),
        (("Взрывы в столице.",), "Предварительно, двое пострадавших.", ("Kyiv", "2024-05-02", (), None, 2)),
        (("Обстрел Киева ракетами.",), "Число погибших возросло до четырёх.",
         ("Kyiv", "2024-05-02", (), 4, None)),
        (("Explosions in the capital.",), "Preliminary: two people injured.",
         ("Kyiv", "2024-05-02", (), None, 2)),
        (("Russian drones are attacking Kyiv.",), "The death toll has risen to 9.",
         ("Kyiv", "2024-05-02", (), 9, None)),
        (("Russian drones are attacking Kyiv.", "Air raid alert is over."), "Rescuers are working in Obolon.",
         ("Kyiv", "2024-05-02", ("Obolonskyi",), None, None)),
    ],
)  # fmt: skip
def test_an_update_reports_the_attack_of_the_posts_it_follows(
    context: tuple[str, ...], post: str, expected: tuple[object, ...]
) -> None:
    assert _followed(post, *context) == [expected]
    assert _followed(post) == [], "alone, the post reports no attack"


@pytest.mark.parametrize(
    "context, post",
    [
        (("Вибухи у столиці.",), "ДТП на Оболоні: двоє постраждалих."),
        (("Вибухи у столиці.",), "Відбій тривоги."),
        (("Вибухи у столиці.",), "Збираємо кошти на дрони для наших захисників."),
        (("Вибухи у столиці.",), "Негода пошкодила дахи будинків, є постраждалі."),
        (("Взрывы в столице.",), "Собираем на ремонт, реквизиты в комментариях. Пострадавшим нужна помощь."),
        (("Explosions in the capital.",), "Two people were injured in a road accident."),
        (("Explosions in the capital.",), "A storm damaged roofs, one person injured."),
        (("Explosions in the capital.",), "Two people injured in Odesa."),
        (("Відбій тривоги.",), "Попередньо, двоє постраждалих."),
        (("Вибухи у столиці.", "ДТП на Оболоні."), "Один із постраждалих помер у лікарні."),
        (("Вибухи у столиці.", "Авария на Оболони, есть пострадавшие."), "Ще двоє постраждалих."),
    ],
)
def test_a_post_about_something_else_is_no_update(context: tuple[str, ...], post: str) -> None:
    assert _followed(post, *context) == []


def test_a_post_with_its_own_attack_reads_as_before() -> None:
    post = "Ракетний удар по Одесі: троє поранених."
    assert _followed(post, "Вибухи у столиці.") == _followed(post)
