"""Print a markdown table comparing trained pipelines (an ablation for the model card).

    python scripts/compare.py NAME=build/eval/A.json[,dev-corpus.json] NAME=...

Each eval JSON is written by scripts/evaluate.py; the optional second file is the output
of `artikel evaluate --json` on the dev corpus with that pipeline (`--model .../model-best`).
"""

import json
import sys
from pathlib import Path

LABELS = ("PER", "LOC", "ORG", "MISC")


def row(name, eval_path, dev_path=None):
    res = json.loads(Path(eval_path).read_text(encoding="utf-8"))
    ge = res["germeval"]
    cells = [name, f"{ge['micro']['f']:.3f}", *(f"{ge[label]['f']:.3f}" for label in LABELS)]
    cells.append(f"{res['own']['micro']['f']:.3f}")
    if dev_path:
        dev = json.loads(Path(dev_path).read_text(encoding="utf-8"))
        cells.append(f"{dev['scores']['entities (strict)']['f1']:.3f}")
    else:
        cells.append("")
    cells.append(f"{res['speed']['wps']:,}")
    return "| " + " | ".join(cells) + " |"


def main():
    print(
        "| model | GermEval 2014 test F1 | PER | LOC | ORG | MISC | own held-out F1 "
        "| dev-corpus entity strict F1 | words/s |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for arg in sys.argv[1:]:
        name, _, paths = arg.partition("=")
        print(row(name, *paths.split(",")))


if __name__ == "__main__":
    main()
