"""Telling a story that only mentions Kyiv from one that reports a strike on it.

Link lists, another city's districts that share a Kyiv district's name, places where explosions
were only heard, and nights on which nothing hit: text the extractor must read as no strike place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from strikemap.extract import lexicon as lx
from strikemap.extract.gazetteer import Mention
from strikemap.extract.gazetteer_data import KYIV
from strikemap.extract.gazetteer_names import NAMESAKE_OWNERS

_LINK_LINE = re.compile(
    r"[ \t]*(?:read (?:also|more)|also read|see also|related(?: \w+)?|more (?:on|from|about) [^:\n]{1,40}"
    r"|recommended|tags|trending(?: \w+)?|most (?:read|popular))[ \t]*(?::|[|»>]|[-–—][ \t])",
    re.IGNORECASE,
)
"""`Read also: ...`, `Related news: ...`, `Tags: ...`: pointers to other stories, whose places
are not this one's."""
_LINK_LABEL = re.compile(
    r"[ \t]*(?:read (?:also|more)(?: [\w ]{1,30})?|also read|see also|related(?: \w+)?"
    r"|more (?:on|from|about) [\w' ]{1,30}|more (?:stories|news)|recommended(?: for you)?"
    r"|trending(?: on \w+| now)?|most (?:read|popular)|top stories|latest news|you may also like)"
    r"[ \t]*[:.…]?[ \t]*",
    re.IGNORECASE,
)
"""A line that is only the label of a link list: the bullet lines under it are headlines."""
_TEASER = lx.Cue(
    r"\b(?:read more|continue reading|read the full (?:story|article)|"
    r"читати (?:більше|далі)|читайте (?:більше|далі)|докладніше|читать (?:далее|больше)|подробнее)"
    r"[ \t]?[»>→]{0,3}$"
)
_TEASER_TAIL = 40
"""How much of a line's end is read for a teaser's link words: a bounded search on any line."""
"""Another story's opening cut short and followed by its link: '... Russian shelling hit the
city… Read more', '... виникла… Читати більше'."""
_BULLET = re.compile(r"[ \t]*(?:[-–—•*·▪]|\d{1,2}[.)])[ \t]+\S")


def link_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the lines of ``text`` that point at other stories.

    A `Read also:` line, a teaser ending in `Read more`, and the bullet lines under a bare label
    (`Related`, `More on this topic:`, `Trending on Yahoo`); a bulleted list under any other line
    (`in the following districts:`) is the article's own.
    """
    spans: list[tuple[int, int]] = []
    teasers = _TEASER.possible(text)  # most articles have no teaser words at all
    if not _may_name_links(text):  # only a teaser can point elsewhere
        return _teaser_spans(text) if teasers else spans
    under_label = False
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if _LINK_LABEL.fullmatch(line):
            under_label = True
        elif _LINK_LINE.match(line) or (teasers and _TEASER.search(line.rstrip()[-_TEASER_TAIL:])):
            spans.append((start, end))
            under_label = False
        elif under_label and _BULLET.match(line):
            spans.append((start, end))
        elif line.strip():
            under_label = False
        start = end + 1
    return spans


def _may_name_links(text: str) -> bool:
    """Whether a line of the text may be a link line or label: their words are English, so a text
    with no Latin letter (as the Cues read it) and none of the two others IGNORECASE reads as one
    ('ı', 'ſ'; 'İ' and the Kelvin sign count as Latin there) has neither."""
    return not lx.without_latin(text) or "ı" in text or "ſ" in text


def _teaser_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the lines of ``text`` that are teasers (see `link_spans`)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if _TEASER.search(line.rstrip()[-_TEASER_TAIL:]):
            spans.append((start, end))
        start = end + 1
    return spans


def the_city_s_own(sentence: str, mentions: list[Mention]) -> set[int]:
    """The indices of the district names that belong to the city a sentence speaks of, when that
    city is not Kyiv: 'a house in the Shevchenkivskyi district of the city' after a sentence about
    Kharkiv, or 'strikes on Zaporizhzhia damaged the Dniprovskyi and Shevchenkivskyi districts'.
    Only names other cities' districts share (`NAMESAKE_OWNERS`) are taken for theirs, unless
    'of the city' says so."""
    return {
        i
        for i, m in enumerate(mentions)
        if m.entry.district and (m.entry.district in NAMESAKE_OWNERS or lx.OF_THE_CITY.match(sentence, m.end))
    }


_DISTRICT_AFTER = re.compile(r"[ \t]+(?:district|raion)\b(?![ \t]+court)", re.IGNORECASE)


def names_a_district(sentence: str, mention: Mention) -> bool:
    """'the Kyiv district of the city', 'Kharkiv's Kyiv district': a city's name used for a
    district named after it, which many cities have (Kyivskyi in Kharkiv, Odesa, Donetsk)."""
    return mention.entry.kind == "city" and _DISTRICT_AFTER.match(sentence, mention.end) is not None


def namesakes(mentions: Iterable[list[Mention]]) -> list[set[int]]:
    """Per sentence, the indices of its Kyiv district names that belong to another city.

    Kharkiv, Zaporizhzhia, Lviv and others have a Shevchenkivskyi district, Kherson and
    Zaporizhzhia a Dniprovskyi one: such a name goes with the city last named before it, so in
    a story about Kharkiv it is Kharkiv's, unless its own sentence names Kyiv. Mentions are
    given in reading order.
    """
    out: list[set[int]] = []
    last: str | None = None
    for found in mentions:
        foreign: set[int] = set()
        if not found:  # most sentences name no place
            out.append(foreign)
            continue
        names_kyiv = any(m.entry.kind == "city" and m.entry.city == KYIV for m in found)
        for i, m in enumerate(found):
            entry = m.entry
            owners = NAMESAKE_OWNERS.get(entry.district or "")
            if entry.kind == "district" and owners and last in owners and not names_kyiv:
                foreign.add(i)
                continue
            if entry.kind in ("city", "town", "oblast") or entry.district:
                last = entry.city.removesuffix(" region")
        out.append(foreign)
    return out


_HEARD = lx.Cue(
    r"\b(?:(?:reported|reports|report|recalled|described) hearing|could hear|"
    r"(?:residents|people|locals|witnesses|journalists|we|they)(?: [\w-]+){0,6}? heard)\b"
)
"""Someone who heard: 'residents reported hearing', 'people in Obolon heard'. 'Explosions were
heard in the Obolonskyi district' says where they were, and keeps its place."""
_SOUNDS = lx.Cue(
    r"\b(?:(?:loud|powerful|several|distant|a series of)\s+)?(?:explosions?|blasts?|bangs?|booms?|"
    r"(?:machine[- ]gun|anti-aircraft|heavy|automatic)\s+fire|gunfire|sirens?)\b"
)


