"""How the gazetteer reads the words of a text: case endings, transliteration skeletons, lists.

Pure string work, kept apart from the index so that each spelling rule can be read on its own.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

from strikemap.extract.gazetteer_data import KYIV, Entry

_WORD = re.compile(r"[^\W_]+(?:['’‘`][^\W_]+)*")


_GAP = re.compile(r"(?:['’]s)?[\s\-‐‑–]{1,3}")
"""What may separate the words of one name: spaces, a hyphen, a possessive."""


_ABBREVIATED = re.compile(r"\.\s{1,2}")
"""After a word of up to three letters (St., vul.) a full stop does not end the name."""


_APOSTROPHES = str.maketrans("", "", "'’‘`ʼ")


CYRILLIC = re.compile("[\u0400-\u04ff]")


_VOWELS = "аеєиіїоуюяйьыэ"


_ALTERNATIONS = {"і": "ое", "ї": "є"}
"""Ukrainian vowels of a closed last syllable that change when an ending opens it
(Харків -> Харкова, Ірпінь -> Ірпеня, Київ -> Києва)."""


_MUTATIONS = {"к": "ц", "г": "з", "х": "с"}
"""Ukrainian consonants that change before the locative ending (Борщагівка -> Борщагівці)."""


_MAX_ENDING = 3


_MIN_STEM = 3


SPELLING = "~"
"""Marks the keys of a Latin word's spelling skeleton, which no written name produces."""


ADJECTIVE = re.compile(r"([a-z]+sk)(y|yi|yy|yj|i|ii|iy|ij|oho|omu|om|ym|im|ikh|ykh)?")
"""A Latin adjective of a district name with its case ending (-skyi, -sky, -skiy, -skoho, -skomu),
or bare (-sk); feminine -ska is left out: Dniprovska Embankment is not Dniprovskyi district."""


_VOWEL_RUN = re.compile(r"[aeiouyj]+")


_DOUBLED = re.compile(r"(.)\1+")


MIN_TYPO = 9
"""Letters a word needs before a one-letter slip is forgiven: shorter names are too alike."""


_LIST_AND = frozenset({"and", "or", "та", "і", "й", "и"})


_LIST_GAP = re.compile(r"\s*[,&]\s*")


_LIST_WORDS = frozenset({"district", "districts", "raion", "raions", "rayon", "rayons"})


_MAX_LIST = 12


_AFTER_FOREIGN = re.compile(
    r"\s+(?:(?:city\s+)?(?:districts?|raions?|rayons?)\s+)?(?:of|in)\s+(?:the\s+)?(?:city\s+of\s+)?",
    re.IGNORECASE,
)
"""Between a Kyiv district's name and another city that owns it: 'Shevchenkivskyi district of Kharkiv'."""


_AFTER_FOREIGN_CYRILLIC = re.compile(r"(?:\s+район\w*)?\s+(?:міста\s+|города\s+)?", re.IGNORECASE)
"""'у Шевченківському районі Харкова': the owning city in the genitive, after район."""


_BEFORE_FOREIGN = re.compile(r"['’]s\s+|,\s+in\s+(?:the\s+)?", re.IGNORECASE)
"""Between another city and a district name it owns: "Kharkiv's Shevchenkivskyi district"."""


_CITY_DISTRICT = re.compile(r"\s+(?:city\s+)?(?:district|raion|rayon)\b", re.IGNORECASE)


class Word(NamedTuple):
    start: int
    end: int
    keys: frozenset[str]


class Taken(NamedTuple):
    """A name found in the text, as the span of words it covers; entry None for a blocked phrase."""

    first: int
    last: int
    entry: Entry | None


def normal(word: str) -> str:
    return unicodedata.normalize("NFC", word).translate(_APOSTROPHES).lower().replace("ё", "е")


def _cyrillic_stems(word: str) -> set[str]:
    """Keys of one Cyrillic word of a name: its stem and the stems its case forms use.

    Київ -> {київ, києв}; Борщагівка -> {борщагівк, борщагівц}; Ірпінь -> {ірпін, ірпон, ірпен}.
    """
    low = normal(word)
    stem = low.rstrip(_VOWELS)
    if len(stem) < _MIN_STEM:
        stem = low
    stems = {stem}
    vowels = [i for i, char in enumerate(stem) if char in _VOWELS]
    if vowels and stem[vowels[-1]] in _ALTERNATIONS and vowels[-1] < len(stem) - 1:
        i = vowels[-1]
        stems |= {stem[:i] + vowel + stem[i + 1 :] for vowel in _ALTERNATIONS[stem[i]]}
    if low != stem and stem[-1] in _MUTATIONS:
        stems.add(stem[:-1] + _MUTATIONS[stem[-1]])
    mark = "^" if word[:1].isupper() else ""
    return {mark + s for s in stems}


