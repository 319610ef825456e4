"""Where a passage places its attack: Kyiv's districts in every spelling, neighbourhoods and
landmarks, the Kyiv region's towns and other cities.

Cases in the answer-key format of tests/passages.py; every passage was written for this file.
"""

from __future__ import annotations

import datetime as dt

from passages import KYIV, Case, Expected, passages, reports_of

CASES: list[Case] = [
    # --- Districts: national transliteration, -iy/-y endings, Russian-derived forms ---
    (
        "holosiivskyi-national",
        "A Russian drone hit a warehouse in Kyiv's Holosiivskyi district, city officials said.",
        None,
        [{"city": KYIV, "districts": ["Holosiivskyi"]}],
    ),
    (
        "holosiivskyy-y-ending",
        "Debris from a downed missile fell in the Holosiivskyy district of Kyiv.",
        None,
        [{"city": KYIV, "districts": ["Holosiivskyi"]}],
    ),
    (
        "goloseevsky-russian",
        "Explosions were heard in the Goloseevsky district of Kyiv after a missile attack.",
        None,
        [{"city": KYIV, "districts": ["Holosiivskyi"]}],
    ),
    (
        "golosiivsky-mixed",
        "A cruise missile struck an industrial site in Golosiivsky district, Kyiv.",
        None,
        [{"city": KYIV, "districts": ["Holosiivskyi"]}],
    ),
    (
        "sviatoshynskyi-national",
        "Falling drone debris damaged a kindergarten in the Sviatoshynskyi district of Kyiv.",
        None,
        [{"city": KYIV, "districts": ["Sviatoshynskyi"]}],
    ),
    (
        "svyatoshinsky-russian",
        "Residents of Kyiv's Svyatoshinsky district heard a loud blast as a missile hit a depot.",
        None,
        [{"city": KYIV, "districts": ["Sviatoshynskyi"]}],
    ),
    (
        "sviatoshynskiy-iy-ending",
        "A drone crashed into a high-rise in Sviatoshynskiy district, Kyiv.",
        None,
        [{"city": KYIV, "districts": ["Sviatoshynskyi"]}],
    ),
    (
        "solomianskyi-national",
        "Russian missiles hit Kyiv's Solomianskyi district, damaging a railway depot.",
        None,
        [{"city": KYIV, "districts": ["Solomianskyi"]}],
    ),
    (
        "solomyanskyi-variant",
        "A drone struck a residential building in the Solomyanskyi district of Kyiv.",
        None,
        [{"city": KYIV, "districts": ["Solomianskyi"]}],
    ),
    (
        "solomyansky-y-ending",
        "Fragments of a shot-down missile landed in Kyiv's Solomyansky district.",
        None,
        [{"city": KYIV, "districts": ["Solomianskyi"]}],
    ),
    (
        "podilskyi-national",
        "A missile hit a shopping centre in Kyiv's Podilskyi district.",
        None,
        [{"city": KYIV, "districts": ["Podilskyi"]}],
    ),
    (
        "podolsky-russian",
        "A Russian drone exploded near a market in the Podolsky district of Kyiv.",
        None,
        [{"city": KYIV, "districts": ["Podilskyi"]}],
    ),
    (
        "podil-district",
        "Debris from an intercepted missile fell in the Podil district of Kyiv, setting a car alight.",
        None,
        [{"city": KYIV, "districts": ["Podilskyi"]}],
    ),
    (
        "podilskiy-iy-ending",
        "Kyiv's Podilskiy district was hit by a drone shortly after midnight.",
        None,
        [{"city": KYIV, "districts": ["Podilskyi"]}],
    ),
    (
        "pecherskyi-national",
        "Two missiles struck the Pecherskyi district in central Kyiv.",
        None,
        [{"city": KYIV, "districts": ["Pecherskyi"]}],
    ),
    (
        "pechersky-russian",
        "A kamikaze drone hit an office block in the Pechersky district of Kyiv.",
        None,
        [{"city": KYIV, "districts": ["Pecherskyi"]}],
    ),
    (
        "pecherskiy-spelled-kiev",
        "Blasts rocked Kiev's Pecherskiy district as missiles rained down on the city.",
        None,
        [{"city": KYIV, "districts": ["Pecherskyi"]}],
    ),
    (
        "darnytskyi-national",
        "A drone attack set fire to a warehouse in Kyiv's Darnytskyi district.",
        None,
        [{"city": KYIV, "districts": ["Darnytskyi"]}],
    ),
    (
        "darnitsky-russian",
        "Missile fragments fell in the Darnitsky district of Kyiv, damaging parked cars.",
        None,
        [{"city": KYIV, "districts": ["Darnytskyi"]}],
    ),
    (
        "darnytsky-y-ending",
        "Air defence brought down a drone over the Darnytsky district of Kyiv.",
        None,
        [{"city": KYIV, "districts": ["Darnytskyi"]}],
    ),
    (
        "desnianskyi-national",
        "A Shahed drone hit an apartment block in Kyiv's Desnianskyi district.",
        None,
        [{"city": KYIV, "districts": ["Desnianskyi"]}],
    ),
    (
        "desnyansky-russian",
        "Drone wreckage fell on a house in the Desnyansky district of Kyiv.",
        None,
        [{"city": KYIV, "districts": ["Desnianskyi"]}],
    ),
    (
        "desnyanskyi-variant",
        "A missile hit a school building in Kyiv's Desnyanskyi district.",
        None,
        [{"city": KYIV, "districts": ["Desnianskyi"]}],
    ),
    (
        "dniprovskyi-national-not-dnipro-city",
        (
            "Debris fell on the left bank of the Dnipro, in Kyiv's Dniprovskyi district, "
            "after air defence intercepted a missile."
        ),
        None,
        [{"city": KYIV, "districts": ["Dniprovskyi"]}],
    ),
    (
        "dneprovsky-russian",
        "A drone struck a high-rise in the Dneprovsky district of Kyiv.",
        None,
        [{"city": KYIV, "districts": ["Dniprovskyi"]}],
    ),
    (
        "dniprovskiy-iy-ending",
        "Russian missiles hit an energy facility in Kyiv's Dniprovskiy district.",
        None,
        [{"city": KYIV, "districts": ["Dniprovskyi"]}],
    ),
    (
        "obolonskyi-national",
        "A missile hit a residential building in Kyiv's Obolonskyi district.",
        None,
        [{"city": KYIV, "districts": ["Obolonskyi"]}],
    ),
    (
        "obolonsky-russian",
        "Drone debris fell near a metro station in the Obolonsky district of Kyiv.",
        None,
        [{"city": KYIV, "districts": ["Obolonskyi"]}],
    ),
    (
        "shevchenkivskyi-national",
        "Kamikaze drones hit residential buildings in Kyiv's Shevchenkivskyi district.",
        None,
        [{"city": KYIV, "districts": ["Shevchenkivskyi"]}],
    ),
    (
        "shevchenkovsky-russian",
        "A missile exploded in the Shevchenkovsky district of Kyiv, near a children's playground.",
        None,
        [{"city": KYIV, "districts": ["Shevchenkivskyi"]}],
    ),
    (
        "shevchenko-district",
        "Russian drones struck the Shevchenko district of Kyiv in the early hours.",
        None,
        [{"city": KYIV, "districts": ["Shevchenkivskyi"]}],
    ),
    (
        "shevchenkiv-district",
        "Explosions hit Kyiv's Shevchenkiv district as kamikaze drones swept over the capital.",
        None,
        [{"city": KYIV, "districts": ["Shevchenkivskyi"]}],
    ),
    # --- Districts written in Cyrillic inside English reports ---
    (
        "cyrillic-uk-shevchenkivskyi",
        (
            "Russian drones attacked Kyiv overnight. Mayor Vitali Klitschko wrote on Telegram: "
            '"Вибухи у Шевченківському районі."'
        ),
        None,
        [{"city": KYIV, "districts": ["Shevchenkivskyi"]}],
    ),
    (
        "cyrillic-ru-darnytskyi",
        (
            "A missile attack targeted Kyiv, and a Russian-language channel reported fires "
            '"в Дарницком районе".'
        ),
        None,
        [{"city": KYIV, "districts": ["Darnytskyi"]}],
    ),
    (
        "cyrillic-uk-holosiivskyi",
        (
            "Drone debris fell in Kyiv, and the city administration wrote that a house was damaged "
            '"у Голосіївському районі".'
        ),
        None,
        [{"city": KYIV, "districts": ["Holosiivskyi"]}],
    ),
    (
        "cyrillic-ru-sviatoshynskyi",
        ('A missile was shot down over Kyiv; local channels said its debris fell "в Святошинском районе".'),
        None,
        [{"city": KYIV, "districts": ["Sviatoshynskyi"]}],
    ),
    # --- Neighbourhoods and landmarks mapped to their district ---
    (
        "podil-neighbourhood",
        "A missile hit an office building in Podil, Kyiv's historic riverside neighbourhood.",
        None,
        [{"city": KYIV, "districts": ["Podilskyi"]}],
    ),
    (
        "troieshchyna",
        "A drone slammed into an apartment block in Troieshchyna, on Kyiv's left bank.",
        None,
        [{"city": KYIV, "districts": ["Desnianskyi"]}],
    ),
    (
        "pozniaky",
        "Debris from a downed drone damaged cars in Pozniaky, a residential area of Kyiv.",
        None,
        [{"city": KYIV, "districts": ["Darnytskyi"]}],
    ),
    (
        "obolon",
        "Russian drones hit a high-rise in Obolon, in northern Kyiv.",
        None,
        [{"city": KYIV, "districts": ["Obolonskyi"]}],
    ),
    (
        "lukianivka",
        "A missile struck a residential street in Kyiv's Lukianivka neighbourhood.",
        None,
        [{"city": KYIV, "districts": ["Shevchenkivskyi"]}],
    ),
    (
        "maidan-nezalezhnosti",
        "Debris from an intercepted missile fell on Maidan Nezalezhnosti in central Kyiv.",
        None,
        [{"city": KYIV, "districts": ["Shevchenkivskyi"]}],
    ),
    (
        "pechersk-lavra",
        "Shrapnel damaged the walls of the Pechersk Lavra when a missile was shot down over Kyiv.",
        None,
        [{"city": KYIV, "districts": ["Pecherskyi"]}],
    ),
    (
        "zhuliany-airport",
        "A drone was shot down over Zhuliany airport in Kyiv, and its wreckage fell on the runway.",
        None,
        [{"city": KYIV, "districts": ["Solomianskyi"]}],
    ),
    (
        "neighbourhood-and-its-district-counted-once",
        "A missile hit Podil, in the Podilskyi district of Kyiv.",
        None,
        [{"city": KYIV, "districts": ["Podilskyi"]}],
    ),
    (
        "two-districts-one-attack",
        (
            "Drone debris fell in two places in Kyiv overnight: in the Darnytskyi district "
            "and in the Dniprovskyi district."
        ),
        None,
        [{"city": KYIV, "districts": ["Darnytskyi", "Dniprovskyi"]}],
    ),
    # --- City-level Kyiv, Kyiv region and other towns ---
    (
        "kyiv-city-level",
        "Explosions rang out across Kyiv on Saturday as Russian missiles hit the capital.",
        None,
        [{"city": KYIV, "districts": []}],
    ),
    (
        "the-ukrainian-capital",
        "Drones targeted the Ukrainian capital overnight, the air force said.",
        None,
        [{"city": KYIV, "districts": []}],
    ),
    (
        "kyiv-region",
        "Russian drones struck energy facilities in the Kyiv region overnight.",
        None,
        [{"city": "Kyiv region", "districts": []}],
    ),
    (
        "kyiv-oblast",
        "A missile hit critical infrastructure in Kyiv Oblast, the regional governor said.",
        None,
        [{"city": "Kyiv region", "districts": []}],
    ),
    (
        "brovary-next-to-kyiv",
        "A drone hit an industrial building in Brovary, just east of Kyiv.",
        None,
        [{"city": "Kyiv region", "districts": []}],
    ),
    (
        "bila-tserkva",
        "Missiles struck Bila Tserkva, a city in the Kyiv region.",
        None,
        [{"city": "Kyiv region", "districts": []}],
    ),
    (
        "vyshhorod",
        "Debris from a downed drone damaged houses in Vyshhorod, north of the capital.",
        None,
        [{"city": "Kyiv region", "districts": []}],
    ),
    (
        "kharkiv-missile",
        "A Russian missile hit the centre of Kharkiv, the regional governor said.",
        None,
        [{"city": "Kharkiv", "districts": [], "weapons": ["missile"]}],
    ),
    (
        "kharkiv-has-its-own-shevchenkivskyi",
        "A drone struck a house in Kharkiv's Shevchenkivskyi district.",
        None,
        [{"city": "Kharkiv", "districts": []}],
    ),
    (
        "dnipro-city-is-not-dniprovskyi",
        "Missiles hit an apartment block in the city of Dnipro.",
        None,
        [{"city": "Dnipro", "districts": []}],
    ),
    # --- Names that are not a place hit: a speaker's title, an outlet ---
    (
        "a-title-is-not-a-place-hit",
        "Drones hit Bila Tserkva overnight, the governor of the Kyiv region, Ruslan Kravchenko, said.",
        None,
        [{"city": "Kyiv region", "districts": []}],
    ),
    (
        # Regression: an outlet named after a city ("Dnipro Daily") was taken for a strike there.
        "outlet-named-after-a-city-is-not-a-place",
        "Drones hit Kyiv's Obolonskyi district overnight, the Dnipro Daily and the Kharkiv Times reported.",
        None,
        [{"city": KYIV, "districts": ["Obolonskyi"]}],
    ),
]


@passages(CASES)
def test_passage(text: str, published: dt.date | None, expected: Expected) -> None:
    assert reports_of(text, published, expected) == expected
