"""Gender of people (GUIDELINES.md, "Gender of people"): the text first, then first names."""

from __future__ import annotations

import pytest

import artikel
from artikel.gender import first_name_gender, pronoun_speaker_genders, role_gender
from artikel.settings import load_settings
from artikel.tables import make_table


def genders(text: str, settings=None) -> dict[str, str]:
    rows = [{"article_id": "a", "text": text, "date": "2024-03", "date_precision": "month"}]
    analysis = artikel.analyze(make_table("articles", rows), settings=settings)
    people = analysis.entities[analysis.entities["label"] == "PER"]
    return dict(zip(people["canonical"], people["gender"], strict=True))


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a feminine person noun or Frau before the name decides, whatever the first name
        (
            "Bundeskanzlerin Kim Berger eröffnete am Montag die Messe in Hannover.",
            "Kim Berger",
            "female",
        ),
        ("Das sagte Frau Andrea Lenz am Dienstag in Köln.", "Andrea Lenz", "female"),
        # a masculine role noun alone decides nothing (generic masculine)
        (
            "Finanzminister Andrea Lenz legte am Dienstag den Haushalt vor.",
            "Andrea Lenz",
            "unknown",
        ),
        # apposition and relative pronoun after the name
        ("Kim Berger, die Vorsitzende der Partei, trat am Montag zurück.", "Kim Berger", "female"),
        ("Kim Berger, der CDU-Vorsitzende, trat am Montag zurück.", "Kim Berger", "male"),
        ("Kim Berger, die am Montag zurücktrat, bleibt Abgeordnete.", "Kim Berger", "female"),
        # a feminine title decides; after "Name," it is the title of the next name
        (
            "Empfangen wurden König Kim Berger, Königin Sasha Lenz und Gäste.",
            "Sasha Lenz",
            "female",
        ),
        (
            "Empfangen wurden König Kim Berger, Königin Sasha Lenz und Gäste.",
            "Kim Berger",
            "unknown",
        ),
        # an unambiguous first name, else unknown
        ("Angela Brandt eröffnete die Ausstellung in Dresden.", "Angela Brandt", "female"),
        ("Olaf Brandt eröffnete die Ausstellung in Dresden.", "Olaf Brandt", "male"),
        ("Andrea Brandt eröffnete die Ausstellung in Dresden.", "Andrea Brandt", "unknown"),
        # the pronoun that follows the person, when nothing else decides
        (
            "Kim Berger trat am Montag zurück. Er wolle sich der Familie widmen.",
            "Kim Berger",
            "male",
        ),
    ],
)
def test_the_text_decides_before_the_first_name(text, name, expected):
    assert genders(text)[name] == expected


def test_every_mention_of_a_person_gets_one_value():
    found = genders(
        "Bundeskanzlerin Kim Berger reiste nach Paris. Dort traf Berger den Präsidenten."
    )
    assert found == {"Kim Berger": "female"}


def test_role_speakers_and_organisations():
    assert role_gender("Sprecherin des Ministeriums") == "female"
    assert role_gender("Sprecher des Ministeriums") == "unknown"
    rows = [
        {
            "article_id": "a",
            "text": "Die Lage sei ernst, sagte eine Sprecherin der Stadt. Die Polizei teilte mit, "
            "der Schaden sei hoch. Angela Brandt sagte, sie sei zufrieden.",
            "date": "2024-03",
            "date_precision": "month",
        }
    ]
    quotes = artikel.analyze(make_table("articles", rows)).quotes
    by_type = dict(zip(quotes["speaker_type"], quotes["speaker_gender"], strict=False))
    assert by_type.get("role") == "female"
    assert by_type.get("person") == "female"
    assert by_type.get("organisation", "") == ""


def test_a_users_first_name_file_overrides_the_list(tmp_path):
    names = tmp_path / "names.tsv"
    names.write_text("# a researcher's own corpus\nToni\tmale\n", encoding="utf-8")
    config = tmp_path / "settings.cfg"
    config.write_text(f"[gender]\noverrides = {names}\n", encoding="utf-8")
    assert first_name_gender("Toni Brandt") == "unknown"  # ambiguous in the list
    assert first_name_gender("Toni Brandt", load_settings(config)) == "male"
    assert first_name_gender("Jörg Brandt") == "male"  # diacritics folded for the lookup
    assert first_name_gender("Brandt") == "unknown"  # a surname alone decides nothing


