"""Normalisers of durations, recurrences (SET) and vague references (PRESENT_REF …)."""

from __future__ import annotations

import re
from functools import cache

from ..resources import load_entries
from .context import Context, _fmt_number, _number, clock_time
from .lexicon import lexicon


def _duration(groups: dict, ctx: Context) -> str | None:
    if re.search(
        r"(?i)\bAlter\s+(?:von\s+|zwischen\s+)?(?:\w+\s+(?:bis|und)\s+)?$|\bmit\s*$", ctx.before
    ):
        return None  # an age ("mit 31 Jahren", "im Alter von 14 bis 17 Jahren"), not a duration
    bracketed = re.search(r"\([^()]*$", ctx.before) and re.match(r"\s*\)", ctx.after)
    if (
        bracketed
        and groups["unit"].startswith("Jahr")
        and _number(groups["_text"].split()[0]) is not None
    ):
        return None  # an age in brackets: "Telesforo Santillan (60 Jahre)", "(fünf und zehn Jahre)"
    if groups.get("vague"):
        amount = "X"
    elif groups.get("number"):
        number = _number(groups["number"])
        if number is None or (number >= 2 and groups["unit"].lower() in lexicon("singular_units")):
            return None  # "seit 1990 Jahr für Jahr": a year and a singular, no duration
        amount = _fmt_number(number)
    else:
        amount = "X"
    parts = [(amount, lexicon("units")[groups["unit"].lower()])]
    if groups.get("number2") and (second := _number(groups["number2"])) is not None:
        parts.append((_fmt_number(second), lexicon("units")[groups["unit2"].lower()]))
    return _duration_value(parts)


