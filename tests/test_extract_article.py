"""Reading an article as a whole: places named in aftermath sentences, datelines at the top.

Real reports name the attack in the lead and its districts later, in sentences about rescue,
fire, damage or the dead, with no strike word. Every passage here was written for this file.
"""

from __future__ import annotations

import datetime as dt

import pytest

from strikemap.extract import extract
from strikemap.models import Article

LEAD = "Russia launched a massive drone attack on Kyiv overnight, officials said."


def _kyiv(
    text: str, published: dt.date | None = dt.date(2024, 5, 2)
) -> list[tuple[str | None, tuple[str, ...]]]:
    article = Article(id="a", path="a.txt", text=text, published=published)
    return [
        (str(r.date) if r.date else None, tuple(sorted(r.districts)))
        for r in extract(article)
        if r.city == "Kyiv"
    ]


@pytest.mark.parametrize(
    "aftermath, district",
    [
        ("Rescuers are working at the site in the Obolonskyi district.", "Obolonskyi"),
        ("A fire broke out in a warehouse in the Darnytskyi district.", "Darnytskyi"),
        ("Cars were set on fire in the Shevchenkivskyi district.", "Shevchenkivskyi"),
        ("Emergency services were sent to the Holosiivskyi district.", "Holosiivskyi"),
        ("Three bodies were pulled from the rubble of a house in Sviatoshynskyi district.", "Sviatoshynskyi"),
        ("Windows were blown out in several high-rises in the Dniprovskyi district.", "Dniprovskyi"),
        ("Two people were hospitalised from the Podilskyi district.", "Podilskyi"),
        ("There was no electricity or water in parts of the Holosiivskyi district.", "Holosiivskyi"),
    ],
)
def test_a_district_in_an_aftermath_sentence_belongs_to_the_attack(aftermath: str, district: str) -> None:
    assert _kyiv(f"{LEAD} {aftermath}") == [("2024-05-02", (district,))]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor thanked rescuers in the Obolonskyi district for their work last year. Sirens sounded.",
        "A fire broke out in a warehouse in the Darnytskyi district. Police are investigating arson.",
        "Firefighters held a training exercise in the Podilskyi district on Tuesday.",
    ],
    ids=["thanks", "ordinary-fire", "exercise"],
)
def test_an_aftermath_sentence_alone_reports_no_attack(text: str) -> None:
    assert _kyiv(text) == []


def test_an_aftermath_sentence_in_another_city_adds_nothing_to_kyiv() -> None:
    text = f"{LEAD} Debris fell in Obolonskyi district. In Kharkiv, rescuers worked in the Kyivskyi district."
    assert _kyiv(text) == [("2024-05-02", ("Obolonskyi",))]


def test_an_aftermath_sentence_does_not_date_the_attack() -> None:
    text = (
        "Russian missiles struck Kyiv on Thursday, damaging a house in Sviatoshynskyi district. "
        "On Saturday morning, repair work was still under way in the Sviatoshynskyi district."
    )
    assert _kyiv(text, dt.date(2025, 4, 26)) == [("2025-04-24", ("Sviatoshynskyi",))]


@pytest.mark.parametrize(
    "lead",
    [
        "Ukrainian air defence systems destroyed 20 Russian missiles over Kyiv overnight.",
        "Air defense systems shot down drones targeting the capital, Kyiv, overnight.",
    ],
)
def test_air_defence_systems_at_work_are_not_an_arms_delivery(lead: str) -> None:
    assert _kyiv(f"{lead} Debris damaged a building in the Darnytskyi district.") == [
        ("2024-05-02", ("Darnytskyi",))
    ]


