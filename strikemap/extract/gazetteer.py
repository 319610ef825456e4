"""Offline gazetteer: finds Kyiv districts, neighbourhoods, landmarks and Ukrainian towns in text.

Pure and network-free, so extraction and tests never wait on a geocoding service.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from strikemap.extract import gazetteer_data as data
from strikemap.extract import gazetteer_names
from strikemap.extract.gazetteer_data import Entry, Kind, Record, geodata_folder
from strikemap.extract.gazetteer_words import (
    ADJECTIVE,
    CYRILLIC,
    MIN_TYPO,
    SPELLING,
    Taken,
    Word,
    is_list_word,
    joined,
    kyiv_owned,
    list_items,
    list_word_indices,
    name_keys,
    normal,
    one_edit,
    read_words,
    spelling_skeleton,
    split,
)
from strikemap.extract.lexicon import Cue
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


_REGIONS_AFTER = re.compile(r"[ \t]+(?:oblasts|regions|provinces)\b", re.IGNORECASE)
_REGION_WORDS = Cue(r"\b(?:oblasts|regions|provinces)\b")
"""Asked first: most sentences name no oblasts, and a needle check is far cheaper than a search."""
_REGION_LIST_GAP = re.compile(r"[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+", re.IGNORECASE)


class Gazetteer:
    """Names of places mapped to entries, and the district polygons of Kyiv."""

    def __init__(self, districts: Iterable[data.District], records: Iterable[Record]) -> None:
        """Index ``records`` in order: when two share a spelling, the earlier one keeps it."""
        self._districts = tuple(districts)
        self._root = _Node()
        self._starters: dict[frozenset[str], bool] = {}
        """Whether a word with these keys can start a name, for each word met (see `_names`)."""
        self._looked_up: dict[str, Entry | None] = {}
        """What `lookup` found for each name asked lately: lists and bare adjectives ask again and
        again for the same few districts ('Шевченківський район')."""
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
        self._add_path([name_keys(word) for _, _, word in split(name)], entry)

    def _add_spellings(self, entry: Entry) -> None:
        """A district read by the skeleton of its adjective and, before 'district', of its nouns.

        The adjective stands alone (Solomenskiy, Podilskoho); a noun needs 'district' after it,
        since alone it is a neighbourhood, another city or a surname (Podil, Dnipro, Shevchenko).
        """
        stem = ADJECTIVE.fullmatch(normal(entry.name).replace("g", "h"))
        if stem is None:
            return
        base = spelling_skeleton(stem[1])
        self._add_path([{f"{SPELLING}a:{base}"}], entry)
        self._typo_targets += [(base + ending, entry) for ending in ("V", "VhV", "VmV")]
        nouns = [stem[1], *gazetteer_names.DISTRICT_NOUNS.get(entry.name, "").split("|")]
        keys = {f"{SPELLING}n:{spelling_skeleton(normal(n))}" for n in nouns if n}
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

    def _longest(self, text: str, words: list[Word], first: int) -> tuple[int, _Node] | None:
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
            if i == len(words) or (i > first and not joined(text, words[i - 1], words[i])):
                continue
            for key in words[i].keys & node.children.keys():
                # a skeleton counts no letters: a name as written beats one read by its skeleton
                weight = 0 if key[0] == SPELLING else len(key)
                stack.append((node.children[key], i + 1, letters + weight))
        return None if best is None else (best[0], best[3])

    def find(self, text: str) -> list[Mention]:
        """Every place named in ``text``, in order; overlapping names go to the longest.

        Then names in a list of districts are read as districts, and a Kyiv district's name that
        belongs to another city ('Shevchenkivskyi district of Kharkiv') is dropped.
        """
        words = read_words(text)
        taken = self._district_lists(text, words, self._names(text, words))
        if CYRILLIC.search(text):
            taken = self._bare_districts(text, words, taken)
            taken = [t for t in taken if not _names_something_else(text, words, t)]
        keep = kyiv_owned(text, words, taken)
        found = [
            Mention(
                entry, words[first].start, words[last - 1].end, text[words[first].start : words[last - 1].end]
            )
            for i, (first, last, entry) in enumerate(taken)
            if entry is not None and keep[i]
        ]
        return self._region_lists(text, found) if _REGION_WORDS.search(text) else found

    def _region_lists(self, text: str, found: list[Mention]) -> list[Mention]:
        """Names listed before one plural 'oblasts' or 'regions' are those regions: 'drones were
        downed over the Sumy, Kyiv and Chernihiv oblasts' names no city."""
        out = list(found)
        for k, last in enumerate(found):
            if not _REGIONS_AFTER.match(text, last.end):
                continue
            first = k
            while first > 0 and _REGION_LIST_GAP.fullmatch(text, found[first - 1].end, found[first].start):
                first -= 1
            for i in range(first, k + 1) if k > first else ():
                m = found[i]
                region = self.lookup(f"{m.entry.city} region") if m.entry.kind in ("city", "town") else None
                if region is not None and region.kind != "city":
                    out[i] = Mention(region, m.start, m.end, m.text)
        return out

    def _names(self, text: str, words: list[Word]) -> list[Taken]:
        """The longest name at each word, overlaps resolved; blocked phrases (entry None) kept."""
        starts = self._root.children.keys()
        starters = self._starters  # most words of an article were met before: asked once each
        found = []
        for first in range(len(words)):
            keys = words[first].keys
            starter = starters.get(keys)
            if starter is None:
                if len(starters) > _MOST_STARTERS:
                    starters.clear()
                starter = starters[keys] = not starts.isdisjoint(keys)
            if not starter:
                continue
            match = self._longest(text, words, first)
            if match is not None:
                last, node = match
                found.append((words[first].start, words[last - 1].end, first, last, node.entry))
        found.sort(key=lambda f: (f[0] - f[1], f[0]))
        # Two names overlap exactly when they share a word: marking words taken keeps this linear.
        used = [False] * len(words)
        taken: list[Taken] = []
        for _, _, first, last, entry in found:
            if not any(used[first:last]):
                used[first:last] = [True] * (last - first)
                taken.append(Taken(first, last, entry))
        return sorted(taken, key=lambda t: t.first)

    def _district_lists(self, text: str, words: list[Word], taken: list[Taken]) -> list[Taken]:
        """Names listed before or after 'district(s)' read as Kyiv districts, when all of them can.

        'the Darnytsia, Desna and Dnipro districts', 'Desnyasnsky district' (one slip),
        'у Голосіївському, Печерському та Оболонському районах'. A name that means another place
        on its own (Dnipro) is taken over only in a list of two or more.
        """
        at = sorted({k for k in list_word_indices(text, words) if is_list_word(words[k])})
        if not at:
            return taken
        cover: dict[int, int] = {}
        for i, t in enumerate(taken):
            cover.update(dict.fromkeys(range(t.first, t.last), i))
        changed: dict[int, Taken] = {}
        for k in at:
            for items in list_items(text, words, cover, taken, k):
                forms = [self._district_form(text, words, cover, taken, item) for item in items]
                if any(form is None for form in forms):
                    continue
                for (first, last), form in zip(items, forms, strict=True):
                    held = taken[cover[first]].entry if first in cover else None
                    if form is None or held == form:
                        continue
                    if held is None or held.district == form.district or len(items) > 1:
                        changed[first] = Taken(first, last, form)
        if not changed:
            return taken
        kept = [t for t in taken if not any(t.first <= f < t.last for f in changed)]
        return sorted(kept + list(changed.values()), key=lambda t: t.first)

    def _bare_districts(self, text: str, words: list[Word], taken: list[Taken]) -> list[Taken]:
        """A district's adjective standing alone reads as that Kyiv district: in an oblique case
        ('У Шевченківському уламки впали'), or before a dash, colon or 'р-н' ('Дарницький: ...')."""
        used = {i for t in taken for i in range(t.first, t.last)}
        added: list[Taken] = []
        for i, word in enumerate(words):
            if i in used or not text[word.start].isupper():  # a word is never empty
                continue
            spelled = text[word.start : word.end]
            headed = bool(_BARE_DISTRICT_END.match(text, word.end))
            if not (headed or spelled.endswith(_ADJECTIVE_CASE)):
                continue
            entry = self._bare(text, word)
            if entry is None:
                continue
            added.append(Taken(i, i + 1, entry))
            # 'Святошинський, Дарницький та Солом'янський — ...': the list before a dash shares it
            k = i
            while headed and (p := _listed_before(text, words, k)) is not None and p not in used:
                before = self._bare(text, words[p]) if text[words[p].start].isupper() else None
                if before is None:
                    break
                k = p
                added.append(Taken(k, k + 1, before))
        return sorted(taken + added, key=lambda t: t.first) if added else taken

    def _bare(self, text: str, word: Word) -> Entry | None:
        """The Kyiv district whose adjective ``word`` is, if it is one."""
        entry = self.lookup(f"{text[word.start : word.end]} район")
        return entry if entry is not None and entry.kind == "district" and entry.city == data.KYIV else None

    def _district_form(
        self, text: str, words: list[Word], cover: dict[int, int], taken: list[Taken], item: tuple[int, int]
    ) -> Entry | None:
        """The Kyiv district the listed name ``item`` (word span) reads as, if any."""
        first, last = item
        if first in cover and taken[cover[first]].entry is not None:
            held = taken[cover[first]].entry
            if held is not None and held.kind == "district" and held.city == data.KYIV:
                return held
        name = text[words[first].start : words[last - 1].end]
        word = "район" if CYRILLIC.search(name) else "district"
        entry = self.lookup(f"{name} {word}")
        if entry is not None and entry.kind == "district" and entry.city == data.KYIV:
            return entry
        if last - first == 1 and first not in cover and len(name) >= MIN_TYPO and name.isascii():
            return self._typo(normal(name))
        return None

    def _typo(self, low: str) -> Entry | None:
        """The one Kyiv district whose adjective ``low`` misspells by one letter, if only one."""
        skeleton = spelling_skeleton(low)
        near = {entry.name: entry for target, entry in self._typo_targets if one_edit(skeleton, target)}
        return next(iter(near.values())) if len(near) == 1 else None

    def lookup(self, name: str) -> Entry | None:
        """The entry ``name`` spells out in full, if any."""
        looked_up = self._looked_up
        if name in looked_up:
            return looked_up[name]
        if len(looked_up) >= _MOST_LOOKED_UP:
            looked_up.clear()
        found = looked_up[name] = self._lookup(name)
        return found

    def _lookup(self, name: str) -> Entry | None:
        words = read_words(name)
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


