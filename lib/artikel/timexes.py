"""Temporal expressions: find them with the rules of ``resources/de/time/`` and normalise
them to TIMEX3 values from the article date (dct) and the text only.

Notes:
    The rule format and the normalisation conventions follow TIMEX3 and HeidelTime
    (Strötgen & Gertz 2013): the rules and lexicons here were written anew. News articles
    often carry only the month of publication: a weekday then denotes the month, unless an
    explicit date in the text fixes the day of writing (the *reference day*, taken as the
    latest explicit date inside the publication month), in which case weekdays are resolved
    in its week, backwards for past-tense sentences and forwards otherwise.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

import pandas as pd
from spacy.tokens import Span

from .resources import load_entries, resource_path

BUILTIN_PATTERNS = {
    "day": r"0?[1-9]|[12]\d|3[01]",
    "hour": r"[01]?\d|2[0-4]",
    "minute": r"[0-5]\d",
}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
PART_ORDER = ("MO", "MI", "AF", "EV", "NI")


@dataclass(frozen=True)
class Rule:
    """One line of ``rules.txt``."""

    name: str
    type: str
    normaliser: str
    pattern: re.Pattern[str]


@dataclass
class Timex:
    """A normalised temporal expression (offsets into the article text)."""

    start: int
    end: int
    type: str
    value: str
    rule: str
    granularity: str = ""
    anchor_start: str = ""
    anchor_end: str = ""


# ------------------------------------------------------------------------ resources


@cache
def lexicon(name: str) -> dict[str, str]:
    """``time/<name>.txt`` as {surface (lower case): value}; a surface without value maps to ""."""
    table = {}
    for entry in load_entries(f"time/{name}.txt"):
        surface, _, value = entry.partition("\t")
        table[surface.strip().lower()] = value.strip()
    return table


def _alternation(name: str) -> str:
    surfaces = [entry.partition("\t")[0].strip() for entry in load_entries(f"time/{name}.txt")]
    surfaces += [s[0].upper() + s[1:] for s in surfaces if s[0].islower()]  # sentence-initial
    ordered = sorted(set(surfaces), key=lambda s: (-len(s), s))
    return "(?:" + "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in ordered) + ")"


def _expand(pattern: str) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        return f"(?:{BUILTIN_PATTERNS[name]})" if name in BUILTIN_PATTERNS else _alternation(name)

    return re.sub(r"%(\w+)", replace, pattern)


@cache
def load_rules() -> tuple[Rule, ...]:
    """The rules of ``resources/de/time/rules.txt``, compiled, in file order."""
    rules = []
    path = resource_path("time/rules.txt")
    for number, entry in enumerate(load_entries("time/rules.txt"), start=1):
        parts = [part.strip() for part in entry.split(" | ", 3)]
        if len(parts) != 4:
            raise ValueError(f"{path}: rule {number} needs NAME | TYPE | NORMALISER | PATTERN")
        name, kind, normaliser, pattern = parts
        if normaliser not in NORMALISERS:
            raise ValueError(f"{path}: rule {name}: unknown normaliser {normaliser!r}")
        try:
            rules.append(Rule(name, kind, normaliser, re.compile(_expand(pattern))))
        except re.error as exc:
            raise ValueError(f"{path}: rule {name}: {exc}") from None
    return tuple(rules)


@cache
def _tense_markers() -> dict[str, str]:
    markers = {}
    for entry in load_entries("time/tense_markers.txt"):
        tense, _, word = entry.partition("\t")
        markers[word.strip()] = tense.strip()
    return markers


# ---------------------------------------------------------------------------- tense

# Perfect tense: haben with a participle, or sein with a strong participle ("ist gekommen";
# "ist geplant" is a state in the present, not the perfect).
PERFECT = re.compile(
    r"\b(?:hat|haben|hast|habe|hatte|hatten)\b[^.,;:!?]*\b[a-zäöü]\w*(?:t|en)\s*(?:[.,;:!?“”\"»«]|$)"
    r"|\b(?:ist|sind|bin|bist|sei|seien|war|waren)\b[^.,;:!?]*\b[a-zäöü]\w*en\s*(?:[.,;:!?“”\"»«]|$)"
)


def sentence_tense(sentence: Span) -> str:
    """``"past"``, ``"future"`` or ``"present"`` of a sentence.

    Uses the pipeline's morphology when it has one (Tense=Past on a finite verb; a finite
    form of "werden" with an infinitive for the future; haben/sein with a participle for the
    perfect), otherwise the word list ``time/tense_markers.txt``.
    """
    doc = sentence.doc
    if doc.has_annotation("MORPH") and doc.has_annotation("TAG"):
        finite = [t for t in sentence if "Fin" in t.morph.get("VerbForm")]
        participle = any("Part" in t.morph.get("VerbForm") for t in sentence)
        infinitive = any("Inf" in t.morph.get("VerbForm") for t in sentence)
        words = {t.text.lower() for t in finite}
        if infinitive and words & {"werde", "werden", "wird", "würde", "würden", "soll", "sollen"}:
            return "future"
        if any("Past" in t.morph.get("Tense") for t in finite):
            return "past"
        if participle and words & {"hat", "haben", "habe", "hast", "ist", "sind", "sei", "seien"}:
            return "past"
        return "present"
    text = sentence.text
    tenses = {_tense_markers().get(word) for word in re.findall(r"\w+", text)}
    if "future" in tenses:  # reported plans ("sagte, er werde am Montag …") look ahead
        return "future"
    if "past" in tenses or PERFECT.search(text):
        return "past"
    return "present"


# ------------------------------------------------------------------- value helpers


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def anchors(value: str) -> tuple[str, str, str]:
    """(anchor_start, anchor_end, granularity) of a TIMEX3 value; empty anchors if none."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(T.*)?", value)
    if match:
        day = date(int(match[1]), int(match[2]), int(match[3]))
        return day.isoformat(), day.isoformat(), "time" if match[4] else "day"
    if match := re.fullmatch(r"(\d{4})-(\d{2})", value):
        year, month = int(match[1]), int(match[2])
        return date(year, month, 1).isoformat(), _month_end(year, month).isoformat(), "month"
    if match := re.fullmatch(r"(\d{4})", value):
        return f"{match[1]}-01-01", f"{match[1]}-12-31", "year"
    if match := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "week"
    if match := re.fullmatch(r"(\d{4})-W(\d{2})-WE", value):
        saturday = date.fromisocalendar(int(match[1]), int(match[2]), 6)
        return saturday.isoformat(), (saturday + timedelta(days=1)).isoformat(), "weekend"
    if match := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        year, quarter = int(match[1]), int(match[2])
        first = date(year, 3 * quarter - 2, 1)
        return first.isoformat(), _month_end(year, 3 * quarter).isoformat(), "quarter"
    if match := re.fullmatch(r"(\d{4})-H([12])", value):
        year, half = int(match[1]), int(match[2])
        return (
            date(year, 6 * half - 5, 1).isoformat(),
            _month_end(year, 6 * half).isoformat(),
            "half",
        )
    if match := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        year, (first, last) = int(match[1]), SEASON_MONTHS[match[2]]
        end_year = year + 1 if match[2] == "WI" else year
        return date(year, first, 1).isoformat(), _month_end(end_year, last).isoformat(), "season"
    if match := re.fullmatch(r"(\d{3})", value):
        return f"{match[1]}0-01-01", f"{match[1]}9-12-31", "decade"
    return "", "", ""


