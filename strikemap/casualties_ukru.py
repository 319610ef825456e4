"""Killed and injured in Ukrainian and Russian: numerals in digits and words in every case.

Numerals inflect (`двох поранених`, `п'ятеро загиблих`, `двадцять трьох людей`), the collective
ones count people (`двоє`, `троє`), and the verb comes before or after (`загинули двоє людей`,
`двоє людей загинули`). Hospitalised people are a part of the injured, never their number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_APOSTROPHE = "['’ʼ]?"
_UNITS: tuple[tuple[int, str], ...] = (
    (1, r"од(?:ин|на|не|ного|ну|ній|ним|но|ной|ному)"),
    (2, r"дв(?:а|і|е|ох|ом|ома|оє|ое|ух|ум|умя)"),
    (3, r"тр(?:и|ьох|ьом|ьома|оє|ое|ех|ёх|ем|емя)"),
    (4, r"(?:чотир(?:и|ьох|ьом)|четыр(?:е|ех|ёх)|четвер(?:о|ых|ьох))"),
    (5, rf"п{_APOSTROPHE}ят(?:ь|и|еро|ьох|ерых)"),
    (6, r"(?:шість|шести|шістьох|шест(?:ь|и|еро|ерых))"),
    (7, r"(?:сім|семи|сімох|сем(?:ь|еро|ерых))"),
    (8, r"(?:вісім|восьми|вісьмох|восемь|восьм(?:еро|ерых))"),
    (9, rf"дев{_APOSTROPHE}ят(?:ь|и|еро|ьох|ерых)"),
    (10, r"десят(?:ь|и|еро|ьох|ерых)"),
)
_TEENS: tuple[tuple[int, str], ...] = (
    (11, r"один(?:адцят|надцат)\w*"),
    (12, r"двена?дцят\w*|двенадцат\w*"),
    (13, r"тринадцят\w*|тринадцат\w*"),
    (14, r"чотирнадцят\w*|четырнадцат\w*"),
    (15, rf"п{_APOSTROPHE}ятнадцят\w*|пятнадцат\w*"),
    (16, r"шістнадцят\w*|шестнадцат\w*"),
    (17, r"сімнадцят\w*|семнадцат\w*"),
    (18, r"вісімнадцят\w*|восемнадцат\w*"),
    (19, rf"дев{_APOSTROPHE}ятнадцят\w*|девятнадцат\w*"),
)
_TENS: tuple[tuple[int, str], ...] = (
    (20, r"двадцят\w*|двадцат\w*"),
    (30, r"тридцят\w*|тридцат\w*"),
    (40, r"сорок\w*"),
    (50, rf"п{_APOSTROPHE}ятдесят\w*|пятьдесят\w*|пятидесят\w*"),
    (60, r"шістдесят\w*|шестьдесят\w*|шестидесят\w*"),
    (70, r"сімдесят\w*|семьдесят\w*|семидесят\w*"),
    (80, r"вісімдесят\w*|восемьдесят\w*|восьмидесят\w*"),
    (90, rf"дев{_APOSTROPHE}яносто\w*|девяносто\w*"),
)
_WORD = "|".join(p for _, p in (*_TEENS, *_TENS, *_UNITS))
_NUMBER = rf"(?:\d{{1,4}}(?:[ \u00a0]\d{{3}})?|(?:{_WORD})(?:\s+(?:{'|'.join(p for _, p in _UNITS)}))?)"
_N = rf"(?P<n>{_NUMBER})(?![\w\d])"
_PEOPLE = (
    r"(?:\s+(?:людин\w*|люд(?:ей|и)|осіб|особ\w*|чоловік\w*|человек\w*|мешканц\w*|жител\w*|цивільн\w*|"
    r"мирн\w*|киян\w*|дит\w*|дет\w*))?"
)
_KILLED = r"(?:загин\w*|загибл\w*|помер\w*|погиб\w*|умер\w*|скончал\w*|вбит\w*|убит\w*)"
_INJURED = r"(?:поранен\w*|постражд\w*|травмован\w*|ранен\w*|пострадав\w*|пострадал\w*|травмирован\w*)"
_RISE = r"(?:зросла|зросло|збільшилась|возросл[оа]|увеличил[оа]сь|сягнула|достигл[оа])\s+до"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (field, re.compile(pattern, re.IGNORECASE))
    for field, pattern in (
        ("killed", rf"{_KILLED}(?:\s+[^\s.;]+){{0,12}}?\s+{_RISE}\s+{_N}"),
        ("injured", rf"{_INJURED}(?:\s+[^\s.;]+){{0,12}}?\s+{_RISE}\s+{_N}"),
        ("killed", rf"(?<![\w-]){_N}{_PEOPLE}\s+(?:\w+\s+)?{_KILLED}"),
        ("injured", rf"(?<![\w-]){_N}{_PEOPLE}\s+(?:\w+\s+)?{_INJURED}"),
        (
            "killed",
            rf"{_KILLED}\s+(?:щонайменше\s+|не менше\s+|не менее\s+|по меньшей мере\s+|ще\s+|еще\s+)?{_N}",
        ),
        ("injured", rf"{_INJURED}\s+(?:щонайменше\s+|не менше\s+|не менее\s+|ще\s+|еще\s+)?{_N}"),
        ("killed", rf"{_KILLED}(?:\s+[^\s.;:—–]+){{0,6}}?\s*[—–:]\s*{_N}"),
        ("injured", rf"{_INJURED}(?:\s+[^\s.;:—–]+){{0,6}}?\s*[—–:]\s*{_N}"),
    )
)
_ONE_PERSON = re.compile(
    r"(?:(?:загинул[аи]?|загинув|помер(?:ла)?|погиб(?:ла)?|умер(?:ла)?)\s+(?:одна\s+)?(?:людина|чоловік|жінка|"
    r"мужчина|женщина|человек|дитина|ребенок|ребёнок)|(?:одна\s+людина|один\s+человек|чоловік|жінка|мужчина|"
    r"женщина)\s+(?:загинул[аи]?|загинув|помер(?:ла)?|погиб(?:ла)?|умер(?:ла)?))(?![\w])",
    re.IGNORECASE,
)
_NONE_HURT = re.compile(
    r"без\s+(?:постраждал\w*|пострадавш\w*|жертв|загибл\w*)|(?:постраждал\w*|пострадавш\w*|жертв)\s+"
    r"(?:немає|нема|нет)|ніхто не (?:постраждав|загинув)|никто не (?:пострадал|погиб)|обійшлося без жертв|"
    r"обошлось без жертв",
    re.IGNORECASE,
)
_SUBSET = re.compile(
    r"(?:серед|з них|із них|из них|среди|в тому числі|у тому числі|в том числе)\s*$", re.IGNORECASE
)
"""'серед них двоє дітей', 'з них 11 госпіталізовані': a part of a figure already given."""
_CYRILLIC = re.compile("[а-яіїєґё]", re.IGNORECASE)
_ANY_HURT = re.compile(
    r"загин|загибл|помер|погиб|умер|скончал|вбит|убит|поранен|постражд|травм|ранен|пострада|жертв|"
    r"без постраждал|без пострадавш",
    re.IGNORECASE,
)
"""Every figure needs one of these stems: most clauses hold none and skip the patterns."""
Found = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Hurt:
    """Killed and injured as stated in one clause: (count as text, the words)."""

    killed: Found | None = None
    injured: Found | None = None


def casualties(clause: str) -> Hurt:
    """Killed and injured in a Ukrainian or Russian clause; nothing for a clause in Latin script."""
    if clause.isascii() or not _CYRILLIC.search(clause) or not _ANY_HURT.search(clause):
        return Hurt()
    if m := _NONE_HURT.search(clause):
        return Hurt(("0", m.group(0)), ("0", m.group(0)))
    found: dict[str, Found] = {}
    for field, pattern in _PATTERNS:
        if field in found:
            continue
        for m in pattern.finditer(clause):
            if _SUBSET.search(clause[max(0, m.start() - 20) : m.start()]):
                continue
            n = number(m.group("n"))
            if n is not None:
                found[field] = (str(n), m.group(0))
                break
    if "killed" not in found and (m := _ONE_PERSON.search(clause)):
        found["killed"] = ("1", m.group(0))
    return Hurt(found.get("killed"), found.get("injured"))


def is_update(words: str) -> bool:
    """Whether the words give a toll that rose ('кількість загиблих зросла до 9'): it supersedes."""
    return bool(re.search(_RISE, words, re.IGNORECASE))


def number(words: str) -> int | None:
    """'23', '1 200', 'двадцять трьох', 'п'ятеро': the count, or None."""
    text = words.lower().replace("\u00a0", " ")
    digits = text.replace(" ", "")
    if digits.isdigit():
        return int(digits)
    total = 0
    for part in text.split():
        value = next((v for v, p in (*_TEENS, *_TENS, *_UNITS) if re.fullmatch(p, part, re.IGNORECASE)), None)
        if value is None:
            return None
        total += value
    return total or None
