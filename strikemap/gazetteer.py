"""Offline gazetteer: finds Kyiv districts, neighbourhoods, landmarks and Ukrainian towns in text.

Pure and network-free, so extraction and tests never wait on a geocoding service.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterable
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
        return frozenset({low})
    prefixes = {low[: len(low) - k] for k in range(1, _MAX_ENDING + 1) if len(low) - k >= _MIN_STEM}
    prefixes.add(low)
    if word[:1].isupper():
        prefixes |= {"^" + p for p in prefixes}
    return frozenset(prefixes)


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
        for phrase in gazetteer_names.BLOCKED:
            self._add(phrase, None)
        for record in records:
            entry = _entry(record)
            self._by_name.setdefault(record.name, entry)
            for alias in (record.name, *record.aliases):
                self._add(alias, entry)

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
        nodes = [self._root]
        for _, _, word in _split(name):
            keys = _name_keys(word)
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
                stack.append((node.children[key], i + 1, letters + len(key)))
        return None if best is None else (best[0], best[3])

    def find(self, text: str) -> list[Mention]:
        """Every place named in ``text``, in order; overlapping names go to the longest."""
        words = _words(text)
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
        taken: list[tuple[int, int, Entry | None]] = []
        for start, end, first, last, entry in found:
            if not any(used[first:last]):
                used[first:last] = [True] * (last - first)
                taken.append((start, end, entry))
        return [
            Mention(entry, start, end, text[start:end])
            for start, end, entry in sorted(taken, key=lambda t: t[0])
            if entry is not None
        ]

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


def geodata_folder() -> Path:
    """$STRIKEMAP_GEODATA, else the repository's geodata/ folder."""
    env = os.environ.get("STRIKEMAP_GEODATA")
    return Path(env) if env else Path(__file__).parent.parent / "geodata"


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer from the default folder, built once per process."""
    return Gazetteer.load()