@dataclass
class Context:
    """What normalisation may use: the article date and what the text said before."""

    year: int | None
    month: int | None
    day: int | None
    reference: date | None = None  # the day of writing, when the text fixes it
    last_day: date | None = None  # the latest day-level date mentioned so far
    tense: str = "present"
    narrative: bool = False
    sentence_day: date | None = None  # a day-level date earlier in the same sentence
    before: str = ""  # the text of the sentence before the match
    after: str = ""  # the text of the sentence after the match
    seen: list[Timex] = field(default_factory=list)

    @property
    def month_value(self) -> str:
        """The publication month as a value (the fallback of unresolvable day references)."""
        if self.year is None:
            return ""
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"


def _number(text: str) -> float | None:
    text = text.strip().lower().replace(",", ".")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    value = lexicon("numbers").get(text)
    return float(value) if value else None


def _fmt_number(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)


def _closest_year(ctx: Context, month: int, day: int | None = None) -> int | None:
    """The year of a month (and day) written without one, chosen by tense and closeness."""
    if ctx.year is None:
        return None
    if ctx.month is None:
        return ctx.year
    here = ctx.year * 12 + ctx.month
    candidates = [ctx.year - 1, ctx.year, ctx.year + 1]
    if ctx.narrative:  # the occurrence nearest to the last date mentioned, later on a tie
        return min(candidates, key=lambda y: (abs(y * 12 + month - here), y < ctx.year))
    if ctx.tense == "past":
        earlier = [y for y in candidates if y * 12 + month <= here]
        return max(earlier) if earlier else ctx.year
    if ctx.tense == "future":
        later = [y for y in candidates if y * 12 + month >= here]
        return min(later) if later else ctx.year
    return min(candidates, key=lambda y: (abs(y * 12 + month - here), y != ctx.year))


