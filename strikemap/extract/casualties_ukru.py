"""Killed and injured in Ukrainian and Russian: numerals in digits and words in every case.

Numerals inflect (`двох поранених`, `п'ятеро загиблих`, `двадцять трьох людей`), the collective
ones count people (`двоє`, `троє`), and the verb comes before or after (`загинули двоє людей`,
`двоє людей загинули`). Each figure says how it stands to the attack's toll, as the English reader's
do: a total, an update ('зросла до 9'), an addition ('ще двоє', 'знайшли тіло'), a part (the
hospitalised, 'троє з них'), or a zero only where the text says nobody.
"""

from __future__ import annotations

import functools
import re

from strikemap.extract.figures import Figure
from strikemap.extract.lexicon import lowered
from strikemap.extract.needles import Needles, checked, fewest, holds, needles
from strikemap.extract.text import merge_spans

_APOSTROPHE = "['’ʼ]?"
_UNITS: tuple[tuple[int, str], ...] = (
    (1, r"од(?:ин|на|не|ного|ну|ній|ним|но|ной|ному|нієї|ніє|ною)"),
    (2, r"дв(?:а|і|е|ох|ом|ома|оє|ое|ух|ум|умя|оих|оим)"),
    (3, r"тр(?:и|ьох|ьом|ьома|оє|ое|ех|ёх|ем|емя|оих|оим)"),
    (4, r"(?:чотир(?:и|ьох|ьом|ма)|четыр(?:е|ех|ёх|ем|ьмя)|четвер(?:о|ых|ьох|ым|ьом))"),
    (5, rf"п{_APOSTROPHE}ят(?:ь|и|еро|ьох|ерых|ьом|ьма|ерым|ью)"),
    (6, r"(?:шість|шести|шістьох|шістьом|шістьма|шест(?:ь|и|еро|ерых|ерым|ью))"),
    (7, r"(?:сім|семи|сімох|сімом|сьома|сем(?:ь|еро|ерых|ерым|ью))"),
    (8, r"(?:вісім|восьми|вісьмох|вісьмом|вісьма|восемь|восьм(?:еро|ерых|ерым|ью))"),
    (9, rf"дев{_APOSTROPHE}ят(?:ь|и|еро|ьох|ерых|ьом|ьма|ерым|ью)"),
    (10, r"десят(?:ь|и|еро|ьох|ерых|ьом|ьма|ерым|ью)"),
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
_MONTH = (
    r"(?:січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листоп|груд|январ|феврал|март|апрел|ма[яй]|июн|"
    r"июл|август|сентябр|октябр|ноябр|декабр)\w*"
)
_N = rf"(?<![\d:])(?P<n>{_NUMBER})(?![\w\d-])(?![:.,]\d)(?!\s+{_MONTH})"
"""A count: not an age ('19-річного'), a time ('3:40') nor a date ('22 жовтня')."""
_PEOPLE = (
    r"(?:\s+(?:людин\w*|люд(?:ей|и|ьми)|осіб|особ\w*|чоловік\w*|человек\w*|мешканц\w*|жител\w*|жильц\w*|"
    r"цивільн\w*|мирн\w*|киян\w*|дит\w*|дет\w*|д[іе]т(?:ей|ьми)))?"
)
_KILLED = r"(?:загин\w*|загибл\w*|помер\w*|погиб\w*|умер\w*|скончал\w*|вбит\w*|убит\w*)"
_INJURED = (
    r"(?:поранен\w*|постражд\w*|травм\w*|ранен\w*|пострадав\w*|пострадал\w*|госпіталіз\w*|госпитализ\w*)"
)
_HOSPITAL = re.compile(r"госпіталіз|госпитализ|лікарн|больниц", re.IGNORECASE)
"""The hospitalised are a part of the injured, which counts only while no whole is given."""
_TOLL_KILLED = rf"(?:{_KILLED}|жертв\w*)"
_STANDS = r"(?:становить|становила|склала|складає|сягає|составляет|составил[аио]?|достигает)"
_RISE = (
    r"(?:(?:зросл[аои]|зріс|збільшил[аои]?сь|збільшився|возросл[аои]|возрос|вырос(?:л[аои])?|"
    rf"увеличил[аои]?сь|сягнул[аои]|достигл[аои]|достиг)\s+до|{_STANDS})"
)
_LATER = (
    r"(?:пізніше|згодом|потім|а потім|позже|затем|впоследствии|позднее)\s*[—–:,]?\s*(?:вже\s+|уже\s+)?"
    r"(?:про|о|об)\s+"
)
"""'про трьох постраждалих, пізніше — про десятьох': the later figure, its noun left out."""
_FOREWORD = (
    r"(?:(?:щонайменше|не менше|не менее|по меньшей мере|як мінімум|как минимум|вже|уже|ще|ещ[её])\s+)*"
)
_ANOTHER = re.compile(r"(?:^|[\s«„\"(])(?:ще|ещ[её]|також|также)\s+(?:\w+\s+)?$", re.IGNORECASE)
"""'ще двоє', 'еще один человек': the figure adds to those already counted."""
_ONE = (
    r"(?:людина|людину|чоловік|чоловіка|жінка|жінку|мужчина|мужчину|женщина|женщину|человек|дитина|дитину|"
    r"ребенок|ребёнка|ребенка|хлопець|хлопця|дівчина|дівчину|парень|парня|девушка|девушку|пенсіонер\w*|"
    r"пенсионер\w*|підліт\w*|подрост\w*|кия\w*н(?:ин|ка|ку)|мешканець|мешканка|житель|жителька)"
)
_AGED = r"(?:\d{1,3}-(?:річн|летн)\w*\s+|(?:літн\w*|пожил\w*|молод\w*)\s+)?"
_TWO_PEOPLE = r"(?:чоловік (?:та|і|й) жінка|мужчина и женщина|жінка (?:та|і|й) чоловік|женщина и мужчина)"
_BODY_VERB = (
    r"(?:знайшли|виявили|дістали|витягли|деблокували|вилучили|знайдено|виявлено|нашли|обнаружили|достали|"
    r"извлекли|обнаружено|найдено)"
)

_PATTERNS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (field, kind, re.compile(pattern))
    for field, kind, pattern in (
        ("killed", "update", rf"{_TOLL_KILLED}(?:\s+(?!{_INJURED})[^\s.;]+){{0,12}}?\s+{_RISE}\s+{_N}"),
        ("injured", "update", rf"{_INJURED}(?:\s+(?!{_TOLL_KILLED})[^\s.;]+){{0,12}}?\s+{_RISE}\s+{_N}"),
        ("killed", "update", rf"{_TOLL_KILLED}(?:\s+[^\s.;,]+){{0,4}}?,?\s+(?P<later>{_LATER}{_N})"),
        ("injured", "update", rf"{_INJURED}(?:\s+[^\s.;,]+){{0,4}}?,?\s+(?P<later>{_LATER}{_N})"),
        ("killed", "additive", rf"(?<![\w-]){_N}\s+(?:з|із|из)\s+{_INJURED}\s+(?:\w+\s+)?{_KILLED}"),
        ("injured", "update", rf"(?<!\w){_INJURED}\s*[—–]\s*до\s+{_N}"),
        (
            "killed",
            "total",
            rf"(?:забра\w*|унес\w*|обірва\w*|оборва\w*)\s+(?:життя|жизн[иь])\s+{_FOREWORD}{_N}",
        ),
        ("killed", "total", rf"жертвами(?:\s+[^\s.;]+){{0,8}}?\s+(?:стал[аио]?|став)\s+{_FOREWORD}{_N}"),
        ("killed", "total", rf"(?<![\w-]){_N}{_PEOPLE}\s+(?:стал[аио]?|став)\s+жертвами"),
        ("killed", "total", rf"(?<![\w-]){_N}{_PEOPLE}\s+(?:(?!{_MONTH}\s)\w+\s+)?{_KILLED}"),
        ("injured", "total", rf"(?<![\w-]){_N}(?P<of>\s+(?:з|із|из) них)?{_PEOPLE}\s+(?:\w+\s+)?{_INJURED}"),
        ("killed", "total", rf"{_KILLED}\s+{_FOREWORD}{_N}"),
        ("injured", "total", rf"{_INJURED}\s+{_FOREWORD}{_N}"),
        (
            "killed",
            "total",
            rf"{_TOLL_KILLED}(?:\s+[^\s.;:—–]+){{0,6}}?\s*(?:[—–]|:(?=\s))\s*{_FOREWORD}{_N}",
        ),
        ("injured", "total", rf"{_INJURED}(?:\s+[^\s.;:—–]+){{0,6}}?\s*(?:[—–]|:(?=\s))\s*{_FOREWORD}{_N}"),
        ("killed", "total", rf"(?<![\w-]){_N}{_PEOPLE}\s*[—–]\s*{_KILLED}"),
        ("injured", "total", rf"(?<![\w-]){_N}{_PEOPLE}\s*[—–]\s*{_INJURED}"),
        ("killed", "total", rf"{_KILLED}\s+(?P<two>{_TWO_PEOPLE})"),
        ("killed", "total", rf"(?P<two>{_TWO_PEOPLE})\s+{_KILLED}"),
        ("killed", "total", rf"{_KILLED}\s+(?P<one>{_AGED}{_ONE})(?!\w)"),
        ("killed", "total", rf"(?<![\w-])(?P<one>{_ONE})\s+(?:\w+\s+)?{_KILLED}"),
        ("injured", "total", rf"{_INJURED}\s+(?P<one>{_AGED}{_ONE})(?!\w)"),
        ("injured", "total", rf"(?<![\w-])(?P<one>{_ONE})\s+(?:\w+\s+){{0,3}}?{_INJURED}"),
        (
            "killed",
            "additive",
            rf"{_BODY_VERB}(?:\s+[^\s.;,]+){{0,4}}?\s+(?:(?P<one>т[іе]ло)|т[іе]ла(?=(?:\s+(?:ще|ещ[её]))?\s+{_NUMBER}))"
            rf"(?:\s+(?:ще|ещ[её]))?(?:\s+{_N})?",
        ),
    )
)
"""(field, kind, pattern): a pattern with no number counts one person ('one') or two ('two')."""
_LITERALS = tuple(needles(p.pattern) for _, _, p in _PATTERNS)
"""Strings one of which every match of each pattern holds: a clause without them skips it."""
_UNREAD_PATTERNS = frozenset(i for i, literals in enumerate(_LITERALS) if literals is None)
_NEEDLES = tuple(sorted({n for literals in _LITERALS for n in literals or ()}))
_NEEDED_BY = Needles(_NEEDLES, [[i for i, lit in enumerate(_LITERALS) if lit and n in lit] for n in _NEEDLES])
"""Which patterns need each needle: one pass over a clause tells which patterns it may match."""


