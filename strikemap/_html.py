"""Read a saved web page: its main text, without menus, link lists and share bars, and its metadata.

A helper of strikemap.read. trafilatura finds the main text (bench/RESULTS.md, "Reading web pages",
says why); our own markup reader is the fallback when it finds nothing or fails.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator
from typing import Any

from bs4 import BeautifulSoup, Tag

from strikemap._formats import field

log = logging.getLogger("strikemap")

_DROP_TAGS = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg"]
_BLOCK_TAGS = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"]
_BOX_WORDS = frozenset(
    {"share", "sharing", "social", "related", "readalso", "readmore", "recommended", "recommendations"}
    | {"promo", "newsletter", "subscribe", "outbrain", "taboola", "tags", "breadcrumbs"}
)
"""Words of a class or id that mark a share bar or a related-links box, not article text."""
_SHORT_BOX = 200
"""A marked box with less text than this is dropped even when it is not mostly links."""
_CLASS_SPLIT = re.compile(r"[-_\s]+")

_LINK_LINE = re.compile(
    r"[ \t]*(?:read also|also read|read more|see also|related|more on this(?: story)?|more on the topic"
    r"|читайте також|також читайте|дивіться також|по темі|читайте также|смотрите также|по теме)"
    r"[ \t]*(?:[:：|»>]|[-–—][ \t])",
    re.IGNORECASE,
)
"""`Read also: ...` and its kind: a pointer to another story, whose places are not this one's."""
_LABEL_LINE = re.compile(
    r"[ \t]*(?:read also|also read|read more|see also"
    r"|related(?: (?:articles|stories|news|links|content|coverage))?|more (?:stories|news)"
    r"|most (?:read|popular)|share(?: this(?: article| story)?)?|share on \w+"
    r"|follow us(?: on \w+)?|читайте також|дивіться також|по темі|читайте также|смотрите также|по теме"
    r"|поділитися|поделиться)[ \t]*[:.…]?[ \t]*",
    re.IGNORECASE,
)
"""A line that is only the label of a link list or a share bar."""
_SHORT_PAGE = 1000
"""On a page this short trafilatura's guesses are unsteady (a list item dropped): where our reader's
text holds all of trafilatura's and more, ours is kept."""
_PRUNE = [
    "//header[not(ancestor::article) and not(.//article)]",
    "//nav[not(.//article)]",
    "//aside[not(.//article)]",
    "//footer[not(.//article)]",
]
"""Page furniture that trafilatura keeps on a page with little text; our reader drops it too. Some
sites put the whole story inside an <aside>: furniture holding an <article> stays."""


def html_fields(html: str) -> tuple[str, dict[str, str | None]]:
    """Main text of a page and its metadata: trafilatura's text, else our markup reader's.

    The metadata in the markup (og: tags, <time>, canonical link) is taken first, as the page
    states it; trafilatura's fills the gaps. The headline heads the text, as in a .txt article.
    """
    text, meta = soup_fields(html)
    found = _trafilatura(html)
    if found is None:
        return drop_link_lines(text), meta
    main, extra = found
    for key, value in extra.items():
        meta[key] = meta.get(key) or value
    if main.strip() and not (len(text) < _SHORT_PAGE and _holds(text, main)):
        headline = extra.get("title") or meta.get("title")
        text = main if not headline or main.startswith(headline) else f"{headline}\n\n{main}"
    return drop_link_lines(text), meta


def _holds(ours: str, theirs: str) -> bool:
    """Whether every line of trafilatura's text is in ours: then ours lost nothing it found."""
    return all(line.strip() in ours for line in theirs.splitlines() if line.strip())


def _trafilatura(html: str) -> tuple[str, dict[str, str | None]] | None:
    """trafilatura's main text and metadata; None when it is not installed or fails on the page."""
    try:
        import trafilatura
    except ImportError:  # an optional speed-up of quality, never a reason to fail reading
        return None
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            prune_xpath=_PRUNE,
            config=_config(),
        )
    except Exception as err:  # a library bug on one odd page must not lose the article
        log.warning("main-text extraction failed (%s); reading the markup as it is", err)
        return None
    if not isinstance(doc, trafilatura.settings.Document):
        return None
    site = field(doc.sitename)
    if site and doc.hostname and site.lower() in doc.hostname.lower():
        site = None  # read off the address, not stated by the page: the address is kept already
    meta = {"title": field(doc.title), "published": field(doc.date), "source": site}
    blocks = (_flat(block) for part in doc.body for block in _blocks(part)) if doc.body is not None else ()
    return "\n\n".join(block for block in blocks if block), meta


