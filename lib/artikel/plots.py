"""Plots for the notebooks (matplotlib). Each function draws on ``ax`` (or a new figure)
and returns the Axes."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from .reading import count_words


def _axes(ax: Axes | None, size: tuple[float, float] = (7, 3.5)) -> Axes:
    if ax is None:
        _, ax = plt.subplots(figsize=size)
    return ax


def plot_sentence_lengths(
    sentences: pd.DataFrame, *, ax: Axes | None = None, body_only: bool = True
) -> Axes:
    """Histogram of sentence lengths in words (body sentences only by default)."""
    ax = _axes(ax)
    rows = sentences[sentences["in_body"]] if body_only else sentences
    lengths = rows["text"].map(count_words)
    top = int(lengths.max()) if len(lengths) else 1
    ax.hist(lengths, bins=range(0, top + 5, 5), color="#4c72b0", edgecolor="white")
    ax.set_xlabel("words per sentence")
    ax.set_ylabel("sentences")
    ax.set_title(f"Sentence lengths ({len(rows)} {'body ' if body_only else ''}sentences)")
    return ax


def plot_paragraph_kinds(paragraphs: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Horizontal bars: how many paragraphs of each kind."""
    ax = _axes(ax, (6, 3))
    counts = paragraphs["kind"].value_counts().sort_values()
    ax.barh(counts.index.astype(str), counts.values, color="#dd8452")
    ax.set_xlabel("paragraphs")
    ax.set_title("Paragraph kinds")
    return ax
