"""Sentence boundaries: artikel's rules, a model's senter, and both together.

    python scripts/sentences.py [MODEL_WITH_SENTER]

For GSD test and our own held-out news documents it prints P/R/F1 of
  * rules  - artikel's punctuation rules (artikel.structure.set_sentence_starts)
  * senter - the model's senter alone (only with MODEL_WITH_SENTER)
  * union  - a start where either finds one (only with MODEL_WITH_SENTER)
and how the gold sentences end (a word, a colon/semicolon or other punctuation): a
sentence that ends in a word leaves no punctuation for rules to find once the sentences
are joined into documents, which bounds what punctuation-based splitting can recall.
"""

import sys
from collections import Counter

import spacy
from evaluate import prf
from evaluate import sentence_starts as starts  # scripts/ is on sys.path when run as a script
from spacy.tokens import DocBin

from artikel.structure import set_sentence_starts


def endings(doc):
    """How the sentences that another sentence follows end: the cue a boundary can be found by."""
    out = Counter()
    for s in list(doc.sents)[:-1]:
        words = [t.text for t in s if not t.is_space]
        if words:
            last = words[-1]
            out[
                "word"
                if last[-1].isalnum()
                else "colon/semicolon"
                if last in (":", ";")
                else "punctuation"
            ] += 1
    return out


def main():
    model = spacy.load(sys.argv[1]) if len(sys.argv) > 1 else None
    blank = spacy.blank("de")
    vocab = model.vocab if model else blank.vocab
    for split in ("gsd_test", "own_heldout"):
        gold = list(DocBin().from_disk(f"build/corpus/{split}.spacy").get_docs(vocab))
        counts = {name: [0, 0, 0] for name in ("rules", "senter", "union")}
        ends = Counter()
        for g in gold:
            ends += endings(g)
            truth = starts(g)
            found = {"rules": starts(set_sentence_starts(blank.make_doc(g.text)))}
            if model:
                doc = model.make_doc(g.text)
                for name in ("tok2vec", "senter"):
                    if name in model.pipe_names:
                        doc = model.get_pipe(name)(doc)
                found["senter"] = starts(doc)
                found["union"] = found["rules"] | found["senter"]
            for name, predicted in found.items():
                c = counts[name]
                c[0] += len(predicted & truth)
                c[1] += len(predicted - truth)
                c[2] += len(truth - predicted)
        total = sum(ends.values())
        print(
            f"{split}: {len(gold)} documents, {total} sentence boundaries inside them, after "
            + ", ".join(f"{k} {v} ({v / total:.1%})" for k, v in ends.most_common())
        )
        if ends["punctuation"] < total:
            found = len(gold) + ends["punctuation"]  # document starts are given
            recall = found / (len(gold) + total)
            print(
                f"  at most {found} of {len(gold) + total} starts follow punctuation: "
                "a splitter that finds all of them without error has "
                f"R {recall:.3f}, F1 {2 * recall / (1 + recall):.3f}"
            )
        for name, c in counts.items():
            if c[0]:
                score = prf(*c)
                print(
                    f"  {name:7s} P {score['p']:.3f} R {score['r']:.3f} F1 {score['f']:.3f} "
                    f"(tp {c[0]}, fp {c[1]}, fn {c[2]})"
                )


if __name__ == "__main__":
    main()
