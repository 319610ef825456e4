"""Who reported what: the outlets table, the articles table and the event-by-outlet matrix."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import pytest
from conftest import make_article

from strikemap.cluster import cluster, make_event
from strikemap.dashboard.coverage import Covered, articles, matrix, outlet_columns, outlets
from strikemap.extract import extract
from strikemap.links import outlet_name
from strikemap.models import Report
from strikemap.views import EventView


def report(source: str | None, article_id: str, day: dt.date | None, **fields: object) -> Report:
    """One article's report of the attack on Kyiv on `day` (primary unless a role is given)."""
    base: dict[str, object] = {
        "article": f"{article_id}.txt",
        "article_id": article_id,
        "key": f"{article_id}:{day}",
        "role": "primary",
        "city": "Kyiv",
        "date": day,
        "date_precision": "day" if day else None,
        "source": source,
        "published": day,
    }
    return Report(**(base | fields))  # type: ignore[arg-type]


def covered(views: Sequence[EventView]) -> list[Covered]:
    """Each event with its reports, as the Sources page hands them to the tables."""
    return [(v, v.event.reports) for v in views]


MAY = dt.date(2023, 5, 16)
JUNE = dt.date(2023, 6, 24)


def corpus() -> list[EventView]:
    """Two attacks: Kyiv Wire reports both (recalling May in its June piece), Podil Post only May."""
    may = make_event(
        [
            report("Kyiv Wire", "kw-may", MAY, title="Drones over Kyiv", districts=("Solomianskyi",)),
            report(
                "Podil Post", "pp-may", MAY, title="Night attack", districts=("Podilskyi", "Solomianskyi")
            ),
            report(
                "Kyiv Wire",
                "kw-june",
                MAY,
                role="background",
                title="Missiles hit high-rise",
                key="kw-june:recall",
                published=JUNE,
            ),
        ],
        event_id="may000000000",
    )
    june = make_event(
        [report("Kyiv Wire", "kw-june", JUNE, title="Missiles hit high-rise", districts=("Solomianskyi",))],
        event_id="june00000000",
    )
    undated = make_event([report(None, "anon", None)], event_id="undated00000")
    return [EventView(may), EventView(june), EventView(undated)]


def test_outlets() -> None:
    assert outlets(covered(corpus())) == [
        {
            "Outlet": "Kyiv Wire",
            "Articles": 2,
            "Events": 2,
            "First event": "2023-05-16",
            "Last event": "2023-06-24",
        },
        {
            "Outlet": "Podil Post",
            "Articles": 1,
            "Events": 1,
            "First event": "2023-05-16",
            "Last event": "2023-05-16",
        },
        {"Outlet": "unknown", "Articles": 1, "Events": 1, "First event": "", "Last event": ""},
    ]


@pytest.mark.parametrize("precision, shown", [("day", "2023-05-16"), ("month", "2023-05"), ("year", "2023")])
def test_an_outlets_first_and_last_event_keep_the_events_precision(precision: str, shown: str) -> None:
    """Regression: an event dated to May was shown as the 1st of May, a day nobody reported."""
    event = make_event([report("Podil Post", "pp", MAY, date_precision=precision)], event_id="p0")
    (row,) = outlets(covered([EventView(event)]))
    assert (row["First event"], row["Last event"]) == (shown, shown)


def test_articles() -> None:
    assert articles(covered(corpus())) == [
        {"Title": "anon.txt", "Outlet": "unknown", "Published": "", "Link": None, "Events": "undated Kyiv"},
        {
            "Title": "Drones over Kyiv",
            "Outlet": "Kyiv Wire",
            "Published": "2023-05-16",
            "Link": None,
            "Events": "2023-05-16 Kyiv",
        },
        {
            "Title": "Night attack",
            "Outlet": "Podil Post",
            "Published": "2023-05-16",
            "Link": None,
            "Events": "2023-05-16 Kyiv",
        },
        {
            "Title": "Missiles hit high-rise",
            "Outlet": "Kyiv Wire",
            "Published": "2023-06-24",
            "Link": None,
            "Events": "2023-05-16 Kyiv; 2023-06-24 Kyiv",
        },
    ]


def test_matrix_marks_primary_recalled_and_absent() -> None:
    assert matrix(covered(corpus())) == [
        {
            "Event": "may000000000",
            "Date": "2023-05-16",
            "City": "Kyiv",
            "Districts": "Podilskyi, Solomianskyi",
            "Kyiv Wire": "✓",
            "Podil Post": "✓",
            "unknown": "",
        },
        {
            "Event": "june00000000",
            "Date": "2023-06-24",
            "City": "Kyiv",
            "Districts": "Solomianskyi",
            "Kyiv Wire": "✓",
            "Podil Post": "",
            "unknown": "",
        },
        {
            "Event": "undated00000",
            "Date": "undated",
            "City": "Kyiv",
            "Districts": "",
            "Kyiv Wire": "",
            "Podil Post": "",
            "unknown": "✓",
        },
    ]


def test_matrix_columns_are_the_event_then_outlets_in_order() -> None:
    assert [list(row) for row in matrix(covered(corpus()))] == [
        ["Event", "Date", "City", "Districts", "Kyiv Wire", "Podil Post", "unknown"]
    ] * 3


