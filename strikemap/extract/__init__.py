"""Extraction: from an article's text to its reports, one per attack it tells of.

`article.extract` is the stage's one entry point. The rest is what it reads with: sentences and
clauses (`text`), words and patterns (`lexicon`, `needles`), dates, facts of a clause (`facts`,
`casualties_ukru`), places (`gazetteer` and its data), and what is no report of a strike
(`negatives`). Nothing here touches the store or the dashboard.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from strikemap.extract.article import extract

__all__ = ["extract"]


def __getattr__(name: str) -> object:
    """`extract` is imported on first use: a page that only formats a date or looks a place up
    need not compile every pattern of the extractor (most of a second on a server's first page)."""
    if name == "extract":
        from strikemap.extract.article import extract

        return extract
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
