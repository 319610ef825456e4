"""Finding date expressions in a sentence and resolving them against the article's date.

A date that cannot be pinned to a day keeps the set of days it could be (``When``), so a
month or year can be given with that precision instead of a confident wrong day.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any, Literal

from strikemap.extract.lexicon import NUMBER, Cue, lowered, parse_number, script
from strikemap.extract.needles import by_script, fewest, holds, needles
from strikemap.models import Precision, When

WAR_START = dt.date(2022, 2, 24)

Kind = Literal["day", "monthday", "month", "weekday", "from_article", "from_main", "weak", "window", "anchor"]

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
"""English month names, January first; their first three letters are their short forms."""
_MONTHS = {
    name: number
    for number, month in enumerate(MONTHS, start=1)
    for name in dict.fromkeys((month[:3], *(("sept",) if month == "september" else ()), month))
}
_MONTH = r"(?P<month>%s)\.?" % "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = r"(?P<weekday>%s)" % "|".join(_WEEKDAYS)
_ANY_WEEKDAY = r"(?:%s)" % "|".join(_WEEKDAYS)
_UNIT = r"(?P<unit>day|week|month|year)s?"
_QUALIFIER = r"(?P<qual>nearly|almost|about|around|some|roughly|more than|over|less than|just over)?\s*"
_N = r"(?P<n>%s)" % NUMBER


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a sentence (offsets are within that sentence)."""

    start: int
    end: int
    text: str
    kind: Kind
    day: dt.date | None = None
    month: int | None = None
    day_of_month: int | None = None
    year: int | None = None
    weekday: int | None = None
    last_week: bool = False
    offset: int = 0
    span: tuple[int, int] = (0, 0)
    """For windows: days relative to the article day (first, last)."""
    recall: bool = False
    """The wording marks an earlier attack being recalled ('last week', 'ago')."""
    before: bool = False
    """A month named as 'last July': never the article's own month."""
    night: bool = False
    """A night named by its two dates ('the night of March 20 to 21'): it began the day before."""


MAX_SPAN_DAYS = 100 * 366
"""A relative date reaching further than a century ('1,000,000 days ago') is not read as a date."""


def _count(words: str, unit_days: int = 1) -> int | None:
    """A count of days, weeks, months or years, or None when it is unreadable or over a century."""
    try:
        n = parse_number(words)
    except ValueError:  # thousands of digits: Python refuses to convert them
        return None
    return n if n is not None and n * unit_days <= MAX_SPAN_DAYS else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _make(kind: Kind, m: re.Match[str], **values: object) -> DateMention:
    return DateMention(m.start(), m.end(), m.group(0), kind, **values)  # type: ignore[arg-type]


def _full_date(m: re.Match[str]) -> DateMention | None:
    g = m.groupdict()
    month = int(g["mnum"]) if g.get("mnum") else _MONTHS[g["month"].lower()]
    day = _safe_date(int(g["year"]), month, int(g["day"]))
    return _make("day", m, day=day) if day else None


def _month_day(m: re.Match[str]) -> DateMention | None:
    return _month_day_of(m, _MONTHS[m.group("month").lower()], int(m.group("day")))


def _month_day_of(m: re.Match[str], month: int, day: int) -> DateMention | None:
    if _safe_date(2024, month, day) is None:
        return None
    return _make("monthday", m, month=month, day_of_month=day)


def _slashed(m: re.Match[str], order: SlashOrder | None = None) -> DateMention | None:
    """'30/8/2023' or '8/30/2023': a day only where one of the two numbers cannot be a month, or
    where the article's other slashed dates show which order it writes (``order``)."""
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    if a > 12 >= b or (order == "dmy" and b <= 12):
        day = _safe_date(year, b, a)
    elif b > 12 >= a or (order == "mdy" and a <= 12):
        day = _safe_date(year, a, b)
    else:
        return None  # '5/6/2023' is 5 June in Kyiv and 6 May in New York: no day to trust
    return _make("day", m, day=day) if day else None


SlashOrder = Literal["dmy", "mdy"]
_SLASHED = re.compile(r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?:19|20)\d\d(?![\d/])")


def slash_order(text: str) -> SlashOrder | None:
    """The order an article writes its slashed dates in, when one of them shows it ('31/12/2023'
    is day first) and none shows the other: '02/01/2024' in the same live blog is then 2 January."""
    if "/" not in text:
        return None
    orders: set[SlashOrder] = set()
    for m in _SLASHED.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a > 12 >= b:
            orders.add("dmy")
        elif b > 12 >= a:
            orders.add("mdy")
    return orders.pop() if len(orders) == 1 else None


