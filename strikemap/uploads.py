"""Articles a user uploads or pastes in the dashboard, read with the same readers as files.

Upload names are untrusted: only a cleaned base name is kept, and files are read from a private
temporary folder, so a name like ../../etc/passwd can neither escape it nor be written anywhere.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from strikemap.errors import ReadError
from strikemap.models import Article, Skipped
from strikemap.read import DEFAULT_MAX_BYTES, read_paths, read_text

_UNSAFE = re.compile(r"[^\w.\- ]+")


def clean_name(name: str) -> str:
    """A harmless file name for display and suffix detection: no folders, no shell characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE.sub("_", base).strip(" .") or "upload"
    return base[:120]


def read_uploads(
    files: Iterable[tuple[str, bytes]], *, pasted: str = "", max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Article], list[Skipped]]:
    """Articles from uploaded (name, content) pairs and pasted text; bad files are reported."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    with tempfile.TemporaryDirectory(prefix="strikemap-upload-") as folder:
        for number, (name, content) in enumerate(files):
            safe = clean_name(name)
            path = Path(folder) / f"{number:03d}-{safe}"
            if len(content) > max_bytes:
                skipped.append(Skipped(safe, f"too large ({len(content)} bytes; the limit is {max_bytes})"))
                continue
            path.write_bytes(content)
            for item in read_paths([path], max_bytes=max_bytes):
                if isinstance(item, Skipped):
                    skipped.append(Skipped(item.path.replace(str(path), f"upload:{safe}"), item.reason))
                else:
                    articles.append(_renamed(item, str(path), f"upload:{safe}"))
    if pasted.strip():
        try:
            articles.append(read_text(pasted, path="pasted text"))
        except ReadError as err:
            skipped.append(Skipped("pasted text", err.reason))
    return articles, skipped


def _renamed(article: Article, old: str, new: str) -> Article:
    from dataclasses import replace

    return replace(article, path=article.path.replace(old, new))