def _month_of(groups: dict) -> int | None:
    if groups.get("monthnum"):
        return int(groups["monthnum"])
    if groups.get("month"):
        return int(lexicon("months")[groups["month"].lower()])
    return None


def _year_of(groups: dict, ctx: Context) -> int | None:
    raw = groups.get("year")
    if not raw:
        return None
    if len(raw) == 2:
        century = (ctx.year or 2000) // 100 * 100
        year = century + int(raw)
        return year - 100 if ctx.year and year > ctx.year + 20 else year
    return int(raw)


def _with_time(day: date, groups: dict) -> str:
    if groups.get("hour"):
        hour, minute = int(groups["hour"]), int(groups.get("minute") or 0)
        return f"{day.isoformat()}T{hour:02d}:{minute:02d}"
    if groups.get("part"):
        part = lexicon("day_parts").get(groups["part"].lower())
        return f"{day.isoformat()}T{part}" if part else day.isoformat()
    return day.isoformat()


# ---------------------------------------------------------------------- normalisers


def _absolute(groups: dict, ctx: Context) -> str | None:
    month = _month_of(groups)
    year = _year_of(groups, ctx)
    day = int(groups["day"]) if groups.get("day") else None
    if month is None:
        return f"{year:04d}" if year else None
    if year is None:
        if re.match(r"(?i)seit\b", groups["_text"]):
            ctx = Context(ctx.year, ctx.month, ctx.day, tense="past")
        year = _closest_year(ctx, month, day)
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}" if day else f"XXXX-{month:02d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return _with_time(date(year, month, day), groups)
    except ValueError:
        return None


def _year(groups: dict, ctx: Context) -> str | None:
    has_prefix = bool(re.match(r"(?i)(seit|im|vor)\b", groups["_text"]))
    temporal_before = re.search(
        r"(?i)\b(bis|ab|von|zwischen|nach|und|oder|Jahr|Jahren|Saison)\s*$", ctx.before
    )
    capital_after = re.match(r"\s+[A-ZÄÖÜ]\w+", ctx.after)
    if not has_prefix and not temporal_before and capital_after:
        return None  # "2000 Menschen": a number, not a year
    if re.search(
        r"(?i)\b(mehr|weniger) als\s*$|\b(rund|etwa|knapp|fast|gut|insgesamt|über)\s*$", ctx.before
    ):
        return None  # "auf mehr als 1500": a quantity
    return groups["year"]


def _century(groups: dict, ctx: Context) -> str | None:
    return f"{int(groups['century']) - 1:02d}"


def _decade(groups: dict, ctx: Context) -> str | None:
    digits = groups["decade"]
    if len(digits) == 2:
        century = 20 if ctx.year and int(digits) <= ctx.year % 100 else 19
        digits = f"{century}{digits}"
    return digits[:3]


def _shifted_year(groups: dict, ctx: Context) -> int | None:
    explicit = _year_of(groups, ctx)
    if explicit:
        return explicit
    if ctx.year is None:
        return None
    if groups.get("offset"):
        return ctx.year + int(lexicon("relative_offsets").get(groups["offset"].lower(), "0"))
    return ctx.year


def _season(groups: dict, ctx: Context) -> str | None:
    code = lexicon("seasons")[groups["season"].lower()]
    year = _shifted_year(groups, ctx)
    if year is None:
        return None
    if (
        code == "WI"
        and not groups.get("year")
        and not groups.get("offset")
        and (ctx.month or 12) <= 2
    ):
        year -= 1  # "im Winter" in January is the winter that began in December
    return f"{year:04d}-{code}"


def _quarter(groups: dict, ctx: Context) -> str | None:
    number = int(lexicon("ordinals")[groups["ordinal"].lower()])
    year = _shifted_year(groups, ctx)
    if year is None:
        return None
    if groups["unit"] == "Halbjahr":
        return f"{year:04d}-H{min(number, 2)}"
    return f"{year:04d}-Q{number}"


def _week(groups: dict, ctx: Context) -> str | None:
    week = int(groups.get("week") or groups.get("week2"))
    if ctx.year is None or not 1 <= week <= 53:
        return None
    return f"{ctx.year:04d}-W{week:02d}"


def _offset(groups: dict) -> int:
    if groups.get("offset"):
        return int(lexicon("relative_offsets").get(groups["offset"].lower(), "0"))
    return 0


def _relative_unit(groups: dict, ctx: Context) -> str | None:
    if ctx.year is None:
        return None
    offset = _offset(groups)
    unit = (groups.get("unit") or groups.get("mod", "")).lower()
    if unit.startswith("jahr"):
        return f"{ctx.year + offset:04d}"
    if unit.startswith("monat"):
        if ctx.month is None:
            return None
        index = ctx.year * 12 + ctx.month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if ctx.reference is None:
        return ctx.month_value
    monday = ctx.reference + timedelta(weeks=offset)
    year, week, _ = monday.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _weekend(groups: dict, ctx: Context) -> str | None:
    if ctx.reference is None:
        return ctx.month_value or None
    offset = _offset(groups)
    if not offset:
        offset = -1 if ctx.tense == "past" and ctx.reference.isoweekday() < 6 else 0
    year, week, _ = (ctx.reference + timedelta(weeks=offset)).isocalendar()
    return f"{year:04d}-W{week:02d}-WE"


def _month_relative_year(groups: dict, ctx: Context) -> str | None:
    if ctx.year is None:
        return None
    return f"{ctx.year + _offset(groups):04d}-{_month_of(groups):02d}"


def _relative_year(groups: dict, ctx: Context) -> str | None:
    offset = int(lexicon("relative_years")[re.sub(r"\s+", " ", groups["offset"]).lower()])
    return f"{ctx.year + offset:04d}" if ctx.year else None


def _ago(groups: dict, ctx: Context) -> str | None:
    number, unit = _number(groups["number"]), lexicon("units")[groups["unit"].lower()]
    if number is None or number != int(number) or ctx.year is None:
        return None
    count = int(number)
    if unit == "Y":
        return f"{ctx.year - count:04d}"
    if unit == "M" and ctx.month:
        index = ctx.year * 12 + ctx.month - 1 - count
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if unit in ("W", "D"):
        if ctx.reference is None:
            return ctx.month_value
        day = (
            ctx.reference - timedelta(weeks=count)
            if unit == "W"
            else ctx.reference - timedelta(days=count)
        )
        if unit == "W":
            year, week, _ = day.isocalendar()
            return f"{year:04d}-W{week:02d}"
        return day.isoformat()
    if unit == "DE":
        return f"{ctx.year - 10 * count:04d}"
    return None


def _later(groups: dict, ctx: Context) -> str | None:
    """ "zwei Tage später": a date counted from the last day mentioned (else the reference)."""
    number, unit = _number(groups["number"]), lexicon("units")[groups["unit"].lower()]
    if number is None or number != int(number):
        return None
    count = int(number)
    base = ctx.last_day or ctx.reference
    if base is not None and unit in ("D", "W"):
        return (base + timedelta(days=count if unit == "D" else 7 * count)).isoformat()
    if ctx.year is None:
        return None
    if unit == "Y":
        return f"{ctx.year + count:04d}"
    if unit == "M" and ctx.month:
        index = ctx.year * 12 + ctx.month - 1 + count
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return ctx.month_value or None


def _relative_day(groups: dict, ctx: Context) -> str | None:
    offset = int(lexicon("relative_days")[groups["offset"].lower()])
    if ctx.narrative and offset == 0 and not groups.get("part"):
        return "PRESENT_REF"  # "heute" in a history narrative is the writer's present
    if ctx.reference is None:
        if ctx.year is None:
            return {0: "PRESENT_REF", -1: "PAST_REF", -2: "PAST_REF"}.get(offset, "FUTURE_REF")
        return ctx.month_value
    return _with_time(ctx.reference + timedelta(days=offset), groups)


def _weekday(groups: dict, ctx: Context) -> str | None:
    weekday = int(lexicon("weekdays")[groups["weekday"].lower()])
    if ctx.reference is None:
        return ctx.month_value or None
    prefix = groups["_text"][: groups["_text"].find(groups["weekday"])].lower()
    if re.search(r"vergangen|letzt", prefix):
        direction = "past"
    elif re.search(r"kommend|nächst", prefix):
        direction = "future"
    else:
        direction = "nearest" if ctx.tense == "past" else "future"
    delta = weekday - ctx.reference.isoweekday()
    if direction == "past":
        delta = delta - 7 if delta > 0 else delta
    elif direction == "future":
        delta = delta + 7 if delta < 0 else delta
    else:  # a past event near the reported day: the closer occurrence, earlier on a tie
        delta = delta - 7 if delta > 3 else delta + 7 if delta < -3 else delta
    return _with_time(ctx.reference + timedelta(days=delta), groups)


def _anaphoric(groups: dict, ctx: Context) -> str | None:
    text = groups["_text"].lower()
    day = ctx.last_day or ctx.reference
    if day is None:
        return ctx.month_value or None
    if re.search(r"folgenden|nächsten|darauffolgenden", text):
        day += timedelta(days=1)
    elif "vortag" in text:
        day -= timedelta(days=1)
    return _with_time(day, groups)


def _clock(groups: dict, ctx: Context) -> str | None:
    day = ctx.sentence_day or ctx.last_day or ctx.reference
    hour, minute = int(groups["hour"]), int(groups.get("minute") or groups.get("minute2") or 0)
    if day is None:
        return f"XXXX-XX-XXT{hour:02d}:{minute:02d}"
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}"


