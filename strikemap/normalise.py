"""Text as a terminal should print it: one line, with nothing hidden or reordered.

A file name or a reason can hold a newline, a control character or a direction override that
would forge or hide a line of output; `printable` shows each as its escape instead.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def printable(text: str) -> str:
    """One line that prints as what it is: newlines, control and direction characters escaped."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True, slots=True)
class Folded:
    """Text as the extractor reads it, and where each of its characters was in the text as written.

    ``starts[i]:ends[i]`` is the span of the written text that character ``i`` came from, so any
    span found in ``text`` maps back to the words as written (`written`).
    """

    text: str
    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.starts)

    def written(self, original: str, start: int, end: int) -> str:
        """The written text behind ``self.text[start:end]``."""
        if not self.changed:
            return original[start:end]
        if start >= end:
            return ""
        return original[self.starts[start] : self.ends[end - 1]]


_HIDDEN_RANGES = (
    (0x00AD, 0x00AD),  # soft hyphen
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x061C, 0x061C),  # Arabic letter mark
    (0x115F, 0x1160),  # Hangul fillers
    (0x17B4, 0x17B5),
    (0x180E, 0x180E),  # Mongolian vowel separator
    (0x200B, 0x200F),  # zero-width space, joiners, direction marks
    (0x202A, 0x202E),  # direction embeddings and overrides
    (0x2060, 0x206F),  # word joiner, invisible operators, direction isolates
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFEFF, 0xFEFF),  # byte order mark
)
"""Characters that show nothing: removed before extraction."""
_HIDDEN = "".join(f"{chr(a)}-{chr(b)}" for a, b in _HIDDEN_RANGES)
_HIDDEN_SET = frozenset(chr(c) for a, b in _HIDDEN_RANGES for c in range(a, b + 1))
_LATIN = "A-Za-z"
_CYRILLIC = "\u0400-\u0482\u048a-\u04ff"
_MIXED = re.compile(rf"[{_LATIN}][{_CYRILLIC}]|[{_CYRILLIC}][{_LATIN}]")
_SHOWS_NOTHING = re.compile(rf"[{_HIDDEN}\u0300-\u036f]")
_LATIN_LETTER = re.compile(rf"[{_LATIN}]")
_PLAIN = re.compile(rf"[\x00-\x9f{_CYRILLIC}\u2013\u2014\u2018\u2019\u201c\u201d\u00ab\u00bb]+")
"""Runs of characters that `fold` leaves as they are (unless a word mixes scripts)."""
_WORD = re.compile(rf"[{_LATIN}{_CYRILLIC}]+")
_TO_LATIN = dict(zip("АВЕКМНОРСТХаеорсухіјѕІЈЅԁ", "ABEKMHOPCTXaeopcyxijsIJSd", strict=True))
_TO_CYRILLIC = {latin: cyr for cyr, latin in _TO_LATIN.items() if cyr not in "ѕЅԁ"}


def _suspect(text: str) -> bool:
    """Whether the text holds what `fold` changes besides NFKC: most articles hold none of it. Each
    search skips through the text at C speed; a text without Latin letters mixes no scripts."""
    if _SHOWS_NOTHING.search(text):
        return True
    return _LATIN_LETTER.search(text) is not None and _MIXED.search(text) is not None


def fold(text: str) -> Folded:
    """Undo disguises that hide words from the extractor, keeping a map back to the text as written.

    NFKC (full-width letters, ligatures, non-breaking spaces), invisible format characters removed
    (zero-width spaces, direction overrides, soft hyphens), accents dropped from Latin letters, and
    look-alike letters of the other script made to match the word they sit in (a Cyrillic `К` in
    `Кyiv`, a Latin `o` in `Київ`). Text with none of these comes back unchanged after one scan;
    otherwise plain runs are copied whole and only the rest is looked at character by character.
    """
    if text.isascii() or (unicodedata.is_normalized("NFKC", text) and not _suspect(text)):
        return Folded(text)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        plain = _PLAIN.match(text, i)
        j = plain.end() if plain else i
        if j < n and j > i and unicodedata.combining(text[j]):
            j -= 1  # the last letter of the run goes with its accents
        if j > i:
            out.append(text[i:j])
            starts.extend(range(i, j))
            ends.extend(range(i + 1, j + 1))
            i = j
            continue
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        folded = _fold_cluster(text[i:j])
        out.append(folded)
        starts.extend([i] * len(folded))
        ends.extend([j] * len(folded))
        i = j
    result = "".join(out)
    if _MIXED.search(result):
        result = _one_script_words(result)
    if result == text:
        return Folded(text)
    return Folded(result, tuple(starts), tuple(ends))


def _fold_cluster(cluster: str) -> str:
    """One letter with its combining marks, or one other character, as the extractor reads it."""
    if cluster[0] in _HIDDEN_SET or unicodedata.category(cluster[0]) == "Cf":
        cluster = cluster[1:]
    base = unicodedata.normalize("NFKC", cluster)
    if base.isascii():
        return base
    letters = "".join(c for c in unicodedata.normalize("NFD", base) if not unicodedata.combining(c))
    if letters.isascii():  # a Latin letter with accents: the accents are what hid it
        return letters
    return "".join(c for c in base if c not in _HIDDEN_SET)


def _one_script_words(text: str) -> str:
    """Words written in two scripts, made one: the look-alikes of the minority script replaced."""
    chars = list(text)
    for word in _WORD.finditer(text):
        w = word.group()
        latin = sum(c.isascii() for c in w)
        if latin == 0 or latin == len(w):
            continue
        table = _TO_LATIN if latin * 2 >= len(w) else _TO_CYRILLIC
        for k in range(word.start(), word.end()):
            chars[k] = table.get(chars[k], chars[k])
    return "".join(chars)
