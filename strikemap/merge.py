"""The merge stage in the store: regrouping events with new reports, honouring analysts' pins.

Ingest, re-extraction and an analyst's merge or split all regroup the same way, so an event
keeps its id (and with it its corrections) whichever of them touched it; which reports may be
one event at all is `candidates`' to say, and the clustering itself `cluster`'s.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from strikemap import store as st
from strikemap.cluster import EventBuilder, group_reports, head_key, make_event
from strikemap.models import Report
from strikemap.store import Connection


@dataclass(slots=True)
class Known:
    """The events this ingest wrote, kept so later batches need not read them back and rebuild them.

    Only events whose reports are all dated to one day of one city and carry no analyst's pin: a
    new report on that day joins such an event and changes nothing else (unless a report without
    a day could be on that day, which ingest's `_split` checks). Trusted while the store's write count
    moved by this ingest's own writes only.
    """

    generation: int = -1
    events: dict[str, EventBuilder] = field(default_factory=dict)


def regroup(
    conn: Connection,
    new_reports: Sequence[Report],
    affected: set[str],
    *,
    known: Known | None = None,
    old: dict[str, list[Report]] | None = None,
) -> tuple[int, int]:
    """Re-merge the affected events with new reports; ids and analysts' pins are kept.

    ``old``: the affected events' reports when already read. ``known``: this ingest's events,
    to which the regrouped ones that qualify are added.
    """
    if old is None:
        affected = affected | st.pinned_events(conn, affected)
        old = st.reports_of(conn, affected)
    member = {r.key: event_id for event_id, reports in old.items() for r in reports}
    union = [r for reports in old.values() for r in reports] + list(new_reports)
    pins = st.pins_for(conn, [r.key for r in union])
    groups = apply_pins(group_reports(union), pins)
    assigned = assign_ids(conn, groups, member, set(affected))
    st.replace_events(conn, affected, assigned)
    before = {event_id: {r.key for r in reports} for event_id, reports in old.items()}
    created = sum(1 for event_id, _ in assigned if event_id not in before)
    updated = sum(
        1
        for event_id, reports in assigned
        if event_id in before and before[event_id] != {r.key for r in reports}
    )
    if known is not None:
        stored = {r.key: r for r in union}
        for event_id, reports in assigned:
            days = {(r.city, r.date, r.date_precision) for r in (stored[x.key] for x in reports)}
            if len(days) == 1 and next(iter(days))[2] == "day" and not any(r.key in pins for r in reports):
                known.events[event_id] = EventBuilder(stored[r.key] for r in reports)
    return created, updated


def apply_pins(groups: list[list[Report]], pins: dict[str, str]) -> list[tuple[str | None, list[Report]]]:
    """Reports an analyst placed by hand leave their machine group for the pinned event."""
    out: list[tuple[str | None, list[Report]]] = []
    pinned: dict[str, list[Report]] = {}
    for group in groups:
        free = [r for r in group if r.key not in pins]
        for r in group:
            if r.key in pins:
                pinned.setdefault(pins[r.key], []).append(r)
        if free:
            out.append((None, free))
    return out + [(event_id, reports) for event_id, reports in sorted(pinned.items())]


def assign_ids(
    conn: Connection,
    groups: list[tuple[str | None, list[Report]]],
    member: dict[str, str],
    affected: set[str],
) -> list[tuple[str, list[Report]]]:
    """Each group keeps the id of the old event it shares most reports with, so corrections stay.

    Only reports of the group's own day vote: an evening's report that joined the next day's night
    (`cluster._join_nights`) left an event of another day, and the night's id must not depend on
    whether the evening or the night was stored first.
    """
    used = {event_id for event_id, _ in groups if event_id}
    out = [(event_id, reports) for event_id, reports in groups if event_id]
    free = sorted((g for g in groups if not g[0]), key=lambda g: (-len(g[1]), min(r.key for r in g[1])))
    fresh: list[tuple[int, str]] = []
    for index, (_, reports) in enumerate(free):
        day = min(reports, key=head_key).date
        votes = Counter(member[r.key] for r in reports if r.key in member and r.date == day)
        chosen = next(
            (e for e, _ in sorted(votes.items(), key=lambda v: (-v[1], v[0])) if e not in used), None
        )
        if chosen is None:
            fresh.append((index, make_event(reports).id))
            continue
        used.add(chosen)
        out.append((chosen, reports))
    by_index = dict(enumerate(reports for _, reports in free))
    return out + [(event_id, by_index[i]) for event_id, i in fresh_ids_at(conn, fresh, used, affected)]


def fresh_ids_at(
    conn: Connection, fresh: list[tuple[int, str]], used: set[str], affected: set[str]
) -> list[tuple[str, int]]:
    """An unused id for each new group, its own (`make_event`'s) unless taken: (id, index)."""
    taken = st.existing_event_ids(conn, [i for _, i in fresh]) - affected
    out: list[tuple[str, int]] = []
    for index, event_id in fresh:
        while event_id in used or event_id in taken:
            event_id = hashlib.sha1(event_id.encode()).hexdigest()[:12]
        used.add(event_id)
        out.append((event_id, index))
    return out
