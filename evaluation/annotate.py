"""Annotate the Wikinews dev articles by hand: show a text, find phrases, check and freeze drafts.

usage (from the checkout, with the project's venv):
  python evaluation/annotate.py list                      ids, halves, dates, lengths
  python evaluation/annotate.py show ID [--quotes]        the text with paragraph offsets
                                  (--quotes: the mapped SpkAtt quotes, for speaker_genders)
  python evaluation/annotate.py find ID PHRASE            whole-word occurrences with context
  python evaluation/annotate.py check DRAFT.json          resolve a draft, print its spans
  python evaluation/annotate.py freeze DRAFT.json DIR     write the stand-off file DIR/<id>.json

A draft is written by hand, never from a tagger's output (see evaluation/README.md for its format).
The stand-off file keeps offsets, labels, canonical names and values, never the text.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import date as Date
from pathlib import Path

# realnews needs only the standard library: load it alone, so that annotation never depends
# on the rest of the package importing cleanly
_SPEC = importlib.util.spec_from_file_location(
    "artikel_realnews", Path(__file__).resolve().parents[1] / "lib/artikel/realnews.py"
)
realnews = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = realnews  # dataclasses look their module up
_SPEC.loader.exec_module(realnews)
StandoffError, mapped_quotes = realnews.StandoffError, realnews.mapped_quotes
quote_key, resolve_draft = realnews.quote_key, realnews.resolve_draft
wikinews_docs, _occurrences = realnews.wikinews_docs, realnews._occurrences


def show(doc_id: str, quotes: bool) -> None:
    doc = wikinews_docs()[doc_id]
    day = Date.fromisoformat(doc.dct)
    print(
        f"id {doc.doc_id}  half {doc.half}  published {doc.dct} "
        f"({day.strftime('%A')}, ISO week {day.isocalendar()[1]})"
    )
    print(f"title (not part of the text): {doc.title}\n")
    start = 0
    for para in doc.text.split("\n"):
        if para.strip():
            print(f"[{start}] {para}")
        start += len(para) + 1
    if quotes:
        _, mapped, _ = mapped_quotes(doc)
        print("\nmapped quotes (key = content offsets; give speaker_genders[key]):")
        for q in mapped:
            mention = (q.get("speaker_mention") or {}).get("text")
            print(
                f"  {quote_key(q)}  {q['kind']:8}  speaker: {mention!r}  cue: {q.get('cue')!r}\n"
                f"      {q['text'][:160]!r}"
            )


def find(doc_id: str, phrase: str) -> None:
    text = wikinews_docs()[doc_id].text
    for n, (s, e) in enumerate(_occurrences(text, phrase), 1):
        context = f"…{text[max(0, s - 40) : s]}[{text[s:e]}]{text[e : e + 40]}…"
        print(f"occ {n}: {s}-{e}  " + context.replace("\n", "¶"))


def _resolve(path: Path) -> dict:
    draft = json.loads(path.read_text(encoding="utf-8"))
    doc = wikinews_docs()[str(draft["id"])]
    return resolve_draft(draft, doc, str(path))


def check(path: Path) -> None:
    record = _resolve(path)
    text = wikinews_docs()[record["id"]].text
    for layer in ("boilerplate", "entities", "timexes", "quotes"):
        for row in record.get(layer, []):
            extra = {k: v for k, v in row.items() if k not in ("start", "end")}
            print(
                f"{layer[:3]} {row['start']:>5}-{row['end']:<5} "
                f"{text[row['start'] : row['end']]!r:40.80} {extra}"
            )
    print(
        f"ok: {len(record['entities'])} entities, {len(record['timexes'])} timexes, "
        f"{len(record['boilerplate'])} boilerplate, {len(record.get('quotes', []))} quotes, "
        f"{len(record['speaker_genders'])} speaker genders"
    )


def freeze(path: Path, folder: Path) -> None:
    record = _resolve(path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{record['id']}.json"
    target.write_text(realnews.dump_standoff(record), encoding="utf-8")
    print(f"wrote {target}")


def main(argv: list[str]) -> int:
    try:
        if argv[:1] == ["list"]:
            for doc in wikinews_docs().values():
                print(f"{doc.doc_id}\t{doc.half}\t{doc.dct}\t{len(doc.text)} chars")
        elif argv[:1] == ["show"] and len(argv) >= 2:
            show(argv[1], "--quotes" in argv)
        elif argv[:1] == ["find"] and len(argv) == 3:
            find(argv[1], argv[2])
        elif argv[:1] == ["check"] and len(argv) == 2:
            check(Path(argv[1]))
        elif argv[:1] == ["freeze"] and len(argv) == 3:
            freeze(Path(argv[1]), Path(argv[2]))
        else:
            print(__doc__)
            return 2
    except StandoffError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
