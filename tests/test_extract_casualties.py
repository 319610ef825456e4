"""Killed, injured and intercepted: the figures a passage gives for its attack, and the words
that look like figures but are not.

Cases in the answer-key format of tests/passages.py; every passage was written for this file.
"""

from __future__ import annotations

import datetime as dt

from passages import KYIV, Case, Expected, passages, reports_of

CASES: list[Case] = [
    # --- Casualties ---
    (
        "two-people-killed",
        "Two people were killed when a missile hit a house in Kyiv's Solomianskyi district.",
        None,
        [{"city": KYIV, "districts": ["Solomianskyi"], "killed": 2}],
    ),
    (
        "killing-3-wounding-11",
        ("Drones struck an apartment block in Kyiv's Desnianskyi district, killing 3 and wounding 11."),
        None,
        [{"city": KYIV, "districts": ["Desnianskyi"], "killed": 3, "injured": 11}],
    ),
    (
        "words-eleven-injured-one-killed",
        ("Eleven people were injured and one was killed in a missile strike on Kyiv's Podilskyi district."),
        None,
        [{"city": KYIV, "districts": ["Podilskyi"], "killed": 1, "injured": 11}],
    ),
    (
        "no-casualties",
        "A missile hit an empty warehouse in Kyiv's Dniprovskyi district; there were no casualties.",
        None,
        [{"city": KYIV, "districts": ["Dniprovskyi"], "killed": 0, "injured": 0}],
    ),
    (
        "no-one-was-hurt",
        "Drone debris fell in a courtyard in Kyiv's Obolonskyi district. No one was hurt.",
        None,
        [{"city": KYIV, "districts": ["Obolonskyi"], "killed": 0, "injured": 0}],
    ),
    (
        "several-injured-is-not-a-number",
        (
            "Several people were injured when debris fell on a residential building in Kyiv's "
            "Pecherskyi district."
        ),
        None,
        [{"city": KYIV, "districts": ["Pecherskyi"], "killed": None, "injured": None}],
    ),
    (
        "death-toll-update-wins",
        (
            "A missile strike on Kyiv's Shevchenkivskyi district killed at least 11 people, "
            "rescuers said. By evening the toll rose to 16."
        ),
        None,
        [{"city": KYIV, "districts": ["Shevchenkivskyi"], "killed": 16}],
    ),
    (
        "injured-update-wins",
        (
            "Four people were reported injured after drones hit Kyiv's Holosiivskyi district. "
            "Later the number of injured rose to nine."
        ),
        None,
        [{"city": KYIV, "districts": ["Holosiivskyi"], "injured": 9}],
    ),
    (
        "died-in-hospital",
        (
            "Drones struck Kyiv's Sviatoshynskyi district overnight. One person died in hospital, "
            "the city administration said."
        ),
        None,
        [{"city": KYIV, "districts": ["Sviatoshynskyi"], "killed": 1}],
    ),
    (
        "age-is-not-a-count",
        ("A 67-year-old woman was injured when a drone hit her house in Kyiv's Holosiivskyi district."),
        None,
        [{"city": KYIV, "districts": ["Holosiivskyi"], "killed": None, "injured": 1}],
    ),
    (
        "including-children-not-added",
        (
            "Eight people were injured, including two children, when a missile hit Kyiv's "
            "Dniprovskyi district."
        ),
        None,
        [{"city": KYIV, "districts": ["Dniprovskyi"], "injured": 8}],
    ),
    (
        "no-casualties-at-one-site-is-not-the-whole-attack",
        "Missiles hit Kyiv's Solomianskyi and Pecherskyi districts on Tuesday, injuring 12 people. "
        "No casualties were reported at the Pecherskyi site.",
        dt.date(2024, 1, 2),
        [{"city": KYIV, "districts": ["Pecherskyi", "Solomianskyi"], "killed": None, "injured": 12}],
    ),
    # --- Interceptions ---
    (
        "shot-down-40-drones",
        "Ukrainian air defence shot down 40 drones over Kyiv overnight.",
        None,
        [{"city": KYIV, "districts": [], "weapons": ["drone"], "intercepted": 40}],
    ),
    (
        "all-20-missiles-destroyed",
        ("Russia fired 20 cruise missiles at Kyiv, and all 20 missiles were destroyed, the military said."),
        None,
        [{"city": KYIV, "districts": [], "weapons": ["missile"], "intercepted": 20}],
    ),
    (
        "15-of-18-destroyed",
        "Air defence destroyed 15 of the 18 drones launched at Kyiv overnight.",
        None,
        [{"city": KYIV, "districts": [], "intercepted": 15}],
    ),
    (
        "most-shot-down-is-not-a-number",
        "Most of the drones aimed at Kyiv were shot down, the military said.",
        None,
        [{"city": KYIV, "districts": [], "intercepted": None}],
    ),
    (
        "nationwide-interceptions-are-not-the-citys",
        "Drones hit Kyiv's Darnytskyi district overnight. Air defence shot down 52 of 54 drones launched "
        "against Ukraine during the night, and 20 drones were shot down over Kyiv.",
        None,
        [{"city": KYIV, "districts": ["Darnytskyi"], "intercepted": 20}],
    ),
]


@passages(CASES)
def test_passage(text: str, published: dt.date | None, expected: Expected) -> None:
    assert reports_of(text, published, expected) == expected
