"""Finding facts in one clause: weapons, casualties, interceptions, damage, who said it.

Each finder returns values with the words that matched, so the extractor can keep evidence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from strikemap import casualties_ukru
from strikemap import lexicon as lx

Found = tuple[str, str]
"""A value and the words it was read from."""

_MODELS = [(lx.Cue(r"(?<![\w-])(?:%s)(?![\w])" % p), m, c) for p, m, c in lx.WEAPON_MODELS]
_CLASSES = [(lx.Cue(r"(?<![\w-])(?:%s)(?![\w])" % p), c) for p, c in lx.WEAPON_CLASSES]
_WEAPON_CUES = [cue for cue, *_ in _MODELS] + [cue for cue, _ in _CLASSES]
_WEAPON_CLASS = [c for _, _, c in _MODELS] + [c for _, c in _CLASSES]


_ANY_DOWN_WORD = lx.Cue(r"shot down|destroy|intercept|downed|neutrali|repelled")
_ANY_WEAPON_WORD = lx.Cue(
    r"(?<![\w-])(?:%s)" % "|".join([p for p, _, _ in lx.WEAPON_MODELS] + [p for p, _ in lx.WEAPON_CLASSES])
)


def weapons(clause: str, *, placed: bool = False) -> tuple[list[Found], list[Found]]:
    """Weapon classes and models that struck, as the clause names them.

    Left out: the country's tally for the night (a clause scoped to all of Ukraine, unless it names
    Kyiv or the capital, or ``placed``: the caller found a place in it), what defended ('Patriot
    missiles') and what did not come ('no drones reached the city').
    """
    if not _ANY_WEAPON_WORD.search(clause) or (_countrywide(clause) and not placed):
        return [], []
    classes: list[Found] = []
    models: list[Found] = []
    taken: list[tuple[int, int]] = []
    defence = lx.DEFENDER_BEFORE.possible(clause) or lx.DEFENDER_AFTER.possible(clause)
    denial = lx.NEGATED_WEAPON.possible(clause)
    dropped = -1  # where the last word left out ends: 'no Shahed drones' leaves out both words
    for i, m in sorted(lx.matches(_WEAPON_CUES, clause), key=lambda found: (found[1].start(), found[0])):
        if _overlaps(m, taken):
            continue
        taken.append(m.span())
        if (
            (dropped >= 0 and not clause[dropped : m.start()].strip())
            or (defence and _defends(clause, m))
            or (denial and _negated(clause, m))
        ):
            dropped = m.end()
            continue
        if i < len(_MODELS):
            models.append((_MODELS[i][1], _quote(clause, m)))
        classes.append((_WEAPON_CLASS[i], _quote(clause, m)))
    return classes, models


def _countrywide(clause: str) -> bool:
    """The clause speaks of the whole country and of no city: 'launched 63 drones at Ukraine'."""
    return bool(lx.COUNTRY_SCOPE.search(clause)) and not lx.CITY_TIE.search(clause)


_WINDOW = 60
"""How far before or after a weapon word its qualifier can be: a few words."""


def _defends(clause: str, m: re.Match[str]) -> bool:
    """The weapon word names an interceptor: 'Patriot missiles', 'drone interceptors'."""
    before = clause[max(0, m.start() - _WINDOW) : m.start()]
    return bool(
        lx.DEFENDER_BEFORE.search(before) or lx.DEFENDER_AFTER.search(clause[m.end() : m.end() + _WINDOW])
    )


def _negated(clause: str, m: re.Match[str]) -> bool:
    """The weapon word is denied: 'no drones', 'not a ballistic missile'."""
    return bool(lx.NEGATED_WEAPON.search(clause[max(0, m.start() - _WINDOW) : m.start()]))


def _quote(clause: str, m: re.Match[str]) -> str:
    """The clause's own words where a Cue matched (a Cue matches a lower-cased copy)."""
    return clause[m.start() : m.end()]


def _overlaps(m: re.Match[str], taken: list[tuple[int, int]]) -> bool:
    return any(s < m.end() and m.start() < e for s, e in taken)


_N = r"(?:at least |some |about |around |more than |over |up to |nearly )?(?P<n>%s|an?)" % lx.NUMBER
_WHO = (
    r"(?:(?:\d+-year-old |elderly |young )?(?:more |other |further |of them )?"
    r"(?:people|persons?|civilians?|residents?|children|"
    r"child|kids?|women|woman|men|man|boys?|girls?|teenagers?|others?|individuals|"
    r"rescuers?|firefighters?|medics?|police officers?|journalists?|elderly \w+|\w+ers)\s+)?"
)
_BE = r"(?:(?:were|was|have been|has been|had been|are|is|got|reportedly|reported|confirmed|also)\s+)*"
_KILL = r"(?:killed|dead|died|die|perished|lost their lives|deaths?|fatalities)"
_HURT = r"(?:injured|wounded|hurt|injuries|hospitali[sz]ed|casualties)"
_TOLLS = {
    "killed": r"death toll|toll|number of (?:people )?(?:dead|deaths|killed)",
    "injured": r"number of (?:injured|wounded|injuries|casualties)|injury toll",
}
_CASUALTY_PATTERNS = [
    (lx.Cue(p), field)
    for field, verb, gerund in (
        ("killed", _KILL, r"kill(?:ing|ed)"),
        ("injured", _HURT, r"(?:injur|wound)(?:ing|ed)"),
    )
    for p in (
        r"\b%s\s+%s%s%s\b" % (_N, _WHO, _BE, verb),
        r"\b%s\s+%s(?:\w+\s+){0,2}%s\b" % (_N, _WHO.replace("\\s+)?", "\\s+)"), verb),
        r"\b%s\s+%s\b" % (gerund, _N) + r"(?!\s*(?:drones?|missiles?|%))",
        r"\b(?:%s)\b[^.;]{0,120}?\b(?:rose|risen|climbed|increased|reached|stands? at|is now|now|grew|"
        r"jumped)\s+(?:to\s+)?%s\b" % (_TOLLS[field], _N),
    )
]
_NONE_HURT = lx.Cue(
    r"\b(?:no (?:casualties|victims|one was (?:hurt|killed|injured)|one has been (?:hurt|injured|killed)|"
    r"injuries or deaths|deaths or injuries)|nobody was (?:hurt|killed|injured)|"
    r"without casualties|no one was hurt|there were no (?:casualties|victims))\b",
)
_NONE_KILLED = lx.Cue(r"\bno (?:deaths|fatalities|one was killed|dead)\b|\bnobody was killed\b")
_NONE_INJURED = lx.Cue(r"\bno (?:injuries|injured|one was (?:injured|wounded))\b")
_UNKNOWN = lx.Cue(
    r"\bno (?:immediate |further )?(?:information|info|details|word|reports?) (?:on|about|of|yet on)"
    r" (?:casualties|victims|injuries)|\bcasualties (?:are|were) (?:being )?(?:unknown|not yet known|"
    r"being clarified|being established)|\bnumber (?:and circumstances )?of (?:the )?victims\b"
)
_VAGUE = lx.Cue(
    r"\b(?:several|dozens|scores|many|some|a number of|numerous|multiple|hundreds)\s+(?:of\s+)?"
    r"(?:other\s+)?(?:people|civilians|residents|others|persons)?\s*(?:were\s+|have been\s+)?"
    r"(?:killed|injured|wounded|hurt|dead)|(?:killed|injured|wounded)\s+(?:several|dozens|many|some)"
    r"(?:\s+(?:others|people))?",
)


@dataclass(frozen=True, slots=True)
class Casualties:
    killed: Found | None = None
    injured: Found | None = None
    words: tuple[str, ...] = ()


_ANY_CASUALTY_WORD = lx.Cue(
    r"kill|dead|die|death|perish|lives|fatal|injur|wound|hurt|hospital|casualt|victim|toll"
)


def casualties(clause: str) -> Casualties:
    """Killed and injured as stated; 'no casualties' is zero, 'several' keeps only the words."""
    hurt = casualties_ukru.casualties(clause)
    if hurt.killed or hurt.injured:
        return Casualties(hurt.killed, hurt.injured)
    if not _ANY_CASUALTY_WORD.search(clause):
        return Casualties()
    if _UNKNOWN.search(clause):
        return Casualties()
    if (m := _NONE_HURT.search(clause)) and not lx.SITE_ONLY.match(clause[m.end() :]):
        return Casualties(("0", _quote(clause, m)), ("0", _quote(clause, m)))
    found: dict[str, Found] = {}
    if m := _NONE_KILLED.search(clause):
        found["killed"] = ("0", _quote(clause, m))
    if m := _NONE_INJURED.search(clause):
        found["injured"] = ("0", _quote(clause, m))
    for pattern, field in _CASUALTY_PATTERNS:
        for m in pattern.finditer(clause):
            n = _count(m.group("n"))
            if n is not None and not _is_ordinal(clause, m) and not lx.NATIONWIDE.match(clause[m.end() :]):
                found[field] = (str(n), _quote(clause, m))
    words = tuple(_quote(clause, m) for m in _VAGUE.finditer(clause))
    return Casualties(found.get("killed"), found.get("injured"), words)


MAX_COUNT = 1_000_000
"""More people or drones than this in one clause is not a count we believe (nor store)."""


def _count(words: str) -> int | None:
    try:
        n = lx.parse_number(words)
    except ValueError:  # thousands of digits: Python refuses to convert them
        return None
    return n if n is not None and n <= MAX_COUNT else None


def _is_ordinal(clause: str, m: re.Match[str]) -> bool:
    return bool(re.match(r"(?:st|nd|rd|th)\b", clause[m.end("n") :]))


_TARGETS = (
    r"(?:drones?|missiles?|uavs?|shaheds?|targets|rockets?|cruise missiles?|ballistic missiles?|"
    r"aerial targets|attack drones|kamikaze drones|[\w-]+ (?:drones|missiles))"
)
_DOWN = r"(?:shot down|destroyed|intercepted|downed|neutrali[sz]ed|repelled)"
_INTERCEPT = [
    lx.Cue(p)
    for p in (
        r"\b%s\s+(?:all\s+)?%s\s+(?:of|out of)\s+(?:the\s+)?%s" % (_DOWN, _N, lx.NUMBER),
        r"\b%s\s+(?:all\s+)?%s\s+(?:\w+\s+){0,2}%s" % (_DOWN, _N, _TARGETS),
        r"\b(?:all\s+)?%s\s+(?:of\s+(?:the\s+)?%s\s+)?(?:\w+\s+){0,2}%s\s+(?:were|was|had been|have been|"
        r"being)?\s*%s" % (_N, lx.NUMBER, _TARGETS, _DOWN),
    )
]


def intercepted(clause: str) -> Found | None:
    """How many drones or missiles air defence brought down, summed over the clause."""
    if not _ANY_DOWN_WORD.search(clause):
        return None
    total, words = 0, []
    taken: list[tuple[int, int]] = []
    for pattern in _INTERCEPT:
        for m in pattern.finditer(clause):
            n = _count(m.group("n"))
            if n is not None and not _overlaps(m, taken) and not lx.NATIONWIDE.match(clause[m.end() :]):
                taken.append(m.span())
                total += n
                words.append(_quote(clause, m))
    return (str(total), "; ".join(words)) if words else None


_DAMAGE = [(lx.Cue(r"\b(?:%s)\b" % p), label) for p, label in lx.DAMAGE_TARGETS]
_FIRE = lx.Cue(r"\b(?:fire broke out|caught fire|(?:a |the )?(?:fire|blaze)s?\b|ablaze|burning)")
_DEBRIS = lx.Cue(r"\b(?:debris|fragments|wreckage|shrapnel)\b")
_DAMAGE_CUES = [cue for cue, _ in _DAMAGE]
_ANY_TARGET = lx.Cue(r"\b(?:%s)\b" % "|".join(p for p, _ in lx.DAMAGE_TARGETS))
"""One search that spares most clauses the search for each kind of target."""


def damage(clause: str) -> list[Found]:
    """What was hit, as target categories, when the clause says something was damaged."""
    if not lx.DAMAGE_VERBS.search(clause):
        return []
    out: list[Found] = []
    taken: list[tuple[int, int]] = []
    for i, m in lx.matches(_DAMAGE_CUES, clause) if _ANY_TARGET.search(clause) else ():
        if not _overlaps(m, taken):
            taken.append(m.span())
            out.append((_DAMAGE[i][1], _quote(clause, m)))
    if fire := _FIRE.search(clause):
        out.append(("fire", _quote(clause, fire)))
    return out


def debris(clause: str) -> Found | None:
    m = _DEBRIS.search(clause)
    return ("true", _quote(clause, m)) if m else None


_TIMES = [(lx.Cue(r"\b(?:%s)" % p), label) for p, label in lx.TIME_OF_DAY]
_ANY_TIME = lx.Cue(r"\b(?:%s)" % "|".join(p for p, _ in lx.TIME_OF_DAY))


def time_of_day(clause: str) -> Found | None:
    if not _ANY_TIME.search(clause):
        return None
    for pattern, label in _TIMES:
        if m := pattern.search(clause):
            return label, _quote(clause, m)
    return None


_NAME = r"(?:[A-Z][a-z’'\-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z’'\-]+)){1,2}"
_NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "ukraine",
        "ukrainian",
        "ukraine's",
        "russia",
        "russian",
        "russians",
        "kyiv",
        "kiev",
        "telegram",
        "twitter",
        "on",
        "in",
        "officials",
        "official",
        "police",
        "president",
        "mayor",
        "but",
        "and",
        "with",
        "for",
        "according",
        "city",
        "military",
        "reuters",
        "air",
        "force",
        "state",
        "emergency",
        "service",
        "administration",
        "ministry",
        "moscow",
        "kremlin",
        "white",
        "house",
        "pentagon",
        "independent",
        "news",
        "agency",
        "associated",
        "press",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_SPEAKERS = [
    re.compile(p)
    for p in (
        r"(?P<name>%s)(?:,\s[^,]{2,90},)?\s+(?:also\s+|later\s+|earlier\s+)?(?:%s|saying)\b"
        % (_NAME, lx.SPEECH_VERBS),
        r"\b(?:%s|according to|said by|quoted)\s+(?:the\s+)?(?:\w+\s+){0,3}?(?P<name>%s)"
        % (lx.SPEECH_VERBS, _NAME),
        r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+(?P<surname>[A-Z][a-z’'\-]+)",
        r"(?P<surname>[A-Z][a-z’'\-]+)\s+(?:%s|added|saying)\b" % lx.SPEECH_VERBS,
    )
]
_ORGS = re.compile(
    r"\b(?P<org>(?:Ukraine['’]s |the )?[Aa]ir [Ff]orce|Kyiv City Military Administration|"
    r"(?:Kyiv|Kiev) (?:city |regional )?military administration|State Emergency Service|"
    r"National Police)\b[^.]{0,40}?\b(?:%s|reported)\b|\baccording to (?:the )?(?P<org2>(?:Ukraine['’]s )?"
    r"[Aa]ir [Ff]orce|Kyiv City Military Administration|State Emergency Service|National Police)"
    % lx.SPEECH_VERBS
)


_SPEECH = lx.Cue(r"%s|saying|according to|said by|quoted" % lx.SPEECH_VERBS)
"""Words without which no speaker pattern but the titled one can match."""


def speakers(sentence: str, known: Mapping[str, str]) -> list[Found]:
    """People (and a few official bodies) quoted in the sentence, as full names where known.

    ``known``: the full name of each surname met earlier in the article (the latest, if several).
    """
    out: list[Found] = []
    surnames: list[tuple[str, str, bool]] = []
    spoken = bool(_SPEECH.search(sentence))
    titled = any(t in sentence for t in ("Mr", "Ms", "Dr"))
    for i, pattern in enumerate(_SPEAKERS):
        if not (titled if i == 2 else spoken):
            continue
        for m in pattern.finditer(sentence):
            if "name" in m.groupdict() and m.group("name"):
                if name := _clean_name(m.group("name")):
                    out.append((name, m.group(0)))
            elif (surname := m.group("surname")) and surname.lower() not in _NOT_NAMES:
                surnames.append((surname, m.group(0), i == 2))
    names = [n for n, _ in out]
    for surname, words, titled in surnames:
        full = next((n for n in names if n.split()[-1] == surname), None) or known.get(surname)
        if full or titled or _plausible_surname(surname):
            out.append((full or surname, words))
    for m in _ORGS.finditer(sentence) if spoken else ():
        org = (m.group("org") or m.group("org2")).strip()
        org = re.sub(r"^(?:the|Ukraine['’]s)\s+", "", org)
        out.append((org[0].upper() + org[1:], m.group(0)))
    return list({n: (n, w) for n, w in reversed(out)}.values())[::-1]


def _plausible_surname(word: str) -> bool:
    """A lone capitalised word before 'said' is a surname unless it looks like a common noun."""
    lowered = word.lower()
    return len(word) > 3 and not lowered.endswith("s") and lowered not in _NOT_NAMES | _PRONOUNS


_PRONOUNS = frozenset(
    ["he", "she", "they", "it", "we", "i", "you", "who", "this", "that", "officials", "authorities"]
)


def _clean_name(raw: str) -> str | None:
    words = re.sub(r"[’']s$", "", raw).split()
    while words and words[0].lower().strip(".") in (
        "mayor",
        "president",
        "lawmaker",
        "minister",
        "governor",
        "mr",
        "mrs",
        "ms",
        "dr",
        "head",
        "chief",
        "spokesman",
        "spokeswoman",
        "deputy",
        "adviser",
        "advisor",
        "general",
        "colonel",
    ):
        words = words[1:]
    if len(words) < 2 or any(w.lower().strip("’'") in _NOT_NAMES for w in words):
        return None
    return " ".join(words)
