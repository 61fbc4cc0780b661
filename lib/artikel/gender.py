"""The gender of people: per person and article, from the text first, then the first name.

GUIDELINES.md ("Gender of people"): the article decides first — Frau/Herr before the name, a
feminine person noun before it or in apposition ("Kanzlerin X", "X, Sprecherin der …"), a
relative pronoun right after the name ("X, die …"), a gendered adjectival noun in apposition
("X, der CDU-Vorsitzende"), the personal pronoun that next refers to the person — and only
then an unambiguous first name (``names/first_names.tsv``, or the user's override file). A
masculine person noun alone decides nothing (generic masculine); right before a full name it
weighs an ambiguous first name (``MASCULINE_TITLE_ODDS``). Every mention of one
canonical name gets the same value: ``female``, ``male`` or ``unknown``.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from .canonical import Mention
from .names import is_title, noun_form, person_nouns, role_nouns, word_list
from .quotes.marks import find_marked
from .resources import first_name_female_share, first_name_gender_of, is_first_name, load_entries
from .settings import Settings
from .structure import split_paragraphs

FEMALE, MALE, UNKNOWN = "female", "male", "unknown"
NOUN_GENDER = {"f": FEMALE, "m": MALE}

# How much likelier a masculine role noun right before a full name ("SVP-Präsident Toni X")
# is for a woman than for a man. German news nearly always gives a named woman the feminine
# form: on the dev corpus and the Wikinews analysis half, 99 named people had a masculine
# role noun right before them and none was a woman (29 had a feminine one). The noun alone
# decides nothing (generic masculine); it only settles a first name that is ambiguous
# ("Toni", 32 % women) or unlisted, as Bayes' rule with these odds.
MASCULINE_TITLE_ODDS = 0.05
UNLISTED_NAME_SHARE = 0.5  # the share of women assumed for a first name the list lacks
DECISIVE_SHARE = 0.1  # first_names.tsv's threshold: male at or below it, female at 1 - it


@cache
def _gender_words() -> dict[str, dict[str, str]]:
    """``names/gender_words.txt``: word kind -> {word: gender}."""
    table: dict[str, dict[str, str]] = {}
    for entry in load_entries("names/gender_words.txt"):
        kind, word, gender = entry.split("\t")
        table.setdefault(kind, {})[word] = gender
    return table


def _overrides(path: str) -> dict[str, str]:
    """A user's first-name file, read again when it changed."""
    return _read_overrides(path, Path(path).stat().st_mtime_ns)


@cache
def _read_overrides(path: str, _modified: int) -> dict[str, str]:
    """A user's first-name file (``NAME<TAB>female|male|unknown``), lower-case names."""
    table = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, _, gender = line.partition("\t")
        if gender.strip() not in (FEMALE, MALE, UNKNOWN):
            raise ValueError(f"{path}, line {number}: gender must be female, male or unknown")
        table[name.strip().lower()] = gender.strip()
    return table


def first_name_gender(name: str, settings: Settings | None = None) -> str:
    """The gender of a full name's first name, or ``unknown`` (an ambiguous or unknown name,
    a surname alone)."""
    words = name.split()
    if len(words) < 2:
        return UNKNOWN
    first = words[0]
    if settings is not None and settings.gender_overrides:
        table = _overrides(settings.gender_overrides)
        override = table.get(first.lower()) or table.get(first.split("-")[0].lower())
        if override:
            return override
    whole = first_name_gender_of(first)  # "Jean-Claude" is listed as a whole
    return whole if whole != UNKNOWN else first_name_gender_of(first.split("-")[0])


def _role_noun_gender(lower: str) -> str:
    """The gender (m/f/p/x of ``person_nouns.txt``) of the role noun a lower-case word ends
    in ("regierungssprecherin" → f), "" for no role noun."""
    form = noun_form(lower, role_nouns())
    return role_nouns()[form][1] if form else ""


def _sexed_ending(lower: str) -> str | None:
    """The gender of a compound whose last part is a noun for a woman or a man by its meaning
    ("feuerwehrmann", "bezirkshauptfrau": German gives a woman the -frau form), else None."""
    form = noun_form(lower, role_nouns())
    return _sexed_lower().get(form) if form and form != lower else None


@cache
def _sexed_lower() -> dict[str, str]:
    """The ``sexed`` nouns of ``names/gender_words.txt`` in lower case -> gender."""
    return {word.lower(): gender for word, gender in _gender_words()["sexed"].items()}


