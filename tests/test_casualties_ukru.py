"""Killed and injured in Ukrainian and Russian: numerals in every case, and each figure's kind.

Every sentence here was written for this file.
"""

from __future__ import annotations

import datetime as dt

import pytest

from strikemap.extract import extract, facts
from strikemap.extract.casualties_ukru import bound, casualties, number
from strikemap.models import Article


def resolved(clause: str) -> tuple[int | None, int | None]:
    """The clause's killed and injured as the toll would read them alone."""
    found = facts.casualties(clause)
    return (
        int(found.killed[0]) if found.killed else None,
        int(found.injured[0]) if found.injured else None,
    )


def kinds(clause: str) -> list[tuple[str, str, int]]:
    return [(f.field, f.kind, f.n) for f in casualties(clause)]


def tolls(text: str) -> tuple[int | None, int | None]:
    """The killed and injured of the article's Kyiv event."""
    article = Article(id="a", path="a.txt", text=text, published=dt.date(2024, 5, 2))
    reports = [r for r in extract(article) if r.city == "Kyiv" and r.role == "primary"]
    assert len(reports) == 1, reports
    return reports[0].killed, reports[0].injured


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
        # numbers in words in every case, collective numerals
        ("Під завалами загинули четверо людей", 4, None),
        ("Рятувальники повідомили про сімох загиблих", 7, None),
        ("Медики надали допомогу шістьом постраждалим", None, 6),
        ("Погибли трое жителей дома", 3, None),
        ("Пострадали пятеро, в том числе подросток", None, 5),
        ("Ранены четверо человек", None, 4),
        ("Сообщают о восьми раненых", None, 8),
        ("Число погибших выросло до двенадцати", 12, None),
        ("Двоє киян загинули", 2, None),
        # one person, two people, with no numeral
        ("Загинув чоловік, ще двоє поранені", 1, 2),
        ("Погибла женщина", 1, None),
        ("Одна людина загинула, ще 22 — поранені", 1, 22),
        ("Там погиб 41-летний мужчина", 1, None),
        ("Поранено 19-річного хлопця", None, 1),
        ("У ніч на 22 жовтня загинули чоловік та жінка", 2, None),
        ("Погибли мужчина и женщина", 2, None),
        # other phrasings of the dead
        ("Удар забрав життя трьох людей", 3, None),
        ("Обстрел унес жизни пяти человек", 5, None),
        ("Жертвами удару стали шестеро людей", 6, None),
        ("Четыре человека стали жертвами атаки", 4, None),
        ("Загальна кількість загиблих становить 32 особи", 32, None),
        ("Число погибших составляет 14", 14, None),
        # injured as a state
        ("Троє людей зазнали травм", None, 3),
        ("Женщина получила ранения", None, 1),
        ("Ще один постраждалий звернувся по допомогу", None, 1),
    ],
)
def test_figures_in_every_form(clause: str, killed: int | None, injured: int | None) -> None:
    assert resolved(clause) == (killed, injured)


