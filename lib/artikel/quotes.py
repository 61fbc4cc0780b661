"""Quote attribution: direct, indirect and mixed speech with their speakers.

``find_quotes`` reads one analysed article and returns its quotes in text order. It works
on the rule pipeline (tokens and sentences only) and uses a trained pipeline's dependency
parse (the subject of the speech verb), part-of-speech tags (where a source ends) and
morphology (Konjunktiv: ``Mood=Sub``) when they are there.

Notes:
    The design follows the Gender Gap Tracker's quote extractor (Asr et al. 2021): named
    passes — direct quotes by their marks and the verb attached to them, indirect speech by
    speech verbs, source phrases ("laut", "zufolge", "nach Angaben") and Konjunktiv I
    continuations — then one speaker resolution for all. The German rules follow the
    annotation guidelines of ``shared/dev-corpus/GUIDELINES.md`` and standard descriptions
    of German reported speech (Duden-Grammatik, "Indirekte Rede"). Word lists and patterns
    are data: ``resources/de/quotes/``.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import pandas as pd
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from .nlp import RULE_SENTENCES
from .resources import gender_detector, load_entries
from .structure import Paragraph, set_sentence_starts

SPEAKER_TYPES = ("person", "organisation", "role", "unnamed")
CLAUSE_END = {",", ";", ":", "–", "—"}
SENTENCE_END = {".", "!", "?"}


# ------------------------------------------------------------------------ resources


def _fields(name: str) -> list[list[str]]:
    return [entry.split("\t") for entry in load_entries(f"quotes/{name}")]


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
    konjunktiv: dict[str, str]
    np_words: dict[str, str]  # word -> determiner / preposition / conjunction / abbreviation
    determiners: dict[str, frozenset[str]]  # determiner -> definite, genitive, m, f
    clause_words: dict[str, frozenset[str]]  # word -> its roles
    verb_needs: dict[str, str]  # lemma -> word that must close the cue clause


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
        for form in row[1].split():
            joined = bool(particle) and form.startswith(particle) and len(form) > len(particle) + 2
            forms.setdefault(form, []).append((lemma, "" if joined else particle))
        if len(row) > 2:
            konj.update(row[2].split())
    marks = {row[0]: tuple(row[1:]) for row in _fields("quote_marks.txt")}
    roles = {row[0]: (row[1], row[2]) for row in _fields("role_nouns.txt")}
    orgs = {row[0]: (row[1], row[2]) for row in _fields("organisation_nouns.txt")}
    return Lexicon(
        verb_forms={form: tuple(entries) for form, entries in forms.items()},
        verb_konjunktiv=frozenset(konj),
        marks=marks,
        sources=tuple((row[0], row[1]) for row in _fields("source_phrases.txt")),
        roles=roles,
        organisations=orgs,
        pronouns={row[0]: row[1] for row in _fields("pronouns.txt")},
        personal=frozenset(row[0] for row in _fields("pronouns.txt") if row[2] == "personal"),
        konjunktiv={row[0]: row[1] for row in _fields("konjunktiv.txt")},
        np_words={row[0]: row[1] for row in _fields("noun_phrase_words.txt")},
        determiners={
            row[0]: frozenset(row[2].split(","))
            for row in _fields("noun_phrase_words.txt")
            if len(row) > 2
        },
        clause_words=_multi(_fields("clause_words.txt")),
        verb_needs=needs,
    )


def _phrase_pattern(phrase: str) -> list[dict]:
    pattern = []
    for part in phrase.split():
        if part == "…":
            pattern.append({"IS_PUNCT": False, "OP": "{0,8}"})
            continue
        optional = part.endswith("?")
        choices = part.rstrip("?").lower().split("|")
        token: dict = {"LOWER": {"IN": choices}}
        if optional:
            token["OP"] = "?"
        pattern.append(token)
    return pattern


_CAPITAL_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ0123456789")
_NOUN_PREFIX = re.compile(r"(?:[\w.]*-)?\w*")


@cache
def _noun_kinds(lower: str) -> frozenset[str]:
    """The lexicon kinds ("ROLE", "ORG") of a lower-case word that ends in a role or
    organisation noun after an optional prefix ("regierungs|sprecher", "us-|präsident")."""
    lex = lexicon()
    kinds = set()
    for kind, forms in (("ROLE", lex.roles), ("ORG", lex.organisations)):
        for k in range(len(lower)):
            if lower[k:] in forms and _NOUN_PREFIX.fullmatch(lower[:k]):
                kinds.add(kind)
                break
    return frozenset(kinds)


@cache
def _matchers(vocab: Vocab) -> dict[str, Matcher]:
    """spaCy matchers for speech verbs, source phrases and pronouns (role and organisation
    nouns are found by ``_noun_kinds``: a suffix lookup, which a Matcher cannot do fast)."""
    lex = lexicon()
    verbs = Matcher(vocab)
    verbs.add("SPEECH_VERB", [[{"ORTH": {"IN": sorted(lex.verb_forms)}}]])
    sources = Matcher(vocab)
    for index, (kind, phrase) in enumerate(lex.sources):
        sources.add(f"{kind}|{index}", [_phrase_pattern(phrase)])
    pronouns = Matcher(vocab)
    pronouns.add("PRONOUN", [[{"LOWER": {"IN": sorted(lex.personal)}}]])
    return {"verbs": verbs, "sources": sources, "pronouns": pronouns}


# ---------------------------------------------------------------------- data types


@dataclass
class Mention:
    """A possible speaker: a name, a role noun phrase, an organisation noun or a pronoun."""

    start: int
    end: int
    text: str
    kind: str  # name / role / org / pronoun
    label: str = ""  # PER / ORG / LOC / MISC for names
    canonical: str = ""
    gender: str = "x"  # m / f / p / x
    definite: bool = False
    head: str = ""  # lower-case role or organisation form (for links)
    governed: bool = False  # after a preposition: not a subject ("in der Hauptstadt")
    org_kind: str = ""  # anaphoric / institution


@dataclass
class Marked:
    """A span between quotation marks (content offsets, without the marks)."""

    open: int
    close: int  # offset of the closing mark, or the paragraph end when unclosed
    start: int
    end: int
    after: int  # offset after the closing mark ("''" is two characters long); close when unclosed
    closed: bool = True


@dataclass
class Quote:
    start: int
    end: int
    kind: str
    cue: str = ""
    mention: Mention | None = None
    speaker: str = ""
    speaker_type: str = "unnamed"
    inherit: bool = False  # speaker taken from the reported speech this quote continues
    source: bool = False  # attributed by a source phrase ("laut", "nach Angaben")
    cue_token: int = -1
    marks: list[Marked] = field(default_factory=list)

    def row(self, text: str) -> dict:
        mention = self.mention
        return {
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "cue": self.cue,
            "speaker": self.speaker,
            "speaker_start": None if mention is None or self.inherit else mention.start,
            "speaker_end": None if mention is None or self.inherit else mention.end,
            "speaker_text": "" if mention is None or self.inherit else mention.text,
            "speaker_type": self.speaker_type,
        }


# ------------------------------------------------------------------ quotation marks


def _opens(text: str, i: int, mark: str) -> bool:
    if mark not in "\"'":
        after = i + len(mark)
        return after < len(text) and not text[after].isspace()
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([–—-/") and (after.isalnum() or after in "‚'‘…")


def _closes(text: str, i: int, mark: str) -> bool:
    if mark not in "\"'":
        return True
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if mark == "'" and before.isalpha() and after.isalpha():
        return False  # an apostrophe inside a word
    return not before.isspace() and not after.isalnum()


def _mark_at(text: str, i: int, marks: dict[str, tuple[str, ...]]) -> str | None:
    """The opening mark that starts at ``i``; a two-character (TeX-style) mark wins."""
    pair = text[i : i + 2]
    if pair in marks:
        return pair
    return text[i] if text[i] in marks else None


def find_marked(text: str, regions: Iterable[tuple[int, int]]) -> list[Marked]:
    """Spans between quotation marks, one region (paragraph) at a time.

    Args:
        text: the article text.
        regions: (start, end) of the paragraphs; a quote never crosses one, and a quote left
            open at the end of a paragraph (the German convention for quotes running over
            several paragraphs) ends with it.

    Returns:
        The marked spans in text order, with content offsets without the marks.
    """
    marks = lexicon().marks
    found = []
    for region_start, region_end in regions:
        i = region_start
        while i < region_end:
            mark = _mark_at(text, i, marks)
            if mark is None or not _opens(text, i, mark):
                i += 1
                continue
            content = i + len(mark)
            close = closing = None
            for j in range(content + 1, region_end):
                closing = next((c for c in marks[mark] if text.startswith(c, j)), None)
                fits = closing is not None and j + len(closing) <= region_end
                if fits and _closes(text, j, closing):
                    # "'Nein'''": the first apostrophe closes the inner quote, "''" follows it
                    close = j + 1 if closing == "''" and text.startswith("'", j + 2) else j
                    break
            if close is None or closing is None:
                if mark == "'" or mark == "‚":
                    i += 1
                    continue
                end = region_end
                while end > content and text[end - 1].isspace():
                    end -= 1
                found.append(Marked(i, end, content, end, end, closed=False))
                i = region_end
                continue
            found.append(Marked(i, close, content, close, close + len(closing)))
            i = close + len(closing)
    return found


# ------------------------------------------------------------------------- helpers


def _is_konjunktiv(token: Token, lex: Lexicon) -> bool:
    """Konjunktiv by morphology (``Mood=Sub``) when present, else by the lexicon."""
    lower = token.lower_
    if "Sub" in token.morph.get("Mood") and "Past" not in token.morph.get("Tense"):
        return True  # Konjunktiv I; a Konjunktiv II of a weak verb equals its past tense
    if lex.konjunktiv.get(lower) == "Ind":
        return False
    if lower not in lex.konjunktiv and lower not in lex.verb_konjunktiv:
        return False
    if not token.text[:1].islower():
        return False  # "Ende", "Lasse": a noun or name, not a verb form
    doc = token.doc
    window = doc[max(token.i - 2, 0) : token.i + 3]
    if any(t.lower_ == "ich" for t in window):
        return False  # "ich habe", "habe ich": 1st person indicative
    if lower in lex.verb_konjunktiv and lower not in lex.konjunktiv:
        # a speech verb's Konjunktiv I ("sage") equals its 1st person: need a 3rd person
        return token.i > 0 and doc[token.i - 1].lower_ not in {"ich", "wir"}
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces, and a final sentence period or comma, from a content span."""
    while start < end and (text[start].isspace() or text[start] in ",;:–—"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:–—"):
        end -= 1
    return start, end


def _gender_of_name(name: str) -> str:
    first = name.split()[0] if name.split() else ""
    return _gender_of_first_name(first)


@cache
def _gender_of_first_name(first: str) -> str:
    if not first or not first[0].isupper():
        return "x"
    guess = gender_detector().get_gender(first.split("-")[0])
    if guess in ("male", "mostly_male"):
        return "m"
    if guess in ("female", "mostly_female"):
        return "f"
    return "x"


def _compatible(pronoun_gender: str, gender: str) -> bool:
    return gender == "x" or pronoun_gender == gender


# ------------------------------------------------------------------------ analysis


class _Article:
    """The state of one article's analysis."""

    def __init__(self, doc: Doc, mentions: list[dict], paragraphs: list[Paragraph]):
        self.doc = doc
        self.text = doc.text
        self.lex = lexicon()
        self.matchers = _matchers(doc.vocab)
        self.has_parse = doc.has_annotation("DEP")
        self.has_pos = doc.has_annotation("POS") or doc.has_annotation("TAG")
        regions = [(p.start, p.end) for p in paragraphs if p.kind != "embed"]
        if not regions:
            regions = [(0, len(self.text))]
        self.paragraphs = sorted(regions)
        self.marked = find_marked(self.text, self.paragraphs)
        self.in_marks = [False] * len(doc)
        for m in self.marked:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    self.in_marks[t.i] = True
        self.sentences = self._sentences()
        self.cues = self._verb_cues()
        self.sources = self._source_cues()
        self.in_body = [(int(m["start"]), bool(m.get("in_body", True))) for m in mentions]
        self.names = self._names(mentions)
        for name in self.names:
            name.governed = self._governed(name)
        self.nouns = self._noun_mentions()
        self.pronouns = self._pronouns()
        nested = [(m.start, m.end) for m in self.nouns] + [
            (m.open, m.end) for m in self.marked
        ]
        self.mentions = sorted(
            [m for m in self.names if not any(s < m.start and m.end <= e for s, e in nested)]
            + self.nouns
            + self.pronouns,
            key=lambda m: m.start,
        )
        self.links = self._role_links()

    # ------------------------------------------------------------- structure

    def _sentences(self) -> list[Span]:
        """The pipeline's sentences, split further where artikel's sentence rules split (a
        parser's boundaries can join two sentences; the rules never cross a paragraph)."""
        doc = self.doc
        starts = {0}
        if doc.has_annotation("SENT_START"):
            starts |= {s.start for s in doc.sents}
        if not doc.user_data.get(RULE_SENTENCES):  # a pipeline without artikel's rules
            copy = Doc(
                doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc]
            )
            for t in copy:
                t.is_sent_start = t.i in starts
            starts |= {t.i for t in set_sentence_starts(copy) if t.is_sent_start}
        bounds = [*sorted(starts), len(doc)]
        sentences = [doc[a:b] for a, b in itertools.pairwise(bounds) if b > a]
        self.sentence_index = [0] * len(doc)
        kept = []
        for sentence in sentences:
            if sentence.text.strip():
                kept.append(sentence)
            for t in sentence:
                self.sentence_index[t.i] = max(len(kept) - 1, 0)
        return kept

    def sentence_at(self, token_i: int) -> Span:
        return self.sentences[self.sentence_index[token_i]]

    def paragraph_of(self, offset: int) -> int:
        for index, (start, end) in enumerate(self.paragraphs):
            if start <= offset < end:
                return index
        return -1

    def sentence_of(self, token_i: int) -> int:
        return self.sentence_index[token_i]

    def token_at(self, offset: int) -> Token | None:
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    # ---------------------------------------------------------- mentions

    def _names(self, mentions: list[dict]) -> list[Mention]:
        """Names from the entity layer, else the pipeline's NER, else capitalised words."""
        found = []
        if mentions:
            for m in mentions:
                found.append(
                    Mention(
                        int(m["start"]),
                        int(m["end"]),
                        str(m.get("text") or self.text[int(m["start"]) : int(m["end"])]),
                        "name",
                        label=str(m.get("label", "")),
                        canonical=str(m.get("canonical") or m.get("text") or ""),
                    )
                )
        elif self.doc.ents:
            for ent in self.doc.ents:
                label = {"PERSON": "PER", "GPE": "LOC"}.get(ent.label_, ent.label_)
                found.append(Mention(ent.start_char, ent.end_char, ent.text, "name", label=label))
            self._canonicalise(found)
        else:
            found = self._guessed_names()
            self._canonicalise(found)
        for m in found:
            if m.label in ("PER", ""):
                m.gender = _gender_of_name(m.canonical)
        return found

    def _guessed_names(self) -> list[Mention]:
        """Without NER (rule pipeline): runs of capitalised words, not after an article or
        preposition, that start with a known first name, repeat the surname of such a name
        ("Tusk" after "Donald Tusk"), follow a title ("Aussenminister Cassis") or stand right
        next to a speech verb ("sagte Kneissl")."""
        doc, lex = self.doc, self.lex
        runs = []
        i = 0
        while i < len(doc):
            if not self._name_word(doc[i]) or self.in_marks[i]:
                i += 1
                continue
            j = i
            while (
                j + 1 < len(doc) and not self.in_marks[j + 1] and self._name_continues(doc, j + 1)
            ):
                j += 1
            previous = doc[i - 1] if i else None
            after_article = previous is not None and (
                lex.np_words.get(previous.lower_) in ("determiner", "preposition")
                or self._adjective(previous)
            )
            runs.append((i, j + 1, after_article))
            i = j + 1
        so_slots = {end for kind, _, end, _ in self.sources if kind in ("so", "before", "after")}
        full = {
            doc[e - 1].text
            for s, e, art in runs
            if not art and e - s >= 2 and self._first_name(doc[s])
        }
        found = []
        for start, end, after_article in runs:
            if after_article:
                continue
            first, last = doc[start], doc[end - 1]
            surname = last.text in full or (last.text.endswith("s") and last.text[:-1] in full)
            titled = (
                start > 0
                and self._noun_form(doc[start - 1].lower_, lex.roles) != ""
                and not (end - start == 1 and last.text.endswith("s"))  # "Regierungschef Europas"
            )
            slot = (start > 0 and start - 1 in self.cues) or end in self.cues or start in so_slots
            if self._first_name(first) or surname or titled or slot:
                span = doc[start:end]
                found.append(Mention(span.start_char, span.end_char, span.text, "name"))
        return found

    def _name_continues(self, doc: Doc, k: int) -> bool:
        """Token k continues a name: a name word, or any capitalised word that is no function
        word after a first name ("Sebastian Kurz", "Jan Hofmeister")."""
        t = doc[k]
        if self._name_word(t):
            return True
        return (
            t.text[:1].isupper()
            and t.is_alpha
            and t.lower_ not in self.lex.np_words
            and t.lower_ not in self.lex.pronouns
            and self._first_name(doc[k - 1])
        )

    @staticmethod
    def _first_name(t: Token) -> bool:
        return _gender_of_first_name(t.text) != "x"

    def _name_word(self, t: Token) -> bool:
        if not t.text[:1].isupper() or (not t.is_alpha and "-" not in t.text):
            return False
        if t.is_stop or t.lower_ in self.lex.np_words or t.lower_ in self.lex.pronouns:
            return False
        lower = t.lower_
        return not (
            self._noun_form(lower, self.lex.roles) or self._noun_form(lower, self.lex.organisations)
        )

    @staticmethod
    def _noun_form(lower: str, table: dict) -> str:
        for k in range(len(lower)):
            if lower[k:] in table and (k == 0 or lower[k - 1] == "-" or k > 1):
                return lower[k:]
        return ""

    def _canonicalise(self, names: list[Mention]) -> None:
        """The fullest form of each name in the article, in nominative ("Trumps" → "Donald
        Trump"): the longest name ending with the same word (or with it minus a genitive s)."""
        texts = [" ".join(m.text.split()) for m in names]
        for m, text in zip(names, texts, strict=True):
            last = text.split()[-1] if text.split() else text
            keys = {last} | ({last[:-1]} if last.endswith("s") and len(last) > 3 else set())
            best = text
            for other in texts:
                other_last = other.split()[-1] if other.split() else other
                if (
                    other_last in keys
                    and len(other) > len(best)
                    and (other_last == last or last[:-1] == other_last)
                    and _gender_of_name(other) != "x"
                ):
                    best = other
            if best == text and last.endswith("s") and last[:-1] in {t.split()[-1] for t in texts}:
                best = text[:-1]
            m.canonical = m.canonical or best

    def _noun_mentions(self) -> list[Mention]:
        """Role and organisation noun phrases: determiner, adjectives, noun, genitive."""
        doc, lex = self.doc, self.lex
        found = []
        candidates = [
            (kind, token)
            for token in doc
            if token.text[:1] in _CAPITAL_START
            for kind in sorted(_noun_kinds(token.lower_), reverse=True)  # ROLE before ORG
        ]
        for kind, token in candidates:
            start = token.i
            if self.in_marks[start]:
                continue
            table = lex.roles if kind == "ROLE" else lex.organisations
            form = self._noun_form(token.lower_, table)
            if not form or any(m.start <= token.idx < m.end for m in self.names):
                continue  # part of a name
            if self._name_after(start) is not None:
                continue  # a title: "US-Präsident Donald Trump" is a mention of the name
            left = start
            while left > 0 and self._adjective(doc[left - 1]):
                left -= 1
            determiner = ""
            if left > 0 and lex.np_words.get(doc[left - 1].lower_) == "determiner":
                left -= 1
                determiner = doc[left].lower_
            governed = (
                left > 0 and lex.np_words.get(doc[left - 1].lower_) == "preposition"
            ) or "oblique" in lex.determiners.get(determiner, ())
            right = self._complement_end(start + 1)
            info = table[form][1]
            head = self._nominative(token, table)
            gender = info if kind == "ROLE" else "x"
            if kind == "ROLE" and gender == "x":
                features = lex.determiners.get(determiner, frozenset())
                gender = next((g for g in ("m", "f") if g in features), "x")
            if kind == "ROLE" and not determiner and gender in ("p", "x"):
                head = token.text  # a bare plural: "Diplomaten", "Analysten"
            complement = doc[start + 1 : right].text if right > start + 1 else ""
            adjectives = [self._nominative_adjective(t, determiner) for t in doc[left:start]]
            adjectives = [a for a in adjectives if a]
            if adjectives and kind == "ORG":
                head = " ".join([*adjectives, head])
            span = doc[left:right]
            found.append(
                Mention(
                    span.start_char,
                    span.end_char,
                    span.text,
                    "role" if kind == "ROLE" else "org",
                    canonical=f"{head} {complement}".strip(),
                    gender=gender,
                    definite="definite" in lex.determiners.get(determiner, ()),
                    head=self._nominative(token, table).lower(),
                    org_kind=info if kind == "ORG" else "",
                    governed=governed,
                )
            )
        return found

    def _nominative_adjective(self, t: Token, determiner: str) -> str:
        """ "indischen" after a definite article → "indische" (weak declension); "" for
        anything that is not an adjective."""
        if not self._adjective(t) or self.lex.np_words.get(t.lower_):
            return ""
        if "definite" in self.lex.determiners.get(determiner, ()) and t.text.endswith("en"):
            return t.text[:-1]
        return t.text

    def _governed(self, m: Mention) -> bool:
        """The mention follows a preposition, an oblique article or an opening bracket
        ("im ORF", "den Bundesrat", "(FDP)"): it is no subject."""
        token = self.token_at(m.start)
        if token is None:
            return False
        k = token.i - 1
        while k >= 0 and self._adjective(self.doc[k]):
            k -= 1
        if k < 0:
            return False
        before = self.doc[k]
        role = self.lex.np_words.get(before.lower_)
        return (
            before.text == "("
            or role == "preposition"
            or "oblique" in self.lex.determiners.get(before.lower_, ())
        )

    def _nominative(self, token: Token, table: dict) -> str:
        """A role or organisation noun in nominative singular: "US-Präsidenten" →
        "US-Präsident" (the compound's first part kept as written)."""
        form = self._noun_form(token.lower_, table)
        if not form:
            return token.text
        nominative = table[form][0]
        stem = token.text[: len(token.text) - len(form)]
        head = stem + (nominative.lower() if stem and stem[-1] != "-" else nominative.capitalize())
        return head[:1].upper() + head[1:]

    def _name_after(self, i: int) -> Mention | None:
        """A name right after token i, skipping titles ("Präsidentin Dr. Helga Rabl-Stadler")."""
        doc = self.doc
        j = i + 1
        while j < len(doc) and self.lex.np_words.get(doc[j].lower_) == "abbreviation":
            j += 1
        if j >= len(doc) or not doc[i].whitespace_:
            return None
        return next((m for m in self.names if m.start == doc[j].idx), None)

    def _complement_end(self, i: int) -> int:
        """End of a genitive complement starting at token i ("des Ministeriums", "der
        Notenbank", "des Polizeipräsidiums Ludwigsburg"); i itself when there is none."""
        doc = self.doc
        if i >= len(doc) or self.in_marks[i]:
            return i
        if "genitive" not in self.lex.determiners.get(doc[i].lower_, ()):
            return i
        k = i + 1
        while k < len(doc) and self._adjective(doc[k]):
            k += 1
        if k >= len(doc) or not doc[k].text[:1].isupper():
            return i
        while k < len(doc) and doc[k].text[:1].isupper() and not self.in_marks[k]:
            k += 1
        return k

    def _adjective(self, t: Token) -> bool:
        """An attributive adjective: by tag when the pipeline has one, else a lower-case word
        with an adjective ending that is no function word and no listed verb form."""
        if self.has_pos and t.pos_:
            return t.pos_ == "ADJ"
        lower = t.lower_
        return (
            t.is_alpha
            and t.text[:1].islower()
            and lower.endswith(("e", "en", "er", "es", "em"))
            and not t.is_stop
            and t.text not in self.lex.verb_forms
            and lower not in self.lex.konjunktiv
        )

    def _pronouns(self) -> list[Mention]:
        found = []
        for _, start, _end in self.matchers["pronouns"](self.doc):
            if self.in_marks[start]:
                continue
            token = self.doc[start]
            found.append(
                Mention(
                    token.idx,
                    token.idx + len(token.text),
                    token.text,
                    "pronoun",
                    gender=self.lex.pronouns[token.lower_],
                )
            )
        return found

    def _role_links(self) -> list[tuple[int, str, str, str]]:
        """(offset, role word, canonical name, gender) for every role noun written right
        before a name ("US-Präsident Donald Trump", "Trumps Sprecherin Sarah Sanders")."""
        doc, lex = self.doc, self.lex
        links = []
        for t in doc:
            if not t.text[:1].isupper() or self.in_marks[t.i]:
                continue
            form = self._noun_form(t.lower_, lex.roles)
            if not form:
                continue
            name = self._name_after(t.i)
            if name is None or name.label not in ("PER", ""):
                continue
            gender = lex.roles[form][1]
            if gender in ("x", "p"):
                gender = name.gender
            links.append((t.idx, self._nominative(t, lex.roles).lower(), name.canonical, gender))
            if name.gender == "x":
                name.gender = gender
        return links

    # --------------------------------------------------------------- cues

    def _verb_cues(self) -> dict[int, tuple[str, int]]:
        """Speech verbs: token index -> (cue as written, index of the last cue token)."""
        doc, lex = self.doc, self.lex
        cues = {}
        for _, start, _ in self.matchers["verbs"](doc):
            if self.in_marks[start]:
                continue
            token = doc[start]
            if start > 0 and lex.np_words.get(doc[start - 1].lower_) == "determiner":
                continue  # "der bestätigten Fälle": a participle used as an adjective
            clause_end = self._clause_end(start)
            last = clause_end - 1
            cue = None
            for lemma, particle in lex.verb_forms[token.text]:
                need = lex.verb_needs.get(lemma)
                if need and not (last > start and doc[last].lower_ == need):
                    continue
                if particle and last > start and doc[last].lower_ == particle:
                    cue = (f"{token.text} {doc[last].text}", last)
                    break
                if not particle and cue is None:
                    cue = (f"{token.text} {doc[last].text}", last) if need else (token.text, start)
            if cue is not None:
                cues[start] = cue
        return cues

    def _clause_end(self, i: int) -> int:
        """Index after the last token of the clause containing token i (up to , ; : or the
        sentence end or a quotation mark)."""
        doc = self.doc
        sentence = self.sentence_at(i)
        j = i + 1
        while j < sentence.end:
            t = doc[j]
            if (
                t.text in CLAUSE_END
                or t.text in SENTENCE_END
                or t.text in self.lex.marks
                or self.in_marks[j]
            ):
                break
            j += 1
        return j

    def _clause_start(self, i: int) -> int:
        doc = self.doc
        sentence = self.sentence_at(i)
        j = i
        while j > sentence.start:
            t = doc[j - 1]
            if (
                t.text in CLAUSE_END
                or t.text in SENTENCE_END
                or t.text in self.lex.marks
                or self.in_marks[j - 1]
            ):
                break
            j -= 1
        return j

    def _source_cues(self) -> list[tuple[str, int, int, str]]:
        """Source phrases: (type, first token, end token, cue as written)."""
        doc = self.doc
        found = []
        seen = set()
        matches = sorted(self.matchers["sources"](doc), key=lambda m: (m[1], -(m[2] - m[1])))
        fixed_words = {
            word.lower().rstrip("?")
            for _, phrase in self.lex.sources
            for part in phrase.split()
            for word in part.split("|")
        }
        for match_id, start, end in matches:
            if start in seen or self.in_marks[start]:
                continue
            kind = doc.vocab.strings[match_id].split("|")[0]
            seen.update(range(start, end))
            words = [t.text for t in doc[start:end]]
            if kind == "possessive":
                cue = " ".join(w for w in words if w.lower() not in self.lex.pronouns)
            elif kind == "impersonal":
                cue = " ".join(t.text for t in doc[start:end] if t.lower_ in fixed_words)
            else:
                cue = " ".join(words)
                if kind == "before" and len(words) >= 3 and words[0].lower() == "nach":
                    cue = f"{words[0]} {words[-1]}"
            found.append((kind, start, end, cue))
        return found

    # ------------------------------------------------------------ speakers

    def mentions_in(self, start_char: int, end_char: int) -> list[Mention]:
        return [m for m in self.mentions if m.start >= start_char and m.end <= end_char]

    def subject_of(self, verb: int, *, after_first: bool = False) -> Mention | None:
        """The speaker mention of the speech verb at token ``verb``.

        With a parse: the mention holding the verb's (or its auxiliary head's) subject. Else
        the V2 rule: a mention that opens the clause before the verb is the subject; otherwise
        (fronted adverbial, inverted "sagte er") the first mention after the verb; a clause
        without one (after a relative clause: "X, der …, sagte") takes the sentence's first
        mention. Places (LOC) are taken only when nothing else fits.
        """
        doc = self.doc
        c_start, c_end = self._clause_start(verb), self._clause_end(verb)
        if self.has_parse:
            heads = [doc[verb]]
            if (
                doc[verb].dep_ in ("aux", "aux:pass", "xcomp", "cop")
                or doc[verb].head.pos_ == "AUX"
            ):
                heads.append(doc[verb].head)
            for head in heads:
                for child in head.children:
                    if child.dep_ in ("nsubj", "nsubj:pass") and c_start <= child.i < c_end:
                        found = self._mention_at(child)
                        if found is not None and not self._weak(found) and not found.governed:
                            return found
        verb_start = doc[verb].idx
        clause_end_char = doc[c_end - 1].idx + len(doc[c_end - 1])
        after = [
            m
            for m in self.mentions_in(verb_start, clause_end_char)
            if m.start > verb_start and not m.governed
        ]
        before = [m for m in self.mentions_in(doc[c_start].idx, verb_start) if not m.governed]
        strong_after = [m for m in after if not self._weak(m)]
        if (
            before
            and not after_first
            and self._opens_clause(before[0], c_start)
            and (not self._weak(before[0]) or not strong_after)
        ):
            return self._widest(before, before[0])
        for group in (after, list(reversed(before))):
            strong = [m for m in group if not self._weak(m)]
            if strong:
                return strong[0]
        sentence = self.sentence_at(verb)
        if c_start > sentence.start:
            earlier = self.mentions_in(sentence.start_char, doc[c_start].idx)
            if earlier and self._opens_clause(earlier[0], sentence.start):
                return self._widest(earlier, earlier[0])
        if after:
            return after[0]
        return before[-1] if before else None

    def _weak(self, m: Mention) -> bool:
        """A place or other name that speaks only when nothing else can ("In Genf sagte …")."""
        return m.kind == "name" and m.label in ("LOC", "MISC")

    def _opens_clause(self, m: Mention, c_start: int) -> bool:
        """Only determiners, titles, role nouns and adjectives precede the mention."""
        first = self.token_at(m.start)
        if first is None:
            return False
        for t in self.doc[c_start : first.i]:
            role = self.lex.np_words.get(t.lower_)
            if role in ("determiner", "abbreviation") or self._adjective(t):
                continue
            if t.text[:1].isupper() and self._noun_form(t.lower_, self.lex.roles):
                continue
            if t.text in ("(", ")") or t.is_quote:
                continue
            return False
        return True

    def _widest(self, mentions: list[Mention], first: Mention) -> Mention:
        """Of the mentions that open a clause together ("Trumps Sprecherin Sarah Sanders",
        "Verbandschef Detlef Neuß"), the last name: the head; a possessor is no speaker."""
        group = [first]
        for m in mentions[1:]:
            between = self.text[group[-1].end : m.start]
            words = between.split()
            if all(self._noun_form(w.lower(), self.lex.roles) for w in words) and len(words) <= 2:
                group.append(m)
            else:
                break
        names = [m for m in group if m.kind == "name"]
        return names[-1] if names else group[0]

    def _mention_at(self, token: Token) -> Mention | None:
        subtree = list(token.subtree)
        start, end = subtree[0].idx, subtree[-1].idx + len(subtree[-1])
        inside = [m for m in self.mentions if m.start >= start and m.end <= end]
        if not inside:
            return None
        names = [m for m in inside if m.kind == "name" and m.start <= token.idx < m.end]
        if names:
            return names[0]
        holding = [m for m in inside if m.start <= token.idx < m.end]
        return holding[0] if holding else inside[0]

    def resolve(
        self, mention: Mention | None, quotes: list[Quote], *, source: bool = False
    ) -> tuple[str, str]:
        """(speaker, speaker type) of a mention, resolving roles and pronouns.

        A role noun takes the name the article links it with ("US-Präsident Donald Trump"
        … "der US-Präsident"); a definite role noun in a speech frame otherwise takes the most
        recent person of its gender (not in a source phrase: "nach Angaben der
        Landeswahlleiterin" introduces a new source); an anaphoric organisation noun ("des
        Unternehmens") the organisation named most often before it.
        """
        if mention is None:
            return "", "unnamed"
        if mention.kind == "name":
            if mention.label in ("ORG", "LOC", "MISC"):
                return mention.canonical, "organisation"
            return mention.canonical, "person"
        if mention.kind == "role":
            linked = self._linked(mention)
            if linked:
                return linked, "person"
            if mention.definite and mention.gender != "p" and not source:
                person = self._recent_person(mention.start, mention.gender)
                if person:
                    return person, "person"
            return mention.canonical, "role"
        if mention.kind == "org":
            if mention.org_kind in ("anaphoric", "document") and mention.definite:
                org = self._recent_org(mention.start)
                if org:
                    return org, "organisation"
            return mention.canonical, "organisation"
        if mention.gender == "p":
            return "", "unnamed"
        person = self._recent_person(mention.start, mention.gender, quotes=quotes)
        return (person, "person") if person else ("", "unnamed")

    def _linked(self, mention: Mention) -> str:
        """The name last written after this role noun (a bare "die Ministerin" also takes
        "Umweltministerin Barbara Hendricks")."""
        form = self._noun_form(mention.head, self.lex.roles)
        if not form:
            return ""
        form = self.lex.roles[form][0]
        generic = mention.head == form
        best = ""
        for offset, key, name, _ in self.links:
            if offset > mention.start:
                break
            if key == mention.head or (generic and key.endswith(form)):
                best = name
        return best

    def _recent_person(self, offset: int, gender: str, quotes: list[Quote] | None = None) -> str:
        """The most recent person before ``offset`` whose gender fits."""
        candidates: list[tuple[int, str, str]] = []
        for m in self.names:
            if m.end <= offset and m.label in ("PER", ""):
                candidates.append((m.start, m.canonical, m.gender))
        for off, _, name, link_gender in self.links:
            if off < offset:
                candidates.append((off, name, link_gender))
        for q in quotes or []:
            if q.speaker_type == "person" and q.mention is not None and q.mention.end <= offset:
                candidates.append((q.mention.start, q.speaker, self._gender_of(q.speaker)))
        candidates.sort()
        for _, name, g in reversed(candidates):
            g = g if g != "x" else self._gender_of(name)
            if _compatible(gender if gender in "mf" else "x", g) or gender in ("x",):
                return name
        return ""

    def _gender_of(self, canonical: str) -> str:
        for m in self.names:
            if m.canonical == canonical and m.gender != "x":
                return m.gender
        for _, _, name, g in self.links:
            if name == canonical and g in "mf":
                return g
        return _gender_of_name(canonical)

    def _recent_org(self, offset: int) -> str:
        """The organisation a definite noun ("des Unternehmens") refers back to: one named in
        the same or the previous sentence, else the one named most often in the body."""
        body = dict(self.in_body)
        orgs = [
            m
            for m in self.names
            if m.label == "ORG" and m.end <= offset and body.get(m.start, True)
        ]
        if not orgs:
            return ""
        here = self.token_at(offset)
        if here is not None:
            recent = self.sentences[max(self.sentence_of(here.i) - 1, 0)].start_char
            near = [m for m in orgs if m.start >= recent]
            if near:
                return near[-1].canonical
        counts = Counter(m.canonical for m in orgs)
        latest = {m.canonical: index for index, m in enumerate(orgs)}
        return max(counts, key=lambda name: (counts[name], latest[name]))

    # ---------------------------------------------------------- the passes

    def covered(self, start: int, end: int, quotes: list[Quote]) -> bool:
        return any(q.start < end and start < q.end for q in quotes)

    def run(self) -> list[Quote]:
        direct = self.direct_quotes()
        indirect = self.indirect_quotes(direct)
        quotes = self.merge(direct, indirect)
        self.attribute(quotes)
        return quotes

    # ------------------------------------------------------------- direct

    def _cue_after(self, offset: int) -> tuple[int, str] | None:
        """The attribution right after a closing mark: ", sagte er", ", so X", ", hieß es",
        or an auxiliary with the speech verb later in its clause (", hatte X … geschrieben")."""
        doc = self.doc
        token = self.token_at(offset)
        if token is None:
            return None
        i = token.i
        if doc[i].text == ",":
            i += 1
        if i >= len(doc) or self.in_marks[i]:
            return None
        if i in self.cues:
            return i, "verb"
        for kind, start, _, _ in self.sources:
            if start == i and kind in ("so", "impersonal"):
                return i, kind
        if doc[i].text[:1].islower() and doc[i].is_alpha:
            later = [j for j in range(i + 1, self._clause_end(i)) if j in self.cues]
            if later:
                return later[-1], "verb"
        return None

    def direct_quotes(self) -> list[Quote]:
        """Marked spans that render what someone said: attached to a speech verb (after or
        before a colon), resumed after an interrupting attribution, the object of a speech
        verb ("sprach von einem „historischen Tag“"), or a sentence of their own."""
        text = self.text
        quotes: list[Quote] = []
        previous: Quote | None = None
        for m in self.marked:
            if not text[m.start : m.end].strip():
                continue
            words = len(text[m.start : m.end].split())
            quote = Quote(m.start, m.end, "direct", marks=[m])
            attached = self._cue_after(m.after) if m.closed else None
            colon = self._colon_before(m.open)
            if attached is not None:
                i, kind = attached
                quote.cue, quote.mention = self._attached(i, kind)
                quote.cue_token = i
            elif colon is not None and words >= 2:
                quote.cue, quote.mention, quote.cue_token = self._colon_clause(colon)
            elif previous is not None and previous.cue and self._interrupted(previous, m):
                quote.cue, quote.mention = previous.cue, previous.mention
            elif (i := self._object_of_cue(m)) is not None:
                quote.cue, quote.mention, quote.cue_token = self._cue_text(i), self.subject_of(i), i
            elif words >= 2 and self._stands_alone(m):
                quote.inherit = True
            else:
                continue  # a quoted term, title or fragment (perhaps inside indirect speech)
            quotes.append(quote)
            previous = quote
        return quotes

    def _colon_before(self, offset: int) -> int | None:
        """Token index of a colon right before the opening mark at ``offset``."""
        before = self.text[self.paragraph_start(offset) : offset].rstrip()
        if not before.endswith(":"):
            return None
        token = self.token_at(self.paragraph_start(offset) + len(before) - 1)
        return token.i if token is not None else None

    def paragraph_start(self, offset: int) -> int:
        index = self.paragraph_of(offset)
        return self.paragraphs[index][0] if index >= 0 else 0

    def _attached(self, i: int, kind: str) -> tuple[str, Mention | None]:
        doc = self.doc
        if kind == "verb":
            return self._cue_text(i), self.subject_of(i, after_first=True)
        if kind == "so":
            end = self._clause_end(i)
            mentions = self.mentions_in(doc[i].idx + 2, doc[end - 1].idx + len(doc[end - 1]))
            return doc[i].text, mentions[0] if mentions else None
        return self._impersonal(i)

    def _impersonal(self, i: int) -> tuple[str, Mention | None]:
        """ "hieß es aus der Delegation": the cue and the source after a preposition."""
        doc = self.doc
        source = [s for s in self.sources if s[1] == i]
        end = source[0][2] if source else i + 1
        cue = source[0][3] if source else doc[i].text
        clause_end = self._clause_end(end - 1)
        for j in range(end, clause_end):
            if "preposition" in self.lex.clause_words.get(doc[j].lower_, ()):
                last = doc[clause_end - 1]
                mentions = self.mentions_in(doc[j].idx, last.idx + len(last))
                if mentions:
                    return cue, mentions[0]
        return cue, None

    def _cue_text(self, i: int) -> str:
        return self.cues.get(i, (self.doc[i].text, i))[0]

    def _colon_clause(self, colon: int) -> tuple[str, Mention | None, int]:
        """The attribution before a colon: its speech verb and subject, else its first
        finite verb's subject (with tags), else its first mention."""
        start = self._clause_start(colon)
        verbs = [i for i in range(start, colon) if i in self.cues]
        if verbs:
            return self._cue_text(verbs[-1]), self.subject_of(verbs[-1]), verbs[-1]
        doc = self.doc
        if self.has_pos:
            finite = [t.i for t in doc[start:colon] if t.pos_ in ("VERB", "AUX")]
            if finite:
                return "", self.subject_of(finite[0]), -1
        mentions = self.mentions_in(doc[start].idx, doc[colon].idx)
        if not mentions and start > 0:
            sentence = self.sentence_at(colon)
            mentions = self.mentions_in(sentence.start_char, doc[colon].idx)
        return "", mentions[0] if mentions else None, -1

    def _interrupted(self, previous: Quote, m: Marked) -> bool:
        """'"Das", sagte er, "war gut."': the quote resumes after the attribution's comma."""
        last = previous.marks[-1]
        between = self.text[last.after : m.open]
        return (
            self.paragraph_of(last.open) == self.paragraph_of(m.open)
            and between.strip().startswith(",")
            and between.strip().endswith(",")
            and len(between) < 150
            and not any(c in between for c in ".!?")
        )

    def _object_of_cue(self, m: Marked) -> int | None:
        """A speech verb earlier in the clause of the opening mark, whose clause the mark does
        not follow ("sprach von einem „historischen Tag“")."""
        token = self.token_at(m.open)
        if token is None:
            return None
        start = self._clause_start(token.i)
        verbs = [i for i in range(start, token.i) if i in self.cues and not self._konj_cue(i)]
        if not verbs:
            return None
        i = verbs[-1]
        if self.cues[i][1] != i and self.cues[i][1] < token.i:
            return None  # "kündigte … an" closed before the mark
        between = self.doc[i + 1 : token.i]
        if not any("quote_object" in self.lex.clause_words.get(t.lower_, ()) for t in between):
            return None  # "fordern die „Denuklearisierung“": a quoted term
        return i

    def _konj_cue(self, i: int) -> bool:
        """The speech verb or an auxiliary of its clause is in Konjunktiv: the sentence
        reports someone else's account ("Kim habe versichert, …")."""
        doc = self.doc
        start, end = self._clause_start(i), self._clause_end(i)
        return any(_is_konjunktiv(doc[j], self.lex) for j in range(start, end))

    def _stands_alone(self, m: Marked) -> bool:
        """The quote is a sentence of its own: it opens the paragraph or follows a sentence
        end, starts with a capital and ends a sentence."""
        text = self.text
        before = text[self.paragraph_start(m.open) : m.open].rstrip()
        if before and before[-1] not in '.!?“”"«»' and not before.endswith("''"):
            return False
        inner = text[m.start : m.end].rstrip()
        after = text[m.after : m.after + 2] if m.closed else ""
        ends = inner[-1:] in ".!?…" or after[:1] in (".", "!", "?") or not m.closed
        return ends and inner[:1].isupper()

    # ----------------------------------------------------------- indirect

    def indirect_quotes(self, direct: list[Quote]) -> list[Quote]:
        """Reported clauses of speech verbs and source phrases, then the Konjunktiv sentences
        that continue reported speech."""
        quotes: list[Quote] = []
        used_cues = {q.cue_token for q in direct}
        speech: dict[int, str] = {}
        for q in direct:
            first, last = self.token_at(q.start), self.token_at(max(q.end - 1, q.start))
            if first is not None and last is not None:
                for index in range(self.sentence_of(first.i), self.sentence_of(last.i) + 1):
                    speech[index] = "direct"
            if q.cue_token >= 0:
                speech[self.sentence_of(q.cue_token)] = "direct"
        for s_index, sentence in enumerate(self.sentences):
            found = self._sentence_indirect(sentence, direct, used_cues)
            quotes.extend(found)
            if found:
                speech[s_index] = "indirect"
        everything = direct + quotes
        for s_index, sentence in enumerate(self.sentences):
            if s_index in speech or not self._continues(s_index, speech):
                continue
            mood = self._konjunktiv_sentence(sentence)
            if not mood or (mood == "II" and speech[s_index - 1] != "indirect"):
                continue
            start, end = _trim(self.text, sentence.start_char, sentence.end_char)
            if end - start < 10 or self.covered(start, end, everything):
                continue
            quote = Quote(start, end, "indirect", inherit=True)
            quotes.append(quote)
            everything.append(quote)
            speech[s_index] = "indirect"
        return quotes

    def _continues(self, s_index: int, speech: dict[int, str]) -> bool:
        """The previous sentence (in this or the previous paragraph) is reported speech."""
        if s_index == 0 or s_index - 1 not in speech:
            return False
        this_para = self.paragraph_of(self.sentences[s_index].start_char)
        prev_para = self.paragraph_of(self.sentences[s_index - 1].start_char)
        return this_para - prev_para in (0, 1)

    def _konjunktiv_sentence(self, sentence: Span) -> str:
        """ "I" if a verb outside quotation marks is in Konjunktiv I (or any Konjunktiv by the
        model's morphology), "II" if only Konjunktiv II forms are, else ""."""
        moods = set()
        for t in sentence:
            if self.in_marks[t.i]:
                continue
            if _is_konjunktiv(t, self.lex):
                moods.add(self.lex.konjunktiv.get(t.lower_, "I"))
            elif self.lex.konjunktiv.get(t.lower_) == "Ind" or "Ind" in t.morph.get("Mood"):
                moods.add("Ind")
        if "I" in moods:
            return "I"
        return "II" if "II" in moods and "Ind" not in moods else ""

    def _sentence_indirect(
        self, sentence: Span, direct: list[Quote], used_cues: set[int]
    ) -> list[Quote]:
        found: list[Quote] = []
        for i in sorted(self.cues):
            if not sentence.start <= i < sentence.end or i in used_cues:
                continue
            if any(q.start <= self.doc[i].idx < q.end for q in found):
                continue
            quote = self._verb_quote(sentence, i, direct)
            if quote is not None and not self.covered(quote.start, quote.end, found):
                found.append(quote)
        for kind, start, end, cue in self.sources:
            if not sentence.start <= start < sentence.end or start in used_cues:
                continue
            if any(q.start <= self.doc[start].idx < q.end for q in found):
                continue  # "sagte, dass nach Einschätzung von Experten …": inside the report
            quote = self._source_quote(sentence, kind, start, end, cue, direct)
            if quote is not None and not self.covered(quote.start, quote.end, found):
                found.append(quote)
        return found

    def _verb_quote(self, sentence: Span, i: int, direct: list[Quote]) -> Quote | None:
        """Indirect speech around the speech verb at token i: "X sagte, (dass) …",
        "Wie X mitteilte, …", "…, sagte X."."""
        doc, text, lex = self.doc, self.text, self.lex
        cue, last = self.cues[i]
        c_start, c_end = self._clause_start(i), self._clause_end(last)
        opener = lex.clause_words.get(doc[c_start].lower_, frozenset())
        after_comma = c_start > sentence.start and doc[c_start - 1].text == ","
        if "subordinate" in opener or ("relative" in opener and after_comma):
            return None
        if self._konj_cue(i):
            return None  # someone else's account: a continuation
        follows = c_end < sentence.end and doc[c_end].text in (",", ":")
        if "as" in opener and follows:
            if c_start == sentence.start:
                start, end = _trim(text, doc[c_end].idx + 1, sentence.end_char)
            else:
                start, end = _trim(text, sentence.start_char, sentence.end_char)
            return self._make(start, end, cue, self.subject_of(i), direct)
        if follows:
            if doc[c_end].text == ":" and any(
                0 <= q.marks[0].open - doc[c_end].idx < 4 for q in direct
            ):
                return None  # "sagte: „…“" is direct
            k = c_end + 1
            if k < sentence.end and "complementizer" in lex.clause_words.get(doc[k].lower_, ()):
                k += 1
            if "cue" in lex.clause_words.get(doc[c_end - 1].lower_, ()) and c_end - 1 > last:
                cue = f"{cue} {doc[c_end - 1].text}"
            if k >= sentence.end:
                return None
            start = doc[k].idx
            start, end = _trim(text, start, self._content_end(start, sentence, direct))
            if end - start < 3:
                return None
            return self._make(start, end, cue, self.subject_of(i), direct)
        if after_comma and c_start == i and c_end >= sentence.end - 1:
            start, end = _trim(text, sentence.start_char, doc[c_start - 1].idx)
            if end - start < 10:
                return None
            return self._make(start, end, cue, self.subject_of(i, after_first=True), direct)
        return None

    def _content_end(self, start: int, sentence: Span, direct: list[Quote]) -> int:
        """Reported content runs to the sentence end, or to a direct quote with its own cue."""
        end = sentence.end_char
        for q in direct:
            if start <= q.start < end and q.cue:
                opener = q.marks[0].open
                cut = max(self.text.rfind(",", start, opener), self.text.rfind(":", start, opener))
                if cut > start:
                    end = min(end, cut)
        return end

    def _mostly_direct(self, start: int, end: int, direct: list[Quote]) -> bool:
        inside = sum(max(0, min(end, q.end) - max(start, q.start)) for q in direct)
        return inside > 0.6 * max(1, end - start)

    def _make(
        self, start: int, end: int, cue: str, mention: Mention | None, direct: list[Quote]
    ) -> Quote | None:
        if end <= start or self._mostly_direct(start, end, direct):
            return None
        return Quote(start, end, "indirect", cue=cue, mention=mention)

    def _source_quote(
        self, sentence: Span, kind: str, start: int, end: int, cue: str, direct: list[Quote]
    ) -> Quote | None:
        """Indirect speech of a source phrase (see ``source_phrases.txt`` for the types)."""
        doc, text = self.doc, self.text
        initial = start == sentence.start or doc[start - 1].text == ","
        mention: Mention | None = None
        if kind in ("before", "possessive"):
            np_end = self._noun_phrase_end(end, sentence) if kind == "before" else end
            if np_end >= sentence.end:
                return None
            if kind == "before":
                mention = self._source_mention(end, np_end)
            else:
                mention = self._possessive(start, end)
            if initial:
                c_start = doc[np_end].idx + (1 if doc[np_end].text == "," else 0)
                s, e = _trim(text, c_start, sentence.end_char)
            else:
                s, e = _trim(text, sentence.start_char, sentence.end_char)
        elif kind == "after":
            c_start = self._clause_start(start)
            if start == c_start or end >= sentence.end:
                return None
            mention = self._source_mention(c_start, start)
            s, e = _trim(text, doc[end].idx, sentence.end_char)
        elif kind in ("so", "impersonal"):
            if start == sentence.start or doc[start - 1].text != ",":
                return None
            if kind == "so":
                c_end = self._clause_end(start)
                last = doc[c_end - 1]
                inside = self.mentions_in(doc[start].idx + 2, last.idx + len(last))
                first = self.token_at(inside[0].start) if inside else None
                if first is None or first.i - start > 2 or c_end - start > 8:
                    return None
                mention = inside[0]
            else:
                cue, mention = self._impersonal(start)
            s, e = _trim(text, sentence.start_char, doc[start - 1].idx)
            if e - s < 10:
                return None
        elif kind == "anaphoric":
            if start != sentence.start:
                return None
            index = self.sentence_of(start)
            if index > 0:
                previous = self.sentences[index - 1]
                mention = self._best_source(
                    self.mentions_in(previous.start_char, previous.end_char)
                )
            s, e = _trim(text, doc[end].idx, sentence.end_char)
            cue = doc[start].text
        else:
            return None
        quote = self._make(s, e, cue, mention, direct)
        if quote is not None:
            quote.source = True
        return quote

    def _source_mention(self, start: int, end: int) -> Mention | None:
        """The source named by tokens start..end: a mention in it, else the phrase itself
        as a role ("Diplomaten"), without its article and in nominative."""
        doc = self.doc
        if end <= start:
            return None
        span = doc[start:end]
        found = self._best_source(self.mentions_in(span.start_char, span.end_char))
        if found is not None:
            return found
        words = [t for t in span if not t.is_punct]
        while words and self.lex.np_words.get(words[0].lower_) == "determiner":
            words = words[1:]
        if not words or not words[0].text[:1].isupper():
            return None
        stop = next(
            (t.i for t in words[1:] if self.lex.np_words.get(t.lower_) == "preposition"),
            span.end,
        )
        first = doc[words[0].i : stop]
        canonical = first.text
        if words[0].i == start and all(t.text[:1].isupper() for t in first):
            return Mention(
                first.start_char, first.end_char, first.text, "name", canonical=canonical
            )
        if "genitive" in self.lex.determiners.get(doc[words[0].i - 1].lower_, ()) and words[
            0
        ].text.endswith("s"):
            head = words[0].text
            stem = head[:-2] if head.endswith(("ses", "ßes", "zes", "xes")) else head[:-1]
            canonical = stem + canonical[len(head) :]
        return Mention(first.start_char, first.end_char, first.text, "role", canonical=canonical)

    def _possessive(self, start: int, end: int) -> Mention | None:
        for t in self.doc[start:end]:
            if t.lower_ in self.lex.pronouns:
                gender = self.lex.pronouns[t.lower_]
                return Mention(t.idx, t.idx + len(t.text), t.text, "pronoun", gender=gender)
        return None

    def _best_source(self, mentions: list[Mention]) -> Mention | None:
        """The source among mentions: a name, else an organisation (a document noun gives
        the name in it: "ein Bericht der Nachrichtenagentur Reuters" → Reuters), else a role."""
        for m in mentions:
            if m.kind == "org" and m.org_kind == "document":
                inside = [n for n in self.names if m.start <= n.start and n.end <= m.end]
                if inside:
                    return inside[-1]
        for kind in ("name", "org", "role", "pronoun"):
            for m in mentions:
                if m.kind == kind and not self._weak(m):
                    return m
        return mentions[0] if mentions else None

    def _noun_phrase_end(self, i: int, sentence: Span) -> int:
        """Index after the source noun phrase starting at token i ("des Weißen Hauses vom
        Donnerstag"): with tags, up to the first verb; else up to the first lower-case word
        that is no noun-phrase word and no adjective before a capitalised word. A name
        mention is never cut ("World Wide Fund for Nature")."""
        doc, lex = self.doc, self.lex
        j = i
        while j < sentence.end:
            t = doc[j]
            inside = next((m for m in self.names if m.start <= t.idx < m.end), None)
            if inside is not None:
                while j < sentence.end and doc[j].idx < inside.end:
                    j += 1
                continue
            if t.text == ",":
                break
            if self.has_pos and t.pos_:
                if t.pos_ in ("VERB", "AUX"):
                    break
                j += 1
                continue
            nxt = doc[j + 1] if j + 1 < sentence.end else None
            if (
                t.text[:1].isupper()
                or t.lower_ in lex.np_words
                or t.like_num
                or (t.is_punct and t.text in ".-()")
            ):
                j += 1
                continue
            if nxt is not None and nxt.text[:1].isupper() and self._adjective(t):
                j += 1
                continue
            break
        return j

    # -------------------------------------------------- merging, attribution

    def merge(self, direct: list[Quote], indirect: list[Quote]) -> list[Quote]:
        """An indirect span that contains a quoted fragment becomes ``mixed``, and the
        fragment is no quote of its own."""
        quotes = list(direct)
        for q in indirect:
            if any(q.start <= m.start and m.end <= q.end + 1 for m in self.marked):
                q.kind = "mixed"
            quotes = [d for d in quotes if not (q.start <= d.start and d.end <= q.end + 1)]
            if not self.covered(q.start, q.end, quotes):
                quotes.append(q)
        return sorted(quotes, key=lambda q: q.start)

    def attribute(self, quotes: list[Quote]) -> None:
        """Speakers: resolve each quote's mention; a quote without one (a continuation, a
        quote standing alone) takes the speaker of the reported speech just before it."""
        done: list[Quote] = []
        last: Quote | None = None
        for q in quotes:
            if q.mention is not None and not q.inherit:
                q.speaker, q.speaker_type = self.resolve(q.mention, done, source=q.source)
            elif q.cue:
                q.speaker, q.speaker_type = "", "unnamed"  # "hieß es": no recoverable source
            else:
                q.inherit = True
                if last is not None and self._near(last, q):
                    q.speaker, q.speaker_type, q.mention = (
                        last.speaker,
                        last.speaker_type,
                        last.mention,
                    )
            done.append(q)
            last = q

    def _near(self, last: Quote, q: Quote) -> bool:
        return 0 <= self.paragraph_of(q.start) - self.paragraph_of(last.start) <= 1