def _weekday_slashed(m: re.Match[str]) -> DateMention | None:
    """'Wednesday (30/8)', as Malaysian and Indonesian outlets date a wire story: the day and month
    in parentheses, read only where one number cannot be a month."""
    a, b = int(m.group("a")), int(m.group("b"))
    if a > 12 >= b:
        month, day = b, a
    elif b > 12 >= a:
        month, day = a, b
    else:
        return None
    if _safe_date(2024, month, day) is None:
        return None
    return _make("monthday", m, month=month, day_of_month=day)


def _night(m: re.Match[str]) -> DateMention | None:
    """A night named by its two dates: the later one, as the attack's day (see `resolve`).

    'July 3 to 4' names its month once, before the first day: the later day is in that month.
    """
    month = _MONTHS[(m.group("month") or m.groupdict()["first"]).lower().rstrip(".")]
    day = int(m.group("day"))
    if m.group("year"):
        found = _safe_date(int(m.group("year")), month, day)
        return _make("day", m, day=found, night=True) if found else None
    mention = _month_day_of(m, month, day)
    return dataclasses.replace(mention, night=True) if mention else None


def _month_year(m: re.Match[str]) -> DateMention | None:
    year = int(m.group("year")) if m.groupdict().get("year") else None
    return _make("month", m, month=_MONTHS[m.group("month").lower()], year=year)


def _weekday(m: re.Match[str]) -> DateMention:
    text = m.group(0).lower()
    last = "last week" in text or text.startswith("last ")
    return _make(
        "weekday",
        m,
        weekday=_WEEKDAYS.index(m.group("weekday").lower()),
        last_week=last,
        recall="last week" in text,
    )


def _weekday_night(m: re.Match[str]) -> DateMention:
    """A night named by its two weekdays ('the night from Sunday to Monday'): the later one, as
    the night of two dates is (see `_night`)."""
    return dataclasses.replace(_weekday(m), night=True)


def _ago(m: re.Match[str]) -> DateMention | None:
    unit_days = _UNIT_DAYS[m.group("unit").lower()]
    n = _count(m.group("n"), unit_days)
    if n is None:
        return None
    return _make("from_article", m, offset=-unit_days * n, recall=True)


_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def _relative(offset: int, kind: Kind = "from_main") -> object:
    return lambda m: _make(kind, m, offset=offset)


def _n_days(sign: int) -> object:
    def build(m: re.Match[str]) -> DateMention | None:
        n = _count(m.group("n"))
        return None if n is None else _make("from_main", m, offset=sign * n)

    return build


def _weeks_before(m: re.Match[str]) -> DateMention | None:
    """'A week earlier': an earlier attack recalled, counted from the one the article leads with."""
    n = 1 if m.group("n").lower() in ("a", "an") else _count(m.group("n"))
    return None if n is None else _make("from_main", m, offset=-7 * n, recall=True)


def _window(first: int, last: int, recall: bool = True) -> object:
    return lambda m: _make("window", m, span=(first, last), recall=recall)


# Ukrainian and Russian: month names in the genitive ("17 жовтня", "17 октября"), the locative
# ("у березні", "в марте") and the nominative; weekdays in the accusative ("у середу", "в среду").
_CYR_MONTH_FORMS = (
    "січ|январ",
    "лют|феврал",
    "берез|март",
    "квіт|апрел",
    "трав|ма[йяе]",
    "черв|июн",
    "лип|июл",
    "серп|август",
    "верес|сентябр",
    "жовт|октябр",
    "листопад|ноябр",
    "груд|декабр",
)
_CYR_MONTH_WORD = (
    r"(?P<cmonth>(?:січ(?:ня|ні|ень)|лют(?:ого|ому|ий)|берез(?:ня|ні|ень)|квіт(?:ня|ні|ень)|трав(?:ня|ні|ень)|"
    r"черв(?:ня|ні|ень)|лип(?:ня|ні|ень)|серп(?:ня|ні|ень)|верес(?:ня|ні|ень)|жовт(?:ня|ні|ень)|"
    r"листопад(?:а|і)?|груд(?:ня|ні|ень)|январ[яеь]|феврал[яеь]|март[ае]?|апрел[яеь]|ма[йяе]|июн[яеь]|"
    r"июл[яеь]|август[ае]?|сентябр[яеь]|октябр[яеь]|ноябр[яеь]|декабр[яеь]))(?![а-яіїєґё])"
)
_CYR_YEAR = r"(?:\s+%s(?:\s*(?:р\.|року|рік|г\.|года|год))?)?" % _YEAR
_CYR_WEEKDAYS = (
    "понеділ|понедельник",
    "вівтор|вторник",
    "серед|сред",
    "четвер",
    "п['’ʼ]?ятниц|пятниц",
    "субб?от",
    "неділ|воскресен",
)
_CYR_WEEKDAY_WORD = (
    r"(?P<cweekday>понеділ(?:ок|ка)|вівтор(?:ок|ка)|серед(?:у|а|и)|четвер(?:га)?|п['’ʼ]?ятниц(?:ю|я|і)|"
    r"субот(?:у|а|и)|неділ(?:ю|я|і)|понедельник(?:а)?|вторник(?:а)?|сред(?:у|а|ы)|четверг(?:а)?|"
    r"пятниц(?:у|а|ы)|суббот(?:у|а|ы)|воскресень(?:е|я))(?![а-яіїєґё])"
)


