"""Evaluate a trained pipeline.

    python scripts/evaluate.py MODEL_DIR OUT.json
        [--sets germeval,mobie,smartdata,ler,neiss,own,gsd,speed,konj] [--corpus DIR]
--corpus: folder of the converted corpora (default build/corpus)

NER scoring (character offsets, so independent of tokenisation differences):
  * exact match of (start, end, label); per-label P/R/F1 and micro P/R/F1
  * GermEval 2014 test: outer spans, OTH->MISC; gold spans labelled *deriv/*part are excluded, and
    predictions overlapping such an excluded gold span are ignored
  * corpora without a MISC class (MobIE, SmartData, LER, NEISS): only PER/LOC/ORG are scored,
    predicted MISC spans are ignored; predictions overlapping tokens whose annotation is missing
    (e.g. LER legal norms) ignored
GSD test: spaCy's Scorer (UPOS = pos_acc, morph_acc, UAS/LAS, sentence F1, lemma accuracy) on the
raw text, gold tokens aligned to spaCy's tokenisation (a gold word that our tokenizer joins
differently, e.g. GSD's "US - Präsident" vs our "US-Präsident", counts as an error), with token
P/R; and the same scores on GSD's own tokens (*_gold_tokens: tagging and parsing accuracy without
tokenisation differences).
sents_layer: sentence P/R/F of artikel's pipeline (load_pipeline: rule boundaries before the
parser) on GSD test and our own held-out news documents.
With a set name + "_layer" (e.g. germeval_layer): the same NER scoring through artikel's whole
entity layer.
Speed: words per second, one process, nlp.pipe(batch_size=256) over the GermEval test texts.
"""

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import Example

CORPUS = Path("build/corpus")
NER_SETS = {
    # name: (file, labels scored)
    "germeval": ("germeval_test", ("PER", "LOC", "ORG", "MISC")),
    "germeval_tune": ("germeval_tune", ("PER", "LOC", "ORG", "MISC")),
    "own": ("own_heldout", ("PER", "LOC", "ORG", "MISC")),
    "real": ("real_heldout", ("PER", "LOC", "ORG", "MISC")),  # real-ner/ stand-off, held out
    "mobie": ("mobie_test", ("PER", "LOC", "ORG")),
    "smartdata": ("smartdata_test", ("PER", "LOC", "ORG")),
    "ler": ("ler_test", ("PER", "LOC", "ORG")),
    "neiss": ("neiss_test", ("PER", "LOC")),
}
KONJ = [
    "Kim habe aber zugesagt, dass sein Land die Tests nicht wieder aufnehmen werde.",
    "Der Minister sagte, die Lage sei ernst.",
    "Sie wolle sich nicht dazu äußern, sagte eine Sprecherin.",
    "Er habe nichts davon gewusst, erklärte der Angeklagte.",
    "Die Regierung werde alles tun, um die Bürger zu schützen, sagte Scholz.",
    "Das Unternehmen wolle bis 2030 klimaneutral werden.",
]


def load_docs(name, vocab):
    return list(DocBin().from_disk(CORPUS / f"{name}.spacy").get_docs(vocab))


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def ner_eval(nlp, gold_docs, labels):
    texts = [d.text for d in gold_docs]
    disable = [
        p for p in nlp.pipe_names if p not in ("tok2vec", "ner") and not p.startswith("tok2vec")
    ]
    with nlp.select_pipes(disable=disable):
        preds = list(nlp.pipe(texts, batch_size=128))
    return ner_score(
        gold_docs, [[(e.start_char, e.end_char, e.label_) for e in p.ents] for p in preds], labels
    )


