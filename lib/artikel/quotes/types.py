"""The records the quote passes pass around: speaker mentions and quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .marks import Marked


@dataclass
class Mention:
    """A possible speaker: a name, a role noun phrase, an organisation noun or a pronoun."""

    start: int
    end: int
    text: str
    kind: str  # name / role / org / pronoun / evidence ("Berichten zufolge": no speaker)
    label: str = ""  # PER / ORG / LOC / MISC for names
    canonical: str = ""
    gender: str = "x"  # m / f / p / x
    definite: bool = False
    head: str = ""  # lower-case role or organisation form (for links)
    governed: bool = False  # after a preposition: not a subject ("in der Hauptstadt")
    org_kind: str = ""  # anaphoric / institution
    antecedent: Mention | None = None  # for a pronoun: the role noun phrase it refers to


@dataclass
class Quote:
    start: int
    end: int
    kind: str
    cue: str = ""
    mention: Mention | None = None
    speaker: str = ""
    speaker_type: str = "unnamed"
    inherit: bool = False  # speaker taken from the reported speech this quote continues
    implied: Mention | None = None  # for a continuation: the speaker the sentence before names
    source: bool = False  # attributed by a source phrase ("laut", "nach Angaben")
    cue_token: int = -1
    marks: list[Marked] = field(default_factory=list)
    complement: bool = False  # the quoted object of its cue ("wies das als „Unsinn“ zurück")

    def row(self, text: str) -> dict:
        mention = self.mention
        return {
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "cue": self.cue,
            "speaker": self.speaker,
            "speaker_start": None if mention is None or self.inherit else mention.start,
            "speaker_end": None if mention is None or self.inherit else mention.end,
            "speaker_text": "" if mention is None or self.inherit else mention.text,
            "speaker_type": self.speaker_type,
            # the phrase that tells a role speaker's gender ("die Vorsitzende"), also for a
            # pronoun or a continuation (not a column: speaker_gender reads it)
            "speaker_phrase": "" if mention is None else (mention.antecedent or mention).text,
        }


TICKER_STAMP = re.compile(r"\d{1,2}[.:]\d{2}\s*Uhr\s*:\s*")


def trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces, a live ticker's time stamp ("17.45 Uhr: "), and a final sentence period
    or comma, from a content span."""
    while start < end and (text[start].isspace() or text[start] in ",;:–—"):
        start += 1
    if stamp := TICKER_STAMP.match(text, start, end):
        start = stamp.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:–—"):
        end -= 1
    return start, end
