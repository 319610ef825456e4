"""Tests of the geocoders: one contract for every backend, and Nominatim against a fake server.

The fake Nominatim runs on 127.0.0.1 in a thread, so the tests stay offline.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_nominatim import FakeNominatim
from geopy.location import Location

from strikemap.errors import ConfigError
from strikemap.extract.gazetteer import Gazetteer, default_gazetteer
from strikemap.geocode import (
    Geocoder,
    NominatimGeocoder,
    OfflineGeocoder,
    get_geocoder,
    locate,
)
from strikemap.models import Place

KNOWN = ["Maidan Nezalezhnosti", "Obolon", "Kharkiv"]
"""Names both backends know: the fake Nominatim answers with the gazetteer's points."""


def _answer(gazetteer: Gazetteer, name: str) -> dict[str, object]:
    entry = gazetteer.lookup(name)
    assert entry is not None
    return {
        "place_id": len(name),
        "lat": str(entry.lat),
        "lon": str(entry.lon),
        "display_name": f"{entry.name}, {entry.city}, Ukraine",
        "name": entry.name,
        "place_rank": 30,
        "address": {"city": entry.city, "country_code": "ua"},
    }


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture
def server(gazetteer: Gazetteer) -> Iterator[FakeNominatim]:
    fake = FakeNominatim({name.lower(): [_answer(gazetteer, name)] for name in KNOWN})
    thread = threading.Thread(target=fake.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield fake
    fake.shutdown()
    fake.server_close()


def _nominatim(server: FakeNominatim, cache: Path, gazetteer: Gazetteer) -> NominatimGeocoder:
    return NominatimGeocoder(
        "strikemap-tests",
        domain=server.domain,
        scheme="http",
        timeout=2.0,
        min_delay_seconds=0.0,
        max_retries=0,
        cache_path=cache,
        gazetteer=gazetteer,
    )


@pytest.fixture(params=["offline", "nominatim"])
def geocoder(
    request: pytest.FixtureRequest, server: FakeNominatim, tmp_path: Path, gazetteer: Gazetteer
) -> Geocoder:
    if request.param == "offline":
        return OfflineGeocoder(gazetteer)
    return _nominatim(server, tmp_path / "nominatim.json", gazetteer)


@pytest.mark.parametrize("name", KNOWN)
def test_geocode_finds_a_known_place(geocoder: Geocoder, gazetteer: Gazetteer, name: str) -> None:
    entry = gazetteer.lookup(name)
    assert entry is not None
    found = geocoder.geocode(name)
    assert isinstance(found, Location)
    assert (found.latitude, found.longitude) == (entry.lat, entry.lon)
    assert (found.raw["name"], found.raw["district"]) == (entry.name, entry.district)


@pytest.mark.parametrize("query", ["Qwzxv Plorb", "", "12345"])
def test_geocode_returns_none_for_nonsense(geocoder: Geocoder, query: str) -> None:
    assert geocoder.geocode(query) is None
    assert geocoder.geocode(query, exactly_one=False) is None


@pytest.mark.parametrize("name", KNOWN)
def test_geocode_many_returns_a_list(geocoder: Geocoder, name: str) -> None:
    one = geocoder.geocode(name)
    many = geocoder.geocode(name, exactly_one=False)
    assert isinstance(one, Location) and isinstance(many, list)
    assert [type(m) for m in many] == [Location] * len(many)
    assert (many[0].latitude, many[0].longitude, many[0].raw) == (
        one.latitude,
        one.longitude,
        one.raw,
    )


@pytest.mark.parametrize(
    "query, district",
    [
        ("50.4501, 30.5234", "Shevchenkivskyi"),
        ((50.5014, 30.4981), "Obolonskyi"),
        ((50.48836, 30.32957), None),  # Kotsiubynske, inside the city but not of it
        ("49.98, 36.25", None),
    ],
)
def test_reverse_gives_the_district(
    geocoder: Geocoder, query: str | tuple[float, float], district: str | None
) -> None:
    found = geocoder.reverse(query)
    if district is None:
        assert found is None
        return
    assert isinstance(found, Location)
    assert (found.raw["name"], found.raw["kind"], found.raw["city"]) == (
        district,
        "district",
        "Kyiv",
    )
    many = geocoder.reverse(query, exactly_one=False)
    assert isinstance(many, list) and [m.raw["name"] for m in many] == [district]


def test_offline_raw_holds_the_entry(gazetteer: Gazetteer) -> None:
    found = OfflineGeocoder(gazetteer).geocode("Troyeshchyna")
    assert isinstance(found, Location)
    assert found.raw == dataclasses.asdict(gazetteer.lookup("Troieshchyna"))  # type: ignore[arg-type]
    assert found.address == "Troieshchyna, Desnianskyi, Kyiv"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Obolon district, Kyiv", ["Obolonskyi", "Kyiv"]),
        ("Kyiv, Maidan", ["Maidan Nezalezhnosti", "Kyiv"]),
        ("Brovary, Kyiv region", ["Brovary", "Kyiv region"]),
    ],
)
def test_offline_puts_the_most_precise_place_first(
    gazetteer: Gazetteer, query: str, expected: list[str]
) -> None:
    found = OfflineGeocoder(gazetteer).geocode(query, exactly_one=False)
    assert isinstance(found, list)
    assert [f.raw["name"] for f in found] == expected