def name_keys(word: str) -> set[str]:
    return _cyrillic_stems(word) if CYRILLIC.search(word) else {normal(word)}


@functools.lru_cache(maxsize=1 << 16)
def _text_keys(word: str) -> frozenset[str]:
    """Keys a word of the text can match: Cyrillic words may carry a case ending. Remembered for the
    words met most: most words of an article were met in the articles before it."""
    low = normal(word)
    if not CYRILLIC.search(word):
        return frozenset({low, *_spelling_keys(low)})
    prefixes = {low[: len(low) - k] for k in range(1, _MAX_ENDING + 1) if len(low) - k >= _MIN_STEM}
    prefixes.add(low)
    if word[:1].isupper():
        prefixes |= {"^" + p for p in prefixes}
    return frozenset(prefixes)


def spelling_skeleton(word: str) -> str:
    """A Latin spelling with the letters transliterations disagree on made alike.

    Vowel runs become one V (y/i, ia/ya/iya, e/i/o of Russian and Ukrainian forms), g is h,
    doubled letters are single: Solomianskyi, Solomyanskyi and Solomenskiy all read sVlVmVnskV.
    """
    word = word.replace("tch", "ch").replace("g", "h").replace("w", "v")
    return _VOWEL_RUN.sub("V", _DOUBLED.sub(r"\1", word))


def _spelling_keys(low: str) -> tuple[str, ...]:
    """Skeleton keys of a lower-case Latin word: as a noun, and as an adjective with an ending."""
    if not (low.isascii() and low.isalpha()):
        return ()
    adjective = ADJECTIVE.fullmatch(low.replace("g", "h"))
    noun = f"{SPELLING}n:{spelling_skeleton(low)}"
    if adjective is None or not adjective[2]:
        return (noun,)
    return noun, f"{SPELLING}a:{spelling_skeleton(adjective[1])}"


def one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by at most one inserted, dropped, changed or swapped letter."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) > len(b):
        return a[i + 1 :] == b[i:]
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    swapped = a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
    return a[i + 1 :] == b[i + 1 :] or swapped


