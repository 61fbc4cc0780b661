"""HTML views of articles for notebooks. Article text is untrusted: all of it is escaped."""

from __future__ import annotations

import html

import pandas as pd

KIND_COLOURS = {
    "body": "#ffffff",
    "subheading": "#e8f0fe",
    "teaser": "#fff4e5",
    "ad": "#fdecea",
    "credit": "#f1f1f1",
    "caption": "#eef7ee",
    "byline": "#f3e8fd",
    "embed": "#e6f7f7",
    "other": "#f5f5f5",
}


class Html(str):
    """A string that Jupyter renders as HTML (and prints as its source elsewhere)."""

    def _repr_html_(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        return f"<HTML view, {len(self):,} characters>"


def _one_article(table: pd.DataFrame, article_id: str | None) -> pd.DataFrame:
    if article_id is None:
        article_id = table["article_id"].iloc[0]
    rows = table[table["article_id"] == article_id]
    if rows.empty:
        raise KeyError(f"no article {article_id!r} in the table")
    return rows


def paragraphs_html(paragraphs: pd.DataFrame, article_id: str | None = None) -> Html:
    """The paragraphs of one article, each marked with its kind; boilerplate greyed out.

    Args:
        paragraphs: the ``paragraphs`` table (of one or more articles).
        article_id: which article; the first one when omitted.
    """
    parts = ['<div style="font-family: sans-serif; max-width: 50em; line-height: 1.4">']
    for row in _one_article(paragraphs, article_id).itertuples():
        colour = KIND_COLOURS.get(row.kind, "#ffffff")
        faded = "" if row.kind == "body" else "color: #666;"
        text = row.text
        if row.credit:
            cut = text.rfind(row.credit)
            text_html = (
                html.escape(text[:cut])
                + f'<span style="color:#999" title="credit">{html.escape(row.credit)}</span>'
            )
        else:
            text_html = html.escape(text)
        parts.append(
            f'<p style="background:{colour}; {faded} padding: 0.3em 0.5em; margin: 0.4em 0">'
            f'<b style="font-size: 0.75em; color: #555">{html.escape(str(row.kind)).upper()}</b> '
            f"{text_html}</p>"
        )
    parts.append("</div>")
    return Html("\n".join(parts))


PALETTE = (
    "#fde68a",
    "#bfdbfe",
    "#c7f9cc",
    "#fbcfe8",
    "#ddd6fe",
    "#fed7aa",
    "#a5f3fc",
    "#e5e7eb",
    "#fecaca",
    "#d9f99d",
)


def quotes_html(analysis, article_id: str | None = None) -> Html:
    """One article with its quotes highlighted, one colour per speaker.

    Every piece of article text is escaped with ``html.escape``; a quote's tooltip gives
    speaker, kind and cue. Quotation marks stay outside the highlight (the quote content
    excludes them), the speaker mention is underlined.

    Args:
        analysis: an ``Analysis``.
        article_id: which article; the first one with quotes (else the first) when omitted.
    """
    articles, quotes = analysis.articles, analysis.quotes
    if article_id is None:
        article_id = quotes["article_id"].iloc[0] if len(quotes) else articles["article_id"].iloc[0]
    rows = articles[articles["article_id"] == article_id]
    if rows.empty:
        raise KeyError(f"no article {article_id!r} in the analysis")
    text = str(rows["text"].iloc[0])
    mine = quotes[quotes["article_id"] == article_id].sort_values("start")
    speakers = list(dict.fromkeys(s or "(unknown)" for s in mine["speaker"]))
    colour = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(speakers)}
    events: list[tuple[int, int, str, str]] = []  # (offset, order, kind, payload)
    for q in mine.itertuples():
        name = q.speaker or "(unknown)"
        tip = html.escape(f"{name} · {q.kind}" + (f" · {q.cue}" if q.cue else ""), quote=True)
        events.append(
            (int(q.start), 1, "open", f'<mark style="background:{colour[name]}" title="{tip}">')
        )
        events.append((int(q.end), 0, "close", "</mark>"))
        if pd.notna(q.speaker_start):
            events.append(
                (int(q.speaker_start), 2, "open", '<u style="text-decoration-thickness:2px">')
            )
            events.append((int(q.speaker_end), 0, "close", "</u>"))
    events.sort(key=lambda e: (e[0], e[1]))
    parts = ['<div style="font-family: sans-serif; max-width: 50em; line-height: 1.5">']
    position = 0
    for offset, _, _, payload in events:
        if offset < position:
            continue
        parts.append(html.escape(text[position:offset]).replace("\n\n", "</p><p>"))
        parts.append(payload)
        position = offset
    parts.append(html.escape(text[position:]).replace("\n\n", "</p><p>"))
    legend = " ".join(
        f'<span style="background:{colour[n]}; padding:0 .3em">{html.escape(n)}</span>'
        for n in speakers
    )
    body = "".join(parts[1:])
    return Html(f"{parts[0]}<p><b>Speakers:</b> {legend}</p><p>{body}</p></div>")


LABEL_COLOURS = {"PER": "#bfdbfe", "ORG": "#fed7aa", "LOC": "#c7f9cc", "MISC": "#ddd6fe"}


def entities_html(analysis, article_id: str | None = None) -> Html:
    """One article with its entity mentions highlighted by label (displaCy style).

    Every piece of article text is escaped; a mention's tooltip gives its label and canonical
    name, and mentions outside the body (teasers, captions, credits) are drawn faded.

    Args:
        analysis: an ``Analysis``.
        article_id: which article; the first one when omitted.
    """
    article = _one_article(analysis.articles, article_id).iloc[0]
    text = str(article.text)
    mentions = analysis.entities[analysis.entities["article_id"] == article.article_id]
    parts, position = [], 0
    for mention in mentions.sort_values("start").itertuples():
        start, end = int(mention.start), int(mention.end)
        if start < position:
            continue
        parts.append(html.escape(text[position:start]))
        tip = html.escape(f"{mention.label} · {mention.canonical}", quote=True)
        faded = "" if mention.in_body else " opacity: 0.5;"
        parts.append(
            f'<mark style="background:{LABEL_COLOURS.get(mention.label, "#eee")};{faded} '
            f'padding: 0 0.15em" title="{tip}">{html.escape(text[start:end])}'
            f'<sup style="font-size: 0.6em"> {html.escape(str(mention.label))}</sup></mark>'
        )
        position = end
    parts.append(html.escape(text[position:]))
    body = "".join(parts).replace("\n\n", "</p><p>")
    legend = " ".join(
        f'<span style="background:{colour}; padding: 0 0.3em">{label}</span>'
        for label, colour in LABEL_COLOURS.items()
    )
    return Html(
        '<div style="font-family: sans-serif; max-width: 50em; line-height: 1.6">'
        f"<p><b>Labels:</b> {legend}</p><p>{body}</p></div>"
    )
