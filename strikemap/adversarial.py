"""Hostile text shapes for the extractor: each a function from a size in characters to an article text.

Each shape repeats one ordinary-looking unit (spaces, a district and a comma, 'the capital', a date)
after a lead that makes the extractor read it; the stall tests and the benchmark time them at two sizes.
"""

from __future__ import annotations

import datetime as dt
import gc
import time
from collections.abc import Callable
from itertools import count, islice, product
from string import ascii_lowercase

from strikemap.extract import extract
from strikemap.extract.gazetteer import default_gazetteer
from strikemap.models import Article

Shape = Callable[[int], str]

_LEAD = "Russian drones struck Kyiv overnight, officials said on Monday. "
_STRIKE = "Drones hit Kyiv"


def _fill(lead: str, unit: str, size: int, tail: str = "") -> str:
    """``lead``, ``unit`` repeated, ``tail``: ``size`` characters in all (at least lead and tail)."""
    room = max(0, size - len(lead) - len(tail))
    return lead + (unit * (room // len(unit) + 1))[:room] + tail


def _repeated(unit: str, *, lead: str = _LEAD + _STRIKE + " ", tail: str = ".") -> Shape:
    return lambda size: _fill(lead, unit, size, tail)


def _names() -> list[str]:
    """Distinct capitalised made-up words: 'Bab', 'Bac', ... (enough for any size we time)."""
    return ["B" + "".join(p) for p in islice(product(ascii_lowercase, repeat=3), 26**3)]


def _speakers(size: int) -> str:
    """A new person quoted in every sentence, then named again by surname alone."""
    parts, total = [_LEAD], len(_LEAD)
    for number, name in zip(count(), _names(), strict=False):
        part = f"Olena {name} said drones hit Kyiv. {name} said {number} people were hurt. "
        parts.append(part)
        total += len(part)
        if total >= size:
            break
    return "".join(parts)[:size]


def _towns_then_anaphora(size: int) -> str:
    """One sentence naming many towns, then sentences that refer back to all of them."""
    towns = "Brovary, Bucha, Irpin, Boryspil, Vyshneve, Obukhiv, Fastiv, Vasylkiv, Bila Tserkva, "
    half = size // 2
    first = _fill("Drones struck ", towns, half, " overnight. ")
    return _fill(first, "They damaged houses, killing two people. ", size)


SHAPES: dict[str, Shape] = {
    "spaces in a sentence": _repeated(" ", tail=" killing two people."),
    "tabs in a sentence": _repeated("\t", tail=" killing two people."),
    "spaces and tabs": _repeated(" \t", tail=" killing two people."),
    "blank lines": _repeated("\n \n", tail="Drones hit Kyiv."),
    "spaces before a dash": _repeated(" ", tail="- two people were killed."),
    "a run of full stops": _repeated(".", tail="x killing two people."),
    "a run of hyphens": _repeated("-", tail=" killing two people."),
    "open parenthesis, then words": _repeated("word ", lead=_LEAD + "(Drones hit Kyiv "),
    "( via via via": _repeated("via ", lead=_LEAD + "( "),
    "( via ( via": _repeated("( via ", lead=_LEAD),
    "photo credits": _repeated("(Photo via Reuters) Drones hit Kyiv. ", lead=_LEAD),
    "a long unpunctuated sentence": _repeated("and residents heard explosions as drones attacked the city "),
    "district, district, ...": _repeated("Darnytskyi, "),
    "district district ...": _repeated("Darnytskyi "),
    "drones hit district, ...": _repeated("a drone hit Darnytskyi, "),
    "Kyiv, Kyiv, ...": _repeated("Kyiv, "),
    "the capital the capital ...": _repeated("the capital "),
    "Kyiv's Kyiv's ...": _repeated("Kyiv's "),
    "Kyiv's drones hit ...": _repeated("Kyiv's drones hit "),
    "explosions in the capital ...": _repeated("explosions in the capital "),
    "near Kyiv near Kyiv ...": _repeated("near Kyiv "),
    "towns of other cities": _repeated("Kharkiv's Podil, "),
    "Monday last week ...": _repeated("Monday last week "),
    "Oct. 17, 2022, ...": _repeated("Oct. 17, 2022, "),
    "2 days ago ...": _repeated("2 days ago "),
    "said on Monday ...": _repeated("said on Monday "),
    "casualties, casualties, ...": _repeated("5 people were killed, 3 injured, "),
    "shot down drones, ...": _repeated("air defence shot down 3 drones, "),
    "weapons ...": _repeated("Shahed-136 drones and Kh-101 missiles "),
    "damage, damage, ...": _repeated("a residential building was damaged, a fire broke out, "),
    "streets": _repeated("on Khreshchatyk Street "),
    "speakers with titles": _repeated("Mayor Vitali Klitschko said "),
    "new speakers, sentence by sentence": _speakers,
    "many towns, then 'they'": _towns_then_anaphora,
    "short sentences": _repeated("Drones hit Kyiv. ", lead=_LEAD),
    "one long word": _repeated("kyiv", lead=_LEAD + _STRIKE + " "),
    "Cyrillic place names": _repeated("Київ, Бровари, ", lead=_LEAD + "Дрони атакували "),
    "look-alike letters": _repeated("Кyiv Оbоlоn ", lead=_LEAD + _STRIKE + " "),
    "zero-width spaces": _repeated("Ky\u200biv\u200b ", lead=_LEAD + _STRIKE + " "),
    "combining accents": _repeated("Kyi\u0301\u0301v ", lead=_LEAD + _STRIKE + " "),
}
"""Every shape by name; each returns a text of exactly the size asked for (given room for its lead)."""


def seconds_to_extract(shape: str, size: int, *, runs: int = 1) -> float:
    """CPU seconds of the fastest of ``runs`` extractions of ``shape`` at ``size`` characters.

    CPU time, not wall time: on a shared machine the wall clock also counts the other processes.
    """
    article = Article(
        f"adversarial-{size}", f"{shape}.txt", SHAPES[shape](size), published=dt.date(2024, 3, 4)
    )
    gazetteer = default_gazetteer()
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        extract(article, gazetteer=gazetteer)
        best = min(best, time.process_time() - start)
    return best
