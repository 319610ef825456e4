"""Finding facts in one clause: weapons, casualties, interceptions, damage, who said it.

Each finder returns values with the words that matched, so the extractor can keep evidence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from strikemap.extract import casualties_ukru
from strikemap.extract import lexicon as lx
from strikemap.extract.figures import Figure

Found = tuple[str, str]
"""A value and the words it was read from."""

_START = r"(?:(?<![\w-])|(?<=[а-яіїєё]о-)(?<!зенітно-)(?<!зенитно-))"
"""A weapon word starts a word, or the second half of a Cyrillic compound ('ракетно-дронова атака')
that is no air defence's ('зенітно-ракетний комплекс')."""
_MODELS = [(lx.Cue(r"%s(?:%s)(?![\w])" % (_START, p)), m, c) for p, m, c in lx.WEAPON_MODELS]
_CLASSES = [(lx.Cue(r"%s(?:%s)(?![\w])" % (_START, p)), c) for p, c in lx.WEAPON_CLASSES]
_WEAPON_CUES = lx.Cues([cue for cue, *_ in _MODELS] + [cue for cue, _ in _CLASSES])
_WEAPON_CLASS = [c for _, _, c in _MODELS] + [c for _, c in _CLASSES]


_ANY_DOWN_WORD = lx.Cue(r"shot down|destroy|intercept|downed|neutrali|repelled")
_ANY_WEAPON_WORD = lx.Cue(
    r"(?<![\w-])(?:%s)" % "|".join([p for p, _, _ in lx.WEAPON_MODELS] + [p for p, _ in lx.WEAPON_CLASSES])
)


_asked: tuple[str, bool] = ("", False)
"""The last clause asked whether it names a weapon, and the answer: a clause is asked twice in a row."""


def _names_a_weapon(clause: str) -> bool:
    global _asked
    if _asked[0] is not clause:
        _asked = (clause, _ANY_WEAPON_WORD.search(clause) is not None)
    return _asked[1]


def weapons(clause: str, *, placed: bool = False, tally: bool = False) -> tuple[list[Found], list[Found]]:
    """Weapon classes and models that struck, as the clause names them.

    Left out: the country's tally for the night (a clause scoped to all of Ukraine, or, ``tally``,
    one the caller found goes on with such a clause or sits in a sentence that does: 'according to
    the Air Force, 63 drones were launched'; unless it names Kyiv or the capital, or ``placed``: the
    caller found a place in it), what defended ('Patriot missiles') and what did not come ('no drones
    reached the city').
    """
    if not _names_a_weapon(clause):
        return [], []
    if not placed and (_countrywide(clause) or (tally and not lx.CITY_TIE.search(clause))):
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


def countrywide(sentence: str) -> bool:
    """Whether the sentence speaks of the whole country and of no city: its clauses are a tally."""
    return _countrywide(sentence)


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
_AGE = r"(?:\d+|[a-z]+(?:-[a-z]+)?)-(?:year|month|week)-old"
_NOUN = (
    r"(?:people|persons?|civilians?|residents?|children|child|kids?|women|woman|men|man|boys?|girls?|"
    r"teenagers?|others?|individuals|victims?|rescuers?|firefighters?|medics?|police officers?|"
    r"journalists?|guards?|employees?|staff|workers?|passers-by|pensioners?|patients?|elderly \w+|"
    r"tenants?|\w+(?:ers|men)|%s)" % _AGE
)
_WHO = (
    r"(?:(?:of (?:them|whom|(?:its|their|the) %s)|more|further|"
    r"(?:%s |elderly |young )?(?:more |other |further |of them )?(?:[a-z]+ )?%s"
    r"(?: aged \d+(?:(?:, | and )\d+)*(?: years old)?)?)\s+)?" % (_NOUN, _AGE, _NOUN)
)
"""Who the figure counts, if said: 'people', 'of them', 'more', 'security guards aged 26 and 36'."""
_BE = (
    r"(?:(?:were|was|have been|has been|had been|have|has|had|are|is|got|reportedly|reported|confirmed|"
    r"also)\s+)*"
)
_KILL = r"(?:killed|dead|died|dies|die|perished|lost their lives|deaths?|fatalities)"
_HURT = (
    r"(?:injured|wounded|hurt|injuries|"
    r"(?:sought|received|needed|required) (?:medical |first )?"
    r"(?:help|assistance|treatment|attention|aid|care)|"
    r"(?:cut|struck) by (?:flying |broken |shattered )?(?:glass|shrapnel|debris)|"
    r"treated by (?:medics|paramedics|doctors|ambulance crews))"
)
_HOSPITAL = (
    r"(?:hospitali[sz]ed|(?:taken|admitted|rushed|brought) to (?:a |the )?hospitals?|"
    r"treated (?:on the spot|on site|at the scene|on the scene|in hospitals?))"
)
_VICTIMS = r"(?:victims|casualties)"
_RISE = r"(?:rose|risen|climbed|increased|reached|stands? at|is now|now|grew|jumped)"
_TOLLS = {
    "killed": r"death toll|toll|number of (?:people )?(?:dead|deaths|killed)",
    "injured": r"number of (?:people )?(?:injured|wounded|injuries)|injury toll",
    "victims": r"number of (?:victims|casualties)",
}
_ANOTHER = r"(?P<add>another |a further )?"
_ONE = r"(?:person|man|woman|child|victim|resident|civilian|patient)"
_BODIES = r"(?:recovered|found|pulled|retrieved|removed|discovered)"


