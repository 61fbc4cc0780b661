"""One loop behind ``analyze`` and ``analyze_corpus``: read, look up the cache, analyse the rest.

Articles stream through in batches. Each batch's cached results come from the cache; the
other articles go to an executor (this process, worker processes or a Dask cluster) that is
started only when some article needs analysing, so a re-run on an unchanged corpus loads
no pipeline. Every row goes to a *sink*: memory (``analyze``) or files (``analyze_corpus``);
after the last batch the sink gets the corpus-wide entity ids. An article's result never
depends on the other articles, so batches, jobs, engines and the cache give the same rows.
"""

from __future__ import annotations

import fcntl
import re
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from spacy.language import Language
from tqdm import tqdm

from .cache import ResultCache, analysis_version, model_digest
from .ids import entity_id_map
from .nlp import check_pipeline, describe_model, describe_pipeline
from .parallel import Executor, Pending
from .reading import Article, InputError, count_inputs, iter_articles
from .settings import Settings, load_settings
from .tables import FORMATS, ID_COLUMNS, TABLE_NAMES, TableWriter, fill_ids, make_table

CACHE_FILE = ".artikel-cache.sqlite"
ANALYSIS_NOTES = ("language ",)  # notes that the analysis, not the reader, writes
LOCK_FILE = ".artikel.lock"
# the identity of an input: taken from the article at hand on a cache hit (notes: _rebind)
ARTICLE_FIELDS = ("article_id", "source", "title", "url", "outlet", "encoding", "text_offset")


class OutputBusyError(OSError):
    """Another run is writing to the same output folder."""


@dataclass
class CorpusRun:
    """What a run did: counts for the summary line and for tests."""

    pipeline: str
    out_dir: Path | None = None
    fmt: str = ""
    articles: int = 0
    words: int = 0
    errors: int = 0
    analysed: int = 0  # articles that went through the NLP pipeline in this run
    cached: int = 0  # articles whose results came from the cache
    rows: Counter = field(default_factory=Counter)
    error_reasons: Counter = field(default_factory=Counter)  # (stage, reason) -> count

    def summary(self) -> str:
        """One line for the terminal."""
        return (
            f"{self.articles} articles ({self.words:,} words; {self.analysed} analysed, "
            f"{self.cached} from cache), {self.rows['sentences']} sentences, "
            f"{self.rows['entities']} entities, {self.rows['quotes']} quotes, "
            f"{self.rows['timexes']} timexes; {self.errors} errors"
        )

    def error_report(self) -> str:
        """The errors counted by stage and reason, one line each (empty when none)."""
        return "\n".join(
            f"{count:>6} × {stage}: {reason}"
            for (stage, reason), count in self.error_reasons.most_common()
        )


# ---------------------------------------------------------------------------- sinks


class MemorySink:
    """Collects every table's rows in memory; ``finish`` returns the DataFrames."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict]] = {name: [] for name in TABLE_NAMES}

    def write(self, name: str, rows: list[dict]) -> None:
        self.rows[name].extend(rows)

    def finish(self, ids: dict[tuple[str, str], str]) -> dict[str, pd.DataFrame]:
        tables = {name: make_table(name, rows) for name, rows in self.rows.items()}
        for table, (column, compute) in ID_COLUMNS.items():
            tables[table][column] = compute(tables[table], ids)
        return tables


class FileSink:
    """Appends every table's rows to ``out_dir/<table>.<fmt>``, under a lock on the folder."""

    def __init__(self, out_dir: Path, fmt: str) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self._lock = (out_dir / LOCK_FILE).open("w")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise OutputBusyError(
                f"another artikel run is writing to {out_dir}; wait for it to finish or "
                f"choose another --out"
            ) from None
        self.fmt = fmt
        self.writers = {name: TableWriter(out_dir, name, fmt) for name in TABLE_NAMES}

    def write(self, name: str, rows: list[dict]) -> None:
        self.writers[name].write(rows)

    def finish(self, ids: dict[tuple[str, str], str]) -> dict[str, Path]:
        paths = {name: writer.close() for name, writer in self.writers.items()}
        for table in ID_COLUMNS:
            fill_ids(paths[table], self.fmt, table, ids)
        return paths

    def release(self) -> None:
        """Close what a failed run left open (no partial file stays), and let the next run
        write to the folder."""
        for writer in self.writers.values():
            if writer.partial.exists():
                writer.abort()
        self._lock.close()


# ---------------------------------------------------------------------------- loop


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
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
    cached = tables["articles"][0]
    tables["articles"] = [{**cached, **{k: article[k] for k in ARTICLE_FIELDS}}]
    # the notes of the input at hand, and those the analysis added (the language note)
    added = [n for n in str(cached.get("notes") or "").split("; ") if n.startswith(ANALYSIS_NOTES)]
    notes = [n for n in (str(article.get("notes") or ""), *added) if n]
    tables["articles"][0]["notes"] = "; ".join(dict.fromkeys(notes))
    return tables


@dataclass
class _Batch:
    """One batch between submission and writing."""

    articles: list[dict]
    keys: list
    cached: dict
    pending: Pending
    bad_inputs: int


