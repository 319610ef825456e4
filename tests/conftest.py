"""Shared fixtures: where the real seed articles live, and small helpers to make articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from strikemap.models import Article
from strikemap.read import article_id

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SCORER = SHARED / "eval" / "score.py"


def make_article(
    text: str, published: str | None = None, *, path: str = "passage.txt", source: str | None = None
) -> Article:
    return Article(
        id=article_id(text),
        path=path,
        text=text,
        published=dt.date.fromisoformat(published) if published else None,
        source=source,
    )


@pytest.fixture
def seeds() -> Path:
    if not (SEEDS / "gold.json").exists():
        pytest.skip(f"seed articles not found at {SEEDS} (they live in the shared folder beside the repo)")
    return SEEDS