def _feminine_noun(lower: str) -> bool:
    """Whether a lower-case word ends in a feminine person noun ("regierungssprecherin")."""
    return _role_noun_gender(lower) == "f"


@cache
def _feminine_titles() -> frozenset[str]:
    """Titles of ``person_nouns.txt`` in a feminine form ("Königin", "Bundeskanzlerin")."""
    return frozenset(
        w for w, _, gender, uses in person_nouns() if gender == "f" and "title" in uses
    )


def _noun_gender(token: Token) -> str | None:
    """female/male for Frau/Herr, a noun for a woman or a man ("Schwester", "Vater") or a
    feminine person noun or title ("Kanzlerin", "CDU-Politikerin", "Königin"); None for a
    masculine role noun (generic masculine) or any other word."""
    titles = _gender_words()["title"]
    if token.text in titles:
        return titles[token.text]
    if token.text in _gender_words()["sexed"]:
        return _gender_words()["sexed"][token.text]  # "Ihr Mann Jörg"
    if token.text in _feminine_titles():
        return FEMALE
    return FEMALE if token.text[:1].isupper() and _feminine_noun(token.lower_) else None


def _adjectival_noun(determiner: Token, noun: Token) -> str | None:
    """ "der CDU-Vorsitzende" → male, "die 34-Jährige" → female: determiner + adjectival
    person noun in the weak singular form."""
    if not noun.text[:1].isupper() and not noun.text[:1].isdigit():
        return None
    if not noun.lower_.endswith(tuple(_gender_words()["adjectival"])):
        return None
    return _gender_words()["determiner"].get(determiner.lower_)


def _text_evidence(doc: Doc, mention: Mention) -> list[str]:
    """Votes of the words around one mention: a title or adjectival noun right before it,
    an apposition or a relative pronoun right after "Name,"."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return []
    votes = []
    first = span.start
    while first > 0 and span.start - first < 3 and _plain_title(doc[first - 1]):
        first -= 1  # "Herr Professor Schneidewind", "Frau Dr. Lang"
    before = doc[max(first - 2, 0) : first]
    if before and not _genitive(mention):  # "die Tochter Karls", "die Witwe Nawalnys"
        gender = _noun_gender(before[-1])
        if gender is None and len(before) == 2:
            gender = _adjectival_noun(before[0], before[1])
        if gender:
            votes.append(gender)
    after = doc[span.end : span.end + 3]
    if len(after) >= 2 and after[0].text == ",":
        word = after[1]
        next_word = after[2] if len(after) > 2 else None
        gender = _noun_gender(word)
        if gender and next_word is not None and next_word.ent_type_ == "PER":
            gender = None  # "König Juan Carlos, Königin Sophia": the title of the next name
        if gender is None and next_word is not None:
            gender = _adjectival_noun(word, next_word)
        determiner = word.lower_ in _gender_words()["determiner"]
        if gender is None and next_word is not None and determiner:
            gender = _noun_gender(next_word)  # "X, die Sprecherin der …"
        relative = _gender_words()["relative"].get(word.lower_)
        if relative and (next_word is None or not next_word.text.islower()):
            relative = None  # "Merkel, die Polizei …": an article
        if gender is None and relative and not _in_phrase_of_noun(doc, span, word, relative):
            gender = relative  # "Merkel, die am Montag …"
        if gender:
            votes.append(gender)
    gender = _apposition_head(doc, span)
    if gender:
        votes.append(gender)
    return votes


def _plain_title(token: Token) -> bool:
    """A title that tells no gender ("Professor", "Dr.", "Minister")."""
    return is_title(token.text) and _noun_gender(token) is None


def _genitive(mention: Mention) -> bool:
    """A name in the genitive: written with an -s its canonical form lacks ("Nawalnys"), or
    opened by a first name with one ("Karls des Kühnen")."""
    words, canonical = mention.text.split(), mention.canonical
    if not words:
        return False
    last, first = words[-1], words[0]
    if last.endswith("s") and not canonical.endswith("s") and canonical.endswith(last[:-1]):
        return True
    return first.endswith("s") and is_first_name(first[:-1]) and not is_first_name(first)


def _in_phrase_of_noun(doc: Doc, span, relative: Token, gender: str) -> bool:
    """Whether a relative pronoun after a name may refer to a noun before it: the name
    follows a preposition ("die Expedition von Napoleon, die …"), a "die" follows a name
    that hangs on a noun (``_modifies_noun``: "die Bücher Moses, die …"), or the relative
    clause's verb is plural ("Missionare wie Kolumban, die missionierten")."""
    if span.start > 0 and doc[span.start - 1].pos_ == "ADP":
        return True
    if gender == FEMALE and _modifies_noun(doc, span):
        return True  # as for "sie": a masculine noun rarely takes "der" from a person
    verb = relative.head
    return verb is not relative and "Plur" in verb.morph.get("Number")


