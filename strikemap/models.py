"""Plain value objects passed between the pipeline stages.

Article (read) -> Report (extract) -> Event (cluster); Place and Evidence hang off them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, get_args

Precision = Literal["day", "month", "year"]
EARLIEST_YEAR = 2014
"""No event is dated before it: the war in Donbas began that spring."""
Role = Literal["primary", "background"]
PlacePrecision = Literal["landmark", "neighbourhood", "district", "city", "region"]
LOCATION_PRECISIONS: tuple[PlacePrecision, ...] = get_args(PlacePrecision)
"""How precisely a place is located, finest first: the order that picks an event's best place."""
Weapon = Literal["drone", "missile", "bomb", "artillery"]
WEAPONS: tuple[Weapon, ...] = get_args(Weapon)
"""The weapon classes a report names (`lexicon.WEAPON_CLASSES`), in the order lists show them."""
Language = Literal["uk", "ru", "en", "mixed"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
"""Ukrainian, Russian, English, or more than one of them in one article (`language.detect`)."""

DISTRICTS: tuple[str, ...] = (
    "Darnytskyi",
    "Desnianskyi",
    "Dniprovskyi",
    "Holosiivskyi",
    "Obolonskyi",
    "Pecherskyi",
    "Podilskyi",
    "Shevchenkivskyi",
    "Solomianskyi",
    "Sviatoshynskyi",
)


def format_date(day: dt.date | None, precision: Precision | None) -> str | None:
    """ISO text at the stated precision: '2022-10-17', '2023-05' or '2023'."""
    if day is None or precision is None:
        return None
    return {"day": day.isoformat(), "month": day.strftime("%Y-%m"), "year": str(day.year)}[precision]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a file or a dataset row."""

    id: str
    """Content hash of the text: the same text has the same id wherever it came from."""
    path: str
    """Where it was read from, as given (``file.csv#3`` for a row)."""
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: Language | None = None
    """Set when the article is read; None when it is not known."""
    context: tuple[str, ...] = ()
    """The texts of the posts this one follows, earliest first: a Telegram channel's short update
    ('two injured') leaves the attack's place and day to them (`telegram.Series`). Never quoted as
    this article's evidence."""
    began: dt.date | None = None
    """The day (in Kyiv) of the first post of `context`: a follow-up after midnight is dated by the
    attack its series began with (`extract.article._series_day`)."""
    thread: str | None = None
    """Whose series a post belongs to (its channel and author), so the store can find the posts it
    follows when they arrive in another export; None for any other article."""
    posted: dt.datetime | None = None
    """When a post was posted, as Kyiv's clock read; None for any other article."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read, and why."""

    path: str
    reason: str
    not_article: bool = False
    """Left out by nature, not by fault (a channel's service messages): told, but not a failure."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence of an article that supports one extracted field."""

    field: str
    sentence: str
    match: str = ""
    """The words in the sentence that triggered the field, for highlighting."""


@dataclass(frozen=True, slots=True)
class Place:
    """A located place that was hit."""

    name: str
    city: str
    district: str | None
    lat: float
    lon: float
    precision: PlacePrecision
    method: Literal["gazetteer", "polygon", "online"] = "gazetteer"


@dataclass(frozen=True, slots=True)
class When:
    """When an attack happened, as far as the text allows.

    ``earliest``..``latest`` bounds the possible days (both None when only the weekday is
    known, as in an undated article's 'on Monday'); ``weekday`` (Monday=0) narrows them.
    """

    earliest: dt.date | None
    latest: dt.date | None
    weekday: int | None = None
    time_of_day: str | None = None

    def candidates(self) -> list[dt.date]:
        """Every day the attack could be on; empty when the period is open."""
        if self.earliest is None or self.latest is None:
            return []
        days = (self.latest - self.earliest).days
        out = [self.earliest + dt.timedelta(days=i) for i in range(days + 1)]
        if self.weekday is not None:
            out = [d for d in out if d.weekday() == self.weekday]
        return out


@dataclass(frozen=True, slots=True)
class Report:
    """What one article says about one attack."""

    article: str
    article_id: str
    key: str
    """Stable id of this report: article id and its place in the article."""
    role: Role
    city: str
    date: dt.date | None
    date_precision: Precision | None
    when: When | None = None
    time_of_day: str | None = None
    districts: tuple[str, ...] = ()
    places: tuple[Place, ...] = ()
    weapons: tuple[str, ...] = ()
    weapon_models: tuple[str, ...] = ()
    debris: bool = False
    killed: int | None = None
    injured: int | None = None
    intercepted: int | None = None
    casualty_words: tuple[str, ...] = ()
    """Casualty phrases with no number, kept as written ("several injured")."""
    damage: tuple[str, ...] = ()
    said_by: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    """Streets named as hit, for a geocoder to place more precisely than the text's district."""
    flags: tuple[str, ...] = ()
    """Things a person should check, such as an implausible casualty figure."""
    source: str | None = None
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    """The article's address as the article gave it (not checked: see `links.web_url`)."""
    evidence: tuple[Evidence, ...] = ()
    language: Language | None = None
    """The article's language."""


@dataclass(frozen=True, slots=True)
class Event:
    """One attack on one city on one day, with every report of it."""

    id: str
    city: str
    date: dt.date | None
    date_precision: Precision | None
    reports: tuple[Report, ...]
    time_of_day: str | None = None
    districts: tuple[str, ...] = ()
    places: tuple[Place, ...] = ()
    weapons: tuple[str, ...] = ()
    weapon_models: tuple[str, ...] = ()
    debris: bool = False
    killed: int | None = None
    injured: int | None = None
    intercepted: int | None = None
    damage: tuple[str, ...] = ()
    said_by: tuple[str, ...] = field(default=())
    flags: tuple[str, ...] = ()

    @property
    def sources_count(self) -> int:
        return len({r.source or r.article_id for r in self.reports})

    @property
    def languages(self) -> tuple[Language, ...]:
        """The languages of its reports, in alphabetical order."""
        return tuple(sorted({r.language for r in self.reports if r.language}))
