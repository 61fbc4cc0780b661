"""Temporal expressions: find them with the rules of ``resources/de/time/`` and normalise
them to TIMEX3 values from the article date (dct) and the text only.

Notes:
    The rule format and the normalisation conventions follow TIMEX3 and HeidelTime
    (Strötgen & Gertz 2013): the rules and lexicons here were written anew. News articles
    often carry only the month of publication: a weekday then denotes the month, unless an
    explicit date in the text fixes the day of writing (the *reference day*, taken as the
    latest explicit date inside the publication month that is written with its weekday or
    falls on a weekday the text names), in which case weekdays are resolved in its week,
    backwards for past-tense sentences and forwards otherwise.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span

from .lexicon import lexicon
from .normalise import SEASON_START, Context, Timex, _absolute, _month_of, anchors
from .normalisers import NORMALISERS
from .rules import Rule, load_rules
from .sections import heading_sections, section_at
from .tense import clause_tense, is_pluperfect, sentence_tense

__all__ = [
    "Rule",
    "Timex",
    "anchors",
    "find_timexes",
    "lexicon",
    "load_rules",
    "looks_narrative",
    "sentence_tense",
]

NARRATIVE_YEARS_BACK = 2
NARRATIVE_MIN_YEARS = 6
YEAR_WINDOW = 100

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
    numeric datelines fix the week first; other dates of non-future sentences come next (the
    caller keeps those that fall on a weekday the text names)."""
    if year and month and day:
        return date(year, month, day)
    if year and month:
        inside = [d for d in explicit if (d.year, d.month) == (year, month)]
        return max(inside) if inside else None
    return None


def _year_and_month(value: str) -> tuple[int, int | None] | None:
    """(year, month) of a dated value; a season counts from its first month."""
    parts = re.match(r"(\d{4})(?:-(\d{2})|-(SP|SU|FA|WI))?", value)
    if not parts:
        return None
    month = int(parts[2]) if parts[2] else SEASON_START.get(parts[3] or "")
    return int(parts[1]), month


# a date that dates a thing ("das Ultimatum vom 23. Juli 1914") rather than the sentence's event
SPAN_OPENER = re.compile(r"(?i)(?:seit|bis|ab)\b")  # "seit 2015" gives no year to what follows
SPAN_BEFORE = re.compile(r"(?i)\b(?:seit|bis|ab)\s+$")  # nor "bis 2009" when "bis" is outside
SINCE_BEFORE = re.compile(r"(?i)\bseit\b[^,.;:]*$")  # nor "seit der Ermordung Sadats 1981"
ATTRIBUTIVE = re.compile(r"(?i)vo[mn]\b")
# expressions told from another date: a count ("drei Tage später") starts before them
TOLD_FROM_ANOTHER = frozenset({"anaphoric", "anaphoric_unit"})
ATTRIBUTIVE_BEFORE = re.compile(r"(?i)\bvo[mn]\s*$")
# the end of a range ("bis zum 9. Januar 1916") does not move the story there
RANGE_END = re.compile(r"(?i)bis\b")
RANGE_END_BEFORE = re.compile(r"(?i)\bbis(?:\s+(?:zum|zur|in\s+den|ins|Ende|Mitte))?\s*$")
# normalisers of relative years: one that reaches a later year moves a narrative's anchor
FORWARD_YEAR_NORMALISERS = frozenset(
    {"relative_unit", "anaphoric_unit", "relative_year", "new_year"}
)


def _parse_dct(dct: str) -> tuple[int | None, int | None, int | None]:
    parts = [int(p) for p in dct.split("-")] if dct else []
    return tuple(parts + [None] * (3 - len(parts)))[:3]  # type: ignore[return-value]


# normalisers of a date in the lead that ties a text to its day of writing
DEICTIC_OPENERS = frozenset({"weekday", "relative_day", "weekday_of_week", "weekend"})
LEAD_SENTENCES = 2  # the lead: the first sentences of an article


