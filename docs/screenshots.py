"""Retake the README's screenshots: the map on a desktop and a phone, and an event panel.

Run from the repository root with Debian's Chromium installed: ``python docs/screenshots.py``.
The app serves the demo corpus from a temporary store; nothing is fetched from the internet.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from serving import served_app  # noqa: E402

from strikemap import demo  # noqa: E402
from strikemap.query import load  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
PANEL_DAY = dt.date(2023, 5, 28)
"""The demo's 28 May 2023 drone attack: three outlets, a background report, a casualty figure."""


def settle(page: Any) -> None:
    page.wait_for_timeout(1500)
    page.wait_for_selector(IDLE, timeout=90_000)
    frame = page.wait_for_selector("iframe[title='streamlit_folium.st_folium']", timeout=60_000)
    frame.content_frame().wait_for_function("() => window.map && window.L", timeout=60_000)
    page.wait_for_timeout(2500)


def main() -> None:
    from playwright.sync_api import sync_playwright

    out = ROOT / "docs"
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        shown, _ = demo.build(tmp / "demo.sqlite")  # before the app, which finds it whole
        with (
            served_app(tmp / "own.sqlite", demo=tmp / "demo.sqlite") as url,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            desktop = browser.new_page(viewport={"width": 1440, "height": 1180})
            desktop.goto(f"{url}/")
            settle(desktop)
            desktop.screenshot(path=out / "map.png")
            phone = browser.new_page(viewport={"width": 390, "height": 1500}, is_mobile=True, has_touch=True)
            phone.goto(f"{url}/")
            settle(phone)
            phone.screenshot(path=out / "map-phone.png")
            panel = browser.new_page(viewport={"width": 1100, "height": 2600})
            (event,) = [v.event for v in load(shown) if v.event.date == PANEL_DAY]
            panel.goto(f"{url}/?event={event.id}")
            settle(panel)
            top = panel.get_by_role("heading", level=2).filter(has_text="28 May 2023").bounding_box()
            third = panel.get_by_text("Capital Herald · primary report").bounding_box()
            clip = {"x": top["x"] - 16, "y": top["y"] - 16, "width": top["width"] + 32,
                    "height": third["y"] - top["y"] - 4}  # fmt: skip
            panel.screenshot(path=out / "event-panel.png", clip=clip)
            browser.close()
    for name in ("map.png", "map-phone.png", "event-panel.png"):
        print(out / name)


if __name__ == "__main__":
    main()
