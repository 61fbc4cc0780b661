"""Digests of every output table on fixed inputs, to show a refactoring changed no output.

usage: python evaluation/digests.py OUT.json [--sets dev,seed,gsd,wikinews]
       python evaluation/digests.py --compare BEFORE.json AFTER.json

The inputs stay in ../shared; only the digests (sha256 of each table, rows sorted, CSV) are
written. ``--compare`` prints the tables whose digest changed, with the rows that differ.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import artikel
from artikel.realnews import REPO, SHARED, articles_jsonl
from artikel.tables import table_digest, table_rows


def gsd_test_jsonl(dest: Path) -> Path:
    """GSD test as one article of raw sentence text per document (``# newdoc`` blocks)."""
    docs, current = [], []
    for line in (
        (SHARED / "corpora/ud_german_gsd/de_gsd-ud-test.conllu")
        .read_text(encoding="utf-8")
        .splitlines()
    ):
        if line.startswith("# newdoc") and current:
            docs.append(" ".join(current))
            current = []
        elif line.startswith("# text = "):
            current.append(line[len("# text = ") :])
    docs.append(" ".join(current))
    with dest.open("w", encoding="utf-8") as out:
        for i, text in enumerate(docs):
            out.write(json.dumps({"id": f"gsd_{i:03d}", "text": text}, ensure_ascii=False) + "\n")
    return dest


def inputs(sets: list[str], tmp: Path) -> dict[str, Path]:
    found = {}
    if "dev" in sets:
        found["dev"] = SHARED / "dev-corpus/articles"
    if "seed" in sets:
        found["seed"] = REPO / "seeds"
    if "gsd" in sets:
        found["gsd"] = gsd_test_jsonl(tmp / "gsd.jsonl")
    if "wikinews" in sets:
        articles_jsonl(tmp / "wikinews.jsonl")
        found["wikinews"] = tmp / "wikinews.jsonl"
    return found


def digests(sets: list[str]) -> dict:
    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in inputs(sets, Path(tmp)).items():
            analysis = artikel.analyze(str(path), jobs=2)
            result[name] = {}
            for table, frame in analysis.tables().items():
                rows = table_rows(frame)
                result[name][table] = {
                    "sha256": table_digest(frame),
                    "rows": len(rows),
                    "columns": list(frame.columns),
                    "data": rows,
                }
            print(f"{name}: {analysis.summary()}", file=sys.stderr)
    return result


def compare(before: dict, after: dict) -> int:
    changed = 0
    for name, tables in before.items():
        for table, old in tables.items():
            new = after.get(name, {}).get(table)
            if new is None or new["sha256"] != old["sha256"]:
                changed += 1
                gone = sorted(set(old["data"]) - set(new["data"] if new else []))
                added = sorted(set(new["data"]) - set(old["data"])) if new else []
                print(
                    f"{name}/{table}: {old['rows']} -> {new['rows'] if new else '-'} rows, "
                    f"{len(gone)} gone, {len(added)} new; "
                    f"same columns {old['columns'] == (new or {}).get('columns')}"
                )
                for row in gone[:8]:
                    print(f"  - {row[:200]}")
                for row in added[:8]:
                    print(f"  + {row[:200]}")
    print(f"{changed} tables changed")
    return 1 if changed else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--compare"] and len(argv) == 3:
        return compare(*(json.loads(Path(p).read_text()) for p in argv[1:]))
    if not argv or argv[0].startswith("--"):
        print(__doc__)
        return 2
    sets = "dev,seed,gsd,wikinews"
    if "--sets" in argv:
        sets = argv[argv.index("--sets") + 1]
    Path(argv[0]).write_text(
        json.dumps(digests(sets.split(",")), ensure_ascii=False), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
