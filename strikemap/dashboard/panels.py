"""What the event panel says: where sources truly disagree, evidence grouped by sentence with the
matched words marked, each report's link, and dates in words. Plain strings and escaped HTML only;
the page lays them out."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from strikemap.links import file_name, outlet_name, web_url
from strikemap.models import Event, Precision, Report

FIELD_WORDS = {
    "date": "date", "time_of_day": "time of day", "city": "city", "districts": "district",
    "address": "street", "weapons": "weapon", "weapon_models": "weapon model", "debris": "debris",
    "killed": "killed", "injured": "injured", "casualty_words": "casualties",
    "intercepted": "intercepted", "damage": "damage", "said_by": "quoted",
}  # fmt: skip
"""Evidence fields in the words a reader uses; an unknown field shows with spaces for underscores."""
T = TypeVar("T")


def date_label(day: dt.date | None, precision: Precision | None) -> str:
    """A date as people write it, at its precision: '29 May 2023', 'May 2023', '2023' or 'undated'."""
    if day is None or precision is None:
        return "undated"
    if precision == "year":
        return str(day.year)
    month = f"{calendar.month_name[day.month]} {day.year}"
    return month if precision == "month" else f"{day.day} {month}"


def disagreements(event: Event) -> list[str]:
    """Plain sentences naming each field on which the primary reports truly disagree.

    Being less specific is not disagreeing: a report that says nothing on a field is left out; a
    coarser date that contains another report's date agrees with it (``2023-05`` and
    ``2023-05-29``; ``2023`` and either); a report naming only some of the districts or weapons
    that another names agrees with it. Reports disagree when they give different numbers killed
    or injured, dates that do not contain one another, or districts or weapons of which neither
    report's list holds the other's.
    """
    reports = [r for r in event.reports if r.role == "primary"]
    who = _names(reports)
    out = []
    for field in ("killed", "injured"):
        said = {who[r.key]: getattr(r, field) for r in reports if getattr(r, field) is not None}
        if len(set(said.values())) > 1:
            out.append(f"Sources differ on the number {field}: " + _list(said))
    for field in ("districts", "weapons"):
        sets = {who[r.key]: frozenset(getattr(r, field)) for r in reports if getattr(r, field)}
        if _conflict(sets.values(), lambda a, b: a <= b):
            out.append(
                f"Sources differ on the {field}: " + _list({k: ", ".join(sorted(v)) for k, v in sets.items()})
            )
    spans = {who[r.key]: _span(r.date, r.date_precision) for r in reports if r.date and r.date_precision}
    if _conflict(spans.values(), lambda a, b: b[0] <= a[0] and a[1] <= b[1]):
        dates = {who[r.key]: date_label(r.date, r.date_precision) for r in reports if r.date}
        out.append("Sources differ on the date: " + _list(dates))
    return out


def _names(reports: Sequence[Report]) -> dict[str, str]:
    """Each report's name in a banner: its outlet, and its title too when two share an outlet."""
    outlets = [outlet_name(r) for r in reports]
    return {
        r.key: name if outlets.count(name) == 1 else f"{name} ({r.title or file_name(r.article)})"
        for r, name in zip(reports, outlets, strict=True)
    }


def _conflict(values: Iterable[T], within: Callable[[T, T], bool]) -> bool:
    """Whether some two values are not nested, one `within` the other."""
    items = list(values)
    return any(not (within(a, b) or within(b, a)) for i, a in enumerate(items) for b in items[i + 1 :])


def _span(day: dt.date, precision: Precision) -> tuple[dt.date, dt.date]:
    """The first and last day a date at this precision covers."""
    if precision == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    return day, day


def _list(said: Mapping[str, object]) -> str:
    return "; ".join(f"{outlet} says {value}" for outlet, value in sorted(said.items())) + "."


def inert(text: object) -> str:
    """Text from an article made inert for Markdown with HTML: every special character an entity,
    and a web or mail address no longer one that Markdown turns into a link by itself."""
    return inert_value(_AUTOLINK.sub(WORD_JOINER, str(text)))


def inert_value(text: str) -> str:
    """As `inert`, for an attribute's value (a link's own address), which Markdown never links."""
    return "".join(_ENTITIES.get(c) or (f"&#{ord(c)};" if c in _MARKDOWN else c) for c in text)


WORD_JOINER = "\u2060"
"""Invisible, and not a character of an address: put inside 'http://', 'www.' or before '@', it
keeps Markdown's automatic links (GitHub's flavour, which Streamlit reads, finds them in the
text after entities are decoded) from making a link of an article's words."""
_AUTOLINK = re.compile(r"(?i)(?<=[a-z]:)(?=//)|(?<=\bwww)(?=\.)|(?=@)")


_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_MARKDOWN = frozenset("\\`*_{}[]()#+-.!|~$:")


def highlight(sentence: str, match: str) -> str:
    """The sentence as inert HTML, with the matched words in <mark>."""
    return mark(sentence, [match])


def mark(sentence: str, matches: Sequence[str]) -> str:
    """The sentence as inert HTML with each match (its first occurrence) in <mark>; overlaps join."""
    spans: list[list[int]] = []
    for match in sorted({m for m in matches if m}):
        at = sentence.find(match)
        if at >= 0:
            spans.append([at, at + len(match)])
    joined: list[list[int]] = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            joined[-1][1] = max(joined[-1][1], end)
        else:
            joined.append([start, end])
    out, done = [], 0
    for start, end in joined:
        out.append(f"{inert(sentence[done:start])}<mark>{inert(sentence[start:end])}</mark>")
        done = end
    return "".join(out) + inert(sentence[done:])


@dataclass(frozen=True, slots=True)
class EvidenceLine:
    """One sentence of a report, once, with what it supports as plain words."""

    html: str
    """The sentence as inert HTML, every matched word in <mark>."""
    tags: tuple[str, ...]


def evidence_lines(report: Report) -> list[EvidenceLine]:
    """The report's evidence grouped by sentence, in the order the sentences first support a field."""
    fields: dict[str, dict[str, None]] = {}
    matches: dict[str, list[str]] = {}
    for item in report.evidence:
        fields.setdefault(item.sentence, {})[FIELD_WORDS.get(item.field, item.field.replace("_", " "))] = None
        matches.setdefault(item.sentence, []).append(item.match)
    return [EvidenceLine(mark(s, matches[s]), tuple(tags)) for s, tags in fields.items()]


def source_line(report: Report) -> str:
    """The card's line naming the article, as inert HTML: its title (a link when it has a web
    address; any other address is left out), when it was published and who is quoted."""
    title = inert(report.title or file_name(report.article))
    url = web_url(report.url)
    if url:
        title = f'<a href="{inert_value(url)}" target="_blank" rel="noopener noreferrer">{title}</a>'
    parts = [title, f"published {date_label(report.published, 'day') if report.published else 'unknown'}"]
    if report.said_by:
        parts.append(f"quoted: {inert(', '.join(report.said_by))}")
    return " · ".join(parts)


def report_fields(report: Report) -> dict[str, str]:
    """What one source says, as label -> text, for the panel's small table."""

    def number(value: int | None) -> str:
        return "not stated" if value is None else str(value)

    return {
        "date": date_label(report.date, report.date_precision) if report.date else "not stated",
        "districts": ", ".join(report.districts) or "none named",
        "weapons": ", ".join(report.weapons) or "not stated",
        "killed": number(report.killed)
        + (f" ({'; '.join(report.casualty_words)})" if report.casualty_words else ""),
        "injured": number(report.injured),
        "damage": ", ".join(report.damage) or "not stated",
    }
