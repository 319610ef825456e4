"""Writing events out: the JSON contract, and CSV that is safe to open in a spreadsheet.

Every column an event goes out with is declared once here (`COLUMNS`), and CSV, GeoJSON, the
dashboard's table and the store's summary read them from there, so they cannot disagree.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from strikemap.links import file_name, outlet_name, web_url
from strikemap.memory import collector_paused
from strikemap.models import LOCATION_PRECISIONS, Event, Place, Report, format_date
from strikemap.views import EventView, Listing

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")
_INVISIBLE = (
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
"""Characters a reader does not see: a formula behind them looks, and may run, like any other."""
_REPORT_FIELDS = ("districts", "weapons", "killed", "injured", "damage")


class Outgoing:
    """An event on its way out, whatever it was read from (an event, its view, a listing): the one
    shape every row and feature is made of. What its reports add is kept beside it, because an event
    read from the store's summary comes without them. A listing's event is read from its summary
    only if a column asks for it: most rows are finished in the summary already (`finished`)."""

    __slots__ = (
        "_articles", "_event", "_make", "corrected", "finished", "languages", "location_precision",
        "sources", "sources_count", "status", "urls",
    )  # fmt: skip

    def __init__(
        self,
        event: Event | Callable[[], Event],
        sources: tuple[str, ...],
        articles: tuple[str, ...] | Callable[[], tuple[str, ...]],
        urls: tuple[str, ...],
        sources_count: int,
        languages: tuple[str, ...],
        location_precision: str | None,
        status: str | None = None,
        corrected: tuple[str, ...] = (),
        finished: dict[str, Any] | None = None,
    ) -> None:
        self._event: Event | None = event if isinstance(event, Event) else None
        self._make: Callable[[], Event] | None = None if isinstance(event, Event) else event
        self._articles = articles
        self.sources, self.urls, self.sources_count = sources, urls, sources_count
        self.languages, self.location_precision = languages, location_precision
        self.status = status
        """None for an event read without its review (`strikemap extract`, a fresh ingest)."""
        self.corrected = corrected
        self.finished = finished
        """The machine's columns as the summary keeps them (`summary_json`), for a listing no
        analyst corrected; None otherwise."""

    @property
    def articles(self) -> tuple[str, ...]:
        """The articles' file names, in report order."""
        if callable(self._articles):
            self._articles = self._articles()
        return self._articles

    @property
    def event(self) -> Event:
        """With analysts' corrections applied; without reports when read from a summary."""
        if self._event is None:
            assert self._make is not None
            self._event = self._make()
        return self._event


@dataclass(frozen=True, slots=True)
class Column:
    """One column of an exported event: its name in files, its header for people, its value."""

    name: str
    header: str | None
    """What the dashboard's table calls it; None keeps it out of the table."""
    read: Callable[[Outgoing], Any]
    review: bool = False
    """An analyst's column: only an event read with its review has it, and GeoJSON lists it last."""


def _joined(values: Iterable[str]) -> str:
    return "; ".join(values)


def _first(o: Outgoing) -> Place | None:
    return o.event.places[0] if o.event.places else None


COLUMNS: tuple[Column, ...] = (
    Column("id", "Event", lambda o: o.event.id),
    Column("date", "Date", lambda o: format_date(o.event.date, o.event.date_precision)),
    Column("date_precision", "Date precision", lambda o: o.event.date_precision),
    Column("time_of_day", "Time of day", lambda o: o.event.time_of_day),
    Column("city", "City", lambda o: o.event.city),
    Column("districts", "Districts", lambda o: _joined(o.event.districts)),
    Column("places", "Places", lambda o: _joined(dict.fromkeys(p.name for p in o.event.places))),
    Column("lat", None, lambda o: p.lat if (p := _first(o)) else None),
    Column("lon", None, lambda o: p.lon if (p := _first(o)) else None),
    Column("location_precision", "Location precision", lambda o: o.location_precision),
    Column("weapons", "Weapons", lambda o: _joined(o.event.weapons)),
    Column("weapon_models", "Weapon models", lambda o: _joined(o.event.weapon_models)),
    Column("debris", None, lambda o: o.event.debris),
    Column("killed", "Killed", lambda o: o.event.killed),
    Column("injured", "Injured", lambda o: o.event.injured),
    Column("intercepted", "Intercepted", lambda o: o.event.intercepted),
    Column("damage", "Damage", lambda o: _joined(o.event.damage)),
    Column("said_by", "Quoted", lambda o: _joined(o.event.said_by)),
    Column("sources_count", "Sources", lambda o: o.sources_count),
    Column("sources", "Outlets", lambda o: _joined(o.sources)),
    Column("articles", None, lambda o: _joined(o.articles)),
    Column("urls", None, lambda o: _joined(o.urls)),
    Column("languages", "Languages", lambda o: _joined(o.languages)),
    Column("status", "Review", lambda o: o.status, review=True),
    Column("corrected", "Corrected fields", lambda o: _joined(o.corrected), review=True),
    Column("flags", None, lambda o: _joined(o.event.flags)),
)
"""Every column, in CSV's order. Articles are named by file name alone and linked by their http(s)
address: no path on the server and no other kind of link reaches an export."""
_IN_GEOMETRY = ("lat", "lon")
"""Columns a GeoJSON feature gives as its point rather than as properties."""


