"""The invented demo corpus, kept in a store of its own so it never mixes with a user's articles.

The dashboard shows the demo store while the user's store holds no article, unless the demo is
switched off (STRIKEMAP_DEMO=off, or the user's "Hide the demo" choice kept in their store).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from strikemap.errors import ConfigError
from strikemap.models import Article
from strikemap.store import Store, present_articles, set_setting, setting

if TYPE_CHECKING:
    from strikemap.ingest import Summary

CORPUS = Path(__file__).resolve().parent.parent / "samples" / "articles"
"""Short articles from invented outlets about invented attacks, written to show every feature."""
HIDDEN = "demo_hidden"
"""The setting, kept in the user's store, that records their choice to hide the demo."""
_ON = {"", "on", "yes", "true", "1"}
_OFF = {"off", "no", "false", "0"}


def enabled(value: str | None) -> bool:
    """Whether STRIKEMAP_DEMO allows the demo: unset or on/yes/true/1 allow it, off/no/false/0 don't."""
    word = (value or "").strip().lower()
    if word in _ON | _OFF:
        return word in _ON
    raise ConfigError(f"STRIKEMAP_DEMO={value!r}: expected on or off")


def shows_demo(*, user_articles: int, allowed: bool, hidden: bool, corpus_present: bool = True) -> bool:
    """Whether the dashboard shows the demo store instead of the user's.

    Only while the user has no article of their own: their first article ends the demo for good.
    """
    return allowed and not hidden and corpus_present and user_articles == 0


def path() -> str:
    """Where the demo store lives: STRIKEMAP_DEMO_DB, or a file in the user's cache folder."""
    given = os.environ.get("STRIKEMAP_DEMO_DB")
    if given:
        return given
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "strikemap"
    base.mkdir(parents=True, exist_ok=True)
    return str(base / "demo.sqlite")


def build(where: str | Path, corpus: Path = CORPUS) -> tuple[Store, Summary | None]:
    """Open the demo store at ``where`` and load whatever of the corpus it lacks.

    Idempotent: a store that already holds every demo article is not written to at all.
    Returns the store and what the load did (None when nothing was missing).
    """
    from strikemap.read import read_paths  # the reader's formats load only when the demo is built

    demo = Store(str(where))
    items = list(read_paths([corpus]))
    ids = [a.id for a in items if isinstance(a, Article)]
    with demo.reading() as conn:
        missing = set(ids) - present_articles(conn, ids)
    if not missing:
        return demo, None
    from strikemap.ingest import ingest  # the extractor's patterns compile only when there is work

    return demo, ingest(demo, items)


def hidden(user: Store) -> bool:
    """Whether the user chose to hide the demo (kept in their store, so it holds for every visit)."""
    return setting(user, HIDDEN) == "yes"


def hide(user: Store) -> None:
    set_setting(user, HIDDEN, "yes")