@pytest.mark.parametrize(
    "clause, expected",
    [
        ("Кількість загиблих зросла до 9", [("killed", "update", 9)]),
        ("Число жертв выросло до 23", [("killed", "update", 23)]),
        ("Число пострадавших увеличилось до 40", [("injured", "update", 40)]),
        ("раненых — до 90", [("injured", "update", 90)]),
        (
            "Спершу повідомляли про трьох постраждалих, пізніше — про десятьох",
            [("injured", "total", 3), ("injured", "update", 10)],
        ),
        (
            "Сначала сообщали о двух погибших, позже — о пяти",
            [("killed", "total", 2), ("killed", "update", 5)],
        ),
        ("Ще двоє людей загинули", [("killed", "additive", 2)]),
        ("Еще трое пострадавших обратились к медикам", [("injured", "additive", 3)]),
        ("Рятувальники знайшли тіло ще однієї жінки", [("killed", "additive", 1)]),
        ("Из-под завалов достали тело мужчины", [("killed", "additive", 1)]),
        ("Рятувальники дістали тіла ще двох людей", [("killed", "additive", 2)]),
        ("Ще один чоловік помер у лікарні", [("killed", "additive", 1)]),
        ("Еще одна пострадавшая скончалась в больнице", [("killed", "additive", 1)]),
        # 'ещё' with its ё, as many Russian texts spell it, adds the same as 'еще'
        ("Ещё двое пострадавших", [("injured", "additive", 2)]),
        ("ЕЩЁ ОДИН человек погиб", [("killed", "additive", 1)]),
        ("Спасатели нашли тела ещё двух погибших", [("killed", "additive", 2)]),
        ("Один із поранених помер у лікарні", [("killed", "additive", 1)]),
        ("Двое раненых скончались в больнице", [("killed", "additive", 2)]),
        ("Шестеро госпіталізовані", [("injured", "subset", 6)]),
        ("Одного чоловіка з опіками госпіталізовано", [("injured", "subset", 1)]),
        ("Пятерых госпитализировали", [("injured", "subset", 5)]),
        ("троє з них зазнали травм", [("injured", "subset", 3)]),
        ("Загиблих немає", [("killed", "zero", 0)]),
        ("Погибших нет", [("killed", "zero", 0)]),
        ("Поранених немає", [("injured", "zero", 0)]),
        ("Обійшлося без загиблих і поранених", [("killed", "zero", 0), ("injured", "zero", 0)]),
        ("Погибших и пострадавших нет", [("killed", "zero", 0), ("injured", "zero", 0)]),
        ("Ніхто не загинув", [("killed", "zero", 0)]),
    ],
)
def test_each_figure_says_how_it_stands_to_the_toll(
    clause: str, expected: list[tuple[str, str, int]]
) -> None:
    assert kinds(clause) == expected


@pytest.mark.parametrize(
    "clause",
    [
        "Серед загиблих двоє дітей",
        "з них 11 госпіталізовані",
        "В том числе шестеро детей",
        "Дрони атакували Київ о 3:40",
        "Drones hit Kyiv, killing two",
        "19 мешканців врятовано з-під завалів",
        "Спасены 12 человек",
        "Рятувальники врятували трьох людей",
        "Загалом по Україні загинули 30 людей",
        "Известно о 31 погибшем и 123 раненых по Украине",
        "З початку повномасштабного вторгнення у Києві загинули понад 200 людей",
        "Не обійшлося без жертв",
        "Также не обошлось без погибших и пострадавших",
        "Дістали тіла більшості загиблих",
        "Вона отримала 15 повідомлень про поранених",
    ],
    ids=[
        "subset-of-dead",
        "hospitalised-subset",
        "ru-subset",
        "time-not-count",
        "english",
        "rescued-uk",
        "rescued-ru",
        "rescued-verb",
        "nationwide-uk",
        "nationwide-ru",
        "since-the-invasion",
        "not-without-victims-uk",
        "not-without-victims-ru",
        "bodies-no-count",
        "count-of-something-else",
    ],
)
def test_parts_rescued_and_tallies_give_no_figure(clause: str) -> None:
    assert kinds(clause) == []


