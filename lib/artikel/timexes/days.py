"""Normalisers of days inside a week: weekdays and weekends by tense and the day of
writing, "darauf"/"davor" after the day last told, day anaphora ("am nächsten Tag") and clock
times on the day their sentence or paragraph names."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .context import Context, _number, clock_time
from .lexicon import lexicon


def with_time(day: date | str, groups: dict) -> str:
    """A day's value (or an underspecified one, "XXXX-WXX-1") with the clock time or the part
    of day the match wrote; "Freitagabend um 8 Uhr" is 20:00."""
    day = day if isinstance(day, str) else day.isoformat()
    part = lexicon("day_parts").get((groups.get("part") or "").lower())
    if groups.get("hour"):
        hour, minute = int(groups["hour"]), int(groups.get("minute") or 0)
        if hour < 12 and part in ("AF", "EV"):
            hour += 12
        return f"{day}T{hour:02d}:{minute:02d}"
    return f"{day}T{part}" if part else day


def unit_offset(groups: dict) -> int:
    """The offset a modifier gives ("kommenden" 1, "vergangenen" -1; ``relative_offsets``)."""
    if groups.get("offset"):
        return int(lexicon("relative_offsets").get(groups["offset"].lower(), "0"))
    return 0


def _seen_from_last_day(ctx: Context) -> tuple[date, int] | None:
    """The day last told and the direction (1 after, -1 before) when "darauf", "danach" or
    "davor" follows the expression ("am Sonntag darauf", "am Wochenende davor")."""
    following = re.match(r"\s*(darauf|danach|davor)\b", ctx.after)
    if not following or ctx.last_day is None:
        return None
    return ctx.last_day, -1 if following[1] == "davor" else 1


def weekend(groups: dict, ctx: Context) -> str | None:
    """ "am Wochenende": this week's or, in a past report on a weekday, the last one."""
    seen_from = _seen_from_last_day(ctx)
    if seen_from is not None:  # "am Wochenende davor": the weekend before the day just told
        day, step = seen_from  # after a weekday, the weekend of its own week
        weeks = -1 if step < 0 else int(day.isoweekday() >= 6)
        year, week, _ = (day + timedelta(weeks=weeks)).isocalendar()
        return f"{year:04d}-W{week:02d}-WE"
    if ctx.reference is None:
        return ctx.month_value or None
    offset = unit_offset(groups)
    weekend_begun = ctx.reference.isoweekday() >= 6
    if offset > 0:  # "am kommenden Wochenende" on a weekday: the one of this week
        offset = 1 if weekend_begun else 0
    elif re.match(r"(?i)für\b", groups["_text"]):  # "für das Wochenende" plans this one
        offset = 0
    elif re.match(r"(?i)(?:seit|vom)\b", groups["_text"]) and not re.match(r"\s*an\b", ctx.after):
        offset = 0 if weekend_begun else -1  # "seit dem Wochenende", "Krawalle vom Wochenende"
    elif not offset:
        offset = -1 if ctx.tense == "past" and not weekend_begun else 0
    year, week, _ = (ctx.reference + timedelta(weeks=offset)).isocalendar()
    return f"{year:04d}-W{week:02d}-WE"


def _weekday_number(groups: dict) -> int:
    """The ISO number (Monday = 1) of the weekday a match names."""
    return int(lexicon("weekdays")[groups["weekday"].lower()])


