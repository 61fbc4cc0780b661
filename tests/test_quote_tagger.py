"""The quote-role tagger pass: spans a tagger marks as reported content become quotes where
the rules found none, only with a known cue in the sentence; "none" keeps the rules alone."""

from __future__ import annotations

import spacy

import artikel
from artikel.settings import load_settings
from artikel.tables import make_table

# A sentence the rules read as no report: the cue verb "meinte" is followed by no comma
# clause, so only a tagger's CONTENT span can make it a quote.
TEXT = (
    "Die Ministerin meinte am Montag ohne Umschweife nach der Sitzung im Rathaus "
    "der Haushalt der Stadt bleibe trotz allem solide."
)
CONTENT = "der Haushalt der Stadt bleibe trotz allem solide"


def _tagger(tmp_path, cue: str) -> str:
    """A stand-in tagger with fixed spans (an entity ruler), saved like a trained one."""
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "CUE", "pattern": cue},
            {"label": "SOURCE", "pattern": "Die Ministerin"},
            {"label": "CONTENT", "pattern": CONTENT},
        ]
    )
    path = tmp_path / "tagger"
    nlp.to_disk(path)
    return str(path)


def _quotes(tmp_path, tagger: str):
    settings_file = tmp_path / "settings.cfg"
    settings_file.write_text(f"[quotes]\ntagger = {tagger}\n", encoding="utf-8")
    articles = make_table("articles", [{"article_id": "a", "text": TEXT, "date": "2024-03-05"}])
    return artikel.analyze(articles, settings=load_settings(settings_file)).quotes


def test_a_tagged_content_span_with_a_known_cue_becomes_a_quote(tmp_path):
    quotes = _quotes(tmp_path, _tagger(tmp_path, "meinte"))
    found = quotes[quotes["text"] == CONTENT]
    assert len(found) == 1
    assert found.iloc[0]["kind"] == "indirect" and found.iloc[0]["cue"] == "meinte"
    assert found.iloc[0]["speaker_text"] == "Die Ministerin"


def test_a_cue_the_lexicon_does_not_know_adds_nothing(tmp_path):
    quotes = _quotes(tmp_path, _tagger(tmp_path, "ohne Umschweife"))
    assert CONTENT not in set(quotes["text"])


def test_without_a_tagger_the_rules_stand_alone(tmp_path):
    assert CONTENT not in set(_quotes(tmp_path, "none")["text"])
