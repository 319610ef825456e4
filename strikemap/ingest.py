"""Adding articles to the store: extract, then merge with the events already there.

Extraction runs outside the write lock, in worker processes when asked; each batch is then
written in one transaction, in the order read, so an interrupted run leaves whole batches, a
rerun completes the rest, and the result does not depend on how many processes extracted.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice

from strikemap import store as st
from strikemap.budget import Extracted, article_seconds, extract_each, extract_isolated
from strikemap.candidates import met_across, midnight
from strikemap.cluster import EventBuilder, group_reports, make_event
from strikemap.export import Kept
from strikemap.extract.gazetteer import Gazetteer, default_gazetteer
from strikemap.geocode import Geocoder
from strikemap.merge import Known, apply_pins, assign_ids, fresh_ids_at, regroup
from strikemap.models import Article, Report, Skipped
from strikemap.normalise import printable
from strikemap.pipeline import place_reports
from strikemap.read import article_id
from strikemap.store import Connection
from strikemap.telegram import SERIES_GAP, SERIES_POSTS, series_of

Later = Callable[[], Extracted]
Again = Callable[[list[Article]], tuple[list[Report], set[str]]]
"""Extract articles again in the writer (posts read with newly stored posts they follow): their
placed reports and the paths of those that failed."""

DEFAULT_BATCH = 200


@dataclass(slots=True)
class Summary:
    """What an ingest did, for the closing line a user reads."""

    added: int = 0
    replaced: int = 0
    """Stored articles given with another text: posts edited since (see `_revised`)."""
    present: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    left_out: list[Skipped] = field(default_factory=list)
    """What is not an article by nature (a channel's service messages): told, not a failure."""
    reports: int = 0
    events_created: int = 0
    events_updated: int = 0
    reread: int = 0
    """Stored posts read again with earlier posts of their series that this ingest brought."""

    def lines(self) -> list[str]:
        replaced = f"replaced by an edited version: {self.replaced}, " if self.replaced else ""
        out = [
            f"articles added: {self.added}, {replaced}already present: {self.present}, "
            f"skipped: {len(self.skipped)}",
            f"reports: {self.reports}; events created: {self.events_created}, updated: {self.events_updated}",
        ]
        if self.reread:
            out.append(f"posts read again with the earlier posts they follow: {self.reread}")
        out += [f"  skipped {printable(s.path)}: {printable(s.reason)}" for s in self.skipped]
        out += [f"  left out of {printable(s.path)}: {printable(s.reason)}" for s in self.left_out]
        return out


def all_cores() -> int:
    """The processes an ingest may use by default: one per core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def ingest(
    store: st.Store,
    items: Iterable[Article | Skipped],
    *,
    batch_size: int = DEFAULT_BATCH,
    gazetteer: Gazetteer | None = None,
    geocoder: Geocoder | None = None,
    on_batch: Callable[[int], None] | None = None,
    jobs: int = 1,
    seconds: float | None = None,
) -> Summary:
    """Add articles batch by batch; already-stored texts change nothing, and an edited post's
    new text (an article whose id names a post, not a text) replaces the stored one.

    With ``jobs`` > 1 and more than one batch, that many worker processes extract the coming
    batches while this process writes the current one; streets are still placed here, so an
    online geocoder keeps one cache and one rate limit. An article whose extraction fails or
    takes longer than ``seconds`` (default: budget.article_seconds()) is skipped, not stored,
    and named in the summary; the others are stored.
    """
    summary = Summary()
    seconds = article_seconds() if seconds is None else seconds
    written = Known()
    again = _read_again(gazetteer, geocoder, seconds)
    batches = _batches(items, batch_size)
    head = list(islice(batches, 2))
    parallel = jobs > 1 and len(head) > 1
    with _extraction(jobs if parallel else 1, gazetteer, seconds) as extract:
        pending: deque[tuple[list[Article | Skipped], Later]] = deque()
        for batch in chain(head, batches):
            given = [a for a in batch if isinstance(a, Article)]
            with store.reading() as conn:
                known = st.present_articles(conn, [a.id for a in given])
                known -= _revised(conn, [a for a in given if a.id in known])
            pending.append((batch, extract([a for a in _unique(given) if a.id not in known])))
            while len(pending) > (jobs + 1 if parallel else 0):
                _write_batch(store, *pending.popleft(), summary, written, geocoder, on_batch, again)
        while pending:
            _write_batch(store, *pending.popleft(), summary, written, geocoder, on_batch, again)
    return summary


def _batches(items: Iterable[Article | Skipped], size: int) -> Iterator[list[Article | Skipped]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _write_batch(
    store: st.Store,
    batch: list[Article | Skipped],
    extracted: Later,
    summary: Summary,
    known: Known,
    geocoder: Geocoder | None,
    on_batch: Callable[[int], None] | None,
    again: Again,
) -> None:
    found, failed = extracted()
    unread = {s.path for s in failed}
    given = [a for a in batch if isinstance(a, Article) and a.path not in unread]
    reports = place_reports(found, geocoder)
    added, replaced, stored, created, updated, reread = _write(store, _unique(given), reports, known, again)
    summary.reread += reread
    summary.skipped += [s for s in batch if isinstance(s, Skipped) and not s.not_article] + failed
    summary.left_out += [s for s in batch if isinstance(s, Skipped) and s.not_article]
    summary.added += added
    summary.replaced += replaced
    summary.present += len(given) - added - replaced
    summary.reports += stored
    summary.events_created += created
    summary.events_updated += updated
    if on_batch:
        on_batch(len(batch))


@contextmanager
def _extraction(
    jobs: int, gazetteer: Gazetteer | None, seconds: float
) -> Iterator[Callable[[list[Article]], Later]]:
    """A way to start extracting a batch now and collect its reports (and skipped articles) later.

    While the worker processes start up, this process extracts the batches itself, so a
    parallel ingest is never slower to begin than an in-process one. Off the main thread (the
    dashboard), a time budget cannot interrupt this process, so extraction runs in a child.
    """
    in_main = threading.current_thread() is threading.main_thread()
    each = extract_each if in_main else extract_isolated

    def at_once(articles: list[Article]) -> Later:
        done = each(articles, gazetteer=gazetteer, seconds=seconds) if articles else ([], [])
        return lambda: done

    if jobs <= 1:
        yield at_once
        return
    if gazetteer is None:
        default_gazetteer()
    pool = ProcessPoolExecutor(
        jobs, mp_context=_worker_context(), initializer=_start_worker, initargs=(gazetteer,)
    )
    try:
        ready = pool.submit(_ready)

        def later(articles: list[Article]) -> Later:
            if not ready.done():
                return at_once(articles)
            future: Future[Extracted] = pool.submit(_extract_in_worker, articles, seconds)
            return future.result

        yield later
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_context() -> multiprocessing.context.BaseContext:
    """Fork, when it is safe, so workers start at once with the gazetteer already loaded."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


_worker_gazetteer: Gazetteer | None = None


def _start_worker(gazetteer: Gazetteer | None) -> None:
    """Load the gazetteer once, leave Ctrl-C to the parent, and exit when the parent is gone (kill -9)."""
    global _worker_gazetteer
    _worker_gazetteer = gazetteer or default_gazetteer()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()


def _exit_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def _ready() -> bool:
    return True


def _extract_in_worker(articles: list[Article], seconds: float) -> Extracted:
    """In a worker's main thread, so each article's time budget really interrupts it."""
    return extract_each(articles, gazetteer=_worker_gazetteer, seconds=seconds)


def _unique(articles: list[Article]) -> list[Article]:
    """One article per id, in the order first given: the first copy of a text, but the last
    version of a post (an id that is not its text's hash), as a later export is the newer."""
    out: dict[str, Article] = {}
    for a in articles:
        if a.id not in out or a.id != article_id(a.text):
            out[a.id] = a
    return list(out.values())


def _read_again(gazetteer: Gazetteer | None, geocoder: Geocoder | None, seconds: float) -> Again:
    """How the writer extracts the few posts it reads again (see `_follow_ups`)."""
    each = extract_each if threading.current_thread() is threading.main_thread() else extract_isolated

    def again(articles: list[Article]) -> tuple[list[Report], set[str]]:
        found, failed = each(articles, gazetteer=gazetteer, seconds=seconds)
        return place_reports(found, geocoder), {s.path for s in failed}

    return again


def _write(
    store: st.Store, articles: list[Article], reports: list[Report], known: Known, again: Again
) -> tuple[int, int, int, int, int, int]:
    """Store the batch's new articles and edited ones: (added, replaced, reports, created, updated,
    stored posts read again)."""
    with store.writing() as conn:
        present = st.present_articles(conn, [a.id for a in articles])
        revised = _revised(conn, [a for a in articles if a.id in present])
        articles = [a for a in articles if a.id not in present or a.id in revised]
        ids = {a.id for a in articles}
        reports = [r for r in reports if r.article_id in ids]
        if not articles:
            return 0, 0, 0, 0, 0, 0
        if st.write_count(conn) != known.generation:
            known.events.clear()
        if revised:
            created, updated = _revise(conn, articles, reports, revised, known)
        else:
            st.insert_articles(conn, articles, reports)
            growing, rest, affected, old = _split(conn, reports, known)
            created, updated = regroup(conn, rest, affected, known=known, old=old) if rest else (0, 0)
            grown, more = _grow(conn, growing, known)
            created, updated = created + grown, updated + more
        reread, more_created, more_updated = _follow_ups(conn, articles, known, again)
        known.generation = st.write_count(conn) + 1  # `store.writing` counts this write on leaving
        added = len(articles) - len(revised)
        return added, len(revised), len(reports), created + more_created, updated + more_updated, reread


def _follow_ups(
    conn: Connection, articles: list[Article], known: Known, again: Again
) -> tuple[int, int, int]:
    """Read again, with their new context, the stored posts that follow posts stored here in
    their series: an older export's posts may arrive after the posts that follow them. (read
    again, created, updated)

    A post's context is at most `SERIES_POSTS` posts, each at most `SERIES_GAP` after the one
    before, so only the posts up to that reach after a new one can change, and their own earlier
    posts lie within that reach before. A post whose context is unchanged is left as it is, so
    ingesting the same posts again changes nothing; one that fails keeps its reports.
    """
    spans: dict[str, tuple[dt.datetime, dt.datetime]] = {}
    for a in articles:
        if a.thread is not None and a.posted is not None:
            first, last = spans.get(a.thread, (a.posted, a.posted))
            spans[a.thread] = (min(first, a.posted), max(last, a.posted))
    reach = SERIES_GAP * SERIES_POSTS
    changed: list[Article] = []
    for thread, (first, last) in sorted(spans.items()):
        posts = st.thread_posts(conn, thread, first - reach, last + reach)
        changed += [
            new
            for old, new in zip(posts, series_of(posts), strict=True)
            if new is not old and new.posted is not None and new.posted >= first
        ]
    if not changed:
        return 0, 0, 0
    reports, failed = again(changed)
    changed = [a for a in changed if a.path not in failed]
    ids = {a.id for a in changed}
    created, updated = _revise(conn, changed, [r for r in reports if r.article_id in ids], ids, known)
    return len(changed), created, updated


def _revised(conn: Connection, articles: list[Article]) -> set[str]:
    """The stored articles given here with another text: posts edited since they were stored.

    Only an article whose id is not its text's hash can have another text (a Telegram post's id
    names the post); the stored text is compared by hash, so spacing alone changes nothing.
    """
    keyed = [a for a in articles if a.id != article_id(a.text)]
    stored = st.article_texts(conn, [a.id for a in keyed]) if keyed else {}
    return {a.id for a in keyed if a.id in stored and article_id(stored[a.id]) != article_id(a.text)}


def _revise(
    conn: Connection, articles: list[Article], reports: list[Report], revised: set[str], known: Known
) -> tuple[int, int]:
    """Store new and edited articles, and regroup every event that their old or new reports touch.

    A new version of a report (the same key) takes its old version's place in its event, so
    the event keeps its id, and with it an analyst's corrections.
    """
    fresh = [a for a in articles if a.id not in revised]
    st.insert_articles(conn, fresh, [r for r in reports if r.article_id not in revised])
    edited = [a for a in articles if a.id in revised]
    left = st.replace_articles(conn, edited, [r for r in reports if r.article_id in revised])
    emptied = set(left.values())
    remaining = [r for rs in st.reports_of(conn, emptied).values() for r in rs]
    affected = st.events_near(conn, reports + remaining) | emptied
    affected |= st.pinned_events(conn, affected)
    old = st.reports_of(conn, affected)
    new = {r.key: r for r in reports}
    for key, event_id in left.items():
        if key in new:
            old.setdefault(event_id, []).append(new.pop(key))
    for event_id in affected:
        known.events.pop(event_id, None)
    return regroup(conn, list(new.values()), affected, known=known, old=old)


def _split(
    conn: Connection, reports: list[Report], known: Known
) -> tuple[dict[tuple[str, dt.date], list[Report]], list[Report], set[str], dict[str, list[Report]]]:
    """The new reports that only add to a known event or found a new one, by day, and the rest.

    For the rest, also the events a full regroup must see and their reports. A day goes with the
    rest when a report without a day could be on it, when its event is not known, or when the
    rest's events hold a report of that day (an analyst's merge), so both parts never meet.
    """
    by_day: dict[tuple[str, dt.date], list[Report]] = {}
    rest: list[Report] = []
    if any(r.date is None or r.date_precision != "day" for r in reports):
        rest = list(reports)
    else:
        for r in reports:
            by_day.setdefault((r.city, r.date), []).append(r)  # type: ignore[arg-type]
        on = st.events_by_day(conn, set(by_day))
        claimed = st.claims_by_day(conn, set(by_day))
        pinned = st.pins_for(conn, [r.key for r in reports])
        crossing = _across_midnight(conn, reports, known)
        for day in list(by_day):
            ids = on.get(day, set())
            unknown = len(ids) > 1 or not ids <= known.events.keys()
            if claimed.get(day) or unknown or day in crossing or any(r.key in pinned for r in by_day[day]):
                rest += by_day.pop(day)
    affected: set[str] = set()
    old: dict[str, list[Report]] = {}
    while rest:
        affected = st.events_near(conn, rest)
        affected |= st.pinned_events(conn, affected)
        old = st.reports_of(conn, affected)
        met = {(r.city, r.date) for rs in old.values() for r in rs} | {
            day for day in by_day if known_event(known, day) & affected
        }
        clash = [day for day in by_day if day in met]
        if not clash:
            break
        for day in clash:
            rest += by_day.pop(day)
    for event_id in affected:
        known.events.pop(event_id, None)
    return by_day, rest, affected, old


def _across_midnight(conn: Connection, reports: list[Report], known: Known) -> set[tuple[str, dt.date]]:
    """The days of new reports that an evening and its night may join across midnight, with a
    stored report or another new one: those take the full regroup (`cluster._join_nights`)."""
    stored = st.across_midnight_events(conn, reports, held=known.events)
    crossings = {c for r in chain(reports, *stored.values()) if (c := midnight(r)) is not None}
    return {(city, day) for city, day, other in crossings if met_across((city, day, other)) in crossings}


def known_event(known: Known, day: tuple[str, dt.date]) -> set[str]:
    return {i for i, b in known.events.items() if (b.head.city, b.head.date) == day}


def _grow(conn: Connection, by_day: dict[tuple[str, dt.date], list[Report]], known: Known) -> tuple[int, int]:
    """Add each day's new reports to its known event, or make them a new event."""
    on = {(b.head.city, b.head.date): i for i, b in known.events.items()}
    writes: list[tuple[str, Report, Kept, list[str], bool]] = []
    fresh: list[tuple[int, list[Report]]] = []
    groups = sorted(by_day.values(), key=lambda g: (-len(g), min(r.key for r in g)))
    for index, reports in enumerate(groups):
        event_id = on.get((reports[0].city, reports[0].date))
        if event_id is None:
            fresh.append((index, reports))
            continue
        builder = known.events[event_id]
        builder.add(reports)
        writes.append(_written(event_id, builder, reports, new=False))
    grown = {event_id for event_id, *_ in writes}
    ids = [(i, make_event(reports).id) for i, reports in fresh]
    for event_id, index in fresh_ids_at(conn, ids, set(grown), grown):
        builder = known.events[event_id] = EventBuilder(groups[index])
        writes.append(_written(event_id, builder, groups[index], new=True))
    st.grow_events(conn, writes)
    return len(fresh), len(groups) - len(fresh)


def _written(
    event_id: str, builder: EventBuilder, added: list[Report], *, new: bool
) -> tuple[str, Report, Kept, list[str], bool]:
    kept = st.kept(builder.event(event_id), builder.listing())
    return event_id, builder.head, kept, [r.key for r in added], new


def reextract(
    store: st.Store, *, gazetteer: Gazetteer | None = None, geocoder: Geocoder | None = None
) -> Summary:
    """Run the extractor again over every stored article, in one transaction.

    An article that fails or runs over its time budget keeps the reports it had, and is named
    in the summary's skipped list.

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
        found, summary.skipped = extract_each(articles, gazetteer=gazetteer)
        failed = {a.id for a in articles if a.path in {s.path for s in summary.skipped}}
        kept = [r for reports in old.values() for r in reports if r.article_id in failed]
        reports = place_reports(found, geocoder) + kept
        member = {r.key: by_key.get(r.key) or by_place.get((r.article_id, r.city, r.date)) for r in reports}
        st.replace_reports(conn, reports)
        groups = apply_pins(group_reports(reports), st.pins_for(conn, [r.key for r in reports]))
        assigned = assign_ids(conn, groups, {k: v for k, v in member.items() if v}, set(event_ids))
        st.replace_events(conn, event_ids, assigned)
        summary.present = len(articles)
        summary.reports = len(reports)
        summary.events_created = sum(1 for event_id, _ in assigned if event_id not in old)
        summary.events_updated = len(assigned) - summary.events_created
    return summary
