"""Document-level consistency of the NER output, before mentions are made of it.

A name the document knows (a full name's surname, a multi-word name, an acronym, a word no
common noun) gets the same label everywhere it recurs; names right after a title are people;
particles join names ("van", "de"); countries from the CLDR gazetteer are places, and a
person span that ends in a country is split, as is a span that runs on into a count or from
an organisation into a person; the noun before a name tells its label (``kind_nouns``) and a
country in a match is its team (``teams``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache

from spacy.tokens import Doc, Span

from .kind_nouns import labels_by_kind_noun
from .names import (
    LABEL_MAP,
    country_first_words,
    country_names,
    in_or_genitive,
    is_plural_person_noun,
    is_title,
    noun_kinds,
    region_names,
    word_list,
)
from .resources import is_first_name, load_entries
from .teams import national_teams


def _name_parts(ents: list[Span], *, single_people: bool = False) -> dict[tuple[str, ...], str]:
    """Token sequences known as names in this document -> their label.

    Full names of people and their capitalised parts (surname, first name), multi-word
    names and acronyms of any label; with ``single_people`` also one-word names ("Halvorsen";
    of other labels only when no common noun: "Hochtief"), to find their untagged mentions
    (they never relabel a tagged one).
    """
    names: dict[tuple[str, ...], str] = {}
    for ent in ents:
        words = tuple(t.text for t in ent)
        if ent.label_ == "PER" and (len(ent) > 1 or single_people):
            names[words] = "PER"
            if len(ent) > 1 and not _reads_as_full_name(ent):
                continue  # "Kick Returner", "Reiche Römer": its words are no names alone
            for token in ent:
                if token.text[:1].isupper() and len(token.text) > 2 and not is_title(token.text):
                    names.setdefault((token.text,), "PER")
        elif (
            len(ent) > 1
            or (ent.text.isupper() and len(ent.text) >= 2)
            or (single_people and _single_name(ent.text))
        ):
            names.setdefault(words, ent.label_)
    return names


def _single_name(word: str) -> bool:
    """A one-word name of any label that can be looked for again: capitalised, not a
    common noun of German text ("Hochtief", not "Bahn"), no country or first name."""
    return (
        len(word) > 2
        and word[:1].isupper()
        and word.replace("-", "").isalpha()
        and word not in common_nouns()
        and not in_or_genitive(word, country_names())
        and not is_first_name(word)
    )


def _noun_use(doc: Doc, i: int, label: str) -> bool:
    """Whether a one-word organisation, place or MISC name at token i is used as a noun: a
    title before a person's name ("Bundesrat Alain Berset") or a noun after an adjective
    ("des früheren Grünen Peter Pilz")."""
    if label == "PER":
        return False
    after = doc[i + 1] if i + 1 < len(doc) else None
    before = doc[i - 1] if i > 0 else None
    return bool(
        (after is not None and after.text[:1].isupper() and is_first_name(after.text))
        or (before is not None and before.pos_ == "ADJ" and before.text.islower())
    )


@cache
def common_nouns() -> frozenset[str]:
    """``entities/common_nouns.txt``: capitalised words German text uses as common nouns."""
    return frozenset(load_entries("entities/common_nouns.txt"))


def _reads_as_full_name(ent: Span) -> bool:
    """Whether a multi-word person span reads as a person's name: it opens with a listed first
    name, or the tagger calls every word a proper noun (or the pipeline has no tagger)."""
    return is_first_name(ent[0].text) or all(t.pos_ in ("PROPN", "") for t in ent)


def consistent_entities(doc: Doc) -> list[Span]:
    """The document's entities made consistent (issue: document-level consistency).

    A name the NER recognised once gets the same label at its other mentions, and its
    mentions that the NER missed are added: people by full name, surname or first name
    (also in the genitive, "Trumps"), other names when they are multi-word, acronyms or
    single words that German text does not use as common nouns ("Hochtief", not "Bahn",
    ``entities/common_nouns.txt``). Where one name carries several labels, the majority wins, except
    that a country of the gazetteer the NER called a place stays a place.
    """
    ents = _split_country_tails([e for e in doc.ents if LABEL_MAP.get(e.label_)])
    ents = [part for ent in ents for part in _split_off_tails(ent)]
    ents = [_person_by_first_name(ent) for ent in ents]
    names = _name_parts(ents)
    result = []
    for ent in ents:
        words = tuple(t.text for t in ent)
        stem = (words[0][:-1],) if len(words) == 1 and words[0].endswith("s") else None
        label = names.get(words) or (names.get(stem) if stem and names.get(stem) == "PER" else None)
        result.append(Span(doc, ent.start, ent.end, label=label or ent.label_))
    votes: dict[str, Counter] = defaultdict(Counter)
    for ent in result:
        votes[ent.text][ent.label_] += 1
    countries = country_names()
    result = [
        Span(doc, e.start, e.end, label=votes[e.text].most_common(1)[0][0])
        if len(votes[e.text]) > 1
        and votes[e.text].most_common(2)[0][1] > votes[e.text].most_common(2)[1][1]
        and not (e.label_ == "LOC" and in_or_genitive(e.text, countries))  # a gazetteer place
        else e
        for e in result
    ]
    result = _join_particle_names(doc, result)
    if doc.has_annotation("ENT_IOB"):  # a pipeline with NER (the rule pipeline has none)
        result = _names_after_titles(doc, result)
        result = _countries(doc, result)
        result = _regions(doc, result)
        result = labels_by_kind_noun(doc, result)
        result = national_teams(doc, result)
    names = _name_parts(result, single_people=True)
    taken = {i for ent in result for i in range(ent.start, ent.end)}
    longest = max((len(words) for words in names), default=0)
    texts = [token.text for token in doc]
    first_words = {words[0] for words in names}
    index = 0
    while index < len(doc):
        found = None
        first = texts[index]
        if index in taken or not (first in first_words or first[:-1] in first_words):
            index += 1
            continue
        for size in range(min(longest, len(doc) - index), 0, -1):
            if any(i in taken for i in range(index, index + size)):
                continue
            words = tuple(texts[index : index + size])
            if words in names and not (size == 1 and _noun_use(doc, index, names[words])):
                found = (size, names[words])
                break
            if size == 1 and words[0].endswith("s") and names.get((words[0][:-1],)) == "PER":
                found = (1, "PER")
                break
        if found:
            result.append(Span(doc, index, index + found[0], label=found[1]))
            index += found[0]
        else:
            index += 1
    return _first_names_before(doc, sorted(result, key=lambda span: span.start))


def _named_by(doc: Doc, i: int) -> bool:
    """Whether token i reads as a first name: a proper noun, or a noun the tagger misread
    that no article, adjective or preposition opens ("…, Dörte Lindner"; not "die Ära
    Merkel", whose "Ara" is a listed name)."""
    token = doc[i]
    if token.pos_ == "PROPN":
        return True
    opener = doc[i - 1] if i > 0 else None
    return token.pos_ == "NOUN" and (opener is None or opener.pos_ not in ("DET", "ADJ", "ADP"))


@cache
def _month_names() -> frozenset[str]:
    """Month names as written (``time/months.txt``): "August" before a name is no first name."""
    return frozenset(entry.split("\t")[0] for entry in load_entries("time/months.txt"))


def _first_names_before(doc: Doc, ents: list[Span]) -> list[Span]:
    """A person span the NER began after the first name takes it in: "leitet Birte
    Halvorsen das Theater" tagged as "Halvorsen" becomes "Birte Halvorsen" (a listed first
    name that reads as one, ``_named_by``, inside the sentence, in no other span; no month
    like "August")."""
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    months = _month_names()
    result = []
    for ent in ents:
        start = ent.start
        while (
            LABEL_MAP.get(ent.label_) == "PER"
            and start > 0
            and ent.start - start < 2
            and start - 1 not in covered
            and not doc[start - 1].is_sent_start
            and doc[start - 1].is_alpha
            and _named_by(doc, start - 1)
            and is_first_name(doc[start - 1].text)
            and not is_title(doc[start - 1].text)  # "Sultan Mehmed II.": a title
            and doc[start - 1].text not in months
        ):
            start -= 1
        result.append(Span(doc, start, ent.end, label=ent.label_) if start < ent.start else ent)
    return result


def _join_particle_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """Join "Ursula" + "von der" + "Leyen" into one person when the NER split the name.

    Only a lone first name (``names/first_names.tsv``) is joined, with a name of at most two
    words, so "Marion Albers von der DZ Bank" stays a person and a bank.
    """
    particles = word_list("name_particles")
    joined: list[Span] = []
    for ent in sorted(ents, key=lambda span: span.start):
        previous = joined[-1] if joined else None
        first_name_only = (
            previous is not None
            and previous.label_ == "PER"
            and len(previous) == 1
            and is_first_name(previous.text)
            and len(ent) <= 3
            and ent.text[:1].isupper()
            and (ent.label_ == "PER" or ent[-1].pos_ == "PROPN")  # not "Hu von der Polizei"
        )
        between = doc[previous.end : ent.start] if previous is not None else []
        if first_name_only and (
            (len(between) and all(t.lower_ in particles for t in between))
            or (not len(between) and ent[0].lower_ in particles)  # "Alexander" + "Van der Bellen"
        ):
            joined[-1] = Span(doc, previous.start, ent.end, label="PER")
            continue
        joined.append(ent)
    return joined


def _names_after_titles(doc: Doc, ents: list[Span]) -> list[Span]:
    """A name right after a title or role noun is a person: "US-Präsident Donald Trump",
    "Trainerin Anna Muster", "Regierungssprecher Steffen Seibert" (issue: title patterns).

    Up to four capitalised words (name particles allowed inside the name) after the title
    become a PER mention where the NER found nothing. Words the NER labelled otherwise are
    left alone ("Regierungschef Europas" is a genitive, not a name).
    """
    particles = word_list("name_particles")
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    added: list[Span] = []
    for token in doc[:-1]:
        if not is_title(token.text, compounds=True) or token.i in covered:
            continue
        if is_plural_person_noun(token.text):  # "während Frauen Rang 7 belegen"
            continue
        after = doc[token.i + 1]
        if (
            token.i > 0
            and doc[token.i - 1].pos_ == "DET"
            and after.pos_ == "NOUN"
            and not is_first_name(after.text)
        ):
            continue  # "die Unterschrift des Präsidenten Rechtskraft erlangt": an object
        end = token.i + 1
        while end < len(doc) and end - token.i <= 4:
            word = doc[end]
            name_word = (
                word.text[:1].isupper()
                and word.is_alpha
                and not is_title(word.text, compounds=True)  # "Herr Bundesverkehrsminister"
            )
            inner_particle = (
                end > token.i + 1
                and word.lower_ in particles
                and end + 1 < len(doc)
                and doc[end + 1].text[:1].isupper()
            )
            if not (name_word or inner_particle):
                break
            end += 1
        if end > token.i + 1 and not any(i in covered for i in range(token.i + 1, end)):
            added.append(Span(doc, token.i + 1, end, label="PER"))
    return sorted([*ents, *added], key=lambda span: span.start)


def _countries(doc: Doc, ents: list[Span]) -> list[Span]:
    """Country names (CLDR via babel, also in the genitive) are places: missed ones are
    added as LOC, and a country the NER took for a person becomes LOC (gazetteer)."""
    names = country_names()
    longest = max(len(name.split()) for name in names)
    first_words = country_first_words()
    covered = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    result = {ent.start: ent for ent in ents}
    index = 0
    while index < len(doc):
        if not in_or_genitive(doc[index].text, first_words):
            index += 1
            continue
        for size in range(min(longest, len(doc) - index), 0, -1):
            words = doc[index : index + size]
            text = words.text
            if not in_or_genitive(text, names):
                continue
            if is_first_name(text):  # "Jordan", "Georgia": also people's names
                break
            inside = {covered[i] for i in range(index, index + size) if i in covered}
            if not inside and words[0].text[:1].isupper():
                result[index] = Span(doc, index, index + size, label="LOC")
            elif len(inside) == 1:
                ent = inside.pop()
                same = (ent.start, ent.end) == (index, index + size)
                if ent.label_ == "PER" and same and not _after_title(ent):
                    result[index] = Span(doc, index, index + size, label="LOC")
            index += size - 1
            break
        index += 1
    return sorted(result.values(), key=lambda span: span.start)


def _regions(doc: Doc, ents: list[Span]) -> list[Span]:
    """A person span that is a region of ``region_names`` ("Brandenburgs", "Kärnten") is a
    place: the gazetteer wins over the model's label, unless a title comes right before
    ("Kollege Limburg")."""
    regions = region_names()
    return [
        Span(doc, ent.start, ent.end, label="LOC")
        if LABEL_MAP.get(ent.label_) == "PER"
        and in_or_genitive(ent.text, regions)
        and not _after_title(ent)
        else ent
        for ent in ents
    ]


def _after_title(ent: Span) -> bool:
    """Whether a title or role noun comes right before the span ("Kollege Limburg"): a
    person, even when a gazetteer knows the word as a place."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return bool(
        before is not None
        and (is_title(before.text, compounds=True) or "ROLE" in noun_kinds(before.lower_))
    )


RELATIVE_AFTER_NAME = frozenset({"der", "die", "dessen", "deren"})


def _person_by_first_name(ent: Span) -> Span:
    """A span of another label that opens with a title before a first name and a surname
    is that person ("Europaabgeordnete Sahra Wagenknecht"). A place or organisation span that
    is a first name and a surname ("Ruedi Grob", "Jelena Marić") and acts as a person is a
    person: it is the subject of a verb, a relative pronoun follows ("Ruedi Grob, dessen
    Garage …") or an age in brackets, or it opens a clause before its finite verb ("Wien –
    Priya Nair hat …"). A gazetteer word, an organisation or role noun in the span, an
    article before it ("die Sierra Morena") or any other use ("im Adler Mannheim", "der
    Washington Post") leaves the label alone."""
    label = LABEL_MAP.get(ent.label_)
    if (
        label in ("LOC", "ORG", "MISC")
        and 3 <= len(ent) <= 4
        and is_title(ent[0].text, compounds=True)
        and ent[1].text[:1].isupper()
        and is_first_name(ent[1].text)
    ):  # "Die Europaabgeordnete Sahra Wagenknecht" tagged as one organisation
        return Span(ent.doc, ent.start + 1, ent.end, label="PER")
    if label not in ("LOC", "ORG") or not 2 <= len(ent) <= 3 or not is_first_name(ent[0].text):
        return ent
    if not all(t.is_alpha and t.text[:1].isupper() and not noun_kinds(t.lower_) for t in ent):
        return ent
    if any(in_or_genitive(t.text, country_names()) or t.text in region_names() for t in ent):
        return ent
    doc, root = ent.doc, ent.root
    if ent.start > 0 and doc[ent.start - 1].pos_ == "DET":
        return ent  # "zeigte die Sierra Morena": people's names take no article
    if "ORG" in noun_kinds(root.head.lower_):
        return ent  # in apposition to an organisation noun: "des US-Nachrichtensenders Fox News"
    after = doc[ent.end : ent.end + 2]
    opens = ent.start == 0 or doc[ent.start - 1].is_punct or doc[ent.start].is_sent_start
    acts = (
        root.dep_.startswith("nsubj")
        or (
            opens and len(after) and "Fin" in after[0].morph.get("VerbForm")  # "Wien – X hat …"
        )
        or (
            len(after) == 2
            and (
                (after[0].text == "," and after[1].lower_ in RELATIVE_AFTER_NAME)
                or (after[0].text == "(" and after[1].like_num)
            )
        )
    )
    return Span(doc, ent.start, ent.end, label="PER") if acts else ent


def _split_off_tails(ent: Span) -> list[Span]:
    """A span that runs on past its name: into a count and the counted noun ("im Osten der
    Volksrepublik 40 Personen", "Benz & Co 69 Fahrzeuge"): cut before the number; from an
    organisation into a person's first name and surname ("der Bundesagentur für Arbeit
    Frank-Jürgen Weise"): an organisation and a person."""
    doc = ent.doc
    for k in range(ent.start + 1, ent.end):
        following = doc[k + 1] if k + 1 < len(doc) else None
        if doc[k].text.isdigit() and following is not None and following.pos_ == "NOUN":
            return [Span(doc, ent.start, k, label=ent.label_)]
    if LABEL_MAP.get(ent.label_) != "PER" and len(ent) >= 4:
        first, last = doc[ent.end - 2], doc[ent.end - 1]
        if (
            is_first_name(first.text.split("-")[0])
            and first.text[:1].isupper()
            and last.text[:1].isupper()
            and doc[ent.end - 3].pos_ == "NOUN"  # "Arbeit Frank-Jürgen", not "New York"
            and not noun_kinds(last.lower_)
        ):
            return [
                Span(doc, ent.start, ent.end - 2, label=ent.label_),
                Span(doc, ent.end - 2, ent.end, label="PER"),
            ]
    return [ent]


def _split_country_tails(ents: list[Span]) -> list[Span]:
    """A person span that ends in a country ("nannte Trump Nordkoreas Forderung" tagged as
    one name) is a person and a place: names of people do not end in country names. A span
    of any label that opens with a country before a first name and a surname ("des Kosovos
    Hashim Thaçi") is a place and a person."""
    countries = country_names()
    result = []
    for ent in ents:
        last = ent[-1].text
        first = ent[0].text
        if (
            LABEL_MAP.get(ent.label_) == "PER"
            and len(ent) > 1
            and in_or_genitive(last, countries)
            and not is_first_name(last)
            and ent[-2].lower_ not in word_list("name_particles")  # "Margarete von Österreich"
        ):
            result.append(Span(ent.doc, ent.start, ent.end - 1, label=ent.label_))
            result.append(Span(ent.doc, ent.end - 1, ent.end, label="LOC"))
        elif (
            len(ent) > 2
            and in_or_genitive(first, countries)
            and not is_first_name(first)
            and is_first_name(ent[1].text)
            and ent[1].text[:1].isupper()
        ):  # "des Kosovos Hashim Thaçi": a country's genitive before a person
            result.append(Span(ent.doc, ent.start, ent.start + 1, label="LOC"))
            result.append(Span(ent.doc, ent.start + 1, ent.end, label="PER"))
        else:
            result.append(ent)
    return result
