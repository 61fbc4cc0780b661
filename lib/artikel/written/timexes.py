"""artikel's own TIMEX3 corpus (training/timex-corpus): the checks of a document, its gold in the
GUIDELINES.md format, counts and the agreement of two readings (``CORPUS``)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from ..realnews import anchors_of
from ..timexes.normalise import same_timex_value
from . import ROOT, Corpus, WrittenDoc, f1, one_to_one

SRC = ROOT / "training" / "timex-corpus" / "src"
TYPES = {"DATE", "TIME", "DURATION", "SET"}
GENRES = {"agency", "report", "court", "sport", "local", "ticker", "commentary"}
GENRES |= {"portrait", "history", "narrative"}
PART = r"(?:T(?:MO|AF|EV|NI|DT|\d{2}(?::\d{2}){0,2}))?"
CALENDAR = (
    r"(?:\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:[1-7]|WE))?"
    r"|-(?:SP|SU|FA|WI|Q[1-4]|H[12]))?"
)
VALUE = re.compile(
    rf"(?:{CALENDAR}{PART}|\d{{2,3}}|BC\d{{4}}|(?:PRESENT|PAST|FUTURE)_REF"
    r"|P(?:[\dX.]+(?:Y|M|W|D|Q|DE|CE))*(?:T(?:[\dX.]+[HMS])+)?|XXXX-XX-XX" + PART + ")"
)
WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")


def _dct_problem(dct: str) -> str | None:
    if dct == "none":
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}", dct):
            dt.date.fromisoformat(dct + "-01")
        else:
            dt.date.fromisoformat(dct)
    except ValueError:
        return f"dct {dct!r} is no day, month or 'none'"
    return None


def _weekday_problem(span) -> str | None:
    """A span that names one weekday and a full date must name that date's weekday (the
    night before it for "in der Nacht zu/auf <Tag>", as the dev corpus annotates it)."""
    named = [i for i, day in enumerate(WEEKDAYS) if day in span.text.lower()]
    if len(named) != 1 or "sonnabend" in span.text.lower():
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", span.attrs.get("value", ""))
    if not match:
        return None
    date = dt.date(*map(int, match.groups()))
    if re.search(r"\bNacht\s+(?:zu[mr]?|auf)\b", span.text):
        date += dt.timedelta(days=1)  # "in der Nacht zu Freitag" is Thursday's night
    if date.weekday() != named[0]:
        return f"{span.text!r} = {date} is a {WEEKDAYS[date.weekday()]}"
    return None


def doc_problems(doc: WrittenDoc) -> list[str]:
    """Everything wrong with one document's header and timex markup."""
    header = doc.header
    problems = []
    if header["genre"] not in GENRES:
        problems.append(f"genre {header['genre']!r} not one of {sorted(GENRES)}")
    if header["country"] not in {"DE", "AT", "CH"}:
        problems.append(f"country {header['country']!r} not DE, AT or CH")
    if found := _dct_problem(header["dct"]):
        problems.append(found)
    for span in doc.spans:
        attrs = span.attrs
        if set(attrs) != {"type", "value"} or attrs["type"] not in TYPES:
            problems.append(f"<t> needs type (one of {sorted(TYPES)}) and value: {attrs}")
        elif not VALUE.fullmatch(attrs["value"]):
            problems.append(f"<t> value {attrs['value']!r} is no TIMEX3 value ({span.text!r})")
        elif found := _weekday_problem(span):
            problems.append(found)
        elif _is_age(doc.text, span.start, span.end):
            problems.append(
                f"an age is no timex, as the dev corpus and Wikinews annotate: {span.text!r}"
            )
    return [f"{doc.where}: {doc.doc_id}: {p}" for p in problems]


# "im Alter von 84 Jahren", "mit 17 Jahren", "78 Jahre alt": a person's age
AGE_BEFORE = re.compile(r"(?:\b[Ii]m\s+Alter\s+von|\b[Mm]it)\s+$")
AGE_AFTER = re.compile(r"\s+alt\b")


def _is_age(text: str, start: int, end: int) -> bool:
    """Whether the span "N Jahre(n)" is a person's age."""
    if not re.fullmatch(r"\S+\s+Jahren?", text[start:end]):
        return False
    return bool(AGE_BEFORE.search(text[max(0, start - 20) : start])) or bool(
        AGE_AFTER.match(text, end)
    )


def gold_of(doc: WrittenDoc) -> tuple[str, dict]:
    """The article as artikel reads it and its GUIDELINES gold (timexes only)."""
    dct = doc.header["dct"]
    prefix = "" if dct == "none" else f" date {dct} "
    shift = len(prefix)
    timexes = []
    for span in sorted(doc.spans, key=lambda s: s.start):
        kind, value = span.attrs["type"], span.attrs["value"]
        first, last = anchors_of(value) if kind in {"DATE", "TIME"} else (None, None)
        timexes.append(
            {
                "start": span.start + shift,
                "end": span.end + shift,
                "text": span.text,
                "type": kind,
                "value": value,
                "anchor_start": first,
                "anchor_end": last,
            }
        )
    gold = {
        "id": doc.doc_id,
        "source": "written for artikel's TIMEX3 corpus",
        "dct": None if dct == "none" else dct,
        "lang": "de",
        "layers": ["timexes"],
        "timexes": timexes,
    }
    return prefix + doc.text + "\n", gold


def count(doc: WrittenDoc, counts: Counter) -> None:
    """Add one document's timexes to the corpus counts."""
    dct = doc.header["dct"]
    counts[f"dct {'none' if dct == 'none' else 'month' if len(dct) == 7 else 'day'}"] += 1
    for span in doc.spans:
        counts["timexes"] += 1
        counts[f"timexes {span.attrs.get('type')}"] += 1


def agreement(pairs: list[tuple[WrittenDoc, WrittenDoc]]) -> dict[str, float]:
    """Timex span (overlap, one-to-one) and value agreement of two annotations."""
    spans = values = types = first = second = 0
    for a, b in pairs:
        matched = one_to_one(a.spans, b.spans)
        first, second, spans = first + len(a.spans), second + len(b.spans), spans + len(matched)
        values += sum(same_timex_value(x.attrs["value"], y.attrs["value"]) for x, y in matched)
        types += sum(x.attrs["type"] == y.attrs["type"] for x, y in matched)
    return {
        "timexes, first": first,
        "timexes, second": second,
        "span F1": f1(spans, first, second),
        "value F1": f1(values, first, second),
        "type F1": f1(types, first, second),
    }


CORPUS = Corpus("TIMEX3", SRC, {"t"}, doc_problems, gold_of, count, agreement, wikiwarsde=True)
