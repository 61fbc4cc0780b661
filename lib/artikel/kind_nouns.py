"""Labels told by the noun before a name: "die Fluggesellschaft „Sosoliso“" is an
organisation, "das Projekt „Kliper“" a MISC name, "die Stadt Aurich" a place.

News introduces a name it cannot expect readers to know with a noun of its kind, in
apposition right before it. Where the NER gave the name another label, that noun wins, at
every mention of the name in the article; a quoted name after such a noun that the NER
missed is added. The nouns are ``entities/kind_nouns.txt``.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from .names import LABEL_MAP, country_names, in_or_genitive, region_names
from .resources import load_entries

OPENING_MARKS = frozenset({"„", "“", "»", "«", '"', "‚", "‹", "''", "``"})
CLOSING_MARKS = frozenset({"“", "”", "«", "»", '"', "‘", "›", "''"})
LONGEST_QUOTED_NAME = 8  # tokens


@cache
def kind_nouns() -> dict[str, str]:
    """Lower-case noun forms -> the label of a name in apposition to them."""
    return dict(entry.split("\t") for entry in load_entries("entities/kind_nouns.txt"))


def kind_label(word: str) -> str | None:
    """The label a capitalised noun gives the name after it ("Windenergiefirma" -> ORG), or
    None; compounds count by their last part."""
    if not word[:1].isupper():
        return None
    lower, table = word.lower(), kind_nouns()
    for k in range(len(lower) - 2):
        if lower[k:] in table and (k == 0 or lower[k - 1] == "-" or k > 2):
            return table[lower[k:]]
    return None


def labels_by_kind_noun(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with the labels their kind nouns give them, and quoted names after a kind
    noun that no entity covers added.

    A person span keeps its label unless it is quoted ("die Partei Merkel" is an object
    after a subject, "das Album „Adele“" a title); a country or region of the gazetteers
    keeps it always ("die Bank Frankreichs").
    """
    starts = {ent.start: ent for ent in ents}
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    told: dict[str, set[str]] = {}
    added: list[Span] = []
    replaced: set[int] = set()  # starts of entities inside an added title
    for token in doc[:-1]:
        label = None if token.i in covered else kind_label(token.text)
        if label is None:
            continue
        start = token.i + 1
        quoted = doc[start].text in OPENING_MARKS
        if quoted:
            start += 1
        ent = starts.get(start)
        if ent is not None and _fits(ent, quoted):
            if quoted or LABEL_MAP.get(ent.label_) != "PER":
                told.setdefault(ent.text, set()).add(label)
        elif not quoted:
            end = start
            while end < len(doc) and end - start < 3 and _proper_word(doc[end]):
                end += 1
            if start < end < len(doc) and doc[end].text.isdigit() and len(doc[end]) <= 4:
                end += 1  # "Forschungsprogramm Horizon 2020"
            if end > start and not any(i in covered for i in range(start, end)):
                added.append(Span(doc, start, end, label=label))
        elif start < len(doc):
            name = _quoted_name(doc, start)
            inside = [e for e in ents if name and e.start < name[1] and name[0] < e.end]
            fits = all(name[0] <= e.start and e.end <= name[1] for e in inside)
            if name and (not inside or (label == "MISC" and fits)):  # a title may hold names
                added.append(Span(doc, name[0], name[1], label=label))
                replaced |= {e.start for e in inside}
    if not told and not added:
        return ents
    gazetteer = country_names()
    result = []
    for ent in ents:
        if ent.start in replaced:
            continue
        labels = told.get(ent.text, set())
        keep = len(labels) != 1 or in_or_genitive(ent.text, gazetteer) or ent.text in region_names()
        result.append(ent if keep else Span(doc, ent.start, ent.end, label=next(iter(labels))))
    return sorted([*result, *added], key=lambda span: span.start)


def _proper_word(token: Token) -> bool:
    """A capitalised word the tagger calls a proper noun and no kind noun ("Sky")."""
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and not token.text.endswith(".")  # a sentence end the tokenizer left on ("DC-9.")
        and not kind_label(token.text)
    )


def _fits(ent: Span, quoted: bool) -> bool:
    """Whether the entity is the whole name: up to the closing mark when quoted."""
    doc = ent.doc
    return not quoted or (ent.end < len(doc) and doc[ent.end].text in CLOSING_MARKS)


def _quoted_name(doc: Doc, start: int) -> tuple[int, int] | None:
    """The token range of a capitalised quoted name from ``start`` to its closing mark, or
    None when there is no such name (no close within reach, a lower-case start, a sentence
    end)."""
    if not doc[start].text[:1].isupper():
        return None
    for end in range(start + 1, min(len(doc), start + LONGEST_QUOTED_NAME + 1)):
        word = doc[end]
        if word.text in CLOSING_MARKS:
            return None if word.is_sent_start else (start, end)
        if word.is_sent_start or word.text in OPENING_MARKS or word.text in ".!?:;":
            return None
    return None
