"""Shared fixtures: the seed article, the development corpus, short texts analysed."""

from __future__ import annotations

from pathlib import Path

import pytest

import artikel

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
DEV_CORPUS = SHARED / "dev-corpus"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return next(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_analysis():
    return artikel.analyze(artikel.read_articles(SEEDS))


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    if not (DEV_CORPUS / "articles").is_dir():
        pytest.fail(f"the development corpus is missing: {DEV_CORPUS} (../shared beside the repo)")
    return DEV_CORPUS


@pytest.fixture(scope="session")
def analyze_texts():
    """Analyse short texts (article ids "0", "1", … in order) dated ``date``."""
    from artikel.tables import make_table

    def run(texts: list[str], date: str = "2020-01"):
        rows = [{"article_id": str(i), "text": t, "date": date} for i, t in enumerate(texts)]
        return artikel.analyze(make_table("articles", rows))

    return run
