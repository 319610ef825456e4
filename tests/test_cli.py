"""The command line, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

SAMPLES = ROOT / "samples" / "articles"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "strikemap", *args], capture_output=True, text=True, check=False, cwd=ROOT
    )


def test_extract_prints_json_events_for_the_sample_articles() -> None:
    result = _run("extract", str(SAMPLES))
    assert (result.returncode, result.stderr) == (0, "")
    events = json.loads(result.stdout)["events"]
    districts = {d for e in events for d in e["districts"]}
    assert len(districts) == 10
    assert any(e["sources_count"] >= 2 for e in events)


def test_extract_csv_has_a_header_and_a_row_per_event() -> None:
    as_json = json.loads(_run("extract", str(SAMPLES)).stdout)["events"]
    lines = _run("extract", str(SAMPLES), "--format", "csv").stdout.lstrip("\ufeff").splitlines()
    assert (lines[0].split(",")[:3], len(lines) - 1) == (["id", "date", "date_precision"], len(as_json))


def test_a_broken_file_is_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        "Drones hit Kyiv's Darnytskyi district on 2023-05-28.\n", encoding="utf-8"
    )
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    result = _run("extract", str(tmp_path))
    assert result.returncode == 1
    assert f"skipped {tmp_path / 'photo.txt'}: binary file (a PNG image), not text" in result.stderr
    assert [e["districts"] for e in json.loads(result.stdout)["events"]] == [["Darnytskyi"]]


def test_the_console_script_and_module_agree() -> None:
    script = Path(sys.executable).with_name("strikemap")
    args = ["extract", str(SAMPLES / "wires.jsonl")]
    by_script = subprocess.run([str(script), *args], capture_output=True, text=True, check=False)
    assert by_script.stdout == _run(*args).stdout