def weekday(groups: dict, ctx: Context) -> str | None:
    """ "am Montag": the day in the direction its modifier, preposition or tense gives."""
    wanted = _weekday_number(groups)
    # the weekday of a day just named: "am 14. August 1944, einem Montag", "fand am 5.
    # September 1921 statt, einem Montag", "Zwei Tage später, am Montag"
    apposition = re.search(r"(?:\beinem|,\s*(?:am|dem)?)\s*$", ctx.before)
    if apposition and ctx.sentence_day and ctx.sentence_day.isoweekday() == wanted:
        return with_time(ctx.sentence_day, groups)
    seen_from = _seen_from_last_day(ctx)
    if seen_from is None and "folgend" in groups["_text"].lower() and ctx.last_day:
        seen_from = ctx.last_day, 1  # "am folgenden Sonntag": as "am Sonntag darauf"
    if seen_from is not None:  # "am Sonntag darauf": the first Sunday after the day just told
        day, step = seen_from
        delta = (wanted - day.isoweekday()) * step % 7 or 7
        return with_time(day + timedelta(days=delta * step), groups)
    if ctx.reference is None:  # the month when only it is known; undated: underspecified
        return ctx.day_fallback or with_time(f"XXXX-WXX-{wanted}", groups)
    range_end = _range_end(wanted, ctx)
    if range_end is not None:  # "von Mittwoch bis Freitag": the first Friday after it
        return with_time(range_end, groups)
    prefix = groups["_text"][: groups["_text"].find(groups["weekday"])].lower()
    leading = ctx.before[-12:].lower() + prefix  # "morgen Sonntag" may be two expressions
    for word, step in NAMED_DAYS.items():  # "am gestrigen Sonntag", "für den heutigen Samstag"
        named = ctx.reference + timedelta(days=step)
        if re.search(rf"\b{word}\w*\s+$", leading) and named.isoweekday() == wanted:
            return with_time(named, groups)
    # "für Mittwoch angekündigt", "gilt ab Donnerstag", "bis Freitag abgeben"
    # ("bis Donnerstag hatten 30 Prozent abgestimmt" lies behind)
    limit = r"für|auf|ab" if ctx.tense == "past" else r"für|auf|ab|bis"
    planned = re.search(rf"\b(?:{limit})\s*$", ctx.before, re.I)
    # "seit Montag" lies behind, "morgen Sonntag" ahead
    if re.search(r"vergangen|letzt|seit|gestrig", prefix) or re.search(r"\bgestern\s*$", leading):
        direction = "past"  # on or before, as the yardstick's annotators settled it
    elif re.search(r"kommend|nächst|morgig", prefix) or re.search(r"\bmorgen\s*$", leading):
        direction = "next"
    elif _dates_a_thing(leading, ctx) or _cause_before_now(ctx, prefix):
        direction = "past"
    elif planned:  # planned for a day: that day or a later one ("für Montag geplant war")
        direction = "future"
    else:
        # against the publication day: a report of the past takes the last such day on or
        # before it, an announcement the next one after it; when only the month is known and
        # the text fixed a day, and in a narrative, whose anchor is a day it told, a past
        # event the occurrence nearest to that day
        published = _published(ctx)
        if ctx.tense == "past":
            direction = "past" if published and not ctx.narrative else "nearest"
        else:
            direction = "next" if published and ctx.tense == "future" else "future"
    delta = wanted - ctx.reference.isoweekday()
    if direction == "past":  # on or before the reference day
        delta = delta - 7 if delta > 0 else delta
    elif direction == "future":  # on or after the reference day
        delta = delta + 7 if delta < 0 else delta
    elif direction == "next":  # an announcement: the next such day after it
        delta = delta + 7 if delta <= 0 else delta
    else:  # a past event near the reported day: the closer occurrence, earlier on a tie
        delta = delta - 7 if delta > 3 else delta + 7 if delta < -3 else delta
    if re.search(r"vorletzt|vorvergangen|übernächst", prefix):  # one week further
        delta += 7 if delta > 0 else -7
    return with_time(ctx.reference + timedelta(days=delta), groups)


def _dates_a_thing(leading: str, ctx: Context) -> bool:
    """ "die Erklärung vom Sonntag", "der Beschluss von Mittwoch": a weekday that dates a
    thing names a day that has been; "vom Montag an", "von Montag bis Freitag" do not."""
    if re.match(r"\s*(?:an|bis|zu[mr]?|und)\b", ctx.after):
        return False
    if re.match(r"\s*auf\s+(?:den\s+)?[A-ZÄÖÜ\d]", ctx.after):
        return False  # "vom Samstag auf Sonntag"; "räumt nach dem Murgang vom Sonntag auf."
    return bool(
        re.search(r"\bvom\s+$", leading) or re.search(r"\b[A-ZÄÖÜ]\w*\s+von\s+$", ctx.before)
    )


def _cause_before_now(ctx: Context, prefix: str) -> bool:
    """ "Nach dem 1:1 gegen Rumänien am Montag bereitet sich das Team vor", "Wegen eines
    Unfalls am Dienstag ist die Strecke gesperrt": a present clause tells what follows from
    an event named with its weekday, which has happened; so does a clause that looks ahead
    from a cause ("wegen", "infolge", "trotz")."""
    if ctx.tense == "past" or not prefix.startswith(("am", "in der nacht")):
        return False
    cause = re.search(EVENT_BEFORE, ctx.before)
    # a plan after an event may lie ahead ("Nach dem Spiel am Sonntag wird er fliegen"); a
    # cause has happened ("Wegen eines Unfalls am Donnerstag muss … verschoben werden")
    return bool(cause) and (ctx.tense == "present" or not cause[0].lower().startswith("nach"))


