"""Read a Telegram channel export (Telegram Desktop's result.json): one article per post.

Helpers of strikemap.read: the export is streamed message by message, so a large one is never held whole.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from strikemap import _formats
from strikemap.errors import ConfigError, ReadError
from strikemap.language import detect
from strikemap.models import Article, Skipped

_USERNAME = re.compile(r"[A-Za-z]\w{3,31}")
_RESERVED = "c|s|joinchat|addstickers|addemoji|addlist|share|proxy|socks|iv|boost|setlanguage|login|invoice"
_LINK = re.compile(rf"\b(?:t|telegram)\.me/(?!(?:{_RESERVED})\b)([A-Za-z]\w{{3,31}})\b", re.IGNORECASE)
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(slots=True)
class Channel:
    """What an export says about its channel: read in a first pass, as it may follow the messages."""

    name: str | None = None
    id: str | None = None
    username: str | None = None
    own_posts: int = 0
    """Posts with text that the channel wrote itself (not forwarded), and the channels they link to."""
    links: Counter[str] = field(default_factory=Counter)
    spelling: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str | None:
        """What names the channel in article ids: its id, else its username or title."""
        return self.id or (self.username and self.username.lower()) or self.name

    def own_username(self) -> str | None:
        """The export's username, else the one a majority of the channel's own posts link to.

        Channels sign their posts with a link to themselves; no other channel is linked from most
        posts, so a wrong address (worse than none) needs a channel that mostly quotes one other.
        """
        if self.username:
            return self.username
        if not self.links:
            return None
        name, count = self.links.most_common(1)[0]
        return self.spelling[name] if count >= 2 and count * 2 > self.own_posts else None


@dataclass(slots=True)
class Tally:
    """Messages that are not articles, told in one line rather than one line each."""

    service: int = 0
    empty: int = 0

    def reason(self) -> str | None:
        parts = [
            _count(self.service, "service message", "service messages"),
            _count(self.empty, "post without text", "posts without text"),
        ]
        said = [p for p in parts if p]
        return " and ".join(said) + " (not articles)" if said else None


SERIES_GAP = dt.timedelta(hours=3)
"""A post follows its author's previous post when it comes at most this long after it."""
SERIES_POSTS = 3
SERIES_CHARS = 1500
"""How many earlier posts of a series a post keeps, and how much of each: enough for the attack's
lead ('Вибухи у столиці', 'Уламки впали у Дарницькому районі'), bounded in the store."""


@dataclass(slots=True)
class Series:
    """The latest run of posts of each author, so a short update ('Попередньо, двоє постраждалих')
    is read with the posts it follows: channels report one attack in a series of posts."""

    runs: dict[str, list[tuple[dt.datetime, str]]] = field(default_factory=dict)

    def follow(self, author: str, moment: dt.datetime | None, text: str) -> Followed:
        """The texts of the author's run this post follows (earliest first) and the day of the
        first of them, and note the post.

        A run breaks at a gap of more than `SERIES_GAP`, at a post out of order, and at a post
        whose time is unknown; another author's post (a forward) neither joins nor breaks it.
        """
        if moment is None:
            self.runs.pop(author, None)
            return (), None
        run = self.runs.get(author, [])
        if run and not dt.timedelta(0) <= moment - run[-1][0] <= SERIES_GAP:
            run = []
        self.runs[author] = [*run, (moment, text[:SERIES_CHARS])][-SERIES_POSTS:]
        return tuple(text for _, text in run), (run[0][0].date() if run else None)


Followed = tuple[tuple[str, ...], dt.date | None]
"""What a post follows: the texts of its series before it, and the day of the first of them."""


def with_series(article: Article, followed: Followed) -> Article:
    """The post with the posts it follows (`Article.context`, `Article.began`)."""
    context, began = followed
    if (context, began) == (article.context, article.began):
        return article
    return dataclasses.replace(article, context=context, began=began)


def series_of(posts: list[Article]) -> list[Article]:
    """Each post of one thread (sorted by time) with the posts it follows among them, as
    `read_export` would give it: for re-reading stored posts when earlier ones arrive later."""
    series = Series()
    return [with_series(a, series.follow("", a.posted, a.text)) for a in posts]


def _author(message: dict[str, object]) -> str:
    """Whose post it is: the channel forwarded from, else the sender (one for a channel's posts)."""
    forwarded = _formats.field(message.get("forwarded_from"))
    if forwarded:
        return f"forwarded:{forwarded}"
    sender = message.get("from_id", message.get("from"))
    return f"from:{sender}" if isinstance(sender, (str, int)) and not isinstance(sender, bool) else ""


