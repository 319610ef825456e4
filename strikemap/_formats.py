"""Turn raw bytes, markup and dataset streams into plain text and raw metadata fields.

Helpers of strikemap.read: they know file formats but build no Articles and apply no policy.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import charset_normalizer

from strikemap.errors import ReadError

HEAD_BYTES = 64 * 1024
"""How much of a streamed file is sampled to guess its encoding."""
TEXT_KEYS = ("text", "body", "content")

_SNIFF_BYTES = 8192
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
)
_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Unrestricted detection reads Ukrainian Windows-1251 as Kazakh KZ-1048, so only the legacy
# encodings our sources actually use are candidates.
_LEGACY_ENCODINGS = ["cp1251", "koi8_u", "cp866", "mac_cyrillic", "iso8859_5", "cp1252"]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]")
_BETWEEN_DIGITS = re.compile(r"(?<=\d)[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]+(?=\d)")
_HEADER = re.compile(r"(title|source|url|published|date)[ \t]*:[ \t]*(.*)", re.IGNORECASE)
_DATE_MARKER = re.compile(r"[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?![\d-])[ \t]*", re.IGNORECASE)
_HTML_START = re.compile(
    r"\s*<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p)[\s>/]", re.IGNORECASE
)
_SENTENCE_END = (".", "!", "?", "…", ":", ";", ",")


@contextmanager
def open_text(path: Path, where: str) -> Iterator[TextIO]:
    """A file as a text stream in the encoding its first bytes show, for reading row by row.

    Binary files are refused from those bytes; an OSError is left to the caller to name.
    """
    with path.open("rb") as raw:
        head = raw.read(HEAD_BYTES)
        check_binary(head, where)
        encoding = guess_encoding(head, where, complete=len(head) < HEAD_BYTES)
        raw.seek(0)
        with io.TextIOWrapper(raw, encoding=encoding, newline="") as stream:
            yield stream


def check_binary(data: bytes, where: str) -> None:
    """Refuse images, archives and other binaries, whatever their name says."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise ReadError(where, f"binary file ({kind}), not text")
    has_bom = any(data.startswith(bom) for bom, _ in _BOMS)
    head = data[:_SNIFF_BYTES]
    if not has_bom and head.count(b"\x00") * 10 > len(head):  # a stray NUL in text is stripped, not fatal
        raise ReadError(where, "binary file (NUL bytes), not text")


def guess_encoding(data: bytes, where: str, *, complete: bool = True) -> str:
    """BOM, else UTF-8, else the likeliest legacy encoding; `complete` is False for a head."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data, cp_isolation=_LEGACY_ENCODINGS).best()
    if best is None:
        raise ReadError(where, "cannot decode: neither UTF-8 nor a known legacy encoding")
    return best.encoding


def decode(data: bytes, where: str) -> str:
    encoding = guess_encoding(data, where)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise ReadError(where, f"cannot decode as {encoding} at byte {err.start}") from err


def clean(text: str) -> str:
    """Unify line endings and drop control characters, leaving every sentence as written.

    Between two digits a control character becomes a space: dropped, `1\\x002` would read as 12."""
    text = _BETWEEN_DIGITS.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub("", text)


def field(value: object) -> str | None:
    """A metadata value on one line, or None when it is missing, blank or not text."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def looks_like_html(text: str) -> bool:
    return _HTML_START.match(text[:1024].lstrip("\ufeff")) is not None


def text_fields(text: str) -> tuple[str, dict[str, str]]:
    """Body and metadata of plain text, the body kept as written for quoting.

    Metadata comes from `key: value` header lines and a leading ` date YYYY-MM-DD` marker;
    without a title header, a short first line with no final punctuation is the title.
    """
    lines = clean(text).split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    meta: dict[str, str] = {}
    while start < len(lines) and (header := _HEADER.fullmatch(lines[start].strip())):
        meta.setdefault(header[1].lower(), header[2])
        start += 1
    body = "\n".join(lines[start:]).strip("\n")
    if marker := _DATE_MARKER.match(body):
        meta.setdefault("date", marker[1])
        body = body[marker.end() :]
    if not meta.get("title") and (title := _first_line_title(body)):
        meta["title"] = title
    return body, meta