def find_quotes(doc: Doc, *, mentions: list[dict], paragraphs: list[Paragraph]) -> list[dict]:
    """Quotes of one article, in text order.

    Args:
        doc: the analysed article (``doc.text`` is the article text).
        mentions: entity mentions of the article (dicts with start, end, label, canonical);
            an empty list makes the function use the pipeline's NER, or capitalised words.
        paragraphs: the article's paragraphs with their kinds (embedded posts are skipped).

    Returns:
        Dicts with start, end (the content without quotation marks), kind
        (direct/indirect/mixed), cue, speaker, speaker_start, speaker_end, speaker_text and
        speaker_type (person/organisation/role/unnamed).

    Notes:
        Quote rules after GUIDELINES.md (dev corpus); pass structure after the Gender Gap
        Tracker (Asr et al. 2021, PLOS ONE 16(1)).
    """
    if not doc.text.strip():
        return []
    article = _Article(doc, mentions, paragraphs)
    return [q.row(article.text) for q in article.run() if q.end > q.start]


# ------------------------------------------------------------- tables and views


def _quote_words(quotes: pd.DataFrame) -> pd.Series:
    return quotes["text"].astype(str).str.split().str.len().fillna(0).astype(int)


def speaker_types(analysis) -> pd.Series:
    """The type of each quote's speaker: person, organisation, role or unnamed.

    Uses the ``speaker_type`` column when the quotes table has it; otherwise the entities
    table (a speaker that is the canonical name of a PER entity is a person, of an ORG, LOC
    or MISC entity an organisation) and the role and organisation lexicons.
    """
    quotes = analysis.quotes
    if "speaker_type" in quotes.columns:
        return quotes["speaker_type"].astype(str).rename("speaker_type")
    labels: dict[tuple[str, str], str] = {}
    for row in analysis.entities[["article_id", "canonical", "label"]].itertuples(index=False):
        labels.setdefault((row.article_id, row.canonical), row.label)
    lex = lexicon()

    def kind(article_id: str, speaker: str) -> str:
        if not speaker:
            return "unnamed"
        label = labels.get((article_id, speaker))
        if label == "PER":
            return "person"
        if label in ("ORG", "LOC", "MISC"):
            return "organisation"
        head = speaker.split()[0].lower() if speaker.split() else ""
        if _Article._noun_form(head, lex.organisations):
            return "organisation"
        if _Article._noun_form(head, lex.roles) or head.endswith(("jährige", "jähriger")):
            return "role"
        return "person"

    values = [kind(a, sp) for a, sp in zip(quotes["article_id"], quotes["speaker"], strict=True)]
    return pd.Series(values, index=quotes.index, name="speaker_type", dtype="string")


