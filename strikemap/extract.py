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

from strikemap import casualties_ukru, facts
from strikemap import lexicon as lx
from strikemap.dates import (
    EARLIEST_YEAR,
    DateMention,
    ago_anchor,
    dateline,
    find_dates,
    resolve,
    summarise,
    war_anchor,
)
from strikemap.gazetteer import Gazetteer, Mention, default_gazetteer
from strikemap.models import Article, Evidence, Place, Report, Role, When
from strikemap.normalise import Folded, fold
from strikemap.text import Sentence, split_clauses, split_sentences

_LEAD_SENTENCES = 8
_DUMMY_WEEK = [dt.date(2001, 1, 1) + dt.timedelta(days=i) for i in range(7)]
_RELATIONAL = ("from_main",)


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
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [m.start for m, _ in self.places]

    def places_in(self, start: int, end: int) -> list[tuple[Mention, bool]]:
        """The place mentions that start within start:end (places are in order of start)."""
        return self.places[bisect.bisect_left(self._starts, start) : bisect.bisect_left(self._starts, end)]


@dataclass(slots=True)
class _Incident:
    key: tuple[object, str]
    city: str
    when: When | None
    first_seen: int
    recall: bool = False
    caption_only: bool = True
    facts: dict[str, list[tuple[str, Evidence]]] = field(default_factory=dict)
    places: list[tuple[Mention, bool, Evidence]] = field(default_factory=list)

    def add(self, name: str, value: str, sentence: str, words: str) -> None:
        self.facts.setdefault(name, []).append((value, Evidence(name, sentence, words)))


@dataclass(slots=True)
class _Context:
    days: list[dt.date]
    dummy: bool
    year_hint: int | None
    main: DateMention | None

    def main_day(self, article_day: dt.date) -> dt.date:
        if self.main is None:
            return article_day
        found = resolve(self.main, article_day, None, self.year_hint)
        return found[0] if found else article_day

    def when(self, mention: DateMention | None) -> When | None:
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
        first, last = min(r[0] for r in ranges), max(r[1] for r in ranges)
        weekdays = {r[0].weekday() for r in ranges if r[0] == r[1]}
        single = all(r[0] == r[1] for r in ranges)
        weekday = weekdays.pop() if single and len(weekdays) == 1 else None
        if self.dummy:
            if len(set(ranges)) == 1 and first.year != _DUMMY_WEEK[0].year:
                return _plausible(When(first, last), dt.date.today() + dt.timedelta(days=1))
            return When(None, None, weekday) if weekday is not None else None
        return _plausible(When(first, last, weekday), self.days[-1] + dt.timedelta(days=1))

    def key(self, mention: DateMention | None) -> object:
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
_SHARED_NAMES = frozenset({"Shevchenkivskyi", "Dniprovskyi", "Desnianskyi", "Podilskyi"})
"""Kyiv district names that districts of other cities bear too (Kharkiv, Zaporizhzhia, Lviv, Kherson,
Chernihiv, Poltava...)."""
_YEAR_ONLY = ("monthday", "month")
"""Date words that need only a year, not the article's day."""
_IMPLAUSIBLE = {"killed": 1000, "injured": 10000, "intercepted": 2000}
"""Figures above these for one attack on one city are kept as stated but flagged for a person."""


