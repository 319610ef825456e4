"""Who said it: the officials a passage quotes about its attack, named as fully as it names them.

Cases in the answer-key format of tests/passages.py; every passage was written for this file.
"""

from __future__ import annotations

import datetime as dt

from passages import KYIV, Case, Expected, passages, reports_of

CASES: list[Case] = [
    # --- Who said it ---
    (
        "klitschko-full-name-at-first-mention",
        (
            "Kyiv Mayor Vitali Klitschko reported drone debris in the Darnytskyi district overnight. "
            "No one was hurt, Klitschko said on Telegram."
        ),
        None,
        [{"city": KYIV, "districts": ["Darnytskyi"], "said_by": ["Vitali Klitschko"]}],
    ),
    (
        "klitschko-surname-only",
        "Klitschko said on Telegram that a drone hit a house in Kyiv's Desnianskyi district.",
        None,
        [{"city": KYIV, "districts": ["Desnianskyi"], "said_by": ["Klitschko"]}],
    ),
    (
        "according-to-popko",
        (
            "Missiles targeted Kyiv on Thursday, according to Serhiy Popko, head of the Kyiv City "
            "Military Administration."
        ),
        None,
        [{"city": KYIV, "districts": [], "said_by": ["Serhiy Popko"]}],
    ),
    (
        "two-speakers",
        (
            "Kyiv Mayor Vitali Klitschko said a drone hit a house in the Holosiivskyi district. "
            "Serhiy Popko, head of the city's military administration, said the rest were shot down."
        ),
        None,
        [
            {
                "city": KYIV,
                "districts": ["Holosiivskyi"],
                "said_by": ["Serhiy Popko", "Vitali Klitschko"],
            }
        ],
    ),
    (
        "nobody-quoted",
        "Drones hit Kyiv's Obolonskyi district overnight.",
        None,
        [{"city": KYIV, "districts": ["Obolonskyi"], "said_by": []}],
    ),
]


@passages(CASES)
def test_passage(text: str, published: dt.date | None, expected: Expected) -> None:
    assert reports_of(text, published, expected) == expected
