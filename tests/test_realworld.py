"""Scoring on real articles: the command, its per-article pairing, and the tuned part's bar."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from conftest import ROOT, SCORER

from strikemap.cli import main
from strikemap.quality import load_gold, score

GOLD = ROOT / "tests" / "realworld" / "gold.jsonl"


def _summary(line: str) -> dict[str, float]:
    found = re.search(r"F1=([\d.]+).*wrong_dates (\d+)", line)
    assert found, line
    return {"F1": float(found[1]), "wrong_dates": int(found[2])}


def test_the_gold_file_is_a_dataset_of_links_with_two_parts() -> None:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 60 and len({r["id"] for r in rows}) == len(rows)
    assert sum(r["part"] == "untuned" for r in rows) == 20
    assert sum(not r["events"] for r in rows) >= 5, "negatives included"
    assert all(r["url"].startswith("http") and r["find"] and "text" not in r for r in rows)
    assert len(load_gold(GOLD, "tuned")) + len(load_gold(GOLD, "untuned")) == len(rows)


def test_without_texts_the_command_says_why_and_skips(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STRIKEMAP_REALTEXT", raising=False)
    assert main(["quality", "--gold", str(GOLD)]) == 0
    assert "quality: skipped: no folder given" in capsys.readouterr().out


def test_an_article_is_scored_only_against_its_own_gold(seeds: Path, tmp_path: Path) -> None:
    """Two articles with the same district: a miss in one is not hidden by the other's event."""
    texts = tmp_path / "texts"
    texts.mkdir()
    body = "date 2023-05-30\nRussian drones hit a house in the Obolonskyi district of Kyiv overnight.\n"
    (texts / "a1.txt").write_text(body, encoding="utf-8")
    (texts / "a2.txt").write_text("date 2023-05-30\nThe weather in Kyiv was fine.\n", encoding="utf-8")
    event = {"date": "2023-05-30", "city": "Kyiv", "districts": ["Obolonskyi"], "weapons": ["drone"]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        "".join(json.dumps({"id": i, "part": "tuned", "events": [event]}) + "\n" for i in ("a1", "a2")),
        encoding="utf-8",
    )
    found = score(gold, texts, part="all", scorer=SCORER)
    assert "matched 1" in found.lines[-1] and "R=0.50" in found.lines[-1], found.lines
    assert found.merged == (1, 0)


@pytest.mark.skipif(
    not os.environ.get("STRIKEMAP_REALTEXT"),
    reason="the real articles are not in the repository: set STRIKEMAP_REALTEXT to their folder",
)
def test_the_tuned_part_scores_kyiv_place_f1_of_at_least_095(seeds: Path) -> None:
    texts = Path(os.environ["STRIKEMAP_REALTEXT"])
    found = score(GOLD, texts, part="tuned", scorer=SCORER, city="Kyiv")
    assert not found.missing, f"collect these articles again: {found.missing}"
    result = _summary(found.lines[-1])
    assert result["F1"] >= 0.95 and result["wrong_dates"] == 0, found.lines[-1]
