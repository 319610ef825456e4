"""Keeping Python's cycle collector out of the way of bulk work.

Merging, listing and exporting build hundreds of thousands of small objects and no reference
cycles. Left on, the collector walks the whole heap again every so many allocations, so the
cost per event grows with the number of events already in memory.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Switch the cycle collector off for the block, and back on after if it was on."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
