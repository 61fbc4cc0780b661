"""``analyze``: from the articles table to every table of DESIGN.md.

Each article is analysed on its own (structure, then the spaCy pipeline over its whole
text with paragraph boundaries as fixed sentence starts), so the result for an article
never depends on the other articles, and ``jobs > 1`` gives the same tables as one job.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from spacy.language import Language

from . import __version__
from .entities import assign_entity_ids, find_mentions
from .nlp import describe_pipeline, load_pipeline
from .quotes import find_quotes
from .reading import read_articles
from .settings import Settings, load_settings
from .structure import Paragraph, analyze_structure, sentence_spans
from .tables import FORMATS, TABLE_NAMES, concat_tables, make_table, write_table
from .timexes import find_timexes

ANALYSIS_TABLES = ("paragraphs", "sentences", "entities", "quotes", "timexes")


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


# --------------------------------------------------------------------- one article


def _prepare_doc(nlp: Language, text: str, paragraphs: list[Paragraph]):
    """Tokenise ``text`` and fix a sentence start at every paragraph and credit start."""
    doc = nlp.make_doc(text)
    starts = {p.start for p in paragraphs} | {p.credit_start for p in paragraphs if p.credit_start}
    for token in doc:
        if token.idx in starts:
            token.is_sent_start = True
    return doc


def _paragraph_index(paragraphs: list[Paragraph], offset: int) -> int:
    return max(0, bisect.bisect_right([p.start for p in paragraphs], offset) - 1)


def _article_tables(article: dict, doc, lang: str, paragraphs: list[Paragraph]) -> dict:
    """Rows of every table for one analysed article."""
    article_id, text = article["article_id"], article["text"]
    paragraph_rows = [
        {
            "article_id": article_id,
            "para_idx": index,
            "start": p.start,
            "end": p.end,
            "kind": p.kind,
            "lang": p.lang,
            "text": text[p.start : p.end],
            "credit": text[p.credit_start : p.credit_end] if p.credit_start is not None else "",
            "credit_start": p.credit_start,
            "credit_end": p.credit_end,
        }
        for index, p in enumerate(paragraphs)
    ]
    sentence_rows = []
    for index, (start, end) in enumerate(sentence_spans(doc)):
        paragraph = paragraphs[_paragraph_index(paragraphs, start)]
        in_credit = paragraph.credit_start is not None and start >= paragraph.credit_start
        sentence_rows.append(
            {
                "article_id": article_id,
                "sent_idx": index,
                "para_idx": _paragraph_index(paragraphs, start),
                "start": start,
                "end": end,
                "text": text[start:end],
                "in_body": paragraph.in_body and not in_credit,
            }
        )
    sentence_starts = [row["start"] for row in sentence_rows]

    def sentence_of(offset: int) -> int:
        return max(0, bisect.bisect_right(sentence_starts, offset) - 1)

    timex_rows = [
        {
            "article_id": article_id,
            "sent_idx": sentence_of(timex.start),
            "start": timex.start,
            "end": timex.end,
            "text": text[timex.start : timex.end],
            "type": timex.type,
            "value": timex.value,
            "anchor_start": timex.anchor_start,
            "anchor_end": timex.anchor_end,
            "granularity": timex.granularity,
        }
        for timex in find_timexes(list(doc.sents), article["date"] or "")
    ]
    entity_rows = [
        {
            "article_id": article_id,
            "sent_idx": sentence_of(mention.start),
            "start": mention.start,
            "end": mention.end,
            "text": text[mention.start : mention.end],
            "label": mention.label,
            "canonical": mention.canonical,
            "in_body": mention.in_body,
        }
        for mention in find_mentions(doc, paragraphs)
    ]
    quote_rows = [
        {
            "article_id": article_id,
            "quote_idx": index,
            "sent_idx": sentence_of(quote["start"]),
            "text": text[quote["start"] : quote["end"]],
            **quote,
        }
        for index, quote in enumerate(find_quotes(doc, mentions=entity_rows, paragraphs=paragraphs))
    ]
    return {
        "articles": [{**article, "lang": lang}],
        "paragraphs": paragraph_rows,
        "sentences": sentence_rows,
        "entities": entity_rows,
        "quotes": quote_rows,
        "timexes": timex_rows,
        "errors": [],
    }


def _analysis_error(article: dict, exc: Exception) -> dict:
    return {
        "articles": [],
        "errors": [
            {
                "source": article["source"],
                "article_id": article["article_id"],
                "stage": "analyze",
                "error": f"{type(exc).__name__}: {exc}",
            }
        ],
    }


def analyze_batch(articles: list[dict], nlp: Language, settings: Settings) -> list[dict]:
    """Analyse a batch of article rows; an article that fails becomes an error row."""
    results: list[dict] = [{} for _ in articles]
    prepared = []
    for index, article in enumerate(articles):
        try:
            lang, paragraphs = analyze_structure(article["text"], settings=settings)
            doc = _prepare_doc(nlp, article["text"], paragraphs)
            prepared.append((index, lang, paragraphs, doc))
        except Exception as exc:  # one bad article must not stop the corpus
            results[index] = _analysis_error(article, exc)
    try:
        docs = list(nlp.pipe((item[3] for item in prepared), batch_size=settings.batch_size))
    except Exception:  # find the article that fails, analyse the others one by one
        docs = [_pipe_one(nlp, item[3]) for item in prepared]
    for (index, lang, paragraphs, _), doc in zip(prepared, docs, strict=True):
        article = articles[index]
        if isinstance(doc, Exception):
            results[index] = _analysis_error(article, doc)
        else:
            results[index] = _article_tables(article, doc, lang, paragraphs)
    return results


def _pipe_one(nlp: Language, doc):
    try:
        return nlp(doc)
    except Exception as exc:
        return exc


# ------------------------------------------------------------------- parallel runs

_WORKER: dict = {}


def _init_worker(model: str | None, settings: Settings) -> None:
    _WORKER["nlp"] = load_pipeline(model, settings=settings)
    _WORKER["settings"] = settings


def _worker_batch(articles: list[dict]) -> list[dict]:
    return analyze_batch(articles, _WORKER["nlp"], _WORKER["settings"])


def _batches(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def iter_analyzed(
    rows: Iterable[dict],
    *,
    model: str | Path | None = None,
    nlp: Language | None = None,
    settings: Settings | None = None,
    jobs: int = 1,
) -> Iterator[dict]:
    """Analyse article rows in input order, yielding per-article table rows."""
    settings = settings or load_settings()
    batches = _batches(rows, settings.batch_size)
    if jobs <= 1:
        nlp = nlp or load_pipeline(model, settings=settings)
        for batch in batches:
            yield from analyze_batch(batch, nlp, settings)
        return
    if nlp is not None:
        raise ValueError("jobs > 1 loads the pipeline in each process: pass model=, not nlp=")
    model_name = None if model is None else str(model)
    with ProcessPoolExecutor(
        jobs, initializer=_init_worker, initargs=(model_name, settings)
    ) as pool:
        for results in pool.map(_worker_batch, batches):
            yield from results


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
    rows = make_table("articles", articles).to_dict("records")
    collected: dict[str, list] = {name: [] for name in TABLE_NAMES}
    for tables in iter_analyzed(rows, model=model, nlp=nlp, settings=settings, jobs=jobs):
        for name, table_rows in tables.items():
            collected[name].extend(table_rows)
        if on_article is not None:
            on_article()
    pipeline = nlp or load_pipeline(model, settings=settings)
    tables = {name: make_table(name, collected[name]) for name in TABLE_NAMES if name != "errors"}
    tables["entities"]["entity_id"] = assign_entity_ids(tables["entities"])
    return Analysis(
        **tables,
        errors=concat_tables("errors", [input_errors, make_table("errors", collected["errors"])]),
        meta={"artikel": __version__, "pipeline": describe_pipeline(pipeline)},
    )