# a preposition and a noun phrase of up to five words that ends in a noun or a score right
# before "am <weekday>" ("Wegen des Rennens sind am Sonntag …" has a verb in between)
EVENT_BEFORE = (
    r"\b(?:[Nn]ach|[Ww]egen|[Ii]nfolge|[Tt]rotz)\s+(?:de[mnrs]|die|eine[mnrs]?)\s+"
    r"(?:[^\s,;]+\s+){0,4}[A-ZÄÖÜ\d][^\s,;]*\s+$"
)


# "am heutigen / gestrigen / morgigen Sonntag": the day of writing, the day before, after
NAMED_DAYS = {"heutig": 0, "gestrig": -1, "morgig": 1}


def _range_end(wanted: int, ctx: Context) -> date | None:
    """The end of a range of weekdays whose start is the sentence's last day ("von Mittwoch
    bis Freitag", "in der Nacht von Samstag auf Sonntag", "zwischen Montag und Mittwoch"):
    the first such weekday after the start; None when no range leads to it."""
    names = "|".join(lexicon("weekdays"))
    opened = re.search(
        rf"(?i)\b(?:von|vom|zwischen)\s+(?:dem\s+)?(?P<first>{names})\w*\s+"
        r"(?:bis|auf|und)\s+(?:(?:zum|den|am)\s+)?$",
        ctx.before,
    )
    start = ctx.sentence_day
    if not opened or start is None:
        return None
    first = int(lexicon("weekdays")[opened["first"].lower()])
    if start.isoweekday() != first:
        return None
    return start + timedelta(days=(wanted - first) % 7 or 7)


def weekday_of_week(groups: dict, ctx: Context) -> str | None:
    """ "Freitag kommender Woche", "am Mittwoch vergangener Woche": that day of the week the
    modifier names, counted from the day of writing."""
    if ctx.reference is None:
        return weekday(groups, ctx)
    wanted = _weekday_number(groups)
    monday = ctx.reference - timedelta(days=ctx.reference.weekday())
    return with_time(monday + timedelta(weeks=unit_offset(groups), days=wanted - 1), groups)


def weekday_a_week_later(groups: dict, ctx: Context) -> str | None:
    """ "am Sonntag in einer Woche", "Montag in acht Tagen": a week after the next such day
    (on a Sunday, "Sonntag in einer Woche" is the Sunday seven days on)."""
    if ctx.reference is None:
        return weekday(groups, ctx)
    wanted = _weekday_number(groups)
    ahead = (wanted - ctx.reference.isoweekday()) % 7
    return with_time(ctx.reference + timedelta(days=ahead + 7 if ahead else 7), groups)


def weekday_weeks_ago(groups: dict, ctx: Context) -> str | None:
    """ "am Montag vor einer Woche", "Mittwoch vor zwei Wochen": the last such day on or
    before the day of writing, that many weeks further back."""
    weeks = _number(groups["number"])
    if ctx.reference is None or weeks is None:
        return weekday(groups, ctx)
    wanted = _weekday_number(groups)
    back = (ctx.reference.isoweekday() - wanted) % 7
    return with_time(ctx.reference - timedelta(days=back, weeks=weeks), groups)


def _last_day_in_tense(ctx: Context) -> date | None:
    """The day last told, unless the clause's tense points away from it across the day of
    writing: a past report is not about a day after it (it takes the last day told on or
    before the day of writing), a present or future one not about a day before it ("Am Abend
    wird er wieder dastehen" is today's evening)."""
    last = _in_tense(ctx.last_day, ctx)
    if last is None and ctx.tense == "past" and ctx.last_day is not None:
        return ctx.last_past_day
    return last


def _published(ctx: Context) -> bool:
    """Whether the reference day is the day of publication (not one the text suggested)."""
    return ctx.day is not None and ctx.reference == date(ctx.year, ctx.month, ctx.day)


def _in_tense(day: date | None, ctx: Context) -> date | None:
    """``day`` unless the clause's tense points away from it across the day of writing."""
    reference = ctx.reference
    if day is None or reference is None or ctx.narrative:
        return day
    if (ctx.tense == "past" and day > reference) or (ctx.tense != "past" and day < reference):
        return None
    return day


def _recurring_day(recurrence: str) -> str:
    """The day of a time inside a recurrence: its weekday ("XXXX-WXX-7" of "jeden Sonntag"),
    else any day."""
    weekday = re.match(r"XXXX-WXX-\d", recurrence)
    return weekday[0] if weekday else "XXXX-XX-XX"


