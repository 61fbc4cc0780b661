"""Real German text annotated with entities for training (issue 20), kept as stand-off.

The sentences come from ../shared (Wikipedia CC BY-SA, Bundestag speeches public domain) and
stay there: the project keeps only the annotations (``training/real-ner/standoff/*.jsonl``: a
sentence reference, the sentence's sha256 and entity offsets, no text).

Usage (from the repository root):
    python training/scripts/real_ner.py pool OUT_DIR [--size 20000 --batch 2000 --seed 7]
        # sample sentences, drop any that share an 8-word sequence with GermEval 2014 test,
        # GSD test or PUD, and write annotation batches (REF<TAB>sentence) outside the repo
    python training/scripts/real_ner.py standoff ANNOTATED.txt [...]
        # annotated batches (REF<TAB>sentence with [surface|LABEL]) -> standoff/<name>.jsonl
    python training/scripts/real_ner.py validate   # refs, digests, labels, test overlap
    python training/scripts/real_ner.py agreement  # the blind second reading vs the first
    python training/scripts/real_ner.py docbin     # real_train / real_heldout for the recipe
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from artikel.written import ROOT, SHARED, ngrams

CORPORA = SHARED / "corpora"
SOURCES = {
    "w": CORPORA / "wikipedia_klexikon_raw" / "dewiki_articles.jsonl.gz",
    "b": CORPORA / "bundestag_wp21_raw" / "bundestag_wp21_speeches.jsonl.gz",
}
STANDOFF = ROOT / "training" / "real-ner" / "standoff"
SECOND = ROOT / "training" / "real-ner" / "agreement"
LABELS = ("PER", "ORG", "LOC", "MISC")
SPAN = re.compile(r"\[([^\[\]|]+)\|([A-Z]+)\]")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"])")


def _documents(source: str) -> Iterator[tuple[str, str]]:
    with gzip.open(SOURCES[source], "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            yield record["id"], record["text"]


def _sentences(text: str, split: bool) -> list[str]:
    """A document's sentences: Wikipedia has one per line, speeches are split at . ! ?."""
    found = []
    for line in text.splitlines():
        parts = SENTENCE_END.split(line) if split else [line]
        found.extend(part.strip() for part in parts if part.strip())
    return found


@cache
def sentences_of(source: str) -> dict[str, list[str]]:
    """Every document of a source as its list of sentences, by document id."""
    return {doc_id: _sentences(text, source == "b") for doc_id, text in _documents(source)}


def sentence(ref: str) -> str:
    """The text of a reference ``<source>|<document id>|<sentence index>``."""
    source, doc_id, index = ref.split("|")
    return sentences_of(source)[doc_id][int(index)]


