"""Read news articles from files, folders, dataset rows or pasted text.

The "read" stage: each input becomes an Article, or a Skipped naming the file or row and why.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Literal

from strikemap import _formats, _html, telegram
from strikemap.errors import ConfigError, ReadError
from strikemap.extract.dates import MONTHS
from strikemap.language import detect
from strikemap.models import Article, Skipped

OnError = Literal["skip", "raise"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""20 MB: far above any news article, low enough to refuse a stray dump or disk image.

Whole files over it are refused before being opened; .jsonl, .csv, list-holding .json files and
Telegram exports are streamed and the limit applies to each row (in UTF-8), list element or
message (in characters) instead.
"""

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
ROW_SUFFIXES = frozenset({".jsonl", ".ndjson", ".csv"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | ROW_SUFFIXES | {".json"}
"""Suffixes a folder walk picks up; a file named explicitly is read whatever its suffix."""

_DAY_MONTH = r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})(?!\d)"
_MONTH_DAY = r"\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)"
_DATE_FORMS = (
    (re.compile(r"(?<!\d)(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)"), "ymd"),
    (re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)"), "dmy"),
    (re.compile(_DAY_MONTH, re.IGNORECASE), "dmy"),
    (re.compile(_MONTH_DAY, re.IGNORECASE), "mdy"),
)
_EARLIEST_YEAR = 1990

logger = logging.getLogger("strikemap")


def read_paths(
    paths: Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_error: OnError = "skip",
) -> Iterator[Article | Skipped]:
    """Read every article in the given files and folders, lazily, one input at a time.

    Folders are walked recursively in sorted order, skipping hidden entries, symlinked
    folders and suffixes outside ARTICLE_SUFFIXES. A bad file or row becomes a Skipped
    (on_error="skip") or a ReadError (on_error="raise"); it never stops the other inputs
    when skipping. A single path may be passed bare. See DEFAULT_MAX_BYTES for the size limit.
    """
    if on_error not in ("skip", "raise"):
        raise ConfigError(f"on_error must be 'skip' or 'raise', got {on_error!r}")
    if max_bytes < 1:
        raise ConfigError(f"max_bytes must be a positive number of bytes, got {max_bytes!r}")
    if isinstance(paths, (str, Path)):
        paths = [paths]
    return _read_all(paths, max_bytes, on_error)


def read_text(text: str, *, path: str = "<pasted>", html: bool | None = None) -> Article:
    """Read pasted text as a .txt file would be read, or as HTML (html=None guesses which).

    Raises ReadError when no article text is left.
    """
    as_html = _formats.looks_like_html(text) if html is None else html
    if as_html:
        body, meta = _html.html_fields(text)
        return _article(body, path, meta)
    body, text_meta = _formats.text_fields(text)
    return _article(body, path, text_meta)


