"""Which language an article is written in: Ukrainian, Russian, English, or a mix of them.

Counted, not modelled: letters and common words that one Cyrillic language has and the other
lacks, and the share of Latin letters. Offline, and fast enough to run on every article read.
"""

from __future__ import annotations

import functools
import re

from strikemap.models import LANGUAGES, Language

__all__ = ["LANGUAGES", "MIXED_SHARE", "Language", "detect", "name", "shares"]

MIXED_SHARE = 0.15
"""An article is 'mixed' when its second language holds at least this share of its letters (and
`_MIXED_LETTERS` of them): a story with a long quote in the other language, a bilingual post.
One quoted sentence in a story of ten stays the story's language."""
_MIXED_LETTERS = 40
"""The fewest letters a second language needs for 'mixed': a sentence, not a name or a credit."""
_SHORT_UNMARKED = 28
"""Cyrillic text with no mark of either language is Ukrainian below this many letters, Russian from
it on. Ukrainian shows і, ї or є about every 14 letters, Russian ы or э only every 40 or so, so a
long text without them is most likely Russian; a short one is most likely what most posts about
Kyiv are: Ukrainian. (0.8 * 0.93**n = 0.2 * 0.977**n at n = 28.)"""

_ANY_CYRILLIC = re.compile("[\u0400-\u04ff]")
_ANY_LATIN = re.compile("[A-Za-z]")
_NOISE = re.compile(r"(?:https?://|www\.)\S*|@\S*", re.IGNORECASE)
"""Links, handles and the domains of addresses: Latin letters that say nothing of the language."""
_QUOTATION = re.compile(r"«[^«»]*»|“[^“”„]*”|„[^“”„]*[“”]")
"""A quotation in typographic quotes: often in the other language (a post quoted in a story)."""
_SENTENCE = re.compile(r"[^.!?…\n]+")
_CYRILLIC_WORD = re.compile(r"[а-яёіїєґ]+(?:['’ʼ][а-яёіїєґ]+)*")
_LATIN_WORD = re.compile(r"[a-z]+")
_UK_LETTERS = "іїєґ"
_RU_LETTERS = "ыэёъ"
_APOSTROPHES = "'’ʼ"
"""Inside a word (п'ять, об’єкт) a mark of Ukrainian: Russian writes none."""
_UK_ENDINGS = tuple(
    a + b
    for a in ("нн", "тт", "лл", "жж", "зз", "сс", "чч", "дд", "цц", "шш")
    for b in ("я", "ю", "ям", "ях")
)
"""A doubled consonant before я: знання, життя, узбережжя (Russian: знание, жизнь, побережье)."""
_RU_ENDINGS = ("ие", "ия", "ию", "ии", "ией", "иях", "иям", "ется", "ются")
"""Endings Russian has and Ukrainian spells otherwise: нападение (напад), России (Росії), является."""
_UK_WORD_LIST = """
    що щоб та як або вже де коли це цей ця ще аби адже був була було були його вона вони року з зі
    також внаслідок після від який яка яке які якого яких зокрема наразі проте однак дуже знову тобто
    лише раніше близько загроза тривога вибух вибухи уламки дрони ворог ворожі ворожий пошкоджено
    пошкоджені постраждали постраждалих загинули загиблих зазнали травмовано"""
_UK_WORDS = frozenset(_UK_WORD_LIST.split())
"""Common Ukrainian words Russian spells otherwise (що: что, від: от), alerts and strike words among them."""
_RU_WORD_LIST = """
    и что чтобы который которая которое которые которого которых от после также это этот эта был
    была было были его ее её он она они из как или уже где когда года ночью сегодня результате сообщил
    сообщила сообщили сообщает сообщается пострадали пострадавших погибли погибших ранены повреждены
    повреждено обломки обломков угроза тревога взрыв взрывы враг еще ещё тоже только около киев киеве
    киева киеву города района районе"""
