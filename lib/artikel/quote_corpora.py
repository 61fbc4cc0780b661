"""Two more quotation yardsticks: GermEval 2023 SpkAtt (Bundestag speeches) and the non-fiction
samples of Corpus Redewiedergabe (newspapers and magazines 1840-1919), both in ``../shared``.

Both are used for evaluation only (Redewiedergabe is CC BY-NC-SA). ``build_spkatt`` and
``build_redewiedergabe`` write ``DEST/articles/<id>.txt`` and ``DEST/gold/<id>.json`` (quotes
only, in the format of ``dev-corpus/GUIDELINES.md``), so that ``artikel.evaluate.evaluate``
scores quote attribution on them. The quotes are mapped with the rules of the shared Wikinews
tool (``realnews.mapping_tool``): direct quotes without their quotation marks, one per part;
indirect quotes as one span from the first to the last part without a leading "dass"/"daß"
and the final period; an indirect quote that contains a direct one is ``mixed`` and the inner
one is dropped; nested and duplicate quotes are dropped; ``speaker`` is null and the source
span nearest to the quote is the ``speaker_mention``.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .realnews import SHARED, mapping_tool

SPKATT = SHARED / "corpora" / "spkatt2023"
REDEWIEDERGABE = SHARED / "corpora" / "redewiedergabe"
TEI = "{http://www.tei-c.org/ns/1.0}"
# SpkAtt tokens glued to their neighbour when the text is rebuilt.
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "“", "‘"}
NO_SPACE_AFTER = {"„", "‚", "(", "[", "{"}
# Redewiedergabe modes that are quotes in the GUIDELINES sense (reported, freeIndirect are not).
RW_KINDS = {"direct": "direct", "indirect": "indirect", "indirect freeIndirect": "indirect"}
RW_FLAGS = ("nonfact", "border", "prag", "metaph")

Span = tuple[int, int]


class QuoteCorpusError(ValueError):
    """A source file that cannot be converted, or a gold span that does not match its text."""


@dataclass
class Candidate:
    """One annotated speech event before selection: its parts as content offsets."""

    kind: str  # direct | indirect (mixed is decided by selection)
    parts: list[Span]
    cue: str | None
    sources: list[Span]
    order: int
    nested: bool = False  # Redewiedergabe level > 1: dropped unless it makes its host mixed
    extra: dict = field(default_factory=dict)

    @property
    def env(self) -> Span:
        return min(p[0] for p in self.parts), max(p[1] for p in self.parts)


# --------------------------------------------------------------------------- shared steps


def select_quotes(content: str, candidates: list[Candidate], stats: Counter) -> list[dict]:
    """The outermost candidates as GUIDELINES quotes (Wikinews rules: see the module doc)."""
    tool = mapping_tool()
    ordered = sorted(candidates, key=lambda c: (c.env[0], c.env[0] - c.env[1], c.order))
    outer: list[Candidate] = []
    for c in ordered:
        host = next((o for o in outer if o.env[0] <= c.env[0] and c.env[1] <= o.env[1]), None)
        if host is None:
            outer.append(c)
            continue
        stats["dropped_nested_or_duplicate"] += 1
        if c.kind == "direct" and host.kind == "indirect":
            host.kind = "mixed"
    quotes = []
    for c in outer:
        if c.nested:
            stats["dropped_nested_level"] += 1
            continue
        for s, e in sorted(c.parts) if c.kind == "direct" else [c.env]:
            trimmed = tool.trim(content, s, e, c.kind, False)
            if not trimmed:
                stats["dropped_empty"] += 1
                continue
            s, e = trimmed
            mention = None
            if c.sources:
                ms, me = min(c.sources, key=lambda p: min(abs(p[0] - e), abs(s - p[1])))
                mention = {"start": ms, "end": me, "text": content[ms:me]}
            quotes.append(
                {
                    "start": s,
                    "end": e,
                    "text": content[s:e],
                    "kind": c.kind,
                    "cue": c.cue,
                    "speaker": None,
                    "speaker_gender": None,
                    "speaker_mention": mention,
                    **c.extra,
                }
            )
            stats[f"quote_{c.kind}"] += 1
    return sorted(quotes, key=lambda q: (q["start"], q["end"]))


def check_gold(content: str, gold: dict, where: str) -> None:
    """Raise ``QuoteCorpusError`` unless every quote and mention span is its ``text``."""
    for q in gold["quotes"]:
        for span in (q, q["speaker_mention"]):
            if span is None:
                continue
            s, e = span["start"], span["end"]
            if not (0 <= s < e <= len(content) and content[s:e] == span["text"]):
                raise QuoteCorpusError(
                    f"{where}: span {s}-{e} is {content[s:e]!r}, not {span['text']!r}"
                )
            if span["text"] != span["text"].strip():
                raise QuoteCorpusError(f"{where}: span {span['text']!r} has outer whitespace")


def write_article(dest: Path, article_id: str, content: str, gold: dict, where: str) -> None:
    """Check the spans, then write ``dest/articles/<id>.txt`` and ``dest/gold/<id>.json``."""
    check_gold(content, gold, where)
    (dest / "articles").mkdir(parents=True, exist_ok=True)
    (dest / "gold").mkdir(parents=True, exist_ok=True)
    (dest / "articles" / f"{article_id}.txt").write_text(content, encoding="utf-8")
    (dest / "gold" / f"{article_id}.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def safe_id(prefix: str, stem: str) -> str:
    """A file-name-safe article id: ``prefix`` + the stem with odd characters as ``_``."""
    return prefix + re.sub(r"[^\w-]+", "_", stem, flags=re.ASCII).strip("_")


def gold_record(article_id: str, source: str, dct: str, quotes: list[dict]) -> dict:
    """A quotes-only gold record (the other layers empty, as in the Wikinews tool)."""
    layers = {"boilerplate": [], "entities": [], "timexes": []}
    return {
        "id": article_id,
        "source": source,
        "dct": dct,
        "lang": "de",
        **layers,
        "quotes": quotes,
    }


def token_runs(indices: list[int]) -> list[tuple[int, int]]:
    """Contiguous runs of sorted token indices as (first, last) pairs."""
    starts = [i for n, i in enumerate(indices) if n == 0 or indices[n - 1] != i - 1]
    ends = [i for n, i in enumerate(indices) if n + 1 == len(indices) or indices[n + 1] != i + 1]
    return list(zip(starts, ends, strict=True))


# --------------------------------------------------------------------------- SpkAtt


def spkatt_text(sentences: list[dict]) -> tuple[str, list[tuple[str, int, int]], dict[str, int]]:
    """The speech as one line of text, its tokens as (token, start, end) and the position of
    every ``"sent:token"`` id in that token list."""
    text, tokens, index, glue = "", [], {}, True
    for sentence in sentences:
        for t, token in enumerate(sentence["Tokens"]):
            if not glue and token not in NO_SPACE_BEFORE:
                text += " "
            index[f"{sentence['SentenceId']}:{t}"] = len(tokens)
            tokens.append((token, len(text), len(text) + len(token)))
            text += token
            glue = token in NO_SPACE_AFTER
    return text, tokens, index


def spkatt_candidates(
    annotations: list[dict], tokens: list[tuple[str, int, int]], index: dict[str, int], stats
) -> list[Candidate]:
    """Every annotation with a Message as a candidate quote (see ``build_spkatt``)."""
    marks = set(mapping_tool().QMARKS)

    def positions(ids: list[str]) -> list[int]:
        return sorted({index[i] for i in ids})

    candidates = []
    for n, ann in enumerate(annotations):
        message = positions(ann.get("Message", []))
        if not message:
            stats["ann_without_message"] += 1
            continue
        first, last = message[0], message[-1]
        cue_at = positions(ann.get("Cue", []))
        if last - first + 1 != len(message):
            stats["gappy_message"] += 1
            stats["cue_inside_message"] += any(first < i < last for i in cue_at)
        before = tokens[first - 1][0] if first > 0 else ""
        after = tokens[last + 1][0] if last + 1 < len(tokens) else ""
        inner_marks = sum(tokens[i][0] in marks for i in range(first + 1, last))
        direct = (before in marks and after in marks) or (
            first < last
            and tokens[first][0] in marks
            and tokens[last][0] in marks
            and not inner_marks
        )
        sources = [(tokens[a][1], tokens[b][2]) for a, b in token_runs(positions(ann["Source"]))]
        candidates.append(
            Candidate(
                kind="direct" if direct else "indirect",
                parts=[(tokens[first][1], tokens[last][2])],
                cue=" ".join(tokens[i][0] for i in cue_at) or None,
                sources=sources,
                order=n,
            )
        )
    return candidates


def build_spkatt(dest: Path, split: str = "dev") -> Counter:
    """Write the SpkAtt task 1 speeches of ``split`` as ``spk_<stem>`` articles with quote gold.

    Text: tokens joined by single spaces (none before closing punctuation, none after an
    opening mark), no date header; the gold ``dct`` is the speech date from the file name.
    A Message becomes one span from its first to its last token (gaps included): ``direct``
    when quotation-mark tokens enclose it (or it starts and ends with the only marks in it),
    else ``indirect``. Cue = the Cue tokens in text order; mention = the nearest Source run.
    """
    src = SPKATT / split / "task1"
    files = sorted(src.glob("*.json"))
    if not files:
        raise QuoteCorpusError(f"no SpkAtt files in {src} (../shared must lie beside the checkout)")
    stats: Counter = Counter()
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        try:
            text, tokens, index = spkatt_text(data["Sentences"])
            candidates = spkatt_candidates(data["Annotations"], tokens, index, stats)
        except KeyError as exc:
            raise QuoteCorpusError(f"{path}: cannot convert ({exc})") from None
        content = text + "\n"
        day = re.search(r"(\d{2})\.(\d{2})\.(\d{4})$", path.stem)
        dct = f"{day.group(3)}-{day.group(2)}-{day.group(1)}" if day else ""
        article_id = safe_id("spk_", path.stem)
        source = (
            f"GermEval 2023 SpkAtt task 1 {split}: {path.name} "
            "(Bundestag speech; annotations CC BY-SA 4.0, evaluation only)"
        )
        quotes = select_quotes(content, candidates, stats)
        gold = gold_record(article_id, source, dct, quotes)
        write_article(dest, article_id, content, gold, str(path))
        stats["articles"] += 1
    return stats


# --------------------------------------------------------------------------- Redewiedergabe


def tei_text(paragraph: ET.Element) -> tuple[str, list[tuple[ET.Element, int, int]]]:
    """The raw text of a TEI ``<p>`` without ``<note>`` footnotes, and the raw (start, end)
    of every element in it."""
    pieces: list[str] = []
    spans: list[tuple[ET.Element, int, int]] = []
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            pieces.append(text)
            length += len(text)

    def walk(element: ET.Element) -> None:
        start = length
        add(element.text)
        for child in element:
            if child.tag != f"{TEI}note":
                walk(child)
            add(child.tail)
        spans.append((element, start, length))

    walk(paragraph)
    return "".join(pieces), spans


def collapse(raw: str) -> tuple[str, list[int]]:
    """Whitespace runs as one space, none at the ends; ``pos[i]`` is the index of ``raw[i]``
    in the result, -1 for whitespace (spans map through their first and last kept chars)."""
    out: list[str] = []
    pos = [-1] * len(raw)
    space = False
    for i, char in enumerate(raw):
        if char.isspace():
            space = bool(out)
            continue
        if space:
            out.append(" ")
            space = False
        pos[i] = len(out)
        out.append(char)
    return "".join(out), pos


def rw_metadata(path: Path = REDEWIEDERGABE / "metadata.tsv") -> dict[str, dict]:
    """The rows of ``metadata.tsv`` by sample stem (``rwk_grenz_1108-1``)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {Path(row["file"]).stem: row for row in rows}


