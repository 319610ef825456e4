"""Which language an article is in: Ukrainian, Russian, English or mixed, from texts written here."""

from __future__ import annotations

import time

import pytest

from strikemap.language import MIXED_SHARE, detect, shares

UK_STORY = (
    "У ніч на суботу ворог атакував Київ ударними дронами та балістичними ракетами. "
    "Внаслідок атаки в Дарницькому районі пошкоджено житловий будинок, постраждали троє людей. "
    "Рятувальники працюють на місці, уламки розбирають уже кілька годин. "
    "У Солом'янському районі загорівся склад, пожежу загасили до ранку. "
    "Також уламки впали на дах школи в Оболонському районі, де ніхто не постраждав. "
    "Повітряна тривога в столиці тривала понад чотири години. "
    "Міська влада повідомила, що всі служби працюють у посиленому режимі. "
    "Про загиблих наразі не відомо, дані уточнюються."
)
RU_STORY = (
    "В ночь на субботу Россия атаковала Киев ударными дронами и баллистическими ракетами. "
    "В результате атаки в Дарницком районе повреждён жилой дом, пострадали три человека. "
    "Спасатели работают на месте, обломки разбирают уже несколько часов. "
    "В Соломенском районе загорелся склад, пожар потушили к утру. "
    "Также обломки упали на крышу школы в Оболонском районе, где никто не пострадал. "
    "Воздушная тревога в столице длилась больше четырёх часов. "
    "Городские власти сообщили, что все службы работают в усиленном режиме. "
    "О погибших пока не известно, данные уточняются."
)
EN_STORY = (
    "Russia attacked Kyiv overnight with drones and ballistic missiles, city officials said on Saturday. "
    "Debris damaged a residential building in the Darnytskyi district and three people were injured. "
    "Rescuers were still clearing the rubble in the morning, and a warehouse caught fire in "
    "Solomianskyi district. The air raid alert in the capital lasted more than four hours."
)
UK_POST = "«Вибухи у столиці. Перебувайте в укриттях до відбою тривоги!»"
"""A two-sentence Ukrainian post, as a Russian story quotes it."""


@pytest.mark.parametrize(
    "text, expected",
    [
        (UK_STORY, "uk"),
        (RU_STORY, "ru"),
        (EN_STORY, "en"),
        # Ukrainian posts, some as short as a Telegram alert
        ("Вибухи в столиці! Усі в укриття.", "uk"),
        ("Загроза балістики для Києва.", "uk"),
        ("Працює ППО. Залишайтеся в укриттях!", "uk"),
        ("Тривога в Києві", "uk"),
        ("Тривога", "uk"),
        ("Уламки впали на Оболоні, є постраждалі.", "uk"),
        ("Ворог атакує столицю дронами з кількох напрямків. Будьте обережні!", "uk"),
        ("Пошкоджено об'єкт інфраструктури.", "uk"),
        ("Вибухи в Києві https://t.me/somechannel/12345 @somechannel", "uk"),
        # Russian posts
        ("Взрывы в Киеве! Все в укрытия.", "ru"),
        ("Угроза баллистики для Киева.", "ru"),
        ("Работает ПВО. Оставайтесь в укрытиях!", "ru"),
        ("Тревога в Киеве", "ru"),
        ("Обломки упали на Оболони, есть пострадавшие.", "ru"),
        ("Враг атакует столицу дронами с нескольких направлений. Будьте осторожны!", "ru"),
        ("Ночью над городом работала противовоздушная оборона, слышны были взрывы.", "ru"),
        # English, with a Cyrillic name or a link in it
        ("Explosions in Kyiv.", "en"),
        ("Air defence was active over the Darnytskyi (Дарницький) district of Kyiv on Tuesday.", "en"),
        ("Kyiv's mayor wrote on Telegram: Вибухи. https://t.me/x/1 The attack went on for hours.", "en"),
        # Mixed: both languages hold a substantial share
        (RU_STORY[:170] + " Мэр написал: " + UK_POST, "mixed"),
        (
            UK_STORY[:260] + " Один з каналів написав: «Наши ребята отработали по Киеву. В Дарницком районе "
            "горит склад, есть прилёты. Целились по объектам энергетики.»",
            "mixed",
        ),
        (EN_STORY[:200] + " " + UK_STORY[:200], "mixed"),
        (
            "Вибухи у Києві, залишайтеся в укриттях до відбою тривоги. "
            "Explosions in Kyiv, stay in the shelters until the all-clear.",
            "mixed",
        ),
        # No letters to tell by
        ("12:40 💥💥", None),
        ("", None),
    ],
)
def test_detect(text: str, expected: str | None) -> None:
    assert detect(text) == expected


def test_a_quoted_post_makes_a_long_story_mixed_only_when_it_is_a_substantial_part() -> None:
    """A two-sentence Ukrainian post quoted in a full Russian story stays Russian; in a story of
    two sentences it is a third of the text, and the story is mixed."""
    long_story = RU_STORY + " Городской голова написал в Telegram: " + UK_POST
    short_story = " ".join(RU_STORY.split(". ")[:2]) + ". Городской голова написал: " + UK_POST
    for text, expected in ((long_story, "ru"), (short_story, "mixed")):
        counts = shares(text)
        share = counts["uk"] / sum(counts.values())
        assert (share >= MIXED_SHARE) == (expected == "mixed"), share
        assert detect(text) == expected


@pytest.mark.parametrize(
    "minority, expected",
    [(0.10, "ru"), (0.13, "ru"), (0.17, "mixed"), (0.25, "mixed")],
)
def test_the_mixed_threshold(minority: float, expected: str) -> None:
    """Sentences of each language in proportion; the boundary is MIXED_SHARE of the letters."""
    ru = "Обломки ракеты упали во дворе жилого дома. "
    uk = "Уламки ракети впали у дворі житлового будинку. "
    ru_letters, uk_letters = shares(ru)["ru"], shares(uk)["uk"]
    uk_count = 4
    ru_count = round(uk_count * uk_letters * (1 - minority) / (minority * ru_letters))
    text = ru * ru_count + uk * uk_count
    assert detect(text) == expected


def test_quoted_sentences_without_marks_keep_the_language_of_their_quotation() -> None:
    """An unmarked sentence in a Russian quotation is Russian, though the story around is Ukrainian."""
    quote = "«Наши ребята отработали по складам. Горит. В Дарницком районе прилёты.»"
    counts = shares(UK_STORY[:300] + " Канал написав: " + quote)
    words = "Наши ребята отработали по складам Горит В Дарницком районе прилёты"
    assert counts["ru"] == sum(len(w) for w in words.split())


def test_a_long_unmarked_cyrillic_text_reads_as_russian() -> None:
    """Ukrainian shows і, ї or є every few words; a long text without any is most likely Russian."""
    unmarked_long, unmarked_short = "Над городом работает противовоздушная оборона", "Ракетна небезпека"
    assert shares(unmarked_long) == {"ru": 41}
    assert shares(unmarked_short) == {"uk": 16}


def test_detect_is_fast() -> None:
    """Run on every article read: well under a millisecond for 2 KB of either script."""
    cyrillic = (UK_STORY + " " + RU_STORY)[:2000]
    english = (EN_STORY * 4)[:2000]
    started = time.perf_counter()
    for _ in range(200):
        detect(english)
        detect(cyrillic + str(_))
    assert time.perf_counter() - started < 4
