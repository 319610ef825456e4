"""Inflected Kyiv district names: the gazetteer's suffix tables against pymorphy3's lemmas.

Reads the written corpus (tests/corpus/{uk,ru,tg}/*.txt) and a few sentences written here, labels
every form of a district or neighbourhood name and every look-alike, and prints precision, recall,
accuracy and time for (a) the gazetteer, (b) pymorphy3 lemma -> district, (c) the gazetteer with
pymorphy3 as a fallback for words it leaves unread. Runs without pymorphy3: then only (a).
Usage: python bench/morphology.py [--runs N] [--errors]
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import statistics
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from common import ROOT, fmt

from strikemap.extract import extract
from strikemap.extract import gazetteer_data as data
from strikemap.extract.gazetteer import Gazetteer, default_gazetteer
from strikemap.extract.gazetteer_words import CYRILLIC, Taken, Word, _text_keys, split
from strikemap.extract.text import split_sentences
from strikemap.models import Article
from strikemap.read import read_paths

CORPUS = ROOT / "tests" / "corpus"

DH, DN, DS, DP = "Darnytskyi", "Desnianskyi", "Dniprovskyi", "Holosiivskyi"
OB, PE, PO, SV = "Obolonskyi", "Pecherskyi", "Podilskyi", "Sviatoshynskyi"
SO, SH = "Solomianskyi", "Shevchenkivskyi"

# fmt: off
FORMS: dict[str, str | None] = {
    # district adjectives, Ukrainian
    "голосіївський": DP, "голосіївського": DP, "голосіївському": DP,
    "дарницький": DH, "дарницького": DH, "дарницькому": DH,
    "деснянський": DN, "деснянського": DN, "деснянському": DN,
    "дніпровський": DS, "дніпровського": DS, "дніпровському": DS,
    "оболонський": OB, "оболонського": OB, "оболонському": OB,
    "печерський": PE, "печерського": PE, "печерському": PE,
    "подільський": PO, "подільського": PO, "подільському": PO,
    "святошинський": SV, "святошинського": SV, "святошинському": SV,
    "солом'янський": SO, "солом'янського": SO, "солом'янському": SO,
    "шевченківський": SH, "шевченківського": SH, "шевченківському": SH,
    # district adjectives, Russian
    "голосеевский": DP, "голосеевского": DP, "голосеевском": DP,
    "дарницкий": DH, "дарницкого": DH, "дарницком": DH,
    "деснянский": DN, "деснянского": DN, "деснянском": DN, "деснянскому": DN,
    "днепровский": DS, "днепровском": DS,
    "оболонского": OB, "оболонском": OB,
    "печерский": PE, "печерском": PE,
    "подольском": PO,
    "святошинский": SV, "святошинском": SV, "святошинскому": SV,
    "соломенский": SO, "соломенского": SO, "соломенском": SO, "соломенскому": SO,
    "шевченковский": SH, "шевченковского": SH, "шевченковском": SH, "шевченковским": SH,
    # neighbourhoods (the district the gazetteer places them in; Kurenivka, not in it, is Podilskyi)
    "подолі": PO, "подоле": PO, "оболоні": OB, "оболони": OB, "оболонь": OB,
    "печерську": PE, "печерске": PE, "троєщині": DN, "троещине": DN,
    "солом'янці": SO, "соломенке": SO, "осокорках": DH, "позняках": DH,
    "виноградарі": PO, "виноградаре": PO, "куренівці": PO, "лук'янівці": SH, "лесном": DN,
    # look-alikes: the city, other cities, a river, a surname, a metro station, common words
    "київ": None, "києва": None, "києву": None, "києві": None, "києвом": None,
    "киев": None, "киева": None, "киеву": None, "киеве": None, "киевом": None,
    "київщину": None, "київщині": None, "київської": None, "київська": None, "київського": None,
    "київському": None, "киевская": None, "киевской": None, "киевскую": None, "киевский": None,
    "киевском": None, "харків": None, "харкова": None, "харкову": None, "харкові": None,
    "харківщина": None, "харківщині": None, "харківської": None,
    "дніпро": None, "дніпрі": None, "днепра": None, "днепре": None, "днепру": None,
    "шевченко": None, "шевченка": None, "лук'янівська": None, "лукьяновская": None,
    "троє": None, "воскресенье": None,
}
"""Every form of a place word in the corpus, labelled by hand: the district it names, or None."""

FOREIGN = {"uk021": "Kharkiv", "uk022": "Zaporizhzhia", "ru018": "Kharkiv"}
"""Articles about another city: their district adjectives name that city's districts, not Kyiv's."""

WRITTEN: tuple[tuple[str, dict[str, str | None]], ...] = (
    # inflections the corpus lacks: instrumental, bare genitive, nominative lists, other nouns
    ("Уламки впали між Шевченківським та Солом'янським районами.",
     {"Шевченківським": SH, "Солом'янським": SO}),
    ("Над Святошинським районом піднявся дим.", {"Святошинським": SV}),
    ("Сили ППО працювали над Дніпровським і Деснянським районами.",
     {"Дніпровським": DS, "Деснянським": DN}),
    ("Мешканців Голосіївського просять не виходити з укриттів.", {"Голосіївського": DP}),
    ("У Деснянському вибито вікна у двох школах.", {"Деснянському": DN}),
    ("Найбільше постраждали Деснянський і Дніпровський райони.", {"Деснянський": DN, "Дніпровський": DS}),
    ("Святошинський, Дарницький та Солом’янський — там найбільше руйнувань.",
     {"Святошинський": SV, "Дарницький": DH, "Солом’янський": SO}),
    ("Рятувальники працюють на Оболоні та на Троєщині.", {"Оболоні": OB, "Троєщині": DN}),
    ("Дим було видно з Подолу і з Печерська.", {"Подолу": PO, "Печерська": PE}),
    ("Уламки впали на Солом’янці, Русанівці й Березняках.",
     {"Солом’янці": SO, "Русанівці": DS, "Березняках": DS}),
    ("Вибухи чули мешканці Лісового масиву.", {"Лісового": DN}),
    ("Уламки впали поблизу Деміївки та Теремків.", {"Деміївки": DP, "Теремків": DP}),
    ("Обломки упали между Шевченковским и Соломенским районами.",
     {"Шевченковским": SH, "Соломенским": SO}),
    ("Жителей Оболонского просят оставаться в укрытиях.", {"Оболонского": OB}),
    ("В Днепровском — пожар на складе.", {"Днепровском": DS}),
    ("Из Голосеевского района эвакуировали жильцов.", {"Голосеевского": DP}),
    ("Взрывы слышали жители Святошинского и Подольского районов.",
     {"Святошинского": SV, "Подольского": PO}),
    ("На Троещине и Борщаговке горели дома.", {"Троещине": DN, "Борщаговке": SV}),
    ("Над Печерском поднимался дым.", {"Печерском": PE}),
    ("На Виноградаре и Позняках повреждены окна.", {"Виноградаре": PO, "Позняках": DH}),
    ("Повреждения на Лукьяновке и Соломенке.", {"Лукьяновке": SH, "Соломенке": SO}),
    # look-alikes: other names that hold a district's adjective, surnames, cities, a river
    ("Засідання Печерського районного суду перенесли через тривогу.", {"Печерського": None}),
    ("Оболонський районний суд розглянув справу.", {"Оболонський": None}),
    ("Вогонь перекинувся на Дарницький ринок.", {"Дарницький": None}),
    ("Пошкоджено вагони на Дарницькому вокзалі.", {"Дарницькому": None}),
    ("Корки утворилися на Дніпровській набережній.", {"Дніпровській": None}),
    ("На Оболонській набережній горіли автомобілі.", {"Оболонській": None}),
    ("Рух Подільським мостом тимчасово перекрили.", {"Подільським": None}),
    ("Туристів евакуювали з території Печерської лаври.", {"Печерської": None}),
    ("Голосіївський парк закрили для відвідувачів.", {"Голосіївський": None}),
    ("Поет Тарас Шевченко народився на Черкащині.", {"Шевченко": None}),
    ("Вулицю назвали на честь Шевченка.", {"Шевченка": None}),
    ("Удар по Дніпру зруйнував пологовий будинок.", {"Дніпру": None}),
    ("Уламки впали в кількох громадах Київщини.", {"Київщини": None}),
    ("Тривогу оголосили також для Києва і Харкова.", {"Києва": None, "Харкова": None}),
    ("У Шевченківському районі Харкова зруйновано будинок.", {"Шевченківському": None}),
    ("В Шевченковском районе Запорожья поврежден дом.", {"Шевченковском": None}),
    ("Движение по Подольскому мосту перекрыто.", {"Подольскому": None}),
    ("На Днепровской набережной образовалась пробка.", {"Днепровской": None}),
    ("Экскурсии в Киево-Печерской лавре отменены.", {"Печерской": None}),
    ("Памятник Шевченко поврежден не был.", {"Шевченко": None}),
    ("Дарницкий рынок не работал.", {"Дарницкий": None}),
    ("Удары пришлись по Харькову и Днепру.", {"Харькову": None, "Днепру": None}),
)
"""Sentences written for this benchmark (none copied): the cases the corpus does not hold."""
# fmt: on

MORPH_KINDS = ("district", "neighbourhood")


class Token(NamedTuple):
    source: str
    sentence: str
    start: int
    end: int
    gold: str | None

    @property
    def word(self) -> str:
        return self.sentence[self.start : self.end]


def fold(word: str) -> str:
    """Lower case, one apostrophe, е for ё: the key of FORMS and of the lemma table."""
    word = unicodedata.normalize("NFC", word).lower().replace("ё", "е")
    return word.replace("’", "'").replace("ʼ", "'").replace("`", "'")


def corpus_tokens() -> list[Token]:
    """Every word of the corpus that FORMS labels, in its sentence."""
    tokens = []
    for path in sorted(CORPUS.glob("*/*.txt")):
        for sentence in split_sentences(path.read_text(encoding="utf-8")):
            for start, end, word in split(sentence.text):
                key = fold(word)
                if key not in FORMS:
                    continue
                gold = None if path.stem in FOREIGN else FORMS[key]
                tokens.append(Token(f"{path.parent.name}:{path.stem}", sentence.text, start, end, gold))
    return tokens


def written_tokens() -> list[Token]:
    tokens = []
    for sentence, labels in WRITTEN:
        for start, end, word in split(sentence):
            if word in labels:
                tokens.append(Token("written", sentence, start, end, labels[word]))
    assert len(tokens) == sum(len(labels) for _, labels in WRITTEN), "a label names no word"
    return tokens


def district_of(gazetteer: Gazetteer, token: Token, found: dict[str, list[Any]]) -> str | None:
    """The Kyiv district the gazetteer reads at ``token``: from a district or neighbourhood only."""
    mentions = found.setdefault(token.sentence, gazetteer.find(token.sentence))
    for m in mentions:
        if m.start <= token.start < m.end:
            entry = m.entry
            return entry.district if entry.kind in MORPH_KINDS and entry.city == data.KYIV else None
    return None


# --- pymorphy3 -----------------------------------------------------------------------------------

_UK_ONLY, _RU_ONLY = set("іїєґ'"), set("ыэъ")

ADJECTIVE_SHAPE = re.compile(r"(?:сь|ць|с|ц)к(?:[аеиіоуюяыйїєь]{1,3}|ом|им|ым|ім|их|ых|ою|ую)$")
"""A word shaped like a -ський/-цький, -ский/-цкий adjective in any case: the only words the
fallback asks pymorphy3 about, as the issue proposes (and as a lemma lookup per word would cost)."""


@dataclass(eq=False)
class Morph:
    """Both analysers and a table from lemma to district, built from the gazetteer's own names."""

    uk: Any
    ru: Any
    table: dict[str, str]

    def analysers(self, word: str, context: str) -> list[Any]:
        """uk or ru by the letters of the word, else of its sentence, else both."""
        for letters in (fold(word), fold(context)):
            uk, ru = bool(_UK_ONLY & set(letters)), bool(_RU_ONLY & set(letters))
            if uk != ru:
                return [self.uk] if uk else [self.ru]
        return [self.uk, self.ru]

    def district(self, word: str, context: str) -> str | None:
        """The one district a lemma of ``word`` (any of its parses) names, if exactly one."""
        return self._district(fold(word), tuple(self.analysers(word, context)))

    @functools.lru_cache(maxsize=1 << 14)  # noqa: B019 (one Morph per run)
    def _district(self, key: str, analysers: tuple[Any, ...]) -> str | None:
        found = {
            self.table[p.normal_form]
            for analyser in analysers
            for p in analyser.parse(key)
            if p.normal_form in self.table
        }
        return found.pop() if len(found) == 1 else None