def rw_article(path: Path, year: str, stats: Counter) -> tuple[str, list[Candidate]]:
    """The content (`` date YYYY `` header + text + newline) and candidate quotes of a sample."""
    paragraph = ET.parse(path).getroot().find(f".//{TEI}body/{TEI}p")
    if paragraph is None:
        raise QuoteCorpusError(f"{path}: no <p> in the TEI body")
    raw, elements = tei_text(paragraph)
    text, pos = collapse(raw)
    header = f" date {year} "
    content = header + text + "\n"
    tool = mapping_tool()

    def span(start: int, end: int) -> Span | None:
        mapped = tool.map_span(pos, start, end)
        return (mapped[0] + len(header), mapped[1] + len(header)) if mapped else None

    said: dict[str, list] = defaultdict(list)
    speakers: dict[str, list[Span]] = defaultdict(list)
    cues: dict[str, list[Span]] = defaultdict(list)
    for element, start, end in sorted(elements, key=lambda x: (x[1], -x[2])):
        where = span(start, end)
        if where is None:
            continue
        if element.tag == f"{TEI}said":
            said[element.get("id", "")].append((element, where))
        elif element.tag == f"{TEI}seg" and element.get("type") in ("speaker", "intExpr"):
            table = speakers if element.get("type") == "speaker" else cues
            for said_id in element.get("id", "").split():
                table[said_id].append(where)
    candidates = []
    for n, (said_id, parts) in enumerate(said.items()):
        first = parts[0][0]
        mode = first.get("mode", "")
        kind = RW_KINDS.get(mode)
        if kind is None:
            stats[f"left_out_{mode}"] += 1
            continue
        cue_words = [content[s:e] for s, e in sorted(cues.get(said_id, []))]
        candidates.append(
            Candidate(
                kind=kind,
                parts=[p[1] for p in parts],
                cue=" ".join(cue_words) or None,
                sources=speakers.get(said_id, []),
                order=n,
                nested=int(first.get("level", "1")) > 1,
                extra={
                    "mode": mode,
                    "medium": first.get("content"),
                    "flags": [f for f in RW_FLAGS if first.get(f) == "yes"],
                },
            )
        )
    return content, candidates


