"""The spaCy pipeline: loading it, and the components artikel registers.

``load_pipeline()`` returns the shipped German model (``models/de_artikel``) when the
package carries one, otherwise the rule-based pipeline (spaCy's German tokenizer and the
sentence rules of ``artikel.structure``). Any installed spaCy package (``de_core_news_lg``)
or a pipeline folder can be asked for by name or path.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .settings import Settings, load_settings
from .structure import set_sentence_starts

MODELS_DIR = Path(__file__).with_name("models")
SHIPPED_MODEL = MODELS_DIR / "de_artikel"
RULES = "rules"
RULE_SENTENCES = "artikel_sentences"  # Doc.user_data key: the sentence rules ran
SHIPPED = "shipped"


class ModelNotFoundError(OSError):
    """The requested spaCy pipeline is neither installed nor a folder."""


@Language.component(
    "artikel_sentences",
    assigns=["token.is_sent_start"],
)
def artikel_sentences(doc: Doc) -> Doc:
    """Rule-based German sentence boundaries (see ``structure.set_sentence_starts``).

    Marks the Doc (``user_data["artikel_sentences"]``) so that later layers know the rule
    boundaries are in place and need not split again.
    """
    doc.user_data[RULE_SENTENCES] = True
    return set_sentence_starts(doc)


def rule_pipeline() -> Language:
    """spaCy's German tokenizer with artikel's rule-based sentence splitter."""
    nlp = spacy.blank("de")
    nlp.add_pipe("artikel_sentences")
    nlp.meta["name"] = RULES
    nlp.meta["description"] = "spaCy German tokenizer + artikel sentence rules (no model)"
    return nlp


def resolve_model(model: str | Path | None, settings: Settings | None = None) -> str:
    """The pipeline that ``model`` stands for: ``"rules"``, a path, or a package name."""
    choice = str(model) if model is not None else (settings or load_settings()).model
    if choice == SHIPPED:
        return str(SHIPPED_MODEL) if (SHIPPED_MODEL / "meta.json").is_file() else RULES
    return choice


def _looks_like_path(choice: str) -> bool:
    return Path(choice).exists() or "/" in choice or choice.startswith(".")


def check_pipeline(model: str | Path | None = None, *, settings: Settings | None = None) -> str:
    """The resolved pipeline choice (see ``resolve_model``), checked without loading it.

    Raises:
        ModelNotFoundError: a path without a pipeline, or a name that is not installed.
    """
    choice = resolve_model(model, settings)
    if choice == RULES:
        return choice
    if _looks_like_path(choice):
        if not (Path(choice) / "meta.json").is_file():
            raise ModelNotFoundError(
                f"no spaCy pipeline at {choice!r}: the folder does not exist or has no meta.json"
            )
    elif not spacy.util.is_package(choice):
        raise ModelNotFoundError(
            f"spaCy pipeline {choice!r} is not installed and is not a folder. Install it "
            f"(pip install {choice}), pass the path of a pipeline folder, or use the shipped "
            f"model (no --model)."
        )
    return choice


@cache
def _load(choice: str) -> Language:
    if choice == RULES:
        return rule_pipeline()
    check_pipeline(choice)
    try:
        nlp = spacy.load(Path(choice) if _looks_like_path(choice) else choice)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy pipeline {choice!r} could not be loaded: {str(exc).splitlines()[0]}"
        ) from None
    if nlp.lang != "de":
        raise ValueError(f"spaCy pipeline {choice!r} is for language {nlp.lang!r}, not German")
    for name in ("senter", "sentencizer"):  # the sentence rules take their place
        if nlp.has_pipe(name):
            nlp.disable_pipe(name)
    # Sentence boundaries from the rules, before the parser, which respects them: the rules
    # handle quotation marks and abbreviations of news text better than a parser trained
    # on little data, and every pipeline then splits sentences the same way.
    if nlp.has_pipe("parser"):
        nlp.add_pipe("artikel_sentences", before="parser")
    else:
        nlp.add_pipe("artikel_sentences", first=True)
    return nlp


def load_pipeline(model: str | Path | None = None, *, settings: Settings | None = None) -> Language:
    """Load the German spaCy pipeline (cached per process).

    Args:
        model: ``None`` for the default (``pipeline.model`` in the settings: the shipped
            model), ``"rules"`` for the model-free rule pipeline, the name of an installed
            spaCy package (``"de_core_news_lg"``) or the path of a pipeline folder.
        settings: settings to take the default from.

    Raises:
        ModelNotFoundError: the named pipeline is not installed and no such folder exists.
    """
    return _load(resolve_model(model, settings))


def describe_pipeline(nlp: Language) -> str:
    """A short name of the pipeline for reports: ``"de_artikel 0.1.0"`` or ``"rules"``."""
    return _describe_meta(nlp.meta)


def _describe_meta(meta: dict) -> str:
    if meta.get("name") == RULES:
        return RULES
    return f"{meta.get('lang', '')}_{meta.get('name', '')} {meta.get('version', '')}"


def pipeline_path(choice: str) -> Path | None:
    """The folder of a resolved pipeline choice (``resolve_model``); None for the rules."""
    if choice == RULES:
        return None
    if _looks_like_path(choice):
        return Path(choice)
    return Path(spacy.util.get_package_path(choice))


def describe_model(model: str | Path | None = None, *, settings: Settings | None = None) -> str:
    """The report name of a pipeline (as ``describe_pipeline``), read from its ``meta.json``
    on disk without loading it."""
    path = pipeline_path(check_pipeline(model, settings=settings))
    if path is None:
        return RULES
    return _describe_meta(json.loads((path / "meta.json").read_text(encoding="utf-8")))
