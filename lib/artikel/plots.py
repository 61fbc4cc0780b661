"""Plots for the notebooks (matplotlib). Each function draws on ``ax`` (or a new figure)
and returns the Axes."""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
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


def plot_timeline(
    events: pd.DataFrame,
    *,
    lanes: str = "article_id",
    ax: Axes | None = None,
    labels: bool | None = None,
    label_width: int = 28,
) -> Axes:
    """Events on a time axis, drawn with their uncertainty.

    A known day is a point; an interval (a weekday in a month-only article, a month, a year)
    is a bar across it. One lane per value of ``lanes`` (``"article_id"``, or ``"entities"``
    for one lane per set of names). Each mark is labelled with the temporal expression.

    Args:
        events: the table from ``artikel.timeline``.
        lanes: the column whose values become the rows of the plot.
        ax: where to draw; a new figure when omitted.
        labels: label each mark; by default only when there are at most 20 events.
        label_width: shorten labels to this many characters.
    """
    ax = _axes(ax, (9, 1.2 + 0.9 * max(1, events[lanes].nunique())))
    labels = len(events) <= 20 if labels is None else labels
    lane_names = list(dict.fromkeys(events[lanes].astype(str)))
    stacked: dict[int, int] = {}
    for row in events.itertuples():
        y = lane_names.index(str(getattr(row, lanes)))
        stacked[y] = stacked.get(y, -1) + 1
        offset = 0.2 * (stacked[y] % 4) - 0.3
        start, end = row.start, row.end + pd.Timedelta(days=1)
        if row.start == row.end:
            ax.plot(row.start + pd.Timedelta(hours=12), y + offset, "o", color="#c44e52", zorder=3)
        else:
            ax.barh(y + offset, end - start, left=start, height=0.18, color="#4c72b0", alpha=0.45)
        if labels:
            label = textwrap.shorten(str(row.timex), label_width)
            ax.annotate(
                label, (start, y + offset), xytext=(3, -3), textcoords="offset points", fontsize=8
            )
    ax.set_yticks(range(len(lane_names)), [textwrap.shorten(n, 30) for n in lane_names])
    ax.set_ylim(-0.6, len(lane_names) - 0.1)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.set_title("Timeline: points are known days, bars are intervals")
    ax.grid(axis="x", alpha=0.3)
    return ax


LABEL_COLOURS = {"PER": "#4c72b0", "ORG": "#dd8452", "LOC": "#55a868", "MISC": "#8172b3"}


def plot_top_entities(counts: pd.DataFrame, *, n: int = 10, axes=None):
    """Horizontal bars: the ``n`` most mentioned entities of each label, one panel a label.

    Args:
        counts: the table from ``artikel.entity_counts(analysis)`` (without ``per``).
        n: bars per panel.
        axes: four Axes to draw on; a new figure when omitted.

    Returns:
        The array of Axes.
    """
    labels = [label for label in LABEL_COLOURS if label in set(counts["label"])] or ["PER"]
    if axes is None:
        _, axes = plt.subplots(
            1, len(labels), figsize=(3.4 * len(labels), 0.35 * n + 1.2), squeeze=False
        )
        axes = axes[0]
    for ax, label in zip(axes, labels, strict=False):
        top = counts[counts["label"] == label].head(n).iloc[::-1]
        ax.barh(top["canonical"].astype(str), top["mentions"], color=LABEL_COLOURS[label])
        ax.set_title(label)
        ax.set_xlabel("mentions")
    return axes


def plot_mentions_over_time(
    counts: pd.DataFrame, *, names: list[str] | None = None, ax: Axes | None = None
) -> Axes:
    """Mentions per month of chosen entities (lines), from ``entity_counts(..., per="month")``.

    Args:
        counts: monthly counts (``period`` = ``YYYY-MM``).
        names: canonical names to draw; the five most mentioned when omitted.
        ax: where to draw; a new figure when omitted.
    """
    ax = _axes(ax, (8, 3.5))
    if names is None:
        totals = counts.groupby("canonical")["mentions"].sum().sort_values(ascending=False)
        names = list(totals.index[:5])
    table = counts[counts["canonical"].isin(names)].pivot_table(
        index="period", columns="canonical", values="mentions", aggfunc="sum", fill_value=0
    )
    if len(table):
        months = pd.period_range(table.index.min(), table.index.max(), freq="M").strftime("%Y-%m")
        table = table.reindex(months, fill_value=0)
        for name in names:
            if name in table:
                ax.plot(pd.to_datetime(table.index), table[name], marker="o", label=name)
        ax.legend(fontsize=8)
    ax.set_ylabel("mentions")
    ax.set_title("Mentions per month (articles dated by month or day)")
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    return ax


