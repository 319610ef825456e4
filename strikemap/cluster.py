"""Merging reports of the same attack into events.

Reports are bucketed by city and day, so merging stays near-linear: a report is only compared
with the few events that share its city, a possible day and a district or weapon.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect, bisect_left, insort
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from strikemap.candidates import across_midnight, candidate_days, one_night, yields_its_day
from strikemap.links import file_name, outlet_name, web_url
from strikemap.memory import collector_paused
from strikemap.models import Event, Report, When


def cluster(reports: Iterable[Report]) -> list[Event]:
    """One event per attack: same city, compatible day, overlapping places or weapons."""
    with collector_paused():
        events = [make_event(group) for group in group_reports(reports)]
        return sorted(events, key=lambda e: (e.date or dt.date.max, e.city, e.id))


def group_reports(reports: Iterable[Report]) -> list[list[Report]]:
    """The reports of each attack together; undated ones carry the date they were matched to."""
    by_day: dict[tuple[str, dt.date], list[Report]] = defaultdict(list)
    loose: list[Report] = []
    for report in reports:
        if report.date is not None and report.date_precision == "day":
            by_day[(report.city, report.date)].append(report)
        else:
            loose.append(report)
    _join_nights(by_day)
    index = _Index(by_day)
    unmatched: list[Report] = []
    for report in loose:
        match = index.best_match(report)
        if match is None:
            unmatched.append(report)
        else:
            by_day[match].append(_dated(report, match[1]))
    return [list(g) for g in by_day.values()] + _group_loose(unmatched)


def _join_nights(by_day: dict[tuple[str, dt.date], list[Report]]) -> None:
    """An evening's report joins the next day's reports of the night it began ('late on Sunday',
    'у ніч на понеділок') when it shares their places or weapons; it keeps its own date.

    Only the night's reports are compared, and an evening never tells of a night, so what moves
    does not depend on the order of the reports or of the days.
    """
    moves: list[tuple[tuple[str, dt.date], Report, tuple[str, dt.date]]] = []
    for day, reports in by_day.items():
        for report in reports:
            later = across_midnight(report)
            if later is None or later < day[1]:
                continue
            night = [r for r in by_day.get((day[0], later), ()) if one_night(report, r)]
            if night and _overlap(report, night) > 0:
                moves.append((day, report, (day[0], later)))
    for day, report, night_day in moves:
        by_day[day].remove(report)
        by_day[night_day].append(report)
        if not by_day[day]:
            del by_day[day]


class _Index:
    """Day-precise groups, looked up by city and day or by city, weekday and district."""

    def __init__(self, by_day: dict[tuple[str, dt.date], list[Report]]) -> None:
        self.by_day = by_day
        self.by_weekday: dict[tuple[str, int], list[tuple[str, dt.date]]] = defaultdict(list)
        for city, day in by_day:
            self.by_weekday[(city, day.weekday())].append((city, day))

    def candidates(self, report: Report) -> list[tuple[str, dt.date]]:
        when = report.when
        if when is None:
            return []
        days = candidate_days(when)
        if days is not None:
            return [(report.city, d) for d in days if (report.city, d) in self.by_day]
        if when.weekday is not None:
            return self.by_weekday.get((report.city, when.weekday), [])
        return []

    def best_match(self, report: Report) -> tuple[str, dt.date] | None:
        """The one group this report confidently belongs to, or None when unsure."""
        scored = sorted(
            ((_overlap(report, self.by_day[key]), key) for key in self.candidates(report)),
            reverse=True,
        )
        scored = [s for s in scored if s[0] > 0]
        if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
            return None
        return scored[0][1]


def _overlap(report: Report, group: list[Report]) -> int:
    """How much a report shares with a group: districts and weapons count, models more."""
    districts = {d for r in group for d in r.districts}
    weapons = {w for r in group for w in r.weapons}
    models = {m for r in group for m in r.weapon_models}
    score = 2 * len(set(report.districts) & districts) + len(set(report.weapons) & weapons)
    score += len(set(report.weapon_models) & models)
    if report.districts and districts and not set(report.districts) & districts:
        return 0
    if report.role == "primary" and all(r.role == "background" for r in group):
        score -= 1
    return score


def _dated(report: Report, day: dt.date) -> Report:
    """An undated report joined to a dated event takes that event's day."""
    return replace(report, date=day, date_precision="day", when=When(day, day))


