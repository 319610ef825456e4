"""Words the extractor looks for: numbers, weapons, strike cues, damage and context.

Kept apart from the extraction logic so a new weapon or phrasing is a one-line change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from strikemap.extract.needles import Needles, by_script, checked, fewest, holds, needles
from strikemap.models import Weapon

__all__ = ["by_script", "fewest", "holds", "needles"]  # the needles' words, as the Cues use them

_UNITS = {
    "zero": 0,
    "no": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "dozen": 12,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+|(?:%s)(?:[- ](?:%s))?|(?:%s)(?: hundred)?|a dozen|a hundred)" % (
    "|".join(_TENS),
    "|".join(k for k in _UNITS if _UNITS[k] and len(k) > 2),
    "|".join(k for k in _UNITS if len(k) > 2),
)


def parse_number(words: str) -> int | None:
    """'forty-two' -> 42, '1,000' -> 1000, 'a dozen' -> 12; None for anything else."""
    text = words.strip().lower().replace(",", "")
    if text.isdigit():
        return int(text)
    total = 0
    for part in re.split(r"[\s-]+", text):
        if part in ("a", "an") and total == 0:
            total = 1
        elif part in _UNITS:
            total = (total if total > 1 else 0) + _UNITS[part] if part != "dozen" else max(total, 1) * 12
        elif part in _TENS:
            total += _TENS[part]
        elif part == "hundred":
            total = max(total, 1) * 100
        else:
            return None
    return total


_LATIN_LETTER = re.compile("[a-z]")
"""In lower-cased text: a Latin letter (the Kelvin sign and a few others lower-case to one)."""


_ASCII, _NO_LATIN, _MIXED = 0, 1, 2
"""A lower-cased text's script, as `_read` tells it: ASCII, without a Latin letter, or any other."""


class Cue:
    """A case-blind pattern for asking whether, and where, some words occur.

    It searches a lower-cased copy of the text: CPython's `re` runs a lower-case pattern over
    lower-case text several times faster than it runs `re.IGNORECASE`. Before that, it checks that
    the text holds one of the literal strings every match must contain, which most sentences
    don't. Positions are the text's own, but matched words come back lower-cased, so a Cue is not
    for quoting evidence.
    """

    __slots__ = ("_by_script", "_folded", "_lower", "latin", "needles", "pattern")

    def __init__(self, pattern: str) -> None:
        if any(c.isupper() for c in re.sub(r"\\.|\(\?P<\w+>", "", pattern)):
            raise ValueError(f"a Cue is written in lower case: {pattern!r}")
        self.pattern = pattern
        self._lower = re.compile(pattern)
        self._folded = re.compile(pattern, re.IGNORECASE)
        found = needles(pattern)
        self.needles = found
        self.latin = bool(found) and all(map(_LATIN_LETTER.search, found or ()))
        """Every match holds a Latin letter: a Ukrainian or Russian text without one is answered
        without a search."""
        self._by_script = tuple(None if n is None else checked(n) for n in _by_script_or_none(found))
        """The needles a text can hold, by its script (`_read`): an ASCII text only the ASCII ones, a
        text without Latin letters only those without; none left means no match, without a search."""

    def _over(self, text: str) -> tuple[re.Pattern[str], str] | None:
        last = _last if _last[0] is text else _scan(text)
        needles = self._by_script[last[2]]
        if needles is not None and not needles:  # none the text's script can hold: no lower-casing
            return None
        lower = _read(text)[1] if last[1] is _UNREAD else last[1]
        if lower is None:  # A few letters ('İ') lower-case to two: positions would drift.
            return self._folded, text
        if needles is not None and not holds(lower, needles):
            return None
        return self._lower, lower

    def possible(self, text: str) -> bool:
        """False when ``text`` holds none of the needles, so neither it nor any part of it can match."""
        last = _last if _last[0] is text else _scan(text)
        needles = self._by_script[last[2]]
        if needles is None:
            return True
        if not needles:  # none the text's script can hold: no lower-casing
            return False
        lower = _read(text)[1] if last[1] is _UNREAD else last[1]
        if lower is None:
            return holds(text.lower(), self.needles)  # type: ignore[arg-type]
        return holds(lower, needles)

    def search(self, text: str) -> re.Match[str] | None:
        last = _last
        if last[0] is not text:
            last = _scan(text)
        needles = self._by_script[last[2]]
        if needles is not None and not needles:  # none the text's script can hold: no lower-casing
            return None
        lower = last[1]
        if lower is None:
            return self._folded.search(text)
        if lower is _UNREAD:
            lower = _read(text)[1]
            assert lower is not None
        if needles is not None:
            if type(needles) is tuple:
                for needle in needles:
                    if needle in lower:
                        break
                else:
                    return None
            elif not needles.held_by(lower):  # type: ignore[union-attr]
                return None
        return self._lower.search(lower)

    def match(self, text: str) -> re.Match[str] | None:
        found = self._over(text)
        return found[0].match(found[1]) if found else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        found = self._over(text)
        return found[0].finditer(found[1]) if found else iter(())

    def sub(self, replacement: str, text: str) -> str:
        """The text, lower-cased, with every match replaced."""
        found = self._over(text)
        return found[0].sub(replacement, found[1]) if found else text.lower()


_CYRILLIC = re.compile("[а-яіїєґё]", re.IGNORECASE)


def has_cyrillic(text: str) -> bool:
    """Whether ``text`` holds a Ukrainian or Russian letter; an ASCII text (most English) is
    answered without a search."""
    return not text.isascii() and bool(_CYRILLIC.search(text))


