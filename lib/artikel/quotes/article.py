"""One article's quote analysis: its sentences, mentions and cues, and the passes over them.

``QuoteArticle`` holds the state that every pass reads (tokens, sentences, paragraphs, the
spans between quotation marks, mentions and cues); the passes and the speaker resolution
are its parts, one file each: ``mentions``, ``cues``, ``direct``, ``indirect``, ``speakers``.
"""

from __future__ import annotations

import itertools

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..canonical import Mention as EntityMention
from ..nlp import RULE_SENTENCES
from ..structure import Paragraph, set_sentence_starts
from .antecedents import AntecedentFinder
from .cues import CueFinder
from .direct import DirectPass
from .indirect import IndirectPass
from .learned import LearnedPass
from .lexicon import lexicon, matchers
from .marks import find_marked
from .mentions import MentionFinder
from .moods import MoodReader
from .nouns import NounCuePass
from .sources import SourcePass
from .speakers import SpeakerResolver
from .subjects import SubjectFinder
from .types import Quote

# prepositions of where something is said, before a quoted title ("in „Bild“ sagte")
TITLE_PREPOSITIONS = frozenset({"in", "im", "gegenüber"})

# ------------------------------------------------------------------------ analysis


class QuoteArticle(
    MentionFinder,
    CueFinder,
    SubjectFinder,
    SpeakerResolver,
    AntecedentFinder,
    DirectPass,
    IndirectPass,
    MoodReader,
    SourcePass,
    NounCuePass,
    LearnedPass,
):
    """The state of one article's quote analysis; ``run`` returns its quotes."""

    def __init__(
        self,
        doc: Doc,
        mentions: list[EntityMention],
        paragraphs: list[Paragraph],
        genders: dict[str, str] | None = None,
    ):
        self.doc = doc
        self.text = doc.text
        self.lex = lexicon()
        self.matchers = matchers(doc.vocab)
        self.has_parse = doc.has_annotation("DEP")
        self.has_pos = doc.has_annotation("POS") or doc.has_annotation("TAG")
        regions = [(p.start, p.end) for p in paragraphs if p.kind != "embed"]
        if not regions:
            regions = [(0, len(self.text))]
        self.paragraphs = sorted(regions)
        self.marked = find_marked(self.text, self.paragraphs)
        self.in_marks = [False] * len(doc)
        # a short quoted title after an article ("sagte der „Zeit“, …") does not end a clause
        self.in_title = [False] * len(doc)
        for m in self.marked:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    self.in_marks[t.i] = True
                if m.closed and self._title_marks(span):
                    whole = doc.char_span(m.open, m.after, alignment_mode="expand")
                    for t in whole if whole is not None else ():
                        self.in_title[t.i] = True
        self.sentences = self._sentences()
        self.cues = self._verb_cues()
        self.sources = self._source_cues()
        self.in_body = [(m.start, m.in_body) for m in mentions]
        self.names = self._names(mentions)
        # the gender layer's decision per person (from the text, then the first name), as
        # "f"/"m": a pronoun or a feminine role takes a person of its gender
        self.person_genders = {
            name: {"female": "f", "male": "m"}[g]
            for name, g in (genders or {}).items()
            if g in ("female", "male")
        }
        for name in self.names:
            name.governed = self._governed(name)
        self.nouns = self._noun_mentions()
        self.pronouns = self._pronouns()
        # names inside noun phrases or quotes are no speakers, except a name the marks
        # enclose exactly: a quoted title ("schreibt die «NZZ»")
        titles = {(m.start, m.end) for m in self.marked}
        nested = [(m.start, m.end) for m in self.nouns] + [(m.open, m.end) for m in self.marked]
        self.mentions = sorted(
            [
                m
                for m in self.names
                if (m.start, m.end) in titles
                or not any(s < m.start and m.end <= e for s, e in nested)
            ]
            + self.nouns
            + self.pronouns,
            key=lambda m: m.start,
        )
        self.links = self._role_links()

    # ------------------------------------------------------------- structure

    def _sentences(self) -> list[Span]:
        """The pipeline's sentences, split further where artikel's sentence rules split (a
        parser's boundaries can join two sentences; the rules never cross a paragraph)."""
        doc = self.doc
        starts = {0}
        if doc.has_annotation("SENT_START"):
            starts |= {s.start for s in doc.sents}
        if not doc.user_data.get(RULE_SENTENCES):  # a pipeline without artikel's rules
            copy = Doc(
                doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc]
            )
            for t in copy:
                t.is_sent_start = t.i in starts
            starts |= {t.i for t in set_sentence_starts(copy) if t.is_sent_start}
        bounds = [*sorted(starts), len(doc)]
        sentences = [doc[a:b] for a, b in itertools.pairwise(bounds) if b > a]
        self.sentence_index = [0] * len(doc)
        kept = []
        for sentence in sentences:
            if sentence.text.strip():
                kept.append(_without_space(sentence))
            for t in sentence:
                self.sentence_index[t.i] = max(len(kept) - 1, 0)
        return kept

    def _title_marks(self, content: Span) -> bool:
        """Quoted words that name a title: at most three words, capitalised, after a definite
        article ("der „Zeit“", "die „Süddeutsche Zeitung“") or after "wie", "in",
        "gegenüber" right before the verb ("Wie „Le Monde“ berichtet, …"); not after "von" or
        "als", where quoted words are the speaker's ("sprach von „Verrat“")."""
        opening = content.start - 1
        if len(content) > 3 or opening < 1 or not content[0].text[:1].isupper():
            return False
        article = self.doc[opening - 1]  # a title takes the definite one ("einen „Fehler“")
        if "definite" in self.lex.determiners.get(article.lower_, ()):
            return True
        # "Wie „Le Monde“ berichtet", "wie er in „Bild“ sagte": a title right before the
        # verb of its clause, after "wie" or a preposition of where one says it
        after = content.end + 1
        where = article.lower_ in TITLE_PREPOSITIONS or self._has_role(article, "as")
        return where and after < len(self.doc) and self.doc[after].pos_ in ("VERB", "AUX")

    def sentence_at(self, token_i: int) -> Span:
        return self.sentences[self.sentence_index[token_i]]

    def paragraph_of(self, offset: int) -> int:
        for index, (start, end) in enumerate(self.paragraphs):
            if start <= offset < end:
                return index
        return -1

    def sentence_of(self, token_i: int) -> int:
        return self.sentence_index[token_i]

    def token_at(self, offset: int) -> Token | None:
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    # ---------------------------------------------------------- mentions

    # --------------------------------------------------------------- cues

    # ------------------------------------------------------------ speakers

    # ---------------------------------------------------------- the passes

    def covered(self, start: int, end: int, quotes: list[Quote]) -> bool:
        return any(q.start < end and start < q.end for q in quotes)

    def run(self, tagger: Language | None = None) -> list[Quote]:
        """The article's quotes: the rules' direct and indirect quotes, then what the
        quote-role ``tagger`` (if any) finds beyond them, attributed to speakers."""
        direct = self.direct_quotes()
        indirect = self.indirect_quotes(direct)
        indirect += self.learned_quotes(direct + indirect, tagger)
        quotes = self.merge(direct, indirect)
        self.attribute(quotes)
        return quotes

    # ------------------------------------------------------------- direct

    # ----------------------------------------------------------- indirect

    # -------------------------------------------------- merging, attribution


def _without_space(sentence: Span) -> Span:
    """A sentence without the whitespace tokens at its edges: a paragraph break ("\n\n")
    that the segmenter left at the end of a sentence is no part of it (else "…, sagte er."
    before a new paragraph does not end its sentence)."""
    start, end = sentence.start, sentence.end
    while end > start + 1 and sentence.doc[end - 1].is_space:
        end -= 1
    while start < end - 1 and sentence.doc[start].is_space:
        start += 1
    return sentence.doc[start:end]


# ------------------------------------------------------------- tables and views
