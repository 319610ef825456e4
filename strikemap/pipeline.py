"""The whole pipeline from articles to events: extract, place, merge.

The command line, the store and the dashboard all go through `find_events`, so they agree.
"""

from __future__ import annotations

from collections.abc import Iterable

from strikemap.cluster import cluster
from strikemap.extract import extract
from strikemap.extract.gazetteer import Gazetteer
from strikemap.geocode import Geocoder, place_addresses
from strikemap.models import Article, Event, Report


def find_reports(
    articles: Iterable[Article], *, gazetteer: Gazetteer | None = None, geocoder: Geocoder | None = None
) -> list[Report]:
    """Every report in the articles; with a geocoder, streets they name are placed too."""
    reports = [report for article in articles for report in extract(article, gazetteer=gazetteer)]
    return place_reports(reports, geocoder)


def place_reports(reports: list[Report], geocoder: Geocoder | None) -> list[Report]:
    """The reports with the streets they name placed, when there is a geocoder to ask."""
    if geocoder is None:
        return reports
    return [place_addresses(report, geocoder) for report in reports]


def find_events(
    articles: Iterable[Article], *, gazetteer: Gazetteer | None = None, geocoder: Geocoder | None = None
) -> list[Event]:
    """The events the articles report, each with all its reports."""
    return cluster(find_reports(articles, gazetteer=gazetteer, geocoder=geocoder))
