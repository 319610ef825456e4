"""Who reported what: outlets, their articles, and which outlet covered which event.

Pure functions of events and their reports, so the Sources page only lays out their tables. An
event comes as it is listed (`Shown`: corrections applied) with who reported it: the store's
`ReportSource`s on the page, full `Report`s where a caller has them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Protocol

from strikemap.links import file_name, outlet_name, web_url
from strikemap.models import format_date
from strikemap.views import Shown


class Reported(Protocol):
    """What the tables read of a report: a `Report` and a `views.ReportSource` alike."""

    @property
    def article_id(self) -> str: ...
    @property
    def article(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def source(self) -> str | None: ...
    @property
    def title(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def published(self) -> dt.date | None: ...


Covered = tuple[Shown, Sequence[Reported]]
"""An event and its reports, in the order the event lists them."""

LINK_TEXT = r"https?://(?:www\.)?([^/?#]+)"
"""How the Sources page shows an article's link: the site's name (the first group), not the address."""


def outlets(covered: Sequence[Covered]) -> list[dict[str, object]]:
    """One row per outlet: how many articles and events, first and last event date."""
    articles: dict[str, set[str]] = defaultdict(set)
    events: dict[str, set[str]] = defaultdict(set)
    dates: dict[str, list[str]] = defaultdict(list)
    for event, reports in covered:
        for report in reports:
            outlet = outlet_name(report)
            articles[outlet].add(report.article_id)
            events[outlet].add(event.id)
            if day := format_date(event.date, event.date_precision):  # a month stays a month
                dates[outlet].append(day)
    return [
        {"Outlet": o, "Articles": len(articles[o]), "Events": len(events[o]),
         "First event": min(dates[o], default=""), "Last event": max(dates[o], default="")}
        for o in sorted(articles, key=lambda o: (-len(events[o]), o))
    ]  # fmt: skip


def articles(covered: Sequence[Covered]) -> list[dict[str, object]]:
    """One row per article, with the events it contributed to and its web address ("Link": None
    when it has none, or one that is not http(s), so the page never makes it a link)."""
    rows: dict[str, dict[str, object]] = {}
    for event, reports in covered:
        for report in reports:
            row = rows.setdefault(
                report.article_id,
                {"Title": report.title or file_name(report.article), "Outlet": outlet_name(report),
                 "Published": report.published.isoformat() if report.published else "",
                 "Link": web_url(report.url), "Events": []},
            )  # fmt: skip
            label = f"{format_date(event.date, event.date_precision) or 'undated'} {event.city}"
            events = row["Events"]
            assert isinstance(events, list)
            if label not in events:
                events.append(label)
    out = list(rows.values())
    for row in out:
        row["Events"] = "; ".join(row["Events"])  # type: ignore[arg-type]
    return sorted(out, key=lambda r: (str(r["Published"]), str(r["Title"])))


MATRIX_COLUMNS = ("Event", "Date", "City", "Districts")
"""The matrix's own columns, before one per outlet."""


def matrix(covered: Sequence[Covered]) -> list[dict[str, object]]:
    """Events by outlet: ✓ (primary), ↺ (only recalled), blank (not reported)."""
    names = sorted({outlet_name(r) for _, reports in covered for r in reports})
    columns = outlet_columns(names)
    rows = []
    for e, reports in covered:
        row: dict[str, object] = dict(
            zip(MATRIX_COLUMNS, (e.id, format_date(e.date, e.date_precision) or "undated", e.city,
                                 ", ".join(e.districts)), strict=True)
        )  # fmt: skip
        for name in names:
            roles = {r.role for r in reports if outlet_name(r) == name}
            row[columns[name]] = "✓" if "primary" in roles else "↺" if roles else ""
        rows.append(row)
    return rows


def outlet_columns(names: Sequence[str]) -> dict[str, str]:
    """Each outlet's column name: its own, unless one of the matrix's columns has it (an outlet
    called `City` must not overwrite the City column), then marked as an outlet's, and numbered
    if another outlet has that name."""
    taken = set(MATRIX_COLUMNS) | set(names)
    out = {name: name for name in names if name not in MATRIX_COLUMNS}
    for name in names:
        if name in out:
            continue
        label, number = f"{name} (outlet)", 2
        while label in taken:
            label, number = f"{name} (outlet {number})", number + 1
        taken.add(label)
        out[name] = label
    return out
