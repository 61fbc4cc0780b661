"""Corpus runs: streaming output, parallel and Dask runs, cache, resume, bad inputs."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

import artikel
from artikel.run import CACHE_FILE, analyze_corpus
from artikel.tables import TABLE_NAMES, read_table

SWAPS = [("Trump", "Biden"), ("Kim", "Moon"), ("Hanoi", "Singapur"), ("Donnerstag", "Freitag")]


@pytest.fixture()
def corpus(tmp_path, seed_path):
    """Ten article files made from the seed (names swapped), and two bad inputs."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    seed = seed_path.read_text(encoding="utf-8")
    for number in range(10):
        text = seed
        for bit, (old, new) in enumerate(SWAPS):
            if (number >> bit) & 1:
                text = text.replace(old, new)
        (folder / f"a{number:02d}.txt").write_text(
            text + f"\n\nNachtrag {number}.", encoding="utf-8"
        )
    (folder / "a04b.txt").write_bytes(b"\x00\x01binary")
    (folder / "a07b.txt").write_text(" date 2019-13 Kaputtes Datum.", encoding="utf-8")
    return folder


def digests(out_dir, fmt="parquet"):
    """A digest of every table's content (row order included)."""
    result = {}
    for name in TABLE_NAMES:
        frame = read_table(out_dir / f"{name}.{fmt}")
        result[name] = hashlib.sha256(
            pd.util.hash_pandas_object(frame, index=True).values
        ).hexdigest()
    return result


def test_streamed_output_keeps_every_input(corpus, tmp_path):
    run = analyze_corpus(corpus, tmp_path / "out", model="rules", batch_size=3)
    assert (run.articles, run.errors) == (10, 2)
    articles = read_table(tmp_path / "out" / "articles.parquet")
    errors = read_table(tmp_path / "out" / "errors.parquet")
    assert list(articles["article_id"]) == [f"a{n:02d}" for n in range(10)]
    assert sorted(errors["source"].str.rsplit("/", n=1).str[-1]) == ["a04b.txt", "a07b.txt"]
    entities = read_table(tmp_path / "out" / "entities.parquet")
    assert (entities["entity_id"] != "").all() or entities.empty


def test_jobs_two_equals_jobs_one(corpus, tmp_path):
    analyze_corpus(corpus, tmp_path / "one", model="rules", batch_size=4, cache=False)
    analyze_corpus(corpus, tmp_path / "two", model="rules", batch_size=4, cache=False, jobs=2)
    assert digests(tmp_path / "one") == digests(tmp_path / "two")


def test_rerun_is_served_from_the_cache_and_a_change_reanalyses_one(corpus, tmp_path):
    out = tmp_path / "out"
    first = analyze_corpus(corpus, out, model="rules", batch_size=4)
    assert (first.analysed, first.cached) == (10, 0)
    before = digests(out)
    second = analyze_corpus(corpus, out, model="rules", batch_size=4)
    assert (second.analysed, second.cached) == (0, 10)  # no NLP work at all
    assert digests(out) == before
    changed = corpus / "a03.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("Hanoi", "Hue"), encoding="utf-8"
    )
    third = analyze_corpus(corpus, out, model="rules", batch_size=4)
    assert (third.analysed, third.cached) == (1, 9)


def test_an_interrupted_run_resumes(corpus, tmp_path):
    class Interrupted(Exception):
        pass

    def stop_after_first_batch(done):
        raise Interrupted

    out = tmp_path / "out"
    with pytest.raises(Interrupted):
        analyze_corpus(corpus, out, model="rules", batch_size=4, on_batch=stop_after_first_batch)
    assert not any((out / f"{name}.parquet").exists() for name in TABLE_NAMES)  # nothing final
    assert (out / CACHE_FILE).exists()
    resumed = analyze_corpus(corpus, out, model="rules", batch_size=4)
    assert resumed.cached == 4 and resumed.analysed == 6
    analyze_corpus(corpus, tmp_path / "clean", model="rules", batch_size=4, cache=False)
    assert digests(out) == digests(tmp_path / "clean")


def test_csv_output_equals_parquet_output(corpus, tmp_path):
    analyze_corpus(corpus, tmp_path / "p", model="rules", cache=False)
    analyze_corpus(corpus, tmp_path / "c", model="rules", cache=False, fmt="csv")
    assert digests(tmp_path / "p") == digests(tmp_path / "c", "csv")


def test_dask_local_cluster_equals_local_run(corpus, tmp_path):
    analyze_corpus(corpus, tmp_path / "local", model="rules", batch_size=5, cache=False)
    analyze_corpus(
        corpus, tmp_path / "dask", model="rules", batch_size=5, cache=False, engine="dask", jobs=2
    )
    assert digests(tmp_path / "local") == digests(tmp_path / "dask")


def test_a_missing_model_with_jobs_is_a_clear_error_before_any_work(corpus, tmp_path):
    from artikel.nlp import ModelNotFoundError

    with pytest.raises(ModelNotFoundError, match="no spaCy pipeline at"):
        analyze_corpus(corpus, tmp_path / "out", model=str(tmp_path / "nowhere"), jobs=2)
    assert not (tmp_path / "out" / "articles.parquet").exists()


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_speaker_ids_name_the_speakers_entity_across_articles(tmp_path, fmt):
    """``speaker_id`` is the corpus-wide ``entity_id`` of a named speaker, on disk as in
    memory, so speakers can be counted across articles."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Die Ministerin Anna Keller sagte am Montag, der Haushalt sei solide.\n", encoding="utf-8"
    )
    (folder / "b.txt").write_text(
        "„Wir sparen nicht an der Bildung“, sagte Anna Keller in Bern.\n", encoding="utf-8"
    )
    analyze_corpus(folder, tmp_path / "out", fmt=fmt)
    quotes = read_table(tmp_path / "out" / f"quotes.{fmt}")
    entities = read_table(tmp_path / "out" / f"entities.{fmt}")
    keller = set(entities.loc[entities["canonical"] == "Anna Keller", "entity_id"])
    assert keller == {"PER:anna-keller"}
    assert list(quotes["speaker_id"]) == ["PER:anna-keller", "PER:anna-keller"]
    in_memory = artikel.analyze(folder).quotes
    assert list(in_memory["speaker_id"]) == list(quotes["speaker_id"])
