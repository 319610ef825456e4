"""Extraction: from an article's text to its reports, one per attack it tells of.

`article.extract` is the stage's one entry point. The rest is what it reads with: sentences and
clauses (`text`), words and patterns (`lexicon`, `needles`), dates, facts of a clause (`facts`,
`casualties_ukru`), places (`gazetteer` and its data), and what is no report of a strike
(`negatives`). Nothing here touches the store or the dashboard.
"""

from strikemap.extract.article import extract

__all__ = ["extract"]