def extract(article: Article, *, gazetteer: Gazetteer | None = None) -> list[Report]:
    """Every attack the article reports or recalls, one Report per city and day."""
    gazetteer = gazetteer or default_gazetteer()
    folded = fold(article.text)
    hints = _ANCHOR_HINT.possible(folded.text)
    sentences = [_analyse(s, gazetteer, hints=hints) for s in split_sentences(folded.text)]
    if not any(_reports_attack(s) for s in sentences):
        return []
    context = _context(article, folded.text, sentences)
    main_city = _main_city(sentences)
    if main_city is None:
        return []
    incidents = _collect(sentences, context, main_city)
    main_key = (context.key(None), main_city)
    reports = []
    told = [incident for incident in incidents.values() if not incident.caption_only]
    for number, incident in enumerate(sorted(incidents.values(), key=lambda i: i.first_seen)):
        if incident.caption_only and any(_photo_of(incident, other) for other in told):
            continue
        report = _report(article, incident, number, is_main=incident.key == main_key, context=context)
        if report is not None:
            reports.append(report)
    if folded.changed:
        return [_as_written(report, article.text, folded, sentences) for report in reports]
    return reports


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
    if len(text) > _DATE_LINE_CHARS:
        return False
    found = gazetteer.find(text)
    return bool(found) and len(re.sub(r"[\W\d_]|\bм\b", "", text)) <= 2 + sum(
        len(re.sub(r"[\W\d_]", "", m.text)) for m in found
    )


def _reports_attack(s: _Sentence) -> bool:
    """An attack word, or someone killed or hurt in a Kyiv district: no fire or death alone is."""
    if not (s.strike or s.aftermath) or s.veto:
        return False
    text = s.sentence.text
    if s.strike and lx.ATTACK_CUES.search(text):
        return True
    in_district = any(m.entry.district and m.entry.city == "Kyiv" for m, _ in s.places)
    return in_district and bool(lx.HURT.search(text)) and not lx.OTHER_CAUSE.search(text)


def _analyse(sentence: Sentence, gazetteer: Gazetteer, *, hints: bool = True) -> _Sentence:
    """What one sentence says; ``hints`` is False when the article has no word `_ANCHOR_HINT` needs."""
    text = sentence.text
    strike = bool(lx.STRIKE_CUES.search(text))
    aftermath = not strike and (bool(lx.AFTERMATH.search(text)) or _place_line(text, gazetteer))
    if (
        not strike
        and not aftermath
        and not (hints and _ANCHOR_HINT.search(text))
        and len(text) > _DATE_LINE_CHARS
    ):
        return _Sentence(sentence, [], set(), [], False, None)
    anchor = war_anchor(text)
    dates = [
        d for d in find_dates(text) if not (anchor and d.kind == "from_article") and not _other_date(text, d)
    ]
    speech = {i for i, d in enumerate(dates) if _is_speech_date(text, d)}
    if not strike and not aftermath:
        return _Sentence(sentence, dates, speech, [], False, None)
    found = _with_capital(text, gazetteer.find(text), gazetteer)
    if filed := lx.DATELINE.match(text):
        found = [m for m in found if m.start >= filed.end()]
    others = _qualifying_others(text, found)
    places = [
        (m, bool(lx.NEAR.search(text[max(0, m.start - 30) : m.start])))
        for i, m in enumerate(found)
        if not _metonym(text, m) and i not in others
    ]
    exact_cities = {m.entry.city for m, near in places if not near}
    places = [(m, near) for m, near in places if not near or not exact_cities or m.entry.city in exact_cities]
    return _Sentence(
        sentence, dates, speech, places, strike, _veto(text, places, aftermath=aftermath), aftermath
    )


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
    if lx.OUTLET_NAME.match(after) or lx.TITLE_OF.search(text[max(0, m.start - 40) : m.start]):
        return True
    if m.entry.kind != "city":
        return False
    return bool(lx.METONYM.search(text[max(0, m.start - 20) : m.start]) or lx.METONYM.match(after))


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
    if re.match(r"\W{0,3}when\b", after):  # "the first strike since Dec. 31, when missiles hit ..."
        return False
    if (deed := lx.OTHER_DATE_DEED.search(after)) and not lx.ATTACK_CUES.search(after[: deed.end()]):
        return True
    if lx.REPAIR.search(text):
        return True
    return bool(lx.OTHER_DATE_BEFORE.search(before) or lx.OTHER_DATE_AFTER.search(after))


