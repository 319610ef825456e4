"""Weapons: what struck, in the canonical classes, with models kept apart."""

from __future__ import annotations

import datetime as dt

import pytest

from strikemap.extract import extract, facts
from strikemap.extract import lexicon as lx
from strikemap.models import WEAPONS, Article


def classes(clause: str, *, placed: bool = False) -> list[str]:
    return sorted({value for value, _ in facts.weapons(clause, placed=placed)[0]})


def models(clause: str) -> list[str]:
    return sorted({value for value, _ in facts.weapons(clause)[1]})


@pytest.mark.parametrize(
    "clause, expected",
    [
        # Shelling, bombardment and attack are said of any strike: they name no weapon.
        ("Shelling damaged a school in the Podilskyi district", []),
        ("The district was shelled overnight", []),
        ("As a result of enemy shelling a fire broke out in a block of flats", []),
        ("The capital came under heavy bombardment", []),
        ("обстріл столиці тривав дві години", []),
        ("The attack damaged three houses", []),
        # Artillery only when the text says so.
        ("Russian artillery hit the northern suburbs", ["artillery"]),
        ("An artillery shell struck a block of flats", ["artillery"]),
        ("A tank shell hit the roof", ["artillery"]),
        ("152mm shells landed near the bridge", ["artillery"]),
        ("Grad rockets hit the market", ["artillery"]),
        ("Russian forces fired MLRS at the suburb", ["artillery"]),
        ("Multiple rocket launchers pounded the outskirts", ["artillery"]),
        ("Howitzers and mortars fired at the village", ["artillery"]),
        ("what is believed to be artillery shelling hit a house", ["artillery"]),
    ],
)
def test_shelling_is_any_bombardment_and_artillery_needs_its_own_words(
    clause: str, expected: list[str]
) -> None:
    assert classes(clause) == expected


@pytest.mark.parametrize(
    "clause, expected",
    [
        # What defended is no weapon of the attack ...
        ("Anti-aircraft missiles were fired over the city", []),
        ("Patriot missiles brought down the incoming targets", []),
        ("IRIS-T and NASAMS missiles were used", []),
        ("Interceptor drones took off from the outskirts", []),
        ("The air defence missiles lit up the sky", []),
        ("Ukraine asked for more missiles for Patriot systems", []),
        ("Mobile fire groups used drone interceptors", []),
        ("missiles intended for air defence", []),
        # ... but what it shot down is.
        ("Air defence shot down 12 missiles over the city", ["missile"]),
        ("Patriot systems intercepted six Kinzhal missiles", ["missile"]),
        ("Interceptor drones downed three Shahed drones", ["drone"]),
        ("Mobile fire groups destroyed 20 drones", ["drone"]),
        ("Air defence was working as cruise missiles approached", ["missile"]),
    ],
)
def test_interceptors_say_what_defended_not_what_struck(clause: str, expected: list[str]) -> None:
    assert classes(clause) == expected


@pytest.mark.parametrize(
    "clause, expected",
    [
        ("It was not a ballistic missile", []),
        ("No drones reached the city", []),
        ("None of the missiles hit the capital", []),
        ("Russia has never used Zircon missiles against the city", []),
        ("Neither drones nor missiles were launched at the capital", []),
        ("No explosions were heard in the centre", []),
        ("There were no Shahed drones over Kyiv", []),
        # Not negations: numbers, 'not only', casualties, a contrast.
        ("No fewer than 20 drones attacked the city", ["drone"]),
        ("Not only drones but also missiles hit the city", ["drone", "missile"]),
        ("No casualties from drone debris were reported", ["drone"]),
        ("No one was hurt when a drone hit the roof", ["drone"]),
        ("It was not a drone but a missile", ["missile"]),
        ("Not all drones were shot down", ["drone"]),
    ],
)
def test_negated_and_absent_weapons_add_nothing(clause: str, expected: list[str]) -> None:
    assert classes(clause) == expected


@pytest.mark.parametrize(
    "clause, expected",
    [
        # A clause scoped to the whole country is the night's tally ...
        ("Russia launched 63 drones and 4 cruise missiles across the country", []),
        ("Russia fired 40 missiles at Ukraine overnight", []),
        ("The enemy launched 120 drones against Ukraine", []),
        ("In total Russia used 90 drones and 5 ballistic missiles", []),
        ("A total of 75 Shahed drones were launched", []),
        ("Nine of the 10 drones were intercepted by the Ukrainian Air Force", []),
        ("The air force said 58 drones were downed", []),
        ("Drones and missiles were shot down over Ukraine", []),
        ("Russia attacked Ukraine with 101 drones overnight", []),
        ("Drones hit targets in six regions", []),
        ("Missiles struck Ukrainian cities overnight", []),
        ("nationwide, 30 missiles were launched", []),
        # ... unless it ties its weapons to Kyiv or the capital ...
        ("Russia launched 63 drones at Ukraine, 20 of them at Kyiv", ["drone"]),
        ("The air force said Kyiv was attacked with ballistic missiles", ["missile"]),
        ("Russia fired 10 missiles at the capital and 30 across Ukraine", ["missile"]),
        ("In total 15 drones were shot down over the city", ["drone"]),
        # ... and a clause about no country at all keeps its weapons.
        ("Russian drones hit a house in the Obolonskyi district", ["drone"]),
        ("Russia launched a massive drone attack overnight", ["drone"]),
    ],
)
def test_a_countrywide_tally_gives_no_weapons_to_a_city(clause: str, expected: list[str]) -> None:
    assert classes(clause) == expected


