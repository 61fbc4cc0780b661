"""WikiWarsDE (Strötgen & Gertz 2011), the German temporal-tagging benchmark HeidelTime
reports on: reading its TIMEX2 inline files and scoring artikel's timexes against them."""

from __future__ import annotations

import html
import re
from pathlib import Path

from .evaluate import GoldError, Score, _match_one_to_one
from .nlp import describe_pipeline
from .settings import Settings

TIMEX2_TAG = re.compile(r"<TIMEX2\b([^>]*)>|</TIMEX2>")


def read_timex2(path: str | Path) -> tuple[str, str, list[tuple[int, int, str]]]:
    """(document creation date, text, [(start, end, value)]) of an inline-TIMEX2 file
    (ACE/TERN SGML as in WikiWarsDE); nested tags are kept as separate spans."""
    raw = Path(path).read_text(encoding="utf-8")
    dct_match = re.search(r"<DATETIME>.*?val=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    text, spans, stack, position = [], [], [], 0
    length = 0
    for match in TIMEX2_TAG.finditer(body):
        chunk = html.unescape(body[position : match.start()])
        text.append(chunk)
        length += len(chunk)
        if match.group(0).startswith("</"):
            start, value = stack.pop()
            spans.append((start, length, value))
        else:
            value = re.search(r'val="([^"]*)"', match.group(1) or "")
            stack.append((length, value.group(1) if value else ""))
        position = match.end()
    text.append(html.unescape(body[position:]))
    return (dct_match.group(1) if dct_match else ""), "".join(text), sorted(spans)


def evaluate_wikiwarsde(
    folder: str | Path,
    *,
    model: str | None = None,
    settings: Settings | None = None,
    narrative: bool | None = None,
    first: int = 1,
) -> dict:
    """Temporal tagging on WikiWarsDE (Strötgen & Gertz 2011): lenient span F1 (any
    overlap, one-to-one) and value F1 (matched and the same value), as HeidelTime reports.

    The documents are Wikipedia history narratives; with the default ``narrative=None``
    each document is read as news or narrative as ``analyze`` would read it. ``first``: score
    documents from this number on (12: the ones never read for errors).
    """
    from .annotate import tokenise_with_starts
    from .nlp import load_pipeline
    from .structure import split_paragraphs
    from .timexes import find_timexes

    folder = Path(folder)
    files = sorted((folder / "keyinline").glob("*.xml")) or sorted(folder.rglob("keyinline/*.xml"))
    files = [path for path in files if int(path.name[:2]) >= first]
    if not files:
        raise GoldError(f"no WikiWarsDE keyinline/*.xml files under {folder}")
    nlp = load_pipeline(model, settings=settings)
    span, value = Score(), Score()
    for path in files:
        dct, text, gold = read_timex2(path)
        starts = {start for start, _ in split_paragraphs(text)}  # as analyze fixes them
        doc = nlp(tokenise_with_starts(nlp, text, starts))
        found = find_timexes(list(doc.sents), dct, narrative=narrative)
        predicted = [(t.start, t.end, t.value) for t in found]
        pairs = _match_one_to_one([p[:2] for p in predicted], [g[:2] for g in gold])
        span.tp += len(pairs)
        span.fp += len(predicted) - len(pairs)
        span.fn += len(gold) - len(pairs)
        right = sum(predicted[i][2] == gold[j][2] for i, j in pairs)
        value.tp += right
        value.fp += len(predicted) - right
        value.fn += len(gold) - right
    return {
        "articles": len(files),
        "pipeline": describe_pipeline(nlp),
        "scores": {"timex spans (lenient)": span.as_dict(), "timex values": value.as_dict()},
        "problems": [],
    }
