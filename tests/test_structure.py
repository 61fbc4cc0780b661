"""Paragraph kinds, credits, languages and sentence boundaries on real German text."""

from __future__ import annotations

import pytest

from artikel.nlp import load_pipeline
from artikel.resources import list_resources, load_examples
from artikel.structure import (
    analyze_structure,
    classify_paragraph,
    find_trailing_credit,
    is_credit,
    sentence_spans,
    split_paragraphs,
)


@pytest.mark.parametrize("resource", list_resources("boilerplate"))
def test_every_pattern_file_example_gets_its_kind(resource):
    kind = resource.split("/")[-1].removesuffix(".txt")
    examples = load_examples(resource)
    assert examples, f"{resource} documents no EXAMPLE"
    for example in examples:
        assert classify_paragraph(example) == kind, example


@pytest.mark.parametrize(
    "text",
    [
        "Der Gipfel zwischen US-Präsident Donald Trump und Nordkoreas Machthaber Kim Jong Un in "
        "Hanoi hat keinen Durchbruch gebracht.",
        "Das Urteil ist noch nicht rechtskräftig.",
        "„Wir haben alles versucht“, sagte der Trainer nach dem Spiel.",
        "Der Trainer sagte nach dem Spiel: ``Wir haben alles versucht.''",
        "Die Firma verschickt jeden Morgen einen Newsletter an ihre Kunden, der nach eigenen "
        "Angaben von mehr als 20.000 Menschen gelesen wird. Die Gewerkschaft kritisiert, dass "
        "die Mitarbeiter für die Redaktion des Newsletters nicht bezahlt würden, und fordert, "
        "dass die Beschäftigten künftig einen Zuschlag erhalten. Die Geschäftsführung will sich "
        "dazu am Montag äußern und kündigte an, man werde alle Vorwürfe prüfen.",
    ],
)
def test_body_paragraphs_stay_body(text):
    assert classify_paragraph(text) == "body"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Bislang kein Zeitplan für atomare Abrüstung", "subheading"),
        ("Was bedeutet das für Mieter?", "subheading"),
        ("„Wir schaffen das“ – oder doch nicht", "subheading"),
        ("(dpa, Reuters)", "credit"),
        ("red, ORF.at/Agenturen", "credit"),
        ("(APA, red, 8.6.2020)", "credit"),
        ("Mehr zum Thema: Wie neutral ist die Schweiz noch?", "teaser"),
        ("Sina Eberle", "byline"),
        ("Von Thomas Wegener und Miriam Kolb", "byline"),
    ],
)
def test_boilerplate_kinds(text, kind):
    assert classify_paragraph(text) == kind


def test_inline_trailing_credit():
    paragraph = "Ein Sprecher kündigte weitere Gespräche an. (Tsp, AFP, dpa)"
    start, end = find_trailing_credit(paragraph)
    assert paragraph[start:end] == "(Tsp, AFP, dpa)"
    assert (
        find_trailing_credit("Vizekanzler Sigmar Gabriel (SPD) warb um Zustimmung. (SPD)") is None
    )
    assert find_trailing_credit("Er sprach mit Olaf Scholz (SPD)") is None
    tex_quote = "Merkel sagte: ``Wir bleiben.'' (dpa)"
    start, end = find_trailing_credit(tex_quote)
    assert tex_quote[start:end] == "(dpa)"
    assert not is_credit("(SPD, CDU)")


def test_paragraph_offsets_are_exact():
    text = "Erster Absatz.\n\n  Zweiter Absatz. \n \n\nDritter."
    spans = split_paragraphs(text)
    assert [text[s:e] for s, e in spans] == ["Erster Absatz.", "Zweiter Absatz.", "Dritter."]


def test_english_embed_in_german_article():
    text = (
        "Der Bundestag hat Olaf Scholz am Mittwoch zum Bundeskanzler gewählt. Er erhielt 395 "
        "Stimmen, mehr als die Koalition Sitze hat.\n\n"
        "Congratulations to Olaf Scholz on his election as Chancellor. I look forward to "
        "working closely with you on our shared priorities.\n\n"
        "Scholz legte noch am Nachmittag im Bundestag den Amtseid ab."
    )
    lang, paragraphs = analyze_structure(text)
    assert lang == "de"
    assert [p.kind for p in paragraphs] == ["body", "embed", "body"]
    assert paragraphs[1].lang == "en"


@pytest.fixture(scope="module")
def rules():
    return load_pipeline("rules")


