"""The quote layer's word lists (``resources/de/quotes/``), parsed once, and lookups on them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Token
from spacy.vocab import Vocab

from ..names import WORD_CACHE_SIZE, organisation_nouns, role_nouns
from ..resources import first_name_gender_of, load_entries

SPEAKER_TYPES = ("person", "organisation", "role", "unnamed")


CLAUSE_END = {",", ";", ":", "–", "—"}


SENTENCE_END = {".", "!", "?"}


def _fields(name: str) -> list[list[str]]:
    return [entry.split("\t") for entry in load_entries(f"quotes/{name}")]


STANCE = "<stance>"  # the lemma of a stance adjective among the verb forms
NO_OBJECT = "-obj"  # NEEDS of a verb that reports only without an object of its own ("finden")
REPORT_AFTER = "+report"  # NEEDS of a verb that reports only a clause after it, no object


@dataclass(frozen=True)
class Lexicon:
    """The quote resources of ``resources/de/quotes/``, parsed."""

    verb_forms: dict[str, tuple[tuple[str, str], ...]]  # form -> ((lemma, particle), …)
    verb_konjunktiv: frozenset[str]
    marks: dict[str, tuple[str, ...]]
    sources: tuple[tuple[str, str], ...]  # (type, phrase)
    roles: dict[str, tuple[str, str]]  # form -> (nominative, gender)
    organisations: dict[str, tuple[str, str]]  # form -> (nominative, kind)
    pronouns: dict[str, str]
    personal: frozenset[str]
    demonstrative: frozenset[str]  # speaker mentions only before a speech verb ("Diese sagte")
    konjunktiv: dict[str, str]
    np_words: dict[str, str]  # word -> determiner / preposition / conjunction / abbreviation
    determiners: dict[str, frozenset[str]]  # determiner -> definite, genitive, m, f
    clause_words: dict[str, frozenset[str]]  # word -> its roles
    verb_needs: dict[str, str]  # lemma -> word that must close the cue clause
    characterising: frozenset[str]  # lemmas whose quoted complement is a direct quote
    object_only: frozenset[str]  # of those, lemmas that never attribute a reported clause
    evidence: frozenset[str]  # nouns of a source phrase that name no source ("Berichten")
    speech_nouns: frozenset[str]  # nouns that carry reported content ("Standpunkt", "Befehl")
    stances: dict[str, frozenset[str]]  # stance adjective -> the copulas that make it a cue
    object_speakers: frozenset[str]  # lemmas whose object speaks in the active voice
    non_sources: dict[str, frozenset[str]]  # thing / court / finding_verb -> words


def _multi(rows: list[list[str]]) -> dict[str, frozenset[str]]:
    roles: dict[str, set[str]] = {}
    for row in rows:
        roles.setdefault(row[0], set()).add(row[1])
    return {word: frozenset(values) for word, values in roles.items()}


@cache
def lexicon() -> Lexicon:
    """All quote resources, loaded once."""
    forms: dict[str, list[tuple[str, str]]] = {}
    konj: set[str] = set()
    needs: dict[str, str] = {}
    for row in _fields("speech_verbs.txt"):
        if len(row) > 3 and row[3]:
            needs[row[0]] = row[3]
        lemma, particle = row[0], ""
        if "|" in lemma:
            particle, _ = lemma.split("|", 1)
        for written in row[1].split():
            joined = (
                bool(particle) and written.startswith(particle) and len(written) > len(particle) + 2
            )
            for form in with_swiss_spelling([written]):  # "begrüßte", "begrüsste"
                forms.setdefault(form, []).append((lemma, "" if joined else particle))
        if len(row) > 2:
            konj.update(row[2].split())
    stances = {row[0]: frozenset(row[1].split()) for row in _fields("stance_adjectives.txt")}
    for adjective in stances:  # cues like a verb, with a stricter clause (indirect.py)
        forms.setdefault(adjective, []).append((STANCE, ""))
    marks = {row[0]: tuple(row[1:]) for row in _fields("quote_marks.txt")}
    roles = role_nouns()
    orgs = organisation_nouns()
    return Lexicon(
        verb_forms={form: tuple(entries) for form, entries in forms.items()},
        verb_konjunktiv=frozenset(konj),
        marks=marks,
        sources=tuple((row[0], row[1]) for row in _fields("source_phrases.txt")),
        roles=roles,
        organisations=orgs,
        pronouns={row[0]: row[1] for row in _fields("pronouns.txt")},
        personal=frozenset(row[0] for row in _fields("pronouns.txt") if row[2] == "personal"),
        demonstrative=frozenset(
            row[0] for row in _fields("pronouns.txt") if row[2] == "demonstrative"
        ),
        konjunktiv={row[0]: row[1] for row in _fields("konjunktiv.txt")},
        np_words={row[0]: row[1] for row in _fields("noun_phrase_words.txt")},
        determiners={
            row[0]: frozenset(row[2].split(","))
            for row in _fields("noun_phrase_words.txt")
            if len(row) > 2
        },
        clause_words=_multi(_fields("clause_words.txt")),
        verb_needs=needs,
        characterising=frozenset(row[0] for row in _fields("characterising_verbs.txt")),
        object_only=frozenset(
            row[0] for row in _fields("characterising_verbs.txt") if row[1:] == ["object"]
        ),
        evidence=frozenset(row[0].lower() for row in _fields("evidence_nouns.txt")),
        speech_nouns=frozenset(row[0] for row in _fields("speech_nouns.txt")),
        stances=stances,
        object_speakers=frozenset(row[0] for row in _fields("object_speaker_verbs.txt")),
        non_sources=_multi(_fields("non_sources.txt")),
    )


def _phrase_pattern(phrase: str) -> list[dict]:
    pattern = []
    for part in phrase.split():
        if part == "…":
            pattern.append({"IS_PUNCT": False, "OP": "{0,8}"})
            continue
        optional = part.endswith("?")
        choices = part.rstrip("?").lower().split("|")
        if all(choice.startswith("*") for choice in choices):  # "*angaben": a word ending
            endings = "|".join(re.escape(choice[1:]) for choice in choices)
            token: dict = {"LOWER": {"REGEX": f"^\\w+(?:{endings})$"}}
        else:  # Swiss spelling too: "gemäss" for "gemäß"
            token = {"LOWER": {"IN": sorted(with_swiss_spelling(choices))}}
        if optional:
            token["OP"] = "?"
        pattern.append(token)
    return pattern


CAPITAL_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ0123456789")


@cache
def matchers(vocab: Vocab) -> dict[str, Matcher]:
    """spaCy matchers for speech verbs, source phrases and pronouns (role and organisation
    nouns are found by ``noun_kinds``: a suffix lookup, which a Matcher cannot do fast)."""
    lex = lexicon()
    verbs = Matcher(vocab)
    verbs.add("SPEECH_VERB", [[{"ORTH": {"IN": sorted(lex.verb_forms)}}]])
    sources = Matcher(vocab)
    for index, (kind, phrase) in enumerate(lex.sources):
        sources.add(f"{kind}|{index}", [_phrase_pattern(phrase)])
    pronouns = Matcher(vocab)
    pronouns.add("PRONOUN", [[{"LOWER": {"IN": sorted(lex.personal | lex.demonstrative)}}]])
    return {"verbs": verbs, "sources": sources, "pronouns": pronouns}


def with_swiss_spelling(words: Iterable[str]) -> set[str]:
    """The words and their Swiss spelling, ß written ss ("gemäß", "gemäss")."""
    return {form for word in words for form in (word, word.replace("ß", "ss"))}


@cache
def source_words() -> frozenset[str]:
    """The fixed words of the source phrases ("laut", "zufolge", "hieß", "es", "angaben" of
    "*angaben"), lower case, also in Swiss spelling."""
    words = {
        word.lower().rstrip("?").lstrip("*")
        for _, phrase in lexicon().sources
        for part in phrase.split()
        for word in part.split("|")
        if word != "…"
    }
    return frozenset(with_swiss_spelling(words))


def verb_lemmas(form: str, lex: Lexicon) -> set[str]:
    """The lemmas of a speech-verb form as written ("nannte" -> {"nennen"}); empty if none."""
    return {lemma for lemma, _ in lex.verb_forms.get(form, ())}


def is_evidence(word: str, lex: Lexicon) -> bool:
    """Whether a word names what a report rests on ("Berichten", "Polizeiangaben"): an entry
    of ``evidence_nouns.txt``, or a compound ending in one of six letters or more."""
    lower = word.lower()
    return lower in lex.evidence or any(
        len(noun) >= 6 and lower.endswith(noun) for noun in lex.evidence
    )


def stem_konjunktiv(token: Token) -> bool:
    """A finite verb that is its lemma's stem + -e ("beobachte", "rechne", "handle"): the
    Konjunktiv I of the third person (or the first person, which callers rule out), whatever
    mood the model gives it, as the indicative of the third person ends in -t, -te or -en."""
    if token.pos_ not in ("VERB", "AUX") or not token.text[:1].islower():
        return False
    if set(token.morph.get("VerbForm")) & {"Inf", "Part"}:
        return False
    lower, lemma = token.lower_, token.lemma_.lower()
    if lemma.endswith("en") and lower == lemma[:-1]:
        return True  # beobachten -> beobachte
    return lemma.endswith(("eln", "ern")) and lower in (
        lemma[:-1] + "e",
        lemma[:-3] + lemma[-2] + "e",
    )


def _nearby(token: Token) -> set[str]:
    """The lower-case words from two before to two after the token (a subject pronoun)."""
    return {t.lower_ for t in token.doc[max(token.i - 2, 0) : token.i + 3]}


def is_konjunktiv(token: Token, lex: Lexicon) -> bool:
    """Konjunktiv by morphology (``Mood=Sub``) or by the lemma's stem (``stem_konjunktiv``),
    else by the lexicon."""
    lower = token.lower_
    if "Sub" in token.morph.get("Mood") and "Past" not in token.morph.get("Tense"):
        return True  # Konjunktiv I; a Konjunktiv II of a weak verb equals its past tense
    if stem_konjunktiv(token) and not _nearby(token) & {"ich", "wir"}:
        return True
    if lex.konjunktiv.get(lower) == "Ind":
        return False
    if lower not in lex.konjunktiv and lower not in lex.verb_konjunktiv:
        return False
    if not token.text[:1].islower():
        return False  # "Ende", "Lasse": a noun or name, not a verb form
    if "ich" in _nearby(token):
        return False  # "ich habe", "habe ich": 1st person indicative
    doc = token.doc
    if lower in lex.verb_konjunktiv and lower not in lex.konjunktiv:
        # a speech verb's Konjunktiv I ("sage") equals its 1st person: need a 3rd person
        return token.i > 0 and doc[token.i - 1].lower_ not in {"ich", "wir"}
    return True


def gender_of_name(name: str) -> str:
    first = name.split()[0] if name.split() else ""
    return gender_of_first_name(first)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def gender_of_first_name(first: str) -> str:
    if not first or not first[0].isupper():
        return "x"
    guess = first_name_gender_of(first.split("-")[0])
    return {"male": "m", "female": "f"}.get(guess, "x")


def compatible(pronoun_gender: str, gender: str) -> bool:
    return gender == "x" or pronoun_gender == gender
