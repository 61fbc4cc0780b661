"""The name system: labels, person and organisation nouns, gazetteers and word lists that
entities and quotes share.

Everything here is data from ``resources/de/names/`` and ``resources/de/entities/`` (and CLDR
country names via babel), loaded once: one list of person nouns for titles before a name
(``titles``, ``is_title``: entities) and roles that name a speaker (``role_nouns``,
``noun_form``, ``noun_kinds``: quotes), organisation nouns, names that end in -s in the
nominative, legal forms of companies, currencies and the German names of countries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .resources import is_first_name, load_entries

LABELS = ("PER", "ORG", "LOC", "MISC")


LABEL_MAP = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
}


@cache
def word_list(name: str) -> frozenset[str]:
    return frozenset(load_entries(f"entities/{name}.txt"))


# per-word lookups are memoised, bounded so that a corpus run keeps flat memory
WORD_CACHE_SIZE = 65536
NOUN_PREFIX = re.compile(r"(?:[\w.]*-)?\w*")


@cache
def person_nouns() -> tuple[tuple[str, str, str, frozenset[str]], ...]:
    """(written, nominative, gender, uses) of every line of ``names/person_nouns.txt`` and
    ``names/demonyms.txt`` ("Norweger": people by their country, roles only)."""
    rows = []
    entries = load_entries("names/person_nouns.txt") + load_entries("names/demonyms.txt")
    for entry in entries:
        written, nominative, gender, uses = entry.split("\t")
        rows.append((written, nominative, gender, frozenset(uses.split(","))))
    return tuple(rows)


@cache
def titles() -> frozenset[str]:
    """Words written before a person's name (as written: "Präsident", "Dr.")."""
    return frozenset(written for written, _, _, uses in person_nouns() if "title" in uses)


@cache
def role_nouns() -> dict[str, tuple[str, str]]:
    """Lower-case forms of role nouns -> (nominative, gender m/f/p/x); an unlisted feminine
    person noun is found by its ending (``RoleNouns``)."""
    rows = person_nouns()
    return RoleNouns({w.lower(): (nom, gender) for w, nom, gender, uses in rows if "role" in uses})


class RoleNouns(dict):
    """The role table: the listed forms, and any word of letters that ends in a feminine
    person-noun ending (``names/feminine_suffixes.txt``: "dolmetscherin") when no listed
    role ends it, as a feminine role in its own nominative."""

    def __missing__(self, key: str) -> tuple[str, str]:
        if self._feminine(key):
            return (key, "f")
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or (isinstance(key, str) and self._feminine(key))

    def get(self, key, default=None):
        """``dict.get``, with the endings."""
        try:
            return self[key]
        except KeyError:
            return default

    def _feminine(self, key: str) -> bool:
        return _feminine_by_ending(key) and not any(
            dict.__contains__(self, key[k:]) for k in range(1, len(key))
        )


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _feminine_by_ending(lower: str) -> bool:
    """Whether a lower-case word is a feminine person noun by its ending ("ortsvorsteherin")."""
    if not lower.isalpha() or is_first_name(lower):
        return False
    return any(lower.endswith(end) and len(lower) - len(end) >= 3 for end in feminine_suffixes())


@cache
def feminine_suffixes() -> tuple[str, ...]:
    """``names/feminine_suffixes.txt``."""
    return tuple(load_entries("names/feminine_suffixes.txt"))


@cache
def organisation_nouns() -> dict[str, tuple[str, str]]:
    """Lower-case forms of organisation nouns -> (nominative, kind)."""
    rows = (entry.split("\t") for entry in load_entries("names/organisation_nouns.txt"))
    return {row[0]: (row[1], row[2]) for row in rows}


def noun_form(lower: str, table: dict) -> str:
    """The role or organisation form that a lower-case word ends in, or ``""``."""
    for k in range(len(lower)):
        if lower[k:] in table and (k == 0 or lower[k - 1] == "-" or k > 1):
            return lower[k:]
    return ""


@lru_cache(maxsize=WORD_CACHE_SIZE)
def noun_kinds(lower: str) -> frozenset[str]:
    """The kinds ("ROLE", "ORG") of a lower-case word that ends in a role or organisation
    noun after an optional prefix ("regierungs|sprecher", "us-|präsident")."""
    kinds = set()
    for kind, forms in (("ROLE", role_nouns()), ("ORG", organisation_nouns())):
        for k in range(len(lower)):
            if lower[k:] in forms and NOUN_PREFIX.fullmatch(lower[:k]):
                kinds.add(kind)
                break
    return frozenset(kinds)


@dataclass(frozen=True)
class Declension:
    """``entities/declension.txt``: what turns declined names back into the nominative."""

    genitive_determiners: frozenset[str]
    adjective_suffixes: tuple[str, ...]
    adjective_endings: tuple[str, ...]
    strong_endings: dict[str, str]
    noun_endings: tuple[str, ...]  # nouns that end like adjectives ("Zentrale")