def article_id(text: str) -> str:
    """Content hash of an article body, so the same text read twice is stored once."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def parse_published(value: str) -> dt.date | None:
    """Read a publication date as news sites write it; None rather than a wrong guess."""
    for pattern, order in _DATE_FORMS:
        for match in pattern.finditer(value):
            parts = dict(zip(order, match.groups(), strict=True))
            month = _month(parts["m"])
            if month is not None:
                return _plausible_date(int(parts["y"]), month, int(parts["d"]))
    return None


def _month(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    word = word.lower()
    return next((n for n, name in enumerate(MONTHS, 1) if name.startswith(word)), None)


def _plausible_date(year: int, month: int, day: int) -> dt.date | None:
    if not _EARLIEST_YEAR <= year <= dt.date.today().year + 1:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _read_all(paths: Iterable[str | Path], max_bytes: int, on_error: OnError) -> Iterator[Article | Skipped]:
    for given in paths:
        path = Path(given)
        targets = _walk(path, on_error) if os.path.isdir(path) else iter([path])
        for target in targets:
            if isinstance(target, Skipped):
                yield target
                continue
            try:
                yield from _read_file(target, max_bytes, on_error)
            except ReadError as err:
                yield _report(err, on_error)


def _report(err: ReadError, on_error: OnError) -> Skipped:
    """Apply the failure policy to one bad input: raise it, or hand it back as a Skipped."""
    if on_error == "raise":
        raise err
    logger.debug("skipped %s: %s", printable(err.path), err.reason)
    return Skipped(printable(err.path), err.reason)


def _walk(root: Path, on_error: OnError) -> Iterator[Path | Skipped]:
    """Article files under `root`, depth first in sorted order, without recursion (any depth).

    Links never lead out of `root`: a symlinked folder is not entered, and a symlinked file is
    read only when it resolves to a file inside `root`.
    """
    inside = root.resolve()
    stack: list[Iterator[Path]] = []
    try:
        stack.append(iter(_list_folder(root)))
    except ReadError as err:
        yield _report(err, on_error)
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif entry.name.startswith("."):
            continue
        elif os.path.islink(entry):
            if entry.suffix.lower() in ARTICLE_SUFFIXES and not os.path.isdir(entry):
                yield entry if _links_inside(entry, inside) else _report(_outside(entry), on_error)
        elif os.path.isdir(entry):
            try:
                stack.append(iter(_list_folder(entry)))
            except ReadError as err:
                yield _report(err, on_error)
        elif entry.suffix.lower() in ARTICLE_SUFFIXES:
            yield entry


def _links_inside(link: Path, inside: Path) -> bool:
    try:
        return link.resolve(strict=True).is_relative_to(inside)
    except (OSError, RuntimeError):  # dangling, or a loop of links
        return False


def _outside(link: Path) -> ReadError:
    return ReadError(str(link), "symbolic link to a file outside the folder (or a broken link): not followed")


def _list_folder(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError as err:
        raise ReadError(str(folder), f"cannot list folder: {_why(err)}") from err


def _why(err: OSError) -> str:
    return (err.strerror or str(err)).lower()


def _read_file(path: Path, max_bytes: int, on_error: OnError) -> Iterator[Article | Skipped]:
    where, suffix = str(path), path.suffix.lower()
    head = _json_head(path) if suffix == ".json" else ""
    if suffix in ROW_SUFFIXES or head.startswith("["):
        yield from _read_rows(path, max_bytes, on_error)
        return
    if telegram.is_export(head):
        _check_file(path, None)
        yield from _telegram_articles(path, max_bytes, on_error)
        return
    text = _formats.decode(_load(path, max_bytes), where)
    if suffix == ".json":
        yield from _json_articles(text, where, on_error)
    else:
        sniff = suffix not in TEXT_SUFFIXES | HTML_SUFFIXES
        yield read_text(text, path=where, html=None if sniff else suffix in HTML_SUFFIXES)


def _check_file(path: Path, max_bytes: int | None) -> None:
    """Refuse missing, special, empty or oversized files from their metadata alone."""
    where = str(path)
    try:
        info = path.stat()
    except FileNotFoundError as err:
        raise ReadError(where, "no such file or folder") from err
    except OSError as err:
        raise ReadError(where, f"cannot read: {_why(err)}") from err
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(where, "not a regular file")
    if info.st_size == 0:
        raise ReadError(where, "empty file")
    if max_bytes is not None and info.st_size > max_bytes:
        raise ReadError(where, f"too large: {info.st_size} bytes, limit is {max_bytes}")


def _load(path: Path, max_bytes: int) -> bytes:
    _check_file(path, max_bytes)
    try:
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as err:
        raise ReadError(str(path), f"cannot read: {_why(err)}") from err
    if len(data) > max_bytes:
        raise ReadError(str(path), f"too large: over {max_bytes} bytes (it grew while read)")
    _formats.check_binary(data, str(path))
    return data


def _article(body: str, where: str, meta: Mapping[str, object]) -> Article:
    body = _formats.clean(body).strip()
    if not body:
        raise ReadError(where, "no article text")
    date_text = _formats.field(meta.get("published")) or _formats.field(meta.get("date"))
    fields = {name: _formats.field(meta.get(name)) for name in ("title", "source", "url")}
    for name, value in {"text": body, **fields}.items():
        _refuse_surrogates(value, name, where)
    return Article(
        id=article_id(body),
        path=printable(where),
        text=body,
        title=fields["title"],
        source=fields["source"],
        url=fields["url"],
        published=parse_published(date_text) if date_text else None,
        language=detect(body),
    )


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _refuse_surrogates(value: str | None, name: str, where: str) -> None:
    """A lone surrogate (half an emoji from a broken JSON \\u escape) cannot be hashed, stored or printed."""
    if value and (bad := _SURROGATE.search(value)):
        escape = f"\\u{ord(bad[0]):04x}"
        raise ReadError(where, f"the {name} holds a lone surrogate {escape} (half of a broken \\u escape) "
                        f"at character {bad.start() + 1}")  # fmt: skip


def printable(where: str) -> str:
    """A file name as text that can be printed and stored: undecodable bytes as \\udcXX escapes."""
    return where.encode("utf-8", "backslashreplace").decode("utf-8")


def _record_article(record: object, where: str) -> Article:
    """One dataset row: text (or body, content) plus optional title, source, url, date."""
    if not isinstance(record, dict):
        raise ReadError(where, f"expected an object, got {_kind(record)}")
    fields = {str(key).strip().lower(): value for key, value in record.items()}
    key = next((key for key in _formats.TEXT_KEYS if key in fields), None)
    if key is None:
        raise ReadError(where, "no text (expected a 'text', 'body' or 'content' field)")
    if not isinstance(fields[key], str):
        raise ReadError(where, f"'{key}' is {_kind(fields[key])}, expected a string")
    return _article(fields[key], where, fields)


def _kind(value: object) -> str:
    """Name a JSON value's type the way the file's author would."""
    if isinstance(value, bool):
        return "true/false"
    names = {str: "a string", list: "a list", dict: "an object", int: "a number"}
    names[float] = "a number"
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _parse_json(text: str, where: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        place = f"line {err.lineno} column {err.colno}" if err.lineno > 1 else f"column {err.colno}"
        reason = f"malformed JSON: {err.msg.removesuffix(' at')} at {place}"
        raise ReadError(where, reason) from err
    except (ValueError, RecursionError) as err:
        raise ReadError(where, f"malformed JSON: {err}") from err


def _json_articles(text: str, where: str, on_error: OnError) -> Iterator[Article | Skipped]:
    data = _parse_json(text, where)
    if isinstance(data, dict):
        yield _record_article(data, where)
        return
    if not isinstance(data, list):
        raise ReadError(where, f"expected an object or a list of objects, got {_kind(data)}")
    for number, record in enumerate(data, 1):
        try:
            yield _record_article(record, f"{where}#{number}")
        except ReadError as err:
            yield _report(err, on_error)


def _read_rows(path: Path, max_bytes: int, on_error: OnError) -> Iterator[Article | Skipped]:
    """Stream a .jsonl or .csv file row by row, so only a row, never the file, is held."""
    where = str(path)
    _check_file(path, None)
    try:
        with _formats.open_text(path, where) as stream:
            lines = _formats.lines(stream, max_bytes, where)
            if path.suffix.lower() == ".json":
                elements = _formats.json_array(stream, max_bytes, where)
                yield from _json_list_articles(elements, where, on_error)
            elif path.suffix.lower() == ".csv":
                yield from _csv_articles(lines, where, max_bytes, on_error)
            else:
                yield from _jsonl_articles(lines, where, max_bytes, on_error)
    except OSError as err:
        raise ReadError(where, f"cannot read: {_why(err)}") from err


def _json_head(path: Path) -> str:
    """The start of a .json file, to tell a list (streamed element by element) or a Telegram
    export (streamed message by message) from one object; "" when unreadable."""
    try:
        with path.open("rb") as raw:
            head = raw.read(_formats.HEAD_BYTES)
        encoding = _formats.guess_encoding(head, str(path), complete=len(head) < _formats.HEAD_BYTES)
    except (OSError, ReadError):
        return ""  # the whole-file path reports the problem
    return head.decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n")


def _telegram_articles(path: Path, max_bytes: int, on_error: OnError) -> Iterator[Article | Skipped]:
    """A channel export's posts; the closing count of non-articles is no error, so not raised."""
    for item in telegram.read_export(path, printable(str(path)), max_bytes):
        if isinstance(item, ReadError):
            yield _report(item, on_error)
        elif isinstance(item, Skipped) and on_error == "raise":
            logger.info("%s: %s", item.path, item.reason)
        else:
            yield item


