"""Errors raised by strikemap.

Every error derives from StrikeMapError and also from the builtin it resembles,
so callers can catch either.
"""

from __future__ import annotations


class StrikeMapError(Exception):
    """Base class of every error this package raises on purpose."""


class ConfigError(StrikeMapError, ValueError):
    """A setting, option or URL is not one we understand."""


class ReadError(StrikeMapError, ValueError):
    """An input file or row cannot be turned into an article."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class GeocoderError(StrikeMapError, RuntimeError):
    """An online geocoder failed or answered something unusable."""


class StoreError(StrikeMapError, RuntimeError):
    """The event store could not be read or written."""


class StoreDamaged(StoreError):
    """The store holds what this strikemap cannot read: not a database, a bad schema version or row."""

    def __init__(self, reason: str, *, store: str | None = None) -> None:
        super().__init__(f"the store at {store} is damaged: {reason}" if store else reason)
        self.reason = reason
        self.store = store
