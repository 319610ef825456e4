"""Property tests: whatever text or bytes arrive, the readers and the extractor hold their promises."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import make_article
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as s

from strikemap.extract import extract
from strikemap.models import DISTRICTS, Article, Skipped, format_date
from strikemap.read import read_paths

WORDS = [
    "Drones",
    "missiles",
    "hit",
    "Kyiv",
    "Kiev's",
    "Podil",
    "Obolonskyi",
    "district",
    "Shevchenko",
    "on",
    "Monday",
    "Oct.",
    "17",
    "2022",
    "2099",
    "31",
    "February",
    "killed",
    "two",
    "people",
    "injured",
    "1,000,000",
    "overnight",
    "the",
    "previous",
    "night",
    "ago",
    "month",
    "Brovary",
    "Kharkiv",
    "region",
    "said",
    "Klitschko",
    "debris",
    "shot",
    "down",
    "40",
    "of",
    "no",
    "casualties",
    "<script>",
    "`",
    "${x}",
    "\u0000",
    "Київ",
    ".",
    ",",
    "\n",
    "full-scale",
    "invasion",
    "15",
    "months",
    "last",
    "week",
    "Shahed-136",
    "Kh-101",
    "2022-10-17",
]
texts = s.one_of(s.text(max_size=400), s.lists(s.sampled_from(WORDS), max_size=80).map(" ".join))
published = s.one_of(s.none(), s.dates(min_value=dt.date(2014, 1, 1), max_value=dt.date(2030, 12, 31)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, day=published)
def test_the_extractor_never_fails_and_every_fact_is_anchored(text: str, day: dt.date | None) -> None:
    article = make_article(text or "x", day.isoformat() if day else None)
    for report in extract(article):
        assert set(report.districts) <= set(DISTRICTS)
        for evidence in report.evidence:
            assert evidence.sentence in article.text
            assert evidence.match in evidence.sentence
        if report.date is not None:
            assert format_date(report.date, report.date_precision)
            assert dt.date(2014, 1, 1) <= report.date
            if day is not None:
                assert report.date <= day + dt.timedelta(days=1), "an attack after the article was written"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=s.binary(max_size=2000), suffix=s.sampled_from([".txt", ".html", ".jsonl", ".csv", ".json", ".bin"])
)
def test_the_readers_never_fail_on_any_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    for item in read_paths([path]):
        assert isinstance(item, Article | Skipped)
        if isinstance(item, Skipped):
            assert item.reason and str(path) in item.path
        else:
            assert "\x00" not in item.text