def _blocks(part: Any) -> Iterator[Any]:
    """The paragraphs of one part of trafilatura's result: a list's items, a table's rows."""
    inner = {"list": "item", "table": "row"}.get(part.tag)
    yield from (part.iter(inner) if inner else (part,))


def _flat(block: Any) -> str:
    """A paragraph on one line, as our reader gives it: a <br> inside a sentence is a space."""
    return " ".join(" ".join(block.itertext()).split())


@functools.cache
def _config() -> Any:
    """trafilatura's settings, with two changed for our pages.

    A short news brief is a whole article: under trafilatura's default minimum (250 characters)
    it would swap its result for the page's whole text, menus included. Its timeout works by a
    signal, which only the main thread may set, and the dashboard reads pages in other threads.
    """
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "10")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def drop_link_lines(text: str) -> str:
    """The text without `Read also: ...` lines and bare link-list labels (`Related`, `Share`)."""
    kept = [line for line in text.split("\n") if not (_LINK_LINE.match(line) or _LABEL_LINE.fullmatch(line))]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")


def soup_fields(html: str) -> tuple[str, dict[str, str | None]]:
    """Our own reader: the blocks of the <article> (else <main>, else <body>) and the markup's metadata.

    Menus, scripts, footers, share bars, related-links boxes and lists of bare links are left out.
    """
    soup = BeautifulSoup(html, "lxml")  # in C: a 2 MB page in a second, not several
    time_tag = soup.find("time", attrs={"datetime": True})
    canonical = soup.find("link", rel="canonical")
    meta = {
        "title": _meta(soup, "og:title") or _text_of(soup.title) or _text_of(soup.find("h1")),
        "published": _meta(soup, "article:published_time")
        or _attr(time_tag, "datetime")
        or _meta(soup, "date", "pubdate"),
        "source": _meta(soup, "og:site_name"),
        "url": _attr(canonical, "href") or _meta(soup, "og:url"),
    }
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    roots = (soup.find("article"), soup.find("main"), soup.body)
    root = next((tag for tag in roots if isinstance(tag, Tag)), soup)
    for tag in root.find_all(_is_box):
        if not tag.decomposed:  # already gone with a box around it
            tag.decompose()
    blocks = [
        " ".join(block.get_text().split())
        for block in root.find_all(_BLOCK_TAGS)
        if block.find_parent(_BLOCK_TAGS) is None
    ]
    text = "\n\n".join(block for block in blocks if block)
    if not text:
        lines = (" ".join(line.split()) for line in root.get_text("\n").split("\n"))
        text = "\n".join(line for line in lines if line)
    return text, meta


def _is_box(tag: Tag) -> bool:
    """A share bar, related-links box or list of bare links inside the article.

    A marked box is dropped only when it is short or mostly links, so an article wrapped in a
    `has-share-bar` container is not lost with its bar.
    """
    if tag.name in ("html", "body", "article", "main"):
        return False
    if tag.name in ("ul", "ol"):
        items = tag.find_all("li", recursive=False)
        return bool(items) and all(_link_share(li) > 0.8 for li in items)
    names = [*(tag.get("class") or []), str(tag.get("id") or "")]
    words = {w.lower() for name in names for w in _CLASS_SPLIT.split(name)}
    joined = {"".join(_CLASS_SPLIT.split(name.lower())) for name in names}
    if not (words | joined) & _BOX_WORDS:
        return False
    return len(tag.get_text(" ", strip=True)) < _SHORT_BOX or _link_share(tag) > 0.5


def _link_share(tag: Tag) -> float:
    """How much of a tag's text is the text of its links."""
    total = len(tag.get_text(strip=True))
    if not total:
        return 1.0
    return sum(len(a.get_text(strip=True)) for a in tag.find_all("a")) / total


def _meta(soup: BeautifulSoup, *keys: str) -> str | None:
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            if content := _attr(soup.find("meta", attrs={attr: key}), "content"):
                return content
    return None


def _attr(tag: object, name: str) -> str | None:
    value = tag.get(name) if isinstance(tag, Tag) else None
    if not isinstance(value, str):
        return None
    return value.strip() or None


def _text_of(tag: object) -> str | None:
    return field(tag.get_text()) if isinstance(tag, Tag) else None
