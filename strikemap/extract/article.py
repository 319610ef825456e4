"""Turning one article into reports: one per attack (city and day) it mentions.

Sentences are cut into clauses; each clause is tied to an attack by its own date words, by the
clause before it, or else by the article's main attack, and hands that attack its facts.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TypeVar

from strikemap.extract import casualties_ukru, facts, negatives
from strikemap.extract import lexicon as lx
from strikemap.extract.dates import (
    DateMention,
    SlashOrder,
    ago_anchor,
    dateline,
    find_dates,
    resolve,
    slash_order,
    summarise,
    war_anchor,
)
from strikemap.extract.gazetteer import Gazetteer, Mention, default_gazetteer
from strikemap.extract.gazetteer_data import Entry
from strikemap.extract.text import Sentence, merge_spans, split_clauses, split_sentences
from strikemap.models import EARLIEST_YEAR, Article, Evidence, Place, Report, Role, When
from strikemap.normalise import Folded, fold

_LEAD_SENTENCES = 8
_DUMMY_WEEK = [dt.date(2001, 1, 1) + dt.timedelta(days=i) for i in range(7)]
_RELATIONAL = ("from_main",)
_T = TypeVar("_T")


@dataclass(slots=True)
class _Sentence:
    sentence: Sentence
    dates: list[DateMention]
    speech: set[int]
    places: list[tuple[Mention, bool]]
    """Place mentions and whether each is only 'near' the place."""
    strike: bool
    veto: str | None
    aftermath: bool = False
    """No strike word, but words of a strike's aftermath: its places go to the article's attack."""
    heading: bool = False
    """A line that is only a place: what follows in its paragraph is about that place."""
    _starts: list[int] = field(default_factory=list)
    _spans: list[tuple[int, int]] | None = None
    _first: _Sentence | None = None
    """The same words read where the article first has them (see `at`): they are cut there."""

    def clauses(self) -> list[tuple[int, int]]:
        """The sentence's clause spans (see `_unbroken`), cut once however often they are asked for,
        and once for all the places an article repeats the sentence."""
        if self._spans is None:
            first = self._first
            self._spans = first.clauses() if first else split_clauses(self.sentence.text, _unbroken(self))
        return self._spans

    def __post_init__(self) -> None:
        if self.places:
            self._starts = [m.start for m, _ in self.places]

    def at(self, sentence: Sentence) -> _Sentence:
        """The same reading of the same words met again elsewhere in the article (a cheap
        `dataclasses.replace`: a page may repeat many lines)."""
        s, first = self, self._first or self
        return _Sentence(
            sentence, s.dates, s.speech, s.places, s.strike, s.veto, s.aftermath, s.heading, _first=first
        )

    def places_in(self, start: int, end: int) -> list[tuple[Mention, bool]]:
        """The place mentions that start within start:end (places are in order of start)."""
        starts = self._starts
        if not starts:
            return []
        return self.places[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]


@dataclass(slots=True)
class _Incident:
    key: tuple[object, str]
    city: str
    when: When | None
    first_seen: int
    recall: bool = False
    caption_only: bool = True
    night: bool = False
    """Dated by a night of two dates: an evening told the day before is the same attack."""
    told: bool = False
    """Some sentence says the attack happened (a strike, a hit, drones), not only its toll or aftermath."""
    lead: bool = False
    """The attack the article is about, though told as earlier: its follow-up's news was folded in."""
    facts: dict[str, list[tuple[str, Evidence]]] = field(default_factory=dict)
    places: list[tuple[Mention, bool, Evidence]] = field(default_factory=list)
    earlier: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Casualty figures of the posts a follow-up adds to ('ще двоє' after 'one injured'), as
    (value, sentence): counted in its toll, never quoted as its evidence (see `_own_facts`)."""

    def add(self, name: str, value: str, sentence: str, words: str) -> None:
        found = self.facts.get(name)
        if found is None:
            found = self.facts[name] = []
        found.append((value, Evidence(name, sentence, words)))


@dataclass(slots=True)
class _Context:
    days: list[dt.date]
    dummy: bool
    year_hint: int | None
    main: DateMention | None
    written: dt.date | None = None
    """The latest full date the text writes: an article is never older than a date it names."""
    _whens: dict[int, tuple[DateMention | None, When | None]] = field(default_factory=dict)
    _keys: dict[int, tuple[DateMention | None, object]] = field(default_factory=dict)
    """What `when` and `key` said of each date mention, by its identity (hashing a mention's
    fifteen fields costs more than most answers), with the mention, which keeps its identity its
    own: an article asks again for the mentions of each sentence it reads."""

    def when(self, mention: DateMention | None) -> When | None:
        found = self._whens.get(id(mention))
        if found is None:
            found = self._whens[id(mention)] = (mention, self._when(mention))
        return found[1]

    def key(self, mention: DateMention | None) -> object:
        found = self._keys.get(id(mention))
        if found is None:
            found = self._keys[id(mention)] = (mention, self._key(mention))
        return found[1]

    def main_day(self, article_day: dt.date) -> dt.date:
        if self.main is None:
            return article_day
        found = resolve(self.main, article_day, None, self.year_hint)
        return found[0] if found else article_day

    def _when(self, mention: DateMention | None) -> When | None:
        ranges = []
        # "July 8" needs only the year: the window's last day gives it, where earlier days of a
        # month-long window would put it a year back.
        days = self.days[-1:] if mention is not None and mention.kind == "monthday" else self.days
        for day in days:
            if mention is None:
                ranges.append((day, day))
                continue
            if self.dummy and mention.kind in _YEAR_ONLY:
                # An undated article's "24 April" takes its year from the article's full dates.
                found = resolve(mention, None, None, self.year_hint)
            else:
                found = resolve(mention, day, self.main_day(day), self.year_hint)
            if found is None:
                return None
            ranges.append(found)
        if mention is not None and mention.kind == "weekday" and len(self.days) > 1 and not self.dummy:
            # 'On Tuesday' in a page dated Monday or Tuesday is that Tuesday, not one a week back.
            ranges = [r for r in ranges if r[0] in self.days] or ranges
        first, last = min(r[0] for r in ranges), max(r[1] for r in ranges)
        weekdays = {r[0].weekday() for r in ranges if r[0] == r[1]}
        single = all(r[0] == r[1] for r in ranges)
        weekday = weekdays.pop() if single and len(weekdays) == 1 else None
        if self.dummy:
            if len(set(ranges)) == 1 and first.year != _DUMMY_WEEK[0].year:
                return _plausible(When(first, last), dt.date.today() + dt.timedelta(days=1))
            return When(None, None, weekday) if weekday is not None else None
        latest = max(self.days[-1], self.written or self.days[-1])
        return _plausible(When(first, last, weekday), latest + dt.timedelta(days=1))

    def _key(self, mention: DateMention | None) -> object:
        day = self.days[-1]
        if mention is None:
            mention = self.main
        if mention is None:
            return (day, day)
        if self.dummy and mention.kind in _YEAR_ONLY:
            return resolve(mention, None, None, self.year_hint)
        return resolve(mention, day, self.main_day(day), self.year_hint)


def _plausible(when: When, latest: dt.date) -> When | None:
    """No attack is dated after its article (or today) or before 2014: such a date is dropped."""
    assert when.earliest is not None and when.latest is not None
    first, last = max(when.earliest, _EARLIEST), min(when.latest, latest)
    if first > last:
        return None
    return When(first, last, when.weekday)


_EARLIEST = dt.date(EARLIEST_YEAR, 1, 1)
_ONE_DAY = dt.timedelta(days=1)
_SCOPE = ("Kyiv", "Kyiv region")
_YEAR_ONLY = ("monthday", "month")
"""Date words that need only a year, not the article's day."""
_IMPLAUSIBLE = {"killed": 1000, "injured": 10000, "intercepted": 2000}
"""Figures above these for one attack on one city are kept as stated but flagged for a person."""


