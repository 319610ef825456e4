"""Reading an article as a whole: places named in aftermath sentences, datelines at the top.

Real reports name the attack in the lead and its districts later, in sentences about rescue,
fire, damage or the dead, with no strike word. Every passage here was written for this file.
"""

from __future__ import annotations

import datetime as dt

import pytest

from strikemap.extract import article as extract_module
from strikemap.extract import extract
from strikemap.extract.dates import dateline
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
        (
            "Updated 21:40 EET, 17 Jun 2025 | First published 07:05 EET\n\nDrones attacked Kyiv overnight",
            "2025-06-17",
        ),
        ("09.12 GMT, 3 May 2024\n\nRussian drones attacked Kyiv on Thursday", "2024-05-02"),
        ("Published 8:14 AM, June 17, 2025\n\nRussian drones attacked Kyiv overnight", "2025-06-17"),
    ],
    ids=[
        "day-month-year-time",
        "month-day-year-pm",
        "dotted-updated",
        "weekday-gmt",
        "month-day-at",
        "time-zone-then-day",
        "time-gmt-then-day",
        "time-pm-then-month-day",
    ],
)
def test_a_timestamp_at_the_top_dates_an_undated_article(top: str, attack_day: str) -> None:
    text = f"{top}, hitting a house in the Obolonskyi district."
    assert _kyiv(text, published=None) == [(attack_day, ("Obolonskyi",))]


def test_the_time_of_an_attack_in_the_lead_does_not_date_the_article() -> None:
    """Only a time zone or a page's own layout makes a time before a date a timestamp."""
    text = "At 21:40 on 17 June 2025 missiles hit Kyiv, damaging a house in the Obolonskyi district."
    assert dateline(text) is None


def test_a_bare_date_bar_without_a_time_does_not_date_the_article() -> None:
    """A site prints today's date at the top of every page: it is not the story's date."""
    text = "Thursday, 21 September 2023\n\nRussian drones attacked Kyiv on Wednesday, hitting Obolonskyi."
    assert _kyiv(text, published=None) == [(None, ("Obolonskyi",))]


def test_a_month_header_gives_the_year_and_month_to_a_day_in_the_text() -> None:
    text = "date 2024-07\n\nOn the morning of July 8, Russian missiles hit the Dniprovskyi district of Kyiv."
    assert _kyiv(text, published=None) == [("2024-07-08", ("Dniprovskyi",))]


@pytest.mark.parametrize(
    "top, month",
    [
        ("FEATURE | MAY 2023", "2023-05"),
        ("Kyiv, December 2022", "2022-12"),
        ("Analysis: Sept. 2023", "2023-09"),
        ("October 2024", "2024-10"),
    ],
)
def test_a_line_of_only_a_month_and_year_dates_a_feature_to_its_month(top: str, month: str) -> None:
    text = (
        f"{top}\n\nOne night this month, drone debris hit a high-rise in the Holosiivskyi district of Kyiv."
    )
    [report] = extract(Article(id="a", path="a.txt", text=text))
    assert (str(report.date)[:7], report.date_precision, report.districts) == (
        month,
        "month",
        ("Holosiivskyi",),
    )


@pytest.mark.parametrize(
    "top",
    [
        "Life under alerts: notes from March 2022 onward",
        "In May 2023 the attacks began in earnest.",
        "Thursday, 21 September 2023",
    ],
)
def test_a_month_in_a_sentence_or_a_date_bar_does_not_date_the_article(top: str) -> None:
    text = f"{top}\n\nRussian drones attacked Kyiv on Wednesday, hitting Obolonskyi."
    assert _kyiv(text, published=None) == [(None, ("Obolonskyi",))]


@pytest.mark.parametrize(
    "when", ["In mid-November", "In mid November", "In early November", "In late November"]
)
def test_part_of_a_month_dates_an_attack_to_that_month(when: str) -> None:
    text = (
        f"Kyiv, December 2022\n\n{when}, a missile ripped through a block in the Pecherskyi district of Kyiv."
    )
    [report] = extract(Article(id="a", path="a.txt", text=text))
    assert (str(report.date)[:7], report.date_precision) == ("2022-11", "month")


