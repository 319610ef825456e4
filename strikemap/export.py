"""Writing events out: the JSON contract, and CSV that is safe to open in a spreadsheet.

Both are pure functions of events, so the command line and the dashboard export the same rows.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from strikemap.dates import format_date
from strikemap.links import file_name, outlet_name, web_url
from strikemap.memory import collector_paused
from strikemap.models import LOCATION_PRECISIONS, Event, Place, Report

if TYPE_CHECKING:
    from strikemap.views import EventView, Listing

CSV_COLUMNS = (
    "id",
    "date",
    "date_precision",
    "time_of_day",
    "city",
    "districts",
    "places",
    "lat",
    "lon",
    "location_precision",
    "weapons",
    "weapon_models",
    "debris",
    "killed",
    "injured",
    "intercepted",
    "damage",
    "said_by",
    "sources_count",
    "sources",
    "articles",
    "urls",
    "languages",
    "status",
    "corrected",
    "flags",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")
_INVISIBLE = (
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
"""Characters a reader does not see: a formula behind them looks, and may run, like any other."""
_REPORT_FIELDS = ("districts", "weapons", "killed", "injured", "damage")


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


def event_row(event: Event) -> dict[str, Any]:
    """One flat row per event, as the table and the CSV show it.

    Articles are named by file name alone and linked by their http(s) address: no path on the
    server and no other kind of link reaches an export."""
    first = event.places[0] if event.places else None
    return {
        "id": event.id,
        "date": format_date(event.date, event.date_precision),
        "date_precision": event.date_precision,
        "time_of_day": event.time_of_day,
        "city": event.city,
        "districts": "; ".join(event.districts),
        "places": "; ".join(dict.fromkeys(p.name for p in event.places)),
        "lat": first.lat if first else None,
        "lon": first.lon if first else None,
        "location_precision": first.precision if first else None,
        "weapons": "; ".join(event.weapons),
        "weapon_models": "; ".join(event.weapon_models),
        "debris": event.debris,
        "killed": event.killed,
        "injured": event.injured,
        "intercepted": event.intercepted,
        "damage": "; ".join(event.damage),
        "said_by": "; ".join(event.said_by),
        "sources_count": event.sources_count,
        "sources": "; ".join(dict.fromkeys(outlet_name(r) for r in event.reports)),
        "articles": "; ".join(dict.fromkeys(file_name(r.article) for r in event.reports)),
        "urls": "; ".join(dict.fromkeys(u for r in event.reports if (u := web_url(r.url)))),
        "languages": "; ".join(event.languages),
        "flags": "; ".join(event.flags),
    }


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
    rows: Iterable[dict[str, Any]], *, columns: tuple[str, ...] = CSV_COLUMNS, bom: bool = True
) -> str:
    """RFC 4180 CSV; a UTF-8 BOM by default so Excel reads Cyrillic right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    with collector_paused():
        writer.writerows(_cells(row, columns) for row in rows)
    return ("\ufeff" if bom else "") + buffer.getvalue()


def _cells(row: dict[str, Any], columns: tuple[str, ...]) -> list[Any]:
    """The row's values as the csv module should write them; most it writes right as they are."""
    return [
        v if type(v) in _AS_IS and not (type(v) is str and _formula(v)) else _csv_value(v)
        for v in map(row.get, columns)
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


def view_row(view: EventView) -> dict[str, Any]:
    """An event row with the analyst's review: its status and which fields were corrected."""
    row = event_row(view.event)
    row["status"] = view.status
    row["corrected"] = "; ".join(view.corrected)
    row["location_precision"] = view.location_precision
    return row


def views_json(views: Iterable[EventView], *, indent: int | None = 1) -> str:
    events = []
    for view in views:
        data = event_dict(view.event)
        data.update(status=view.status, corrected=list(view.corrected), notes=list(view.notes))
        events.append(data)
    return json.dumps({"events": events}, ensure_ascii=False, indent=indent)


def to_geojson(views: Iterable[EventView]) -> str:
    """One point feature per event at its most precise place (null geometry when it has none)."""
    features = []
    for view in views:
        places = sorted(view.event.places, key=lambda p: LOCATION_PRECISIONS.index(p.precision))
        row = view_row(view)
        row.pop("lat")
        row.pop("lon")
        point = {"type": "Point", "coordinates": [places[0].lon, places[0].lat]} if places else None
        features.append({"type": "Feature", "id": view.event.id, "geometry": point, "properties": row})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


def listing_row(item: Listing) -> dict[str, Any]:
    """`view_row` of a listing: the same row, from the store's summary instead of the reports."""
    data = item.summary
    places = data["places"]
    first = places[0] if places else None
    return {
        "id": item.id,
        "date": format_date(item.date, item.date_precision),
        "date_precision": item.date_precision,
        "time_of_day": data["time_of_day"],
        "city": item.city,
        "districts": "; ".join(item.districts),
        "places": "; ".join(dict.fromkeys(p["name"] for p in places)),
        "lat": first["lat"] if first else None,
        "lon": first["lon"] if first else None,
        "location_precision": item.location_precision,
        "weapons": "; ".join(item.weapons),
        "weapon_models": "; ".join(data["weapon_models"]),
        "debris": data["debris"],
        "killed": item.killed,
        "injured": item.injured,
        "intercepted": data["intercepted"],
        "damage": "; ".join(data["damage"]),
        "said_by": "; ".join(data["said_by"]),
        "sources_count": data["sources_count"],
        "sources": "; ".join(item.sources),
        "articles": "; ".join(dict.fromkeys(file_name(a) for a in data["articles"])),
        "urls": "; ".join(data.get("urls", ())),
        "languages": "; ".join(item.languages),
        "flags": "; ".join(data["flags"]),
        "status": item.status,
        "corrected": "; ".join(item.corrected),
    }


def listings_geojson(items: Iterable[Listing]) -> str:
    """`to_geojson` of listings."""
    features = []
    with collector_paused():
        for item in items:
            places = sorted(item.summary["places"], key=lambda p: LOCATION_PRECISIONS.index(p["precision"]))
            row = listing_row(item)
            del row["lat"], row["lon"]
            point = {"type": "Point", "coordinates": [places[0]["lon"], places[0]["lat"]]} if places else None
            features.append({"type": "Feature", "id": item.id, "geometry": point, "properties": row})
        return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
