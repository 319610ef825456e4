"""JSON and CSV output: the contract shape, and CSV that a spreadsheet cannot execute."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
from conftest import make_article

from strikemap.cluster import cluster
from strikemap.export import (
    finished_apart,
    row,
    safe_cell,
    summary_json,
    table_csv,
    to_csv,
    to_geojson,
    to_json,
)
from strikemap.extract import extract
from strikemap.views import EventView


@pytest.mark.parametrize(
    "value, expected",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+380 44 000", "'+380 44 000"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Kyiv Wire", "Kyiv Wire"),
        ("Київ", "Київ"),
        ("\u200b=HYPERLINK(1)", "'\u200b=HYPERLINK(1)"),
        ("\ufeff+1", "'\ufeff+1"),
        ("\u202e\u2066-1", "'\u202e\u2066-1"),
        ("＝HYPERLINK(1)", "'＝HYPERLINK(1)"),
        ("＋380", "'＋380"),
        ("－1", "'－1"),
        ("＠SUM(A1)", "'＠SUM(A1)"),
        ("\u200b", "\u200b"),
        ("\u200bKyiv", "\u200bKyiv"),
        ("Ｋyiv", "Ｋyiv"),
        (16, 16),
        (None, None),
    ],
)
def test_formula_cells_are_neutralised_and_others_kept(value: object, expected: object) -> None:
    assert safe_cell(value) == expected


def _events(text: str, source: str | None = None):  # type: ignore[no-untyped-def]
    return cluster(extract(make_article(text, "2023-05-28", source=source)))


def test_csv_round_trips_every_value_and_neutralises_formulas() -> None:
    events = _events(
        "Drones hit Kyiv's Holosiivskyi district overnight, killing two people and injuring 5.",
        source="=cmd|' /C calc'!A0",
    )
    text = to_csv(row(e) for e in events)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [(r["date"], r["districts"], r["killed"], r["injured"], r["sources"]) for r in rows] == [
        ("2023-05-28", "Holosiivskyi", "2", "5", "'=cmd|' /C calc'!A0")
    ]


def test_json_follows_the_contract() -> None:
    events = _events("Drones hit Kyiv's Podilskyi district overnight, Vitali Klitschko said.")
    (event,) = json.loads(to_json(events))["events"]
    assert sorted(event) == sorted(
        [
            "id",
            "date",
            "date_precision",
            "time_of_day",
            "city",
            "districts",
            "places",
            "weapons",
            "weapon_models",
            "debris",
            "killed",
            "injured",
            "intercepted",
            "damage",
            "said_by",
            "flags",
            "sources_count",
            "languages",
            "reports",
        ]
    )
    (report,) = event["reports"]
    assert (event["districts"], report["role"], report["said_by"], report["fields"]["districts"]) == (
        ["Podilskyi"],
        "primary",
        ["Vitali Klitschko"],
        ["Podilskyi"],
    )
    assert {e["field"] for e in report["evidence"]} >= {"districts", "weapons", "date", "said_by"}


def test_csv_read_back_gives_every_value_exactly_and_formulas_neutralised() -> None:
    values = [
        "=1+2", "+380 44", "-12", "@SUM(A1)", "\tTAB", "\rCR", "Київ, Подільський район", 'He said "hit"',
        "line one\nline two", "comma, inside", "  spaced  ", "'already quoted", "≈ 40 of 44", "",
    ]  # fmt: skip
    rows = [{"id": f"e{i}", "damage": value, "killed": i} for i, value in enumerate(values)]
    text = to_csv(rows, columns=("id", "damage", "killed"))
    back = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    dangerous = ("=", "+", "-", "@", "\t", "\r")
    expected = [("'" + v) if v.startswith(dangerous) else v for v in values]
    assert [r["damage"] for r in back] == expected
    assert [r["killed"] for r in back] == [str(i) for i in range(len(values))]


@pytest.mark.parametrize(
    "path, url, articles, urls",
    [
        ("/srv/strikemap/uploads/night.txt", "https://kyiv.example/a", "night.txt", "https://kyiv.example/a"),
        ("samples/articles/2023-05-28_wire.txt", None, "2023-05-28_wire.txt", ""),
        ("upload:feed.csv#3", "javascript:alert(1)", "feed.csv#3", ""),
        ("C:\\data\\x.html", "file:///etc/passwd", "x.html", ""),
    ],
    ids=["absolute-path", "relative-path", "javascript-url", "file-url"],
)
def test_csv_geojson_and_json_name_articles_without_paths(
    path: str, url: str | None, articles: str, urls: str
) -> None:
    article = replace(
        make_article("Drones hit Kyiv's Podilskyi district overnight.", "2023-05-28", path=path), url=url
    )
    (event,) = cluster(extract(article))
    (cells,) = csv.DictReader(io.StringIO(to_csv([row(event)]).lstrip("\ufeff")))
    assert (cells["articles"], cells["urls"]) == (articles, urls)
    (feature,) = json.loads(to_geojson([EventView(event)]))["features"]
    assert (feature["properties"]["articles"], feature["properties"]["urls"]) == (articles, urls)
    (report,) = json.loads(to_json([event]))["events"][0]["reports"]
    assert (report["article"], report["url"]) == (articles, urls or None)


@pytest.mark.parametrize("hidden", ["\u200b=1+1", "\ufeff=1+1", "＝1+1", "＋1", "－1", "＠A1"])
def test_csv_export_neutralises_a_formula_behind_invisible_or_full_width_characters(hidden: str) -> None:
    """Regression: a zero-width space, a BOM or a full-width ＝ before a formula kept it live."""
    (row,) = list(csv.reader(io.StringIO(to_csv([{"id": hidden}], columns=("id",), bom=False))))[1:]
    assert row == ["'" + hidden]


@pytest.mark.parametrize("said_by", ['the "finished":{} office', ',"finished":', "Кличко"])
def test_a_summary_keeps_its_finished_columns_apart_whatever_its_strings_hold(said_by: str) -> None:
    """The finished columns are cut off a stored summary by their key, which no string can imitate."""
    (event,) = _events("Drones hit Kyiv's Holosiivskyi district overnight, killing two people.")
    event = replace(event, said_by=(said_by,))
    summary, finished = finished_apart(summary_json(event))
    assert finished is not None
    assert json.loads(summary)["said_by"] == [said_by]
    assert json.loads(finished)["said_by"] == said_by
    assert "finished" not in json.loads(summary)


def test_a_pages_table_downloads_with_its_headers_and_cells_safe_in_a_spreadsheet() -> None:
    """The Sources page's tables: an outlet's name heads a coverage column, so headers are neutralised too."""
    rows = [
        {"Event": "e1", "=Formula Wire": "✓", "Articles": 2, "Link": None},
        {"Event": "@e2", "=Formula Wire": "", "Articles": 0, "Link": "https://x.example/a"},
    ]
    read = list(csv.reader(io.StringIO(table_csv(rows).removeprefix("\ufeff"))))
    assert read == [
        ["Event", "'=Formula Wire", "Articles", "Link"],
        ["e1", "✓", "2", ""],
        ["'@e2", "", "0", "https://x.example/a"],
    ]
    assert table_csv([]) == "\ufeff\r\n"
