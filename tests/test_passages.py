"""The passage answer keys themselves: every test_extract_<topic> module's CASES (tests/passages.py).

A typo in a key (an unknown field, a district or weapon spelled off, an unsorted list) would
otherwise fail as if the extractor were wrong, or pass unchecked.
"""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path

from passages import DATE_FORMATS, ORDERLESS, WEAPONS, Case

from strikemap.models import DISTRICTS, Report


def _answer_keys() -> list[Case]:
    """The cases of every test_extract_<topic> module that keeps an answer key, found by name so a
    new topic module is checked without being listed here."""
    found = sorted(Path(__file__).parent.glob("test_extract_*.py"))
    modules = [importlib.import_module(path.stem) for path in found]
    return [case for module in modules for case in getattr(module, "CASES", [])]


def test_cases_are_well_formed() -> None:
    """Guards the answer key itself: unique ids, known fields, canonical values, sorted lists."""
    cases = _answer_keys()
    ids = [case[0] for case in cases]
    assert ids, "no answer key found in tests/test_extract_*.py"
    assert len(ids) == len(set(ids))
    fields = set(Report.__dataclass_fields__)
    for case_id, _, _, expected in cases:
        for report in expected:
            assert "city" in report, case_id
            assert set(report) <= fields, case_id
            for key in ORDERLESS & set(report):
                assert report[key] == sorted(report[key]), case_id
            assert set(report.get("districts", [])) <= set(DISTRICTS), case_id
            assert set(report.get("weapons", [])) <= WEAPONS, case_id
            date = report.get("date")
            if date is not None:
                precision = report.get("date_precision") or {10: "day", 7: "month"}[len(date)]
                fmt = DATE_FORMATS[precision]
                assert dt.datetime.strptime(date, fmt).strftime(fmt) == date, case_id