def _count(number: int, one: str, many: str) -> str | None:
    return None if not number else f"{number} {one if number == 1 else many}"


@functools.cache
def kyiv() -> ZoneInfo:
    """Kyiv's time zone, under its current name or the one older time zone databases use."""
    for name in ("Europe/Kyiv", "Europe/Kiev"):
        try:
            return ZoneInfo(name)
        except ZoneInfoNotFoundError:
            continue
    raise ConfigError("no time zone data for Europe/Kyiv: install the tzdata package (pip install tzdata)")


def is_export(head: str) -> bool:
    """Whether a .json file's beginning is a chat export's: an object whose "messages" is a list."""
    scanner = _Scanner(io.StringIO(head), _formats.HEAD_BYTES, "")
    try:
        for key in scanner.members():
            if key == "messages":
                return scanner.peek() == "["
            scanner.value()
    except ReadError:
        return False
    return False


def read_export(path: Path, name: str, limit: int) -> Iterator[Article | Skipped | ReadError]:
    """Each post with text as an Article, a bad message or file as a ReadError, and at the end one
    Skipped counting the service messages and posts without text.

    `name` is the file as it is shown; `limit` caps each message (in characters).
    """
    channel = _survey(path, name, limit)
    if channel.key is None:
        yield ReadError(name, "a Telegram export without the channel's id or name")
        return
    username = channel.own_username()
    tally = Tally()
    series = Series()
    try:
        with _scanner(path, limit, name) as scanner:
            for key in scanner.members():
                if key != "messages" or scanner.peek() != "[":
                    scanner.value()
                    continue
                for number, message in enumerate(scanner.elements(), 1):
                    found = _post(message, channel, username, f"{name}#{_message_id(message) or number}")
                    if isinstance(found, str):
                        setattr(tally, found, getattr(tally, found) + 1)
                    elif isinstance(found, Article) and isinstance(message, dict):
                        author, moment = _author(message), _moment(message)
                        found = dataclasses.replace(found, thread=f"{channel.key}|{author}", posted=moment)
                        yield with_series(found, series.follow(author, moment, found.text))
                    else:
                        yield found
            scanner.end()
    except ReadError as err:
        yield err
    if reason := tally.reason():
        yield Skipped(name, reason, not_article=True)


def post_id(channel: str, message: int) -> str:
    """A post's article id: the same for every export of it, edited or not, so a newer export
    replaces its text instead of adding it again."""
    return hashlib.sha256(f"telegram:{channel}:{message}".encode()).hexdigest()[:16]


def _survey(path: Path, name: str, limit: int) -> Channel:
    """The channel's fields and the links of its own posts, from a first pass over the file.

    A broken file yields what was read before the break; the second pass reports the break.
    """
    channel = Channel()
    try:
        with _scanner(path, limit, name) as scanner:
            for key in scanner.members():
                if key == "messages" and scanner.peek() == "[":
                    for message in scanner.elements():
                        _note_links(message, channel)
                    continue
                value = scanner.value()
                if key in ("name", "id", "username"):
                    setattr(channel, key, _header(key, value))
    except ReadError:
        pass
    return channel