def looks_narrative(matches: list[_Match], year: int | None) -> bool:
    """Whether a dated text tells history rather than news: most of its explicit years (at
    least ``NARRATIVE_MIN_YEARS``) lie more than ``NARRATIVE_YEARS_BACK`` years before the
    publication year, and its first date is no weekday or "heute"/"gestern" of its own day
    (an anniversary report opens on the day of writing). An undated text is a narrative
    when it names years at all: its dates then anchor what follows ("Am Abend des 11.
    Februar 1903 … Am folgenden Sonntag"); without years its values stay underspecified."""
    if year is None:
        return any(len(m.groups.get("year", "")) == 4 for m in matches)
    dated = [m for m in matches if m.rule.type in ("DATE", "TIME")]
    if dated:
        lead = list(itertools.islice(dated[0].sentence.doc.sents, LEAD_SENTENCES))
        lead_end = lead[-1].end_char
        if any(m.rule.normaliser in DEICTIC_OPENERS for m in dated if m.start < lead_end):
            # news whose lead tells its own day ("Am 4. Juli 1920 nahm die Bahn den Betrieb
            # auf; am Samstag feierte die Gemeinde das Jubiläum") and looks back
            return False
    years = [
        -int(m.groups["year"]) if m.rule.normaliser == "year_bc" else int(m.groups["year"])
        for m in matches
        if m.rule.normaliser == "year_bc" or len(m.groups.get("year", "")) == 4
    ]
    distant = [y for y in years if y < year - NARRATIVE_YEARS_BACK]
    return len(distant) >= NARRATIVE_MIN_YEARS and 2 * len(distant) > len(years)


