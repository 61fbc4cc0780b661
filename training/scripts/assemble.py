"""Assemble a training (or dev) DocBin from the converted corpora with weights and MISC handling.

    python scripts/assemble.py OUT.spacy PART [PART ...] [--corpus DIR]
--corpus: folder of the converted corpora (default build/corpus)
PART = name[:weight[:misc]]
    name   : build/corpus/<name>.spacy
    weight : 1 (default), an integer k (k copies), or a fraction f < 1 (deterministic subsample
             by md5 of the text)
    misc   : how to treat tokens annotated O in corpora without a MISC label
             o    - keep O (default)
             caps - O tokens that look like names (capitalised, not sentence-initial, not a known
                    common noun form from the UD data, not a function word) become *missing* NER
                    annotation, so the model is not taught that MISC names (events, products,
                    works...) are non-entities
             all  - every O token becomes missing (only the entity spans teach)
Deterministic: no randomness; spaCy shuffles batches with [system] seed.
"""

import argparse
import hashlib
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

NLP = spacy.blank("de")
CORPUS = Path("build/corpus")
SENT_END = {".", "!", "?", ":", "\n", '"', "„", "“", "«", "»", "-", "–"}
_noun_forms = None


def noun_forms():
    global _noun_forms
    if _noun_forms is None:
        forms = {}
        for name in ("linspector_train", "gsd_train", "pud_train"):
            for d in DocBin().from_disk(CORPUS / f"{name}.spacy").get_docs(NLP.vocab):
                for t in d:
                    tag = t.tag_ or t.pos_
                    if tag:
                        c = forms.setdefault(t.text, [0, 0])
                        c[0 if tag == "NOUN" else 1] += 1
        _noun_forms = {w for w, (n, o) in forms.items() if n > 0 and n >= o}
    return _noun_forms


def name_like(doc, i):
    t = doc[i]
    text = t.text
    if not text[:1].isalpha() or not any(ch.isupper() for ch in text):
        return False
    if t.i == 0 or doc[i - 1].text in SENT_END or "\n" in doc[i - 1].text:
        # sentence-initial: only all-caps/camel-case tokens count
        return any(ch.isupper() for ch in text[1:])
    return not (text in noun_forms() and not any(ch.isupper() for ch in text[1:]))


def clean_ents(doc):
    """Safety net: entities containing whitespace tokens cannot be learned (spaCy E024) ->
    missing."""
    bad = [e for e in doc.ents if any(t.is_space or t.text != t.text.strip() for t in e)]
    if bad:
        keep = [e for e in doc.ents if e not in bad]
        missing = [
            doc[t.i : t.i + 1]
            for t in doc
            if t.ent_iob == 0 and not any(e.start <= t.i < e.end for e in keep)
        ]
        doc.set_ents(keep, missing=missing + bad, default="outside")
    return doc


def apply_misc(doc, mode):
    doc = clean_ents(doc)
    if mode == "o" or not doc.has_annotation("ENT_IOB"):
        return doc
    ents = list(doc.ents)
    in_ent = {i for e in ents for i in range(e.start, e.end)}
    # tokens that are already missing stay missing
    missing_idx = [t.i for t in doc if t.ent_iob == 0 and t.i not in in_ent]
    for t in doc:
        if t.i in in_ent or t.ent_iob == 0:
            continue
        if mode == "all" or (mode == "caps" and name_like(doc, t.i)):
            missing_idx.append(t.i)
    missing = [doc[i : i + 1] for i in sorted(set(missing_idx))]
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def frac_keep(doc, f):
    return int(hashlib.md5(doc.text.encode("utf-8")).hexdigest(), 16) % 10000 < f * 10000


def main(out, parts):
    db = DocBin(store_user_data=True)
    for part in parts:
        name, *rest = part.split(":")
        weight = float(rest[0]) if rest else 1.0
        mode = rest[1] if len(rest) > 1 else "o"
        path = CORPUS / f"{name}.spacy"
        docs = list(DocBin().from_disk(path).get_docs(NLP.vocab))
        if weight < 1:
            docs = [d for d in docs if frac_keep(d, weight)]
            copies = 1
        else:
            copies = round(weight)
        docs = [apply_misc(d, mode) for d in docs]
        n_missing = sum(1 for d in docs for t in d if t.ent_iob == 0) if mode != "o" else 0
        for _ in range(copies):
            for d in docs:
                db.add(d)
        print(
            f"  {name}: {len(docs)} docs x{copies} misc={mode} missing-tokens={n_missing}",
            file=sys.stderr,
        )
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    print(f"{out}: {len(db)} docs", file=sys.stderr)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("parts", nargs="+")
    ap.add_argument("--corpus", default=str(CORPUS))
    args = ap.parse_args()
    CORPUS = Path(args.corpus)
    main(args.out, args.parts)
