"""The four real seed articles, scored against the analyst's gold file with the shared scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SCORER

from strikemap.cli import main


def test_seed_articles_score_perfectly(
    seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["extract", str(seeds), "--format", "json"])
    printed = capsys.readouterr()
    assert (status, printed.err.splitlines()[0]) == (
        1,
        f"strikemap: skipped {seeds / 'gold.json'}: no text (expected a 'text', 'body' or 'content' field)",
    ), "gold.json sits beside the articles: it is reported and skipped, the articles are read"
    out = tmp_path / "out.json"
    out.write_text(printed.out, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCORER), str(seeds / "gold.json"), str(out), "--details"],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = result.stdout.strip().splitlines()[-1]
    assert "places P=1.00 R=1.00 F1=1.00" in summary, result.stdout
    for part in ("events 6/6", "weapons 6/6", "casualties 3/3", "reports 6/6", "wrong_dates 0"):
        assert part in summary, result.stdout


def test_every_seed_evidence_sentence_is_in_its_article(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["extract", str(seeds)])
    events = json.loads(capsys.readouterr().out)["events"]
    for event in events:
        for report in event["reports"]:
            assert Path(report["article"]).name == report["article"], "no server path in the output"
            text = (seeds / report["article"]).read_text(encoding="utf-8")
            for evidence in report["evidence"]:
                assert evidence["sentence"] in text
                assert evidence["match"] in evidence["sentence"]
