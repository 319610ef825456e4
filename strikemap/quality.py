"""Scoring the extractor on real articles kept outside the repository, against committed gold.

The gold file (`tests/realworld/gold.jsonl`) holds, per article, its address, how to find it
again, which part it belongs to (tuned or untuned) and the events an analyst read in it. The
texts are collected each session into a folder of `ID.txt` files that never enters the
repository. Scoring goes through the shared scorer, so the figures are the ones it prints.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from strikemap.cluster import cluster
from strikemap.export import event_dict
from strikemap.extract import extract
from strikemap.models import Article, Event
from strikemap.read import read_paths

PARTS = ("tuned", "untuned", "all")
SCOPE = ("Kyiv", "Kyiv region")
"""The cities the gold covers: strikes elsewhere are context, not scored."""


@dataclass(frozen=True, slots=True)
class Gold:
    """One article's line of the gold file."""

    id: str
    part: str
    events: tuple[dict[str, object], ...]
    line: str


@dataclass(frozen=True, slots=True)
class Scored:
    """What `score` found: the scorer's lines, and the articles it could not score."""

    lines: tuple[str, ...]
    missing: tuple[str, ...]
    merged: tuple[int, int]
    """Same-attack pairs from different articles, and how many the merge joined into one event."""


def load_gold(path: Path, part: str = "all", language: str | None = None) -> list[Gold]:
    """The gold lines of one part (or all) and language (or any), in file order."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if language is not None and row.get("language", "en") != language:
            continue
        if part in ("all", row.get("part", "tuned")):
            out.append(Gold(str(row["id"]), str(row.get("part", "tuned")), tuple(row["events"]), line))
    return out


def find_texts(folder: Path, ids: Iterable[str]) -> dict[str, Article]:
    """The articles of `folder` (searched at any depth) whose file name is a gold id."""
    wanted = set(ids)
    paths = [p for p in sorted(folder.rglob("*.txt")) if p.stem in wanted]
    found = {}
    for item in read_paths(paths):
        if isinstance(item, Article):
            found[Path(item.path).stem] = item
    return found


def predicted(articles: dict[str, Article], *, city: str | None = None) -> list[dict[str, object]]:
    """Each article's events on its own (as the gold is per article), within the gold's cities.

    Each city is tagged with its article (`Kyiv@en101`), as the gold's are, so that the scorer
    pairs an article's events only with that article's gold, never with another article's.
    """
    events: list[dict[str, object]] = []
    for name, article in articles.items():
        for event in cluster(extract(article)):
            if event.city in SCOPE and (city is None or event.city == city):
                events.append({**event_dict(event), "city": f"{event.city}@{name}"})
    return events


def pairs_merged(gold: Sequence[Gold], articles: dict[str, Article]) -> tuple[int, int]:
    """Of the gold's same-attack pairs across articles (same city and day, a shared district or
    both without one), how many the merge puts into one event when all articles go in together."""
    units: dict[tuple[str, str, str], set[str]] = {}
    for g in gold:
        for e in g.events:
            date = str(e.get("date") or "")
            if len(date) != 10 or g.id not in articles:
                continue
            districts = [str(d) for d in e.get("districts") or []] or [""]  # type: ignore[attr-defined]
            for d in districts:
                units.setdefault((str(e["city"]), date, d), set()).add(g.id)
    pairs = {tuple(sorted((a, b))) for ids in units.values() for a in ids for b in ids if a < b}
    if not pairs:
        return 0, 0
    events = cluster(r for a in articles.values() for r in extract(a))
    together = {(a, b) for event in events for a in _ids(event) for b in _ids(event) if a < b}
    return len(pairs), len(pairs & together)


def _ids(event: Event) -> set[str]:
    return {Path(r.article).stem for r in event.reports}


def score(
    gold_path: Path,
    texts: Path,
    *,
    part: str,
    scorer: Path,
    details: bool = False,
    city: str | None = None,
    language: str | None = None,
) -> Scored:
    """Run the shared scorer on the part's articles found in `texts`."""
    gold = load_gold(gold_path, part, language)
    articles = find_texts(texts, (g.id for g in gold))
    present = [g for g in gold if g.id in articles]
    missing = tuple(g.id for g in gold if g.id not in articles)
    with tempfile.TemporaryDirectory() as tmp:
        gold_file = Path(tmp) / "gold.jsonl"
        lines = [_only(g, city) for g in present]
        gold_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
        pred_file = Path(tmp) / "predicted.json"
        pred_file.write_text(json.dumps({"events": predicted(articles, city=city)}), encoding="utf-8")
        command = [sys.executable, str(scorer), str(gold_file), str(pred_file)] + (
            ["--details"] if details else []
        )
        result = subprocess.run(command, capture_output=True, text=True, check=True)
    return Scored(tuple(result.stdout.splitlines()), missing, pairs_merged(present, articles))


def _only(gold: Gold, city: str | None) -> str:
    """The gold line with each city tagged with its article, and only `city`'s events if given."""
    row = json.loads(gold.line)
    events = [e for e in row["events"] if city is None or e.get("city") == city]
    row["events"] = [{**e, "city": f"{e['city']}@{gold.id}"} for e in events]
    return json.dumps(row, ensure_ascii=False)