@pytest.mark.parametrize(
    "scene",
    [
        "when Russian troops were still fighting on the edge of the capital",
        "while fighting raged in Irpin and Bucha",
        "at a time when the front line was only a few kilometres away",
    ],
)
def test_a_scene_set_by_fighting_does_not_veto_the_strike_it_dates(scene: str) -> None:
    text = (
        "Residents gathered on Thursday morning to mark three years since the strike.\n\n"
        f"The strike came late in the evening of March 20, 2022, {scene}. "
        "A missile hit a shopping centre in the Podilskyi district."
    )
    assert _kyiv(text, dt.date(2025, 3, 20)) == [("2022-03-20", ("Podilskyi",))]


@pytest.mark.parametrize(
    "gathering",
    [
        "Relatives gathered on Thursday morning outside the building to mark a year since the strike.",
        "The city commemorated on Sunday the victims of the strike.",
        "Officials laid flowers on Monday at the site of the strike.",
    ],
)
def test_the_day_of_a_commemoration_is_not_the_attacks(gathering: str) -> None:
    text = f"{gathering} A missile hit the Podilskyi district of Kyiv on 20 March 2022, killing eight people."
    assert _kyiv(text, dt.date(2023, 3, 20)) == [("2022-03-20", ("Podilskyi",))]


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
        ("on the night of July 3 to 4", dt.date(2025, 7, 4), "2025-07-04"),
        ("on the night of August 27-28", dt.date(2025, 8, 29), "2025-08-28"),
        ("on the night of Aug. 27 into 28", dt.date(2025, 8, 29), "2025-08-28"),
        ("on the night of July 31 to August 1, 2025", dt.date(2025, 8, 3), "2025-08-01"),
        ("during the night of Sept. 5-6, 2023", dt.date(2023, 9, 7), "2023-09-06"),
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
    [
        "KYIV (Reuters) -",
        "Kyiv (Ukraine) (AFP) –",
        "KYIV, June 3 (AP) —",
        "Kyiv, Ukraine (AP) —",
        "KYIV -",
        "KYIV, Ukraine —",
        "date 2024-05-02 KYIV -",
    ],
)
def test_the_city_a_story_was_filed_from_is_not_struck(dateline: str) -> None:
    text = f"{dateline} A Russian missile strike on the port city of Odesa killed 14 people, officials said."
    assert _kyiv(text) == []


@pytest.mark.parametrize(
    "dateline", ["Kyiv (AFP) -", "KYIV, Ukraine (AP) —", "KYIV (Reuters) -", "Kyiv, Oct 10 (Reuters) -"]
)
def test_a_wire_dateline_does_not_make_the_lead_a_photo_caption(dateline: str) -> None:
    """Regression: the agency in a dateline's parentheses was read as a photo credit, so the lead's
    day was skipped and a later sentence's date became the attack's."""
    text = (
        f"{dateline} Russian missiles hit Kyiv on Monday morning, killing five people. "
        "Missiles damaged buildings in the Shevchenkivskyi district.\n\n"
        "Moscow blames Ukraine for Saturday's blast on the Kerch bridge."
    )
    assert _kyiv(text, dt.date(2022, 10, 10)) == [("2022-10-10", ("Shevchenkivskyi",))]


@pytest.mark.parametrize(
    "sent",
    [
        "On Sunday, Russia sent the largest wave of Shahed drones yet at the capital.",
        "On Sunday, Moscow sent dozens of drones against Kyiv.",
        "On Sunday, Russia sent 40 missiles and drones towards the city.",
    ],
)
def test_weapons_sent_at_a_place_are_an_attack_not_a_delivery(sent: str) -> None:
    text = (
        "Russian missiles hit Kyiv on Thursday, damaging a house in the Desnianskyi district.\n\n"
        f"{sent} That attack injured a woman in the Holosiivskyi district."
    )
    assert sorted(_kyiv(text, dt.date(2023, 6, 1))) == [
        ("2023-05-28", ("Holosiivskyi",)),
        ("2023-06-01", ("Desnianskyi",)),
    ]