def _duration(groups: dict, ctx: Context) -> str | None:
    if re.search(r"(?i)\bAlter\s+von\s*$|\bim\s+Alter\s*$|\bmit\s*$", ctx.before):
        return None  # an age ("mit 31 Jahren"), not a duration
    unit = lexicon("units")[groups["unit"].lower()]
    if groups.get("vague"):
        amount = "X"
    elif groups.get("number"):
        number = _number(groups["number"])
        if number is None:
            return None
        amount = _fmt_number(number)
    else:
        amount = "X"
    if unit == "H":
        return f"PT{amount}H"
    if unit == "MIN":
        return f"PT{amount}M"
    if unit == "Q":
        return f"P{int(float(amount) * 3)}M" if amount != "X" else "PXM"
    return f"P{amount}{unit}"


def _duration_word(groups: dict, ctx: Context) -> str | None:
    units = {
        "jahre": "Y",
        "monate": "M",
        "woche": "W",
        "tage": "D",
        "stunde": "H",
        "jahrzehnte": "DE",
    }
    word = groups["unit"].lower()
    unit = next(code for prefix, code in units.items() if word.startswith(prefix))
    return "PTXH" if unit == "H" else f"PX{unit}"


def _duration_half(groups: dict, ctx: Context) -> str | None:
    return "P6M"