class Bilingual:
    """An English cue and a Ukrainian-and-Russian one: the second is asked only of Cyrillic text,
    so English text keeps the English cue's fast needle check."""

    __slots__ = ("cyrillic", "english")

    def __init__(self, english: Cue, cyrillic: Cue) -> None:
        self.english, self.cyrillic = english, cyrillic

    def search(self, text: str) -> re.Match[str] | None:
        found = self.english.search(text)
        if found is None and has_cyrillic(text):
            return self.cyrillic.search(text)
        return found

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Every match of the English cue, then, in Cyrillic text, of the other."""
        yield from self.english.finditer(text)
        if _CYRILLIC.search(text):
            yield from self.cyrillic.finditer(text)


class Cues:
    """Cues asked together (see `matches`): which of them can match a text is decided by one pass
    over all their needles, where asking each cue would check them cue by cue."""

    __slots__ = ("_always", "_by_needle", "cues")

    def __init__(self, cues: Iterable[Cue]) -> None:
        self.cues = tuple(cues)
        self._always = frozenset(i for i, cue in enumerate(self.cues) if cue.needles is None)
        by_needle: dict[str, list[int]] = {}
        for i, cue in enumerate(self.cues):
            for needle in cue.needles or ():
                by_needle.setdefault(needle, []).append(i)
        self._by_needle = tuple(_indexed(kept, by_needle) for kept in by_script(tuple(by_needle)))
        """The needles, by the script of the text they can be in (as `Cue._by_script`), with the
        cues that need each."""

    def possible(self, lower: str, script: int = _MIXED) -> list[int]:
        """The indices, in order, of the cues whose needles the lower-cased text holds; ``script`` is
        the text's (`_read`), whose needles alone it can hold."""
        found = set(self._always)
        index = self._by_needle[script]
        if type(index) is tuple:
            for needle, indices in index:
                if needle in lower:
                    found.update(indices)
        else:
            for indices in index.values_in(lower):  # type: ignore[union-attr]
                found.update(indices)
        return sorted(found)


def _indexed(
    kept: tuple[str, ...], by_needle: dict[str, list[int]]
) -> tuple[tuple[str, list[int]], ...] | Needles:
    """The needles with the cues that need each, as `checked` checks them: a few one by one, many
    in one pass."""
    found = checked(kept)
    if isinstance(found, Needles):
        return Needles(kept, [by_needle[n] for n in kept])
    return tuple((n, by_needle[n]) for n in kept)


def _by_script_or_none(
    found: tuple[str, ...] | None,
) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None, tuple[str, ...] | None]:
    return by_script(found) if found else (None, None, None)