def _group_loose(reports: list[Report]) -> list[list[Report]]:
    """Reports without a day merge with each other only when they agree on city and period."""
    groups: dict[tuple[object, ...], list[list[Report]]] = defaultdict(list)
    out: list[list[Report]] = []
    for report in reports:
        when = report.when
        bucket = (report.city, report.date, report.date_precision, when.weekday if when else None)
        for group in groups[bucket]:
            if all(r.article_id != report.article_id for r in group) and _overlap(report, group) > 0:
                group.append(report)
                break
        else:
            group = [report]
            groups[bucket].append(group)
            out.append(group)
    return out


def make_event(reports: list[Report], *, event_id: str | None = None) -> Event:
    """The event these reports describe; its id is kept when one is given (the store's)."""
    reports = sorted(reports, key=lambda r: (r.role != "primary", r.published or dt.date.max, r.key))
    primary = [r for r in reports if r.role == "primary"] or reports
    founder = min(reports, key=lambda r: (r.role != "primary", r.date_precision != "day", r.key))
    days = [r.date for r in reports if r.date is not None]
    precise = sorted((r for r in reports if r.date_precision == "day"), key=yields_its_day)
    chosen = (
        precise[0]
        if precise
        else (founder if founder.date else next((r for r in reports if r.date), founder))
    )

    def union(name: str) -> tuple[str, ...]:
        if len(reports) == 1:
            return tuple(dict.fromkeys(getattr(reports[0], name)))
        return tuple(dict.fromkeys(v for r in reports for v in getattr(r, name)))

    def most(name: str) -> int | None:
        values = [v for r in primary if (v := getattr(r, name)) is not None]
        return max(values) if values else None

    places = tuple(dict.fromkeys(p for r in reports for p in r.places))
    times = Counter(r.time_of_day for r in reports if r.time_of_day)
    return Event(
        id=event_id or machine_id(founder, chosen if precise else None),
        city=founder.city,
        date=chosen.date if days else None,
        date_precision=chosen.date_precision if days else None,
        reports=tuple(reports),
        time_of_day=times.most_common(1)[0][0] if times else None,
        districts=tuple(sorted(union("districts"))),
        places=places,
        weapons=tuple(sorted(union("weapons"))),
        weapon_models=tuple(sorted(union("weapon_models"))),
        debris=any(r.debris for r in reports),
        killed=most("killed"),
        injured=most("injured"),
        intercepted=most("intercepted"),
        damage=union("damage"),
        said_by=union("said_by"),
        flags=union("flags"),
    )


def head_key(report: Report) -> tuple[object, ...]:
    """The order that picks the report whose city and day an event is filed under: a report of a
    day first, and an evening's report after the night's it joined (`yields_its_day`)."""
    return (
        report.date_precision != "day",
        report.date is None,
        yields_its_day(report),
        report.role != "primary",
        report.key,
    )


def machine_id(founder: Report, day: Report | None) -> str:
    """A new event's id: from its city and day when a report gives the day, so it does not depend
    on which of the day's reports came first (input order, batch size); else from its founder."""
    key = f"{day.city}|{day.date}" if day is not None and day.date else f"{founder.city}|{founder.key}"
    return hashlib.sha1(key.encode()).hexdigest()[:12]


