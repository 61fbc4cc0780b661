"""The rules of ``resources/de/time/rules.txt``: patterns with named parts and a normaliser."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..resources import load_entries, resource_path
from .normalisers import NORMALISERS

BUILTIN_PATTERNS = {
    "day": r"0?[1-9]|[12]\d|3[01]",
    "hour": r"[01]?\d|2[0-4]",
    "minute": r"[0-5]\d",
}


@dataclass(frozen=True)
class Rule:
    """One line of ``rules.txt``."""

    name: str
    type: str
    normaliser: str
    pattern: re.Pattern[str]


def _alternation(name: str) -> str:
    surfaces = [entry.partition("\t")[0].strip() for entry in load_entries(f"time/{name}.txt")]
    surfaces += [s[0].upper() + s[1:] for s in surfaces if s[0].islower()]  # sentence-initial
    ordered = sorted(set(surfaces), key=lambda s: (-len(s), s))
    return "(?:" + "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in ordered) + ")"


def _expand(pattern: str) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        return f"(?:{BUILTIN_PATTERNS[name]})" if name in BUILTIN_PATTERNS else _alternation(name)

    return re.sub(r"%(\w+)", replace, pattern)


@cache
def load_rules() -> tuple[Rule, ...]:
    """The rules of ``resources/de/time/rules.txt``, compiled, in file order."""
    rules = []
    path = resource_path("time/rules.txt")
    for number, entry in enumerate(load_entries("time/rules.txt"), start=1):
        parts = [part.strip() for part in entry.split(" | ", 3)]
        if len(parts) != 4:
            raise ValueError(f"{path}: rule {number} needs NAME | TYPE | NORMALISER | PATTERN")
        name, kind, normaliser, pattern = parts
        if normaliser not in NORMALISERS:
            raise ValueError(f"{path}: rule {name}: unknown normaliser {normaliser!r}")
        try:
            rules.append(Rule(name, kind, normaliser, re.compile(_expand(pattern))))
        except re.error as exc:
            raise ValueError(f"{path}: rule {name}: {exc}") from None
    return tuple(rules)
