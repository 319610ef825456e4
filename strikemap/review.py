"""Analysts' decisions: corrections, verification, and merging or splitting events.

Corrections are stored apart from machine output and keyed by event id; merges and splits pin
reports to events. Both survive re-ingest because regrouping keeps ids and honours pins.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from strikemap import correctable
from strikemap import store as st
from strikemap.errors import ConfigError
from strikemap.merge import regroup
from strikemap.store import Connection
from strikemap.views import STATUSES, EventView


def correct(store: st.Store, event_id: str, field: str, value: Any, *, note: str | None = None) -> None:
    """Record an analyst's value for one field of an event; the machine's stays underneath."""
    _record(store, event_id, field, correctable.named(field).check(value), note)


def set_status(store: st.Store, event_id: str, status: str, *, note: str | None = None) -> None:
    if status not in STATUSES:
        raise ConfigError(f"unknown status {status!r}: expected one of {', '.join(STATUSES)}")
    _record(store, event_id, "status", status, note)


def merge(store: st.Store, keep: str, others: Sequence[str]) -> None:
    """Make several events one: every report of ``others`` joins ``keep``."""
    ids = [keep, *others]
    with store.writing() as conn:
        _require(conn, ids)
        reports = st.reports_of(conn, ids)
        st.pin(conn, [r.key for i in ids for r in reports.get(i, [])], keep)
        regroup(conn, [], set(ids))


def split(store: st.Store, event_id: str, report_keys: Sequence[str]) -> str:
    """Move some reports of an event into a new event of their own; returns its id."""
    with store.writing() as conn:
        _require(conn, [event_id])
        keys = {r.key for r in st.reports_of(conn, [event_id]).get(event_id, [])}
        unknown = [k for k in report_keys if k not in keys]
        if unknown or not report_keys:
            raise ConfigError(f"report {unknown[0] if unknown else '(none)'} is not in event {event_id}")
        if set(report_keys) == keys:
            raise ConfigError("a split must leave at least one report in the original event")
        new_id = hashlib.sha1(("split|" + "|".join(sorted(report_keys))).encode()).hexdigest()[:12]
        st.pin(conn, report_keys, new_id)
        st.pin(conn, sorted(keys - set(report_keys)), event_id)
        regroup(conn, [], {event_id})
        return new_id


def _record(store: st.Store, event_id: str, field: str, value: Any, note: str | None) -> None:
    with store.writing() as conn:
        _require(conn, [event_id])
        st.add_correction(conn, event_id, field, value, note)


def _require(conn: Connection, ids: Sequence[str]) -> None:
    missing = sorted(set(ids) - st.existing_event_ids(conn, ids))
    if missing:
        raise ConfigError(f"no event with id {missing[0]!r} in the store")


def save_review(
    store: st.Store, view: EventView, wanted: dict[str, Any], status: str, *, note: str | None = None
) -> list[str]:
    """Record only what the analyst changed on a review form; returns the fields recorded."""
    changed = []
    for name, answer in wanted.items():
        field = correctable.named(name)
        if (value := field.from_form(answer)) != field.current(view.event):
            correct(store, view.event.id, name, value, note=note)
            changed.append(name)
    if status != view.status:
        set_status(store, view.event.id, status, note=note)
        changed.append("status")
    return changed
