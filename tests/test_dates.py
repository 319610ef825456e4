"""Date expressions and how their precision is decided."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from strikemap.extract.dates import find_dates, resolve, slash_order, summarise, war_anchor
from strikemap.models import When, format_date

D = dt.date


@pytest.mark.parametrize(
    "sentence, article, expected",
    [
        ("Drones hit Kyiv on Oct. 17.", D(2022, 10, 20), D(2022, 10, 17)),
        ("Smoke rose on 17 October, 2022.", None, D(2022, 10, 17)),
        ("The attack on 2022-10-17 was the largest.", None, D(2022, 10, 17)),
        ("Missiles struck on 29.12.2023.", None, D(2023, 12, 29)),
        ("Explosions on Monday.", D(2022, 10, 17), D(2022, 10, 17)),
        ("Explosions on Monday.", D(2022, 10, 19), D(2022, 10, 17)),
        ("Hit by explosions on Monday last week.", D(2022, 10, 17), D(2022, 10, 10)),
        ("Drones attacked yesterday.", D(2023, 5, 30), D(2023, 5, 29)),
        ("A recalled strike on Dec. 31.", D(2023, 1, 10), D(2022, 12, 31)),
        ("Attacked in the early hours of Sunday.", D(2023, 5, 29), D(2023, 5, 28)),
    ],
)
def test_a_single_mention_resolves_to_its_day(
    sentence: str, article: dt.date | None, expected: dt.date
) -> None:
    (mention,) = find_dates(sentence)
    assert resolve(mention, article, article, None) == (expected, expected)


@pytest.mark.parametrize(
    "sentence, article, expected",
    [
        ("Drones attacked Kyiv during the night from Sunday to Monday.", D(2025, 5, 5), D(2025, 5, 5)),
        ("Drones attacked Kyiv during the night from Sunday to Monday.", D(2025, 5, 6), D(2025, 5, 5)),
        ("Missiles struck overnight on Saturday into Sunday.", D(2025, 5, 5), D(2025, 5, 4)),
        ("The city was attacked on the night of Friday to Saturday.", D(2025, 5, 3), D(2025, 5, 3)),
        ("Explosions were heard in the night between Tuesday and Wednesday.", D(2025, 5, 7), D(2025, 5, 7)),
        ("Kyiv came under fire on Thursday night into Friday.", D(2025, 5, 9), D(2025, 5, 9)),
        ("Drones are attacking the capital overnight from Sunday to Monday.", D(2025, 5, 4), D(2025, 5, 5)),
    ],
)
def test_a_night_named_by_two_weekdays_is_the_later_day(
    sentence: str, article: dt.date, expected: dt.date
) -> None:
    """The night of two dates is the later day (`dates._night`), named by weekdays as by dates."""
    (mention,) = find_dates(sentence)
    assert (mention.night, resolve(mention, article, article, None)) == (True, (expected, expected))


@pytest.mark.parametrize(
    "sentence, article, expected",
    [
        ("Repairs went on from Sunday to Monday.", D(2025, 5, 5), D(2025, 5, 4)),
        ("Drones attacked Kyiv late on Sunday night.", D(2025, 5, 5), D(2025, 5, 4)),
        ("The night of Sunday was quiet.", D(2025, 5, 5), D(2025, 5, 4)),
    ],
)
def test_one_weekday_or_a_span_of_days_is_no_night_of_two(
    sentence: str, article: dt.date, expected: dt.date
) -> None:
    first = find_dates(sentence)[0]
    assert (first.night, resolve(first, article, article, None)) == (False, (expected, expected))


@pytest.mark.parametrize(
    "sentence",
    [
        "The strike on 31.02.2023 never happened.",
        "Officials may decide later.",
        "Forty drones and 17 missiles were launched.",
        "The 15th attack this month.",
    ],
)
def test_words_that_are_not_dates_are_ignored(sentence: str) -> None:
    assert find_dates(sentence) == []


@pytest.mark.parametrize(
    "sentence, window",
    [
        ("since its full-scale invasion 15 months ago", (D(2023, 5, 1), D(2023, 5, 31))),
        ("on the 300 days of full-scale war", (D(2022, 12, 20), D(2022, 12, 21))),
        ("nothing about the war here", None),
    ],
)
def test_war_length_dates_the_article(sentence: str, window: tuple[dt.date, dt.date] | None) -> None:
    assert war_anchor(sentence) == window


@pytest.mark.parametrize(
    "when, expected",
    [
        (When(D(2022, 10, 17), D(2022, 10, 17)), "2022-10-17"),
        (When(D(2022, 11, 1), D(2022, 11, 17), weekday=1), "2022-11"),
        (When(D(2023, 4, 30), D(2023, 5, 28), weekday=6), "2023-05"),
        (When(D(2023, 1, 1), D(2023, 8, 1)), "2023"),
        (When(D(2022, 12, 1), D(2023, 2, 1)), None),
        (When(None, None, weekday=0), None),
        (None, None),
    ],
    ids=["one-day", "tuesdays-in-november", "mostly-may", "year", "spans-years", "weekday-only", "none"],
)
def test_precision_is_never_finer_than_the_text_allows(when: When | None, expected: str | None) -> None:
    assert format_date(*summarise(when)) == expected


@pytest.mark.parametrize(
    "sentence, day",
    [
        ("Day 412 of the full-scale invasion.", dt.date(2023, 4, 11)),
        ("The full-scale war has gone on for 412 days.", dt.date(2023, 4, 12)),
        ("On the 500th day of the war, drones hit Kyiv.", dt.date(2023, 7, 8)),
        ("It is the 1,000th day of Russia's full-scale invasion.", dt.date(2024, 11, 19)),
        ("Russia's war against Ukraine, day 412.", dt.date(2023, 4, 11)),
        ("As the war entered its 413th day, drones hit Kyiv.", dt.date(2023, 4, 12)),
        ("Day 6 of Russia's full-scale war against Ukraine.", dt.date(2022, 3, 1)),
        ("Day 412 of Russia's invasion.", dt.date(2023, 4, 11)),
    ],
)
def test_war_day_counts_in_their_several_forms(sentence: str, day: dt.date) -> None:
    """Counted from 24 February 2022 as day 1; the window also allows an article of the next day."""
    window = war_anchor(sentence)
    assert window is not None and window[1] == day and window[1] - window[0] == dt.timedelta(days=1)


def test_an_ordinal_month_of_the_war_gives_no_window() -> None:
    assert war_anchor("The invasion is in its 14th month.") is None


@pytest.mark.parametrize(
    "text, day",
    [("(30/8/2023)", dt.date(2023, 8, 30)), ("on 8/30/2023", dt.date(2023, 8, 30)), ("on 5/6/2023", None)],
    ids=["day-first", "month-first", "ambiguous"],
)
def test_a_slashed_date_is_a_day_only_when_the_order_is_clear(text: str, day: dt.date | None) -> None:
    found = [d.day for d in find_dates(text)]
    assert found == ([day] if day else [])


def test_the_date_patterns_are_written_in_lower_case() -> None:
    """They also run without IGNORECASE over a lower-cased sentence, which needs lower-case patterns."""
    from strikemap.extract import dates

    for pattern, _ in dates._PATTERNS:
        assert not any(c.isupper() for c in re.sub(r"\\.|\(\?P<\w+>", "", pattern.pattern)), pattern.pattern


def _as_written(sentence: str) -> list[object]:
    """The dates the IGNORECASE patterns find in the sentence as written (the reference)."""
    from strikemap.extract import dates

    if not dates._may_hold_date(sentence, None):  # None: the Cue reads the sentence as written
        return []
    present = dates._present(sentence)
    taken: list[dates.DateMention] = []
    for (pattern, build), need in zip(dates._PATTERNS, dates._PATTERN_NEEDS, strict=True):
        for match in pattern.finditer(sentence) if present[need] else ():
            overlaps = any(t.start < match.end() and match.start() < t.end for t in taken)
            if not overlaps and (mention := build(match)) is not None:  # type: ignore[operator]
                taken.append(mention)
    return sorted(taken, key=lambda t: t.start)


@pytest.mark.parametrize(
    "sentence",
    [
        "Drones hit Kyiv on Oct. 17, 2022, and again ON MONDAY.",
        "THE NIGHT OF 30 NOVEMBER-1 DECEMBER 2024 was loud.",
        "Three days ago, and Last Week, the Previous Night.",
        "У НІЧ НА 5 ТРАВНЯ 2024 РОКУ дрони атакували Київ.",
        "В ночь с 6 на 7 Июля, в Среду.",
        "İstanbul said on 3 May 2024 that Kyiv was hit yesterday.",
    ],
)
def test_dates_read_from_a_lower_cased_copy_are_those_read_as_written(sentence: str) -> None:
    """Regression: the patterns run on a lower-cased copy must find what IGNORECASE finds in the
    sentence itself, quoted as written."""
    found = find_dates(sentence)
    assert found and found == _as_written(sentence)


@pytest.mark.parametrize(
    "article, order",
    [
        ("31/12/2023 - 09:15 ... 02/01/2024 - 14:05", "dmy"),
        ("12/31/2023 9:15 AM ... 01/02/2024 2:05 PM", "mdy"),
        ("13/05/2024 and 05/14/2024", None),
        ("05/06/2024 only", None),
        ("no dates at all", None),
    ],
)
def test_an_articles_unambiguous_slashed_dates_show_its_order(article: str, order: str | None) -> None:
    assert slash_order(article) == order


@pytest.mark.parametrize(
    "sentence, order, day",
    [
        ("02/01/2024 - 14:05", "dmy", D(2024, 1, 2)),
        ("02/01/2024 - 14:05", "mdy", D(2024, 2, 1)),
        ("02/01/2024 - 14:05", None, None),
        ("31/12/2023 - 09:15", "mdy", D(2023, 12, 31)),
    ],
)
def test_an_ambiguous_slashed_date_takes_the_articles_order(
    sentence: str, order: str | None, day: dt.date | None
) -> None:
    found = [d.day for d in find_dates(sentence, order=order) if d.kind == "day"]  # type: ignore[arg-type]
    assert found == ([day] if day else [])
