"""The written Ukrainian, Russian and Telegram corpus (tests/corpus/), scored with the shared scorer.

Its texts were written for the project, so they live in the repository and are scored on every run.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, SCORER

from strikemap.quality import score

CORPUS = ROOT / "tests" / "corpus"


def _f1(line: str) -> float:
    found = re.search(r"F1=([\d.]+)", line)
    assert found, line
    return float(found[1])


@pytest.mark.parametrize("language, bar", [("uk", 0.9), ("ru", 0.9), ("tg", 0.8)])
def test_the_tuned_part_finds_kyiv_districts(seeds: Path, language: str, bar: float) -> None:
    found = score(CORPUS / f"gold_{language}.jsonl", CORPUS, part="tuned", scorer=SCORER, city="Kyiv")
    assert not found.missing
    assert _f1(found.lines[-1]) >= bar, found.lines[-1]
    assert "wrong_dates 0" in found.lines[-1], found.lines[-1]
