"""Analysing articles one at a time: structure, the spaCy pipeline, every layer's rows.

Each article is analysed on its own (structure, then the spaCy pipeline over its whole
text with paragraph boundaries as fixed sentence starts), so the result for an article
never depends on the other articles: one process or many give the same rows.
"""

from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc

from .entities import find_mentions
from .gender import person_genders, pronoun_speaker_genders, speaker_gender
from .quotes import find_quotes, role_tagger
from .settings import Settings
from .structure import (
    WORD,
    Paragraph,
    analyze_structure,
    identify_language,
    sentence_spans,
    set_sentence_starts,
)
from .timexes import find_timexes

# The [time] reference setting -> find_timexes(narrative=...): None decides per document.
NARRATIVE = {"auto": None, "news": False, "narrative": True}


def _prepare_doc(nlp: Language, text: str, paragraphs: list[Paragraph]):
    """Tokenise ``text`` and fix a sentence start at every paragraph and credit start."""
    starts = {p.start for p in paragraphs} | {p.credit_start for p in paragraphs if p.credit_start}
    return tokenise_with_starts(nlp, text, starts)


def tokenise_with_starts(nlp: Language, text: str, starts: set[int]):
    """Tokenise ``text`` with a fixed sentence start at each of the given offsets."""
    doc = nlp.make_doc(text)
    for token in doc:
        if token.idx in starts:
            token.is_sent_start = True
    return doc


def _paragraph_index(paragraphs: list[Paragraph], offset: int) -> int:
    return max(0, bisect.bisect_right([p.start for p in paragraphs], offset) - 1)


def _article_tables(
    article: dict,
    doc,
    lang: str,
    paragraphs: list[Paragraph],
    settings: Settings,
    *,
    layers: bool = True,
) -> dict:
    """Rows of every table for one analysed article (without ``layers``: only the article,
    its paragraphs and sentences)."""
    article_id, text = article["article_id"], article["text"]
    paragraph_rows = [
        {
            "article_id": article_id,
            "para_idx": index,
            "start": p.start,
            "end": p.end,
            "kind": p.kind,
            "lang": p.lang,
            "text": text[p.start : p.end],
            "credit": text[p.credit_start : p.credit_end] if p.credit_start is not None else "",
            "credit_start": p.credit_start,
            "credit_end": p.credit_end,
        }
        for index, p in enumerate(paragraphs)
    ]
    sentence_rows = []
    for index, (start, end) in enumerate(sentence_spans(doc)):
        paragraph = paragraphs[_paragraph_index(paragraphs, start)]
        in_credit = paragraph.credit_start is not None and start >= paragraph.credit_start
        sentence_rows.append(
            {
                "article_id": article_id,
                "sent_idx": index,
                "para_idx": _paragraph_index(paragraphs, start),
                "start": start,
                "end": end,
                "text": text[start:end],
                "in_body": paragraph.in_body and not in_credit,
            }
        )
    sentence_starts = [row["start"] for row in sentence_rows]

    def sentence_of(offset: int) -> int:
        return max(0, bisect.bisect_right(sentence_starts, offset) - 1)

    if not layers:
        note = f"language {lang}: no pipeline for it, so no entities, quotes or timexes"
        notes = "; ".join(n for n in (article.get("notes") or "", note) if n)
        return {
            "articles": [{**article, "lang": lang, "notes": notes}],
            "paragraphs": paragraph_rows,
            "sentences": sentence_rows,
            "errors": [],
        }
    timex_rows = [
        {
            "article_id": article_id,
            "sent_idx": sentence_of(timex.start),
            "start": timex.start,
            "end": timex.end,
            "text": text[timex.start : timex.end],
            "type": timex.type,
            "value": timex.value,
            "anchor_start": timex.anchor_start,
            "anchor_end": timex.anchor_end,
            "granularity": timex.granularity,
        }
        for timex in find_timexes(
            list(doc.sents),
            article["date"] or "",
            narrative=NARRATIVE[settings.time_reference],
            year_window=settings.time_year_window,
        )
    ]
    mentions = find_mentions(doc, paragraphs)
    people = person_genders(doc, mentions, settings)
    quotes = find_quotes(
        doc,
        mentions=mentions,
        paragraphs=paragraphs,
        tagger=role_tagger(settings.quote_tagger),
        genders=people,
    )
    genders = pronoun_speaker_genders(quotes, people, settings)
    entity_rows = [
        {
            "article_id": article_id,
            "sent_idx": sentence_of(mention.start),
            "start": mention.start,
            "end": mention.end,
            "text": text[mention.start : mention.end],
            "label": mention.label,
            "canonical": mention.canonical,
            "in_body": mention.in_body,
            "gender": genders.get(mention.canonical, "") if mention.label == "PER" else "",
        }
        for mention in mentions
    ]
    quote_rows = [
        {
            "article_id": article_id,
            "quote_idx": index,
            "sent_idx": sentence_of(quote["start"]),
            "text": text[quote["start"] : quote["end"]],
            **quote,
            "speaker_gender": speaker_gender(quote, genders, settings),
        }
        for index, quote in enumerate(quotes)
    ]
    return {
        "articles": [{**article, "lang": lang}],
        "paragraphs": paragraph_rows,
        "sentences": sentence_rows,
        "entities": entity_rows,
        "quotes": quote_rows,
        "timexes": timex_rows,
        "errors": [],
    }


