"""artikel's own quote corpus (training/quote-corpus): the checks of a document, its gold in the
GUIDELINES.md format, counts and the agreement of two readings (``CORPUS``)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from . import ROOT, Corpus, WrittenDoc, f1, one_to_one

SRC = ROOT / "training" / "quote-corpus" / "src"
TAGS = {"q", "cue", "src"}
KINDS = {"direct", "indirect", "mixed"}
GENDERS = {"female", "male", "unknown", "none"}
GENRES = {"agency", "report", "interview", "court", "sport", "local", "ticker", "commentary"}
GENRES |= {"pressreview", "portrait"}
OPENING_MARKS = "„“«»‚‘\"'›‹”"
CLOSING_MARKS = "“”»«‘’\"'‹›"


def _references(span, quotes: dict[int, object]) -> tuple[list[int], list[str]]:
    try:
        ids = [int(part) for part in span.attrs.get("q", "").split()]
    except ValueError:
        return [], [f"<{span.tag}> q={span.attrs.get('q')!r} is no list of quote ids"]
    missing = [i for i in ids if i not in quotes]
    problems = [f"<{span.tag}> refers to no quote {missing}"] if missing or not ids else []
    return ids, problems


def doc_problems(doc: WrittenDoc) -> list[str]:
    """Everything wrong with one document's header and quote markup."""
    problems = []
    header = doc.header
    if header["genre"] not in GENRES:
        problems.append(f"genre {header['genre']!r} not one of {sorted(GENRES)}")
    if header["country"] not in {"DE", "AT", "CH"}:
        problems.append(f"country {header['country']!r} not DE, AT or CH")
    try:
        dt.date.fromisoformat(header["dct"])
    except ValueError:
        problems.append(f"dct {header['dct']!r} is no day YYYY-MM-DD")
    quotes: dict[int, object] = {}
    for span in doc.spans:
        if span.tag != "q":
            continue
        attrs = span.attrs
        if set(attrs) != {"id", "kind", "speaker", "gender"}:
            problems.append(f"<q> needs id, kind, speaker, gender: {attrs}")
            continue
        if not attrs["id"].isdigit() or int(attrs["id"]) in quotes:
            problems.append(f"<q> id {attrs['id']!r} is no number or repeated")
            continue
        if attrs["kind"] not in KINDS or attrs["gender"] not in GENDERS:
            problems.append(f"<q id={attrs['id']}> bad kind or gender: {attrs}")
        if not attrs["speaker"] and attrs["gender"] != "none":
            problems.append(f"<q id={attrs['id']}> has no speaker, so gender must be none")
        if attrs["kind"] == "direct":
            before = doc.text[span.start - 1 : span.start]
            after = doc.text[span.end : span.end + 1]
            if before not in OPENING_MARKS or after not in CLOSING_MARKS + ".,!?":
                problems.append(f"<q id={attrs['id']}> direct but not between quotation marks")
        quotes[int(attrs["id"])] = span
    mentions = Counter()
    for span in doc.spans:
        if span.tag == "q":
            continue
        ids, found = _references(span, quotes)
        problems.extend(found)
        for i in (i for i in ids if i in quotes):
            quote = quotes[i]
            if quote.start <= span.start and span.end <= quote.end:
                problems.append(f"<{span.tag} q={i}> lies inside its own quote")
            if span.tag == "src":
                mentions[i] += 1
    problems.extend(f"quote {i} has {n} <src> tags" for i, n in mentions.items() if n > 1)
    return [f"{doc.where}: {doc.doc_id}: {p}" for p in problems]


def gold_of(doc: WrittenDoc) -> tuple[str, dict]:
    """The article as artikel reads it (seed format with the day) and its GUIDELINES gold."""
    prefix = f" date {doc.header['dct']} "
    content = prefix + doc.text + "\n"
    shift = len(prefix)
    cues: dict[int, list] = {}
    mention: dict[int, object] = {}
    for span in doc.spans:
        if span.tag in {"cue", "src"}:
            for i in (int(p) for p in span.attrs["q"].split()):
                if span.tag == "cue":
                    cues.setdefault(i, []).append(span)
                else:
                    mention[i] = span
    quotes = []
    for span in sorted((s for s in doc.spans if s.tag == "q"), key=lambda s: s.start):
        i = int(span.attrs["id"])
        src = mention.get(i)
        gender = span.attrs["gender"]
        quotes.append(
            {
                "start": span.start + shift,
                "end": span.end + shift,
                "text": span.text,
                "kind": span.attrs["kind"],
                "cue": " ".join(c.text for c in sorted(cues.get(i, []), key=lambda c: c.start))
                or None,
                "speaker": span.attrs["speaker"] or None,
                "speaker_gender": None if gender == "none" else gender,
                "speaker_mention": None
                if src is None
                else {"start": src.start + shift, "end": src.end + shift, "text": src.text},
            }
        )
    gold = {
        "id": doc.doc_id,
        "source": "written for artikel's quote corpus",
        "dct": doc.header["dct"],
        "lang": "de",
        "layers": ["quotes"],
        "quotes": quotes,
    }
    return content, gold


def count(doc: WrittenDoc, counts: Counter) -> None:
    """Add one document's quotes to the corpus counts."""
    for span in doc.spans:
        if span.tag == "q":
            counts["quotes"] += 1
            counts[f"quotes {span.attrs.get('kind')}"] += 1
            counts[f"speaker gender {span.attrs.get('gender')}"] += 1


def _mentions(doc: WrittenDoc) -> dict[str, tuple[int, int]]:
    """Quote id -> the offsets of its speaker mention."""
    found = {}
    for span in doc.spans:
        if span.tag == "src":
            for i in span.attrs.get("q", "").split():
                found[i] = (span.start, span.end)
    return found


def agreement(pairs: list[tuple[WrittenDoc, WrittenDoc]]) -> dict[str, float]:
    """Quote span (overlap, one to one), kind, speaker and speaker-mention agreement."""
    first = second = spans = exact = kinds = speakers = mentions = with_speaker = 0
    for a, b in pairs:
        qa = [s for s in a.spans if s.tag == "q"]
        qb = [s for s in b.spans if s.tag == "q"]
        ma, mb = _mentions(a), _mentions(b)
        matched = one_to_one(qa, qb)
        first, second, spans = first + len(qa), second + len(qb), spans + len(matched)
        for x, y in matched:
            exact += (x.start, x.end) == (y.start, y.end)
            kinds += x.attrs["kind"] == y.attrs["kind"]
            if x.attrs["speaker"] or y.attrs["speaker"]:
                with_speaker += 1
                speakers += x.attrs["speaker"].lower() == y.attrs["speaker"].lower()
            mx, my = ma.get(x.attrs["id"]), mb.get(y.attrs["id"])
            mentions += (mx is None and my is None) or (
                mx is not None and my is not None and min(mx[1], my[1]) > max(mx[0], my[0])
            )
    return {
        "quotes, first": first,
        "quotes, second": second,
        "quote span F1": f1(spans, first, second),
        "exact span F1": f1(exact, first, second),
        "kind agreement (matched)": round(kinds / spans, 3) if spans else 1.0,
        "speaker agreement (matched, either with a speaker)": round(speakers / with_speaker, 3)
        if with_speaker
        else 1.0,
        "speaker-mention agreement (matched)": round(mentions / spans, 3) if spans else 1.0,
    }


CORPUS = Corpus("quote", SRC, TAGS, doc_problems, gold_of, count, agreement)