_CYR_MONTH_STEMS = tuple(map(re.compile, _CYR_MONTH_FORMS))
_CYR_WEEKDAY_STEMS = tuple(map(re.compile, _CYR_WEEKDAYS))


def _cyr_month(word: str) -> int:
    word = word.lower()
    return next(i for i, stems in enumerate(_CYR_MONTH_STEMS, 1) if stems.match(word))


def _cyr_date(m: re.Match[str]) -> DateMention | None:
    """'17 жовтня 2022' (a day), '17 октября' (a month and day), 'у ніч на 5 травня' (the later day)."""
    month, day = _cyr_month(m.group("cmonth")), int(m.group("day"))
    if m.group("year"):
        found = _safe_date(int(m.group("year")), month, day)
        return _make("day", m, day=found) if found else None
    if _safe_date(2024, month, day) is None:
        return None
    return _make("monthday", m, month=month, day_of_month=day)


def _cyr_month_year(m: re.Match[str]) -> DateMention:
    year = int(m.group("year")) if m.group("year") else None
    return _make("month", m, month=_cyr_month(m.group("cmonth")), year=year)


def _cyr_weekday(m: re.Match[str]) -> DateMention:
    word = m.group("cweekday").lower()
    index = next(i for i, stems in enumerate(_CYR_WEEKDAY_STEMS) if stems.match(word))
    return _make("weekday", m, weekday=index)