def speaker_counts(analysis, *, per: str | None = "article") -> pd.DataFrame:
    """Quotes and quoted words per speaker.

    Args:
        analysis: an ``Analysis`` (its ``quotes``, ``articles`` and ``entities`` tables).
        per: ``"article"`` (one row per article and speaker), ``"month"`` (per publication
            month and speaker, from ``articles.date``) or ``None`` (the whole corpus).

    Returns:
        A DataFrame with the grouping column(s), speaker (``""`` when unknown),
        speaker_type, quotes, direct, indirect (with mixed), words; sorted by quotes.
    """
    if per not in ("article", "month", None):
        raise ValueError(f"per must be 'article', 'month' or None, not {per!r}")
    quotes = analysis.quotes.copy()
    quotes["speaker_type"] = speaker_types(analysis).to_numpy()
    quotes["words"] = _quote_words(quotes)
    quotes["direct"] = (quotes["kind"] == "direct").astype(int)
    quotes["indirect"] = (quotes["kind"] != "direct").astype(int)
    keys = ["speaker", "speaker_type"]
    if per == "article":
        keys = ["article_id", *keys]
    elif per == "month":
        dates = dict(zip(analysis.articles["article_id"], analysis.articles["date"], strict=True))
        quotes["month"] = [str(dates.get(a) or "")[:7] for a in quotes["article_id"]]
        keys = ["month", *keys]
    columns = [*keys, "quotes", "direct", "indirect", "words"]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    table = (
        quotes.groupby(keys, dropna=False)
        .agg(
            quotes=("kind", "size"),
            direct=("direct", "sum"),
            indirect=("indirect", "sum"),
            words=("words", "sum"),
        )
        .reset_index()
    )
    order = [keys[0], "quotes"] if per else ["quotes"]
    ascending = [True, False] if per else [False]
    return table.sort_values([*order, "speaker"], ascending=[*ascending, True]).reset_index(
        drop=True
    )[columns]


def speaker_type_shares(analysis, *, per: str | None = None) -> pd.DataFrame:
    """Share of quotes by speaker type (person / organisation / role / unnamed).

    Args:
        analysis: an ``Analysis``.
        per: ``None`` for the whole corpus, ``"article"`` or ``"month"``.

    Returns:
        A DataFrame with the grouping column (if any), speaker_type, quotes and share (of
        the group's quotes), every type listed even when it has no quote.
    """
    counts = speaker_counts(analysis, per=per)
    group = [] if per is None else [per if per == "month" else "article_id"]
    rows = []
    groups = counts.groupby(group) if group else [((), counts)]
    for key, frame in groups:
        total = int(frame["quotes"].sum())
        for kind in SPEAKER_TYPES:
            n = int(frame.loc[frame["speaker_type"] == kind, "quotes"].sum())
            label = dict(zip(group, key if isinstance(key, tuple) else (key,), strict=True))
            rows.append(
                {**label, "speaker_type": kind, "quotes": n, "share": n / total if total else 0.0}
            )
    return pd.DataFrame(rows, columns=[*group, "speaker_type", "quotes", "share"])
