"""The real-news yardstick: German Wikinews articles with the project's own stand-off gold.

The texts and their quotation gold (GermEval 2023 SpkAtt Task 2, Petersen-Frey & Biemann
2024, CC BY-NC-SA: evaluation only) stay in ``../shared/corpora/wikinews_quotes/dev``. The
project commits only stand-off files (``evaluation/wikinews-dev/<id>.json``): offsets into
the document's ``originalText``, labels, canonical names, values and the sha256 of the text
they refer to. ``build_corpus`` joins both at evaluation time into articles in the seed
format (with the publication *day*) and gold files in the format of
``dev-corpus/GUIDELINES.md``; the quotes are mapped by the shared tool
``../shared/tools/wikinews_quotes.py``, imported as it is, so every real-news quote figure
uses one mapping.

Every article belongs to one half for the life of the project, decided by a hash of its id:
the *analysis* half (its errors may be read to improve rules) and the *held-out* half
(figures only).
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import itertools
import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta
from functools import cache
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
WIKINEWS_DEV = SHARED / "corpora" / "wikinews_quotes" / "dev"
MAPPING_TOOL = SHARED / "tools" / "wikinews_quotes.py"
STANDOFF = REPO / "evaluation" / "wikinews-dev"

LABELS = {"PER", "ORG", "LOC", "MISC"}
GENDERS = {"female", "male", "unknown"}
GENDER_EVIDENCE = {"text", "first_name", "knowledge", "none"}
TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
BOILERPLATE_KINDS = {"ad", "teaser", "credit", "subheading", "caption", "byline", "embed", "other"}
QUOTE_KINDS = {"direct", "indirect", "mixed"}
NAME = re.compile(r"^(\d+) - (.*) \((\d{4}-\d{2}-\d{2})\)\s*$")


class StandoffError(ValueError):
    """A stand-off or draft annotation that cannot be used (names the file and the problem)."""


def half_of(doc_id: str) -> str:
    """``analysis`` or ``heldout``: the fixed half of an article, from a hash of its id."""
    return "analysis" if hashlib.sha256(doc_id.encode()).digest()[0] < 128 else "heldout"


@dataclass(frozen=True)
class WikinewsDoc:
    """One Wikinews article of the shared dev split."""

    doc_id: str
    title: str
    dct: str
    text: str  # originalText, as in the shared file
    path: Path

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def half(self) -> str:
        return half_of(self.doc_id)


def read_doc(path: Path) -> WikinewsDoc:
    """Read one ``*.pretty.json(.gz)`` file of the shared corpus."""
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    data = json.loads(raw.decode("utf-8"))
    match = NAME.match(data["documentName"])
    if not match:
        raise StandoffError(f"{path}: unexpected document name {data['documentName']!r}")
    return WikinewsDoc(match.group(1), match.group(2), match.group(3), data["originalText"], path)


@cache
def wikinews_docs(src: Path = WIKINEWS_DEV) -> dict[str, WikinewsDoc]:
    """Every article of the shared Wikinews dev split, by Wikinews id."""
    if not src.is_dir():
        raise StandoffError(
            f"Wikinews dev split not found: {src} (../shared must lie beside the checkout)"
        )
    docs = [read_doc(p) for p in sorted(src.iterdir()) if p.name.endswith((".json", ".json.gz"))]
    return {d.doc_id: d for d in sorted(docs, key=lambda d: int(d.doc_id))}


@cache
def mapping_tool(path: Path = MAPPING_TOOL) -> ModuleType:
    """The shared quote mapping (``../shared/tools/wikinews_quotes.py``), imported unchanged."""
    if not path.is_file():
        raise StandoffError(f"quote mapping tool not found: {path}")
    spec = importlib.util.spec_from_file_location("wikinews_quotes", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------- calendar


def anchors_of(value: str) -> tuple[str | None, str | None]:
    """The inclusive calendar interval a TIMEX3 DATE/TIME value denotes, or (None, None)."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value):
        day = Date(*map(int, m.groups())).isoformat()
        return day, day
    if m := re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value):
        monday = Date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        first = monday + timedelta(days=5) if value.endswith("-WE") else monday
        return first.isoformat(), (monday + timedelta(days=6)).isoformat()
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        year, month = int(m.group(1)), int(m.group(2))
        nxt = Date(year + month // 12, month % 12 + 1, 1)
        return Date(year, month, 1).isoformat(), (nxt - timedelta(days=1)).isoformat()
    if m := re.fullmatch(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)", value):
        year, part = int(m.group(1)), m.group(2)
        months = {
            "Q1": (1, 3),
            "Q2": (4, 6),
            "Q3": (7, 9),
            "Q4": (10, 12),
            "H1": (1, 6),
            "H2": (7, 12),
            "SP": (3, 5),
            "SU": (6, 8),
            "FA": (9, 11),
            "WI": (12, 14),
        }[part]
        first = Date(year, months[0], 1)
        last_year, last_month = year + (months[1] - 1) // 12, (months[1] - 1) % 12 + 1
        nxt = Date(last_year + last_month // 12, last_month % 12 + 1, 1)
        return first.isoformat(), (nxt - timedelta(days=1)).isoformat()
    if m := re.fullmatch(r"(\d{4})", value):
        return f"{value}-01-01", f"{value}-12-31"
    return None, None


# --------------------------------------------------------------------------- drafts


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``phrase`` (any whitespace run matches a space)."""
    pattern = r"\s+".join(re.escape(part) for part in phrase.split())
    found = []
    for m in re.finditer(pattern, text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if (before.isalnum() or before == "-") and phrase[0].isalnum():
            continue
        if (after.isalnum() or after == "-") and phrase[-1].isalnum():
            continue
        found.append((m.start(), m.end()))
    return found


def locate(text: str, item: dict, where: str) -> list[tuple[int, int]]:
    """The spans a draft item means: ``start``/``end``, or ``text`` + ``occ`` (1-based, "all")."""
    if "start" in item and "end" in item:
        start, end = int(item["start"]), int(item["end"])
        if "text" in item and text[start:end] != item["text"]:
            raise StandoffError(
                f"{where}: text[{start}:{end}] is {text[start:end]!r}, not {item['text']!r}"
            )
        return [(start, end)]
    phrase = item.get("text")
    if not phrase:
        raise StandoffError(f"{where}: needs text (+ occ) or start/end")
    spans = _occurrences(text, phrase)
    if not spans:
        raise StandoffError(f"{where}: {phrase!r} does not occur as a whole word")
    occ = item.get("occ", 1 if len(spans) == 1 else None)
    if occ == "all":
        return spans
    if not isinstance(occ, int) or not 1 <= occ <= len(spans):
        raise StandoffError(
            f"{where}: {phrase!r} occurs {len(spans)} times; give occ 1..{len(spans)} or 'all'"
        )
    return [spans[occ - 1]]


def _check(value, allowed: set, where: str, what: str) -> None:
    if value not in allowed:
        raise StandoffError(f"{where}: {what} {value!r} not in {sorted(allowed)}")


def resolve_draft(draft: dict, doc: WikinewsDoc, where: str) -> dict:
    """Turn an annotator's draft (phrases + occurrences) into a checked stand-off record."""
    text = doc.text
    people = draft.get("people", {})
    for name, info in people.items():
        _check(info.get("gender"), GENDERS, f"{where}: people[{name!r}]", "gender")
        _check(info.get("evidence"), GENDER_EVIDENCE, f"{where}: people[{name!r}]", "evidence")
    entities = []
    for i, item in enumerate(draft.get("entities", [])):
        at = f"{where}: entities[{i}] {item.get('text')!r}"
        _check(item.get("label"), LABELS, at, "label")
        if not item.get("canonical"):
            raise StandoffError(f"{at}: no canonical")
        for start, end in locate(text, item, at):
            row = {
                "start": start,
                "end": end,
                "label": item["label"],
                "canonical": item["canonical"],
            }
            if item["label"] == "PER":
                if item["canonical"] not in people:
                    raise StandoffError(
                        f"{at}: PER canonical {item['canonical']!r} has no entry in people"
                    )
                row["gender"] = people[item["canonical"]]["gender"]
            entities.append(row)
    timexes = []
    for i, item in enumerate(draft.get("timexes", [])):
        at = f"{where}: timexes[{i}] {item.get('text')!r}"
        _check(item.get("type"), TIMEX_TYPES, at, "type")
        value = item.get("value") or ""
        if not value:
            raise StandoffError(f"{at}: no value")
        first, last = anchors_of(value) if item["type"] in ("DATE", "TIME") else (None, None)
        for start, end in locate(text, item, at):
            timexes.append(
                {
                    "start": start,
                    "end": end,
                    "type": item["type"],
                    "value": value,
                    "anchor_start": first,
                    "anchor_end": last,
                }
            )
    boilerplate = []
    for i, item in enumerate(draft.get("boilerplate", [])):
        at = f"{where}: boilerplate[{i}]"
        _check(item.get("kind"), BOILERPLATE_KINDS, at, "kind")
        boilerplate += [
            {"start": s, "end": e, "kind": item["kind"]} for s, e in locate(text, item, at)
        ]
    quotes = []
    for i, item in enumerate(draft.get("quotes", [])):
        at = f"{where}: quotes[{i}]"
        _check(item.get("kind"), QUOTE_KINDS, at, "kind")
        ((start, end),) = locate(text, item, at)
        mention = None
        if item.get("speaker_mention"):
            ((ms, me),) = locate(text, item["speaker_mention"], f"{at} speaker_mention")
            mention = {"start": ms, "end": me}
        quotes.append(
            {
                "start": start,
                "end": end,
                "kind": item["kind"],
                "cue": item.get("cue"),
                "speaker": item.get("speaker"),
                "speaker_gender": item.get("speaker_gender"),
                "speaker_mention": mention,
            }
        )
    record = {
        "id": doc.doc_id,
        "dct": doc.dct,
        "sha256": doc.sha256,
        "half": doc.half,
        "annotator": draft.get("annotator", ""),
        "boilerplate": sorted(boilerplate, key=lambda r: r["start"]),
        "entities": sorted(entities, key=lambda r: (r["start"], r["end"])),
        "people": [{"canonical": k, **v} for k, v in sorted(people.items())],
        "timexes": sorted(timexes, key=lambda r: (r["start"], r["end"])),
        "speaker_genders": draft.get("speaker_genders", {}),
    }
    if quotes:
        record["quotes"] = sorted(quotes, key=lambda r: r["start"])
    validate_standoff(record, doc, where)
    return record


def validate_standoff(record: dict, doc: WikinewsDoc, where: str) -> None:
    """Check a stand-off record against its document: hash, offsets, labels, overlaps."""
    if record.get("sha256") != doc.sha256:
        raise StandoffError(f"{where}: sha256 does not match the text of {doc.path.name}")
    if record.get("half") != doc.half:
        raise StandoffError(f"{where}: half {record.get('half')!r}, the id hashes to {doc.half!r}")
    n = len(doc.text)
    for layer in ("entities", "timexes", "boilerplate", "quotes"):
        spans = record.get(layer, [])
        for row in spans:
            if not 0 <= row["start"] < row["end"] <= n:
                raise StandoffError(
                    f"{where}: {layer} span {row['start']}-{row['end']} outside the text"
                )
            piece = doc.text[row["start"] : row["end"]]
            if piece != piece.strip():
                raise StandoffError(
                    f"{where}: {layer} span {piece!r} starts or ends with whitespace"
                )
        if layer in ("entities", "timexes"):
            ordered = sorted(spans, key=lambda r: (r["start"], r["end"]))
            for a, b in itertools.pairwise(ordered):
                if b["start"] < a["end"]:
                    raise StandoffError(
                        f"{where}: overlapping {layer} {doc.text[a['start'] : a['end']]!r} "
                        f"and {doc.text[b['start'] : b['end']]!r}"
                    )
    for row in record.get("entities", []):
        _check(row["label"], LABELS, where, "label")
        if row["label"] == "PER":
            _check(row.get("gender"), GENDERS, where, "gender")
    canon = {p["canonical"]: p["gender"] for p in record.get("people", [])}
    for row in record.get("entities", []):
        if row["label"] == "PER" and canon.get(row["canonical"]) != row["gender"]:
            raise StandoffError(
                f"{where}: gender of {row['canonical']!r} differs from its people entry"
            )
    for key, value in record.get("speaker_genders", {}).items():
        if value is not None:
            _check(value, GENDERS, f"{where}: speaker_genders[{key}]", "speaker_gender")


def dump_standoff(record: dict) -> str:
    """A stand-off record as JSON with one annotation per line (small diffs, easy review)."""
    lines = ["{"]
    items = list(record.items())
    for n, (key, value) in enumerate(items):
        comma = "," if n < len(items) - 1 else ""
        if isinstance(value, list) and value:
            rows = ",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in value)
            lines.append(f" {json.dumps(key)}: [\n{rows}\n ]{comma}")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    return "\n".join(lines) + "\n}\n"


# --------------------------------------------------------------------------- the corpus


def load_standoff(folder: Path = STANDOFF) -> dict[str, dict]:
    """The committed stand-off records by Wikinews id, each checked against its document."""
    docs = wikinews_docs()
    records = {}
    for file in sorted(folder.glob("*.json")):
        record = json.loads(file.read_text(encoding="utf-8"))
        doc = docs.get(record.get("id", ""))
        if doc is None:
            raise StandoffError(f"{file}: id {record.get('id')!r} is not in {WIKINEWS_DEV}")
        validate_standoff(record, doc, str(file))
        records[doc.doc_id] = record
    return records


def mapped_quotes(
    doc: WikinewsDoc, stats: Counter | None = None
) -> tuple[str, list[dict], list[int]]:
    """The seed-format content of a document, its quotes mapped by the shared tool, and the
    position of every originalText character in the content (-1 where whitespace was dropped)."""
    tool = mapping_tool()
    _, content, gold = tool.convert(
        doc.path, False, stats if stats is not None else Counter(), day=True
    )
    _, pos = tool.normalise(doc.text)
    shift = len(f" date {doc.dct} ")
    return content, gold["quotes"], [p + shift if p >= 0 else -1 for p in pos]


def quote_key(quote: dict) -> str:
    """How stand-off files name a mapped quote: its content offsets ``start-end``."""
    return f"{quote['start']}-{quote['end']}"


def _shift(row: dict, pos: list[int], content: str) -> dict | None:
    tool = mapping_tool()
    span = tool.map_span(pos, row["start"], row["end"])
    if span is None:
        return None
    out = dict(row, start=span[0], end=span[1])
    out["text"] = content[span[0] : span[1]]
    return out


def gold_article(
    doc: WikinewsDoc, record: dict, stats: Counter | None = None, own_quotes: bool = False
) -> tuple[str, dict]:
    """The article content (seed format, day date) and its gold in the GUIDELINES format.

    Quotes come from the shared mapping with the stand-off ``speaker_genders``; with
    ``own_quotes`` the record's own GUIDELINES reading is used instead.
    """
    content, quotes, pos = mapped_quotes(doc, stats)
    layers = {}
    for layer in ("entities", "timexes", "boilerplate"):
        layers[layer] = [
            r for r in (_shift(row, pos, content) for row in record.get(layer, [])) if r
        ]
    if own_quotes:
        quotes = []
        for row in record.get("quotes", []):
            q = _shift(row, pos, content)
            if q and row.get("speaker_mention"):
                q["speaker_mention"] = _shift(row["speaker_mention"], pos, content)
            if q:
                quotes.append(q)
    else:
        genders = record.get("speaker_genders", {})
        for q in quotes:
            q["speaker_gender"] = genders.get(quote_key(q))
    gold = {
        "id": f"wn_{doc.doc_id}",
        "source": f"de.wikinews.org {doc.doc_id} (CC BY-NC-SA 4.0, evaluation only)",
        "dct": doc.dct,
        "lang": "de",
        **layers,
        "quotes": quotes,
        "half": doc.half,
    }
    return content, gold


def build_corpus(
    dest: Path,
    half: str | None = None,
    records: dict[str, dict] | None = None,
    own_quotes: bool = False,
) -> Counter:
    """Write ``dest/articles/wn_<id>.txt`` and ``dest/gold/wn_<id>.json`` for annotated articles
    (of one half, or all); return the mapping counts."""
    records = load_standoff() if records is None else records
    docs = wikinews_docs()
    (dest / "articles").mkdir(parents=True, exist_ok=True)
    (dest / "gold").mkdir(parents=True, exist_ok=True)
    stats: Counter = Counter()
    for doc_id, record in records.items():
        doc = docs[doc_id]
        if half and doc.half != half:
            continue
        content, gold = gold_article(doc, record, stats, own_quotes)
        (dest / "articles" / f"wn_{doc_id}.txt").write_text(content, encoding="utf-8")
        (dest / "gold" / f"wn_{doc_id}.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        stats["articles"] += 1
    return stats


def articles_jsonl(dest: Path, half: str | None = None) -> int:
    """Write the Wikinews dev articles as artikel input (JSONL: id, title, date, text)."""
    count = 0
    tool = mapping_tool()
    with dest.open("w", encoding="utf-8") as out:
        for doc in wikinews_docs().values():
            if half and doc.half != half:
                continue
            body, _ = tool.normalise(doc.text)
            out.write(
                json.dumps(
                    {"id": f"wn_{doc.doc_id}", "title": doc.title, "date": doc.dct, "text": body},
                    ensure_ascii=False,
                )
                + "\n"
            )
            count += 1
    return count
