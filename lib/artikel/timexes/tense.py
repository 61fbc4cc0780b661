"""The tense of a sentence (past / present / future), which decides the direction of weekdays."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span

from ..resources import load_entries


@cache
def _tense_markers() -> dict[str, str]:
    markers = {}
    for entry in load_entries("time/tense_markers.txt"):
        tense, _, word = entry.partition("\t")
        markers[word.strip()] = tense.strip()
    return markers


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
