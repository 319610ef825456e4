"""What struck, as a passage tells it: weapon classes, weapon models, debris or a direct hit.

Cases in the answer-key format of tests/passages.py; every passage was written for this file.
"""

from __future__ import annotations

import datetime as dt

from passages import KYIV, Case, Expected, passages, reports_of

CASES: list[Case] = [
    # --- Weapons and weapon models ---
    (
        "kamikaze-drones",
        "Russia attacked Kyiv with kamikaze drones early on Monday.",
        None,
        [{"city": KYIV, "districts": [], "weapons": ["drone"]}],
    ),
    (
        "shahed-136",
        "Iranian-made Shahed-136 drones struck Kyiv overnight.",
        None,
        [{"city": KYIV, "districts": [], "weapons": ["drone"], "weapon_models": ["Shahed-136"]}],
    ),
    (
        "shahed",
        "Shahed drones attacked Kyiv overnight, the air force said.",
        None,
        [{"city": KYIV, "districts": [], "weapons": ["drone"], "weapon_models": ["Shahed"]}],
    ),
    (
        "geran",
        "Russia's defence ministry said its Geran-2 drones had struck targets in Kyiv.",
        None,
        [{"city": KYIV, "districts": [], "weapons": ["drone"]}],
    ),
    (
        "uav",
        "A Russian UAV hit a non-residential building in Kyiv, the city administration said.",
        None,
        [{"city": KYIV, "districts": [], "weapons": ["drone"]}],
    ),
    (
        "cruise-missiles",
        "Russia fired cruise missiles at Kyiv on Thursday morning.",
        None,
        [{"city": KYIV, "districts": [], "weapons": ["missile"], "weapon_models": []}],
    ),
    (
        "ballistic-missiles",
        "Ballistic missiles struck Kyiv in the early hours, leaving residents almost no warning.",
        None,
        [{"city": KYIV, "districts": [], "weapons": ["missile"], "weapon_models": []}],
    ),
    (
        "kh-101",
        "Strategic bombers launched Kh-101 missiles at Kyiv overnight.",
        None,
        [{"city": KYIV, "districts": [], "weapons": ["missile"], "weapon_models": ["Kh-101"]}],
    ),
    (
        "kalibr",
        "Kalibr missiles fired from ships in the Black Sea targeted Kyiv.",
        None,
        [{"city": KYIV, "districts": [], "weapons": ["missile"], "weapon_models": ["Kalibr"]}],
    ),
    (
        "iskander-m",
        "Russia struck Kyiv with Iskander-M ballistic missiles.",
        None,
        [{"city": KYIV, "districts": [], "weapons": ["missile"], "weapon_models": ["Iskander-M"]}],
    ),
    (
        "kinzhal",
        "Air defence over Kyiv shot down six Kinzhal hypersonic missiles.",
        None,
        [{"city": KYIV, "districts": [], "weapons": ["missile"], "weapon_models": ["Kinzhal"]}],
    ),
    (
        "s-300",
        "An S-300 air defence missile, fired in ground-attack mode, hit Kyiv.",
        None,
        [{"city": KYIV, "districts": [], "weapons": ["missile"], "weapon_models": ["S-300"]}],
    ),
    (
        "kh-22",
        "Russia fired a Kh-22 anti-ship missile at Kyiv.",
        None,
        [{"city": KYIV, "districts": [], "weapons": ["missile"], "weapon_models": ["Kh-22"]}],
    ),
    (
        "kn-23",
        "A North Korean KN-23 ballistic missile struck Kyiv, Ukrainian officials said.",
        None,
        [{"city": KYIV, "districts": [], "weapons": ["missile"], "weapon_models": ["KN-23"]}],
    ),
    (
        "two-missile-models",
        "Kyiv was targeted by Kh-101 and Kalibr cruise missiles overnight.",
        None,
        [
            {
                "city": KYIV,
                "districts": [],
                "weapons": ["missile"],
                "weapon_models": ["Kalibr", "Kh-101"],
            }
        ],
    ),
    (
        "missiles-and-drones",
        "Russia attacked Kyiv with a combination of missiles and drones early on Monday.",
        None,
        [{"city": KYIV, "districts": [], "weapons": ["drone", "missile"]}],
    ),
    (
        "artillery-kyiv",
        "Russian artillery shelled the Sviatoshynskyi district of Kyiv on 14 March 2022.",
        None,
        [{"city": KYIV, "districts": ["Sviatoshynskyi"], "weapons": ["artillery"]}],
    ),
    (
        "shelling-kharkiv",
        "Shelling hit a residential neighbourhood of Kharkiv on Wednesday.",
        None,
        [{"city": "Kharkiv", "districts": [], "weapons": []}],
    ),
    (
        "guided-bombs-kharkiv",
        "Russian aircraft dropped guided bombs on Kharkiv, hitting a residential area.",
        None,
        [{"city": "Kharkiv", "districts": [], "weapons": ["bomb"]}],
    ),
    (
        "debris-after-interception",
        (
            "Air defence intercepted a drone over Kyiv, and falling debris damaged a house "
            "in the Sviatoshynskyi district."
        ),
        None,
        [{"city": KYIV, "districts": ["Sviatoshynskyi"], "weapons": ["drone"], "debris": True}],
    ),
    (
        "direct-hit-no-debris",
        "A missile directly hit a factory in Kyiv's Darnytskyi district.",
        None,
        [{"city": KYIV, "districts": ["Darnytskyi"], "weapons": ["missile"], "debris": False}],
    ),
]


@passages(CASES)
def test_passage(text: str, published: dt.date | None, expected: Expected) -> None:
    assert reports_of(text, published, expected) == expected