_VERB = r"(?:(?P<hospital>%s)|(?P<killed>%s)|(?P<injured>%s)|(?P<victims>%s))" % (
    _HOSPITAL,
    _KILL,
    _HURT,
    _VICTIMS,
)
"""Which figure a stated count is, by the words it ends on (one pattern reads all four, in one pass)."""
_VERB_KINDS = {
    "hospital": ("injured", "subset"),
    "killed": ("killed", "total"),
    "injured": ("injured", "total"),
}
_VERB_KINDS["victims"] = ("injured", "victims")


_ASIDE = lx.Cue(
    r"\b%s\s+%s,\s+(?:including|among them)\s+[^,;.]{1,60},\s+%s" % (_N, _WHO.replace("\\s+)?", ")"), _BE)
)


def counted_asides(sentence: str) -> list[tuple[int, int]]:
    """Where a count is cut from its verb by an aside: 'Three people, including a girl, were'."""
    if "includ" not in sentence and "among" not in sentence:
        return []
    return [m.span() for m in _ASIDE.finditer(sentence)]


def _stated() -> list[str]:
    """'Two people were killed', 'another four were wounded', 'three residents in the house died',
    'three people, including a 14-year-old girl, were injured'."""
    return [
        r"\b%s%s\s+%s%s%s\b" % (_ANOTHER, _N, _WHO, _BE, _VERB),
        r"\b%s%s\s+%s,\s+(?:including|among them)\s+[^,;.]{1,60},\s+%s%s\b"
        % (_ANOTHER, _N, _WHO.replace("\\s+)?", ")"), _BE, _VERB.replace("|(?P<victims>%s)" % _VICTIMS, "")),
        r"\b%s%s\s+%s(?:(?!(?:but|and|while|whereas)\b)\w+\s+){0,3}%s\b"
        % (_ANOTHER, _N, _WHO.replace("\\s+)?", "\\s+)"), _VERB.replace("|(?P<victims>%s)" % _VICTIMS, "")),
    ]


def _updated(toll: str) -> str:
    """'the death toll has risen to 9', 'bringing the toll from the attack to 32'."""
    return (
        r"\b(?:(?:%s)\b[^.;]{0,120}?\b%s\s+(?:to\s+)?|bringing (?:the |its )?(?:%s)\b[^.;]{0,60}?\bto\s+)%s\b"
        % (toll, _RISE, toll, _N)
    )