_RU_WORDS = frozenset(_RU_WORD_LIST.split())
"""Common Russian words Ukrainian spells otherwise (и: і, после: після, Киев: Київ)."""


_NAMES = {"uk": "Ukrainian", "ru": "Russian", "en": "English", "mixed": "Mixed"}


def name(language: str) -> str:
    """What a reader calls the language: 'Ukrainian' for 'uk'."""
    return _NAMES.get(language, language)


def detect(text: str) -> Language | None:
    """'uk', 'ru', 'en' or 'mixed'; None when the text has no letters to tell by.

    English stands for any Latin-script text: the sources this map reads use no other."""
    if not _ANY_CYRILLIC.search(text):
        return "en" if _ANY_LATIN.search(text) else None
    counts = shares(text)
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    total = sum(counts.values())
    if len(ranked) > 1 and ranked[1][1] >= max(MIXED_SHARE * total, _MIXED_LETTERS):
        return "mixed"
    return ranked[0][0]


def shares(text: str) -> dict[Language, int]:
    """Letters of the text in each language, sentence by sentence, the narrative and each quotation
    apart. A Cyrillic sentence with no mark of either language counts for the main language of its
    own voice (the narrative, or the quotation it is in), else of the text."""
    text = _NOISE.sub(" ", text).lower()
    letters: dict[Language, int] = {}
    unmarked = 0
    for voice in (_QUOTATION.sub(" ", text), *_QUOTATION.findall(text)):
        said, left = _voice(voice)
        if left and ("uk" in said or "ru" in said):
            main = _cyrillic_main(said)
            said[main] += left
            left = 0
        unmarked += left
        for language, count in said.items():
            letters[language] = letters.get(language, 0) + count
    if unmarked:
        if "uk" in letters or "ru" in letters:
            main = _cyrillic_main(letters)
        else:
            main = "uk" if unmarked < _SHORT_UNMARKED else "ru"
        letters[main] = letters.get(main, 0) + unmarked
    return letters


def _voice(text: str) -> tuple[dict[Language, int], int]:
    """Letters of one voice in each language, and the Cyrillic letters of its unmarked sentences."""
    letters: dict[Language, int] = {}
    unmarked = 0
    for sentence in _SENTENCE.findall(text):
        words = _CYRILLIC_WORD.findall(sentence)
        cyrillic = sum(map(len, words))
        latin = sum(map(len, _LATIN_WORD.findall(sentence))) if _ANY_LATIN.search(sentence) else 0
        language: Language
        if latin > cyrillic:
            language = "en"
        elif not cyrillic:
            continue
        else:
            leaning = sum(map(_leaning, words))
            if not leaning:
                unmarked += cyrillic + latin
                continue
            language = "uk" if leaning > 0 else "ru"
        letters[language] = letters.get(language, 0) + cyrillic + latin
    return letters, unmarked


def _cyrillic_main(letters: dict[Language, int]) -> Language:
    """Ukrainian or Russian, whichever has more letters (Ukrainian on a tie)."""
    return "uk" if letters.get("uk", 0) >= letters.get("ru", 0) else "ru"


@functools.lru_cache(maxsize=1 << 16)
def _leaning(word: str) -> float:
    """How strongly a lower-case Cyrillic word reads as Ukrainian (above 0) or Russian (below 0).

    Russian's own letters are rarer than Ukrainian's, so each weighs more; a word of the lists or an
    ending weighs as several letters. Cached: a language uses few words often."""
    uk = sum(map(word.count, _UK_LETTERS)) + 3 * (word in _UK_WORDS) + 2 * word.endswith(_UK_ENDINGS)
    ru = 2.5 * sum(map(word.count, _RU_LETTERS)) + 3 * (word in _RU_WORDS) + 2 * word.endswith(_RU_ENDINGS)
    return uk - ru + 2 * any(map(word.__contains__, _APOSTROPHES))
