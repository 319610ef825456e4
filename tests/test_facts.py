"""Casualty figures: what one clause states, and the final toll an article's figures resolve to.

Every sentence was written for this file; each case shows one class of real casualty wording.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from strikemap.extract import extract, facts
from strikemap.models import Article

Figures = list[tuple[str, int, str]]


def _figures(clause: str) -> Figures:
    return [(f.field, f.n, f.kind) for f in facts.casualties(clause).figures]


@pytest.mark.parametrize(
    "clause, expected",
    [
        # Plain totals, in many phrasings.
        ("Three people were killed", [("killed", 3, "total")]),
        ("a man was killed", [("killed", 1, "total")]),
        ("at least 9 dead", [("killed", 9, "total")]),
        ("one person died in hospital", [("killed", 1, "total")]),
        ("the strike claimed the lives of three", [("killed", 3, "total")]),
        ("the shelling took the lives of four civilians", [("killed", 4, "total")]),
        ("the bodies of two people were recovered", [("killed", 2, "total")]),
        ("rescuers have found three bodies under the debris", [("killed", 3, "total")]),
        ("One tenant of the house died", [("killed", 1, "total")]),
        ("a boy aged 12 was among the injured", [("injured", 1, "total")]),
        ("two night watchmen aged 51 and 63 died", [("killed", 2, "total")]),
        ("one of its drivers had died", [("killed", 1, "total")]),
        ("killing two and injuring five", [("killed", 2, "total"), ("injured", 5, "total")]),
        ("Strike kills 4, injures 12", [("killed", 4, "total"), ("injured", 12, "total")]),
        ("11 people were injured", [("injured", 11, "total")]),
        ("a dozen others were wounded", [("injured", 12, "total")]),
        ("six residents received injuries", [("injured", 6, "total")]),
        ("14 people sought medical help", [("injured", 14, "total")]),
        ("seven people needed medical assistance", [("injured", 7, "total")]),
        ("a 14-year-old was hurt", [("injured", 1, "total")]),
        # Updates.
        ("the death toll has risen to 9", [("killed", 9, "update")]),
        ("the number of injured increased to 23", [("injured", 23, "update")]),
        ("bringing the toll from the night's attack to 15", [("killed", 15, "update")]),
        # Additions to the toll so far.
        ("another four were wounded", [("injured", 4, "additive")]),
        ("two more people died overnight", [("killed", 2, "additive")]),
        ("rescuers pulled another body from the rubble", [("killed", 1, "additive")]),
        ("another woman died of her wounds in hospital", [("killed", 1, "additive")]),
        ("another man was seriously injured", [("injured", 1, "additive")]),
        # Parts of the whole.
        ("four were taken to hospital", [("injured", 4, "subset")]),
        ("nine people were hospitalised", [("injured", 9, "subset")]),
        ("five were treated on the spot", [("injured", 5, "subset")]),
        ("two of them were killed", [("killed", 2, "subset")]),
        ("in Podilskyi district two people died", [("killed", 2, "part")]),
        ("at the second site three people were injured", [("injured", 3, "part")]),
        # Victims: the injured, unless the text counts the dead among them.
        ("29 victims", [("injured", 29, "victims")]),
        ("five casualties are known so far", [("injured", 5, "victims")]),
        ("the number of victims rose to 31", [("injured", 31, "victims")]),
        # Zeros for the whole attack.
        ("there were no casualties", [("killed", 0, "zero"), ("injured", 0, "zero")]),
        ("no one was injured", [("killed", 0, "zero"), ("injured", 0, "zero")]),
        ("No major damage or casualties were reported", [("killed", 0, "zero"), ("injured", 0, "zero")]),
        ("There were no reports of casualties", [("killed", 0, "zero"), ("injured", 0, "zero")]),
        ("nobody was killed but three people were hurt", [("killed", 0, "zero"), ("injured", 3, "total")]),
        ("no injuries were reported", [("injured", 0, "zero")]),
    ],
)
def test_clause_figures(clause: str, expected: Figures) -> None:
    assert _figures(clause) == expected


@pytest.mark.parametrize(
    "clause",
    [
        # No count at all.
        "dozens wounded",
        "several people were injured",
        "No one was hurt at the second site",
        "debris fell on an empty lot, with no injuries there",
        "there is no information on casualties yet",
        # Ages are not counts.
        "the victims were aged 9 and 12",
        "two girls, aged 7 and 15, were injured",
        # Other places and times: the country, the war, several cities.
        "at least 596 civilians have died since the invasion began",
        "the UN says more than 10,000 civilians have been killed",
        "12 people were killed across Ukraine overnight",
        "five journalists have been killed in Ukraine this year",
        "At least 40 people died in the attacks on five cities",
        "Eight people were injured in other regions",
        # Not people.
        "air defence destroyed 20 drones",
        "killing 3 drones over the city",
    ],
)
def test_clause_without_a_figure(clause: str) -> None:
    assert _figures(clause) == []


@pytest.mark.parametrize(
    "clause, expected",
    [
        ("two children aged 9 and 12 were injured", [("injured", 2, "total")]),
        ("three women aged 30, 41 and 67 were wounded", [("injured", 3, "total")]),
        ("a man aged 45 died", [("killed", 1, "total")]),
    ],
)
def test_ages_beside_a_count_are_not_counts(clause: str, expected: Figures) -> None:
    assert _figures(clause) == expected


def _m(*values: str, sentence: str = "s") -> list[facts.Mention]:
    return [(value, sentence) for value in values]


@pytest.mark.parametrize(
    "killed, injured, expected",
    [
        # An earlier figure is superseded by a larger later one, or an update.
        (_m("total:7"), _m("total:7", "total:11"), (7, 11)),
        (_m("total:8") + _m("update:9", sentence="t"), [], (9, None)),
        ([], _m("update:82") + _m("subset:44", sentence="t") + _m("subset:10", sentence="u"), (None, 82)),
        # 'Previous reports said 31' after 'now reached 32'.
        (_m("update:32") + _m("total:31", sentence="t"), [], (32, None)),
        # Additions.
        (_m("total:8") + _m("additive:1", sentence="t"), [], (9, None)),
        ([], _m("total:5") + _m("additive:4", sentence="t"), (None, 9)),
        # ... counted once when its sentence already gave the updated toll ...
        (_m("total:8") + _m("update:9", "additive:1", sentence="t"), [], (9, None)),
        # ... and once for a headline printed twice.
        (_m("additive:1", "additive:1", sentence="h") + _m("total:31", sentence="t"), [], (31, None)),
        # 'Two were killed, and another four wounded': another beside the dead is a total.
        (_m("total:2"), _m("additive:4"), (2, 4)),
        # A part or subset never lowers the whole; alone, it is what is known.
        (_m("total:8", "part:2"), _m("total:16", "subset:7"), (8, 16)),
        ([], _m("subset:3"), (None, 3)),
        # A zero for the whole attack only when nothing is positive.
        (_m("zero:0"), _m("zero:0"), (0, 0)),
        (_m("zero:0"), _m("zero:0") + _m("total:3", sentence="t"), (0, 3)),
        (_m("total:2") + _m("zero:0", sentence="t"), [], (2, None)),
        # Victims are the injured when no injured figure is given, less the dead counted among them.
        ([], _m("victims:5") + _m("victims:7", sentence="t"), (None, 7)),
        ([], _m("victims:7") + _m("subset:1", sentence="t") + _m("zero:0", sentence="u"), (None, 7)),
        (_m("subset:3", sentence="v"), _m("victims:29", sentence="v"), (3, 26)),
        (_m("total:3"), _m("victims:29", sentence="v") + _m("total:20", sentence="w"), (3, 20)),
        # A figure timed later supersedes one timed earlier, even a larger one.
        (
            _m("total:9", sentence="As of 06:00, 9 were killed")
            + _m("total:8", sentence="As of 11:00, eight have died"),
            [],
            (8, None),
        ),
        (
            _m("total:8", sentence="As of 1:30 PM, 8 have died")
            + _m("total:9", sentence="As of 9:15 am, 9 were killed"),
            [],
            (8, None),
        ),
        ([], [], (None, None)),
    ],
)
def test_tolls(
    killed: list[facts.Mention], injured: list[facts.Mention], expected: tuple[object, object]
) -> None:
    assert facts.tolls(killed, injured) == expected


def _article(text: str) -> Article:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(id=digest, path=f"toll-{digest[:12]}.txt", text=text, published=dt.date(2024, 3, 5))


@pytest.mark.parametrize(
    "text, killed, injured",
    [
        (
            "Missiles hit Kyiv's Darnytskyi district overnight. Initially, officials spoke of seven "
            "wounded. By noon 11 people were injured, the emergency service said.",
            None,
            11,
        ),
        (
            "A drone hit an apartment block in Kyiv's Obolonskyi district, killing eight people. "
            "Rescuers pulled another body from the rubble in the afternoon.",
            9,
            None,
        ),
        (
            "A missile struck Kyiv's Podilskyi district overnight, killing five. The death toll has "
            "since risen to 9, the mayor said.",
            9,
            None,
        ),
        (
            "Russian missiles killed eight people in Kyiv overnight. In Podilskyi district two people "
            "died, and 16 people were wounded, two of them children.",
            8,
            16,
        ),
        (
            "Drones struck Kyiv's Holosiivskyi district, injuring 12 people. Four were taken to "
            "hospital. No one was hurt at the second site, in Obolonskyi district.",
            None,
            12,
        ),
        (
            "Debris fell on Kyiv's Desnianskyi district overnight. No casualties were reported.",
            0,
            0,
        ),
        (
            "Two people were killed and another four were wounded when a missile hit Kyiv's "
            "Sviatoshynskyi district.",
            2,
            4,
        ),
        (
            "A missile hit a house in Kyiv's Solomianskyi district, killing one person. Across "
            "Ukraine, 23 people were killed in the overnight barrage.",
            1,
            None,
        ),
        (
            "A missile destroyed a block of flats in Kyiv's Solomianskyi district. The number of victims "
            "has risen to 14 - another body was recovered from the rubble. By evening the number of "
            "victims reached 17.",
            17,
            None,
        ),
        (
            "Drones hit Kyiv's Darnytskyi district overnight; the bodies of three residents were found. "
            "Rescuers said the number of victims had risen to six as more bodies were pulled out.",
            6,
            None,
        ),
        (
            "A missile hit Kyiv's Podilskyi district. The number of victims rose to 20, including five "
            "bodies recovered, five of them children.",
            5,
            15,
        ),
        (
            "A drone hit a house in Kyiv's Obolonskyi district. The number of victims has risen to 4, "
            "the city said.",
            None,
            4,
        ),
    ],
)
def test_article_toll(text: str, killed: int | None, injured: int | None) -> None:
    reports = extract(_article(text))
    assert [(r.killed, r.injured) for r in reports[:1]] == [(killed, injured)]


@pytest.mark.parametrize(
    "clause, expected",
    [
        # A subset set off by commas between the count and its verb.
        (
            "Four people, including a 12-year-old boy, were injured when debris fell",
            [("injured", 4, "total")],
        ),
        ("Two residents, among them a pensioner, were killed", [("killed", 2, "total")]),
        # Hurt by glass or treated by medics is injured.
        ("Nine people were cut by flying glass", [("injured", 9, "total")]),
        ("three people were treated by medics at the scene", [("injured", 3, "total")]),
        ("Five residents received first aid", [("injured", 5, "total")]),
        # Bodies recovered, the verb first.
        ("rescuers recovered the bodies of six people from the rubble", [("killed", 6, "total")]),
        ("firefighters found the bodies of two women", [("killed", 2, "total")]),
        # Nobody killed or hurt, in the city as a whole.
        (
            "the barrage wounded 20 people but killed no one",
            [("injured", 20, "total"), ("killed", 0, "zero")],
        ),
        ("the strike injured nobody", [("injured", 0, "zero")]),
        ("No one in the capital was hurt", [("killed", 0, "zero"), ("injured", 0, "zero")]),
        ("no one in Kyiv was killed", [("killed", 0, "zero")]),
        # The day of a month is no count.
        ("A missile attack on Feb. 12 killed a man", [("killed", 1, "total")]),
        ("On March 3 five people were killed", [("killed", 5, "total")]),
        ("the strike of January 14 injured 40", [("injured", 40, "total")]),
    ],
)
def test_more_ways_to_state_a_figure(clause: str, expected: Figures) -> None:
    assert _figures(clause) == expected


@pytest.mark.parametrize(
    "clause",
    [
        "Twelve drones, including four Shaheds, were shot down",
        "the May 12 strike was the third this month",
        "Rescuers recovered the wreckage of two drones",
        "the wounded were cut off from the road",
    ],
)
def test_no_figure_in_lookalikes(clause: str) -> None:
    assert _figures(clause) == []


@pytest.mark.parametrize(
    "killed, injured, expected",
    [
        # 'Another' adds to the figure just before it in its sentence ...
        ([], _m("total:5") + _m("part:2", "additive:3", sentence="t"), (None, 5)),
        ([], _m("total:4") + _m("total:2", "additive:3", sentence="t"), (None, 5)),
        # ... else to the last whole figure, not to a larger one the lead gave first.
        (
            _m("update:5")
            + _m("total:2", sentence="t")
            + _m("update:3", sentence="u")
            + _m("additive:2", sentence="v"),
            [],
            (5, None),
        ),
        (_m("total:12") + _m("total:2", sentence="t") + _m("additive:1", sentence="u"), [], (12, None)),
        # A part is no whole: the addition goes on from the city's figure.
        (_m("total:8") + _m("part:2", sentence="t") + _m("additive:1", sentence="u"), [], (9, None)),
        # Two additions in turn.
        (_m("total:3") + _m("additive:1", sentence="t") + _m("additive:1", sentence="u"), [], (5, None)),
    ],
)
def test_an_addition_goes_on_from_the_figure_it_follows(
    killed: list[facts.Mention], injured: list[facts.Mention], expected: tuple[object, object]
) -> None:
    assert facts.tolls(killed, injured) == expected


@pytest.mark.parametrize(
    "text, killed, injured",
    [
        (
            "A missile hit a block of flats in Kyiv's Obolonskyi district, killing two. Nationwide, "
            "at least 11 people were killed and 40 injured, officials said.",
            2,
            None,
        ),
        (
            "Drones hit Kyiv's Darnytskyi district overnight; four people were injured. Across "
            "Ukraine, Russia launched 80 drones. In all, 15 people were killed and 60 wounded in "
            "several cities.",
            None,
            4,
        ),
    ],
)
def test_figures_after_a_nationwide_clause_are_the_countrys(
    text: str, killed: int | None, injured: int | None
) -> None:
    reports = extract(_article(text))
    assert [(r.killed, r.injured) for r in reports[:1]] == [(killed, injured)]


@pytest.mark.parametrize(
    "clause, expected",
    [
        # An ordinal of the dead says how many have died so far.
        ("by noon the body of a third victim had been found", [("killed", 3, "total")]),
        ("a fifth person died in hospital overnight", [("killed", 5, "total")]),
        ("and in the evening rescuers recovered a fourth.", [("killed", 4, "total")]),
        ("firefighters pulled out a second body", [("killed", 2, "total")]),
        # Not of the dead, or no death in the clause.
        ("A second drone hit the same block", []),
        ("The third victim was a woman of 33", []),
        ("a second missile killed two people", [("killed", 2, "total")]),
        ("the city was attacked for the third time this week, killing no one", [("killed", 0, "zero")]),
    ],
)
def test_an_ordinal_of_the_dead_is_a_toll(clause: str, expected: Figures) -> None:
    assert _figures(clause) == expected


@pytest.mark.parametrize(
    "clause, expected",
    [
        # 'There' is the city the clause has just named ...
        (
            "12 people were injured in Kyiv and no one was killed there",
            [("injured", 12, "total"), ("killed", 0, "zero")],
        ),
        (
            "five were hurt in the capital, but nobody was killed there",
            [("injured", 5, "total"), ("killed", 0, "zero")],
        ),
        # ... but one site when the clause has named a district, a building or none.
        ("debris hit a house in the Podilskyi district and no one was hurt there", []),
        ("a drone struck a building in Kyiv, and no one was injured there", []),
        ("no one was killed there", []),
    ],
)
def test_a_zero_there_is_the_city_when_the_city_was_just_named(clause: str, expected: Figures) -> None:
    assert _figures(clause) == expected


@pytest.mark.parametrize(
    "text, killed, injured",
    [
        (
            "A missile hit Kyiv's Darnytskyi district overnight. Three people, including a "
            "14-year-old girl, were injured when debris fell on houses.",
            None,
            3,
        ),
        (
            "Drones struck Kyiv's Obolonskyi district. Two residents, among them an elderly man, were "
            "killed, and six people, including two children, were wounded.",
            2,
            6,
        ),
        # An aside with no count before it breaks the clause as before.
        (
            "Missiles hit Kyiv's Podilskyi district, including a school, and four people were hurt.",
            None,
            4,
        ),
    ],
)
def test_a_count_cut_from_its_verb_by_an_aside_is_read_whole(
    text: str, killed: int | None, injured: int | None
) -> None:
    reports = extract(_article(text))
    assert [(r.killed, r.injured) for r in reports[:1]] == [(killed, injured)]
