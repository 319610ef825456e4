"""The pipeline end to end, with the online geocoder switched on against a fake Nominatim."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import make_article
from fake_nominatim import FakeNominatim

from strikemap.geocode import OfflineGeocoder, get_geocoder
from strikemap.pipeline import find_events

STREET_ONLY = "A drone hit a house on Lesi Ukrainky Boulevard in Kyiv overnight."
"""The street is in Pecherskyi; the text names no district."""


@pytest.fixture
def nominatim() -> Iterator[FakeNominatim]:
    answer = {
        "place_id": 1,
        "lat": "50.4240",
        "lon": "30.5400",
        "display_name": "Lesi Ukrainky Boulevard, Kyiv",
        "name": "Lesi Ukrainky Boulevard",
        "place_rank": 26,
        "address": {"city": "Kyiv", "country_code": "ua"},
    }
    fake = FakeNominatim({"lesi ukrainky boulevard, kyiv, ukraine": [answer]})
    thread = threading.Thread(target=fake.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield fake
    fake.shutdown()
    fake.server_close()


def test_the_online_geocoder_places_a_street_in_its_district(
    nominatim: FakeNominatim, tmp_path: Path
) -> None:
    geocoder = get_geocoder(
        "nominatim",
        user_agent="strikemap-tests",
        domain=nominatim.domain,
        scheme="http",
        min_delay_seconds=0.0,
        max_retries=0,
        cache_path=tmp_path / "cache.json",
    )
    (event,) = find_events([make_article(STREET_ONLY, "2024-05-01")], geocoder=geocoder)
    assert event.districts == ("Pecherskyi",)
    assert [(p.name, p.district, p.method) for p in event.places if p.method == "online"] == [
        ("Lesi Ukrainky Boulevard", "Pecherskyi", "online")
    ]
    assert nominatim.queries == ["Lesi Ukrainky Boulevard, Kyiv, Ukraine"]


def test_without_a_geocoder_the_street_stays_unplaced() -> None:
    (event,) = find_events([make_article(STREET_ONLY, "2024-05-01")], geocoder=OfflineGeocoder())
    assert (event.city, event.districts) == ("Kyiv", ())


def test_ingest_goes_on_when_the_online_geocoder_times_out(
    nominatim: FakeNominatim, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from strikemap.ingest import ingest
    from strikemap.store import Store

    nominatim.delay = 1.5
    geocoder = get_geocoder(
        "nominatim", user_agent="strikemap-tests", domain=nominatim.domain, scheme="http",
        timeout=0.3, min_delay_seconds=0.0, max_retries=0, cache_path=tmp_path / "cache.json",
    )  # fmt: skip
    store = Store(str(tmp_path / "store.sqlite"))
    summary = ingest(store, [make_article(STREET_ONLY, "2024-05-01")], geocoder=geocoder)
    assert (summary.added, summary.events_created) == (1, 1)
    warnings = [r.getMessage() for r in caplog.records if r.name == "strikemap" and r.levelname == "WARNING"]
    assert [
        w.startswith("Nominatim failed on 'Lesi Ukrainky Boulevard, Kyiv, Ukraine'") for w in warnings
    ] == [True]
    assert warnings[0].endswith("using the offline gazetteer")
