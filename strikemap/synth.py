"""A synthetic corpus: plausible articles about invented attacks, for load tests and benchmarks.

Seeded, so the same arguments give the same texts; several outlets report each attack in their
own words, as real coverage does.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from pathlib import Path

from strikemap.models import Article
from strikemap.read import article_id

OUTLETS = (
    "Kyiv Wire",
    "Capital Herald",
    "Dnipro Daily",
    "Eastern Europe Monitor",
    "Left Bank News",
    "Podil Post",
)
DISTRICT_SPELLINGS = {
    "Darnytskyi": ("Darnytskyi", "Darnytsky", "Darnitsky"),
    "Desnianskyi": ("Desnianskyi", "Desnyanskyi", "Desnyansky"),
    "Dniprovskyi": ("Dniprovskyi", "Dniprovsky", "Dneprovsky"),
    "Holosiivskyi": ("Holosiivskyi", "Holosiivsky", "Goloseevsky"),
    "Obolonskyi": ("Obolonskyi", "Obolonsky", "Obolon"),
    "Pecherskyi": ("Pecherskyi", "Pechersky", "Pechersk"),
    "Podilskyi": ("Podilskyi", "Podilsky", "Podil"),
    "Shevchenkivskyi": ("Shevchenkivskyi", "Shevchenkivsky", "Shevchenko"),
    "Solomianskyi": ("Solomianskyi", "Solomyanskyi", "Solomensky"),
    "Sviatoshynskyi": ("Sviatoshynskyi", "Svyatoshynsky", "Svyatoshinsky"),
}
WEAPONS = (
    ("drones", "Shahed drones", "attack drones", "kamikaze drones"),
    ("missiles", "cruise missiles", "ballistic missiles", "Kh-101 cruise missiles"),
)
TARGETS = (
    "a residential building",
    "an apartment block",
    "a private house",
    "a warehouse",
    "an office building",
)
OTHER_PLACES = (
    "Brovary",
    "Bila Tserkva",
    "Boryspil",
    "Vyshhorod",
    "Irpin",
    "Bucha",
    "Fastiv",
    "Kharkiv",
    "Odesa",
    "Dnipro",
    "Zaporizhzhia",
    "Lviv",
    "Sumy",
    "Chernihiv",
    "Mykolaiv",
    "Kherson",
)
"""Other places hit, about a third of the attacks, reported at city level as real coverage does."""
OFFICIALS = ("Mayor Vitali Klitschko", "Serhiy Popko, head of the city military administration")
FILLER = (
    "Residents spent the night in metro stations and basements as air raid sirens sounded across the city.",
    "Emergency workers cleared rubble and checked neighbouring buildings for damage through the morning.",
    "Windows were blown out in nearby homes, and several cars parked in the courtyard were burnt out.",
    "Municipal crews restored power to most affected homes by the afternoon, officials added.",
    "Psychologists and social workers were sent to help residents of the damaged buildings.",
    "Schools in the area switched to remote lessons for the day while engineers inspected the site.",
    "Volunteers handed out tea and blankets at a heating point set up in a nearby school gym.",
    "The city council said it would pay for temporary housing for families who lost their flats.",
    "Engineers from the utility company worked through the night to reconnect the heating network.",
    "Parents collected children from kindergartens early as the district administration checked shelters.",
    "Traffic was diverted around the cordoned streets for most of the day, the city transport office said.",
    "Insurance assessors and police investigators documented the scene for the record.",
)
_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def articles(
    count: int,
    *,
    seed: int = 1,
    start: dt.date = dt.date(2022, 10, 1),
    days: int = 900,
    size: int = 0,
    outlets: Sequence[int] = (1, 2, 3, 4),
    places: Sequence[str] = OTHER_PLACES,
    kyiv_share: float = 0.65,
) -> Iterator[Article]:
    """``count`` articles about roughly ``count / 2.5`` attacks spread over ``days`` days.

    With ``size``, each article gets more background paragraphs until it is about that many bytes.
    Each attack is reported by a number of outlets drawn from ``outlets`` (the mean sets how many
    articles make one event); ``kyiv_share`` of the attacks hit a Kyiv district, the others one of
    ``places``. One city has at most one event a day (the merger joins a city's reports of a day),
    so a corpus of many events needs many places and many days.
    """
    rng = random.Random(seed)
    attack = 0
    made = 0
    while made < count:
        attack += 1
        day = start + dt.timedelta(days=rng.randrange(days))
        district = rng.choice(sorted(DISTRICT_SPELLINGS)) if rng.random() < kyiv_share else rng.choice(places)
        kind = rng.randrange(2)
        killed = rng.choice((0, 0, 1, 2, 3, None))
        for outlet in rng.sample(OUTLETS, k=rng.choice(outlets)):
            if made >= count:
                return
            text = _text(rng, attack, day, district, kind, killed, outlet)
            while len(text.encode()) < size:
                text += "\n" + rng.choice(FILLER) + "\n"
            published = day + dt.timedelta(days=rng.choice((0, 0, 1)))
            yield Article(
                id=article_id(text), path=f"synthetic/{made:06d}.txt", text=text,
                title=f"Attack on {district}", source=outlet, published=published,
            )  # fmt: skip
            made += 1


def _text(
    rng: random.Random, attack: int, day: dt.date, district: str, kind: int, killed: int | None, outlet: str
) -> str:
    weapon = rng.choice(WEAPONS[kind])
    when = rng.choice((f"on {day:%d %B %Y}", f"early on {day:%A}", f"on {day.isoformat()}", "overnight"))
    if district not in DISTRICT_SPELLINGS:
        lead = rng.choice(
            (
                f"Russian {weapon} struck {district} {when}, damaging {rng.choice(TARGETS)}.",
                f"{weapon.capitalize()} hit {rng.choice(TARGETS)} in {district} {when}, "
                "local officials said.",
            )
        )
        return _body(rng, lead, killed, kind, outlet, attack)
    spelling = rng.choice(DISTRICT_SPELLINGS[district])
    lead = rng.choice(
        (
            f"Russian {weapon} struck Kyiv's {spelling} district {when}, damaging {rng.choice(TARGETS)}.",
            f"Kyiv came under attack by {weapon} {when}; "
            f"{rng.choice(TARGETS)} in the {spelling} district was hit.",
            f"{weapon.capitalize()} hit {rng.choice(TARGETS)} in the {spelling} district of Kyiv {when}.",
        )
    )
    return _body(rng, lead, killed, kind, outlet, attack)


def _body(rng: random.Random, lead: str, killed: int | None, kind: int, outlet: str, attack: int) -> str:
    toll = (
        "There were no casualties, officials said."
        if killed == 0
        else "The number of victims was not yet known."
        if killed is None
        else f"{_WORDS[killed - 1].capitalize()} people were killed and {rng.randrange(1, 12)} injured."
    )
    shot = rng.randrange(5, 60)
    body = [
        lead,
        toll,
        f"Air defence shot down {shot} of {shot + rng.randrange(1, 6)} {WEAPONS[kind][0]}, "
        f"{rng.choice(OFFICIALS)} said on Telegram.",
        *rng.sample(FILLER, k=rng.randrange(3, 6)),
        f"Reporting by the {outlet} desk; story {attack}.",
    ]
    return "\n\n".join(body) + "\n"


def write(folder: Path, count: int, *, seed: int = 1) -> list[Path]:
    """Write ``count`` synthetic articles as text files with headers; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, article in enumerate(articles(count, seed=seed)):
        path = folder / f"{number:06d}.txt"
        head = f"title: {article.title}\nsource: {article.source}\npublished: {article.published}\n\n"
        path.write_text(head + article.text, encoding="utf-8")
        paths.append(path)
    return paths
