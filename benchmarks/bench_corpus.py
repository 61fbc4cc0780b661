"""Benchmark: corpus runs at scale (issue: corpus scale). Run on demand; prints figures.

For each size it builds a corpus of seed-sized articles (the seed with names swapped and
a numbered closing line, so every article is distinct; the project's own text), then runs
``artikel analyze`` in a fresh process and reports:

* wall time and articles/s of the first run (``--jobs``),
* peak resident memory of that process (flat memory = streaming works),
* wall time of a second run on the unchanged corpus (served from the cache),
* words/s of the full analysis vs the bare spaCy pipeline on the same texts (one process).

    python benchmarks/bench_corpus.py --sizes 1000 10000 --jobs 2
    python benchmarks/bench_corpus.py --sizes 1000 100000 --model rules   # memory at 100k
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def timed_run(corpus: Path, out: Path, *, jobs: int, model: str | None) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, summary line) of ``artikel analyze`` in its own process."""
    command = [
        sys.executable,
        "-m",
        "artikel.cli",
        "analyze",
        str(corpus),
        "--out",
        str(out),
        "--jobs",
        str(jobs),
        "--quiet",
    ]
    if model:
        command += ["--model", model]
    probe = (
        "import resource, runpy, sys; sys.argv = sys.argv[1:]; "
        "code = 0\ntry: runpy.run_module('artikel.cli', run_name='__main__')\n"
        "except SystemExit as exit: code = exit.code or 0\n"
        "print('PEAK_RSS_KB', max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss), file=sys.stderr)\nsys.exit(code)"
    )
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", probe, *command[2:]], capture_output=True, text=True, check=True
    )
    seconds = time.perf_counter() - start
    peak = next(
        int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK_RSS_KB")
    )
    return seconds, peak / 1024, done.stdout.strip()


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
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
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
        f"{'re-run':>8} {'speed-up':>8}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            corpus = write_corpus(Path(folder), size)
            out = Path(folder) / f"out-{size}"
            words = size * count_words(seed_variants(1)[0]["text"])
            first, peak, _ = timed_run(corpus, out, jobs=args.jobs, model=args.model)
            again, _, summary = timed_run(corpus, out, jobs=args.jobs, model=args.model)
            print(
                f"{size:>9,} {words:>11,} {first:>9.1f}s {size / first:>7.1f} {peak:>7.0f}MB "
                f"{again:>7.1f}s {first / again:>7.1f}x"
            )
            print(f"          re-run: {summary}")


if __name__ == "__main__":
    main()