def _analysis_error(article: dict, exc: Exception) -> dict:
    return {
        "articles": [],
        "errors": [
            {
                "source": article["source"],
                "article_id": article["article_id"],
                "stage": "analyze",
                "error": f"{type(exc).__name__}: {exc}",
            }
        ],
    }


def analyze_batch(articles: list[dict], nlp: Language, settings: Settings) -> list[dict]:
    """Analyse a batch of article rows; an article that fails becomes an error row."""
    results: list[dict] = [{} for _ in articles]
    prepared = []
    for index, article in enumerate(articles):
        try:
            lang, paragraphs = analyze_structure(article["text"], settings=settings)
            doc = _prepare_doc(nlp, article["text"], paragraphs)
            prepared.append((index, lang, paragraphs, doc))
        except Exception as exc:  # one bad article must not stop the corpus
            results[index] = _analysis_error(article, exc)
    piped = {
        index
        for index, lang, _, _ in prepared
        if _has_pipeline(articles[index]["text"], lang, settings)
    }
    supported = [item for item in prepared if item[0] in piped]
    try:
        docs = list(nlp.pipe((item[3] for item in supported), batch_size=settings.batch_size))
    except Exception:  # find the article that fails, analyse the others one by one
        docs = [_pipe_one(nlp, item[3]) for item in supported]
    for (index, lang, paragraphs, _), doc in zip(supported, docs, strict=True):
        if isinstance(doc, Exception):
            results[index] = _analysis_error(articles[index], doc)
        else:
            results[index] = _tables_or_error(articles[index], doc, lang, paragraphs, settings)
    for index, lang, paragraphs, doc in prepared:
        if index not in piped:  # no pipeline for its language: sentences by the rules alone
            doc = set_sentence_starts(doc)
            results[index] = _tables_or_error(
                articles[index], doc, lang, paragraphs, settings, layers=False
            )
    return results


def _tables_or_error(article: dict, doc: Doc, *args, **kwargs) -> dict:
    """``_article_tables``, or the error row of the article it fails on."""
    try:
        return _article_tables(article, doc, *args, **kwargs)
    except Exception as exc:  # one bad article must not stop the corpus
        return _analysis_error(article, exc)


def _has_pipeline(text: str, lang: str, settings: Settings) -> bool:
    """Whether the article goes through the pipeline: its language has one, or the language
    identifier is not sure enough of another (short texts, lists of numbers)."""
    if lang in settings.pipeline_languages:
        return True
    words = len(WORD.findall(text))
    confidence = identify_language(text, settings=settings)[1]
    return words < settings.language_min_words or confidence < settings.language_min_confidence


def _pipe_one(nlp: Language, doc):
    try:
        return nlp(doc)
    except Exception as exc:
        return exc