def load_morph() -> Morph | None:
    """pymorphy3 with its Ukrainian and Russian dictionaries, or None when it is not installed."""
    try:
        import pymorphy3
    except ImportError:
        return None
    uk, ru = pymorphy3.MorphAnalyzer(lang="uk"), pymorphy3.MorphAnalyzer(lang="ru")
    morph = Morph(uk, ru, {})
    morph.table = lemma_table(morph)
    return morph


def lemma_table(morph: Morph) -> dict[str, str]:
    """Lemma -> district from the Cyrillic names in geodata/: 'X район' (the adjective X) and
    one-word neighbourhood names, each also under the lemmas pymorphy3 gives it."""
    folder = ROOT / "geodata"
    names: list[tuple[str, str]] = []
    for district, aliases in data.read_district_aliases(folder / "district_aliases.csv").items():
        names += [(a.split()[0], district) for a in aliases if CYRILLIC.search(a) and a.endswith(" район")]
    for record in data.read_places(folder / "places.csv"):
        if record.kind == "neighbourhood" and record.district:
            words = [a for a in record.aliases if CYRILLIC.search(a) and " " not in a]
            names += [(a, record.district) for a in words]
    table: dict[str, str] = {}
    for name, district in names:
        table[fold(name)] = district
        for analyser in morph.analysers(name, name):
            table.setdefault(analyser.parse(fold(name))[0].normal_form, district)
    return table