def heard_only(sentence: str) -> bool:
    """Residents 'reported hearing explosions': the only hit words are sounds someone heard,
    so the districts named are where the hearers were, not where anything fell."""
    if not _HEARD.search(sentence):
        return False
    return not lx.HIT_WORDS.search(_SOUNDS.sub(" ", sentence))


_NO_IMPACT = lx.Cue(
    r"\b(?:no|without|nor)\s+(?:(?:[\w-]+|or|and),?\s+){0,3}?(?:damage|destruction|hits?|debris|"
    r"consequences|explosions|impacts?|strikes|attacks)\b|"
    r"\b(?:not|none of them|nothing)\s+(?:\w+\s+){0,2}?(?:hit|reached?|fell|damaged)\b"
)
"""'no damage or casualties', 'No hits or falling debris were recorded', 'no strikes were reported'. 'No
casualties' alone is not among them: a strike can damage a building and hurt no one."""
_IMPACT = lx.Cue(
    r"\b(?:struck|strikes?|hit|hits|hitting|damag\w*|fell|falling|landed|crashed|"
    r"fires?(?! groups?| teams?| units?)|blaze|burn\w*|killed|injur\w*|wounded|hurt|dead|died|debris|"
    r"wreckage|fragments|collaps\w*|"
    r"explosions? (?:hit|rocked|damaged))\b"
)
"""Words that say something reached the ground: an interception alone ('destroyed all the
drones', 'air defence was working') is not among them."""
_NEGATOR = re.compile(r"\b(?:no|not|nor|without|neither|nobody|none|nothing|never)\b[^,;:]*$", re.IGNORECASE)
_NEGATION_REACH = 40
"""How far before an impact word a 'no' still governs it: 'No hits or falling debris'."""


def nothing_hit(sentences: Iterable[str]) -> bool:
    """The sentences say nothing reached the ground and no word of theirs says otherwise: an
    interception-only night ('all drones destroyed, no damage or casualties') is no strike.
    An interception told without that ('40 drones shot down over Kyiv') stays a report: it
    carries the night's intercepted count."""
    said_none = False
    for sentence in sentences:
        said_none = said_none or bool(_NO_IMPACT.search(sentence))
        if heard_only(sentence):
            continue
        for m in _IMPACT.finditer(sentence):
            if not _NEGATOR.search(sentence[max(0, m.start() - _NEGATION_REACH) : m.start()]):
                return False
    return said_none
