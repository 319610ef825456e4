"""Smoke runs of the benchmarks: each runs to the end on a tiny input and writes its rows (no timings)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import ROOT, need_browser

sys.path.insert(0, str(ROOT / "bench"))
import corpus
import extraction
import morphology
import run

from strikemap.read import read_paths

EXPECTED = {
    "extraction": ["extract 20 articles of 2 KB, 1 process"],
    "adversarial": ["spaces in a sentence: 10 KB over 1 KB", "Kyiv, Kyiv, ...: 10 KB over 1 KB"],
    "ingest": ["SQLite"],
    "merge": ["merge 20 reports into events", "merge 100 reports into events", "time per report"],
    "maps": ["naive"],
    "export": ["CSV export of", "GeoJSON export of", "CSV: read", "GeoJSON: write them"],
    "browser": ["markers"],
}
"""Words each benchmark's rows must show; the modules of ingest, maps and browser own their wording."""


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bench-cache")


@pytest.mark.parametrize("name", run.BENCHMARKS)
def test_each_benchmark_runs_and_writes_its_rows(
    name: str, cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    if name == "browser":
        need_browser()
    postgres = request.getfixturevalue("postgres_url") if name == "ingest" else None
    monkeypatch.delenv("STRIKEMAP_BENCH_POSTGRES", raising=False)
    monkeypatch.delenv("STRIKEMAP_TEST_POSTGRES", raising=False)
    results = tmp_path / "RESULTS.md"
    results.write_text("# Results\n\nWritten by hand.\n\n## Notes\n\nKept as written.\n", encoding="utf-8")
    argv = ["--quick", "--only", name, "--results", str(results), "--cache", str(cache)]
    assert run.main([*argv, "--postgres", postgres] if postgres else argv) == 0
    text = results.read_text(encoding="utf-8")
    table = text.split(run.START, 1)[1].split(run.END, 1)[0]
    rows = [line for line in table.splitlines() if line.startswith(f"| {name} |")]
    assert rows and not any("not run" in row or "failed" in row for row in rows)
    for words in EXPECTED[name]:
        assert any(words in row for row in rows), f"no row of {name} mentions {words!r}"
    if name == "ingest":
        assert any("PostgreSQL" in row for row in rows)
    assert text.startswith("# Results\n\nWritten by hand.\n\n" + run.START)
    assert text.rstrip().endswith(run.END + "\n\n## Notes\n\nKept as written.")
    assert "**Machine:**" in table and "cores" in table


def test_a_partial_run_keeps_the_rows_of_the_others(cache: Path, tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    state = {
        "machine": run.machine(),
        "results": {
            "merge": {"figures": [], "status": "not run", "why": "earlier", "command": "c", "date": "d",
                      "commit": "x", "quick": True},
        },
    }  # fmt: skip
    (tmp_path / "results.json").write_text(json.dumps(state), encoding="utf-8")
    assert (
        run.main(["--quick", "--only", "extraction", "--results", str(results), "--cache", str(cache)]) == 0
    )
    table = results.read_text(encoding="utf-8")
    assert "| merge | not run: earlier |" in table and "| extraction | extract" in table
    assert table.index("| extraction |") < table.index("| merge |")


def test_a_missing_benchmark_is_reported_not_run(tmp_path: Path) -> None:
    record = run.measure("no_such_benchmark", run.Plan.small(tmp_path))
    assert record["status"] == "not run" and "no_such_benchmark" in record["why"]


def test_the_corpus_file_is_read_by_ingest_with_its_dates_and_outlets(cache: Path) -> None:
    path = corpus.article_file(30, cache)
    read = list(read_paths(path))
    made = list(corpus.articles(30))
    assert [a.text.strip() for a in read] == [a.text.strip() for a in made]
    assert [(a.source, a.published) for a in read] == [(a.source, a.published) for a in made]
    assert corpus.article_file(30, cache) == path


def test_the_corpus_spans_years_districts_and_outlets() -> None:
    made = list(corpus.articles(3000))
    years = {a.published.year for a in made if a.published}
    districts = {a.title.removeprefix("Attack on ") for a in made if a.title} & set(
        corpus.synth.DISTRICT_SPELLINGS
    )
    assert len(years) >= 10 and len(districts) == 10
    assert len({a.text.split("\n", 1)[0] for a in made}) > 1000
    assert sum(1 for a in made if "story" in a.text) == len(made)
    stories: dict[str, set[str | None]] = {}
    for a in made:
        stories.setdefault(a.text.split("; story ", 1)[1].split(".", 1)[0], set()).add(a.source)
    assert any(len(outlets) > 1 for outlets in stories.values())
    assert all(len(a.text.encode()) >= corpus.SIZE for a in made)


def test_the_extraction_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    extraction.main(["--articles", "20", "--runs", "1", "--size", "500"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("20 articles of") and lines[-1].startswith("peak memory")


def test_the_morphology_benchmark_runs_without_pymorphy3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pymorphy3", None)  # import fails, as when it is not installed
    morphology.main(["--runs", "1"])
    out = capsys.readouterr().out
    assert out.startswith("pymorphy3 is not installed")
    assert "| gazetteer (suffix tables) | " in out and "pymorphy3 lemma" not in out
    assert "Unlabelled" not in out, "a corpus word that looks like a district name has no label in FORMS"


def test_the_morphology_benchmark_has_300_labelled_tokens_of_both_kinds() -> None:
    tokens = morphology.corpus_tokens() + morphology.written_tokens()
    assert len(tokens) >= 300
    assert sum(t.gold is None for t in tokens) >= 100 and sum(t.gold is not None for t in tokens) >= 200