def find_timexes(
    sentences: list[Span],
    dct: str,
    *,
    narrative: bool | None = None,
    year_window: int | None = YEAR_WINDOW,
) -> list[Timex]:
    """Temporal expressions of a document, normalised against ``dct`` (``YYYY[-MM[-DD]]``).

    Args:
        sentences: the sentences to search (spaCy spans of one Doc), in text order.
        dct: the publication date as known ("" when unknown).
        narrative: for history-style narratives (HeidelTime's "narratives" type): a date
            without a year, or a relative one, is read from the latest date mentioned before
            it, not from the publication date. News articles use the publication date.
            ``None`` (the default) decides per document with ``looks_narrative``.
        year_window: in news, a bare number (no preposition, month or "im Jahr") more than
            this many years from the dct is read as a count, not a year.

    Returns:
        The expressions in text order, each with its TIMEX3 type, value and anchors.
    """
    year, month, day = _parse_dct(dct)
    matches = _find_matches(sentences)
    if narrative is None:
        narrative = looks_narrative(matches, year)
    whole = {sentence.start: sentence_tense(sentence) for sentence in sentences}
    tenses = {
        (m.start, m.end): clause_tense(m.sentence, m.start, m.end, whole[m.sentence.start])
        for m in matches
    }
    anchor = [year, month, day]  # in narrative mode: the latest date mentioned so far
    dates_in: dict[int, list[tuple[int, int | None, int | None]]] = {}
    for m in matches if narrative else ():  # only narratives read their headings
        written = int(m.groups["year"]) if len(m.groups.get("year", "")) == 4 else None
        dates_in.setdefault(m.sentence.start_char, []).append(
            (m.start, written, _month_of(m.groups))
        )
    sections = heading_sections(sentences, dates_in) if narrative else []
    headings = {start for start, _ in sections}
    heading_anchor: dict[int, list] = {}  # where each dated heading starts its section

    previous = {b.start: a for a, b in itertools.pairwise(sentences)}

    def context(match: _Match, **extra) -> Context:
        sentence_text, offset = match.sentence.text, match.sentence.start_char
        before = previous.get(match.sentence.start)
        same_paragraph = (
            before is not None
            and "\n" not in match.sentence.doc.text[before.end_char : match.sentence.start_char]
        )
        tense = tenses[match.start, match.end]
        # an undated text's present and future are no time its story told ("Im Winter ist
        # die Passstrasse gesperrt" after a history): their values stay underspecified
        told = year is not None or tense == "past"
        return Context(
            anchor[0] if told else None,
            anchor[1] if told else None,
            anchor[2] if told else None,
            tense=tense,
            narrative=narrative,
            year_window=year_window,
            before=sentence_text[: match.start - offset],
            after=sentence_text[match.end - offset :],
            previous=before.text if same_paragraph else "",
            **extra,
        )

    fixed_days, other_days = [], []
    days_in: dict[int, list[tuple[int, date]]] = {}  # the explicit days of each sentence
    for match in matches:
        if match.rule.normaliser == "absolute" and match.groups.get("day"):
            ctx = context(match)
            value = _absolute(match.groups, ctx)
            if not value or not re.match(r"\d{4}-\d{2}-\d{2}", value):
                continue
            days_in.setdefault(match.sentence.start_char, []).append(
                (match.start, date.fromisoformat(value[:10]))
            )
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
    # a date without its weekday fixes the week only when the text names its weekday too
    # ("am 14. Mai" and "am Sonntag abgewählt"): else it may be background or a plan
    weekday_names = lexicon("weekdays")
    named = {
        int(weekday_names[m.groups["weekday"].lower()])
        for m in matches
        if (m.groups.get("weekday") or "").lower() in weekday_names
    }
    other_days = [d for d in other_days if d.isoweekday() in named]
    reference = _reference_day(fixed_days, year, month, day) or _reference_day(
        other_days, year, month, day
    )

    timexes: list[Timex] = []
    last_day: date | None = None
    last_day_end = 0
    last_past_day: date | None = None  # the last day mentioned on or before the reference
    last_date: tuple[int, int | None] | None = None
    count_day: date | None = None  # the last day and date a count ("zwei Tage später") starts
    count_date: tuple[int, int | None] | None = None
    history, history_end = None, 0  # the last date written with its year and month
    weekday = None  # an undated text's last weekday ("XXXX-WXX-2")
    night = None  # the evening's day of the night last told ("in der Nacht zum 16. März")
    # news: a day told in the pluperfect is background and anchors only its own sentence;
    # after it the day the news is about (the last other one, else the reference) comes back
    main_day, main_day_end, background = None, 0, None
    text = sentences[0].doc.text if sentences else ""

    def in_paragraph(value, end: int, at: int):
        """``value`` (written up to ``end``) if no paragraph break lies between it and ``at``."""
        return value if "\n" not in text[end:at] else None

    for match in matches:
        if background is not None and match.sentence.start_char != background:
            last_day, last_day_end, background = main_day, main_day_end, None
        section = section_at(sections, match.start) if sections else None
        heading = match.sentence.start_char if match.sentence.start_char in headings else None
        if heading is not None and section is not None:
            # a date of a heading without its year takes the next one written there
            # ("Yorktown, 28. September bis 19. Oktober 1781")
            later = [y for at, y, _ in dates_in[heading] if y and at >= match.start]
            anchor[:] = [later[0] if later else section.first, None, None]
        same_sentence = [
            t
            for t in timexes
            if t.start >= match.sentence.start_char and t.granularity in ("day", "time")
        ]
        year_before = [  # "Im Vorjahr waren die Trauben Mitte September reif"
            t
            for t in timexes
            if t.start >= match.sentence.start_char
            and t.granularity == "year"
            and not SPAN_OPENER.match(text, t.start)
            and not SPAN_BEFORE.search(text, max(0, t.start - 8), t.start)
            and not SINCE_BEFORE.search(text, match.sentence.start_char, t.start)
        ]
        recurrences = [
            t for t in timexes if t.start >= match.sentence.start_char and t.type == "SET"
        ]
        ctx = context(
            match,
            reference=last_day if narrative else reference,
            last_day=last_day,
            last_past_day=last_past_day,
            last_date=last_date,
            count_day=count_day,
            count_date=count_date,
            paragraph_date=in_paragraph(history, history_end, match.start),
            last_weekday=weekday,
            night=night,
            section=section,
            paragraph_day=in_paragraph(last_day, last_day_end, match.start),
            sentence_day=date.fromisoformat(same_sentence[-1].anchor_start)
            if same_sentence
            else None,
            day_later=next(  # in the same clause: no comma between
                (
                    d
                    for at, d in days_in.get(match.sentence.start_char, [])
                    if at > match.start and not re.search(r"[,;:]", text[match.end : at])
                ),
                None,
            ),
            sentence_year=int(year_before[-1].value[:4]) if year_before else None,
            # "weil die Osterferien heuer erst Mitte April beginnen": the year in the same
            # clause names the month's year, whatever the tense of the sentence
            year_in_clause=bool(year_before)
            and not re.search(r"[,;:]", text[year_before[-1].end : match.start]),
            sentence_set=recurrences[-1].value if recurrences else None,
        )
        value = NORMALISERS[match.rule.normaliser](match.groups, ctx)
        if not value:
            continue
        timex = Timex(match.start, match.end, match.rule.type, value, match.rule.name)
        # "beim Kriegsrat vom 8. Dezember 1912", "ein Rennwagen von 1963": names a thing
        dates_a_thing = bool(
            ATTRIBUTIVE.match(text, match.start) or ATTRIBUTIVE_BEFORE.search(ctx.before)
        )
        if narrative and timex.type in ("DATE", "TIME"):
            parts = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
            # Only a date that writes its year may move the story to another year; "im
            # Vorjahr" or "drei Wochen später" look back or ahead without moving it.
            explicit = len(match.groups.get("year", "")) == 4
            if parts and not parts[2] and len(ctx.before.split()) > 2:
                explicit = False  # a bare year inside a sentence is a look aside, not a move
            if dates_a_thing:
                explicit = False  # names a thing, does not move the story
            if RANGE_END.match(text, match.start) or RANGE_END_BEFORE.search(ctx.before):
                explicit = False  # "dauerte bis zum 9. Januar 1916": the end, not the now
            if parts and section is not None and not section.holds(int(parts[1])):
                explicit = False  # another year than the section's: a look aside
            # ... but "im nächsten Jahr", "im Jahr darauf" carry the story on into that year
            onward = (
                match.rule.normaliser in FORWARD_YEAR_NORMALISERS
                and parts is not None
                and not parts[2]
                and anchor[0] is not None
                and int(parts[1]) > anchor[0]
                and "bis" not in ctx.before.lower().split()[-4:]  # "bis ins Frühjahr des …"
            )
            moves = parts and (explicit or onward or int(parts[1]) == anchor[0])
            if heading is not None:  # the heading's first date starts the section
                moves = parts and heading not in heading_anchor
            if moves:
                anchor[:] = [int(parts[1]), *(int(p) if p else None for p in parts.groups()[1:])]
            if heading is not None:
                anchor[:] = heading_anchor.setdefault(heading, list(anchor))
        if timex.type in ("DATE", "TIME"):
            timex.anchor_start, timex.anchor_end, timex.granularity = anchors(value)
            if timex.granularity in ("day", "time"):
                last_day, last_day_end = date.fromisoformat(timex.anchor_start), timex.end
                if narrative or not is_pluperfect(match.sentence, match.start, match.end):
                    main_day, main_day_end = last_day, last_day_end
                elif main_day != last_day:
                    background = match.sentence.start_char
                if value.endswith("TNI"):
                    night = last_day
                elif not (
                    night and timex.granularity == "time" and 0 <= (last_day - night).days <= 1
                ):
                    night = None  # a clock time inside the night keeps it current
                if reference is None or last_day <= reference:
                    last_past_day = last_day
            elif value.endswith("_REF"):
                timex.granularity = "ref"
            last_date = _year_and_month(value) or last_date
            if match.rule.normaliser not in TOLD_FROM_ANOTHER and not dates_a_thing:
                count_date = _year_and_month(value) or count_date
                if timex.granularity in ("day", "time"):
                    count_day = date.fromisoformat(timex.anchor_start)
            if len(match.groups.get("year", "")) == 4 and _month_of(match.groups):
                history, history_end = _year_and_month(value), timex.end
            if re.match(r"XXXX-WXX-\d", value):
                weekday = value[:10]
        else:
            timex.granularity = timex.type.lower()
        timexes.append(timex)
    return timexes


# ------------------------------------------------------------------------- timeline
