"""The corpora written for the project (``training/quote-corpus``, ``training/timex-corpus``):
parsing, validation, gold export, agreement. ``quotes`` and ``timexes`` define each corpus;
``training/scripts/written_corpus.py`` is their command line.

Source format: ``### <doc-id> | <genre> | <country> | <topic> | <dct>`` starts a document,
each following non-empty line is one paragraph with XML-like inline tags, a blank line ends
the document. Paragraphs are joined with a blank line, so offsets are into
``"\\n\\n".join(paragraphs)``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]  # the repository (corpora live in training/)
SHARED = ROOT.parent / "shared"
DEV_ARTICLES = SHARED / "dev-corpus" / "articles"
WIKIWARSDE = SHARED / "corpora" / "wikiwarsde"
HEADER = re.compile(r"^###\s*(.*)$")
TAG = re.compile(r"<(/?)([a-z]+)((?:\s+[a-z]+=\"[^\"<>]*\")*)\s*>")
ATTRIBUTE = re.compile(r"([a-z]+)=\"([^\"]*)\"")
WORD = re.compile(r"\w+", re.UNICODE)
NGRAM = 8
HEADER_FIELDS = ("doc_id", "genre", "country", "topic", "dct")


@dataclass
class Span:
    """One tagged span of a document: tag name, attributes, offsets into the text."""

    tag: str
    attrs: dict[str, str]
    start: int
    end: int
    text: str


@dataclass
class WrittenDoc:
    """One document: header fields, plain text, tagged spans, where it was written."""

    header: dict[str, str]
    text: str = ""
    spans: list[Span] = field(default_factory=list)
    where: str = ""

    @property
    def doc_id(self) -> str:
        return self.header["doc_id"]


def split_of(doc_id: str) -> str:
    """The fixed split of a document: ``test`` (~10 %), ``dev`` (~10 %) or ``train``."""
    first = hashlib.sha256(doc_id.encode("utf-8")).digest()[0]
    return "test" if first < 26 else "dev" if first < 52 else "train"


def parse_paragraph(line: str, offset: int, tags: set[str]) -> tuple[str, list[Span], list[str]]:
    """Inline tags -> (plain text, spans with document offsets, problems)."""
    out: list[str] = []
    spans: list[Span] = []
    problems: list[str] = []
    stack: list[tuple[str, dict[str, str], int]] = []
    length, pos = 0, 0
    for match in TAG.finditer(line):
        out.append(line[pos : match.start()])
        length += match.start() - pos
        pos = match.end()
        closing, name, raw = match.group(1), match.group(2), match.group(3)
        if name not in tags:
            problems.append(f"unknown tag <{closing}{name}>")
            continue
        if not closing:
            stack.append((name, dict(ATTRIBUTE.findall(raw)), length))
            continue
        if not stack or stack[-1][0] != name:
            problems.append(f"</{name}> closes nothing or crosses another tag")
            continue
        _, attrs, start = stack.pop()
        spans.append(Span(name, attrs, offset + start, offset + length, ""))
    out.append(line[pos:])
    text = "".join(out)
    for name, _, _ in stack:
        problems.append(f"<{name}> is never closed")
    if "<" in text or ">" in text:
        problems.append("stray '<' or '>' (malformed tag?)")
    for span in spans:
        span.text = text[span.start - offset : span.end - offset]
        if not span.text.strip() or span.text != span.text.strip():
            problems.append(f"<{span.tag}> span empty or with outer whitespace: {span.text!r}")
    return text, spans, problems


def parse_file(path: Path, tags: set[str]) -> tuple[list[WrittenDoc], list[str]]:
    """One source file -> (documents, problems as 'file:line: message')."""
    docs: list[WrittenDoc] = []
    problems: list[str] = []
    doc: WrittenDoc | None = None
    paragraphs: list[str] = []

    def finish() -> None:
        if doc is not None:
            doc.text = "\n\n".join(paragraphs)
            docs.append(doc)

    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{lineno}"
        line = raw.strip()
        if not line:
            finish()
            doc, paragraphs = None, []
            continue
        header = HEADER.match(line)
        if header:
            finish()
            fields = [f.strip() for f in header.group(1).split("|")]
            if len(fields) != len(HEADER_FIELDS) or not fields[0]:
                problems.append(f"{where}: header needs {len(HEADER_FIELDS)} '|' fields")
                fields = [*fields, *[""] * len(HEADER_FIELDS)][: len(HEADER_FIELDS)]
            header_fields = dict(zip(HEADER_FIELDS, fields, strict=True))
            doc, paragraphs = WrittenDoc(header_fields, where=where), []
            continue
        if doc is None:
            problems.append(f"{where}: paragraph outside a document (missing ### header?)")
            continue
        offset = sum(len(p) + 2 for p in paragraphs)
        text, spans, found = parse_paragraph(line, offset, tags)
        paragraphs.append(text)
        doc.spans.extend(spans)
        problems.extend(f"{where}: {message}" for message in found)
    finish()
    return docs, problems


def load(paths: Iterable[Path], tags: set[str]) -> tuple[list[WrittenDoc], list[str]]:
    """Every document of the given files, and the problems of parsing them."""
    docs: list[WrittenDoc] = []
    problems: list[str] = []
    for path in sorted(paths):
        found, probs = parse_file(path, tags)
        docs.extend(found)
        problems.extend(probs)
    seen: dict[str, str] = {}
    for doc in docs:
        if doc.doc_id in seen:
            problems.append(f"{doc.where}: document id {doc.doc_id} also at {seen[doc.doc_id]}")
        seen[doc.doc_id] = doc.where
    return docs, problems


def ngrams(text: str) -> set[tuple[str, ...]]:
    """The lower-cased 8-word sequences of a text."""
    words = [w.lower() for w in WORD.findall(text)]
    return {tuple(words[i : i + NGRAM]) for i in range(len(words) - NGRAM + 1)}


def protected_texts(wikiwarsde: bool = False) -> dict[str, str]:
    """Texts no written document may share an 8-word sequence with: the development corpus,
    the Wikinews dev articles, and (for the TIMEX3 corpus) WikiWarsDE."""
    from ..realnews import wikinews_docs

    texts = {
        f"dev-corpus/{path.name}": path.read_text(encoding="utf-8")
        for path in sorted(DEV_ARTICLES.glob("*.txt"))
    }
    texts.update({f"wikinews/{d.doc_id}": d.text for d in wikinews_docs().values()})
    if wikiwarsde:
        for path in sorted(WIKIWARSDE.rglob("in/*.sgm")):
            texts[f"wikiwarsde/{path.name}"] = path.read_text(encoding="utf-8")
    return texts


def overlap_problems(docs: list[WrittenDoc], protected: dict[str, str]) -> list[str]:
    """One problem per document that shares an 8-word sequence with a protected text,
    and per pair of written documents with the same text."""
    owner: dict[tuple[str, ...], str] = {}
    for name, text in protected.items():
        for gram in ngrams(text):
            owner.setdefault(gram, name)
    problems = []
    bodies: dict[str, str] = {}
    for doc in docs:
        shared = [gram for gram in ngrams(doc.text) if gram in owner]
        if shared:
            gram = shared[0]
            problems.append(
                f"{doc.where}: {doc.doc_id} shares {' '.join(gram)!r} with {owner[gram]}"
            )
        if doc.text in bodies:
            problems.append(f"{doc.where}: {doc.doc_id} repeats the text of {bodies[doc.text]}")
        bodies.setdefault(doc.text, doc.doc_id)
    return problems


@dataclass
class Corpus:
    """One written corpus: where its sources lie, its tags, its checks and its gold."""

    name: str
    src: Path
    tags: set[str]
    doc_problems: Callable[[WrittenDoc], list[str]]
    gold_of: Callable[[WrittenDoc], tuple[str, dict]]
    count: Callable[[WrittenDoc, Counter], None]
    agreement: Callable[[list[tuple[WrittenDoc, WrittenDoc]]], dict[str, float]]
    wikiwarsde: bool = False

    @property
    def agreement_dir(self) -> Path:
        return self.src.parent / "agreement"

    def sample(
        self, size: int, seed: int, writers: tuple[str, ...] = (), name: str = "sample.txt"
    ) -> Path:
        """Write a random sample of documents (of the given writers, or all) as plain text
        (header and paragraphs, no tags) for a blind second annotation; return the file."""
        import random

        docs, _ = load(self.src.glob("*.txt"), self.tags)
        if writers:
            docs = [d for d in docs if d.doc_id.split("-")[0] in writers]
        chosen = sorted(random.Random(seed).sample(docs, size), key=lambda d: d.doc_id)
        self.agreement_dir.mkdir(exist_ok=True)
        out = self.agreement_dir / name
        blocks = []
        for doc in chosen:
            header = " | ".join(doc.header[f] for f in HEADER_FIELDS)
            blocks.append(f"### {header}\n" + doc.text.replace("\n\n", "\n"))
        out.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
        return out

    def agree(self) -> dict[str, float]:
        """Agreement of the blind second annotation (agreement/second.txt) with the corpus."""
        first, _ = load(self.src.glob("*.txt"), self.tags)
        second, problems = load([self.agreement_dir / "second.txt"], self.tags)
        if problems:
            raise ValueError("\n".join(problems))
        by_id = {d.doc_id: d for d in first}
        pairs = []
        for doc in second:
            if doc.text != by_id[doc.doc_id].text:
                raise ValueError(f"{doc.doc_id}: the second annotation changed the text")
            pairs.append((by_id[doc.doc_id], doc))
        return {"documents": len(pairs), **self.agreement(pairs)}

    def validate(self, paths: list[Path] | None = None, counts: Counter | None = None) -> list[str]:
        """Every problem of the corpus (or the given files); fills ``counts``."""
        docs, problems = load(paths or self.src.glob("*.txt"), self.tags)
        for doc in docs:
            problems.extend(self.doc_problems(doc))
        problems.extend(overlap_problems(docs, protected_texts(self.wikiwarsde)))
        if counts is not None:
            counts["documents"] += len(docs)
            for doc in docs:
                counts[f"documents {split_of(doc.doc_id)}"] += 1
                self.count(doc, counts)
        return problems

    def export(self, dest: Path, split: str | None = None) -> int:
        """Write the valid documents of a split (or all) as artikel articles and gold files."""
        docs, _ = load(self.src.glob("*.txt"), self.tags)
        (dest / "articles").mkdir(parents=True, exist_ok=True)
        (dest / "gold").mkdir(parents=True, exist_ok=True)
        written = 0
        for doc in docs:
            if (split and split_of(doc.doc_id) != split) or self.doc_problems(doc):
                continue
            content, gold = self.gold_of(doc)
            (dest / "articles" / f"{doc.doc_id}.txt").write_text(content, encoding="utf-8")
            (dest / "gold" / f"{doc.doc_id}.json").write_text(
                json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8"
            )
            written += 1
        return written

    def main(self) -> int:
        """The command line: validate, export, score."""
        parser = argparse.ArgumentParser(description=f"artikel's own {self.name} corpus")
        sub = parser.add_subparsers(dest="command", required=True)
        sub.add_parser("validate").add_argument("files", nargs="*", type=Path)
        out = sub.add_parser("export")
        out.add_argument("dest", type=Path)
        out.add_argument("--split", choices=("train", "dev", "test"))
        score = sub.add_parser("score")
        score.add_argument("--split", choices=("train", "dev", "test"), default="dev")
        sample = sub.add_parser("sample")
        sample.add_argument("size", type=int)
        sample.add_argument("--seed", type=int, default=20261206)
        sample.add_argument("--writers", nargs="*", default=(), help="e.g. q6 q7 (default all)")
        sample.add_argument("--name", default="sample.txt", help="file in agreement/")
        sub.add_parser("agreement")
        args = parser.parse_args()
        if args.command == "sample":
            print(self.sample(args.size, args.seed, tuple(args.writers), args.name))
            return 0
        if args.command == "agreement":
            print(json.dumps(self.agree(), indent=1))
            return 0
        if args.command == "validate":
            counts: Counter = Counter()
            problems = self.validate(args.files or None, counts)
            print("\n".join(problems))
            print(json.dumps(dict(sorted(counts.items())), ensure_ascii=False, indent=1))
            return 1 if problems else 0
        if args.command == "export":
            print(f"{self.export(args.dest, args.split)} documents written to {args.dest}")
            return 0
        from ..evaluate import evaluate, format_report

        with tempfile.TemporaryDirectory() as tmp:
            self.export(Path(tmp), args.split)
            print(format_report(evaluate(Path(tmp) / "gold", Path(tmp) / "articles")))
        return 0


def one_to_one(first: list[Span], second: list[Span]) -> list[tuple[Span, Span]]:
    """Pairs of overlapping spans, each span used once, largest overlap first."""
    candidates = sorted(
        (
            (min(a.end, b.end) - max(a.start, b.start), i, j)
            for i, a in enumerate(first)
            for j, b in enumerate(second)
            if min(a.end, b.end) > max(a.start, b.start)
        ),
        reverse=True,
    )
    used_a, used_b, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((first[i], second[j]))
    return pairs


def f1(matched: int, first: int, second: int) -> float:
    """F1 of two annotations that agree on ``matched`` of their items."""
    return round(2 * matched / (first + second), 3) if first + second else 1.0
