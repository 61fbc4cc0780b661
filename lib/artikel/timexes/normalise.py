"""TIMEX3 values from a rule match, the article date (dct) and the text; calendar anchors."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.easter import easter

from .context import Context
from .days import (
    EVENT_BEFORE,
    unit_offset,
    weekday,
    with_time,
)
from .lexicon import lexicon

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def same_timex_value(predicted: str, gold: str) -> bool:
    """TIMEX3 values compared as ISO 8601 writes them: 24:00 of a day is 00:00 of the next
    ("2010-12-30T24:00" = "2010-12-31T00:00"), so either way of writing midnight counts."""
    return _midnight_as_start(predicted) == _midnight_as_start(gold)


def _midnight_as_start(value: str) -> str:
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T24:00", value or "")
    if not match:
        return value
    return f"{(date.fromisoformat(match[1]) + timedelta(days=1)).isoformat()}T00:00"


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


def _closest_year(ctx: Context, month: int, day: int | None = None) -> int | None:
    """The year of a month (and day) written without one, chosen by tense and closeness."""
    ctx = ctx.in_history()
    if ctx.year is None:
        return None
    if ctx.month is None:
        return ctx.year
    here = ctx.year * 12 + ctx.month
    if ctx.narrative:  # the occurrence nearest to the last date mentioned, later on a tie
        candidates = [ctx.year - 1, ctx.year, ctx.year + 1]
        section = ctx.section
        if section:  # the months its heading names first, else its years
            for inside in (lambda y: section.holds_month(y, month), section.holds):
                if any(inside(y) for y in candidates):
                    candidates = [y for y in candidates if inside(y)]
                    break
        return min(candidates, key=lambda y: (abs(y * 12 + month - here), y < ctx.year))
    return _year_by_tense(ctx, lambda y: (y * 12 + month, y * 12 + month))


RECENT_MONTHS = 2


def _year_by_tense(ctx: Context, months: Callable[[int], tuple[int, int]]) -> int:
    """Of last, this and next year, the one whose occurrence (``months``: its first and last
    month as year * 12 + month) the tense points to: the latest begun by the article's month
    for the past, the earliest not yet over for the future and the present, unless in the
    present one ended in the last ``RECENT_MONTHS`` months."""
    here = ctx.year * 12 + ctx.month
    years = [ctx.year - 1, ctx.year, ctx.year + 1]
    if ctx.tense == "past":
        return max((y for y in years if months(y)[0] <= here), default=ctx.year)
    upcoming = min((y for y in years if months(y)[1] >= here), default=ctx.year)
    if ctx.tense == "future":
        return upcoming
    # the present: the occurrence ahead (news tell plans in the present: "die Baustelle bleibt
    # bis Oktober") unless one ended within RECENT_MONTHS ("die Regenmengen im Juni" in July)
    ended = [y for y in years if months(y)[1] < here]
    if ended and here - months(max(ended))[1] <= RECENT_MONTHS:
        return max(ended)
    return upcoming


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


def _absolute(groups: dict, ctx: Context) -> str | None:
    month = _month_of(groups)
    year = _year_of(groups, ctx)
    day = int(groups["day"]) if groups.get("day") else None
    if month is None:
        return f"{year:04d}" if year else None
    sentence_year = ctx.sentence_year if not ctx.narrative else None
    in_clause = ctx.year_in_clause  # "weil die Osterferien heuer erst Mitte April beginnen"
    if year is None and sentence_year and (
        in_clause or not _against_tense(ctx, sentence_year * 12 + month)
    ):
        year = sentence_year  # "Im vergangenen Jahr war er am 19. Mai befahrbar"
    told = ctx.paragraph_date
    if year is None and told and told[1] == month and ctx.tense != "future":
        year = told[0]  # "… im März 1997 auf die Spur gekommen. Am 14. März beobachteten …"
    if year is None:
        if _since(groups, ctx) or _dates_a_thing(groups, ctx):
            ctx = Context(ctx.year, ctx.month, ctx.day, tense="past", narrative=ctx.narrative)
        year = _closest_year(ctx, month, day)
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}" if day else f"XXXX-{month:02d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return with_time(date(year, month, day), groups)
    except ValueError:
        return None


def _dates_a_thing(groups: dict, ctx: Context) -> bool:
    """ "eine Vereinbarung vom Dezember", "der Beschluss vom 3. März": a date that names a
    thing that exists names a time that has been ("vom 1. Juli an" starts a period)."""
    after_vom = re.search(r"\bvom\s+$", ctx.before) or re.match(r"(?i)vom\b", groups["_text"])
    return bool(after_vom) and not re.match(r"\s*(?:an|bis|auf|zu[mr]?)\b", ctx.after)


def _against_tense(ctx: Context, months: int) -> bool:
    """Whether a month (year * 12 + month) lies after the article's month in a past-tense
    clause, or before it in a future one ("Der Fasching ist heuer kurz: Er begann am 11.
    November" in February is last November, whatever year the sentence named)."""
    if ctx.year is None or ctx.month is None:
        return False
    here = ctx.year * 12 + ctx.month
    return (ctx.tense == "past" and months > here) or (ctx.tense == "future" and months < here)


def _night_before(groups: dict, ctx: Context) -> str | None:
    """ "in der Nacht zum Sonntag", "in der Nacht auf den 14. August": the night that ends on
    that day, written as the day before with TNI (Saturday's night)."""
    plain = {**groups, "part": None}
    day = weekday(plain, ctx) if groups.get("weekday") else _absolute(plain, ctx)
    if day and re.fullmatch(r"\d{4}-\d\d-\d\d", day):
        return f"{(date.fromisoformat(day) - timedelta(days=1)).isoformat()}TNI"
    if day and re.fullmatch(r"XXXX-WXX-\d", day):
        return f"XXXX-WXX-{(int(day[-1]) - 2) % 7 + 1}TNI"
    return day


# "seit" and a noun phrase of up to five words before "am <date>": the event has happened
SINCE_EVENT = r"\b[Ss]eit\s+(?:de[mnr]|einer?|einem)\s+(?:[^\s,;]+\s+){0,4}[A-ZÄÖÜ\d][^\s,;]*\s+$"


def _since(groups: dict, ctx: Context) -> bool:
    """ "seit Mai", "seit dem Herbst", "seit Anfang Mai": a time already begun; and the day
    of an event that something has lasted since ("seit dem EU-Beitritt am 1. Jänner") or
    that a present clause tells the result of ("Nach dem Unfall am 3. März ist …")."""
    text = groups["_text"]
    if re.match(r"(?i)seit\b", text) or re.search(r"(?i)\bseit\s*$", ctx.before):
        return True
    if not re.match(r"(?i)am\b", text):
        return False
    return bool(re.search(SINCE_EVENT, ctx.before)) or (
        ctx.tense == "present" and bool(re.search(EVENT_BEFORE, ctx.before))
    )


# a noun that numbers things right before a four-digit number makes it a name, not a year
NUMBERED_THING = r"\b(?:Modell\w*|Linie|Typ|Nummer|Nr\.|Serie|Baureihe|RB|RE|ICE|IC|Flug)\s+[„\"]?$"


def _year(groups: dict, ctx: Context) -> str | None:
    has_prefix = bool(re.match(r"(?i)(seit|im|vor)\b", groups["_text"]))
    temporal_before = re.search(
        r"(?i)\b(bis|ab|von|zwischen|nach|Jahr|Jahren|Saison)\s*$"
        r"|\b(?:1[0-9]|20)\d\d\s+(?:und|oder)\s*$",
        ctx.before,
    )
    capital_after = re.match(r"[ \t]+[A-ZÄÖÜ]\w+", ctx.after)  # on the same line
    if not has_prefix and not temporal_before and capital_after:
        return None  # "2000 Menschen": a number, not a year
    if re.search(NUMBERED_THING, ctx.before):
        return None  # "das Modell 1920", "die Linie 1920": a name
    year = int(groups["year"])
    # Evidence that a bare number is a year: it starts the sentence ("1898 lag …") or a
    # word or the clause's end follows ("wurde 1191 gegründet", "… im Jahr davor, 1191.").
    clause_evidence = not ctx.before.strip() or re.match(
        r"[ \t]*(?:[a-zäöüß]|[.,;:)]|$)", ctx.after
    )
    if not (has_prefix or temporal_before or clause_evidence) and ctx.implausible(year):
        return None  # a bare number far from the article's date: a count, not a year
    if re.search(
        r"(?i)\b(mehr|weniger) als\s*$|\b(rund|etwa|knapp|fast|gut|insgesamt|über)\s*$", ctx.before
    ):
        return None  # "auf mehr als 1500": a quantity
    return groups["year"]


def _year_bc(groups: dict, ctx: Context) -> str | None:
    return f"BC{int(groups['year']):04d}"


def _year_short_second(groups: dict, ctx: Context) -> str | None:
    """The second year of "1870/71": its century from the first."""
    first = re.search(r"(\d\d)\d\d[/–-]$", ctx.before)
    return f"{first.group(1)}{groups['short']}" if first else None


def _century(groups: dict, ctx: Context) -> str | None:
    return f"{int(groups['century']) - 1:02d}"


def _decade(groups: dict, ctx: Context) -> str | None:
    if groups.get("decadeword"):  # "die Zwanzigerjahre": this century's only when not past
        tens = int(lexicon("decades")[groups["decadeword"].lower()])
        this = ctx.year and tens * 10 <= ctx.year % 100 and ctx.tense != "past"
        return f"{20 if this else 19}{tens}"
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
    return ctx.year + unit_offset(groups)


def _season(groups: dict, ctx: Context) -> str | None:
    code = lexicon("seasons")[groups["season"].lower()]
    if groups.get("offset") and ctx.year and ctx.month and not groups.get("year"):
        if offset := unit_offset(groups):
            return f"{_season_occurrence(code, ctx.year, ctx.month, offset):04d}-{code}"
        # "dieser Winter" in February is the one that began in December
        return f"{_season_year(code, replace(ctx, tense='present')):04d}-{code}"
    ctx = ctx if groups.get("offset") else ctx.in_history()
    year = _shifted_year(groups, ctx)
    if year is None:  # an undated text: "im Sommer" of an unknown year
        return None if groups.get("offset") else f"XXXX-{code}"
    if groups.get("year") or groups.get("offset") or ctx.narrative or not ctx.month:
        return f"{year:04d}-{code}"
    if _since(groups, ctx):
        ctx = replace(ctx, tense="past")
    return f"{_season_year(code, ctx):04d}-{code}"


def _month_offset(groups: dict, ctx: Context) -> str | None:
    """ "im kommenden August": the next August after the article's month; "im vergangenen
    Oktober" the last before it; "diesen Juli" this year's (XXXX-MM in an undated text)."""
    month, offset = _month_of(groups), unit_offset(groups)
    if month is None:
        return None
    if ctx.year is None or ctx.month is None:
        return f"{ctx.year:04d}-{month:02d}" if ctx.year else f"XXXX-{month:02d}"
    year = ctx.year
    if offset > 0:
        year += month <= ctx.month
    elif offset < 0:
        year -= month >= ctx.month
    return f"{year:04d}-{month:02d}"


def _season_occurrence(code: str, year: int, month: int, offset: int) -> int:
    """The year of the next season of its name that begins after the month (offset 1:
    "im kommenden Winter" in October is the winter that begins in December), or of the last
    that ended before it (offset -1: "im vergangenen Sommer" in October is this year's)."""
    first, last = SEASON_MONTHS[code]
    now = year * 12 + month
    spans = [
        (y, y * 12 + first, y * 12 + last + 12 * (last < first)) for y in range(year - 2, year + 3)
    ]
    if offset > 0:
        return min(y for y, start, _ in spans if start > now)
    return max(y for y, _, end in spans if end < now)


def _season_year(code: str, ctx: Context) -> int:
    """The year of a season written without one, by tense like a month: a past-tense
    "im Herbst" in January is last autumn, a planned "im Frühling" in November the next
    spring, the present takes the nearest ("im Winter" in January: the current winter)."""
    first, last = SEASON_MONTHS[code]
    # the months of the season of year y (the winter runs into y + 1)
    return _year_by_tense(ctx, lambda y: (y * 12 + first, y * 12 + last + 12 * (last < first)))


def _quarter(groups: dict, ctx: Context) -> str | None:
    """ "im vierten Quartal", "in der zweiten Jahreshälfte": of the article's year, or, without
    a year or modifier, of the year before when a past report names one still to come
    ("brach im vierten Quartal ein" in January) and of the next when a plan names one over."""
    number = int(lexicon("ordinals")[groups["ordinal"].lower()])
    year = _shifted_year(groups, ctx)
    if year is None:
        return None
    half = groups["unit"] in ("Halbjahr", "Jahreshälfte")
    number = min(number, 2) if half else number
    first, last = (6 * number - 5, 6 * number) if half else (3 * number - 2, 3 * number)
    if ctx.month and not groups.get("year") and not groups.get("offset") and not ctx.narrative:
        if ctx.tense == "past" and first > ctx.month:
            year -= 1
        elif ctx.tense == "future" and last < ctx.month:
            year += 1
    return f"{year:04d}-H{number}" if half else f"{year:04d}-Q{number}"


def _week(groups: dict, ctx: Context) -> str | None:
    week = int(groups.get("week") or groups.get("week2"))
    if ctx.year is None or not 1 <= week <= 53:
        return None
    return f"{ctx.year:04d}-W{week:02d}"


def _relative_unit(groups: dict, ctx: Context) -> str | None:
    if ctx.year is None:
        return None
    offset = unit_offset(groups)
    unit = (groups.get("unit") or groups.get("swiss") or groups.get("mod", "")).lower()
    if unit.startswith("jahr"):
        return f"{ctx.year + offset:04d}"
    if unit.startswith("monat"):
        year, month = ctx.year, ctx.month
        told = ctx.last_date
        if (groups.get("this") or "").lower() == "des" and told and told[1]:
            months = "|".join(map(re.escape, lexicon("months")))
            if re.search(rf"(?i)\b(?:{months})(?!\w)", ctx.previous + " " + ctx.before):
                year, month = told  # "im März … Ende des Monats": the month just told
        if month is None:
            return None
        index = year * 12 + month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if ctx.reference is None:
        return ctx.month_value
    monday = ctx.reference + timedelta(weeks=offset)
    year, week, _ = monday.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _month_relative_year(groups: dict, ctx: Context) -> str | None:
    """ "im März nächsten Jahres", "im Juli des Vorjahres" from the article's year; "im März
    des folgenden Jahres" from the year last mentioned; also a day ("am 11. April kommenden
    Jahres") or a season ("im Herbst nächsten Jahres") in that year."""
    which = (groups.get("which") or "").lower()
    year = (ctx.last_date or (ctx.year, None))[0] if which else ctx.year
    if year is None:
        return None
    step = 1 if "folgend" in which else -1 if groups.get("prior") else unit_offset(groups)
    if groups.get("season"):
        return f"{year + step:04d}-{lexicon('seasons')[groups['season'].lower()]}"
    value = f"{year + step:04d}-{_month_of(groups):02d}"
    return f"{value}-{int(groups['day']):02d}" if groups.get("day") else value


def _relative_year(groups: dict, ctx: Context) -> str | None:
    offset = int(lexicon("relative_years")[re.sub(r"\s+", " ", groups["offset"]).lower()])
    return f"{ctx.year + offset:04d}" if ctx.year else None


def _new_year(groups: dict, ctx: Context) -> str | None:
    """ "das neue Jahr": the next year seen from the second half of a year (or a year without
    its month), the year begun seen from its first half."""
    if ctx.year is None:
        return None
    return f"{ctx.year + (ctx.month is None or ctx.month > 6):04d}"


SEASON_START = {code: months[0] for code, months in SEASON_MONTHS.items()}  # SP 3 … WI 12


def _holiday(groups: dict, ctx: Context) -> str | None:
    """A named day ("Heiligabend", "Ostermontag") in its year: the one written, else the
    occurrence nearest the article date in the tense's direction."""
    rule = lexicon("holidays")[re.sub(r"\s+", " ", groups["holiday"]).lower()]
    rule, _, part = rule.partition("T")  # "Silvesternacht": 12-31TNI
    part = f"T{part}" if part else ""
    year = int(groups["year"]) if groups.get("year") else None
    if year is None:
        if ctx.year is None:
            return f"XXXX-{rule}{part}" if not rule.startswith("easter") else None
        year = ctx.year
        if ctx.month and not rule.startswith("easter"):
            month = int(rule[:2])
            year = _closest_year(ctx, month, int(rule[3:])) or ctx.year
    if rule.startswith("easter"):
        return (easter(year) + timedelta(days=int(rule[6:]))).isoformat() + part
    return f"{year:04d}-{rule}{part}"


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