@cache
def declension() -> Declension:
    rows = [entry.split("\t") for entry in load_entries("entities/declension.txt")]
    values = {kind: [row[1:] for row in rows if row[0] == kind] for kind in {r[0] for r in rows}}
    return Declension(
        genitive_determiners=frozenset(v[0] for v in values["genitive_determiner"]),
        adjective_suffixes=tuple(v[0] for v in values["adjective_suffix"]),
        adjective_endings=tuple(v[0] for v in values["adjective_ending"]),
        strong_endings={v[0]: v[1] for v in values["strong_ending"]},
        noun_endings=tuple(v[0] for v in values.get("noun_ending", [])),
    )


@cache
def nominative_s() -> frozenset[str]:
    return frozenset(load_entries("entities/nominative_s.txt"))


@cache
def legal_forms() -> frozenset[str]:
    return frozenset(load_entries("entities/legal_forms.txt"))


@cache
def gender_suffixes() -> tuple[tuple[str, str], ...]:
    pairs = [tuple(entry.split("\t")) for entry in load_entries("entities/gender_suffixes.txt")]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def gender_by_ending(noun: str) -> str | None:
    """The grammatical gender (Masc, Fem, Neut, Plur) a noun's ending tells
    (``gender_suffixes.txt``, longest ending first); None when no ending fits."""
    lowered = noun.lower()
    return next((gender for ending, gender in gender_suffixes() if lowered.endswith(ending)), None)


@cache
def country_names() -> dict[str, str]:
    """Every known name of a country -> its CLDR German short name (babel)."""
    from babel import Locale

    german = Locale("de").territories
    codes: dict[str, str] = {}
    for locale in ("en", "de_CH", "de_AT", "de"):
        for code, name in Locale.parse(locale).territories.items():
            if len(code) == 2 and code.isalpha() and code in german:
                codes[name] = code
    try:
        import gettext

        import pycountry

        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
        for country in pycountry.countries:
            for attribute in ("name", "official_name", "common_name"):
                name = getattr(country, attribute, None)
                if name and country.alpha_2 in german:
                    codes.setdefault(translation.gettext(name), country.alpha_2)
    except (ImportError, OSError):
        pass
    for entry in load_entries("entities/country_aliases.txt"):
        name, code = entry.split("\t")
        codes[name] = code
    return {name: german[code] for name, code in codes.items()}


@cache
def region_names() -> frozenset[str]:
    """Names of the first-level regions (states, Länder, cantons, provinces) of the countries
    in ``entities/region_countries.txt``, as ISO 3166-2 (pycountry) writes them and in
    German; empty without pycountry."""
    try:
        import gettext

        import pycountry

        translation = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"])
    except (ImportError, OSError):
        return frozenset()
    names = set()
    for code in load_entries("entities/region_countries.txt"):
        for region in pycountry.subdivisions.get(country_code=code) or ():
            if region.parent_code is None:
                names.update({region.name, translation.gettext(region.name)})
    plain = (name for name in names if not re.search(r"[\[,(]", name))  # "Asturias, …"
    return frozenset(name for name in plain if not is_first_name(name))


@cache
def currency_names() -> frozenset[str]:
    """German names of currencies (CLDR via babel), singular and plural."""
    from babel import Locale

    names = set()
    for locale in ("de", "de_CH", "de_AT"):
        parsed = Locale.parse(locale)
        names.update(parsed.currencies.values())
        for forms in parsed._data["currency_names_plural"].values():
            names.update(forms.values())
    short = {re.split(r"[\s-]", name)[-1] for name in names}  # "US-Dollar" -> "Dollar"
    names.update(word for word in short if word[:1].isupper() and not is_first_name(word))
    return frozenset(names)


@cache
def title_compound_pattern() -> re.Pattern[str]:
    """Lower-case words that end in a title of five or more letters after at least three
    other letters ("regierungssprecher")."""
    endings = sorted((t.lower() for t in titles() if len(t) >= 5), key=len, reverse=True)
    return re.compile(".{3,}(?:" + "|".join(map(re.escape, endings)) + ")", re.DOTALL)


@lru_cache(maxsize=65536)
def is_title(word: str, *, compounds: bool = False) -> bool:
    """Whether ``word`` (also inflected: "Präsidenten") is a title or role noun; with
    ``compounds``, also a compound ending in one ("Regierungssprecher")."""
    known = titles()
    last = word.rsplit("-", 1)[-1]
    forms = {last} | {last[: -len(e)] for e in ("en", "n", "es", "s") if last.endswith(e)}
    if word in known or forms & known:
        return True
    return compounds and any(title_compound_pattern().fullmatch(form.lower()) for form in forms)


@cache
def plural_person_nouns() -> frozenset[str]:
    """Person nouns as written in the plural ("Frauen", "Herren", "Sprecherinnen")."""
    return frozenset(written for written, _, gender, _ in person_nouns() if gender == "p")


def is_plural_person_noun(word: str) -> bool:
    """Whether ``word`` is a person noun in the plural: no title of one name."""
    return word in plural_person_nouns()


def in_or_genitive(text: str, names) -> bool:
    """Whether ``text`` is one of ``names``, also with a genitive s ("Nordkoreas")."""
    return text in names or (text.endswith("s") and text[:-1] in names)


@cache
def country_first_words() -> frozenset[str]:
    """First words of country names (also up to a hyphen or dot, in case the tokenizer splits
    there): a cheap test before looking a span up."""
    names = country_names()
    return frozenset(name.split()[0] for name in names) | {
        re.split(r"[-.]", name.split()[0])[0] for name in names
    }
