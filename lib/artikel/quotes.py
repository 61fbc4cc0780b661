"""Quote attribution: direct, indirect and mixed speech with their speakers.

(Being built: see issue 6. ``find_quotes`` is wired into ``analyze``.)
"""

from __future__ import annotations

from spacy.tokens import Doc

from .structure import Paragraph


def find_quotes(doc: Doc, *, mentions: list[dict], paragraphs: list[Paragraph]) -> list[dict]:
    """Quotes of one article, in text order.

    Args:
        doc: the analysed article (``doc.text`` is the article text).
        mentions: entity mentions of the article (dicts with start, end, label, canonical).
        paragraphs: the article's paragraphs with their kinds.

    Returns:
        Dicts with start, end (the content without quotation marks), kind
        (direct/indirect/mixed), cue, speaker, speaker_start, speaker_end, speaker_text.
    """
    return []
