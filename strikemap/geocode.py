"""Geocoders with geopy's interface: the offline gazetteer, and Nominatim with a cache.

Both return geopy Locations, so the pipeline can swap one for the other by name.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import math
import os
import re
from pathlib import Path
from typing import Any, Literal, Protocol, TypeAlias, cast

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.location import Location
from geopy.point import Point

from strikemap.errors import ConfigError
from strikemap.extract.gazetteer import Entry, Gazetteer, default_gazetteer
from strikemap.extract.gazetteer_data import KYIV, Kind
from strikemap.models import LOCATION_PRECISIONS, Place, PlacePrecision, Report

__all__ = [
    "GEOCODERS",
    "Geocoder",
    "NominatimGeocoder",
    "OfflineGeocoder",
    "default_cache_path",
    "get_geocoder",
    "locate",
]

logger = logging.getLogger("strikemap")

PointLike: TypeAlias = Point | tuple[float, float] | str
"""What geopy accepts as a point: a Point, (lat, lon), or "lat, lon"."""
Found: TypeAlias = Location | list[Location] | None
"""What geocode and reverse return, as in geopy: one Location, a list, or None for no match."""

GEOCODERS = ("nominatim", "offline")
NOMINATIM_DOMAIN = "nominatim.openstreetmap.org"
KYIV_VIEWBOX = (Point(50.59, 30.24), Point(50.21, 30.83))
"""Corners of a box around the city: Nominatim prefers results inside it."""

# fmt: off
_ADDRESS_TYPES: dict[str, PlacePrecision] = {
    "city_district": "district", "borough": "district", "district": "district",
    "suburb": "neighbourhood", "quarter": "neighbourhood", "neighbourhood": "neighbourhood",
    "city": "city", "town": "city", "village": "city", "municipality": "city",
    "state": "region", "region": "region", "county": "region",
}
# fmt: on
"""Nominatim's ``addresstype`` -> how precise the answer is."""
_COORDINATES = re.compile(r"\s*(-?\d{1,3}(?:\.\d+)?)\s*[,;]\s*(-?\d{1,3}(?:\.\d+)?)\s*")
_GARBAGE = (GeopyError, ValueError, TypeError, KeyError, AttributeError, IndexError)
"""What geopy raises on an answer that is not Nominatim's JSON, or on none at all."""


class Geocoder(Protocol):
    """What the pipeline needs from a geocoder: geopy's geocode and reverse."""

    def geocode(self, query: str, *, exactly_one: bool = True) -> Found: ...

    def reverse(self, query: PointLike, *, exactly_one: bool = True) -> Found: ...


def _answer(found: list[Location], exactly_one: bool) -> Found:
    if not found:
        return None
    return found[0] if exactly_one else found


def _entry_location(entry: Entry) -> Location:
    parts = dict.fromkeys(p for p in (entry.name, entry.district, entry.city) if p)
    return Location(", ".join(parts), Point(entry.lat, entry.lon), dataclasses.asdict(entry))


class OfflineGeocoder:
    """Geocodes names found in the gazetteer, and points by the district polygons."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer or default_gazetteer()

    def geocode(self, query: str, *, exactly_one: bool = True) -> Found:
        """The place ``query`` names; if it names several, the most precise comes first."""
        entry = self._gazetteer.lookup(query)
        if entry is not None:
            return _answer([_entry_location(entry)], exactly_one)
        entries = dict.fromkeys(m.entry for m in self._gazetteer.find(query))
        ranked = sorted(entries, key=lambda e: LOCATION_PRECISIONS.index(e.precision))
        return _answer([_entry_location(e) for e in ranked], exactly_one)

    def reverse(self, query: PointLike, *, exactly_one: bool = True) -> Found:
        """The Kyiv district at a point: ``point`` is the point asked, ``raw`` the district."""
        point = Point(query)
        district = self._gazetteer.district_at(point.latitude, point.longitude)
        entry = self._gazetteer.lookup(district) if district else None
        if entry is None:
            return None
        raw = dataclasses.asdict(entry)
        return _answer([Location(f"{entry.name}, {entry.city}", point, raw)], exactly_one)


def default_cache_path() -> Path:
    """Where Nominatim answers are kept between runs: the user's cache directory."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "strikemap" / "nominatim.json"


