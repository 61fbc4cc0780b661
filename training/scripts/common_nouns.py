"""Capitalised words that German raw text uses as common nouns, for the entity layer.

    python training/scripts/common_nouns.py
    # writes lib/artikel/resources/de/entities/common_nouns.txt

A capitalised word counts as a common noun when raw text puts it after an indefinite or
quantifying determiner ("ein", "keine", "mehrere", "zwei" …), directly or after an adjective
("eine neue Bahn"), in at least MIN_SHARE of its occurrences inside a sentence (at least
MIN_COUNT of them). Names almost never stand there ("ein Berlin", "eine Nordsee"); nouns do
("eine Bahn", "ein Bild"). The text is the raw pretraining corpora of ../shared/corpora
(Wikipedia and Klexikon, CC BY-SA; Bundestag speeches of the 21st period, public domain;
speeches of the Bundestag president, CC BY-SA 4.0); only the word list is kept.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent / "shared" / "corpora"
SOURCES = (
    "wikipedia_klexikon_raw/dewiki_articles.jsonl.gz",
    "wikipedia_klexikon_raw/klexikon.jsonl.gz",
    "bundestag_wp21_raw/bundestag_wp21_speeches.jsonl.gz",
    "political_speeches_raw/bundestagspraesident.jsonl.gz",
)
OUT = ROOT / "lib" / "artikel" / "resources" / "de" / "entities" / "common_nouns.txt"
INDEFINITE = frozenset(
    (
        "ein",
        "eine",
        "einen",
        "einem",
        "einer",
        "eines",
        "kein",
        "keine",
        "keinen",
        "keinem",
        "keiner",
        "keines",
        "jede",
        "jeder",
        "jedes",
        "jeden",
        "jedem",
        "viele",
        "vielen",
        "mehrere",
        "mehreren",
        "einige",
        "einigen",
        "manche",
        "manchen",
        "solche",
        "solchen",
        "zwei",
        "drei",
        "vier",
        "fünf",
        "zehn",
        "hundert",
        "beide",
        "beiden",
        "weitere",
        "weiteren",
        "andere",
        "anderen",
    )
)
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
SENTENCE_OPENERS = frozenset('.!?:"„“»«(–-')
TOKEN = re.compile(r"[A-Za-zÄÖÜäöüß][\wÄÖÜäöüß\-]*|\S")
MIN_COUNT = 3
MIN_SHARE = 0.01

HEADER = """\
# artikel resource: capitalised words that German text uses as common nouns
# PURPOSE: a one-word name the NER found once is looked for again in the article
#   ("Hochtief", "Hangelar") unless it is also a common noun ("Bahn", "Bild"), which would
#   spread one tag over every use of the noun (artikel.consistency).
# SOURCE: built by training/scripts/common_nouns.py from the raw pretraining text of
#   ../shared/corpora (Wikipedia and Klexikon, CC BY-SA; Bundestag speeches, public domain;
#   speeches of the Bundestag president, CC BY-SA 4.0): a word is listed when at least
#   {share:.0%} of its {count}+ occurrences inside sentences follow an indefinite or
#   quantifying determiner (also across one adjective: "eine neue Bahn"). Only words, no text.
# FORMAT: one word a line, as written.
# EXAMPLE: Bahn
"""


def counts() -> tuple[Counter, Counter]:
    """Occurrences inside sentences of every capitalised word, and those after a determiner."""
    total: Counter = Counter()
    common: Counter = Counter()
    for source in SOURCES:
        with gzip.open(CORPORA / source, "rt", encoding="utf-8") as lines:
            for line in lines:
                for paragraph in json.loads(line)["text"].split("\n"):
                    _count(TOKEN.findall(paragraph), total, common)
    return total, common


def _count(tokens: list[str], total: Counter, common: Counter) -> None:
    for i, token in enumerate(tokens):
        if not token[0].isupper() or i == 0 or tokens[i - 1] in SENTENCE_OPENERS:
            continue
        total[token] += 1
        before = tokens[i - 1]
        adjective = (
            before[0].islower()
            and len(before) > 3
            and before.endswith(ADJECTIVE_ENDINGS)
            and i > 1
            and tokens[i - 2] in INDEFINITE
        )
        if before in INDEFINITE or adjective:
            common[token] += 1


def main() -> None:
    total, common = counts()
    words = sorted(w for w, n in total.items() if n >= MIN_COUNT and common[w] / n >= MIN_SHARE)
    header = HEADER.format(share=MIN_SHARE, count=MIN_COUNT)
    OUT.write_text(header + "".join(w + "\n" for w in words), encoding="utf-8")
    print(f"{OUT}: {len(words)} words")


if __name__ == "__main__":
    main()
