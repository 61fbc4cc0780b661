"""Our own German news NER corpus: parser, validator, JSONL and DocBin writers.

Source format (training/corpus/src/*.txt):
    ### <doc-id> | <genre> | <region> | <topic>
    One sentence per non-empty line, entities inline as [surface text|LABEL] (PER ORG LOC MISC).
    <blank line between documents>

Usage (from the repository root or training/):
    python training/scripts/corpus.py validate [FILES...]      # problems + counts; exit 1 on errors
    python training/scripts/corpus.py jsonl  [--out training/corpus/corpus.jsonl]
    python training/scripts/corpus.py docbin [--out-train X.spacy --out-heldout Y.spacy]

Held-out split: documents with md5(doc_id) % 10 == 0 form the held-out news slice (own_heldout),
never trained on in the experiments (the packaged model is trained without them as well).
"""

import argparse
import collections
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TRAINING = HERE.parent
SRC = TRAINING / "corpus" / "src"
JSONL = TRAINING / "corpus" / "corpus.jsonl"
ARTICLES = Path(__file__).resolve().parents[3] / "shared" / "dev-corpus" / "articles"
LABELS = ("PER", "ORG", "LOC", "MISC")
HEADER_RE = re.compile(r"^###\s*(.*)$")
SPAN_RE = re.compile(r"\[([^\[\]|]+)\|([A-Za-z]+)\]")
WORD_RE = re.compile(r"\w+", re.UNICODE)
NGRAM = 8
TITLE_WORDS = {
    "dr",
    "dr.",
    "prof",
    "prof.",
    "herr",
    "frau",
    "präsident",
    "präsidentin",
    "kanzler",
    "kanzlerin",
    "bundeskanzler",
    "bundeskanzlerin",
    "minister",
    "ministerin",
    "bürgermeister",
    "bürgermeisterin",
    "papst",
    "könig",
    "königin",
    "prinz",
    "prinzessin",
    "general",
    "senator",
    "senatorin",
    "richter",
    "richterin",
    "pfarrer",
    "bischof",
    "trainer",
    "trainerin",
    "chef",
    "chefin",
    "sprecher",
    "sprecherin",
    "abgeordnete",
    "abgeordneter",
    "ministerpräsident",
    "ministerpräsidentin",
}
TITLE_SUFFIXES = (
    "präsident",
    "präsidentin",
    "minister",
    "ministerin",
    "kanzler",
    "kanzlerin",
    "chef",
    "chefin",
    "sprecher",
    "sprecherin",
    "vorsitzende",
    "vorsitzender",
    "bürgermeister",
    "bürgermeisterin",
)


def doc_heldout(doc_id: str) -> bool:
    return int(hashlib.md5(doc_id.encode("utf-8")).hexdigest(), 16) % 10 == 0


# ------------------------------------------------------------------ parsing
def parse_line(line):
    """Inline markup -> (plain text, spans, problems)."""
    out, spans, problems = [], [], []
    pos = 0
    plain_len = 0
    for m in SPAN_RE.finditer(line):
        before = line[pos : m.start()]
        out.append(before)
        plain_len += len(before)
        surface, label = m.group(1), m.group(2)
        if label not in LABELS:
            problems.append(("error", f"invalid label {label!r} in {m.group(0)!r}"))
        if surface != surface.strip() or not surface.strip():
            problems.append(
                ("error", f"span with leading/trailing whitespace or empty: {m.group(0)!r}")
            )
        spans.append(
            {"start": plain_len, "end": plain_len + len(surface), "label": label, "text": surface}
        )
        out.append(surface)
        plain_len += len(surface)
        pos = m.end()
    out.append(line[pos:])
    text = "".join(out)
    rest = SPAN_RE.sub("", line)
    if any(ch in rest for ch in "[]|"):
        problems.append(("error", f"malformed markup (stray '[', ']' or '|'): {line[:120]!r}"))
    return text, spans, problems