def test_nominatim_result_carries_the_district_from_the_polygons(
    server: FakeNominatim, tmp_path: Path, gazetteer: Gazetteer
) -> None:
    found = _nominatim(server, tmp_path / "c.json", gazetteer).geocode("Maidan Nezalezhnosti")
    assert isinstance(found, Location)
    assert found.raw == {
        "name": "Maidan Nezalezhnosti",
        "kind": "landmark",
        "city": "Kyiv",
        "district": "Shevchenkivskyi",
        "lat": 50.4501,
        "lon": 30.5234,
        "precision": "landmark",
        "nominatim": _answer(gazetteer, "Maidan Nezalezhnosti"),
    }
    assert server.queries == ["Maidan Nezalezhnosti"]


def test_nominatim_answers_again_from_the_disk_cache(
    server: FakeNominatim, tmp_path: Path, gazetteer: Gazetteer
) -> None:
    cache = tmp_path / "cache" / "nominatim.json"
    first = _nominatim(server, cache, gazetteer).geocode("Kharkiv")
    again = _nominatim(server, cache, gazetteer).geocode("kharkiv ")
    assert isinstance(first, Location) and isinstance(again, Location)
    assert (again.point, again.raw) == (first.point, first.raw)
    assert server.queries == ["Kharkiv"]
    assert list(json.loads(cache.read_text(encoding="utf-8"))) == [f"{server.domain}|kharkiv"]


def _offline_answer(gazetteer: Gazetteer, query: str) -> tuple[object, object]:
    found = OfflineGeocoder(gazetteer).geocode(query)
    assert isinstance(found, Location)
    return found.point, found.raw


def _warnings(caplog: pytest.LogCaptureFixture) -> list[tuple[str, int]]:
    return [(r.name, r.levelno) for r in caplog.records if r.name == "strikemap"]


def test_nominatim_timeout_falls_back_to_offline(
    server: FakeNominatim, tmp_path: Path, gazetteer: Gazetteer, caplog: pytest.LogCaptureFixture
) -> None:
    server.delay = 1.0
    geocoder = NominatimGeocoder(
        "strikemap-tests",
        domain=server.domain,
        scheme="http",
        timeout=0.2,
        min_delay_seconds=0.0,
        max_retries=0,
        cache_path=tmp_path / "c.json",
        gazetteer=gazetteer,
    )
    with caplog.at_level(logging.WARNING, logger="strikemap"):
        found = geocoder.geocode("Obolon")
    assert isinstance(found, Location)
    assert (found.point, found.raw) == _offline_answer(gazetteer, "Obolon")
    assert _warnings(caplog) == [("strikemap", logging.WARNING)]
    assert not (tmp_path / "c.json").exists()


