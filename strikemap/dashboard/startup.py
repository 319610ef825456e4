"""The server's start: ready what every first page needs before the first browser connects.

`streamlit run` runs no page code until a browser connects, so without this the first visitor after
a start waited for pandas, pyarrow, folium and SQLAlchemy to load and for the store to be read:
about a second of a three-second first page at 10,000 events. `app.py` runs `warmed` as the server
starts, before it answers any request.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from strikemap.errors import StrikeMapError

LOG = logging.getLogger("strikemap")


def warm() -> None:
    """Import what the pages use and fill the caches every visitor shares (`ui.warm`).

    A store that cannot be read does not stop the server: each page tries again and says why."""
    import pyarrow  # noqa: F401  # how st.dataframe sends a table

    # pandas, folium, SQLAlchemy and the package. Not streamlit_folium: it registers its map frame
    # only when imported during a page's run, so `ui` imports it there.
    from strikemap.dashboard import ui

    try:
        ui.warm()
    except StrikeMapError as err:
        LOG.warning("the store was not read as the server started; the pages will try again: %s", err)
    except Exception:
        LOG.exception("reading the store as the server started failed; the pages will try again")


@asynccontextmanager
async def warmed(_app: object) -> AsyncIterator[None]:
    """The server's lifespan: it answers once warm (Streamlit prints its address before)."""
    warm()
    yield