def _is_speech_date(text: str, mention: DateMention) -> bool:
    before = text[max(0, mention.start - 70) : mention.start]
    verbs = list(re.finditer(r"\b%s\b" % lx.SPEECH_VERBS, before))
    return bool(verbs) and not lx.STRIKE_CUES.search(before[verbs[-1].end() :])


def _veto(text: str, places: list[tuple[Mention, bool]], *, aftermath: bool = False) -> str | None:
    """Why a sentence with strike words is not a report of a strike, if it is not.

    Rescue work is "sent" and help "provided": an aftermath sentence is never an arms delivery.
    """
    in_kyiv_district = any(m.entry.district for m, _ in places)
    if not aftermath and lx.SUPPLY.search(text) and not lx.RESPONDERS.search(text):
        return "supply"
    if lx.IN_RUSSIA.search(text) and not places:
        return "russia"
    if lx.RUSSIAN_CLAIM.search(text) and not places:
        return "claim"
    if lx.GROUND.search(text) and not lx.AIR_CUES.search(text):
        return "ground"
    if lx.ELSEWHERE.search(text) and not in_kyiv_district:
        return "elsewhere"
    if lx.GENERIC.search(text):
        return "generic"
    if lx.MEETING.search(text) and not lx.HIT_WORDS.search(text):
        return "meeting"
    if lx.ALERT_ONLY.search(text) and not lx.HIT_WORDS.search(lx.NEGATED_HITS.sub("", text)):
        return "alert"
    return None


def _context(article: Article, text: str, sentences: list[_Sentence]) -> _Context:
    window = (article.published, article.published) if article.published else dateline(text)
    year_hint = max(
        (d.day.year for s in sentences for d in s.dates if d.kind == "day" and d.day),
        default=window[0].year if window else None,
    )
    if window is None:
        window = _anchor_window(sentences, year_hint)
    if window is None:
        return _Context(_DUMMY_WEEK, True, year_hint, _main_mention(sentences, undated=True))
    main = _main_mention(sentences)
    days = [window[0] + dt.timedelta(days=i) for i in range((window[1] - window[0]).days + 1)]
    return _Context(days, False, year_hint, main)


def _anchor_window(sentences: list[_Sentence], year_hint: int | None) -> tuple[dt.date, dt.date] | None:
    for s in sentences:
        if window := war_anchor(s.sentence.text):
            return window
        ago = [d for d in s.dates if d.kind == "from_article" and "ago" in d.text.lower()]
        dated = [d for d in s.dates if d.kind in ("day", "monthday")]
        if ago and dated:
            found = resolve(dated[0], None, None, year_hint)
            if found:
                return ago_anchor(ago[0], found[0])
    return None


def _main_mention(sentences: list[_Sentence], *, undated: bool = False) -> DateMention | None:
    """The date words of the attack the article leads with.

    An article with no date of its own whose lead gives none either takes the first date a later
    strike sentence gives: there is no publication day to fall back on.
    """
    told = [s for s in sentences if s.strike and not s.veto and not s.sentence.in_caption]
    found = _first_date(told[:_LEAD_SENTENCES])
    return found or (_first_date(told[_LEAD_SENTENCES:]) if undated else None)


