"""The corpora written for the project (training/quote-corpus, training/timex-corpus): they
validate, share no 8-word sequence with the texts artikel is evaluated on, and their blind
second readings agree with them."""

from __future__ import annotations

from collections import Counter

import pytest

from artikel.written import DEV_ARTICLES, load, overlap_problems, protected_texts, split_of
from artikel.written.quotes import CORPUS as QUOTES
from artikel.written.timexes import CORPUS as TIMEXES


@pytest.mark.parametrize(
    ("corpus", "documents", "items", "item"),
    [(QUOTES, 600, 5000, "quotes"), (TIMEXES, 300, 3000, "timexes")],
)
def test_the_corpus_validates_and_has_its_size(corpus, documents, items, item):
    counts: Counter = Counter()
    assert corpus.validate(counts=counts) == []
    assert counts["documents"] >= documents and counts[item] >= items
    assert 0.05 < counts["documents test"] / counts["documents"] < 0.15


def test_a_document_that_copies_a_dev_article_is_rejected(tmp_path):
    article = sorted(DEV_ARTICLES.glob("*.txt"))[0].read_text(encoding="utf-8")
    words = article.split()[20:32]  # twelve words of a development article
    source = tmp_path / "x-01.txt"
    source.write_text(
        "### x-001 | report | DE | Test | 2024-03-12\n"
        f"Ein eigener Satz beginnt hier. {' '.join(words)}\n",
        encoding="utf-8",
    )
    docs, problems = load([source], QUOTES.tags)
    assert problems == []
    found = overlap_problems(docs, protected_texts())
    assert len(found) == 1 and "dev-corpus/" in found[0]


def test_markup_errors_name_the_file_and_line(tmp_path):
    source = tmp_path / "x-02.txt"
    source.write_text(
        "### x-002 | report | DE | Test | 2024-03-12\n"
        'Sie <cue q="1">sagte</cue>, <q id="1" kind="indirect" speaker="" gender="female">es'
        " sei gut.\n",
        encoding="utf-8",
    )
    problems = QUOTES.validate([source])
    assert any(p.startswith("x-02.txt:2:") and "never closed" in p for p in problems)


def test_an_age_is_no_timex_but_a_span_of_years_is(tmp_path):
    source = tmp_path / "x-03.txt"
    source.write_text(
        "### x-003 | report | DE | Test | 2024-03-12\n"
        'Sie starb im Alter von <t type="DURATION" value="P84Y">84 Jahren</t>, war '
        '<t type="DURATION" value="P30Y">30 Jahre</t> alt, als sie '
        '<t type="DURATION" value="P12Y">zwölf Jahre</t> lang Bürgermeisterin wurde.\n',
        encoding="utf-8",
    )
    problems = TIMEXES.validate([source])
    ages = [p for p in problems if "an age is no timex" in p]
    assert len(ages) == 2 and "84 Jahren" in ages[0] and "30 Jahre" in ages[1]


def test_the_split_is_fixed_by_the_document_id():
    assert split_of("q1-001") == split_of("q1-001")
    assert {split_of(f"t9-{i:03d}") for i in range(200)} == {"train", "dev", "test"}


@pytest.mark.parametrize(
    ("corpus", "figures"),
    [
        (QUOTES, ("quote span F1", "speaker agreement (matched, either with a speaker)")),
        (TIMEXES, ("span F1", "value F1")),
    ],
)
def test_the_blind_second_reading_agrees(corpus, figures):
    agreement = corpus.agree()
    assert agreement["documents"] >= (60 if corpus is QUOTES else 30)
    for figure in figures:
        assert agreement[figure] >= 0.90, figure
