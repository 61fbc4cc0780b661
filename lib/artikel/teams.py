"""Countries as national teams: in a sports report "gegen Weltmeister Tschechien (3:2)" and
"die Schweiz gewann 30:28" name a team, an organisation (GUIDELINES.md, conventions), where
"in Italien" stays a place.

A country mention becomes ORG, in an article that reports a score, when a team noun
(``entities/team_nouns.txt``) stands right before it or after "als" behind it, a score in
brackets follows it, "gegen" opens it in a sentence about a match (a word of
``entities/match_words.txt``), or it is the subject or object of a match verb ("gewann die
Schweiz 30:28").
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from .names import LABEL_MAP, country_names, in_or_genitive
from .resources import load_entries

SCORE = re.compile(r"\b\d{1,3}:\d{1,3}\b(?!\s*(?:Uhr|Stimmen))")  # no clock time, no vote
SCORE_IN_BRACKETS = re.compile(r"\s*\(\s*\d{1,3}:\d{1,3}")


@cache
def team_nouns() -> tuple[str, ...]:
    """``entities/team_nouns.txt``."""
    return load_entries("entities/team_nouns.txt")


@cache
def match_words() -> tuple[str, ...]:
    """``entities/match_words.txt``."""
    return load_entries("entities/match_words.txt")


def _about_a_match(sentence: Span) -> bool:
    """A sentence with a word of a match ("Pflichtpartie", "Niederlage"; a compound only by a
    last part of four letters or more: "Tor" but not "Direktor"); a score alone may be a vote
    ("stimmte mit 7:2 für Sanktionen gegen Russland")."""
    words = match_words()
    long_words = tuple(w for w in words if len(w) >= 4)
    return any(t.lower_ in words or t.lower_.endswith(long_words) for t in sentence if t.is_alpha)


def _team_noun(word: str) -> bool:
    return word[:1].isupper() and word.lower().endswith(team_nouns())


def national_teams(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with the countries that name a team in a match relabelled ORG."""
    if not SCORE.search(doc.text):
        return ents
    countries = country_names()
    ents = [  # "Weltmeister Tschechien" tagged as one name: the noun is no part of it
        Span(doc, ent.start + 1, ent.end, label="LOC")
        if len(ent) > 1 and _team_noun(ent[0].text) and in_or_genitive(ent[1:].text, countries)
        else ent
        for ent in ents
    ]
    return [
        Span(doc, ent.start, ent.end, label="ORG")
        if LABEL_MAP.get(ent.label_) == "LOC"
        and in_or_genitive(ent.text, countries)
        and _as_team(doc, ent)
        else ent
        for ent in ents
    ]


def _as_team(doc: Doc, ent: Span) -> bool:
    """Whether a country mention names a team: after a team noun or "gegen", before a score
    in brackets or "als" and a team noun, or the subject or object of a match verb in a
    sentence with a score."""
    before = list(doc[max(0, ent.start - 3) : ent.start])
    after = doc[ent.end : ent.end + 3]
    if before and _team_noun(before[-1].text):
        return True  # "Weltmeister Tschechien", "gegen den Gastgeber Italien"
    if (
        any(t.lower_ == "gegen" for t in before[-2:])
        and not any(t.is_punct for t in before)
        and _about_a_match(ent.sent)
    ):
        return True  # "spielten gegen Italien eine Pflichtpartie", "im Spiel gegen die Schweiz"
    if SCORE_IN_BRACKETS.match(doc.text, ent.end_char):
        return True  # "Kanada (0:2)"
    if len(after) >= 2 and after[0].lower_ == "als" and _team_noun(after[1].text):
        return True
    head = ent.root.head  # "gewann die Schweiz 30:28", "besiegte Frankreich mit 2:0"
    return (
        ent.root.dep_ in ("nsubj", "obj")
        and head.lemma_.lower() in match_words()
        and bool(SCORE.search(ent.sent.text))
    )
