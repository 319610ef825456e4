"""Splitting article text into paragraphs, sentences and clauses.

Every piece keeps its offsets, so evidence quoted later is an exact substring of the article.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from typing import NamedTuple

from strikemap.extract.dates import MONTHS
from strikemap.extract.lexicon import DATELINE, Cue

_ABBREVIATIONS = frozenset(
    [
        # Short month names; "may" is a whole word, so a full stop after it ends a sentence.
        *(month[:3] for month in MONTHS if month != "may"),
        "sept",
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
_SENTENCE_MARKS = re.compile(r"[.!?…]+[\"'”’)\]]*")
"""A run of end marks and the quotes or brackets closing it, each run read once (a run of 10,000
dots is read once, not 10,000 times); it ends a sentence when a space or the paragraph's end follows."""
_CREDIT_WORD = Cue(r"\b(?:via|photo|getty|reuters|afp|ap|handout|epa)\b")
_PARENTHESES = re.compile(r"\([^()]*\)")
_CAPTION_MARK = Cue(r"\bsource:\s*getty\b|^\s*(?:photo|caption)\s*:|\bphoto\s*:\s*[\w .&/-]{1,40}$")
_CAPTION_HINT = Cue(r"\b(?:via|photo|getty|reuters|afp|ap|handout|epa|caption|ukraine)\b")
_WIRE_CAPTION = re.compile(
    r",\s+Ukraine,?\s+(?:on\s+)?(?:%s)[a-z]*\.?\s+\d{1,2},\s+"
    r"(?:19|20)\d\d\.?\s*(?:\([^()]{0,60}\))?\s*$" % "|".join(month[:3].title() for month in MONTHS)
)
"""Every caption holds one of these words: an article without them has no caption to look for."""
MAX_SENTENCE = 1_000
"""A 'sentence' longer than this (ten times any real one) is cut at spaces, so that no work done per
sentence can grow with the square of an article's length."""


class Sentence(NamedTuple):
    """A sentence with its place in the article and in its paragraph."""

    start: int
    end: int
    text: str
    paragraph: int
    in_caption: bool = False


def split_sentences(text: str) -> list[Sentence]:
    """Split on line breaks and sentence ends, skipping abbreviations such as 'Oct.'.

    A sentence longer than `MAX_SENTENCE` is cut into pieces of at most that length.
    """
    out: list[Sentence] = []
    captions = _CAPTION_HINT.possible(text)
    for number, (p_start, p_end) in enumerate(_paragraphs(text)):
        paragraph = text[p_start:p_end]
        caption = captions and _is_caption(paragraph)
        start = 0
        for match in _SENTENCE_MARKS.finditer(paragraph):
            after = match.end()
            if (after < len(paragraph) and not paragraph[after].isspace()) or _is_abbreviation(
                paragraph, match.start()
            ):
                continue
            _append(out, text, p_start + start, p_start + match.end(), number, caption)
            start = match.end()
        _append(out, text, p_start + start, p_end, number, caption)
    return out


def _is_caption(paragraph: str) -> bool:
    """A photo credit in parentheses, 'Source: Getty', a paragraph opening with 'Photo:' or closing
    with a credit ('... PHOTO: REUTERS'), or one ending as wire photos are captioned:
    '... in Kyiv, Ukraine, September 28, 2025.'"""
    if _CAPTION_MARK.search(paragraph) or _WIRE_CAPTION.search(paragraph):
        return True
    # 'Kyiv (AFP) - Russian missiles ...': the agency of a dateline is no photo credit.
    filed = DATELINE.match(paragraph)
    body = paragraph[filed.end() :] if filed else paragraph
    return any(_CREDIT_WORD.search(group.group()) for group in _PARENTHESES.finditer(body))


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
    if not stripped:
        return
    start += len(chunk) - len(chunk.lstrip())
    end = start + len(stripped)
    while end - start > MAX_SENTENCE:
        cut = _cut(text, start, start + MAX_SENTENCE)
        _append(out, text, start, cut, paragraph, caption)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    out.append(_new(Sentence, (start, end, text[start:end], paragraph, caption)))


_new = tuple.__new__
"""Makes a Sentence without the Python-level __new__ a NamedTuple adds: an article has many."""


def _cut(text: str, start: int, limit: int) -> int:
    """Where a piece of an overlong sentence ends: at its last space in the second half, else at the limit."""
    space = max(text.rfind(" ", start, limit), text.rfind("\t", start, limit))
    return space if space > start + MAX_SENTENCE // 2 else limit


_CLAUSE_BREAK = Cue(
    r"[,;:\s](?:(?<=[,;:])\s+|(?<=\s)(?<!\s\s)\s*(?:[–—-]\s+|(?=(?:which|while|whereas|follows|following|"
    r"followed|comes|came|a day after|a day before|the day after|the day before|hours after|days after)\b)))"
)
"""A punctuation mark and the spaces after it, or a dash or a linking word after spaces. A break
that opens with spaces starts only at the first of them: a run of 10,000 spaces that is no break is
read once, not once per space (which made clause splitting quadratic). Written to open with one set
of characters, which lets the search skip every other character without trying the pattern there."""


def split_clauses(sentence: str, protected: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Cut a sentence at commas and connectives, never inside a protected span (a date).

    ``protected`` spans are sorted and do not overlap.
    """
    spans, start, next_span = [], 0, 0
    for match in _CLAUSE_BREAK.finditer(sentence):
        while next_span < len(protected) and protected[next_span][1] <= match.start():
            next_span += 1
        if next_span < len(protected) and protected[next_span][0] < match.end():
            continue
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(sentence):
        spans.append((start, len(sentence)))
    return spans or [(0, len(sentence))]


def merge_spans(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans sorted, those that overlap or touch joined into one."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
