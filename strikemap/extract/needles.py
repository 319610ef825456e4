"""Literal strings a pattern's every match holds, read from the pattern as we write it.

A text that holds none of a pattern's needles cannot match it, so the Cues (`lexicon.Cue`) check
the needles first and skip most searches. The needles are read here from the pattern's own text,
by a small reader of the syntax our patterns use; whatever it does not know makes it give up
(None: search always), which is always safe. Many needles are checked in one pass over the text
(`Needles`), few by plain substring checks, which is cheaper for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

try:
    import ahocorasick
except ImportError:  # an install made before it was a dependency: checked one by one, same answers
    ahocorasick = None

_LATIN_LETTER = re.compile("[a-z]")
"""In lower-cased text: a Latin letter (the Kelvin sign and a few others lower-case to one)."""

_ONE_PASS_FROM = 16
"""From this many needles on, one pass over the text for all of them costs less than a substring
check for each (measured on Ukrainian and English sentences)."""

Requirement = frozenset[str] | None
"""Strings at least one of which every match holds; None: nothing known."""


class _Unread(Exception):
    """Syntax the reader does not know: it gives up on the whole pattern."""


def needles(pattern: str) -> tuple[str, ...] | None:
    """Literal strings at least one of which every match of ``pattern`` contains; None if it can't tell.

    A run of literal characters in a sequence is required, so is every branch's own requirement
    (all branches must have one), and so is what a group, or a repeat of at least once, holds.
    Of several requirements in a sequence the better filter is kept (`_stronger`).
    """
    try:
        found, at = _branches(pattern, 0)
    except (_Unread, IndexError):
        return None
    if at != len(pattern):
        return None  # an unbalanced ')'
    return tuple(sorted(fewest(found))) if found else None


def _branches(p: str, i: int) -> tuple[Requirement, int]:
    """The requirement of the alternatives from ``i`` to the ')' or end that closes them."""
    found: list[Requirement] = []
    while True:
        req, i = _sequence(p, i)
        found.append(req)
        if i < len(p) and p[i] == "|":
            i += 1
            continue
        break
    if len(found) == 1:
        return found[0], i
    if all(found):
        return frozenset().union(*found), i  # type: ignore[arg-type]
    return None, i


_QUANTIFIER = re.compile(r"[?*+]|\{(\d*)(?:,(\d*))?\}")


def _sequence(p: str, i: int) -> tuple[Requirement, int]:
    best: Requirement = None
    run: list[str] = []
    while i < len(p) and p[i] not in "|)":
        kind, value, i = _atom(p, i)
        least, i = _repeat(p, i)
        if kind == "char" and least == -1:
            run.append(value)  # type: ignore[arg-type]
            continue
        if run:
            best = _stronger(best, frozenset(["".join(run)]))
            run = []
        if least == 0:
            continue
        if kind == "char":
            best = _stronger(best, frozenset([value]))  # type: ignore[list-item]
        elif kind == "group":
            best = _stronger(best, value)  # type: ignore[arg-type]
    if run:
        best = _stronger(best, frozenset(["".join(run)]))
    return best, i


def _repeat(p: str, i: int) -> tuple[int, int]:
    """The least number of times a quantifier at ``i`` repeats its item (-1: no quantifier), and
    where the pattern goes on."""
    m = _QUANTIFIER.match(p, i)
    if m is None or (m.group(0).startswith("{") and m.group(1) == "" and m.group(2) is None):
        return -1, i
    q = m.group(0)
    least = 1 if q == "+" else 0 if q in "?*" else int(m.group(1) or 0)
    i = m.end()
    if i < len(p) and p[i] in "?+":  # lazy or possessive: the same least count
        i += 1
    return least, i


_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_CLASS_ESCAPES = frozenset("sSwWdDbBAZ")


def _atom(p: str, i: int) -> tuple[str, object, int]:
    """One item of a sequence: ("char", the character), ("group", its requirement) or ("other", None)."""
    c = p[i]
    if c == "(":
        return _group(p, i)
    if c == "[":
        return "other", None, _class_end(p, i + 1)
    if c == "\\":
        e = p[i + 1]
        if e in _CLASS_ESCAPES:
            return "other", None, i + 2
        if e in _ESCAPED:
            return "char", _ESCAPED[e], i + 2
        if e == "x":
            return "char", chr(int(p[i + 2 : i + 4], 16)), i + 4
        if e == "u":
            return "char", chr(int(p[i + 2 : i + 6], 16)), i + 6
        if e.isascii() and e.isalnum():
            raise _Unread(p[i : i + 2])  # back-references, octal, \N{...}, \U...
        return "char", e, i + 2
    if c in ".^$":
        return "other", None, i + 1
    if c in "*+?":
        raise _Unread("nothing to repeat")
    return "char", c, i + 1


def _group(p: str, i: int) -> tuple[str, object, int]:
    if p.startswith("(?:", i) or p.startswith("(?>", i):
        start = i + 3
    elif p.startswith("(?P<", i):
        start = p.index(">", i) + 1
    elif p.startswith(("(?=", "(?!"), i) or p.startswith(("(?<=", "(?<!"), i):
        _, end = _branches(p, i + (4 if p[i + 2] == "<" else 3))
        return "other", None, _closed(p, end)
    elif p.startswith("(?", i):
        raise _Unread(p[i : i + 4])  # flags, comments, conditionals
    else:
        start = i + 1
    found, end = _branches(p, start)
    return "group", found, _closed(p, end)


def _closed(p: str, i: int) -> int:
    if p[i] != ")":
        raise _Unread("an unclosed group")
    return i + 1


def _class_end(p: str, i: int) -> int:
    """Where a character set opened before ``i`` ends: after its ']'."""
    if p[i] == "^":
        i += 1
    if p[i] == "]":
        i += 1
    while p[i] != "]":
        i += 2 if p[i] == "\\" else 1
    return i + 1


def _stronger(a: Requirement, b: Requirement) -> Requirement:
    """Of two requirements, the better filter: no needle shorter than 3 letters, few, long."""
    if not a or not b:
        return a or b
    return max(a, b, key=lambda s: (min(map(len, s)) >= 3, -len(s), min(map(len, s))))


def fewest(found: Iterable[str]) -> frozenset[str]:
    """The needles without those holding another ('april' holds 'apr'): a text with the longer
    one has the shorter too, so checking both only costs time."""
    found = frozenset(found)
    return frozenset(n for n in found if not any(o != n and o in n for o in found))


def by_script(found: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The needles a text of each script can hold: the ASCII ones, those without a Latin letter, all."""
    return (
        tuple(filter(str.isascii, found)),
        tuple(n for n in found if _LATIN_LETTER.search(n) is None),
        found,
    )


