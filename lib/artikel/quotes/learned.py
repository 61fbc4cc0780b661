"""Reported speech that no rule finds, from a quote-role tagger (optional, off by default).

A tagger trained by ``training/scripts/quote_roles.py`` (a spaCy ``ner`` with its own small
tok2vec, on the project's own quote corpus and GermEval 2023 SpkAtt) marks the CUE, SOURCE and
CONTENT spans of reported speech; ``[quotes] tagger`` names it (none is shipped: it added
nothing on real news, ``training/ablations/02_quote_roles.md``). The rules stay first; a
CONTENT span they did not cover becomes an indirect (or mixed) quote when its sentence has a
tagged CUE that the lexicon knows and the content has a verb of its own.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Span

from ..nlp import MODELS_DIR
from .lexicon import source_words
from .types import Mention, Quote, trim_content

QUOTE_TAGGER = MODELS_DIR / "de_artikel_quotes"


def tagger_path(choice: str) -> Path | None:
    """The folder of the quote-role tagger a ``[quotes] tagger`` setting names, or None."""
    if choice == "none":
        return None
    path = QUOTE_TAGGER if choice == "shipped" else Path(choice)
    if not (path / "config.cfg").is_file():
        if choice == "shipped":
            return None  # a checkout without the shipped tagger: rules only
        raise FileNotFoundError(f"settings [quotes] tagger = {choice!r}: no spaCy model there")
    return path


@cache
def role_tagger(choice: str) -> Language | None:
    """The quote-role tagger of a ``[quotes] tagger`` setting, loaded once per process."""
    path = tagger_path(choice)
    return None if path is None else spacy.load(path)


class LearnedPass:
    """Indirect quotes from the quote-role tagger where the rules found none; a part of
    ``QuoteArticle``."""

    def learned_quotes(self, found: list[Quote], tagger: Language | None) -> list[Quote]:
        """Quotes for tagged CONTENT spans that no quote in ``found`` overlaps."""
        if tagger is None:
            return []
        roles = tagger(self.text).ents
        quotes: list[Quote] = []
        for content in (e for e in roles if e.label_ == "CONTENT"):
            start, end = trim_content(self.text, content.start_char, content.end_char)
            if end - start < 10 or self.covered(start, end, found + quotes):
                continue
            if self._mostly_direct(start, end, found):
                continue
            sentence = self._sentence_around(start)
            if sentence is None:
                continue
            near = [
                e
                for e in roles
                if e.label_ in ("CUE", "SOURCE")
                and sentence.start_char <= e.start_char < sentence.end_char
                and not start <= e.start_char < end
            ]
            cues = [e for e in near if e.label_ == "CUE" and self._known_cue(e)]
            if not cues or not self._clause(start, end):
                continue  # a cue the lexicon knows, and content with a verb of its own
            sources = [e for e in near if e.label_ == "SOURCE"]
            cue = min(cues, key=lambda e: abs(e.start_char - start)).text
            mention = self._tagged_source(sources, start)
            quotes.append(Quote(start, end, "indirect", cue=cue or "", mention=mention))
        return quotes

    def _known_cue(self, cue: Span) -> bool:
        """A tagged cue holds a speech verb or a source-phrase word of the lexicon."""
        words = source_words()
        return any(t.text in self.lex.verb_forms or t.lower_ in words for t in cue)

    def _clause(self, start: int, end: int) -> bool:
        """The content has a verb (or, without tags, at least four words)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        if self.has_pos:
            return any(t.pos_ in ("VERB", "AUX") for t in span)
        return len(span) >= 4

    def _sentence_around(self, offset: int) -> Span | None:
        token = self.token_at(offset)
        return None if token is None else self.sentence_at(token.i)

    def _tagged_source(self, sources: list, start: int) -> Mention | None:
        """The mention inside the tagged SOURCE nearest to the content, or that span as a
        role; None without a SOURCE."""
        if not sources:
            return None
        source = min(sources, key=lambda e: abs(e.start_char - start))
        inside = self.mentions_in(source.start_char, source.end_char)
        best = self._best_source(inside)
        if best is not None:
            return best
        first = self.token_at(source.start_char)
        last = self.token_at(source.end_char - 1)
        if first is None or last is None:
            return None
        return self._source_mention(first.i, last.i + 1)
