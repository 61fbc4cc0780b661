"""Running ``analyze_batch`` on several processes or a Dask cluster, keeping input order."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

from spacy.language import Language

from .annotate import analyze_batch
from .nlp import load_pipeline
from .settings import Settings

_WORKER: dict = {}


def _init_worker(model: str | None, settings: Settings) -> None:
    _WORKER["nlp"] = load_pipeline(model, settings=settings)
    _WORKER["settings"] = settings


def _worker_batch(articles: list[dict]) -> list[dict]:
    return analyze_batch(articles, _WORKER["nlp"], _WORKER["settings"])


def _dask_batch(articles: list[dict], model: str | None, settings: Settings) -> list[dict]:
    """Runs on a Dask worker: the pipeline is loaded once per worker process (cached)."""
    return analyze_batch(articles, load_pipeline(model, settings=settings), settings)


class Executor:
    """Analyses lists of article rows locally (1..n processes) or on a Dask cluster."""

    def __init__(
        self,
        *,
        jobs: int,
        model: str | None,
        settings: Settings,
        engine: str,
        scheduler: str | None,
    ) -> None:
        self.jobs, self.model, self.settings, self.engine = jobs, model, settings, engine
        self.pool = None
        self.client = None
        self.cluster = None
        if engine == "dask":
            from dask.distributed import Client, LocalCluster

            if scheduler:
                self.client = Client(scheduler)
            else:
                self.cluster = LocalCluster(
                    n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
                )
                self.client = Client(self.cluster)
        elif engine != "local":
            raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
        elif jobs > 1:
            self.pool = ProcessPoolExecutor(
                jobs, initializer=_init_worker, initargs=(model, settings)
            )

    def run(self, articles: list[dict], nlp: Language) -> list[dict]:
        """Per-article results of ``articles``, in their order (``nlp`` serves one job)."""
        if not articles:
            return []
        size = max(1, -(-len(articles) // max(1, self.jobs)))
        parts = [articles[i : i + size] for i in range(0, len(articles), size)]
        if self.client is not None:
            futures = self.client.map(
                _dask_batch, parts, model=self.model, settings=self.settings, pure=False
            )
            return [row for part in self.client.gather(futures) for row in part]
        if self.pool is not None:
            return [row for part in self.pool.map(_worker_batch, parts) for row in part]
        return analyze_batch(articles, nlp, self.settings)

    def close(self) -> None:
        """Stop the processes or the cluster this executor started."""
        if self.pool is not None:
            self.pool.shutdown()
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