class _DiskCache:
    """Query -> Nominatim's raw answers, in one JSON file rewritten on every new answer."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._answers: dict[str, list[dict[str, Any]]] | None = None

    def _load(self) -> dict[str, list[dict[str, Any]]]:
        if self._answers is None:
            self._answers = {}
            if self.path.exists():
                try:
                    self._answers = dict(json.loads(self.path.read_text(encoding="utf-8")))
                except (OSError, ValueError, TypeError) as err:
                    logger.warning("ignoring unreadable geocoder cache %s: %s", self.path, err)
        return self._answers

    def get(self, key: str) -> list[dict[str, Any]] | None:
        return self._load().get(key)

    def put(self, key: str, answer: list[dict[str, Any]]) -> None:
        answers = self._load()
        answers[key] = answer
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
        temporary.replace(self.path)


def _precision(raw: dict[str, Any]) -> PlacePrecision:
    """How precise a Nominatim answer is, from its address type or else its rank."""
    precision = _ADDRESS_TYPES.get(str(raw.get("addresstype")))
    if precision is not None:
        return precision
    try:
        rank = int(raw.get("place_rank") or 30)
    except (TypeError, ValueError):
        rank = 30
    return "landmark" if rank >= 26 else "neighbourhood" if rank >= 17 else "city"


def _town(raw: dict[str, Any]) -> str | None:
    address = raw.get("address")
    if not isinstance(address, dict):
        return None
    keys = ("city", "town", "village", "municipality", "state")
    return next((str(address[k]) for k in keys if address.get(k)), None)


def _valid(raw: object) -> bool:
    if not isinstance(raw, dict):
        return False
    try:
        lat, lon = float(raw["lat"]), float(raw["lon"])
    except (KeyError, TypeError, ValueError):
        return False
    return math.isfinite(lat) and math.isfinite(lon) and abs(lat) <= 90 and abs(lon) <= 180


class NominatimGeocoder:
    """OpenStreetMap's Nominatim, biased to Kyiv, rate-limited and cached on disk.

    When Nominatim times out, fails, answers something unusable or finds nothing, the
    offline geocoder answers instead, so a run never stops for the network.
    """

    def __init__(
        self,
        user_agent: str,
        *,
        domain: str = NOMINATIM_DOMAIN,
        scheme: str = "https",
        timeout: float = 10.0,
        min_delay_seconds: float = 1.0,
        max_retries: int = 1,
        cache_path: Path | None = None,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        """``user_agent`` identifies the application, as Nominatim's usage policy demands."""
        if not user_agent.strip():
            expected = "Nominatim needs a user_agent naming the application"
            raise ConfigError(f"{expected}, got {user_agent!r}")
        self._gazetteer = gazetteer or default_gazetteer()
        self._offline = OfflineGeocoder(self._gazetteer)
        self._domain = domain
        self._cache = _DiskCache(cache_path or default_cache_path())
        nominatim = Nominatim(user_agent=user_agent, domain=domain, scheme=scheme, timeout=timeout)
        self._search = RateLimiter(
            nominatim.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=max_retries,
            error_wait_seconds=max(min_delay_seconds, 2.0),
            swallow_exceptions=False,
        )

    def _fetch(self, query: str) -> list[dict[str, Any]] | None:
        """Nominatim's raw answers, or None when there is no usable answer."""
        try:
            found = self._search(
                query,
                exactly_one=False,
                limit=5,
                addressdetails=True,
                language="en",
                country_codes="ua",
                viewbox=KYIV_VIEWBOX,
            )
        except _GARBAGE as err:
            logger.warning("Nominatim failed on %r (%r); using the offline gazetteer", query, err)
            return None
        raws = [location.raw for location in found or []]
        if not all(_valid(raw) for raw in raws):
            logger.warning("Nominatim answered %r with garbage; using the offline gazetteer", query)
            return None
        return raws

    def _location(self, raw: dict[str, Any]) -> Location:
        """A Nominatim answer as a Location whose raw has the Entry fields, plus the answer."""
        lat, lon = float(raw["lat"]), float(raw["lon"])
        district = self._gazetteer.district_at(lat, lon)
        display = str(raw.get("display_name") or "")
        name = str(raw.get("name") or display.split(",")[0] or f"{lat}, {lon}")
        precision = _precision(raw)
        city = KYIV if district else _town(raw) or name
        kind = cast(Kind, precision)  # every precision is also the name of a kind
        entry = Entry(name, kind, city, district, lat, lon, precision)
        fields = dataclasses.asdict(entry) | {"nominatim": raw}
        return Location(display or name, Point(lat, lon), fields)

    def geocode(self, query: str, *, exactly_one: bool = True) -> Found:
        """Nominatim's answer for ``query``, from the cache when it was asked before."""
        key = f"{self._domain}|{' '.join(query.lower().split())}"
        raws = self._cache.get(key)
        if raws is None:
            raws = self._fetch(query)
            if raws is None:
                return self._offline.geocode(query, exactly_one=exactly_one)
            self._cache.put(key, raws)
        if not raws:
            return self._offline.geocode(query, exactly_one=exactly_one)
        return _answer([self._location(raw) for raw in raws], exactly_one)

    def reverse(self, query: PointLike, *, exactly_one: bool = True) -> Found:
        """The Kyiv district at a point, from the polygons: no request needed for that."""
        return self._offline.reverse(query, exactly_one=exactly_one)


