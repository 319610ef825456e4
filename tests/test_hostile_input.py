"""Hostile and broken input, ingested as a user would: each bad file named with its problem, nothing lost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from strikemap import store as st

GOOD = (
    "title: Good\nsource: Kyiv Wire\npublished: 2023-05-28\n\n"
    "Drones hit Kyiv's Obolonskyi district overnight.\n"
)
CYRILLIC = "Дрони атакували Оболонський район Києва вночі 28 травня 2023 року.\n"


def _corpus(folder: Path) -> dict[str, str]:
    """Write one file per kind of bad input (and a few good ones); returns file -> expected problem."""
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "cp1251.txt").write_bytes(CYRILLIC.encode("cp1251"))
    (folder / "utf16.txt").write_bytes(CYRILLIC.replace("Оболонський", "Подільський").encode("utf-16"))
    (folder / "control.txt").write_text(
        "Missiles hit Kyiv's\x07 Darnytskyi district\x1b on 2023-06-01.\x00\n", encoding="utf-8"
    )
    (folder / "page.html").write_text(
        "<html><head><script>window.x=1</script></head><body><nav>Home News</nav>"
        "<article><p>Drones hit Kyiv's Holosiivskyi district on 2023-05-30.</p></article></body></html>",
        encoding="utf-8",
    )
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (folder / "empty.txt").write_bytes(b"")
    with open(folder / "huge.txt", "wb") as huge:
        huge.truncate(200 * 1024 * 1024)
    (folder / "rows.jsonl").write_text(
        '{"title": "ok", "text": "Drones hit Kyiv\'s Pecherskyi district on 2023-05-29.", '
        '"published": "2023-05-29"}\n'
        "{not json}\n"
        '{"title": "no text"}\n'
        '{"title": "wrong type", "text": 42}\n'
        '{"title": "bad date", "text": "Drones hit Kyiv\'s Podilskyi district on 31 February 2099.", '
        '"published": "2099-02-31"}\n',
        encoding="utf-8",
    )
    (folder / "rows.csv").write_text(
        'title,text,published\nok,"Missiles hit Kyiv\'s Solomianskyi district on 2023-06-02.",2023-06-02\n'
        "missing text,,2023-06-02\n",
        encoding="utf-8",
    )
    return {
        "photo.txt": "binary file (a PNG image), not text",
        "empty.txt": "empty",
        "huge.txt": "too large",
        "rows.jsonl#2": "",
        "rows.jsonl#3": "",
        "rows.jsonl#4": "",
        "rows.csv#2": "",
    }


def test_bad_files_are_named_with_their_problem_and_the_rest_is_ingested(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    problems = _corpus(folder)
    db = tmp_path / "store.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "strikemap", "ingest", "--db", str(db), str(folder)],
        cwd=ROOT, capture_output=True, text=True, check=False, env={**os.environ},
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    skipped = [line for line in result.stdout.splitlines() if line.strip().startswith("skipped ")]
    for name, problem in problems.items():
        line = next((s for s in skipped if f"{folder / name}:" in s), None)
        assert line is not None, f"{name} not reported: {result.stdout}"
        assert problem in line
    assert len(skipped) == len(problems)
    store = st.Store(str(db))
    counts = st.counts(store)
    assert counts.articles == 8, result.stdout
    from strikemap.query import load

    districts = {d for v in load(store) for d in v.event.districts}
    assert districts >= {
        "Obolonskyi",
        "Podilskyi",
        "Darnytskyi",
        "Holosiivskyi",
        "Pecherskyi",
        "Solomianskyi",
    }
    assert all(v.event.date is None or v.event.date.year < 2099 for v in load(store))
