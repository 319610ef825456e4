"""Tests of the offline gazetteer: the data agrees with the polygons, names are found in text.

Every table row is one case, so a failing spelling or place shows up by name.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from strikemap.errors import ConfigError
from strikemap.extract.gazetteer import Entry, Gazetteer, Mention, default_gazetteer
from strikemap.extract.gazetteer_data import District
from strikemap.models import DISTRICTS, PlacePrecision

GEODATA = Path(__file__).resolve().parents[1] / "geodata"


def _rows(name: str) -> list[dict[str, str]]:
    with (GEODATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


PLACES = _rows("places.csv")
PLACE_ALIASES = [(row["name"], alias) for row in PLACES for alias in row["aliases"].split("|")]
DISTRICT_ALIASES = [(row["district"], row["alias"]) for row in _rows("district_aliases.csv")]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def _found(gazetteer: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.entry.name) for m in gazetteer.find(text)]


@pytest.mark.parametrize("row", PLACES, ids=[row["name"] for row in PLACES])
def test_every_place_lies_in_its_district(gazetteer: Gazetteer, row: dict[str, str]) -> None:
    assert gazetteer.district_at(float(row["lat"]), float(row["lon"])) == row["district"]


@pytest.mark.parametrize("district", DISTRICTS)
def test_district_label_point_lies_in_the_district(gazetteer: Gazetteer, district: str) -> None:
    entry = gazetteer.lookup(district)
    assert entry is not None
    assert gazetteer.district_at(entry.lat, entry.lon) == district


@pytest.mark.parametrize(
    "lat, lon, expected",
    [
        (50.4501, 30.5234, "Shevchenkivskyi"),  # Maidan Nezalezhnosti
        (50.4405, 30.4890, "Solomianskyi"),  # Kyiv-Pasazhyrskyi station
        (50.4652, 30.5151, "Podilskyi"),  # Kontraktova Square
        (50.4346, 30.5571, "Pecherskyi"),  # Pechersk Lavra
        (50.48836, 30.32957, None),  # Kotsiubynske: the hole in Sviatoshynskyi
        (49.98177, 36.25475, None),  # Kharkiv
        (50.20, 30.70, None),  # the Kyiv region point
    ],
)
def test_district_at(gazetteer: Gazetteer, lat: float, lon: float, expected: str | None) -> None:
    assert gazetteer.district_at(lat, lon) == expected


def test_towns_of_the_region_lie_outside_the_city(gazetteer: Gazetteer) -> None:
    outside = [e for e in gazetteer.entries if e.kind in ("town", "region", "oblast")]
    assert [e.name for e in outside if gazetteer.district_at(e.lat, e.lon)] == []


SQUARE = ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0))
HOLE = ((4.0, 4.0), (6.0, 4.0), (6.0, 6.0), (4.0, 6.0), (4.0, 4.0))
ISLAND = ((20.0, 20.0), (22.0, 20.0), (22.0, 22.0), (20.0, 22.0), (20.0, 20.0))


@pytest.mark.parametrize(
    "lat, lon, expected",
    [
        (1.0, 1.0, "Podilskyi"),
        (5.0, 5.0, None),  # inside the hole
        (5.0, 3.9, "Podilskyi"),  # beside the hole
        (21.0, 21.0, "Podilskyi"),  # the second polygon of the MultiPolygon
        (15.0, 15.0, None),  # between the polygons
        (9.99, 5.0, "Podilskyi"),
        (-0.01, 5.0, None),
    ],
)
def test_ray_casting_handles_holes(lat: float, lon: float, expected: str | None) -> None:
    """The district is a MultiPolygon whose first polygon has a hole."""
    district = District("Podilskyi", ((SQUARE, HOLE), (ISLAND,)), (1.0, 1.0))
    assert Gazetteer([district], []).district_at(lat, lon) == expected


@pytest.mark.parametrize(("name", "alias"), PLACE_ALIASES)
def test_every_place_alias_finds_its_place(gazetteer: Gazetteer, name: str, alias: str) -> None:
    assert _found(gazetteer, f"Explosions near {alias} tonight.") == [(alias, name)]


@pytest.mark.parametrize(("district", "alias"), DISTRICT_ALIASES)
def test_every_district_alias_is_found(gazetteer: Gazetteer, district: str, alias: str) -> None:
    assert _found(gazetteer, f"Debris fell in {alias} overnight.") == [(alias, district)]


def test_district_aliases_cover_every_district() -> None:
    assert sorted({district for district, _ in DISTRICT_ALIASES}) == sorted(DISTRICTS)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Shevchenkivskiy", "Shevchenkivskyi"),
        ("Shevchenkovsky", "Shevchenkivskyi"),
        ("Pechersky", "Pecherskyi"),
        ("Podolsky", "Podilskyi"),
        ("Solomensky", "Solomianskyi"),
        ("Solom’yanskyi", "Solomianskyi"),
        ("Svyatoshinsky", "Sviatoshynskyi"),
        ("Obolonsky", "Obolonskyi"),
        ("Desnyansky", "Desnianskyi"),
        ("Dneprovsky", "Dniprovskyi"),
        ("Darnitsky", "Darnytskyi"),
        ("Goloseevsky", "Holosiivskyi"),
        ("Holosiyivskyi", "Holosiivskyi"),
        ("у Шевченківському районі", "Shevchenkivskyi"),
        ("в Шевченковском районе", "Shevchenkivskyi"),
        ("у Печерському районі", "Pecherskyi"),
        ("в Печерском районе", "Pecherskyi"),
        ("у Солом’янському районі", "Solomianskyi"),
        ("у Соломʼянському районі", "Solomianskyi"),
        ("в Соломенском районе", "Solomianskyi"),
        ("у Святошинському районі", "Sviatoshynskyi"),
        ("у Голосіївському районі", "Holosiivskyi"),
        ("в Деснянском районе", "Desnianskyi"),
        ("у Дніпровському районі", "Dniprovskyi"),
        ("Дарницького району", "Darnytskyi"),
        ("на Оболоні", "Obolon"),
        ("на Троєщині", "Troieshchyna"),
        ("на Троещине", "Troieshchyna"),
        ("на Лук’янівці", "Lukianivka"),
        ("на Борщагівці", "Borshchahivka"),
        ("на Позняках", "Pozniaky"),
        ("на Подолі", "Podil"),
        ("у Києві", "Kyiv"),
        ("до Києва", "Kyiv"),
        ("в Киеве", "Kyiv"),
        ("КИЇВ", "Kyiv"),
        ("на Київщині", "Kyiv region"),
        ("у Київській області", "Kyiv region"),
        ("в Киевской области", "Kyiv region"),
        ("у Харкові", "Kharkiv"),
        ("в Харьковской области", "Kharkiv region"),
        ("Troyeshchyna", "Troieshchyna"),
        ("Poznyaki", "Pozniaky"),
        ("Podol", "Podil"),
        ("Lukyanivka", "Lukianivka"),
        ("Borshchagivka", "Borshchahivka"),
        ("Vinogradar", "Vynohradar"),
        ("Akademgorodok", "Akademmistechko"),
        ("Kiev", "Kyiv"),
        ("KYIV", "Kyiv"),
    ],
)
def test_find_spellings(gazetteer: Gazetteer, text: str, expected: str) -> None:
    assert [m.entry.name for m in gazetteer.find(text)] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kyivstar said its network was down.", []),
        ("The Kharkivskyi district of the Kharkiv region.", [("Kharkiv region", "Kharkiv region")]),
        ("Kharkivskyi district", []),
        ("Boats crossed the Dnipro river.", []),
        ("They crossed the Dnipro at night.", []),
        ("the Dnipro River", []),
        ("Desna", []),
        ("Lesi Ukrainky Boulevard, бульвар Лесі Українки", []),
        ("human luck sumo", []),
        ("Kyiv region", [("Kyiv region", "Kyiv region")]),
        ("Kharkiv region", [("Kharkiv region", "Kharkiv region")]),
        ("Kharkiv Oblast", [("Kharkiv Oblast", "Kharkiv region")]),
        ("Kharkivska oblast", [("Kharkivska oblast", "Kharkiv region")]),
        ("Kharkiv", [("Kharkiv", "Kharkiv")]),
        ("in the Dnipro region", [("Dnipro region", "Dnipropetrovsk region")]),
        ("the Dnipro district of Kyiv", [("Dnipro district", "Dniprovskyi"), ("Kyiv", "Kyiv")]),
        ("Dnipro", [("Dnipro", "Dnipro")]),
        ("Podil", [("Podil", "Podil")]),
        ("Podil district", [("Podil district", "Podilskyi")]),
        ("Shevchenko district", [("Shevchenko district", "Shevchenkivskyi")]),
        ("Shevchenko", []),
        (
            "Drones hit Kyiv’s Obolon district and Troyeshchyna.",
            [("Kyiv", "Kyiv"), ("Obolon district", "Obolonskyi"), ("Troyeshchyna", "Troieshchyna")],
        ),
        (
            "Debris fell in Brovary, Bila Tserkva and Bucha, Kyiv Oblast.",
            [
                ("Brovary", "Brovary"),
                ("Bila Tserkva", "Bila Tserkva"),
                ("Bucha", "Bucha"),
                ("Kyiv Oblast", "Kyiv region"),
            ],
        ),
        ("Odessa and Odesa", [("Odessa", "Odesa"), ("Odesa", "Odesa")]),
        ("Zaporozhye", [("Zaporozhye", "Zaporizhzhia")]),
        ("Kyiv. Region officials", [("Kyiv", "Kyiv")]),
        # regression: "Kyiv-Sviatoshynskyi" (a former raion of the region) swallowed the city
        (
            "Kyiv's Sviatoshynskyi district",
            [("Kyiv", "Kyiv"), ("Sviatoshynskyi", "Sviatoshynskyi")],
        ),
        ("Kyiv-Pasazhyrskyi", [("Kyiv-Pasazhyrskyi", "Kyiv-Pasazhyrskyi")]),
        ("Kyiv Pechersk Lavra", [("Kyiv Pechersk Lavra", "Kyiv Pechersk Lavra")]),
        ("Okhmatdyt children’s hospital", [("Okhmatdyt children’s hospital", "Okhmatdyt")]),
    ],
)
def test_find(gazetteer: Gazetteer, text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(gazetteer, text) == expected


def test_find_returns_spans_of_the_text(gazetteer: Gazetteer) -> None:
    text = "Missiles hit Podil and Kyiv's Pechersk district."
    assert gazetteer.find(text) == [
        Mention(gazetteer.lookup("Podil"), 13, 18, "Podil"),  # type: ignore[arg-type]
        Mention(gazetteer.lookup("Kyiv"), 23, 27, "Kyiv"),  # type: ignore[arg-type]
        Mention(gazetteer.lookup("Pecherskyi"), 30, 47, "Pechersk district"),  # type: ignore[arg-type]
    ]


PLACE: PlacePrecision = "neighbourhood"


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Kyiv", Entry("Kyiv", "city", "Kyiv", None, 50.4501, 30.5234, "city")),
        ("kiev", Entry("Kyiv", "city", "Kyiv", None, 50.4501, 30.5234, "city")),
        (
            "Kyiv Oblast",
            Entry("Kyiv region", "region", "Kyiv region", None, 50.20, 30.70, "region"),
        ),
        (
            "Obolon",
            Entry("Obolon", "neighbourhood", "Kyiv", "Obolonskyi", 50.5014, 30.4981, PLACE),
        ),
        (
            "Pechersk district",
            Entry("Pecherskyi", "district", "Kyiv", "Pecherskyi", 50.43062, 30.54757, "district"),
        ),
        (
            "Verkhovna Rada",
            Entry("Verkhovna Rada", "landmark", "Kyiv", "Pecherskyi", 50.447, 30.5369, "landmark"),
        ),
        ("Dnipro river", None),
        ("Shevchenko", None),
        ("Obolon and Podil", None),
        ("Atlantis", None),
        ("", None),
    ],
)
def test_lookup(gazetteer: Gazetteer, name: str, expected: Entry | None) -> None:
    assert gazetteer.lookup(name) == expected


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Brovary", ("Brovary", "town", "Kyiv region", None, "city")),
        ("Boyarka", ("Boiarka", "town", "Kyiv region", None, "city")),
        ("Borodianka", ("Borodianka", "town", "Kyiv region", None, "city")),
        ("Kharkiv", ("Kharkiv", "city", "Kharkiv", None, "city")),
        ("Mykolayiv", ("Mykolaiv", "city", "Mykolaiv", None, "city")),
        ("Kupyansk", ("Kupiansk", "city", "Kupiansk", None, "city")),
        ("Kirovohrad", ("Kropyvnytskyi", "city", "Kropyvnytskyi", None, "city")),
        ("Kharkiv region", ("Kharkiv region", "oblast", "Kharkiv region", None, "region")),
        ("Odesa oblast", ("Odesa region", "oblast", "Odesa region", None, "region")),
        ("Transcarpathia", ("Zakarpattia region", "oblast", "Zakarpattia region", None, "region")),
    ],
)
def test_towns_and_oblasts(
    gazetteer: Gazetteer, name: str, expected: tuple[str, str, str, None, str]
) -> None:
    entry = gazetteer.lookup(name)
    assert entry is not None
    assert (entry.name, entry.kind, entry.city, entry.district, entry.precision) == expected


@pytest.mark.parametrize("centre", ["Kharkiv", "Odesa", "Sumy", "Lviv", "Zaporizhzhia"])
def test_an_oblast_is_placed_at_its_centre(gazetteer: Gazetteer, centre: str) -> None:
    city, region = gazetteer.lookup(centre), gazetteer.lookup(f"{centre} region")
    assert city is not None and region is not None
    assert (region.lat, region.lon) == (city.lat, city.lon)


def _copy_geodata(tmp_path: Path) -> Path:
    folder = tmp_path / "geodata"
    shutil.copytree(GEODATA, folder)
    return folder


def test_load_reads_the_folder_named_by_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy_geodata(tmp_path)
    with (folder / "places.csv").open("a", encoding="utf-8") as handle:
        handle.write("Test Yard,Testyard,landmark,Podilskyi,50.4660,30.5140\n")
    monkeypatch.setenv("STRIKEMAP_GEODATA", str(folder))
    entry = Entry("Test Yard", "landmark", "Kyiv", "Podilskyi", 50.466, 30.514, "landmark")
    assert Gazetteer.load().lookup("Testyard") == entry


@pytest.mark.parametrize(
    "row, message",
    [
        (
            "Nowhere,,landmark,Atlantis,50.45,30.52",
            f"expected a district of {DISTRICTS}, got 'Atlantis'",
        ),
        (
            "Nowhere,,street,Podilskyi,50.45,30.52",
            "expected neighbourhood or landmark, got 'street'",
        ),
        (
            "Nowhere,,landmark,Podilskyi,north,30.52",
            "expected numeric lat, lon: could not convert string to float: 'north'",
        ),
        (
            "Nowhere,,landmark,Podilskyi,nan,30.52",
            "expected numeric lat, lon: (nan, 30.52) is not a latitude and longitude",
        ),
        (
            "Nowhere,,landmark,Podilskyi,50.45,inf",
            "expected numeric lat, lon: (50.45, inf) is not a latitude and longitude",
        ),
        (
            "Nowhere,,landmark,Podilskyi,-1e309,30",
            "expected numeric lat, lon: (-inf, 30.0) is not a latitude and longitude",
        ),
        (
            "Nowhere,,landmark,Podilskyi,95,30.52",
            "expected numeric lat, lon: (95.0, 30.52) is not a latitude and longitude",
        ),
    ],
)
def test_a_bad_places_row_names_the_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    folder = _copy_geodata(tmp_path)
    (folder / "places.csv").write_text(f"name,aliases,kind,district,lat,lon\n{row}\n")
    with pytest.raises(ConfigError) as caught:
        Gazetteer.load(folder)
    assert str(caught.value) == f"{folder / 'places.csv'}:2: {message}"


def _districts(gazetteer: Gazetteer, text: str) -> list[str]:
    return [m.entry.name for m in gazetteer.find(text) if m.entry.kind == "district"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # one adjective, any transliteration and ending: found alone
        ("Solomyanskyi", "Solomianskyi"),
        ("Solomenskiy", "Solomianskyi"),
        ("Solom'ianskyi", "Solomianskyi"),
        ("Holosiyivskiy", "Holosiivskyi"),
        ("Goloseyevskii", "Holosiivskyi"),
        ("Darnitskij", "Darnytskyi"),
        ("Desnjanskyj", "Desnianskyi"),
        ("Dnieprovskiy", "Dniprovskyi"),
        ("Obolons'kyy", "Obolonskyi"),
        ("Pecherskiy", "Pecherskyi"),
        ("Podil's'kyi", "Podilskyi"),
        ("Shevchenkovskiy", "Shevchenkivskyi"),
        ("Swiatoshynskyj", "Sviatoshynskyi"),
        ("Svyatoshinskii", "Sviatoshynskyi"),
        ("the Podilskoho district court", "Podilskyi"),
        ("damage in Darnytskomu", "Darnytskyi"),
        # a noun or a bare -sk form before district / raion, a word between allowed
        ("in the Podolsk district", "Podilskyi"),
        ("Pechersk raion", "Pecherskyi"),
        ("Darnitsa rayon", "Darnytskyi"),
        ("Holosiiv city district", "Holosiivskyi"),
        ("Goloseevo district", "Holosiivskyi"),
        ("Svyatoshino district", "Sviatoshynskyi"),
        ("Solomyanka district", "Solomianskyi"),
        ("Podol district", "Podilskyi"),
        ("Shevchenko city district", "Shevchenkivskyi"),
        # one slipped letter in a long name, next to 'district'
        ("in the Desnyasnsky district", "Desnianskyi"),
        ("Darnytksyi district", "Darnytskyi"),
        ("Shevchenkivsykyi raion", "Shevchenkivskyi"),
        ("Sviatosynskyi district", "Sviatoshynskyi"),
    ],
)
def test_district_read_by_stem_and_variant(gazetteer: Gazetteer, text: str, expected: str) -> None:
    assert _districts(gazetteer, text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Podolsk is near Moscow.", []),  # a bare -sk form without 'district'
        ("Shevchenko spoke.", []),
        ("The Desna flows north.", []),
        ("Desnyasnsky said.", []),  # a slip is forgiven only next to 'district'
        ("Darnytksyi was there.", []),
        ("Dniprovska Embankment", []),  # feminine: a street, elsewhere
        ("Podilska street", []),
        ("Kamianets-Podilskyi", []),
        ("in Kharkiv and Dnipro districts", []),  # not every name of the list is Kyiv's
        ("several Dnipro districts", []),  # one name that is a city on its own stays the city
        ("the Kharkivskyi district", []),
        ("the Odesskyi district", []),  # one slip from no Kyiv district
    ],
)
def test_loose_spellings_need_district_context(gazetteer: Gazetteer, text: str, expected: list[str]) -> None:
    assert _districts(gazetteer, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Debris fell in the Darnytskyi, Dniprovskyi and Desnianskyi districts.",
            ["Darnytskyi", "Dniprovskyi", "Desnianskyi"],
        ),
        (
            "Podilskyi, Pecherskyi and Shevchenkivskyi districts of the capital were hit.",
            ["Podilskyi", "Pecherskyi", "Shevchenkivskyi"],
        ),
        ("In Desnianskyi district: 1) a car park; 2) a school yard.", ["Desnianskyi"]),
        ("in the Darnytsia, Desna and Dnipro districts", ["Darnytskyi", "Desnianskyi", "Dniprovskyi"]),
        ("Obolon, Podil, and Pechersk districts", ["Obolonskyi", "Podilskyi", "Pecherskyi"]),
        (
            "the districts of Darnitsky, Desnyasnsky, Goloseevsky and Shevchenkovsky",
            ["Darnytskyi", "Desnianskyi", "Holosiivskyi", "Shevchenkivskyi"],
        ),
        (
            "in the districts of Darnitsky, Desnyasnsky and Shevchenkovsky, causing outages",
            ["Darnytskyi", "Desnianskyi", "Shevchenkivskyi"],
        ),
        (
            "the Darnytskyi, Dniprovkyi & Desnianskyi raions",
            ["Darnytskyi", "Dniprovskyi", "Desnianskyi"],
        ),
        (
            "у Голосіївському, Печерському та Оболонському районах",
            ["Holosiivskyi", "Pecherskyi", "Obolonskyi"],
        ),
        ("в Святошинском и Соломенском районах", ["Sviatoshynskyi", "Solomianskyi"]),
        ("Bucha, Irpin and the Obolonskyi district", ["Obolonskyi"]),
    ],
)
def test_every_district_of_a_list_is_found(gazetteer: Gazetteer, text: str, expected: list[str]) -> None:
    assert _districts(gazetteer, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Shevchenkivskyi district of Kharkiv was hit.", [("Kharkiv", "Kharkiv")]),
        ("the Kyivskyi district of Odesa", [("Odesa", "Odesa")]),
        ("a Kyiv district of Odesa", [("Odesa", "Odesa")]),
        ("the Dniprovskyi district in Zaporizhzhia", [("Zaporizhzhia", "Zaporizhzhia")]),
        ("Podilskyi district of the Odesa region", [("Odesa region", "Odesa region")]),
        ("Shevchenkivskyi district of the city of Chernivtsi", [("Chernivtsi", "Chernivtsi")]),
        (
            "Zaporizhzhia's Dniprovskyi and Shevchenkivskyi districts",
            [("Zaporizhzhia", "Zaporizhzhia")],
        ),
        ("Shevchenkivskyi and Dniprovskyi districts of Kherson", [("Kherson", "Kherson")]),
        ("in Lviv, in the Shevchenkivskyi district", [("Lviv", "Lviv")]),
        ("у Шевченківському районі Харкова", [("Харкова", "Kharkiv")]),
        ("в Днепровском районе Запорожья", [("Запорожья", "Zaporizhzhia")]),
        # Kyiv's own districts stay
        (
            "Shevchenkivskyi district of Kyiv",
            [("Shevchenkivskyi", "Shevchenkivskyi"), ("Kyiv", "Kyiv")],
        ),
        (
            "Kharkiv and Kyiv's Obolonskyi district",
            [("Kharkiv", "Kharkiv"), ("Kyiv", "Kyiv"), ("Obolonskyi", "Obolonskyi")],
        ),
        (
            "Kharkiv, Shevchenkivskyi district",
            [("Kharkiv", "Kharkiv"), ("Shevchenkivskyi", "Shevchenkivskyi")],
        ),
        ("Obolonskyi district in the morning", [("Obolonskyi", "Obolonskyi")]),
    ],
)
def test_a_district_another_city_owns_is_not_kyivs(
    gazetteer: Gazetteer, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _found(gazetteer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "at 4 a.m. Kyiv time",
        "at 4 a.m. Kiev time",
        "soldiers of the Kyiv regiment",
        "the Kyiv brigade",
        "Dynamo Kyiv won",
        "о 4:00 за київським часом",
    ],
)
def test_kyiv_named_without_a_place(gazetteer: Gazetteer, text: str) -> None:
    assert _found(gazetteer, text) == []


@pytest.mark.parametrize(
    "text, district",
    [
        ("Debris hit the Cabinet of Ministers building.", "Pecherskyi"),
        ("Smoke rose over the government quarter.", "Pecherskyi"),
        ("A missile hit the Okhmatdyt children's hospital.", "Shevchenkivskyi"),
        ("People sheltered at Lukianivska metro station.", "Shevchenkivskyi"),
        ("The blast damaged the Lukyanivska station entrance.", "Shevchenkivskyi"),
        ("A strike near the Retroville mall.", "Podilskyi"),
        ("Drones hit the Kyiv CHP-5.", "Darnytskyi"),
        ("Kyiv's TETs-6 was hit.", "Desnianskyi"),
        ("near Ocean Plaza", "Holosiivskyi"),
        ("влучання біля станції метро Лук'янівська", "Shevchenkivskyi"),
    ],
)
def test_landmark_places_a_strike_in_its_district(gazetteer: Gazetteer, text: str, district: str) -> None:
    assert [m.entry.district for m in gazetteer.find(text) if m.entry.kind == "landmark"] == [district]


@pytest.mark.parametrize(
    "text",
    [
        "the Shevchenko Park in Odesa",
        "Universytet metro station in Kharkiv",
        "Kharkiv CHP-5",
        "Lukianivska metro station in Kharkiv",
    ],
)
def test_landmark_names_other_cities_share_are_not_kyivs(gazetteer: Gazetteer, text: str) -> None:
    assert [m.entry.name for m in gazetteer.find(text) if m.entry.city == "Kyiv"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Оболонський районний суд розглянув справу.",
        "Засідання Печерського районного суду перенесли через тривогу.",
        "В Оболонському районному управлінні поліції розповіли про затримання.",
        "Пошкоджено вагони на Дарницькому вокзалі.",
        "Корки утворилися на Дніпровській набережній.",
        "Рух Подільським мостом тимчасово перекрили.",
        "Голосіївський парк закрили для відвідувачів.",
        "Дарницкий рынок не работал.",
        "На Днепровской набережной образовалась пробка.",
        "Оболонський суд ухвалив рішення.",
    ],
)
def test_a_districts_adjective_naming_its_court_office_or_a_landmark_is_not_the_district(
    gazetteer: Gazetteer, text: str
) -> None:
    assert [m.entry.district for m in gazetteer.find(text)] == []


@pytest.mark.parametrize(
    "text, district",
    [
        ("У Дарницькому районі, біля ринку, горів склад.", "Darnytskyi"),
        ("На Подолі містяни ховалися в метро.", "Podilskyi"),
        ("Уламки впали в Оболонському районі, на набережній.", "Obolonskyi"),
        ("В Голосеевском районе суд не работал.", "Holosiivskyi"),
    ],
)
def test_the_district_itself_before_such_words_is_still_read(
    gazetteer: Gazetteer, text: str, district: str
) -> None:
    assert [m.entry.district for m in gazetteer.find(text)] == [district]


@pytest.mark.parametrize(
    "text, districts",
    [
        ("Святошинський, Дарницький та Солом’янський — там найбільше руйнувань.",
         ["Sviatoshynskyi", "Darnytskyi", "Solomianskyi"]),
        ("Святошинский и Дарницкий — пострадали больше всего.", ["Sviatoshynskyi", "Darnytskyi"]),
        ("Оболонський, Подільський: уламки впали на дахи.", ["Obolonskyi", "Podilskyi"]),
        ("Святошинський, Іванов, Дарницький — так сказали.", ["Darnytskyi"]),
    ],
)  # fmt: skip
def test_a_list_of_bare_district_names_before_a_dash_reads_every_one(
    gazetteer: Gazetteer, text: str, districts: list[str]
) -> None:
    assert [m.entry.district for m in gazetteer.find(text)] == districts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Drones were downed over the Sumy, Kyiv and Chernihiv oblasts.",
            [("Sumy", "Sumy region"), ("Kyiv", "Kyiv region"), ("Chernihiv", "Chernihiv region")],
        ),
        ("Missiles hit Kharkiv and Kyiv regions.", [("Kharkiv", "Kharkiv region"), ("Kyiv", "Kyiv region")]),
        ("Missiles hit Kharkiv, and Kyiv was attacked too.", [("Kharkiv", "Kharkiv"), ("Kyiv", "Kyiv")]),
        ("Drones hit Kyiv and regions across Ukraine.", [("Kyiv", "Kyiv")]),
    ],
)
def test_names_listed_before_oblasts_are_regions(
    gazetteer: Gazetteer, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _found(gazetteer, text) == expected
