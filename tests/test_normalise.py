"""Disguised text: look-alike letters, invisible and full-width characters must not hide a strike."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as hs

from strikemap.extract import extract
from strikemap.normalise import fold, printable
from strikemap.read import read_text

PLAIN = (
    "date 2024-05-02\n"
    "A Russian drone attack hit the Obolonskyi district of Kyiv overnight, injuring 3 people. "
    "Debris fell in Podilskyi district, killing 1 person and starting a fire."
)

DISGUISES = {
    "cyrillic look-alike letters": {"Kyiv": "Кyiv", "Obolonskyi": "Оbоlоnskyi", "drone": "drоne"},
    "zero-width spaces": {"Kyiv": "Ky\u200biv", "Podilskyi": "Podil\u200cskyi", "injuring": "in\u200djuring"},
    "full-width letters": {"Obolonskyi": "Ｏｂｏｌｏｎｓｋｙｉ", "3": "３"},
    "combining accents": {"Kyiv": "Kyi\u0301v", "Podilskyi": "Po\u0308dilskyi"},
    "direction overrides": {"Kyiv": "\u202dKyiv\u202c", "drone": "\u2066drone\u2069"},
    "soft hyphens and no-break spaces": {"Obolonskyi district": "Obolon\u00adskyi\u00a0district"},
    "ligatures": {"fire": "\ufb01re"},
}


def _summary(text: str) -> list[tuple[object, ...]]:
    return [
        (r.city, r.date, r.districts, r.weapons, r.killed, r.injured)
        for r in extract(read_text(text, path="disguised.txt"))
    ]


@pytest.mark.parametrize("swaps", DISGUISES.values(), ids=DISGUISES.keys())
def test_a_disguised_article_gives_the_same_events_as_the_plain_one(swaps: dict[str, str]) -> None:
    disguised = PLAIN
    for plain, written in swaps.items():
        disguised = disguised.replace(plain, written)
    assert disguised != PLAIN
    assert _summary(disguised) == _summary(PLAIN)
    assert _summary(PLAIN)[0][2] == ("Obolonskyi", "Podilskyi")


@pytest.mark.parametrize("swaps", DISGUISES.values(), ids=DISGUISES.keys())
def test_evidence_quotes_the_article_as_written(swaps: dict[str, str]) -> None:
    disguised = PLAIN
    for plain, written in swaps.items():
        disguised = disguised.replace(plain, written)
    for report in extract(read_text(disguised, path="disguised.txt")):
        for evidence in report.evidence:
            assert evidence.sentence in disguised, evidence
            assert evidence.match in evidence.sentence, evidence


@pytest.mark.parametrize(
    "text",
    [
        "Уламки впали в Оболонському районі Києва, поранено двох людей.",
        "В Святошинском районе загорелся дом; йод, ёлка, Ї.",
        "Kyiv's Podilskyi district — 3 injured, “officials” said.",
    ],
    ids=["ukrainian", "russian", "english punctuation"],
)
def test_ordinary_text_is_read_as_written(text: str) -> None:
    assert fold(text).text == text
    assert not fold(text).changed


def test_a_word_mostly_in_cyrillic_keeps_cyrillic() -> None:
    assert fold("Kиїв").text == "Київ"
    assert fold("и\u0306од").text == "йод"  # a decomposed letter is composed, not stripped


@given(hs.text(alphabet=hs.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_every_folded_span_maps_back_inside_the_written_text(text: str) -> None:
    folded = fold(text)
    for start in range(len(folded.text)):
        for end in (start + 1, len(folded.text)):
            assert folded.written(text, start, end) in text


def test_printable_escapes_what_would_forge_a_line() -> None:
    assert printable("a\nb\u202ec") == "a\\nb\\u202ec"