def column_names() -> tuple[str, ...]:
    return tuple(c.name for c in COLUMNS)


def headers() -> dict[str, str]:
    """The dashboard table's columns, by name, with what people read above them."""
    return {c.name: c.header for c in COLUMNS if c.header is not None}


def outgoing(item: Event | EventView | Listing) -> Outgoing:
    """The event on its way out: a full event, one with its review, or a listing of its summary."""
    if isinstance(item, Listing):
        return _listing(item)
    event = item.event if isinstance(item, EventView) else item
    sources, articles, urls, count = listed(event)
    lists = (tuple(sources), tuple(articles), tuple(urls), count, event.languages)
    if isinstance(item, EventView):
        return Outgoing(event, *lists, item.location_precision, item.status, item.corrected)
    return Outgoing(event, *lists, event.places[0].precision if event.places else None)


def _listing(item: Listing) -> Outgoing:
    """A listing as it goes out: the event its summary keeps, with the listing's shown values."""
    data = item.summary
    finished = None if item.corrected or item.finished is None else json.loads(item.finished)
    if finished is not None and finished.get("format") != ROW_FORMAT:
        finished = None
    return Outgoing(
        lambda: summary_event(item.id, data, shown={name: getattr(item, name) for name in _SHOWN}),
        item.sources,
        lambda: tuple(dict.fromkeys(file_name(a) for a in data["articles"])),
        tuple(data.get("urls", ())),
        data["sources_count"],
        item.languages,
        item.location_precision,
        item.status,
        item.corrected,
        finished,
    )


ROW_FORMAT = 1
"""The version of how columns read their values, kept with each summary's finished columns. Change
it when a column comes to read its value otherwise: summaries of the old format are then read
anew (new columns need nothing: a column the summary lacks is read from the event)."""


_SHOWN = tuple(
    f.name for f in dataclasses.fields(Listing) if f.name in {g.name for g in dataclasses.fields(Event)}
)
"""The event fields a listing holds as shown (corrected by analysts where they were)."""


def row(item: Event | EventView | Listing) -> dict[str, Any]:
    """One flat row per event, as the table and the CSV show it, whatever it was read from."""
    return _row(outgoing(item))


def _row(o: Outgoing) -> dict[str, Any]:
    return {c.name: _value(c, o) for c in COLUMNS if o.status is not None or not c.review}


def _value(column: Column, o: Outgoing) -> Any:
    """The column's value: as the summary finished it, where it did, else read now."""
    finished = o.finished
    if finished is not None and not column.review and column.name in finished:
        return finished[column.name]
    return column.read(o)


def listed(event: Event) -> tuple[list[str], list[str], list[str], int]:
    """What the event's reports add to it: outlets, article names and web links in report order, and
    the number of sources (the summary keeps these, as `cluster.EventBuilder.listing` gathers them)."""
    reports = event.reports
    return (
        list(dict.fromkeys(outlet_name(r) for r in reports)),
        list(dict.fromkeys(file_name(r.article) for r in reports)),
        list(dict.fromkeys(u for r in reports if (u := web_url(r.url)))),
        event.sources_count,
    )


@dataclass(frozen=True, slots=True)
class Kept:
    """What the store keeps of an event to read it without its reports: its summary, and the CSV
    line and GeoJSON feature it goes out as while no analyst has reviewed it, written by the same
    builders as every other row and feature, so an export joins them as they are."""

    summary: str
    csv_row: str
    feature: str
    finished_as: str
    """`finished_as()` when they were written: texts finished otherwise are built anew."""
    date: dt.date | None
    city: str
    """The event's own date and city, by which its listing is ordered."""


def kept(event: Event, listing: tuple[list[str], list[str], list[str], int] | None = None) -> Kept:
    """What the store keeps of the event (`Kept`); ``listing``: what its reports add, when already
    gathered (by `cluster.EventBuilder.listing`)."""
    sources, articles, urls, sources_count = listing or listed(event)
    data = {name: _stored(getattr(event, name)) for name in _SUMMARISED}
    data.update(sources_count=sources_count, sources=sources, articles=articles, urls=urls)
    data["languages"] = list(event.languages)
    o = Outgoing(
        event, tuple(sources), tuple(dict.fromkeys(map(file_name, articles))), tuple(urls), sources_count,
        event.languages, EventView(event).location_precision, "unreviewed",
    )  # fmt: skip
    finished = {c.name: c.read(o) for c in COLUMNS if not c.review}  # as a listing of it shows them
    finished["format"], finished["point"] = ROW_FORMAT, _point(event)
    data[_FINISHED] = finished  # last, so `finished_apart` can cut it off
    o.finished = finished
    values = _row(o)
    return Kept(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        _csv_line(_cells(values, column_names())),
        _feature(event.id, finished["point"], {c.name: values[c.name] for c in _properties()}),
        finished_as(),
        event.date,
        event.city,
    )


