"""What the map frames, and what it says about the events it cannot show in that frame.

Pure functions of the events in the window and their markers, so the map page stays thin.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Literal, NamedTuple

from strikemap.dashboard.overlays import Bounds
from strikemap.dashboard.render import Marker
from strikemap.extract.gazetteer_data import KYIV, KYIV_REGION, beyond_the_region
from strikemap.views import Shown, ShownT

Area = Literal["Kyiv", "Kyiv region", "elsewhere"]


class Frame(NamedTuple):
    """The box the map fits, and whose events' markers it was fitted to."""

    bounds: Bounds | None
    """None: nothing to fit, so the map shows Kyiv's default view."""
    area: Area | None
    """None when the frame holds every marker, or when there is none."""


@lru_cache(maxsize=1024)
def area(city: str) -> Area:
    """Kyiv itself, a town of the Kyiv region (the gazetteer's "town" kind), or elsewhere.

    Cities and oblasts are known to be elsewhere without loading the gazetteer; only other names
    (a correction's, a geocoder's) are looked up."""
    if city == KYIV:
        return "Kyiv"
    if city == KYIV_REGION:
        return "Kyiv region"
    if city in beyond_the_region():
        return "elsewhere"
    from strikemap.extract.gazetteer import default_gazetteer  # rarely needed: not on a first page's path

    entry = default_gazetteer().lookup(city)
    return "Kyiv region" if entry is not None and entry.kind == "town" else "elsewhere"


def frame(views: Iterable[Shown], placed: Sequence[Marker]) -> Frame:
    """The box around the markers of events in Kyiv; failing those, in its region; then all of them.

    A strike in Lviv would otherwise zoom the map out until Kyiv's districts are a smudge. Which
    area a town is in is asked only when no marker is in Kyiv itself: the gazetteer that knows it
    takes most of a second to load, and a first page need not wait for it.
    """
    cities = {v.id: v.city for v in views}
    wanted: Area | None
    for wanted in ("Kyiv", "Kyiv region", None):
        if wanted == "Kyiv":
            points = [(m.lat, m.lon) for m in placed if cities.get(m.event_id) == KYIV]
        else:
            areas = {i: area(city) for i, city in cities.items()}
            points = [(m.lat, m.lon) for m in placed if wanted is None or areas.get(m.event_id) == wanted]
        if points:
            lats, lons = [p[0] for p in points], [p[1] for p in points]
            return Frame(((min(lats), min(lons)), (max(lats), max(lons))), wanted)
    return Frame(None, None)


def around(placed: Sequence[Marker], event_id: str, *, margin: float = 0.012) -> Bounds | None:
    """The box around one event's markers, a kilometre or so wider, for a link that opens on it."""
    points = [(m.lat, m.lon) for m in placed if m.event_id == event_id]
    if not points:
        return None
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return (min(lats) - margin, min(lons) - margin), (max(lats) + margin, max(lons) + margin)


def outside_kyiv(views: Iterable[Shown]) -> Counter[Area]:
    """How many events are in the Kyiv region, and how many elsewhere."""
    return Counter(a for v in views if (a := area(v.city)) != "Kyiv")


def outside_note(views: Iterable[Shown], fitted: Area | None) -> str | None:
    """ "3 more in the Kyiv region, 4 elsewhere in Ukraine", with a hint when they are off the frame."""
    counts = outside_kyiv(views)
    region, elsewhere = counts["Kyiv region"], counts["elsewhere"]
    parts = [f"{region} more in the Kyiv region"] if region else []
    if elsewhere:
        parts.append(f"{elsewhere} {'' if parts else 'more '}elsewhere in Ukraine")
    if not parts:
        return None
    off_frame = (fitted == "Kyiv" and (region or elsewhere)) or (fitted == "Kyiv region" and elsewhere)
    return ", ".join(parts) + (": zoom out to see them" if off_frame else "")


def unplaced(views: Iterable[ShownT], placed: Sequence[Marker]) -> list[ShownT]:
    """Events in the window that have no marker: no place or district of theirs could be found."""
    on_map = {m.event_id for m in placed}
    return [v for v in views if v.id not in on_map]


def unplaced_note(views: Iterable[Shown], placed: Sequence[Marker]) -> str | None:
    count = len(unplaced(views, placed))
    if not count:
        return None
    if count == 1:
        return "1 event in the window has no place on the map: find it in the Events table"
    return f"{count} events in the window have no place on the map: find them in the Events table"
