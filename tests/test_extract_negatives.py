"""Passages that mention Kyiv but report no strike on it, and strikes told beside such news.

Cases in the answer-key format of tests/passages.py; every passage was written for this file.
"""

from __future__ import annotations

import datetime as dt

from passages import KYIV, Case, Expected, passages, reports_of

CASES: list[Case] = [
    # --- Not strikes on Kyiv: front line, Russia, aid, generic background, threats ---
    (
        "bakhmut-fighting",
        (
            "Fierce fighting continued around Bakhmut in the Donetsk region, where Ukrainian troops "
            "repelled several assaults."
        ),
        None,
        [],
    ),
    (
        "officials-in-kyiv-talk-about-bakhmut",
        "Officials in Kyiv said Ukrainian forces were holding their positions near Bakhmut.",
        None,
        [],
    ),
    (
        "belgorod-drone-raid",
        "Drones struck an oil depot in Belgorod, the Russian region's governor said.",
        None,
        [],
    ),
    (
        "moscow-drones-blamed-on-kyiv",
        ("Russia said it had downed several drones over Moscow overnight and blamed Kyiv for the attack."),
        None,
        [],
    ),
    (
        "military-aid-lists-missiles",
        (
            "Washington announced a new aid package for Kyiv, including missiles for Patriot and "
            "NASAMS air defence systems."
        ),
        None,
        [],
    ),
    (
        "generic-energy-background",
        (
            "Russia has attacked energy infrastructure across Ukraine in recent weeks, causing "
            "rolling blackouts."
        ),
        None,
        [],
    ),
    (
        "warning-of-future-strikes",
        (
            "Ukrainian intelligence warned that Russia was stockpiling missiles for a new wave of "
            "strikes on Kyiv."
        ),
        None,
        [],
    ),
    (
        "air-raid-alert-without-attack",
        ("An air raid alert sounded in Kyiv for two hours on Friday, but no explosions were reported."),
        None,
        [],
    ),
    (
        "kyiv-strike-beside-bakhmut-fighting",
        (
            "A drone hit a building in Kyiv's Obolonskyi district overnight. Meanwhile, heavy "
            "fighting raged around Bakhmut in the Donetsk region."
        ),
        None,
        [{"city": KYIV, "districts": ["Obolonskyi"]}],
    ),
    (
        "kyiv-strike-beside-belgorod-raid",
        ("Drones attacked Kyiv overnight, and Russia's Belgorod region reported drone attacks of its own."),
        None,
        [{"city": KYIV, "districts": []}],
    ),
]


@passages(CASES)
def test_passage(text: str, published: dt.date | None, expected: Expected) -> None:
    assert reports_of(text, published, expected) == expected