@pytest.mark.parametrize(
    "top, attack_day",
    [
        ("31 December 2022, 09:40\n\nRussian drones attacked Kyiv overnight", "2022-12-31"),
        ("7/14/2024 11:52:10 PM\n\nRussian drones attacked Kyiv on Sunday", "2024-07-14"),
        ("Updated: 14.07.2024 08:41\n\nRussian drones attacked Kyiv overnight", "2024-07-14"),
        ("Sat 25 Nov 2023 09.12 GMT\n\nRussian drones attacked Kyiv overnight", "2023-11-25"),
        ("Posted June 3, 2023 at 10:15\n\nRussian drones attacked Kyiv on Friday", "2023-06-02"),
    ],
    ids=["day-month-year-time", "month-day-year-pm", "dotted-updated", "weekday-gmt", "month-day-at"],
)
def test_a_timestamp_at_the_top_dates_an_undated_article(top: str, attack_day: str) -> None:
    text = f"{top}, hitting a house in the Obolonskyi district."
    assert _kyiv(text, published=None) == [(attack_day, ("Obolonskyi",))]


def test_a_bare_date_bar_without_a_time_does_not_date_the_article() -> None:
    """A site prints today's date at the top of every page: it is not the story's date."""
    text = "Thursday, 21 September 2023\n\nRussian drones attacked Kyiv on Wednesday, hitting Obolonskyi."
    assert _kyiv(text, published=None) == [(None, ("Obolonskyi",))]


def test_a_month_header_gives_the_year_and_month_to_a_day_in_the_text() -> None:
    text = "date 2024-07\n\nOn the morning of July 8, Russian missiles hit the Dniprovskyi district of Kyiv."
    assert _kyiv(text, published=None) == [("2024-07-08", ("Dniprovskyi",))]


def test_a_month_header_alone_dates_the_attack_to_its_month() -> None:
    article = Article(
        id="a", path="a.txt", text="date 2023-09\n\nRussian missiles hit the Darnytskyi district of Kyiv."
    )
    [report] = extract(article)
    assert (str(report.date)[:7], report.date_precision) == ("2023-09", "month")


@pytest.mark.parametrize(
    "other",
    [
        "The city declared Friday, 25 April, a day of mourning.",
        "Tomorrow, 25 April, has been declared a day of mourning in Kyiv.",
        "The previous record of 90 drones was set on 28 May.",
        "Talks are scheduled for 30 April in Istanbul.",
    ],
    ids=["mourning-before", "mourning-after", "record", "meeting"],
)
def test_a_date_of_something_else_does_not_date_the_attack(other: str) -> None:
    text = f"Russian missiles struck Kyiv on Thursday, killing 9 people in Sviatoshynskyi district. {other}"
    assert _kyiv(text, dt.date(2025, 4, 24)) == [("2025-04-24", ("Sviatoshynskyi",))]


@pytest.mark.parametrize(
    "night, published, day",
    [
        ("on the night of 30 November–1 December", dt.date(2024, 12, 1), "2024-12-01"),
        ("on the night of 30 November to 1 December 2024", dt.date(2024, 12, 2), "2024-12-01"),
        ("on the night from 5 to 6 July", dt.date(2024, 7, 6), "2024-07-06"),
        ("on the night of 11/12 March", dt.date(2024, 3, 12), "2024-03-12"),
        ("on the night of 31 December-1 January", dt.date(2024, 1, 1), "2024-01-01"),
    ],
)
def test_the_night_of_two_dates_is_the_later_day(night: str, published: dt.date, day: str) -> None:
    text = f"Russian drones attacked Kyiv {night}, damaging a house in the Darnytskyi district."
    assert _kyiv(text, published) == [(day, ("Darnytskyi",))]


def test_the_start_of_the_war_is_not_an_attack_date() -> None:
    text = (
        "Russian missiles hit Kyiv on Thursday, damaging a house in the Podilskyi district. "
        "At least seven journalists have been killed in Ukraine since Russia launched its full-scale "
        "invasion on February 24, the group said."
    )
    assert _kyiv(text, dt.date(2022, 4, 29)) == [("2022-04-28", ("Podilskyi",))]