def plot_entity_months(
    counts: pd.DataFrame, *, n: int = 12, max_columns: int = 48, ax: Axes | None = None
) -> Axes:
    """Heat map of the ``n`` most mentioned entities (rows) by period (columns), from
    ``entity_counts(..., per="month")``. The columns are every month between the first and
    the last; beyond ``max_columns`` months they are summed to years, so the map stays
    readable for a corpus of many years.

    Args:
        counts: counts per period (``period`` = ``YYYY-MM``).
        n: rows (entities by total mentions).
        max_columns: most month columns before the map switches to years.
        ax: where to draw; a new figure when omitted.
    """
    totals = counts.groupby("entity_id")["mentions"].sum().sort_values(ascending=False)
    top = list(totals.index[:n])
    table = counts[counts["entity_id"].isin(top)].pivot_table(
        index="entity_id", columns="period", values="mentions", aggfunc="sum", fill_value=0
    )
    if len(table.columns):
        months = pd.period_range(min(table.columns), max(table.columns), freq="M")
        table = table.reindex(columns=months.strftime("%Y-%m"), fill_value=0)
        if len(table.columns) > max_columns:
            table = table.T.groupby(lambda month: month[:4]).sum().T
    table = table.reindex(top, fill_value=0)
    names = counts.drop_duplicates("entity_id").set_index("entity_id")["canonical"]
    width = min(max(5.0, 2 + 0.3 * len(table.columns)), 14.0)
    ax = _axes(ax, (width, 0.35 * max(len(top), 1) + 1.5))
    image = ax.imshow(table.to_numpy(dtype=float), aspect="auto", cmap="Blues")
    ax.set_yticks(range(len(top)), [str(names.get(i, i)) for i in top], fontsize=8)
    step = max(1, len(table.columns) // 12)
    ax.set_xticks(range(0, len(table.columns), step), list(table.columns)[::step], fontsize=8)
    ax.tick_params(axis="x", labelrotation=90)
    ax.figure.colorbar(image, ax=ax, label="mentions")
    ax.set_title("Mentions of the most mentioned entities over time")
    return ax


def plot_speakers(counts: pd.DataFrame, *, top: int = 12, ax=None):
    """Horizontal bars: direct and indirect quotes of the most quoted speakers.

    Args:
        counts: a table from ``speaker_counts`` (any ``per``: rows are summed by speaker).
        top: how many speakers to show.
        ax: a matplotlib Axes to draw on (a new figure when omitted).

    Returns:
        The Axes.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.35 * min(top, max(len(counts), 1)) + 1.2))
    totals = (
        counts.assign(speaker=counts["speaker"].replace("", "(unknown)"))
        .groupby("speaker")[["direct", "indirect", "quotes"]]
        .sum()
        .sort_values(["quotes"], ascending=True)
        .tail(top)
    )
    ax.barh(totals.index, totals["direct"], color="#4c72b0", label="direct")
    ax.barh(
        totals.index,
        totals["indirect"],
        left=totals["direct"],
        color="#dd8452",
        label="indirect / mixed",
    )
    ax.set_xlabel("quotes")
    ax.set_title("Who is quoted")
    ax.legend(loc="lower right", frameon=False)
    ax.xaxis.get_major_locator().set_params(integer=True)
    return ax


GENDER_COLOURS = {
    "people mentioned": "#8172b3",
    "quotes": "#c44e52",
    "quoted words": "#dd8452",
    "speakers": "#4c72b0",
}
GENDER_SHARE_COLUMNS = ("measure", "female", "male", "unknown", "share", "share_low", "share_high")


def plot_gender_shares(shares: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """The share of women (``gender_shares``): bars for a corpus, lines over periods; the
    whiskers or bands span the share if every unknown were a man or a woman."""
    ax = _axes(ax, (7, 3.5))
    period = next((c for c in shares.columns if c not in GENDER_SHARE_COLUMNS), None)
    if period is None:
        positions = list(range(len(shares)))
        whiskers = [
            (shares["share"] - shares["share_low"]).fillna(0),
            (shares["share_high"] - shares["share"]).fillna(0),
        ]
        colours = [GENDER_COLOURS.get(m, "#888888") for m in shares["measure"]]
        ax.barh(positions, shares["share"].fillna(0), xerr=whiskers, color=colours, capsize=4)
        totals = shares["female"] + shares["male"] + shares["unknown"]
        labels = [f"{m} ({n:,})" for m, n in zip(shares["measure"], totals, strict=True)]
        ax.set_yticks(positions, labels)
        ax.invert_yaxis()
        ax.set_xlim(0, 1)
        ax.axvline(0.5, color="#999999", lw=0.8, ls="--")
        ax.set_xlabel("share of women (whiskers: every unknown a man / a woman)")
    else:
        for measure, rows in shares.groupby("measure", sort=False):
            x = rows[period].astype(str)
            colour = GENDER_COLOURS.get(measure, "#888888")
            ax.plot(x, rows["share"], marker="o", color=colour, label=measure)
            ax.fill_between(x, rows["share_low"], rows["share_high"], color=colour, alpha=0.15)
        ax.set_ylim(0, 1)
        ax.axhline(0.5, color="#999999", lw=0.8, ls="--")
        ax.set_ylabel("share of women")
        ax.legend(fontsize="small")
        ax.tick_params(axis="x", labelrotation=45)
    ax.set_title("Whose voices: women among the people mentioned and quoted")
    return ax


def plot_event_counts(counts: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Dated events per period (``event_counts``): solid bars for events that fall within
    the period, light bars on top for events whose interval only overlaps it."""
    ax = _axes(ax, (9, 3.2))
    x = counts["period"]
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[counts.attrs.get("freq", "month")]
    width = pd.Timedelta(days=0.8 * days)
    ax.bar(
        x, counts["certain"], width=width, align="edge", color="#4c72b0", label="within the period"
    )
    ax.bar(
        x,
        counts["possible"],
        width=width,
        align="edge",
        bottom=counts["certain"],
        color="#4c72b0",
        alpha=0.3,
        label="interval overlaps the period",
    )
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.set_ylabel("dated events")
    ax.legend(fontsize="small")
    outside = counts.attrs.get("outside", 0)
    note = f"; {outside} events far outside the articles' dates left out" if outside else ""
    ax.set_title(f"When the corpus says things happened{note}")
    return ax