_PATTERNS: list[tuple[re.Pattern[str], object]] = [
    (re.compile(p, re.IGNORECASE), build)
    for p, build in [
        (  # the night of two dates is the later one: "the night of 30 November-1 December 2024"
            r"\bnight\s+(?:of|from)\s+(?:the\s+)?[0-3]?\d(?:st|nd|rd|th)?(?:\s+(?:of\s+)?%s)?\s*"
            r"(?:[-–—/]|to|into|and|on)\s*(?:the\s+)?%s(?:\s+of)?\s+%s(?:,?\s+%s)?(?!\w)"
            % (_MONTH.replace("(?P<month>", "(?:"), _DAY, _MONTH, _YEAR),
            _night,
        ),
        (  # the month first: "the night of July 3 to 4", "night of July 31-August 1, 2025"
            r"\bnight\s+(?:of|from)\s+(?:the\s+)?(?P<first>%s)\s+[0-3]?\d(?:st|nd|rd|th)?\s*"
            r"(?:[-–—/]|to|into|and|on)\s*(?:%s\s+)?%s(?:,?\s+%s)?(?!\w)"
            % (_MONTH.replace("(?P<month>", "(?:"), _MONTH, _DAY, _YEAR),
            _night,
        ),
        (r"\b%s-(?P<mnum>[01]\d)-%s\b" % (_YEAR, r"(?P<day>[0-3]\d)"), _full_date),
        (r"\b(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.%s\b" % _YEAR, _full_date),
        (r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/%s(?![\d/])" % _YEAR, _slashed),
        (r"\b%s(?: of)? %s,? %s\b" % (_DAY, _MONTH, _YEAR), _full_date),
        (r"\b%s %s(?:st|nd|rd|th)?,? %s\b" % (_MONTH, r"(?P<day>[0-3]?\d)", _YEAR), _full_date),
        (
            r"\b(?:in |since |during |by |early |late |mid-)?%s,? %s\b" % (_MONTH, _YEAR),
            _month_year,
        ),
        (r"\b%s(?: of)? %s(?!\w)" % (_DAY, _MONTH), _month_day),
        (
            r"\b%s %s(?:st|nd|rd|th)?\b(?!\s*(?:people|drones|missiles|%%))" % (_MONTH, r"(?P<day>[0-3]?\d)"),
            _month_day,
        ),
        (
            r"\b(?:(?:in|since|during|by|early|late|mid) |mid-)(?P<month>january|february|march|april|june|"
            r"july|august|september|october|november|december|may)\b(?! \d)",
            _month_year,
        ),
        (
            r"\blast (?P<month>january|february|march|april|june|july|august|september|october|november|"
            r"december|may)\b(?! \d)",
            lambda m: _make("month", m, month=_MONTHS[m.group("month").lower()], recall=True, before=True),
        ),
        (r"\b%s\s*\((?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)\)" % _WEEKDAY, _weekday_slashed),
        (  # "the night from Sunday to Monday", "overnight on Sunday into Monday"
            r"\b(?:the\s+)?(?:night|overnight)\s+(?:(?:of|from|between|on)\s+)?%s(?:['’]s)?(?:\s+night)?"
            r"\s+(?:to|into|and|until|till)\s+%s\b" % (_ANY_WEEKDAY, _WEEKDAY),
            _weekday_night,
        ),
        (r"\b%s(?:['’]s)?\s+night\s+(?:into|to)\s+%s\b" % (_ANY_WEEKDAY, _WEEKDAY), _weekday_night),
        (
            r"\b(?:(?:on|last|this|early|late|from|until|by)\s+)?(?:(?:the\s+)?(?:early\s+hours|"
            r"small\s+hours|early\s+morning|morning|night|evening|afternoon)\s+of\s+)?%s(?:['’]s)?"
            r"(?:\s+(?:morning|night|evening|afternoon))?(?:,?\s+(?:of\s+)?last\s+week)?" % _WEEKDAY,
            _weekday,
        ),
        (r"\bthe day before yesterday\b", _relative(-2, "from_article")),
        (r"\byesterday\b", _relative(-1, "from_article")),
        (
            r"\b(?:the\s+)?previous\s+(?:night|day|evening)\b|\bthe (?:night|day) before\b|"
            r"\b(?:a|one) day (?:earlier|before)\b|\b(?:a|one) day after\b",
            _relative(-1),
        ),
        (r"\b%s days? (?:earlier|before|after)\b" % _N, _n_days(-1)),
        (r"\b(?P<n>an?|%s) weeks? (?:earlier|before)\b" % NUMBER, _weeks_before),
        (r"\bthe (?:next|following) (?:day|night)\b|\b(?:a|one) day later\b", _relative(1)),
        (r"\b%s days? (?:later|after that)\b" % _N, _n_days(1)),
        (r"\b%s%s %s ago\b" % (_QUALIFIER, _N, _UNIT), _ago),
        (
            r"\b(?:earlier )?(?:today|tonight|this (?:morning|afternoon|evening))\b|\bovernight\b|"
            r"\blast night\b|\bduring the night\b|\bat night\b",
            _relative(0, "weak"),
        ),
        (r"\blast week\b", _window(-13, -1)),
        (r"\bearlier this (?:week|month)\b", _window(-27, -1)),
        (r"\blast month\b", _window(-60, -1)),
        (r"\b(?:this|last|over the|at the) weekend\b", _window(-6, 0, recall=False)),
        (  # the night of two dates is the later one: "у ніч з 6 на 7 липня", "в ночь с 6 на 7 июля"
            r"(?<![\w-])(?:(?:у|в)\s+(?:ніч|ночь)\s+)?(?:з|із|с|со)\s+[0-3]?\d(?:\s+\S+)?\s+на\s+"
            r"(?P<day>[0-3]?\d)\s+%s%s" % (_CYR_MONTH_WORD, _CYR_YEAR),
            _cyr_date,
        ),
        (r"(?<![\w-])(?:ніч|ночь)\s+на\s+(?P<day>[0-3]?\d)\s+%s%s" % (_CYR_MONTH_WORD, _CYR_YEAR), _cyr_date),
        (r"(?<![\w-])(?:ніч|ночь)\s+(?:з\s+\S+\s+|с\s+\S+\s+)?на\s+%s" % _CYR_WEEKDAY_WORD, _cyr_weekday),
        (r"(?<![\w.])(?P<day>[0-3]?\d)(?:-?(?:го|е|а))?\s+%s%s" % (_CYR_MONTH_WORD, _CYR_YEAR), _cyr_date),
        (r"(?<![\w-])(?:у|в|во)\s+%s%s" % (_CYR_MONTH_WORD, _CYR_YEAR), _cyr_month_year),
        (r"(?<![\w-])(?:у|в|во)\s+%s" % _CYR_WEEKDAY_WORD, _cyr_weekday),
        (r"(?<![\w-])(?:позавчора|позавчера)(?![\w])", _relative(-2, "from_article")),
        (r"(?<![\w-])(?:вчора|учора|вчера)(?![\w])", _relative(-1, "from_article")),
        (
            r"(?<![\w-])(?:сьогодні|сегодня|вночі|уночі|ночью|цієї ночі|этой ночью|минулої ночі|"
            r"прошлой ночью|зранку|утром|вранці)(?![\w])",
            _relative(0, "weak"),
        ),
        (
            r"(?<![\w-])(?:тиждень|неделю)\s+(?:тому|назад)(?![\w])",
            lambda m: _make("from_article", m, offset=-7, recall=True),
        ),
    ]
]


def _need(pattern: re.Pattern[str], build: object) -> str:
    if re.search("[а-яіїєґё]", pattern.pattern):
        return "cyrillic"
    if build in (_weekday, _weekday_slashed, _weekday_night):
        return "weekday"
    if "month" in pattern.groupindex:
        return "month"
    return "year" if build in (_full_date, _slashed) else "relative"  # _night needs "month": checked above


_PATTERN_NEEDS = [_need(pattern, build) for pattern, build in _PATTERNS]
_NEEDS: dict[str, re.Pattern[str] | Cue] = {
    "cyrillic": re.compile(r"[а-яіїєґё]", re.IGNORECASE),
    "year": re.compile(r"(?:19|20)\d\d"),
    "month": Cue("|".join(sorted(_MONTHS, key=len, reverse=True))),
    "weekday": Cue("|".join(_WEEKDAYS)),
    "relative": Cue(
        r"yesterday|previous|before|earlier|after|later|next|following|ago|today|tonight|this|overnight|"
        r"night|last|weekend"
    ),
}
"""Which words each pattern cannot match without: a sentence lacking them skips the pattern."""

_WAR = r"(?:(?:full-scale|all-out|large-scale)\s+)?(?:war|invasion)"
_ANCHORS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b%s[^.;]{0,60}?\b%s%s %s ago\b" % (_WAR, _QUALIFIER, _N, _UNIT),
        r"\b%s%s %s (?:of|into|since the start of|since) (?:the\s+|russia['’]s\s+)?%s"
        % (_QUALIFIER, _N, _UNIT, _WAR),
        r"\b(?P<unit>day|month) (?P<n>\d+) of (?:the\s+|russia['’]s\s+)?%s" % _WAR,
        r"\b(?P<ord>(?P<n>\d[\d,]*)(?:st|nd|rd|th)) (?P<unit>day|month) of "
        r"(?:the\s+|russia['’]s\s+)?%s" % _WAR,
        r"\b%s[^.;]{0,60}?,\s*(?P<ord>(?P<unit>day)) (?P<n>\d[\d,]*)\b" % _WAR,
        r"\b%s[^.;]{0,40}?\b(?:gone on for|lasted|entered its|in its|for)\s+%s%s(?P<ord>st|nd|rd|th)? "
        r"(?P<unit>day|month)s?\b" % (_WAR, _QUALIFIER, _N),
    )
]

