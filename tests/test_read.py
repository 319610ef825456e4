"""Tests of strikemap.read: each input format, and each way an input can be bad.

Offline; fixtures are short invented sentences under tests/fixtures/read.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import pytest

from strikemap.errors import ConfigError, ReadError
from strikemap.models import Article, Skipped
from strikemap.read import DEFAULT_MAX_BYTES, article_id, parse_published, read_paths, read_text

FIXTURES = Path(__file__).parent / "fixtures" / "read"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
UKRAINIAN = "Вночі над Києвом збили кілька дронів.\nУламки впали на дах будинку на Подолі."


def article(path: Path | str, text: str, **meta: object) -> Article:
    """The Article expected from `path`, its id worked out independently of read.py."""
    digest = hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]
    meta.setdefault("language", "en")
    return Article(id=digest, path=str(path), text=text, **meta)  # type: ignore[arg-type]


def fixture(name: str) -> Path:
    return FIXTURES / name


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.mark.parametrize(
    "name, expected",
    [
        (
            "headed.txt",
            article(
                fixture("headed.txt"),
                "Air defence worked over the city for three hours.\n"
                "Debris fell on a warehouse roof in the east.",
                title="Night of drones over the capital",
                source="Example Wire",
                url="https://news.example/night-of-drones",
                published=dt.date(2022, 10, 17),
            ),
        ),
        (
            "marked.txt",
            article(
                fixture("marked.txt"),
                "Blasts were heard in the centre this morning.\n\n"
                "The mayor asked people to stay in shelters.",
                published=dt.date(2022, 10, 17),
            ),
        ),
        (
            "headline.txt",
            article(
                fixture("headline.txt"),
                "Drones hit the capital overnight\n"
                "A fire broke out at an office building after the attack.\n"
                "No one was hurt, officials said.",
                title="Drones hit the capital overnight",
            ),
        ),
        (
            "page.html",
            article(
                fixture("page.html"),
                "Blasts shake the capital\n\n"
                "Several explosions were heard early on Monday.\n\n"
                "The mayor said a drone hit a building in the centre.",
                title="Blasts shake the capital",
                source="Example News",
                url="https://news.example/blasts",
                published=dt.date(2022, 10, 17),
            ),
        ),
        (
            "bare.html",
            article(
                fixture("bare.html"),
                "Sirens at dawn\n\nSirens sounded across the city at dawn.",
                title="Sirens at dawn",  # the main text's heading is the title of a page with none
                published=dt.date(2022, 10, 17),
            ),
        ),
    ],
)
def test_reads_one_article_per_file(name: str, expected: Article) -> None:
    assert list(read_paths([fixture(name)])) == [expected]


@pytest.mark.parametrize(
    "name, expected",
    [
        (
            "rows.jsonl",
            [
                article(
                    f"{fixture('rows.jsonl')}#1",
                    "A drone was shot down over the river.",
                    title="First",
                    source="Wire",
                    url="https://news.example/1",
                    published=dt.date(2022, 10, 17),
                ),
                Skipped(
                    f"{fixture('rows.jsonl')}#2",
                    "no text (expected a 'text', 'body' or 'content' field)",
                ),
                Skipped(f"{fixture('rows.jsonl')}#4", "'text' is a number, expected a string"),
                Skipped(
                    f"{fixture('rows.jsonl')}#5",
                    "malformed JSON: Unterminated string starting at column 10",
                ),
                article(
                    f"{fixture('rows.jsonl')}#6",
                    "Missiles were intercepted at night.",
                    published=dt.date(2022, 10, 31),
                ),
                Skipped(f"{fixture('rows.jsonl')}#7", "expected an object, got a list"),
            ],
        ),
        (
            "rows.csv",
            [
                article(
                    f"{fixture('rows.csv')}#1",
                    'Debris fell in the north, "officials" said.',
                    title="First",
                    source="Wire",
                    url="https://news.example/b1",
                    published=dt.date(2022, 10, 17),
                ),
                Skipped(f"{fixture('rows.csv')}#2", "no article text"),
                article(
                    f"{fixture('rows.csv')}#3",
                    "A long article\nover two lines.",
                    title="Second",
                    source="Wire",
                ),
            ],
        ),
        (
            "list.json",
            [
                article(f"{fixture('list.json')}#1", "An air raid alert lasted two hours.", title="One"),
                Skipped(f"{fixture('list.json')}#2", "'text' is null, expected a string"),
            ],
        ),
    ],
)
def test_dataset_rows_good_and_broken(name: str, expected: list[Article | Skipped]) -> None:
    assert list(read_paths([fixture(name)])) == expected


@pytest.mark.parametrize(
    "name, data, expected",
    [
        (
            "one.json",
            '{"text": "A single object is one article.", "date": "2022-10-17"}',
            [article("one.json", "A single object is one article.", published=dt.date(2022, 10, 17))],
        ),
        (
            "scalar.json",
            "42",
            [Skipped("scalar.json", "expected an object or a list of objects, got a number")],
        ),
        (
            "broken.json",
            '[\n  {"text": "fine"},\n  {"text": }\n]',
            [
                article("broken.json#1", "fine"),
                Skipped(
                    "broken.json#2",
                    "malformed JSON: Expecting value at line 3 column 12; the rest of the file is not read",
                ),
            ],
        ),
        (
            "untitled.csv",
            "headline,when\nSomething,2022-10-17\n",
            [
                Skipped(
                    "untitled.csv",
                    "no text column (expected text, body or content; found headline, when)",
                )
            ],
        ),
        (
            "long.csv",
            'Body,Date\n"' + "Long text. " * 20_000 + '",2022-10-17\n',
            [article("long.csv#1", ("Long text. " * 20_000).strip(), published=dt.date(2022, 10, 17))],
        ),
        (
            "windows.csv",
            b"text,title\r\n\xc2\xab\xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2\xc2\xbb,CRLF\r\n",
            [article("windows.csv#1", "«Київ»", title="CRLF", language="uk")],
        ),
    ],
)
def test_dataset_files(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    data: str | bytes,
    expected: list[Article | Skipped],
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / name, data)
    assert list(read_paths([name])) == expected


def test_rows_over_the_limit_are_skipped_and_the_rest_read(tmp_path: Path) -> None:
    long_line = json.dumps({"text": "x" * 200})
    jsonl = write(tmp_path / "big.jsonl", f'{{"text": "short"}}\n{long_line}\n{{"text": "tail"}}\n')
    csv_file = write(tmp_path / "big.csv", f"text\nshort\n{'y' * 200}\ntail\n")
    assert jsonl.stat().st_size > 100
    assert list(read_paths([jsonl, csv_file], max_bytes=100)) == [
        article(f"{jsonl}#1", "short"),
        Skipped(f"{jsonl}#2", "row too large: over 100 bytes"),
        article(f"{jsonl}#3", "tail"),
        article(f"{csv_file}#1", "short"),
        Skipped(f"{csv_file}#2", "row too large: over 100 bytes"),
        article(f"{csv_file}#3", "tail"),
    ]


def test_a_json_list_is_read_element_by_element(tmp_path: Path) -> None:
    """A list far over the limit is read whole, as long as each element is under it."""
    elements = [{"text": f"Article {i}. " + "word " * 10} for i in range(200)]
    elements[150] = {"text": "z" * 500}
    big = write(tmp_path / "big.json", json.dumps(elements, indent=1))
    assert big.stat().st_size > 20 * 100
    found = list(read_paths([big], max_bytes=100))
    assert [type(f).__name__ for f in found] == ["Article"] * 150 + ["Skipped"]
    assert found[149] == article(f"{big}#150", "Article 149. " + ("word " * 10).strip())
    assert found[-1] == Skipped(
        f"{big}#151", "element too large: over 100 characters; the rest of the file is not read"
    )


@pytest.mark.parametrize(
    "data, reason",
    [
        ('[{"text": "a"} {"text": "b"}]', "#2: malformed JSON: expected ',' or ']', found '{'"),
        ('[{"text": "a"}, {"text": "b"}] x', ": malformed JSON: text after the list's end (after element 2)"),
        ('[{"text": "a"}, {"text": "b', "#2: malformed JSON: Unterminated string starting at line 1"),
    ],
    ids=["no comma", "text after the list", "cut short"],
)
def test_a_broken_json_list_keeps_the_elements_before_the_break(
    tmp_path: Path, data: str, reason: str
) -> None:
    path = write(tmp_path / "broken.json", data)
    found = list(read_paths([path]))
    assert found[0] == article(f"{path}#1", "a")
    assert isinstance(found[-1], Skipped)
    assert f"{found[-1].path}: {found[-1].reason}".startswith(f"{path}{reason}")


def test_same_text_under_two_names_has_one_id(tmp_path: Path) -> None:
    body = "Explosions were heard in the east of the city."
    first = write(tmp_path / "a.txt", f"Title: One name\n\n{body}\n")
    second = write(tmp_path / "copy" / "b.md", f"source: elsewhere\n{body}\r\n")
    read = list(read_paths([first, second]))
    assert [item.path for item in read] == [str(first), str(second)]
    assert {item.id for item in read if isinstance(item, Article)} == {article_id(body)}
    assert read_text(body).id == article_id(body)


@pytest.mark.parametrize(
    "text, same_as",
    [
        ("Kyiv  news\n\n today", "Kyiv news today"),
        ("  Kyiv news today\t", "Kyiv news today"),
        ("Київ, Шевченківськии\u0306", "Київ, Шевченківський"),
    ],
)
def test_article_id_ignores_spacing_and_unicode_form(text: str, same_as: str) -> None:
    assert article_id(text) == hashlib.sha256(same_as.encode("utf-8")).hexdigest()[:16]


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n\t\n", "no article text"),
        ("headers-only.txt", b"Title: Nothing else\nDate: 2022-10-17\n", "no article text"),
        ("binary.txt", b"ELF\x00\x01\x02\x00\x00 more", "binary file (NUL bytes), not text"),
        (
            "picture.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "binary file (a PNG image), not text",
        ),
        ("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary file (a JPEG image), not text"),
        ("scan.html", b"%PDF-1.7\n%\xe2\xe3", "binary file (a PDF document), not text"),
        ("anim.md", b"GIF89a\x01\x00\x01\x00", "binary file (a GIF image), not text"),
        ("archive.csv", b"PK\x03\x04\x14\x00\x00\x00", "binary file (a ZIP archive), not text"),
        ("packed.jsonl", b"\x1f\x8b\x08\x00\x00\x00", "binary file (a gzip archive), not text"),
        (
            "noise.txt",
            bytes(range(128, 256)) * 3,
            "cannot decode: neither UTF-8 nor a known legacy encoding",
        ),
    ],
)
def test_bad_files_are_reported_not_raised(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = write(tmp_path / name, data)
    assert list(read_paths([path])) == [Skipped(str(path), reason)]


@pytest.mark.parametrize(
    "max_bytes, size",
    [(100, 101), (DEFAULT_MAX_BYTES, DEFAULT_MAX_BYTES + 1)],
)
def test_too_large_file_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, max_bytes: int, size: int
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as sparse:
        sparse.truncate(size)

    def must_not_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", must_not_open)
    assert list(read_paths([path], max_bytes=max_bytes)) == [
        Skipped(str(path), f"too large: {size} bytes, limit is {max_bytes}")
    ]


@pytest.mark.parametrize(
    "name, data",
    [
        ("utf16le.txt", UKRAINIAN.encode("utf-16")),
        ("utf16be.txt", codecs.BOM_UTF16_BE + UKRAINIAN.encode("utf-16-be")),
        ("utf8bom.txt", codecs.BOM_UTF8 + UKRAINIAN.encode("utf-8")),
        ("windows1251.txt", UKRAINIAN.encode("cp1251")),
        ("koi8u.txt", UKRAINIAN.encode("koi8_u")),
        ("windows1251.jsonl", json.dumps({"text": UKRAINIAN}, ensure_ascii=False).encode("cp1251")),
        ("utf16.csv", f'text\n"{UKRAINIAN}"\n'.encode("utf-16")),
    ],
)
def test_decodes_bom_and_legacy_cyrillic(tmp_path: Path, name: str, data: bytes) -> None:
    path = write(tmp_path / name, data)
    where = f"{path}#1" if path.suffix in {".jsonl", ".csv"} else str(path)
    assert list(read_paths([path])) == [article(where, UKRAINIAN, language="uk")]


def test_line_endings_and_control_characters_are_normalised(tmp_path: Path) -> None:
    path = write(tmp_path / "crlf.txt", b"\r\nFirst line.\r\nSecond\x07 line\x1b.\rThird\tline.\r\n")
    assert list(read_paths([path])) == [article(path, "First line.\nSecond line.\nThird\tline.")]


def test_missing_path_is_reported_and_the_rest_still_read(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    good = write(tmp_path / "good.txt", "Still read.")
    assert list(read_paths([missing, good])) == [
        Skipped(str(missing), "no such file or folder"),
        article(good, "Still read."),
    ]


def test_folders_are_walked_recursively_in_sorted_order() -> None:
    folder = fixture("nested")
    assert [item.path for item in read_paths([folder])] == [
        str(folder / "a.txt"),
        str(folder / "b.txt"),
        str(folder / "deeper" / "c.txt"),
        str(folder / "e.txt"),
    ]


@pytest.mark.parametrize(
    "name, data, expected",
    [
        (
            "page.xyz",
            "<html><body><p>Sniffed as a page.</p><script>x()</script></body></html>",
            "Sniffed as a page.",
        ),
        ("notes.log", "<b>Not a page</b>, only text.\n", "<b>Not a page</b>, only text."),
    ],
)
def test_explicit_unknown_suffix_is_sniffed(tmp_path: Path, name: str, data: str, expected: str) -> None:
    path = write(tmp_path / name, data)
    assert list(read_paths([path])) == [article(path, expected)]


@pytest.mark.parametrize(
    "name, data, where, reason, cause",
    [
        ("missing.txt", None, "missing.txt", "no such file or folder", FileNotFoundError),
        ("bin.txt", b"\x00\x01", "bin.txt", "binary file (NUL bytes), not text", None),
        (
            "rows.jsonl",
            b'{"text": "fine"}\n{"text": \n',
            "rows.jsonl#2",
            "malformed JSON: Expecting value at column 9",
            json.JSONDecodeError,
        ),
    ],
)
def test_on_error_raise_names_the_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    data: bytes | None,
    where: str,
    reason: str,
    cause: type[BaseException] | None,
) -> None:
    monkeypatch.chdir(tmp_path)
    if data is not None:
        write(tmp_path / name, data)
    with pytest.raises(ReadError) as raised:
        list(read_paths([name], on_error="raise"))
    assert (raised.value.path, raised.value.reason, str(raised.value)) == (
        where,
        reason,
        f"{where}: {reason}",
    )
    assert type(raised.value.__cause__) is cause if cause else raised.value.__cause__ is None


def test_permission_errors_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "file.txt", "Text.")
    folder = tmp_path / "folder"
    folder.mkdir()

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    monkeypatch.setattr(Path, "iterdir", denied)
    assert list(read_paths([path, folder])) == [
        Skipped(str(path), "cannot read: permission denied"),
        Skipped(str(folder), "cannot list folder: permission denied"),
    ]


def test_special_file_is_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert list(read_paths([fifo])) == [Skipped(str(fifo), "not a regular file")]


def test_undecodable_row_after_the_sampled_head_stops_the_file(tmp_path: Path) -> None:
    good_rows = '{"text": "An ASCII row."}\n' * 4000
    path = write(tmp_path / "mixed.jsonl", good_rows.encode() + '{"text": "Київ"}\n'.encode("cp1251"))
    read = list(read_paths([path]))
    assert read[-1] == Skipped(str(path), f"cannot decode as utf-8 after line {len(read) - 1}")
    assert {type(item) for item in read[:-1]} == {Article}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", "Secret.")
    path.chmod(0)
    assert list(read_paths([path])) == [Skipped(str(path), "cannot read: permission denied")]


@pytest.mark.parametrize(
    "options",
    [{"on_error": "ignore"}, {"max_bytes": 0}],
)
def test_bad_options_fail_at_once(options: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        read_paths(["anything"], **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "html, expected",
    [
        (
            '<p>Text.</p><time datetime="2022-10-17T21:30:00+03:00">evening</time>',
            article("<pasted>", "Text.", published=dt.date(2022, 10, 17)),
        ),
        (
            "<html><head><title> Page  title </title></head><body><h1>Big</h1><p>T.</p></body>",
            article("<pasted>", "Big\n\nT.", title="Page title"),
        ),
        (
            "<body><h1>Only heading</h1><ul><li><p>Item one.</p></li><li>Item two.</li></ul>",
            article("<pasted>", "Only heading\n\nItem one.\n\nItem two.", title="Only heading"),
        ),
        (
            (
                '<head><meta property="og:url" content="https://news.example/u"></head>'
                "<body><div>Loose text<br>on two lines</div></body>"
            ),
            article("<pasted>", "Loose text\non two lines", url="https://news.example/u"),
        ),
    ],
)
def test_read_text_html(html: str, expected: Article) -> None:
    assert read_text(html, html=True) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "TITLE: Pasted\nDATE: Oct. 17, 2022\n\nBody text.",
            article("<pasted>", "Body text.", title="Pasted", published=dt.date(2022, 10, 17)),
        ),
        (
            "Kyiv: a headline-like colon line\nBody.",
            article(
                "<pasted>",
                "Kyiv: a headline-like colon line\nBody.",
                title="Kyiv: a headline-like colon line",
            ),
        ),
        ("A single sentence with no title", article("<pasted>", "A single sentence with no title")),
        (
            "<!doctype html><html><body><p>Guessed as HTML.</p></body></html>",
            article("<pasted>", "Guessed as HTML."),
        ),
    ],
)
def test_read_text_plain(text: str, expected: Article) -> None:
    assert read_text(text) == expected


def test_read_text_without_text_raises() -> None:
    with pytest.raises(ReadError, match=r"^<pasted>: no article text$"):
        read_text(" \n\t ")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2022-10-17", dt.date(2022, 10, 17)),
        ("2022-10-17T08:00:00Z", dt.date(2022, 10, 17)),
        ("2022-10-17T23:30:00+03:00", dt.date(2022, 10, 17)),
        ("2022/10/17", dt.date(2022, 10, 17)),
        ("17.10.2022", dt.date(2022, 10, 17)),
        ("17 October 2022", dt.date(2022, 10, 17)),
        ("Monday, 17 Oct 2022 08:00:00 GMT", dt.date(2022, 10, 17)),
        ("Oct. 17, 2022", dt.date(2022, 10, 17)),
        ("October 17th, 2022", dt.date(2022, 10, 17)),
        ("Sept 1, 2022", dt.date(2022, 9, 1)),
        ("Published: May 3, 2023 at 10:00", dt.date(2023, 5, 3)),
        ("2022-02-31", None),
        ("2099-01-01", None),
        ("1989-12-31", None),
        ("31 Octember 2022", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_published(value: str, expected: dt.date | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not found at {SEEDS}")
def test_reads_the_seed_articles() -> None:
    read = list(read_paths(sorted(SEEDS.glob("0*.txt"))))
    assert [type(item) for item in read] == [Article] * 4
    first = read[0]
    assert isinstance(first, Article)
    assert (first.published, first.text.startswith("The central")) == (dt.date(2022, 10, 17), True)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("1\x002 people were killed", "1 2 people were killed"),
        ("12\x00\x01 people", "12 people"),
        ("Ky\x00iv", "Kyiv"),
        ("\ufeff3 drones", "3 drones"),
        ("line\r\nnext", "line\nnext"),
    ],
)
def test_control_characters_are_dropped_but_never_join_two_numbers(raw: str, expected: str) -> None:
    """Regression: a NUL between digits joined them, so `1\\x002` was read as 12."""
    from strikemap._formats import clean

    assert clean(raw) == expected