def get_geocoder(
    name: str = "offline",
    *,
    gazetteer: Gazetteer | None = None,
    user_agent: str | None = None,
    domain: str = NOMINATIM_DOMAIN,
    scheme: str = "https",
    timeout: float = 10.0,
    min_delay_seconds: float = 1.0,
    max_retries: int = 1,
    cache_path: Path | None = None,
) -> Geocoder:
    """The geocoder called ``name``; the Nominatim options apply to "nominatim" only."""
    if name == "offline":
        return OfflineGeocoder(gazetteer)
    if name == "nominatim":
        if not user_agent:
            raise ConfigError("geocoder 'nominatim' needs user_agent='<app name and contact>'")
        return NominatimGeocoder(
            user_agent,
            domain=domain,
            scheme=scheme,
            timeout=timeout,
            min_delay_seconds=min_delay_seconds,
            max_retries=max_retries,
            cache_path=cache_path,
            gazetteer=gazetteer,
        )
    raise ConfigError(f"unknown geocoder {name!r}: expected one of {', '.join(GEOCODERS)}")


def _point(query: str) -> tuple[float, float] | None:
    """``query`` as (lat, lon) if it is a pair of coordinates on the globe."""
    match = _COORDINATES.fullmatch(query)
    if match is None:
        return None
    lat, lon = float(match[1]), float(match[2])
    return (lat, lon) if abs(lat) <= 90 and abs(lon) <= 180 else None


def locate(geocoder: Geocoder, query: str) -> Place | None:
    """``query`` (a name, or "lat, lon") as a Place, or None if it cannot be placed.

    A point is taken as given and only its district looked up: it keeps the landmark
    precision of an exact position, and ``method`` says the district came from a polygon.
    """
    point = _point(query)
    found = geocoder.reverse(point) if point else geocoder.geocode(query)
    if isinstance(found, list):
        found = found[0] if found else None
    if found is None:
        return None
    raw = found.raw
    name, precision = raw["name"], raw["precision"]
    method: Literal["gazetteer", "polygon", "online"] = "gazetteer"
    if point:
        name, precision, method = query.strip(), "landmark", "polygon"
    elif "nominatim" in raw:
        method = "online"
    lat, lon = found.latitude, found.longitude
    return Place(name, raw["city"], raw["district"], lat, lon, precision, method)


def place_addresses(report: Report, geocoder: Geocoder) -> Report:
    """Add the places of the streets a report names; their districts fill in a missing one.

    Only Kyiv reports are placed this way, and only results that fall inside the city's
    districts count, so a same-named street elsewhere cannot move an event out of Kyiv.
    """
    if report.city != "Kyiv" or not report.addresses:
        return report
    places = list(report.places)
    for address in report.addresses:
        place = locate(geocoder, f"{address}, Kyiv, Ukraine")
        if place is not None and place.district and place not in places:
            places.append(place)
    districts = report.districts or tuple(dict.fromkeys(p.district for p in places if p.district))
    return dataclasses.replace(report, places=tuple(places), districts=districts)
