"""Default settings (``settings.cfg`` beside this file) with optional user overrides."""

from __future__ import annotations

import configparser
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DEFAULTS_FILE = Path(__file__).with_name("settings.cfg")


@dataclass(frozen=True)
class Settings:
    """Typed view of the settings file."""

    max_article_chars: int
    max_file_bytes: int
    language_candidates: tuple[str, ...]
    language_min_words: int
    language_min_confidence: float
    max_boilerplate_words: int
    max_subheading_words: int
    max_subheading_chars: int
    model: str
    pipeline_languages: tuple[str, ...]
    batch_size: int
    id_person_ratio: int
    id_other_ratio: int
    id_max_length_difference: int
    id_aliases: str
    quote_tagger: str
    time_reference: str
    time_year_window: int
    gender_overrides: str


def _parse(parser: configparser.ConfigParser) -> Settings:
    return Settings(
        max_article_chars=parser.getint("reading", "max_article_chars"),
        max_file_bytes=parser.getint("reading", "max_file_bytes"),
        language_candidates=tuple(parser.get("language", "candidates").split()),
        language_min_words=parser.getint("language", "min_words"),
        language_min_confidence=parser.getfloat("language", "min_confidence"),
        max_boilerplate_words=parser.getint("structure", "max_boilerplate_words"),
        max_subheading_words=parser.getint("structure", "max_subheading_words"),
        max_subheading_chars=parser.getint("structure", "max_subheading_chars"),
        model=parser.get("pipeline", "model"),
        pipeline_languages=tuple(parser.get("pipeline", "languages").split()),
        batch_size=parser.getint("pipeline", "batch_size"),
        id_person_ratio=parser.getint("ids", "person_ratio"),
        id_other_ratio=parser.getint("ids", "other_ratio"),
        id_max_length_difference=parser.getint("ids", "max_length_difference"),
        id_aliases=parser.get("ids", "aliases").strip(),
        quote_tagger=parser.get("quotes", "tagger").strip(),
        time_reference=_choice(parser, "time", "reference", ("auto", "news", "narrative")),
        time_year_window=parser.getint("time", "year_window"),
        gender_overrides=parser.get("gender", "overrides").strip(),
    )


def _choice(parser: configparser.ConfigParser, section: str, key: str, allowed: tuple) -> str:
    value = parser.get(section, key)
    if value not in allowed:
        raise ValueError(
            f"settings [{section}] {key} = {value!r}: choose one of {', '.join(allowed)}"
        )
    return value


@cache
def _load_cached(path: str | None) -> Settings:
    parser = configparser.ConfigParser()
    parser.read(DEFAULTS_FILE, encoding="utf-8")
    if path is not None:
        user_file = Path(path)
        if not user_file.is_file():
            raise FileNotFoundError(f"settings file not found: {user_file}")
        parser.read(user_file, encoding="utf-8")
    return _parse(parser)


def load_settings(path: str | Path | None = None) -> Settings:
    """Return the default settings, overridden by the keys of the file at ``path``."""
    return _load_cached(None if path is None else str(path))
