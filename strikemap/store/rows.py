"""Stored rows to value objects and back: articles, reports, and the reports of stored events read
back. What each JSON column holds is written here once, so both ways agree (an event's summary and
finished texts are `export.kept`'s, beside the columns they serve).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from strikemap.errors import StoreDamaged
from strikemap.export import Kept, place_dict
from strikemap.models import LANGUAGES, Article, Evidence, Language, Place, Report, When
from strikemap.store.tables import memberships_table, reports_table
from strikemap.views import ReportSource


def article_row(article: Article, now: dt.datetime) -> dict[str, Any]:
    return {
        "id": article.id, "path": article.path, "title": article.title, "source": article.source,
        "url": article.url, "published": article.published, "text": article.text, "ingested_at": now,
        "language": article.language, "context": json.dumps(article.context) if article.context else None,
        "began": article.began, "thread": article.thread, "posted_at": article.posted,
    }  # fmt: skip


def article_from_row(row: Any) -> Article:
    return Article(
        row.id,
        row.path,
        row.text,
        row.title,
        row.source,
        row.url,
        row.published,
        _language(row.language),
        _context(row.context),
        row.began,
        row.thread,
        row.posted_at,
    )


def _context(value: Any) -> tuple[str, ...]:
    """Stored context texts; none for a value this strikemap did not write (rather than a failure)."""
    try:
        found = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return ()
    return tuple(found) if isinstance(found, list) and all(isinstance(t, str) for t in found) else ()


def _language(value: Any) -> Language | None:
    """A stored language, None for one this strikemap does not know (rather than a wrong filter)."""
    return value if value in LANGUAGES else None


def finished_row(event_id: str, kept: Kept) -> dict[str, Any]:
    """The event's row of the finished table (`export.kept` fills the summary beside it)."""
    return {
        "event_id": event_id, "listed_date": kept.date, "listed_city": kept.city,
        "finished_as": kept.finished_as, "csv_row": kept.csv_row, "feature": kept.feature,
    }  # fmt: skip


def report_row(report: Report) -> dict[str, Any]:
    when = report.when
    data = {
        "article": report.article, "role": report.role, "time_of_day": report.time_of_day,
        "when": [iso(when.earliest), iso(when.latest), when.weekday] if when else None,
        "districts": list(report.districts), "places": [place_dict(p) for p in report.places],
        "weapons": list(report.weapons), "weapon_models": list(report.weapon_models), "debris": report.debris,
        "killed": report.killed, "injured": report.injured, "intercepted": report.intercepted,
        "casualty_words": list(report.casualty_words), "damage": list(report.damage),
        "said_by": list(report.said_by), "addresses": list(report.addresses), "flags": list(report.flags),
        "source": report.source,
        "title": report.title, "published": iso(report.published), "url": report.url,
        "evidence": [[e.field, e.sentence, e.match] for e in report.evidence], "language": report.language,
    }  # fmt: skip
    return {
        "key": report.key, "article_id": report.article_id, "city": report.city, "date": report.date,
        "date_precision": report.date_precision, "data": data,
        "first_day": when.earliest if when else None, "last_day": when.latest if when else None,
        "weekday": when.weekday if when else None,
    }  # fmt: skip


def report_from_row(row: Any) -> Report:
    try:
        return _report(row)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as err:
        raise StoreDamaged(f"report {row.key} is not one this strikemap reads ({err!r})") from err


def _report(row: Any) -> Report:
    d = row.data if isinstance(row.data, dict) else json.loads(row.data)
    when = d["when"]
    return Report(
        article=d["article"], article_id=row.article_id, key=row.key, role=d["role"], city=row.city,
        date=row.date, date_precision=row.date_precision,
        when=When(from_iso(when[0]), from_iso(when[1]), when[2]) if when else None,
        time_of_day=d["time_of_day"], districts=tuple(d["districts"]),
        places=tuple(Place(**p) for p in d["places"]), weapons=tuple(d["weapons"]),
        weapon_models=tuple(d["weapon_models"]), debris=d["debris"], killed=d["killed"], injured=d["injured"],
        intercepted=d["intercepted"], casualty_words=tuple(d["casualty_words"]), damage=tuple(d["damage"]),
        said_by=tuple(d["said_by"]), addresses=tuple(d["addresses"]), flags=tuple(d.get("flags", ())),
        source=d["source"], title=d["title"], url=d.get("url"),
        published=from_iso(d["published"]), evidence=tuple(Evidence(*e) for e in d["evidence"]),
        language=_language(d.get("language")),
    )  # fmt: skip


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def from_iso(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def reports_of(conn: Connection, event_ids: Iterable[str]) -> dict[str, list[Report]]:
    """The reports of each event, by event id."""
    out: dict[str, list[Report]] = {}
    m = memberships_table.c
    query = sa.select(reports_table, m.event_id).join(memberships_table, m.report_key == reports_table.c.key)
    for chunk in chunks(sorted(set(event_ids)), 500):
        for row in conn.execute(query.where(m.event_id.in_(chunk))):
            out.setdefault(row.event_id, []).append(report_from_row(row))
    return out


def report_sources(conn: Connection) -> dict[str, list[ReportSource]]:
    """Who reported each event and where, by event id, in the order an event lists its reports
    (`cluster.make_event`: primary first, then by publication and key)."""
    out: dict[str, list[ReportSource]] = {}
    m, r = memberships_table.c, reports_table.c
    query = sa.select(m.event_id, r.key, r.article_id, r.data).join(memberships_table, m.report_key == r.key)
    for row in conn.execute(query):
        out.setdefault(row.event_id, []).append(_report_source(row))
    for found in out.values():
        found.sort(key=lambda s: (s.role != "primary", s.published or dt.date.max, s.key))
    return out


def _report_source(row: Any) -> ReportSource:
    try:
        d = row.data if isinstance(row.data, dict) else json.loads(row.data)
        return ReportSource(
            key=row.key, article_id=row.article_id, article=d["article"], role=d["role"], source=d["source"],
            title=d["title"], url=d.get("url"), published=from_iso(d["published"]),
        )  # fmt: skip
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as err:
        raise StoreDamaged(f"report {row.key} is not one this strikemap reads ({err!r})") from err


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    """The items in slices small enough for one ``IN (...)``."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
