"""Offline gazetteer: finds Kyiv districts, neighbourhoods, landmarks and Ukrainian towns in text.

Pure and network-free, so extraction and tests never wait on a geocoding service.
"""

from __future__ import annotations

import bisect
import functools
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from strikemap import gazetteer_data as data
from strikemap import gazetteer_names
from strikemap.gazetteer_data import Kind, Record
from strikemap.models import PlacePrecision

__all__ = ["Entry", "Gazetteer", "Mention", "default_gazetteer"]

_PRECISION: dict[Kind, PlacePrecision] = {
    "district": "district",
    "neighbourhood": "neighbourhood",
    "landmark": "landmark",
    "city": "city",
    "town": "city",
    "region": "region",
    "oblast": "region",
}
_WORD = re.compile(r"[^\W_]+(?:['’‘`][^\W_]+)*")
_GAP = re.compile(r"(?:['’]s)?[\s\-‐‑–]{1,3}")
"""What may separate the words of one name: spaces, a hyphen, a possessive."""
_ABBREVIATED = re.compile(r"\.\s{1,2}")
"""After a word of up to three letters (St., vul.) a full stop does not end the name."""
_APOSTROPHES = str.maketrans("", "", "'’‘`ʼ")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_VOWELS = "аеєиіїоуюяйьыэ"
_ALTERNATIONS = {"і": "ое", "ї": "є"}
"""Ukrainian vowels of a closed last syllable that change when an ending opens it
(Харків -> Харкова, Ірпінь -> Ірпеня, Київ -> Києва)."""
_MUTATIONS = {"к": "ц", "г": "з", "х": "с"}
"""Ukrainian consonants that change before the locative ending (Борщагівка -> Борщагівці)."""
_MAX_ENDING = 3
_MIN_STEM = 3
_SPELLING = "~"
"""Marks the keys of a Latin word's spelling skeleton, which no written name produces."""
_ADJECTIVE = re.compile(r"([a-z]+sk)(y|yi|yy|yj|i|ii|iy|ij|oho|omu|om|ym|im|ikh|ykh)?")
"""A Latin adjective of a district name with its case ending (-skyi, -sky, -skiy, -skoho, -skomu),
or bare (-sk); feminine -ska is left out: Dniprovska Embankment is not Dniprovskyi district."""
_VOWEL_RUN = re.compile(r"[aeiouyj]+")
_DOUBLED = re.compile(r"(.)\1+")
_MIN_TYPO = 9
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