def summary_json(event: Event, listing: tuple[list[str], list[str], list[str], int] | None = None) -> str:
    """What a listing of the event needs, as the store keeps it (`Kept.summary`): the event without
    its reports, but with what they add, and its finished columns."""
    return kept(event, listing).summary


def finished_as() -> str:
    """What rows and features are finished as now: the columns' format, names and kinds."""
    names = ",".join(c.name + ("*" if c.review else "") for c in COLUMNS)
    return f"{ROW_FORMAT}:{zlib.crc32(names.encode()):08x}"


_FINISHED = "finished"
_FINISHED_KEY = f',"{_FINISHED}":'


def finished_apart(summary: str) -> tuple[str, str | None]:
    """A stored summary (`summary_json`) as the summary without its finished columns, and those
    as JSON (None when it has none): a listing keeps them unread until it is exported, so loading
    many events parses no more than it shows. The key is the last one and, written with a quote
    no string value can hold unescaped, is found from the right."""
    head, found, tail = summary.rpartition(_FINISHED_KEY)
    return (head + "}", tail[:-1]) if found else (summary, None)


def summary_event(event_id: str, data: dict[str, Any], *, shown: dict[str, Any] | None = None) -> Event:
    """The event a summary (`summary_json`, read back) keeps, without its reports; with the values
    ``shown`` in place of the stored ones (an analyst's corrections)."""
    fields = {name: data[name] for name in _SUMMARISED}
    for name, value in fields.items():
        if type(value) is list:
            fields[name] = tuple(Place(**p) for p in value) if name == "places" else tuple(value)
    if fields["date"]:
        fields["date"] = dt.date.fromisoformat(fields["date"])
    fields["id"], fields["reports"] = event_id, ()
    if shown:
        fields.update(shown)
    return Event(**fields)


_SUMMARISED = tuple(f.name for f in dataclasses.fields(Event) if f.name not in ("id", "reports"))
"""Every field of an event is in its summary, so a column may read any of them from a listing too."""


def _stored(value: Any) -> Any:
    if isinstance(value, tuple):
        return [place_dict(v) if isinstance(v, Place) else v for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def place_dict(place: Place) -> dict[str, Any]:
    return {
        "name": place.name,
        "city": place.city,
        "district": place.district,
        "lat": place.lat,
        "lon": place.lon,
        "precision": place.precision,
        "method": place.method,
    }


def report_dict(report: Report) -> dict[str, Any]:
    """What one article says, with the sentence behind every field."""
    fields: dict[str, Any] = {"date": format_date(report.date, report.date_precision)}
    fields.update({name: _plain(getattr(report, name)) for name in _REPORT_FIELDS})
    return {
        "article": file_name(report.article),
        "article_id": report.article_id,
        "url": web_url(report.url),
        "source": report.source,
        "title": report.title,
        "published": report.published.isoformat() if report.published else None,
        "language": report.language,
        "role": report.role,
        "said_by": list(report.said_by),
        "fields": fields,
        "evidence": [{"field": e.field, "sentence": e.sentence, "match": e.match} for e in report.evidence],
    }


def event_dict(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "date": format_date(event.date, event.date_precision),
        "date_precision": event.date_precision,
        "time_of_day": event.time_of_day,
        "city": event.city,
        "districts": list(event.districts),
        "places": [place_dict(p) for p in event.places],
        "weapons": list(event.weapons),
        "weapon_models": list(event.weapon_models),
        "debris": event.debris,
        "killed": event.killed,
        "injured": event.injured,
        "intercepted": event.intercepted,
        "damage": list(event.damage),
        "said_by": list(event.said_by),
        "flags": list(event.flags),
        "sources_count": event.sources_count,
        "languages": list(event.languages),
        "reports": [report_dict(r) for r in event.reports],
    }


def to_json(events: Iterable[Event], *, indent: int | None = 1) -> str:
    return json.dumps({"events": [event_dict(e) for e in events]}, ensure_ascii=False, indent=indent)


def safe_cell(value: Any) -> Any:
    """Neutralise text a spreadsheet would run as a formula; numbers stay numbers."""
    if isinstance(value, str) and _formula(value):
        return "'" + value
    return value


def _formula(text: str) -> bool:
    """Whether a spreadsheet could take the text for a formula: by its first character, after any
    invisible ones, in its plain form (a full-width ＝ is an =)."""
    if text.startswith(_FORMULA_START):
        return True
    if not text or text[0] < "\x80":
        return False
    rest = text.lstrip(_INVISIBLE)
    return bool(rest) and unicodedata.normalize("NFKC", rest[0]).startswith(_FORMULA_START)


def to_csv(
    rows: Iterable[dict[str, Any]], *, columns: tuple[str, ...] | None = None, bom: bool = True
) -> str:
    """RFC 4180 CSV of `row`s, in every column unless told which; a UTF-8 BOM by default so Excel
    reads Cyrillic right. Headers are neutralised like cells: a page's table may be headed by an
    outlet's name."""
    columns = column_names() if columns is None else columns
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_csv_value(c) for c in columns])
    with collector_paused():
        writer.writerows(_cells(r, columns) for r in rows)
    return ("\ufeff" if bom else "") + buffer.getvalue()


