"""Corpus runs for the command line: read, analyse with a progress bar, write the tables."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from tqdm import tqdm

from .analysis import Analysis, analyze
from .nlp import load_pipeline
from .reading import read_articles
from .settings import Settings


def run_analyze(
    paths: Sequence[str],
    out_dir: str | Path,
    *,
    fmt: str = "parquet",
    jobs: int = 1,
    model: str | None = None,
    settings: Settings | None = None,
    progress: bool = True,
) -> Analysis:
    """Analyse every article under ``paths`` and write all tables to ``out_dir``."""
    load_pipeline(model, settings=settings)  # fail early when the model is missing
    articles = read_articles(paths, settings=settings)
    with tqdm(
        total=len(articles), unit="article", desc="analysing", disable=not progress, file=sys.stderr
    ) as bar:
        analysis = analyze(
            articles, model=model, settings=settings, jobs=jobs, on_article=lambda: bar.update(1)
        )
    analysis.write(out_dir, fmt=fmt)
    return analysis
