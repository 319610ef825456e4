"""When a passage says its attack happened: written dates, weekdays and nights against the
article's date, months, and dates too unlikely to keep.

Cases in the answer-key format of tests/passages.py; every passage was written for this file.
"""

from __future__ import annotations

import datetime as dt

import pytest
from passages import KYIV, Case, Expected, article, passages, reports_of

from strikemap.extract import extract

CASES: list[Case] = [
    # --- Dates. Conventions: "on <weekday>" is the latest such day on or before the published
    # date; "overnight" / "last night" in an article published on day D is dated D (night);
    # "the previous night" is the day before the day it is anchored to; a recalled month and
    # day take the year that puts them on or before the published date. ---
    (
        "date-oct-17-abbreviated",
        ("Kamikaze drones struck residential buildings in Kyiv's Shevchenkivskyi district on Oct. 17."),
        dt.date(2022, 10, 18),
        [
            {
                "city": KYIV,
                "districts": ["Shevchenkivskyi"],
                "date": "2022-10-17",
                "date_precision": "day",
            }
        ],
    ),
    (
        "date-written-in-full",
        "Kyiv was hit by kamikaze drones on 17 October 2022.",
        None,
        [
            {
                "city": KYIV,
                "districts": [],
                "date": "2022-10-17",
                "date_precision": "day",
                "time_of_day": None,
            }
        ],
    ),
    (
        "date-iso",
        ("Drone strike on Kyiv's Shevchenkivskyi district, 2022-10-17: residential buildings were damaged."),
        None,
        [
            {
                "city": KYIV,
                "districts": ["Shevchenkivskyi"],
                "date": "2022-10-17",
                "date_precision": "day",
            }
        ],
    ),
    (
        "on-monday-published-wednesday",
        "Kyiv was attacked by kamikaze drones on Monday.",
        dt.date(2022, 10, 19),
        [{"city": KYIV, "districts": [], "date": "2022-10-17", "date_precision": "day"}],
    ),
    (
        "on-monday-published-same-monday",
        "Kamikaze drones attacked Kyiv on Monday morning.",
        dt.date(2022, 10, 17),
        [
            {
                "city": KYIV,
                "districts": [],
                "date": "2022-10-17",
                "date_precision": "day",
                "time_of_day": "morning",
            }
        ],
    ),
    (
        "on-monday-published-sunday",
        "Kyiv was attacked by drones on Monday, officials said.",
        dt.date(2022, 10, 23),
        [{"city": KYIV, "districts": [], "date": "2022-10-17", "date_precision": "day"}],
    ),
    (
        "overnight-is-published-day",
        "Russia launched drones at Kyiv overnight.",
        dt.date(2022, 12, 29),
        [
            {
                "city": KYIV,
                "districts": [],
                "date": "2022-12-29",
                "date_precision": "day",
                "time_of_day": "night",
            }
        ],
    ),
    (
        "last-night-is-published-day",
        "Kyiv was attacked by drones last night, Mayor Vitali Klitschko said.",
        dt.date(2023, 5, 30),
        [
            {
                "city": KYIV,
                "districts": [],
                "date": "2023-05-30",
                "date_precision": "day",
                "time_of_day": "night",
            }
        ],
    ),
    (
        "yesterday",
        "A missile hit Kyiv's Dniprovskyi district yesterday.",
        dt.date(2023, 6, 1),
        [
            {
                "city": KYIV,
                "districts": ["Dniprovskyi"],
                "date": "2023-05-31",
                "date_precision": "day",
            }
        ],
    ),
    (
        "this-morning",
        "Missiles struck Kyiv's Desnianskyi district this morning.",
        dt.date(2023, 3, 9),
        [
            {
                "city": KYIV,
                "districts": ["Desnianskyi"],
                "date": "2023-03-09",
                "date_precision": "day",
                "time_of_day": "morning",
            }
        ],
    ),
    (
        "tuesday-afternoon-published-tuesday",
        "Missiles struck Kyiv's Pecherskyi district on Tuesday afternoon.",
        dt.date(2023, 1, 10),
        [
            {
                "city": KYIV,
                "districts": ["Pecherskyi"],
                "date": "2023-01-10",
                "date_precision": "day",
                "time_of_day": "afternoon",
            }
        ],
    ),
    (
        "friday-evening-published-saturday",
        "A missile struck Kyiv's Sviatoshynskyi district on Friday evening.",
        dt.date(2023, 3, 11),
        [
            {
                "city": KYIV,
                "districts": ["Sviatoshynskyi"],
                "date": "2023-03-10",
                "date_precision": "day",
                "time_of_day": "evening",
            }
        ],
    ),
    (
        "monday-last-week-published-thursday",
        (
            "Workers are still clearing rubble in Kyiv's Pecherskyi district, which was hit by "
            "several explosions on Monday last week."
        ),
        dt.date(2023, 1, 19),
        [
            {
                "city": KYIV,
                "districts": ["Pecherskyi"],
                "date": "2023-01-09",
                "date_precision": "day",
                "role": "background",
            }
        ],
    ),
    (
        "weekday-without-anchor-has-no-date",
        "Missiles struck Kyiv's Holosiivskyi district on Tuesday.",
        None,
        [{"city": KYIV, "districts": ["Holosiivskyi"], "date": None, "date_precision": None}],
    ),
    (
        "month-only",
        "Russian artillery shelled Kyiv's Obolonskyi district in March 2022.",
        None,
        [{"city": KYIV, "districts": ["Obolonskyi"], "date": "2022-03", "date_precision": "month"}],
    ),
    (
        "fifteen-months-of-war-gives-month",
        (
            "After 15 months of full-scale war, Kyiv residents woke to another drone attack that "
            "damaged a house in the Holosiivskyi district."
        ),
        None,
        [
            {
                "city": KYIV,
                "districts": ["Holosiivskyi"],
                "date": "2023-05",
                "date_precision": "month",
            }
        ],
    ),
]


@passages(CASES)
def test_passage(text: str, published: dt.date | None, expected: Expected) -> None:
    assert reports_of(text, published, expected) == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Drones hit Kyiv's Podil district on 5 May 2099.", dt.date(2024, 1, 1), (None, ())),
        ("Drones hit Kyiv's Podil district on 5 May 2099.", None, (None, ())),
        ("Drones hit Kyiv on 12 March 2010.", dt.date(2023, 3, 5), (None, ())),
        (
            "A missile strike on Kyiv's Darnytskyi district killed 1,000,000 people.",
            dt.date(2023, 3, 5),
            ("2023-03-05", ("implausible killed figure, kept as stated: 1,000,000",)),
        ),
    ],
    ids=["year-2099", "year-2099-undated-article", "before-the-war", "absurd-toll-flagged"],
)
def test_implausible_dates_are_dropped_and_figures_flagged(
    text: str, published: dt.date | None, expected: tuple[str | None, tuple[str, ...]]
) -> None:
    (report,) = extract(article(text, published))
    assert (report.date.isoformat() if report.date else None, report.flags) == expected
