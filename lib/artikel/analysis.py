"""``analyze``: from the articles table to every table of DESIGN.md.

Each article is analysed on its own (structure, then the spaCy pipeline over its whole
text with paragraph boundaries as fixed sentence starts), so the result for an article
never depends on the other articles, and ``jobs > 1`` gives the same tables as one job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from spacy.language import Language

from . import __version__
from .entities import assign_entity_ids
from .parallel import Executor
from .reading import read_articles
from .settings import Settings, load_settings
from .tables import FORMATS, TABLE_NAMES, concat_tables, make_table, write_table


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


ROWS_PER_STEP = 64  # articles per worker between progress updates


def analyze(
    articles: pd.DataFrame | str | Path | list,
    *,
    model: str | Path | None = None,
    nlp: Language | None = None,
    settings: Settings | None = None,
    jobs: int = 1,
    on_article: Callable[[], object] | None = None,
) -> Analysis:
    """Analyse articles into every table of DESIGN.md.

    Args:
        articles: the table from ``read_articles`` (its ``attrs["errors"]`` are carried
            over), or paths to read it from.
        model: the spaCy pipeline to use (see ``load_pipeline``); the shipped one by default.
        nlp: an already loaded pipeline (instead of ``model``).
        settings: limits and options; package defaults when omitted.
        jobs: number of processes.
        on_article: called after each article (e.g. to advance a progress bar).

    Returns:
        An ``Analysis`` whose tables hold one row per article, paragraph, sentence, … and
        whose ``errors`` table lists every input that could not be read or analysed.
    """
    settings = settings or load_settings()
    if not isinstance(articles, pd.DataFrame):
        articles = read_articles(articles, settings=settings)
    input_errors = articles.attrs.get("errors", make_table("errors"))
    if nlp is not None and jobs > 1:
        raise ValueError("jobs > 1 loads the pipeline in each process: pass model=, not nlp=")
    rows = make_table("articles", articles).to_dict("records")
    collected: dict[str, list] = {name: [] for name in TABLE_NAMES}
    executor = Executor(jobs=jobs, model=model, settings=settings, nlp=nlp)
    try:
        pipeline = executor.info()
        step = ROWS_PER_STEP * executor.jobs
        for start in range(0, max(len(rows), 1), step):
            for tables in executor.run(rows[start : start + step]):
                for name, table_rows in tables.items():
                    collected[name].extend(table_rows)
                if on_article is not None:
                    on_article()
    finally:
        executor.close()
    tables = {name: make_table(name, collected[name]) for name in TABLE_NAMES if name != "errors"}
    tables["entities"]["entity_id"] = assign_entity_ids(tables["entities"])
    return Analysis(
        **tables,
        errors=concat_tables("errors", [input_errors, make_table("errors", collected["errors"])]),
        meta={"artikel": __version__, "pipeline": pipeline.name},
    )