def parse_file(path):
    """-> (records, problems). problems: (level, lineno, message)."""
    records, problems = [], []
    doc = None
    sent_idx = 0
    with open(path, encoding="utf-8") as handle:
        for lineno, raw in enumerate(handle, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip():
                doc = None
                continue
            m = HEADER_RE.match(line)
            if m:
                fields = [f.strip() for f in m.group(1).split("|")]
                if len(fields) != 4 or not fields[0]:
                    problems.append(
                        ("error", lineno, f"bad header (need 4 '|'-separated fields): {line!r}")
                    )
                    fields = [*fields, "", "", "", ""][:4]
                doc = dict(zip(("doc_id", "genre", "region", "topic"), fields, strict=True))
                sent_idx = 0
                continue
            if doc is None:
                problems.append(
                    ("error", lineno, "sentence outside a document (missing ### header?)")
                )
                continue
            if line != line.strip():
                problems.append(("warning", lineno, "leading/trailing whitespace"))
            text, spans, probs = parse_line(line.strip())
            problems.extend((lvl, lineno, msg) for lvl, msg in probs)
            records.append(
                {
                    **doc,
                    "sent_idx": sent_idx,
                    "text": text,
                    "spans": spans,
                    "_file": str(path),
                    "_line": lineno,
                }
            )
            sent_idx += 1
    return records, problems


def load(paths=None):
    paths = sorted(Path(p) for p in paths) if paths else sorted(SRC.glob("*.txt"))
    records, problems = [], []
    for p in paths:
        r, pr = parse_file(p)
        records.extend(r)
        problems.extend((lvl, f"{p}:{ln}", msg) for lvl, ln, msg in pr)
    return records, problems


# ------------------------------------------------------------------ validation
def article_ngrams(articles_dir=ARTICLES):
    grams = {}
    for p in sorted(Path(articles_dir).glob("*.txt")):
        words = [w.lower() for w in WORD_RE.findall(p.read_text(encoding="utf-8"))]
        for i in range(len(words) - NGRAM + 1):
            grams.setdefault(tuple(words[i : i + NGRAM]), p.name)
    return grams


def _tokenizer():
    import spacy

    return spacy.blank("de").tokenizer


def validate(paths=None, articles_dir=ARTICLES, counts=None):
    """Return a list of problems (strings 'LEVEL file:line: message'). Fills `counts` (dict) if
    given."""
    records, problems = load(paths)
    tok = _tokenizer()
    seen_text = {}
    seen_doc = {}
    for r in records:
        where = f"{r['_file']}:{r['_line']}"
        key = (r["_file"], r["doc_id"])
        if r["doc_id"] in seen_doc and seen_doc[r["doc_id"]] != key and r["sent_idx"] == 0:
            problems.append(("error", where, f"duplicate doc id {r['doc_id']!r}"))
        seen_doc.setdefault(r["doc_id"], key)
        if r["text"] in seen_text:
            problems.append(
                (
                    "error",
                    where,
                    f"duplicate sentence (also {seen_text[r['text']]}): {r['text'][:80]!r}",
                )
            )
        else:
            seen_text[r["text"]] = where
        last_end = -1
        doc = tok(r["text"])
        for s in sorted(r["spans"], key=lambda s: (s["start"], s["end"])):
            if r["text"][s["start"] : s["end"]] != s["text"]:
                problems.append(("error", where, f"offset mismatch for {s['text']!r}"))
            if s["start"] < last_end:
                problems.append(("error", where, f"overlapping spans at {s['text']!r}"))
            last_end = max(last_end, s["end"])
            words = s["text"].split()
            first = words[0].lower() if words else ""
            if (
                len(words) > 1
                and s["label"] == "PER"
                and (first in TITLE_WORDS or first.endswith(TITLE_SUFFIXES))
            ) or (len(words) > 1 and first in ("dr.", "prof.", "herr", "frau")):
                problems.append(("warning", where, f"span includes a leading title: {s['text']!r}"))
            if doc.char_span(s["start"], s["end"]) is None:
                problems.append(
                    (
                        "warning",
                        where,
                        f"span not on token boundaries (will be missing in training): "
                        f"{s['text']!r} in {r['text'][max(0, s['start'] - 15) : s['end'] + 15]!r}",
                    )
                )
    # 8-gram overlap with the dev-corpus articles (documents joined, so n-grams across sentences
    # count)
    grams = article_ngrams(articles_dir) if articles_dir and Path(articles_dir).exists() else {}
    by_doc = collections.defaultdict(list)
    for r in records:
        by_doc[(r["_file"], r["doc_id"])].append(r)
    for (f, _did), rs in by_doc.items():
        words, where = [], []
        for r in rs:
            ws = [w.lower() for w in WORD_RE.findall(r["text"])]
            words.extend(ws)
            where.extend([r["_line"]] * len(ws))
        reported = set()
        for i in range(len(words) - NGRAM + 1):
            g = tuple(words[i : i + NGRAM])
            if g in grams and where[i] not in reported:
                reported.add(where[i])
                problems.append(
                    (
                        "error",
                        f"{f}:{where[i]}",
                        f"8-word sequence shared with dev article {grams[g]}: {' '.join(g)!r}",
                    )
                )
    if counts is not None:
        c = collections.Counter(s["label"] for r in records for s in r["spans"])
        counts.update(
            {
                "files": len({r["_file"] for r in records}),
                "docs": len(by_doc),
                "sentences": len(records),
                "tokens": sum(len(tok(r["text"])) for r in records),
                "spans": sum(c.values()),
                "spans_per_label": dict(sorted(c.items())),
                "heldout_docs": sum(1 for (_, d) in by_doc if doc_heldout(d)),
            }
        )
    return [f"{lvl.upper()} {where}: {msg}" for lvl, where, msg in problems]


# ------------------------------------------------------------------ writers
def write_jsonl(out=JSONL, paths=None):
    records, _problems = load(paths)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for r in records:
            rec = {k: v for k, v in r.items() if not k.startswith("_")}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{out}: {len(records)} sentences", file=sys.stderr)


def read_jsonl(path=JSONL):
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def to_docs(records, nlp=None):
    """One spaCy Doc per document: sentences joined by a space, sentence starts and entities set.
    Spans that do not fall on spaCy token boundaries are marked as missing NER annotation."""
    import spacy

    nlp = nlp or spacy.blank("de")
    by_doc = collections.OrderedDict()
    for r in records:
        by_doc.setdefault(r["doc_id"], []).append(r)
    docs = []
    for did, rs in by_doc.items():
        rs = sorted(rs, key=lambda r: r["sent_idx"])
        text, starts, spans = "", [], []
        for r in rs:
            if text:
                text += " "
            starts.append(len(text))
            spans.extend(
                (len(text) + s["start"], len(text) + s["end"], s["label"]) for s in r["spans"]
            )
            text += r["text"]
        doc = nlp.make_doc(text)
        start_set = set(starts)
        for t in doc:
            t.is_sent_start = t.idx in start_set or t.i == 0
        ents, missing = [], []
        for s, e, lab in spans:
            sp = doc.char_span(s, e, label=lab)
            if sp is None:
                sp = doc.char_span(s, e, alignment_mode="expand")
                if sp is not None:
                    missing.append(sp)
            else:
                ents.append(sp)
        ents = spacy.util.filter_spans(ents)
        taken = {i for sp in ents for i in range(sp.start, sp.end)}
        missing = [m for m in missing if not any(i in taken for i in range(m.start, m.end))]
        doc.set_ents(ents, missing=spacy.util.filter_spans(missing), default="outside")
        doc.user_data["doc_id"] = did
        docs.append(doc)
    return docs


def write_docbins(
    jsonl=JSONL,
    out_train="build/corpus/own_train.spacy",
    out_heldout="build/corpus/own_heldout.spacy",
):
    from spacy.tokens import DocBin

    records = read_jsonl(jsonl)
    docs = to_docs(records)
    for path, sel in ((out_train, False), (out_heldout, True)):
        db = DocBin(store_user_data=True)
        for d in docs:
            if doc_heldout(d.user_data["doc_id"]) == sel:
                db.add(d)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        db.to_disk(path)
        print(f"{path}: {len(db)} docs", file=sys.stderr)


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    v = sub.add_parser("validate")
    v.add_argument("files", nargs="*")
    v.add_argument("--articles", default=str(ARTICLES))
    v.add_argument("--max-print", type=int, default=200)
    j = sub.add_parser("jsonl")
    j.add_argument("--out", default=str(JSONL))
    d = sub.add_parser("docbin")
    d.add_argument("--jsonl", default=str(JSONL))
    d.add_argument("--out-train", default="build/corpus/own_train.spacy")
    d.add_argument("--out-heldout", default="build/corpus/own_heldout.spacy")
    a = p.parse_args()
    if a.cmd == "validate":
        counts = {}
        probs = validate(a.files or None, a.articles, counts)
        for line in probs[: a.max_print]:
            print(line)
        if len(probs) > a.max_print:
            print(f"... {len(probs) - a.max_print} more")
        n_err = sum(1 for x in probs if x.startswith("ERROR"))
        n_warn = len(probs) - n_err
        print(json.dumps(counts, ensure_ascii=False))
        print(f"{n_err} errors, {n_warn} warnings")
        sys.exit(1 if n_err else 0)
    elif a.cmd == "jsonl":
        write_jsonl(a.out)
    else:
        write_docbins(a.jsonl, a.out_train, a.out_heldout)


if __name__ == "__main__":
    main()
