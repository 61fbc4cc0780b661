"""The years a section of a history narrative tells, read from its heading.

Wikipedia-style histories divide the story by headings that name years ("1862",
"Kriegsjahr 1915", "Yorktown, 28. September bis 19. Oktober 1781"). Inside such a section a
date written with another year is a look aside ("…, beginnend mit dem 15. Juli 1863, …") and
does not move the story, and a month without a year belongs to the section's years. A heading
that is a year alone, or one word and a year ("Kriegsjahr 1915", "1918 – Festigung …"), opens a
chapter that lasts over the year-less subheadings after it; any other heading's years last to
the next heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span

HEADING_MAX_WORDS = 12
SENTENCE_END = re.compile(r"[.!?:;]\s*$")
MIN_CHAPTERS = 2  # a chapter lasts over subheadings only in a text divided by years
CHAPTER = re.compile(r"(?:\w+\s+)?(?:\d{4}|\d{1,4}\s+v\.\s*Chr\.)(?:\s*[–—-]\s+\D.*)?")


@dataclass(frozen=True)
class Section:
    """A heading's span of years (inclusive), whether it opens a chapter, and its first and
    last month (as year * 12 + month) when the heading writes them."""

    first: int
    last: int
    chapter: bool
    start: int | None = None
    end: int | None = None

    def holds(self, year: int) -> bool:
        """Whether ``year`` is one the section tells."""
        return self.first <= year <= self.last

    def holds_month(self, year: int, month: int) -> bool:
        """Whether a month lies inside the months the heading names (none if it names none)."""
        here = year * 12 + month
        return self.start is not None and self.end is not None and self.start <= here <= self.end


def is_heading(sentence: Span) -> bool:
    """Whether a sentence is a line of its own without sentence punctuation, short enough to
    be a heading."""
    text = sentence.doc.text
    before = text[: sentence.start_char].rstrip(" \t")
    after = text[sentence.end_char :].lstrip(" \t")
    ends_line = sentence.text.rstrip(" \t").endswith("\n") or not after or after[0] == "\n"
    stripped = sentence.text.strip()
    return (
        (not before or before.endswith("\n"))
        and ends_line
        and 0 < len(stripped.split()) <= HEADING_MAX_WORDS
        and not SENTENCE_END.search(stripped)
    )


def _months(dates: list[tuple[int, int | None, int | None]]) -> list[int]:
    """year * 12 + month of each dated month of a heading; one without its year takes the
    next year written ("Februar bis Juni 1776")."""
    months = []
    for i, (_, year, month) in enumerate(dates):
        later = [y for _, y, _ in dates[i:] if y]
        if month and later:
            months.append((year or later[0]) * 12 + month)
    return months


def heading_sections(
    sentences: Iterable[Span], dates_in: dict[int, list[tuple[int, int | None, int | None]]]
) -> list[tuple[int, Section | None]]:
    """The section in force from each heading on, as (start offset, section) in text order.

    Args:
        sentences: the document's sentences in order.
        dates_in: the dates found in each sentence, by its start offset: (offset, the year
            written or None, the month or None).
    """
    years_in = {start: [year for _, year, _ in dates if year] for start, dates in dates_in.items()}
    headings = [s for s in sentences if is_heading(s)]
    chapters = [
        s for s in headings if years_in.get(s.start_char) and CHAPTER.fullmatch(s.text.strip())
    ]
    events: list[tuple[int, Section | None]] = []
    current: Section | None = None
    for sentence in headings:
        years = years_in.get(sentence.start_char, [])
        if years:
            chapter = len(chapters) >= MIN_CHAPTERS and sentence in chapters
            months = _months(dates_in[sentence.start_char])
            first, last = (months[0], months[-1]) if months else (None, None)
            current = Section(min(years), max(years), chapter, first, last)
        elif current is not None and not current.chapter:
            current = None
        events.append((sentence.start_char, current))
    return events


def section_at(events: list[tuple[int, Section | None]], offset: int) -> Section | None:
    """The section in force at a character offset."""
    section = None
    for start, value in events:
        if start > offset:
            break
        section = value
    return section
