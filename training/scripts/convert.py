"""Convert the open corpora in ../shared/corpora (beside the repository) into spaCy DocBins.

Usage:  python scripts/convert.py CORPUS [CORPUS ...] [--corpora DIR] [--out DIR]
CORPUS: germeval, smartdata, mobie, ler, neiss, europeana, gsd, pud, linspector, all
(several names: only those, e.g. `germeval gsd pud` for the smoke run's tiny mixture)

Outputs (build/corpus/ by default):
  NER (labels PER/LOC/ORG/MISC, see README.md "Label mapping"):
    germeval_train.spacy  GermEval 2014 dev minus the tuning slice (md5(sentence) % 10 != 0)
    germeval_tune.spacy   GermEval 2014 dev tuning slice (md5 % 10 == 0)
    germeval_test.spacy   GermEval 2014 test (evaluation only); excluded *deriv/*part spans in
                          doc.spans["excluded"]
    smartdata_train.spacy v1 train+test docs whose id is not in v3 dev/test; smartdata_test.spacy
                          (v3 test, eval only)
    mobie_train.spacy, mobie_test.spacy (eval only)
    ler_train.spacy (LER dev), ler_test.spacy (eval only)
    neiss_train.spacy, neiss_test.spacy (eval only)
    europeana_train.spacy
  Spans whose mapped label is None are marked as *missing* annotation (not O):
  e.g. LER legal norms (GS, VO, ...), which are neither O nor one of our four labels.
  Tagging/parsing:
    gsd_train.spacy  UD German GSD dev minus tuning slice (md5(sentence text) % 100 >= 15),
                     10 sentences per doc
    gsd_tune.spacy   GSD dev tuning slice
    gsd_test.spacy   GSD test (evaluation only)
    pud_train.spacy  UD German PUD (all; XPOS dropped because it is English-style)
    linspector_train.spacy  GSD v2.3 train, UPOS only (stored as TAG), sentence starts;
                            no heads/morph/lemmas
All tokenised corpora are stored with the gold tokens; spaCy aligns them to its own tokenizer at
training time.
"""

import argparse
import collections
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

NLP = spacy.blank("de")
VOCAB = NLP.vocab


def h(text: str) -> int:
    return int(hashlib.md5(text.encode("utf-8")).hexdigest(), 16)


def save(docs, path: Path, attrs=None):
    path.parent.mkdir(parents=True, exist_ok=True)
    db = DocBin(store_user_data=True)
    n_tok = n_ent = 0
    for d in docs:
        db.add(d)
        n_tok += len(d)
        n_ent += len(d.ents)
    db.to_disk(path)
    print(f"{path}: {len(db)} docs, {n_tok} tokens, {n_ent} entities", file=sys.stderr)


# ---------------------------------------------------------------- BIO helpers
def bio_spans(tags):
    """BIO tags (label strings after 'B-'/'I-') -> list of (start, end, label) token spans."""
    spans = []
    cur = None
    for i, t in enumerate(tags):
        if t == "O" or not t:
            if cur:
                spans.append(cur)
            cur = None
            continue
        pre, lab = t.split("-", 1) if "-" in t else ("B", t)
        if pre == "B" or cur is None or cur[2] != lab:
            if cur:
                spans.append(cur)
            cur = [i, i + 1, lab]
        else:
            cur[1] = i + 1
    if cur:
        spans.append(cur)
    return [tuple(s) for s in spans]


def make_ner_doc(words, spans, mapping, spaces=None, excluded_key=None):
    """spans: raw (start, end, rawlabel).
    mapping(rawlabel) -> 'PER'|'LOC'|'ORG'|'MISC'|'O'|None(missing)|'EXCL'."""
    doc = Doc(VOCAB, words=words, spaces=spaces)
    ents, missing, excl = [], [], []
    for s, e, lab in spans:
        m = mapping(lab)
        if m == "O":
            continue
        if m is None:
            missing.append(Span(doc, s, e))
        elif m == "EXCL":
            excl.append(Span(doc, s, e, label=lab))
        else:
            ents.append(Span(doc, s, e, label=m))
    doc.set_ents(ents, missing=missing, default="outside")
    if excluded_key:
        doc.spans[excluded_key] = excl
    return doc


# ---------------------------------------------------------------- GermEval
GE_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}


def read_germeval(path):
    sents, cur = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                if cur:
                    sents.append(cur)
                cur = []
                continue
            cols = line.split("\t")
            cur.append((cols[1], cols[2]))
    if cur:
        sents.append(cur)
    return sents


