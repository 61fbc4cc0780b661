"""Scoring an analysis against gold files (the format of dev-corpus/GUIDELINES.md).

Prediction and scoring are apart: ``evaluate`` analyses the articles, ``score_*``
functions compare tables with gold annotations and return counts, and
``format_report`` prints precision, recall and F1 per analysis.

Gold offsets index the whole file content; the ``articles.text_offset`` column maps them
onto the article text that every table indexes.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from .analysis import Analysis, analyze
from .reading import read_articles
from .settings import Settings
from .timexes.normalise import same_timex_value


@dataclass
class Score:
    """Counts of one comparison, with precision, recall and F1 derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        values = asdict(self)
        values.update(precision=self.precision, recall=self.recall, f1=self.f1)
        return values


class GoldError(ValueError):
    """A gold file that cannot be used (names the file and the problem)."""


def gold_folder(path: str | Path) -> Path:
    """The folder of gold ``.json`` files: ``path`` itself or its ``gold/`` subfolder."""
    path = Path(path)
    if (path / "gold").is_dir():
        path = path / "gold"
    if not path.is_dir():
        raise GoldError(f"gold folder not found: {path}")
    return path


def load_gold(path: str | Path) -> dict[str, dict]:
    """Gold annotations by article id from a folder of ``<id>.json`` files."""
    gold = {}
    for file in sorted(gold_folder(path).glob("*.json")):
        try:
            gold[file.stem] = json.loads(file.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise GoldError(f"{file}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
    if not gold:
        raise GoldError(f"no gold .json files in {gold_folder(path)}")
    return gold


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _articles_with_gold(analysis: Analysis, gold: dict[str, dict]):
    """(article id, its gold annotations, offset of its text in the file) for every
    analysed article that has a gold file, in id order."""
    offsets = dict(
        zip(analysis.articles["article_id"], analysis.articles["text_offset"], strict=True)
    )
    for article_id, article_gold in sorted(gold.items()):
        if article_id in offsets:
            yield article_id, article_gold, int(offsets[article_id])


def score_boilerplate(analysis: Analysis, gold: dict[str, dict]) -> Score:
    """Paragraph-level boilerplate detection.

    A gold paragraph is boilerplate when most of its characters lie in gold
    ``boilerplate`` spans (GUIDELINES.md); a predicted one when its kind is not ``body``.
    ``extra["kind_accuracy"]`` is the share of true positives whose kind matches the gold
    span's kind.
    """
    score, kinds_right = Score(), 0
    by_article = dict(tuple(analysis.paragraphs.groupby("article_id")))
    for article_id, article_gold, offset in _articles_with_gold(analysis, gold):
        paragraphs = by_article.get(article_id, analysis.paragraphs.iloc[:0])
        spans = [
            (span["start"] - offset, span["end"] - offset, span["kind"])
            for span in article_gold.get("boilerplate", [])
        ]
        for paragraph in paragraphs.itertuples():
            covering = [
                (s, e, k) for s, e, k in spans if _overlap(paragraph.start, paragraph.end, s, e)
            ]
            covered = sum(_overlap(paragraph.start, paragraph.end, s, e) for s, e, _ in covering)
            is_gold = 2 * covered > paragraph.end - paragraph.start
            is_predicted = paragraph.kind != "body"
            if is_gold and is_predicted:
                score.tp += 1
                kinds_right += any(k == paragraph.kind for _, _, k in covering)
            elif is_predicted:
                score.fp += 1
            elif is_gold:
                score.fn += 1
    score.extra["kind_accuracy"] = kinds_right / score.tp if score.tp else 0.0
    return score


def _gold_boilerplate(annotations: dict, offset: int) -> list[tuple[int, int]]:
    return [(b["start"] - offset, b["end"] - offset) for b in annotations.get("boilerplate", [])]


def _in_spans(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(_overlap(start, end, s, e) for s, e in spans)


def _match_one_to_one(
    predicted: list[tuple[int, int]], gold: list[tuple[int, int]], min_iou: float = 0.0
) -> list[tuple[int, int]]:
    """Pairs (predicted index, gold index): greedy by overlap size, each used once.

    With ``min_iou`` 0 any overlap matches; otherwise the character IoU must reach it.
    """
    pairs = []
    for i, (ps, pe) in enumerate(predicted):
        for j, (gs, ge) in enumerate(gold):
            overlap = _overlap(ps, pe, gs, ge)
            if overlap and overlap / (max(pe, ge) - min(ps, gs)) >= min_iou:
                pairs.append((overlap, i, j))
    used_p, used_g, matched = set(), set(), []
    for _, i, j in sorted(pairs, key=lambda item: (-item[0], item[1], item[2])):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matched.append((i, j))
    return matched


def score_timexes(analysis: Analysis, gold: dict[str, dict]) -> dict[str, Score]:
    """Temporal expressions in body text (outside gold boilerplate).

    Returns ``span`` (any overlap, one-to-one), ``value`` (matched and same value) and
    ``type`` (``extra["accuracy"]``: share of matched spans with the gold type).
    """
    span, value, types_right = Score(), Score(), 0
    direction = Counter()  # weekday expressions: gold before/after the publication day
    by_article = dict(tuple(analysis.timexes.groupby("article_id")))
    for article_id, article_gold, offset in _articles_with_gold(analysis, gold):
        boilerplate = _gold_boilerplate(article_gold, offset)
        gold_items = [
            (t["start"] - offset, t["end"] - offset, t["type"], t["value"])
            for t in article_gold.get("timexes", [])
            if not _in_spans(t["start"] - offset, t["end"] - offset, boilerplate)
        ]
        predicted_rows = by_article.get(article_id)
        predicted = []
        if predicted_rows is not None:
            predicted = [
                (int(r.start), int(r.end), r.type, r.value)
                for r in predicted_rows.itertuples()
                if not _in_spans(int(r.start), int(r.end), boilerplate)
            ]
        pairs = _match_one_to_one([p[:2] for p in predicted], [g[:2] for g in gold_items])
        span.tp += len(pairs)
        span.fp += len(predicted) - len(pairs)
        span.fn += len(gold_items) - len(pairs)
        same_value = sum(same_timex_value(predicted[i][3], gold_items[j][3]) for i, j in pairs)
        types_right += sum(predicted[i][2] == gold_items[j][2] for i, j in pairs)
        value.tp += same_value
        value.fp += len(predicted) - same_value
        value.fn += len(gold_items) - same_value
        _count_direction(direction, article_gold, gold_items, predicted, pairs, offset)
    span.extra["type_accuracy"] = types_right / span.tp if span.tp else 0.0
    if direction["before"] or direction["after"]:
        value.extra["weekdays on/before the day predicted after"] = direction["before_late"]
        value.extra["weekdays after the day predicted after"] = (
            direction["after_late"] / direction["after"] if direction["after"] else 0.0
        )
    return {"timex spans": span, "timex values": value}


WEEKDAY = re.compile(r"(?i)montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag")


def _count_direction(counts: Counter, article_gold: dict, gold_items, predicted, pairs, offset):
    """Issue 19's direction check: weekday expressions of articles dated to the day whose gold
    value is a day on or before the publication day, and after it, and how many of each the
    analysis dates after it."""
    dct = str(article_gold.get("dct", ""))
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", dct):
        return
    texts = {
        (t["start"] - offset, t["end"] - offset): t.get("text", "")
        for t in article_gold.get("timexes", [])
    }
    matched = dict((j, i) for i, j in pairs)
    for j, (start, end, _, gold_value) in enumerate(gold_items):
        if not WEEKDAY.search(texts.get((start, end), "")) or not re.match(
            r"\d{4}-\d{2}-\d{2}", gold_value
        ):
            continue
        side = "after" if gold_value[:10] > dct else "before"
        counts[side] += 1
        found = predicted[matched[j]][3] if j in matched else ""
        counts[f"{side}_late"] += bool(re.match(r"\d{4}-\d{2}-\d{2}", found)) and found[:10] > dct


def _article_items(analysis_table: pd.DataFrame, article_id: str) -> pd.DataFrame:
    return analysis_table[analysis_table["article_id"] == article_id]


def score_entities(analysis: Analysis, gold: dict[str, dict]) -> dict[str, Score]:
    """Entity mentions in body text (outside gold boilerplate).

    Returns ``entities (strict)``: exact span and label, with per-label scores in
    ``extra``; ``entity spans``: exact span, any label; ``canonical frequency``: per
    article, the multiset of canonical names (a name found twice counts twice). Its
    ``extra`` holds the share of articles whose most mentioned referent is right, the
    person canonicals that fuse two gold people, and how many of the corpus's 20 most
    mentioned gold canonicals are among the 20 most mentioned predicted ones.
    """
    strict, unlabelled, frequency = Score(), Score(), Score()
    per_label: dict[str, Score] = {}
    top_right = top_articles = fused = 0
    corpus_predicted: Counter = Counter()
    corpus_gold: Counter = Counter()
    for article_id, article_gold, offset in _articles_with_gold(analysis, gold):
        boilerplate = _gold_boilerplate(article_gold, offset)
        gold_items = {
            (e["start"] - offset, e["end"] - offset, e["label"], e["canonical"])
            for e in article_gold.get("entities", [])
            if not _in_spans(e["start"] - offset, e["end"] - offset, boilerplate)
        }
        rows = _article_items(analysis.entities, article_id)
        predicted = {
            (int(r.start), int(r.end), r.label, r.canonical)
            for r in rows.itertuples()
            if not _in_spans(int(r.start), int(r.end), boilerplate)
        }
        _count(strict, {i[:3] for i in predicted}, {i[:3] for i in gold_items})
        _count(unlabelled, {i[:2] for i in predicted}, {i[:2] for i in gold_items})
        for label in {i[2] for i in predicted | gold_items}:
            _count(
                per_label.setdefault(label, Score()),
                {i[:3] for i in predicted if i[2] == label},
                {i[:3] for i in gold_items if i[2] == label},
            )
        predicted_names = Counter(i[3] for i in predicted)
        gold_names = Counter(i[3] for i in gold_items)
        corpus_predicted += predicted_names
        corpus_gold += gold_names
        fused += _fused_people(predicted, gold_items)
        if gold_names:  # the most mentioned referent (any of the tied ones) found as such
            top_articles += 1
            top_right += bool(_most_mentioned(predicted_names) & _most_mentioned(gold_names))
        common = sum((predicted_names & gold_names).values())
        frequency.tp += common
        frequency.fp += sum(predicted_names.values()) - common
        frequency.fn += sum(gold_names.values()) - common
    for label, score in sorted(per_label.items()):
        strict.extra[f"{label} F1"] = score.f1
    if top_articles:
        frequency.extra["most mentioned right"] = top_right / top_articles
    frequency.extra["person canonicals fusing two people"] = fused
    frequency.extra["top 20 canonicals shared with gold"] = len(
        _top(corpus_predicted, 20) & _top(corpus_gold, 20)
    )
    return {
        "entities (strict)": strict,
        "entity spans": unlabelled,
        "canonical frequency": frequency,
    }


def _fused_people(predicted: set, gold_items: set) -> int:
    """Predicted person canonicals of one article whose mentions overlap the mentions of two
    or more different gold people (one name given to two people)."""
    gold_people = [(s, e, canonical) for s, e, label, canonical in gold_items if label == "PER"]
    covered: dict[str, set[str]] = {}
    for start, end, label, canonical in predicted:
        if label == "PER":
            covered.setdefault(canonical, set()).update(
                name for s, e, name in gold_people if s < end and start < e
            )
    return sum(len(names) > 1 for names in covered.values())


def _top(names: Counter, size: int) -> set[str]:
    """The ``size`` most mentioned names (ties broken alphabetically)."""
    return {name for name, _ in sorted(names.items(), key=lambda item: (-item[1], item[0]))[:size]}


def _most_mentioned(names: Counter) -> set[str]:
    """The canonical names mentioned most often in one article (all of them on a tie)."""
    most = max(names.values(), default=0)
    return {name for name, n in names.items() if n == most and most}


def _count(score: Score, predicted: set, gold: set) -> None:
    score.tp += len(predicted & gold)
    score.fp += len(predicted - gold)
    score.fn += len(gold - predicted)


def _same_speaker(predicted: str, gold: str | None) -> bool:
    def norm(name: str | None) -> str:
        return " ".join((name or "").split()).casefold()

    return norm(predicted) == norm(gold)


def score_quotes(analysis: Analysis, gold: dict[str, dict]) -> dict[str, Score]:
    """Quotes everywhere in the article (GUIDELINES.md scores quotes in boilerplate too).

    A predicted quote matches a gold one when their character IoU is at least 0.5
    (one-to-one). Returns ``quote spans``; ``attributed quotes`` (matched and the same
    speaker, compared without case and extra spaces); ``extra`` holds the recall of
    direct and of indirect (with mixed) gold quotes, kind, cue and speaker-mention accuracy
    on matches, and the speaker-mention accuracy of gold quotes with a cue (GUIDELINES.md
    leaves the mention of a continuation empty; other gold may not).
    """
    spans, attributed = Score(), Score()
    recall_counts = {"direct": [0, 0], "indirect": [0, 0]}
    kinds_right = 0
    cues = [0, 0]  # matched quotes with a gold cue: right, all
    mentions = [0, 0]  # matched quotes with a gold speaker mention: right, all
    cued_mentions = [0, 0]  # the same for gold quotes with a cue (no continuations)
    for article_id, article_gold, offset in _articles_with_gold(analysis, gold):
        gold_quotes = article_gold.get("quotes", [])
        gold_items = [
            (q["start"] - offset, q["end"] - offset, q["kind"], q.get("speaker"))
            for q in gold_quotes
        ]
        rows = _article_items(analysis.quotes, article_id)
        predicted = [(int(r.start), int(r.end), r.kind, r.speaker) for r in rows.itertuples()]
        predicted_rows = list(rows.itertuples())
        pairs = _match_one_to_one([p[:2] for p in predicted], [g[:2] for g in gold_items], 0.5)
        spans.tp += len(pairs)
        spans.fp += len(predicted) - len(pairs)
        spans.fn += len(gold_items) - len(pairs)
        right = sum(_same_speaker(predicted[i][3], gold_items[j][3]) for i, j in pairs)
        attributed.tp += right
        attributed.fp += len(predicted) - right
        attributed.fn += len(gold_items) - right
        kinds_right += sum(predicted[i][2] == gold_items[j][2] for i, j in pairs)
        for i, j in pairs:
            row, gold_quote = predicted_rows[i], gold_quotes[j]
            if gold_quote.get("cue"):
                cues[1] += 1
                cues[0] += _same_cue(getattr(row, "cue", ""), gold_quote["cue"])
            mention = gold_quote.get("speaker_mention")
            if mention:
                right = _right_mention(row, mention["start"] - offset, mention["end"] - offset)
                mentions[0] += right
                mentions[1] += 1
                if gold_quote.get("cue"):
                    cued_mentions[0] += right
                    cued_mentions[1] += 1
        matched_gold = {j for _, j in pairs}
        for j, item in enumerate(gold_items):
            group = "direct" if item[2] == "direct" else "indirect"
            recall_counts[group][1] += 1
            recall_counts[group][0] += j in matched_gold
    for group, (found, total) in recall_counts.items():
        spans.extra[f"{group} recall"] = found / total if total else 0.0
    spans.extra["kind_accuracy"] = kinds_right / spans.tp if spans.tp else 0.0
    spans.extra["cue_accuracy"] = cues[0] / cues[1] if cues[1] else 0.0
    spans.extra["speaker_mention_accuracy"] = mentions[0] / mentions[1] if mentions[1] else 0.0
    spans.extra["cued_speaker_mention_accuracy"] = (
        cued_mentions[0] / cued_mentions[1] if cued_mentions[1] else 0.0
    )
    return {"quote spans": spans, "attributed quotes": attributed}


def _same_cue(predicted: str, gold: str) -> bool:
    """Cues as written, compared by their words (``kündigte … an`` = ``kündigte an``)."""
    return re.findall(r"\w+", (predicted or "").casefold()) == re.findall(r"\w+", gold.casefold())


def _right_mention(row, gold_start: int, gold_end: int) -> bool:
    """A predicted speaker mention is right when it overlaps the gold mention and is not
    longer than it plus one word before it (a determiner or a title); quotation marks
    around a quoted name are no words ("Der „Kurier“" for "Kurier")."""
    start, end = row.speaker_start, row.speaker_end
    if pd.isna(start) or pd.isna(end) or not _overlap(int(start), int(end), gold_start, gold_end):
        return False
    text = str(row.speaker_text)
    extra_before = re.findall(r"\w[\w.-]*", text[: max(0, gold_start - int(start))])
    extra_after = re.findall(r"\w", text[max(0, gold_end - int(start)) :])
    return not extra_after and len(extra_before) <= 1


def score_gender(analysis: Analysis, gold: dict[str, dict]) -> dict[str, float | None]:
    """Gender of people (GUIDELINES.md, "Gender of people"), as the Gender Gap Tracker reports it.

    ``gender (PER mentions)``: accuracy on gold PER mentions found with the same span and
    label; ``female precision``/``female recall`` on those; ``gender (person speakers)``:
    accuracy on matched quotes (IoU >= 0.5) whose gold speaker is a woman or a man; and the
    share of women among quotes with a female or male speaker, gold and predicted, end to end.
    """
    if "gender" not in analysis.entities.columns:  # an analysis from before the gender layer
        return {}
    right = total = female_tp = female_fp = female_fn = 0
    speakers_right = speakers = 0
    shares = {"gold": Counter(), "predicted": Counter()}
    for article_id, article_gold, offset in _articles_with_gold(analysis, gold):
        rows = _article_items(analysis.entities, article_id)
        predicted = {
            (int(r.start), int(r.end)): r.gender for r in rows.itertuples() if r.label == "PER"
        }
        for entity in article_gold.get("entities", []):
            if entity["label"] != "PER" or "gender" not in entity:
                continue
            found = predicted.get((entity["start"] - offset, entity["end"] - offset))
            if found is None:
                continue
            total += 1
            right += found == entity["gender"]
            female_tp += found == "female" == entity["gender"]
            female_fp += found == "female" != entity["gender"]
            female_fn += entity["gender"] == "female" != found
        quotes = _article_items(analysis.quotes, article_id)
        gold_quotes = article_gold.get("quotes", [])
        pairs = _match_one_to_one(
            [(int(r.start), int(r.end)) for r in quotes.itertuples()],
            [(q["start"] - offset, q["end"] - offset) for q in gold_quotes],
            0.5,
        )
        genders = list(quotes["speaker_gender"])
        for i, j in pairs:
            if gold_quotes[j].get("speaker_gender") in ("female", "male"):
                speakers += 1
                speakers_right += genders[i] == gold_quotes[j]["speaker_gender"]
        shares["gold"].update(q.get("speaker_gender") for q in gold_quotes)
        shares["predicted"].update(genders)

    def share(counts: Counter) -> float | None:
        known = counts["female"] + counts["male"]
        return counts["female"] / known if known else None

    return {
        "gender (PER mentions)": right / total if total else None,
        "PER mentions with gender": total,
        "female precision": female_tp / (female_tp + female_fp) if female_tp + female_fp else None,
        "female recall": female_tp / (female_tp + female_fn) if female_tp + female_fn else None,
        "gender (person speakers)": speakers_right / speakers if speakers else None,
        "person speakers": speakers,
        "female share of quotes, gold": share(shares["gold"]),
        "female share of quotes, predicted": share(shares["predicted"]),
    }


def check_alignment(articles: pd.DataFrame, gold: dict[str, dict]) -> list[str]:
    """Problems where gold spans do not match the article text they claim to quote."""
    problems = []
    for article in articles.itertuples():
        annotations = gold.get(article.article_id)
        if annotations is None:
            continue
        offset = int(article.text_offset)
        for layer in ("boilerplate", "entities", "quotes", "timexes"):
            for span in annotations.get(layer, []):
                start, end = span["start"] - offset, span["end"] - offset
                if start < 0 or article.text[start:end] != span["text"]:
                    problems.append(
                        f"{article.article_id}: {layer} span {span['start']}-{span['end']} "
                        f"does not match the article text"
                    )
    return problems


def evaluate(
    gold_dir: str | Path,
    articles_dir: str | Path,
    *,
    model: str | None = None,
    settings: Settings | None = None,
) -> dict:
    """Analyse ``articles_dir`` and score it against the gold files in ``gold_dir``.

    Returns:
        ``{"articles": n, "pipeline": ..., "scores": {analysis: Score.as_dict()},
        "problems": [...]}``.
    """
    gold = load_gold(gold_dir)
    articles = read_articles(articles_dir, settings=settings)
    analysis = analyze(articles, model=model, settings=settings)
    missing = sorted(set(gold) - set(analysis.articles["article_id"]))
    problems = [f"{article_id}: gold file without an analysed article" for article_id in missing]
    problems += check_alignment(analysis.articles, gold)
    problems += [f"{row.source}: {row.error}" for row in analysis.errors.itertuples()]
    scores = {"boilerplate paragraphs": score_boilerplate(analysis, gold)}
    scores.update(score_entities(analysis, gold))
    scores.update(score_quotes(analysis, gold))
    scores.update(score_timexes(analysis, gold))
    scores = {name: score.as_dict() for name, score in scores.items()}
    return {
        "figures": score_gender(analysis, gold),
        "articles": int(analysis.articles["article_id"].isin(list(gold)).sum()),
        "pipeline": analysis.meta["pipeline"],
        "scores": scores,
        "problems": problems,
    }


def format_report(result: dict) -> str:
    """A plain-text table of the scores returned by ``evaluate``."""
    lines = [
        f"artikel evaluate: {result['articles']} articles, pipeline {result['pipeline']}",
        f"{'analysis':<26}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}  notes",
    ]
    for name, score in result["scores"].items():
        notes = ", ".join(f"{key} {value:.3f}" for key, value in score["extra"].items())
        lines.append(
            f"{name:<26}{score['precision']:>7.3f}{score['recall']:>7.3f}{score['f1']:>7.3f}"
            f"{score['tp']:>6}{score['fp']:>6}{score['fn']:>6}  {notes}"
        )
    for name, value in result.get("figures", {}).items():
        shown = "–" if value is None else f"{value:.3f}" if isinstance(value, float) else value
        lines.append(f"{name:<36}{shown:>8}")
    for problem in result["problems"]:
        lines.append(f"problem: {problem}")
    return "\n".join(lines)
