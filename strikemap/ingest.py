"""Adding articles to the store: extract, then merge with the events already there.

Extraction runs outside the write lock; each batch is then written in one transaction, so an
interrupted run leaves whole batches and a rerun completes the rest.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice

from sqlalchemy.engine import Connection

from strikemap import store as st
from strikemap.cluster import group_reports, make_event
from strikemap.gazetteer import Gazetteer
from strikemap.geocode import Geocoder
from strikemap.models import Article, Report, Skipped
from strikemap.pipeline import find_reports

DEFAULT_BATCH = 200


@dataclass(slots=True)
class Summary:
    """What an ingest did, for the closing line a user reads."""

    added: int = 0
    present: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    reports: int = 0
    events_created: int = 0
    events_updated: int = 0

    def lines(self) -> list[str]:
        out = [
            f"articles added: {self.added}, already present: {self.present}, skipped: {len(self.skipped)}",
            f"reports: {self.reports}; events created: {self.events_created}, updated: {self.events_updated}",
        ]
        out += [f"  skipped {s.path}: {s.reason}" for s in self.skipped]
        return out


def ingest(
    store: st.Store,
    items: Iterable[Article | Skipped],
    *,
    batch_size: int = DEFAULT_BATCH,
    gazetteer: Gazetteer | None = None,
    geocoder: Geocoder | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> Summary:
    """Add articles batch by batch; already-stored texts change nothing."""
    summary = Summary()
    iterator = iter(items)
    while batch := list(islice(iterator, batch_size)):
        given = [a for a in batch if isinstance(a, Article)]
        articles = _unique(given)
        summary.skipped += [s for s in batch if isinstance(s, Skipped)]
        with store.reading() as conn:
            known = st.present_articles(conn, [a.id for a in articles])
        fresh = [a for a in articles if a.id not in known]
        reports = find_reports(fresh, gazetteer=gazetteer, geocoder=geocoder)
        added, stored, created, updated = _write(store, fresh, reports)
        summary.added += added
        summary.present += len(given) - added
        summary.reports += stored
        summary.events_created += created
        summary.events_updated += updated
        if on_batch:
            on_batch(len(batch))
    return summary


def _unique(articles: list[Article]) -> list[Article]:
    return list({a.id: a for a in reversed(articles)}.values())[::-1]


def _write(store: st.Store, articles: list[Article], reports: list[Report]) -> tuple[int, int, int, int]:
    with store.writing() as conn:
        present = st.present_articles(conn, [a.id for a in articles])
        articles = [a for a in articles if a.id not in present]
        ids = {a.id for a in articles}
        reports = [r for r in reports if r.article_id in ids]
        if not articles:
            return 0, 0, 0, 0
        st.insert_articles(conn, articles, reports)
        created, updated = regroup(conn, reports, st.events_near(conn, reports))
        return len(articles), len(reports), created, updated


def regroup(conn: Connection, new_reports: Sequence[Report], affected: set[str]) -> tuple[int, int]:
    """Re-merge the affected events with new reports; ids and analysts' pins are kept."""
    affected = affected | st.pinned_events(conn, affected)
    old = st.reports_of(conn, affected)
    member = {r.key: event_id for event_id, reports in old.items() for r in reports}
    union = [r for reports in old.values() for r in reports] + list(new_reports)
    pins = st.pins_for(conn, [r.key for r in union])
    groups = _apply_pins(group_reports(union), pins)
    assigned = _assign_ids(conn, groups, member, set(affected))
    st.replace_events(conn, affected, assigned)
    before = {event_id: {r.key for r in reports} for event_id, reports in old.items()}
    created = sum(1 for event_id, _ in assigned if event_id not in before)
    updated = sum(
        1
        for event_id, reports in assigned
        if event_id in before and before[event_id] != {r.key for r in reports}
    )
    return created, updated


def _apply_pins(groups: list[list[Report]], pins: dict[str, str]) -> list[tuple[str | None, list[Report]]]:
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


def _assign_ids(
    conn: Connection,
    groups: list[tuple[str | None, list[Report]]],
    member: dict[str, str],
    affected: set[str],
) -> list[tuple[str, list[Report]]]:
    """Each group keeps the id of the old event it shares most reports with, so corrections stay."""
    used = {event_id for event_id, _ in groups if event_id}
    out = [(event_id, reports) for event_id, reports in groups if event_id]
    free = sorted((g for g in groups if not g[0]), key=lambda g: (-len(g[1]), min(r.key for r in g[1])))
    fresh: list[tuple[int, str]] = []
    for index, (_, reports) in enumerate(free):
        votes = Counter(member[r.key] for r in reports if r.key in member)
        chosen = next(
            (e for e, _ in sorted(votes.items(), key=lambda v: (-v[1], v[0])) if e not in used), None
        )
        if chosen is None:
            fresh.append((index, make_event(reports).id))
            continue
        used.add(chosen)
        out.append((chosen, reports))
    taken = st.existing_event_ids(conn, [i for _, i in fresh]) - affected
    for index, event_id in fresh:
        while event_id in used or event_id in taken:
            event_id = hashlib.sha1(event_id.encode()).hexdigest()[:12]
        used.add(event_id)
        out.append((event_id, free[index][1]))
    return out


def reextract(
    store: st.Store, *, gazetteer: Gazetteer | None = None, geocoder: Geocoder | None = None
) -> Summary:
    """Run the extractor again over every stored article, in one transaction.

    Events keep their ids (and so their corrections) by the reports they share with the old
    ones: the same report key, or else the same article, city and date.
    """
    summary = Summary()
    with store.writing() as conn:
        articles = st.all_articles(conn)
        event_ids = st.all_event_ids(conn)
        old = st.reports_of(conn, event_ids)
        by_key = {r.key: event_id for event_id, reports in old.items() for r in reports}
        by_place = {(r.article_id, r.city, r.date): e for e, reports in old.items() for r in reports}
        reports = find_reports(articles, gazetteer=gazetteer, geocoder=geocoder)
        member = {r.key: by_key.get(r.key) or by_place.get((r.article_id, r.city, r.date)) for r in reports}
        st.replace_reports(conn, reports)
        groups = _apply_pins(group_reports(reports), st.pins_for(conn, [r.key for r in reports]))
        assigned = _assign_ids(conn, groups, {k: v for k, v in member.items() if v}, set(event_ids))
        st.replace_events(conn, event_ids, assigned)
        summary.present = len(articles)
        summary.reports = len(reports)
        summary.events_created = sum(1 for event_id, _ in assigned if event_id not in old)
        summary.events_updated = len(assigned) - summary.events_created
    return summary
