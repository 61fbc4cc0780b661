"""The real-news report: every layer on the dev corpus, both Wikinews halves, WikiWarsDE
and GermEval 2014, side by side with the figures each had before the yardstick existed.

``artikel evaluate --real`` prints it. The sets (see also ``EXTRA_SETS``):

* ``dev``: the 20 development articles (``../shared/dev-corpus``), used up as a guide;
* ``analysis``: the 75 Wikinews articles whose errors may be read to improve rules;
* ``heldout``: the other 75, figures only;
* WikiWarsDE (22 Wikipedia war narratives, TIMEX2) for time; GermEval 2014 test for the
  model's NER, as measured by the training recipe (``meta.json``; the model is unchanged).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from .evaluate import evaluate
from .nlp import check_pipeline, pipeline_path
from .realnews import REPO, SHARED, build_corpus
from .settings import Settings
from .wikiwarsde import evaluate_wikiwarsde

BASELINE = REPO / "evaluation" / "baseline.json"
ROWS = (  # (label, score name, field)
    ("boilerplate paragraphs F1", "boilerplate paragraphs", "f1"),
    ("entities strict F1", "entities (strict)", "f1"),
    ("entity spans F1", "entity spans", "f1"),
    ("canonical frequency F1", "canonical frequency", "f1"),
    ("most mentioned entity right", "canonical frequency", "most mentioned right"),
    (
        "person canonicals fusing two people",
        "canonical frequency",
        "person canonicals fusing two people",
    ),
    (
        "top 20 canonicals shared with gold",
        "canonical frequency",
        "top 20 canonicals shared with gold",
    ),
    ("quote spans F1", "quote spans", "f1"),
    ("quote spans P", "quote spans", "precision"),
    ("quote spans R", "quote spans", "recall"),
    ("direct recall", "quote spans", "direct recall"),
    ("indirect recall", "quote spans", "indirect recall"),
    ("speaker-mention accuracy", "quote spans", "speaker_mention_accuracy"),
    (
        "speaker-mention accuracy, quotes with a cue",
        "quote spans",
        "cued_speaker_mention_accuracy",
    ),
    ("cue accuracy", "quote spans", "cue_accuracy"),
    ("attributed quotes F1", "attributed quotes", "f1"),
    ("timex spans F1", "timex spans", "f1"),
    ("timex values F1", "timex values", "f1"),
    (
        "weekdays on/before the day, dated after it",
        "timex values",
        "weekdays on/before the day predicted after",
    ),
    (
        "weekdays after the day, dated after it",
        "timex values",
        "weekdays after the day predicted after",
    ),
    ("gender accuracy, PER mentions", "figures", "gender (PER mentions)"),
    ("female precision", "figures", "female precision"),
    ("female recall", "figures", "female recall"),
    ("gender accuracy, person speakers", "figures", "gender (person speakers)"),
    ("female share of quotes, gold", "figures", "female share of quotes, gold"),
    ("female share of quotes, predicted", "figures", "female share of quotes, predicted"),
)
SETS = ("dev", "analysis", "heldout")
# Further sets, each scored on the layers it has gold for: the test splits of the corpora
# written for the project (scored, never read for errors), GermEval 2023 SpkAtt dev
# (Bundestag speeches) and the news, report and commentary samples of Redewiedergabe
# (1840-1919); the last two are evaluation only.
QUOTE_SPAN_ROWS = tuple(label for label, name, _ in ROWS if name == "quote spans")
QUOTE_ROWS = tuple(label for label, name, _ in ROWS if name in ("quote spans", "attributed quotes"))
QUOTE_ROWS += ("gender accuracy, person speakers", "female share of quotes, gold")
QUOTE_ROWS += ("female share of quotes, predicted",)
TIMEX_ROWS = tuple(label for label, name, _ in ROWS if name.startswith("timex"))
EXTRA_SETS = {  # name: (column title, rows it is scored on)
    "own_quotes": ("own quote corpus, test split", QUOTE_ROWS),
    "own_timexes": ("own TIMEX3 corpus, test split", TIMEX_ROWS),
    "spkatt": ("SpkAtt 2023 dev", QUOTE_SPAN_ROWS),
    "redewiedergabe": ("Redewiedergabe, news", QUOTE_SPAN_ROWS),
}
REDEWIEDERGABE_TYPES = frozenset({"Nachrichten", "Reportage", "Kommentar"})


def _figure(result: dict, name: str, field: str) -> float | None:
    """One figure of an ``evaluate`` result: a field of a score, or of its ``figures``."""
    if name == "figures":
        return result["figures"].get(field)
    score = result["scores"].get(name)
    if score is None:
        return None
    return score["extra"].get(field) if field in score["extra"] else score.get(field)


def germeval_figure(model: str | None = None, settings: Settings | None = None) -> float | None:
    """GermEval 2014 test F1 of the model as its training recipe measured it, if recorded."""
    path = pipeline_path(check_pipeline(model, settings=settings))
    if path is None:
        return None
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    return meta.get("artikel", {}).get("scores", {}).get("germeval2014_test_ner_micro_f")


def build_extra_set(name: str, dest: Path) -> None:
    """Write the articles and gold of one of ``EXTRA_SETS`` into ``dest``."""
    from .quote_corpora import build_redewiedergabe, build_spkatt
    from .written.quotes import CORPUS as QUOTES
    from .written.timexes import CORPUS as TIMEXES

    if name == "own_quotes":
        QUOTES.export(dest, "test")
    elif name == "own_timexes":
        TIMEXES.export(dest, "test")
    elif name == "spkatt":
        build_spkatt(dest, "dev")
    else:
        build_redewiedergabe(dest, set(REDEWIEDERGABE_TYPES))


def real_news_report(
    *,
    model: str | None = None,
    settings: Settings | None = None,
    wikiwarsde: bool = True,
    extra: bool = True,
) -> dict:
    """Every figure of the report as ``{"sets": {set: {row label: value}}, ...}``."""
    result: dict = {"sets": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for half in ("analysis", "heldout"):
            stats = build_corpus(Path(tmp) / half, half=half)
            result.setdefault("mapping", {})[half] = dict(stats)
        folders = {"dev": (SHARED / "dev-corpus" / "gold", SHARED / "dev-corpus" / "articles")}
        folders.update({h: (Path(tmp) / h / "gold", Path(tmp) / h / "articles") for h in SETS[1:]})
        for name, (gold, articles) in folders.items():
            scores = evaluate(gold, articles, model=model, settings=settings)
            result["pipeline"] = scores["pipeline"]
            result["sets"][name] = {
                label: _figure(scores, score, field) for label, score, field in ROWS
            }
            result["sets"][name]["articles"] = scores["articles"]
            if name != "dev":  # the Wikinews gold has speaker mentions, no canonical speakers
                result["sets"][name]["attributed quotes F1"] = None
        for name, (_, rows) in EXTRA_SETS.items() if extra else ():
            build_extra_set(name, Path(tmp) / name)
            scores = evaluate(
                Path(tmp) / name / "gold",
                Path(tmp) / name / "articles",
                model=model,
                settings=settings,
            )
            figures = {label: _figure(scores, score, field) for label, score, field in ROWS}
            result["sets"][name] = {label: figures[label] for label in rows}
            result["sets"][name]["articles"] = scores["articles"]
    if wikiwarsde:
        wars = evaluate_wikiwarsde(
            SHARED / "corpora" / "wikiwarsde", model=model, settings=settings
        )
        later = evaluate_wikiwarsde(
            SHARED / "corpora" / "wikiwarsde", model=model, settings=settings, first=12
        )
        result["wikiwarsde"] = {
            "lenient span F1": wars["scores"]["timex spans (lenient)"]["f1"],
            "value F1": wars["scores"]["timex values"]["f1"],
            "lenient span F1, documents 12-22": later["scores"]["timex spans (lenient)"]["f1"],
            "value F1, documents 12-22": later["scores"]["timex values"]["f1"],
        }
    result["germeval2014_test_f1"] = germeval_figure(model, settings)
    return result


def _cell(value) -> str:
    if value is None:
        return "–"
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def format_real_news_report(result: dict, baseline: dict | None = None) -> str:
    """The report as a Markdown table; with a baseline, each cell shows ``before → now``."""

    def cell(set_name: str, label: str) -> str:
        now = result["sets"][set_name].get(label)
        before = (baseline or {}).get("sets", {}).get(set_name, {}).get(label)
        if baseline is None or before is None or before == now:
            return _cell(now)
        return f"{_cell(before)} → {_cell(now)}"

    extra = [name for name in EXTRA_SETS if name in result["sets"]]
    names = [*SETS, *extra]
    counts = {name: result["sets"][name]["articles"] for name in names}
    titles = ["dev corpus", "Wikinews analysis half", "Wikinews held-out half"]
    titles += [EXTRA_SETS[name][0] for name in extra]
    lines = [
        f"pipeline {result.get('pipeline', '')}; articles: "
        + ", ".join(f"{title} {counts[name]}" for name, title in zip(names, titles, strict=True)),
        "",
        "| figure | " + " | ".join(titles) + " |",
        "|---|" + "---|" * len(titles),
    ]
    for label, _, _ in ROWS:
        lines.append(f"| {label} | " + " | ".join(cell(name, label) for name in names) + " |")
    if "wikiwarsde" in result:
        wars = result["wikiwarsde"]
        before = (baseline or {}).get("wikiwarsde", {})
        lines.append("")
        lines.append(
            f"WikiWarsDE (22 documents): lenient span F1 {_cell(wars['lenient span F1'])}, "
            f"value F1 {_cell(wars['value F1'])} (before: {_cell(before.get('lenient span F1'))} / "
            f"{_cell(before.get('value F1'))}; HeidelTime 0.933 / 0.885); documents 12-22 "
            f"(never read for errors): {_cell(wars.get('lenient span F1, documents 12-22'))} / "
            f"{_cell(wars.get('value F1, documents 12-22'))}"
        )
    lines.append(
        f"GermEval 2014 test NER F1 (training recipe): {_cell(result.get('germeval2014_test_f1'))} "
        f"(Flair 0.856, Stanza 0.852)"
    )
    mapping = result.get("mapping", {})
    for half, stats in mapping.items():
        kept = {
            k: v for k, v in sorted(stats.items()) if k.startswith(("quote_", "ann_", "dropped"))
        }
        lines.append(f"quote mapping, {half} half: {kept}")
    return "\n".join(lines)


def load_baseline(path: Path = BASELINE) -> dict | None:
    """The figures of the report before the yardstick's issue, if recorded."""
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
