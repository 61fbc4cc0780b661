"""Quote attribution: direct, indirect and mixed speech with their speakers.

``find_quotes`` reads one analysed article and returns its quotes in text order. It works
on the rule pipeline (tokens and sentences only) and uses a trained pipeline's dependency
parse (the subject of the speech verb), part-of-speech tags (where a source ends) and
morphology (Konjunktiv: ``Mood=Sub``) when they are there.

Notes:
    The design follows the Gender Gap Tracker's quote extractor (Asr et al. 2021): named
    passes — direct quotes by their marks and the verb attached to them, indirect speech by
    speech verbs, source phrases ("laut", "zufolge", "nach Angaben") and Konjunktiv I
    continuations — then one speaker resolution for all. The German rules follow the
    annotation guidelines of ``shared/dev-corpus/GUIDELINES.md`` and standard descriptions
    of German reported speech (Duden-Grammatik, "Indirekte Rede"). Word lists and patterns
    are data: ``resources/de/quotes/``. The parts: ``lexicon`` (word lists), ``marks``
    (quotation marks), ``article`` (one article's state), ``mentions``, ``cues``,
    ``direct``, ``indirect``, ``sources``, ``nouns`` (the passes), ``learned`` (the
    quote-role tagger's spans beyond the rules), ``subjects`` (the mention of a cue's
    source) and ``speakers`` (resolution).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..canonical import Mention as EntityMention
from ..structure import Paragraph
from .article import QuoteArticle
from .learned import role_tagger
from .lexicon import SPEAKER_TYPES, Lexicon, lexicon
from .marks import Marked, find_marked

__all__ = [
    "SPEAKER_TYPES",
    "Lexicon",
    "Marked",
    "QuoteArticle",
    "find_marked",
    "find_quotes",
    "lexicon",
    "role_tagger",
]


def find_quotes(
    doc: Doc,
    *,
    mentions: list[EntityMention],
    paragraphs: list[Paragraph],
    tagger: Language | None = None,
    genders: dict[str, str] | None = None,
) -> list[dict]:
    """Quotes of one article, in text order.

    Args:
        doc: the analysed article (``doc.text`` is the article text).
        mentions: the entity layer's mentions of the article (``entities.find_mentions``);
            with a pipeline without NER and no mentions, names are guessed from capitalised
            words.
        paragraphs: the article's paragraphs with their kinds (embedded posts are skipped).
        tagger: the quote-role tagger (``learned.role_tagger``), or None for rules only.
        genders: the gender layer's ``female``/``male``/``unknown`` per canonical person
            name (``gender.person_genders``): a pronoun or a gendered role noun refers to a
            person of its gender.

    Returns:
        Dicts with start, end (the content without quotation marks), kind
        (direct/indirect/mixed), cue, speaker, speaker_start, speaker_end, speaker_text and
        speaker_type (person/organisation/role/unnamed), and speaker_phrase (the role noun
        phrase that tells a role speaker's gender, also behind a pronoun; not a column).

    Notes:
        Quote rules after GUIDELINES.md (dev corpus); pass structure after the Gender Gap
        Tracker (Asr et al. 2021, PLOS ONE 16(1)).
    """
    if not doc.text.strip():
        return []
    article = QuoteArticle(doc, mentions, paragraphs, genders)
    return [q.row(article.text) for q in article.run(tagger) if q.end > q.start]
