"""Shared fixtures: where the real seed articles live, and small helpers to make articles."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from serving import log_problems, served_app

from strikemap import demo
from strikemap.models import Article
from strikemap.read import article_id
from strikemap.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SCORER = SHARED / "eval" / "score.py"


def make_article(
    text: str, published: str | None = None, *, path: str = "passage.txt", source: str | None = None
) -> Article:
    return Article(
        id=article_id(text),
        path=path,
        text=text,
        published=dt.date.fromisoformat(published) if published else None,
        source=source,
    )


@pytest.fixture
def seeds() -> Path:
    if not (SEEDS / "gold.json").exists():
        pytest.skip(f"seed articles not found at {SEEDS} (they live in the shared folder beside the repo)")
    return SEEDS


# --- PostgreSQL --------------------------------------------------------------------------------------
# `.ci/run` installs and starts a server and exports STRIKEMAP_TEST_POSTGRES; CI sets CI=true.


def _postgres_problem(url: str | None) -> str | None:
    """Why the server at `url` can't be used, or None when a real connection succeeds."""
    if not url:
        return "STRIKEMAP_TEST_POSTGRES is not set"
    try:
        import sqlalchemy as sa
    except ImportError as exc:
        return f"SQLAlchemy is not installed ({exc})"
    try:
        engine = sa.create_engine(url, connect_args={"connect_timeout": 5})
        try:
            with engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
        finally:
            engine.dispose()
    except Exception as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        return f"STRIKEMAP_TEST_POSTGRES is set but the server does not answer: {reason}"
    return None


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """URL of the test PostgreSQL database; skips without a server, fails without one under CI=true."""
    url = os.environ.get("STRIKEMAP_TEST_POSTGRES")
    problem = _postgres_problem(url)
    if problem is None:
        assert url is not None
        return url
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must provide a PostgreSQL server: {problem} (.ci/run installs and starts one)")
    pytest.skip(f"no PostgreSQL server: set STRIKEMAP_TEST_POSTGRES or run bash .ci/run ({problem})")


@contextmanager
def fresh_postgres_database(base_url: str) -> Iterator[str]:
    """Create a new empty database beside `base_url`'s, yield its URL, then drop it."""
    import sqlalchemy as sa

    name = f"strikemap_t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}" OWNER strikemap'))
        try:
            yield sa.make_url(base_url).set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                # Only our own sessions: an autovacuum worker may be in the database too, which a
                # non-superuser may not terminate, and which DROP DATABASE stops by itself.
                conn.execute(
                    sa.text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name "
                        "AND usename = current_user AND pid <> pg_backend_pid()"
                    ),
                    {"name": name},
                )
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
    finally:
        admin.dispose()


@pytest.fixture
def fresh_postgres_url(postgres_url: str) -> Iterator[str]:
    """URL of a brand-new empty PostgreSQL database for one test, dropped afterwards."""
    with fresh_postgres_database(postgres_url) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store's URL, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "store.sqlite")
    return str(request.getfixturevalue("fresh_postgres_url"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An empty store on each database (see `store_url`), closed after the test."""
    opened = Store(store_url)
    yield opened
    opened.close()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def need_browser() -> None:
    missing = [name for name in (CHROMIUM,) if not Path(name).exists()]
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("playwright")
    if missing:
        message = f"browser tests need {', '.join(missing)} (bash .ci/run installs them)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@contextmanager
def clean_app(folder: Path) -> Iterator[str]:
    """The dashboard serving an empty user store and a demo store in ``folder``; yields its URL.

    Once the server has stopped, its log must hold no exception and no warning (deprecations
    included): the offending lines fail the test, or the last test of a module-scoped fixture as
    an error at teardown, with the whole log left in ``folder``."""
    log = folder / "server.log"
    with served_app(folder / "store.sqlite", demo=folder / "demo.sqlite", log=log) as url:
        yield url
    problems = log_problems(log.read_text(encoding="utf-8", errors="replace"))
    if problems:
        quoted = "\n".join(problems).splitlines()
        shown = "\n".join(f"    {line}" for line in quoted[:60])
        more = f"\n    ... and {len(quoted) - 60} more lines" if len(quoted) > 60 else ""
        pytest.fail(
            f"the server log holds {len(problems)} entries reporting an exception or a warning:\n"
            f"{shown}{more}\n(whole log: {log})",
            pytrace=False,
        )


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store]]:
    """The dashboard on a free port with a fresh, empty store of the user's; yields its URL and the
    store it shows: the demo's, a temp file of its own. Its server log is checked at the end."""
    need_browser()
    folder = tmp_path_factory.mktemp("app")
    shown, _ = demo.build(folder / "demo.sqlite")  # as the app would on its first page, but before it
    with clean_app(folder) as url:
        yield url, shown


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@contextmanager
def offline_context(browser: Any, **options: Any) -> Iterator[Any]:
    """A browser context that may only talk to this machine; asserts at the end it never tried not to."""
    context = browser.new_context(**options)
    left: list[str] = []

    def route(request_route: Any) -> None:
        url = request_route.request.url
        host = url.split("/")[2].rsplit(":", 1)[0] if "://" in url else ""
        if url.startswith(("data:", "blob:", "about:")) or host in ("127.0.0.1", "localhost"):
            request_route.continue_()
        else:
            left.append(url)
            request_route.abort()

    context.route("**/*", route)
    try:
        yield context
    finally:
        context.close()
    assert left == [], f"requests left the machine: {left}"


@pytest.fixture
def page(browser: Any, tmp_path: Path) -> Iterator[Any]:
    """A page that may only talk to this machine; asserts afterwards that it never tried not to."""
    with offline_context(browser, viewport={"width": 1400, "height": 1000}, accept_downloads=True) as context:
        yield context.new_page()
