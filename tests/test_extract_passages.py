"""Answer key for extract(): short passages and the reports a careful analyst draws from them.

Every passage was written for this file; each case checks only the fields that matter to it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Any

import pytest

from strikemap.extract import extract
from strikemap.models import DISTRICTS, Article, Report

KYIV = "Kyiv"

# Tuple fields whose order carries no meaning: compared as sorted lists.
ORDERLESS = frozenset({"districts", "weapons", "weapon_models", "said_by"})

# Keys shown for reports beyond the expected ones, so a failure says what the extra report was.
EXTRA_REPORT_KEYS = ("city", "districts", "date", "date_precision", "weapons", "role")

DATE_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}

WEAPONS = frozenset({"drone", "missile", "bomb", "artillery"})

# One dict per expected report, holding only the fields the case is about.
Expected = list[dict[str, Any]]


def summarise(report: Report, keys: Iterable[str]) -> dict[str, object]:
    """The given fields of a report as plain values: dates as text, unordered tuples sorted."""
    out: dict[str, object] = {}
    for key in keys:
        value = getattr(report, key)
        if key == "date" and value is not None:
            value = value.strftime(DATE_FORMATS.get(report.date_precision or "day", "%Y-%m-%d"))
        elif key in ORDERLESS:
            value = sorted(value)
        out[key] = value
    return out


def _article(text: str, published: dt.date | None) -> Article:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(id=digest, path=f"passage-{digest[:12]}.txt", text=text, published=published)


CASES: list[tuple[str, str, dt.date | None, Expected]] = [
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
        "nationwide-interceptions-are-not-the-citys",
        "Drones hit Kyiv's Darnytskyi district overnight. Air defence shot down 52 of 54 drones launched "
        "against Ukraine during the night, and 20 drones were shot down over Kyiv.",
        None,
        [{"city": KYIV, "districts": ["Darnytskyi"], "intercepted": 20}],
    ),
    (
        "no-casualties-at-one-site-is-not-the-whole-attack",
        "Missiles hit Kyiv's Solomianskyi and Pecherskyi districts on Tuesday, injuring 12 people. "
        "No casualties were reported at the Pecherskyi site.",
        dt.date(2024, 1, 2),
        [{"city": KYIV, "districts": ["Pecherskyi", "Solomianskyi"], "killed": None, "injured": 12}],
    ),
    (
        "a-title-is-not-a-place-hit",
        "Drones hit Bila Tserkva overnight, the governor of the Kyiv region, Ruslan Kravchenko, said.",
        None,
        [{"city": "Kyiv region", "districts": []}],
    ),
    (
        "how-a-weapon-came-into-use-is-not-an-attack",
        "Drones struck Kyiv's Obolonskyi district on 5 October 2022. Russia had started using the "
        "weapon against targets in the south in September, and the strike on Kyiv was among the first.",
        None,
        [{"city": KYIV, "date": "2022-10-05", "districts": ["Obolonskyi"]}],
    ),
    (
        # Regression: an outlet named after a city ("Dnipro Daily") was taken for a strike there.
        "outlet-named-after-a-city-is-not-a-place",
        "Drones hit Kyiv's Obolonskyi district overnight, the Dnipro Daily and the Kharkiv Times reported.",
        None,
        [{"city": KYIV, "districts": ["Obolonskyi"]}],
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


@pytest.mark.parametrize(
    "text, published, expected",
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_passage(text: str, published: dt.date | None, expected: Expected) -> None:
    reports = extract(_article(text, published))
    got = [
        summarise(report, expected[i].keys() if i < len(expected) else EXTRA_REPORT_KEYS)
        for i, report in enumerate(reports)
    ]
    assert got == expected


def test_cases_are_well_formed() -> None:
    """Guards the answer key itself: unique ids, known fields, canonical values, sorted lists."""
    ids = [case[0] for case in CASES]
    assert len(ids) == len(set(ids))
    fields = set(Report.__dataclass_fields__)
    for case_id, _, _, expected in CASES:
        for report in expected:
            assert "city" in report, case_id
            assert set(report) <= fields, case_id
            for key in ORDERLESS & set(report):
                assert report[key] == sorted(report[key]), case_id
            assert set(report.get("districts", [])) <= set(DISTRICTS), case_id
            assert set(report.get("weapons", [])) <= WEAPONS, case_id
            date = report.get("date")
            if date is not None:
                precision = report.get("date_precision") or {10: "day", 7: "month"}[len(date)]
                fmt = DATE_FORMATS[precision]
                assert dt.datetime.strptime(date, fmt).strftime(fmt) == date, case_id


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
    (report,) = extract(_article(text, published))
    assert (report.date.isoformat() if report.date else None, report.flags) == expected