@pytest.mark.parametrize(
    "sent",
    [
        "On Sunday, the United States sent more Patriot missiles to Ukraine.",
        "On Sunday, Germany said it would send air defence missiles to Kyiv.",
    ],
)
def test_missiles_sent_to_ukraine_are_still_a_delivery(sent: str) -> None:
    text = f"Russian missiles hit Kyiv on Thursday, damaging a house in the Desnianskyi district. {sent}"
    assert _kyiv(text, dt.date(2023, 6, 1)) == [("2023-06-01", ("Desnianskyi",))]


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
    "line_form",
    [
        "{weekday}, {day} June",
        "{day} June 2023",
        "{day} June, 09:40",
        "June {day}",
        "{weekday} {day} June 2023 - Day 465 of the invasion",
        "{weekday}, June {day} (Day 465 of the full-scale war)",
        "{weekday}, June {day} (Day 465)",
        "{wkd} {day} Jun 2023 07.05 BST",
        "{wkd} {day} June 2023, 09:40 GMT",
    ],
)
def test_a_live_blog_date_line_starts_an_incident(line_form: str) -> None:
    def line(weekday: str, day: int) -> str:
        return line_form.format(weekday=weekday, wkd=weekday[:3], day=day)

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


@pytest.mark.parametrize("first_line", ["Saturday, June 3", "Saturday 3 June 2023 - Day 465", "3 June 2023"])
def test_a_live_blogs_first_date_line_heads_its_first_day(first_line: str) -> None:
    """Regression: the first of several date lines was taken for a site's date bar, so the
    newest day's entries went to the article's main attack and the older days were lost."""
    text = (
        f"{first_line}\n\n"
        "Missiles hit the Podilskyi district of Kyiv before dawn, killing two people.\n\n"
        "Friday, June 2\n\n"
        "Drones hit a house in the Darnytskyi district of Kyiv overnight.\n\n"
        "Thursday, June 1\n\n"
        "Debris fell in the Obolonskyi district of Kyiv, officials said.\n"
    )
    assert sorted(_kyiv(text, dt.date(2023, 6, 4))) == [
        ("2023-06-01", ("Obolonskyi",)),
        ("2023-06-02", ("Darnytskyi",)),
        ("2023-06-03", ("Podilskyi",)),
    ]


@pytest.mark.parametrize("told", ["on Tuesday evening", "on Tuesday", "late on Tuesday night"])
def test_a_weekday_in_a_war_day_window_is_the_day_it_names(told: str) -> None:
    """A war-day count leaves the article two possible days; a weekday that is one of them is
    that day, not the same weekday a week before (which left only the year)."""
    text = f"Day 6 of Russia's full-scale war.\n\nMissiles struck the Podilskyi district of Kyiv {told}."
    assert _kyiv(text, published=None) == [("2022-03-01", ("Podilskyi",))]


def test_a_live_blog_with_day_first_slashed_headings_reads_the_ambiguous_ones_day_first() -> None:
    text = (
        "02/01/2024 - 11:40\n\n"
        "Debris fell in the Pecherskyi district of Kyiv after a missile attack, officials said.\n\n"
        "31/12/2023 - 09:15\n\n"
        "Drones hit a house in the Obolonskyi district of Kyiv overnight.\n"
    )
    assert sorted(_kyiv(text, dt.date(2024, 1, 3))) == [
        ("2023-12-31", ("Obolonskyi",)),
        ("2024-01-02", ("Pecherskyi",)),
    ]


@pytest.mark.parametrize(
    "update",
    [
        "On Friday morning, the city administration said 23 people had been killed.",
        "By Friday, the death toll had risen to 23, rescuers in the Darnytskyi district said.",
        "As of Friday evening, 23 people were confirmed dead, officials said.",
    ],
)
def test_a_later_days_toll_update_is_no_attack_of_its_own(update: str) -> None:
    text = f"Russian missiles struck the Darnytskyi district of Kyiv on Thursday, killing 14 people. {update}"
    found = [
        (str(r.date), r.districts, r.killed)
        for r in extract(Article(id="a", path="a", text=text, published=dt.date(2025, 8, 29)))
        if r.city == "Kyiv"
    ]
    assert found == [("2025-08-28", ("Darnytskyi",), 23)]