_NOT_THE_DISTRICT = re.compile(
    r"(?:районн|вокзал|набережн|ринк|ринок|рынк|рынок|лавр|управлінн|управлени|адміністрац|администрац|"
    r"(?:суд|міст|мост|парк)(?:у|ом|і|е|а)?(?![\w'’]))",
    re.IGNORECASE,
)
"""What a district's adjective names when one of these follows: its court, administration or police
('Оболонський районний суд'), or a landmark named after the area ('на Дарницькому вокзалі',
'Дніпровська набережна', 'Подільський міст'), none of which places a strike in the district."""


def _names_something_else(text: str, words: list[Word], taken: Taken) -> bool:
    entry = taken.entry
    if entry is None or entry.district is None or entry.city != data.KYIV:
        return False
    last = words[taken.last - 1]
    spelled = text[last.start : last.end].lower()
    if spelled.startswith("районн"):
        return True
    if taken.last - taken.first != 1 or taken.last >= len(words):
        return False
    after = words[taken.last]
    return bool(_NOT_THE_DISTRICT.match(text, after.start)) and text[last.end : after.start].strip() == ""


_LIST_JOIN = re.compile(r"\s*,\s*|\s*,?\s+(?:та|і|й|и)\s+")
"""What joins the names of a list: a comma, 'та', 'і', 'и'."""
_CONJUNCTIONS = frozenset({"та", "і", "й", "и"})


def _listed_before(text: str, words: list[Word], k: int) -> int | None:
    """The word before word ``k`` in a list ('A, B та C'): its index, skipping the conjunction."""
    p = k - 1
    if p >= 0 and text[words[p].start : words[p].end].lower() in _CONJUNCTIONS:
        p -= 1
    if p < 0 or not _LIST_JOIN.fullmatch(text, words[p].end, words[k].start):
        return None
    return p


_ADJECTIVE_CASE = ("ському", "цькому", "ськім", "цькім", "ського", "цького", "ском", "цком", "ского", "цкого")
"""An adjective in the locative, dative or genitive ('у Шевченківському', 'мешканці Дарницького')
names its district alone; the nominative ('Дарницький ринок') needs a dash, colon or 'р-н'."""
_BARE_DISTRICT_END = re.compile(r"[ \t]*(?:[—–:]|-(?!\w)|р-н\w*|р-ні|р\.\s)")


_MOST_STARTERS = 1 << 17
"""How many words `Gazetteer._names` remembers before it starts again (a few MB)."""
_MOST_LOOKED_UP = 1 << 12
"""How many names `Gazetteer.lookup` remembers before it starts again."""


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer from the default folder, built once per process."""
    return Gazetteer.load()