def _apposition_head(doc: Doc, span) -> str | None:
    """The gender of the noun phrase a name stands in apposition to, before it: "Die
    Anwältin der Stadt, Simone Theißen, erklärte" (a determiner opens the phrase, no verb in
    it, the name closed by a comma or the sentence's end)."""
    if span.start < 2 or doc[span.start - 1].text != "," or span.end >= len(doc):
        return None
    if doc[span.end].text not in (",", ".", "!", "?"):
        return None
    start = span.start - 1
    while start > 0 and span.start - start <= 8 and not doc[start].is_sent_start:
        if doc[start - 1].is_punct or doc[start - 1].is_space:
            break
        start -= 1
    phrase = doc[start : span.start - 1]
    if not len(phrase) or phrase[0].lower_ not in _gender_words()["determiner"]:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return None
    heads = [t for t in phrase[1:] if t.text[:1].isupper()]
    return _noun_gender(heads[0]) if heads else None


def _masculine_title(doc: Doc, mention: Mention) -> bool:
    """Whether a masculine role noun stands right before the mention ("SVP-Präsident X")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    word = doc[span.start - 1]
    return word.text[:1].isupper() and _role_noun_gender(word.lower_) == "m"


def _female_share_after_title(canonical: str) -> float | None:
    """The chance that a full name with a masculine role noun before it is a woman's: the
    first name's share of women, weighed by ``MASCULINE_TITLE_ODDS``; None (undecided) for a
    surname alone or a name that opens with a particle ("De Gennaro")."""
    words = canonical.split()
    if len(words) < 2 or words[0].lower() in word_list("name_particles"):
        return None
    share = first_name_female_share(words[0])
    if share is None:
        share = first_name_female_share(words[0].split("-")[0])
    share = UNLISTED_NAME_SHARE if share is None else share
    female = share * MASCULINE_TITLE_ODDS
    return female / (female + 1 - share)


def _gender_after_title(share: float) -> str:
    """The gender a first name's share of women gives once a masculine role noun before it
    has been weighed: "Physiker Heike X" and "Großwesir Kara X" are undecided, "Präsident
    Kim X" too, "Präsident Anna X" stays a woman."""
    if share <= DECISIVE_SHARE:
        return MALE
    return FEMALE if share >= 1 - DECISIVE_SHARE else UNKNOWN


def _competes(token: Token, gender: str) -> bool:
    """A noun between a person and "sie" that it could refer to instead: feminine or plural
    ("Die Staaten …, dass sie …"). A masculine noun rarely takes "er" from a person named
    just before, so "er" is not blocked (measured on the dev corpus and the analysis half)."""
    if gender == MALE or token.pos_ not in ("NOUN", "PROPN"):
        return False
    return "Fem" in token.morph.get("Gender") or "Plur" in token.morph.get("Number")


def _singular(token: Token) -> bool:
    """The pronoun and, when the parse has one, its verb are singular ("sie sagte", not
    "sie können")."""
    if "Sing" not in token.morph.get("Number"):
        return False
    verb = token.head
    return verb is token or "Plur" not in verb.morph.get("Number")


def _pronoun_gender(token: Token) -> str | None:
    """The gender a personal pronoun ("er", "sie") or a possessive determiner ("seinen";
    ``possessive`` stems, the model's Poss=Yes or a determiner the model left without
    features) gives the person it refers to."""
    words = _gender_words()
    if token.lower_ in words["pronoun"]:
        return words["pronoun"][token.lower_]
    possessive = "Yes" in token.morph.get("Poss") or token.pos_ == "DET"  # "feiert sein 28. Tor"
    if not possessive or not token.text.islower():
        return None
    stems = "|".join(words.get("possessive", {}))
    stem = re.match(rf"({stems})(?:e|en|em|er|es)?$", token.lower_)
    return words["possessive"].get(stem[1]) if stem and stems else None


