"""Text as the extractor should see it, and as a terminal should print it.

Look-alike and invisible characters (a Cyrillic К in Кyiv, zero-width spaces, full-width letters,
combining accents, direction overrides) would hide a place or a number from the patterns; the
extractor reads a normalised copy, and a position map takes what it finds back to the text as written.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def printable(text: str) -> str:
    """One line that prints as what it is: newlines, control and direction characters escaped."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
