"""Who reported what: outlets, their articles, and which outlet covered which event.

Pure functions of events, so the Sources page only lays out their tables.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from strikemap.dates import format_date
from strikemap.links import file_name, outlet_name, web_url
from strikemap.query import EventView

LINK_TEXT = r"https?://(?:www\.)?([^/?#]+)"
"""How the Sources page shows an article's link: the site's name (the first group), not the address."""


def outlets(views: Sequence[EventView]) -> list[dict[str, object]]:
    """One row per outlet: how many articles and events, first and last event date."""
    articles: dict[str, set[str]] = defaultdict(set)
    events: dict[str, set[str]] = defaultdict(set)
    dates: dict[str, list[str]] = defaultdict(list)
    for view in views:
        for report in view.event.reports:
            outlet = outlet_name(report)
            articles[outlet].add(report.article_id)
            events[outlet].add(view.event.id)
            if view.event.date:
                dates[outlet].append(view.event.date.isoformat())
    return [
        {"Outlet": o, "Articles": len(articles[o]), "Events": len(events[o]),
         "First event": min(dates[o], default=""), "Last event": max(dates[o], default="")}
        for o in sorted(articles, key=lambda o: (-len(events[o]), o))
    ]  # fmt: skip


def articles(views: Sequence[EventView]) -> list[dict[str, object]]:
    """One row per article, with the events it contributed to and its web address ("Link": None
    when it has none, or one that is not http(s), so the page never makes it a link)."""
    rows: dict[str, dict[str, object]] = {}
    for view in views:
        for report in view.event.reports:
            row = rows.setdefault(
                report.article_id,
                {"Title": report.title or file_name(report.article), "Outlet": outlet_name(report),
                 "Published": report.published.isoformat() if report.published else "",
                 "Link": web_url(report.url), "Events": []},
            )  # fmt: skip
            label = (
                f"{format_date(view.event.date, view.event.date_precision) or 'undated'} {view.event.city}"
            )
            events = row["Events"]
            assert isinstance(events, list)
            if label not in events:
                events.append(label)
    out = list(rows.values())
    for row in out:
        row["Events"] = "; ".join(row["Events"])  # type: ignore[arg-type]
    return sorted(out, key=lambda r: (str(r["Published"]), str(r["Title"])))


def matrix(views: Sequence[EventView]) -> list[dict[str, object]]:
    """Events by outlet: ✓ (primary), ↺ (only recalled), blank (not reported)."""
    names = sorted({outlet_name(r) for v in views for r in v.event.reports})
    rows = []
    for view in views:
        e = view.event
        row: dict[str, object] = {
            "Event": e.id, "Date": format_date(e.date, e.date_precision) or "undated", "City": e.city,
            "Districts": ", ".join(e.districts),
        }  # fmt: skip
        for name in names:
            roles = {r.role for r in e.reports if outlet_name(r) == name}
            row[name] = "✓" if "primary" in roles else "↺" if roles else ""
        rows.append(row)
    return rows
