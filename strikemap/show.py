"""Plain-text views of stored events for the terminal: a table, and one event in full.

Corrected values are marked with '*' so an analyst sees what is machine output and what is not.
"""

from __future__ import annotations

from collections.abc import Sequence

from strikemap.models import format_date
from strikemap.views import EventView

_COLUMNS = ("id", "date", "city", "districts", "weapons", "killed", "injured", "sources", "status")


def event_table(views: Sequence[EventView]) -> str:
    rows = [_row(v) for v in views]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(_COLUMNS)]
    widths = [min(w, 40) for w in widths]
    lines = ["  ".join(c.ljust(w) for c, w in zip(_COLUMNS, widths, strict=True))]
    lines += ["  ".join(cell[:w].ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.append(f"{len(rows)} event(s)")
    return "\n".join(line.rstrip() for line in lines)


def _row(view: EventView) -> list[str]:
    e = view.event

    def mark(field: str, text: str) -> str:
        return text + ("*" if field in view.corrected else "")

    return [
        e.id,
        mark("date", format_date(e.date, e.date_precision) or "undated"),
        e.city,
        mark("districts", ", ".join(e.districts) or "-"),
        mark("weapons", ", ".join(e.weapons) or "-"),
        mark("killed", _number(e.killed)),
        mark("injured", _number(e.injured)),
        str(e.sources_count),
        view.status,
    ]


def _number(value: int | None) -> str:
    return "?" if value is None else str(value)


def event_text(view: EventView) -> str:
    """One event, then each report: what that outlet said and the sentences it said it in."""
    e = view.event
    corrected = f" (corrected by an analyst: {', '.join(view.corrected)})" if view.corrected else ""
    lines = [
        f"event {e.id}: {e.city}, {format_date(e.date, e.date_precision) or 'undated'}"
        f" ({e.date_precision or 'no date'}) - {view.status}{corrected}",
        f"  districts: {', '.join(e.districts) or 'none named (city-level)'}",
        f"  places: {'; '.join(f'{p.name} ({p.precision})' for p in e.places) or '-'}",
        f"  weapons: {', '.join(e.weapons) or 'not stated'}"
        + (f" ({', '.join(e.weapon_models)})" if e.weapon_models else ""),
        f"  killed: {_number(e.killed)}, injured: {_number(e.injured)}, "
        f"intercepted: {_number(e.intercepted)}",
        f"  damage: {', '.join(e.damage) or '-'}",
        f"  sources: {e.sources_count}",
    ]
    lines += [f"  note: {n}" for n in view.notes]
    for report in e.reports:
        lines += [
            "",
            f"  report {report.key} - {report.source or 'unknown outlet'} ({report.role})",
            f"    article: {report.article}" + (f" - {report.title}" if report.title else ""),
            f"    says: date {format_date(report.date, report.date_precision) or 'not stated'}; "
            f"districts {', '.join(report.districts) or '-'}; weapons {', '.join(report.weapons) or '-'}; "
            f"killed {_number(report.killed)}; injured {_number(report.injured)}",
        ]
        if report.said_by:
            lines.append(f"    quoted: {', '.join(report.said_by)}")
        for ev in report.evidence:
            lines.append(f"    [{ev.field}] {ev.sentence}")
    return "\n".join(lines)
