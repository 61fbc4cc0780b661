"""Train floret static vectors on the raw-text corpora (pretraining/vectors role).

Steps:
  text   : read the raw JSONL.gz corpora, tokenise with spaCy's blank German
           tokenizer (so that vector keys match the pipeline's tokens) and write
           one paragraph per line to build/raw/raw_tokens.txt
           (--limit N: only the first N/5 paragraphs of each of the 5 files; smoke runs)
  train  : train floret (mode=floret, hashCount=2) with one thread (deterministic)
           and write build/vectors/vectors.floret

Then
`python -m spacy init vectors de build/vectors/vectors.floret build/vectors/de_floret --mode floret`
(see Makefile).
"""

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

RAW = [
    "wikipedia_klexikon_raw/dewiki_articles.jsonl.gz",
    "wikipedia_klexikon_raw/klexikon.jsonl.gz",
    "bundestag_wp21_raw/bundestag_wp21_speeches.jsonl.gz",
    "political_speeches_raw/bundestagspraesident.jsonl.gz",
    "political_speeches_raw/bundesregierung_excerpts.jsonl.gz",
]


def iter_paragraphs(corpora: Path, per_file=None):
    """Paragraphs of every raw file in RAW order; per_file: at most that many from each file."""
    for rel in RAW:
        n = 0
        with gzip.open(corpora / rel, "rt", encoding="utf-8") as f:
            for line in f:
                if per_file is not None and n >= per_file:
                    break
                line = line.strip()
                if not line:
                    continue
                text = json.loads(line)["text"]
                for para in text.split("\n"):
                    para = para.strip()
                    if para and (per_file is None or n < per_file):
                        n += 1
                        yield para


def cmd_text(args):
    import spacy

    nlp = spacy.blank("de")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    # --limit (smoke runs): the first limit/len(RAW) paragraphs of each file, so every source is in
    # the slice; without it (the shipped recipe) all paragraphs
    per_file = None if args.limit is None else max(1, -(-args.limit // len(RAW)))
    paras = list(iter_paragraphs(Path(args.corpora), per_file))
    # fixed shuffle so that the corpora are interleaved for training
    random.Random(0).shuffle(paras)
    n_tok = 0
    with out.open("w", encoding="utf-8") as f:
        for doc in nlp.tokenizer.pipe(paras, batch_size=1000):
            toks = [t.text for t in doc if not t.is_space]
            n_tok += len(toks)
            f.write(" ".join(toks) + "\n")
    print(f"wrote {len(paras)} paragraphs, {n_tok} tokens to {out}", file=sys.stderr)


def cmd_train(args):
    import floret

    model = floret.train_unsupervised(
        args.input,
        model="cbow",
        mode="floret",
        hashCount=2,
        bucket=args.bucket,
        dim=args.dim,
        minn=4,
        maxn=5,
        minCount=args.min_count,
        epoch=args.epoch,
        thread=1,
        verbose=1,
    )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    model.save_floret_vectors(args.out)
    for w in ["Trump", "Bundestag", "sagte", "habe", "Berlin"]:
        nn = model.get_nearest_neighbors(w, k=5)
        print(w, [x[1] for x in nn], file=sys.stderr)


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("text")
    t.add_argument(
        "--corpora", default=str(Path(__file__).resolve().parents[3] / "shared" / "corpora")
    )
    t.add_argument("--out", default="build/raw/raw_tokens.txt")
    t.add_argument(
        "--limit", type=int, default=None, help="at most about this many paragraphs (smoke runs)"
    )
    r = sub.add_parser("train")
    r.add_argument("--input", default="build/raw/raw_tokens.txt")
    r.add_argument("--out", default="build/vectors/vectors.floret")
    r.add_argument("--dim", type=int, default=100)
    r.add_argument("--bucket", type=int, default=50000)
    r.add_argument("--epoch", type=int, default=10)
    r.add_argument("--min-count", type=int, default=5)
    args = p.parse_args()
    {"text": cmd_text, "train": cmd_train}[args.cmd](args)


if __name__ == "__main__":
    main()