class MorphGazetteer(Gazetteer):
    """The gazetteer, with pymorphy3 reading a capitalised Cyrillic adjective that it left unread."""

    morph: Morph

    def _bare_districts(self, text: str, words: list[Word], taken: list[Taken]) -> list[Taken]:
        taken = super()._bare_districts(text, words, taken)
        used = {i for t in taken for i in range(t.first, t.last)}
        added = []
        for i, word in enumerate(words):
            spelled = text[word.start : word.end]
            if i in used or not spelled[:1].isupper() or not ADJECTIVE_SHAPE.search(fold(spelled)):
                continue
            district = self.morph.district(spelled, text)
            entry = self.lookup(district) if district else None
            if entry is not None:
                added.append(Taken(i, i + 1, entry))
        return sorted(taken + added, key=lambda t: t.first) if added else taken


# --- scoring and timing --------------------------------------------------------------------------


class Score(NamedTuple):
    tokens: int
    precision: float
    recall: float
    accuracy: float


def score(tokens: list[Token], predicted: list[str | None]) -> Score:
    """Precision and recall over district readings; accuracy over every token, look-alikes too."""
    tp = sum(1 for t, p in zip(tokens, predicted, strict=True) if p is not None and p == t.gold)
    said = sum(1 for p in predicted if p is not None)
    meant = sum(1 for t in tokens if t.gold is not None)
    right = sum(1 for t, p in zip(tokens, predicted, strict=True) if p == t.gold)
    n = len(tokens)
    return Score(n, tp / said if said else 1.0, tp / meant if meant else 1.0, right / n if n else 1.0)