def matches(cues: Cues, text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Every match of each cue in turn, with the cue's index: `finditer` of many cues at once."""
    _, lower, script = _read(text)
    if lower is None:
        for i, cue in enumerate(cues.cues):
            for m in cue._folded.finditer(text):
                yield i, m
        return
    for i in cues.possible(lower, script):
        for m in cues.cues[i]._lower.finditer(lower):
            yield i, m


_UNREAD = "\x00 not lower-cased yet"
"""Stands, by identity, for a text `_scan` has not lower-cased: a cue none of whose needles the
text's script can hold is answered without it."""
_last: tuple[str, str | None, int] = ("", "", _ASCII)
_SEEN_MOST = 512
"""Texts `_scan` remembers before it forgets them all: a few articles' sentences and clauses."""
_seen: dict[str, tuple[str, str | None, int]] = {}


def _scan(text: str) -> tuple[str, str | None, int]:
    """(``text``, `_UNREAD` or None, its script), remembered for the texts asked lately: the Cues
    of one clause run in a row, and a sentence's clauses are asked in turns. None where a letter
    ('İ', the only one) lower-cases to two, which would shift positions."""
    global _last
    found = _seen.get(text)
    if found is None:
        found = _script_of(text)
        if len(_seen) >= _SEEN_MOST:
            _seen.clear()
        _seen[text] = found
    elif found[0] is not text:
        found = (text, found[1], found[2])
    _last = found
    return found


def _script_of(text: str) -> tuple[str, str | None, int]:
    """`_scan`'s answer, read from the text as written: a text without Latin letters, the Kelvin sign
    or 'İ' (which lower-case to Latin letters) has none once lower-cased either."""
    if text.isascii():
        return (text, _UNREAD, _ASCII)
    if "\u0130" in text:
        return (text, None, _MIXED)
    ascii_part = text.encode("ascii", "ignore")
    latin = ascii_part.lower() != ascii_part.upper() or "\u212a" in text
    return (text, _UNREAD, _MIXED if latin else _NO_LATIN)


def _read(text: str) -> tuple[str, str | None, int]:
    """(``text``, ``text.lower()`` or None, its script): `_scan`, lower-cased."""
    global _last
    last = _last if _last[0] is text else _scan(text)
    if last[1] is _UNREAD:
        last = _last = _seen[text] = (text, text.lower(), last[2])
    return last


def english_only(*cues: Cue) -> bool:
    """Whether every match of each cue holds a Latin letter (`Cue.latin`): a text without one, as
    `without_latin` tells, matches none of them."""
    return all(cue.latin for cue in cues)


def lowered(text: str) -> str | None:
    """``text.lower()`` as the Cues read it, kept for the texts they read lately (see `_scan`): a
    sentence is lower-cased once for all who read it. None where a letter ('İ', the only one)
    lower-cases to two, which would shift positions."""
    return _read(text)[1]


def script(text: str) -> int:
    """The text's script as the Cues read it (`_scan`): 0 ASCII, 1 no Latin letter, 2 any other."""
    last = _last
    return last[2] if last[0] is text else _scan(text)[2]


def without_latin(text: str) -> bool:
    """Whether the text holds no Latin letter, as the Cues read it (`script`): answered from what they
    remember of the text they read last, where a search would read it all again."""
    return script(text) == _NO_LATIN


WEAPON_MODELS: tuple[tuple[str, str, Weapon], ...] = (
    # (pattern, canonical model, weapon class); a longer name before the shorter one it holds
    (r"shahed[- ]?136", "Shahed-136", "drone"),
    (r"shahed[- ]?131", "Shahed-131", "drone"),
    (r"shahed[- ]?238", "Shahed-238", "drone"),
    (r"shaheds?|шахед\w*", "Shahed", "drone"),
    (r"geran[- ]?2|герань-2", "Geran-2", "drone"),
    (r"geran[- ]?3|герань-3", "Geran-3", "drone"),
    (r"gerberas?", "Gerbera", "drone"),
    (r"lancets?", "Lancet", "drone"),
    (r"kh[- ]?101|[xх]-101", "Kh-101", "missile"),
    (r"kh[- ]?555|[xх]-555", "Kh-555", "missile"),
    (r"kh[- ]?55|[xх]-55", "Kh-55", "missile"),
    (r"kh[- ]?22|[xх]-22", "Kh-22", "missile"),
    (r"kh[- ]?59|[xх]-59", "Kh-59", "missile"),
    (r"kh[- ]?69|[xх]-69", "Kh-69", "missile"),
    (r"kh[- ]?35|[xх]-35", "Kh-35", "missile"),
    (r"kh[- ]?47(?:m2)?|kinzhals?|кинжал\w*|кинджал\w*", "Kinzhal", "missile"),
    (r"kalibrs?|калибр\w*|калібр\w*", "Kalibr", "missile"),
    (r"iskanders?[- ]m|іскандер\w*[- ]м|искандер\w*[- ]м", "Iskander-M", "missile"),
    (r"iskanders?[- ]k|іскандер\w*[- ]к|искандер\w*[- ]к", "Iskander-K", "missile"),
    (r"iskanders?|іскандер\w*|искандер\w*", "Iskander", "missile"),
    (r"s-?300s?", "S-300", "missile"),
    (r"s-?400s?", "S-400", "missile"),
    (r"kn-?23", "KN-23", "missile"),
    (r"zircons?|tsirkon", "Zircon", "missile"),
    (r"onyx|oniks|p-800", "Oniks", "missile"),
    (r"kabs?(?:-\d+\w*)?|каб(?:и|ів|ами|ом|ах)?", "KAB", "bomb"),
    (r"fab-?\d{3,4}|фаб-?\d{3,4}", "FAB", "bomb"),
)
"""Named weapons. Iskander-M (ballistic) and Iskander-K (cruise) are kept apart where the text says which."""

WEAPON_CLASSES: tuple[tuple[str, Weapon], ...] = (
    # Artillery before missiles, so 'Grad rockets' and 'multiple rocket launchers' are artillery.
    (
        r"(?:(?:artillery|tank|mortar|howitzer|\d+[- ]?mm) )shells?|artillery|mortars?"
        r"|(?:mlrs|grads?)(?: rockets?| launchers?| systems?)?|howitzers?|smerch|uragan"
        r"|multiple(?:-| )(?:launch )?rocket(?: launchers?| systems?)"
        r"|артилері\w*|артиллери\w*|міномет\w*|миномет\w*",
        "artillery",
    ),
    (
        r"drones?|uavs?|unmanned aerial vehicles?|kamikaze|loitering munitions?|дрон\w*|безпілотник\w*"
        r"|беспилотник\w*|бпла",
        "drone",
    ),
    (
        r"(?:cruise |ballistic |guided |hypersonic |anti-ship )?missiles?|rockets?"
        r"|ракет\w*|балісти\w*|баллисти\w*",
        "missile",
    ),
    (
        r"(?:guided|glide|gliding|aerial|air|cluster|corrected|adjustable|guided aerial|high-explosive)"
        r" bombs?|керован\w* авіабомб\w*|авіабомб\w*|авиабомб\w*",
        "bomb",
    ),
)
"""Words that name a class of weapon. Shelling, 'обстріл' and bombardment name none: they are said of
any attack, and Kyiv is almost never hit by artillery, so artillery needs its own words."""

DEFENDER_BEFORE = Cue(
    r"(?:anti-?aircraft|anti-air|air[- ]defen[cs]e|surface-to-air|interceptors?|patriot|iris-t|nasams|"
    r"hawk|stinger|gepard|samp/t|зенітн\w*|зенитн\w*|ппо|пво)(?:\s+(?:guided|systems?|battery|batteries|"
    r"launchers?|units?))?\s+$"
)
"""A weapon word right after these names what defended: 'Patriot missiles', 'interceptor drones'."""
DEFENDER_AFTER = Cue(
    r"^[\s-]*(?:interceptors?|(?:that are |are )?(?:intended |used |designed |meant )?for (?:the )?"
    r"(?:[\w-]+ )?(?:air defen[cs]e|patriots?|nasams|iris-t)|of (?:the )?(?:[\w'’]+ )?air defen[cs]e)"
)
"""...or right before these: 'drone interceptors', 'missiles for Patriot', 'missiles of air defence'."""
NEGATED_WEAPON = Cue(
    r"\b(?:no|not|nor|neither|never|without|none of (?:the|its|their|these|those))\s+"
    r"(?!(?:only|just|all|every|fewer|less|more|longer|least|far|until)\b)"
    r"(?:(?:a|an|any|the|single|such|one)\s+)?"
    r"(?:(?!(?:from|by|of|in|on|at|after|with|to|for|and|or|but|when|as|were|was|is|are)\b)[\w'’-]+\s+)?$"
)
"""'no drones', 'it was not a ballistic missile', 'never used Zircon': the weapon did not strike."""
_WHOLE_COUNTRY = (
    r"\b(?:(?:across|throughout|around|all over|over|at|against|on|into)\s+(?:the whole of |all of )?"
    r"(?:ukraine|the country)(?![\w'’])|(?:attack\w*|struck|hit|target\w*|pound\w*|bombard\w*)\s+ukraine"
    r"(?![\w'’])|nationwide|ukrainian cities|(?:several|many|\w+) (?:regions|oblasts)|"
    r"(?:по|над|на) (?:всій |усій |всей )?(?:україн\w*|украин\w*|країні|стране)|"
    r"(?:атакува\w*|атакова\w*|удари\w*|вдари\w*) (?:по )?(?:україн\w*|украин\w*)|"
    r"(?:\w+ )?(?:областях|регіонах|регионах)|"
    r"(?:in|over|during) the (?:past|last|previous) (?:week|month|\w+ (?:days|weeks))|"
    r"this (?:week|month) alone)\b"
)
COUNTRY_SCOPE = Cue(
    r"%s|\b(?:in total|a total of|air force|повітрян\w* сил\w*|воздушн\w* сил\w*|сил\w* оборони|"
    r"сил\w* обороны)\b" % _WHOLE_COUNTRY
)
"""A clause scoped to the whole country: its weapons are the night's tally, not one city's. The Air
Force and the Defence Forces ('Повітряні сили', 'Сили оборони') report for the whole country."""
WHOLE_COUNTRY = Cue(
    r"%s|\b(?:launched|fired|sent|used)\s+"
    r"(?:a total of |at least |more than |over |about |some |nearly |up to )?"
    r"(?:\d+|%s)\s+(?:[\w-]+\s+){0,2}(?:drones|missiles|uavs|shaheds|rockets|bombs)\b"
    % (_WHOLE_COUNTRY, NUMBER)
)
"""Words that scope a clause to the whole country by themselves, and a count of what was launched
that names no target ('Russia fired 84 cruise missiles'): a city's 'total' or the air force's word
for what hit it are not."""
CITY_TIE = Cue(
    r"\b(?:kyiv|kiev|київ\w*|киев\w*|the (?:ukrainian )?capital|capital['’]s|the city|столиц\w*)\b"
)
"""A clause that names Kyiv, the capital or 'the city' ties its weapons to the city even in a tally."""

_DROPPED = r"dropped(?! (?:from|out|off|charges|its|their|his|her|the (?:case|charges|plan|idea|bill)))"
"""Bombs are dropped; a plan, a case or an item of an agenda is 'dropped from' something else."""

STRIKE_CUES = Bilingual(
    Cue(
        r"\b(?:explosions?|blasts?|struck|strikes?|airstrikes?|hit|hits|hitting|attack\w*|shell\w*|shot down|"
        r"bombs?|" + _DROPPED + r"|hurt|victims|toll|bodies|another body|hospitali[sz]\w*|"
        r"intercept\w*|destroyed|downed|debris|barrage|bombard\w*|targeted|rocked|damag\w*|"
        r"killed|injur\w*|wounded|dead|deaths?|died|casualt\w*|fire broke out|caught fire|blaze|"
        r"drones?|missiles?|rockets?|uavs?|shaheds?|kamikaze|air defen[cs]e)\b"
    ),
    Cue(
        r"\b(?:вибух\w*|удар\w*|атак\w*|взрыв\w*|уламк\w*|обломк\w*|дрон\w*|безпілотник\w*|беспилотник\w*|"
        r"бпла|шахед\w*|ракет\w*|балісти\w*|баллисти\w*|обстріл\w*|обстрел\w*|влучан\w*|попадан\w*|"
        r"влучи\w*|влучил\w*|влучив|поціли\w*|поцілив|вдари\w*|вдарив|попал[аио]?|попав|поразил\w*|"
        r"уразил\w*|вразил\w*|"
        r"збит\w*|сбит\w*|ппо|пво|протиповітрян\w*|противовоздушн\w*|кинджал\w*|іскандер\w*|искандер\w*|"
        r"загин\w*|загибл\w*|погиб\w*|поранен\w*|ранен\w*|постражд\w*|пострада\w*|травм\w*|"
        r"пожеж\w*|пожар\w*|руйнуван\w*|разрушен\w*|пошкодж\w*|поврежд\w*|госпіталіз\w*|госпитализ\w*)\b"
    ),
)

HURT = Bilingual(
    Cue(r"\b(?:killed|dead|deaths?|died|injur\w*|wounded|hurt|victims|casualt\w*|bod(?:y|ies))\b"),
    Cue(r"\b(?:загин\w*|загибл\w*|помер\w*|погиб\w*|умер\w*|поранен\w*|ранен\w*|постражд\w*|пострада\w*)\b"),
)
"""Someone killed or hurt: named with a Kyiv district, in this domain, it reports a strike even
when a short post leaves the attack word to the post before it."""

OTHER_CAUSE = Bilingual(
    Cue(r"\b(?:road accident|car crash|traffic accident|collision|shooting|stabb\w*|drown\w*|overdose)\b"),
    Cue(
        r"\b(?:дтп|аварі\w*|авари\w*|стрілянин\w*|стрельб\w*|утопи\w*|утону\w*|ножов\w*|отруєн\w*|отравлен\w*)\b"
    ),
)
"""Deaths with another cause: a road accident or a shooting in a district is not a strike."""

OFF_TOPIC = Bilingual(
    Cue(
        r"\b(?:fundrais\w*|donat(?:e|ed|es|ing|ions?)|raising (?:money|funds)|bank card|"
        r"storms?|thunderstorms?|heavy rain|snowfall|hurricane|gale|blizzard)\b"
    ),
    Cue(
        r"\b(?:збір коштів|збираємо|збираєм|донат\w*|реквізит\w*|монобанк\w*|банк[аиу] на|сбор средств|"
        r"собираем|реквизит\w*|негод\w*|буревій\w*|злив[аиуо]|снігопад\w*|снегопад\w*|ураган\w*|"
        r"гроз[аиуо]|шторм\w*|непогод\w*)\b"
    ),
)
"""A fundraiser or the weather: a post about either is not an update on an attack, though it may
name drones ('збираємо на дрони') or damage ('негода пошкодила дахи')."""

ATTACK_CUES = Bilingual(
    Cue(
        r"\b(?:explosions?|blasts?|struck|strikes?|airstrikes?|hit|hits|hitting|attack\w*|shell\w*|shot down|"
        r"bombs?|" + _DROPPED + r"|intercept\w*|downed|debris|barrage|bombard\w*|targeted|rocked|"
        r"drones?|missiles?|rockets?|uavs?|shaheds?|kamikaze|air defen[cs]e)\b"
    ),
    Cue(
        r"\b(?:вибух\w*|удар\w*|атак\w*|взрыв\w*|уламк\w*|обломк\w*|дрон\w*|безпілотник\w*|беспилотник\w*|"
        r"бпла|шахед\w*|ракет\w*|балісти\w*|баллисти\w*|обстріл\w*|обстрел\w*|влучан\w*|попадан\w*|"
        r"збит\w*|сбит\w*|ппо|пво|протиповітрян\w*|противовоздушн\w*|кинджал\w*|іскандер\w*|искандер\w*)\b"
    ),
)
"""The strike words that say an attack happened; the others (killed, fire, damaged) say what it did,
and a fire or a death with no attack word anywhere in the article is not a strike."""

OTHER_DATE_BEFORE = Cue(
    r"\b(?:mourning(?! for)|since|until|till|through|record(?: was)? set|previous record|funerals?|memorial|"
    r"anniversary|deadline|summit|talks|elections?|scheduled|planned|expected|gathered|"
    r"commemorat\w*|paid tribute|laid flowers)\b[^.;]{0,25}$|"
    r"\bsince (?:russia|moscow|the (?:start|beginning))\b[^.;]{0,50}$|"
    r"\b(?:станом на|по состоянию на)(?: (?:ранок|ранку|вечір|вечора|утро|вечер|\d{1,2}[:.]\d{2}))?\s*$"
)
"""'станом на ранок 4 січня', 'по состоянию на 9 мая': when a toll was counted, not the attack. A day
of mourning 'for those killed in Friday's strikes' names the attack's day."""
OTHER_DATE_AFTER = Cue(r"^[^.;]{0,30}\b(?:day of mourning|mourning day|a day of national mourning)\b")
REPAIR = Cue(
    r"\b(?:repair\w*|restor\w*|clean(?:ing)?-?up|reconstruct\w*|dismantl\w*|search operation|"
    r"(?:work|works) (?:is|are|was|were|continues?|continued) (?:still )?under ?way|"
    r"відновлю\w*|відновлен\w*|ремонт\w*|восстанов\w*|розбир\w*|разбор\w*)\b"
)
"""Work after a strike: a date in such a sentence ('on 26 April repairs went on after the attack')
is the work's, not the attack's."""
OTHER_DATE_DEED = Cue(
    r"^[^;]{0,60}?\b(?:agreed|signed|pledged|promised|discussed|met with|visited|announced|approved|"
    r"voted|held talks|spoke with|phoned)\b"
)
"""'Just yesterday, the president and I agreed ...': the date of a deed, not of an attack."""
"""Words around a date that make it the date of something other than an attack: a day of
mourning, a record set earlier, a period ('since March'), a meeting."""

AFTERMATH = Bilingual(
    Cue(
        r"\b(?:rescu\w+|emergency (?:services?|workers|crews|teams)|firefight\w+|"
        r"fires?(?! groups?| teams?| units?)|burn\w*|flames|"
        r"smoke|rubble|debris|fragments|wreckage|bod(?:y|ies)|ruins|collapsed|destr\w+|"
        r"evacuat\w+|hospitali[sz]\w+|medic\w*|doctors|ambulances?|sought (?:medical )?help|"
        r"smashed|shattered|windows|blown out|broken|cars|vehicles|power (?:outages?|cuts?)|"
        r"(?:without|no) (?:power|electricity|water|heating)|consequences|aftermath|on the (?:site|scene))\b"
    ),
    Cue(
        r"\b(?:пожеж\w*|пожар\w*|уламк\w*|обломк\w*|рятувальн\w*|спасател\w*|пошуков\w*|поисков\w*|"
        r"завал\w*|зруйнован\w*|разрушен\w*|пошкоджен\w*|повреждени\w*|евакуац\w*|эвакуац\w*|медик\w*|"
        r"лікар\w*|врач\w*|швидк\w*|скор\w*|вибит\w*|выбит\w*|вікн\w*|окн\w*|автівк\w*|автомобил\w*|"
        r"авто|наслідк\w*|последстви\w*|на місці|на месте|знеструмлен\w*|без світла|без света|"
        r"загин\w*|загибл\w*|погиб\w*|поранен\w*|ранен\w*|постражд\w*|пострада\w*|жертв\w*|помер\w*|"
        r"умер\w*|т[іе]л[оа])\b"
    ),
)
"""Words of what follows a strike: a place named with them belongs to the article's attack,
even in a sentence with no strike word ("Rescuers are working in the Obolonskyi district")."""
OUTAGE = re.compile(
    r"power (?:outages?|cuts?)|(?:without|no) (?:power|electricity|water|heating)"
    r"|знеструмлен\w*|без світла|без света",
    re.IGNORECASE,
)
"""The aftermath words that name a power or water cut: it reaches districts nothing hit."""
PREPARE = Cue(r"\b(?:prepar\w*|brac\w+) for\b|\burg\w+ (?:residents|people|citizens|kyivans)\b")
"""'Urged residents to prepare for power outages': advice, not an aftermath."""

AIR_CUES = Cue(
    r"\b(?:drones?|missiles?|rockets?|uavs?|shaheds?|kamikaze|air ?strikes?|aerial|explosions?|"
    r"blasts?|air defen[cs]e|shot down|intercept\w*|debris|bombs?)\b"
)

# Sentences that talk about weapons or attacks without reporting one on a place.
SUPPLY = Cue(
    r"\b(?:military aid|aid package|supply\w*|supplie[sd]|deliver\w*|send|sent|provide\w*|"
    r"receiv\w* (?:\w+ ){0,4}?(?:patriots?|iris-t|nasams|batter(?:y|ies)|launchers?|systems?)|"
    r"(?:patriots?|iris-t|nasams|batter(?:y|ies)|launchers?|systems?) (?:\w+ ){0,4}?arrived|"
    r"shipment\w*|sanctions?|pledged|to buy|purchase\w*|manufactur\w*|produc\w+ (?:of|more)|"
    r"ask\w* (?:\w+ ){0,4}for (?:more|additional)|appeal\w* for|ammunition)\b"
)
SENT_AT = Cue(
    r"\bsen[dt]s?\b[^.;]{0,60}?\b(?:drones?|missiles?|rockets?|shaheds?)\b[^.;]{0,40}?\b(?:at|against|towards?)\b"
)
"""'Russia sent a wave of drones at the capital': weapons sent at a place are an attack on it,
not arms delivered to it ('sent air-defence missiles to Ukraine')."""
RESPONDERS = Cue(
    r"\b(?:rescu\w+|emergency (?:services?|workers|crews|teams|responders)|firefight\w+|fire crews|"
    r"(?:para)?medics|ambulances?)\b"
)
"""Who is 'sent' or 'deployed' to a strike's site: a sentence naming them is rescue work, not supply."""
OF_THE_CITY = re.compile(
    r"(?:\s+(?:district|raion))?\s*(?:of|in) the city\b|"
    r"(?:\s+(?:район\w*|р-н\w*))?\s+(?:міста|города)(?![\w-])",
    re.IGNORECASE,
)
"""After a district's name: the city the text speaks of, whichever ('у Шевченківському районі міста')."""
ATTACK_COUNT = Cue(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|dozens of) times\b|"
    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b[^.;]{0,40}?"
    r"\b(?:attacks?|strikes?|barrages?)\b|\balone\b"
)
"""A count of a period's attacks ('In May alone, the capital was attacked 17 times', 'the third large
attack on the capital in December'): the month is the count's, not an attack's."""
THEN_CLAUSE = Cue(r",\s+(?:when|while|at a time when)\s")
"""A clause that sets a scene: what went on when something else happened."""
GROUND = Cue(
    r"\b(?:fighting|battles?|troops|front ?lines?|counter-?offensive|advance\w*|repelled|"
    r"(?:soldiers?|servicem[ae]n|servicewom[ae]n|defenders?)\b[^.;]{0,40}?\b(?:died|killed|fell)\s+"
    r"(?:near|in action|in battle|in combat|at the front|on the front|defending)|"
    r"ground forces|infantry|trenches|assault\w*|captured|recapture)\b"
)
IN_RUSSIA = Cue(
    r"\b(?:(?:in|inside|on|across|over) (?:western |southern )?russia\b|russian (?:territory|soil|"
    r"regions?|cities|city|airfields?|refiner\w+)|belgorod|kursk|bryansk|voronezh|rostov|"
    r"krasnodar|moscow region|the kremlin was|in moscow|on moscow|over moscow)"
)
GENERIC = Cue(
    r"\b(?:in recent (?:weeks|months|days)|across (?:ukraine|the country)|almost daily|"
    r"on an? (?:almost )?daily basis|every (?:day|night)|several times a week|now come|"
    r"possible|potential|threat of|warn(?:ed|s|ing) (?:of|that|about)|stockpil\w*|plans? to|"
    r"planning|preparing|threaten\w*|"
    r"since the start of|(?:start|began|begun|first)\w*\s+(?:to\s+)?us(?:e|ed|ing)\b|"
    r"since the beginning of|throughout the war|have been targeting|has been targeting|"
    r"a spate of|a series of|regularly|ha(?:s|ve) (?:repeatedly|often|frequently|routinely)|time and again|"
    r"time after time|on (?!the\b)(?:\w+ )?(?:evenings|nights|mornings)|most nights)\b"
)
"""A remark on what happens in general, in no one attack: 'debris has repeatedly fallen on homes',
'on quiet evenings residents watch the drones'."""
ELSEWHERE = Cue(r"^\s*(?:elsewhere|meanwhile,? in|in other news)\b")
ALERT_ONLY = Cue(
    r"\b(?:air raid|alerts?|alarms?|sirens?|spotted|flying (?:over|towards?)|heading (?:for|towards?)|"
    r"moving (?:towards?|in the direction)|approaching|possible air defen[cs]e)\b"
)
HIT_WORDS = Cue(
    r"\b(?:explosions?|blasts?|struck|hit|damag\w*|killed|injur\w*|wounded|shot down|"
    r"destroyed|debris|fire(?! groups?| teams?| units?)|blaze|rocked|attacked)\b"
)
ANAPHORA = Cue(
    r"^\s*[\"“]?(?:he|she|they|it|its|the (?:drones?|missiles?|attack|strike)|most of|some of|"
    r"many of|all of|of them|of these|there)\b"
)
BACK_TO_NOW = Cue(r"^\s*(?:this time|this (?:morning|night|week)|today|now)\b,?")
"""A sentence that turns from a recalled attack back to the one being reported."""
NEAR = Cue(
    r"\b(?:near|close to|outskirts of|not far from|around|towards?|outside|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|"
    r"(?:miles|km|kilometres|kilometers)\s+(?:from|of)|"
    r"під|под|біля|поблизу|неподалік від|около|возле|недалеко от|вблизи)\s+(?:the\s+)?$"
)
CAPITAL = Cue(
    r"\b(?:(?:the\s+)?ukrain(?:e['’]s|ian)\s+capital|the\s+capital(?:\s+city)?|столиц(?:я|і|ю|ею|е|ы|у|ей))\b"
)

