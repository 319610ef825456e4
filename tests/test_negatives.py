"""Text that mentions Kyiv but reports no strike place: link lists, other cities' districts,
places where explosions were only heard, interception-only nights, court cases, speakers.

Every passage here was written for this file.
"""

from __future__ import annotations

import datetime as dt

import pytest

from strikemap.extract import extract, negatives
from strikemap.extract.gazetteer import default_gazetteer
from strikemap.models import Article

LEAD = "A Russian missile hit a residential building in the Holosiivskyi district of Kyiv overnight."


def _kyiv(text: str) -> list[tuple[str, ...]]:
    """The districts of each Kyiv report of the text, published 2024-05-02."""
    article = Article(id="a", path="a.txt", text=text, published=dt.date(2024, 5, 2))
    return [tuple(sorted(r.districts)) for r in extract(article) if r.city == "Kyiv"]


@pytest.mark.parametrize(
    "links",
    [
        "Read also: Debris falls on a playground in the Desnianskyi district",
        "Related news: Drone wreckage damages a car in Darnytskyi district of Kyiv",
        "See also - Fire in the Obolonskyi district after a drone attack",
        "Tags: Kyiv, missile attack, Podilskyi district",
        "Related\n- Debris hits a warehouse in the Desnianskyi district\n- Power restored in Obolon",
        "More on this topic:\n- Kyiv: explosions in Darnytskyi district, air defence working",
        "Trending on Example\n\n- Obolon fire: what residents need to know",
        "Recommended\n• Podilskyi district: a drone hit a house last week",
        "Most read:\n1. Drone strike damages a school in the Sviatoshynskyi district",
    ],
)
def test_link_lists_give_no_places(links: str) -> None:
    assert _kyiv(f"{LEAD}\n\n{links}\n") == [("Holosiivskyi",)]


@pytest.mark.parametrize(
    "listing, district",
    [
        ("Damage by district:\n- Obolonskyi: a fire in a warehouse", "Obolonskyi"),
        ("The mayor listed the damage in the following districts:\n- Darnytskyi: cars burned", "Darnytskyi"),
        ("Here is what we know so far:\n- Debris fell in the Podilskyi district", "Podilskyi"),
    ],
)
def test_a_list_of_the_articles_own_keeps_its_places(listing: str, district: str) -> None:
    assert _kyiv(f"{LEAD}\n\n{listing}\n") == [tuple(sorted(("Holosiivskyi", district)))]


def test_link_spans_cover_only_the_link_lines() -> None:
    text = "Body text.\nRelated:\n- One headline\n- Two headline\n\nMore body text."
    assert [text[a:b] for a, b in negatives.link_spans(text)] == ["- One headline", "- Two headline"]


@pytest.mark.parametrize(
    "text, links",
    [
        (
            "Ракета влучила в будинок.\nУламки впали на дах… Читати більше",
            ["Уламки впали на дах… Читати більше"],
        ),
        ("Ракета влучила в будинок.\nЧитайте також: удар по Києву", []),
        # IGNORECASE reads 'ſ' as 's': a text without Latin letters may still hold an English link line
        ("Ракета влучила в будинок.\nſee also: Удар по Києву", ["ſee also: Удар по Києву"]),
    ],
)
def test_link_spans_of_a_text_without_latin_letters(text: str, links: list[str]) -> None:
    """Regression: a text without Latin letters is read only for teasers, unless it holds a letter
    that the English link words match."""
    assert [text[a:b] for a, b in negatives.link_spans(text)] == links


@pytest.mark.parametrize(
    "text",
    [
        "Glide bombs struck Kharkiv on Friday. One bomb hit a shop in the Shevchenkivskyi district.",
        "Kharkiv's Kyivskyi and Shevchenkivskyi districts were hit by drones overnight, killing two.",
        "Bombs struck Zaporizhzhia. They hit the Oleksandrivskyi and Dniprovskyi districts of the city.",
        "Kherson: one killed as a drone hits a car in the Dniprovskyi district.",
        "Drones attacked Chernihiv overnight. Debris fell in the Desnianskyi district, damaging a house.",
        "Poltava was attacked with missiles. A missile hit a building in the Podilskyi district.",
    ],
)
def test_another_citys_namesake_district_is_not_kyivs(text: str) -> None:
    assert _kyiv(text) == []