def test_gender_shares_count_people_quotes_words_and_speakers(tmp_path):
    rows = [
        {
            "article_id": "a",
            "text": "Angela Brandt sagte, der Plan sei gut. Olaf Weber sagte, er sei schlecht. "
            "Angela Brandt sagte, man werde sehen. Kim Lenz sagte nichts dazu.",
            "date": "2024-03",
            "date_precision": "month",
        },
        {
            "article_id": "b",
            "text": "Angela Brandt sagte am Freitag, die Wahl sei entschieden.",
            "date": "2024-04",
            "date_precision": "month",
        },
    ]
    analysis = artikel.analyze(make_table("articles", rows))
    shares = artikel.gender_shares(analysis).set_index("measure")
    # people: Brandt (f) in a and b, Weber (m), Lenz (unknown): person-article pairs
    assert shares.loc["people mentioned", ["female", "male", "unknown"]].tolist() == [2, 1, 1]
    assert shares.loc["quotes", ["female", "male"]].tolist() == [3, 1]
    assert shares.loc["speakers", ["female", "male"]].tolist() == [1, 1]  # Brandt counts once
    assert shares.loc["people mentioned", "share_low"] == 0.5
    assert shares.loc["people mentioned", "share_high"] == 0.75
    by_month = artikel.gender_shares(analysis, per="month")
    assert set(by_month["month"]) == {"2024-03", "2024-04"}
    april = by_month[(by_month["month"] == "2024-04") & (by_month["measure"] == "speakers")]
    assert april[["female", "male"]].values.tolist() == [[1, 0]]
    analysis.write(tmp_path, fmt="csv")
    loaded = artikel.gender_shares(artikel.load_analysis(tmp_path)).set_index("measure")
    assert loaded[["female", "male", "unknown"]].equals(shares[["female", "male", "unknown"]])


def test_hyphenated_first_names_and_speakers_per_article():
    assert first_name_gender("Jean-Claude Juncker") == "male"  # listed as a whole
    rows = [
        {
            "article_id": f"a{i}",
            "text": "Die Lage sei ernst, sagte eine Sprecherin der Stadt.",
            "date": "2024-03",
            "date_precision": "month",
        }
        for i in range(3)
    ]
    shares = artikel.gender_shares(artikel.analyze(make_table("articles", rows)))
    speakers = shares.set_index("measure").loc["speakers"]
    assert speakers["female"] == 3  # an unnamed speaker is one speaker per article


def test_german_usage_decides_first_names_that_are_ambiguous_world_wide():
    # nomquamgender's world-wide shares leave these unknown (Merle 0.74, Jan 0.24, Kai 0.15);
    # the Berlin first-name statistics decide them for German news
    assert first_name_gender("Merle Haas") == "female"
    assert first_name_gender("Jan Vogt") == "male"
    assert first_name_gender("Kai Brenner") == "male"
    # ambiguous in Germany too: still unknown, never guessed
    assert first_name_gender("Toni Weber") == "unknown"
    assert first_name_gender("Kim Lorenz") == "unknown"


def test_a_possessive_that_follows_decides_when_nothing_else_does():
    text = "Im Spiel gegen Mainz traf Yeboah Mensah zweimal. Mensah feierte sein zehntes Saisontor."
    assert genders(text) == {"Yeboah Mensah": "male"}
    # a possessive the tagger leaves without features ("sein 28.": a determiner, no Poss=Yes)
    text = "Jubel in Weiß und Rot: Serou Gassama feiert sein 28. Saisontor. Gassama trifft oft."
    assert genders(text) == {"Serou Gassama": "male"}


def test_a_masculine_title_settles_an_ambiguous_first_name_but_not_a_surname(dev_corpus):
    # "SVP-Präsident Toni Brunner" in a dev article: Toni is ambiguous in Berlin (32 % women),
    # but a named woman would be "SVP-Präsidentin"; the title weighs the first name's share
    article = next((dev_corpus / "articles").glob("011_*.txt"))
    analysis = artikel.analyze(article)
    people = analysis.entities[analysis.entities["label"] == "PER"]
    assert set(people.loc[people["canonical"] == "Toni Brunner", "gender"]) == {"male"}
    # a surname alone stays unknown; a first name most women bear is not overturned
    assert genders("Präsident Brunner eröffnete am Montag die Messe.") == {"Brunner": "unknown"}
    assert genders("Präsident Kim Brunner eröffnete am Montag die Messe.") == {
        "Kim Brunner": "unknown"
    }


def test_a_feminine_person_noun_the_list_lacks_is_known_by_its_ending():
    # "Dolmetscherin" and "Virologin" are in no list; -erin and -login make them women's roles
    assert genders("Ihre Dolmetscherin Kim Lorenz übersetzte die Rede in Genf.") == {
        "Kim Lorenz": "female"
    }
    found = quotes_of("„Die Welle ist vorbei“, sagte eine Virologin der Universität.")
    assert (found["speaker"], found["speaker_gender"]) == ("Virologin der Universität", "female")
    # a first name with such an ending is no noun, a listed noun keeps its own form
    assert genders("Valentin Lorenz eröffnete die Ausstellung in Dresden.") == {
        "Valentin Lorenz": "male"
    }


