"""The strikemap command line.

`extract` prints events from articles without a store; `ingest`, `events`, `show`, `export`
and the review commands work on the store (SQLite by default, PostgreSQL with --db).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from strikemap import __version__, correctable
from strikemap.errors import ConfigError, StoreError, StrikeMapError
from strikemap.export import listings_csv, row, to_csv, to_geojson, to_json, views_json
from strikemap.geocode import GEOCODERS, Geocoder, get_geocoder
from strikemap.models import Article, Skipped
from strikemap.normalise import printable
from strikemap.pipeline import find_events
from strikemap.quality import PARTS, SCOPE
from strikemap.read import DEFAULT_MAX_BYTES, read_paths
from strikemap.show import event_table, event_text

EXIT_SKIPPED = 1
"""Some inputs were skipped (each named on stderr); everything else was done."""
EXIT_ERROR = 2
"""A bad option or value (argparse's usage errors exit with 2 too), or nothing was done."""
EXIT_STORE = 3
"""The store cannot be used: missing, unreadable, damaged, read-only for a write, or too new."""
EXIT_BUG = 4
"""strikemap itself failed: the traceback is printed, for a bug report."""
EXIT_PIPE = 128 + 13
"""Whoever read the output closed it early; what a program killed by SIGPIPE exits with."""
MAX_JOBS = 256


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="strikemap: %(message)s")
    try:
        status = int(args.run(args))
        sys.stdout.flush()  # here, so a closed pipe is handled below rather than at exit
        return status
    except StoreError as err:
        print(f"strikemap: {printable(str(err))}", file=sys.stderr)
        return EXIT_STORE
    except StrikeMapError as err:
        print(f"strikemap: {printable(str(err))}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader stopped reading (`strikemap events | head`): end quietly, as if killed by SIGPIPE.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PIPE
    except Exception:  # a bug must not exit with 1, which means "some inputs skipped"
        traceback.print_exc()
        print("strikemap: internal error (a bug in strikemap; the traceback above helps report it)",
              file=sys.stderr)  # fmt: skip
        return EXIT_BUG


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="strikemap", description="Air strikes on Kyiv, from news articles.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="print the strike events found in articles (no store)")
    _input_options(extract)
    extract.add_argument("--format", choices=("json", "csv"), default="json")
    extract.set_defaults(run=_extract)

    ingest = commands.add_parser("ingest", help="add articles to the store and merge their events")
    _input_options(ingest)
    _db_option(ingest)
    ingest.add_argument(
        "--batch-size", type=_positive, default=200, help="articles per transaction (%(default)s)"
    )
    ingest.add_argument(
        "--jobs", "-j", type=_jobs, help="processes extracting articles, up to 256 (default: one per core)"
    )
    ingest.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="show a progress bar (default: when stderr is a terminal)")  # fmt: skip
    ingest.set_defaults(run=_ingest)

    again = commands.add_parser("reextract", help="run the extractor again over every stored article")
    _db_option(again)
    again.set_defaults(run=_reextract, geocoder="offline", user_agent=None)

    events = commands.add_parser("events", help="list stored events as a table")
    _db_option(events)
    _filter_options(events)
    events.set_defaults(run=_events, read_only=True)

    show = commands.add_parser("show", help="one event with its reports and evidence")
    _db_option(show)
    show.add_argument("event_id", metavar="EVENT_ID")
    show.set_defaults(run=_show, read_only=True)

    export = commands.add_parser("export", help="write the filtered events as CSV, GeoJSON or JSON")
    _db_option(export)
    _filter_options(export)
    export.add_argument("--format", choices=("csv", "geojson", "json"), required=True)
    export.add_argument("--output", "-o", help="file to write (default: standard output)")
    export.set_defaults(run=_export, read_only=True)

    correct = commands.add_parser("correct", help="record an analyst's correction to an event")
    _db_option(correct)
    correct.add_argument("event_id", metavar="EVENT_ID")
    for field in correctable.FIELDS:
        correct.add_argument(_option(field.name), dest=field.name, help=field.hint)
    correct.add_argument("--note", help="why, for the record")
    correct.set_defaults(run=_correct)

    for status, verb in (("verified", "verify"), ("rejected", "reject"), ("unreviewed", "unreview")):
        command = commands.add_parser(verb, help=f"mark an event {status}")
        _db_option(command)
        command.add_argument("event_id", metavar="EVENT_ID")
        command.add_argument("--note", help="why, for the record")
        command.set_defaults(run=_status, status=status)

    merge = commands.add_parser("merge", help="merge events into the first one")
    _db_option(merge)
    merge.add_argument("keep", metavar="EVENT_ID")
    merge.add_argument("others", nargs="+", metavar="OTHER_ID")
    merge.set_defaults(run=_merge)

    split = commands.add_parser("split", help="move reports of an event into a new event")
    _db_option(split)
    split.add_argument("event_id", metavar="EVENT_ID")
    split.add_argument("reports", nargs="+", metavar="REPORT_KEY", help="report keys, as `show` lists them")
    split.set_defaults(run=_split)
    quality = commands.add_parser(
        "quality", help="score the extractor on real articles kept outside the repository"
    )
    quality.add_argument(
        "--gold", type=Path, default=Path("tests/realworld/gold.jsonl"), help="(%(default)s)"
    )
    quality.add_argument("--texts", type=Path, default=_env_path("STRIKEMAP_REALTEXT"),
                         help="folder of ID.txt files (default: $STRIKEMAP_REALTEXT)")  # fmt: skip
    quality.add_argument("--part", choices=PARTS, default="all", help="(%(default)s)")
    quality.add_argument("--city", choices=SCOPE, help="score only this city's events")
    quality.add_argument("--language", help="score only articles in this language (en, uk, ru, mixed)")
    quality.add_argument("--scorer", type=Path, default=Path("../shared/eval/score.py"), help="(%(default)s)")
    quality.add_argument(
        "--details", action="store_true", help="list every miss, wrong date and partial match"
    )
    quality.set_defaults(run=_quality)
    return parser


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value) if value else None


