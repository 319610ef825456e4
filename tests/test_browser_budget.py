"""A hostile upload in a real headless Chromium: the server keeps answering, the slow article is skipped.

Regression (issue 11): one 14 KB upload froze the whole Streamlit server for 16 s, health check included.
"""

from __future__ import annotations

import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import clean_app, need_browser
from test_browser import IDLE, _open

from strikemap import budget

GOOD = (
    "title: Drones over Obolon\npublished: 2023-05-29\n\n"
    "Russian drones attacked Kyiv overnight, damaging a house in Obolonskyi district. "
    "Two people were injured.\n"
)
SLOW_SENTENCE = "Russian drones attacked Kyiv overnight, damaging a house in Holosiivskyi district. "


@pytest.fixture
def budget_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The dashboard with a 0.2 s budget per article (the server reads it from its environment).

    The good article takes about 2 ms and the slow one over a second, so either side has a wide
    margin whatever the machine: at 0.5 s and 1 MB the slow article, once the extractor got faster,
    finished within its budget."""
    need_browser()
    monkeypatch.setenv(budget.ENV, "0.2")
    with clean_app(tmp_path) as url:
        yield url


def test_health_answers_during_a_hostile_upload_and_the_slow_article_is_skipped(
    budget_app: str, page: Any, tmp_path: Path
) -> None:
    good, slow = tmp_path / "good.txt", tmp_path / "slow.txt"
    good.write_text(GOOD, encoding="utf-8")
    slow.write_text("published: 2023-05-29\n\n" + SLOW_SENTENCE * 24_000, encoding="utf-8")  # about 2 MB
    waits: list[float] = []
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            started = time.monotonic()
            with urllib.request.urlopen(f"{budget_app}/_stcore/health", timeout=30) as answer:
                assert answer.read() == b"ok"
            waits.append(time.monotonic() - started)
            time.sleep(0.1)

    _open(page, f"{budget_app}/ingest")
    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    try:
        page.locator("input[type='file']").set_input_files([str(good), str(slow)])
        page.get_by_text("1 article(s) read").wait_for(timeout=90_000)
        page.wait_for_selector(IDLE, timeout=90_000)
    finally:
        stop.set()
        poller.join(timeout=60)
    text = page.evaluate("() => document.body.innerText")
    assert "Skipped upload:slow.txt: over the time budget: extraction took more than 0.2 s" in text
    assert len(waits) >= 5, "the health check was polled throughout the upload"
    assert max(waits) < 2.0, f"the server stalled: health answered after {max(waits):.1f} s"