def test_a_new_attack_on_a_later_day_stays_its_own() -> None:
    text = (
        "Russian missiles struck the Darnytskyi district of Kyiv on Thursday, killing 14 people. "
        "On Friday, drones hit the Obolonskyi district of Kyiv, injuring two."
    )
    assert sorted(_kyiv(text, dt.date(2025, 8, 29))) == [
        ("2025-08-28", ("Darnytskyi",)),
        ("2025-08-29", ("Obolonskyi",)),
    ]


@pytest.mark.parametrize(
    "recalled, day",
    [
        ("since December 29 last year, when a missile barrage hit the Podilskyi district", "2023-12-29"),
        ("since Dec. 29 of last year, when missiles struck the Podilskyi district", "2023-12-29"),
        ("since March 2, when a missile hit the Podilskyi district", "2024-03-02"),
    ],
)
def test_a_recalled_attack_after_since_and_a_year_word_keeps_its_day(recalled: str, day: str) -> None:
    text = f"Missiles hit the Darnytskyi district of Kyiv on Monday. It was the deadliest day {recalled}."
    assert sorted(_kyiv(text, dt.date(2024, 7, 8))) == sorted(
        [("2024-07-08", ("Darnytskyi",)), (day, ("Podilskyi",))]
    )


@pytest.mark.parametrize(
    "published, month",
    [(dt.date(2025, 4, 24), "2024-07"), (dt.date(2025, 7, 20), "2024-07"), (dt.date(2025, 9, 2), "2025-07")],
)
def test_last_july_is_the_latest_july_before_the_articles_month(published: dt.date, month: str) -> None:
    text = (
        "Missiles hit the Darnytskyi district of Kyiv overnight. It was the deadliest attack "
        "since last July, when a missile hit the Podilskyi district."
    )
    found = [
        (str(r.date)[:7], r.date_precision)
        for r in extract(Article(id="a", path="a", text=text, published=published))
        if r.districts == ("Podilskyi",)
    ]
    assert found == [(month, "month")]


@pytest.mark.parametrize("date", ["Feb. 12", "12 February", "February 12", "12.02.2025"])
def test_the_day_of_a_date_is_no_casualty_figure(date: str) -> None:
    """Regression: 'an attack on Feb. 12 killed a man' was read as 12 killed."""
    text = f"Missiles hit Kyiv overnight. An attack on {date} killed a man in the Holosiivskyi district."
    [report] = [
        r
        for r in extract(Article(id="a", path="a", text=text, published=dt.date(2025, 4, 24)))
        if r.districts
    ]
    assert (str(report.date), report.killed in (None, 1)) == ("2025-02-12", True)


@pytest.mark.parametrize(
    "evening",
    [
        "A strike destroyed a mall in Kyiv shortly before midnight on Sunday, killing eight people.",
        "A strike destroyed a shopping centre in Kyiv late on Sunday, killing eight people.",
        "A strike destroyed a shopping centre in Kyiv on Sunday evening, killing eight people.",
    ],
)
def test_an_evening_and_the_night_of_two_dates_are_one_attack(evening: str) -> None:
    text = f"{evening} The blast hit a mall in the Podilskyi district in the night of March 20 to 21."
    found = [
        (str(r.date), r.districts, r.killed)
        for r in extract(Article(id="a", path="a", text=text, published=dt.date(2022, 3, 21)))
    ]
    assert found == [("2022-03-21", ("Podilskyi",), 8)]


def test_a_daytime_attack_the_day_before_a_night_stays_its_own() -> None:
    text = (
        "Drones hit the Obolonskyi district of Kyiv on Sunday afternoon. "
        "Missiles hit the Podilskyi district of Kyiv in the night of March 20 to 21."
    )
    assert sorted(_kyiv(text, dt.date(2022, 3, 21))) == [
        ("2022-03-20", ("Obolonskyi",)),
        ("2022-03-21", ("Podilskyi",)),
    ]