@pytest.mark.parametrize(
    "dateline",
    ["KYIV (Reuters) -", "Kyiv (Ukraine) (AFP) –", "KYIV, June 3 (AP) —", "Kyiv, Ukraine (AP) —"],
)
def test_the_city_a_story_was_filed_from_is_not_struck(dateline: str) -> None:
    text = f"{dateline} A Russian missile strike on the port city of Odesa killed 14 people, officials said."
    assert _kyiv(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Hostile drones were spotted over the Obolonskyi district of Kyiv.",
        "Several drones are flying towards Kyiv from the north, the air force said.",
        "Enemy drones heading for the capital; a possible air defence operation in Kyiv.",
    ],
)
def test_drones_seen_on_their_way_hit_nothing(sentence: str) -> None:
    assert _kyiv(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Zelensky met with the French foreign minister in Kyiv to discuss air defence and drones.",
        "In Kyiv, the ministers held talks on more missiles for air defence.",
    ],
)
def test_a_meeting_about_air_defence_is_not_a_strike(sentence: str) -> None:
    assert _kyiv(sentence) == []


def test_a_wire_photo_caption_of_an_earlier_attack_does_not_date_todays() -> None:
    text = (
        "Rescuers work at an impact site after Russian drone and missile attacks in Kyiv, Ukraine, "
        "September 28, 2025.\n\n"
        "One person was killed in Kyiv after Russian drones hit the Dniprovskyi district overnight."
    )
    dates = {day for day, _ in _kyiv(text, dt.date(2025, 10, 25))}
    assert "2025-10-25" in dates and ("2025-10-25", ("Dniprovskyi",)) in _kyiv(text, dt.date(2025, 10, 25))


@pytest.mark.parametrize("credit", ["PHOTO: REUTERS", "Photo: AFP", "PHOTO: THE NEW YORK TIMES"])
def test_a_caption_closing_with_a_photo_credit_does_not_date_the_attack(credit: str) -> None:
    text = (
        "Firefighters at a damaged house on May 9, 2023, after an overnight Russian missile strike "
        f"in Kyiv. {credit}\n\n"
        "Russian missiles hit the Solomianskyi district of Kyiv. The attack took place on May 8, "
        "city officials said."
    )
    assert _kyiv(text, dt.date(2023, 5, 10)) == [("2023-05-08", ("Solomianskyi",))]


def test_a_file_photo_of_an_older_attack_stays_its_own_background_report() -> None:
    text = (
        "Rescuers at a building hit in Kyiv on April 2, 2023, in an earlier attack. PHOTO: REUTERS\n\n"
        "Russian missiles hit the Solomianskyi district of Kyiv on May 8, 2023, city officials said."
    )
    found = extract(Article(id="a", path="a.txt", text=text, published=dt.date(2023, 5, 10)))
    assert [(r.date, r.districts, r.role) for r in found] == [
        (dt.date(2023, 4, 2), (), "background"),
        (dt.date(2023, 5, 8), ("Solomianskyi",), "primary"),
    ]


@pytest.mark.parametrize("line", ["Photo: the house hit on Monday.", "Photos: rescuers at work."])
def test_a_paragraph_only_about_photos_is_still_read(line: str) -> None:
    text = f"Russian drones hit the Obolonskyi district of Kyiv on May 8, 2023. {line}"
    assert ("2023-05-08", ("Obolonskyi",)) in _kyiv(text, dt.date(2023, 5, 10))


@pytest.mark.parametrize(
    "line_form", ["{weekday}, {day} June", "{day} June 2023", "{day} June, 09:40", "June {day}"]
)
def test_a_live_blog_date_line_starts_an_incident(line_form: str) -> None:
    def line(weekday: str, day: int) -> str:
        return line_form.format(weekday=weekday, day=day)

    text = (
        "Live: Russian attacks on Ukraine\n\n"
        f"{line('Saturday', 3)}\n\n"
        "Russian drones attacked Kyiv overnight, damaging a house in the Darnytskyi district.\n\n"
        f"{line('Friday', 2)}\n\n"
        "Missiles hit the Podilskyi district of Kyiv overnight, killing two people.\n"
    )
    article = Article(id="a", path="a.txt", text=text, published=dt.date(2023, 6, 3))
    found = sorted((str(r.date), r.districts, r.killed) for r in extract(article))
    assert found == [("2023-06-02", ("Podilskyi",), 2), ("2023-06-03", ("Darnytskyi",), None)]


