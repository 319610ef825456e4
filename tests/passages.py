"""The answer key the test_extract_<topic> modules share: short passages, and for each report a careful
analyst draws from one, only the fields that matter to the case.

A case is (id, passage, the article's date or None, expected reports). Each expected report is a dict
of the fields the case is about; a report beyond the expected ones shows EXTRA_REPORT_KEYS, so a
failure says what the extra report was. tests/test_passages.py checks every key is well formed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Any

import pytest

from strikemap.extract import extract
from strikemap.models import Article, Report

KYIV = "Kyiv"

# Tuple fields whose order carries no meaning: compared as sorted lists.
ORDERLESS = frozenset({"districts", "weapons", "weapon_models", "said_by"})

# Keys shown for reports beyond the expected ones, so a failure says what the extra report was.
EXTRA_REPORT_KEYS = ("city", "districts", "date", "date_precision", "weapons", "role")

DATE_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}

WEAPONS = frozenset({"drone", "missile", "bomb", "artillery"})

# One dict per expected report, holding only the fields the case is about.
Expected = list[dict[str, Any]]

# (id, passage, the article's published date or None, expected reports)
Case = tuple[str, str, dt.date | None, Expected]


def summarise(report: Report, keys: Iterable[str]) -> dict[str, object]:
    """The given fields of a report as plain values: dates as text, unordered tuples sorted."""
    out: dict[str, object] = {}
    for key in keys:
        value = getattr(report, key)
        if key == "date" and value is not None:
            value = value.strftime(DATE_FORMATS.get(report.date_precision or "day", "%Y-%m-%d"))
        elif key in ORDERLESS:
            value = sorted(value)
        out[key] = value
    return out


def article(text: str, published: dt.date | None) -> Article:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(id=digest, path=f"passage-{digest[:12]}.txt", text=text, published=published)


def reports_of(text: str, published: dt.date | None, expected: Expected) -> list[dict[str, object]]:
    """What extract() draws from the passage, each report shown by the fields its expected one names."""
    reports = extract(article(text, published))
    return [
        summarise(report, expected[i].keys() if i < len(expected) else EXTRA_REPORT_KEYS)
        for i, report in enumerate(reports)
    ]


def passages(cases: list[Case]) -> pytest.MarkDecorator:
    """Parametrize a test by `text, published, expected`, one case each, named by the case's id."""
    return pytest.mark.parametrize(
        "text, published, expected",
        [case[1:] for case in cases],
        ids=[case[0] for case in cases],
    )
