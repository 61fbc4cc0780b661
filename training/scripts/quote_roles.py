"""Training data for artikel's quote-role tagger: the cue, source and content of reported speech
as non-overlapping spans (a spaCy ``ner`` component with its own small tok2vec).

Sources: the train split of the project's own quote corpus (``training/quote-corpus``) and the
GermEval 2023 SpkAtt train speeches (``../shared/corpora/spkatt2023``, CC BY-SA 4.0: Message →
CONTENT, Cue → CUE, Source → SOURCE). The dev split of the own corpus is the dev set; its test
split and the evaluation-only corpora are never used.

Usage (from the repository root):
    python training/scripts/quote_roles.py docbin [--out training/build/quote-roles]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from artikel.quote_corpora import token_runs
from artikel.written import ROOT, SHARED, load, split_of
from artikel.written.quotes import CORPUS as QUOTES

SPKATT = SHARED / "corpora" / "spkatt2023" / "train" / "task1"
ROLES = {"Message": "CONTENT", "Cue": "CUE", "Source": "SOURCE"}
TAG_ROLES = {"q": "CONTENT", "cue": "CUE", "src": "SOURCE"}


def own_docs(nlp, split: str) -> list[Doc]:
    """Documents of one split of the own quote corpus with their role spans."""
    docs = []
    written, _ = load(QUOTES.src.glob("*.txt"), QUOTES.tags)
    for item in written:
        if split_of(item.doc_id) != split or QUOTES.doc_problems(item):
            continue
        doc = nlp.make_doc(item.text)
        spans = [
            doc.char_span(s.start, s.end, label=TAG_ROLES[s.tag], alignment_mode="expand")
            for s in item.spans
        ]
        doc.ents = filter_spans([s for s in spans if s is not None])
        docs.append(doc)
    return docs


def _runs(ids: list[str], offsets: dict[tuple[int, int], int]) -> list[tuple[int, int]]:
    """Contiguous token runs of SpkAtt "sentence:token" ids, as document token offsets."""
    positions = sorted(offsets[tuple(map(int, i.split(":")))] for i in ids if i.count(":") == 1)
    return [(first, last + 1) for first, last in token_runs(positions)]


def spkatt_docs(vocab) -> list[Doc]:
    """The SpkAtt train speeches, one Doc each, with their role spans."""
    docs = []
    for path in sorted(SPKATT.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        words, starts, offsets = [], [], {}
        for sentence in data["Sentences"]:
            for k, token in enumerate(sentence["Tokens"]):
                offsets[(sentence["SentenceId"], k)] = len(words)
                starts.append(k == 0)
                words.append(token)
        doc = Doc(vocab, words=words, sent_starts=starts)
        spans = []
        for event in data["Annotations"]:
            for role, label in ROLES.items():
                for a, b in _runs(event.get(role, []), offsets):
                    spans.append(Span(doc, a, b, label=label))
        doc.ents = filter_spans(spans)
        docs.append(doc)
    return docs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["docbin"])
    parser.add_argument("--out", type=Path, default=ROOT / "training" / "build" / "quote-roles")
    args = parser.parse_args()
    nlp = spacy.blank("de")
    args.out.mkdir(parents=True, exist_ok=True)
    train = own_docs(nlp, "train") + spkatt_docs(nlp.vocab)
    dev = own_docs(nlp, "dev")
    for name, docs in (("train", train), ("dev", dev)):
        DocBin(docs=docs).to_disk(args.out / f"{name}.spacy")
        spans = sum(len(d.ents) for d in docs)
        print(f"{name}: {len(docs)} documents, {sum(len(d) for d in docs)} tokens, {spans} spans")
    return 0


if __name__ == "__main__":
    sys.exit(main())