_WAR_WORD = Cue("war|invasion")

_DATE_WORDS = (
    r"%s|%s|yesterday|today|tonight|night|morning|afternoon|evening|previous|before|earlier|after|later|"
    r"next|following|ago|week|month|вчор|вчер|сьогодн|сегодн|ніч|ноч|понеділ|вівтор|серед|четвер|ятниц|"
    r"субот|неділ|понедельник|вторник|сред|воскрес|тиждень|неделю" % ("|".join(_MONTHS), "|".join(_WEEKDAYS))
).split("|")
_ANY_DATE_WORD = Cue(r"\d|%s" % "|".join(_DATE_WORDS))
_DATE_NEEDLES = tuple(sorted(fewest(_DATE_WORDS)))
_DATE_NEEDLES_BY_SCRIPT = by_script(_DATE_NEEDLES)
"""Those a sentence of each script can hold (`lexicon.script`)."""
_DIGIT = re.compile(r"\d")


def _may_hold_date(sentence: str, lower: str | None) -> bool:
    """Most sentences hold no date: a digit or a date word is looked for before the twenty patterns
    below, as plain strings, which is several times faster than one search for all of them.
    ``lower`` is the sentence lower-cased (`lowered`)."""
    if lower is None:  # a letter lower-cased to two: let the Cue read the text itself
        return bool(_ANY_DATE_WORD.search(sentence))
    return bool(_DIGIT.search(sentence)) or holds(lower, _DATE_NEEDLES_BY_SCRIPT[script(sentence)])