def table_csv(rows: Sequence[dict[str, Any]]) -> str:
    """A table as a page shows it, as CSV safe in a spreadsheet: its headers too, since an outlet's
    name heads a column of the Sources page's coverage table."""
    return to_csv(rows, columns=tuple(rows[0]) if rows else ())


def listings_csv(items: Iterable[Listing | str]) -> str:
    """What `to_csv` writes of the items' rows, each given as its finished line (`Kept.csv_row`)
    or as the listing to build it from."""
    names = column_names()
    with collector_paused():
        lines = [i if isinstance(i, str) else _csv_line(_cells(row(i), names)) for i in items]
    return "\ufeff" + _csv_line(list(names)) + "".join(lines)


def _csv_line(cells: list[Any]) -> str:
    """One row as `to_csv` writes it, line end included."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()


def _cells(values: dict[str, Any], columns: tuple[str, ...]) -> list[Any]:
    """The row's values as the csv module should write them; most it writes right as they are."""
    return [
        v if type(v) in _AS_IS and not (type(v) is str and _formula(v)) else _csv_value(v)
        for v in map(values.get, columns)
    ]


_AS_IS = frozenset([str, int, float, type(None)])
"""The csv module writes these as we want (None as an empty cell), text a formula aside."""


def _csv_value(value: Any) -> Any:
    kind = type(value)
    if kind is str:
        return "'" + value if _formula(value) else value
    if value is None:
        return ""
    if kind is bool:
        return "true" if value else "false"
    return safe_cell(value)


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def views_json(views: Iterable[EventView], *, indent: int | None = 1) -> str:
    events = []
    for view in views:
        data = event_dict(view.event)
        data.update(status=view.status, corrected=list(view.corrected), notes=list(view.notes))
        events.append(data)
    return json.dumps({"events": events}, ensure_ascii=False, indent=indent)


def _point(event: Event) -> list[float] | None:
    """[lon, lat] of the event's most precise place, where a GeoJSON feature puts it."""
    places = event.places
    best = min(places, key=lambda p: LOCATION_PRECISIONS.index(p.precision)) if places else None
    return [best.lon, best.lat] if best else None


def to_geojson(items: Iterable[EventView | Listing | str]) -> str:
    """One point feature per event at its most precise place (null geometry when it has none), its
    columns as properties, the analyst's last; an item may be its feature finished before
    (`Kept.feature`)."""
    shown = _properties()
    with collector_paused():
        features = [i if isinstance(i, str) else _built_feature(i, shown) for i in items]
    return "".join(('{"type": "FeatureCollection", "features": [', ", ".join(features), "]}"))


def _built_feature(item: EventView | Listing, shown: list[Column]) -> str:
    o = outgoing(item)
    where = o.finished["point"] if o.finished is not None else _point(o.event)
    properties = {c.name: _value(c, o) for c in shown}
    return _feature(item.id if isinstance(item, Listing) else o.event.id, where, properties)


def _properties() -> list[Column]:
    """The columns a feature lists as properties, in its order."""
    shown = [c for c in COLUMNS if not c.review and c.name not in _IN_GEOMETRY]
    return shown + [c for c in COLUMNS if c.review]


def _feature(event_id: str, where: list[float] | None, properties: dict[str, Any]) -> str:
    """The one GeoJSON feature of an event, at ``where`` ([lon, lat]; null geometry without it),
    as JSON written the way `json.dumps` writes the whole collection, so features finished before
    join into it byte for byte."""
    point = {"type": "Point", "coordinates": where} if where else None
    feature = {"type": "Feature", "id": event_id, "geometry": point, "properties": properties}
    return _AS_JSON(feature)


_AS_JSON = json.JSONEncoder(ensure_ascii=False).encode
"""`json.dumps(value, ensure_ascii=False)`, without making an encoder per feature."""