def _modifies_noun(doc: Doc, span) -> bool:
    """Whether a name (after its titles) hangs on another noun, which a "sie" after it may
    take up instead: it follows a common noun ("die Familie Esterhazy … sie", "die Regierung
    Merkel"), a preposition, or a genitive or dative article ("der Werkstatt des Bildhauers
    Thutmosis. Sie wurde …")."""
    k = span.start - 1
    while k >= 0 and (_is_person_word(doc[k]) or doc[k].pos_ == "ADJ"):
        k -= 1
    if k < 0:
        return False
    word = doc[k]
    if word.pos_ == "ADP" or (word.pos_ == "NOUN" and word.text[:1].isupper()):
        return True
    return word.pos_ == "DET" and bool({"Gen", "Dat"} & set(word.morph.get("Case")))


def _is_person_word(token: Token) -> bool:
    """A title or person noun before a name ("Oberbildhauers", "Kanzlerin", "Dr.")."""
    forms = {token.lower_, token.lower_.removesuffix("s")}  # "Oberbildhauers"
    return token.text[:1].isupper() and (
        _noun_gender(token) is not None
        or is_title(token.text)
        or any(_role_noun_gender(form) for form in forms)
    )


def _quoted_characters(text: str) -> list[bool]:
    """Per character of the text: whether it lies between quotation marks (a quote never
    crosses a paragraph, ``split_paragraphs``)."""
    inside = [False] * (len(text) + 1)
    for marked in find_marked(text, split_paragraphs(text)):
        inside[marked.start : marked.end] = [True] * (marked.end - marked.start)
    return inside


def _pronoun_evidence(
    doc: Doc, mentions: list[Mention], canonical: str, quoted: list[bool]
) -> list[str]:
    """The personal pronoun that next follows a mention, in its sentence or the next, when no
    other person and no noun it could refer to comes between: "er" is male, a singular "sie"
    female unless the name hangs on a noun (``_modifies_noun``; as in ``_competes``, "er" is
    not blocked by nouns), and none between quotation marks (``quoted``, per character of the
    text) unless the name stands there too. Needs the pipeline's morphology; without it, no
    votes."""
    if not doc.has_annotation("MORPH"):
        return []
    votes = []
    people = sorted((m for m in mentions if m.label == "PER"), key=lambda m: m.start)
    for index, mention in enumerate(people):
        if mention.canonical != canonical:
            continue
        limit = people[index + 1].start if index + 1 < len(people) else len(doc.text)
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        next_sentence_end = min(len(doc), span.sent.end + 60)
        between: list[Token] = []
        for token in doc[span.end : next_sentence_end]:
            if token.idx >= limit or token.sent.start > span.sent.end:
                break
            if quoted[token.idx] and not quoted[mention.start]:
                continue  # "X schrieb: „… wie soll er …“": the quote's own people
            gender = _pronoun_gender(token)
            if gender is None:
                between.append(token)
                continue
            if any(_competes(t, gender) for t in between):
                break
            if gender == FEMALE and _modifies_noun(doc, span):
                break  # the noun the name hangs on may be the one "sie" takes up
            if token.lower_ == "sie" and not _singular(token):
                break
            votes.append(gender)
            break
    return votes


def person_genders(
    doc: Doc, mentions: list[Mention], settings: Settings | None = None
) -> dict[str, str]:
    """Canonical name -> ``female``/``male``/``unknown`` for every PER canonical of an article.

    Strong text evidence (titles, appositions, relative pronouns) decides by majority; then a
    first name; then the pronouns that follow the person.
    """
    result = {}
    quoted: list[bool] | None = None
    canonicals = sorted({m.canonical for m in mentions if m.label == "PER"})
    for canonical in canonicals:
        group = [m for m in mentions if m.label == "PER" and m.canonical == canonical]
        votes = Counter(v for m in group for v in _text_evidence(doc, m))
        if votes and votes.most_common(1)[0][1] * 2 > sum(votes.values()):
            result[canonical] = votes.most_common(1)[0][0]
            continue
        by_name = first_name_gender(canonical, settings)
        share = _female_share_after_title(canonical)
        if by_name != MALE and share is not None and any(_masculine_title(doc, m) for m in group):
            by_name = _gender_after_title(share)
        if by_name != UNKNOWN:
            result[canonical] = by_name
            continue
        if quoted is None:  # once per article, and only when a pronoun has to decide
            quoted = _quoted_characters(doc.text)
        pronouns = Counter(_pronoun_evidence(doc, mentions, canonical, quoted))
        if pronouns and len(pronouns) == 1:
            result[canonical] = next(iter(pronouns))
        else:
            result[canonical] = UNKNOWN
    return result


