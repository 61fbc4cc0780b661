"""Expressions counted from another time: from the day of writing ("vor drei Tagen", "heute",
"in zehn Tagen", "heute vor 25 Jahren") or from a date told before ("zwei Tage später", "im
Jahr darauf", "im Vorjahresmonat")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .context import Context, _number
from .days import with_time
from .durations import _duration
from .lexicon import lexicon
from .normalise import SEASON_START


def _ago(groups: dict, ctx: Context) -> str | None:
    number, unit = _number(groups["number"]), lexicon("units")[groups["unit"].lower()]
    if number is None or ctx.year is None:
        return None
    if number != int(number) and unit == "Y" and ctx.month:
        # "vor zweieinhalb Jahren": the month that many months back
        return _ago({**groups, "number": str(round(number * 12)), "unit": "Monaten"}, ctx)
    if number != int(number) and unit == "W":
        # "vor anderthalb Wochen": the week of the day that many days back
        day = _ago({**groups, "number": str(round(number * 7)), "unit": "Tagen"}, ctx)
        return _week_of(day) if day and len(day) == 10 else day
    if number != int(number):
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


def _week_of(day: str) -> str:
    year, week, _ = date.fromisoformat(day).isocalendar()
    return f"{year:04d}-W{week:02d}"


def _later(groups: dict, ctx: Context) -> str | None:
    """ "zwei Tage später", "vier Jahre zuvor": a date counted from the last date told in
    its own right (``Context.count_day``; else the last one mentioned, else the reference);
    days counted from a month or year told after the last day stay in that month or year."""
    number, unit = _number(groups["number"]), lexicon("units")[groups["unit"].lower()]
    words = groups["number"].lower()
    if "halb" in words and unit == "Y":  # "ein halbes Jahr später": six months
        number, unit = 6, "M"
    elif "weiter" in words:  # "ein weiteres Jahr später"
        number = 1
    if number is None or number != int(number):
        return None
    count = -int(number) if groups.get("back") else int(number)
    base = ctx.count_day or ctx.last_day or ctx.reference
    told = ctx.count_date or ctx.last_date
    day_told = ctx.count_day or ctx.last_day
    if unit in ("D", "W") and told and told[0] and day_told and (base.year, base.month) != told:
        year, month = told  # a month told after the last day: "im Februar 1988 …; zwei Tage
        return f"{year:04d}-{month:02d}" if month else f"{year:04d}"  # später" lies in it
    if base is not None and unit in ("D", "W"):
        return (base + timedelta(days=count if unit == "D" else 7 * count)).isoformat()
    year, month = ctx.count_date or ctx.last_date or (ctx.year, ctx.month)
    if "weiter" in words and ctx.last_date:  # one step further than the date just told
        year, month = ctx.last_date
    if year is None:
        return None
    if unit == "Y":
        return f"{year + count:04d}"
    if unit == "M" and month:
        index = year * 12 + month - 1 + count
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return ctx.month_value or None


def _anaphoric_unit(groups: dict, ctx: Context) -> str | None:
    """ "im selben Sommer", "im Jahr darauf", "im Jahr zuvor": the unit of the last date
    mentioned, or the one after or before it (else of the article's date)."""
    word = (groups.get("unit") or groups["unit2"]).lower()
    step = 0 if (groups.get("which") or "").lower() in ("selben", "gleichen") else 1
    if (groups.get("after") or "").lower() in ("davor", "zuvor"):
        step = -1
    year, month = ctx.last_date or (ctx.year, ctx.month)
    if year is None:
        return None
    season = lexicon("seasons").get(word)
    if season and step < 0:  # the last occurrence that ended before the month told
        ended = [
            y
            for y in range(year - 2, year + 1)
            if y * 12 + SEASON_START[season] + 2 < year * 12 + (month or 12)
        ]
        return f"{max(ended):04d}-{season}"
    if season:
        if step and (month is None or SEASON_START[season] <= month):
            year += 1
        return f"{year:04d}-{season}"
    if word.startswith("jahr"):
        return f"{year + step:04d}"
    if word.startswith("monat"):
        if month is None:
            return None
        index = year * 12 + month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    day = ctx.last_day or ctx.reference
    if day is None:
        return None
    iso_year, week, _ = (day + timedelta(weeks=step)).isocalendar()
    return f"{iso_year:04d}-W{week:02d}"


def _generic_today(ctx: Context) -> bool:
    """ "heute" as nowadays: "bis heute", or set against a past in its sentence or the one
    before ("damals …, heute …", "In den Sechzigerjahren … Heute …", "1952 … heute")."""
    if re.search(r"\bbis\s*$", ctx.before, re.I):
        return True
    context = f"{ctx.previous} {ctx.before}"
    words = set(re.findall(r"\w+", context.lower()))
    if words & set(lexicon("past_contrast")):
        return True
    if re.search(r"\w+er-?[Jj]ahren\b|\bJahrzehnt|\bJahrhundert", context):
        return True
    years = [int(y) for y in re.findall(r"\b(1[5-9]\d\d|20\d\d)\b", context)]
    return bool(ctx.year and any(y < ctx.year - 1 for y in years))


def _relative_day(groups: dict, ctx: Context) -> str | None:
    offset = int(lexicon("relative_days")[groups["offset"].lower()])
    if offset == 0 and not groups.get("part") and (ctx.narrative or _generic_today(ctx)):
        return "PRESENT_REF"  # "heute" in a history narrative or set against a past
    if ctx.reference is None:
        if ctx.year is None:
            return {0: "PRESENT_REF", -1: "PAST_REF", -2: "PAST_REF"}.get(offset, "FUTURE_REF")
        return ctx.month_value
    return with_time(ctx.reference + timedelta(days=offset), groups)


def _in_future(groups: dict, ctx: Context) -> str | None:
    """ "in zehn Tagen": the day, week, month or year that far after the day of writing
    (a past-tense narrative's "in zwei Jahren" is a duration)."""
    number = _number(groups["number"])
    unit = lexicon("units")[groups["unit"].lower()]
    if number is None or ctx.tense == "past" or ctx.year is None:
        return _duration(groups, ctx)
    if unit == "Y":
        return f"{ctx.year + round(number):04d}"
    if unit == "M" and ctx.month:
        index = ctx.year * 12 + ctx.month - 1 + round(number)
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if ctx.reference is None:
        return ctx.month_value or None
    days = number * (7 if unit == "W" else 1)
    target = ctx.reference + timedelta(days=round(days))
    if unit == "W":
        year, week, _ = target.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return target.isoformat()


def _same_day_ago(groups: dict, ctx: Context) -> str | None:
    """ "Heute vor 25 Jahren": the day of writing that many years earlier."""
    number = _number(groups["number"])
    if number is None or number != int(number) or ctx.reference is None:
        return _ago(groups, ctx)
    day = ctx.reference
    try:
        return day.replace(year=day.year - int(number)).isoformat()
    except ValueError:  # 29 February
        return day.replace(year=day.year - int(number), day=28).isoformat()


def _previous_year_month(groups: dict, ctx: Context) -> str | None:
    """ "im Vorjahresmonat": the month last told, one year earlier."""
    if not ctx.last_date or ctx.last_date[1] is None:
        return None
    year, month = ctx.last_date
    return f"{year - 1:04d}-{month:02d}"
