"""Benchmark: corpus runs at scale (issue: corpus scale). Run on demand; prints figures.

For each size it builds a corpus of seed-sized articles (the seed with names swapped and
a numbered closing line, so every article is distinct; the project's own text), then runs
``artikel analyze`` in a fresh process and reports:

* wall time and articles/s of the first run (``--jobs``),
* peak resident memory of the largest process of the run and of all its processes together
  (flat memory = streaming works),
* wall time of a second run on the unchanged corpus (served from the cache),
* words/s of the full analysis vs the bare spaCy pipeline on the same texts (one process).

    python benchmarks/bench_corpus.py --sizes 1000 10000 --jobs 2
    python benchmarks/bench_corpus.py --sizes 1000 10000 100000 --jobs 2   # the issue's run
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

import artikel
from artikel.nlp import describe_pipeline, load_pipeline
from artikel.reading import count_words
from artikel.tables import make_table

ROOT = Path(__file__).resolve().parents[1]
SWAPS = [
    ("Trump", "Biden"),
    ("Kim", "Moon"),
    ("Hanoi", "Singapur"),
    ("Donnerstag", "Freitag"),
    ("Sanders", "Psaki"),
    ("Washington", "New York"),
]


def seed_variants(count: int) -> list[dict]:
    """``count`` distinct seed-sized articles."""
    seed = artikel.read_articles(ROOT / "seeds").iloc[0]
    rows = []
    for number in range(count):
        text = seed.text
        for bit, (old, new) in enumerate(SWAPS):
            if (number >> bit) & 1:
                text = text.replace(old, new)
        rows.append(
            {"id": f"v{number:06d}", "date": seed.date, "text": f"{text}\n\nStand: {number}"}
        )
    return rows


def write_corpus(folder: Path, count: int) -> Path:
    path = folder / f"corpus-{count}.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for row in seed_variants(count):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def _tree_rss(process: psutil.Process) -> tuple[int, int]:
    """(largest, summed) resident memory in bytes of a process and its descendants."""
    sizes = []
    for member in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):  # ended between listing and reading
            sizes.append(member.memory_info().rss)
    return max(sizes, default=0), sum(sizes)


def timed_run(
    corpus: Path, out: Path, *, jobs: int, model: str | None
) -> tuple[float, float, float, str]:
    """(seconds, peak RSS of the largest process in MB, peak RSS of all processes of the
    run in MB, summary line) of ``artikel analyze`` in its own process.

    Memory is sampled every 50 ms from /proc (psutil) over the process and its workers;
    ``ru_maxrss`` cannot be used: a child started by fork+exec inherits the high-water mark
    of the benchmark process that started it.
    """
    command = [sys.executable, "-m", "artikel.cli", "analyze", str(corpus), "--out", str(out)]
    command += ["--jobs", str(jobs), "--quiet", *(["--model", model] if model else [])]
    largest = total = 0
    start = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as child:
        process = psutil.Process(child.pid)
        while child.poll() is None:
            one, everything = _tree_rss(process)
            largest, total = max(largest, one), max(total, everything)
            time.sleep(0.05)
        summary = child.stdout.read().strip()
    seconds = time.perf_counter() - start
    if child.returncode:
        raise SystemExit(f"artikel analyze failed ({child.returncode}): {' '.join(command)}")
    return seconds, largest / 2**20, total / 2**20, summary


def words_per_second(model: str | None, count: int = 100) -> tuple[float, float, str]:
    rows = [
        {
            "article_id": r["id"],
            "source": "bench",
            "text": r["text"],
            "date": r["date"],
            "date_precision": "month",
        }
        for r in seed_variants(count)
    ]
    words = sum(count_words(r["text"]) for r in rows)
    nlp = load_pipeline(model)
    start = time.perf_counter()
    for _ in nlp.pipe(r["text"] for r in rows):
        pass
    bare = words / (time.perf_counter() - start)
    start = time.perf_counter()
    artikel.analyze(make_table("articles", rows), nlp=nlp)
    full = words / (time.perf_counter() - start)
    return bare, full, describe_pipeline(nlp)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--model", default=None, help="default: the shipped model")
    args = parser.parse_args()

    bare, full, pipeline = words_per_second(args.model)
    print(
        f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python "
        f"{platform.python_version()}, pipeline {pipeline}, jobs {args.jobs}"
    )
    print(
        f"words/s, 1 process: bare spaCy pipeline {bare:,.0f}, full analysis {full:,.0f} "
        f"({full / bare:.2f}x)"
    )
    print(
        f"{'articles':>9} {'words':>11} {'first run':>10} {'art/s':>7} {'peak RSS':>9} "
        f"{'all procs':>9} {'re-run':>8} {'speed-up':>8}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            corpus = write_corpus(Path(folder), size)
            out = Path(folder) / f"out-{size}"
            words = size * count_words(seed_variants(1)[0]["text"])
            first, peak, peak_all, _ = timed_run(corpus, out, jobs=args.jobs, model=args.model)
            again, _, _, summary = timed_run(corpus, out, jobs=args.jobs, model=args.model)
            print(
                f"{size:>9,} {words:>11,} {first:>9.1f}s {size / first:>7.1f} {peak:>7.0f}MB "
                f"{peak_all:>7.0f}MB {again:>7.1f}s {first / again:>7.1f}x",
                flush=True,
            )
            print(f"          re-run: {summary}", flush=True)
            corpus.unlink()
            shutil.rmtree(out)


if __name__ == "__main__":
    main()
