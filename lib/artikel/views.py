"""Corpus views over an ``Analysis``: counts, co-occurrence, speakers and the timeline.

Every view works on a fresh ``analyze`` result and on one read back by ``load_analysis``,
and groups by period with one rule (``periods``): ``month`` needs an article dated by day or
month, ``year`` any dated article; articles without such a date are left out of that view.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from .names import noun_form, organisation_nouns, role_nouns
from .quotes.lexicon import SPEAKER_TYPES


def _body_mentions(analysis, body_only: bool) -> pd.DataFrame:
    entities = analysis.entities
    return entities[entities["in_body"].fillna(False).astype(bool)] if body_only else entities


PERIODS = ("article", "month", "year", "source", "outlet")


def periods(analysis, per: str) -> pd.Series:
    """Article id -> period label for ``per`` ("month": YYYY-MM of articles dated by month or
    day; others get <NA>; "year"; "source"; "outlet"; "article")."""
    articles = analysis.articles.set_index("article_id")
    if per == "month":
        known = articles["date_precision"].isin(["day", "month"])
        return articles["date"].str.slice(0, 7).where(known)
    if per == "year":
        return articles["date"].str.slice(0, 4).where(articles["date"] != "")
    if per in ("source", "outlet"):
        return articles[per].where(articles[per] != "")
    if per == "article":
        return pd.Series(articles.index, index=articles.index)
    raise ValueError(f"per must be article, month, year, source or outlet, not {per!r}")


def entity_counts(
    analysis,
    *,
    per: str | None = None,
    label: str | None = None,
    top: int | None = None,
    body_only: bool = True,
) -> pd.DataFrame:
    """Mentions and document frequency per entity (optionally per article, month, source).

    Args:
        analysis: an ``Analysis``.
        per: ``None`` for the whole corpus, or ``"article"``, ``"month"`` (articles dated
            only by year are left out: their month is unknown), ``"year"``, ``"source"``,
            ``"outlet"``.
        label: only entities with this label (PER, ORG, LOC, MISC).
        top: keep the ``top`` entities by mentions (per period when ``per`` is given).
        body_only: count only mentions in body text (default), not in teasers, captions …

    Returns:
        Columns ``[period,] entity_id, canonical, label, mentions, articles``, sorted by
        mentions (descending), then name.
    """
    mentions = _body_mentions(analysis, body_only)
    if label is not None:
        mentions = mentions[mentions["label"] == label]
    keys = ["entity_id", "label"]
    if per is not None:
        mentions = mentions.assign(period=mentions["article_id"].map(periods(analysis, per)))
        mentions = mentions[mentions["period"].notna()]
        keys = ["period", *keys]
    names = (  # the most frequent canonical name of each id
        mentions.groupby(["entity_id", "canonical"])
        .size()
        .rename("n")
        .reset_index()
        .sort_values(["entity_id", "n", "canonical"], ascending=[True, False, True])
        .drop_duplicates("entity_id")
        .set_index("entity_id")["canonical"]
    )
    counts = (
        mentions.groupby(keys, observed=True)
        .agg(mentions=("article_id", "size"), articles=("article_id", "nunique"))
        .reset_index()
    )
    counts.insert(counts.columns.get_loc("label"), "canonical", counts["entity_id"].map(names))
    order = (["period"] if per else []) + ["mentions", "canonical"]
    counts = counts.sort_values(order, ascending=[True] * bool(per) + [False, True], kind="stable")
    if top is not None:
        counts = counts.groupby("period").head(top) if per else counts.head(top)
    return counts.reset_index(drop=True)


def entity_aliases(analysis, settings=None) -> pd.DataFrame:
    """The alias table: every canonical name that shares its ``entity_id`` with another name
    of the corpus, and why (``ids.alias_rules``).

    Returns:
        Columns ``entity_id, label, canonical, rule, mentions, articles``: one row per name of
        an id that has several names; ``rule`` is ``name`` (the id's own name), ``spelling``
        (a spelling variant), ``surname`` (a surname alone, joined to the corpus's only full
        name that ends in it) or ``override`` (the user's alias file, ``[ids] aliases``).
        Sorted by mentions of the id, then name. To keep a surname apart, add
        ``PER<TAB>name<TAB>-`` to the alias file.
    """
    from .ids import alias_rules

    entities = analysis.entities
    columns = ["entity_id", "label", "canonical", "rule", "mentions", "articles"]
    if entities.empty:
        return pd.DataFrame(columns=columns)
    names = (
        entities.groupby(["label", "canonical"])
        .agg(mentions=("article_id", "size"), articles=("article_id", "nunique"))
        .reset_index()
    )
    pairs = list(zip(names["label"], names["canonical"], strict=True))
    rules = alias_rules(Counter(dict(zip(pairs, names["mentions"], strict=True))), settings)
    names["entity_id"] = [rules[pair][0] for pair in pairs]
    names["rule"] = [rules[pair][1] for pair in pairs]
    shared = names.groupby("entity_id")["canonical"].transform("size") > 1
    table = names[shared | (names["rule"] == "override")].copy()
    table["total"] = table.groupby("entity_id")["mentions"].transform("sum")
    table = table.sort_values(
        ["total", "entity_id", "mentions", "canonical"], ascending=[False, True, False, True]
    )
    return table[columns].reset_index(drop=True)


def entity_spikes(
    analysis,
    *,
    per: str = "month",
    label: str | None = None,
    factor: float = 3.0,
    min_mentions: int = 5,
    examples: int = 3,
) -> pd.DataFrame:
    """Periods in which an entity is mentioned far more than usual, with the articles that
    explain the spike.

    A spike is a period in which an entity has at least ``min_mentions`` body mentions and at
    least ``factor`` times its median per period (periods without mentions count as 0, over
    the periods of the corpus). Works on any corpus size: one groupby per step.

    Returns:
        Columns ``period, entity_id, canonical, label, mentions, usual, ratio, articles``
        (``articles``: the ids of the ``examples`` articles with most mentions of the entity
        in that period, ";"-separated), strongest spikes first.
    """
    columns = [
        "period",
        "entity_id",
        "canonical",
        "label",
        "mentions",
        "usual",
        "ratio",
        "articles",
    ]
    counts = entity_counts(analysis, per=per, label=label)
    article_periods = periods(analysis, per)
    all_periods = article_periods.dropna().unique()
    if counts.empty or len(all_periods) < 2:
        return pd.DataFrame(columns=columns)
    grid = counts.pivot_table(index="entity_id", columns="period", values="mentions", fill_value=0)
    grid = grid.reindex(columns=sorted(all_periods), fill_value=0)
    usual = grid.median(axis=1)
    counts["usual"] = counts["entity_id"].map(usual)
    counts["ratio"] = counts["mentions"] / counts["usual"].clip(lower=1)
    spikes = counts[(counts["mentions"] >= min_mentions) & (counts["ratio"] >= factor)]
    mentions = _body_mentions(analysis, True)
    mentions = mentions.assign(period=mentions["article_id"].map(article_periods))
    per_article = (
        mentions[mentions["entity_id"].isin(spikes["entity_id"])]
        .groupby(["period", "entity_id", "article_id"])
        .size()
        .rename("n")
        .reset_index()
        .sort_values(["n", "article_id"], ascending=[False, True])
    )
    top = per_article.groupby(["period", "entity_id"]).head(examples)
    explained = top.groupby(["period", "entity_id"])["article_id"].agg(";".join)
    spikes = spikes.assign(
        articles=[
            explained.get(key, "")
            for key in zip(spikes["period"], spikes["entity_id"], strict=True)
        ]
    )
    spikes = spikes.sort_values(["ratio", "mentions", "canonical"], ascending=[False, False, True])
    return spikes[columns].reset_index(drop=True)


def cooccurrence(
    analysis, *, unit: str = "sentence", body_only: bool = True, min_count: int = 1
) -> pd.DataFrame:
    """Pairs of entities mentioned in the same sentence (or paragraph), for network views.

    Returns:
        Columns ``source, target`` (entity ids, ``source < target``), ``source_name,
        target_name``, ``count`` (units in which both occur) and ``articles``; sorted by
        count. Each pair counts once per unit however often the names repeat in it.
    """
    mentions = _body_mentions(analysis, body_only)
    if unit == "paragraph":
        starts = analysis.sentences.set_index(["article_id", "sent_idx"])["para_idx"]
        key = pd.Series(list(zip(mentions["article_id"], mentions["sent_idx"], strict=True))).map(
            starts.to_dict()
        )
        mentions = mentions.assign(unit=key.to_numpy())
    elif unit == "sentence":
        mentions = mentions.assign(unit=mentions["sent_idx"])
    else:
        raise ValueError(f"unit must be sentence or paragraph, not {unit!r}")
    names = mentions.drop_duplicates("entity_id").set_index("entity_id")["canonical"]
    pairs: Counter = Counter()
    pair_articles: dict[tuple[str, str], set] = defaultdict(set)
    for (article_id, _), group in mentions.groupby(["article_id", "unit"], sort=True):
        ids = sorted(set(group["entity_id"]))
        for i, first in enumerate(ids):
            for second in ids[i + 1 :]:
                pairs[(first, second)] += 1
                pair_articles[(first, second)].add(article_id)
    rows = [
        {
            "source": a,
            "target": b,
            "source_name": names[a],
            "target_name": names[b],
            "count": n,
            "articles": len(pair_articles[(a, b)]),
        }
        for (a, b), n in pairs.items()
        if n >= min_count
    ]
    table = pd.DataFrame(
        rows, columns=["source", "target", "source_name", "target_name", "count", "articles"]
    )
    return table.sort_values(
        ["count", "source", "target"], ascending=[False, True, True]
    ).reset_index(drop=True)


def _quote_words(quotes: pd.DataFrame) -> pd.Series:
    return quotes["text"].astype(str).str.split().str.len().fillna(0).astype(int)


def speaker_types(analysis) -> pd.Series:
    """The type of each quote's speaker: person, organisation, role or unnamed.

    Uses the ``speaker_type`` column when the quotes table has it; otherwise the entities
    table (a speaker that is the canonical name of a PER entity is a person, of an ORG, LOC
    or MISC entity an organisation) and the role and organisation lexicons.
    """
    quotes = analysis.quotes
    if "speaker_type" in quotes.columns:
        return quotes["speaker_type"].astype(str).rename("speaker_type")
    labels: dict[tuple[str, str], str] = {}
    for row in analysis.entities[["article_id", "canonical", "label"]].itertuples(index=False):
        labels.setdefault((row.article_id, row.canonical), row.label)

    def kind(article_id: str, speaker: str) -> str:
        if not speaker:
            return "unnamed"
        label = labels.get((article_id, speaker))
        if label == "PER":
            return "person"
        if label in ("ORG", "LOC", "MISC"):
            return "organisation"
        head = speaker.split()[0].lower() if speaker.split() else ""
        if noun_form(head, organisation_nouns()):
            return "organisation"
        if noun_form(head, role_nouns()) or head.endswith(("jährige", "jähriger")):
            return "role"
        return "person"

    values = [kind(a, sp) for a, sp in zip(quotes["article_id"], quotes["speaker"], strict=True)]
    return pd.Series(values, index=quotes.index, name="speaker_type", dtype="string")


def speaker_counts(analysis, *, per: str | None = "article") -> pd.DataFrame:
    """Quotes and quoted words per speaker.

    Args:
        analysis: an ``Analysis`` (its ``quotes``, ``articles`` and ``entities`` tables).
        per: ``"article"`` (one row per article and speaker), a period of ``periods``
            (``"month"``, ``"year"``, ``"source"``, ``"outlet"``) or ``None`` (the whole
            corpus). Articles without that period (e.g. no month) are left out.

    Returns:
        A DataFrame with the grouping column(s), speaker (``""`` when unknown),
        speaker_type, quotes, direct, indirect (with mixed), words; sorted by quotes.
    """
    if per not in (None, *PERIODS):
        raise ValueError(f"per must be None or one of {', '.join(PERIODS)}, not {per!r}")
    quotes = analysis.quotes.copy()
    quotes["speaker_type"] = speaker_types(analysis).to_numpy()
    quotes["words"] = _quote_words(quotes)
    quotes["direct"] = (quotes["kind"] == "direct").astype(int)
    quotes["indirect"] = (quotes["kind"] != "direct").astype(int)
    keys = ["speaker", "speaker_type"]
    if per == "article":
        keys = ["article_id", *keys]
    elif per is not None:  # one period rule for every view: undated articles are left out
        quotes[per] = quotes["article_id"].map(periods(analysis, per))
        quotes = quotes[quotes[per].notna()]
        keys = [per, *keys]
    columns = [*keys, "quotes", "direct", "indirect", "words"]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    table = (
        quotes.groupby(keys, dropna=False)
        .agg(
            quotes=("kind", "size"),
            direct=("direct", "sum"),
            indirect=("indirect", "sum"),
            words=("words", "sum"),
        )
        .reset_index()
    )
    order = [keys[0], "quotes"] if per else ["quotes"]
    ascending = [True, False] if per else [False]
    return table.sort_values([*order, "speaker"], ascending=[*ascending, True]).reset_index(
        drop=True
    )[columns]


def speaker_type_shares(analysis, *, per: str | None = None) -> pd.DataFrame:
    """Share of quotes by speaker type (person / organisation / role / unnamed).

    Args:
        analysis: an ``Analysis``.
        per: ``None`` for the whole corpus, ``"article"`` or ``"month"``.

    Returns:
        A DataFrame with the grouping column (if any), speaker_type, quotes and share (of
        the group's quotes), every type listed even when it has no quote.
    """
    counts = speaker_counts(analysis, per=per)
    group = [] if per is None else ["article_id" if per == "article" else per]
    rows = []
    groups = counts.groupby(group) if group else [((), counts)]
    for key, frame in groups:
        total = int(frame["quotes"].sum())
        for kind in SPEAKER_TYPES:
            n = int(frame.loc[frame["speaker_type"] == kind, "quotes"].sum())
            label = dict(zip(group, key if isinstance(key, tuple) else (key,), strict=True))
            rows.append(
                {**label, "speaker_type": kind, "quotes": n, "share": n / total if total else 0.0}
            )
    return pd.DataFrame(rows, columns=[*group, "speaker_type", "quotes", "share"])


TIMELINE_COLUMNS = [
    "article_id",
    "sent_idx",
    "timex",
    "type",
    "value",
    "granularity",
    "start",
    "end",
    "sentence",
    "entities",
    "article_date",
]


def timeline(analysis, *, body_only: bool = True, entity: str | None = None) -> pd.DataFrame:
    """One row per dated event: a DATE/TIME expression with a calendar interval, its sentence.

    Args:
        analysis: an ``Analysis``.
        body_only: only events in body sentences (not in captions, teasers, credits …).
        entity: only events in sentences that mention this entity (a canonical name or an
            ``entity_id``): the timeline of one person, organisation or place.

    Returns:
        Columns ``article_id, sent_idx, timex, type, value, granularity, start, end``
        (the inclusive interval as Timestamps), ``sentence``, ``entities`` (canonical names
        in the sentence, "; "-joined) and ``article_date``; sorted by ``start``. A weekday in
        an article dated only by month is an interval across the month, not a guessed day.
    """
    timexes = analysis.timexes
    dated = timexes[timexes["type"].isin(["DATE", "TIME"]) & (timexes["anchor_start"] != "")]
    sentences = analysis.sentences[["article_id", "sent_idx", "text", "in_body"]].rename(
        columns={"text": "sentence"}
    )
    events = dated.merge(sentences, on=["article_id", "sent_idx"], how="left")
    if body_only:
        events = events[events["in_body"].fillna(False).astype(bool)]
    names = (
        analysis.entities.groupby(["article_id", "sent_idx"])["canonical"]
        .agg(lambda values: "; ".join(dict.fromkeys(v for v in values if v)))
        .rename("entities")
        .reset_index()
    )
    if entity is not None:
        mentioned = analysis.entities[
            (analysis.entities["canonical"] == entity) | (analysis.entities["entity_id"] == entity)
        ][["article_id", "sent_idx"]].drop_duplicates()
        events = events.merge(mentioned, on=["article_id", "sent_idx"])
    events = events.merge(names, on=["article_id", "sent_idx"], how="left")
    dates = analysis.articles[["article_id", "date"]].rename(columns={"date": "article_date"})
    events = events.merge(dates, on="article_id", how="left")
    events = events.rename(columns={"text": "timex"})
    events["start"] = pd.to_datetime(events["anchor_start"])
    events["end"] = pd.to_datetime(events["anchor_end"])
    events["entities"] = events["entities"].fillna("").astype("string")
    events = events.sort_values(["start", "end", "article_id", "sent_idx"], kind="stable")
    return events[TIMELINE_COLUMNS].reset_index(drop=True)


GENDER_MEASURES = ("people mentioned", "quotes", "quoted words", "speakers")


def _person_ids(analysis) -> dict[tuple[str, str], str]:
    """(article_id, canonical) -> entity_id of the article's people."""
    people = analysis.entities[analysis.entities["label"] == "PER"]
    return dict(
        zip(
            zip(people["article_id"], people["canonical"], strict=True),
            people["entity_id"],
            strict=True,
        )
    )


def gender_shares(analysis, *, per: str | None = None, body_only: bool = True) -> pd.DataFrame:
    """The share of women among the people mentioned and among those quoted.

    Measures: ``people mentioned`` (each person once per article), ``quotes`` (quotes whose
    speaker is a person or a role, by ``speaker_gender``), ``quoted words`` and ``speakers``
    (distinct speakers: the person's ``entity_id``, else the speaker's name in its article).
    Organisations and quotes without a speaker are left out.

    Args:
        analysis: an ``Analysis`` (in memory or from ``load_analysis``).
        per: ``None`` for the whole corpus, or a period of ``periods`` ("article", "month",
            "year", "source", "outlet"); articles without that period are left out.
        body_only: count only people mentioned in body text.

    Returns:
        One row per [period and] measure: female, male, unknown (counts), share =
        female / (female + male) (NaN when both are 0), and the bounds of the share if every
        unknown were a man (``share_low``) or a woman (``share_high``).
    """
    if per not in (None, *PERIODS):
        raise ValueError(f"per must be None or one of {', '.join(PERIODS)}, not {per!r}")
    people = _body_mentions(analysis, body_only)
    people = people[people["label"] == "PER"].drop_duplicates(["article_id", "entity_id"])
    quotes = analysis.quotes[analysis.quotes["speaker_gender"].isin(["female", "male", "unknown"])]
    quotes = quotes.assign(words=_quote_words(quotes))
    ids = _person_ids(analysis)
    keys = [
        ids.get(pair, f"{pair[0]}:{pair[1]}")  # not a known person: one speaker per article
        for pair in zip(quotes["article_id"], quotes["speaker"], strict=True)
    ]
    speakers = quotes.assign(speaker_key=keys)
    measures = {
        "people mentioned": (people, "gender", None),
        "quotes": (quotes, "speaker_gender", None),
        "quoted words": (quotes, "speaker_gender", "words"),
        "speakers": (speakers, "speaker_gender", None),
    }
    period = periods(analysis, per) if per is not None else None
    rows = []
    for measure in GENDER_MEASURES:
        frame, column, weight = measures[measure]
        frame = frame.assign(
            period=frame["article_id"].map(period) if period is not None else "all",
            n=frame[weight] if weight else 1,
        )
        frame = frame[frame["period"].notna()]
        if measure == "speakers":  # each speaker once per period (per article: per article)
            frame = frame.drop_duplicates(["period", "speaker_key"])
        table = frame.pivot_table(
            index="period", columns=column, values="n", aggfunc="sum", fill_value=0
        )
        for key, counts in table.iterrows():
            female, male, unknown = (int(counts.get(g, 0)) for g in ("female", "male", "unknown"))
            known, total = female + male, female + male + unknown
            rows.append(
                {
                    "period": key,
                    "measure": measure,
                    "female": female,
                    "male": male,
                    "unknown": unknown,
                    "share": female / known if known else float("nan"),
                    "share_low": female / total if total else float("nan"),
                    "share_high": (female + unknown) / total if total else float("nan"),
                }
            )
    columns = ["period", "measure", "female", "male", "unknown", "share", "share_low", "share_high"]
    result = pd.DataFrame(rows, columns=columns)
    result["measure"] = pd.Categorical(result["measure"], GENDER_MEASURES, ordered=True)
    result = result.sort_values(["period", "measure"], kind="stable")
    result["measure"] = result["measure"].astype(str)
    if per is None:
        result = result.drop(columns="period")
    name = {None: "period", "article": "article_id"}.get(per, per)
    return result.rename(columns={"period": name}).reset_index(drop=True)


FREQUENCIES = {"day": "D", "week": "W-SUN", "month": "M", "year": "Y"}


def event_counts(
    analysis,
    *,
    freq: str = "month",
    entity: str | None = None,
    margin_years: int = 10,
    body_only: bool = True,
) -> pd.DataFrame:
    """Dated events of a corpus per day, week, month or year, with their uncertainty.

    An event counts as ``certain`` in the period that holds its whole interval (a day in its
    month; a month in its year) and as ``possible`` in every period its interval only
    overlaps (a month-long weekday in each of its weeks). Events outside the span of the
    articles' dates widened by ``margin_years`` (history told in passing, misread numbers)
    are left out; ``attrs["outside"]`` counts them.

    Returns:
        Columns ``period`` (the period's first day), ``certain``, ``possible``, ``articles``
        (articles with an event certain in the period); one row per period with an event.
    """
    if freq not in FREQUENCIES:
        raise ValueError(f"freq must be one of {', '.join(FREQUENCIES)}, not {freq!r}")
    events = timeline(analysis, body_only=body_only, entity=entity)
    columns = ["period", "certain", "possible", "articles"]
    dates = pd.to_datetime(
        analysis.articles["date"].where(analysis.articles["date"] != ""),
        errors="coerce",
        format="mixed",
    ).dropna()
    if not dates.empty:
        low = dates.min() - pd.DateOffset(years=margin_years)
        high = dates.max() + pd.DateOffset(years=margin_years)
        inside = (events["end"] >= low) & (events["start"] <= high)
        outside, events = int((~inside).sum()), events[inside]
    else:
        outside = 0
    if events.empty:
        result = pd.DataFrame(columns=columns)
        result.attrs.update(outside=outside, freq=freq)
        return result
    code = FREQUENCIES[freq]
    first = events["start"].dt.to_period(code)
    last = events["end"].dt.to_period(code)
    certain = events[first == last].assign(period=first[first == last])
    possible = [
        period
        for a, b in zip(first[first != last], last[first != last], strict=True)
        for period in pd.period_range(a, b, freq=code)
    ]
    counts = certain.groupby("period").agg(
        certain=("article_id", "size"), articles=("article_id", "nunique")
    )
    maybe = pd.Series(possible, dtype=f"period[{code}]").value_counts().rename("possible")
    result = counts.join(maybe, how="outer").fillna(0).astype(int).sort_index()
    result.index = result.index.to_timestamp()
    result = result.rename_axis("period").reset_index()[columns]
    result.attrs.update(outside=outside, freq=freq)
    return result