Reader = Callable[[Token], str | None]


def cold() -> None:
    """Forget every word read so far: each run pays for its words as a first article would."""
    _text_keys.cache_clear()
    Morph._district.cache_clear()


def timed(read: Reader, tokens: list[Token], runs: int, fresh: Callable[[], None]) -> tuple[list, float]:
    """Predictions, and the median CPU seconds per 1,000 tokens over ``runs`` runs, each from cold."""
    times, predicted = [], []
    for _ in range(runs):
        fresh()
        cold()
        began = time.process_time()
        predicted = [read(t) for t in tokens]
        times.append(time.process_time() - began)
    return predicted, statistics.median(times) / len(tokens) * 1000


def rates(gazetteers: list[Gazetteer], runs: int, repeat: int = 4) -> list[tuple[float, float]]:
    """Per gazetteer: Ukrainian corpus articles per CPU second through ``find`` alone (sentence by
    sentence) and through the whole extraction. Runs alternate between the gazetteers, so a busy
    machine slows them alike; word caches are emptied before each run (the worst case)."""
    articles = [a for a in read_paths(sorted((CORPUS / "uk").glob("*.txt"))) if isinstance(a, Article)]
    sentences = [s.text for a in articles for s in split_sentences(a.text)]
    finds: list[list[float]] = [[] for _ in gazetteers]
    extracts: list[list[float]] = [[] for _ in gazetteers]
    for _ in range(runs):
        for i, gazetteer in enumerate(gazetteers):
            cold()
            began = time.process_time()
            for sentence in sentences:
                gazetteer.find(sentence)
            finds[i].append(time.process_time() - began)
            cold()
            began = time.process_time()
            for _ in range(repeat):
                for article in articles:
                    extract(article, gazetteer=gazetteer)
            extracts[i].append(time.process_time() - began)
    n = len(articles)
    return [
        (n / statistics.median(f), n * repeat / statistics.median(e))
        for f, e in zip(finds, extracts, strict=True)
    ]


_LOAD = """
import json, time
def rss():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS:'):
            return int(line.split()[1]) / 1024
before = rss(); began = time.perf_counter()
import pymorphy3
uk = pymorphy3.MorphAnalyzer(lang='uk'); ru = pymorphy3.MorphAnalyzer(lang='ru')
print(json.dumps([time.perf_counter() - began, rss() - before]))
"""