def quotes_of(text: str) -> dict:
    rows = [{"article_id": "a", "text": text, "date": "2024-03", "date_precision": "month"}]
    analysis = artikel.analyze(make_table("articles", rows))
    assert len(analysis.quotes) == 1
    return analysis.quotes.iloc[0].to_dict()


def test_nouns_for_women_or_men_and_the_phrase_a_name_stands_in_apposition_to():
    # a kinship noun is no generic masculine; Kim alone would be unknown
    assert genders("Ihr Bruder Kim Lorenz führt den Hof seit Jahren.") == {"Kim Lorenz": "male"}
    text = "Die Anwältin der Stadt, Kim Lorenz, erklärte den Ablauf der Sitzung."
    assert genders(text) == {"Kim Lorenz": "female"}
    # a list is no apposition
    text = "Es sprachen die Anwältin, Kim Lorenz und Sasha Brandt."
    assert genders(text)["Kim Lorenz"] == "unknown"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("„Wir bleiben“, sagte ein Vater vor der Schule.", "male"),
        ("„Wir bleiben“, sagte die Vorsitzende des Vereins.", "female"),
        ("„Wir bleiben“, sagte der Vorsitzende des Vereins.", "male"),
        ("„Wir bleiben“, sagte ein erfahrener Abgeordneter der Partei.", "male"),
        ("„Wir bleiben“, sagte ein Sprecher des Vereins.", "unknown"),
        # compounds of Frau and Mann tell the gender by their meaning
        ("„Wir bleiben“, sagte die Landeshauptfrau am Abend.", "female"),
        ("„Wir bleiben“, sagte ein Feuerwehrmann vor Ort.", "male"),
        # "Herr" is a man
        ("„Wir bleiben“, sagte ein älterer Herr vor der Schule.", "male"),
    ],
)
def test_role_speakers_take_the_gender_their_noun_or_article_marks(sentence, expected):
    assert quotes_of(sentence)["speaker_gender"] == expected


# text -> (speaker, speaker_gender)
PRONOUN_AND_CONTINUATION_SPEAKERS = {
    # a pronoun goes to the definite role before it, which tells the gender
    "Die Ministerin reagierte gelassen. Sie sagte, man habe das erwartet.": (
        "Ministerin",
        "female",
    ),
    "Der 55-Jährige blieb ruhig. Er sagte, man habe das erwartet.": ("55-Jährige", "male"),
    # a pronoun that merely agrees with a masculine noun tells nothing
    "Der Sprecher der Polizei kam. Er sagte, es gebe keine Verletzten.": (
        "Sprecher der Polizei",
        "unknown",
    ),
    # a continuation keeps the phrase of the speaker it continues
    "Die Vorsitzende sagte, man habe das erwartet. Nun werde man handeln.": (
        "Vorsitzende",
        "female",
    ),
}


@pytest.mark.parametrize("text", list(PRONOUN_AND_CONTINUATION_SPEAKERS))
def test_a_pronoun_or_a_continuation_keeps_the_gender_of_the_role_it_refers_to(text):
    rows = [{"article_id": "a", "text": text, "date": "2024-03-05"}]
    found = artikel.analyze(make_table("articles", rows)).quotes
    expected = {PRONOUN_AND_CONTINUATION_SPEAKERS[text]}
    assert set(zip(found["speaker"], found["speaker_gender"], strict=True)) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "sie" may take up the noun the name hangs on, not the person
        (
            "Die Büste lag in der Werkstatt des Bildhauers Thutmosis. Sie kam 1913 nach Berlin.",
            "Thutmosis",
        ),
        (
            "Das Dorf kam in den Besitz der Familie Esterhazy. Sie baute dort ein Schloss.",
            "Esterhazy",
        ),
        # a relative pronoun after a name in a prepositional phrase, or with a plural verb
        (
            "Ihm folgte die Expedition von Napoleon Bonaparte, die die Ruinen fand.",
            "Napoleon Bonaparte",
        ),
        ("Das lehrten Missionare wie Kolumban, die in Gallien predigten.", "Kolumban"),
        ("Das steht in den Büchern Moses, die im Tanach stehen.", "Moses"),
        # a noun for a woman before a name in the genitive is no title of that name
        ("Er heiratete die Tochter Karls des Kühnen im Jahr 1477.", "Karls des Kühnen"),
    ],
)
def test_a_feminine_word_that_may_refer_to_another_noun_is_no_evidence(text, name):
    assert genders(text).get(name) != "female"


def test_sie_after_a_subject_name_still_tells_the_gender():
    # the same pronoun after the person as subject is evidence (no first name decides here)
    assert genders("Kim Thutmosis kam 2019 nach Berlin. Sie leitet dort ein Atelier.") == {
        "Kim Thutmosis": "female"
    }