@pytest.mark.parametrize(
    "clause",
    [
        "Russia launched 40 drones across Ukraine, hitting Kharkiv",
        "Drones struck energy facilities in several regions including Lviv",
    ],
)
def test_a_tally_clause_that_names_a_place_keeps_its_weapons(clause: str) -> None:
    assert classes(clause) == [] and classes(clause, placed=True) == ["drone"]


@pytest.mark.parametrize(
    "clause, expected_models, expected_classes",
    [
        ("a Shahed-136 drone", ["Shahed-136"], ["drone"]),
        ("Iranian-made Shaheds", ["Shahed"], ["drone"]),
        ("Geran-2 attack drones", ["Geran-2"], ["drone"]),
        ("Kh-101 cruise missiles", ["Kh-101"], ["missile"]),
        ("X-101 and Kh-555 missiles", ["Kh-101", "Kh-555"], ["missile"]),
        ("a Kalibr", ["Kalibr"], ["missile"]),
        ("Iskander-M ballistic missiles", ["Iskander-M"], ["missile"]),
        ("an Iskander-K cruise missile", ["Iskander-K"], ["missile"]),
        ("Iskanders", ["Iskander"], ["missile"]),
        ("hypersonic Kinzhals", ["Kinzhal"], ["missile"]),
        ("an S-300 missile", ["S-300"], ["missile"]),
        ("ballistic missiles", [], ["missile"]),
        ("a cruise missile", [], ["missile"]),
        ("KAB-500 guided bombs", ["KAB"], ["bomb"]),
        ("a KAB", ["KAB"], ["bomb"]),
        ("a FAB-1500", ["FAB"], ["bomb"]),
        ("glide bombs", [], ["bomb"]),
        ("керовані авіабомби", [], ["bomb"]),
        ("people hid in bomb shelters", [], []),
        ("a cable: кабель", [], []),
    ],
)
def test_models_are_kept_apart_and_map_to_their_class(
    clause: str, expected_models: list[str], expected_classes: list[str]
) -> None:
    assert (models(clause), classes(clause)) == (expected_models, expected_classes)


def test_every_model_maps_to_a_canonical_class() -> None:
    assert set(lx.MODEL_CLASS.values()) <= set(WEAPONS)


def test_every_weapon_class_has_words_of_its_own() -> None:
    assert {weapon for _, weapon in lx.WEAPON_CLASSES} == set(WEAPONS)