def build_redewiedergabe(dest: Path, text_types: set[str] | None = None) -> Counter:
    """Write the Redewiedergabe non-fiction samples (of ``text_types``, or all) as
    ``rw_<stem>`` articles with quote gold.

    Text: the ``<p>`` without footnotes, whitespace runs as one space, line-end hyphens kept,
    after a `` date YYYY `` header (the sample's year). direct -> direct (one quote per part
    of a said id); indirect and "indirect freeIndirect" -> indirect; reported and freeIndirect
    left out; level > 1 left out (a direct one inside an indirect one still makes it mixed).
    Instances flagged nonfact/border/prag/metaph are kept; their flags are in ``flags``.
    """
    files = sorted((REDEWIEDERGABE / "xml").glob("*.xml"))
    if not files:
        raise QuoteCorpusError(f"no Redewiedergabe samples in {REDEWIEDERGABE / 'xml'}")
    metadata = rw_metadata()
    stats: Counter = Counter()
    for path in files:
        meta = metadata.get(path.stem)
        if meta is None:
            raise QuoteCorpusError(f"{path}: no row in metadata.tsv")
        if text_types is not None and meta["text_type"] not in text_types:
            stats["skipped_text_type"] += 1
            continue
        if not re.fullmatch(r"\d{4}", meta["year"]):
            raise QuoteCorpusError(f"{path}: year {meta['year']!r} in metadata.tsv")
        content, candidates = rw_article(path, meta["year"], stats)
        article_id = safe_id("rw_", path.stem)
        source = (
            f"Corpus Redewiedergabe {path.stem}: {meta['source']} {meta['year']}, "
            f"{meta['text_type']} (Brunner et al. 2020, CC BY-NC-SA 4.0, evaluation only)"
        )
        quotes = select_quotes(content, candidates, stats)
        gold = gold_record(article_id, source, meta["year"], quotes)
        write_article(dest, article_id, content, gold, str(path))
        stats["articles"] += 1
    return stats
