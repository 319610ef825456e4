"""Uploaded and pasted articles: untrusted names made harmless, bad files reported, nothing left behind."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from conftest import ROOT

from strikemap import uploads
from strikemap.errors import ConfigError
from strikemap.models import Article, Skipped
from strikemap.read import DEFAULT_MAX_BYTES, article_id
from strikemap.uploads import Given, clean_name, fill_in, given, read_uploads

GOOD = (
    b"title: Drones over Podil\nsource: Kyiv Wire\npublished: 2023-05-16\n\n"
    b"Russian drones struck Kyiv's Podilskyi district overnight, officials said.\n"
)
GOOD_BODY = "Russian drones struck Kyiv's Podilskyi district overnight, officials said."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
JSONL = (
    b'{"text": "Drones hit Kyiv overnight.", "source": "Podil Post"}\n'
    b"{broken\n"
    b'{"text": "Missiles hit Kyiv.", "published": "2023-06-24"}\n'
)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("report.txt", "report.txt"),
        ("../../etc/passwd", "passwd"),
        ("/etc/passwd", "passwd"),
        ("a;rm -rf ~.txt", "a_rm -rf _.txt"),
        ("$(reboot).html", "_reboot_.html"),
        ("`id`.txt", "_id_.txt"),
        ("C:\\Users\\me\\report.txt", "report.txt"),
        ("..\\..\\Windows\\System32\\drivers\\etc\\hosts", "hosts"),
        ("\\\\server\\share\\news.csv", "news.csv"),
        ("a\x00b.txt", "a_b.txt"),
        ("line\nbreak.txt", "line_break.txt"),
        ("Київ новини.txt", "Київ новини.txt"),
        (".bashrc", "bashrc"),
        ("..", "upload"),
        ("../", "upload"),
        ("", "upload"),
        ("   ", "upload"),
        ("x" * 200 + ".txt", "x" * 120),
    ],
)
def test_clean_name(name: str, expected: str) -> None:
    assert clean_name(name) == expected


@pytest.mark.parametrize("name", ["../../etc/passwd", "a;rm -rf ~.txt", "$(reboot).html", "C:\\x\\..\\y.txt"])
def test_clean_name_has_no_path_or_shell_characters(name: str) -> None:
    assert [c for c in "/\\;$()`~:\x00" if c in clean_name(name)] == []


def test_good_text_file() -> None:
    assert read_uploads([("../../report.txt", GOOD)]) == (
        [
            Article(
                id=article_id(GOOD_BODY),
                path="upload:report.txt",
                text=GOOD_BODY,
                title="Drones over Podil",
                source="Kyiv Wire",
                published=dt.date(2023, 5, 16),
                language="en",
            )
        ],
        [],
    )


def test_png_renamed_txt_is_skipped_under_its_cleaned_name() -> None:
    articles, skipped = read_uploads([("../../$(photo).txt", PNG)])
    assert (articles, skipped) == ([], [Skipped("upload:_photo_.txt", "binary file (a PNG image), not text")])
    assert tempfile.gettempdir() not in skipped[0].path + skipped[0].reason
    assert "strikemap-upload-" not in skipped[0].path + skipped[0].reason


def test_jsonl_with_one_broken_row() -> None:
    articles, skipped = read_uploads([("news.jsonl", JSONL)])
    assert articles == [
        Article(
            id=article_id("Drones hit Kyiv overnight."),
            path="upload:news.jsonl#1",
            text="Drones hit Kyiv overnight.",
            source="Podil Post",
            language="en",
        ),
        Article(
            id=article_id("Missiles hit Kyiv."),
            path="upload:news.jsonl#3",
            text="Missiles hit Kyiv.",
            published=dt.date(2023, 6, 24),
            language="en",
        ),
    ]
    assert skipped == [
        Skipped(
            "upload:news.jsonl#2",
            "malformed JSON: Expecting property name enclosed in double quotes at column 2",
        )
    ]


def test_pasted_text() -> None:
    pasted = "title: Pasted\nsource: Left Bank News\n\nA missile hit Kyiv's Darnytskyi district.\n"
    assert read_uploads([], pasted=pasted) == (
        [
            Article(
                id=article_id("A missile hit Kyiv's Darnytskyi district."),
                path="pasted text",
                text="A missile hit Kyiv's Darnytskyi district.",
                title="Pasted",
                source="Left Bank News",
                language="en",
            )
        ],
        [],
    )


@pytest.mark.parametrize("pasted", ["", "   \n\t "])
def test_blank_paste_is_nothing(pasted: str) -> None:
    assert read_uploads([], pasted=pasted) == ([], [])


def test_files_and_paste_together_keep_their_order() -> None:
    articles, skipped = read_uploads(
        [("b.txt", GOOD), ("photo.txt", PNG), ("news.jsonl", JSONL)], pasted="Drones hit Kyiv."
    )
    assert [a.path for a in articles] == [
        "upload:b.txt",
        "upload:news.jsonl#1",
        "upload:news.jsonl#3",
        "pasted text",
    ]
    assert [s.path for s in skipped] == ["upload:photo.txt", "upload:news.jsonl#2"]


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("empty.txt", b"", Skipped("upload:empty.txt", "empty file")),
        ("header.txt", b"title: only a header\n", Skipped("upload:header.txt", "no article text")),
        ("big.txt", b"x" * 64, Skipped("big.txt", "too large (64 bytes; the limit is 32)")),
    ],
)
def test_bad_files_are_reported(name: str, content: bytes, expected: Skipped) -> None:
    assert read_uploads([(name, content)], max_bytes=32) == ([], [expected])


def test_paste_with_no_article_text_is_reported_not_raised() -> None:
    """Regression: a pasted header with no body raised ReadError (and broke the ingest page)."""
    assert read_uploads([], pasted="title: only a header\n") == (
        [],
        [Skipped("pasted text", "no article text")],
    )


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Path]]:
    """A private temp root and an empty working folder, three levels deep so ../../ stays inside."""
    temp, work = tmp_path / "tmp", tmp_path / "a" / "b" / "work"
    temp.mkdir()
    work.mkdir(parents=True)
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.chdir(work)
    yield temp, work


def test_nothing_is_written_outside_the_temp_folder(
    sandbox: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp, _ = sandbox
    read_paths = uploads.read_paths
    seen: list[Path] = []

    def spy(paths: Iterable[Path], *, max_bytes: int) -> Iterator[Article | Skipped]:
        for path in paths:
            seen.append(Path(path))
            assert Path(path).resolve().parent.parent == temp.resolve()
            assert Path(path).is_file()
        return read_paths(paths, max_bytes=max_bytes)

    monkeypatch.setattr(uploads, "read_paths", spy)
    names = [
        "../../evil.txt",
        "../../../../escaped.txt",
        "..\\..\\win.txt",
        str(tmp_path / "abs.txt"),
        "a;b.txt",
    ]
    articles, skipped = read_uploads([(n, GOOD) for n in names])
    assert (len(articles), skipped) == (5, [])
    assert [p.name for p in seen] == [
        "000-evil.txt",
        "001-escaped.txt",
        "002-win.txt",
        "003-abs.txt",
        "004-a_b.txt",
    ]
    assert _files(tmp_path) == ["a", os.path.join("a", "b"), os.path.join("a", "b", "work"), "tmp"]
    assert [p.exists() for p in seen] == [False] * 5
    assert [a.path for a in articles] == [
        "upload:evil.txt",
        "upload:escaped.txt",
        "upload:win.txt",
        "upload:abs.txt",
        "upload:a_b.txt",
    ]


def test_temp_folder_is_removed_even_when_every_file_is_bad(sandbox: tuple[Path, Path]) -> None:
    temp, work = sandbox
    read_uploads([("photo.txt", PNG), ("empty.txt", b""), ("../x.jsonl", b"{broken\n")])
    assert (_files(temp), _files(work)) == ([], [])


# --- what the form says about articles that do not say it --------------------------------------------

TODAY = dt.date(2024, 9, 10)
BAD_DATE = "Published date: expected a day as YYYY-MM-DD, such as 2023-05-29; got "
BAD_URL = "Article URL: expected a web address starting with http:// or https://; got "


@pytest.mark.parametrize(
    "outlet, published, url, expected",
    [
        ("", "", "", Given()),
        (
            " Kyiv Wire ",
            "2023-05-29",
            "https://kyivwire.example/a",
            Given("Kyiv Wire", dt.date(2023, 5, 29), "https://kyivwire.example/a"),
        ),
        ("", " 2024-09-10 ", "  ", Given(None, TODAY, None)),
        ("", "", "http://x.example", Given(None, None, "http://x.example")),
    ],
)
def test_given_reads_the_form(outlet: str, published: str, url: str, expected: Given) -> None:
    assert given(outlet=outlet, published=published, url=url, today=TODAY) == expected


@pytest.mark.parametrize(
    "published, url, message",
    [
        ("29/05/2023", "", BAD_DATE + "'29/05/2023'."),
        ("2023-05", "", BAD_DATE + "'2023-05'."),
        ("20230529", "", BAD_DATE + "'20230529'."),
        ("2023-02-30", "", BAD_DATE + "'2023-02-30'."),
        ("2024-09-11", "", "Published date: 2024-09-11 is in the future."),
        ("", "javascript:alert(1)", BAD_URL + "'javascript:alert(1)'."),
        ("", "kyivwire.example/a", BAD_URL + "'kyivwire.example/a'."),
        ("", "/srv/a.txt", BAD_URL + "'/srv/a.txt'."),
    ],
)
def test_given_refuses_a_bad_date_or_address(published: str, url: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        given(published=published, url=url, today=TODAY)
    assert str(caught.value) == message


def _bare(path: str, **fields: object) -> Article:
    return Article(**({"id": path, "path": path, "text": "Drones hit Kyiv."} | fields))  # type: ignore[arg-type]


FORM = Given("Form Wire", dt.date(2023, 5, 29), "https://form.example/a")


@pytest.mark.parametrize(
    "articles, expected, notes",
    [
        ([_bare("a")], [("Form Wire", dt.date(2023, 5, 29), "https://form.example/a")], []),
        (
            [_bare("a", source="Kyiv Wire", published=dt.date(2023, 6, 1), url="https://kw.example/1")],
            [("Kyiv Wire", dt.date(2023, 6, 1), "https://kw.example/1")],
            [],
        ),
        (
            [_bare("a", source="Kyiv Wire")],
            [("Kyiv Wire", dt.date(2023, 5, 29), "https://form.example/a")],
            [],
        ),
        (
            [_bare("a", url="javascript:alert(1)")],
            [("Form Wire", dt.date(2023, 5, 29), "https://form.example/a")],
            [],
        ),
        (
            [_bare("a"), _bare("b", url="https://kw.example/2")],
            [
                ("Form Wire", dt.date(2023, 5, 29), None),
                ("Form Wire", dt.date(2023, 5, 29), "https://kw.example/2"),
            ],
            ["The article URL was not used: it names one article, and 2 were read."],
        ),
        ([], [], ["The article URL was not used: it names one article, and 0 were read."]),
    ],
    ids=[
        "fills-everything",
        "file-wins",
        "fills-the-gaps",
        "bad-file-url-replaced",
        "url-needs-one-article",
        "none",
    ],
)
def test_fill_in_gives_what_the_files_do_not_say(
    articles: list[Article], expected: list[tuple[object, ...]], notes: list[str]
) -> None:
    filled, said = fill_in(articles, FORM)
    assert ([(a.source, a.published, a.url) for a in filled], said) == (expected, notes)
    assert [(a.id, a.path, a.text) for a in filled] == [(a.id, a.path, a.text) for a in articles]


@pytest.mark.parametrize("extra", [0, 1, 3])
def test_files_past_the_limit_are_named_and_skipped(extra: int) -> None:
    """Regression: any number of files was read in one upload."""
    text = b"Drones hit Kyiv's Darnytskyi district on 2023-05-28.\n"
    files = [(f"f{n:03d}.txt", text + str(n).encode()) for n in range(uploads.MAX_FILES + extra)]
    articles, skipped = read_uploads(files)
    reason = f"not read: at most {uploads.MAX_FILES} files at a time; add it in another round"
    assert (len(articles), skipped) == (
        uploads.MAX_FILES,
        [Skipped(name, reason) for name, _ in files[uploads.MAX_FILES :]],
    )


def test_the_tables_own_csv_button_is_off() -> None:
    """Streamlit's table toolbar writes a cell from an article such as =HYPERLINK(...) as it is;
    the pages' own downloads neutralise it, so the toolbar's is switched off."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True


def test_the_upload_size_limit_is_the_readers() -> None:
    """Regression: the dashboard took 50 MB per file where the reader and the README said 20 MB."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert config["server"]["maxUploadSize"] * 2**20 == uploads.UPLOAD_MB * 2**20 == DEFAULT_MAX_BYTES
    assert f"at most {uploads.MAX_FILES} files" in readme