def _present(sentence: str) -> dict[str, bool]:
    """Which of `_NEEDS` the sentence holds; Cyrillic is never looked for in an ASCII sentence."""
    return {
        name: (not sentence.isascii() and bool(test.search(sentence)))
        if name == "cyrillic"
        else bool(test.search(sentence))
        for name, test in _NEEDS.items()
    }


_LOWER_PATTERNS = [re.compile(pattern.pattern) for pattern, _ in _PATTERNS]
"""The patterns without IGNORECASE, for a lower-cased copy of the sentence: as with a `Cue`,
CPython's `re` runs them several times faster (the patterns are written in lower case)."""
_LITERALS = [needles(pattern.pattern) for pattern in _LOWER_PATTERNS]
"""For each pattern, strings one of which every match holds (`lexicon.needles`), or None: a
lower-cased sentence without any of them skips the pattern, as a `Cue` does."""


_Run = tuple[tuple[re.Pattern[str], Any, re.Pattern[str], "tuple[str, ...] | None"], ...]
_RUNS: list[tuple[str, _Run]] = [
    (need, tuple((pattern, build, lower, literals) for (pattern, build), lower, _, literals in run))
    for need, run in itertools.groupby(
        zip(_PATTERNS, _LOWER_PATTERNS, _PATTERN_NEEDS, _LITERALS, strict=True), key=lambda p: p[2]
    )
]
"""The patterns in their order, in runs that need the same words (`_NEEDS`): a sentence without
them skips the run at once."""


def find_dates(sentence: str, *, order: SlashOrder | None = None) -> list[DateMention]:
    """Every date expression in the sentence, left to right, without overlaps; ``order`` is the
    article's `slash_order`, if it has one."""
    lower = lowered(sentence)  # None where a letter lower-cases to two: positions would drift
    if not _may_hold_date(sentence, lower):
        return []
    taken: list[DateMention] = []
    present = _present(sentence)
    folded = lower is not None
    for need, run in _RUNS:
        if not present[need]:
            continue
        for pattern, build, lower_pattern, literals in run:
            if lower is not None and literals is not None and not holds(lower, literals):
                continue
            for match in lower_pattern.finditer(lower) if lower is not None else pattern.finditer(sentence):
                if any(t.start < match.end() and match.start() < t.end for t in taken):
                    continue
                mention = _slashed(match, order) if build is _slashed else build(match)
                if mention is not None:
                    taken.append(mention)
    if folded:  # the words as the sentence writes them, not lower-cased
        taken = [_as_written(t, sentence) for t in taken]
    return sorted(taken, key=lambda t: t.start)


def _as_written(mention: DateMention, sentence: str) -> DateMention:
    words = sentence[mention.start : mention.end]
    return mention if mention.text == words else replace(mention, text=words)


def war_anchor(sentence: str) -> tuple[dt.date, dt.date] | None:
    """The article-date window implied by 'N months of full-scale war' and the like."""
    if not _WAR_WORD.search(sentence):
        return None
    for pattern in _ANCHORS:
        match = pattern.search(sentence)
        unit = match.group("unit").lower() if match else "day"
        if match and unit == "month" and match.groupdict().get("ord"):
            continue  # "in its 14th month" spans two calendar months: no window to trust
        if match and (n := _count(match.group("n"), _UNIT_DAYS[unit])) is not None:
            if unit == "day":
                counted = match.groupdict().get("ord") or match.group(0).lower().startswith("day ")
                day = WAR_START + dt.timedelta(days=n - (1 if counted else 0))
                return day - dt.timedelta(days=1), day
            if unit == "year":
                n, unit = n * 12, "month"
            if unit == "week":
                day = WAR_START + dt.timedelta(weeks=n)
                return day - dt.timedelta(days=3), day + dt.timedelta(days=3)
            return _qualified(_add_months(WAR_START, n), match.groupdict().get("qual"), whole_month=True)
    return None


