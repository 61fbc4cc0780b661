"""Benchmark: words per second of the full analysis vs. the bare spaCy pipeline.

Run on demand (``make benchmark``); prints figures, asserts nothing. The corpus is built
from the seed article and variants of it (names and numbers swapped), so it is the
project's own text.

    python benchmarks/bench_analyze.py --articles 200
"""

from __future__ import annotations

import argparse
import platform
import time
from pathlib import Path

import artikel
from artikel.nlp import describe_pipeline, load_pipeline
from artikel.tables import make_table

ROOT = Path(__file__).resolve().parents[1]
SWAPS = [("Trump", "Biden"), ("Kim", "Moon"), ("Hanoi", "Singapur"), ("Donnerstag", "Freitag")]


def seed_variants(count: int) -> list[dict]:
    """``count`` articles: the seed and copies with names swapped."""
    seed = artikel.read_articles(ROOT / "seeds").iloc[0]
    rows = []
    for number in range(count):
        text = seed.text
        for index, (old, new) in enumerate(SWAPS):
            if (number >> index) & 1:
                text = text.replace(old, new)
        rows.append({"article_id": f"v{number}", "source": "bench", "text": f"{text}\n\n{number}."})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    rows = seed_variants(args.articles)
    articles = make_table("articles", rows)
    words = sum(artikel.reading.count_words(row["text"]) for row in rows)
    nlp = load_pipeline(args.model)

    start = time.perf_counter()
    for _ in nlp.pipe(row["text"] for row in rows):
        pass
    bare = time.perf_counter() - start

    start = time.perf_counter()
    artikel.analyze(articles, nlp=nlp)
    full = time.perf_counter() - start

    pipeline = describe_pipeline(nlp)
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, pipeline {pipeline}")
    print(f"corpus: {len(rows)} articles, {words:,} words")
    print(f"bare spaCy pipeline : {words / bare:10,.0f} words/s")
    print(f"artikel.analyze     : {words / full:10,.0f} words/s  ({bare / full:.2f}x of bare)")


if __name__ == "__main__":
    main()
