"""A Telegram channel export uploaded in a real headless Chromium, as an analyst adds one.

Regression (issue 13): a channel's service messages were reported in red as a skipped input, as if
the export were damaged.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, clean_app, need_browser
from test_browser import IDLE, _open

EXPORT = ROOT / "tests" / "fixtures" / "telegram" / "result.json"


@pytest.fixture
def app(tmp_path: Path) -> Iterator[str]:
    need_browser()
    with clean_app(tmp_path) as url:
        yield url


def test_an_uploaded_export_reads_its_posts_and_tells_what_it_left_out_without_an_error(
    app: str, page: Any, tmp_path: Path
) -> None:
    _open(page, f"{app}/ingest")
    page.locator("input[type='file']").set_input_files([str(EXPORT)])
    page.get_by_text("7 article(s) read").wait_for(timeout=90_000)
    page.wait_for_selector(IDLE, timeout=90_000)
    info = page.locator("[data-testid='stAlertContentInfo']").all_inner_texts()
    assert any("Left out of upload:result.json: 2 service messages" in text for text in info), info
    assert page.locator("[data-testid='stAlertContentError']").count() == 0
    page.screenshot(path=str(tmp_path / "telegram_upload.png"), full_page=True)