def ago_anchor(mention: DateMention, dated: dt.date) -> tuple[dt.date, dt.date] | None:
    """Article-date window from 'nearly one month ago on Oct. 17'; None off the calendar's ends."""
    try:
        return _ago_anchor(mention, dated)
    except (OverflowError, ValueError):
        return None


def _ago_anchor(mention: DateMention, dated: dt.date) -> tuple[dt.date, dt.date]:
    match = re.search(r"%s%s %s ago" % (_QUALIFIER, _N, _UNIT), mention.text, re.IGNORECASE)
    assert match is not None
    unit = match.group("unit").lower()
    n = _count(match.group("n"), _UNIT_DAYS[unit]) or 0
    if unit in ("month", "year"):
        target = _add_months(dated, n * (12 if unit == "year" else 1))
    else:
        target = dated + dt.timedelta(days=n * (7 if unit == "week" else 1))
    if unit == "day" and not match.group("qual"):
        return target, target
    return _qualified(target, match.group("qual"), whole_month=False)


def _qualified(target: dt.date, qualifier: str | None, *, whole_month: bool) -> tuple[dt.date, dt.date]:
    q = (qualifier or "").lower()
    days = dt.timedelta
    if q in ("nearly", "almost", "less than"):
        return target - days(10), target
    if q in ("more than", "over", "just over"):
        return target, target + days(14)
    if q or not whole_month:
        return target - days(7), target + days(7)
    last = calendar.monthrange(target.year, target.month)[1]
    return target.replace(day=1), target.replace(day=last)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def resolve(
    mention: DateMention, article: dt.date | None, main: dt.date | None, year_hint: int | None
) -> tuple[dt.date, dt.date] | None:
    """The first and last day a mention can mean, given one possible article day.

    None when it cannot be pinned, including when it would fall off the calendar's ends.
    """
    try:
        return _resolve(mention, article, main, year_hint)
    except (OverflowError, ValueError):  # an article dated near year 1 or 9999 by a library caller
        return None


def _resolve(
    mention: DateMention, article: dt.date | None, main: dt.date | None, year_hint: int | None
) -> tuple[dt.date, dt.date] | None:
    kind = mention.kind
    if kind == "day":
        return (mention.day, mention.day) if mention.day else None
    if kind == "monthday":
        assert mention.month and mention.day_of_month
        year = _year_for(mention.month, mention.day_of_month, article, year_hint)
        day = _safe_date(year, mention.month, mention.day_of_month) if year else None
        return (day, day) if day else None
    if kind == "month":
        assert mention.month
        year = mention.year or (_year_for(mention.month, 1, article, year_hint))
        if not year:
            return None
        if mention.before and article is not None and (year, mention.month) == (article.year, article.month):
            year -= 1
        last = calendar.monthrange(year, mention.month)[1]
        return dt.date(year, mention.month, 1), dt.date(year, mention.month, last)
    if kind == "from_main" or kind == "weak":
        base = main if main is not None else article
        if base is None:
            return None
        day = base + dt.timedelta(days=mention.offset)
        return day, day
    if article is None:
        return None
    if kind == "weekday":
        assert mention.weekday is not None
        if mention.last_week:
            monday = article - dt.timedelta(days=article.weekday() + 7)
            day = monday + dt.timedelta(days=mention.weekday)
        elif mention.night and (mention.weekday - article.weekday()) % 7 == 1:
            day = article + dt.timedelta(days=1)  # told in the evening the night began: its morning
        else:
            day = article - dt.timedelta(days=(article.weekday() - mention.weekday) % 7)
        return day, day
    if kind == "from_article":
        day = article + dt.timedelta(days=mention.offset)
        return day, day
    if kind == "window":
        first, last = mention.span
        return article + dt.timedelta(days=first), article + dt.timedelta(days=last)
    return None


def _year_for(month: int, day: int, article: dt.date | None, hint: int | None) -> int | None:
    if article is not None:
        for year in (article.year, article.year - 1):
            candidate = _safe_date(year, month, day)
            if candidate and candidate <= article + dt.timedelta(days=1):
                return year
        return None
    return hint


def summarise(when: When | None) -> tuple[dt.date | None, Precision | None]:
    """The date to publish and its precision: a day only when just one day is possible."""
    if when is None or when.earliest is None or when.latest is None:
        return None, None
    days = when.candidates()
    if not days:
        return None, None
    if len(days) == 1:
        return days[0], "day"
    months = Counter((d.year, d.month) for d in days)
    (year, month), count = months.most_common(1)[0]
    if (days[-1] - days[0]).days <= 35 and count * 3 >= len(days) * 2:
        return dt.date(year, month, 1), "month"
    if days[0].year == days[-1].year:
        return dt.date(days[0].year, 1, 1), "year"
    return None, None


