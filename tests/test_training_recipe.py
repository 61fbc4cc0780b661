"""The training recipe rebuilds the model from an empty build folder (issue 16).

Runs `make -C training smoke` (training/Makefile: the full recipe's rules with a tiny mixture, a
few training steps, vectors from a slice of the raw text, cheap evaluation sets) into an empty
temporary folder, through every step: convert, own corpus, vectors, assemble, train, evaluate,
package.  About 1.5 minutes on 2 cores.  The shipped model in lib/artikel/models is not touched.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "training"
SHIPPED = ROOT / "lib" / "artikel" / "models" / "de_artikel"
OWN_JSONL = TRAINING / "corpus" / "corpus.jsonl"
UPOS = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
}  # fmt: skip
NER_SETS = ("germeval_tune", "own")
SENTENCE = "Bundeskanzler Olaf Scholz sagte am Montag in Berlin, die Regierung werde handeln."


def _stamp(path: Path):
    return path.stat().st_mtime_ns if path.exists() else None


@pytest.fixture(scope="module")
def smoke(tmp_path_factory):
    """The smoke run's build folder (empty before the run) and the make output."""
    build = tmp_path_factory.mktemp("training_build")
    assert list(build.iterdir()) == []
    shipped_meta = (SHIPPED / "meta.json").read_bytes()
    own_jsonl = _stamp(OWN_JSONL)
    # a make that runs this test must not hand its own variables down to the recipe
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    proc = subprocess.run(
        ["make", "-C", str(TRAINING), "smoke", f"SMOKE_BUILD={build}", f"PY={sys.executable}"],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-5000:]
    # the smoke run writes only into its build folder
    assert (SHIPPED / "meta.json").read_bytes() == shipped_meta
    assert _stamp(OWN_JSONL) == own_jsonl
    return build, output


def _docs(path: Path):
    nlp = spacy.blank("de")
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def test_every_step_writes_its_outputs(smoke):
    build, _ = smoke
    # convert: only what the tiny mixture and the cheap evaluation sets need
    assert (build / "corpus" / ".converted").exists()
    for name in ("germeval_train", "germeval_tune", "gsd_train", "gsd_tune", "pud_train"):
        assert len(_docs(build / "corpus" / f"{name}.spacy")) > 0, name
    # own corpus: JSONL and DocBins inside the build folder, held-out docs kept apart
    assert (build / "corpus" / "corpus.jsonl").stat().st_size > 0
    own_train = _docs(build / "corpus" / "own_train.spacy")
    own_heldout = _docs(build / "corpus" / "own_heldout.spacy")
    assert len(own_train) > 1000 and len(own_heldout) > 100
    assert not {d.user_data["doc_id"] for d in own_train} & {
        d.user_data["doc_id"] for d in own_heldout
    }
    # vectors
    assert (build / "raw" / "raw_tokens.txt").stat().st_size > 0
    assert (build / "vectors" / "vectors.floret").exists()
    assert (build / "vectors" / "de_floret" / ".done").exists()
    # assemble: a tiny mixture with NER and tagging/parsing data
    train = _docs(build / "train" / "train.spacy")
    n_sents = sum(len(list(d.sents)) if d.has_annotation("SENT_START") else 1 for d in train)
    assert 100 <= n_sents <= 2000
    assert any(d.ents for d in train) and any(d.has_annotation("DEP") for d in train)
    assert len(_docs(build / "train" / "dev.spacy")) > 0
    # train, evaluate, package, install (DEST inside the build folder)
    final = build / "models" / "final"
    assert (final / "model-best" / "meta.json").exists()
    assert (final / "eval.json").exists() and (final / "eval.md").stat().st_size > 0
    assert (build / "package" / "de_artikel" / "MODEL_CARD.md").exists()
    assert (build / "installed" / "de_artikel" / "meta.json").exists()


def test_training_improves_on_the_untrained_model(smoke):
    build, _ = smoke
    log = (build / "models" / "final.log").read_text(encoding="utf-8")
    rows = [line.split() for line in log.splitlines() if re.match(r"^\s+\d+\s+\d+\s+[\d.]", line)]
    steps = [int(r[1]) for r in rows]
    assert steps[0] == 0 and steps[-1] >= 100, steps
    header = next(line for line in log.splitlines() if "POS_ACC" in line).split()
    # the header's "LOSS X" names are two words; count the score columns from the right
    n_right = len(header) - header.index("POS_ACC")
    pos_at_0 = float(rows[0][-n_right]) / 100
    best = json.loads((build / "models" / "final" / "model-best" / "meta.json").read_text())
    assert best["performance"]["pos_acc"] > pos_at_0 + 0.05
    assert best["performance"]["ents_f"] > 0


def test_package_loads_with_the_shipped_components(smoke):
    build, _ = smoke
    shipped = json.loads((SHIPPED / "meta.json").read_text(encoding="utf-8"))
    nlp = spacy.load(build / "installed" / "de_artikel")
    assert nlp.pipe_names == shipped["pipeline"]
    assert set(nlp.get_pipe("ner").labels) == set(shipped["labels"]["ner"])
    assert nlp.vocab.vectors.mode == "floret" and nlp.vocab.vectors.shape[0] > 0
    meta = nlp.meta["artikel"]
    assert meta["train_parts"] and all(
        float(part.split(":")[1]) < 1 for part in meta["train_parts"]
    )
    assert "training/build/vectors/vectors.floret" in meta["input_sha256"]

    doc = nlp(SENTENCE)
    assert doc.ents and {e.label_ for e in doc.ents} <= set(shipped["labels"]["ner"])
    assert all(t.pos_ in UPOS for t in doc), [(t.text, t.pos_) for t in doc]
    assert all(t.tag_ for t in doc) and all(t.dep_ for t in doc)
    assert any(str(t.morph) for t in doc)
    assert all(t.lemma_ for t in doc)
    assert len(list(doc.sents)) >= 1


def test_eval_json_has_the_expected_sets(smoke):
    build, _ = smoke
    res = json.loads((build / "models" / "final" / "eval.json").read_text(encoding="utf-8"))
    assert {"model", *NER_SETS, "gsd_tune", "own_sents", "konj"} <= set(res)
    for name in NER_SETS:
        assert set(res[name]) == {"PER", "LOC", "ORG", "MISC", "micro"}, name
        micro = res[name]["micro"]
        assert set(micro) == {"p", "r", "f", "tp", "fp", "fn"}
        assert micro["tp"] + micro["fn"] > 0 and 0 <= micro["f"] <= 1
    for key in ("pos_acc", "morph_acc", "dep_uas", "dep_las", "sents_f", "lemma_acc"):
        assert 0 <= res["gsd_tune"][key] <= 1, key
    assert res["gsd_tune"]["pos_acc"] > 0.3
    assert set(res["own_sents"]) == {"sents_p", "sents_r", "sents_f"}
    assert len(res["konj"]["sentences"]) == 6
