"""The one run path: cache key from the code, no pipeline for a cached re-run, load_analysis,
the output lock, the language check, the exit status and error counts of the command line."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

import artikel
from artikel import cache, cli, parallel, run
from artikel.tables import make_table


@pytest.fixture()
def small_corpus(tmp_path, seed_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    seed = seed_path.read_text(encoding="utf-8")
    for number, city in enumerate(["Hanoi", "Hue", "Singapur"]):
        (folder / f"a{number}.txt").write_text(seed.replace("Hanoi", city), encoding="utf-8")
    return folder


def test_a_changed_package_file_makes_a_cached_rerun_analyse_again(
    small_corpus, tmp_path, monkeypatch
):
    package = tmp_path / "package"
    shutil.copytree(
        cache.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("models", "__pycache__")
    )
    monkeypatch.setattr(cache, "PACKAGE_DIR", package)
    cache.code_digest.cache_clear()
    out = tmp_path / "out"
    assert run.analyze_corpus(small_corpus, out, model="rules").analysed == 3
    assert run.analyze_corpus(small_corpus, out, model="rules").analysed == 0
    quotes = package / "quotes" / "direct.py"
    quotes.write_text(quotes.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    cache.code_digest.cache_clear()
    assert run.analyze_corpus(small_corpus, out, model="rules").analysed == 3
    cache.code_digest.cache_clear()


def test_a_cached_rerun_starts_no_worker_and_loads_no_pipeline(small_corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    first = run.analyze_corpus(small_corpus, out, model="rules", jobs=2)
    assert first.analysed == 3

    def no_executor(*args, **kwargs):
        raise AssertionError("an executor was started for a fully cached corpus")

    monkeypatch.setattr(run, "Executor", no_executor)
    monkeypatch.setattr(parallel, "load_pipeline", no_executor)
    second = run.analyze_corpus(small_corpus, out, model="rules", jobs=2)
    assert (second.analysed, second.cached, second.articles) == (0, 3, 3)


def test_load_analysis_gives_back_what_analyze_returns(small_corpus, tmp_path):
    memory = artikel.analyze(small_corpus, model="rules")
    for fmt in ("parquet", "csv"):
        artikel.analyze_corpus(small_corpus, tmp_path / fmt, model="rules", fmt=fmt)
        loaded = artikel.load_analysis(tmp_path / fmt)
        for name, frame in memory.tables().items():
            got = getattr(loaded, name)
            if name == "errors":
                assert got.empty and frame.empty
                continue
            drop = ["source"] if "source" in frame.columns else []
            pd.testing.assert_frame_equal(
                got.drop(columns=drop).reset_index(drop=True),
                frame.drop(columns=drop).reset_index(drop=True),
                check_dtype=True,
            )
        assert artikel.entity_counts(loaded).equals(artikel.entity_counts(memory))


def test_load_analysis_names_the_missing_table(tmp_path):
    with pytest.raises(FileNotFoundError, match="articles"):
        artikel.load_analysis(tmp_path)


def test_a_second_run_on_the_same_output_folder_stops_with_a_clear_message(small_corpus, tmp_path):
    out = tmp_path / "out"
    holder = run.FileSink(out, "parquet")
    try:
        with pytest.raises(run.OutputBusyError, match="another artikel run is writing"):
            run.analyze_corpus(small_corpus, out, model="rules")
    finally:
        holder.release()
    assert run.analyze_corpus(small_corpus, out, model="rules").articles == 3


def test_an_english_article_gets_no_german_entities_quotes_or_timexes():
    english = (
        "The German government said on Thursday that it would raise taxes next year. "
        "The opposition strongly criticised the plan and demanded a vote in parliament."
    )
    german = (
        "Die Bundesregierung hat am Donnerstag angekündigt, die Steuern zu erhöhen. Die "
        "Opposition kritisierte den Plan scharf, sagte Parteichefin Anna Weber in Berlin."
    )
    rows = [
        {"article_id": "en", "text": english, "date": "2024-03", "date_precision": "month"},
        {"article_id": "de", "text": german, "date": "2024-03", "date_precision": "month"},
    ]
    analysis = artikel.analyze(make_table("articles", rows))
    langs = dict(zip(analysis.articles["article_id"], analysis.articles["lang"], strict=True))
    assert langs == {"en": "en", "de": "de"}
    for table in (analysis.entities, analysis.quotes, analysis.timexes):
        assert "en" not in set(table["article_id"])
    assert {"de"} <= set(analysis.entities["article_id"]) and {"de"} <= set(
        analysis.timexes["article_id"]
    )
    assert (analysis.sentences["article_id"] == "en").sum() == 2
    notes = analysis.articles.set_index("article_id")["notes"]
    assert "no entities, quotes or timexes" in notes["en"] and notes["de"] == ""


def test_no_readable_input_exits_1_and_errors_are_counted_by_reason(tmp_path, capsys):
    status = cli.main(["analyze", str(tmp_path / "no-such-path"), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert status == 1
    assert "no input could be read" in err and "read: no such file or folder" in err


def test_a_run_with_some_bad_inputs_exits_0_and_counts_them(small_corpus, tmp_path, capsys):
    (small_corpus / "broken.txt").write_bytes(b"\x00\x01binary")
    status = cli.main(
        ["analyze", str(small_corpus), "--out", str(tmp_path / "o"), "--model", "rules", "--quiet"]
    )
    captured = capsys.readouterr()
    assert status == 0
    assert "3 articles" in captured.out and "1 errors" in captured.out
    assert "1 × read:" in captured.err


def test_the_progress_total_counts_inputs_of_every_kind(tmp_path, seed_path):
    (tmp_path / "a.jsonl").write_text('{"text": "Eins."}\n{"text": "Zwei."}\n\n', encoding="utf-8")
    pd.DataFrame({"text": ["a", "b", "c"]}).to_parquet(tmp_path / "b.parquet")
    pd.DataFrame({"text": ["x,\ny", "z"]}).to_csv(tmp_path / "c.csv", index=False)
    shutil.copy(seed_path, tmp_path / "d.txt")
    from artikel.reading import count_inputs, iter_articles

    assert count_inputs(tmp_path) == 2 + 3 + 2 + 1 == len(list(iter_articles(tmp_path)))


def test_settings_reach_the_time_layer_and_the_ids(tmp_path):
    from collections import Counter

    from artikel.ids import entity_id_map
    from artikel.settings import load_settings

    narrative = tmp_path / "narrative.cfg"
    narrative.write_text("[time]\nreference = narrative\n", encoding="utf-8")
    strict = tmp_path / "strict.cfg"
    strict.write_text("[ids]\nperson_ratio = 100\n", encoding="utf-8")
    # a plan is read from the article's date in news, from the story's date in a narrative
    text = "Am 12. März 1938 marschierten die Truppen ein. Im Mai will die Stadt erinnern."
    rows = [{"article_id": "h", "text": text, "date": "2019-02", "date_precision": "month"}]
    news = artikel.analyze(make_table("articles", rows), model="rules")
    story = artikel.analyze(
        make_table("articles", rows), model="rules", settings=load_settings(narrative)
    )
    values = dict(zip(news.timexes["text"], news.timexes["value"], strict=True))
    story_values = dict(zip(story.timexes["text"], story.timexes["value"], strict=True))
    assert story_values["Im Mai"] == "1938-05" != values["Im Mai"]
    names = Counter({("PER", "Wolodymyr Selenskyj"): 2, ("PER", "Wolodymyr Selenski"): 1})
    assert len(set(entity_id_map(names).values())) == 1
    assert len(set(entity_id_map(names, load_settings(strict)).values())) == 2
    bad = tmp_path / "bad.cfg"
    bad.write_text("[time]\nreference = sometimes\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"\[time\] reference"):
        load_settings(bad)


def test_a_cache_hit_keeps_the_analysis_notes_and_knows_the_override_file(tmp_path):
    english = (
        "The German government said on Thursday that it would raise taxes next year. "
        "The opposition strongly criticised the plan and demanded a vote in parliament."
    )
    rows = [{"article_id": "en", "text": english, "date": "2024-03", "date_precision": "month"}]
    cache_file = tmp_path / "cache.sqlite"
    first = artikel.analyze(make_table("articles", rows), model="rules", cache=cache_file)
    again = artikel.analyze(make_table("articles", rows), model="rules", cache=cache_file)
    assert first.articles["notes"].tolist() == again.articles["notes"].tolist()
    assert "no entities" in again.articles["notes"].iloc[0]
    from artikel.cache import analysis_version
    from artikel.settings import load_settings

    names = tmp_path / "names.tsv"
    names.write_text("Jan\tmale\n", encoding="utf-8")
    config = tmp_path / "settings.cfg"
    config.write_text(f"[gender]\noverrides = {names}\n", encoding="utf-8")
    before = analysis_version("rules", load_settings(config))
    names.write_text("Jan\tfemale\n", encoding="utf-8")
    assert analysis_version("rules", load_settings(config)) != before


def test_inputs_of_every_suffix_are_counted_and_line_errors_grouped(tmp_path, capsys):
    from artikel.reading import count_inputs

    (tmp_path / "a.ndjson").write_text('{"text": "Eins."}\n{"text": "Zwei."}\n', encoding="utf-8")
    (tmp_path / "b.tsv").write_text("text\nDrei.\nVier.\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text("{broken\n{also broken\n", encoding="utf-8")
    assert count_inputs(tmp_path) == 6
    cli.main(
        ["analyze", str(tmp_path), "--out", str(tmp_path / "o"), "--model", "rules", "--quiet"]
    )
    err = capsys.readouterr().err
    assert "2 × parse:" in err or "2 × read:" in err  # one line for both broken lines


def test_a_table_built_by_hand_with_bad_dates_keeps_every_article(seed_path, monkeypatch):
    """A DataFrame given to analyze() is checked like read input: a date that is no date
    becomes an error row naming the article, the others are analysed; an article whose
    analysis raises becomes an error row too."""
    seed = seed_path.read_text(encoding="utf-8").split("\n", 1)[1]
    frame = pd.DataFrame(
        {
            "article_id": ["bad", "impossible", "good"],
            "text": [seed, seed, seed],
            "date": ["none", "2019-02-30", "28.02.2019"],
        }
    )
    result = artikel.analyze(frame)
    assert list(result.articles["article_id"]) == ["good"]
    assert list(result.articles["date"]) == ["2019-02-28"]
    assert len(result.timexes) > 0
    errors = result.errors.set_index("article_id")["error"]
    assert "'none' is not a date" in errors["bad"] and "impossible day 30" in errors["impossible"]

    from artikel import annotate

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in a layer")

    monkeypatch.setattr(annotate, "_article_tables", broken)
    failed = artikel.analyze(frame.iloc[2:])
    assert failed.articles.empty
    assert "RuntimeError: a bug in a layer" in failed.errors["error"].iloc[0]
