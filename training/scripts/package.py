"""Package a trained pipeline as de_artikel: meta.json (sources, licences, scores, input hashes) +
MODEL_CARD.md.

    python scripts/package.py MODEL_DIR OUT_DIR --eval build/eval/final.json --version 0.1.0 \
        --config configs/base.cfg --corpora ../../shared/corpora --train-parts "..."
The result loads with plain spacy.load(OUT_DIR) (only built-in factories are used).
"""

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import spacy

HERE = Path(__file__).resolve().parent
TRAINING = HERE.parent

SOURCES = [
    {
        "name": "GermEval 2014 NER (NoSta-D), dev split (test for evaluation only)",
        "license": "CC BY 4.0",
        "url": "https://sites.google.com/site/germeval2014ner/",
        "attribution": (
            "Benikova, Biemann, Reznicek: NoSta-D Named Entity Annotation for German (LREC 2014)"
        ),
    },
    {
        "name": (
            "UD German GSD (dev for training; v2.3 train UPOS via UKPLab/linspector; "
            "test for evaluation only)"
        ),
        "license": "CC BY-SA 4.0",
        "url": "https://github.com/UniversalDependencies/UD_German-GSD",
        "attribution": "Universal Dependencies German GSD treebank contributors",
    },
    {
        "name": "UD German PUD",
        "license": "CC BY-SA 3.0",
        "url": "https://github.com/UniversalDependencies/UD_German-PUD",
        "attribution": "CoNLL 2017 shared task parallel treebank (Google), Universal Dependencies",
    },
    {
        "name": "German Legal Entity Recognition (LER), dev split",
        "license": "CC BY 4.0",
        "url": "https://github.com/elenanereiss/Legal-Entity-Recognition",
        "attribution": "Leitner, Rehm, Moreno-Schneider (2019/2020)",
    },
    {
        "name": "MobIE (DFKI), train split",
        "license": "CC BY 4.0",
        "url": "https://github.com/DFKI-NLP/MobIE",
        "attribution": "Hennig, Truong, Gabryszak: MobIE (KONVENS 2021)",
    },
    {
        "name": "SmartData corpus (DFKI), v1 docs not in v3 dev/test",
        "license": "CC BY 4.0",
        "url": "https://github.com/DFKI-NLP/smartdata-corpus",
        "attribution": (
            "Schiersch et al.: A German Corpus for Fine-Grained Named Entity Recognition "
            "and Relation Extraction of Traffic and Industry Events (LREC 2018)"
        ),
    },
    {
        "name": "NEISS Sturm-Edition NER, train split",
        "license": "CC BY 4.0",
        "url": "https://github.com/NEISSproject/NERDatasets",
        "attribution": "NEISS project",
    },
    {
        "name": "German Wikipedia + Klexikon raw text (floret vectors only)",
        "license": "CC BY-SA 3.0 / CC BY-SA",
        "url": "https://github.com/dennlinger/klexikon",
        "attribution": "Wikipedia contributors; Klexikon; Aumiller and Gertz (LREC 2022)",
    },
    {
        "name": "Deutscher Bundestag, Plenarprotokolle WP21 (floret vectors only)",
        "license": "public domain (§ 5 UrhG)",
        "url": "https://www.bundestag.de/services/opendata",
        "attribution": "Deutscher Bundestag, Plenarprotokolle",
    },
    {
        "name": "German Political Speeches Corpus, parts (floret vectors only)",
        "license": "CC BY-SA 4.0",
        "url": "https://politische-reden.eu/",
        "attribution": "Barbaresi: German Political Speeches Corpus (LREC 2018)",
    },
    {
        "name": "artikel news NER corpus (training/corpus, written for this project)",
        "license": "project licence",
        "url": "",
        "attribution": "artikel project",
    },
    {
        "name": "spacy-lookups-data German lemma lookup table",
        "license": "MIT (spacy-lookups-data)",
        "url": "https://github.com/explosion/spacy-lookups-data",
        "attribution": "Explosion",
    },
]