@cache
def test_ngrams() -> frozenset[tuple[str, ...]]:
    """The 8-word sequences of GermEval 2014 test, UD GSD test and UD PUD."""
    grams: set[tuple[str, ...]] = set()
    germeval = CORPORA / "germeval2014" / "NER-de-test.tsv"
    words: list[str] = []
    for line in [*germeval.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip() or line.startswith("#"):
            grams |= ngrams(" ".join(words))
            words = []
        else:
            words.append(line.split("\t")[1])
    for path in (
        CORPORA / "ud_german_gsd" / "de_gsd-ud-test.conllu",
        CORPORA / "ud_german_pud" / "de_pud-ud-test.conllu",
    ):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                grams |= ngrams(line[len("# text = ") :])
    return frozenset(grams)


def usable(text: str) -> bool:
    """A sentence worth annotating: 6 to 60 words, no markup traces, no test overlap."""
    words = text.split()
    if not 6 <= len(words) <= 60 or "|" in text or "[" in text or "]" in text:
        return False
    return not (ngrams(text) & test_ngrams())


def pool(out: Path, size: int, batch: int, seed: int) -> None:
    """Sample ``size`` usable sentences (60 % Wikipedia, 40 % Bundestag) into batches.

    Sentences already annotated (in ``standoff/``) are never drawn again, and the batches are
    numbered after the existing ones, so a later pool adds to the corpus.
    """
    rng = random.Random(seed)
    done = {row["ref"] for row in load_standoff()}
    chosen: list[str] = []
    for source, share in (("w", 0.6), ("b", 0.4)):
        refs = [
            f"{source}|{doc_id}|{i}"
            for doc_id, sentences in sentences_of(source).items()
            for i, text in enumerate(sentences)
            if f"{source}|{doc_id}|{i}" not in done and usable(text)
        ]
        chosen += rng.sample(refs, int(size * share))
    rng.shuffle(chosen)
    out.mkdir(parents=True, exist_ok=True)
    start = len(list(STANDOFF.glob("batch-*.jsonl"))) + 1
    for number, first in enumerate(range(0, len(chosen), batch), start):
        lines = [f"{ref}\t{sentence(ref)}" for ref in chosen[first : first + batch]]
        (out / f"batch-{number:02d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(chosen)} sentences in {number} batches under {out}")


def parse(line: str) -> tuple[str, str, list[tuple[int, int, str]]]:
    """An annotated line -> (ref, plain sentence, [(start, end, label)])."""
    ref, _, marked = line.rstrip("\n").partition("\t")
    plain, spans, position = [], [], 0
    length = 0
    for match in SPAN.finditer(marked):
        plain.append(marked[position : match.start()])
        length += match.start() - position
        spans.append((length, length + len(match.group(1)), match.group(2)))
        plain.append(match.group(1))
        length += len(match.group(1))
        position = match.end()
    plain.append(marked[position:])
    return ref, "".join(plain), spans


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def standoff(paths: list[Path], folder: Path = STANDOFF) -> None:
    """Annotated batches -> stand-off JSONL (no text), one file per batch."""
    STANDOFF.mkdir(parents=True, exist_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    for path in paths:
        rows = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            ref, plain, spans = parse(line)
            if plain != sentence(ref):
                raise ValueError(f"{path}:{number}: the annotated text differs from {ref}")
            rows.append({"ref": ref, "sha256": digest(plain), "entities": spans})
        out = folder / f"{path.name.split('.')[0]}.jsonl"
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
        print(f"{out}: {len(rows)} sentences")


def load_standoff(folder: Path = STANDOFF) -> list[dict]:
    """Every stand-off record, in file order."""
    return [
        json.loads(line)
        for path in sorted(folder.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def validate(folder: Path = STANDOFF) -> list[str]:
    """Problems of the stand-off files: unknown refs, changed text, labels, overlaps, test
    overlap, a sentence annotated twice."""
    problems, seen = [], set()
    for record in load_standoff(folder):
        ref = record["ref"]
        try:
            text = sentence(ref)
        except (KeyError, IndexError, ValueError):
            problems.append(f"{ref}: no such sentence")
            continue
        if digest(text) != record["sha256"]:
            problems.append(f"{ref}: the sentence changed (sha256)")
        if ref in seen:
            problems.append(f"{ref}: annotated twice")
        seen.add(ref)
        if not usable(text):
            problems.append(f"{ref}: shares an 8-word sequence with a test set, or is unusable")
        last = 0
        for start, end, label in sorted(record["entities"]):
            if label not in LABELS or start < last or end > len(text) or start >= end:
                problems.append(f"{ref}: bad entity {start}-{end} {label}")
            last = end
    return problems


def docbin(out_dir: Path, train_batches: int | None = None) -> None:
    """``real_train.spacy`` and ``real_heldout.spacy`` (sentences whose reference hashes to
    0 mod 10) for the training recipe; the text comes from ../shared at build time. With
    ``train_batches``, only batches 1..N train; the held-out sentences of every batch are
    held out all the same."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("de")
    parts: dict[str, list] = {"real_train": [], "real_heldout": []}
    for path in sorted(STANDOFF.glob("*.jsonl")):
        trains = not train_batches or int(path.stem.split("-")[-1]) <= train_batches
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line) if line.strip() else None
            held = record and int(hashlib.md5(record["ref"].encode()).hexdigest(), 16) % 10 == 0
            if record and (held or trains):
                parts["real_heldout" if held else "real_train"].append(_doc(nlp, record))
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, docs in parts.items():
        DocBin(docs=docs).to_disk(out_dir / f"{name}.spacy")
        print(f"{name}: {len(docs)} sentences, {sum(len(d.ents) for d in docs)} entities")


def _doc(nlp, record: dict):
    """One stand-off sentence as a Doc with its entities."""
    from spacy.util import filter_spans

    doc = nlp.make_doc(sentence(record["ref"]))
    spans = [
        doc.char_span(start, end, label=label, alignment_mode="expand")
        for start, end, label in record["entities"]
    ]
    doc.ents = filter_spans([span for span in spans if span is not None])
    return doc


def agreement() -> dict[str, float]:
    """Span-and-label F1 of the blind second annotation (``agreement/*.jsonl``) against the
    first, overall and per label."""
    first = {r["ref"]: r for r in load_standoff()}
    counts: dict[str, list[int]] = {label: [0, 0, 0] for label in ("all", *LABELS)}
    sentences = 0
    for record in load_standoff(SECOND):
        if record["ref"] not in first:
            continue
        sentences += 1
        a = {tuple(e) for e in first[record["ref"]]["entities"]}
        b = {tuple(e) for e in record["entities"]}
        for label in counts:
            keep = lambda e, lab=label: lab == "all" or e[2] == lab  # noqa: E731
            xa, xb = {e for e in a if keep(e)}, {e for e in b if keep(e)}
            counts[label][0] += len(xa & xb)
            counts[label][1] += len(xa)
            counts[label][2] += len(xb)
    result: dict[str, float] = {"sentences": sentences}
    for label, (both, one, two) in counts.items():
        result[f"F1 {label}"] = round(2 * both / (one + two), 3) if one + two else 1.0
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pool")
    p.add_argument("out", type=Path)
    p.add_argument("--size", type=int, default=20000)
    p.add_argument("--batch", type=int, default=2000)
    p.add_argument("--seed", type=int, default=7)
    s = sub.add_parser("standoff")
    s.add_argument("files", nargs="+", type=Path)
    s.add_argument("--second", action="store_true", help="a blind second annotation")
    sub.add_parser("validate")
    sub.add_parser("agreement")
    d = sub.add_parser("docbin")
    d.add_argument("--out", type=Path, default=ROOT / "training" / "build" / "corpus")
    d.add_argument("--train-batches", type=int, help="only batches 1..N train (default: all)")
    args = parser.parse_args()
    if args.command == "pool":
        pool(args.out, args.size, args.batch, args.seed)
    elif args.command == "standoff":
        standoff(args.files, SECOND if args.second else STANDOFF)
    elif args.command == "docbin":
        docbin(args.out, args.train_batches)
    elif args.command == "agreement":
        print(json.dumps(agreement(), indent=1))
    else:
        problems = validate()
        print("\n".join(problems) or f"{len(load_standoff())} sentences, no problems")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
