"""The event fields analysts may correct, each declared once: typed, checked, stored and shown.

A field here is all it takes: the command line's `correct` options, the review form, the check,
the value stored and how `query` applies it, to events and to listings alike, all come from `FIELDS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Literal

from strikemap.errors import ConfigError
from strikemap.models import DISTRICTS, EARLIEST_YEAR, WEAPONS, Event, format_date
from strikemap.views import parse_date

Kind = Literal["text", "choices", "count"]
"""How the review form asks: a text box, a pick from `Correctable.choices`, or a whole number."""

_LONGEST_TYPED = 9
"""Digits a typed count may have: more cannot be a count, and are refused before reading them."""


@dataclass(frozen=True, slots=True)
class Correctable:
    """A field of `Event` an analyst may correct; a correction replaces the machine's value."""

    name: str
    """The `Event` field, the name a correction is stored under, and the option `--<name>`."""
    label: str
    """What the review form calls it."""
    hint: str
    """What the command line says the option takes."""
    kind: Kind
    parse: Callable[[str], Any]
    """The option's text as a value for `check`, or a ConfigError."""
    check: Callable[[Any], Any]
    """A value as stored (plain JSON), or a ConfigError saying what was expected and what came."""
    read: Callable[[Any], dict[str, Any]]
    """A stored value as the `Event` fields it sets (lists become tuples)."""
    current: Callable[[Event], Any]
    """The event's value as a review form gives it back, to tell whether the analyst changed it."""
    choices: tuple[str, ...] = ()

    def from_form(self, value: Any) -> Any:
        """A form's answer in the terms of `current`: an empty box is no value, a pick has no order."""
        if self.kind == "text":
            return value or None
        if self.kind == "choices":
            return sorted(value)
        return value


def count(name: str, label: str, *, of: str = "people") -> Correctable:
    """A number of ``of`` (killed, injured), or unknown."""
    return Correctable(
        name, label, "a number, or 'unknown'", "count",
        parse=lambda text: _typed_count(text, of), check=lambda value: _checked_count(value, name, of),
        read=lambda value: {name: value}, current=attrgetter(name),
    )  # fmt: skip


def choices(name: str, label: str, hint: str, allowed: tuple[str, ...], *, noun: str) -> Correctable:
    """Any of ``allowed`` (a ``noun`` each), or none; typed comma-separated."""
    return Correctable(
        name, label, hint, "choices",
        parse=_typed_list, check=lambda value: _checked_choices(value, allowed, noun),
        read=lambda value: {name: tuple(value)}, current=lambda event: sorted(getattr(event, name)),
        choices=allowed,
    )  # fmt: skip


def _checked_choices(value: Iterable[str], allowed: tuple[str, ...], noun: str) -> list[str]:
    unknown = [v for v in value if v not in allowed]
    if unknown:
        raise ConfigError(f"unknown {noun} {unknown[0]!r}: expected one of {', '.join(allowed)}")
    return sorted(set(value))


def _checked_count(value: Any, name: str, of: str) -> int | None:
    # Imported here: the fact finders' patterns compile on import, and the dashboard's first page,
    # which reads this module to show corrections, need not wait for them.
    from strikemap.extract.facts import MAX_COUNT

    if value is not None and (not isinstance(value, int) or not 0 <= value <= MAX_COUNT):
        shown = value if not isinstance(value, int) or value.bit_length() < 64 else "a number too large"
        raise ConfigError(
            f"{name} must be a whole number of {of} from 0 to {MAX_COUNT:,} or empty, got {shown!r}"
        )
    return value


def _typed_list(text: str) -> list[str]:
    return [p.strip() for p in text.split(",") if p.strip()]


def _typed_count(text: str, of: str) -> int | None:
    if text.strip().lower() in ("unknown", "none", ""):
        return None
    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()) or len(digits) > _LONGEST_TYPED:
        shown = text if len(text) <= 40 else f"{text[:40]}... ({len(text)} characters)"
        raise ConfigError(
            f"expected a number of {of} (0 to {'9' * _LONGEST_TYPED}) or 'unknown', got {shown!r}"
        )
    return int(digits)


def _checked_date(value: str | None) -> str | None:
    day, _ = parse_date(value)
    if day and not dt.date(EARLIEST_YEAR, 1, 1) <= day <= dt.date.today():
        raise ConfigError(f"date {value!r} is out of range: expected {EARLIEST_YEAR} to today")
    return value if day else None


def _read_date(value: str | None) -> dict[str, Any]:
    day, precision = parse_date(value)
    return {"date": day, "date_precision": precision}


DATE = Correctable(
    "date", "Date (YYYY-MM-DD, YYYY-MM or YYYY)", "YYYY-MM-DD, YYYY-MM or YYYY", "text",
    parse=str, check=_checked_date, read=_read_date,
    current=lambda event: format_date(event.date, event.date_precision),
)  # fmt: skip
"""Stored as typed, so a month stays a month: '2022-10' is October, not its first day."""

FIELDS: tuple[Correctable, ...] = (
    DATE,
    choices("districts", "Districts", "comma-separated district names ('' for none)", DISTRICTS,
            noun="district"),
    choices("weapons", "Weapons", f"comma-separated: {', '.join(WEAPONS)}", WEAPONS, noun="weapon"),
    count("killed", "Killed"),
    count("injured", "Injured"),
)  # fmt: skip
"""Every correctable field, in the order forms, options and `corrected` lists show them."""


def named(name: str) -> Correctable:
    """The field of this name, or a ConfigError naming the fields there are."""
    for field in FIELDS:
        if field.name == name:
            return field
    raise ConfigError(f"cannot correct {name!r}: expected one of {', '.join(f.name for f in FIELDS)}")


def applied(stored: Iterable[tuple[str, Any]]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Stored corrections, oldest first, as the `Event` fields they set (the latest wins) and the
    fields corrected, in `FIELDS` order. A field no longer declared is not applied."""
    latest = dict(stored)
    if not latest:  # most events: a listing of 100k events asks this of each
        return {}, ()
    changes: dict[str, Any] = {}
    corrected = []
    for field in FIELDS:
        if field.name in latest:
            changes.update(field.read(latest[field.name]))
            corrected.append(field.name)
    return changes, tuple(corrected)


def in_summary(summary: dict[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """The store's summary of an event (`store.summary_json`) with `applied`'s changes written
    over, in its JSON terms (dates as ISO text, tuples as lists), so listings show them."""
    if not changes:
        return summary
    return {**summary, **{k: _json(v) for k, v in changes.items()}}


def _json(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return list(value) if isinstance(value, tuple) else value
