"""One bad article never costs the others: absurd values, broken text, odd folders, slow articles.

Regression (issue 11): out-of-range dates and numbers, a lone surrogate, a 1,500-level folder and a
stray CSV quote crashed an ingest or lost rows, so its whole batch was lost on every rerun.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from strikemap import budget
from strikemap.cli import main
from strikemap.errors import ConfigError
from strikemap.extract import extract
from strikemap.ingest import Summary, ingest
from strikemap.models import Article, Skipped
from strikemap.query import load
from strikemap.read import read_paths
from strikemap.review import correct
from strikemap.store import Store, all_articles

DISTRICTS = ["Holosiivskyi", "Obolonskyi", "Podilskyi", "Darnytskyi"]
SLOW = 0.2
"""A budget no real short article comes near (they take milliseconds) and the big one far exceeds."""


def good(district: str, day: int) -> str:
    return (
        f"title: Attack on {district}\npublished: 2023-05-{day:02d}\n\n"
        f"Russian drones attacked Kyiv overnight, damaging a house in {district} district. "
        "Two people were injured.\n"
    )


def huge() -> str:
    """About 2 MB of ordinary sentences: over a second of honest work, far over the budget.

    (1 MB at a half-second budget stopped being a margin once the extractor took 0.7 s for it.)"""
    sentence = "Russian drones attacked Kyiv overnight, damaging a house in Holosiivskyi district. "
    return "published: 2023-05-29\n\n" + sentence * 24_000


BAD_TEXT = {
    "ago.txt": "published: 2023-05-29\n\nA drone hit Kyiv 1,000,000 days ago in Darnytskyi district.\n",
    "war_day.txt": "published: 2023-05-29\n\nOn day 99999999 of the war a drone hit Darnytskyi, Kyiv.\n",
    "toll.txt": "published: 2023-05-29\n\nA missile hit Kyiv's Darnytskyi district, killing "
    + "9" * 5000
    + " people.\n",
    "huge_toll.txt": "published: 2023-05-29\n\nA missile hit Kyiv's Darnytskyi district, killing "
    + "9" * 30
    + " people.\n",
}


_DEEP: list[Path] = []


def deeply(folder: Path, levels: int = 1500) -> Path:
    """A folder `levels` deep, made one level at a time (pathlib's own mkdir recurses)."""
    for _ in range(levels):
        folder = folder / "d"
        folder.mkdir()
    _DEEP.append(folder)
    return folder


@pytest.fixture(autouse=True)
def _remove_deep_folders() -> Iterator[None]:
    """Remove them bottom up: pytest's clean-up of old temporary folders recurses and would fail."""
    yield
    while _DEEP:
        folder = _DEEP.pop()
        while folder.name == "d":
            for child in folder.iterdir():
                child.unlink()
            folder.rmdir()
            folder = folder.parent


def hostile_folder(root: Path, outside: Path) -> tuple[set[str], dict[str, str]]:
    """Good articles beside one of each bad kind: the good paths and, per skipped path, a reason word."""
    root.mkdir()
    goods = set()
    for day, district in enumerate(DISTRICTS, 10):
        path = root / f"good_{district}.txt"
        path.write_text(good(district, day), encoding="utf-8")
        goods.add(str(path))
    for name, text in BAD_TEXT.items():
        (root / name).write_text(text, encoding="utf-8")
    rows = [
        {"text": "A drone hit Kyiv \ud83d in Podilskyi district."},
        {
            "text": "Russian drones attacked Kyiv overnight, hitting Shevchenkivskyi district.",
            "title": "\udc00",
        },
        {"text": good("Solomianskyi", 20)},
    ]
    (root / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    goods.add(f"{root / 'rows.jsonl'}#3")
    (root / "quote.csv").write_text(
        "title,text\nA,\"Drones hit Kyiv's Sviatoshynskyi district.\nB,Drones hit Kyiv.\nC,More.\n",
        encoding="utf-8",
    )
    deep = root / "deep"
    deep.mkdir()
    nested = deeply(deep)
    (nested / "deep.txt").write_text(good("Desnianskyi", 21), encoding="utf-8")
    goods.add(str(nested / "deep.txt"))
    outside.write_text(good("Pecherskyi", 22), encoding="utf-8")
    os.symlink(outside, root / "link.txt")
    (root / "slow.txt").write_text(huge(), encoding="utf-8")
    skipped = {
        f"{root / 'rows.jsonl'}#1": "lone surrogate \\ud83d",
        f"{root / 'rows.jsonl'}#2": "lone surrogate \\udc00",
        f"{root / 'quote.csv'}#1": "unmatched",
        str(root / "link.txt"): "outside the folder",
        str(root / "slow.txt"): "over the time budget",
    }
    return goods, skipped


def stored_paths(db: Path) -> set[str]:
    store = Store(str(db))
    try:
        with store.reading() as conn:
            return {a.path for a in all_articles(conn)}
    finally:
        store.close()


def check(summary_skipped: list[Skipped], expected: dict[str, str]) -> None:
    reasons = {s.path: s.reason for s in summary_skipped}
    assert sorted(reasons) == sorted(expected)
    assert {p: word in reasons[p] for p, word in expected.items()} == {p: True for p in expected}


@pytest.mark.parametrize("jobs, batch_size", [(1, 200), (2, 2)])
def test_library_ingest_stores_every_good_article_beside_every_bad_kind(
    tmp_path: Path, jobs: int, batch_size: int
) -> None:
    goods, expected = hostile_folder(tmp_path / "in", tmp_path / "outside.txt")
    store = Store(str(tmp_path / "s.sqlite"))
    summary = ingest(store, read_paths(tmp_path / "in"), jobs=jobs, batch_size=batch_size, seconds=SLOW)
    store.close()
    check(summary.skipped, expected)
    assert goods <= stored_paths(tmp_path / "s.sqlite")


def test_cli_ingest_stores_every_good_article_and_exits_1_naming_each_skip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    goods, expected = hostile_folder(tmp_path / "in", tmp_path / "outside.txt")
    monkeypatch.setenv(budget.ENV, str(SLOW))
    code = main(["ingest", "--db", str(tmp_path / "s.sqlite"), "-j", "1", str(tmp_path / "in")])
    out = capsys.readouterr().out
    assert code == 1
    assert [p for p, word in expected.items() if f"skipped {p}: " not in out or word not in out] == []
    assert goods <= stored_paths(tmp_path / "s.sqlite")


def test_a_rerun_completes_nothing_twice_and_skips_the_same_articles(tmp_path: Path) -> None:
    _, expected = hostile_folder(tmp_path / "in", tmp_path / "outside.txt")
    store = Store(str(tmp_path / "s.sqlite"))
    first = ingest(store, read_paths(tmp_path / "in"), seconds=SLOW)
    again = ingest(store, read_paths(tmp_path / "in"), seconds=SLOW)
    store.close()
    assert (again.added, again.present, sorted(s.path for s in again.skipped)) == (
        0,
        first.added,
        sorted(expected),
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "A drone hit Kyiv's Darnytskyi district 1,000,000 days ago.",
        "A drone hit Kyiv's Darnytskyi district 99999 years ago.",
        "On day 99999999 of the war a drone hit Kyiv's Darnytskyi district.",
        "After 99999999 months of full-scale war a drone hit Kyiv's Darnytskyi district.",
        "A drone hit Kyiv's Darnytskyi district 99999999 days later.",
    ],
)
def test_relative_dates_beyond_a_century_are_no_date_not_a_crash(sentence: str) -> None:
    article = Article(id="a", path="a.txt", text=sentence, published=dt.date(2023, 5, 29))
    reports = extract(article)
    assert [(r.districts, r.date is None or r.date.year == 2023) for r in reports] == [
        (("Darnytskyi",), True)
    ]


@pytest.mark.parametrize("published", [dt.date.max, dt.date.min])
def test_an_article_dated_at_the_calendars_ends_costs_no_other_article(published: dt.date) -> None:
    text = "Yesterday a drone hit Kyiv's Darnytskyi district. The next day another one hit it."
    odd = Article(id="odd", path="odd.txt", text=text, published=published)
    fine = Article(id="fine", path="fine.txt", text=good("Obolonskyi", 1), published=dt.date(2023, 5, 1))
    reports, skipped = budget.extract_each([odd, fine], seconds=30)
    assert "fine" in {r.article_id for r in reports}
    assert [s.path for s in skipped] in ([], ["odd.txt"])  # extracted, or skipped with a reason


@pytest.mark.parametrize("digits", ["9" * 5000, "9" * 30, "1,000,000,000"])
def test_a_toll_no_count_can_be_is_not_read(digits: str) -> None:
    text = f"A missile hit Kyiv's Darnytskyi district, killing {digits} people and injuring 3."
    reports = extract(Article(id="a", path="a.txt", text=text, published=dt.date(2023, 5, 29)))
    assert [(r.killed, r.injured) for r in reports] == [(None, 3)]


@pytest.fixture
def one_event(tmp_path: Path) -> tuple[Store, str]:
    store = Store(str(tmp_path / "s.sqlite"))
    ingest(store, [Article(id="a", path="a.txt", text=good("Obolonskyi", 1), published=dt.date(2023, 5, 1))])
    return store, load(store)[0].event.id


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("date", "9999-12", "out of range"),
        ("date", "0001-01-01", "out of range"),
        ("date", (dt.date.today() + dt.timedelta(days=40)).strftime("%Y-%m-%d"), "out of range"),
        ("killed", 10**30, "from 0 to 1,000,000"),
        ("injured", -1, "from 0 to 1,000,000"),
    ],
)
def test_a_correction_out_of_range_is_refused_and_the_event_still_loads(
    one_event: tuple[Store, str], field: str, value: object, message: str
) -> None:
    store, event_id = one_event
    with pytest.raises(ConfigError, match=message):
        correct(store, event_id, field, value)
    assert [v.event.id for v in load(store)] == [event_id]


