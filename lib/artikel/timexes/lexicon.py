"""The word lists of the time rules (``resources/de/time/*.txt``), loaded once."""

from __future__ import annotations

from functools import cache

from ..resources import load_entries


@cache
def lexicon(name: str) -> dict[str, str]:
    """``time/<name>.txt`` as {surface (lower case): value}; a surface without value maps to ""."""
    table = {}
    for entry in load_entries(f"time/{name}.txt"):
        surface, _, value = entry.partition("\t")
        table[surface.strip().lower()] = value.strip()
    return table
