"""The dashboard served for a test or a benchmark, and the reading of its server log.

Tests, ``bench/browser.py`` and ``docs/screenshots.py`` start the real app the same way, so it lives
here with the tests that check it rather than in the package: it runs the repository's ``app.py``
(or, for a benchmark's baseline, the pages' script alone).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def served_app(
    db: str | Path,
    demo: str | Path | None = None,
    log: str | Path | None = None,
    script: str = "app.py",
) -> Iterator[str]:
    """``streamlit run app.py`` on a free port of 127.0.0.1 serving the store ``db``; yields its URL
    once the server answers.

    ``demo``: where the demo store lives (shown while ``db`` is empty), instead of the cache folder.
    ``log``: a file to keep the server's output in (stdout and stderr), complete once the block ends;
    without it the output goes to a temporary file and is shown only if the server fails to start.
    ``script``: what to run instead of ``app.py``, such as ``streamlit_app.py`` (no warm-up)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
        "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    env = {**os.environ, "STRIKEMAP_DB": str(Path(db).resolve())}
    if demo is not None:
        env["STRIKEMAP_DEMO_DB"] = str(Path(demo).resolve())
    with open(log, "w+b") if log is not None else tempfile.TemporaryFile() as output:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(url, server, output)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)


LOG_PROBLEM = re.compile(
    r"Traceback|Uncaught|Exception|Error\b|\w*Warning\b|deprecat|will be removed|no longer supported",
    re.IGNORECASE,
)
"""A line of a server log that reports an exception or a warning, deprecations included: Python's
traceback and ``warnings`` lines, Streamlit's "Uncaught app execution", its deprecation notes and
its "WARNING:" console messages."""
LOG_ENTRY = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
"""Streamlit's logger starts each entry with a timestamp; a traceback or a note continues below it."""


def log_problems(text: str) -> list[str]:
    """The entries of a server log that report an exception or a warning, whole and in order
    (blank lines dropped); empty when the log is clean."""
    entries: list[list[str]] = [[]]
    for line in text.splitlines():
        if LOG_ENTRY.match(line):
            entries.append([])
        if line.strip():
            entries[-1].append(line)
    return ["\n".join(entry) for entry in entries if any(LOG_PROBLEM.search(line) for line in entry)]


def _wait_healthy(url: str, server: subprocess.Popen[bytes], log: Any) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            raise RuntimeError(
                f"streamlit exited with {server.returncode}: {log.read().decode(errors='replace')}"
            )
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.read() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise RuntimeError("streamlit did not start within 90 s")