def _set(groups: dict, ctx: Context) -> str | None:
    if groups.get("weekday"):
        return f"XXXX-WXX-{lexicon('weekdays')[groups['weekday'].lower()]}"
    if groups.get("weekdayadv"):
        return f"XXXX-WXX-{lexicon('weekdays_adverbial')[groups['weekdayadv'].lower()]}"
    if groups.get("part"):
        return f"XXXX-XX-XXT{lexicon('day_parts')[groups['part'].lower()]}"
    if groups.get("season"):
        return f"XXXX-{lexicon('seasons')[groups['season'].lower()]}"
    if groups.get("freq"):
        return lexicon("frequencies")[groups["freq"].lower()]
    unit = lexicon("units")[groups["unit"].lower()]
    number = _number(groups["number"]) if groups.get("number") else 1
    amount = _fmt_number(number or 1)
    return f"PT{amount}H" if unit == "H" else f"P{amount}{unit}"


def _set_per(groups: dict, ctx: Context) -> str | None:
    """ "im Monat", "pro Tag" after an amount ("11.000 Euro im Monat") is a rate: a SET."""
    per = re.match(r"(?i)(pro|je)\b", groups["_text"])
    if not per and not re.search(
        r"(\d|Euro|Franken|Dollar|Prozent|Mal|mal|Stunden|Kilometer|Liter)\s*$", ctx.before
    ):
        return None
    unit = lexicon("units")[groups["unit"].lower()]
    return "PT1H" if unit == "H" else f"P1{unit}"


def _ref_period(groups: dict, ctx: Context) -> str | None:
    past = groups["offset"].lower() in ("vergangenen", "letzten", "zurückliegenden")
    return "PAST_REF" if past else "FUTURE_REF"


