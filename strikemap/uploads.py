"""Articles a user uploads or pastes in the dashboard, read with the same readers as files.

Upload names are untrusted: only a cleaned base name is kept, and files are read from a private
temporary folder, so a name like ../../etc/passwd can neither escape it nor be written anywhere.
What a file's header does not say (outlet, published date, address) the form can fill in.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from strikemap.errors import ConfigError, ReadError
from strikemap.links import web_url
from strikemap.models import Article, Skipped
from strikemap.read import DEFAULT_MAX_BYTES, read_paths, read_text

_UNSAFE = re.compile(r"[^\w.\- ]+")
MAX_FILES = 50
"""Files read from one upload; more are named and skipped. Each file may have up to
DEFAULT_MAX_BYTES, as on the command line (.streamlit/config.toml's maxUploadSize says the same)."""
UPLOAD_MB = DEFAULT_MAX_BYTES // 2**20
UPLOAD_LIMITS = f"Up to {MAX_FILES} files at a time, {UPLOAD_MB} MB each."


def clean_name(name: str) -> str:
    """A harmless file name for display and suffix detection: no folders, no shell characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE.sub("_", base).strip(" .") or "upload"
    return base[:120]


def read_uploads(
    files: Iterable[tuple[str, bytes]], *, pasted: str = "", max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Article], list[Skipped]]:
    """Articles from uploaded (name, content) pairs and pasted text; bad files are reported, and
    so are the files past the first MAX_FILES."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    with tempfile.TemporaryDirectory(prefix="strikemap-upload-") as folder:
        for number, (name, content) in enumerate(files):
            safe = clean_name(name)
            if number >= MAX_FILES:
                skipped.append(
                    Skipped(safe, f"not read: at most {MAX_FILES} files at a time; add it in another round")
                )
                continue
            path = Path(folder) / f"{number:03d}-{safe}"
            if len(content) > max_bytes:
                skipped.append(Skipped(safe, f"too large ({len(content)} bytes; the limit is {max_bytes})"))
                continue
            path.write_bytes(content)
            for item in read_paths([path], max_bytes=max_bytes):
                if isinstance(item, Skipped):
                    where = item.path.replace(str(path), f"upload:{safe}")
                    skipped.append(Skipped(where, item.reason, not_article=item.not_article))
                else:
                    articles.append(_renamed(item, str(path), f"upload:{safe}"))
    if pasted.strip():
        try:
            articles.append(read_text(pasted, path="pasted text"))
        except ReadError as err:
            skipped.append(Skipped("pasted text", err.reason))
    return articles, skipped


def _renamed(article: Article, old: str, new: str) -> Article:
    return replace(article, path=article.path.replace(old, new))


@dataclass(frozen=True, slots=True)
class Given:
    """What the person adding articles says about them: for the articles that do not say it."""

    source: str | None = None
    published: dt.date | None = None
    url: str | None = None


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def given(*, outlet: str = "", published: str = "", url: str = "", today: dt.date | None = None) -> Given:
    """The form's values, checked: an ISO date no later than today and an http(s) address.

    Raises ConfigError saying which value is wrong, what was expected and what arrived.
    """
    day = None
    if published.strip():
        text = published.strip()
        try:
            day = dt.date.fromisoformat(text) if _ISO_DAY.fullmatch(text) else None
        except ValueError:
            day = None
        if day is None:
            raise ConfigError(
                f"Published date: expected a day as YYYY-MM-DD, such as 2023-05-29; got {text!r}."
            )
        if day > (today or dt.date.today()):
            raise ConfigError(f"Published date: {text} is in the future.")
    link = None
    if url.strip():
        link = web_url(url)
        if link is None:
            raise ConfigError(
                f"Article URL: expected a web address starting with http:// or https://; got {url.strip()!r}."
            )
    return Given(source=outlet.strip() or None, published=day, url=link)


def fill_in(articles: list[Article], form: Given) -> tuple[list[Article], list[str]]:
    """The articles with the form's values where they say nothing, and notes for the person.

    What an article says wins: its own outlet, date or web address is never replaced (an address
    that is not http(s) does not count). Outlet and date fill in every article that lacks them; an
    address names one article, so it is given only when exactly one article was read (otherwise a
    note says it was not used).
    """
    notes = []
    url = form.url
    if url and len(articles) != 1:
        notes.append(f"The article URL was not used: it names one article, and {len(articles)} were read.")
        url = None
    out = [
        replace(
            a,
            source=a.source or form.source,
            published=a.published or form.published,
            url=a.url if web_url(a.url) else (url or a.url),
        )
        for a in articles
    ]
    return out, notes
