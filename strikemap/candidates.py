"""Which reports may be one event: the days a report without a day may be matched to, and the
day across midnight a report of an evening or a night may be matched to.

The in-memory clustering (`cluster`) and the store's search for the events a new report could
join (`store.events_near`) both ask this, and must agree, or a regroup in the store would see
other candidates than a full clustering: so the window is defined here once, without I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from strikemap.models import Report, When

MAX_CANDIDATE_DAYS = 62
"""A report whose possible days span more is matched to none of them: so wide a period
("in the autumn") names no one attack."""


def in_window(when: When | None) -> bool:
    """Whether a report's period has both ends, at most the window apart."""
    return (
        when is not None
        and when.earliest is not None
        and when.latest is not None
        and (when.latest - when.earliest).days <= MAX_CANDIDATE_DAYS
    )


def candidate_days(when: When | None) -> list[dt.date] | None:
    """The days a report may be matched to; None when its period has no two ends (then only its
    weekday, if known, can match), empty when they lie further apart than the window."""
    if when is None or when.earliest is None or when.latest is None:
        return None
    return when.candidates() if in_window(when) else []


def earliest_first_day(day: dt.date) -> dt.date:
    """The earliest first possible day of a report that may be matched to ``day``: a bound that
    lets the store read only the reports near a day."""
    return day - dt.timedelta(days=MAX_CANDIDATE_DAYS)


PartOfDay = Literal["evening", "night"]

_ONE_DAY = dt.timedelta(days=1)
_NIGHT_DATE = re.compile(
    r"overnight|tonight|last night|during the night|at night|night\s+(?:of|from|between)|\binto\b|"
    r"ніч|ноч",
    re.IGNORECASE,
)
"""Words that date a report by a night: by the convention its day is the night's later one."""
_SMALL_HOURS = re.compile(
    r"after midnight|early hours|small hours|before dawn|після опівночі|после полуночи", re.IGNORECASE
)
_LATE = re.compile(
    r"\b(?:late|evening|midnight|night)\b|вечор|вечер|пізно|поздно|опівночі|полуночи", re.IGNORECASE
)
"""Words near a report's day that put the attack late on that day, so in the night it began."""


def part_of_day(report: Report) -> PartOfDay | None:
    """Whether a report tells of a night, dated by its later day ('у ніч на понеділок',
    'overnight'), or of an evening, dated by the day the night began ('late on Sunday', 'Sunday
    night'); None when it tells of neither or says no time."""
    if report.time_of_day in ("morning", "afternoon"):
        return None
    dating = [e for e in report.evidence if e.field == "date"]
    if any(_NIGHT_DATE.search(e.match) for e in dating):
        return "night"
    for e in dating:
        at = e.sentence.find(e.match)
        near = e.sentence[max(0, at - 30) : at + len(e.match) + 15] if at >= 0 else e.match
        if _SMALL_HOURS.search(near):
            return "night"
        if _LATE.search(near):
            return "evening"
    if report.time_of_day == "evening":
        return "evening"
    return "night" if report.time_of_day == "night" else None


def across_midnight(report: Report) -> dt.date | None:
    """The other day whose event a report of one day may join: for an evening, the next day, whose
    night it may have begun; for a night, the day before, whose evening it may have begun."""
    if report.date is None or report.date_precision != "day":
        return None
    part = part_of_day(report)
    if part == "evening":
        return report.date + _ONE_DAY
    return report.date - _ONE_DAY if part == "night" else None


Midnight = tuple[str, dt.date, dt.date]
"""A report's city, its day and the day across midnight it may join (`across_midnight`)."""


def midnight(report: Report) -> Midnight | None:
    other = across_midnight(report)
    return None if other is None or report.date is None else (report.city, report.date, other)


def met_across(crossing: Midnight) -> Midnight:
    """What a report that meets this one across midnight has: the same city, the days swapped."""
    city, day, other = crossing
    return city, other, day


def one_night(a: Report, b: Report) -> bool:
    """Whether two reports tell of an evening and of the night it began, in either order."""
    crossing = midnight(a)
    return crossing is not None and midnight(b) == met_across(crossing)


def yields_its_day(report: Report) -> bool:
    """An evening's report gives the event the day of the night it joined (the convention), so it
    comes after the others when an event's day is chosen; alone it keeps its own."""
    return report.date_precision == "day" and part_of_day(report) == "evening"