INPUT_FILES = [
    "germeval2014/NER-de-dev.tsv",
    "ud_german_gsd/de_gsd-ud-dev.conllu",
    "ud_german_gsd/linspector_pos/de_gsd-ud-train.conllu.pos",
    "ud_german_gsd/linspector_pos/de_gsd-ud-dev.conllu.pos",
    "ud_german_pud/de_pud-ud-test.conllu",
    "legal_ner_ler/ler_dev.conll",
    "mobie_dfki/train.conll2003",
    "smartdata_dfki/v1/train.json.gz",
    "smartdata_dfki/v1/test.json.gz",
    "smartdata_dfki/v3/dev.json.gz",
    "smartdata_dfki/v3/test.json.gz",
    "neiss_sturm/train_sturm.conll",
    "wikipedia_klexikon_raw/dewiki_articles.jsonl.gz",
    "wikipedia_klexikon_raw/klexikon.jsonl.gz",
    "bundestag_wp21_raw/bundestag_wp21_speeches.jsonl.gz",
    "political_speeches_raw/bundestagspraesident.jsonl.gz",
    "political_speeches_raw/bundesregierung_excerpts.jsonl.gz",
]
# note: smartdata v3 dev/test are read only to exclude their documents from training


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def dir_size(p):
    return sum(f.stat().st_size for f in Path(p).rglob("*") if f.is_file())


def ablations():
    """Measured comparisons kept in training/ablations/*.md, in file name order."""
    files = sorted((TRAINING / "ablations").glob("*.md"))
    return "".join(p.read_text(encoding="utf-8").rstrip() + "\n\n" for p in files)


