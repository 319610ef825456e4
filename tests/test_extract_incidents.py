"""One report per attack: an attack recalled beside today's is a background report of its own,
and two attacks in one passage each keep their own date, place, weapons and figures.

Cases in the answer-key format of tests/passages.py; every passage was written for this file.
"""

from __future__ import annotations

import datetime as dt

from passages import KYIV, Case, Expected, passages, reports_of

CASES: list[Case] = [
    # --- Recalled attacks are background reports; today's is the primary one ---
    (
        "recall-nearly-a-month-ago",
        (
            "Russian missiles hit two residential buildings in Kyiv's Pecherskyi district on "
            "Tuesday. The capital had last been targeted nearly one month ago, on Oct. 17, when "
            "kamikaze drones struck the city."
        ),
        dt.date(2022, 11, 15),
        [
            {
                "city": KYIV,
                "districts": ["Pecherskyi"],
                "date": "2022-11-15",
                "date_precision": "day",
                "weapons": ["missile"],
                "role": "primary",
            },
            {
                "city": KYIV,
                "districts": [],
                "date": "2022-10-17",
                "date_precision": "day",
                "weapons": ["drone"],
                "role": "background",
            },
        ],
    ),
    (
        "recall-across-new-year",
        (
            "Missiles hit Kyiv's Darnytskyi district on Tuesday, the first big strike on the "
            "capital since Dec. 31, when missiles hit the Solomianskyi district."
        ),
        dt.date(2023, 1, 10),
        [
            {
                "city": KYIV,
                "districts": ["Darnytskyi"],
                "date": "2023-01-10",
                "date_precision": "day",
                "role": "primary",
            },
            {
                "city": KYIV,
                "districts": ["Solomianskyi"],
                "date": "2022-12-31",
                "date_precision": "day",
                "role": "background",
            },
        ],
    ),
    (
        "anniversary-recall-only",
        (
            "A year ago today, on 10 October 2022, Russian missiles hit Kyiv's Shevchenkivskyi "
            "district during the morning rush hour."
        ),
        dt.date(2023, 10, 10),
        [
            {
                "city": KYIV,
                "districts": ["Shevchenkivskyi"],
                "date": "2022-10-10",
                "date_precision": "day",
                "role": "background",
            }
        ],
    ),
    (
        "primary-report",
        "Russian missiles hit Kyiv's Dniprovskyi district on Monday, damaging a power plant.",
        dt.date(2022, 10, 31),
        [
            {
                "city": KYIV,
                "districts": ["Dniprovskyi"],
                "date": "2022-10-31",
                "date_precision": "day",
                "role": "primary",
            }
        ],
    ),
    (
        "how-a-weapon-came-into-use-is-not-an-attack",
        "Drones struck Kyiv's Obolonskyi district on 5 October 2022. Russia had started using the "
        "weapon against targets in the south in September, and the strike on Kyiv was among the first.",
        None,
        [{"city": KYIV, "date": "2022-10-05", "districts": ["Obolonskyi"]}],
    ),
    # --- Two attacks in one passage: each fact attached to its own attack ---
    (
        "podil-today-obolon-previous-night",
        (
            "A missile struck an office building in Podil on Monday morning, injuring three people. "
            "The previous night, drones attacked Obolon, where falling debris killed a man."
        ),
        dt.date(2023, 5, 29),
        [
            {
                "city": KYIV,
                "districts": ["Podilskyi"],
                "date": "2023-05-29",
                "date_precision": "day",
                "time_of_day": "morning",
                "weapons": ["missile"],
                "debris": False,
                "killed": None,
                "injured": 3,
                "role": "primary",
            },
            {
                "city": KYIV,
                "districts": ["Obolonskyi"],
                "date": "2023-05-28",
                "date_precision": "day",
                "time_of_day": "night",
                "weapons": ["drone"],
                "debris": True,
                "killed": 1,
                "injured": None,
                "role": "primary",
            },
        ],
    ),
    (
        "saturday-and-friday-casualties",
        (
            "Two people were killed in the drone strike on Kyiv's Desnianskyi district on Saturday. "
            "On Friday, a missile attack on the Darnytskyi district had left five injured."
        ),
        dt.date(2023, 6, 25),
        [
            {
                "city": KYIV,
                "districts": ["Desnianskyi"],
                "date": "2023-06-24",
                "date_precision": "day",
                "weapons": ["drone"],
                "killed": 2,
                "injured": None,
            },
            {
                "city": KYIV,
                "districts": ["Darnytskyi"],
                "date": "2023-06-23",
                "date_precision": "day",
                "weapons": ["missile"],
                "killed": None,
                "injured": 5,
            },
        ],
    ),
    (
        "two-explicit-dates",
        (
            "Drones hit Kyiv's Darnytskyi district on 28 May 2023, and a missile struck the "
            "Holosiivskyi district two days later, on 30 May 2023."
        ),
        None,
        [
            {
                "city": KYIV,
                "districts": ["Darnytskyi"],
                "date": "2023-05-28",
                "date_precision": "day",
                "weapons": ["drone"],
            },
            {
                "city": KYIV,
                "districts": ["Holosiivskyi"],
                "date": "2023-05-30",
                "date_precision": "day",
                "weapons": ["missile"],
            },
        ],
    ),
    (
        "same-day-two-districts-one-report",
        (
            "Missiles hit Kyiv's Pecherskyi district on Tuesday morning. Later that day, debris "
            "also fell in the Holosiivskyi district."
        ),
        dt.date(2023, 1, 10),
        [
            {
                "city": KYIV,
                "districts": ["Holosiivskyi", "Pecherskyi"],
                "date": "2023-01-10",
                "date_precision": "day",
            }
        ],
    ),
    (
        "kyiv-and-bila-tserkva-same-night",
        (
            "Overnight, drones hit a warehouse in Kyiv's Solomianskyi district, and a missile struck "
            "an industrial site in Bila Tserkva."
        ),
        dt.date(2023, 6, 24),
        [
            {
                "city": KYIV,
                "districts": ["Solomianskyi"],
                "date": "2023-06-24",
                "weapons": ["drone"],
            },
            {"city": "Kyiv region", "districts": [], "date": "2023-06-24", "weapons": ["missile"]},
        ],
    ),
    (
        "kyiv-and-kyiv-region-same-night",
        ("Drones attacked Kyiv overnight, while in the Kyiv region falling debris damaged a gas pipeline."),
        dt.date(2022, 12, 29),
        [
            {"city": KYIV, "districts": [], "date": "2022-12-29"},
            {"city": "Kyiv region", "districts": [], "date": "2022-12-29"},
        ],
    ),
    (
        "kyiv-and-kharkiv",
        "Russia launched missiles at Kyiv and Kharkiv overnight.",
        None,
        [{"city": KYIV, "districts": []}, {"city": "Kharkiv", "districts": []}],
    ),
]


@passages(CASES)
def test_passage(text: str, published: dt.date | None, expected: Expected) -> None:
    assert reports_of(text, published, expected) == expected