def _first_line_title(body: str) -> str | None:
    first, _, rest = body.strip().partition("\n")
    title = first.strip().lstrip("#").strip()
    if not rest.strip() or len(title) >= 150 or title.rstrip("\"'”’»)").endswith(_SENTENCE_END):
        return None
    return title or None


def lines(stream: TextIO, limit: int, where: str) -> Iterator[str | None]:
    """Lines of a stream; None stands for a line over `limit` bytes, passed over unheld."""
    number = 0
    try:
        while line := stream.readline(limit + 1):
            number += 1
            oversized = len(line.rstrip("\r\n").encode("utf-8")) > limit
            while oversized and line and not line.endswith(("\n", "\r")):
                line = stream.readline(limit + 1)
            yield None if oversized else line
    except UnicodeDecodeError as err:
        reason = f"cannot decode as {stream.encoding} after line {number}"
        raise ReadError(where, reason) from err


def csv_rows(
    source: Iterator[str | None], limit: int, where: str
) -> Iterator[tuple[int, dict[str, str] | str]]:
    """Rows after the header, numbered from 1, as {column: cell} or the reason one is bad.

    Blank lines are not rows. A header without a text column fails the whole file. The
    process-wide csv field limit is raised to at least `limit`, so long articles fit.
    """
    csv.field_size_limit(min(max(csv.field_size_limit(), limit), 2**31 - 1))
    oversized: set[int] = set()
    quotes: list[int] = []  # the quote marks on each physical line of the current row

    def physical() -> Iterator[str]:
        for number, line in enumerate(source, 1):
            if line is None:
                oversized.add(number)
            quotes.append(0 if line is None else line.count('"'))
            yield "\n" if line is None else line

    reader = csv.reader(physical())
    try:
        header = [name.strip().lower() for name in next(reader, [])]
    except csv.Error as err:
        raise ReadError(where, f"malformed CSV header: {err}") from err
    if not any(key in header for key in TEXT_KEYS):
        found = ", ".join(header) or "none"
        raise ReadError(where, f"no text column (expected text, body or content; found {found})")
    number, last_line = 0, reader.line_num
    while True:
        problem = None
        quotes.clear()
        try:
            cells = next(reader, None)
        except csv.Error as err:
            cells, problem = [], f"malformed CSV: {err}"
        span = set(range(last_line + 1, reader.line_num + 1))
        first, last_line = last_line + 1, reader.line_num
        if cells is None:
            return
        if span & oversized or sum(len(cell.encode("utf-8")) for cell in cells) > limit:
            problem = f"row too large: over {limit} bytes"
        elif len(span) > 1 and (sum(quotes) % 2 or len(cells) != len(header) or _holds_rows(cells, header)):
            problem = _swallowed(first, last_line, len(cells), len(header))
        if cells or problem:
            number += 1
            yield number, problem or dict(zip(header, cells, strict=False))


_ROW_MARKS = {
    "published": re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4}"),
    "date": re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4}"),
    "url": re.compile(r"https?://\S+"),
}
"""Cells that only a row has: a line inside a cell with one in its column is a swallowed row."""


def _holds_rows(cells: list[str], header: list[str]) -> bool:
    """Whether a multi-line cell holds lines that read as whole rows of this file.

    Two stray quotes swallow the rows between them with the right number of cells; a line
    inside a cell that splits into the header's cells, with a date or an address where the
    header has one, is such a row. A paragraph break in an article has none.
    """
    marked = [(i, _ROW_MARKS[name]) for i, name in enumerate(header) if name in _ROW_MARKS]
    if not marked:
        return False
    for cell in cells:
        for line in cell.splitlines()[1:]:
            if line.count(",") < len(header) - 1:
                continue
            row = next(csv.reader([line]), [])
            if len(row) == len(header) and all(mark.fullmatch(row[i].strip()) for i, mark in marked):
                return True
    return False


def _swallowed(first: int, last: int, cells: int, columns: int) -> str:
    """A row that spans lines with an unmatched quote or the wrong cell count swallowed its neighbours."""
    return (
        f"malformed CSV: lines {first}-{last} were read as one row ({cells} cells for {columns} columns); "
        'an unmatched " probably joined several rows: check the quoting'
    )


