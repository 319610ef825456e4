"""Extraction one article at a time, under a time budget: a slow or failing article is skipped, never fatal.

Used by the ingest (in-process and in its worker processes) and by the upload page, which runs it in a
separate process so the dashboard's server keeps answering whatever an upload holds.
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import multiprocessing.connection
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from strikemap.cluster import cluster
from strikemap.errors import ConfigError, StrikeMapError
from strikemap.extract import extract
from strikemap.extract.gazetteer import Gazetteer, default_gazetteer
from strikemap.models import Article, Event, Report, Skipped

ENV = "STRIKEMAP_ARTICLE_SECONDS"
DEFAULT_SECONDS = 30.0
"""Far above a real article (a long 50 KB one takes about a second), low enough to keep a server useful."""
STARTUP_SECONDS = 120.0
"""How long a fresh extraction process may take to import and load the gazetteer."""
_GRACE = 5.0
"""Beyond the budget, how long the parent waits before it kills a process that did not stop itself."""

logger = logging.getLogger("strikemap")

Extracted = tuple[list[Report], list[Skipped]]


class OverBudget(StrikeMapError, TimeoutError):
    """Extracting one article took longer than its time budget."""


def article_seconds(value: str | None = None) -> float:
    """The per-article budget in seconds: `value`, else $STRIKEMAP_ARTICLE_SECONDS, else DEFAULT_SECONDS."""
    text = os.environ.get(ENV, "") if value is None else value
    if not text.strip():
        return DEFAULT_SECONDS
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not 0 < seconds <= 86400:
        raise ConfigError(f"{ENV} must be a number of seconds above 0 and at most 86400, got {text!r}")
    return seconds


def over_budget(article: Article, seconds: float) -> Skipped:
    return Skipped(article.path, f"over the time budget: extraction took more than {seconds:g} s ({ENV})")


def extract_each(
    articles: Iterable[Article], *, gazetteer: Gazetteer | None = None, seconds: float | None = None
) -> Extracted:
    """Reports of every article that can be extracted in time; the others as Skipped, with why.

    An article that raises (a value out of range, a recursion too deep) or that takes longer than
    `seconds` is skipped; the rest are unaffected. The deadline interrupts Python code, the regex
    engine included, but only in a process's main thread: elsewhere use `extract_isolated`.
    """
    seconds = article_seconds() if seconds is None else seconds
    gazetteer = gazetteer or default_gazetteer()  # loaded once, not charged to the first article
    reports: list[Report] = []
    skipped: list[Skipped] = []
    for article in articles:
        try:
            _check_storable(article)
            with _deadline(seconds):
                found = extract(article, gazetteer=gazetteer)
        except OverBudget:
            skipped.append(over_budget(article, seconds))
        except Exception as err:  # one article's failure must never cost the others
            reason = f"extraction failed: {type(err).__name__}: {err}"
            skipped.append(Skipped(article.path, reason if len(reason) < 300 else reason[:297] + "..."))
        else:
            reports += found
            continue
        logger.info("skipped %s: %s", skipped[-1].path, skipped[-1].reason)
    return reports, skipped


def _check_storable(article: Article) -> None:
    for name in ("text", "title", "source", "url", "path"):
        value = getattr(article, name)
        if value is not None:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as err:
                raise ValueError(
                    f"the {name} cannot be stored: {err.reason} at character {err.start + 1}"
                ) from err


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise OverBudget in this thread after `seconds`, when this is the main thread (else no limit)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise OverBudget(f"over {seconds:g} s")

    def unraisable(hook: sys.UnraisableHookArgs) -> None:
        if not isinstance(hook.exc_value, OverBudget):
            previous_hook(hook)

    previous = signal.signal(signal.SIGALRM, expire)
    # Repeating: a handler that happens to run inside a finalizer (a __del__ or a weakref callback
    # during garbage collection) has its exception ignored, so the alarm rings again until it
    # lands; the ignored one is expected, so it is not printed as "Exception ignored in ...".
    previous_hook = sys.unraisablehook
    sys.unraisablehook = unraisable
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.05)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        sys.unraisablehook = previous_hook


def extract_isolated(
    articles: Iterable[Article], *, gazetteer: Gazetteer | None = None, seconds: float | None = None
) -> Extracted:
    """As extract_each, but in a separate process, so the calling thread is never blocked past the budget.

    The child stops an article at its deadline itself; should it not (stuck in C code, or killed), it
    is killed `_GRACE` seconds later, that article is skipped, and a fresh process takes the rest.
    """
    seconds = article_seconds() if seconds is None else seconds
    todo = list(articles)
    reports: list[Report] = []
    skipped: list[Skipped] = []
    while todo:
        done, timed_out = _run_child(todo, gazetteer, seconds, reports, skipped)
        if done < 0:
            skipped += [
                Skipped(a.path, "extraction failed: the extraction process did not start") for a in todo
            ]
            break
        if done < len(todo):  # the child was stuck on todo[done], or died there
            stuck = todo[done]
            died = Skipped(stuck.path, "extraction failed: the extraction process died on this article")
            skipped.append(over_budget(stuck, seconds) if timed_out else died)
        todo = todo[done + 1 :]
    return reports, skipped


def _run_child(
    todo: list[Article],
    gazetteer: Gazetteer | None,
    seconds: float,
    reports: list[Report],
    skipped: list[Skipped],
) -> tuple[int, bool]:
    """Extract in one child: how many articles it finished (-1: never started), and whether it timed out.

    A plain interpreter, not multiprocessing's spawn, which would re-import the caller's main
    module (in the dashboard, the Streamlit script itself).
    """
    down_read, down_write = os.pipe()
    up_read, up_write = os.pipe()
    package = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package, os.environ.get("PYTHONPATH")]))}
    command = [sys.executable, "-c", _CHILD, str(down_read), str(up_write)]
    child = subprocess.Popen(command, pass_fds=(down_read, up_write), env=env, stdin=subprocess.DEVNULL)
    os.close(down_read)
    os.close(up_write)
    send = multiprocessing.connection.Connection(down_write, readable=False)
    receive = multiprocessing.connection.Connection(up_read, writable=False)
    sender = threading.Thread(target=_send, args=(send, (todo, gazetteer, seconds)), daemon=True)
    sender.start()
    done, timed_out = -1, False
    try:
        wait = STARTUP_SECONDS
        while done < len(todo):
            if not receive.poll(wait):
                timed_out = True
                break
            message = receive.recv()
            if done >= 0:
                reports += message[0]
                skipped += message[1]
            done, wait = done + 1, seconds + _GRACE
    except (EOFError, OSError):
        pass
    finally:
        child.kill()
        child.wait()
        receive.close()
        sender.join()
    return done, timed_out


_CHILD = "import sys; from strikemap.budget import child_main; child_main(int(sys.argv[1]), int(sys.argv[2]))"


def _send(send: multiprocessing.connection.Connection, work: object) -> None:
    try:
        send.send(work)
    except OSError:  # the child is gone; the parent reports it
        pass
    finally:
        send.close()


def child_main(down: int, up: int) -> None:
    """The extraction child: read the work, say it is ready, then send each article's outcome."""
    receive = multiprocessing.connection.Connection(down, writable=False)
    send = multiprocessing.connection.Connection(up, readable=False)
    articles, gazetteer, seconds = receive.recv()
    receive.close()
    gazetteer = gazetteer or default_gazetteer()
    send.send(None)  # ready: from here on each article has its own deadline
    for article in articles:
        send.send(extract_each([article], gazetteer=gazetteer, seconds=seconds))
    send.close()


def preview(
    articles: list[Article], *, seconds: float | None = None
) -> tuple[list[Article], list[Event], list[Skipped]]:
    """For the upload page: the articles extracted in time, their events, and the skipped ones.

    Extraction runs in a child process (extract_isolated), so the server thread waits at most
    about the budget per article and keeps answering other requests meanwhile.
    """
    reports, skipped = extract_isolated(articles, seconds=seconds) if articles else ([], [])
    unread = {s.path for s in skipped}
    return [a for a in articles if a.path not in unread], cluster(reports), skipped
