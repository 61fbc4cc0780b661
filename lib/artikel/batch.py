"""Corpus runs: stream articles in batches, analyse them (in parallel, cached), write tables.

``analyze_corpus`` never holds more than one batch of articles and results in memory: it
reads inputs lazily, analyses a batch (on ``jobs`` processes or a Dask cluster), appends
the rows to the output files and forgets them. Results are cached per article, so a
re-run on an unchanged corpus does no NLP work and a killed run, started again, redoes
only what was not finished. Output files are written under temporary names and renamed
when complete, so a half-written file is never mistaken for a finished one.
"""

from __future__ import annotations

import os
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from tqdm import tqdm

from .cache import ResultCache, analysis_version
from .entities import entity_id_map
from .parallel import Executor, Pending
from .reading import Article, iter_articles
from .settings import Settings, load_settings
from .tables import FORMATS, TABLE_NAMES, from_csv_strings, make_table

CACHE_FILE = ".artikel-cache.sqlite"
ARTICLE_FIELDS = (
    "article_id",
    "source",
    "title",
    "url",
    "outlet",
    "encoding",
    "text_offset",
    "notes",
)


@dataclass
class CorpusRun:
    """What a corpus run did: counts for the summary line and for tests."""

    out_dir: Path
    fmt: str
    pipeline: str
    articles: int = 0
    words: int = 0
    errors: int = 0
    analysed: int = 0  # articles that went through the NLP pipeline in this run
    cached: int = 0  # articles whose results came from the cache
    rows: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        """One line for the terminal."""
        return (
            f"{self.articles} articles ({self.words:,} words; {self.analysed} analysed, "
            f"{self.cached} from cache), {self.rows['sentences']} sentences, "
            f"{self.rows['entities']} entities, {self.rows['quotes']} quotes, "
            f"{self.rows['timexes']} timexes; {self.errors} errors"
        )


# -------------------------------------------------------------------------- writers


class TableWriter:
    """Appends batches of one table to ``<name>.<fmt>.partial``; ``close`` renames it."""

    def __init__(self, out_dir: Path, name: str, fmt: str) -> None:
        self.name, self.fmt = name, fmt
        self.final = out_dir / f"{name}.{fmt}"
        self.partial = out_dir / f".{name}.{fmt}.partial"
        self.schema = pa.Schema.from_pandas(make_table(name), preserve_index=False)
        self._parquet: pq.ParquetWriter | None = None
        self._csv_started = False
        if self.partial.exists():
            self.partial.unlink()

    def write(self, rows: list[dict]) -> None:
        """Append rows (in the table's schema)."""
        if not rows:
            return
        frame = make_table(self.name, rows)
        if self.fmt == "parquet":
            if self._parquet is None:
                self._parquet = pq.ParquetWriter(self.partial, self.schema)
            self._parquet.write_table(
                pa.Table.from_pandas(frame, schema=self.schema, preserve_index=False)
            )
        else:
            frame.to_csv(self.partial, mode="a", header=not self._csv_started, index=False)
            self._csv_started = True

    def close(self) -> Path:
        """Finish the file (an empty table still gets its header) and move it into place."""
        if self.fmt == "parquet":
            if self._parquet is None:
                pq.write_table(
                    pa.Table.from_pandas(
                        make_table(self.name), schema=self.schema, preserve_index=False
                    ),
                    self.partial,
                )
            else:
                self._parquet.close()
        elif not self._csv_started:
            make_table(self.name).to_csv(self.partial, index=False)
        os.replace(self.partial, self.final)
        return self.final


def _fill_entity_ids(path: Path, fmt: str, ids: dict[tuple[str, str], str]) -> None:
    """Second pass over the entities file: set the corpus-wide ``entity_id``, streaming."""
    temporary = path.with_name(f".{path.name}.ids")
    schema = pa.Schema.from_pandas(make_table("entities"), preserve_index=False)

    def with_ids(frame: pd.DataFrame) -> pd.DataFrame:
        frame = make_table("entities", frame)
        frame["entity_id"] = pd.array(
            [ids.get(pair, "") for pair in zip(frame["label"], frame["canonical"], strict=True)],
            dtype="string",
        )
        return frame

    if fmt == "parquet":
        source = pq.ParquetFile(path)
        with pq.ParquetWriter(temporary, schema) as writer:
            for index in range(source.num_row_groups):
                frame = with_ids(source.read_row_group(index).to_pandas())
                writer.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False))
    else:
        header = True
        for chunk in pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=100_000):
            with_ids(from_csv_strings(chunk, "entities")).to_csv(
                temporary, mode="a", header=header, index=False
            )
            header = False
        if header:
            make_table("entities").to_csv(temporary, index=False)
    os.replace(temporary, path)


# ----------------------------------------------------------------------------- runs


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _rebind(result: dict, article: dict) -> dict:
    """A cached result with the identity of the article at hand (id, source, …)."""
    article_id = article["article_id"]
    tables = {
        name: [{**row, "article_id": article_id} for row in rows] for name, rows in result.items()
    }
    tables["articles"] = [{**tables["articles"][0], **{k: article[k] for k in ARTICLE_FIELDS}}]
    return tables


