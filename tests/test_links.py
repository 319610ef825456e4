"""Naming and linking a report's source: only web links, no server paths, one outlet name."""

from __future__ import annotations

import pytest

from strikemap.links import file_name, outlet_name, web_url
from strikemap.models import Report


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://kyivindependent.com/a-b?x=1#c", "https://kyivindependent.com/a-b?x=1#c"),
        ("http://example.org/x", "http://example.org/x"),
        ("  https://example.org/x \n", "https://example.org/x"),
        ("HTTPS://Example.org/x", "HTTPS://Example.org/x"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        (" javascript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("file:///etc/passwd", None),
        ("/srv/articles/a.txt", None),
        ("example.org/x", None),
        ("https://", None),
        ("https:///path", None),
        ('https://example.org/"onmouseover="alert(1)', None),
        ("https://example.org/<script>", None),
        ("https://exa mple.org/", None),
        ("https://example.org/\x00", None),
        ("https://[::1", None),
        ("", None),
        (None, None),
    ],
)
def test_web_url_keeps_only_http_links(url: str | None, expected: str | None) -> None:
    assert web_url(url) == expected


@pytest.mark.parametrize(
    "path, expected",
    [
        ("samples/articles/2023-05-29_kyiv-wire.txt", "2023-05-29_kyiv-wire.txt"),
        ("/home/me/private/news/a.txt", "a.txt"),
        ("/tmp/strikemap-upload-x/000-a.txt", "000-a.txt"),
        ("C:\\Users\\me\\feeds.csv#12", "feeds.csv#12"),
        ("upload:report.html", "report.html"),
        ("upload:news.jsonl#3", "news.jsonl#3"),
        ("pasted text", "pasted text"),
        ("/", "article"),
    ],
)
def test_file_name_drops_every_folder(path: str, expected: str) -> None:
    assert file_name(path) == expected


@pytest.mark.parametrize(
    "source, url, expected",
    [
        ("Kyiv Wire", "https://other.example/a", "Kyiv Wire"),
        (None, "https://www.pravda.com.ua/news/1", "pravda.com.ua"),
        (None, "https://kyiv.example:8443/a", "kyiv.example"),
        (None, "javascript:alert(1)", "unknown"),
        (None, None, "unknown"),
        ("", None, "unknown"),
    ],
)
def test_outlet_name(source: str | None, url: str | None, expected: str) -> None:
    report = Report("a.txt", "a1", "a1:0", "primary", "Kyiv", None, None, source=source, url=url)
    assert outlet_name(report) == expected