def _ref_past(groups: dict, ctx: Context) -> str | None:
    return "PAST_REF"


def _ref(groups: dict, ctx: Context) -> str | None:
    return lexicon("references")[re.sub(r"\s+", " ", groups["ref"]).lower()]


NORMALISERS: dict[str, Callable[[dict, Context], str | None]] = {
    "absolute": _absolute,
    "year": _year,
    "decade": _decade,
    "season": _season,
    "quarter": _quarter,
    "week": _week,
    "relative_unit": _relative_unit,
    "weekend": _weekend,
    "month_relative_year": _month_relative_year,
    "relative_year": _relative_year,
    "ago": _ago,
    "later": _later,
    "relative_day": _relative_day,
    "weekday": _weekday,
    "anaphoric": _anaphoric,
    "clock": _clock,
    "duration": _duration,
    "duration_word": _duration_word,
    "duration_half": _duration_half,
    "set": _set,
    "ref": _ref,
    "century": _century,
    "set_per": _set_per,
    "ref_period": _ref_period,
    "ref_past": _ref_past,
}


# ------------------------------------------------------------------------- matching


@dataclass
class _Match:
    start: int
    end: int
    rule: Rule
    groups: dict
    sentence: Span


def _find_matches(sentences: list[Span]) -> list[_Match]:
    """All rule matches inside one sentence each; overlaps resolved: the longest wins, then
    the earlier rule."""
    if not sentences:
        return []
    text = sentences[0].doc.text
    starts = [sentence.start_char for sentence in sentences]
    candidates = []
    for order, rule in enumerate(load_rules()):
        for match in rule.pattern.finditer(text):
            start, end = match.span()
            if end <= start:
                continue
            sentence = sentences[max(0, bisect.bisect_right(starts, start) - 1)]
            if start < sentence.start_char or end > sentence.end_char:
                continue  # across a sentence boundary
            groups = {k: v for k, v in match.groupdict().items() if v}
            groups["_text"] = match.group(0)
            candidates.append((-(end - start), order, _Match(start, end, rule, groups, sentence)))
    chosen: list[_Match] = []
    for _, _, candidate in sorted(candidates, key=lambda item: (item[0], item[1], item[2].start)):
        if all(candidate.end <= other.start or candidate.start >= other.end for other in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda m: m.start)


def _reference_day(explicit: list[date], year: int | None, month: int | None, day: int | None):
    """The day of writing: the dct when it has a day, else the latest of the given explicit
    dates inside its month. Dates written with their weekday ("am Freitag (4. März)") and
    numeric datelines fix the week first; other dates of non-future sentences come next."""
    if year and month and day:
        return date(year, month, day)
    if year and month:
        inside = [d for d in explicit if (d.year, d.month) == (year, month)]
        return max(inside) if inside else None
    return None


def _parse_dct(dct: str) -> tuple[int | None, int | None, int | None]:
    parts = [int(p) for p in dct.split("-")] if dct else []
    return tuple(parts + [None] * (3 - len(parts)))[:3]  # type: ignore[return-value]