def model_card(meta, res, size_mb):
    sys.path.insert(0, str(HERE))
    from report import full

    comps = ", ".join(meta.get("pipeline", []))
    src = "\n".join(
        f"| {x['name']} | {x['license']} | {x['attribution']} |" for x in meta["sources"]
    )
    parts = " ".join(meta["artikel"]["train_parts"])
    return f"""# de_artikel {meta["version"]} — German news pipeline for artikel

spaCy {meta.get("spacy_version", "")} pipeline, CPU, {size_mb:.1f} MB. \
Load with `spacy.load(path)`; no custom code.

Components: {comps}.

* `Token.tag_` holds the **Universal POS** tag (there is no STTS tag set); the attribute_ruler \
copies it to
  `Token.pos_`. `Token.morph` comes from the morphologizer (UD features); the attribute_ruler \
sets `Mood=Sub` on
  unambiguous Konjunktiv I forms (sei, seien, wolle, könne, müsse, dürfe, solle, möge, wisse; \
habe/werde unless next
  to "ich").
* Sentence boundaries come from the dependency parser.
* Lemmas: lookup table (spacy-lookups-data `de`), no context.
* NER labels: PER, LOC, ORG, MISC (guidelines: shared/dev-corpus/GUIDELINES.md; adjectives and \
compound parts are
  not entities).

## Training data

Training mixture (corpus:weight[:MISC handling], see training/README.md): `{parts}`

| source | licence | attribution |
|---|---|---|
{src}

Evaluation-only data never used for training or tuning: GermEval 2014 test, GSD test, \
LER/MobIE/SmartData/NEISS
test splits, wikinews_quotes, redewiedergabe, the dev-corpus articles.
Because parts of the training data are CC BY-SA, the model is distributed under CC BY-SA 4.0 \
with the attribution
above (whether a model is derived data is unsettled; we keep the attribution either way).

## Scores

{full(res)}

{ablations()}## Rebuild

```sh
make -C training all     # corpus, vectors, train, evaluate, package (see training/README.md)
```
The exact config and the sha256 of every input file are in `meta.json` under `artikel`.

## Limitations

* NER was trained without the GermEval 2014 train split (not available here); MISC recall is low.
* Parser and morphologizer learned from only ~1,700 fully annotated sentences (GSD dev + PUD); \
expect errors on
  long or unusual sentences. Sentence splitting is weaker on informal web text \
(no final punctuation).
* Lookup lemmas ignore context (e.g. merged "im" has no lemma pair).
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("out")
    ap.add_argument("--eval", required=True)
    ap.add_argument("--version", default="0.1.0")
    ap.add_argument("--config", default="configs/base.cfg")
    ap.add_argument(
        "--corpora", default=str(Path(__file__).resolve().parents[3] / "shared" / "corpora")
    )
    ap.add_argument("--train-parts", default="")
    ap.add_argument(
        "--vectors",
        default=str(TRAINING / "build" / "vectors" / "vectors.floret"),
        help="floret vectors file whose sha256 goes into meta.json",
    )
    a = ap.parse_args()

    nlp = spacy.load(a.model)
    with open(a.eval, encoding="utf-8") as handle:
        res = json.load(handle)
    inputs = {f"corpora/{rel}": sha256(Path(a.corpora) / rel) for rel in INPUT_FILES}
    for p in sorted((TRAINING / "corpus" / "src").glob("*.txt")):
        inputs[f"training/corpus/src/{p.name}"] = sha256(p)
    jsonl = TRAINING / "corpus" / "corpus.jsonl"
    if jsonl.exists():
        inputs["training/corpus/corpus.jsonl"] = sha256(jsonl)
    vec = Path(a.vectors)
    if vec.exists():
        inputs["training/build/vectors/vectors.floret"] = sha256(vec)
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=TRAINING, capture_output=True, text=True
        ).stdout.strip()
    except Exception:
        commit = ""

    ge = res.get("germeval", {})
    g = res.get("gsd", {})
    scores = {
        "germeval2014_test_ner_micro_f": ge.get("micro", {}).get("f"),
        "germeval2014_test_ner_per_label_f": {k: v["f"] for k, v in ge.items() if k != "micro"},
        "own_heldout_ner_micro_f": res.get("own", {}).get("micro", {}).get("f"),
        "mobie_test_ner_micro_f": res.get("mobie", {}).get("micro", {}).get("f"),
        "smartdata_test_ner_micro_f": res.get("smartdata", {}).get("micro", {}).get("f"),
        "ler_test_ner_micro_f": res.get("ler", {}).get("micro", {}).get("f"),
        "gsd_test_upos_acc": g.get("pos_acc"),
        "gsd_test_morph_acc": g.get("morph_acc"),
        "gsd_test_uas": g.get("dep_uas"),
        "gsd_test_las": g.get("dep_las"),
        "gsd_test_sents_f": g.get("sents_f"),
        "gsd_test_lemma_acc": g.get("lemma_acc"),
        "words_per_second_cpu_1proc": res.get("speed", {}).get("wps"),
    }
    meta = nlp.meta
    meta.update(
        {
            "name": "artikel",
            "lang": "de",
            "version": a.version,
            "description": (
                "German news pipeline for the artikel project: CNN tok2vec with floret vectors; "
                "tagger (Universal POS in Token.tag_, copied to Token.pos_ by the "
                "attribute_ruler), morphologizer, dependency parser (also sentence boundaries), "
                "lookup lemmatizer, NER (PER, LOC, ORG, MISC)."
            ),
            "author": "artikel project",
            "license": "CC BY-SA 4.0 (trained on CC BY-SA data; see sources)",
            "url": "",
            "sources": SOURCES,
        }
    )
    meta.setdefault("performance", {})
    meta["artikel"] = {
        "scores": scores,
        "train_parts": a.train_parts.split(),
        "config_file": a.config,
        "config": (TRAINING / a.config).read_text(encoding="utf-8")
        if (TRAINING / a.config).exists()
        else None,
        "input_sha256": inputs,
        "git_commit": commit,
        "rebuild": "make -C training all",
    }
    out = Path(a.out)
    if out.exists():
        shutil.rmtree(out)
    nlp.meta.update(meta)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    (out / "MODEL_CARD.md").write_text(
        model_card(meta, res, size_mb=dir_size(out) / 1e6), encoding="utf-8"
    )
    # sanity: loads without custom code and is deterministic
    nlp2 = spacy.load(out)
    t = (
        "Kim habe aber zugesagt, dass sein Land die Tests nicht wieder aufnehmen werde, "
        "sagte US-Präsident Donald Trump in Hanoi."
    )
    d1, d2 = nlp2(t), nlp2(t)
    assert [(x.tag_, x.dep_, x.ent_iob_) for x in d1] == [(x.tag_, x.dep_, x.ent_iob_) for x in d2]
    size = dir_size(out)
    print(
        f"{out}: {size / 1e6:.1f} MB; ents: {[(e.text, e.label_) for e in d1.ents]}",
        file=sys.stderr,
    )
    if size > 50e6:
        sys.exit(f"package too large: {size / 1e6:.1f} MB > 50 MB")


if __name__ == "__main__":
    main()