@pytest.mark.parametrize(
    "text, district",
    [
        (
            "Drones flew in from the Kursk region. One hit a house in the Shevchenkivskyi district of Kyiv.",
            "Shevchenkivskyi",
        ),
        ("Kharkiv was also attacked. In Kyiv, debris fell in the Dniprovskyi district.", "Dniprovskyi"),
        (
            "Missiles also hit Dnipro. A drone hit a house in the Shevchenkivskyi district of Kyiv.",
            "Shevchenkivskyi",
        ),
        (
            "Drones struck Kharkiv. In the capital, debris fell in the Shevchenkivskyi district.",
            "Shevchenkivskyi",
        ),
        ("Kharkiv was hit too. In the Obolonskyi district, a drone hit a high-rise.", "Obolonskyi"),
    ],
)
def test_a_namesake_after_kyiv_or_a_kyiv_only_name_stays_kyivs(text: str, district: str) -> None:
    assert _kyiv(text) == [(district,)]


@pytest.mark.parametrize(
    "heard",
    [
        "Residents of the Darnytskyi district reported hearing loud explosions.",
        "People in the Obolonskyi and Podilskyi districts heard several blasts as air defence worked.",
        "Residents of the left-bank Desnianskyi district could hear machine-gun fire.",
    ],
)
def test_where_residents_only_heard_explosions_is_no_strike_place(heard: str) -> None:
    assert _kyiv(f"{LEAD} {heard}") == [("Holosiivskyi",)]


@pytest.mark.parametrize(
    "sentence, district",
    [
        ("Explosions were heard in the Darnytskyi district after a missile attack.", "Darnytskyi"),
        ("In the Obolonskyi district, residents heard a blast, and debris fell on a car.", "Obolonskyi"),
        (
            "People in the Darnytskyi district heard explosions, and a fire broke out in a warehouse.",
            "Darnytskyi",
        ),
    ],
)
def test_where_explosions_were_or_something_fell_is_a_strike_place(sentence: str, district: str) -> None:
    assert _kyiv(f"{LEAD} {sentence}") == [tuple(sorted(("Holosiivskyi", district)))]


@pytest.mark.parametrize(
    "text",
    [
        "Air defence destroyed all the drones that flew towards Kyiv overnight, and there was no damage "
        "or casualties in the capital.",
        "Russian drones flew towards Kyiv overnight. All of them were shot down over the capital. "
        "No debris fell in any of the districts.",
        "The alert in Kyiv lasted two hours. No hits or falling debris were recorded in the capital, "
        "the city administration said.",
        "Air defence was working over Kyiv; no consequences were reported in the capital.",
        "No missiles were launched, and no explosions were heard in the capital.",
        "Drones attacked Odesa overnight. No strikes were reported in the Kyiv region or in the capital.",
    ],
)
def test_an_interception_only_night_is_no_strike(text: str) -> None:
    assert _kyiv(text) == []


@pytest.mark.parametrize(
    "text, districts",
    [
        (
            "Air defence shot down most of the drones over Kyiv. Debris fell on a house in the Obolonskyi "
            "district; no one was hurt and no damage was reported elsewhere.",
            [("Obolonskyi",)],
        ),
        ("Russian drones struck an energy facility in Kyiv overnight; no casualties were reported.", [()]),
        ("A drone hit a warehouse in Kyiv. There was no damage to nearby homes.", [()]),
    ],
)
def test_a_night_with_a_hit_stays_a_strike(text: str, districts: list[tuple[str, ...]]) -> None:
    assert _kyiv(text) == districts


@pytest.mark.parametrize(
    "sentences, expected",
    [
        (["All drones were destroyed; there was no damage or casualties."], True),
        (["No hits or falling debris were recorded in the capital."], True),
        (["All drones were destroyed.", "Nothing was damaged, and no damage was reported."], True),
        (["All drones were destroyed."], False),
        (["Russian drones attacked the city overnight."], False),
        (["No casualties were reported."], False),
        (["No damage was reported.", "Debris fell on a car park."], False),
        (["Residents reported hearing explosions; there was no damage in the city."], True),
    ],
)
def test_nothing_hit(sentences: list[str], expected: bool) -> None:
    assert negatives.nothing_hit(sentences) is expected