def extract(article: Article, *, gazetteer: Gazetteer | None = None) -> list[Report]:
    """Every attack the article reports or recalls, one Report per city and day.

    A post that reports no attack of its own but adds to one ('Попередньо, двоє постраждалих') is
    read after the posts it follows (`Article.context`): their attack, with this post's facts.
    """
    gazetteer = gazetteer or default_gazetteer()
    day = _series_day(article, gazetteer)
    reports = _extract(article, article.text, gazetteer, day=day)
    if not article.context or (reports and not _adds_on(article.text)):
        return reports
    return _follow_up(article, gazetteer, day) or reports


def _adds_on(text: str) -> bool:
    """Whether a post's first casualty figure adds to those told before ('Ще двоє постраждалих у
    Дарницькому районі'): it is read with the posts it follows, to count on from their figure."""
    figures = facts.casualties(fold(text).text).figures
    return bool(figures) and figures[0].kind == "additive"


def _series_day(article: Article, gazetteer: Gazetteer) -> dt.date | None:
    """The day of the attack a post's series began with, for a post after midnight that names no
    date of its own ('Вибухи у столиці' at 23:50, 'Уламки впали у Дарницькому районі' at 00:20):
    one night attack, so one day. None when the series began the same day, told of no attack, or
    when the post names places of another city only.

    The series keeps the day its first post gave, not the later day of the night of two dates (the
    project's convention for text that names both dates, `dates.resolve`): a post is read only with
    the posts before it (`telegram.Series`), so the first post, already dated and stored when its
    follow-ups come (maybe in a later export), cannot move to the later day, and the merge joins
    reports of the same day only (`cluster.group_reports`). A follow-up that names a date ('у ніч
    на 15 січня', 'вчора') keeps it: a weak word ('вночі', 'сьогодні') is no date of its own.
    """
    if not article.context or article.began is None or article.began == article.published:
        return None
    if any(d.kind != "weak" for d in find_dates(fold(article.text).text)):
        return None
    lead = "\n\n".join(text for text in article.context if not _off_topic(text))
    told = _extract(article, lead, gazetteer, day=article.began) if lead else []
    attack = next((r for r in told if r.role == "primary" and r.date_precision == "day"), None)
    if attack is None:
        return None
    cities = {m.entry.city for m in gazetteer.find(fold(article.text).text)}
    return attack.date if not cities or attack.city in cities else None  # not another city's news


def _follow_up(article: Article, gazetteer: Gazetteer, day: dt.date | None = None) -> list[Report]:
    """The attack of the posts this one follows, told with this post's own facts and evidence.

    Nothing when the post or the post just before it is about something else (a road accident, a
    fundraiser, the weather): an update follows the post it comes after.
    """
    if _off_topic(article.text) or _off_topic(article.context[-1]):
        return []
    lead = "".join(f"{text}\n\n" for text in article.context if not _off_topic(text))
    return _extract(article, lead + article.text, gazetteer, own_from=len(lead), day=day)


def _off_topic(text: str) -> bool:
    return bool(lx.OTHER_CAUSE.search(text) or lx.OFF_TOPIC.search(text))


def _extract(
    article: Article, text: str, gazetteer: Gazetteer, *, own_from: int = 0, day: dt.date | None = None
) -> list[Report]:
    """The reports of ``text``; with ``own_from``, only what its part from there on says (the
    article's own text after the posts it follows) counts as a fact or evidence; ``day``, when
    given, dates it in place of the article's day (`_series_day`)."""
    folded = fold(text)
    hints = _ANCHOR_HINT.possible(folded.text)
    order = slash_order(folded.text)
    read: dict[str, _Sentence] = {}
    links = negatives.link_spans(folded.text)
    sentences = _without_namesakes(
        [
            _analyse_once(s, gazetteer, read, hints=hints, order=order)
            for s in split_sentences(folded.text)
            if not _in_spans(s, links)
        ]
    )
    if not any(_reports_attack(s) for s in sentences):
        return []
    main_city = _main_city(sentences)
    if main_city is None:
        return []
    context = _context(article, folded.text, sentences, main_city, day)
    incidents = _collect(sentences, context, main_city)
    if own_from:
        incidents = _own_facts(incidents, _own_sentences(sentences, folded, own_from), main_city)
    main_key = (context.key(None), main_city)
    reports = []
    told = [incident for incident in incidents.values() if not incident.caption_only]
    for number, incident in enumerate(sorted(incidents.values(), key=lambda i: i.first_seen)):
        if incident.caption_only and any(_photo_of(incident, other) for other in told):
            continue
        if _nothing_hit(incident):
            continue
        is_main = incident.key == main_key or incident.lead
        report = _report(article, incident, number, is_main=is_main, context=context)
        if report is not None:
            reports.append(report)
    if folded.changed:
        return [_as_written(report, text, folded, sentences) for report in reports]
    return reports


def _own_sentences(sentences: list[_Sentence], folded: Folded, own_from: int) -> set[str]:
    """The sentences (as read) of the text from ``own_from`` (in the text as written) on."""
    start = bisect.bisect_left(folded.starts, own_from) if folded.changed else own_from
    return {s.sentence.text for s in sentences if s.sentence.start >= start}


_NOT_OWN_FACTS = frozenset({"date", "time_of_day", "said_by"})
"""What an attack takes from the posts it was first told in: a post that gives only these adds nothing."""


def _own_facts(incidents: dict[Target, _Incident], own: set[str], city: str) -> dict[Target, _Incident]:
    """The incidents in ``city`` (the attack the earlier posts tell of), each with only the facts
    and places of the ``own`` sentences; those left without any fact of their own are dropped. A
    panel must never quote another post as this one's, nor lend its attack to another city's news."""
    out = {}
    for target, incident in incidents.items():
        if incident.city != city:
            continue
        facts_ = {
            name: kept
            for name, items in incident.facts.items()
            if (kept := [(v, e) for v, e in items if e.sentence in own])
        }
        places = [p for p in incident.places if p[2].sentence in own]
        if places or facts_.keys() - _NOT_OWN_FACTS:
            earlier = {name: _figures_before(incident.facts[name], own) for name in _adding(facts_)}
            out[target] = dataclasses.replace(incident, facts=facts_, places=places, earlier=earlier)
    return out


_TOLLS = ("killed", "injured")


def _adding(facts_: dict[str, list[tuple[str, Evidence]]]) -> list[str]:
    """The toll fields a post's own figures only add to ('Ще двоє постраждалих'): its first figure
    of the field is an addition, so the figure it follows is the earlier posts' toll."""
    return [name for name in _TOLLS if (items := facts_.get(name)) and items[0][0].startswith("additive:")]


def _figures_before(items: list[tuple[str, Evidence]], own: set[str]) -> list[tuple[str, str]]:
    """The figures the earlier posts of a series gave, as (value, sentence), for the toll only."""
    return [(v, e.sentence) for v, e in items if e.sentence not in own]


def _nothing_hit(incident: _Incident) -> bool:
    """An attack whose every sentence says nothing reached the ground (see `negatives.nothing_hit`),
    with no district hit and no one hurt."""
    if any(m.entry.district and not near for m, near, _ in incident.places):
        return False
    said = {e.sentence: None for _, _, e in incident.places}
    said.update({e.sentence: None for items in incident.facts.values() for _, e in items})
    return negatives.nothing_hit(said)


def _in_spans(sentence: Sentence, spans: list[tuple[int, int]]) -> bool:
    """Whether the sentence starts inside one of the (sorted) spans: a line of a link list."""
    i = bisect.bisect_right(spans, sentence.start, key=lambda span: span[0]) - 1
    return i >= 0 and spans[i][0] <= sentence.start < spans[i][1]