DAMAGE_TARGETS: tuple[tuple[str, str], ...] = (
    (r"non-residential (?:building|premises)", "non-residential building"),
    (
        r"(?:residential|apartment|high-rise|multi-stor(?:e)?y|\w+-stor(?:e)?y|housing|"
        r"multi-apartment|residential high-rise) (?:buildings?|blocks?|towers?|complex\w*)|"
        r"apartment blocks?|residential areas?|blocks? of flats",
        "residential building",
    ),
    (r"(?:private |residential )?houses?|homes?|dwellings?", "house"),
    (
        r"energy (?:infrastructure|facilit\w+|objects?)|power (?:plants?|stations?|grid|lines?|"
        r"infrastructure)|(?:combined )?heat(?:ing)? (?:and power )?plants?|thermal power|"
        r"substations?|chp\b",
        "energy infrastructure",
    ),
    (r"critical infrastructure", "critical infrastructure"),
    (r"schools?", "school"),
    (r"kindergartens?", "kindergarten"),
    (r"hospitals?|clinics?|medical facilit\w+", "hospital"),
    (r"cars?|vehicles?", "vehicle"),
    (r"office (?:buildings?|centres?|centers?)|business cent(?:re|er)s?", "office building"),
    (r"warehouses?|storage facilit\w+", "warehouse"),
    (r"railway|rail (?:station|infrastructure)|trains?", "railway"),
    (r"roofs?", "roof"),
    (r"windows?", "windows"),
    (r"shops?|supermarkets?|shopping (?:centre|center|mall)", "shop"),
    (r"administrative buildings?|government buildings?", "administrative building"),
    (r"playgrounds?", "playground"),
    (r"bridges?", "bridge"),
    (r"water (?:supply|pipes?|mains)|gas pipelines?", "utilities"),
)
DAMAGE_VERBS = Cue(
    r"\b(?:damag\w*|hit|struck|destroy\w*|fire|blaze|burn\w*|caught fire|collaps\w*|"
    r"shattered|blown out|ablaze|flames|ruins?|rubble)\b"
)