def _first_date(lead: list[_Sentence]) -> DateMention | None:
    spoken = None
    for s in lead:
        recalled: bool | None = None
        for i, d in enumerate(s.dates):
            if d.kind in _RELATIONAL or d.kind in ("weak", "window") or d.recall:
                continue
            if recalled is None:
                recalled = _is_anchor_date(s, d)
            if recalled:
                continue
            if i not in s.speech:
                return d
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
    line_dates: dict[Target, DateMention] = {}
    previous: list[Target] = [main]
    previous_paragraph = -1
    waiting: list[_Sentence] = []
    """An undated sentence goes on with the attack its paragraph was about, else the current one."""
    known_names: dict[str, None] = {}
    surnames: dict[str, str] = {}
    """The full name last met for each surname, so 'Klitschko said' later is Vitali Klitschko."""
    for index, s in enumerate(sentences):
        text = s.sentence.text
        if incidents and (line := _date_line(s)):  # one above the story may be a site's date bar
            current = (context.key(line), main_city)
            line_dates.setdefault(current, line)
            previous = [current]
            continue
        if not (s.strike or s.aftermath) or s.veto not in (None, "generic"):
            continue
        same_paragraph = s.sentence.paragraph == previous_paragraph
        default = previous if lx.ANAPHORA.search(text) or same_paragraph else [current]
        s = _owned_by_the_city_before(s, previous if same_paragraph else [current])
        if s.aftermath:
            if not _add_aftermath(s, default, incidents):
                waiting.append(s)  # a heading ('Святошинський район.') or a post's first line
            continue
        if s.veto == "generic":
            for target in default:
                if target in incidents:
                    _refine_models(incidents[target], text)
            continue
        touched: list[Target] = []
        said: dict[tuple[int, int], list[tuple[str, str, str]]] = {}
        recalls: bool | None = None
        tally: bool | None = None
        for target, mention, clause in _clauses(s, context, default):
            incident = incidents.get(target)
            fresh = incident is None
            if fresh:
                if mention is None and target in line_dates:
                    when = context.when(line_dates[target])
                else:
                    when = context.when(mention if mention is not None and target != main else context.main)
                incident = _Incident(target, target[1], when, index)
            assert incident is not None
            if clause not in said:  # a clause that speaks of many cities is read once, not once for each
                tally = facts.countrywide(text) if tally is None else tally
                said[clause] = _clause_facts(
                    text[clause[0] : clause[1]], placed=bool(s.places_in(*clause)), tally=tally
                )
            if _add_clause_facts(incident, s, clause, mention, said[clause]):
                if fresh:
                    incidents[target] = incident
                incident.caption_only &= s.sentence.in_caption
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
        _add_aftermath(s, [main], incidents)
    return incidents


def _date_line(s: _Sentence) -> DateMention | None:
    """A paragraph that is only a date, as live blogs and digests head each day: its date."""
    text = s.sentence.text
    dated = [d for d in s.dates if d.kind in ("day", "monthday")]
    if len(text) > _DATE_LINE_CHARS or len(dated) != 1 or any(d.kind not in _LINE_KINDS for d in s.dates):
        return None
    rest = "".join(text[a:b] for a, b in _gaps(s.dates, len(text)))
    return dated[0] if _DATE_LINE_REST.fullmatch(rest) else None


_DATE_LINE_CHARS = 40
_LINE_KINDS = ("day", "monthday", "weekday")
_DATE_LINE_REST = re.compile(r"[\W\d]*(?:[ap]\.?m\.?|gmt|utc|kyiv time)?[\W\d]*", re.IGNORECASE)
"""Besides its date, a date line holds at most a time of day."""


def _gaps(dates: list[DateMention], length: int) -> list[tuple[int, int]]:
    """The spans of a text of ``length`` between ``dates`` (sorted, without overlaps)."""
    starts = [0] + [d.end for d in dates]
    ends = [d.start for d in dates] + [length]
    return [(a, b) for a, b in zip(starts, ends, strict=True) if a < b]


def _add_aftermath(s: _Sentence, default: list[Target], incidents: dict[Target, _Incident]) -> bool:
    """Places and facts of an aftermath sentence go to the attack it follows, in their city.

    It never starts an attack of its own, nor dates one: "repair work went on on Friday" says
    when the work was done, not when the strike was.
    """
    text = s.sentence.text
    span = (0, len(text))
    targets = [t for t in default if t in incidents]
    for c in _cities(s.places):
        targets += [t for t in incidents if t[1] == c and t[0] == default[0][0] and t not in targets]
    said = _clause_facts(text)
    added = False
    for target in dict.fromkeys(targets):
        incident = incidents[target]
        if any(m.entry.city == incident.city for m, _ in s.places) or not s.places:
            added |= _add_clause_facts(incident, s, span, None, said, dated=False)
    return added