def _without_namesakes(sentences: list[_Sentence]) -> list[_Sentence]:
    """The sentences without the district names that belong to another city (see `negatives.namesakes`)."""
    foreign = negatives.namesakes([m for m, _ in s.places] for s in sentences)
    return [
        s if not drop else dataclasses.replace(s, places=[p for i, p in enumerate(s.places) if i not in drop])
        for s, drop in zip(sentences, foreign, strict=True)
    ]


def _photo_of(caption: _Incident, told: _Incident) -> bool:
    """A caption's attack is the story's when city and day agree within a day: a photo of an
    overnight strike is dated when it was taken. An older attack's file photo stays its own."""
    a, b = caption.when, told.when
    if caption.city != told.city or a is None or b is None:
        return False
    if not (a.earliest and a.latest and b.earliest and b.latest):
        return False
    return a.earliest <= b.latest + _ONE_DAY and b.earliest <= a.latest + _ONE_DAY


def _as_written(report: Report, original: str, folded: Folded, sentences: list[_Sentence]) -> Report:
    """The report with its evidence quoted as the article wrote it, not as the extractor read it."""
    spans = {s.sentence.text: (s.sentence.start, s.sentence.end) for s in reversed(sentences)}

    def written(e: Evidence) -> Evidence:
        span = spans.get(e.sentence)
        if span is None:
            return e
        start, end = span
        at = e.sentence.find(e.match) if e.match else -1
        match = folded.written(original, start + at, start + at + len(e.match)) if at >= 0 else e.match
        return Evidence(e.field, folded.written(original, start, end), match)

    return dataclasses.replace(report, evidence=tuple(dict.fromkeys(written(e) for e in report.evidence)))


def _place_line(text: str, gazetteer: Gazetteer) -> bool:
    """A line that is only a place ('Святошинський район.', 'м. Київ'): a heading for what follows."""
    if len(text) > _DATE_LINE_CHARS + _SECTION_CHARS:
        return False
    if section := _SECTION.fullmatch(text):  # 'In Solomianskyi district (3 locations):'
        text = section.group("place")
    if len(text) > _DATE_LINE_CHARS:
        return False
    found = gazetteer.find(text)
    return bool(found) and len(_NOT_NAME.sub("", text)) <= 2 + sum(
        len(re.sub(r"[\W\d_]", "", m.text)) for m in found
    )


_NOT_NAME = re.compile(r"[\W\d_]|\bм\b|\b(?:district|raion|rayon)\b", re.IGNORECASE)
"""What a place line may hold besides the place's name: 'м. Київ', 'Solomianskyi district'."""
_SECTION = re.compile(
    r"(?:in|у|в)\s+(?:the\s+)?(?P<place>[^():]{3,60}?)\s*(?:\([^()]{1,30}\))?\s*:", re.IGNORECASE
)
"""A report's section heading: 'In Sviatoshynskyi district (10 locations):', 'У Дарницькому районі:'."""
_SECTION_CHARS = 30


def _reports_attack(s: _Sentence) -> bool:
    """An attack word, or someone killed or hurt in a Kyiv district: no fire or death alone is."""
    if not (s.strike or s.aftermath) or s.veto:
        return False
    text = s.sentence.text
    if s.strike and lx.ATTACK_CUES.search(text):
        return True
    in_district = any(m.entry.district and m.entry.city == "Kyiv" for m, _ in s.places)
    return in_district and bool(lx.HURT.search(text)) and not lx.OTHER_CAUSE.search(text)


def _analyse_once(
    sentence: Sentence,
    gazetteer: Gazetteer,
    read: dict[str, _Sentence],
    *,
    hints: bool,
    order: SlashOrder | None,
) -> _Sentence:
    """`_analyse`, once for each wording: a page that prints its headline again as the lead, repeats
    a caption or quotes a post twice has the repeat read from ``read`` (what each wording said)."""
    found = read.get(sentence.text)
    if found is None:
        found = read[sentence.text] = _analyse(sentence, gazetteer, hints=hints, order=order)
        return found
    return found.at(sentence)


def _analyse(
    sentence: Sentence, gazetteer: Gazetteer, *, hints: bool = True, order: SlashOrder | None = None
) -> _Sentence:
    """What one sentence says; ``hints`` is False when the article has no word `_ANCHOR_HINT` needs,
    ``order`` the order the article writes slashed dates in."""
    text = sentence.text
    strike = bool(lx.STRIKE_CUES.search(text))
    heading = not strike and _place_line(text, gazetteer)
    aftermath = not strike and (heading or _aftermath(text))
    if (
        not strike
        and not aftermath
        and not (hints and _ANCHOR_HINT.search(text))
        and len(text) > _DATE_LINE_CHARS
    ):
        return _Sentence(sentence, [], set(), [], False, None)
    anchor = war_anchor(text)
    dates = [
        d
        for d in find_dates(text, order=order)
        if not (anchor and d.kind == "from_article") and not _other_date(text, d)
    ]
    speech = {i for i, d in enumerate(dates) if _is_speech_date(text, d)} if dates else set()
    if not strike and not aftermath:
        return _Sentence(sentence, dates, speech, [], False, None)
    found = _with_capital(text, gazetteer.find(text), gazetteer)
    if found and (filed := lx.DATELINE.match(text)):
        found = [m for m in found if m.start >= filed.end()]
    places = _places(text, found) if found else []
    return _Sentence(
        sentence, dates, speech, places, strike, _veto(text, places, aftermath=aftermath), aftermath, heading
    )


def _places(text: str, found: list[Mention]) -> list[tuple[Mention, bool]]:
    """The places a sentence names as hit, each with whether it is only 'near' it."""
    others = _qualifying_others(text, found)
    places = [
        (m, bool(lx.NEAR.search(text[max(0, m.start - 30) : m.start])))
        for i, m in enumerate(found)
        if not _metonym(text, m) and i not in others
    ]
    if negatives.heard_only(text):
        places = [(m, near) for m, near in places if not m.entry.district]
    exact_cities = {m.entry.city for m, near in places if not near}
    return [(m, near) for m, near in places if not near or not exact_cities or m.entry.city in exact_cities]


def _aftermath(text: str) -> bool:
    """Words of a strike's aftermath. A power or water cut alone is one, unless the sentence is
    about repairs or about preparing for cuts: those reach districts far from where anything fell
    ('repair crews worked on the left bank, which remained without water')."""
    first = lx.AFTERMATH.search(text)
    if first is None or not lx.OUTAGE.fullmatch(first.group()):
        return first is not None
    if not (lx.REPAIR.search(text) or lx.PREPARE.search(text)):
        return True
    return any(not lx.OUTAGE.fullmatch(m.group()) for m in lx.AFTERMATH.finditer(text))


_ANCHOR_HINT = lx.Cue(r"\bago\b|(?:19|20)\d\d|\bwar\b|invasion")
"""A sentence that reports no strike matters only for dating the article: a year, 'ago', the war."""