_FIGURES: list[tuple[str, str, str]] = [
    ("killed", "update", _updated(_TOLLS["killed"])),
    ("injured", "update", _updated(_TOLLS["injured"])),
    ("injured", "victims", _updated(_TOLLS["victims"])),
    ("killed", "total", r"\b(?:claimed|took|taking|claiming) the lives of %s\b" % _N),
    ("killed", "total", r"\bbod(?:y|ies) of %s\s+%s%s%s\b" % (_N, _WHO, _BE, _BODIES)),
    ("killed", "total", r"\b%s%s\s+(?:more\s+)?bod(?:y|ies)\s+%s%s\b" % (_ANOTHER, _N, _BE, _BODIES)),
    ("killed", "total", r"\b%s\s+(?:the\s+)?%s\s+(?:more\s+)?bod(?:y|ies)\b" % (_BODIES, _N)),
    ("killed", "total", r"\b%s\s+(?:the\s+)?bod(?:y|ies) of %s\b" % (_BODIES, _N)),
    ("killed", "additive", r"\b(?P<add>another) (?:%s\s+(?:\w+\s+){0,2}?%s|body)\b" % (_ONE, _KILL)),
    ("injured", "additive", r"\b(?P<add>another) %s\s+(?:(?!die)\w+\s+){0,2}?%s\b" % (_ONE, _HURT)),
    *[("", "", p) for p in _stated()],
    ("killed", "total", r"\bkill(?:ing|ed|s)\s+%s\b(?!\s*(?:drones?|missiles?|%%|targets|rockets))" % _N),
    ("injured", "total", r"\b(?:injur|wound)(?:ing|ed|es|s)\s+%s\b(?!\s*(?:drones?|missiles?|%%))" % _N),
]
_FIGURE_CUES = lx.Cues(lx.Cue(p) for _, _, p in _FIGURES)
_IN_CITY = r"in (?:kyiv|kiev|the capital|the city) "
"""'No one in the capital was hurt' speaks of the whole city."""
_NONE_HURT = lx.Cue(
    r"\b(?:no (?:(?:major|serious|immediate|known|further|other)\s+)?"
    r"(?:(?:damage|destruction)\s+(?:or|and)\s+)?(?:casualties|victims|injuries or deaths|"
    r"deaths or injuries|reports? of (?:any )?(?:casualties|victims))|"
    r"no one (?:%s)?(?:was|has been|had been|were) (?:hurt|injured)|"
    r"nobody (?:%s)?(?:was|has been|had been) (?:hurt|injured)|"
    r"without (?:any )?casualties|there were no (?:casualties|victims))\b" % (_IN_CITY, _IN_CITY),
)
"""'No major damage or casualties were reported', 'no one in the city was hurt': none killed, none injured."""
_NONE_KILLED = lx.Cue(
    r"\bno (?:deaths|fatalities|dead|one (?:%s)?(?:was|has been|had been) killed|one died)\b|"
    r"\bnobody (?:was |has been )?(?:killed|died)\b|\b(?:killed|killing|kills) (?:no one|nobody|no-one)\b"
    % _IN_CITY
)
_NONE_INJURED = lx.Cue(
    r"\bno (?:injuries|injured|one (?:%s)?(?:was|has been|had been) (?:injured|wounded))\b|"
    r"\b(?:injur|wound)(?:ed|ing) (?:no one|nobody|no-one)\b" % _IN_CITY
)
"""'killed no one', 'no one in the capital was injured': a zero for the attack."""
_UNKNOWN = lx.Cue(
    r"\bno (?:immediate |further )?(?:information|info|details|word) (?:on|about|of|yet on)"
    r" (?:casualties|victims|injuries)|\bcasualties (?:are|were) (?:being )?(?:unknown|not yet known|"
    r"being clarified|being established)|\bnumber (?:and circumstances )?of (?:the )?victims (?:is|are) "
    r"(?:being|not yet|unknown)"
)
_VAGUE = lx.Cue(
    r"\b(?:several|dozens|scores|many|some|a number of|numerous|multiple|hundreds)\s+(?:of\s+)?"
    r"(?:other\s+)?(?:people|civilians|residents|others|persons)?\s*(?:were\s+|have been\s+)?"
    r"(?:killed|injured|wounded|hurt|dead)|(?:killed|injured|wounded)\s+(?:several|dozens|many|some)"
    r"(?:\s+(?:others|people))?",
)
_AGES_BEFORE = re.compile(
    r"\b(?:(?:aged?|ages(?: of)?)\s+(?:\d+\s*(?:,|and|&)\s*)*|no|not)\s*$", re.IGNORECASE
)
"""'children aged 9 and 12 were injured': the 12 is an age; 'no one was hurt': the one is no count."""
_ORDINAL_AFTER = re.compile(r"\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.I)
"""'a third victim': the 'a' counts no one."""
_MONTH_DAY = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\b")
"""'the attack on Feb. 12 killed a man': the 12 is a day of the month, no count."""
_SUBSET_BEFORE = re.compile(r"\b(?:including|among them|among whom|of whom|of them)\s+$")
_MORE_AFTER = re.compile(r"\s+(?:more|further)\b")
_OF_THEM_AFTER = re.compile(r"\s+of (?:them|whom)\b")


@dataclass(frozen=True, slots=True)
class Casualties:
    figures: tuple[Figure, ...] = ()
    words: tuple[str, ...] = ()

    @property
    def killed(self) -> Found | None:
        return self._resolved("killed")

    @property
    def injured(self) -> Found | None:
        return self._resolved("injured")

    def _resolved(self, field: str) -> Found | None:
        """The clause's own figure for the field, as `tolls` would resolve it alone."""
        mine = [(f.value, "") for f in self.figures if f.field == field]
        killed = [(f.value, "") for f in self.figures if f.field == "killed"]
        n = tolls(killed, mine)[1] if field == "injured" else tolls(mine, [])[0]
        words = [f.words for f in self.figures if f.field == field]
        return (str(n), words[-1]) if n is not None else None


_NO_CASUALTIES = Casualties()
"""What most clauses say of casualties: nothing (immutable, so one serves all)."""
_ANY_CASUALTY_WORD = lx.Cue(
    r"kill|dead|die|death|perish|lives|fatal|injur|wound|hurt|hospital|casualt|victim|toll|bod|medical|treated|"
    r"glass|shrapnel|first aid|recover|retriev"
)


def casualties(clause: str, *, tally: bool = False) -> Casualties:
    """The killed and injured figures the clause states, each with its kind; 'several' keeps only words.

    Figures for the whole country (or ``tally``: a clause the caller found goes on with the
    country's figures), since the war began, or for several cities are not the attack's.
    Ukrainian and Russian clauses are read by `casualties_ukru`.
    """
    if figures := _cyrillic_figures(clause):
        return Casualties(figures)
    if not _ANY_CASUALTY_WORD.search(clause) or _UNKNOWN.search(clause):
        return _NO_CASUALTIES
    words = tuple(_quote(clause, m) for m in _VAGUE.finditer(clause))
    if tally or lx.CASUALTY_ELSEWHERE.search(clause):
        return Casualties((), words)
    said, clause = clause, _without_days(clause)
    found: list[tuple[int, Figure]] = []
    taken: dict[str, list[tuple[int, int]]] = {"killed": [], "injured": []}
    for i, m in lx.matches(_FIGURE_CUES, clause):
        field, kind, _ = _FIGURES[i]
        if not field:  # a stated count: its verb tells which
            field, kind = next(_VERB_KINDS[k] for k, v in m.groupdict().items() if v and k in _VERB_KINDS)
        n = _count(m.group("n")) if m.groupdict().get("n") else 1
        if n is None or _overlaps(m, taken[field]) or not _is_count(clause, m):
            continue
        taken[field].append(m.span())
        found.append((m.start(), Figure(field, n, _kind(clause, m, kind), _quote(said, m))))
    found += _ordinal_dead(said, taken["killed"])
    found += _zeros(clause, {f.field for _, f in found})
    return Casualties(tuple(f for _, f in sorted(found, key=lambda p: p[0])), words)


_ORDINALS = {
    w: i + 2
    for i, w in enumerate(
        ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
    )
}
_ORDINAL_DEAD = re.compile(
    r"\b(?:an?|the)\s+(?P<ord>%s)(?:\s+(?:victim|person|body|man|woman|child|resident|casualty)\b"
    r"|(?=\s*[.!]?\s*$))" % "|".join(_ORDINALS),
    re.IGNORECASE,
)
"""'the body of a third victim', 'a fourth person died', 'rescuers recovered a fifth': that many dead."""
_DEATH_WORD = lx.Cue(r"\b(?:died|dies|killed|dead|bod(?:y|ies)|recovered|retrieved|pulled out)\b")


def _ordinal_dead(clause: str, taken: list[tuple[int, int]]) -> list[tuple[int, Figure]]:
    """The dead counted by an ordinal in a clause that speaks of death, where no figure was read."""
    if not _DEATH_WORD.search(clause):
        return []
    return [
        (m.start(), Figure("killed", _ORDINALS[m.group("ord").lower()], "total", _quote(clause, m)))
        for m in _ORDINAL_DEAD.finditer(clause)
        if not _overlaps(m, taken)
    ]


def _without_days(clause: str) -> str:
    """The clause with each day of a month ('Feb. 12', 'March 3') blanked out, positions kept."""
    if not any(c.isdigit() for c in clause):
        return clause
    return _MONTH_DAY.sub(lambda m: m.group(0)[: m.start(1) - m.start()] + "_" * len(m.group(1)), clause)


def _cyrillic_figures(clause: str) -> tuple[Figure, ...]:
    """The figures of a Ukrainian or Russian clause, kinds as `tolls` reads them."""
    return casualties_ukru.casualties(clause)


def _is_count(clause: str, m: re.Match[str]) -> bool:
    """Not an ordinal ('the 3rd'), not an age ('aged 9 and 12'), not 'no one'."""
    if not m.groupdict().get("n"):
        return True
    return (
        not _is_ordinal(clause, m)
        and not _AGES_BEFORE.search(clause, 0, m.start("n"))
        and not (m.group("n").lower() in ("a", "an") and _ORDINAL_AFTER.match(clause, m.end("n")))
    )


def _kind(clause: str, m: re.Match[str], kind: str) -> str:
    """A stated total read closer: 'another four' adds, 'two of them' is a subset, a district's is a part."""
    if kind != "total" or not m.groupdict().get("n"):
        return kind
    after = clause[m.end("n") : m.end()]
    if m.groupdict().get("add") or _MORE_AFTER.match(after):
        return "additive"
    if _OF_THEM_AFTER.match(after) or _SUBSET_BEFORE.search(clause, 0, m.start()):
        return "subset"
    if lx.CASUALTY_PART.search(clause):
        return "part"
    return kind


_CITY_THERE = re.compile(
    r"\b(?:injured|wounded|hurt|killed|dead|died)\s+in (?:kyiv|kiev|the (?:ukrainian )?capital|the city)\b"
    r"(?:(?!district|raion|site|building|house|street|block|\bin\b)[^.;]){0,60}$",
    re.IGNORECASE,
)
"""'12 were injured in Kyiv and no one was killed there': a figure for the city, then 'there' is the city."""


def _one_site(clause: str, m: re.Match[str]) -> bool:
    """The zero speaks of one site ('no one was hurt there', 'at the second site'), not the city."""
    site = lx.SITE_ONLY.match(clause[m.end() :])
    if site is None:
        return False
    return not (site.group().rstrip().lower().endswith("there") and _CITY_THERE.search(clause, 0, m.start()))


def _zeros(clause: str, stated: set[str]) -> list[tuple[int, Figure]]:
    """'No one was hurt' for the whole attack: a zero; 'no one was hurt there' speaks of one site."""
    out: list[tuple[int, Figure]] = []
    for cue, fields in (
        (_NONE_HURT, ("killed", "injured")),
        (_NONE_KILLED, ("killed",)),
        (_NONE_INJURED, ("injured",)),
    ):
        m = cue.search(clause)
        if m is None or _one_site(clause, m):
            continue
        out += [(m.start(), Figure(f, 0, "zero", _quote(clause, m))) for f in fields if f not in stated]
        stated.update(fields)
    return out


Mention = tuple[str, str]
"""A figure's value ('kind:n', see `Figure.value`) and the sentence it was read in."""


def tolls(killed: Sequence[Mention], injured: Sequence[Mention]) -> tuple[int | None, int | None]:
    """An attack's final killed and injured figures from all it was said to cost, in reading order.

    The largest stated or updated total wins, so earlier figures ('initially seven') are superseded
    and a part ('two of them', 'four hospitalised', 'in Podilskyi two') never lowers the whole;
    'another four' adds to the figure reached so far, unless its sentence has already given the
    updated total ('the toll rose to 9 after another body was found').
    A victims figure stands for the injured only when no injured total is given (less the dead its
    sentence counts among them), or for the dead when it is counted as bodies are found, and a
    zero only when no figure is positive.
    """
    killed, injured = _beside(killed, injured), _beside(injured, killed)
    injured_n, killed_n = _toll(injured), _toll(killed)
    victims = [(int(v.split(":")[1]), s) for v, s in injured if v.startswith("victims:")]
    if victims and not any(v.startswith(("total:", "update:", "additive:")) for v, _ in injured):
        most, sentence = max(victims, key=lambda p: p[0])
        among = [int(v.split(":")[1]) for v, s in killed if s == sentence and v.startswith("subset:")]
        if _bodies_counted(victims, killed):
            return max(killed_n or 0, most), injured_n
        injured_n = max(injured_n or 0, most - max(among) if among and max(among) < most else most)
    return killed_n, injured_n


_BODY_WORD = re.compile(r"\bbod(?:y|ies)\b", re.IGNORECASE)


def _bodies_counted(victims: Sequence[tuple[int, str]], killed: Sequence[Mention]) -> bool:
    """'The number of victims has risen to 19 - another body has been recovered': a toll of
    victims counted as bodies are found is of the dead. Not when a victims sentence also counts
    its dead apart ('20 victims, five of them dead')."""
    sentences = {s for _, s in victims}
    apart = any(s in sentences and v.startswith("subset:") for v, s in killed)
    return not apart and any(_BODY_WORD.search(s) for s in sentences)


def _beside(mentions: Sequence[Mention], others: Sequence[Mention]) -> list[Mention]:
    """'Two were killed, and another four wounded': 'another' beside the other field's figure is a total."""
    near = {s for _, s in others}
    return [(v.replace("additive:", "total:") if s in near else v, s) for v, s in mentions]


_AS_OF = re.compile(r"\bas of (\d{1,2})[:.](\d{2})\s*([ap]\.?m\b)?", re.IGNORECASE)
"""'As of 11:00, eight people have been killed': a figure timed later supersedes one timed earlier."""


def _latest(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions without those timed earlier than the latest timed one."""
    times = [_time(s) for _, s in mentions]
    last = max((t for t in times if t is not None), default=None)
    return [m for m, t in zip(mentions, times, strict=True) if t is None or t == last]


def _time(sentence: str) -> int | None:
    if lx.without_latin(sentence):  # no 'as of' in it: not lower-cased for each figure it gives
        return None
    m = _AS_OF.search(sentence) if "as of" in sentence.lower() else None
    if m is None:
        return None
    hour = int(m.group(1)) % 12 + (12 if (m.group(3) or "").lower().startswith("p") else 0)
    return (hour if m.group(3) else int(m.group(1))) * 60 + int(m.group(2))


def _toll(mentions: Sequence[Mention]) -> int | None:
    """The final figure; 'another four' adds to the figure said just before it in its sentence, or
    else to the last whole figure so far, so a story told in order ('two died ... then two more
    bodies were found') does not add to a larger toll its lead already gave. A total stated after
    additions that reaches the figure before them has counted them ('toll 32' in a headline, 'two
    more found', 'so the toll is 32'), so it replaces their sum."""
    best: int | None = None
    zero = False
    sentence, stated = None, False
    local: int | None = None
    """The last figure of the current sentence."""
    whole: int | None = None
    """The last total or update read so far, or what an addition brought it to."""
    added: set[Mention] = set()
    before_added: int | None = None  # the figure before the first addition not yet restated
    most = 0  # the largest figure stated, additions left out
    for value, said in _latest(mentions):
        kind, _, number = value.partition(":")
        n = int(number)
        if said != sentence:
            sentence, stated, local = said, False, None
        if kind == "additive":
            if not stated and (value, said) not in added:  # a headline printed twice adds once
                added.add((value, said))
                base = local if local is not None else whole
                before_added = (best or 0) if before_added is None else before_added
                whole = local = n if base is None else base + n
                best = whole if best is None else max(best, whole)
        elif kind in ("total", "update", "subset", "part"):
            if before_added is not None and kind in ("total", "update") and n >= before_added:
                best, before_added = max(n, most), None
            else:
                best = n if best is None else max(best, n)
            most = max(most, n)
            local = n
            if kind in ("total", "update"):
                whole = n
            stated = stated or kind == "update"
        elif kind == "zero":
            zero = True
    if best:
        return best
    return 0 if zero or best == 0 else None


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
_DEBRIS = lx.Cue(r"\b(?:debris|fragments|wreckage|shrapnel|уламк\w*|обломк\w*|осколк\w*|фрагмент\w*)\b")
_DAMAGE_CUES = lx.Cues(cue for cue, _ in _DAMAGE)
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
    spoken = bool(_SPEECH.search(sentence))
    titled = "Mr" in sentence or "Ms" in sentence or "Dr" in sentence
    if not (spoken or titled):  # no pattern below can match
        return []
    out: list[Found] = []
    surnames: list[tuple[str, str, bool]] = []
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