@dataclass
class _Batch:
    """One batch between submission and writing."""

    articles: list[dict]
    keys: list
    cached: dict
    pending: Pending
    bad_inputs: int


def _submit(chunk: list, executor: Executor, store, writers: dict, run: CorpusRun) -> _Batch:
    """Write the batch's unreadable inputs, look its articles up in the cache, send the rest
    to the executor."""
    articles = [item.row() for item in chunk if isinstance(item, Article)]
    bad = [item.row() for item in chunk if not isinstance(item, Article)]
    writers["errors"].write(bad)
    run.errors += len(bad)
    run.rows["errors"] += len(bad)
    keys = [store.key(a) for a in articles] if store else [None] * len(articles)
    cached = store.get_many(keys) if store else {}
    todo = [a for a, k in zip(articles, keys, strict=True) if k is None or k not in cached]
    return _Batch(articles, keys, cached, executor.submit(todo), len(bad))


def _finish(batch: _Batch, store, writers: dict, run: CorpusRun, names: Counter) -> None:
    """Collect a batch's results (cached or fresh), write its rows, cache the new ones."""
    fresh = iter(batch.pending.result())
    new_entries = {}
    batch_rows: dict[str, list[dict]] = {name: [] for name in TABLE_NAMES}
    for article, key in zip(batch.articles, batch.keys, strict=True):
        if key is not None and key in batch.cached:
            result = _rebind(batch.cached[key], article)
            run.cached += 1
        else:
            result = next(fresh)
            run.analysed += 1
            if store and result.get("articles") and not result.get("errors"):
                new_entries[key] = result
        for name, rows in result.items():
            batch_rows[name].extend(rows)
        names.update((row["label"], row["canonical"]) for row in result.get("entities", []))
        if result.get("articles"):
            run.articles += 1
            run.words += int(article["n_words"])
        else:
            run.errors += 1
    for name, rows in batch_rows.items():
        writers[name].write(rows)
        run.rows[name] += len(rows)
    if store and new_entries:
        store.put_many(new_entries)


def analyze_corpus(
    paths: Sequence[str | Path] | str | Path,
    out_dir: str | Path,
    *,
    fmt: str = "parquet",
    jobs: int = 1,
    model: str | None = None,
    settings: Settings | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    cache: bool | str | Path = True,
    batch_size: int = 64,
    progress: bool = False,
    on_batch: Callable[[int], object] | None = None,
) -> CorpusRun:
    """Analyse every article under ``paths`` and write all tables to ``out_dir``, streaming.

    Args:
        paths: files, folders, globs (as for ``read_articles``).
        out_dir: folder for ``<table>.<fmt>`` (and the cache file, by default).
        fmt: ``"parquet"`` (row groups of one batch) or ``"csv"``.
        jobs: processes (local engine) or Dask workers (dask engine without scheduler).
        model: spaCy pipeline (see ``load_pipeline``).
        settings: limits and options.
        engine: ``"local"`` or ``"dask"``.
        scheduler: address of a running dask.distributed scheduler (a LocalCluster with
            ``jobs`` workers when omitted).
        cache: ``True`` for ``out_dir/.artikel-cache.sqlite``, a path for another cache
            file, ``False`` for none.
        batch_size: articles read, analysed and written at a time.
        progress: show a progress bar on stderr.
        on_batch: called with the number of articles done after each batch.

    Returns:
        A ``CorpusRun`` with the counts of the run.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    settings = settings or load_settings()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    executor = Executor(
        jobs=jobs, model=model, settings=settings, engine=engine, scheduler=scheduler
    )
    store = None
    bar = tqdm(unit="article", desc="analysing", disable=not progress, file=sys.stderr)
    try:
        pipeline = executor.info()
        run = CorpusRun(out_dir, fmt, pipeline.name)
        if cache:
            cache_path = out_dir / CACHE_FILE if cache is True else Path(cache)
            store = ResultCache(cache_path, analysis_version(pipeline, settings))
        writers = {name: TableWriter(out_dir, name, fmt) for name in TABLE_NAMES}
        names: Counter = Counter()
        # Batches in flight: with workers, the next batch is submitted before the last one
        # is written, so the workers never wait for this process.
        in_flight: deque[_Batch] = deque()
        depth = 2 if executor.concurrent else 1

        def finish_oldest() -> None:
            done = in_flight.popleft()
            _finish(done, store, writers, run, names)
            bar.update(len(done.articles) + done.bad_inputs)
            if on_batch is not None:
                on_batch(run.articles + run.errors)

        for chunk in _chunks(iter_articles(paths, settings=settings), batch_size):
            in_flight.append(_submit(chunk, executor, store, writers, run))
            if len(in_flight) >= depth:
                finish_oldest()
        while in_flight:
            finish_oldest()
        paths_written = {name: writer.close() for name, writer in writers.items()}
        _fill_entity_ids(paths_written["entities"], fmt, entity_id_map(names))
    finally:
        bar.close()
        executor.close()
        if store:
            store.close()
    return run
