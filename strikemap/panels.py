"""What the event panel says: where sources disagree, and evidence with the matched words marked.

Returns plain strings and escaped HTML; the page only lays them out.
"""

from __future__ import annotations

from collections.abc import Mapping

from strikemap.dates import format_date
from strikemap.models import Event, Report


def disagreements(event: Event) -> list[str]:
    """Plain sentences naming each field on which the primary reports differ."""
    reports = [r for r in event.reports if r.role == "primary"]
    out = []
    for field, label in (("killed", "killed"), ("injured", "injured")):
        said = {_outlet(r): getattr(r, field) for r in reports if getattr(r, field) is not None}
        if len(set(said.values())) > 1:
            out.append(f"Sources differ on the number {label}: " + _list(said))
    for field, label in (("districts", "districts"), ("weapons", "weapons")):
        said_sets = {_outlet(r): tuple(sorted(getattr(r, field))) for r in reports if getattr(r, field)}
        if len(set(said_sets.values())) > 1:
            out.append(
                f"Sources differ on the {label}: " + _list({k: ", ".join(v) for k, v in said_sets.items()})
            )
    dates = {_outlet(r): format_date(r.date, r.date_precision) for r in reports if r.date}
    if len(set(dates.values())) > 1:
        out.append("Sources differ on the date: " + _list(dates))
    return out


def _outlet(report: Report) -> str:
    return report.source or report.title or report.article


def _list(said: Mapping[str, object]) -> str:
    return "; ".join(f"{outlet} says {value}" for outlet, value in said.items()) + "."


def inert(text: object) -> str:
    """Text from an article made inert for Markdown with HTML: every special character an entity."""
    return "".join(_ENTITIES.get(c) or (f"&#{ord(c)};" if c in _MARKDOWN else c) for c in str(text))


_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_MARKDOWN = frozenset("\\`*_{}[]()#+-.!|~$:")


def highlight(sentence: str, match: str) -> str:
    """The sentence as inert HTML, with the matched words in <mark>."""
    at = sentence.find(match) if match else -1
    if at < 0:
        return inert(sentence)
    end = at + len(match)
    return f"{inert(sentence[:at])}<mark>{inert(match)}</mark>{inert(sentence[end:])}"


def report_fields(report: Report) -> dict[str, str]:
    """What one source says, as label -> text, for the panel's small table."""

    def number(value: int | None) -> str:
        return "not stated" if value is None else str(value)

    return {
        "date": format_date(report.date, report.date_precision) or "not stated",
        "districts": ", ".join(report.districts) or "none named",
        "weapons": ", ".join(report.weapons) or "not stated",
        "killed": number(report.killed)
        + (f" ({'; '.join(report.casualty_words)})" if report.casualty_words else ""),
        "injured": number(report.injured),
        "damage": ", ".join(report.damage) or "not stated",
    }