def _input_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    command.add_argument(
        "--max-bytes",
        type=_positive,
        default=DEFAULT_MAX_BYTES,
        help="largest file read (default: %(default)s)",
    )
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


def _db_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--db",
        help="SQLite file or postgresql://user:pass@host/db [env STRIKEMAP_DB; default: a SQLite file]",
    )


def _filter_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--from", dest="start", type=_day, help="first day, YYYY-MM-DD")
    command.add_argument("--to", dest="end", type=_day, help="last day, YYYY-MM-DD")
    command.add_argument("--district", action="append", default=[], help="repeat for several")
    command.add_argument("--weapon", action="append", default=[], help="repeat for several")
    command.add_argument("--source", action="append", default=[], help="outlet name; repeat for several")
    command.add_argument("--city", action="append", default=[], help="Kyiv, Kyiv region, Brovary, ...")
    command.add_argument(
        "--language",
        action="append",
        default=[],
        help="article language: uk, ru, en or mixed; repeat for several",
    )
    command.add_argument(
        "--precision", action="append", default=[], help="location precision: district, city..."
    )
    command.add_argument("--verified", action="store_true", help="only events an analyst verified")
    command.add_argument("--include-rejected", action="store_true", help="also events an analyst rejected")


def _positive(text: str) -> int:
    """A count option: ASCII digits only, at least 1 and at most 10**12, so no later step overflows."""
    if not (text.isascii() and text.isdigit()) or len(text) > 13 or not 1 <= int(text) <= 10**12:
        shown = text if len(text) <= 40 else f"{text[:40]}... ({len(text)} characters)"
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 to 10**12, got {shown!r}")
    return int(text)


def _jobs(text: str) -> int:
    jobs = _positive(text)
    if jobs > MAX_JOBS:
        raise argparse.ArgumentTypeError(f"expected at most {MAX_JOBS} processes, got {text}")
    return jobs