class _Runner:
    """The state of one run: sink, cache, the executor once it is needed, the counts."""

    def __init__(
        self, sink, store: ResultCache | None, make_executor: Callable[[], Executor], run: CorpusRun
    ) -> None:
        self.sink, self.store, self.make_executor, self.run = sink, store, make_executor, run
        self.executor: Executor | None = None
        self.names: Counter = Counter()

    def count_error(self, row: dict) -> None:
        self.run.errors += 1
        reason = re.sub(r"^(?:line|row) \d+: ", "", str(row["error"])).split(":")[0]
        self.run.error_reasons[(row["stage"], reason)] += 1

    def submit(self, chunk: list) -> _Batch:
        """Write the chunk's unreadable inputs, look its articles up in the cache, send the
        rest to the executor (started on first need)."""
        articles = [item for item in chunk if isinstance(item, dict)]
        bad = [item.row() for item in chunk if isinstance(item, InputError)]
        self.sink.write("errors", bad)
        self.run.rows["errors"] += len(bad)
        for row in bad:
            self.count_error(row)
        store = self.store
        keys = [store.key(a) for a in articles] if store else [None] * len(articles)
        cached = store.get_many(keys) if store else {}
        todo = [a for a, k in zip(articles, keys, strict=True) if k is None or k not in cached]
        if todo and self.executor is None:
            self.executor = self.make_executor()
        pending = self.executor.submit(todo) if todo else Pending([], rows=[])
        return _Batch(articles, keys, cached, pending, len(bad))

    def finish(self, batch: _Batch) -> None:
        """Collect a batch's results (cached or fresh), write its rows, cache the new ones."""
        fresh = iter(batch.pending.result())
        new_entries = {}
        batch_rows: dict[str, list[dict]] = {name: [] for name in TABLE_NAMES}
        run = self.run
        for article, key in zip(batch.articles, batch.keys, strict=True):
            if key is not None and key in batch.cached:
                result = _rebind(batch.cached[key], article)
                run.cached += 1
            else:
                result = next(fresh)
                run.analysed += 1
                if self.store and result.get("articles") and not result.get("errors"):
                    new_entries[key] = result
            for name, rows in result.items():
                batch_rows[name].extend(rows)
            self.names.update(
                (row["label"], row["canonical"]) for row in result.get("entities", [])
            )
            if result.get("articles"):
                run.articles += 1
                words = article.get("n_words")
                run.words += int(words) if pd.notna(words) else 0
            for row in result.get("errors", []):
                self.count_error(row)
        for name, rows in batch_rows.items():
            self.sink.write(name, rows)
            run.rows[name] += len(rows)
        if self.store and new_entries:
            self.store.put_many(new_entries)

    def close(self) -> None:
        if self.executor is not None:
            self.executor.close()
        if self.store is not None:
            self.store.close()


def run_analysis(
    items: Iterable[dict | InputError],
    sink,
    *,
    model: str | Path | None = None,
    nlp: Language | None = None,
    settings: Settings,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    cache: Path | None = None,
    batch_size: int = 64,
    total: int | None = None,
    progress: bool = False,
    on_batch: Callable[[int], object] | None = None,
) -> tuple[CorpusRun, object]:
    """Analyse ``items`` (article rows and input errors) into ``sink``.

    Returns:
        The run's counts and what ``sink.finish`` returned (DataFrames or file paths).
    """
    if nlp is not None:
        if jobs > 1 or engine != "local":
            raise ValueError(
                "jobs > 1 or dask load the pipeline in each process: pass model=, not nlp="
            )
        name, identity = describe_pipeline(nlp), repr((nlp.meta, nlp.pipe_names))
    else:
        choice = check_pipeline(model, settings=settings)  # a clear error before anything starts
        name, identity = describe_model(choice), model_digest(choice)
    run = CorpusRun(name)
    store = ResultCache(cache, analysis_version(identity, settings)) if cache else None

    def make_executor() -> Executor:
        return Executor(
            jobs=jobs, model=model, settings=settings, engine=engine, scheduler=scheduler, nlp=nlp
        )

    runner = _Runner(sink, store, make_executor, run)
    bar = tqdm(total=total, unit="input", desc="analysing", disable=not progress, file=sys.stderr)
    try:
        in_flight: deque[_Batch] = deque()

        def finish_oldest() -> None:
            done = in_flight.popleft()
            runner.finish(done)
            bar.update(len(done.articles) + done.bad_inputs)
            bar.set_postfix(errors=run.errors, refresh=False)
            if on_batch is not None:
                on_batch(run.articles + run.errors)

        for chunk in _chunks(items, batch_size):
            in_flight.append(runner.submit(chunk))
            # with workers the next batch is submitted before the last one is written
            depth = 2 if runner.executor is not None and runner.executor.concurrent else 1
            while len(in_flight) >= depth:
                finish_oldest()
        while in_flight:
            finish_oldest()
        result = sink.finish(entity_id_map(runner.names, settings))
    finally:
        bar.close()
        runner.close()
    return run, result


def article_items(paths, settings: Settings) -> Iterator[dict | InputError]:
    """The inputs under ``paths`` as article rows and input errors, streamed."""
    for item in iter_articles(paths, settings=settings):
        yield item.row() if isinstance(item, Article) else item


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
        progress: show a progress bar on stderr (its total counts the inputs first).
        on_batch: called with the number of inputs done after each batch.

    Returns:
        A ``CorpusRun`` with the counts of the run.

    Raises:
        OutputBusyError: another run is writing to ``out_dir``.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    settings = settings or load_settings()
    out_dir = Path(out_dir)
    check_pipeline(model, settings=settings)
    sink = FileSink(out_dir, fmt)
    try:
        cache_path = (out_dir / CACHE_FILE if cache is True else Path(cache)) if cache else None
        run, _ = run_analysis(
            article_items(paths, settings),
            sink,
            model=model,
            settings=settings,
            jobs=jobs,
            engine=engine,
            scheduler=scheduler,
            cache=cache_path,
            batch_size=batch_size,
            total=count_inputs(paths) if progress else None,
            progress=progress,
            on_batch=on_batch,
        )
    finally:
        sink.release()
    run.out_dir, run.fmt = out_dir, fmt
    return run
