"""Text as a terminal should print it: one line, with nothing hidden or reordered.

A file name or a reason can hold a newline, a control character or a direction override that
would forge or hide a line of output; `printable` shows each as its escape instead.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def printable(text: str) -> str:
    """One line that prints as what it is: newlines, control and direction characters escaped."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