def _undated_weekday(weekday: str | None, text: str) -> str | None:
    """The weekday of an undated "am Abend" ("XXXX-WXX-2") or "am nächsten Morgen" (the day
    after), from the weekday told last; None when none was told."""
    if weekday is None:
        return None
    return f"XXXX-WXX-{(int(weekday[-1]) - 1 + _day_step(text)) % 7 + 1}"


def _day_step(text: str) -> int:
    """The days a day anaphor counts from the day last told: 1 for "am nächsten Tag", -1 for
    "am Vortag", 0 for "am Abend" (``text`` in lower case)."""
    if re.search(r"folgenden|nächsten|darauffolgenden|darauf|danach", text):
        return 1
    return -1 if "vortag" in text else 0


def anaphoric_day(groups: dict, ctx: Context) -> str | None:
    """ "am nächsten Tag", "am Vortag": from the day last told (``_last_day_in_tense``), else
    the day of writing; a part of day inside a recurrence is the recurrence's ("täglich
    geöffnet, nur am Nachmittag")."""
    text = groups["_text"].lower()
    part = lexicon("day_parts").get((groups.get("part") or "").lower())
    if ctx.sentence_set is not None and part:  # "täglich geöffnet, nur am Nachmittag"
        return f"{_recurring_day(ctx.sentence_set)}T{part}"
    day = _last_day_in_tense(ctx) or ctx.reference
    if day is None:  # an undated story: the weekday it told last, else an unknown day
        undated = _undated_weekday(ctx.last_weekday, text) or "XXXX-XX-XX"
        return ctx.day_fallback or (f"{undated}T{part}" if part else undated)
    return with_time(day + timedelta(days=_day_step(text)), groups)


def midnight(groups: dict, ctx: Context) -> str | None:
    """ "um Mitternacht", "gegen Mitternacht": the end (T24:00) of the day a clock time
    would take, "nach Mitternacht" the start of the next; "seit Mitternacht", and a past
    report of the day of writing, its start."""
    if re.search(r"(?i)\bseit\s*$", ctx.before) or re.match(r"(?i)seit\b", groups["_text"]):
        return clock({"hour": "0"}, ctx)
    value = clock({"hour": "24"}, ctx)
    if (
        value
        and value.endswith("T24:00")
        and re.search(r"(?i)\bnach\s+Mitternacht", groups["_text"])
    ):
        day = date.fromisoformat(value[:10]) + timedelta(days=1)  # "kurz nach Mitternacht"
        return f"{day.isoformat()}T00:00"
    if ctx.tense == "past" and ctx.reference and _published(ctx) and not ctx.narrative:
        today = ctx.reference.isoformat()
        if value == f"{today}T24:00":  # "war gegen Mitternacht entdeckt worden": the night
            return f"{today}T00:00"  # behind the day of writing
    return value


NIGHT_ENDS = 6  # a clock time before this hour in a night told belongs to its morning


def clock(groups: dict, ctx: Context) -> str | None:
    """ "um 15 Uhr": on the day of its sentence (before it or later in its clause) or
    paragraph, else on the last day mentioned when the tense allows it
    (``_last_day_in_tense``), else on the day of writing: a live ticker's "12.40 Uhr:" is its
    own day; inside a recurrence, the recurrence's day."""
    time = clock_time(groups)
    if time is None:
        return None
    hour, minute = time
    if ctx.sentence_set is not None:  # "Jeden Sonntag legt sie um 14 Uhr ab"
        return f"{_recurring_day(ctx.sentence_set)}T{hour:02d}:{minute:02d}"
    last = _last_day_in_tense(ctx)
    paragraph = ctx.paragraph_day
    if paragraph and _published(ctx) and ctx.tense == "past" and paragraph > ctx.reference:
        paragraph = None  # a past report is not about the day ahead told before it
    # "Um 14.30 Uhr begann die Sitzung am 4. März": the day its sentence names after it
    day = ctx.sentence_day or ctx.day_later or paragraph or last or ctx.reference
    if not ctx.before.strip() and ctx.after.lstrip().startswith(":") and not ctx.narrative:
        day = ctx.reference or day  # a ticker's stamp "16.45 Uhr: …" opens an entry of today
    if day is None:  # an undated text: the weekday it told last, if any
        return f"{ctx.last_weekday or 'XXXX-XX-XX'}T{hour:02d}:{minute:02d}"
    if hour < NIGHT_ENDS and day == ctx.night:  # "in der Nacht zum 16. März … gegen 2.30 Uhr"
        day += timedelta(days=1)
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}"
