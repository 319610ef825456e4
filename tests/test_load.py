"""A short, bounded load test: 20 browser sessions at once against the app on 127.0.0.1."""

from __future__ import annotations

import asyncio
import sys

from conftest import ROOT

from strikemap.store import Store

sys.path.insert(0, str(ROOT / "bench"))
import load


def test_twenty_sessions_at_once_get_every_page_without_an_error(app: tuple[str, Store]) -> None:
    url, _ = app
    result = asyncio.run(load.run(url, sessions=20, seconds=20))
    assert result.errors == []
    assert len(result.seconds) >= 20, result.summary()