def _with_capital(text: str, found: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """The gazetteer's mentions and every 'the capital' that overlaps none of them, in order."""
    ends = [m.end for m in found]
    free = [c for c in lx.CAPITAL.finditer(text) if _free(found, ends, c.start(), c.end())]
    kyiv = gazetteer.lookup("Kyiv") if free else None
    if kyiv is None:
        return found
    capitals = [Mention(kyiv, c.start(), c.end(), text[c.start() : c.end()]) for c in free]
    return sorted(found + capitals, key=lambda p: p.start)


def _free(found: list[Mention], ends: list[int], start: int, end: int) -> bool:
    """No mention of ``found`` (sorted, without overlaps; ``ends`` theirs) overlaps start:end."""
    i = bisect.bisect_right(ends, start)
    return i == len(found) or found[i].start >= end


_WINDOW = 200
"""How far past a place name the words that qualify it are looked for; no real phrase is longer."""


def _metonym(text: str, m: Mention) -> bool:
    """'blaming Kyiv', "Kyiv's allies", "the Kyiv Independent": the name is not a place hit."""
    after = text[m.end : m.end + _WINDOW]
    if _METONYMS_ENGLISH and lx.without_latin(text):  # only an outlet's name or an institution's
        return bool(lx.OUTLET_NAME.match(after) or lx.INSTITUTION.match(after))
    if lx.OUTLET_NAME.match(after) or lx.TITLE_OF.search(text[max(0, m.start - 40) : m.start]):
        return True
    if m.entry.kind != "district" and lx.ADMINISTRATION.match(after):
        return True
    if lx.INSTITUTION.match(after) and not lx.HIT_WORDS.search(text):
        return True
    if lx.SPOKE_IN.search(text[: m.start]) and lx.SPEAKER_AFTER.match(after):
        return True
    if m.entry.kind != "city":
        return False
    return bool(lx.METONYM.search(text[max(0, m.start - 20) : m.start]) or lx.METONYM.match(after))


_METONYMS_ENGLISH = lx.english_only(
    lx.TITLE_OF, lx.ADMINISTRATION, lx.HIT_WORDS, lx.SPOKE_IN, lx.SPEAKER_AFTER, lx.METONYM
)
"""Whether `_metonym`'s cues but the outlet's and the institution's words are all English (a Latin
letter in every match): then a sentence without Latin letters is asked only those two."""


def _qualifying_others(text: str, found: list[Mention]) -> set[int]:
    """Which mentions (by index) only qualify another: see `_qualifies_other`.

    ``found`` is sorted and without overlaps, so only mentions ending within `_WINDOW` before one
    can qualify it: each mention is compared with a bounded number of others, not with all.
    """
    out = set()
    for i, m in enumerate(found):
        j = i - 1
        while j >= 0 and m.start - found[j].end <= _WINDOW:
            j -= 1
        if _qualifies_other(text, m, found[j + 1 : i]):
            out.add(i)
    return out


def _qualifies_other(text: str, m: Mention, found: list[Mention]) -> bool:
    """A region that only says where a town is, or a district name that belongs to another city."""
    for other in found:
        if other.end > m.start or other is m:
            continue
        gap = text[other.end : m.start]
        town = other.entry.kind in ("city", "town") and other.entry.city != "Kyiv"
        if m.entry.precision == "region" and town and lx.APPOSITION.match(gap):
            return True
        if (
            m.entry.district
            and other.entry.city not in ("Kyiv", m.entry.city)
            and re.fullmatch(r"['’]s\s+", gap)
        ):
            return True
    return False


def _other_date(text: str, mention: DateMention) -> bool:
    """A day of mourning, a record's date, 'since March': a date that is no attack's."""
    before, after = text[max(0, mention.start - 60) : mention.start], text[mention.end : mention.end + 80]
    if _THEN_WHEN.match(after):  # "the first strike since Dec. 31 (last year), when missiles hit ..."
        return False
    if (deed := lx.OTHER_DATE_DEED.search(after)) and not lx.ATTACK_CUES.search(after[: deed.end()]):
        return True
    if lx.REPAIR.search(text):
        return True
    if mention.kind == "month" and lx.ATTACK_COUNT.search(text):  # "In May alone, Kyiv was attacked 17 times"
        return True
    return bool(lx.OTHER_DATE_BEFORE.search(before) or lx.OTHER_DATE_AFTER.search(after))


_THEN_WHEN = re.compile(r"\W{0,3}(?:(?:of )?(?:last|this) year\W{0,3})?when\b", re.IGNORECASE)


_SPEECH_VERB = re.compile(r"\b%s\b" % lx.SPEECH_VERBS)


def _is_speech_date(text: str, mention: DateMention) -> bool:
    before = text[max(0, mention.start - 70) : mention.start]
    verbs = list(_SPEECH_VERB.finditer(before))
    return bool(verbs) and not lx.STRIKE_CUES.search(before[verbs[-1].end() :])


def _veto(text: str, places: list[tuple[Mention, bool]], *, aftermath: bool = False) -> str | None:
    """Why a sentence with strike words is not a report of a strike, if it is not.

    Rescue work is "sent" and help "provided": an aftermath sentence is never an arms delivery.
    """
    if _VETOES_ENGLISH and lx.without_latin(text):  # no veto's words can be in it
        return None
    in_kyiv_district = any(m.entry.district for m, _ in places)
    if (
        not aftermath
        and lx.SUPPLY.search(text)
        and not (lx.RESPONDERS.search(text) or lx.SENT_AT.search(text))
    ):
        return "supply"
    if not places and lx.IN_RUSSIA.search(text):
        return "russia"
    if not places and lx.RUSSIAN_CLAIM.search(text):
        return "claim"
    if (
        (ground := lx.GROUND.search(text))
        and not lx.AIR_CUES.search(text)
        and not _only_then(text, ground.start())
    ):
        return "ground"
    if lx.ELSEWHERE.search(text) and not in_kyiv_district:
        return "elsewhere"
    if lx.GENERIC.search(text) and not (
        all(m.group() in _SCOPE_WORDS for m in lx.GENERIC.finditer(text)) and _hit_by_name(text, places)
    ):
        return "generic"
    if lx.MEETING.search(text) and not lx.HIT_WORDS.search(text):
        return "meeting"
    if lx.CHARGES.search(text) or (lx.LEGAL.search(text) and not lx.HIT_WORDS.search(text)):
        return "legal"
    if lx.ALERT_ONLY.search(text) and not lx.HIT_WORDS.search(lx.NEGATED_HITS.sub("", text)):
        return "alert"
    return None


_VETOES_ENGLISH = lx.english_only(
    *(lx.SUPPLY, lx.IN_RUSSIA, lx.RUSSIAN_CLAIM, lx.GROUND, lx.ELSEWHERE, lx.GENERIC),
    *(lx.MEETING, lx.CHARGES, lx.LEGAL, lx.ALERT_ONLY),
)
"""Whether every veto opens with a match of an English cue (a Latin letter in every match): then a
sentence without Latin letters has none, answered without asking them one by one."""
_SCOPE_WORDS = frozenset({"across ukraine", "across the country"})
"""Generic words that only widen a report: 'explosions hit Kyiv and regions across Ukraine'."""
_HIT_NAMED = lx.Cue(
    r"\b(?:hit|hits|struck|strikes on|rocked|pounded|slammed|slams|attacked|targeted)\s+"
    r"(?:the\s+)?(?:ukrainian\s+)?(?:capital,?\s+)?$"
)


def _hit_by_name(text: str, places: list[tuple[Mention, bool]]) -> bool:
    """A city named as what was hit ('explosions hit Kyiv and regions across Ukraine'): a report
    of that city however widely the sentence goes on."""
    return any(
        m.entry.kind == "city" and _HIT_NAMED.search(text[max(0, m.start - 40) : m.start]) for m, _ in places
    )


def _only_then(text: str, at: int) -> bool:
    """Whether the words at ``at`` only say what was going on then: 'The strike came on March 20,
    when Russian troops were still fighting near the capital' reports a strike, not a battle."""
    then = lx.THEN_CLAUSE.search(text)
    return then is not None and then.start() < at and lx.STRIKE_CUES.search(text[: then.start()]) is not None


def _context(
    article: Article, text: str, sentences: list[_Sentence], city: str, day: dt.date | None = None
) -> _Context:
    published = day or article.published
    window = (published, published) if published else dateline(text)
    written = max((d.day for s in sentences for d in s.dates if d.kind == "day" and d.day), default=None)
    year_hint = written.year if written else window[0].year if window else None
    if window is None:
        window = _anchor_window(sentences, year_hint)
        if window is None:
            return _Context(_DUMMY_WEEK, True, year_hint, _main_mention(sentences, city, undated=True))
    else:
        written = None  # a published day or a timestamp is the article's own: no later date is plausible
    main = _main_mention(sentences, city)
    days = [window[0] + dt.timedelta(days=i) for i in range((window[1] - window[0]).days + 1)]
    return _Context(days, False, year_hint, main, written)


def _anchor_window(sentences: list[_Sentence], year_hint: int | None) -> tuple[dt.date, dt.date] | None:
    for s in sentences:
        if window := war_anchor(s.sentence.text):
            return window
        if not s.dates:
            continue
        ago = [d for d in s.dates if d.kind == "from_article" and "ago" in d.text.lower()]
        dated = [d for d in s.dates if d.kind in ("day", "monthday")]
        if ago and dated:
            found = resolve(dated[0], None, None, year_hint)
            if found:
                return ago_anchor(ago[0], found[0])
    return None


def _main_mention(sentences: list[_Sentence], city: str, *, undated: bool = False) -> DateMention | None:
    """The date words of the attack the article leads with.

    An article with no date of its own whose lead gives none either takes the first date a later
    strike sentence gives: there is no publication day to fall back on.
    """
    told = [s for s in sentences if s.strike and not s.veto and not s.sentence.in_caption]
    found = _first_date(told[:_LEAD_SENTENCES], city)
    return found or (_first_date(told[_LEAD_SENTENCES:], city) if undated else None)


def _first_date(lead: list[_Sentence], city: str) -> DateMention | None:
    spoken = None
    for s in lead:
        recalled: bool | None = None
        for i, d in enumerate(s.dates):
            if d.kind in _RELATIONAL or d.kind in ("weak", "window") or d.recall:
                continue
            if recalled is None:
                recalled = _is_anchor_date(s, d)
            if recalled or _in_aside(s, d):
                continue
            if i not in s.speech:
                return d
            # 'Trump said on Wednesday he urged Putin not to strike back' dates no attack on the city
            if any(m.entry.city == city for m, _ in s.places):
                spoken = spoken or d
    return spoken


def _is_anchor_date(s: _Sentence, mention: DateMention) -> bool:
    """Whether the sentence recalls an earlier attack: the same answer for each of its dates."""
    return bool(lx.RECALL.search(s.sentence.text))


def _main_city(sentences: list[_Sentence]) -> str | None:
    """The city of the first place a strike sentence names, else one an aftermath sentence names
    (a short post may name the attack and leave its place to a heading or a rescue line)."""
    for wanted in (True, False):
        for s in sentences:
            if (s.strike if wanted else s.aftermath) and not s.veto:
                for m, _ in s.places:
                    return m.entry.city
    return None


Target = tuple[object, str]


def _collect(sentences: list[_Sentence], context: _Context, main_city: str) -> dict[Target, _Incident]:
    incidents: dict[Target, _Incident] = {}
    main: Target = (context.key(None), main_city)
    current = main
    """What an undated sentence speaks of: the main attack, or the day of the last date line."""
    line_dates: dict[object, DateMention] = {}
    """The date line that opened each day, by its key: every city told under it takes its day."""
    previous: list[Target] = [main]
    previous_paragraph = -1
    waiting: list[_Sentence] = []
    """An undated sentence goes on with the attack its paragraph was about, else the current one."""
    known_names: dict[str, None] = {}
    read: dict[tuple[str, bool, bool], _Said] = {}
    surnames: dict[str, str] = {}
    """The full name last met for each surname, so 'Klitschko said' later is Vitali Klitschko."""
    tally_paragraph = -1
    heading: tuple[int, str] = (-1, main_city)
    """The paragraph a place line heads, and its city."""
    tallies: dict[Target, list[tuple[str, str, str]]] = {}
    """The night's tally said before the attack it may stand for was reported: (value, sentence, words)."""
    # One date line above the story may be a site's date bar; a second makes the page a live blog
    # or digest, whose first line heads its first day, and whose words above it only sum up the
    # days below ('In this edition: Kyiv's worst week of attacks').
    blog = sum(_date_line(s) is not None for s in sentences if s.dates) > 1
    intro = blog
    for index, s in enumerate(sentences):
        text = s.sentence.text
        tally: list[tuple[int, int]] = []
        if s.strike or s.aftermath:
            tally, carries = _tally_spans(s, carried=s.sentence.paragraph == tally_paragraph)
            tally_paragraph = s.sentence.paragraph if carries else -1
        if (incidents or blog) and (line := _date_line(s)):
            current = (context.key(line), main_city)
            line_dates.setdefault(current[0], line)
            previous = [current]
            intro = False
            continue
        if intro:
            continue
        if not (s.strike or s.aftermath) or s.veto not in (None, "generic", "alert"):
            continue
        same_paragraph = s.sentence.paragraph == previous_paragraph
        default = previous if same_paragraph or lx.ANAPHORA.search(text) else [current]
        if lx.BACK_TO_NOW.search(text):  # 'This time, ...' after a recalled attack is today's again
            default = [current]
        if s.heading and s.places:
            heading = (s.sentence.paragraph, _cities(s.places)[0])
        elif heading[0] == s.sentence.paragraph and not s.places:  # 'Odesa. Missiles hit a block of flats.'
            default = [(t[0], heading[1]) for t in default]
        s = _owned_by_the_city_before(s, previous if same_paragraph else [current])
        if s.aftermath:
            if not _add_aftermath(s, default, incidents, read):
                waiting.append(s)  # a heading ('Святошинський район.') or a post's first line
            continue
        if s.veto in ("generic", "alert"):
            for target in default:
                if target in incidents:
                    here = all(m.entry.city == target[1] for m, _ in s.places)
                    _refine_models(incidents[target], text, approach=s.veto == "alert" and here)
            continue
        touched: list[Target] = []
        recalls: bool | None = None
        country: bool | None = None
        """Whether the sentence speaks of the whole country and of no city, once asked."""
        for target, mention, clause, here in _clauses(s, context, default):
            incident = incidents.get(target)
            fresh = incident is None
            if fresh:
                if mention is None and target[0] in line_dates:
                    when = context.when(line_dates[target[0]])
                else:
                    when = context.when(mention if mention is not None and target != main else context.main)
                incident = _Incident(target, target[1], when, index)
            assert incident is not None
            # a clause that speaks of many cities is read once, not once for each
            words = text[clause[0] : clause[1]]
            country = facts.countrywide(text) if country is None else country
            said = _not_dates(
                _clause_facts_once(
                    words,
                    read,
                    placed=bool(here),
                    tally=country or (bool(tally) and any(a <= clause[0] < b for a, b in tally)),
                ),
                words,
                s.dates,
            )
            if fresh and said and all(name == "tally_weapons" for name, _, _ in said):
                tallies.setdefault(target, []).extend((v, text, w) for _, v, w in said)
            elif _add_clause_facts(incident, s, clause, mention, said, clause=words, here=here):
                if fresh:
                    incidents[target] = incident
                incident.caption_only &= s.sentence.in_caption
                incident.told = incident.told or _tells(words)
                incident.night |= mention is not None and mention.night
                if mention is not None and not mention.recall and recalls is None:
                    recalls = bool(lx.RECALL.search(text))
                if mention is not None and (mention.recall or recalls):
                    incident.recall = True
                touched.append(target)
        if touched:
            previous = list(dict.fromkeys(touched))
            previous_paragraph = s.sentence.paragraph
        for name, words in facts.speakers(text, surnames):
            if " " in name and name not in known_names:
                known_names[name] = None
                surnames[name.split()[-1]] = name
            for target in previous if touched else default:
                if target in incidents:
                    incidents[target].add("said_by", name, text, words)
    for s in waiting:
        _add_aftermath(s, [main], incidents, read)
    for target, found in tallies.items():
        for value, sentence, words in found if target in incidents else ():
            incidents[target].add("tally_weapons", value, sentence, words)
    return _fold_evenings(_fold_updates(incidents, main))


def _tally_spans(s: _Sentence, *, carried: bool) -> tuple[list[tuple[int, int]], bool]:
    """The clauses of a sentence that go on with the country's tally, and whether it still does at the end.

    'Nationwide, Russia launched 44 drones; 40 were destroyed': once a clause speaks of the whole
    country, the clauses after it (and the next sentences of its paragraph, ``carried``) do too,
    until one names a city or a place.
    """
    text = s.sentence.text
    if not (carried or lx.WHOLE_COUNTRY.possible(text)):
        return [], False
    out = []
    active = carried
    for start, end in s.clauses():
        clause = text[start:end]
        if s.places_in(start, end) or lx.CITY_TIE.search(clause):
            active = False
            continue
        active = active or bool(lx.WHOLE_COUNTRY.search(clause))
        if active:
            out.append((start, end))
    return out, active


_UPDATE_DAYS = 3
"""How many days after an attack a toll or rescue update is still told of it."""


def _fold_updates(incidents: dict[Target, _Incident], main: Target) -> dict[Target, _Incident]:
    """A day that only gives a toll or rescue news ('On Friday the toll rose to 23', a live blog's
    next day: 'The toll has reached 24') is no attack: it updates the last attack on the city
    in the days before, and its figures and places go to that attack."""
    told = [i for i in incidents.values() if i.told and _day(i) is not None]
    for target, update in list(incidents.items()):
        day = _day(update)
        if update.told or day is None or (target == main and _dated(update)):
            continue
        earlier = [i for i in told if i.city == update.city and 0 < (day - _day(i)).days <= _UPDATE_DAYS]  # type: ignore[operator]
        if target == main:  # only an attack the article itself tells as earlier ('three days ago')
            earlier = [i for i in earlier if i.recall]
        if not earlier:
            continue
        attack = max(earlier, key=lambda i: _day(i))  # type: ignore[arg-type,return-value]
        before = update.first_seen < attack.first_seen  # a headline's news is read before the lead's
        for name, items in update.facts.items():
            if name not in ("date", "time_of_day"):
                _join(attack.facts.setdefault(name, []), items, first=before)
        _join(attack.places, update.places, first=before)
        if target == main:  # 'Five more bodies found days after the strike on Kyiv': a follow-up
            attack.lead, attack.recall = True, False
        del incidents[target]
    return incidents


def _join(found: list[_T], more: list[_T], *, first: bool) -> None:
    """``more`` put before or after what was ``found``, in place."""
    if first:
        found[:0] = more
    else:
        found.extend(more)


def _dated(incident: _Incident) -> bool:
    """Whether some sentence of the incident gives its day, rather than the article's date alone."""
    return bool(incident.facts.get("date"))


_DAYS_AFTER = lx.Cue(r"\b(?:days?|hours?|weeks?) after\s+(?:(?:the|a|an|last)\s+)?(?:[\w'’-]+\s+){0,3}$")


def _tells(clause: str) -> bool:
    """Whether the clause says an attack happened: an attack word not only in 'days after the
    strike on Kyiv', which recalls the attack a follow-up is about."""
    return any(
        not _DAYS_AFTER.search(clause[max(0, m.start() - 50) : m.start()])
        for m in lx.ATTACK_CUES.finditer(clause)
    )


def _fold_evenings(incidents: dict[Target, _Incident]) -> dict[Target, _Incident]:
    """'Shortly before midnight on Sunday' and 'the night of March 20 to 21' are one attack: an
    evening or night told on the day before a night of two dates goes to that night's day."""
    nights = [i for i in incidents.values() if i.night and _day(i) is not None]
    for target, evening in list(incidents.items()):
        day = _day(evening)
        if evening.night or evening.recall or day is None or not _told_at_night(evening):
            continue
        night = next((i for i in nights if i.city == evening.city and (_day(i) - day).days == 1), None)  # type: ignore[operator]
        if night is None:
            continue
        for name, items in evening.facts.items():
            if name != "date":
                night.facts.setdefault(name, [])[:0] = items
        night.places[:0] = evening.places
        night.first_seen = min(night.first_seen, evening.first_seen)
        del incidents[target]
    return incidents


_LATE = re.compile(r"\b(?:late|evening|night|midnight)\b", re.IGNORECASE)


def _told_at_night(incident: _Incident) -> bool:
    """Whether the words that date the incident put it late in the day."""
    for _, e in incident.facts.get("date", []):
        at = e.sentence.find(e.match)
        if at >= 0 and _LATE.search(e.sentence[max(0, at - 30) : at + len(e.match) + 15]):
            return True
    return False


def _day(incident: _Incident) -> dt.date | None:
    when = incident.when
    if when is None or when.earliest is None or when.earliest != when.latest:
        return None
    return when.earliest


def _date_line(s: _Sentence) -> DateMention | None:
    """A paragraph that is only a date, as live blogs and digests head each day: its date.

    The day's count of the war may follow it ('Monday 14 March 2022 - Day 19 of the invasion',
    'Tuesday, May 30 (Day 461)'): that count says the same day again.
    """
    text = s.sentence.text
    if not s.dates or len(text) > _DATE_LINE_CHARS + _WAR_DAY_NOTE_CHARS:  # most sentences: no search
        return None
    if "day" in text.lower() and (note := _WAR_DAY_NOTE.search(text)):  # a note always says 'day'
        text = text[: note.start()]
    dates = [d for d in s.dates if d.end <= len(text)]
    dated = [d for d in dates if d.kind in ("day", "monthday")]
    if len(text) > _DATE_LINE_CHARS or len(dated) != 1 or any(d.kind not in _LINE_KINDS for d in dates):
        return None
    rest = "".join(text[a:b] for a, b in _gaps(dates, len(text)))
    return dated[0] if _DATE_LINE_REST.fullmatch(rest) else None


_DATE_LINE_CHARS = 40
_WAR_DAY_NOTE = re.compile(
    r"\s*(?:[-–—|:,]\s*|\(\s*)day\s+\d[\d,]*(?:\s+of\s+(?:the\s+|russia['’]s\s+)?(?:full-scale\s+)?"
    r"(?:war|invasion))?\s*\)?\s*$",
    re.IGNORECASE,
)
_WAR_DAY_NOTE_CHARS = 60
_LINE_KINDS = ("day", "monthday", "weekday")
_DATE_LINE_REST = re.compile(
    r"[\W\d]*(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b)?[\W\d]*"
    r"(?:[ap]\.?m\.?|gmt|utc|bst|eet|eest|cet|cest|est|edt|kyiv time)?[\W\d]*",
    re.IGNORECASE,
)
"""Besides its date, a date line holds at most a short weekday and a time of day."""


def _gaps(dates: list[DateMention], length: int) -> list[tuple[int, int]]:
    """The spans of a text of ``length`` between ``dates`` (sorted, without overlaps)."""
    starts = [0] + [d.end for d in dates]
    ends = [d.start for d in dates] + [length]
    return [(a, b) for a, b in zip(starts, ends, strict=True) if a < b]


def _add_aftermath(
    s: _Sentence,
    default: list[Target],
    incidents: dict[Target, _Incident],
    read: dict[tuple[str, bool, bool], _Said],
) -> bool:
    """Places and facts of an aftermath sentence go to the attack it follows, in their city.

    It never starts an attack of its own, nor dates one: "repair work went on on Friday" says
    when the work was done, not when the strike was.
    """
    text = s.sentence.text
    span = (0, len(text))
    targets = [t for t in default if t in incidents]
    for c in _cities(s.places):
        targets += [t for t in incidents if t[1] == c and t[0] == default[0][0] and t not in targets]
    said = _clause_facts_once(text, read)
    added = False
    for target in dict.fromkeys(targets):
        incident = incidents[target]
        if any(m.entry.city == incident.city for m, _ in s.places) or not s.places:
            added |= _add_clause_facts(incident, s, span, None, said, dated=False)
    return added


def _owned_by_the_city_before(s: _Sentence, before: list[Target]) -> _Sentence:
    """The sentence without the district names that are the city's it speaks of, when that city
    is not Kyiv (see `negatives.the_city_s_own`, `negatives.names_a_district`): the cities it
    names, else those of the attack told before it."""
    if not s.places:
        return s
    text = s.sentence.text
    after_city = {i for i, (m, _) in enumerate(s.places) if negatives.names_a_district(text, m)}
    if not after_city and not any(m.entry.district for m, _ in s.places):
        return s
    named = [
        m.entry.city for i, (m, _) in enumerate(s.places) if m.entry.kind == "city" and i not in after_city
    ]
    spoken_of = named or [city for _, city in before]
    if not spoken_of or any(city in _SCOPE for city in spoken_of):
        return s
    owned = negatives.the_city_s_own(text, [m for m, _ in s.places]) | after_city
    if not owned:
        return s
    return dataclasses.replace(s, places=[p for i, p in enumerate(s.places) if i not in owned])


def _clauses(s: _Sentence, context: _Context, default: list[Target]):  # type: ignore[no-untyped-def]
    """Yield (target, date mention, clause span, the clause's places) for every clause and city it
    speaks of."""
    text = s.sentence.text
    usable = [d for i, d in enumerate(s.dates) if i not in s.speech and d.kind != "weak"] if s.dates else []
    if (
        usable
        and any(d.kind == "from_article" and "ago" in d.text.lower() for d in usable)
        and any(d.kind in ("day", "monthday") for d in usable)
    ):
        usable = [d for d in usable if not (d.kind == "from_article" and "ago" in d.text.lower())]
    spans = s.clauses()
    english = not (_CLAUSE_CUES_ENGLISH and lx.without_latin(text))
    if english and (cut := lx.RETALIATION.search(text)):
        spans = [(a, min(b, cut.start())) for a, b in spans if a < cut.start()]
        usable = [d for d in usable if d.start < cut.start()]
    own: list[DateMention | None] = _first_in_each(spans, usable) if usable else [None] * len(spans)
    # Whether any clause may speak of Russia or of other regions: most sentences are asked once.
    abroad = english and bool(lx.IN_RUSSIA.search(text) or lx.OTHER_REGIONS.search(text))
    lead = next((d for d in own if d is not None), None) if usable else None
    if lead is not None and (lead.kind in _RELATIONAL or any(d.kind in _RELATIONAL for d in usable)):
        lead = None
    lent = _lent_to(text, spans[own.index(lead)], s) if lead is not None else None
    key: object | None = None
    mention: DateMention | None = None
    in_sentence = _cities(s.places)
    city: str | None = None
    for (start, end), d in zip(spans, own, strict=True):
        if d is not None:
            key, mention = context.key(d), d
        elif (
            key is None
            and lead is not None
            and (lent is None or set(lent) & set(_cities(s.places_in(start, end))))
        ):
            key, mention = context.key(lead), lead
        if abroad and (lx.IN_RUSSIA.search(text[start:end]) or lx.OTHER_REGIONS.search(text[start:end])):
            continue
        here = s.places_in(start, end)
        cities = _cities(here) or ([city] if city else in_sentence[:1])
        if cities:
            city = cities[0]
        if key is None:
            if len(default) == 1 and len(cities) < 2:  # most clauses: one attack, at most one city
                targets = [(default[0][0], cities[0])] if cities else default
            else:
                targets = list(
                    dict.fromkeys([(t[0], c) for t in default for c in cities] if cities else default)
                )
            for target in targets:
                yield target, None, (start, end), here
        else:
            for c in cities or [default[0][1]]:
                yield (key, c), mention, (start, end), here


_CLAUSE_CUES_ENGLISH = lx.english_only(lx.RETALIATION, lx.IN_RUSSIA, lx.OTHER_REGIONS)
"""Whether the cues `_clauses` asks of a whole sentence are all English: then a sentence without
Latin letters is not asked them."""


_ASIDE = re.compile(
    r"(?:while|whereas|but|meanwhile|as(?! well as)|after|following|since|"
    r"(?:(?:a|the|\w+) )?(?:days?|hours?|weeks?) after)\b",
    re.IGNORECASE,
)


def _lent_to(text: str, span: tuple[int, int], s: _Sentence) -> list[str] | None:
    """The cities a clause's date is lent to the clauses before it for, None for any: a date in
    an aside about another city ('One person was killed in Kyiv, while the toll from Friday's
    attack on Kryvyi Rih rose') is that city's alone; in a list ('Missiles hit Kyiv, Kharkiv and
    Odesa on Friday') it is every city's."""
    cities = _cities(s.places_in(*span))
    if not cities or not _ASIDE.match(text, span[0]):
        return None
    return cities


def _in_aside(s: _Sentence, d: DateMention) -> bool:
    """Whether the date is told in an aside about a city other than the sentence's first (see
    `_lent_to`): the day of another city's attack is not the article's."""
    span = next((c for c in s.clauses() if c[0] <= d.start < c[1]), None)
    lent = _lent_to(s.sentence.text, span, s) if span else None
    return lent is not None and set(lent).isdisjoint(_cities(s.places)[:1])


def _lends(lent: list[str], s: _Sentence, start: int, end: int, in_sentence: list[str]) -> bool:
    """Whether a clause speaks of one of the ``lent`` cities: its own, else the sentence's first."""
    return not set(lent).isdisjoint(_cities(s.places_in(start, end)) or in_sentence[:1])


def _unbroken(s: _Sentence) -> list[tuple[int, int]]:
    """Spans no clause break may cut: its dates, a count with its verb around an aside ('Three
    people, including a girl of 14, were injured'), and a figure told across a dash ('загиблих —
    п'ятеро')."""
    dates = [(d.start, d.end) for d in s.dates]
    asides = facts.counted_asides(s.sentence.text) + casualties_ukru.bound(s.sentence.text)
    return merge_spans(dates + asides) if asides else dates  # touching spans hold no break between them


def _first_in_each(spans: list[tuple[int, int]], dates: list[DateMention]) -> list[DateMention | None]:
    """For each span, the first of ``dates`` (sorted by start) that starts inside it, if any."""
    starts = [d.start for d in dates]
    out: list[DateMention | None] = []
    for start, end in spans:
        i = bisect.bisect_left(starts, start)
        out.append(dates[i] if i < len(dates) and dates[i].start < end else None)
    return out


def _cities(places: list[tuple[Mention, bool]]) -> list[str]:
    if not places:
        return []
    if len(places) == 1:  # most clauses: one place, its city whether near or not
        return [places[0][0].entry.city]
    places = [p for p in places if not p[1]] or places
    specific = [m.entry.city for m, _ in places if m.entry.precision != "region"]
    cities = specific or [m.entry.city for m, _ in places]
    return list(dict.fromkeys(cities))


_Said = list[tuple[str, str, str]]
"""What a clause says of an attack, as (field, value, words)."""


def _clause_facts_once(
    clause: str, read: dict[tuple[str, bool, bool], _Said], *, placed: bool = False, tally: bool = False
) -> _Said:
    """`_clause_facts`, once for each wording in an article: a waiting aftermath line is offered
    to its attack twice, and a page may repeat a sentence; ``read`` holds what each one said."""
    found = read.get((clause, placed, tally))
    if found is None:
        found = read[(clause, placed, tally)] = _clause_facts(clause, placed=placed, tally=tally)
    return found


def _clause_facts(clause: str, *, placed: bool = False, tally: bool = False) -> _Said:
    """What a clause says of an attack, as (field, value, words), whichever city it is given to;
    ``placed``: the clause names a place, so a country-wide tally in it is tied to that place;
    ``tally``: an earlier clause put it in the country's tally, so its weapons and figures are not
    the attack's own."""
    out = []
    classes, models = facts.weapons(clause, placed=placed, tally=tally)
    if (
        not classes
        and (launched := facts.weapons(clause, placed=True)[0])
        and (tally or facts.countrywide(clause))
    ):
        out += [("tally_weapons", value, words) for value, words in launched]
    # most clauses name no weapon and no casualty: no list is built for them
    if classes:
        out += [("weapons", value, words) for value, words in classes]
    if models:
        out += [("weapon_models", value, words) for value, words in models]
    hurt = facts.casualties(clause, tally=tally)
    if hurt.figures:
        out += [(figure.field, figure.value, figure.words) for figure in hurt.figures]
    if hurt.words:
        out += [("casualty_words", words, words) for words in hurt.words]
    if found := facts.debris(clause):
        out.append(("debris", found[0], found[1]))
    if lx.without_latin(clause) or not _LATIN_WORD.search(clause):  # the readers below know English only
        return out
    if found := facts.intercepted(clause):
        out.append(("intercepted", found[0], found[1]))
    out += [
        ("address", street.group("street"), street.group("street")) for street in lx.STREET.finditer(clause)
    ]
    out += [("damage", value, words) for value, words in facts.damage(clause)]
    return out


_LATIN_WORD = re.compile(r"[A-Za-z]{3}")


_ENDS_IN_DIGITS = re.compile(r"\d+$")


def _not_dates(
    said: list[tuple[str, str, str]], clause: str, dates: list[DateMention]
) -> list[tuple[str, str, str]]:
    """Without figures whose number ends a date: 'an attack on Feb. 12 killed a man' is no 12 killed."""
    if not said or not dates:
        return said
    tails = [(d.text, t.group()) for d in dates if (t := _ENDS_IN_DIGITS.search(d.text))]
    if not tails:
        return said
    return [
        (name, value, words)
        for name, value, words in said
        if not any(words.startswith(tail) and text + words[len(tail) :] in clause for text, tail in tails)
    ]


def _add_clause_facts(
    incident: _Incident,
    s: _Sentence,
    span: tuple[int, int],
    mention: DateMention | None,
    said: list[tuple[str, str, str]],
    *,
    dated: bool = True,
    clause: str | None = None,
    here: list[tuple[Mention, bool]] | None = None,
) -> bool:
    """Give the incident what this clause says of it (``said``, and its places in the incident's
    city); False when the clause says nothing of it. ``clause``: the clause's text, if the caller
    has it (the cues remember the text they read last, by identity); ``here``: its places, likewise."""
    sentence = s.sentence.text
    start, end = span
    # a tally alone tells of no attack here
    gained = bool(said) and any(name != "tally_weapons" for name, _, _ in said)
    for m, near in s.places_in(start, end) if here is None else here:
        if m.entry.city == incident.city:
            gained = True
            incident.places.append(
                (m, near, Evidence("districts" if m.entry.district else "city", sentence, m.text))
            )
    for name, value, words in said:
        incident.add(name, value, sentence, words)
    if gained and dated:
        date = mention or (_first_in_each([span], s.dates)[0] if s.dates else None)
        if date is not None:
            incident.add("date", date.text, sentence, date.text)
        if found := (mention is not None and facts.time_of_day(mention.text)) or facts.time_of_day(
            sentence[start:end] if clause is None else clause
        ):
            incident.add("time_of_day", found[0], sentence, found[1])
    return gained


def _refine_models(incident: _Incident, sentence: str, *, approach: bool = False) -> None:
    """A general remark may name the model of a weapon class the attack already has; and once an
    attack is reported, what was seen coming at the city (``approach``: 'missiles moving toward the
    capital') is what attacked it."""
    classes, models = facts.weapons(sentence)
    if approach:
        for value, words in classes:
            incident.add("weapons", value, sentence, words)
    have = {v for v, _ in incident.facts.get("weapons", [])}
    for model, words in models:
        if lx.MODEL_CLASS[model] in have:
            incident.add("weapon_models", model, sentence, words)


def _report(
    article: Article, incident: _Incident, number: int, *, is_main: bool, context: _Context
) -> Report | None:
    def values(name: str) -> list[str]:
        return list(dict.fromkeys(v for v, _ in incident.facts.get(name, [])))

    def last_number(name: str) -> int | None:
        found = incident.facts.get(name)
        return int(found[-1][0]) if found else None

    killed, injured = facts.tolls(
        *(
            incident.earlier.get(name, []) + [(v, e.sentence) for v, e in incident.facts.get(name, [])]
            for name in _TOLLS
        )
    )
    numbers = {"killed": killed, "injured": injured, "intercepted": last_number("intercepted")}
    date, precision = summarise(incident.when)
    exact = [(m, e) for m, near, e in incident.places if not near]
    chosen = exact if any(m.entry.district for m, _ in exact) else [(m, e) for m, _, e in incident.places]
    districts = list(dict.fromkeys(m.entry.district for m, _ in chosen if m.entry.district))
    # an article names its places again and again: each entry is made a Place once
    entries = {id(m.entry): m.entry for m, _ in chosen if not districts or m.entry.district}
    places = list(dict.fromkeys(map(_place, entries.values())))
    _weapons_from_tally(incident)
    evidence = [e for _, e in chosen] + [e for items in incident.facts.values() for _, e in items]
    return Report(
        article=article.path,
        article_id=article.id,
        key=f"{article.id}:{number}",
        role=_role(incident, is_main, context),
        city=incident.city,
        date=date,
        date_precision=precision,
        when=incident.when,
        time_of_day=next(iter(values("time_of_day")), None),
        districts=tuple(districts),
        places=tuple(places),
        weapons=tuple(sorted(values("weapons"))),
        weapon_models=tuple(sorted(values("weapon_models"))),
        debris=bool(values("debris")),
        killed=killed,
        injured=injured,
        intercepted=last_number("intercepted"),
        casualty_words=tuple(values("casualty_words")),
        damage=tuple(values("damage")),
        said_by=tuple(values("said_by")),
        addresses=tuple(values("address")),
        flags=tuple(
            f"implausible {name} figure, kept as stated: {value:,}"
            for name, value in numbers.items()
            if value is not None and value > _IMPLAUSIBLE[name]
        ),
        source=article.source,
        title=article.title,
        published=article.published,
        url=article.url,
        language=article.language,
        evidence=tuple(dict.fromkeys(evidence)),
    )


def _weapons_from_tally(incident: _Incident) -> None:
    """An attack whose own sentences name no weapon has the weapons of the night's tally: 'Russia
    launched 40 drones across Ukraine; most were downed over the capital' still says drones came."""
    tally = incident.facts.pop("tally_weapons", [])
    if tally and "weapons" not in incident.facts:
        incident.facts["weapons"] = [(v, dataclasses.replace(e, field="weapons")) for v, e in tally]


def _role(incident: _Incident, is_main: bool, context: _Context) -> Role:
    if is_main:
        return "primary"
    if incident.recall or incident.caption_only:
        return "background"
    main_key, key = context.key(None), incident.key[0]
    if isinstance(main_key, tuple) and isinstance(key, tuple) and key[1] < main_key[0] - dt.timedelta(days=2):
        return "background"
    return "primary"


def _place(e: Entry) -> Place:
    return Place(e.name, e.city, e.district, e.lat, e.lon, e.precision, "gazetteer")
