"""Canonical names within an article: the nominative, fullest name of each referent.

1. Nominative: a genitive -s/-es is removed when there is evidence for it (the form without
   it occurs in the article, a genitive article "des" before, a noun right after as in
   "Trumps Sprecherin", the pipeline's Case=Gen) and the name is not one that ends in -s
   anyway ("Paris", "Hans", ``nominative_s.txt``). Adjectives in names take the strong
   nominative ending of the head noun ("des Weißen Hauses" -> "Weißes Haus").
2. Countries: every name of a country gets its CLDR German name (babel), e.g. "USA", "US",
   "Amerika" -> "Vereinigte Staaten".
3. Within the article: an abbreviation joins its long form when the text links them
   ("Europäische Zentralbank (EZB)") or its letters are the long form's initials; a
   surname or first name alone joins the full name ("Kim" -> "Kim Jong Un"); a shorter
   organisation name joins a longer one that contains it ("FC Bayern" -> "FC Bayern München").
   The canonical name is the fullest member of the group.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .names import (
    country_names,
    declension,
    gender_by_ending,
    legal_forms,
    nominative_s,
    word_list,
)
from .resources import is_first_name, load_entries


def _genitive_stem(
    word: str, *, attested: set[str], evidence: bool, as_written: frozenset[str] = frozenset()
) -> str:
    """``word`` without a genitive ending when the evidence allows it: the form without it
    occurs (``attested``) or is a country, else the grammar says genitive (``evidence``)
    and the article never uses ``word`` where no genitive is possible (``as_written``:
    "Gallois ist ..." keeps "Gallois Vorgänger" from becoming "Galloi")."""
    lowered = word.lower()
    if (
        word in nominative_s()
        or is_first_name(lowered)
        or word.endswith("ss")
        or any(
            lowered.endswith(e.lower()) for e in nominative_s() if len(e) >= 5 and e[1:].islower()
        )
    ):
        return word
    if word.endswith(("'", "’")):
        return word[:-1]
    candidates = []
    if word.endswith("es") and len(word) > 4:
        candidates.append(word[:-2])
    if word.endswith("s") and len(word) > 3:
        candidates.append(word[:-1])
    for candidate in candidates:
        if candidate in attested or candidate in country_names():
            return candidate
    if not evidence or not candidates or word in as_written:
        return word
    if word.endswith("es") and len(word) > 4:
        stem = word[:-2]
        if stem.endswith(("s", "z", "ß", "x", "sch")) or stem[-1] not in "aeiouyäöü":
            return stem
    return word[:-1]


def _has_genitive_evidence(span_tokens: list[Token], *, morphology: bool = True) -> bool:
    """Whether the grammar around a name makes it a genitive: the model's case (unless
    ``morphology`` is off), a genitive article before it, or a noun right after it."""
    doc = span_tokens[0].doc
    first, last = span_tokens[0], span_tokens[-1]
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if morphology and "Gen" in last.morph.get("Case"):
        return True
    article = first.i - 1  # the article before adjectives: "des deutschen Umweltministeriums"
    while article > 0 and doc[article].pos_ == "ADJ" and doc[article].text.islower():
        article -= 1
    if article >= 0 and doc[article].lower_ in declension().genitive_determiners:
        return True
    return bool(  # prenominal genitive: "Trumps Sprecherin", "Nordkoreas Machthaber"
        after is not None
        and after.text[:1].isupper()
        and after.is_alpha
        and after.ent_iob_ != "I"
        and after.pos_ in ("NOUN", "")
        and not after.is_sent_start
        and (before is None or before.lower_ not in word_list("determiners"))
    )


def _gender(head: Token, nominative_head: str, *, named: bool = False) -> str | None:
    """Gender (or Plur) of a head noun: from the ending table, else the pipeline's
    morphology of a common noun, or of a proper noun that ``named`` says heads the name
    after adjectives ("Kalten Krieges", "Süddeutschen Zeitung"); None for other proper
    names ("Verbraucherzentrale Hessen")."""
    if by_ending := gender_by_ending(nominative_head):
        return by_ending
    if head.pos_ != "NOUN" and not (named and head.pos_ == "PROPN"):
        return None
    if head.morph.get("Number") == ["Plur"]:
        return "Plur"
    gender = head.morph.get("Gender")
    return gender[0] if gender else None


def _genitive_attribute(span_tokens: list[Token]) -> bool:
    """The name ends in a place in the genitive that belongs to it ("Demokratische Partei
    Serbiens", "Oberstes Gericht Simbabwes"): the word before it is the head."""
    if len(span_tokens) < 3:
        return False
    last, before = span_tokens[-1].text, span_tokens[-2].text
    return (
        last.endswith("s")
        and last[:-1] in country_names()
        and before[:1].isupper()
        and not before.endswith("s")
    )


def _is_adjective(token: Token, next_token: Token) -> bool:
    if not (token.text[:1].isupper() and next_token.text[:1].isupper()):
        return False
    if token.pos_ == "ADJ":
        return True
    if token.pos_ in ("NOUN", "VERB", "NUM", "DET"):
        return False
    if token.lower_.endswith(declension().noun_endings):
        return False  # "Verbraucherzentrale Hessen": a noun that ends like "zentral-e"
    stem = _adjective_stem(token.text)
    if stem == token.text or token.text.endswith("er"):
        return False  # "-er" is nominative already or indeclinable ("Wiener Stadthalle")
    if token.morph.get("Degree"):  # the tagger's adjective grade: "Kalten", "Obersten"
        return True
    known = word_list("name_adjectives")  # also in compounds: "Süddeutsch" ends in "deutsch"
    return stem.endswith(declension().adjective_suffixes) or any(
        stem == k or (len(k) >= 4 and stem.lower().endswith(k.lower())) for k in known
    )


def _adjective_stem(word: str) -> str:
    for ending in declension().adjective_endings:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def base_form(
    span_tokens: list[Token],
    label: str,
    attested: set[str],
    as_written: frozenset[str] = frozenset(),
) -> str:
    """The nominative form of a mention (see the module notes, rule 2)."""
    if len(span_tokens) > 1 and span_tokens[-1].text in ("'", "’"):
        span_tokens = span_tokens[:-1]  # the genitive apostrophe: "Wales'" is "Wales"
    words = [t.text for t in span_tokens]
    adjectival = dict(entry.split("\t") for entry in load_entries("entities/adjectival_names.txt"))
    if " ".join(words) in adjectival:
        return adjectival[" ".join(words)]
    evidence = _has_genitive_evidence(span_tokens)
    if label == "PER" and len(words) > 1:
        # the model's genitive counts for a full name before a noun ("Angela Merkels
        # Politik") or right after one ("die Politik Angela Merkels"), not where no noun
        # governs it ("Der Präsident des Verbands, Rüdiger Ahrens, …")
        first = span_tokens[0]
        after_noun = first.i > 0 and first.doc[first.i - 1].pos_ == "NOUN"
        governed = after_noun or _has_genitive_evidence(span_tokens, morphology=False)
        genitive = "Gen" in span_tokens[-1].morph.get("Case") and governed
        words[-1] = _genitive_stem(
            words[-1], attested=attested, evidence=genitive, as_written=as_written
        )
        return _joined(words, span_tokens)
    if len(words) == 1:
        words[-1] = _genitive_stem(
            words[-1], attested=attested, evidence=evidence, as_written=as_written
        )
        return _joined(words, span_tokens)
    # the head noun: the first noun followed by a complement ("Institut der deutschen
    # Wirtschaft", "Staatssekretariat für Wirtschaft"), else the last word
    head_index = len(words) - 1
    for index, token in enumerate(span_tokens[:-1]):
        if token.text[:1].isupper() and span_tokens[index + 1].lower_ in (
            "der",
            "des",
            "für",
            "von",
            "vom",
            "zur",
            "zum",
            "am",
            "an",
            "im",
            "in",
            "of",
            "for",
        ):
            head_index = index
            break
    else:
        if _genitive_attribute(span_tokens):  # "Demokratische Partei Serbiens": of Serbia
            head_index = len(words) - 2
        elif evidence:  # "des Polizeipräsidiums Ludwigsburg": the inflected word is the head
            for index in range(len(words) - 1, -1, -1):
                if _genitive_stem(words[index], attested=attested, evidence=True) != words[index]:
                    head_index = index
                    break
    words[head_index] = _genitive_stem(
        words[head_index], attested=attested, evidence=evidence, as_written=as_written
    )
    head = span_tokens[head_index]
    if (
        "Dat" in head.morph.get("Case")
        and "Plur" in head.morph.get("Number")
        and words[head_index].endswith("n")
        and words[head_index][:-1] in attested
    ):
        words[head_index] = words[head_index][:-1]  # "Spielen" where "Spiele" is written
    opens_with_adjective = head_index > 0 and _is_adjective(span_tokens[0], span_tokens[1])
    gender = _gender(span_tokens[head_index], words[head_index], named=opens_with_adjective)
    # only the adjectives that open the name ("Weißen Hauses", "Europäischen Union"), not those
    # of an attribute inside it ("Gewerkschaft Deutscher Lokomotivführer")
    for index in range(head_index):
        token = span_tokens[index]
        if not (gender and _is_adjective(token, span_tokens[index + 1])):
            break
        words[index] = _adjective_stem(token.text) + declension().strong_endings[gender]
    return _joined(words, span_tokens)


def _dative_plural_country(word: str) -> bool:
    """A plural country name in the dative ("Niederlanden", "Emiraten")."""
    return word.endswith("en") and word[:-1] in country_names()


def _joined(words: list[str], span_tokens: list[Token]) -> str:
    """The words of a name with the spacing of the text ("Essen/Mülheim", not "Essen / Mülheim")."""
    pairs = zip(words, span_tokens, strict=True)
    spaced = [word + (" " if token.whitespace_ else "") for word, token in pairs]
    return "".join(spaced).rstrip()


def _initials(name: str) -> str:
    parts = re.split(r"[\s-]+", name)
    return "".join(part[0] for part in parts if part[:1].isupper())


def _abbreviates(short: str, long: str, label: str) -> bool:
    """Whether ``short`` in parentheses next to ``long`` can abbreviate it. A place in
    parentheses after a place names the region ("Raguhn (Sachsen-Anhalt)", "Manhattan
    (NYC)"): for places only an acronym whose letters run through the long form in order
    ("Nordrhein-Westfalen (NRW)") counts."""
    if label != "LOC":
        return True
    letters = iter(long.lower())
    return short.isupper() and short[0] == long[0] and all(ch in letters for ch in short.lower())


def _linked_abbreviations(mentions: list[Mention], text: str) -> dict[int, int]:
    """Abbreviation mention index -> long form mention index, from "Long Form (LF)"."""
    links = {}
    for i, first in enumerate(mentions[:-1]):
        second = mentions[i + 1]
        between = text[first.end : second.start]
        if (
            between.strip() == "("
            and text[second.end : second.end + 1] == ")"
            and first.label == second.label
        ):
            long_form, short = (
                (first, second) if len(first.base) > len(second.base) else (second, first)
            )
            if len(short.base.split()) == 1 and _abbreviates(
                short.base, long_form.base, short.label
            ):
                links[mentions.index(short)] = mentions.index(long_form)
    return links


def canonicalize(mentions: list[Mention], doc: Doc) -> None:
    """Fill ``base`` and ``canonical`` of an article's mentions (rules 2–4 of the module)."""
    if not mentions:
        return
    attested = {m.text for m in mentions} | {t for m in mentions for t in m.tokens}
    spans = [doc.char_span(m.start, m.end) for m in mentions]
    as_written = frozenset(  # last words of names used where no genitive is possible
        span[-1].text
        for span in spans
        if span is not None
        and not _has_genitive_evidence(list(span))
        and "Gen" not in span[-1].morph.get("Case")
    )
    for mention, span in zip(mentions, spans, strict=True):
        tokens = list(span) if span is not None else []
        mention.base = (
            base_form(tokens, mention.label, attested, as_written) if tokens else mention.text
        )
        if mention.label in ("LOC", "ORG") and mention.base in country_names():
            mention.base = country_names()[mention.base]
        elif mention.label == "LOC" and _dative_plural_country(mention.base):
            mention.base = country_names()[mention.base[:-1]]  # "in den Niederlanden"
        if mention.base.isupper() and len(mention.base) > 4:
            titled = mention.base.title()
            if titled in attested or titled in country_names():
                mention.base = country_names().get(titled, titled)

    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(short: int, long: int) -> None:
        parent[find(short)] = find(long)

    for short, long in _linked_abbreviations(mentions, doc.text).items():
        join(short, long)
    by_base: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        by_base[(mention.label, mention.base)].append(index)
    for indices in by_base.values():
        for index in indices[1:]:
            join(index, indices[0])
    forms = {(m.label, m.base) for m in mentions}
    for index, mention in enumerate(mentions):
        words = mention.base.split()
        if mention.base.isupper() and 2 <= len(mention.base) <= 6:
            for label, base in sorted(forms):
                if (
                    label == mention.label
                    and base != mention.base
                    and _initials(base) == mention.base
                ):
                    join(index, by_base[(label, base)][0])
                    break
            continue
        candidates = [
            (label, base)
            for label, base in forms
            if label == mention.label
            and len(base.split()) > len(words)
            and _contains(base, words, label)
        ]
        if candidates and not (mention.label == "PER" and _two_people(candidates)):
            join(index, by_base[_best_fuller_name(mention, candidates, by_base, mentions)][0])

    groups: dict[int, list[Mention]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        groups[find(index)].append(mention)
    for members in groups.values():
        fullest = max(members, key=lambda m: (len(m.base.split()), len(m.base), -m.start))
        for member in members:
            member.canonical = fullest.base


def _two_people(candidates: list[tuple[str, str]]) -> bool:
    """Whether the full names a short person name could stand for belong to two people
    ("Nie" with "Nie Haisheng" and "Nie Jielin"): neither name contains the other's words.
    Then the short name joins neither (no canonical fuses two people)."""
    names = [set(base.split()) for _, base in candidates]
    return any(not (a <= b or b <= a) for i, a in enumerate(names) for b in names[i + 1 :])


def _best_fuller_name(
    mention: Mention,
    candidates: list[tuple[str, str]],
    by_base: dict[tuple[str, str], list[int]],
    mentions: list[Mention],
) -> tuple[str, str]:
    """Which fuller name a short mention stands for: one that only adds a legal form
    ("Siemens AG"), else the nearest before the mention, else the first one after it."""

    def rank(form: tuple[str, str]) -> tuple[int, int, int]:
        extra = " ".join(form[1].split()[len(mention.base.split()) :])
        legal = 0 if form[1].startswith(mention.base) and extra in legal_forms() else 1
        positions = [mentions[i].start for i in by_base[form]]
        before = [mention.start - p for p in positions if p <= mention.start]
        return (legal, 0, min(before)) if before else (legal, 1, min(positions))

    return min(candidates, key=rank)


def _contains(longer: str, words: list[str], label: str) -> bool:
    """Whether the shorter name ``words`` may stand for ``longer`` (rule 4 of the module)."""
    parts = longer.split()
    size = len(words)
    if label == "PER":
        return parts[-size:] == words or parts[:size] == words
    if label == "LOC":
        return parts[:size] == words and bool(
            re.match(r"\s*(an der|am|an|im|in der|ob der|bei)\b", longer[len(" ".join(words)) :])
        )
    return any(parts[i : i + size] == words for i in range(len(parts) - size + 1))


@dataclass
class Mention:
    """One entity mention: offsets into the article text and its names."""

    start: int
    end: int
    label: str
    text: str
    in_body: bool = True
    base: str = ""
    canonical: str = ""
    tokens: list[str] = field(default_factory=list)
