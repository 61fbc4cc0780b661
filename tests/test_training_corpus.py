"""The project's own NER corpus passes its validator (format, offsets, no copied text)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_corpus_module():
    spec = importlib.util.spec_from_file_location(
        "corpus", ROOT / "training" / "scripts" / "corpus.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_corpus_validates_without_errors(dev_corpus):
    corpus = load_corpus_module()
    counts: dict = {}
    problems = corpus.validate(counts=counts)
    assert [p for p in problems if p.startswith("ERROR")] == []
    assert counts["sentences"] >= 15_000 and counts["tokens"] >= 250_000
    assert set(counts["spans_per_label"]) == {"PER", "ORG", "LOC", "MISC"}


def test_validator_catches_bad_markup_and_copied_text(tmp_path, dev_corpus):
    corpus = load_corpus_module()
    article = next((dev_corpus / "articles").glob("*.txt")).read_text(encoding="utf-8")
    copied = " ".join(article.split()[5:20])
    bad = tmp_path / "bad.txt"
    bad.write_text(
        "### t-0001 | report | DE | Test\n"
        "Die [Stadt Berlin|LOC plant viel.\n"
        "Ein Satz mit [Kim|PERSON] darin.\n"
        f"{copied}\n",
        encoding="utf-8",
    )
    problems = " ".join(corpus.validate(paths=[bad]))
    assert "8-word sequence" in problems
    assert "PERSON" in problems or "label" in problems
