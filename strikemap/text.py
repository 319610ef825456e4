"""Splitting article text into paragraphs, sentences and clauses.

Every piece keeps its offsets, so evidence quoted later is an exact substring of the article.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from typing import NamedTuple

from strikemap.lexicon import Cue

_ABBREVIATIONS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "lt",
        "col",
        "sgt",
        "no",
        "vs",
        "etc",
        "approx",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
        "jr",
        "sr",
        "prof",
        "rev",
        "gov",
        "sen",
        "rep",
    ]
)
_ABBREVIATION_CHARS = frozenset(string.ascii_letters + ".")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+|$)")
_CAPTION_CREDIT = Cue(
    r"\((?:[^()]*?\b(?:via|photo|getty|reuters|afp|ap|handout|epa)\b[^()]*)\)|"
    r"\bsource:\s*getty\b|^\s*(?:photo|caption)\s*:"
)


class Sentence(NamedTuple):
    """A sentence with its place in the article and in its paragraph."""

    start: int
    end: int
    text: str
    paragraph: int
    in_caption: bool = False


def split_sentences(text: str) -> list[Sentence]:
    """Split on line breaks and sentence ends, skipping abbreviations such as 'Oct.'."""
    out: list[Sentence] = []
    captions = _CAPTION_CREDIT.possible(text)
    for number, (p_start, p_end) in enumerate(_paragraphs(text)):
        paragraph = text[p_start:p_end]
        caption = captions and bool(_CAPTION_CREDIT.search(paragraph))
        start = 0
        for match in _SENTENCE_END.finditer(paragraph):
            if _is_abbreviation(paragraph, match.start()):
                continue
            _append(out, text, p_start + start, p_start + match.end(), number, caption)
            start = match.end()
        _append(out, text, p_start + start, p_end, number, caption)
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _is_abbreviation(paragraph: str, dot: int) -> bool:
    if paragraph[dot] != ".":
        return False
    start = dot
    while start > 0 and paragraph[start - 1] in _ABBREVIATION_CHARS:
        start -= 1
    if start == dot:
        return False
    token = paragraph[start:dot].lower().strip(".")
    if token in _ABBREVIATIONS:
        return True
    return len(token) == 1 and token.isalpha()


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int, caption: bool) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        start += len(chunk) - len(chunk.lstrip())
        out.append(Sentence(start, start + len(stripped), stripped, paragraph, caption))


_CLAUSE_BREAK = re.compile(
    r"[,;:]\s+|\s+[–—-]\s+|\s+(?=(?:which|while|whereas|follows|following|followed|comes|came|"
    r"a day after|a day before|the day after|the day before|hours after|days after)\b)",
    re.IGNORECASE,
)


def split_clauses(sentence: str, protected: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Cut a sentence at commas and connectives, never inside a protected span (a date)."""
    spans, start = [], 0
    for match in _CLAUSE_BREAK.finditer(sentence):
        if any(s < match.end() and match.start() < e for s, e in protected):
            continue
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(sentence):
        spans.append((start, len(sentence)))
    return spans or [(0, len(sentence))]