def germeval_doc(sent, for_eval=False):
    words = [w for w, _ in sent]
    spans = bio_spans([t for _, t in sent])

    def mapping(lab):
        if lab.endswith("deriv") or lab.endswith("part"):
            # training: adjectives/compound parts are not entities (O);
            # evaluation: excluded from scoring
            return "EXCL" if for_eval else "O"
        return GE_MAP[lab]

    return make_ner_doc(words, spans, mapping, excluded_key="excluded" if for_eval else None)


def conv_germeval(c: Path, out: Path):
    dev = read_germeval(c / "germeval2014/NER-de-dev.tsv")
    train, tune = [], []
    for s in dev:
        text = " ".join(w for w, _ in s)
        (tune if h(text) % 10 == 0 else train).append(germeval_doc(s))
    save(train, out / "germeval_train.spacy")
    save(tune, out / "germeval_tune.spacy")
    test = [
        germeval_doc(s, for_eval=True) for s in read_germeval(c / "germeval2014/NER-de-test.tsv")
    ]
    save(test, out / "germeval_test.spacy")


# ---------------------------------------------------------------- DFKI types
def dfki_map(lab):
    lab = lab.lower()
    if lab == "person":
        return "PER"
    if lab.startswith("location"):
        return "LOC"
    if lab.startswith("organization"):
        return "ORG"
    return "O"


def read_smartdata(path):
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        s = handle.read()
    dec = json.JSONDecoder()
    i = 0
    while True:
        while i < len(s) and s[i].isspace():
            i += 1
        if i >= len(s):
            break
        o, i = dec.raw_decode(s, i)
        yield o


def smartdata_doc(o):
    text = o["text"]["string"]
    doc = NLP.make_doc(text)
    ents, missing = [], []
    for m in (o.get("conceptMentions") or {}).get("array", []):
        lab = dfki_map(m["type"])
        if lab == "O":
            continue
        s, e = m["span"]["start"], m["span"]["end"]
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        sp = doc.char_span(s, e, label=lab, alignment_mode="contract")
        if sp is None or len(sp) == 0:
            continue
        if any(t.is_space or t.text != t.text.strip() for t in sp):
            # e.g. a name broken by a line break or a no-break space: not learnable as one entity
            missing.append(sp)
        else:
            ents.append(sp)
    ents = spacy.util.filter_spans(ents)
    taken = {i for sp in ents for i in range(sp.start, sp.end)}
    missing = spacy.util.filter_spans(
        [m for m in missing if not any(i in taken for i in range(m.start, m.end))]
    )
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def conv_smartdata(c: Path, out: Path):
    d = c / "smartdata_dfki"
    v3 = {o["id"]: o for p in ("v3/dev.json.gz", "v3/test.json.gz") for o in read_smartdata(d / p)}
    seen, train = set(), []
    for p in ("v1/train.json.gz", "v1/test.json.gz"):
        for o in read_smartdata(d / p):
            if o["id"] in v3 or o["id"] in seen:
                continue
            seen.add(o["id"])
            train.append(smartdata_doc(o))
    save(train, out / "smartdata_train.spacy")
    save(
        [smartdata_doc(o) for o in read_smartdata(d / "v3/test.json.gz")],
        out / "smartdata_test.spacy",
    )


