"""The strikemap command line.

`strikemap extract PATH...` prints the events found in articles without touching a store.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from strikemap import __version__
from strikemap.errors import ConfigError, StrikeMapError
from strikemap.export import event_row, to_csv, to_json
from strikemap.geocode import GEOCODERS, Geocoder, get_geocoder
from strikemap.models import Article, Skipped
from strikemap.pipeline import find_events
from strikemap.read import DEFAULT_MAX_BYTES, read_paths

EXIT_SKIPPED = 1
EXIT_ERROR = 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="strikemap: %(message)s")
    try:
        return int(args.run(args))
    except StrikeMapError as err:
        print(f"strikemap: {err}", file=sys.stderr)
        return EXIT_ERROR


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="strikemap", description="Air strikes on Kyiv, from news articles.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    extract_cmd = commands.add_parser("extract", help="print the strike events found in articles")
    extract_cmd.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    extract_cmd.add_argument("--format", choices=("json", "csv"), default="json")
    extract_cmd.add_argument(
        "--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest file read (default: %(default)s)"
    )
    _geocoder_options(extract_cmd)
    extract_cmd.set_defaults(run=_extract)
    return parser


def _geocoder_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--geocoder",
        choices=GEOCODERS,
        default=os.environ.get("STRIKEMAP_GEOCODER", "offline"),
        help="where street names are looked up: the offline gazetteer (default) or OpenStreetMap "
        "Nominatim [env STRIKEMAP_GEOCODER]",
    )
    command.add_argument(
        "--user-agent",
        default=os.environ.get("STRIKEMAP_USER_AGENT"),
        help="your application name and contact, required by Nominatim [env STRIKEMAP_USER_AGENT]",
    )


def geocoder_from(args: argparse.Namespace) -> Geocoder:
    if args.geocoder == "nominatim" and not args.user_agent:
        raise ConfigError(
            "--geocoder nominatim needs --user-agent 'your app name and contact' (or STRIKEMAP_USER_AGENT), "
            "as Nominatim's usage policy asks"
        )
    return get_geocoder(args.geocoder, user_agent=args.user_agent)


def _extract(args: argparse.Namespace) -> int:
    geocoder = geocoder_from(args)
    articles, skipped = read_all(args.paths, max_bytes=args.max_bytes)
    events = find_events(articles, geocoder=geocoder)
    out = to_json(events) if args.format == "json" else to_csv(event_row(e) for e in events)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return EXIT_SKIPPED if skipped else 0


def read_all(paths: Sequence[str], *, max_bytes: int) -> tuple[list[Article], list[Skipped]]:
    """Read every article, telling stderr about each input that was skipped and why."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in read_paths(paths, max_bytes=max_bytes):
        if isinstance(item, Skipped):
            skipped.append(item)
            print(f"strikemap: skipped {item.path}: {item.reason}", file=sys.stderr)
        else:
            articles.append(item)
    if skipped:
        print(f"strikemap: {len(skipped)} input(s) skipped, {len(articles)} article(s) read", file=sys.stderr)
    return articles, skipped
