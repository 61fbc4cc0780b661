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