# a unit whose fractions are written in the next smaller one: "eineinhalb Stunden" PT1H30M
FRACTION_UNITS = {"Y": ("M", 12), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def _duration_value(parts: list[tuple[str, str]]) -> str:
    """A TIMEX3 duration of (amount, unit) parts: "P4Y3M", "PT5H24M", "P6M" for 2 quarters,
    "P2Y6M" for two and a half years."""
    date_part, time_part = "", ""
    for amount, unit in parts:
        smaller = FRACTION_UNITS.get(unit)
        if smaller and "." in amount and float(amount) >= 1:
            whole, fraction = divmod(float(amount), 1)  # "zweieinhalb Jahre" P2Y6M
            rest = _duration_value([(_fmt_number(fraction * smaller[1]), smaller[0])])[1:]
            head = f"{int(whole)}{'M' if unit == 'MIN' else unit}"
            if unit == "Y":
                date_part += head + rest
            elif unit == "D":  # "eineinhalb Tage" P1DT12H
                date_part += head
                time_part += rest.lstrip("T")
            else:
                time_part += head + rest.lstrip("T")
        elif unit == "Q":
            date_part += f"{int(float(amount) * 3)}M" if amount != "X" else "XM"
        elif unit in ("H", "MIN", "S"):
            time_part += f"{amount}{'M' if unit == 'MIN' else unit}"
        else:
            date_part += f"{amount}{unit}"
    return f"P{date_part}" + (f"T{time_part}" if time_part else "")


def _duration_adjective(groups: dict, ctx: Context) -> str | None:
    """ "eine 15-jährige Haftstrafe" P15Y: a count adjective before a noun of
    ``duration_nouns.txt``; before anything else (a person: an age) no timex."""
    head = groups["head"].lower()
    if not any(
        head.endswith(noun + ending) for noun in _lasting_nouns() for ending in _NOUN_ENDINGS
    ):
        return None
    number = _number(groups["number"].rstrip("-"))
    if number is None:
        return None
    return _duration_value([(_fmt_number(number), _unit_of_stem(groups["unit"]))])


_NOUN_ENDINGS = ("", "e", "en", "n", "s", "es")


@cache
def _lasting_nouns() -> tuple[str, ...]:
    return tuple(load_entries("time/duration_nouns.txt"))


# the unit of a word built on a unit's stem: "jahrelang", "dreitägig", "stündig"; longest first
UNIT_STEMS = (
    ("jahrzehnt", "DE"),
    ("jahr", "Y"),
    ("jähr", "Y"),
    ("monat", "M"),
    ("woch", "W"),
    ("wöch", "W"),
    ("tag", "D"),
    ("täg", "D"),
    ("stund", "H"),
    ("stünd", "H"),
    ("minüt", "MIN"),
)


def _unit_of_stem(word: str) -> str:
    """The TIMEX3 unit of a word that starts with a unit's stem (``UNIT_STEMS``)."""
    return next(code for stem, code in UNIT_STEMS if word.lower().startswith(stem))


def _duration_word(groups: dict, ctx: Context) -> str | None:
    unit = _unit_of_stem(groups["unit"])
    return "PTXH" if unit == "H" else f"PX{unit}"


def _duration_half(groups: dict, ctx: Context) -> str | None:
    """ "ein halbes Jahr" P6M, "ein Vierteljahr" P3M, "ein Dreivierteljahr" P9M; "eine halbe
    Stunde" PT30M, "eine Viertelstunde" PT15M, "eine Dreiviertelstunde" PT45M."""
    fraction = (groups.get("fraction") or "halb").lower()
    if "stunde" in groups["_text"].lower():
        return {"viertel": "PT15M", "dreiviertel": "PT45M"}.get(fraction, "PT30M")
    return {"viertel": "P3M", "dreiviertel": "P9M"}.get(fraction, "P6M")


def _set(groups: dict, ctx: Context) -> str | None:
    if groups.get("weekday"):
        return f"XXXX-WXX-{lexicon('weekdays')[groups['weekday'].lower()]}"
    if groups.get("weekdayadv"):
        return f"XXXX-WXX-{lexicon('weekdays_adverbial')[groups['weekdayadv'].lower()]}"
    if groups.get("part"):
        part = lexicon("day_parts")[groups["part"].lower()]
        if ctx.sentence_day and ctx.tense == "past":
            return f"{ctx.sentence_day.isoformat()}T{part}"  # "Am 17. Juli morgens …"
        return f"XXXX-XX-XXT{part}"
    if groups.get("season"):
        return f"XXXX-{lexicon('seasons')[groups['season'].lower()]}"
    if groups.get("freq"):
        return lexicon("frequencies")[groups["freq"].lower()]
    if groups.get("month") or groups.get("month2"):  # "jedes Jahr im Juni", "am 4. Dezember"
        month = int(lexicon("months")[(groups.get("month") or groups["month2"]).lower()])
        day = f"-{int(groups['day']):02d}" if groups.get("day") else ""
        return f"XXXX-{month:02d}{day}"
    unit = lexicon("units")[groups["unit"].lower()]
    number = _number(groups["number"]) if groups.get("number") else 1
    amount = _fmt_number(number or 1)
    return f"PT{amount}H" if unit == "H" else f"P{amount}{unit}"


def _set_clock(groups: dict, ctx: Context) -> str | None:
    """ "jeden Morgen um drei Uhr", "freitags um halb sieben", "abends um acht": the
    recurrence at its time (without a time: ``_set``)."""
    if not groups.get("hour"):
        return _set(groups, ctx)
    time = clock_time(groups)
    if time is None:
        return None
    hour, minute = time
    day = "XXXX-XX-XX"
    if groups.get("weekday") or groups.get("weekdayadv"):
        day = _set({key: groups[key] for key in ("weekday", "weekdayadv") if groups.get(key)}, ctx)
    return f"{day}T{hour:02d}:{minute:02d}"


# an amount up to three words before a rate's "im Monat": "1500 Euro brutto im Monat"
AMOUNT_BEFORE = (
    r"(?:\d|Euro|Franken|Dollar|Prozent|Mal|mal|Stunden|Kilometer|Liter|Millionen|Milliarden)"
    r"\w*(?:\s+[^\s\d,;]+){0,3}\s*$"
)


def _set_per(groups: dict, ctx: Context) -> str | None:
    """ "im Monat", "pro Tag" after an amount ("11.000 Euro im Monat", "100 Euro mehr im
    Monat") is a rate: a SET; a speed ("120 Kilometer pro Stunde") is a unit, no time."""
    unit = lexicon("units")[groups["unit"].lower()]
    if unit == "H" and re.search(r"(?i)(?:meter|metern|km|meilen|knoten)\s*$", ctx.before):
        return None
    per = re.match(r"(?i)(pro|je)\b", groups["_text"])
    if not per and not re.search(AMOUNT_BEFORE, ctx.before):
        return None
    return "PT1H" if unit == "H" else f"P1{unit}"


def _ref_period(groups: dict, ctx: Context) -> str | None:
    """ "in den kommenden Tagen" (the past counterpart is a duration: rules.txt)."""
    return "FUTURE_REF"


def _ref_past(groups: dict, ctx: Context) -> str | None:
    return "PAST_REF"


def _ref(groups: dict, ctx: Context) -> str | None:
    """ "jetzt", "damals", "künftig"; "früher" after an amount is a comparison ("zwei Wochen
    früher überweisen", "viel früher"), and before a noun an adjective ("ein früher Treffer",
    "der frühere Minister" is no match anyway), no time."""
    word = re.sub(r"\s+", " ", groups["ref"]).lower()
    if word == "früher" and re.search(AMOUNT_OF_TIME, ctx.before):
        return None
    if word == "früher" and re.match(r"\s+[A-ZÄÖÜ][a-zäöüß]", ctx.after):
        return None
    return lexicon("references")[word]


AMOUNT_OF_TIME = (
    r"(?i)\b(?:Tage|Tagen|Wochen|Monate|Monaten|Jahre|Jahren|Stunden|Minuten"
    r"|viel|etwas|deutlich|wesentlich)\s*$"
)
