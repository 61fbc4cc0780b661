"""Inter-annotator agreement of the project's NER corpus (span + label F1).

A random sample of corpus sentences (fixed seed) is annotated a second time, blind, by
another annotator; this script compares the two annotations and lists every disagreement.

    python training/scripts/agreement.py FIRST.json SECOND.txt [--out REPORT.md]

FIRST.json: [{"id", "annotated"}] (the sentences as they are in corpus/src, with markup);
SECOND.txt: lines "ID<TAB>sentence with [surface|LABEL] markup".
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter

MARK = re.compile(r"\[([^\[\]|]+)\|(PER|ORG|LOC|MISC)\]")


def spans(marked: str) -> tuple[str, set[tuple[int, int, str]]]:
    """Plain text and its (start, end, label) spans from inline markup."""
    plain, found, position = [], set(), 0
    offset = 0
    for match in MARK.finditer(marked):
        plain.append(marked[position : match.start()])
        offset += match.start() - position
        surface = match.group(1)
        found.add((offset, offset + len(surface), match.group(2)))
        plain.append(surface)
        offset += len(surface)
        position = match.end()
    plain.append(marked[position:])
    return "".join(plain), found


def agreement(first: dict[str, str], second: dict[str, str]) -> tuple[dict, list[str]]:
    """Span+label F1 (second against first), per-label F1, and the disagreements."""
    totals, per_label, notes = Counter(), {}, []
    for key in sorted(first):
        text_a, spans_a = spans(first[key])
        text_b, spans_b = spans(second[key])
        if text_a != text_b:
            raise ValueError(f"{key}: the two annotations are of different texts")
        both = spans_a & spans_b
        totals.update(agree=len(both), first=len(spans_a), second=len(spans_b))
        for label in ("PER", "ORG", "LOC", "MISC"):
            counts = per_label.setdefault(label, Counter())
            counts.update(
                agree=len({s for s in both if s[2] == label}),
                first=len({s for s in spans_a if s[2] == label}),
                second=len({s for s in spans_b if s[2] == label}),
            )
        for start, end, label in sorted(spans_a ^ spans_b):
            who = "first only" if (start, end, label) in spans_a else "second only"
            notes.append(f"{key}\t{who}\t{label}\t{text_a[start:end]}\t{text_a}")

    def f1(counts: Counter) -> float:
        total = counts["first"] + counts["second"]
        return 2 * counts["agree"] / total if total else 1.0

    scores = {"F1": f1(totals), **{f"{label} F1": f1(c) for label, c in per_label.items()}}
    scores.update(sentences=len(first), spans_first=totals["first"], spans_second=totals["second"])
    return scores, notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first")
    parser.add_argument("second")
    parser.add_argument("--out")
    args = parser.parse_args()
    with open(args.first, encoding="utf-8") as handle:
        first = {row["id"]: row["annotated"] for row in json.load(handle)}
    with open(args.second, encoding="utf-8") as handle:
        second = dict(line.rstrip("\n").split("\t", 1) for line in handle)
    scores, notes = agreement(first, second)
    lines = [
        f"{name}: {value:.3f}" if isinstance(value, float) else f"{name}: {value}"
        for name, value in scores.items()
    ]
    report = "\n".join([*lines, "", "disagreements (id, who, label, span, sentence):", *notes])
    print(report)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as handle:
            handle.write(report + "\n")


if __name__ == "__main__":
    main()
