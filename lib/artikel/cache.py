"""A cache of per-article analysis results, so that re-runs do no NLP work twice.

Results are stored in one SQLite file (safe against a killed run: a result is either
committed whole or not at all) under a key made of the article's content and the
*analysis version*: a digest of the package's code and resource files, of the spaCy
pipeline's files on disk (read, not loaded) and of the settings. Changing a line of code,
a pattern file, the model or the text of one article re-analyses exactly what it affects,
and a re-run whose articles are all cached needs no pipeline at all.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterable
from dataclasses import astuple
from functools import cache
from pathlib import Path

from .nlp import RULES, pipeline_path
from .quotes.learned import tagger_path
from .settings import Settings

PACKAGE_DIR = Path(__file__).parent

# Article fields an analysis depends on (besides the text); identity fields such as
# article_id and source are not part of the key, so a moved or renamed file is a hit.
KEY_FIELDS = ("text", "date", "date_precision")


def _files_digest(root: Path, skip: tuple[str, ...] = ()) -> str:
    """sha256 over the relative paths and bytes of every file under ``root``."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if not path.is_file() or "__pycache__" in path.parts or relative.startswith(skip):
            continue
        digest.update(relative.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@cache
def code_digest() -> str:
    """A digest of the package's code, resource files and default settings (not its models)."""
    return _files_digest(PACKAGE_DIR, skip=("models/",))


@cache
def model_digest(choice: str) -> str:
    """A digest of a resolved pipeline choice (``nlp.resolve_model``): its files on disk."""
    path = pipeline_path(choice)
    return RULES if path is None else _files_digest(path)


def analysis_version(model: str, settings: Settings) -> str:
    """A digest of everything besides the article that decides an analysis result.

    Args:
        model: ``model_digest`` of the pipeline, or another string that identifies it.
        settings: the settings of the run.
    """
    digest = hashlib.sha256()
    digest.update(code_digest().encode())
    digest.update(model.encode())
    digest.update(repr(astuple(settings)).encode())
    tagger = tagger_path(settings.quote_tagger)
    digest.update((RULES if tagger is None else _files_digest(tagger)).encode())
    for path in (settings.gender_overrides,):  # files that settings name: their contents count
        if path and Path(path).is_file():
            digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]


class ResultCache:
    """Per-article results in SQLite, keyed by content and analysis version.

    Args:
        path: the cache file (created when missing).
        version: ``analysis_version`` of the run.
    """

    def __init__(self, path: str | Path, version: str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.version = version
        self._db = sqlite3.connect(self.path)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB)")
        self._db.commit()

    def key(self, article: dict) -> str:
        """The cache key of an article row."""
        fields = [self.version, *(str(article.get(name) or "") for name in KEY_FIELDS)]
        return hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()

    def get_many(self, keys: Iterable[str]) -> dict[str, dict]:
        """Cached results of the given keys (missing keys are left out)."""
        keys = list(dict.fromkeys(keys))
        found: dict[str, dict] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT key, value FROM results WHERE key IN ({marks})"
            for key, value in self._db.execute(query, chunk):
                found[key] = json.loads(zlib.decompress(value))
        return found

    def put_many(self, items: dict[str, dict]) -> None:
        """Store results (one transaction: all or nothing)."""
        rows = [
            (key, zlib.compress(json.dumps(value, ensure_ascii=False).encode("utf-8")))
            for key, value in items.items()
        ]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", rows)

    def close(self) -> None:
        """Close the database."""
        self._db.close()