TIME_OF_DAY: tuple[tuple[str, str], ...] = (
    (r"overnight|night\w*|early hours|after midnight|before dawn|at dawn|tonight", "night"),
    (r"morning|early on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|at daybreak", "morning"),
    (r"afternoon|midday|noon", "afternoon"),
    (r"evening", "evening"),
)

SPEECH_VERBS = r"(?:said|says|told|wrote|posted|reported|added|confirmed|stated|announced|tweeted|noted)"
TITLES = (
    r"(?:(?:the\s+)?(?:city['’]s\s+)?(?:kyiv|kiev)?\s*(?:mayor|president|lawmaker|minister|"
    r"governor|spokesman|spokeswoman|spokesperson|head|chief|commander|official|deputy|adviser|"
    r"advisor|ceo|mr|mrs|ms|dr)\.?\s+)"
)
RUSSIAN_CLAIM = Cue(
    r"\b(?:russia|moscow|the kremlin|russia['’]s (?:defen[cs]e )?ministry|the (?:russian )?"
    r"(?:defen[cs]e )?ministry)\b(?:\s+\w+){0,2}?\s+(?:also\s+)?(?:said|says|claimed|claims|denies|"
    r"denied)\b"
)
RECALL = Cue(
    r"\b(?:last (?:targeted|attacked|hit|struck|time)|ago|first (?:attack|strike|time) since|"
    r"previously|earlier (?:this|in)|recalled|was last|"
    r"(?:an?|one|two|three|four|\d+) weeks? (?:earlier|before))\b"
)
NEGATED_HITS = Cue(
    r"\bno (?:explosions?|blasts?|hits?|damage|strikes?|casualties)\b(?: (?:were|was) reported)?"
)
METONYM = Cue(
    r"(?:\b(?:blam\w+|accus\w+)\s+$)|^(?:['’]s\s+(?:western\s+)?(?:allies|government|forces|troops|partners|"
    r"officials|military|leadership|counteroffensive)|"
    r"\s+(?:said|says|denied|claimed|blamed|accused|has denied))"
)
APPOSITION = Cue(
    r"^\s*(?:[,(]\s*)?(?:(?:a|the)\s+(?:\w+\s+)?(?:city|town|village|suburb|settlement)\s+(?:in|of)\s+)?"
    r"(?:the\s+)?$"
)
MODEL_CLASS = {model: weapon for _, model, weapon in WEAPON_MODELS}
RETALIATION = Cue(r"\b(?:retaliat\w+ for|revenge for|in response to|a response to)\b")
OTHER_REGIONS = Cue(
    r"\b(?:in|across|on) (?:several |many |some |a number of )?other (?:regions|cities|oblasts|towns)\b|"
    r"\belsewhere in (?:ukraine|the country)\b"
)
STREET = re.compile(
    r"\b(?:on|in|at|along|near)\s+(?P<street>(?:[A-Z][\w'’.-]+\s+){1,3}(?:Street|St\.|Avenue|Ave\.|Boulevard|"
    r"Blvd\.?|Prospekt|Lane|Embankment|Highway|Road|Square))",
)
OUTLET_NAME = re.compile(
    r"^\s+(?:Daily|Post|Independent|Times|Herald|News|Pravda|Inform|Today|Wire|Monitor|Radio|TV|Television|"
    r"Channel|Journal|Gazette|Observer|Express|Telegraph|Insider|Online)\b"
)
"""A city name that begins an outlet's name ("Kyiv Independent", "Dnipro Daily") is not a place hit."""
DATELINE = re.compile(
    r"^\W{0,3}(?:date\s+\d{4}-\d\d(?:-\d\d)?\s+)?(?:"
    r"[A-Z][A-Za-z'’-]+(?:[ ,]+[A-Z][A-Za-z'’.-]+){0,3}(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s*\([^()\n]{1,40}\)){1,2}\s*[-–—:]"
    r"|[A-Z]{3,}(?:,[ \t]+[A-Z][A-Za-z]+){0,2}[ \t]+[-–—][ \t])"
)
"""'KYIV (Reuters) -', 'Kyiv (Ukraine) (AFP) –', 'KYIV, June 3 (AP) —', 'KYIV, Ukraine — ': where
the reporter filed from, not where a strike hit (after a page's 'date 2023-04-19' header, if any)."""
MEETING = Cue(
    r"\b(?:met with|meeting|discuss\w*|talks|visit\w*|conference|summit|negotiat\w*|"
    r"press briefing|addressed|speech|interview)\b"
)
"""A sentence about a meeting or a visit, with no hit word, reports no strike where it was held."""
LEGAL = Cue(r"\b(?:court|courthouse|judge)\b")
"""A court's work, with no hit word, reports no strike."""
CHARGES = Cue(
    r"\b(?:sentenced|indictment|indicted|charged with|convicted|treason|verdict|on trial|accused of (?:\w+ )?"
    r"(?:spying|passing|filming|photographing|adjusting|spotting|helping|sending|recording|transmitting))\b"
)
"""A charge or a sentence (a spotter 'accused of adjusting fire'): its strike words are the crime's."""
INSTITUTION = Cue(r"^\s+(?:(?:city\s+)?district\s+)?(?:court|courthouse)\b|^\s+(?:районн\w+\s+)?суд\w*")
"""'the Pecherskyi District Court of Kyiv': a court named after its district is no place hit,
unless its sentence says something hit it."""
SPOKE_IN = Cue(r"^\W{0,3}in\s+$")
SPEAKER_AFTER = Cue(
    r"^,\s+(?:[\w'’.-]+\s+){0,3}?(?:president|prime minister|(?:foreign |defen[cs]e )?minister|zelensk\w*|"
    r"ambassador|chancellor|envoy|secretary|diplomats?)\b(?:\s+[\w'’.-]+){0,3}?\s+"
    r"(?:said|says|told|stated|announced|urged|called|warned|added|wrote)\b"
)
"""'In Kyiv, President Zelensky said ...': where a leader spoke, not where a strike hit."""
ADMINISTRATION = Cue(
    r"^\s+(?:(?:city|regional|oblast|district)\s+)?(?:(?:state|military|civil[- ]military)\s+)*"
    r"(?:administration|council)\b(?!\s+(?:building|headquarters|offices?|premises|compound))"
)
"""'according to the Kyiv Regional Military Administration': a body that speaks, not a place hit
(its building is one)."""
TITLE_OF = Cue(
    r"\b(?:governor|head|chief|mayor|police|administration|officials?|authorities|prosecutors?|council|"
    r"residents|people)\s+(?:of\s+)?(?:the\s+)?$"
)
"""'the governor of the Kyiv region': a place named in someone's title is not a place hit."""
NATIONWIDE = Cue(
    r"^[^.;]{0,40}?\b(?:(?:launched|fired|sent|aimed)\s+(?:\w+\s+){0,2}(?:against|at|on|across|over)\s+"
    r"(?:ukraine|the country)|across (?:ukraine|the country)|nationwide|throughout (?:ukraine|the country)|"
    r"in total|in all)\b"
)
"""A figure followed by 'launched against Ukraine' or 'nationwide' is the whole country's, not the city's."""
SITE_ONLY = Cue(
    r"^\s+(?:were\s+|was\s+)?(?:reported\s+)?(?:(?:at|in)\s+(?:the|that|this)\s+(?:[\w-]+\s+){0,2}"
    r"(?:site|building|location|address|facility|house|spot)\b|there\b)"
)
"""'No casualties were reported at the Pecherskyi site', 'with no injuries there' speak of one site."""
CASUALTY_ELSEWHERE = Cue(
    r"\bsince (?:the (?:start|beginning|outbreak) of\b|(?:russia['’]s |the )?(?:full-scale |russian )?"
    r"(?:invasion|war)\b|russia (?:launched|began|started|invaded)\b|february 2022\b)|"
    r"\bin ukraine\b(?!['’])|\b(?:across|throughout) (?:ukraine|the country)\b|\bnationwide\b|"
    r"\b(?:in|across|on) (?:the |these |those |all |several |other |many |two |three |four |five |six )"
    r"(?:cities|regions|oblasts)\b|\bthe (?:un|united nations)\b(?: \w+){0,3}? (?:says|said|has (?:recorded|"
    r"verified|confirmed)|recorded|verified)\b|\baccording to the (?:un|united nations)\b"
)
"""A casualty count for the whole country, the whole war or several cities is not one attack's."""
CASUALTY_PART = Cue(
    r"\b(?:in|at) (?:the )?(?:[\w'’-]+ ){1,2}(?:district|raion|neighbou?rhood)\b|"
    r"\bat (?:the|one|another|a second|each) (?:\w+ )?(?:site|location|address)\b"
)
"""A figure given for one district or site is a part of the attack's toll, not the whole."""
