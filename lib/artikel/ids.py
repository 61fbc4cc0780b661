"""Corpus-wide entity ids: one id per referent across articles.

The same label and canonical name give the same id; beyond that, names of one label are
merged by a guarded fuzzy match (rapidfuzz) that never merges two different full names of
people, a surname used alone joins the one full name of the corpus that ends in it (when
there is exactly one), and a user's alias file (``[ids] aliases``) has the last word. The id
is readable (``PER:angela-merkel``) and independent of the article order.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import pandas as pd

from .resources import load_entries
from .settings import Settings, load_settings


@cache
def spelling_variants() -> tuple[tuple[str, str], ...]:
    """``names/spelling_variants.txt``: (variant, common) pairs, in file order."""
    return tuple(tuple(entry.split("\t")) for entry in load_entries("names/spelling_variants.txt"))


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "x"


def _spelling_key(name: str) -> str:
    """A name with transliteration variants levelled ("Selenskyj" ~ "Selenski")."""
    key = name.casefold()
    for variant, common in spelling_variants():
        key = key.replace(variant, common)
    return key


def _block(label: str, name: str) -> tuple:
    """Names that may be spelling variants of each other share a block (keeps merging fast)."""
    if label == "PER":
        parts = name.split()
        return (*parts[:-1], _spelling_key(parts[-1])[:2])
    return (_spelling_key(name)[:3],)


def _may_merge(label: str, first: str, second: str, settings: Settings) -> bool:
    from rapidfuzz import fuzz

    if label == "PER":
        a, b = first.split(), second.split()
        if len(a) < 2 or len(a) != len(b) or a[:-1] != b[:-1]:
            return False  # never merge two different full names
        ratio = fuzz.ratio(_spelling_key(a[-1]), _spelling_key(b[-1]))
        return ratio >= settings.id_person_ratio
    return (
        abs(len(first) - len(second)) <= settings.id_max_length_difference
        and fuzz.ratio(_spelling_key(first), _spelling_key(second)) >= settings.id_other_ratio
    )


KEEP_APART = "-"


def read_aliases(path: str | Path) -> dict[tuple[str, str], str]:
    """A user's alias file: ``LABEL<TAB>name<TAB>canonical`` a line; the name gets the id of
    the canonical, or keeps its own when the canonical is ``-`` ("Müller" is not "Thomas
    Müller" in this corpus)."""
    table = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [part.strip() for part in line.split("\t")]
        if len(parts) != 3 or parts[0] not in ("PER", "ORG", "LOC", "MISC") or not all(parts):
            raise ValueError(
                f"{path}, line {number}: expected LABEL<TAB>name<TAB>canonical (or -), "
                f"LABEL one of PER ORG LOC MISC"
            )
        table[(parts[0], parts[1])] = parts[2]
    return table


def _surname_links(representative: dict[tuple[str, str], str]) -> dict[str, str]:
    """Ids of surname-only people -> the id of the corpus's only full name that ends in the
    surname (after spelling variants); none where two full names share it."""
    full: dict[str, set[str]] = defaultdict(set)
    for (label, name), ident in representative.items():
        if label == "PER" and len(name.split()) >= 2:
            full[_spelling_key(name.split()[-1])].add(ident)
    links = {}
    for (label, name), ident in representative.items():
        if label == "PER" and len(name.split()) == 1:
            found = full.get(_spelling_key(name), set())
            if len(found) == 1:
                links[ident] = next(iter(found))
    return links


def entity_id_map(counts: Counter, settings: Settings | None = None) -> dict[tuple[str, str], str]:
    """Ids for (label, canonical) pairs (see ``alias_rules``, which also says why)."""
    return {pair: ident for pair, (ident, _) in alias_rules(counts, settings).items()}


def alias_rules(
    counts: Counter, settings: Settings | None = None
) -> dict[tuple[str, str], tuple[str, str]]:
    """Ids for (label, canonical) pairs, given how often each occurs in the corpus.

    Rule: mentions with the same label and canonical name share an id. Canonical names of
    one label are further merged when they are spelling variants: for people the same
    first names and surnames with rapidfuzz ratio >= 90 once transliteration variants are
    levelled ("Selenskyj" ~ "Selenski"; "Müller" and "Möller", or "Hanna Müller" and
    "Hans Müller", stay apart), for others ratio >= 95 and at most two characters'
    difference (the thresholds are settings: ``[ids]``). The id is
    ``LABEL:slug`` of the group's most frequent name (ties: alphabetical), so it is
    readable and does not depend on the order of articles. A surname alone then joins the
    only full name of the corpus that ends in it; the user's alias file overrides both.

    Returns (label, canonical) -> (id, rule), the rule one of ``name`` (its own id),
    ``spelling``, ``surname``, ``override``.
    """
    settings = settings or load_settings()
    representative: dict[tuple[str, str], str] = {}
    blocks: dict[tuple, list[str]] = defaultdict(list)  # only names in one block may merge
    for label, name in counts:
        blocks[(label, _block(label, name))].append(name)
    for (label, _), names in sorted(blocks.items()):
        names.sort(key=lambda n: (-counts[(label, n)], n))
        groups: list[list[str]] = []
        for name in names:
            for group in groups:
                if _may_merge(label, group[0], name, settings):
                    group.append(name)
                    break
            else:
                groups.append([name])
        for group in groups:
            for name in group:
                representative[(label, name)] = f"{label}:{_slug(group[0])}"
    rules = {
        pair: (ident, "name" if ident == f"{pair[0]}:{_slug(pair[1])}" else "spelling")
        for pair, ident in representative.items()
    }
    links = _surname_links(representative)
    for pair, ident in representative.items():
        if ident in links:
            rules[pair] = (links[ident], "surname")
    if settings.id_aliases:
        for (label, name), canonical in read_aliases(settings.id_aliases).items():
            if (label, name) in rules:
                own = representative[(label, name)]
                target = (
                    own
                    if canonical == KEEP_APART
                    else representative.get((label, canonical), f"{label}:{_slug(canonical)}")
                )
                rules[(label, name)] = (target, "override")
    return rules


def assign_entity_ids(entities: pd.DataFrame, settings: Settings | None = None) -> pd.Series:
    """Corpus-wide ids for the rows of an ``entities`` table (see ``entity_id_map``)."""
    if entities.empty:
        return pd.Series([], dtype="string", index=entities.index)
    pairs = list(zip(entities["label"], entities["canonical"], strict=True))
    ids = entity_id_map(Counter(pairs), settings)
    return pd.Series([ids[pair] for pair in pairs], dtype="string", index=entities.index)
