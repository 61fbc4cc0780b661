"""Table invariants: schemas, offsets, determinism and the article/error bookkeeping."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import artikel
from artikel.nlp import load_pipeline
from artikel.tables import SCHEMAS, TABLE_NAMES, make_table, read_table

SAMPLE_WORDS = (
    "Der Gipfel in Hanoi hat keinen Durchbruch gebracht Trump sagte z. B. Dr. Kim am 27. Februar "
    'US-Präs. „Wir“ «gut» ‚so‘ »nein« "ja" (dpa) Mehr zum Thema Kostenlos bestellen – …'
)
WORDS = st.sampled_from(SAMPLE_WORDS.split())
PUNCT = st.sampled_from(["", "", ".", ",", "!", "?", ":", "“", "»", "\n", " ", "\t"])
PARAGRAPHS = st.lists(
    st.lists(st.tuples(WORDS, PUNCT).map("".join), min_size=1, max_size=40).map(" ".join),
    min_size=1,
    max_size=6,
)


def check_offsets(analysis):
    texts = dict(zip(analysis.articles["article_id"], analysis.articles["text"], strict=True))
    for name in ("paragraphs", "sentences", "entities", "quotes", "timexes"):
        table = analysis.tables()[name]
        for row in table.itertuples():
            assert row.text == texts[row.article_id][row.start : row.end], (name, row)
    for row in analysis.paragraphs.itertuples():
        if row.credit:
            assert texts[row.article_id][row.credit_start : row.credit_end] == row.credit


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs=PARAGRAPHS, separator=st.sampled_from(["\n\n", "\n \n", "\n\n\n"]))
@example(paragraphs=["sagte, Der"], separator="\n\n")  # a speech verb's comma at the text's end
def test_every_text_column_equals_its_slice_of_the_article(paragraphs, separator):
    text = separator.join(paragraphs)
    articles = make_table("articles", [{"article_id": "a", "source": "mem", "text": text}])
    analysis = artikel.analyze(articles, nlp=load_pipeline("rules"))
    if text.strip():
        check_offsets(analysis)
        covered = "".join(analysis.sentences["text"])
        assert "".join(text.split()) == "".join(covered.split())  # no text lost or doubled


def test_seed_offsets_and_schemas(seed_analysis):
    check_offsets(seed_analysis)
    for name, frame in seed_analysis.tables().items():
        assert list(frame.columns) == list(SCHEMAS[name]), name
        assert {c: str(t) for c, t in frame.dtypes.items()} == SCHEMAS[name], name


def test_tables_round_trip_through_csv_and_parquet(seed_analysis, tmp_path):
    for fmt in ("csv", "parquet"):
        paths = seed_analysis.write(tmp_path / fmt, fmt=fmt)
        assert sorted(p.stem for p in paths) == sorted(TABLE_NAMES)
        for path in paths:
            back = read_table(path)
            assert list(back.columns) == list(SCHEMAS[path.stem])
            pd.testing.assert_frame_equal(back, seed_analysis.tables()[path.stem], check_dtype=True)


def test_empty_tables_keep_their_full_headers(tmp_path):
    row = {"article_id": "a", "source": "mem", "text": "ein kurzer text ohne namen und ohne zeit."}
    analysis = artikel.analyze(make_table("articles", [row]), nlp=load_pipeline("rules"))
    empty = [name for name, frame in analysis.tables().items() if frame.empty]
    assert {"entities", "quotes", "timexes", "errors"} <= set(empty)
    for fmt in ("csv", "parquet"):
        for path in analysis.write(tmp_path / fmt, fmt=fmt):
            assert list(read_table(path).columns) == list(SCHEMAS[path.stem])


def test_jobs_two_gives_the_same_tables_as_one(tmp_path, seed_path):
    for number in range(5):
        (tmp_path / f"{number}.txt").write_text(
            seed_path.read_text(encoding="utf-8").replace("Trump", f"Trump{number}"),
            encoding="utf-8",
        )
    one = artikel.analyze(tmp_path, model="rules", jobs=1)
    two = artikel.analyze(tmp_path, model="rules", jobs=2)
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(one.tables()[name], two.tables()[name])


def test_a_failing_article_becomes_an_error_and_the_others_are_analysed(monkeypatch, tmp_path):
    from artikel import annotate as analysis_module

    original = analysis_module.analyze_structure

    def explode_on_marker(text, **kwargs):
        if "EXPLODE" in text:
            raise RuntimeError("boom")
        return original(text, **kwargs)

    monkeypatch.setattr(analysis_module, "analyze_structure", explode_on_marker)
    (tmp_path / "a.txt").write_text("Ein guter Text.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("EXPLODE hier.", encoding="utf-8")
    result = artikel.analyze(tmp_path, model="rules")
    assert list(result.articles["article_id"]) == ["a"]
    error = result.errors.iloc[0]
    assert (error.article_id, error.stage, error.error) == ("b", "analyze", "RuntimeError: boom")