class Needles:
    """Many needles, looked for in one pass over the text (an Aho-Corasick automaton); one by one
    where `pyahocorasick` is not installed, with the same answers."""

    __slots__ = ("_automaton", "_values", "strings")

    def __init__(self, strings: tuple[str, ...], values: Sequence[object] | None = None) -> None:
        self.strings = strings
        self._values = list(values) if values is not None else [None] * len(strings)
        self._automaton = ahocorasick.Automaton() if ahocorasick is not None else None
        if self._automaton is not None:
            for s, value in zip(strings, self._values, strict=True):
                self._automaton.add_word(s, value)
            self._automaton.make_automaton()

    def held_by(self, lower: str) -> bool:
        if self._automaton is None:
            return any(s in lower for s in self.strings)
        for _ in self._automaton.iter(lower):
            return True
        return False

    def values_in(self, lower: str) -> Iterator[Any]:
        """The value given with each needle the text holds (once for each place, in one pass)."""
        if self._automaton is None:
            yield from (v for s, v in zip(self.strings, self._values, strict=True) if s in lower)
            return
        for _, value in self._automaton.iter(lower):
            yield value


Checked = tuple[str, ...] | Needles
"""Needles as they are checked: a few one by one, many in one pass."""


def checked(found: tuple[str, ...]) -> Checked:
    return Needles(found) if len(found) >= _ONE_PASS_FROM else found


def holds(lower: str, needles: Checked) -> bool:
    """Whether the lower-cased text holds one of the needles: a text that holds none of a pattern's
    `needles` cannot match it. A loop, cheaper than any() over a generator."""
    if type(needles) is tuple:
        for needle in needles:  # noqa: SIM110
            if needle in lower:
                return True
        return False
    return needles.held_by(lower)  # type: ignore[union-attr]