def pronoun_speaker_genders(
    quotes: list[dict], genders: dict[str, str], settings: Settings | None = None
) -> dict[str, str]:
    """``genders`` with the people the text and the name lists leave unknown decided by the
    mentions the quotes resolved to them: a pronoun ("…, sagte sie" after the person; a
    singular verb for "sie") or a gendered noun phrase ("die 28-Jährige", "die Aktivistin"),
    when one gender has at least twice the votes of the other (a pronoun resolved to the
    wrong person of two stays outvoted)."""
    votes: dict[str, Counter] = {}
    for quote in quotes:
        name = quote.get("speaker") or ""
        if quote.get("speaker_type") != "person":
            continue
        if (genders.get(name) or first_name_gender(name, settings)) != UNKNOWN:
            continue
        said = (quote.get("speaker_text") or "").lower()
        verb = (quote.get("cue") or "").split()[:1]
        if said == "er" or (said == "sie" and verb and not verb[0].endswith("n")):
            votes.setdefault(name, Counter())[MALE if said == "er" else FEMALE] += 1
        elif len(said.split()) == 2 and (told := role_gender(said.split()[1], said)) != UNKNOWN:
            votes.setdefault(name, Counter())[told] += 1
    decided = {}
    for name, counts in votes.items():
        (top, most), *rest = counts.most_common()
        if most >= 2 * sum(n for _, n in rest):
            decided[name] = top
    return {**genders, **decided}


def role_gender(role: str, mention: str = "") -> str:
    """The gender a role speaker's noun tells: ``female`` for a feminine person noun
    ("Sprecherin"), the meaning of a noun for a woman or a man ("ein Vater"), the article or
    ending of an adjectival noun in the speaker's mention ("die Vorsitzende der …", "ein
    erfahrener Abgeordneter"); else ``unknown`` (generic masculine, groups)."""
    words = role.split()
    if not words:
        return UNKNOWN
    head = next((w for w in words if w[:1].isupper()), words[0])  # "grüne Nationalrätin"
    if head in _gender_words()["sexed"]:
        return _gender_words()["sexed"][head]
    sexed_end = _sexed_ending(head.lower())
    if sexed_end:
        return sexed_end  # "Feuerwehrmann", "Landeshauptfrau": a compound of Mann or Frau
    if _feminine_noun(head.lower()):
        return FEMALE
    adjectival = tuple(_gender_words()["adjectival"])
    if head.endswith("r") and head.lower()[:-1].endswith(adjectival):
        return MALE  # the strong masculine ending: "Abgeordneter", "ein Vorsitzender"
    said = mention.split()
    if head.lower().endswith(adjectival) and head in said and said.index(head) > 0:
        return _gender_words()["determiner"].get(said[0].lower(), UNKNOWN)
    determiner = _gender_words()["determiner"].get(said[0].lower()) if said else None
    if head.endswith("in") and head in said and determiner == FEMALE:
        return FEMALE  # "eine Stammgästin": a feminine person noun no list knows
    return UNKNOWN


def speaker_gender(quote: dict, genders: dict[str, str], settings: Settings | None = None) -> str:
    """``quotes.speaker_gender``: the person's gender for a person speaker (the article's
    decision for that canonical name, else the first name), the role noun's for a role
    speaker, "male" for an unresolved "er" (a person, by the pronoun), empty for
    organisations and quotes without a speaker."""
    speaker, kind = quote.get("speaker") or "", quote.get("speaker_type")
    if kind == "person":
        return genders.get(speaker) or first_name_gender(speaker, settings)
    if kind == "role":
        return role_gender(speaker, quote.get("speaker_phrase") or quote.get("speaker_text") or "")
    if (
        kind != "organisation"
        and (quote.get("speaker_text") or "").lower() in _gender_words()["speaker_pronoun"]
    ):
        return _gender_words()["speaker_pronoun"][quote["speaker_text"].lower()]  # "…, sagte er"
    return ""
