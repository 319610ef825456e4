"""Naming a report's source and linking to it: outlet names, safe web links, file names.

One place decides these, so the panels, the Sources page and the exports say the same thing and
never show a server's file path or a link that is not a web page.
"""

from __future__ import annotations

import re
from typing import Protocol
from urllib.parse import urlsplit

UNKNOWN_OUTLET = "unknown"
_WEB_SCHEMES = frozenset({"http", "https"})
_NOT_IN_URL = re.compile(r"[\s\x00-\x1f\x7f<>\"'`\\]")
"""Characters a web address never holds unencoded; one of them means the text is not a link."""


def web_url(url: str | None) -> str | None:
    """The address when it is an http(s) link to a host, else None (javascript:, file:, junk)."""
    if not url:
        return None
    url = url.strip()
    if _NOT_IN_URL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in _WEB_SCHEMES or not parts.hostname:
        return None
    return url


def host(url: str | None) -> str | None:
    """The site a web link points to, without 'www.': 'kyivindependent.com'."""
    safe = web_url(url)
    if safe is None:
        return None
    name = urlsplit(safe).hostname or ""
    return name.removeprefix("www.") or None


def file_name(path: str) -> str:
    """Where an article was read from, without folders: 'x.txt', 'feed.csv#3', 'pasted text'.

    What it is called in exports and on the pages, so no path on the server reaches a user.
    """
    base = path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return base.removeprefix("upload:") or "article"


class Sourced(Protocol):
    """A report as naming its outlet needs it: a full `Report`, or the Sources page's `ReportSource`."""

    @property
    def source(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...


def outlet_name(report: Sourced) -> str:
    """The outlet as every page and export names it: as stated, else the link's site, else unknown."""
    return report.source or host(report.url) or UNKNOWN_OUTLET
