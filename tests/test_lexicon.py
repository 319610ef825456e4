"""Cues: case-blind patterns that skip the regex when a sentence lacks the words a match needs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strikemap.extract import article as extract
from strikemap.extract import dates, facts, text
from strikemap.extract import lexicon as lx
from strikemap.extract.text import split_sentences


def _cues() -> dict[str, lx.Cue]:
    found: dict[str, lx.Cue] = {}

    def visit(name: str, value: object) -> None:
        if isinstance(value, lx.Cue):
            found[name] = value
        elif isinstance(value, lx.Cues):
            visit(name, value.cues)
        elif isinstance(value, lx.Bilingual):
            visit(f"{name}.english", value.english)
            visit(f"{name}.cyrillic", value.cyrillic)
        elif isinstance(value, list | tuple):
            for i, item in enumerate(value):
                visit(f"{name}[{i}]", item)
        elif isinstance(value, dict):
            for key, item in value.items():
                visit(f"{name}[{key}]", item)

    for module in (lx, facts, dates, extract, text):
        for name, value in vars(module).items():
            visit(f"{module.__name__}.{name}", value)
    return found


CUES = _cues()
SENTENCES = [
    s.text
    for path in sorted((ROOT / "samples" / "articles").glob("*.txt"))
    for s in split_sentences(path.read_text())
]
CYRILLIC = [
    s.text
    for path in sorted((ROOT / "tests" / "corpus").glob("[ur][ku]/*.txt"))[::4]
    for s in split_sentences(path.read_text(encoding="utf-8"))
]
"""Ukrainian and Russian sentences, most without a Latin letter, some with one ('Shahed-136')."""


def test_the_extractor_uses_cues() -> None:
    assert len(CUES) > 40
    assert {
        "strikemap.extract.lexicon.STRIKE_CUES.english",
        "strikemap.extract.lexicon.STRIKE_CUES.cyrillic",
    } <= set(CUES)


@pytest.mark.parametrize("name", sorted(CUES))
def test_a_cue_finds_what_the_case_blind_pattern_finds(name: str) -> None:
    cue = CUES[name]
    folded = re.compile(cue.pattern, re.IGNORECASE)
    for sentence in [*SENTENCES, *(s.upper() for s in SENTENCES[:200]), *CYRILLIC]:
        want = [m.span() for m in folded.finditer(sentence)]
        assert [m.span() for m in cue.finditer(sentence)] == want, sentence
        assert bool(cue.search(sentence)) == bool(want)


@pytest.mark.parametrize("name", sorted(n for n, c in CUES.items() if c.needles))
def test_every_match_holds_one_of_the_needles(name: str) -> None:
    cue = CUES[name]
    needles = cue.needles
    assert needles

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(re.compile(cue.pattern), fullmatch=False))
    def check(sample: str) -> None:
        match = re.compile(cue.pattern).search(sample)
        assert match is not None
        assert any(n in sample[match.start() : match.end()] for n in needles), (sample, needles)
        assert cue.search(sample) is not None

    check()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Вибухи у Києві: дрон влучив у будинок", None),
        ("Вибухи у Києві: Kyiv drone влучив у будинок", (21, 26)),
        ("Взрывы в Киеве, DRONE над городом", (16, 21)),
        ("Вибухи у Києві: \u212a-drone", (16, 23)),  # the Kelvin sign lower-cases to a Latin k
    ],
)
def test_an_english_cue_on_cyrillic_text_answers_as_the_pattern(
    text: str, found: tuple[int, int] | None
) -> None:
    cue = lx.Cue(r"\bdrones?\b|\bk-drone")
    assert cue.latin
    match, folded = cue.search(text), re.search(cue.pattern, text, re.IGNORECASE)
    assert (match and match.span()) == (folded and folded.span()) == found


def test_a_cue_is_written_in_lower_case() -> None:
    with pytest.raises(ValueError, match="lower case"):
        lx.Cue(r"Kyiv")
    assert lx.Cue(r"\bkyiv\S*").search("KYIV'S") is not None


@pytest.mark.parametrize("text", ["İstanbul drone", "DRONE over İzmir"])
def test_letters_that_lower_case_longer_keep_their_positions(text: str) -> None:
    m = lx.Cue(r"drone").search(text)
    assert m is not None and text[m.start() : m.end()].lower() == "drone"


def test_evidence_keeps_the_article_s_own_case(tmp_path: Path) -> None:
    classes, models = facts.weapons("Russia launched Shahed drones at KYIV")
    assert ("drone", "Shahed") in classes and ("Shahed", "Shahed") in models
    assert facts.casualties("Two People Were Killed").killed == ("2", "Two People Were Killed")


def test_the_date_prefilter_answers_as_its_cue() -> None:
    """Regression: the plain-string check before the date patterns must pass exactly the
    sentences the one search for any date word passes."""
    extra = ["No date here at all.", "У БЕРЕЗНІ", "Вчора ввечері", "FRİDAY night", "tonight", "in 2023"]
    for sentence in [*SENTENCES, *(s.upper() for s in SENTENCES[:200]), *extra]:
        lower = lx.lowered(sentence)
        assert dates._may_hold_date(sentence, lower) == bool(dates._ANY_DATE_WORD.search(sentence)), sentence


@pytest.mark.parametrize("name", ["_WEAPON_CUES", "_FIGURE_CUES", "_DAMAGE_CUES"])
def test_cues_asked_together_match_as_each_asked_alone(name: str) -> None:
    """Regression: one pass over all the needles must keep every match that asking each cue finds."""
    cues: lx.Cues = getattr(facts, name)
    extra = ["Two people were killed and a school and 3 homes were hit by Shahed drones.", "İSTANBUL drones"]
    for sentence in [*SENTENCES, *(s.upper() for s in SENTENCES[:200]), *extra]:
        alone = [(i, m.span()) for i, cue in enumerate(cues.cues) for m in cue.finditer(sentence)]
        assert [(i, m.span()) for i, m in lx.matches(cues, sentence)] == alone, sentence


def _script_of_lowered(text: str) -> int:
    lower = text.lower()
    if lower.isascii():
        return lx._ASCII
    return lx._MIXED if any("a" <= c <= "z" for c in lower) else lx._NO_LATIN


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ K\u212a\u0130іЇжЖ1 -'", max_size=12))
def test_a_text_is_never_said_to_lack_letters_its_lower_case_has(text: str) -> None:
    """A cue skips the needles a text's script cannot hold, and the script is read from the text as
    written: the Kelvin sign and 'İ' lower-case to Latin letters, so they count as Latin."""
    said = lx._scan(text)[2]
    assert said == lx._MIXED or said == _script_of_lowered(text)


def test_every_letter_that_lower_cases_to_latin_is_known() -> None:
    latin = [c for c in map(chr, range(0x80, 0x110000)) if any("a" <= x <= "z" for x in c.lower())]
    longer = [c for c in map(chr, range(0x80, 0x110000)) if len(c.lower()) != 1]
    assert (latin, longer) == (["\u0130", "\u212a"], ["\u0130"])
