"""The real-news yardstick: the stand-off gold validates against the shared texts, the halves
are fixed, and the join with the shared quote mapping gives gold in the GUIDELINES format."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from artikel.realnews import (
    STANDOFF,
    StandoffError,
    articles_jsonl,
    build_corpus,
    half_of,
    load_standoff,
    mapped_quotes,
    quote_key,
    resolve_draft,
    validate_standoff,
    wikinews_docs,
)


@pytest.fixture(scope="module")
def records():
    return load_standoff()


def test_all_150_articles_carry_validated_entities_and_timexes(records):
    docs = wikinews_docs()
    assert set(records) == set(docs) and len(docs) == 150
    assert Counter(r["half"] for r in records.values()) == {"analysis": 75, "heldout": 75}
    # every article was annotated for both layers; a few short ones have no entity or timex
    assert all(
        isinstance(r["entities"], list) and isinstance(r["timexes"], list) for r in records.values()
    )
    assert sum(bool(r["entities"]) for r in records.values()) >= 149
    assert sum(bool(r["timexes"]) for r in records.values()) >= 140
    assert sum(len(r["entities"]) for r in records.values()) > 2000
    for doc_id, record in records.items():
        people = {p["canonical"] for p in record["people"]}
        assert {e["canonical"] for e in record["entities"] if e["label"] == "PER"} <= people
        mapped = {quote_key(q) for q in mapped_quotes(docs[doc_id])[1]}
        assert set(record["speaker_genders"]) == mapped, doc_id


def test_the_second_annotation_covers_30_articles_of_both_halves():
    second = load_standoff(STANDOFF / "second")
    assert len(second) == 30
    assert {r["half"] for r in second.values()} == {"analysis", "heldout"}
    assert sum(len(r.get("quotes", [])) for r in second.values()) >= 100


def test_halves_are_fixed_by_the_id():
    assert [half_of(i) for i in ("2745", "3216", "15274")] == ["heldout", "analysis", "analysis"]


def test_the_validator_rejects_a_changed_text_a_bad_span_and_a_bad_label(records):
    doc = wikinews_docs()["15274"]
    record = json.loads(json.dumps(records["15274"]))
    validate_standoff(record, doc, "ok")
    broken = dict(record, sha256="0" * 64)
    with pytest.raises(StandoffError, match="sha256"):
        validate_standoff(broken, doc, "x")
    spans = [dict(record["entities"][0], end=len(doc.text) + 5)]
    with pytest.raises(StandoffError, match="outside the text"):
        validate_standoff(dict(record, entities=spans), doc, "x")
    with pytest.raises(StandoffError, match="label"):
        resolve_draft({"id": "15274", "entities": [{"text": "SPD", "label": "PARTY"}]}, doc, "x")
    with pytest.raises(StandoffError, match="occurs 2 times"):
        resolve_draft(
            {"id": "15274", "entities": [{"text": "SPD", "label": "ORG", "canonical": "SPD"}]},
            doc,
            "x",
        )


def test_the_joined_gold_quotes_the_text_it_points_at(tmp_path, records):
    stats = build_corpus(tmp_path, half="analysis")
    assert stats["articles"] == 75 and stats["quote_direct"] > 0
    for gold_file in sorted((tmp_path / "gold").glob("*.json"))[:20]:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        content = (tmp_path / "articles" / f"{gold_file.stem}.txt").read_text(encoding="utf-8")
        assert content.startswith(f" date {gold['dct']} ")
        for layer in ("entities", "timexes", "quotes"):
            for span in gold[layer]:
                assert content[span["start"] : span["end"]] == span["text"]


def test_the_converter_writes_artikel_input_with_the_day(tmp_path):
    target = tmp_path / "wikinews.jsonl"
    assert articles_jsonl(target, half="heldout") == 75
    first = json.loads(target.read_text(encoding="utf-8").splitlines()[0])
    assert set(first) == {"id", "title", "date", "text"} and len(first["date"]) == 10


def _agreement_module():
    import importlib.util

    path = STANDOFF.parents[1] / "evaluation" / "agreement.py"
    spec = importlib.util.spec_from_file_location("agreement", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_agreement_meets_the_targets_and_an_annotation_agrees_with_itself(records):
    agreement = _agreement_module()
    docs = wikinews_docs()
    second = load_standoff(STANDOFF / "second")
    from artikel.realnews import gold_article

    first = {i: gold_article(docs[i], records[i])[1] for i in second}
    other = {i: gold_article(docs[i], second[i], own_quotes=True)[1] for i in second}
    same = agreement.compare(first, first)
    assert all(same[k] == 1.0 for k in ("entities (strict)", "timex values", "gender"))
    figures = agreement.compare(first, other)
    for key in ("entities (strict)", "canonical frequency", "timex spans", "timex values"):
        assert 0.90 <= figures[key] < 1.0, key
    assert figures["gender"] >= 0.95
