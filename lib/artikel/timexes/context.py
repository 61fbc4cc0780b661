"""What a normaliser may know (the article date, the text around, what came before) and
the number words the rules read."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from .lexicon import lexicon
from .sections import Section

HISTORY_YEARS = 2


@dataclass
class Context:
    """What normalisation may use: the article date and what the text said before."""

    year: int | None
    month: int | None
    day: int | None
    reference: date | None = None  # the day of writing, when the text fixes it
    last_day: date | None = None  # the latest day-level date mentioned so far
    last_past_day: date | None = None  # the latest mentioned on or before the reference
    tense: str = "present"
    narrative: bool = False
    sentence_day: date | None = None  # a day-level date earlier in the same sentence
    day_later: date | None = None  # an explicit day later in the same clause
    sentence_year: int | None = None  # a year named earlier in the same sentence
    year_in_clause: bool = False  # that year stands in the expression's own clause
    sentence_set: str | None = None  # a recurrence earlier in the sentence ("jeden Sonntag")
    before: str = ""  # the text of the sentence before the match
    after: str = ""  # the text of the sentence after the match
    year_window: int | None = None  # bare numbers further from the dct are no years (news)
    last_date: tuple[int, int | None] | None = None  # (year, month) last mentioned
    # what "drei Tage später" counts from: the last date told in its own right, not one told
    # from another ("am nächsten Morgen", "im selben Sommer") or a thing's date ("von 1963")
    count_day: date | None = None
    count_date: tuple[int, int | None] | None = None
    paragraph_day: date | None = None  # the last day mentioned in the same paragraph
    paragraph_date: tuple[int, int | None] | None = None  # (year, month) last in the paragraph
    last_weekday: str | None = None  # an undated text's last weekday told ("XXXX-WXX-2")
    night: date | None = None  # the evening's day of the night last told, while it is current
    previous: str = ""  # the previous sentence of the same paragraph
    section: Section | None = None  # a narrative's section years, from its heading

    def implausible(self, year: int) -> bool:
        """Whether a bare number is too far from the article's date to be its year."""
        if self.narrative or self.year is None or self.year_window is None:
            return False
        return abs(year - self.year) > self.year_window

    def in_history(self) -> Context:
        """A past-tense clause in a news paragraph whose last date lies ``HISTORY_YEARS`` or
        more before the article's tells that history: read it like a narrative from that date
        ("Am 28. November 1956 … am 1. Dezember fand man …")."""
        if self.narrative or self.tense != "past" or not self.paragraph_date or not self.year:
            return self
        year, month = self.paragraph_date
        if year > self.year - HISTORY_YEARS:
            return self
        return replace(self, year=year, month=month, narrative=True)

    @property
    def month_value(self) -> str:
        """The publication month as a value (the fallback of unresolvable day references)."""
        if self.year is None:
            return ""
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    @property
    def day_fallback(self) -> str:
        """The month a day reference falls back to when only it is known; "" when not even
        the month is (a story told from a year: "am Abend" stays "XXXX-WXX-5TEV")."""
        return self.month_value if self.month else ""


def _number(text: str) -> float | None:
    text = text.strip().lower().replace(",", ".")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    value = lexicon("numbers").get(text)
    return float(value) if value else None


def clock_time(groups: dict) -> tuple[int, int] | None:
    """(hour, minute) of a clock time in digits or words: "14.30 Uhr", "drei Uhr", "halb
    sieben" (6:30), "sechs Uhr abends" (18:00); None for no time of day."""
    hour = _number(groups.get("hour") or "")
    if hour is None or hour != int(hour):
        return None
    hour, minute = int(hour), int(groups.get("minute") or groups.get("minute2") or 0)
    if groups.get("half"):  # "halb sieben" is 6:30
        hour, minute = hour - 1, 30
    word = (groups.get("part") or groups.get("part2") or "").lower()
    part = lexicon("day_parts").get(word)
    if hour < 12 and (part in ("AF", "EV") or (part == "NI" and hour >= 6)):
        hour += 12  # "abends um acht", "sechs Uhr abends"
    return (hour, minute) if 0 <= hour <= 24 and 0 <= minute < 60 else None


def _fmt_number(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)