def _json_list_articles(
    items: Iterator[object | ReadError], where: str, on_error: OnError
) -> Iterator[Article | Skipped]:
    """A JSON list's elements as articles, numbered from 1; the limit applies to each element."""
    for number, item in enumerate(items, 1):
        try:
            if isinstance(item, ReadError):
                raise item
            yield _record_article(item, f"{where}#{number}")
        except ReadError as err:
            yield _report(err, on_error)


def _jsonl_articles(
    lines: Iterator[str | None], where: str, limit: int, on_error: OnError
) -> Iterator[Article | Skipped]:
    """One JSON object per line, numbered as lines of the file; blank lines are passed over."""
    for number, line in enumerate(lines, 1):
        row = f"{where}#{number}"
        try:
            if line is None:
                raise ReadError(row, f"row too large: over {limit} bytes")
            if line.strip():
                yield _record_article(_parse_json(line.strip(), row), row)
        except ReadError as err:
            yield _report(err, on_error)


def _csv_articles(
    lines: Iterator[str | None], where: str, limit: int, on_error: OnError
) -> Iterator[Article | Skipped]:
    for number, record in _formats.csv_rows(lines, limit, where):
        row = f"{where}#{number}"
        try:
            if isinstance(record, str):
                raise ReadError(row, record)
            yield _record_article(record, row)
        except ReadError as err:
            yield _report(err, on_error)
