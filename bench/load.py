"""A bounded load test: concurrent browser sessions loading the dashboard's pages on 127.0.0.1.

Usage: python bench/load.py URL [--sessions 20] [--seconds 60]

Each session is a headless Chromium page that loads the map, events and sources pages in turn
and times each load until the script has finished. Only 127.0.0.1 is ever requested; the run
stops by itself. Prints loads, errors and p50/p95 page times.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from dataclasses import dataclass, field

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
PAGES = ("", "events", "sources")


@dataclass
class Result:
    seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def percentile(self, share: float) -> float:
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")

    def summary(self) -> str:
        return (
            f"{len(self.seconds)} page loads, {len(self.errors)} errors; "
            f"p50 {statistics.median(self.seconds) if self.seconds else float('nan'):.2f} s, "
            f"p95 {self.percentile(0.95):.2f} s"
        )


PATIENCE_MS = 120_000
"""How long one page load may take before it counts as an error: twice the worst seen (p95 41 s)."""


def _local(url: str) -> bool:
    host = url.split("/")[2].rsplit(":", 1)[0] if "://" in url else ""
    return url.startswith(("data:", "blob:", "about:")) or host in ("127.0.0.1", "localhost")


async def _session(browser: object, url: str, until: float, number: int, result: Result) -> None:
    context = await browser.new_context()  # type: ignore[attr-defined]
    page = await context.new_page()

    async def route(request_route: object) -> None:
        target = request_route.request.url  # type: ignore[attr-defined]
        if _local(target):
            await request_route.continue_()  # type: ignore[attr-defined]
        else:
            result.errors.append(f"request left the machine: {target}")
            await request_route.abort()  # type: ignore[attr-defined]

    await context.route("**/*", route)
    page.on("pageerror", lambda error: result.errors.append(f"page error: {error}"))
    turn = number
    try:
        while time.monotonic() < until:
            path = PAGES[turn % len(PAGES)]
            turn += 1
            start = time.monotonic()
            try:
                # Twenty browsers and the server share two cores: a page may wait its turn for a while.
                await page.goto(f"{url}/{path}", timeout=PATIENCE_MS)
                await page.wait_for_selector(IDLE, timeout=PATIENCE_MS)
                await page.wait_for_timeout(100)
                await page.wait_for_selector(IDLE, timeout=PATIENCE_MS)
                if await page.locator("[data-testid='stException']").count():
                    result.errors.append(f"exception shown on /{path}")
            except Exception as err:
                result.errors.append(f"/{path}: {err.__class__.__name__}: {str(err)[:120]}")
                continue
            result.seconds.append(time.monotonic() - start)
    finally:
        await context.close()


async def run(url: str, *, sessions: int = 20, seconds: float = 60) -> Result:
    """Load the app from ``sessions`` browser pages at once for ``seconds`` seconds."""
    from playwright.async_api import async_playwright

    result = Result()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        until = time.monotonic() + seconds
        await asyncio.gather(*(_session(browser, url, until, n, result) for n in range(sessions)))
        await browser.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="the running app, e.g. http://127.0.0.1:8501")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    if not _local(args.url):
        raise SystemExit("the load test only runs against 127.0.0.1 or localhost")
    result = asyncio.run(run(args.url, sessions=args.sessions, seconds=args.seconds))
    print(f"{args.sessions} sessions for {args.seconds:.0f} s against {args.url}: {result.summary()}")
    for error in result.errors[:10]:
        print("  error:", error)


if __name__ == "__main__":
    main()
