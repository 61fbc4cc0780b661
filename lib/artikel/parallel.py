"""Running ``analyze_batch`` on several processes or a Dask cluster, keeping input order.

Worker processes are *spawned*, not forked: a forked worker would carry a copy of
everything the parent process holds, so each of them would count the parent's memory on
top of its own pipeline. Batches are submitted ahead (``submit``) so that the workers keep
analysing while the parent process reads the next batch and writes the last one.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor

from spacy.language import Language

from .annotate import analyze_batch
from .nlp import check_pipeline, load_pipeline
from .settings import Settings

_WORKER: dict = {}


def _init_worker(model: str | None, settings: Settings) -> None:
    # An exception here would only break the pool; keep it for the first task to raise.
    try:
        _WORKER["nlp"] = load_pipeline(model, settings=settings)
    except Exception as exc:
        _WORKER["failure"] = exc
    _WORKER["settings"] = settings


def _worker_nlp() -> Language:
    if "failure" in _WORKER:
        raise _WORKER["failure"]
    return _WORKER["nlp"]


def _worker_batch(articles: list[dict]) -> list[dict]:
    return analyze_batch(articles, _worker_nlp(), _WORKER["settings"])


def _dask_batch(articles: list[dict], model: str | None, settings: Settings) -> list[dict]:
    """Runs on a Dask worker: the pipeline is loaded once per worker process (cached)."""
    return analyze_batch(articles, load_pipeline(model, settings=settings), settings)


class Pending:
    """The results of one submitted batch, in article order."""

    def __init__(self, parts: list, gather=None, rows: list[dict] | None = None) -> None:
        self._parts, self._gather, self._rows = parts, gather, rows

    def result(self) -> list[dict]:
        """Wait for the batch; per-article results in input order."""
        if self._rows is None:
            if self._gather is not None:
                parts = self._gather(self._parts)
            else:
                parts = [future.result() for future in self._parts]
            self._rows = [row for part in parts for row in part]
        return self._rows


class Executor:
    """Analyses lists of article rows locally (1..n processes) or on a Dask cluster.

    With one local job the pipeline runs in this process (``nlp`` if given, else loaded);
    otherwise only the workers load it.
    """

    def __init__(
        self,
        *,
        jobs: int,
        model: str | None,
        settings: Settings,
        engine: str = "local",
        scheduler: str | None = None,
        nlp: Language | None = None,
    ) -> None:
        self.jobs, self.model, self.settings, self.engine = max(1, jobs), model, settings, engine
        self.nlp = nlp
        self.pool = None
        self.client = None
        self.cluster = None
        if engine == "dask":
            from dask.distributed import Client, LocalCluster

            if scheduler:
                self.client = Client(scheduler)
            else:
                self.cluster = LocalCluster(
                    n_workers=self.jobs,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
                self.client = Client(self.cluster)
        elif engine != "local":
            raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
        elif self.jobs > 1:
            check_pipeline(model, settings=settings)  # a clear error before any process starts
            self.pool = ProcessPoolExecutor(
                self.jobs,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(model, settings),
            )
        elif self.nlp is None:
            self.nlp = load_pipeline(model, settings=settings)

    @property
    def concurrent(self) -> bool:
        """Whether submitted batches run beside this process."""
        return self.pool is not None or self.client is not None

    def submit(self, articles: list[dict]) -> Pending:
        """Start analysing ``articles`` (split over the workers); see ``Pending.result``."""
        if not articles:
            return Pending([], rows=[])
        if not self.concurrent:
            return Pending([], rows=analyze_batch(articles, self.nlp, self.settings))
        size = max(1, -(-len(articles) // self.jobs))
        parts = [articles[i : i + size] for i in range(0, len(articles), size)]
        if self.client is not None:
            futures = self.client.map(
                _dask_batch, parts, model=self.model, settings=self.settings, pure=False
            )
            return Pending(futures, gather=self.client.gather)
        futures: list[Future] = [self.pool.submit(_worker_batch, part) for part in parts]
        return Pending(futures)

    def close(self) -> None:
        """Stop the processes or the cluster this executor started."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
