"""The command line, driven with argument lists as a user would type them."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from artikel.cli import main
from artikel.evaluate import Score, load_gold, score_boilerplate, score_quotes


def test_analyze_writes_every_table_and_a_summary(tmp_path, capsys, seed_path):
    out = tmp_path / "out"
    code = main(
        [
            "analyze",
            str(seed_path.parent),
            str(tmp_path / "missing.txt"),
            "--out",
            str(out),
            "--format",
            "csv",
            "--quiet",
        ]
    )
    assert code == 0
    summary = capsys.readouterr().out
    assert "1 articles" in summary and "1 errors" in summary
    written = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert written == sorted(
        f"{t}.csv"
        for t in ("articles", "paragraphs", "sentences", "entities", "quotes", "timexes", "errors")
    )
    errors = pd.read_csv(out / "errors.csv")
    assert errors.loc[0, "error"] == "no such file or folder"
    assert list(pd.read_csv(out / "quotes.csv").columns)[:4] == [
        "article_id",
        "quote_idx",
        "sent_idx",
        "start",
    ]


def test_analyze_with_a_missing_model_exits_1_with_a_clear_message(tmp_path, capsys, seed_path):
    code = main(["analyze", str(seed_path), "--out", str(tmp_path), "--model", "de_not_installed"])
    assert code == 1
    message = capsys.readouterr().err
    assert "de_not_installed" in message and "not installed" in message


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["analyze", "seeds"])  # --out is required
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["analyze", "seeds", "--out", "x", "--jobs", "0"])
    assert exit_info.value.code == 2


def test_help_explains_inputs_and_errors(capsys):
    with pytest.raises(SystemExit):
        main(["analyze", "--help"])
    text = capsys.readouterr().out
    for fragment in (".jsonl/.csv/.parquet", "errors", "--jobs", "--format"):
        assert fragment in text


def test_evaluate_on_the_development_corpus(dev_corpus, tmp_path, capsys):
    report = tmp_path / "scores.json"
    code = main(
        [
            "evaluate",
            "--gold",
            str(dev_corpus),
            "--articles",
            str(dev_corpus / "articles"),
            "--json",
            str(report),
        ]
    )
    assert code == 0
    printed = capsys.readouterr().out
    assert "boilerplate paragraphs" in printed
    result = json.loads(report.read_text())
    assert result["articles"] == len(load_gold(dev_corpus))
    assert result["problems"] == []
    boilerplate = result["scores"]["boilerplate paragraphs"]
    assert boilerplate["f1"] >= 0.90  # the floor for the development corpus


def test_boilerplate_scoring_counts_paragraphs(seed_analysis):
    article = seed_analysis.articles.iloc[0]
    offset = int(article.text_offset)
    ad = seed_analysis.paragraphs[seed_analysis.paragraphs["kind"] == "ad"].iloc[0]
    gold = {
        article.article_id: {
            "boilerplate": [
                {"start": int(ad.start) + offset, "end": int(ad.end) + offset, "kind": "ad"},
            ]
        }
    }
    score = score_boilerplate(seed_analysis, gold)
    predicted = int((seed_analysis.paragraphs["kind"] != "body").sum())
    assert (score.tp, score.fp, score.fn) == (1, predicted - 1, 0)
    assert score.extra["kind_accuracy"] == 1.0


def test_score_arithmetic():
    score = Score(tp=8, fp=2, fn=8)
    assert (score.precision, score.recall) == (0.8, 0.5)
    assert score.f1 == pytest.approx(2 * 0.8 * 0.5 / 1.3)


def test_speaker_mentions_are_also_scored_on_quotes_with_a_cue_alone(seed_analysis):
    article = seed_analysis.articles.iloc[0]
    offset = int(article.text_offset)
    quotes = seed_analysis.quotes[seed_analysis.quotes["speaker_text"] != ""]
    named, other = quotes.iloc[0], quotes.iloc[1]

    def gold_quote(row, cue: str | None, mention: tuple[int, int]) -> dict:
        start, end = (int(row.start) + offset, int(row.end) + offset)
        spoken = {"start": mention[0] + offset, "end": mention[1] + offset}
        return {"start": start, "end": end, "kind": row.kind, "cue": cue, "speaker_mention": spoken}

    right = (int(named.speaker_start), int(named.speaker_end))
    wrong = (0, 1)  # a gold mention the prediction does not overlap
    gold = {
        article.article_id: {
            "quotes": [gold_quote(named, "sagte", right), gold_quote(other, None, wrong)]
        }
    }
    extra = score_quotes(seed_analysis, gold)["quote spans"].extra
    assert extra["speaker_mention_accuracy"] == 0.5
    assert extra["cued_speaker_mention_accuracy"] == 1.0