def entity_layer_eval(model, gold_docs, labels):
    """NER through artikel's whole entity layer (sentence rules, parser, title patterns, country
    gazetteer, document consistency, span cleaning), each gold text analysed as one paragraph."""
    from artikel.entities import find_mentions
    from artikel.nlp import load_pipeline
    from artikel.structure import Paragraph

    nlp = load_pipeline(str(Path(model).resolve()))
    texts = [d.text for d in gold_docs]
    predicted = []
    for doc in nlp.pipe(texts, batch_size=64):
        paragraph = Paragraph(0, len(doc.text), "body", "de")
        predicted.append([(m.start, m.end, m.label) for m in find_mentions(doc, [paragraph])])
    return ner_score(gold_docs, predicted, labels)


def ner_score(gold_docs, predicted, labels):
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, spans in zip(gold_docs, predicted, strict=True):
        gold = {(e.start_char, e.end_char, e.label_) for e in g.ents if e.label_ in labels}
        ignore = [(s.start_char, s.end_char) for s in g.spans.get("excluded", [])]
        ignore += [(t.idx, t.idx + len(t.text)) for t in g if t.ent_iob == 0]
        pred = set()
        for start, end, label in spans:
            if label not in labels:
                continue
            if any(start < b and a < end for a, b in ignore):
                continue
            pred.add((start, end, label))
        for lab in labels:
            gl = {x for x in gold if x[2] == lab}
            pl = {x for x in pred if x[2] == lab}
            tp[lab] += len(gl & pl)
            fp[lab] += len(pl - gl)
            fn[lab] += len(gl - pl)
    out = {lab: prf(tp[lab], fp[lab], fn[lab]) for lab in labels}
    out["micro"] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return out


def gsd_eval(nlp, split="gsd_test"):
    gold = load_docs(split, nlp.vocab)
    examples = [Example(nlp.make_doc(g.text), g) for g in gold]
    scores = nlp.evaluate(examples)
    keep = (
        "pos_acc",
        "morph_acc",
        "dep_uas",
        "dep_las",
        "sents_p",
        "sents_r",
        "sents_f",
        "lemma_acc",
    )
    out = {
        k: round(scores[k], 4) for k in (*keep, "token_p", "token_r") if scores.get(k) is not None
    }
    on_gold_tokens = nlp.evaluate(
        [
            Example(
                Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g]),
                g,
            )
            for g in gold
        ]
    )
    for k in keep:
        if on_gold_tokens.get(k) is not None:
            out[f"{k}_gold_tokens"] = round(on_gold_tokens[k], 4)
    # POS from the morphologizer alone (attribute_ruler TAG->POS mapping disabled)
    if "attribute_ruler" in nlp.pipe_names:
        with nlp.select_pipes(disable=["attribute_ruler"]):
            s2 = nlp.evaluate([Example(nlp.make_doc(g.text), g) for g in gold])
        out["pos_acc_morphologizer"] = round(s2["pos_acc"], 4)
    # Mood feature accuracy on finite verbs (Konjunktiv detection matters for indirect speech)
    tot = ok = 0
    preds = nlp.pipe([g.text for g in gold])
    for g, p in zip(gold, preds, strict=True):
        ex = Example(p, g)
        gm = ex.get_aligned("MORPH", as_string=True)
        for t, m in zip(p, gm, strict=True):
            if m and "Mood=" in m:
                tot += 1
                want = next(f for f in m.split("|") if f.startswith("Mood="))
                ok += want in str(t.morph)
    out["mood_acc_finite"] = round(ok / tot, 4) if tot else None
    return out


def sents_eval(nlp, split="own_heldout"):
    """Sentence-boundary P/R/F on our own held-out news documents (gold = the corpus's sentence
    lines)."""
    gold = load_docs(split, nlp.vocab)
    with nlp.select_pipes(
        enable=[p for p in nlp.pipe_names if p in ("tok2vec", "parser", "senter")]
    ):
        scores = nlp.evaluate([Example(nlp.make_doc(g.text), g) for g in gold])
    return {k: round(scores[k], 4) for k in ("sents_p", "sents_r", "sents_f")}