def test_matrix_shows_an_outlet_that_only_recalled_an_attack() -> None:
    recalled = make_event(
        [
            report("Podil Post", "pp", MAY),
            report("Left Bank News", "lb", MAY, role="background", published=JUNE),
        ],
        event_id="recalled0000",
    )
    assert matrix(covered([EventView(recalled)])) == [
        {
            "Event": "recalled0000",
            "Date": "2023-05-16",
            "City": "Kyiv",
            "Districts": "",
            "Left Bank News": "↺",
            "Podil Post": "✓",
        }
    ]


@pytest.mark.parametrize("table", [outlets, articles, matrix])
def test_no_events_no_rows(table: Callable[[Sequence[EventView]], list[dict[str, object]]]) -> None:
    assert table([]) == []


def test_tables_of_extracted_events() -> None:
    texts = [
        ("Kyiv Wire", "Russian drones struck Kyiv's Solomianskyi district overnight, officials said."),
        ("Podil Post", "Russian drones struck Kyiv's Solomianskyi district overnight, the mayor said."),
    ]
    found = [
        r
        for number, (outlet, text) in enumerate(texts)
        for r in extract(make_article(text, "2023-05-16", path=f"{number}.txt", source=outlet))
    ]
    (view,) = [EventView(e) for e in cluster(found)]
    assert outlets(covered([view])) == [
        {
            "Outlet": "Kyiv Wire",
            "Articles": 1,
            "Events": 1,
            "First event": "2023-05-16",
            "Last event": "2023-05-16",
        },
        {
            "Outlet": "Podil Post",
            "Articles": 1,
            "Events": 1,
            "First event": "2023-05-16",
            "Last event": "2023-05-16",
        },
    ]
    assert [{k: row[k] for k in ("Kyiv Wire", "Podil Post")} for row in matrix(covered([view]))] == [
        {"Kyiv Wire": "✓", "Podil Post": "✓"}
    ]


@pytest.mark.parametrize(
    "fields, expected",
    [
        (
            {"source": "Kyiv Wire", "url": "https://kyivwire.example/a", "article": "/srv/in/a.txt"},
            {"Title": "a.txt", "Outlet": "Kyiv Wire", "Link": "https://kyivwire.example/a"},
        ),
        (
            {"source": None, "url": "https://www.podilpost.example/b", "article": "upload:b.txt"},
            {"Title": "b.txt", "Outlet": "podilpost.example", "Link": "https://www.podilpost.example/b"},
        ),
        (
            {"source": None, "url": "javascript:alert(1)", "article": "C:\\feeds\\c.csv#4"},
            {"Title": "c.csv#4", "Outlet": "unknown", "Link": None},
        ),
        (
            {"source": "Kyiv Wire", "url": "file:///etc/passwd", "title": "Night"},
            {"Title": "Night", "Outlet": "Kyiv Wire", "Link": None},
        ),
    ],
    ids=["web-link", "outlet-from-site", "javascript-dropped", "file-url-dropped"],
)
def test_articles_link_only_web_addresses_and_show_no_paths(
    fields: dict[str, object], expected: dict[str, object]
) -> None:
    rest = {k: v for k, v in fields.items() if k != "source"}
    view = EventView(make_event([report(fields["source"], "a1", MAY, **rest)], event_id="e0"))  # type: ignore[arg-type]
    (row,) = articles(covered([view]))
    assert {k: row[k] for k in expected} == expected


def test_outlets_are_named_alike_on_the_sources_page_and_in_the_panel() -> None:
    """Regression: the panel said 'Unknown outlet' or a file path where the Sources page said 'unknown'."""
    site = make_event([report(None, "site", JUNE, url="https://www.kyivwire.example/x")], event_id="s0")
    views = [*corpus(), EventView(site)]
    listed = covered(views)
    on_page = {row["Outlet"] for row in outlets(listed)} | {row["Outlet"] for row in articles(listed)}
    in_panels = {outlet_name(r) for v in views for r in v.event.reports}
    assert on_page == in_panels == {"Kyiv Wire", "Podil Post", "unknown", "kyivwire.example"}
    assert set(matrix(covered(views))[0]) - {"Event", "Date", "City", "Districts"} == in_panels


@pytest.mark.parametrize(
    "names, expected",
    [
        (["Kyiv Wire"], {"Kyiv Wire": "Kyiv Wire"}),
        (["City"], {"City": "City (outlet)"}),
        (["City", "City (outlet)"], {"City": "City (outlet 2)", "City (outlet)": "City (outlet)"}),
        (
            ["Date", "Districts", "Event"],
            {"Date": "Date (outlet)", "Districts": "Districts (outlet)", "Event": "Event (outlet)"},
        ),
    ],
)
def test_outlet_columns_never_take_a_column_already_there(names: list[str], expected: dict[str, str]) -> None:
    assert outlet_columns(sorted(names)) == expected


@pytest.mark.parametrize("outlet", ["City", "Event", "Date", "Districts"])
def test_an_outlet_named_like_a_column_does_not_overwrite_it(outlet: str) -> None:
    """Regression: an outlet named `City` replaced every event's city in the coverage grid with ✓."""
    view = EventView(
        make_event([report(outlet, "a1", MAY, districts=("Podilskyi",))], event_id="may000000000")
    )
    assert matrix(covered([view])) == [
        {
            "Event": "may000000000",
            "Date": "2023-05-16",
            "City": "Kyiv",
            "Districts": "Podilskyi",
            f"{outlet} (outlet)": "✓",
        }
    ]
