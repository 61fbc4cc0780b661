"""Agreement of the two independent annotations of the Wikinews dev articles.

usage: python evaluation/agreement.py [--write evaluation/wikinews-dev/AGREEMENT.md]
                                      [--disagreements FILE]

The first annotation (``wikinews-dev/<id>.json``) is taken as gold and the second
(``wikinews-dev/second/<id>.json``) scored against it with artikel's own scorers, so the
figures mean what they mean in ``artikel evaluate``: entity span+label F1, canonical
frequency F1, timex span (overlap) and value F1, gender agreement on PER mentions with the
same span. On the same articles, the second annotator's own quotes (GUIDELINES.md, made
without seeing the SpkAtt gold) are scored against the mapped SpkAtt gold: how far a
GUIDELINES-true reading gets on the mapped gold. ``--disagreements`` lists every
difference with its text for adjudication (kept outside the repository: it quotes the text).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

from artikel.analysis import Analysis
from artikel.evaluate import score_entities, score_quotes, score_timexes
from artikel.realnews import STANDOFF, gold_article, load_standoff, wikinews_docs
from artikel.tables import make_table

LAYER_KEYS = (("entities", ("label", "canonical", "gender")), ("timexes", ("type", "value")))


MENTION = ["speaker_start", "speaker_end", "speaker_text"]


def _mention_columns(mention: dict | None) -> dict:
    if not mention:
        return dict.fromkeys(MENTION[:2], pd.NA) | {"speaker_text": ""}
    return {
        "speaker_start": mention["start"],
        "speaker_end": mention["end"],
        "speaker_text": mention["text"],
    }


def _quote_mention(quote: dict) -> dict:
    return _mention_columns(quote.get("speaker_mention"))


def _table(golds: dict[str, dict], layer: str, fields: list[str], extra=None) -> pd.DataFrame:
    """One layer of every gold file as a table with ``article_id`` and ``fields``."""
    rows = [
        {
            "article_id": aid,
            **{f: item.get(f) or "" for f in fields},
            **(extra(item) if extra else {}),
        }
        for aid, gold in golds.items()
        for item in gold[layer]
    ]
    columns = ["article_id", *fields, *(MENTION if extra else [])]
    return pd.DataFrame(rows, columns=columns)


def as_analysis(golds: dict[str, dict]) -> Analysis:
    """Gold files (content offsets) as the tables of an analysis, so scorers can compare them."""
    articles = [{"article_id": aid, "text_offset": 0} for aid in golds]
    span = ["start", "end", "text"]
    return Analysis(
        articles=make_table("articles", articles),
        entities=_table(golds, "entities", [*span, "label", "canonical", "gender"]),
        timexes=_table(golds, "timexes", [*span, "type", "value"]),
        quotes=_table(golds, "quotes", [*span, "kind", "speaker", "cue"], _quote_mention),
        **{name: make_table(name) for name in ("paragraphs", "sentences", "errors")},
    )


def gender_agreement(first: dict[str, dict], second: dict[str, dict]) -> tuple[int, int]:
    """(same gender, PER mentions with the same span in both annotations)."""
    same = total = 0
    for aid, gold in first.items():
        other = {(e["start"], e["end"]): e for e in second[aid]["entities"] if e["label"] == "PER"}
        for e in gold["entities"]:
            match = other.get((e["start"], e["end"]))
            if e["label"] == "PER" and match:
                total += 1
                same += e.get("gender") == match.get("gender")
    return same, total


def compare(first: dict[str, dict], second: dict[str, dict]) -> dict:
    """All agreement figures: the first annotation as gold, the second as prediction."""
    predicted = as_analysis(second)
    scores = {**score_entities(predicted, first), **score_timexes(predicted, first)}
    same, total = gender_agreement(first, second)
    result = {name: round(score.f1, 3) for name, score in scores.items()}
    result["gender"] = round(same / total, 3) if total else None
    result["gender_n"] = total
    return result


def disagreements(first: dict[str, dict], second: dict[str, dict]) -> list[str]:
    """Every entity and timex that the two annotations do not share, with its text."""
    lines = []
    for aid, gold in first.items():
        for layer, key in LAYER_KEYS:
            a = {(x["start"], x["end"]): x for x in gold[layer]}
            b = {(x["start"], x["end"]): x for x in second[aid][layer]}
            for span in sorted(set(a) | set(b)):
                x, y = a.get(span), b.get(span)
                if x and y and all(x.get(k) == y.get(k) for k in key):
                    continue
                show = (x or y)["text"]
                left = {k: x.get(k) for k in key} if x else None
                right = {k: y.get(k) for k in key} if y else None
                lines.append(
                    f"{aid}\t{layer}\t{span[0]}-{span[1]}\t{show!r}\tfirst={left}\tsecond={right}"
                )
    return lines


def main(argv: list[str]) -> int:
    docs = wikinews_docs()
    primary = load_standoff()
    second_records = load_standoff(STANDOFF / "second")
    ids = sorted(second_records, key=int)
    first, second, mapped = {}, {}, {}
    for doc_id in ids:
        doc = docs[doc_id]
        _, first[doc_id] = gold_article(doc, primary[doc_id])
        _, second[doc_id] = gold_article(doc, second_records[doc_id], own_quotes=True)
        mapped[doc_id] = first[doc_id]
    figures = compare(first, second)
    quotes = score_quotes(as_analysis(second), mapped)
    figures["quote spans (own reading vs mapped SpkAtt)"] = round(quotes["quote spans"].f1, 3)
    figures["quote precision"] = round(quotes["quote spans"].precision, 3)
    figures["quote recall"] = round(quotes["quote spans"].recall, 3)
    figures.update({k: round(v, 3) for k, v in quotes["quote spans"].extra.items()})
    figures["articles"] = len(ids)
    print(json.dumps(figures, indent=1, ensure_ascii=False))
    if "--disagreements" in argv:
        target = Path(argv[argv.index("--disagreements") + 1])
        target.write_text("\n".join(disagreements(first, second)) + "\n", encoding="utf-8")
    if "--json" in argv:
        Path(argv[argv.index("--json") + 1]).write_text(json.dumps(figures, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
