"""Which reports may be one event: the days a report without a day may be matched to.

The in-memory clustering (`cluster`) and the store's search for the events a new report could
join (`store.events_near`) both ask this, and must agree, or a regroup in the store would see
other candidates than a full clustering: so the window is defined here once, without I/O.
"""

from __future__ import annotations

import datetime as dt

from strikemap.models import When

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
