"""Article structure: paragraphs and their kinds, credits, languages, sentence boundaries.

Paragraphs are the blank-line separated blocks of an article's text. Each gets a kind
(``body``, ``subheading``, ``teaser``, ``ad``, ``credit``, ``caption``, ``byline``,
``embed``, ``other``) from the pattern files in ``resources/de/boilerplate/`` and a few
general rules (a short line without sentence punctuation is a subheading; a paragraph in
another language than the article is an embed). Sentence boundaries are set on spaCy
Docs by ``set_sentence_starts``, used by the rule-based pipeline in ``artikel.nlp``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from .resources import is_first_name, load_entries, load_patterns
from .settings import Settings, load_settings

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# Kinds whose patterns are tried, in this order, on paragraphs short enough to be
# boilerplate. The first kind with a matching pattern wins.
PATTERN_KINDS = ("embed", "ad", "teaser", "other", "byline", "caption")
KINDS = ("body", "subheading", "teaser", "ad", "credit", "caption", "byline", "embed", "other")
WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
CREDIT_SEPARATOR = re.compile(r"\s*(?:[,/;]|\bund\b)\s*")
EDITOR_INITIALS = re.compile(r"[a-zäöü]{2,4}\.?")
SHORT_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})")
TRAILING_GROUP = re.compile(r"(?<=[.!?“”\"»«’'])\s+\(([^()\n]{1,80})\)\s*$")
HEADING_END = re.compile(r"[.!:;,…]\s*$|[.!?][“”\"»«’‘)']+\s*$")
NAME_LINE = re.compile(
    r"(?P<first>[A-ZÄÖÜ][a-zäöüßéèáàíóúçñ'’-]+)(?:\s+[A-ZÄÖÜ][a-zäöüßéèáàíóúçñ'’-]+){1,3}"
    r"(?:\s*,\s*[A-ZÄÖÜ][\w.-]+(?:\s+[A-ZÄÖÜ][\w.-]+)?)?"
)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of an article: character offsets into its text and its kind."""

    start: int
    end: int
    kind: str
    lang: str
    credit_start: int | None = None
    credit_end: int | None = None

    @property
    def in_body(self) -> bool:
        """Whether the paragraph is article body (not boilerplate or a heading)."""
        return self.kind == "body"


# ------------------------------------------------------------------------ paragraphs


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty blank-line separated block, whitespace trimmed."""
    spans, position = [], 0
    for match in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        block = text[position:end]
        if block.strip():
            start = position + len(block) - len(block.lstrip())
            spans.append((start, position + len(block.rstrip())))
        if match:
            position = match.end()
    return spans


@cache
def _credit_items(lang: str = "de") -> frozenset[str]:
    return frozenset(entry.lower() for entry in load_entries("credit_items.txt", lang))


def is_credit(text: str) -> bool:
    """Whether ``text`` is only an agency credit: "(Tsp, AFP, dpa)", "red, ORF.at/Agenturen"."""
    inner = text.strip()
    if inner.startswith("(") and inner.endswith(")"):
        inner = inner[1:-1].strip()
    known = _credit_items()
    if inner.lower() in known:
        return True
    items = [item for item in CREDIT_SEPARATOR.split(inner) if item]
    if not items or len(items) > 8:
        return False
    named = [item for item in items if item.lower() in known]
    others_ok = all(
        item.lower() in known or EDITOR_INITIALS.fullmatch(item) or SHORT_DATE.fullmatch(item)
        for item in items
    )
    return bool(named) and others_ok


def find_trailing_credit(text: str) -> tuple[int, int] | None:
    """Offsets of a credit in parentheses ending a body paragraph: "… geplant. (dpa)"."""
    match = TRAILING_GROUP.search(text)
    if match and is_credit(match.group(1)):
        return match.start(1) - 1, match.end(1) + 1
    return None


def _is_name_line(text: str) -> bool:
    match = NAME_LINE.fullmatch(text)
    return bool(match) and is_first_name(match.group("first"))


def _is_subheading(text: str, settings: Settings) -> bool:
    stripped = text.strip()
    return (
        find_trailing_credit(stripped) is None
        and "\n" not in stripped
        and len(stripped) <= settings.max_subheading_chars
        and len(WORD.findall(stripped)) <= settings.max_subheading_words
        and not HEADING_END.search(stripped)
        and any(ch.isalpha() for ch in stripped)
        and not stripped[0].islower()
    )


def classify_paragraph(text: str, *, settings: Settings | None = None) -> str:
    """The kind of a paragraph judged from its own text (language is not considered).

    Args:
        text: the paragraph.
        settings: limits (``structure`` section); package defaults when omitted.

    Returns:
        One of ``KINDS``.
    """
    settings = settings or load_settings()
    stripped = text.strip()
    if len(WORD.findall(stripped)) > settings.max_boilerplate_words:
        return "body"
    if is_credit(stripped):
        return "credit"
    for kind in PATTERN_KINDS:
        if any(p.search(stripped) for p in load_patterns(f"boilerplate/{kind}.txt")):
            return kind
    if _is_name_line(stripped):
        return "byline"
    if _is_subheading(stripped, settings):
        return "subheading"
    return "body"


# ------------------------------------------------------------------------- language


@cache
def _language_identifier(candidates: tuple[str, ...]):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(candidates))
    return identifier


@cache
def _german_function_words() -> frozenset[str]:
    return frozenset(load_entries("function_words.txt"))


def identify_language(text: str, *, settings: Settings | None = None) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of ``text`` by py3langid among the candidate languages.

    Text in which a quarter of the words are German function words is German at once.
    """
    settings = settings or load_settings()
    words = WORD.findall(text.lower())
    if len(words) >= settings.language_min_words:
        common = _german_function_words()
        if sum(word in common for word in words) * 4 >= len(words):
            return "de", 1.0
    lang, probability = _language_identifier(settings.language_candidates).classify(text)
    return lang, float(probability)