def load_cost() -> tuple[float, float]:
    """Seconds to import pymorphy3 and load both dictionaries, and the memory it adds (MB), fresh."""
    out = subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True)
    seconds, mb = json.loads(out.stdout)
    return seconds, mb


HEADER = "| reader | tokens | precision | recall | accuracy | corpus acc. | written acc. | ms per 1k tokens |"


# --- the table -----------------------------------------------------------------------------------


def rows(runs: int, errors: bool) -> list[str]:
    sets = {"corpus": corpus_tokens(), "written": written_tokens()}
    everything = sets["corpus"] + sets["written"]
    plain = default_gazetteer()
    found: dict[str, list[Any]] = {}
    readers: dict[str, tuple[Reader, Callable[[], None]]] = {
        "gazetteer (suffix tables)": (lambda t: district_of(plain, t, found), found.clear)
    }
    morph = load_morph()
    out = []
    if morph is None:
        out.append("pymorphy3 is not installed: only the gazetteer is measured.\n")
    else:
        both = MorphGazetteer.load()
        assert isinstance(both, MorphGazetteer)
        both.morph = morph
        found_both: dict[str, list[Any]] = {}
        readers["pymorphy3 lemma -> district"] = (lambda t: morph.district(t.word, t.sentence), found.clear)
        readers["gazetteer + pymorphy3 fallback"] = (
            lambda t: district_of(both, t, found_both),
            found_both.clear,
        )
    out += [HEADER, "|---|---|---|---|---|---|---|---|"]
    misses: list[str] = []
    for name, (read, fresh) in readers.items():
        predicted, seconds = timed(read, everything, runs, fresh)
        total = score(everything, predicted)
        parts = {}
        at = 0
        for label, tokens in sets.items():
            parts[label] = score(tokens, predicted[at : at + len(tokens)])
            at += len(tokens)
        out.append(
            f"| {name} | {total.tokens} | {total.precision:.3f} | {total.recall:.3f} | {total.accuracy:.3f} "
            f"| {parts['corpus'].accuracy:.3f} | {parts['written'].accuracy:.3f} | {fmt(seconds * 1000)} |"
        )
        misses += [
            f"{name}: {t.source} {t.word!r} gold {t.gold} read {p}  <- {t.sentence.strip()[:90]}"
            for t, p in zip(everything, predicted, strict=True)
            if p != t.gold
        ]
    gold = [t.gold for t in everything]
    out.append(
        f"\nTokens: {len(sets['corpus'])} from the corpus, {len(sets['written'])} written; "
        f"{sum(g is not None for g in gold)} name a district, {sum(g is None for g in gold)} are look-alikes."
    )
    gazetteers = [plain] if morph is None else [plain, both]
    for name, (find, whole) in zip(
        ("Gazetteer alone", "With the fallback"), rates(gazetteers, runs), strict=False
    ):
        out.append(
            f"{name}: {fmt(find)} Ukrainian corpus articles per CPU second through find, "
            f"{fmt(whole)} through the whole extraction."
        )
    if morph is not None:
        seconds, mb = load_cost()
        out.append(f"pymorphy3 import and both dictionaries: {fmt(seconds)} s, {fmt(mb)} MB more memory.")
        out.append(f"Lemma table: {len(morph.table)} lemmas from geodata/.")
    if errors:
        out += ["", *misses]
    out += [f"Unlabelled look-alike: {w}" for w in unlabelled()]
    return out


STEMS = (
    "голосі", "голосе", "дарниц", "деснян", "дніпров", "днепров", "оболон", "печерс", "поділ", "подол",
    "подільс", "подольс", "святош", "солом", "шевченк", "троєщ", "троещ",
)  # fmt: skip
"""Beginnings of district names: a corpus word with one that FORMS lacks must be labelled."""


def unlabelled() -> list[str]:
    """Corpus words that start like a district name but are not in FORMS: label them when they come."""
    stems = STEMS
    seen = set()
    for path in sorted(CORPUS.glob("*/*.txt")):
        for _, _, word in split(path.read_text(encoding="utf-8")):
            key = fold(word)
            if key.startswith(stems) and key not in FORMS:
                seen.add(word)
    return sorted(seen)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--errors", action="store_true", help="list every token a reader got wrong")
    args = parser.parse_args(argv)
    print("\n".join(rows(args.runs, args.errors)))


if __name__ == "__main__":
    main()
