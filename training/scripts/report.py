"""Format an evaluation JSON (scripts/evaluate.py) as Markdown.

    python scripts/report.py EVAL.json [--variant NAME] [--row]
--row prints one line for the RESULTS.md experiment table.
"""

import argparse
import json


def f(x):
    return "–" if x is None else f"{x:.3f}"


def row(res, name, data):
    ge = res.get("germeval", {})
    g = res.get("gsd", {})
    cells = [
        name,
        data,
        f(ge.get("micro", {}).get("f")),
        *(f(ge.get(label, {}).get("f")) for label in ("PER", "LOC", "ORG", "MISC")),
        f(res.get("own", {}).get("micro", {}).get("f")),
        f(res.get("mobie", {}).get("micro", {}).get("f")),
        f(res.get("smartdata", {}).get("micro", {}).get("f")),
        f(res.get("ler", {}).get("micro", {}).get("f")),
        f(g.get("pos_acc")),
        f(g.get("morph_acc")),
        f(g.get("dep_las")),
        f(g.get("sents_f")),
        str(res.get("speed", {}).get("wps", "–")),
    ]
    return "| " + " | ".join(cells) + " |"


HEADER = (
    "| variant | data | GE micro F1 | PER | LOC | ORG | MISC | own held-out F1 | MobIE | "
    "SmartData | LER | GSD UPOS | morph | LAS | sent F1 | words/s |\n" + "|---" * 16 + "|"
)


def full(res):
    out = []
    for key, title in (
        ("germeval", "GermEval 2014 test (outer, 4 classes, *deriv/*part excluded)"),
        (
            "own",
            "Own news corpus, held-out docs (md5(doc_id) % 10 == 0; used for checkpoint selection)",
        ),
        ("germeval_tune", "GermEval 2014 dev tuning slice"),
        ("mobie", "MobIE test (PER/LOC/ORG)"),
        ("smartdata", "SmartData v3 test (PER/LOC/ORG)"),
        ("ler", "LER test (PER/LOC/ORG mapped)"),
        ("neiss", "NEISS Sturm test (PER/LOC)"),
    ):
        if key not in res:
            continue
        out.append(f"**{title}**\n\n| label | P | R | F1 | gold |\n|---|---|---|---|---|")
        for lab, s in res[key].items():
            out.append(f"| {lab} | {f(s['p'])} | {f(s['r'])} | {f(s['f'])} | {s['tp'] + s['fn']} |")
        out.append("")
    for key, title in (
        ("gsd", "UD German GSD test"),
        ("gsd_tune", "UD German GSD dev tuning slice"),
    ):
        if key in res:
            g = res[key]
            out.append(f"**{title}**: " + ", ".join(f"{k} {f(v)}" for k, v in g.items()) + "\n")
    if "own_sents" in res:
        out.append(
            "**Sentence boundaries, own held-out news docs**: "
            + ", ".join(f"{k} {f(v)}" for k, v in res["own_sents"].items())
            + "\n"
        )
    if "sents_layer" in res:
        names = {"gsd_test": "GSD test", "own_heldout": "own held-out news docs"}
        out.append(
            "**Sentence boundaries through artikel's pipeline** (`artikel.nlp.load_pipeline`): "
            + "; ".join(
                f"{names.get(k, k)} P {f(v['p'])} R {f(v['r'])} F1 {f(v['f'])}"
                for k, v in res["sents_layer"].items()
            )
            + "\n"
        )
    if "speed" in res:
        s = res["speed"]
        out.append(
            f"**Speed**: {s['wps']} words/s "
            f"(CPU, 1 process, {s['words']} words in {s['seconds']} s)\n"
        )
    if "konj" in res:
        k = res["konj"]
        out.append(
            "**Konjunktiv I check** (habe/sei/werde/wolle -> Mood=Sub): "
            f"all correct = {k['all_sub']}"
        )
        for s in k["sentences"]:
            out.append(f"- {s['text']} -> {s['verbs']}")
        out.append("")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("eval")
    ap.add_argument("--variant", default="final")
    ap.add_argument("--data", default="")
    ap.add_argument("--row", action="store_true")
    a = ap.parse_args()
    with open(a.eval, encoding="utf-8") as handle:
        res = json.load(handle)
    if a.row:
        print(row(res, a.variant, a.data))
    else:
        print(full(res))


if __name__ == "__main__":
    main()