def sentences(nlp, text):
    return [text[s:e] for s, e in sentence_spans(nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Das gilt z. B. für Dr. Kim. Er kam am 27. Februar nach Hanoi.",
            ["Das gilt z. B. für Dr. Kim.", "Er kam am 27. Februar nach Hanoi."],
        ),
        (
            "Der US-Präs. Joe Biden kam. Danach sprach der Abg. Müller.",
            ["Der US-Präs. Joe Biden kam.", "Danach sprach der Abg. Müller."],
        ),
        (
            "Er fügte hinzu: „Geschwindigkeit ist nicht wichtig. Für mich zählt das Abkommen.“ "
            "Dann ging er.",
            [
                "Er fügte hinzu: „Geschwindigkeit ist nicht wichtig.",
                "Für mich zählt das Abkommen.“",
                "Dann ging er.",
            ],
        ),
        (
            'Die Lage sei ernst. "Wir mögen uns einfach", sagte Trump.',
            ["Die Lage sei ernst.", '"Wir mögen uns einfach", sagte Trump.'],
        ),
        (
            "«Wir sind bereit.» Das sagte die Bundesrätin in Bern.",
            ["«Wir sind bereit.»", "Das sagte die Bundesrätin in Bern."],
        ),
        (
            "Die Preise stiegen um 3,5 Prozent. 2019 waren es noch 1,2 Prozent.",
            ["Die Preise stiegen um 3,5 Prozent.", "2019 waren es noch 1,2 Prozent."],
        ),
        ("Kommt er? Niemand weiß es!", ["Kommt er?", "Niemand weiß es!"]),
        (
            "Er sagte: ``Wir bleiben.'' ``Und zwar lange'', fügte er an. Dann ging er.",
            ["Er sagte: ``Wir bleiben.''", "``Und zwar lange'', fügte er an.", "Dann ging er."],
        ),
        (
            "Er kam. `` Wir bleiben.'' Dann ging er.",
            ["Er kam.", "`` Wir bleiben.''", "Dann ging er."],
        ),
    ],
)
def test_sentence_splitting(rules, text, expected):
    assert sentences(rules, text) == expected


def test_sentences_never_cross_paragraphs(seed_analysis):
    sentences = seed_analysis.sentences
    paragraphs = seed_analysis.paragraphs.set_index("para_idx")
    for row in sentences.itertuples():
        paragraph = paragraphs.loc[row.para_idx]
        assert paragraph.start <= row.start < row.end <= paragraph.end


def test_seed_structure(seed_analysis):
    kinds = seed_analysis.paragraphs.set_index("para_idx")["kind"]
    texts = seed_analysis.paragraphs.set_index("para_idx")["text"]
    assert kinds[texts.str.endswith("Kostenlos bestellen")].tolist() == ["ad"]
    assert kinds[texts.str.startswith("Mehr zum Thema")].tolist() == ["teaser"]
    assert kinds[texts == "Bislang kein Zeitplan für atomare Abrüstung"].tolist() == ["subheading"]
    last = seed_analysis.paragraphs.iloc[-1]
    assert (last.kind, last.credit) == ("body", "(Tsp, AFP, dpa)")
    credit_sentence = seed_analysis.sentences.iloc[-1]
    assert credit_sentence.text == "(Tsp, AFP, dpa)" and not credit_sentence.in_body


def test_a_year_can_end_a_sentence(rules):
    text = "Das Abkommen stammt vom Juni 2016. Zugleich kam der 2016. Teilnehmer zum 100. Mal."
    assert sentences(rules, text) == [
        "Das Abkommen stammt vom Juni 2016.",
        "Zugleich kam der 2016. Teilnehmer zum 100. Mal.",
    ]


def test_a_score_a_decimal_or_a_clock_time_can_end_a_sentence(rules):
    text = (
        "Aarau gewann mit 2:1. Das Beben hatte eine Stärke von 6,8. Er kam um 14.30. "
        "Am 12.3. Mai-Feiern gab es nicht."
    )
    assert sentences(rules, text) == [
        "Aarau gewann mit 2:1.",
        "Das Beben hatte eine Stärke von 6,8.",
        "Er kam um 14.30.",
        "Am 12.3. Mai-Feiern gab es nicht.",
    ]


def test_german_news_tokenization(rules):
    words = [t.text for t in rules("US-Präsident Biden kam z. B. am 27. Februar, sagte die Nr. 1.")]
    assert words[:1] == ["US-Präsident"]
    for token in ("z.", "B.", "27.", "Nr."):
        assert token in words


def test_web_style_sentence_ends(rules):
    text = "Bin sehr zufrieden.. Komme wieder!!! Alles bestens :) Also bis bald."
    assert sentences(rules, text) == [
        "Bin sehr zufrieden..",
        "Komme wieder!!!",
        "Alles bestens :)",
        "Also bis bald.",
    ]


def test_an_abbreviation_written_before_numbers_ends_a_sentence_before_a_word():
    import spacy

    from artikel.structure import set_sentence_starts

    doc = set_sentence_starts(
        spacy.blank("de")("Sie lobt seine Art. Man habe gestritten. Es gilt Art. 5 GG und Nr. 3.")
    )
    assert [s.text for s in doc.sents] == [
        "Sie lobt seine Art.",
        "Man habe gestritten.",
        "Es gilt Art. 5 GG und Nr. 3.",
    ]
