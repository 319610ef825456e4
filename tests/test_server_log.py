"""The check every browser test's server log passes: no exception, no warning, no deprecation.

The samples are what `streamlit run` wrote during browser-test runs, and what Python's own
`warnings` and `logging` print there.
"""

from __future__ import annotations

import pytest
from serving import log_problems

BANNER = """\
2026-12-01 22:14:41.459 Uvicorn server started on 127.0.0.1:58177

  You can now view your Streamlit app in your browser.

  URL: http://127.0.0.1:58177
"""
DEPRECATED = """\
2026-12-01 22:15:24.673 Please replace `use_container_width` with `width`.

`use_container_width` will be removed after 2025-12-31.

For `use_container_width=True`, use `width='stretch'`. For `use_container_width=False`, use `width='content'`.
"""
UNCAUGHT = """\
2026-12-01 22:16:02.101 Uncaught app execution
Traceback (most recent call last):
  File "pages/map.py", line 20, in <module>
    ui.timeline_window(views)
streamlit.errors.StreamlitInvalidMinMaxError: Min and max must differ
"""
PAGE_FAILED = """\
the Map page failed
Traceback (most recent call last):
  File "streamlit_app.py", line 28, in <module>
KeyError: 'district'
"""
FUTURE = """\
strikemap/dashboard/ui.py:120: FutureWarning: Downcasting object dtype arrays on .fillna is deprecated
  frame = frame.fillna("")
"""
STATIC = """\
WARNING: Static file serving is enabled, but no static folder found at /srv/app/static.
"""
STOPPING = "  Stopping...\n"
"""Streamlit's last words carry no timestamp: they are quoted with the entry before them."""


@pytest.mark.parametrize(
    "log, expected",
    [
        pytest.param("", [], id="empty"),
        pytest.param(BANNER + STOPPING, [], id="clean"),
        pytest.param(
            BANNER + DEPRECATED + STOPPING,
            [
                "2026-12-01 22:15:24.673 Please replace `use_container_width` with `width`.\n"
                "`use_container_width` will be removed after 2025-12-31.\n"
                "For `use_container_width=True`, use `width='stretch'`. "
                "For `use_container_width=False`, use `width='content'`.\n"
                "  Stopping..."
            ],
            id="deprecation",
        ),
        pytest.param(BANNER + UNCAUGHT + STOPPING, [UNCAUGHT + STOPPING.rstrip()], id="uncaught"),
        pytest.param(
            BANNER + UNCAUGHT + DEPRECATED,
            [UNCAUGHT.strip(), DEPRECATED.replace("\n\n", "\n").strip()],
            id="both",
        ),
        pytest.param(PAGE_FAILED, [PAGE_FAILED.strip()], id="page-failed"),
        pytest.param(FUTURE, [FUTURE.strip()], id="future-warning"),
        pytest.param(
            "2026-12-01 22:18:46.848 Uvicorn server started on 127.0.0.1:49583\n" + STATIC,
            ["2026-12-01 22:18:46.848 Uvicorn server started on 127.0.0.1:49583\n" + STATIC.strip()],
            id="streamlit-warning",
        ),
        pytest.param(
            "DeprecationWarning: datetime.utcnow() is deprecated\n",
            ["DeprecationWarning: datetime.utcnow() is deprecated"],
            id="python-warning",
        ),
    ],
)
def test_the_log_check_quotes_each_entry_that_reports_a_problem(log: str, expected: list[str]) -> None:
    assert log_problems(log) == expected