@pytest.mark.parametrize(
    "intro",
    [
        "In this edition: Kyiv's worst week of air attacks so far this year.",
        "Russia attacked Kyiv three nights running; here is how the week went.",
        "Updates on the drone and missile attacks on Kyiv, newest first.",
    ],
)
def test_a_digests_intro_above_its_first_day_is_no_attack_of_its_own(intro: str) -> None:
    text = (
        f"{intro}\n\n"
        "Sunday, 28 May\n\n"
        "Drones hit the Holosiivskyi district of Kyiv overnight.\n\n"
        "Monday, 29 May\n\n"
        "Missile debris fell in the Obolonskyi district of Kyiv.\n"
    )
    assert sorted(_kyiv(text, dt.date(2023, 5, 31))) == [
        ("2023-05-28", ("Holosiivskyi",)),
        ("2023-05-29", ("Obolonskyi",)),
    ]


@pytest.mark.parametrize(
    "count",
    [
        "In May alone, the capital was attacked 17 times, mostly at night.",
        "It was the third large-scale attack on the capital in December.",
        "Kyiv came under fire from drones and missiles several times in March.",
        "It was the 18th strike on Kyiv in May.",
    ],
)
def test_a_count_of_a_months_attacks_is_no_attack(count: str) -> None:
    text = f"Russian missiles hit the Solomianskyi district of Kyiv on Saturday, killing five. {count}"
    assert _kyiv(text, dt.date(2023, 12, 30)) == [("2023-12-30", ("Solomianskyi",))]


@pytest.mark.parametrize(
    "told",
    [
        "In early May, a drone hit the Obolonskyi district.",
        "In May, missiles struck the Obolonskyi district.",
    ],
)
def test_an_attack_told_by_its_month_still_counts(told: str) -> None:
    text = f"Russian missiles hit the Solomianskyi district of Kyiv on Saturday, killing five. {told}"
    assert sorted(_kyiv(text, dt.date(2023, 12, 30))) == [
        ("2023-05-01", ("Obolonskyi",)),
        ("2023-12-30", ("Solomianskyi",)),
    ]


def test_an_undated_live_blog_keeps_the_days_after_its_first_war_day_count() -> None:
    """Regression: a page with no date of its own was dated by its first war-day count, and
    every later day it heads was thrown away as after the article."""
    text = (
        "Monday 14 March 2022 - Day 19 of the invasion\n\n"
        "Debris from a missile hit a block in the Obolonskyi district of Kyiv.\n\n"
        "Tuesday 15 March 2022 - Day 20\n\n"
        "Shelling hit a house in the Podilskyi district of Kyiv.\n\n"
        "Wednesday 16 March 2022 - Day 21\n\n"
        "Debris from a downed missile damaged a building in the Shevchenkivskyi district of Kyiv.\n"
    )
    assert sorted(_kyiv(text, published=None)) == [
        ("2022-03-14", ("Obolonskyi",)),
        ("2022-03-15", ("Podilskyi",)),
        ("2022-03-16", ("Shevchenkivskyi",)),
    ]


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


@pytest.mark.parametrize(
    "text",
    [
        "Russia struck Kharkiv with a glide bomb. It hit a house in the Shevchenkivskyi district of the "
        "city.",
        "КАБ влучила по Харкову. Бомба влучила у будинок у Шевченківському районі міста.",
        "Удар по Запоріжжю: пошкоджено будинки у Дніпровському та Шевченківському районах.",
        "Russian missiles hit Zaporizhzhia overnight. Debris fell in the Dniprovskyi district, "
        "damaging a house.",
        "Russian drones attacked Zaporizhzhia overnight.\n\nFedorov urged residents of the Dniprovskyi "
        "and Shevchenkivskyi districts to stay away from the debris.",
    ],
)
def test_a_district_name_other_cities_share_belongs_to_the_city_spoken_of(text: str) -> None:
    assert _kyiv(text) == []


@pytest.mark.parametrize(
    "text, district",
    [
        ("Russia struck Kharkiv overnight.\n\nIn Kyiv, debris fell in the Shevchenkivskyi district.",
         "Shevchenkivskyi"),
        ("Russian drones attacked Kyiv overnight. Debris fell in the Dniprovskyi district.", "Dniprovskyi"),
        ("Russia struck Kharkiv overnight. Drones also hit the Darnytskyi district of Kyiv.", "Darnytskyi"),
    ],
)  # fmt: skip
def test_kyivs_own_districts_stay_kyivs_beside_another_city(text: str, district: str) -> None:
    assert (str(dt.date(2024, 5, 2)), (district,)) in _kyiv(text)