# ---------------------------------------------------------------- MobIE
def read_mobie(path):
    """-> list of documents, each a list of sentences [(word, tag)]"""
    docs, doc, sent = [], [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                if sent:
                    doc.append(sent)
                if doc:
                    docs.append(doc)
                doc, sent = [], []
                continue
            if not line.strip():
                if sent:
                    doc.append(sent)
                sent = []
                continue
            cols = line.split("\t")
            sent.append((cols[0], cols[-1]))
    if sent:
        doc.append(sent)
    if doc:
        docs.append(doc)
    return docs


def conv_mobie(c: Path, out: Path):
    for split in ("train", "test"):
        docs = []
        for d in read_mobie(c / f"mobie_dfki/{split}.conll2003"):
            toks = [t for s in d for t in s]
            docs.append(
                make_ner_doc([w for w, _ in toks], bio_spans([t for _, t in toks]), dfki_map)
            )
        save(docs, out / f"mobie_{split}.spacy")


# ---------------------------------------------------------------- LER
LER_MAP = {
    "PER": "PER",
    "RR": "PER",
    "AN": "PER",
    "LD": "LOC",
    "ST": "LOC",
    "STR": "LOC",
    "LDS": "LOC",
    "ORG": "ORG",
    "UN": "ORG",
    "INN": "ORG",
    "GRT": "ORG",
    "MRK": "ORG",
}
# legal norms, regulations, contracts, court decisions, literature: neither O nor one of our
# labels -> missing
LER_MISSING = {"GS", "VO", "EUN", "VS", "VT", "RS", "LIT"}


def read_space_conll(path):
    sents, cur = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\r\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                cur = []
                continue
            parts = line.split(" ")
            if len(parts) < 2:
                continue
            cur.append((parts[0], parts[-1]))
    if cur:
        sents.append(cur)
    return sents


def ler_map(lab):
    if lab in LER_MAP:
        return LER_MAP[lab]
    if lab in LER_MISSING:
        return None
    raise ValueError(lab)


def conv_ler(c: Path, out: Path):
    for src, name in (("ler_dev.conll", "ler_train"), ("ler_test.conll", "ler_test")):
        docs = [
            make_ner_doc([w for w, _ in s], bio_spans([t for _, t in s]), ler_map)
            for s in read_space_conll(c / "legal_ner_ler" / src)
        ]
        save(docs, out / f"{name}.spacy")


# ---------------------------------------------------------------- NEISS
def neiss_map(lab):
    return {"pers": "PER", "place": "LOC"}.get(lab, "O")


def conv_neiss(c: Path, out: Path):
    for split in ("train", "test"):
        docs = [
            make_ner_doc([w for w, _ in s], bio_spans([t for _, t in s]), neiss_map)
            for s in read_space_conll(c / f"neiss_sturm/{split}_sturm.conll")
        ]
        save(docs, out / f"neiss_{split}.spacy")


# ---------------------------------------------------------------- Europeana
def conv_europeana(c: Path, out: Path):
    docs = []
    tag_re = re.compile(r"^([BI])[-_](PER|LOC|ORG)$", re.I)
    for name in ("lft", "onb", "sbb"):
        toks = []
        with open(c / f"europeana_newspapers_de/enp_DE.{name}.bio", encoding="utf-8") as handle:
            for line in handle:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("# "):
                    continue
                parts = line.split()
                if len(parts) != 2:
                    continue
                w, t = parts
                m = tag_re.match(t)
                if m:
                    t = f"{m.group(1).upper()}-{m.group(2).upper()}"
                elif t != "O":
                    continue
                toks.append((w, t))
        cur = []
        for w, t in toks:
            cur.append((w, t))
            if (w in {".", "!", "?"} and len(cur) >= 5) or len(cur) >= 40:
                docs.append(
                    make_ner_doc(
                        [x for x, _ in cur], bio_spans([y for _, y in cur]), lambda label: label
                    )
                )
                cur = []
        if cur:
            docs.append(
                make_ner_doc(
                    [x for x, _ in cur], bio_spans([y for _, y in cur]), lambda label: label
                )
            )
    save(docs, out / "europeana_train.spacy")


# ---------------------------------------------------------------- UD
def ud_docs_per_sentence(path, upos_as_tag=False):
    """One Doc per sentence. upos_as_tag: our tagger predicts UPOS into Token.tag_ (see README),
    so for training docs TAG := UPOS (this also drops PUD's English-style XPOS)."""
    from spacy.training.converters import conllu_to_docs

    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    docs = list(conllu_to_docs(text, n_sents=1, merge_subtokens=True, no_print=True))
    if upos_as_tag:
        for d in docs:
            for t in d:
                t.tag_ = t.pos_
    return docs


def group(docs, n=10):
    out = []
    for i in range(0, len(docs), n):
        out.append(Doc.from_docs(docs[i : i + n], ensure_whitespace=True))
    return out


def conv_gsd(c: Path, out: Path):
    d = ud_docs_per_sentence(c / "ud_german_gsd/de_gsd-ud-dev.conllu", upos_as_tag=True)
    train = [x for x in d if h(x.text) % 100 >= 15]
    tune = [x for x in d if h(x.text) % 100 < 15]
    save(group(train), out / "gsd_train.spacy")
    save(group(tune), out / "gsd_tune.spacy")
    save(
        group(ud_docs_per_sentence(c / "ud_german_gsd/de_gsd-ud-test.conllu")),
        out / "gsd_test.spacy",
    )


def conv_pud(c: Path, out: Path):
    save(
        group(ud_docs_per_sentence(c / "ud_german_pud/de_pud-ud-test.conllu", upos_as_tag=True)),
        out / "pud_train.spacy",
    )


# --- linspector: GSD v2.3 UPOS, mapped towards the current GSD scheme
def read_linspector(path):
    """-> list of sentences [(surface word, v2.3 UPOS)], multiword tokens kept as the surface
    token"""
    sents = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            items = [t.rsplit("##", 1) for t in line.split()]
            out = []
            i = 0
            while i < len(items):
                w, p = items[i]
                if p == "_":
                    # multiword token 'im##_ in##ADP dem##DET': keep surface, UPOS of the first part
                    # (spaCy's --merge-subtokens gives the merged token the first part's POS too)
                    parts = []
                    j = i + 1
                    # number of parts is not marked; German contractions have 2 parts
                    parts = items[j : j + 2]
                    out.append((w, parts[0][1] if parts else "X"))
                    i = j + 2
                    continue
                out.append((w, p))
                i += 1
            sents.append(out)
    return sents


def linspector_mapping(c: Path):
    """Learn (word, v2.3 tag) -> current tag from the aligned GSD dev sentences (both versions
    exist).
    Returns (table, adj_forms, det_forms)."""
    cur = ud_docs_per_sentence(c / "ud_german_gsd/de_gsd-ud-dev.conllu")
    old = read_linspector(c / "ud_german_gsd/linspector_pos/de_gsd-ud-dev.conllu.pos")
    counts = collections.defaultdict(collections.Counter)
    for dnew, sold in zip(cur, old, strict=False):
        if [t.text for t in dnew] != [w for w, _ in sold]:
            continue
        for t, (w, p) in zip(dnew, sold, strict=True):
            counts[(w.lower(), p)][t.pos_] += 1
    table = {}
    for k, cnt in counts.items():
        tag, n = cnt.most_common(1)[0]
        tot = sum(cnt.values())
        if n / tot >= 0.7:
            table[k] = tag
        else:
            table[k] = None  # ambiguous -> missing
    forms = collections.defaultdict(set)
    for p in ("ud_german_gsd/de_gsd-ud-dev.conllu", "ud_german_pud/de_pud-ud-test.conllu"):
        for d in ud_docs_per_sentence(c / p):
            for t in d:
                forms[t.pos_].add(t.text.lower())
    return table, forms


def conv_linspector(c: Path, out: Path):
    table, forms = linspector_mapping(c)
    sents = read_linspector(c / "ud_german_gsd/linspector_pos/de_gsd-ud-train.conllu.pos")
    stats = collections.Counter()
    docs = []
    for s in sents:
        words, tags = [], []
        for w, p in s:
            key = (w.lower(), p)
            if key in table:
                t = table[key]
                stats["table" if t == p else ("remap" if t else "ambig")] += 1
            elif p == "ADV" and w.lower() in forms["ADJ"]:
                t = None
                stats["adv?adj"] += 1
            elif p == "PRON" and w.lower() in forms["DET"]:
                t = None
                stats["pron?det"] += 1
            elif p in ("VERB", "AUX") and w.lower() in forms["AUX"] and w.lower() in forms["VERB"]:
                t = None
                stats["verb?aux"] += 1
            else:
                t = p
                stats["kept"] += 1
            words.append(w)
            tags.append(t or "")
        d = Doc(VOCAB, words=words, tags=tags, sent_starts=[True] + [False] * (len(words) - 1))
        docs.append(d)
    print(dict(stats), file=sys.stderr)
    save(group(docs), out / "linspector_train.spacy")


CONVERTERS = {
    "germeval": conv_germeval,
    "smartdata": conv_smartdata,
    "mobie": conv_mobie,
    "ler": conv_ler,
    "neiss": conv_neiss,
    "europeana": conv_europeana,
    "gsd": conv_gsd,
    "pud": conv_pud,
    "linspector": conv_linspector,
}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("corpus", nargs="+", choices=[*CONVERTERS, "all"])
    p.add_argument(
        "--corpora", default=str(Path(__file__).resolve().parents[3] / "shared" / "corpora")
    )
    p.add_argument("--out", default="build/corpus")
    a = p.parse_args()
    names = list(CONVERTERS) if "all" in a.corpus else a.corpus
    for n in names:
        CONVERTERS[n](Path(a.corpora), Path(a.out))


if __name__ == "__main__":
    main()