@pytest.mark.parametrize(
    "text",
    [
        "The Shevchenkivskyi District Court of Kyiv began the trial of a man accused of filming air "
        "defence positions.",
        "The Pecherskyi district court sentenced a woman for adjusting fire on energy facilities in Kyiv.",
        "A Kyiv resident was charged with treason for sending photos of strike sites in the Obolonskyi "
        "district to Russian intelligence.",
        "Prosecutors say he was convicted of helping direct missile strikes on the Darnytskyi district.",
    ],
)
def test_a_court_case_reports_no_strike(text: str) -> None:
    assert _kyiv(text) == []


def test_a_court_building_that_was_hit_is_a_strike_place() -> None:
    text = "Debris hit the building of the Darnytskyi district court in Kyiv overnight, damaging its roof."
    assert _kyiv(text) == [("Darnytskyi",)]


@pytest.mark.parametrize(
    "said",
    [
        "In Kyiv, President Volodymyr Zelensky said after the attack that Ukraine needed more air defence.",
        "In Kyiv, the foreign minister said the strike on Kharkiv showed Russia does not want peace.",
    ],
)
def test_where_a_leader_spoke_is_no_strike_place(said: str) -> None:
    text = f"Glide bombs struck Kharkiv on Friday afternoon, killing seven people. {said}"
    assert _kyiv(text) == []


def test_a_city_described_by_a_leader_is_still_a_place() -> None:
    text = "In Kyiv, the president's home city, a drone hit a house in the Obolonskyi district on Friday."
    assert _kyiv(text) == [("Obolonskyi",)]


def test_a_court_hearing_is_no_hearing_of_explosions() -> None:
    assert (
        negatives.heard_only("The court began hearing the case of a man from the Obolonskyi district.")
        is False
    )


@pytest.mark.parametrize(
    "text",
    [
        "The renaming of a street in the Pecherskyi district was dropped from the agenda.",
        "A street in Podil will be named after a soldier who died near Bakhmut.",
        "Investigators say he filmed mobile fire groups in the Obolonskyi and Podilskyi districts.",
        "Officials in Kyiv urged residents to prepare for long power outages this winter.",
        "The Darnytskyi and Desnianskyi districts remained without water as repair crews worked.",
        "In the Kyiv region, air defence was active overnight; no consequences were reported.",
    ],
)
def test_words_that_look_like_a_strike_but_are_not(text: str) -> None:
    assert _kyiv(text) == []


@pytest.mark.parametrize(
    "sentence, district",
    [
        ("A serviceman was among the injured in the Darnytskyi district.", "Darnytskyi"),
        (
            "Moscow, accused of targeting civilians, hit a hospital in the Shevchenkivskyi district.",
            "Shevchenkivskyi",
        ),
        ("Soldiers helped rescuers clear the rubble in the Obolonskyi district.", "Obolonskyi"),
    ],
)
def test_soldiers_and_accusations_in_a_strike_report_keep_its_places(sentence: str, district: str) -> None:
    assert _kyiv(f"{LEAD} {sentence}") == [tuple(sorted(("Holosiivskyi", district)))]


@pytest.mark.parametrize(
    "outage",
    [
        "Repair crews worked on the left bank, where the Darnytskyi district remained without water.",
        "Power was restored by evening in the Desnianskyi district, which had been left without power.",
        "Residents of the left-bank Obolonskyi district were urged to prepare for power outages.",
    ],
)
def test_an_outage_under_repair_or_forecast_does_not_place_the_attack(outage: str) -> None:
    assert _kyiv(f"{LEAD} {outage}") == [("Holosiivskyi",)]


@pytest.mark.parametrize(
    "aftermath, district",
    [
        (
            "Debris damaged a power line in the Dniprovskyi district, leaving homes without electricity.",
            "Dniprovskyi",
        ),
        (
            "A fire broke out at a substation in the Darnytskyi district, and power outages followed.",
            "Darnytskyi",
        ),
    ],
)
def test_an_outage_with_damage_places_the_attack(aftermath: str, district: str) -> None:
    assert _kyiv(f"{LEAD} {aftermath}") == [tuple(sorted(("Holosiivskyi", district)))]