def _owned_by_the_city_before(s: _Sentence, before: list[Target]) -> _Sentence:
    """A district of the city the text speaks of, when that city is not Kyiv: 'a house in the
    Shevchenkivskyi district of the city' after a sentence about Kharkiv, or 'strikes on Zaporizhzhia
    damaged the Dniprovskyi and Shevchenkivskyi districts'. Only names other cities' districts share
    are taken for theirs, unless 'of the city' says so."""
    if not any(m.entry.district for m, _ in s.places):
        return s
    named = [m.entry.city for m, _ in s.places if m.entry.kind == "city"]
    spoken_of = named or [city for _, city in before]
    if not spoken_of or any(city in _SCOPE for city in spoken_of):
        return s
    text = s.sentence.text
    kept = [
        (m, near)
        for m, near in s.places
        if not (m.entry.district in _SHARED_NAMES or (m.entry.district and lx.OF_THE_CITY.match(text, m.end)))
    ]
    return s if len(kept) == len(s.places) else dataclasses.replace(s, places=kept)


def _protected(text: str, dates: list[DateMention]) -> list[tuple[int, int]]:
    """Where no clause may be cut: dates, and figures told across a dash ('загиблих — п'ятеро')."""
    spans = [(d.start, d.end) for d in dates]
    if figures := casualties_ukru.bound(text):
        spans = casualties_ukru.merged(spans + figures)
    return spans


def _clauses(s: _Sentence, context: _Context, default: list[Target]):  # type: ignore[no-untyped-def]
    """Yield (target, date mention, clause span) for every clause and city it speaks of."""
    text = s.sentence.text
    usable = [d for i, d in enumerate(s.dates) if i not in s.speech and d.kind != "weak"]
    if any(d.kind == "from_article" and "ago" in d.text.lower() for d in usable) and any(
        d.kind in ("day", "monthday") for d in usable
    ):
        usable = [d for d in usable if not (d.kind == "from_article" and "ago" in d.text.lower())]
    spans = split_clauses(text, _protected(text, s.dates))
    if cut := lx.RETALIATION.search(text):
        spans = [(a, min(b, cut.start())) for a, b in spans if a < cut.start()]
        usable = [d for d in usable if d.start < cut.start()]
    own = _first_in_each(spans, usable)
    lead = next((d for d in own if d is not None), None)
    if lead is not None and (lead.kind in _RELATIONAL or any(d.kind in _RELATIONAL for d in usable)):
        lead = None
    key: object | None = None
    mention: DateMention | None = None
    in_sentence = _cities(s.places)
    city: str | None = None
    for (start, end), d in zip(spans, own, strict=True):
        if d is not None:
            key, mention = context.key(d), d
        elif key is None and lead is not None:
            key, mention = context.key(lead), lead
        if lx.IN_RUSSIA.search(text[start:end]) or lx.OTHER_REGIONS.search(text[start:end]):
            continue
        cities = _cities(s.places_in(start, end)) or ([city] if city else in_sentence[:1])
        if cities:
            city = cities[0]
        if key is None:
            targets = [(t[0], c) for t in default for c in cities] if cities else list(default)
            for target in dict.fromkeys(targets):
                yield target, None, (start, end)
        else:
            for c in cities or [default[0][1]]:
                yield (key, c), mention, (start, end)


def _first_in_each(spans: list[tuple[int, int]], dates: list[DateMention]) -> list[DateMention | None]:
    """For each span, the first of ``dates`` (sorted by start) that starts inside it, if any."""
    starts = [d.start for d in dates]
    out: list[DateMention | None] = []
    for start, end in spans:
        i = bisect.bisect_left(starts, start)
        out.append(dates[i] if i < len(dates) and dates[i].start < end else None)
    return out