def _day(text: str) -> dt.date:
    """A filter day; years outside 1900-2100 are refused, so date arithmetic never overflows."""
    try:
        day = dt.date.fromisoformat(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from err
    if not 1900 <= day.year <= 2100:
        raise argparse.ArgumentTypeError(f"expected a date between 1900 and 2100, got {text!r}")
    return day


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
    out = to_json(events) if args.format == "json" else to_csv(row(e) for e in events)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return EXIT_SKIPPED if skipped else 0


def read_all(paths: Sequence[str], *, max_bytes: int) -> tuple[list[Article], list[Skipped]]:
    """Read every article, telling stderr about each input that was skipped and why."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in read_paths(paths, max_bytes=max_bytes):
        if isinstance(item, Skipped) and item.not_article:
            print(f"strikemap: left out of {printable(item.path)}: {printable(item.reason)}", file=sys.stderr)
        elif isinstance(item, Skipped):
            skipped.append(item)
            print(f"strikemap: skipped {printable(item.path)}: {printable(item.reason)}", file=sys.stderr)
        else:
            articles.append(item)
    if skipped:
        print(f"strikemap: {len(skipped)} input(s) skipped, {len(articles)} article(s) read", file=sys.stderr)
    return articles, skipped


def _store(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from strikemap.store import Store

    return Store(args.db, read_only=getattr(args, "read_only", False))


def _ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from strikemap.ingest import all_cores, ingest

    store = _store(args)
    geocoder = geocoder_from(args)
    show = sys.stderr.isatty() if args.progress is None else args.progress
    tqdm.monitor_interval = 0  # no monitor thread, so extraction workers can be forked safely
    with tqdm(desc="ingest", unit=" articles", disable=not show, file=sys.stderr) as bar:
        summary = ingest(
            store,
            read_paths(args.paths, max_bytes=args.max_bytes),
            batch_size=args.batch_size,
            geocoder=geocoder,
            on_batch=bar.update,
            jobs=args.jobs or all_cores(),
        )
    print(f"store: {store.safe_url}")
    print("\n".join(summary.lines()))
    return EXIT_SKIPPED if summary.skipped else 0


def _reextract(args: argparse.Namespace) -> int:
    from strikemap.ingest import reextract

    store = _store(args)
    summary = reextract(store, geocoder=geocoder_from(args))
    print(f"store: {store.safe_url}")
    print(f"articles: {summary.present}; reports: {summary.reports}; events kept: {summary.events_updated}, "
          f"new: {summary.events_created}")  # fmt: skip
    for skipped in summary.skipped:
        print(f"  kept the old reports of {printable(skipped.path)}: {printable(skipped.reason)}")
    return EXIT_SKIPPED if summary.skipped else 0


def _quality(args: argparse.Namespace) -> int:
    from strikemap.quality import score

    if args.texts is None or not args.texts.is_dir():
        why = "no folder given" if args.texts is None else f"{printable(str(args.texts))} is not a folder"
        print(f"quality: skipped: {why} (--texts DIR or STRIKEMAP_REALTEXT); the real articles are not kept "
              f"in the repository: {args.gold.parent / 'README.md'} says how to collect them")  # fmt: skip
        return 0
    if not args.scorer.is_file():
        raise ConfigError(f"no scorer at {args.scorer} (--scorer PATH)")
    found = score(
        args.gold,
        args.texts,
        part=args.part,
        scorer=args.scorer,
        details=args.details,
        city=args.city,
        language=args.language,
    )
    if found.missing:
        names = ", ".join(found.missing)
        print(f"quality: {len(found.missing)} article(s) of the gold not in {args.texts}: {names}")
    pairs, merged = found.merged
    where = args.city or "Kyiv and Kyiv region"
    language = f", language {args.language}" if args.language else ""
    print(f"quality: {args.gold.name}, {args.part} part{language}, {where}; pairs merged {merged}/{pairs}")
    print("\n".join(found.lines))
    return 0


def _filters(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from strikemap.views import Filters

    return Filters(
        start=args.start, end=args.end, districts=tuple(args.district), weapons=tuple(args.weapon),
        sources=tuple(args.source), cities=tuple(args.city), precisions=tuple(args.precision),
        languages=tuple(args.language), verified_only=args.verified, include_rejected=args.include_rejected,
    )  # fmt: skip


def _events(args: argparse.Namespace) -> int:
    from strikemap.query import find

    print(event_table(find(_store(args), _filters(args))))
    return 0


def _show(args: argparse.Namespace) -> int:
    from strikemap.query import get

    view = get(_store(args), args.event_id)
    if view is None:
        raise ConfigError(f"no event with id {args.event_id!r} in the store")
    print(event_text(view))
    return 0


def _export(args: argparse.Namespace) -> int:
    from strikemap.query import find, ready

    store, filters = _store(args), _filters(args)
    if args.format == "json":
        views = find(store, filters)
        text, count = views_json(views), len(views)
    else:
        items = ready(store, filters, form=args.format)
        text = listings_csv(items) if args.format == "csv" else to_geojson(items)
        count = len(items)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        print(f"wrote {count} events to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _correct(args: argparse.Namespace) -> int:
    from strikemap.review import correct

    store = _store(args)
    fields = correctable.FIELDS
    given = {f.name: f.parse(text) for f in fields if (text := getattr(args, f.name)) is not None}
    if not given:
        options = [_option(f.name) for f in fields]
        raise ConfigError(f"nothing to correct: give {', '.join(options[:-1])} or {options[-1]}")
    for field, value in given.items():
        correct(store, args.event_id, field, value, note=args.note)
    print(f"corrected {', '.join(given)} of event {args.event_id}")
    return 0


def _option(field: str) -> str:
    return "--" + field.replace("_", "-")


def _status(args: argparse.Namespace) -> int:
    from strikemap.review import set_status

    set_status(_store(args), args.event_id, args.status, note=args.note)
    print(f"event {args.event_id} is {args.status}")
    return 0


def _merge(args: argparse.Namespace) -> int:
    from strikemap.review import merge

    merge(_store(args), args.keep, args.others)
    print(f"merged {', '.join(args.others)} into {args.keep}")
    return 0


def _split(args: argparse.Namespace) -> int:
    from strikemap.review import split

    new_id = split(_store(args), args.event_id, args.reports)
    print(f"moved {len(args.reports)} report(s) of {args.event_id} into new event {new_id}")
    return 0