@pytest.mark.parametrize(
    "deed",
    [
        "“Just yesterday, (U.S.) President Biden and I agreed to work on more air defence,” he wrote.",
        "On Monday, the ministers signed a new air defence deal in Brussels.",
    ],
)
def test_the_date_of_a_deed_does_not_date_the_attack(deed: str) -> None:
    text = f"Russian missiles hit Kyiv overnight, damaging a house in the Darnytskyi district. {deed}"
    assert _kyiv(text, dt.date(2023, 12, 13)) == [("2023-12-13", ("Darnytskyi",))]


def test_deaths_confirmed_in_a_district_belong_to_the_attack() -> None:
    text = f"{LEAD} Three deaths had been confirmed in Darnytsia district on the left bank, he added."
    assert _kyiv(text) == [("2024-05-02", ("Darnytskyi",))]


@pytest.mark.parametrize(
    "work",
    [
        "On 26 April, repair work is under way in the Sviatoshynskyi district after the attack.",
        "On Saturday, rescuers continued the clean-up in the Sviatoshynskyi district.",
    ],
)
def test_the_date_of_repair_work_does_not_date_the_attack(work: str) -> None:
    text = (
        f"Russian missiles struck Kyiv on Thursday, destroying a house in the Sviatoshynskyi district. {work}"
    )
    assert _kyiv(text, dt.date(2025, 4, 26)) == [("2025-04-24", ("Sviatoshynskyi",))]


@pytest.mark.parametrize(
    "when", ["On the night of 24 April", "On 24 April", "On April 24", "Late on April 24"]
)
def test_an_undated_articles_day_without_a_year_takes_the_year_of_its_full_dates(when: str) -> None:
    text = (
        "Russian attack on Kyiv on 24 April 2025\n\n"
        f"{when}, Russian missiles hit the Sviatoshynskyi district of Kyiv, destroying a house."
    )
    found = extract(Article(id="a", path="a.txt", text=text))
    assert [(r.date, r.districts) for r in found] == [(dt.date(2025, 4, 24), ("Sviatoshynskyi",))]


@pytest.mark.parametrize(
    "later",
    [
        "Loud explosions were heard in Kyiv on Wednesday (30/8) at around 5 a.m.",
        "Explosions shook Kyiv early on August 30, 2023, witnesses said.",
        "The missile attack on Kyiv came before dawn on 30 August 2023.",
    ],
)
def test_an_undated_article_takes_the_first_day_any_strike_sentence_gives(later: str) -> None:
    text = (
        "Two people were killed by falling debris after a missile attack on Kyiv.\n\n"
        "Debris fell in the Shevchenkivskyi district, the city administration said. Rescuers were "
        "also sent to the Darnytskyi district, where a commercial building was hit.\n\n"
        f"Officials said air defence was working. {later}"
    )
    found = extract(Article(id="a", path="a.txt", text=f"Thursday, 21 September 2023\n\n{text}"))
    dated = [(r.date, r.districts) for r in found if r.districts]
    assert dated == [(dt.date(2023, 8, 30), ("Shevchenkivskyi", "Darnytskyi"))]


def test_a_recalled_attack_later_in_an_undated_article_does_not_date_its_lead() -> None:
    text = (
        "A missile attack on Kyiv damaged houses in the Obolonskyi district.\n\n"
        "A week earlier, on August 23, 2023, a Russian missile strike hit the Podilskyi district of Kyiv."
    )
    found = extract(Article(id="a", path="a.txt", text=text))
    assert (None, ("Obolonskyi",)) in [(r.date, r.districts) for r in found]


@pytest.mark.parametrize(
    "sentence",
    [
        "Rescuers were also sent to the Darnytskyi district, where a commercial building was hit.",
        "Emergency crews were deployed to the Darnytskyi district, where a drone hit a warehouse.",
        "Firefighters were dispatched to the Darnytskyi district after a missile hit a shop.",
    ],
)
def test_responders_sent_to_a_hit_district_are_rescue_work_not_a_delivery(sentence: str) -> None:
    text = f"Russian missiles attacked Kyiv on May 8, 2023. {sentence}"
    assert ("2023-05-08", ("Darnytskyi",)) in [
        (str(r.date), r.districts) for r in extract(Article(id="a", path="a.txt", text=text))
    ]