def test_a_masculine_role_noun_weighs_a_first_name_most_women_bear():
    # Heike is a woman's name in Germany and a man's in the Netherlands: a masculine noun
    # before it leaves it undecided; an unambiguous woman's name stays a woman's
    assert genders("Der Trainer Heike Onnes lobte 2011 die Mannschaft.") == {
        "Heike Onnes": "unknown"
    }
    assert genders("Präsident Anna Onnes eröffnete 2011 die Ausstellung.") == {
        "Anna Onnes": "female"
    }


def test_pronouns_inside_a_quote_tell_nothing_of_the_speaker_and_herr_reaches_over_titles():
    # "er" in the quoted words is someone the quote speaks of, not Kim Arnim
    text = (
        "Kim Arnim war sich mit ihm einig: „Die Leidenschaft lehrt ihn, wie soll er sonst lernen?“"
    )
    assert genders(text) == {"Kim Arnim": "unknown"}
    # "Herr" before an academic title still decides; "sie" in the quote does not
    text = "Herr Professor Kim Arnim hatte gesagt: „Sie ist die mächtigste Frau der Welt.“"
    assert genders(text) == {"Kim Arnim": "male"}


def test_a_demonym_speaker_is_the_person_named_before_it():
    text = (
        "Den Sieg holte Jan Lindqvist aus Göteborg. "
        "„Das war mein bestes Rennen“, sagte der Schwede nach dem Ziel."
    )
    rows = [{"article_id": "a", "text": text, "date": "2024-03-05"}]
    quote = artikel.analyze(make_table("articles", rows)).quotes.iloc[0]
    assert (quote["speaker"], quote["speaker_gender"]) == ("Jan Lindqvist", "male")


def test_the_noun_of_a_role_decides_not_an_adjective_before_it():
    assert role_gender("grüne Nationalrätin", "Eine grüne Nationalrätin") == "female"
    assert role_gender("gelernte Maschinenschlosser", "der gelernte Maschinenschlosser") == (
        "unknown"  # a masculine noun alone: generic masculine
    )


def test_a_pronoun_that_speaks_for_a_person_tells_the_gender_no_list_knows():
    rows = [
        {"article_id": "0", "text": t, "date": "2024-03-05"}
        for t in (
            "Ngozi Adeyemi-Kraus leitet die Klinik. Die Wege würden länger, sagte sie.",
            "Ngozi Adeyemi-Kraus leitet die Klinik. Die Wege würden länger, sagten sie.",
        )
    ]
    rows[1]["article_id"] = "1"
    analysis = artikel.analyze(make_table("articles", rows))
    people = analysis.entities.set_index("article_id")
    assert people.loc["0", "gender"] == "female"  # "sagte sie" resolved to her
    assert people.loc["1", "gender"] == "unknown"  # a plural "sie" tells nothing


def test_speaker_mentions_outvote_a_pronoun_resolved_to_the_wrong_person():
    # "die 29-Jährige" tells as a pronoun does; two "er" outweigh one "sie" that the
    # resolution gave the man; one against one decides nothing
    def said(name, mention):
        return {"speaker": name, "speaker_type": "person", "speaker_text": mention, "cue": "sagte"}

    quotes = [
        said("Aigerim Seitkali", "die 29-Jährige"),
        said("Lobsang Tsering", "er"),
        said("Lobsang Tsering", "er"),
        said("Lobsang Tsering", "sie"),
        said("Wang Jun", "er"),
        said("Wang Jun", "sie"),
    ]
    unknown = {"Aigerim Seitkali": "unknown", "Lobsang Tsering": "unknown", "Wang Jun": "unknown"}
    genders = pronoun_speaker_genders(quotes, unknown)
    assert [genders[name] for name in unknown] == ["female", "male", "unknown"]


def test_a_pronoun_speaker_is_a_person_of_its_gender_as_the_text_tells_it():
    # neither first name is in the lists; the text tells her gender ("Die 28-Jährige") and
    # his ("Er trägt"), so "sagte sie" after "mit Zhaksybekov" is hers
    text = (
        "«Das Dorf liegt heute weit vom Wasser», sagte Aigerim Seitkali in Genf. Die "
        "28-Jährige berichtete, die Kinder würden krank.\n\nDer 60-jährige Fischer Serik "
        "Zhaksybekov ist mitgereist. Er trägt einen Filzhut.\n\nSeitkali sprach am Nachmittag "
        "lange mit Zhaksybekov. Er habe ihr von den Zandern erzählt, sagte sie."
    )
    analysis = artikel.analyze(make_table("articles", [{"article_id": "0", "text": text}]))
    last = analysis.quotes.iloc[-1]
    assert (last["speaker"], last["speaker_gender"]) == ("Aigerim Seitkali", "female")