def _cities(places: list[tuple[Mention, bool]]) -> list[str]:
    places = [p for p in places if not p[1]] or places
    specific = [m.entry.city for m, _ in places if m.entry.precision != "region"]
    cities = specific or [m.entry.city for m, _ in places]
    return list(dict.fromkeys(cities))


def _clause_facts(clause: str, *, placed: bool = False, tally: bool = False) -> list[tuple[str, str, str]]:
    """What a clause says of an attack, as (field, value, words), whichever city it is given to;
    ``placed``: the clause names a place, so a country-wide tally in it is tied to that place;
    ``tally``: its sentence speaks of the whole country and of no city."""
    out = []
    classes, models = facts.weapons(clause, placed=placed, tally=tally)
    out += [("weapons", value, words) for value, words in classes]
    out += [("weapon_models", value, words) for value, words in models]
    hurt = facts.casualties(clause)
    out += [(figure.field, figure.value, figure.words) for figure in hurt.figures]
    out += [("casualty_words", words, words) for words in hurt.words]
    if found := facts.debris(clause):
        out.append(("debris", found[0], found[1]))
    if not _LATIN_WORD.search(clause):  # the readers below know English words only
        return out
    if found := facts.intercepted(clause):
        out.append(("intercepted", found[0], found[1]))
    out += [
        ("address", street.group("street"), street.group("street")) for street in lx.STREET.finditer(clause)
    ]
    out += [("damage", value, words) for value, words in facts.damage(clause)]
    return out


_LATIN_WORD = re.compile(r"[A-Za-z]{3}")


def _add_clause_facts(
    incident: _Incident,
    s: _Sentence,
    span: tuple[int, int],
    mention: DateMention | None,
    said: list[tuple[str, str, str]],
    *,
    dated: bool = True,
) -> bool:
    """Give the incident what this clause says of it (``said``, and its places in the incident's
    city); False when the clause says nothing of it."""
    sentence = s.sentence.text
    start, end = span
    gained = bool(said)
    for m, near in s.places_in(start, end):
        if m.entry.city == incident.city:
            gained = True
            incident.places.append(
                (m, near, Evidence("districts" if m.entry.district else "city", sentence, m.text))
            )
    for name, value, words in said:
        incident.add(name, value, sentence, words)
    if gained and dated:
        date = mention or _first_in_each([span], s.dates)[0]
        if date is not None:
            incident.add("date", date.text, sentence, date.text)
        if found := facts.time_of_day(mention.text if mention else "") or facts.time_of_day(
            sentence[start:end]
        ):
            incident.add("time_of_day", found[0], sentence, found[1])
    return gained


def _refine_models(incident: _Incident, sentence: str) -> None:
    """A general remark may name the model of a weapon class the attack already has."""
    have = {v for v, _ in incident.facts.get("weapons", [])}
    for model, words in facts.weapons(sentence)[1]:
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
        *([(v, e.sentence) for v, e in incident.facts.get(name, [])] for name in ("killed", "injured"))
    )
    numbers = {"killed": killed, "injured": injured, "intercepted": last_number("intercepted")}
    date, precision = summarise(incident.when)
    exact = [(m, e) for m, near, e in incident.places if not near]
    chosen = exact if any(m.entry.district for m, _ in exact) else [(m, e) for m, _, e in incident.places]
    districts = list(dict.fromkeys(m.entry.district for m, _ in chosen if m.entry.district))
    places = list(dict.fromkeys(_place(m) for m, _ in chosen if not districts or m.entry.district))
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


def _role(incident: _Incident, is_main: bool, context: _Context) -> Role:
    if is_main:
        return "primary"
    if incident.recall or incident.caption_only:
        return "background"
    main_key, key = context.key(None), incident.key[0]
    if isinstance(main_key, tuple) and isinstance(key, tuple) and key[1] < main_key[0] - dt.timedelta(days=2):
        return "background"
    return "primary"


def _place(m: Mention) -> Place:
    e = m.entry
    return Place(e.name, e.city, e.district, e.lat, e.lon, e.precision, "gazetteer")