@pytest.mark.parametrize(
    "body",
    [
        b"<html>Bad gateway</html>",
        b'{"unexpected": true}',
        b'"hello"',
        b'[{"lat": "north", "lon": "east"}]',
        b'[{"lat": "95.0", "lon": "30.5"}]',
        b"[1, 2, 3]",
    ],
)
def test_nominatim_garbage_falls_back_to_offline(
    server: FakeNominatim,
    tmp_path: Path,
    gazetteer: Gazetteer,
    caplog: pytest.LogCaptureFixture,
    body: bytes,
) -> None:
    server.body = body
    geocoder = _nominatim(server, tmp_path / "c.json", gazetteer)
    with caplog.at_level(logging.WARNING, logger="strikemap"):
        first = geocoder.geocode("Obolon")
        again = geocoder.geocode("Obolon")
    assert isinstance(first, Location) and isinstance(again, Location)
    assert (first.point, first.raw) == _offline_answer(gazetteer, "Obolon")
    assert _warnings(caplog) == [("strikemap", logging.WARNING)] * 2
    assert server.queries == ["Obolon", "Obolon"]  # garbage is not cached


def test_nominatim_without_an_answer_asks_the_gazetteer(
    server: FakeNominatim, tmp_path: Path, gazetteer: Gazetteer
) -> None:
    found = _nominatim(server, tmp_path / "c.json", gazetteer).geocode("Troyeshchyna")
    assert isinstance(found, Location)
    assert (found.point, found.raw) == _offline_answer(gazetteer, "Troyeshchyna")


def test_an_unreadable_cache_is_ignored_with_a_warning(
    server: FakeNominatim, tmp_path: Path, gazetteer: Gazetteer, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "c.json"
    cache.write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="strikemap"):
        found = _nominatim(server, cache, gazetteer).geocode("Kharkiv")
    assert isinstance(found, Location)
    assert _warnings(caplog) == [("strikemap", logging.WARNING)]
    assert list(json.loads(cache.read_text(encoding="utf-8"))) == [f"{server.domain}|kharkiv"]


@pytest.mark.parametrize(
    "name, user_agent, expected",
    [("offline", None, OfflineGeocoder), ("nominatim", "strikemap-tests", NominatimGeocoder)],
)
def test_get_geocoder_by_name(
    gazetteer: Gazetteer, tmp_path: Path, name: str, user_agent: str | None, expected: type
) -> None:
    cache = tmp_path / "c.json"
    geocoder = get_geocoder(name, gazetteer=gazetteer, user_agent=user_agent, cache_path=cache)
    assert type(geocoder) is expected


@pytest.mark.parametrize(
    "name, user_agent, message",
    [
        ("google", None, "unknown geocoder 'google': expected one of nominatim, offline"),
        ("nominatim", None, "geocoder 'nominatim' needs user_agent='<app name and contact>'"),
        ("nominatim", " ", "Nominatim needs a user_agent naming the application, got ' '"),
    ],
)
def test_get_geocoder_rejects_bad_settings(
    gazetteer: Gazetteer, name: str, user_agent: str | None, message: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        get_geocoder(name, gazetteer=gazetteer, user_agent=user_agent)
    assert str(caught.value) == message
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Obolon", Place("Obolon", "Kyiv", "Obolonskyi", 50.5014, 30.4981, "neighbourhood")),
        ("Kiev", Place("Kyiv", "Kyiv", None, 50.4501, 30.5234, "city")),
        (
            "50.4501, 30.5234",
            Place(
                "50.4501, 30.5234",
                "Kyiv",
                "Shevchenkivskyi",
                50.4501,
                30.5234,
                "landmark",
                "polygon",
            ),
        ),
        ("49.98, 36.25", None),
        ("Qwzxv Plorb", None),
    ],
)
def test_locate_offline(gazetteer: Gazetteer, query: str, expected: Place | None) -> None:
    assert locate(OfflineGeocoder(gazetteer), query) == expected


def test_locate_online(server: FakeNominatim, tmp_path: Path, gazetteer: Gazetteer) -> None:
    geocoder = _nominatim(server, tmp_path / "c.json", gazetteer)
    place = locate(geocoder, "Maidan Nezalezhnosti")
    name, district = "Maidan Nezalezhnosti", "Shevchenkivskyi"
    assert place == Place(name, "Kyiv", district, 50.4501, 30.5234, "landmark", "online")