def _also_needed(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which a match must hold besides its `_LITERALS` (which name the casualty
    word most clauses with a figure have): the rise, the 'later' or the dash the pattern requires."""
    if _LATER in pattern:
        return needles(_LATER)
    if _RISE in pattern:
        return needles(_RISE)
    if "(?:[—–]|:(?=\\s))" in pattern:
        return ("—", "–", ":")
    if "[—–]" in pattern:
        return ("—", "–")
    return None


_ALSO_NEEDED = tuple(_also_needed(p.pattern) for _, _, p in _PATTERNS)
_ALSO_NEEDED_BY = tuple((i, also) for i, also in enumerate(_ALSO_NEEDED) if also)


def _possible(lower: str) -> set[int]:
    """The indices of the patterns whose needles the lower-cased clause holds (`_LITERALS`, then
    `_ALSO_NEEDED`)."""
    found = set(_UNREAD_PATTERNS)
    for indices in _NEEDED_BY.values_in(lower):
        found.update(indices)
    for i, also in _ALSO_NEEDED_BY:
        if i in found and not holds(lower, also):
            found.discard(i)
    return found


_AND_HURT = r"(?:і|и|та|й)\s+(?:поранен\w*|ранен\w*|постражд\w*|пострада\w*)"
_NONE = (
    (
        ("killed", "injured"),
        r"(?<!не )(?:обійшлося |обошлось |обошлось )?без\s+(?:постраждал\w*|пострадавш\w*|жертв\w*)"
        rf"|(?<!не )без\s+(?:загибл\w*|погибш\w*)\s+{_AND_HURT}"
        rf"|(?:загибл\w*|погибш\w*)\s+{_AND_HURT}\s+(?:немає|нема|нет)"
        r"|(?:постраждал\w*|пострадавш\w*|жертв)\s+(?:немає|нема|нет)|ніхто не постраждав|никто не пострадал",
    ),
    (
        ("killed",),
        r"(?<!не )без\s+(?:загибл\w*|погибш\w*)|(?:загибл\w*|погибш\w*)\s+(?:немає|нема|нет)|"
        r"ніхто не загинув|никто не погиб",
    ),
    (("injured",), r"(?:поранен\w*|ранен\w*)\s+(?:немає|нема|нет)|ніхто не (?:був )?поранен\w*"),
)

_NOT_WITHOUT = re.compile(r"(?:^|\s)не\s+(?:обійшлося|обошлось|обошлося)\s+$")
"""'не обійшлося без жертв': there were some."""
_NONE_HURT = tuple((fields, re.compile(p)) for fields, p in _NONE)
"""'Загиблих немає', 'обошлось без пострадавших': a zero, for the fields it names."""
_INJURED_WORD = re.compile(_INJURED, re.IGNORECASE)
_DIED_AFTER = re.compile(rf"\s+(?:\w+\s+)?{_KILLED}", re.IGNORECASE)
"""'ще одна постраждала померла': the injured who died count among the dead, not the injured."""
_SUBSET = re.compile(
    r"(?:серед|з них|із них|из них|з яких|из которых|среди|в тому числі|у тому числі|в том числе)\s*$",
    re.IGNORECASE,
)
"""'серед них двоє дітей', 'з них 11 госпіталізовані': a part of a figure already given."""
_NATIONWIDE = re.compile(
    r"по (?:всій |усій )?україні|по (?:всей )?украине|в україні загалом|в украине в целом|"
    r"по (?:всій )?країні|по (?:всей )?стране|з початку (?:повномасштабн|війни|вторгнення)|"
    r"с начала (?:полномасштабн|войны|вторжения)"
)
"""A figure for the whole country or the whole war is not the attack's."""
_STEM_WORDS = {
    "killed": (
        *("загин", "загибл", "помер", "погиб", "умер", "скончал", "вбит", "убит", "жертв", "житт", "жизн"),
        *("тіло", "тіла", "тело", "тела"),
    ),
    "injured": ("поранен", "постражд", "травм", "ранен", "пострада", "госпітал", "госпитал"),
}
"""A field's patterns run only on a clause with one of its stems. Like all patterns here they are
written in lower case and asked of the lower-cased text (`_hurt`): case-blind matching of Cyrillic
is several times slower."""
_STEMS = {field: checked(tuple(sorted(fewest(stems)))) for field, stems in _STEM_WORDS.items()}
_ANY_HURT = checked(tuple(sorted(fewest(_STEM_WORDS["killed"] + _STEM_WORDS["injured"]))))
"""Every figure needs one of the stems: most clauses hold none and skip the patterns. Plain strings,
found in one pass, where a regex of them tries its letters at every place in the clause."""


def casualties(clause: str) -> tuple[Figure, ...]:
    """Killed and injured figures in a Ukrainian or Russian clause; none for a clause in Latin script."""
    lower = _hurt(clause)
    if lower is None or _NATIONWIDE.search(lower):
        return ()
    found: list[tuple[int, Figure]] = []
    taken: dict[str, list[tuple[int, int]]] = {"killed": [], "injured": []}
    fields = {field for field, stems in _STEMS.items() if holds(lower, stems)}
    possible = _possible(lower)
    for i, (field, kind, pattern) in enumerate(_PATTERNS):
        if field not in fields or i not in possible:
            continue
        for m in pattern.finditer(lower):
            n = _count(m)
            span = m.span("later") if m.groupdict().get("later") else m.span()
            if n is None or any(s < span[1] and span[0] < e for s, e in taken[field]):
                continue
            if field == "injured" and _DIED_AFTER.match(clause, m.end()):
                continue
            before = clause[max(0, m.start() - 20) : m.start()]
            if _SUBSET.search(before):
                continue
            taken[field].append(span)
            found.append(
                (m.start(), Figure(field, n, _kind(m, field, kind, before), clause[m.start() : m.end()]))
            )
    found += _zeros(clause, lower, {f.field for _, f in found})
    return tuple(f for _, f in sorted(found, key=lambda p: p[0]))


def _hurt(text: str) -> str | None:
    """The text lower-cased when it holds a stem of `_ANY_HURT`, else None (always for Latin script).
    Lower-cased letter by letter where one letter ('İ') would become two, so positions hold."""
    if text.isascii():
        return None
    lower = lowered(text)  # as the Cues read it: most clauses were lower-cased for them already
    if lower is None:
        lower = "".join(low if len(low := c.lower()) == 1 else c for c in text)
    return lower if holds(lower, _ANY_HURT) else None


_ZERO_WORDS = ("без", "нема", "нет", "ніхто", "никто")
"""Every match of `_NONE_HURT` holds one of these: most clauses with a casualty word hold none."""


def _zeros(clause: str, lower: str, stated: set[str]) -> list[tuple[int, Figure]]:
    """'Загиблих немає': a zero for each field it names that the clause gives no figure for;
    ``lower`` is `_hurt`'s reading of the clause."""
    out: list[tuple[int, Figure]] = []
    if not holds(lower, _ZERO_WORDS):
        return out
    for fields, pattern in _NONE_HURT:
        zero = pattern.search(lower)
        if zero is None or _NOT_WITHOUT.search(lower, 0, zero.start()):
            continue
        words = clause[zero.start() : zero.end()]
        out += [(zero.start(), Figure(f, 0, "zero", words)) for f in fields if f not in stated]
        stated = stated | set(fields)
    return out


def _count(m: re.Match[str]) -> int | None:
    groups = m.groupdict()
    if groups.get("n"):
        return number(groups["n"])
    return 2 if groups.get("two") else 1


_ANOTHER_OPENS = re.compile(r"(?:ще|ещ[её])\s", re.IGNORECASE)
"""A figure that opens with 'ще' adds to those before it."""


def _kind(m: re.Match[str], field: str, kind: str, before: str) -> str:
    """'ще двоє' adds, 'троє з них' and the hospitalised are a part; others keep the pattern's kind."""
    if kind != "total":
        return kind
    if (
        _ANOTHER.search(before)
        or _ANOTHER_OPENS.match(m.group(0))
        or (field == "killed" and _wounded_died(m))
    ):
        return "additive"
    if m.groupdict().get("of") or _HOSPITAL.search(m.group(0)):
        return "subset"
    return kind


def _wounded_died(m: re.Match[str]) -> bool:
    """'двоє поранених померли': the injured who died join the dead already counted."""
    return (
        bool(m.groupdict().get("n")) and bool(_INJURED_WORD.search(m.group(0))) and "загин" not in m.group(0)
    )


_CROSSING = tuple(
    (i, field, p)
    for i, (field, _, p) in enumerate(_PATTERNS)
    if "—" in p.pattern or "[^\\s.;]+" in p.pattern or "жертвами" in p.pattern
)
"""The patterns whose words can run across a dash, colon or comma."""
_BREAK = re.compile("[,;—–:]")


def bound(sentence: str) -> list[tuple[int, int]]:
    """Spans of figures told across a dash, colon or comma ('загиблих — п'ятеро', 'ще 22 — поранені',
    'жертвами обстрілу, за даними ДСНС, стали троє'), which a clause must not be cut inside."""
    lower = _hurt(sentence)
    if lower is None or not _BREAK.search(lower):  # no span can cross a break the sentence lacks
        return []
    fields = {field for field, stems in _STEMS.items() if holds(lower, stems)}  # as `casualties` reads it
    possible = _possible(lower)
    spans = [
        m.span()
        for i, field, p in _CROSSING
        if field in fields and i in possible
        for m in p.finditer(lower)
        if _BREAK.search(m.group(0))
    ]
    return merge_spans(spans)


_NUMBER_WORDS = tuple((v, re.compile(p, re.IGNORECASE)) for v, p in (*_TEENS, *_TENS, *_UNITS))


def number(words: str) -> int | None:
    """'23', '1 200', 'двадцять трьох', 'п'ятеро': the count, or None."""
    text = words.lower().replace("\u00a0", " ")
    digits = text.replace(" ", "")
    if digits.isdigit():
        return int(digits)
    total = 0
    for part in text.split():
        value = _word_value(part)
        if value is None:
            return None
        total += value
    return total or None


@functools.lru_cache(maxsize=4096)
def _word_value(word: str) -> int | None:
    """The value of one number word ('трьох' -> 3), or None; remembered, as few words recur."""
    return next((v for v, p in _NUMBER_WORDS if p.fullmatch(word)), None)