def split(text: str) -> list[tuple[int, int, str]]:
    """Words with their spans, an English possessive ('s) cut off."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    if "'" not in text and "’" not in text:  # most sentences: no word can end in 's
        return words
    return [_without_possessive(start, end, word) for start, end, word in words]


def _without_possessive(start: int, end: int, word: str) -> tuple[int, int, str]:
    if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS" and not CYRILLIC.search(word):
        return start, end - 2, word[:-2]
    return start, end, word


def read_words(text: str) -> list[Word]:
    if "'" not in text and "’" not in text:  # as `split`, without the list it makes
        # tuple.__new__ makes the same Word without the Python-level __new__ NamedTuple adds
        return [_new(Word, (m.start(), m.end(), _text_keys(m.group()))) for m in _WORD.finditer(text)]
    return [_new(Word, (start, end, _text_keys(word))) for start, end, word in split(text)]


_new = tuple.__new__


def joined(text: str, before: Word, after: Word) -> bool:
    if _GAP.fullmatch(text, before.end, after.start):
        return True
    short = before.end - before.start <= 3
    return short and bool(_ABBREVIATED.fullmatch(text, before.end, after.start))


def _low(text: str, word: Word) -> str:
    return normal(text[word.start : word.end])


_LIST_KEYS = _LIST_WORDS | {"район", "^район"}


_LIST_NEEDLES = ("istrict", "ISTRICT", "aion", "AION", "ayon", "AYON", "айон", "АЙОН")
"""Letters every list word has, searched as plain strings: far faster than a regex over the text."""


def list_word_indices(text: str, words: list[Word]) -> Iterator[int]:
    """Indices of the words that may be 'district(s)', 'raion(s)' or район."""
    for needle in _LIST_NEEDLES:
        at = text.find(needle)
        while at >= 0:
            k = bisect.bisect_right(words, at, key=lambda w: w.start) - 1
            if k >= 0 and words[k].end > at:
                yield k
            at = text.find(needle, at + 1)


def is_list_word(word: Word) -> bool:
    """'district(s)', 'raion(s)', or район in any case (its keys hold the stem)."""
    return not word.keys.isdisjoint(_LIST_KEYS)


_FORWARD = re.compile(r"(?:\s+of(?:\s+the)?\s+|\s*[:—–]\s*)", re.IGNORECASE)


def list_items(
    text: str, words: list[Word], cover: dict[int, int], taken: list[Taken], k: int
) -> list[list[tuple[int, int]]]:
    """The names listed before 'districts' at ``words[k]``, and those after 'districts of', as word spans.

    A name already found is one item however many words it has; one not found is one word.
    """

    def item(j: int) -> tuple[int, int]:
        return (taken[cover[j]].first, taken[cover[j]].last) if j in cover else (j, j + 1)

    def step(a: int, b: int) -> bool:
        """Words a < b are neighbours in a list: 'A, B', 'A & B'."""
        return bool(_LIST_GAP.fullmatch(text, words[a].end, words[b].start))

    before: list[tuple[int, int]] = []
    j = k if k in cover else k - 1
    if j == k - 1 and j >= 0 and _low(text, words[j]) == "city":
        j -= 1
    if j >= 0 and (j == k or text[words[j].end : words[j + 1].start].isspace()):
        while j >= 0 and len(before) < _MAX_LIST:
            first, _ = span = item(j)
            before.append(span)
            p = first - 1
            if p >= 0 and step(p, first):
                j = p
            elif p >= 1 and _low(text, words[p]) in _LIST_AND and _joined_and(text, words, p):
                j = p - 1
            else:
                break
    after: list[tuple[int, int]] = []
    forward = _FORWARD.match(text, words[k].end)
    q = next(
        (q for q in range(k + 1, min(k + 4, len(words))) if forward and words[q].start == forward.end()), None
    )
    last = False
    while q is not None and len(after) < _MAX_LIST:
        span = item(q)
        after.append(span)
        p = span[1]
        if last:
            break  # the item after 'and' ends the list: ', causing ...' is the sentence going on
        if p < len(words) and step(p - 1, p):
            q = p
        elif p + 1 < len(words) and _low(text, words[p]) in _LIST_AND and _joined_and(text, words, p):
            q, last = p + 1, True
        else:
            q = None
    return [items for items in (before[::-1], after) if items]


def _joined_and(text: str, words: list[Word], p: int) -> bool:
    """The 'and' at ``words[p]`` joins two list items: 'A and B', 'A, and B'."""
    before = text[words[p - 1].end : words[p].start]
    return bool(re.fullmatch(r"\s*,?\s+", before)) and text[words[p].end : words[p + 1].start].isspace()


def _in_kyiv(entry: Entry | None) -> bool:
    return entry is not None and entry.city == KYIV


def _owner(entry: Entry | None) -> bool:
    """Another city or oblast, which can own a district named like one of Kyiv's."""
    return entry is not None and entry.kind in ("city", "town", "oblast") and entry.city != KYIV


_LISTED = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|or|та|і|и)\s+|\s*&\s*", re.IGNORECASE)


def kyiv_owned(text: str, words: list[Word], taken: list[Taken]) -> list[bool]:
    """Per name: False for a Kyiv name that another city owns, and the names listed with it.

    'Shevchenkivskyi district of Kharkiv', 'Kyiv district of Odesa', "Zaporizhzhia's Dniprovskyi
    and Shevchenkivskyi districts", 'у Шевченківському районі Харкова'.
    """
    foreign = [False] * len(taken)

    def gap(a: Taken, b: Taken) -> str:
        return text[words[a.last - 1].end : words[b.first].start]

    def owned_by_next(t: Taken, after: str) -> bool:
        said = text[words[t.first].start : words[t.last - 1].end] + after
        if t.entry is not None and t.entry.kind == "city" and not _CITY_DISTRICT.match(after):
            return False
        cyrillic = _AFTER_FOREIGN_CYRILLIC.fullmatch(after) and "район" in said.lower()
        return bool(_AFTER_FOREIGN.fullmatch(after) or cyrillic)

    for i in range(len(taken) - 2, -1, -1):
        t, nxt = taken[i], taken[i + 1]
        if (
            not _in_kyiv(t.entry)
            or t.entry is None
            or t.entry.kind not in ("district", "neighbourhood", "landmark", "city")
        ):
            continue
        between = gap(t, nxt)
        if (_owner(nxt.entry) and owned_by_next(t, between)) or (
            foreign[i + 1] and _in_kyiv(nxt.entry) and _LISTED.fullmatch(between)
        ):
            foreign[i] = True
    for i in range(1, len(taken)):
        prev, t = taken[i - 1], taken[i]
        if foreign[i] or t.entry is None or t.entry.kind not in ("district", "neighbourhood", "landmark"):
            continue
        between = gap(prev, t)
        if (_owner(prev.entry) and _BEFORE_FOREIGN.fullmatch(between)) or (
            foreign[i - 1] and _in_kyiv(prev.entry) and _LISTED.fullmatch(between)
        ):
            foreign[i] = True
    return [not f for f in foreign]