_CHUNK = 1 << 20
"""How much of a JSON array is read at a time: 1 MB."""
_SPACE = re.compile(r"[ \t\r\n]*")
_REST_UNREAD = "the rest of the file is not read"


def json_array(stream: TextIO, limit: int, where: str) -> Iterator[object | ReadError]:
    """The elements of a JSON array, one at a time, holding at most one element and a chunk.

    A malformed element, or one over `limit` characters, is handed back as a ReadError naming
    the element; as nothing after it can be found again reliably, it ends the reading.
    """
    decoder = json.JSONDecoder()
    reader = Chunks(stream, where)
    pos = reader.skip_space(0)
    if reader.char(pos) != "[":
        yield ReadError(where, "malformed JSON: expected a list of objects")
        return
    pos, number = reader.skip_space(pos + 1), 0
    while True:
        if reader.char(pos) == "]":
            if reader.char(reader.skip_space(pos + 1)) != "":
                yield ReadError(where, f"malformed JSON: text after the list's end (after element {number})")
            return
        if number:
            if reader.char(pos) != ",":
                instead = reader.char(pos) or "the end of the file"
                reason = f"malformed JSON: expected ',' or ']', found {instead!r}"
                yield ReadError(f"{where}#{number + 1}", reason)
                return
            pos = reader.skip_space(pos + 1)
        number += 1
        found = reader.decode(decoder, pos, limit)
        if isinstance(found, str):
            yield ReadError(f"{where}#{number}", found)
            return
        value, pos = found
        yield value
        pos = reader.skip_space(reader.release(pos))


class Chunks:
    """A growing window on a text stream, for `json_array` and the Telegram reader."""

    def __init__(self, stream: TextIO, where: str) -> None:
        self.stream, self.where = stream, where
        self.buffer, self.ended = "", False
        self.lines_before = 0
        """Line breaks in the text already dropped from the buffer, to name lines in messages."""

    def more(self, size: int = _CHUNK) -> bool:
        if self.ended:
            return False
        try:
            data = self.stream.read(size)
        except UnicodeDecodeError as err:
            raise ReadError(self.where, f"cannot decode as {getattr(self.stream, 'encoding', '?')}") from err
        self.ended = not data
        self.buffer += data
        return bool(data)

    def char(self, pos: int) -> str:
        while pos >= len(self.buffer) and self.more():
            pass
        return self.buffer[pos] if pos < len(self.buffer) else ""

    def skip_space(self, pos: int) -> int:
        while True:
            pos = _SPACE.match(self.buffer, pos).end()  # type: ignore[union-attr]
            if pos < len(self.buffer) or not self.more():
                return pos

    def release(self, pos: int) -> int:
        """Drop what is read before `pos`; the same place in the shorter buffer."""
        if pos > _CHUNK:
            self.lines_before += self.buffer.count("\n", 0, pos)
            self.buffer = self.buffer[pos:]
            return 0
        return pos

    def where_is(self, pos: int) -> str:
        line = self.lines_before + self.buffer.count("\n", 0, pos) + 1
        return f"line {line} column {pos - self.buffer.rfind(chr(10), 0, pos)}"

    def decode(self, decoder: json.JSONDecoder, pos: int, limit: int) -> tuple[object, int] | str:
        """One JSON value at `pos`, reading on while it is incomplete: (value, end) or why not."""
        while True:
            try:
                value, end = decoder.raw_decode(self.buffer, pos)
            except json.JSONDecodeError as err:
                if len(self.buffer) - pos > limit:
                    return f"malformed JSON, or an element over {limit} characters; {_REST_UNREAD}"
                if not self.more(max(_CHUNK, len(self.buffer) - pos)):  # grows geometrically: linear
                    why = err.msg.removesuffix(" at")
                    return f"malformed JSON: {why} at {self.where_is(err.pos)}; {_REST_UNREAD}"
                continue
            except RecursionError:
                return "malformed JSON: nested too deeply; the rest of the file is not read"
            if end - pos > limit:
                return f"element too large: over {limit} characters; {_REST_UNREAD}"
            return value, end
