"""``analyze``: from the articles table to every table of DESIGN.md.

Each article is analysed on its own (structure, then the spaCy pipeline over its whole
text with paragraph boundaries as fixed sentence starts), so the result for an article
never depends on the other articles, and ``jobs > 1`` gives the same tables as one job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from spacy.language import Language

from . import __version__
from .reading import InputError, check_dates, read_articles
from .run import MemorySink, run_analysis
from .settings import Settings, load_settings
from .tables import FORMATS, TABLE_NAMES, make_table, read_table, write_table


@dataclass
class Analysis:
    """Every table of one analysis run, as pandas DataFrames (see DESIGN.md)."""

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    entities: pd.DataFrame
    quotes: pd.DataFrame
    timexes: pd.DataFrame
    errors: pd.DataFrame
    meta: dict = field(default_factory=dict)

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name, in DESIGN.md order."""
        return {name: getattr(self, name) for name in TABLE_NAMES}

    def write(self, out_dir: str | Path, *, fmt: str = "parquet") -> list[Path]:
        """Write every table to ``out_dir/<table>.<fmt>`` (atomically); return the paths."""
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        paths = []
        for name, frame in self.tables().items():
            path = Path(out_dir) / f"{name}.{fmt}"
            write_table(frame, path, fmt)
            paths.append(path)
        return paths

    def summary(self) -> str:
        """One line: what was analysed and what could not be."""
        words = int(self.articles["n_words"].sum()) if len(self.articles) else 0
        return (
            f"{len(self.articles)} articles ({words:,} words), {len(self.paragraphs)} paragraphs, "
            f"{len(self.sentences)} sentences, {len(self.entities)} entities, "
            f"{len(self.quotes)} quotes, {len(self.timexes)} timexes; {len(self.errors)} errors"
        )

    def __repr__(self) -> str:
        return f"<Analysis: {self.summary()}>"


def analyze(
    articles: pd.DataFrame | str | Path | list,
    *,
    model: str | Path | None = None,
    nlp: Language | None = None,
    settings: Settings | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    cache: str | Path | None = None,
    progress: bool = False,
) -> Analysis:
    """Analyse articles into every table of DESIGN.md, in memory.

    The same loop as ``analyze_corpus`` (``run.run_analysis``), with a sink that keeps the
    rows: use it for what fits in memory, ``analyze_corpus`` for what does not.

    Args:
        articles: the table from ``read_articles`` (its ``attrs["errors"]`` are carried
            over), or paths to read it from.
        model: the spaCy pipeline to use (see ``load_pipeline``); the shipped one by default.
        nlp: an already loaded pipeline (instead of ``model``; one process only).
        settings: limits and options; package defaults when omitted.
        jobs: number of processes (or Dask workers).
        engine: ``"local"`` or ``"dask"``.
        scheduler: a running dask.distributed scheduler for the dask engine.
        cache: a cache file (SQLite) to take unchanged articles from and to store results in.
        progress: show a progress bar on stderr.

    Returns:
        An ``Analysis`` whose tables hold one row per article, paragraph, sentence, … and
        whose ``errors`` table lists every input that could not be read or analysed.
    """
    settings = settings or load_settings()
    if not isinstance(articles, pd.DataFrame):
        articles = read_articles(articles, settings=settings)
    input_errors = articles.attrs.get("errors", make_table("errors"))
    rows, date_errors = check_dates(make_table("articles", articles).to_dict("records"))
    items = [InputError(**row) for row in input_errors.to_dict("records")] + date_errors + rows
    run, tables = run_analysis(
        items,
        MemorySink(),
        model=model,
        nlp=nlp,
        settings=settings,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        cache=Path(cache) if cache else None,
        total=len(items),
        progress=progress,
    )
    return Analysis(**tables, meta={"artikel": __version__, "pipeline": run.pipeline})


def load_analysis(out_dir: str | Path) -> Analysis:
    """The ``Analysis`` that ``artikel analyze`` wrote to ``out_dir`` (Parquet or CSV).

    Raises:
        FileNotFoundError: a table is missing (names the folder and the file).
    """
    out_dir = Path(out_dir)
    tables = {}
    for name in TABLE_NAMES:
        found = [
            out_dir / f"{name}.{fmt}" for fmt in FORMATS if (out_dir / f"{name}.{fmt}").is_file()
        ]
        if not found:
            raise FileNotFoundError(
                f"{out_dir}: no {name}.parquet or {name}.csv (not an artikel output folder)"
            )
        tables[name] = read_table(found[0], name)
    return Analysis(**tables, meta={"artikel": __version__, "loaded_from": str(out_dir)})
