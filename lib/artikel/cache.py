"""A cache of per-article analysis results, so that re-runs do no NLP work twice.

Results are stored in one SQLite file (safe against a killed run: a result is either
committed whole or not at all) under a key made of the article's content and the
*analysis version*: the artikel version, the spaCy pipeline (name, version, components,
the hash of its meta) and a hash of every resource file and setting. Changing a pattern
file, the model or the text of one article re-analyses exactly what it affects.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterable
from dataclasses import astuple
from pathlib import Path

from . import __version__
from .nlp import PipelineInfo
from .resources import RESOURCE_DIR
from .settings import Settings

# Article fields an analysis depends on (besides the text); identity fields such as
# article_id and source are not part of the key, so a moved or renamed file is a hit.
KEY_FIELDS = ("text", "date", "date_precision")


def analysis_version(pipeline: PipelineInfo, settings: Settings) -> str:
    """A digest of everything besides the article that decides an analysis result."""
    digest = hashlib.sha256()
    digest.update(__version__.encode())
    meta = {k: pipeline.meta.get(k) for k in ("lang", "name", "version")}
    digest.update(json.dumps([meta, list(pipeline.pipe_names)], sort_keys=True).encode())
    digest.update(json.dumps(pipeline.meta, sort_keys=True, default=str).encode())
    for path in sorted(RESOURCE_DIR.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(RESOURCE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    digest.update(repr(astuple(settings)).encode())
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
        self.hits = 0
        self.misses = 0
        self._db = sqlite3.connect(self.path)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB)")
        self._db.commit()

    def key(self, article: dict) -> str:
        """The cache key of an article row."""
        fields = [self.version, *(str(article.get(name) or "") for name in KEY_FIELDS)]
        return hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()

    def get_many(self, keys: Iterable[str]) -> dict[str, dict]:
        """Cached results of the given keys (missing keys are left out); counts hits/misses."""
        keys = list(dict.fromkeys(keys))
        found: dict[str, dict] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT key, value FROM results WHERE key IN ({marks})"
            for key, value in self._db.execute(query, chunk):
                found[key] = json.loads(zlib.decompress(value))
        self.hits += len(found)
        self.misses += len(keys) - len(found)
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