def _kyiv(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    article = Article(id=str(hash(text)), path="t.txt", text=text, published=dt.date(2024, 5, 8))
    [report] = [r for r in extract(article) if r.city == "Kyiv"]
    return report.weapons, report.weapon_models


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Russian drones hit a house in Kyiv's Obolonskyi district overnight. Russia launched 63 drones "
            "and 4 cruise missiles across the country; 58 were downed, the air force said.",
            (("drone",), ()),
        ),
        (
            "A ballistic missile struck the Darnytskyi district of Kyiv on Wednesday. In total, the enemy "
            "used 30 Shahed drones and 3 Iskander-M missiles against Ukraine.",
            (("missile",), ()),
        ),
        (
            "Shelling damaged a school in Kyiv's Podilskyi district. Air defence was working; Patriot "
            "missiles shot down two Kinzhal missiles over the capital.",
            (("missile",), ("Kinzhal",)),
        ),
        (
            "Missile debris fell in the Holosiivskyi district of Kyiv. It was not a drone attack, "
            "officials said; no drones reached the city.",
            (("missile",), ()),
        ),
    ],
)
def test_a_kyiv_event_has_the_weapons_that_struck_kyiv(
    text: str, expected: tuple[tuple[str, ...], tuple[str, ...]]
) -> None:
    assert _kyiv(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The clauses after a country-wide clause go on with the tally ...
        (
            "A ballistic missile hit a house in Kyiv's Obolonskyi district. Nationwide, Russia sent "
            "50 Shahed drones and 6 missiles overnight; 45 drones were destroyed.",
            (("missile",), ()),
        ),
        (
            "Missile debris fell in the Darnytskyi district of Kyiv. Russia fired 40 missiles at "
            "Ukraine, 30 of which were downed, and 25 attack drones, all of them shot down.",
            (("missile",), ()),
        ),
        # ... and so do the next sentences of its paragraph that name no city or place ...
        (
            "Cruise missiles struck Kyiv's Podilskyi district overnight.\n\nAcross Ukraine, Russia "
            "launched 70 drones as well. The air force said 60 of the drones were shot down.",
            (("missile",), ()),
        ),
        # ... until a clause names the city or a place.
        (
            "Nationwide, Russia launched 30 drones overnight; in Kyiv a Shahed drone hit a block of "
            "flats in the Solomianskyi district.",
            (("drone",), ("Shahed",)),
        ),
        (
            "Russia launched 20 missiles at Ukraine overnight.\n\nDrones hit a warehouse in Kyiv's "
            "Darnytskyi district.",
            (("drone",), ()),
        ),
    ],
)
def test_the_clauses_that_go_on_with_a_tally_give_no_weapons_to_the_city(
    text: str, expected: tuple[tuple[str, ...], tuple[str, ...]]
) -> None:
    assert _kyiv(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Once an attack on the city is reported, what was seen coming at it is what attacked it.
        (
            "Explosions rocked Kyiv overnight and a missile hit the Darnytskyi district. The air force "
            "reported attack drones moving towards the capital.",
            (("drone", "missile"), ()),
        ),
        (
            "A ballistic missile struck a house in Kyiv's Obolonskyi district. Earlier, Shahed drones "
            "were spotted approaching the city from the north.",
            (("drone", "missile"), ("Shahed",)),
        ),
        # Seen heading for another city: not this attack's.
        (
            "A ballistic missile struck a house in Kyiv's Obolonskyi district. Drones were spotted "
            "heading for Zhytomyr.",
            (("missile",), ()),
        ),
    ],
)
def test_weapons_seen_coming_belong_to_the_attack_already_reported(
    text: str, expected: tuple[tuple[str, ...], tuple[str, ...]]
) -> None:
    assert _kyiv(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A count of what was launched that names no target is the night's tally ...
        (
            "Cruise missiles hit Kyiv's Shevchenkivskyi district in the morning. According to the "
            "General Staff, Russia fired 80 cruise missiles and 20 Shahed drones.",
            (("missile",), ()),
        ),
        (
            "A missile struck a house in Kyiv's Darnytskyi district. The enemy used 25 attack drones "
            "and 4 missiles overnight, the military said.",
            (("missile",), ()),
        ),
        # ... but a count aimed at the city is the city's.
        (
            "Debris fell in Kyiv's Darnytskyi district. Russia launched 12 drones at Kyiv overnight.",
            (("drone",), ()),
        ),
        # An attack whose own sentences name no weapon has the tally's.
        (
            "Russia launched 54 Shahed drones at Ukraine overnight; 52 were shot down. Debris fell "
            "on a house in Kyiv's Holosiivskyi district and a man was killed.",
            (("drone",), ()),
        ),
        (
            "Nationwide, Russia fired 30 missiles overnight. In Kyiv, a fire broke out in the "
            "Obolonskyi district and two people were injured.",
            (("missile",), ()),
        ),
    ],
)
def test_the_nights_tally_stands_for_the_weapons_only_when_the_city_names_none(
    text: str, expected: tuple[tuple[str, ...], tuple[str, ...]]
) -> None:
    assert _kyiv(text) == expected


def test_a_tally_alone_reports_no_attack() -> None:
    text = "Russia launched 40 drones and 3 missiles across Ukraine overnight; 38 were shot down."
    article = Article(id="tally", path="t.txt", text=text, published=dt.date(2024, 5, 8))
    assert [r for r in extract(article) if r.city == "Kyiv"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # A remark on what happens in general gives the attack no weapon ...
        (
            "Missile debris fell in Kyiv's Desnianskyi district overnight. Debris of missiles and "
            "drones has repeatedly fallen on homes in the city.",
            (("missile",), ()),
        ),
        (
            "A ballistic missile hit Kyiv's Pecherskyi district. Shahed drones have often targeted "
            "the capital's power plants.",
            (("missile",), ()),
        ),
        (
            "Fragments of a missile fell in Kyiv's Obolonskyi district. On quiet evenings residents "
            "watch the drones over the river.",
            (("missile",), ()),
        ),
        (
            "A missile hit Kyiv's Podilskyi district. Time and again, drones have come in from the north.",
            (("missile",), ()),
        ),
        # ... but 'repeatedly' said of one night is that night's.
        (
            "Drones repeatedly struck Kyiv's Obolonskyi district overnight.",
            (("drone",), ()),
        ),
        (
            "On the night of May 3, missiles hit Kyiv's Darnytskyi district.",
            (("missile",), ()),
        ),
    ],
)
def test_a_remark_on_what_happens_in_general_names_no_weapon_of_the_attack(
    text: str, expected: tuple[tuple[str, ...], tuple[str, ...]]
) -> None:
    assert _kyiv(text) == expected