_DATELINE_CHARS = 400
"""How far into an article a dateline or timestamp is looked for: its first lines."""
_TIME = r"(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?:[:.][0-5]\d)?"
_ZONE = r"(?:eet|eest|cet|cest|gmt|utc|bst|est|edt|pst|pdt|msk|kyiv time)"
_TIMESTAMPS = [
    (re.compile(rf"(?<![\d/])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/{_YEAR},?\s+{_TIME}\s*[ap]\.?m\b", re.I), "mdy"),
    (
        re.compile(rf"(?<![\d/])(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/{_YEAR},?\s+{_TIME}(?!\s*[ap]\.?m\b)", re.I),
        "dmy",
    ),
    (re.compile(rf"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.{_YEAR},?\s+(?:at\s+)?{_TIME}", re.I), "dmy"),
    (re.compile(rf"(?<!\d){_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T|,?\s+){_TIME}", re.I), "ymd"),
    (re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR},?\s+(?:at\s+)?{_TIME}", re.I), "named"),
    (re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR},?\s+(?:at\s+)?{_TIME}", re.I), "named"),
    (  # the time first, as some sites print it: 'Updated 21:40 EET, 17 Jun 2025', '09:12 GMT 3 May 2024'
        re.compile(
            rf"(?<![\d:.]){_TIME}\s*(?:[ap]\.?m\.?\s*)?(?:{_ZONE}\s*)?[,|]?\s*{_DAY}\s+{_MONTH},?\s+{_YEAR}\b",
            re.I,
        ),
        "named",
    ),
    (
        re.compile(
            rf"(?<![\d:.]){_TIME}\s*(?:[ap]\.?m\.?\s*)?(?:{_ZONE}\s*)?[,|]?\s*{_MONTH}\s+{_DAY},?\s+{_YEAR}\b",
            re.I,
        ),
        "named",
    ),
]
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_TIME_DIGITS = re.compile(r"\d[:.][0-5]\d")
"""What every timestamp holds: searched first, they spare most heads the patterns above."""
_MONTH_HEADER = re.compile(r"(?:^|\n)[ \t]*date[ \t]+(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)(?![\d-])", re.I)
_MONTH_LINE = re.compile(
    rf"(?:^|\n)[ \t]*(?:[a-z][a-z .'’-]{{0,30}}[,|:–—-][ \t]*)?{_MONTH}[ \t]+{_YEAR}[ \t]*(?:\n|$)", re.I
)
"""A line that is only a month and year, after a place or a section's name ('Kyiv, December 2022',
'FEATURE | MAY 2023'): a feature or analysis dated by its month."""


def dateline(text: str) -> tuple[dt.date, dt.date] | None:
    """The article's own date from the top of its text, where the page did not say it otherwise.

    A timestamp (a date with a time of day, as sites print when a story was posted or updated:
    `31 December 2022, 09:40`, `7/14/2024 11:52:10 PM`, `Updated: 14.07.2024 08:41`) gives the
    day; a `date 2023-05` header gives the month. A bare date at the top, without a time, may be
    a site's date bar for today, not the story's, so it is not taken.
    """
    head = text[:_DATELINE_CHARS]
    if not _YEAR_DIGITS.search(head):  # every timestamp and month header holds a year
        return None
    found = []
    for pattern, order in _TIMESTAMPS if _TIME_DIGITS.search(head) else ():
        for m in pattern.finditer(head):
            if order == "named":
                month = _MONTHS[m.group("month").lower().rstrip(".")]
                day = _safe_date(int(m.group("year")), month, int(m.group("day")))
            else:
                day = _safe_date(int(m.group("year")), int(m.group("m")), int(m.group("d")))
            if day is not None:
                found.append((m.start(), day))
    if found:
        day = min(found)[1]
        return day, day
    if header := _MONTH_HEADER.search(head) or _MONTH_LINE.search(head):
        month = (
            int(header.group("m")) if "m" in header.groupdict() else _MONTHS[header.group("month").lower()]
        )
        first = _safe_date(int(header.group("year")), month, 1)
        if first is not None:
            return first, _add_months(first, 1) - dt.timedelta(days=1)
    return None