def find_timexes(sentences: list[Span], dct: str, *, narrative: bool = False) -> list[Timex]:
    """Temporal expressions of a document, normalised against ``dct`` (``YYYY[-MM[-DD]]``).

    Args:
        sentences: the sentences to search (spaCy spans of one Doc), in text order.
        dct: the publication date as known ("" when unknown).
        narrative: for history-style narratives (HeidelTime's "narratives" type): a date
            without a year, or a relative one, is read from the latest date mentioned before
            it, not from the publication date. News articles use the publication date.

    Returns:
        The expressions in text order, each with its TIMEX3 type, value and anchors.
    """
    year, month, day = _parse_dct(dct)
    matches = _find_matches(sentences)
    tenses = {sentence.start: sentence_tense(sentence) for sentence in sentences}
    anchor = [year, month, day]  # in narrative mode: the latest date mentioned so far

    def context(match: _Match, **extra) -> Context:
        sentence_text, offset = match.sentence.text, match.sentence.start_char
        return Context(
            anchor[0],
            anchor[1],
            anchor[2],
            tense=tenses[match.sentence.start],
            narrative=narrative,
            before=sentence_text[: match.start - offset],
            after=sentence_text[match.end - offset :],
            **extra,
        )

    fixed_days, other_days = [], []
    for match in matches:
        if match.rule.normaliser == "absolute" and match.groups.get("day"):
            ctx = context(match)
            value = _absolute(match.groups, ctx)
            if not value or not re.match(r"\d{4}-\d{2}-\d{2}", value):
                continue
            weekdays = "|".join(lexicon("weekdays"))
            weekday_before = re.search(rf"\b(?:{weekdays})\s*\($", ctx.before, re.I)
            if match.groups.get("weekday") or weekday_before or match.groups.get("monthnum"):
                fixed_days.append(date.fromisoformat(value[:10]))
            elif ctx.tense != "future":
                other_days.append(date.fromisoformat(value[:10]))
            if (
                ctx.tense == "future"
                and fixed_days
                and fixed_days[-1] == date.fromisoformat(value[:10])
            ):
                fixed_days.pop()  # a planned date is not the day of writing
    reference = _reference_day(fixed_days, year, month, day) or _reference_day(
        other_days, year, month, day
    )

    timexes: list[Timex] = []
    last_day: date | None = None
    for match in matches:
        same_sentence = [
            t
            for t in timexes
            if t.start >= match.sentence.start_char and t.granularity in ("day", "time")
        ]
        ctx = context(
            match,
            reference=last_day if narrative else reference,
            last_day=last_day,
            sentence_day=date.fromisoformat(same_sentence[-1].anchor_start)
            if same_sentence
            else None,
        )
        value = NORMALISERS[match.rule.normaliser](match.groups, ctx)
        if not value:
            continue
        timex = Timex(match.start, match.end, match.rule.type, value, match.rule.name)
        if narrative and timex.type in ("DATE", "TIME"):
            parts = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
            if parts:
                anchor[:] = [int(parts[1]), *(int(p) if p else None for p in parts.groups()[1:])]
        if timex.type in ("DATE", "TIME"):
            timex.anchor_start, timex.anchor_end, timex.granularity = anchors(value)
            if timex.granularity in ("day", "time"):
                last_day = date.fromisoformat(timex.anchor_start)
            elif value.endswith("_REF"):
                timex.granularity = "ref"
        else:
            timex.granularity = timex.type.lower()
        timexes.append(timex)
    return timexes


# ------------------------------------------------------------------------- timeline

TIMELINE_COLUMNS = [
    "article_id",
    "sent_idx",
    "timex",
    "type",
    "value",
    "granularity",
    "start",
    "end",
    "sentence",
    "entities",
    "article_date",
]


def timeline(analysis, *, body_only: bool = True) -> pd.DataFrame:
    """One row per dated event: a DATE/TIME expression with a calendar interval, its sentence.

    Args:
        analysis: an ``Analysis``.
        body_only: only events in body sentences (not in captions, teasers, credits …).

    Returns:
        Columns ``article_id, sent_idx, timex, type, value, granularity, start, end``
        (the inclusive interval as Timestamps), ``sentence``, ``entities`` (canonical names
        in the sentence, "; "-joined) and ``article_date``; sorted by ``start``. A weekday in
        an article dated only by month is an interval across the month, not a guessed day.
    """
    timexes = analysis.timexes
    dated = timexes[timexes["type"].isin(["DATE", "TIME"]) & (timexes["anchor_start"] != "")]
    sentences = analysis.sentences[["article_id", "sent_idx", "text", "in_body"]].rename(
        columns={"text": "sentence"}
    )
    events = dated.merge(sentences, on=["article_id", "sent_idx"], how="left")
    if body_only:
        events = events[events["in_body"].fillna(False).astype(bool)]
    names = (
        analysis.entities.groupby(["article_id", "sent_idx"])["canonical"]
        .agg(lambda values: "; ".join(dict.fromkeys(v for v in values if v)))
        .rename("entities")
        .reset_index()
    )
    events = events.merge(names, on=["article_id", "sent_idx"], how="left")
    dates = analysis.articles[["article_id", "date"]].rename(columns={"date": "article_date"})
    events = events.merge(dates, on="article_id", how="left")
    events = events.rename(columns={"text": "timex"})
    events["start"] = pd.to_datetime(events["anchor_start"])
    events["end"] = pd.to_datetime(events["anchor_end"])
    events["entities"] = events["entities"].fillna("").astype("string")
    events = events.sort_values(["start", "end", "article_id", "sent_idx"], kind="stable")
    return events[TIMELINE_COLUMNS].reset_index(drop=True)
