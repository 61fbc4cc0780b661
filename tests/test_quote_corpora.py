"""SpkAtt and Redewiedergabe as quote yardsticks: the converted gold matches its texts, the
counts are those of the shared corpora, and the scorer reads the result."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from artikel.evaluate import evaluate, load_gold
from artikel.quote_corpora import (
    QuoteCorpusError,
    build_redewiedergabe,
    build_spkatt,
    check_gold,
    spkatt_text,
)


@pytest.fixture(scope="module")
def spkatt(tmp_path_factory):
    dest = tmp_path_factory.mktemp("spkatt")
    return dest, build_spkatt(dest)


@pytest.fixture(scope="module")
def redewiedergabe(tmp_path_factory):
    dest = tmp_path_factory.mktemp("redewiedergabe")
    return dest, build_redewiedergabe(dest)


def load_gold_file(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def assert_spans_match(dest: Path) -> int:
    """Every gold quote and mention is its text in the article file; returns the quote count."""
    gold = load_gold(dest / "gold")
    assert {p.stem for p in (dest / "articles").glob("*.txt")} == set(gold)
    n = 0
    for article_id, record in gold.items():
        assert record["id"] == article_id
        content = (dest / "articles" / f"{article_id}.txt").read_text(encoding="utf-8")
        assert content.endswith("\n") and not content.endswith("\n\n")
        for q in record["quotes"]:
            assert content[q["start"] : q["end"]] == q["text"]
            assert q["kind"] in {"direct", "indirect", "mixed"} and q["speaker"] is None
            mention = q["speaker_mention"]
            if mention:
                assert content[mention["start"] : mention["end"]] == mention["text"]
            n += 1
    return n


def test_spkatt_dev(spkatt):
    dest, stats = spkatt
    assert stats["articles"] == 18
    assert 200 <= stats["quote_indirect"] <= 300 and stats["quote_direct"] >= 3
    assert assert_spans_match(dest) == sum(v for k, v in stats.items() if k.startswith("quote_"))
    first = sorted((dest / "articles").glob("*.txt"))[0].read_text(encoding="utf-8")
    assert not first.startswith(" date ") and " ," not in first and "„ " not in first


def test_redewiedergabe(redewiedergabe):
    dest, stats = redewiedergabe
    assert stats["articles"] == 443
    assert 450 <= stats["quote_direct"] <= 650
    assert 900 <= stats["quote_indirect"] <= 1100 and stats["quote_mixed"] >= 10
    assert assert_spans_match(dest) == sum(v for k, v in stats.items() if k.startswith("quote_"))
    content = (dest / "articles" / "rw_rwk_grenz_10402-1.txt").read_text(encoding="utf-8")
    assert content.startswith(" date 1879 Hätte ihn") and "  " not in content


def test_redewiedergabe_text_types(tmp_path):
    stats = build_redewiedergabe(tmp_path, {"Nachrichten", "Reportage", "Kommentar"})
    assert stats["articles"] == 332 and stats["skipped_text_type"] == 111


def test_spkatt_text_glues_punctuation():
    text, tokens, index = spkatt_text(
        [
            {"SentenceId": 0, "Tokens": ["Er", "sagte", ":", "„", "Nein", "“", "."]},
            {"SentenceId": 1, "Tokens": ["(", "Beifall", ")"]},
        ]
    )
    assert text == "Er sagte: „Nein“. (Beifall)"
    assert tokens[index["0:4"]] == ("Nein", 11, 15)


def test_a_wrong_span_names_the_file():
    gold = {"quotes": [{"start": 0, "end": 2, "text": "xy", "speaker_mention": None}]}
    with pytest.raises(QuoteCorpusError, match=r"some\.json"):
        check_gold("ab\n", gold, "some.json")


def test_the_scorer_reads_two_spkatt_articles(spkatt, tmp_path):
    dest, _ = spkatt
    for layer in ("articles", "gold"):
        (tmp_path / layer).mkdir()
    with_quotes = [p.stem for p in (dest / "gold").glob("*.json") if load_gold_file(p)["quotes"]]
    ids = sorted(with_quotes, key=lambda s: (dest / "articles" / f"{s}.txt").stat().st_size)
    for article_id in ids[:2]:  # the two shortest speeches with quotes
        shutil.copy(dest / "articles" / f"{article_id}.txt", tmp_path / "articles")
        shutil.copy(dest / "gold" / f"{article_id}.json", tmp_path / "gold")
    result = evaluate(tmp_path / "gold", tmp_path / "articles")
    assert result["articles"] == 2 and result["problems"] == []
    spans = result["scores"]["quote spans"]
    gold_quotes = sum(len(load_gold_file(p)["quotes"]) for p in (tmp_path / "gold").glob("*.json"))
    assert spans["tp"] + spans["fn"] == gold_quotes


def test_speaker_mentions_are_judged_by_their_words_not_their_quotation_marks():
    from types import SimpleNamespace

    from artikel.evaluate import _right_mention

    text = "Der „Kurier“ warnt"
    gold = (text.index("Kurier"), text.index("Kurier") + len("Kurier"))

    def row(mention: str):
        start = text.index(mention)
        return SimpleNamespace(
            speaker_start=start, speaker_end=start + len(mention), speaker_text=mention
        )

    assert _right_mention(row("Der „Kurier“"), *gold)  # a determiner and the marks
    assert _right_mention(row("Kurier"), *gold)
    assert not _right_mention(row("Der „Kurier“ warnt"), *gold)  # a word too many