@dataclass(frozen=True, slots=True)
class Entry:
    """A named place the gazetteer knows, with the point used to map it."""

    name: str
    kind: Kind
    city: str
    district: str | None
    lat: float
    lon: float
    precision: PlacePrecision


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an entry is named in a text: ``text == source[start:end]``."""

    entry: Entry
    start: int
    end: int
    text: str


@dataclass(slots=True)
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    entry: Entry | None = None
    terminal: bool = False
    """True where a name ends; a terminal node without entry is a blocked phrase."""
    rank: int = 0
    """Order in which names were added: of two equally good matches, the first added wins."""


class _Word(NamedTuple):
    start: int
    end: int
    keys: frozenset[str]


class _Taken(NamedTuple):
    """A name found in the text, as the span of words it covers; entry None for a blocked phrase."""

    first: int
    last: int
    entry: Entry | None


def _normal(word: str) -> str:
    return unicodedata.normalize("NFC", word).translate(_APOSTROPHES).lower().replace("ё", "е")


def _cyrillic_stems(word: str) -> set[str]:
    """Keys of one Cyrillic word of a name: its stem and the stems its case forms use.

    Київ -> {київ, києв}; Борщагівка -> {борщагівк, борщагівц}; Ірпінь -> {ірпін, ірпон, ірпен}.
    """
    low = _normal(word)
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


def _name_keys(word: str) -> set[str]:
    return _cyrillic_stems(word) if _CYRILLIC.search(word) else {_normal(word)}


@functools.lru_cache(maxsize=1 << 16)
def _text_keys(word: str) -> frozenset[str]:
    """Keys a word of the text can match: Cyrillic words may carry a case ending."""
    low = _normal(word)
    if not _CYRILLIC.search(word):
        return frozenset({low, *_spelling_keys(low)})
    prefixes = {low[: len(low) - k] for k in range(1, _MAX_ENDING + 1) if len(low) - k >= _MIN_STEM}
    prefixes.add(low)
    if word[:1].isupper():
        prefixes |= {"^" + p for p in prefixes}
    return frozenset(prefixes)


def _skeleton(word: str) -> str:
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
    adjective = _ADJECTIVE.fullmatch(low.replace("g", "h"))
    noun = f"{_SPELLING}n:{_skeleton(low)}"
    if adjective is None or not adjective[2]:
        return (noun,)
    return noun, f"{_SPELLING}a:{_skeleton(adjective[1])}"


def _one_edit(a: str, b: str) -> bool:
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


def _split(text: str) -> list[tuple[int, int, str]]:
    """Words with their spans, an English possessive ('s) cut off."""
    words = []
    for match in _WORD.finditer(text):
        start, end, word = match.start(), match.end(), match.group()
        if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS" and not _CYRILLIC.search(word):
            word, end = word[:-2], end - 2
        words.append((start, end, word))
    return words


def _words(text: str) -> list[_Word]:
    return [_Word(start, end, _text_keys(word)) for start, end, word in _split(text)]


def _joined(text: str, before: _Word, after: _Word) -> bool:
    if _GAP.fullmatch(text, before.end, after.start):
        return True
    short = before.end - before.start <= 3
    return short and bool(_ABBREVIATED.fullmatch(text, before.end, after.start))


def _entry(r: Record) -> Entry:
    return Entry(r.name, r.kind, r.city, r.district, r.lat, r.lon, _PRECISION[r.kind])


def _in_ring(x: float, y: float, ring: data.Ring) -> bool:
    inside = False
    x1, y1 = ring[-1]
    for x2, y2 in ring:
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
        x1, y1 = x2, y2
    return inside


def _in_polygon(x: float, y: float, polygon: data.Polygon) -> bool:
    outer, *holes = polygon
    return _in_ring(x, y, outer) and not any(_in_ring(x, y, hole) for hole in holes)


class Gazetteer:
    """Names of places mapped to entries, and the district polygons of Kyiv."""

    def __init__(self, districts: Iterable[data.District], records: Iterable[Record]) -> None:
        """Index ``records`` in order: when two share a spelling, the earlier one keeps it."""
        self._districts = tuple(districts)
        self._root = _Node()
        self._count = 0
        self._by_name: dict[str, Entry] = {}
        for phrase in (*gazetteer_names.BLOCKED, *gazetteer_names.KYIV_NOT_PLACES):
            self._add(phrase, None)
        self._typo_targets: list[tuple[str, Entry]] = []
        for record in records:
            entry = _entry(record)
            self._by_name.setdefault(record.name, entry)
            for alias in (record.name, *record.aliases):
                self._add(alias, entry)
            if record.kind == "district" and record.city == data.KYIV:
                self._add_spellings(entry)

    @classmethod
    def load(cls, folder: Path | None = None) -> Gazetteer:
        """Read ``folder`` (default: $STRIKEMAP_GEODATA, else the repository's geodata/)."""
        folder = folder or geodata_folder()
        districts = data.read_districts(folder / "kyiv_districts.geojson")
        aliases = data.read_district_aliases(folder / "district_aliases.csv")
        records = [
            Record(d.name, "district", data.KYIV, d.name, *d.label, tuple(aliases.get(d.name, ())))
            for d in districts
        ]
        records += data.read_places(folder / "places.csv")
        records += data.kyiv_records()
        towns = data.town_records()
        records += data.oblast_records({t.name: t for t in towns})
        records += towns
        return cls(districts, records)

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(self._by_name.values())

    def _add(self, name: str, entry: Entry | None) -> None:
        self._add_path([_name_keys(word) for _, _, word in _split(name)], entry)

    def _add_spellings(self, entry: Entry) -> None:
        """A district read by the skeleton of its adjective and, before 'district', of its nouns.

        The adjective stands alone (Solomenskiy, Podilskoho); a noun needs 'district' after it,
        since alone it is a neighbourhood, another city or a surname (Podil, Dnipro, Shevchenko).
        """
        stem = _ADJECTIVE.fullmatch(_normal(entry.name).replace("g", "h"))
        if stem is None:
            return
        base = _skeleton(stem[1])
        self._add_path([{f"{_SPELLING}a:{base}"}], entry)
        self._typo_targets += [(base + ending, entry) for ending in ("V", "VhV", "VmV")]
        nouns = [stem[1], *gazetteer_names.DISTRICT_NOUNS.get(entry.name, "").split("|")]
        keys = {f"{_SPELLING}n:{_skeleton(_normal(n))}" for n in nouns if n}
        district = set(gazetteer_names.DISTRICT_WORDS)
        self._add_path([keys, district], entry)
        self._add_path([keys, {"city"}, district], entry)

    def _add_path(self, path: list[set[str]], entry: Entry | None) -> None:
        """Add a name given as the keys each of its words may have."""
        nodes = [self._root]
        for keys in path:
            nodes = [node.children.setdefault(k, _Node()) for node in nodes for k in keys]
        for node in nodes:
            if not node.terminal:
                node.terminal, node.entry, node.rank = True, entry, self._count
        self._count += 1

    def _longest(self, text: str, words: list[_Word], first: int) -> tuple[int, _Node] | None:
        """The name starting at ``words[first]`` that covers the most words.

        Among names covering the same words, the one matching more letters (the shorter case
        ending) wins, then the one added first.
        """
        best: tuple[int, int, int, _Node] | None = None
        stack = [(self._root, first, 0)]
        while stack:
            node, i, letters = stack.pop()
            score = (i, letters, -node.rank)
            if node.terminal and i > first and (best is None or score > best[:3]):
                best = (*score, node)
            if i == len(words) or (i > first and not _joined(text, words[i - 1], words[i])):
                continue
            for key in words[i].keys & node.children.keys():
                # a skeleton counts no letters: a name as written beats one read by its skeleton
                weight = 0 if key[0] == _SPELLING else len(key)
                stack.append((node.children[key], i + 1, letters + weight))
        return None if best is None else (best[0], best[3])

    def find(self, text: str) -> list[Mention]:
        """Every place named in ``text``, in order; overlapping names go to the longest.

        Then names in a list of districts are read as districts, and a Kyiv district's name that
        belongs to another city ('Shevchenkivskyi district of Kharkiv') is dropped.
        """
        words = _words(text)
        taken = self._district_lists(text, words, self._names(text, words))
        keep = _kyiv_owned(text, words, taken)
        return [
            Mention(
                entry, words[first].start, words[last - 1].end, text[words[first].start : words[last - 1].end]
            )
            for i, (first, last, entry) in enumerate(taken)
            if entry is not None and keep[i]
        ]

    def _names(self, text: str, words: list[_Word]) -> list[_Taken]:
        """The longest name at each word, overlaps resolved; blocked phrases (entry None) kept."""
        starts = self._root.children.keys()
        found = []
        for first in range(len(words)):
            if starts.isdisjoint(words[first].keys):
                continue
            match = self._longest(text, words, first)
            if match is not None:
                last, node = match
                found.append((words[first].start, words[last - 1].end, first, last, node.entry))
        found.sort(key=lambda f: (f[0] - f[1], f[0]))
        # Two names overlap exactly when they share a word: marking words taken keeps this linear.
        used = [False] * len(words)
        taken: list[_Taken] = []
        for _, _, first, last, entry in found:
            if not any(used[first:last]):
                used[first:last] = [True] * (last - first)
                taken.append(_Taken(first, last, entry))
        return sorted(taken, key=lambda t: t.first)

    def _district_lists(self, text: str, words: list[_Word], taken: list[_Taken]) -> list[_Taken]:
        """Names listed before or after 'district(s)' read as Kyiv districts, when all of them can.

        'the Darnytsia, Desna and Dnipro districts', 'Desnyasnsky district' (one slip),
        'у Голосіївському, Печерському та Оболонському районах'. A name that means another place
        on its own (Dnipro) is taken over only in a list of two or more.
        """
        at = sorted({k for k in _list_word_indices(text, words) if _is_list_word(words[k])})
        if not at:
            return taken
        cover: dict[int, int] = {}
        for i, t in enumerate(taken):
            cover.update(dict.fromkeys(range(t.first, t.last), i))
        changed: dict[int, _Taken] = {}
        for k in at:
            for items in _list_items(text, words, cover, taken, k):
                forms = [self._district_form(text, words, cover, taken, item) for item in items]
                if any(form is None for form in forms):
                    continue
                for (first, last), form in zip(items, forms, strict=True):
                    held = taken[cover[first]].entry if first in cover else None
                    if form is None or held == form:
                        continue
                    if held is None or held.district == form.district or len(items) > 1:
                        changed[first] = _Taken(first, last, form)
        if not changed:
            return taken
        kept = [t for t in taken if not any(t.first <= f < t.last for f in changed)]
        return sorted(kept + list(changed.values()), key=lambda t: t.first)

    def _district_form(
        self, text: str, words: list[_Word], cover: dict[int, int], taken: list[_Taken], item: tuple[int, int]
    ) -> Entry | None:
        """The Kyiv district the listed name ``item`` (word span) reads as, if any."""
        first, last = item
        if first in cover and taken[cover[first]].entry is not None:
            held = taken[cover[first]].entry
            if held is not None and held.kind == "district" and held.city == data.KYIV:
                return held
        name = text[words[first].start : words[last - 1].end]
        word = "район" if _CYRILLIC.search(name) else "district"
        entry = self.lookup(f"{name} {word}")
        if entry is not None and entry.kind == "district" and entry.city == data.KYIV:
            return entry
        if last - first == 1 and first not in cover and len(name) >= _MIN_TYPO and name.isascii():
            return self._typo(_normal(name))
        return None

    def _typo(self, low: str) -> Entry | None:
        """The one Kyiv district whose adjective ``low`` misspells by one letter, if only one."""
        skeleton = _skeleton(low)
        near = {entry.name: entry for target, entry in self._typo_targets if _one_edit(skeleton, target)}
        return next(iter(near.values())) if len(near) == 1 else None

    def lookup(self, name: str) -> Entry | None:
        """The entry ``name`` spells out in full, if any."""
        words = _words(name)
        match = self._longest(name, words, 0) if words else None
        if match is None or match[0] != len(words):
            return None
        return match[1].entry

    def district_at(self, lat: float, lon: float) -> str | None:
        """The Kyiv district containing the point, or None outside the city."""
        for district in self._districts:
            if any(_in_polygon(lon, lat, polygon) for polygon in district.polygons):
                return district.name
        return None


def _low(text: str, word: _Word) -> str:
    return _normal(text[word.start : word.end])


_LIST_KEYS = _LIST_WORDS | {"район", "^район"}
_LIST_NEEDLES = ("istrict", "ISTRICT", "aion", "AION", "ayon", "AYON", "айон", "АЙОН")
"""Letters every list word has, searched as plain strings: far faster than a regex over the text."""


def _list_word_indices(text: str, words: list[_Word]) -> Iterator[int]:
    """Indices of the words that may be 'district(s)', 'raion(s)' or район."""
    for needle in _LIST_NEEDLES:
        at = text.find(needle)
        while at >= 0:
            k = bisect.bisect_right(words, at, key=lambda w: w.start) - 1
            if k >= 0 and words[k].end > at:
                yield k
            at = text.find(needle, at + 1)


def _is_list_word(word: _Word) -> bool:
    """'district(s)', 'raion(s)', or район in any case (its keys hold the stem)."""
    return not word.keys.isdisjoint(_LIST_KEYS)


_FORWARD = re.compile(r"(?:\s+of(?:\s+the)?\s+|\s*[:—–]\s*)", re.IGNORECASE)


def _list_items(
    text: str, words: list[_Word], cover: dict[int, int], taken: list[_Taken], k: int
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
    while q is not None and len(after) < _MAX_LIST:
        span = item(q)
        after.append(span)
        p = span[1]
        if p < len(words) and step(p - 1, p):
            q = p
        elif p + 1 < len(words) and _low(text, words[p]) in _LIST_AND and _joined_and(text, words, p):
            q = p + 1
        else:
            q = None
    return [items for items in (before[::-1], after) if items]


def _joined_and(text: str, words: list[_Word], p: int) -> bool:
    """The 'and' at ``words[p]`` joins two list items: 'A and B', 'A, and B'."""
    before = text[words[p - 1].end : words[p].start]
    return bool(re.fullmatch(r"\s*,?\s+", before)) and text[words[p].end : words[p + 1].start].isspace()


def _in_kyiv(entry: Entry | None) -> bool:
    return entry is not None and entry.city == data.KYIV


def _owner(entry: Entry | None) -> bool:
    """Another city or oblast, which can own a district named like one of Kyiv's."""
    return entry is not None and entry.kind in ("city", "town", "oblast") and entry.city != data.KYIV


_LISTED = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|or|та|і|и)\s+|\s*&\s*", re.IGNORECASE)


def _kyiv_owned(text: str, words: list[_Word], taken: list[_Taken]) -> list[bool]:
    """Per name: False for a Kyiv name that another city owns, and the names listed with it.

    'Shevchenkivskyi district of Kharkiv', 'Kyiv district of Odesa', "Zaporizhzhia's Dniprovskyi
    and Shevchenkivskyi districts", 'у Шевченківському районі Харкова'.
    """
    foreign = [False] * len(taken)

    def gap(a: _Taken, b: _Taken) -> str:
        return text[words[a.last - 1].end : words[b.first].start]

    def owned_by_next(t: _Taken, after: str) -> bool:
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
            or t.entry.kind not in ("district", "neighbourhood", "city")
        ):
            continue
        between = gap(t, nxt)
        if (_owner(nxt.entry) and owned_by_next(t, between)) or (
            foreign[i + 1] and _in_kyiv(nxt.entry) and _LISTED.fullmatch(between)
        ):
            foreign[i] = True
    for i in range(1, len(taken)):
        prev, t = taken[i - 1], taken[i]
        if foreign[i] or t.entry is None or t.entry.kind not in ("district", "neighbourhood"):
            continue
        between = gap(prev, t)
        if (_owner(prev.entry) and _BEFORE_FOREIGN.fullmatch(between)) or (
            foreign[i - 1] and _in_kyiv(prev.entry) and _LISTED.fullmatch(between)
        ):
            foreign[i] = True
    return [not f for f in foreign]


def geodata_folder() -> Path:
    """$STRIKEMAP_GEODATA, else the repository's geodata/ folder."""
    env = os.environ.get("STRIKEMAP_GEODATA")
    return Path(env) if env else Path(__file__).parent.parent / "geodata"


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer from the default folder, built once per process."""
    return Gazetteer.load()