@pytest.mark.parametrize(
    "text",
    [
        f"{LEAD}\n\n{LEAD}\n\nRescuers are working in the Obolonskyi district.",
        "Drones hit the Podilskyi district of Kyiv on 1 May.\n\n" * 2,
        f"{LEAD} Debris fell in Darnytskyi district.\n\nDebris fell in Darnytskyi district.\n\n{LEAD}",
        "Rescuers are working in the Obolonskyi district.\n\n"
        f"{LEAD}\n\nRescuers are working in the Obolonskyi district.",
    ],
)
def test_a_repeated_sentence_is_read_once_with_the_same_reports(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: reading each wording once per article (a headline printed again as the lead)
    must give the reports, evidence and offsets that reading every sentence afresh gives."""
    article = Article(id="a", path="a.txt", text=text, published=dt.date(2024, 5, 2))
    once = extract(article)
    monkeypatch.setattr(
        extract_module,
        "_analyse_once",
        lambda s, gazetteer, read, *, hints, order: extract_module._analyse(
            s, gazetteer, hints=hints, order=order
        ),
    )
    monkeypatch.setattr(
        extract_module,
        "_clause_facts_once",
        lambda clause, read, *, placed=False, tally=False: extract_module._clause_facts(
            clause, placed=placed, tally=tally
        ),
    )
    assert once and once == extract(article)


@pytest.mark.parametrize(
    "text",
    [
        "Explosions hit Kyiv's Obolonskyi district on Monday morning. The attack came exactly one week "
        "after the missile strike of 10 October, when the Podilskyi district was hit. This time, "
        "officials said, Russia used Shahed drones.",
        "A drone hit a house in Kyiv's Obolonskyi district on Monday. Two weeks earlier, on October 3, "
        "missiles struck the Podilskyi district. Today, the attackers were Shahed drones, the mayor said.",
    ],
)
def test_this_time_turns_back_from_a_recalled_attack_to_todays(text: str) -> None:
    article = Article(id=str(hash(text)), path="t.txt", text=text, published=dt.date(2022, 10, 17))
    found = [(r.role, r.districts, r.weapons) for r in extract(article) if r.city == "Kyiv"]
    assert found == [("primary", ("Obolonskyi",), ("drone",)), ("background", ("Podilskyi",), ("missile",))]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Missiles hit Kyiv's Podilskyi district overnight.\n\n1. Odesa. Drones hit a block of "
            "flats; four people were killed.\n\n2. Kharkiv. Guided bombs struck a factory.",
            [("Kyiv", ("missile",), None)],
        ),
        (
            "Missiles hit Kyiv's Podilskyi district overnight.\n\nDnipro: Shahed drones damaged a "
            "school and killed two people.",
            [("Kyiv", ("missile",), None)],
        ),
        # A heading of a Kyiv district keeps the story in Kyiv.
        (
            "Drones attacked Kyiv overnight.\n\nObolonskyi district. Debris fell on a house; two "
            "people were injured.",
            [("Kyiv", ("drone",), None)],
        ),
    ],
)
def test_a_place_heading_gives_its_paragraph_to_that_place(
    text: str, expected: list[tuple[str, tuple[str, ...], int | None]]
) -> None:
    article = Article(id=str(hash(text)), path="t.txt", text=text, published=dt.date(2023, 12, 29))
    assert [(r.city, r.weapons, r.killed) for r in extract(article) if r.city == "Kyiv"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "One person was killed as drones hit Kyiv, while the toll from Friday's attack on Kharkiv rose to 9.",
        "A drone hit a house in Kyiv's Obolonskyi district, as missiles struck Odesa on Friday.",
        "Missiles hit the Podilskyi district of Kyiv, days after Friday's deadly strike on Kryvyi Rih.",
    ],
)
def test_a_day_told_in_an_aside_about_another_city_is_not_kyiv_s(text: str) -> None:
    assert [day for day, _ in _kyiv(text, dt.date(2024, 5, 5))] == ["2024-05-05"]


@pytest.mark.parametrize(
    "text",
    [
        "Missiles hit Kyiv, Kharkiv and Odesa on Friday.",
        "Drones hit Kyiv, as well as Odesa on Friday.",
    ],
)
def test_a_day_told_at_the_end_of_a_list_of_cities_is_every_city_s(text: str) -> None:
    assert [day for day, _ in _kyiv(text, dt.date(2024, 5, 5))] == ["2024-05-03"]


@pytest.mark.parametrize(
    "said",
    [
        "Donald Trump said that in a call with Vladimir Putin on Wednesday he urged him not to strike back.",
        "The IAEA said on Thursday its team at the Zaporizhzhia plant heard gunfire aimed at drones.",
    ],
)
def test_a_day_someone_spoke_elsewhere_does_not_date_the_attack(said: str) -> None:
    text = f"Kyiv is under attack from Russian drones early this morning, with debris falling. {said}"
    assert [day for day, _ in _kyiv(text, dt.date(2025, 6, 6))] == ["2025-06-06"]


def test_a_week_s_tally_is_not_the_attack_s_weapons() -> None:
    text = (
        "One person was killed as a drone hit the Darnytskyi district of Kyiv on Saturday. "
        "Zelensky said Russia had launched more than 1,400 guided aerial bombs, nearly 700 attack "
        "drones and 30 missiles at Ukraine in the past week alone."
    )
    article = Article(id="a", path="a.txt", text=text, published=dt.date(2025, 4, 6))
    assert [r.weapons for r in extract(article)] == [("drone",)]


@pytest.mark.parametrize(
    "section",
    ["In Solomianskyi district (3 locations):", "In the Darnytskyi district:", "Solomianskyi district:"],
)
def test_a_section_heading_places_the_lines_under_it(section: str) -> None:
    text = (
        "A Russian missile attack on Kyiv on Tuesday morning damaged homes in several districts.\n\n"
        f"{section}\n\nA sports hall was partially destroyed and seven people were hospitalised."
    )
    district = "Darnytskyi" if "Darnytskyi" in section else "Solomianskyi"
    assert _kyiv(text) == [("2024-04-30", (district,))]


@pytest.mark.parametrize(
    "lead",
    [
        "Thunderous explosions hit Kyiv and regions across Ukraine on Monday morning.",
        "Russian missiles struck Kyiv and other cities across the country on Monday.",
    ],
)
def test_a_city_named_as_hit_stays_hit_however_wide_the_sentence_goes(lead: str) -> None:
    assert _kyiv(lead, dt.date(2022, 10, 31)) == [("2022-10-31", ())]


@pytest.mark.parametrize(
    "generic",
    [
        "Russia has struck Kyiv and other cities across Ukraine almost daily since October.",
        "Russia has been targeting cities across Ukraine, including Kyiv, with drones.",
    ],
)
def test_a_general_remark_about_strikes_across_ukraine_reports_none(generic: str) -> None:
    assert _kyiv(generic, dt.date(2022, 10, 31)) == []


@pytest.mark.parametrize(
    "follow_up",
    [
        "Five more bodies found days after Russian strike on Kyiv\n\n"
        "Five more bodies have been found under rubble after massive Russian missile strikes on Kyiv "
        "three days ago, bringing the death toll in the capital from that attack to 28.",
        "Three more bodies recovered hours after drone strike on Kyiv\n\n"
        "Rescuers recovered three more bodies after a Russian drone strike on Kyiv two days ago, "
        "bringing the death toll from that attack to 28.",
    ],
)
def test_a_follow_up_reports_the_earlier_attack_it_is_about(follow_up: str) -> None:
    article = Article(id="a", path="a.txt", text=follow_up, published=dt.date(2024, 1, 1))
    found = [(r.date, r.role, r.killed) for r in extract(article) if r.city == "Kyiv"]
    assert len(found) == 1 and found[0][1:] == ("primary", 28) and found[0][0] < dt.date(2024, 1, 1)


def test_a_day_of_mourning_for_the_dead_of_an_attack_names_its_day() -> None:
    text = (
        "Ukraine declared Monday a day of mourning for those killed in Friday's missile strikes on "
        "the Podilskyi district of Kyiv."
    )
    assert _kyiv(text, dt.date(2024, 1, 1)) == [("2023-12-29", ("Podilskyi",))]
