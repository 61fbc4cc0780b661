"""The shipped German pipeline: it loads offline, tags, parses, finds names, knows Konjunktiv I."""

from __future__ import annotations

import json

import pytest

from artikel.nlp import SHIPPED_MODEL, load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_the_default_is_the_shipped_model(nlp):
    assert (SHIPPED_MODEL / "meta.json").is_file()
    assert nlp.meta["name"] == "artikel" and nlp.meta["lang"] == "de"
    for component in ("tagger", "morphologizer", "parser", "ner"):
        assert nlp.has_pipe(component), component
    names = nlp.pipe_names
    assert names.index("artikel_sentences") < names.index("parser")


def test_meta_records_config_sources_and_data_hashes():
    meta = json.loads((SHIPPED_MODEL / "meta.json").read_text(encoding="utf-8"))
    hashes = meta["artikel"]["input_sha256"]
    assert hashes and all(len(h) == 64 for h in hashes.values())
    assert meta["artikel"]["config"]
    assert meta["sources"] and all("license" in source for source in meta["sources"])
    assert (SHIPPED_MODEL / "MODEL_CARD.md").is_file()
    size = sum(p.stat().st_size for p in SHIPPED_MODEL.rglob("*") if p.is_file())
    assert size <= 50 * 1024 * 1024


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Kim habe aber zugesagt, dass sein Land die Tests nicht wieder aufnehmen werde.", "habe"),
        ("Kim habe aber zugesagt, dass sein Land die Tests nicht wieder aufnehmen werde.", "werde"),
        ("Trump sagte, eine solche Idee sei eine großartige Sache.", "sei"),
        ("Die Ministerin sagte, sie wolle weiter verhandeln.", "wolle"),
    ],
)
def test_konjunktiv_one_is_subjunctive(nlp, sentence, verb):
    token = next(t for t in nlp(sentence) if t.text == verb)
    assert token.morph.get("Mood") == ["Sub"]


def test_names_in_the_seed(nlp, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    doc = nlp(text[text.index("Der Gipfel") : text.index("Beide Staatschefs")])
    found = {(ent.text, ent.label_) for ent in doc.ents}
    assert ("Donald Trump", "PER") in found
    assert ("Hanoi", "LOC") in found
    assert not any(ent.text.startswith("US-Präsident") for ent in doc.ents)


def test_german_news_tokenization(nlp):
    words = [t.text for t in nlp("US-Präsident Biden kam z. B. am 27. Februar, sagte die Nr. 1.")]
    assert "US-Präsident" in words and "27." in words and "z." in words and "Nr." in words