class EventBuilder:
    """`make_event`, grown report by report: an event that keeps gaining reports costs each batch
    only its new reports (and a copy of its list), not a rebuild from all of them.

    ``event()`` equals ``make_event`` of every report added, and ``listing()`` the outlets,
    articles and links a summary names, in the same order (tests/test_cluster.py checks both).
    """

    _ORDERED = ("places", "damage", "said_by", "flags")
    _SORTED = ("districts", "weapons", "weapon_models")
    _MOST = ("killed", "injured", "intercepted")

    def __init__(self, reports: Iterable[Report] = ()) -> None:
        self._keys: list[tuple[object, ...]] = []
        self._reports: list[Report] = []
        self._ordered: dict[str, _FirstSeen] = {name: _FirstSeen() for name in self._ORDERED}
        self._listed: dict[str, _FirstSeen] = {name: _FirstSeen() for name in ("sources", "articles", "urls")}
        self._sorted: dict[str, set[str]] = {name: set() for name in self._SORTED}
        self._times: Counter[str] = Counter()
        self._time_seen = _FirstSeen()
        self._most: dict[bool, dict[str, int]] = {True: {}, False: {}}
        """The highest tolls, of primary reports (True) and of all: a primary report's count over others'."""
        self._has_primary = False
        self._founder: tuple[tuple[object, ...], Report] | None = None
        self._head: tuple[tuple[object, ...], Report] | None = None
        self._precise: tuple[tuple[object, ...], Report] | None = None
        self._dated: tuple[tuple[object, ...], Report] | None = None
        self._outlets: set[str] = set()
        self._debris = False
        self.add(reports)

    def add(self, reports: Iterable[Report]) -> None:
        for report in reports:
            self._add(report)

    def __len__(self) -> int:
        return len(self._reports)

    @property
    def reports(self) -> list[Report]:
        return self._reports

    @property
    def head(self) -> Report:
        """The report whose city and day the store files the event under (`store._event_head`)."""
        assert self._head is not None, "an event has at least one report"
        return self._head[1]

    def _add(self, r: Report) -> None:
        key = (r.role != "primary", r.published or dt.date.max, r.key)
        at = bisect(self._keys, key)
        self._keys.insert(at, key)
        self._reports.insert(at, r)
        for name, seen in self._ordered.items():
            seen.add(getattr(r, name), key)
        for name, values in self._sorted.items():
            values.update(getattr(r, name))
        self._listed["sources"].add((outlet_name(r),), key)
        self._listed["articles"].add((file_name(r.article),), key)
        url = web_url(r.url)
        self._listed["urls"].add((url,) if url else (), key)
        if r.time_of_day:
            self._times[r.time_of_day] += 1
            self._time_seen.add((r.time_of_day,), key)
        primary = r.role == "primary"
        for name in self._MOST:
            value = getattr(r, name)
            if value is not None:
                for pool in (self._most[False], self._most[True]) if primary else (self._most[False],):
                    pool[name] = max(pool.get(name, value), value)
        self._has_primary = self._has_primary or primary
        self._founder = _least(self._founder, (r.role != "primary", r.date_precision != "day", r.key), r)
        self._head = _least(self._head, head_key(r), r)
        if r.date_precision == "day":
            self._precise = _least(self._precise, (yields_its_day(r), *key), r)
        if r.date is not None:
            self._dated = _least(self._dated, key, r)
        self._outlets.add(r.source or r.article_id)
        self._debris = self._debris or r.debris

    def event(self, event_id: str | None = None) -> Event:
        """The same event `make_event` makes of every report added so far."""
        assert self._founder is not None, "an event has at least one report"
        founder = self._founder[1]
        if self._precise:
            chosen = self._precise[1]
        elif founder.date or self._dated is None:
            chosen = founder
        else:
            chosen = self._dated[1]
        most = self._most[self._has_primary]
        times = self._time_seen.values()
        top = max(self._times.values(), default=0)
        return Event(
            id=event_id or machine_id(founder, self._precise[1] if self._precise else None),
            city=founder.city,
            date=chosen.date if self._dated else None,
            date_precision=chosen.date_precision if self._dated else None,
            reports=tuple(self._reports),
            time_of_day=next((t for t in times if self._times[t] == top), None),
            districts=tuple(sorted(self._sorted["districts"])),
            places=tuple(self._ordered["places"].values()),
            weapons=tuple(sorted(self._sorted["weapons"])),
            weapon_models=tuple(sorted(self._sorted["weapon_models"])),
            debris=self._debris,
            killed=most.get("killed"),
            injured=most.get("injured"),
            intercepted=most.get("intercepted"),
            damage=tuple(self._ordered["damage"].values()),
            said_by=tuple(self._ordered["said_by"].values()),
            flags=tuple(self._ordered["flags"].values()),
        )

    def listing(self) -> tuple[list[str], list[str], list[str], int]:
        """Outlets, article names and web links in report order, and the number of sources."""
        listed = self._listed
        return (
            listed["sources"].values(),
            listed["articles"].values(),
            listed["urls"].values(),
            len(self._outlets),
        )


class _FirstSeen:
    """Distinct values in the order of their first appearance, kept as reports arrive out of order."""

    def __init__(self) -> None:
        self._at: dict[object, tuple[object, ...]] = {}
        self._order: list[tuple[tuple[object, ...], object]] = []

    def add(self, values: Iterable[object], key: tuple[object, ...]) -> None:
        for index, value in enumerate(values):
            here = (key, index)
            known = self._at.get(value)
            if known is not None:
                if known <= here:
                    continue
                del self._order[bisect_left(self._order, known, key=_position)]
            self._at[value] = here
            insort(self._order, (here, value), key=_position)

    def values(self) -> list[Any]:
        return [value for _, value in self._order]


def _position(entry: tuple[tuple[object, ...], object]) -> tuple[object, ...]:
    return entry[0]


def _least(
    best: tuple[tuple[object, ...], Report] | None, key: tuple[object, ...], report: Report
) -> tuple[tuple[object, ...], Report]:
    return (key, report) if best is None or key < best[0] else best