@pytest.mark.parametrize(
    "args, message",
    [
        (["events", "--from", "0001-01-01"], "between 1900 and 2100"),
        (["events", "--to", "9999-12-31"], "between 1900 and 2100"),
        (["ingest", "--jobs", "²", "x"], "whole number"),
        (["ingest", "--batch-size", "9" * 5000, "x"], "characters"),
        (["ingest", "--max-bytes", "9" * 40, "x"], "whole number"),
        (["ingest", "--jobs", "100000", "x"], "at most 256"),
    ],
)
def test_cli_options_out_of_range_are_usage_errors(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("killed", ["²", "9" * 5000, "1e3", "-1"])
def test_cli_correct_refuses_a_count_that_is_not_plain_digits(
    one_event: tuple[Store, str], killed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store, event_id = one_event
    code = main(["correct", "--db", store.url, event_id, "--killed", killed])
    err = capsys.readouterr().err
    assert (code, "expected a number of people" in err, len(err) < 300) == (2, True, True)


def test_cli_correct_refuses_a_date_beyond_today(
    one_event: tuple[Store, str], capsys: pytest.CaptureFixture[str]
) -> None:
    store, event_id = one_event
    assert main(["correct", "--db", store.url, event_id, "--date", "9999-12"]) == 2
    assert "out of range" in capsys.readouterr().err
    assert main(["events", "--db", store.url]) == 0


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
@pytest.mark.parametrize("field", ["text", "title", "source"])
def test_a_lone_surrogate_skips_its_row_and_keeps_the_others(tmp_path: Path, suffix: str, field: str) -> None:
    rows = [{"text": good("Obolonskyi", 1)}, {"text": good("Podilskyi", 2), field: "broken \ud83d emoji"}]
    path = tmp_path / f"rows{suffix}"
    lines = [json.dumps(r) for r in rows]  # json.dumps writes the lone surrogate as a \ud83d escape
    path.write_text("[" + ",".join(lines) + "]" if suffix == ".json" else "\n".join(lines), encoding="utf-8")
    items = list(read_paths(path))
    assert [(type(i).__name__, i.path) for i in items] == [("Article", f"{path}#1"), ("Skipped", f"{path}#2")]
    assert f"the {field} holds a lone surrogate \\ud83d" in items[1].reason  # type: ignore[union-attr]


def test_a_folder_1500_levels_deep_is_walked(tmp_path: Path) -> None:
    nested = deeply(tmp_path)
    (nested / "a.txt").write_text(good("Obolonskyi", 1), encoding="utf-8")
    (tmp_path / "b.txt").write_text(good("Podilskyi", 2), encoding="utf-8")
    assert [i.path for i in read_paths(tmp_path)] == [str(tmp_path / "b.txt"), str(nested / "a.txt")]


def test_links_inside_the_folder_are_read_links_out_of_it_are_reported(tmp_path: Path) -> None:
    folder, outside = tmp_path / "in", tmp_path / "secret.txt"
    (folder / "sub").mkdir(parents=True)
    outside.write_text(good("Pecherskyi", 3), encoding="utf-8")
    (folder / "sub" / "a.txt").write_text(good("Obolonskyi", 1), encoding="utf-8")
    os.symlink(folder / "sub" / "a.txt", folder / "inside.txt")
    os.symlink(outside, folder / "out.txt")
    os.symlink(tmp_path, folder / "up")  # a linked folder is never entered
    os.symlink(tmp_path / "missing.txt", folder / "broken.txt")
    items = {Path(i.path).name: getattr(i, "reason", "read") for i in read_paths(folder)}
    outside_reason = "symbolic link to a file outside the folder (or a broken link): not followed"
    assert items == {
        "a.txt": "read",
        "inside.txt": "read",
        "out.txt": outside_reason,
        "broken.txt": outside_reason,
    }
    assert [Path(i.path).name for i in read_paths(folder / "out.txt")] == ["out.txt"], "named, it is read"


@pytest.mark.parametrize(
    "csv_text, read, bad",
    [
        ('title,text\nA,"Drones hit Obolonskyi.\nB,Drones hit Podilskyi.\nC,More.\n', [], ["#1"]),
        ('text,title\n"Drones hit Obolonskyi.\nB\n"x","y",z\n', [], ["#1"]),
        (
            'title,text\nA,"Drones hit Obolonskyi.\n\nThey ""said"" so."\nB,Drones hit Podilskyi.\n',
            ["#1", "#2"],
            [],
        ),
        ('title,text\nA,Drones hit Obolonskyi 5" away.\nB,Drones hit Podilskyi.\n', ["#1", "#2"], []),
        (
            "title,text,published\n"
            'A,"Drones hit Obolonskyi.,2024-05-01\n'
            "B,Drones hit Podilskyi.,2024-05-02\n"
            'C,More" here,2024-05-03\n'
            "D,Drones hit Pecherskyi.,2024-05-04\n",
            ["#2"],
            ["#1"],
        ),
        (
            "title,text,published\n"
            'A,"Drones hit Obolonskyi.\nLater, officials said, 2 were hurt, 2024-05-01",2024-05-01\n',
            ["#1"],
            [],
        ),
    ],
    ids=[
        "stray-quote-to-the-end",
        "stray-quote-wrong-cell-count",
        "multi-line-cell",
        "inch-mark",
        "two-stray-quotes-right-cell-count",
        "paragraph-with-commas",
    ],
)
def test_a_stray_csv_quote_is_reported_not_swallowed(
    tmp_path: Path, csv_text: str, read: list[str], bad: list[str]
) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(csv_text, encoding="utf-8")
    items = list(read_paths(path))
    rows = {
        kind: [i.path.removeprefix(str(path)) for i in items if isinstance(i, kind)]
        for kind in (Article, Skipped)
    }
    assert (rows[Article], rows[Skipped]) == (read, bad)
    assert all("unmatched" in i.reason for i in items if isinstance(i, Skipped))


def articles_with_one_slow() -> list[Article]:
    texts = [good("Obolonskyi", 1), huge(), good("Podilskyi", 2)]
    return [
        Article(id=str(n), path=f"{n}.txt", text=t, published=dt.date(2023, 5, 29))
        for n, t in enumerate(texts)
    ]


@pytest.mark.parametrize(
    "run", [budget.extract_each, budget.extract_isolated], ids=["in-process", "isolated"]
)
def test_an_article_over_budget_is_skipped_and_the_others_extracted(
    run: Callable[..., budget.Extracted],
) -> None:
    reports, skipped = run(articles_with_one_slow(), seconds=SLOW)
    assert sorted({r.article_id for r in reports}) == ["0", "2"]
    assert skipped == [budget.over_budget(articles_with_one_slow()[1], SLOW)]
    assert "1.txt" in skipped[0].path and "over the time budget" in skipped[0].reason


def test_an_ingest_off_the_main_thread_is_still_bounded(tmp_path: Path) -> None:
    """The dashboard saves from a script thread, where no alarm can interrupt: a child process does."""
    store = Store(str(tmp_path / "s.sqlite"))
    done: list[Summary] = []
    worker = threading.Thread(
        target=lambda: done.append(ingest(store, articles_with_one_slow(), seconds=SLOW))
    )
    worker.start()
    worker.join()
    assert [(s.added, [k.path for k in s.skipped]) for s in done] == [(2, ["1.txt"])]


def test_an_article_that_raises_is_skipped_with_its_name_and_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the next unforeseen exception is, it costs one article, not the batch."""
    real = budget.extract

    def fragile(article: Article, **options: object) -> object:
        if "Podilskyi" in article.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(article, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(budget, "extract", fragile)
    articles = [a for a in articles_with_one_slow() if a.path != "1.txt"]
    reports, skipped = budget.extract_each(articles, seconds=SLOW)
    assert ({r.article_id for r in reports}, skipped) == (
        {"0"},
        [Skipped("2.txt", "extraction failed: RecursionError: maximum recursion depth exceeded")],
    )


class _Finalized:
    """An object whose finalizer is busy for a while, or fails, as garbage collection runs it."""

    def __init__(self, fails: bool) -> None:
        self.fails = fails

    def __del__(self) -> None:
        if self.fails:
            raise ValueError("a finalizer's own failure")
        end = time.monotonic() + 4 * SLOW
        while time.monotonic() < end:  # the budget runs out in here
            pass


@pytest.mark.parametrize("fails", [False, True], ids=["alarm in a finalizer", "finalizer fails"])
def test_an_alarm_in_a_finalizer_is_rung_again_and_not_printed(
    monkeypatch: pytest.MonkeyPatch, fails: bool
) -> None:
    """Python ignores an exception raised in a finalizer and prints "Exception ignored in ...".
    The budget's alarm must ring again until it stops the article, print nothing, and leave a
    finalizer's own failure to be reported as before."""
    ignored: list[BaseException | None] = []

    def record(hook: sys.UnraisableHookArgs) -> None:
        ignored.append(hook.exc_value)

    monkeypatch.setattr(sys, "unraisablehook", record)

    def collecting(article: Article, **options: object) -> object:
        _Finalized(fails)  # freed at once: its finalizer runs inside the budget
        end = time.monotonic() + 20 * SLOW
        while time.monotonic() < end:  # the alarm that rings again stops this
            pass
        return []

    monkeypatch.setattr(budget, "extract", collecting)
    article = Article(id="gc", path="gc.txt", text="Drones hit Kyiv.", published=dt.date(2023, 5, 29))
    assert budget.extract_each([article], seconds=SLOW) == ([], [budget.over_budget(article, SLOW)])
    assert [type(err) for err in ignored] == ([ValueError] if fails else [])
    assert sys.unraisablehook is record, "the hook in place before is back"


@pytest.mark.parametrize("value", ["0", "-1", "abc", "nan", "inf", "1e9"])
def test_a_bad_budget_setting_is_refused_with_its_name(value: str) -> None:
    with pytest.raises(ConfigError, match=budget.ENV):
        budget.article_seconds(value)


@pytest.mark.parametrize("value, seconds", [("", budget.DEFAULT_SECONDS), ("2.5", 2.5), (" 10 ", 10.0)])
def test_the_budget_setting(value: str, seconds: float) -> None:
    assert budget.article_seconds(value) == seconds


def test_reextraction_keeps_the_reports_of_an_article_that_now_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A re-run of the extractor over the store must not lose an article the new code cannot read."""
    from strikemap.ingest import reextract

    store = Store(f"sqlite:///{tmp_path / 'events.db'}")
    for number, district in enumerate(DISTRICTS):
        (tmp_path / f"{number}.txt").write_text(good(district, 10 + number), encoding="utf-8")
    ingest(store, read_paths([tmp_path]), jobs=1)
    before = sorted((e.date, e.districts) for e in load(store))
    real = budget.extract

    def fragile(article: Article, **options: object) -> object:
        if "Podilskyi" in article.text:
            raise OverflowError("date value out of range")
        return real(article, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(budget, "extract", fragile)
    summary = reextract(store)
    assert [(Path(s.path).name, s.reason) for s in summary.skipped] == [
        ("2.txt", "extraction failed: OverflowError: date value out of range")
    ]
    assert sorted((e.date, e.districts) for e in load(store)) == before