def analyze_structure(
    text: str, *, settings: Settings | None = None
) -> tuple[str, list[Paragraph]]:
    """The article's language and its paragraphs with kinds, languages and credits."""
    settings = settings or load_settings()
    spans = split_paragraphs(text)
    kinds = [classify_paragraph(text[s:e], settings=settings) for s, e in spans]
    body_text = "\n\n".join(
        text[s:e] for (s, e), k in zip(spans, kinds, strict=True) if k == "body"
    )
    article_lang = identify_language(body_text or text, settings=settings)[0]
    paragraphs = []
    for (start, end), kind in zip(spans, kinds, strict=True):
        paragraph_text = text[start:end]
        lang = article_lang
        if len(WORD.findall(paragraph_text)) >= settings.language_min_words:
            guess, probability = identify_language(paragraph_text, settings=settings)
            if probability >= settings.language_min_confidence:
                lang = guess
        if lang != article_lang and kind in ("body", "subheading"):
            kind = "embed"
        credit = find_trailing_credit(paragraph_text) if kind == "body" else None
        paragraphs.append(
            Paragraph(
                start=start,
                end=end,
                kind=kind,
                lang=lang,
                credit_start=start + credit[0] if credit else None,
                credit_end=start + credit[1] if credit else None,
            )
        )
    return article_lang, paragraphs


# ------------------------------------------------------------------------ sentences

SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??"})
# typographic marks, and the ASCII pair ``…'' of TeX-style and converted text (TIGER, GSD)
QUOTE_MARKS = frozenset([*"\"'„“”‚‘’«»‹›", "``", "''"])
CLOSING_BRACKETS = frozenset(")]}")
OPENING_BRACKETS = frozenset("([{")


@cache
def _words_before_ordinals() -> frozenset[str]:
    """Words after which "2016." is an ordinal ("der 2016. Tag"), not a year ending a sentence."""
    return frozenset(load_entries("ordinal_context.txt"))


@cache
def _abbreviations(lang: str = "de") -> frozenset[str]:
    return frozenset(entry.split("\t")[0] for entry in load_entries("abbreviations.txt", lang))


@cache
def _number_abbreviations(lang: str = "de") -> frozenset[str]:
    """Abbreviations written only before a number ("Art. 5"): a capitalised word after one
    starts a new sentence."""
    rows = (entry.split("\t") for entry in load_entries("abbreviations.txt", lang))
    return frozenset(row[0] for row in rows if row[1:] == ["number"])