def sents_layer_eval(model):
    """Sentence boundaries of artikel's pipeline (as ``artikel.nlp.load_pipeline`` sets them up)."""
    from artikel.nlp import load_pipeline

    nlp = load_pipeline(str(Path(model).resolve()))
    out = {}
    for split in ("gsd_test", "own_heldout"):
        gold = load_docs(split, nlp.vocab)
        tp = fp = fn = 0
        for g, p in zip(gold, nlp.pipe([g.text for g in gold], batch_size=64), strict=True):
            gs, ps = sentence_starts(g), sentence_starts(p)
            tp, fp, fn = tp + len(gs & ps), fp + len(ps - gs), fn + len(gs - ps)
        out[split] = prf(tp, fp, fn)
    return out


def sentence_starts(doc):
    """Character offsets of the first non-space token of each sentence."""
    return {next((t.idx for t in s if not t.is_space), s.start_char) for s in doc.sents}


def speed(nlp, n_docs=2000):
    texts = [d.text for d in load_docs("germeval_test", nlp.vocab)[:n_docs]]
    list(nlp.pipe(texts[:50]))
    t0 = time.perf_counter()
    n = sum(len(d) for d in nlp.pipe(texts, batch_size=256))
    dt = time.perf_counter() - t0
    return {"words": n, "seconds": round(dt, 2), "wps": int(n / dt)}


def konj(nlp):
    out = []
    for s in KONJ:
        d = nlp(s)
        out.append(
            {
                "text": s,
                "verbs": [
                    (t.text, t.pos_, str(t.morph.get("Mood")))
                    for t in d
                    if t.lower_ in ("habe", "sei", "werde", "wolle")
                ],
            }
        )
    ok = all(v[2] == "['Sub']" for o in out for v in o["verbs"])
    return {"all_sub": ok, "sentences": out}


def main():
    global CORPUS
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("out")
    ap.add_argument("--corpus", default=str(CORPUS), help="converted corpora (DocBins)")
    ap.add_argument(
        "--sets",
        default=(
            "germeval,germeval_tune,own,mobie,smartdata,ler,neiss,gsd,gsd_tune,own_sents,sents_layer,"
            "konj,speed"
        ),
    )
    a = ap.parse_args()
    CORPUS = Path(a.corpus)
    nlp = spacy.load(a.model)
    res = {"model": a.model}
    for s in a.sets.split(","):
        t0 = time.time()
        if s in NER_SETS:
            f, labels = NER_SETS[s]
            if not (CORPUS / f"{f}.spacy").exists():
                continue
            res[s] = ner_eval(nlp, load_docs(f, nlp.vocab), labels)
            print(
                s, "micro", res[s]["micro"], {k: v["f"] for k, v in res[s].items()}, file=sys.stderr
            )
        elif s.endswith("_layer") and s[: -len("_layer")] in NER_SETS:
            f, labels = NER_SETS[s[: -len("_layer")]]
            res[s] = entity_layer_eval(a.model, load_docs(f, nlp.vocab), labels)
            print(
                s, "micro", res[s]["micro"], {k: v["f"] for k, v in res[s].items()}, file=sys.stderr
            )
        elif s in ("gsd", "gsd_tune"):
            res[s] = gsd_eval(nlp, "gsd_test" if s == "gsd" else "gsd_tune")
            print(s, res[s], file=sys.stderr)
        elif s == "sents_layer":
            res[s] = sents_layer_eval(a.model)
            print(s, res[s], file=sys.stderr)
        elif s == "own_sents":
            if (CORPUS / "own_heldout.spacy").exists():
                res[s] = sents_eval(nlp)
                print(s, res[s], file=sys.stderr)
        elif s == "speed":
            res[s] = speed(nlp)
            print(s, res[s], file=sys.stderr)
        elif s == "konj":
            res[s] = konj(nlp)
            print(s, json.dumps(res[s], ensure_ascii=False), file=sys.stderr)
        print(f"  ({s}: {time.time() - t0:.0f}s)", file=sys.stderr)
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(res, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
