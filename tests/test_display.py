"""HTML views escape the article text: markup in an article shows as text."""

from __future__ import annotations

from artikel.analysis import Analysis
from artikel.display import entities_html, paragraphs_html
from artikel.tables import make_table

TEXT = 'Merkel sagte <script>alert("x")</script> in Berlin.\n\nMehr zum Thema: <b>fett</b>'


def analysis_with_markup() -> Analysis:
    entities = make_table(
        "entities",
        [
            {
                "article_id": "a",
                "sent_idx": 0,
                "start": 0,
                "end": 6,
                "text": "Merkel",
                "label": "PER",
                "canonical": "Angela <Merkel>",
                "entity_id": "PER:x",
                "in_body": True,
            },
            {
                "article_id": "a",
                "sent_idx": 0,
                "start": 44,
                "end": 50,
                "text": "Berlin",
                "label": "LOC",
                "canonical": "Berlin",
                "entity_id": "LOC:berlin",
                "in_body": True,
            },
        ],
    )
    paragraphs = make_table(
        "paragraphs",
        [
            {
                "article_id": "a",
                "para_idx": 0,
                "start": 0,
                "end": 51,
                "kind": "body",
                "text": TEXT[:51],
            },
            {
                "article_id": "a",
                "para_idx": 1,
                "start": 53,
                "end": len(TEXT),
                "kind": "teaser",
                "text": TEXT[53:],
            },
        ],
    )
    articles = make_table("articles", [{"article_id": "a", "text": TEXT}])
    empty = {n: make_table(n) for n in ("sentences", "quotes", "timexes", "errors")}
    return Analysis(articles=articles, paragraphs=paragraphs, entities=entities, **empty)


def test_entities_html_escapes_text_and_names():
    page = str(entities_html(analysis_with_markup()))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<b>fett" not in page and "&lt;b&gt;fett" in page
    assert "Angela &lt;Merkel&gt;" in page
    assert page.count("<mark") == 2


def test_paragraphs_html_escapes_text():
    page = str(paragraphs_html(analysis_with_markup().paragraphs))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "TEASER" in page
