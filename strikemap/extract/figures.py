"""A casualty figure as a clause states it: the one shape both readers give, English (`facts`) and
Ukrainian and Russian (`casualties_ukru`), and `facts.tolls` reads back."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("total", "update", "additive", "subset", "part", "victims", "zero")
"""How a figure stands to the attack's toll: see `facts.tolls`."""


@dataclass(frozen=True, slots=True)
class Figure:
    """One casualty figure in a clause: which field, how many, how it stands to the toll (`KINDS`),
    and the words it was read from."""

    field: str
    n: int
    kind: str
    words: str

    @property
    def value(self) -> str:
        """The figure as a fact value, 'kind:n', which `tolls` reads back."""
        return f"{self.kind}:{self.n}"