@pytest.mark.parametrize(
    ("sentence", "owned"),
    [
        ("Bombs damaged the Shevchenkivskyi and Dniprovskyi districts.", {"Shevchenkivskyi", "Dniprovskyi"}),
        ("A shop in the Obolonskyi district of the city burned down.", {"Obolonskyi"}),
        ("A shop in the Obolonskyi district burned down.", set()),
        ("Debris fell in Darnytskyi and Podilskyi districts.", {"Podilskyi"}),
    ],
)
def test_the_city_spoken_of_owns_its_namesake_districts(sentence: str, owned: set[str]) -> None:
    mentions = default_gazetteer().find(sentence)
    found = negatives.the_city_s_own(sentence, mentions)
    assert {mentions[i].entry.district for i in found} == owned


def _cities(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each report's city and districts, for a text published 2024-05-02."""
    article = Article(id="a", path="a.txt", text=text, published=dt.date(2024, 5, 2))
    return [(r.city, tuple(sorted(r.districts))) for r in extract(article)]


@pytest.mark.parametrize(
    "teaser",
    [
        "Russian drones attacked Odesa on the night of 3 May. Debris fell in the Kyiv district… Read more",
        "Ворог вночі 22 січня атакував Київ: уламки впали в Дарницькому районі… Читати більше",
        "Вражеские дроны атаковали Киев, обломки упали в Оболонском районе... Читать далее",
        "Missiles hit the Podilskyi district of Kyiv in March. Continue reading »",
    ],
)
def test_teasers_of_other_stories_give_no_places(teaser: str) -> None:
    assert _kyiv(f"{LEAD}\n{teaser}") == [("Holosiivskyi",)]


@pytest.mark.parametrize(
    "text",
    [
        "Glide bombs hit Kharkiv. A bomb struck the northeastern Kyiv district of the city, injuring two.",
        "In Kharkiv, a guided bomb struck the Kyiv district, injuring two people.",
        "Russian drones hit Odesa overnight; debris fell in the city's Kyiv district.",
    ],
)
def test_a_district_named_after_kyiv_is_the_other_city_s(text: str) -> None:
    assert [city for city, _ in _cities(text)] and "Kyiv" not in [city for city, _ in _cities(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Drones attacked Kyiv overnight. Debris fell in a Kyiv district, injuring two.",
        "Debris fell in a Kyiv district overnight after a drone attack, injuring two.",
    ],
)
def test_a_kyiv_district_in_a_story_about_kyiv_stays_kyiv(text: str) -> None:
    assert [city for city, _ in _cities(text)] == ["Kyiv"]


@pytest.mark.parametrize(
    "said",
    [
        "One person has been killed, according to the Kyiv Regional Military Administration.",
        "One person was killed, the Kyiv City Military Administration said.",
        "One person has died, the Kyiv Oblast administration reported.",
    ],
)
def test_an_administration_is_a_speaker_not_a_place(said: str) -> None:
    text = f"Missiles hit Kyiv's Pecherskyi district on Tuesday morning. {said}"
    article = Article(id="a", path="a.txt", text=text, published=dt.date(2024, 5, 2))
    assert [(r.city, r.killed) for r in extract(article)] == [("Kyiv", 1)]


def test_an_administration_building_hit_is_a_place() -> None:
    text = "A drone hit the Kyiv Regional Military Administration building overnight, injuring two."
    assert _cities(text) == [("Kyiv region", ())]


@pytest.mark.parametrize(
    "text",
    [
        "KYIV - Kyiv said on Wednesday it had received the first Patriot air defence systems.",
        "date 2023-04-19 KYIV - Kyiv said it had received the first Patriots as Russia fired missiles.",
        "KYIV, Ukraine — Ukraine has received two more NASAMS batteries to shield Kyiv from missiles.",
        "The first IRIS-T systems have arrived in Kyiv to defend the capital against missile strikes.",
    ],
)
def test_air_defence_received_is_no_strike(text: str) -> None:
    assert _cities(text) == []