@pytest.mark.parametrize(
    "clause, expected",
    [
        ("Поранено 19-річного хлопця", (None, 1)),
        ("Погибла 72-летняя пенсионерка", (1, None)),
        ("Пострадала 9-летняя девочка", (None, None)),
        ("22 жовтня загинули троє людей", (3, None)),
        ("17 октября погибли пять человек", (5, None)),
        ("О 4:30 госпіталізовано двох людей", (None, 2)),
        ("Госпіталізовано о 4:30", (None, None)),
    ],
    ids=["age-uk", "age-ru", "age-no-person-noun", "date-uk", "date-ru", "time", "time-alone"],
)
def test_ages_dates_and_times_are_not_counts(clause: str, expected: tuple[int | None, int | None]) -> None:
    assert resolved(clause) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Ракетний удар по Києву. Спочатку повідомляли про шістьох загиблих. "
            "Вранці рятувальники знайшли ще двох людей — кількість жертв зросла до восьми.",
            (8, None),
        ),
        (
            "Атака дронів на Київ. Вранці в КМВА повідомляли про трьох загиблих. "
            "Згодом рятувальники дістали з-під завалів тіло ще однієї жінки, "
            "а ще один чоловік помер у лікарні. "
            "Таким чином, загиблих — п'ятеро. Ще дев'ятеро людей поранені.",
            (5, 9),
        ),
        (
            "Ракетний удар по Києву: кількість загиблих зросла до 12. "
            "Слідчі виявили ще двох загиблих. Отже, загальна кількість загиблих становить 12 осіб.",
            (12, None),
        ),
        (
            "Атака на Киев. Изначально сообщали о девяти погибших и 63 пострадавших. "
            "К вечеру число жертв возросло до 12, раненых — до 90, в том числе шестеро детей.",
            (12, 90),
        ),
        (
            "Ракетный удар по Киеву. Сначала сообщали о девяти раненых, позже число пострадавших "
            "выросло до 12; шестеро госпитализированы.",
            (None, 12),
        ),
        (
            "Атака дронів на Київ. Постраждалих двоє. «Ще один постраждалий звернувся по медичну допомогу.",
            (None, 3),
        ),
        (
            "Атака шахедів на Київ. Ще 19 мешканців вдалося врятувати, троє з них зазнали травм.",
            (None, 3),
        ),
        (
            "Удар по Києву. У Подільському районі загинули двоє людей. Загалом у місті загинули вісім людей.",
            (8, None),
        ),
        (
            "Атака дронов на Киев. Один человек погиб, еще один ранен.",
            (1, 1),
        ),
        (
            "Атака на Київ. Постраждали п'ятеро людей. Загиблих немає. "
            "У Дніпровському районі уламки пошкодили будинок, там постраждалих немає.",
            (0, 5),
        ),
        (
            "У ніч на 1 травня дрони атакували Київ, загинули троє людей. "
            "Станом на ранок 2 травня кількість загиблих зросла до чотирьох.",
            (4, None),
        ),
        (
            "В ночь на 1 мая дроны атаковали Киев, погибли двое. "
            "По состоянию на утро 2 мая число погибших возросло до трех.",
            (3, None),
        ),
    ],
    ids=[
        "update-after-more-found",
        "additions-then-restated",
        "headline-restated-after-addition",
        "ru-updates-both",
        "ru-hospitalised-part",
        "quoted-another",
        "rescued-not-injured",
        "district-part",
        "ru-another-beside",
        "zero-for-a-site",
        "as-of-date-uk",
        "as-of-date-ru",
    ],
)
def test_the_attack_toll_across_sentences(text: str, expected: tuple[int | None, int | None]) -> None:
    assert tolls(text) == expected


@pytest.mark.parametrize(
    "sentence, spans",
    [
        ("Таким чином, загиблих — п'ятеро.", ["загиблих — п'ятеро"]),
        ("Одна людина загинула, ще 22 — поранені.", ["22 — поранені"]),
        ("Жертвами обстрелу, по данным ГСЧС, стали трое.", ["Жертвами обстрелу, по данным ГСЧС, стали трое"]),
        ("Загинули двоє людей.", []),
        ("Вибухи у столиці, працює ППО.", []),
    ],
)
def test_a_figure_told_across_a_dash_or_comma_is_kept_in_one_clause(sentence: str, spans: list[str]) -> None:
    assert [sentence[a:b] for a, b in bound(sentence)] == spans


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
        ("четверо", 4),
        ("четверых", 4),
        ("двоих", 2),
        ("однієї", 1),
        ("шістьом", 6),
        ("п'ятьом", 5),
        ("пятерым", 5),
        ("дітей", None),
    ],
)
def test_numbers_in_words(words: str, value: int | None) -> None:
    assert number(words) == value


@pytest.mark.parametrize(
    "prefix", ["", "İzmir: "]
)  # 'İ' lower-cases to two letters: the text is read as it is
@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "ЗАГИНУЛИ ДВОЄ ЛЮДЕЙ, ПОРАНЕНИХ НЕМАЄ",
            (("killed", 2, "ЗАГИНУЛИ ДВОЄ"), ("injured", 0, "ПОРАНЕНИХ НЕМАЄ")),
        ),
        ("Загиблих немає", (("killed", 0, "Загиблих немає"),)),
        ("Не обійшлося без жертв", ()),
        ("Загинули двоє людей по всій Україні", ()),
    ],
)
def test_capitals_read_as_lower_case_and_quoted_as_written(
    prefix: str, clause: str, expected: tuple[tuple[str, int, str], ...]
) -> None:
    found = casualties(prefix + clause)
    assert tuple((f.field, f.n, f.words) for f in found) == expected