def _is_opening_quote(texts: list[str], spaces: list[bool], i: int) -> bool:
    """A quotation mark opens a quote when it is not glued to the word before it and is
    glued to the word after it; of the TeX-style pair the first always opens, the second
    always closes."""
    if texts[i] not in QUOTE_MARKS or texts[i] == "''":
        return False
    before_is_free = i == 0 or spaces[i - 1] or texts[i - 1].isspace()
    return before_is_free and (texts[i] == "``" or not spaces[i])


YEAR_END = re.compile(r"(1[0-9]|20)\d\d\.")


TERMINAL_RUN = re.compile(r"[.!?…]{2,}|[:;]-?[()DPp]|[()]-?[:;]")  # "..", "!!!", ":-)"
# a score, a decimal or a clock time with the sentence's period in one token: "mit 2:1.",
# "bei 1,5.", "um 14.30." (a day and month "am 12.3." stays inside its sentence)
NUMBER_END = re.compile(r"\d+[:,]\d+\.|(?:[01]?\d|2[0-4])\.[0-5]\d\.")
CLOCK_BEFORE = frozenset({"um", "gegen", "bis", "ab", "seit", "kurz", "nach", "vor"})


def _closes_sentence(texts: list[str], spaces: list[bool], i: int) -> bool:
    if YEAR_END.fullmatch(texts[i]):  # "… vom Juni 2016. Zugleich": a year, not an ordinal
        return i > 0 and texts[i - 1].lower() not in _words_before_ordinals()
    if TERMINAL_RUN.fullmatch(texts[i]):  # "sehr zufrieden.. Bin", "wie immer :) Also"
        return True
    if NUMBER_END.fullmatch(texts[i]):
        clock = "." in texts[i][:-1]
        return not clock or (i > 0 and texts[i - 1].lower() in CLOCK_BEFORE)
    if texts[i] not in SENTENCE_END:
        return False
    if texts[i] == "." and i > 0 and not spaces[i - 1]:
        written = texts[i - 1].rsplit("-", 1)[-1] + "."
        if written in _number_abbreviations():
            return i + 1 < len(texts) and texts[i + 1][:1].isalpha()
        return written not in _abbreviations()
    return True


def _can_start_sentence(texts: list[str], spaces: list[bool], i: int) -> bool:
    first = texts[i][0]
    if first.isalpha():
        return first.isupper()
    return (
        first.isdigit()
        or first in OPENING_BRACKETS
        or _is_opening_quote(texts, spaces, i)
        or first in "–-—"
    )


def set_sentence_starts(doc: Doc) -> Doc:
    """Mark sentence starts on a tokenised German Doc by punctuation rules.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with closing quotation marks and
    brackets that follow it) when the next word can start a sentence: it is capitalised,
    a number, or an opening quotation mark or bracket. Abbreviations are single tokens in
    spaCy's German tokenizer or listed in ``resources/de/abbreviations.txt`` ("US-Präs.").
    Starts set before (paragraph boundaries) are kept.
    """
    size = len(doc)
    if not size:
        return doc
    texts = [token.text for token in doc]
    spaces = [bool(token.whitespace_) for token in doc]
    starts = numpy.full(size, -1, dtype="int32")  # -1: not a sentence start
    starts[0] = 1
    for token in doc:
        if token.is_sent_start:
            starts[token.i] = 1
    for i in range(size):
        if not _closes_sentence(texts, spaces, i):
            continue
        following = i + 1
        while following < size and (
            (texts[following] in QUOTE_MARKS and not _is_opening_quote(texts, spaces, following))
            or texts[following] in CLOSING_BRACKETS
            or texts[following] in SENTENCE_END
        ):
            following += 1
        while following < size and texts[following].isspace():
            following += 1
        if (
            following < size
            and _can_start_sentence(texts, spaces, following)
            and (texts[following - 1].isspace() or spaces[following - 1])
        ):
            starts[following] = 1
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
    return doc


def sentence_spans(doc: Doc) -> Iterable[tuple[int, int]]:
    """Character (start, end) of each sentence of ``doc``, without surrounding white space."""
    for sent in doc.sents:
        words = [token for token in sent if not token.is_space]
        if words:
            yield words[0].idx, words[-1].idx + len(words[-1].text)
