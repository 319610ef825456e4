"""Smoke runs of the benchmarks: each runs to the end on a tiny input (timings are not checked)."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import extraction


def test_the_extraction_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    extraction.main(["--articles", "20", "--runs", "1", "--size", "500"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("20 articles of") and lines[-1].startswith("peak memory")