def _header(key: str, value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = str(value).strip()
    if key == "username":
        text = text.removeprefix("@")
        return text if _USERNAME.fullmatch(text) else None
    return " ".join(text.split()) or None


def _note_links(message: object, channel: Channel) -> None:
    if not isinstance(message, dict) or message.get("type") != "message" or message.get("forwarded_from"):
        return
    text, hrefs = _text(message)
    if not text or not text.strip():
        return
    channel.own_posts += 1
    names: dict[str, str] = {}
    for found in _LINK.finditer(" ".join([text, *hrefs])):
        names.setdefault(found[1].lower(), found[1])
    channel.links.update(names.keys())
    for lower, spelt in names.items():
        channel.spelling.setdefault(lower, spelt)


def _message_id(message: object) -> int | None:
    value = message.get("id") if isinstance(message, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _post(message: object, channel: Channel, username: str | None, where: str) -> Article | ReadError | str:
    """The message as an Article, why it cannot be read, or which kind of non-article it is."""
    if not isinstance(message, dict):
        return ReadError(where, "expected a message object")
    if message.get("type") != "message":
        return "service"
    number = _message_id(message)
    if number is None:
        return ReadError(where, "the message has no numeric id")
    text, _ = _text(message)
    if text is None:
        return ReadError(where, "'text' is neither a string nor a list of text pieces")
    body = _formats.clean(text).strip()
    if not body:
        return "empty"
    if bad := _SURROGATE.search(body):
        escape = f"\\u{ord(bad[0]):04x}"
        return ReadError(where, f"the text holds a lone surrogate {escape} at character {bad.start() + 1}")
    original = _formats.field(message.get("forwarded_from"))
    return Article(
        id=post_id(channel.key or "", number),
        path=where,
        text=body,
        source=original or channel.name,
        url=f"https://t.me/{username}/{number}" if username else None,
        published=_published(message),
        language=detect(body),
    )


def _text(message: dict[str, object]) -> tuple[str | None, list[str]]:
    """The message's text with its pieces joined, and the addresses behind its linked words."""
    value = message.get("text", message.get("text_entities", ""))
    if isinstance(value, str):
        return value, []
    if not isinstance(value, list):
        return None, []
    parts: list[str] = []
    hrefs: list[str] = []
    for piece in value:
        if isinstance(piece, str):
            parts.append(piece)
        elif isinstance(piece, dict) and isinstance(piece.get("text"), str):
            parts.append(piece["text"])
            if isinstance(href := piece.get("href"), str):
                hrefs.append(href)
        else:
            return None, []
    return "".join(parts), hrefs


def _published(message: dict[str, object]) -> dt.date | None:
    """The day in Kyiv when it was posted, so that a post's 'this night' is Kyiv's night."""
    moment = _moment(message)
    return moment.date() if moment else None


def _moment(message: dict[str, object]) -> dt.datetime | None:
    """When it was posted, as Kyiv's clock read (without a zone).

    `date_unixtime` is UTC; `date` (older exports have only it) is the exporting machine's time.
    """
    stamp = message.get("date_unixtime")
    if isinstance(stamp, str) and stamp.strip().isascii() and stamp.strip().isdigit():
        try:
            return dt.datetime.fromtimestamp(int(stamp), kyiv()).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):
            return None
    local = message.get("date")
    if isinstance(local, str):
        try:
            found = dt.datetime.fromisoformat(local.strip())
        except ValueError:
            return None
        return found.replace(tzinfo=None)
    return None


@contextmanager
def _scanner(path: Path, limit: int, name: str) -> Iterator[_Scanner]:
    try:
        with _formats.open_text(path, name) as stream:
            yield _Scanner(stream, limit, name)
    except OSError as err:
        raise ReadError(name, f"cannot read: {(err.strerror or str(err)).lower()}") from err


class _Scanner:
    """A cursor over one JSON object streamed from a file: its members, and a list member's
    elements one at a time. Anything malformed raises a ReadError, as nothing after it can be
    found again reliably."""

    def __init__(self, stream: TextIO, limit: int, where: str) -> None:
        self.chunks = _formats.Chunks(stream, where)
        self.limit, self.where = limit, where
        self.decoder = json.JSONDecoder()
        self.pos = 0
        self.element = 0

    def peek(self) -> str:
        self.pos = self.chunks.skip_space(self.pos)
        return self.chunks.char(self.pos)

    def expect(self, char: str) -> None:
        found = self.peek()
        if found != char:
            raise self._broken(f"expected {char!r}, found {found or 'the end of the file'!r}")
        self.pos += 1

    def value(self) -> object:
        self.peek()
        found = self.chunks.decode(self.decoder, self.pos, self.limit)
        if isinstance(found, str):
            raise ReadError(self.where, self._in(found))
        value, self.pos = found
        return value

    def members(self) -> Iterator[str]:
        """The object's keys; the caller reads each key's value (`value` or `elements`) before the next."""
        self.expect("{")
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            key = self.value()
            if not isinstance(key, str):
                raise self._broken("expected a key")
            self.expect(":")
            yield key
            if self.peek() == "}":
                self.pos += 1
                return
            self.expect(",")

    def elements(self) -> Iterator[object]:
        self.expect("[")
        self.element = 0
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            self.element += 1
            yield self.value()
            self.pos = self.chunks.release(self.pos)
            if self.peek() == "]":
                self.pos += 1
                self.element = 0
                return
            self.expect(",")

    def end(self) -> None:
        if self.peek():
            raise self._broken("text after the end of the export")

    def _in(self, why: str) -> str:
        """Name the message (counted from the list's start) where the file broke."""
        return f"message {self.element} of the list: {why}" if self.element else why

    def _broken(self, why: str) -> ReadError:
        where = self.chunks.where_is(self.pos)
        why = f"malformed JSON: {why} at {where}; the rest of the file is not read"
        return ReadError(self.where, self._in(why))
