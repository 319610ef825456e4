"""Needles: the literal strings a pattern's every match holds, read from the pattern's text."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strikemap.extract.needles import Needles, checked, fewest, holds, needles


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"drones?", ("drone",)),
        (r"\b(?:air raid|alerts?)\b", ("air raid", "alert")),
        (r"kh[- ]?101", ("101",)),
        (r"(?:cruise |ballistic )?missiles?", ("missile",)),
        (r"\d+ killed|dead", (" killed", "dead")),
        (r"(?P<n>\d+) (?:people|persons) (?:were )?killed", ("killed",)),
        (r"shot down|destroy|intercept", ("destroy", "intercept", "shot down")),
        (r"x{2,3}yz", ("yz",)),
        (r"a{,3}bcd", ("bcd",)),
        (r"ab\.cd", ("ab.cd",)),
        (r"\u0456ст", ("іст",)),
        (r"(?<!\w)дрон\w*", ("дрон",)),
        (r"(?=killed)kill", ("kill",)),
        (r"[xх]-101|kh-?101", ("-101", "101")),
    ],
)
def test_needles_are_read_from_the_pattern(pattern: str, expected: tuple[str, ...]) -> None:
    assert set(needles(pattern) or ()) == set(fewest(expected))


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d|ago",  # one branch holds no literal
        r"x?",
        r"(?i)drone",  # flags: the reader gives up
        r"(a)\1",  # a back-reference
        r"drone(",  # not a pattern
        r"drone)",
        r"[abc",
    ],
)
def test_a_pattern_it_cannot_read_has_no_needles(pattern: str) -> None:
    """No needles means: search always, which is never wrong."""
    assert needles(pattern) is None


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        (["apr", "april", "may"], {"apr", "may"}),
        (["night", "tonight", "overnight"], {"night"}),
        (["drone", "missile"], {"drone", "missile"}),
        (["ago"], {"ago"}),
    ],
)
def test_fewest_drops_needles_that_hold_another(found: list[str], expected: set[str]) -> None:
    assert fewest(found) == expected


WORDS = (*(f"word{i:02d}" for i in range(40)), "дрон", "ракет")


@pytest.mark.parametrize("count", [1, 5, 20, len(WORDS)])
@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.text(alphabet="wordрнаект0123456789 ", max_size=60))
def test_one_pass_and_one_by_one_agree(count: int, text: str) -> None:
    strings = WORDS[:count]
    want = any(s in text for s in strings)
    assert holds(text, checked(strings)) is want
    assert holds(text, Needles(strings)) is want
    assert holds(text, strings) is want


def test_many_needles_are_checked_in_one_pass() -> None:
    assert isinstance(checked(WORDS), Needles)
    assert isinstance(checked(WORDS[:2]), tuple)


@pytest.mark.parametrize(
    "pattern",
    [r"\b(?:drones?|shaheds?|missiles?) (?:hit|struck)\b", r"загин\w*|поранен\w*|(?:двоє|троє) людей"],
)
def test_every_match_holds_a_needle(pattern: str) -> None:
    found = needles(pattern)
    assert found

    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(re.compile(pattern), fullmatch=False))
    def check(sample: str) -> None:
        m = re.search(pattern, sample)
        assert m is not None and any(n in m.group(0) for n in found)

    check()


def test_without_pyahocorasick_the_answers_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """An install made before pyahocorasick was a dependency still extracts: needles one by one."""
    from strikemap.extract import needles as module

    values = [[i] for i in range(len(WORDS))]
    one_pass = Needles(WORDS, values)
    monkeypatch.setattr(module, "ahocorasick", None)
    one_by_one = Needles(WORDS, values)
    assert one_by_one._automaton is None
    for text in ["word03 and word17, word03", "дрон над містом", "nothing here", ""]:
        assert one_by_one.held_by(text) is one_pass.held_by(text)
        found = {i for indices in one_by_one.values_in(text) for i in indices}
        assert found == {i for indices in one_pass.values_in(text) for i in indices}
