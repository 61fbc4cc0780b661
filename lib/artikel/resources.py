"""Loading the lexicons and pattern files in ``resources/<lang>/`` (read once, cached).

Resource files are plain text: one entry a line, ``#`` lines are comments, and
``# EXAMPLE: …`` lines document (and let the tests check) what an entry is for.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

RESOURCE_DIR = Path(__file__).with_name("resources")
SUPPORTED_LANGUAGES = ("de",)


def resource_path(name: str, lang: str = "de") -> Path:
    """Path of resource ``name`` (e.g. ``"boilerplate/ad.txt"``) for language ``lang``."""
    if lang not in SUPPORTED_LANGUAGES:
        supported = ", ".join(SUPPORTED_LANGUAGES)
        raise ValueError(f"no resources for language {lang!r}; supported: {supported}")
    path = RESOURCE_DIR / lang / name
    if not path.is_file():
        raise FileNotFoundError(f"resource file missing: {path}")
    return path


@cache
def load_entries(name: str, lang: str = "de") -> tuple[str, ...]:
    """The non-comment, non-empty lines of a resource file, in file order."""
    lines = resource_path(name, lang).read_text(encoding="utf-8").splitlines()
    return tuple(line.rstrip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def load_examples(name: str, lang: str = "de") -> tuple[str, ...]:
    """The ``# EXAMPLE:`` texts of a resource file."""
    lines = resource_path(name, lang).read_text(encoding="utf-8").splitlines()
    prefix = "# EXAMPLE:"
    return tuple(line[len(prefix) :].strip() for line in lines if line.startswith(prefix))


@cache
def load_patterns(name: str, lang: str = "de") -> tuple[re.Pattern[str], ...]:
    """The lines of a pattern file compiled as regular expressions."""
    patterns = []
    for number, entry in enumerate(load_entries(name, lang), start=1):
        try:
            patterns.append(re.compile(entry))
        except re.error as exc:
            raise ValueError(f"{resource_path(name, lang)}: pattern {number}: {exc}") from None
    return tuple(patterns)


def list_resources(folder: str, lang: str = "de") -> tuple[str, ...]:
    """Names (relative to the language folder) of the ``.txt`` files in ``folder``."""
    base = RESOURCE_DIR / lang
    return tuple(sorted(p.relative_to(base).as_posix() for p in (base / folder).glob("*.txt")))


FIRST_NAME_MIN_COUNT = 1000  # a rarer name decides a gender but does not make a word a name


def fold(word: str) -> str:
    """A word in lower case without diacritics, as first names are listed ("Jörg" → "jorg")."""
    decomposed = unicodedata.normalize("NFKD", word.lower().replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _first_name_table() -> dict[str, tuple[str, int, float]]:
    rows = (entry.split("\t") for entry in load_entries("names/first_names.tsv"))
    return {row[0]: (row[1], int(row[3]), float(row[2])) for row in rows}


def first_name_gender_of(word: str) -> str:
    """female, male or unknown for a first name (``names/first_names.tsv``, built from
    nomquamgender, MIT, and the Berlin first-name statistics, CC BY 3.0 DE; see the file's
    header); unknown for a word that is no first name."""
    return _first_name_table().get(fold(word), ("unknown", 0, 0.5))[0]


def first_name_female_share(word: str) -> float | None:
    """The share of women among the bearers of a first name (``names/first_names.tsv``), or
    None for a word the list does not have."""
    row = _first_name_table().get(fold(word))
    return None if row is None else row[2]


@cache
def first_names() -> frozenset[str]:
    """Common first names (folded, see ``fold``) that mark a word as a name."""
    return frozenset(
        n for n, (_, count, _) in _first_name_table().items() if count >= FIRST_NAME_MIN_COUNT
    )


def is_first_name(word: str) -> bool:
    """Whether ``word`` is a common first name ("Jörg", "hans")."""
    return fold(word) in first_names()
