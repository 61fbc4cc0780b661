"""Named entities: mentions, canonical names, corpus-wide ids, and counts.

Mentions come from the pipeline's NER (``doc.ents``). Each gets a ``canonical`` name: the
nominative, fullest name the article uses for that referent. The rules, in order:

1. Cleaning: titles and roles before a person's name are cut off ("US-Präsident Donald
   Trump" -> "Donald Trump"); role nouns, lower-case words (adjectives such as
   "nordkoreanischen") and pronouns are not mentions.
2. Nominative: a genitive -s/-es is removed when there is evidence for it (the form without
   it occurs in the article, a genitive article "des" before, a noun right after as in
   "Trumps Sprecherin", the pipeline's Case=Gen) and the name is not one that ends in -s
   anyway ("Paris", "Hans", ``nominative_s.txt``). Adjectives in names take the strong
   nominative ending of the head noun ("des Weißen Hauses" -> "Weißes Haus").
3. Countries: every name of a country gets its CLDR German name (babel), e.g. "USA", "US",
   "Amerika" -> "Vereinigte Staaten".
4. Within the article: an abbreviation joins its long form when the text links them
   ("Europäische Zentralbank (EZB)") or its letters are the long form's initials; a
   surname or first name alone joins the full name ("Kim" -> "Kim Jong Un"); a shorter
   organisation name joins a longer one that contains it ("FC Bayern" -> "FC Bayern München").
   The canonical name is the fullest member of the group.

``entity_id`` is assigned over the whole corpus (``assign_entity_ids``): the same label and
canonical name give the same id; beyond that, names are merged by a guarded fuzzy match
(rapidfuzz) that never merges two different full names of people.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache

import pandas as pd
from spacy.tokens import Doc, Span, Token

from .resources import first_names, load_entries
from .structure import Paragraph

LABELS = ("PER", "ORG", "LOC", "MISC")
# parts of speech that never begin a name ("Laut Polizei", "Auch Merkel")
LEADING_NON_NAME_POS = frozenset({"ADP", "ADV", "CCONJ", "SCONJ", "PART", "VERB", "AUX", "PRON"})
LABEL_MAP = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
}
GENITIVE_WORDS = frozenset({"des", "eines", "dieses", "jenes"})
ADJECTIVE_SUFFIXES = ("isch", "lich", "ig", "al", "ell", "iert", "bar", "ant", "ent", "är")
ADJECTIVE_ENDINGS = ("en", "em", "es", "er", "e")
STRONG_ENDING = {"Masc": "er", "Fem": "e", "Neut": "es", "Plur": "e"}


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


# ------------------------------------------------------------------------ resources


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(load_entries(f"entities/{name}.txt"))


@cache
def _titles() -> frozenset[str]:
    return frozenset(load_entries("entities/titles.txt"))


@cache
def _nominative_s() -> frozenset[str]:
    return frozenset(load_entries("entities/nominative_s.txt"))


@cache
def _legal_forms() -> frozenset[str]:
    return frozenset(load_entries("entities/legal_forms.txt"))


@cache
def _gender_suffixes() -> tuple[tuple[str, str], ...]:
    pairs = [tuple(entry.split("\t")) for entry in load_entries("entities/gender_suffixes.txt")]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@cache
def country_names() -> dict[str, str]:
    """Every known name of a country -> its CLDR German short name (babel)."""
    from babel import Locale

    german = Locale("de").territories
    codes: dict[str, str] = {}
    for locale in ("en", "de_CH", "de_AT", "de"):
        for code, name in Locale.parse(locale).territories.items():
            if len(code) == 2 and code.isalpha() and code in german:
                codes[name] = code
    try:
        import gettext

        import pycountry

        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
        for country in pycountry.countries:
            for attribute in ("name", "official_name", "common_name"):
                name = getattr(country, attribute, None)
                if name and country.alpha_2 in german:
                    codes.setdefault(translation.gettext(name), country.alpha_2)
    except (ImportError, OSError):
        pass
    for entry in load_entries("entities/country_aliases.txt"):
        name, code = entry.split("\t")
        codes[name] = code
    return {name: german[code] for name, code in codes.items()}


@cache
def currency_names() -> frozenset[str]:
    """German names of currencies (CLDR via babel), singular and plural."""
    from babel import Locale

    names = set()
    for locale in ("de", "de_CH", "de_AT"):
        parsed = Locale.parse(locale)
        names.update(parsed.currencies.values())
        for forms in parsed._data["currency_names_plural"].values():
            names.update(forms.values())
    short = {re.split(r"[\s-]", name)[-1] for name in names}  # "US-Dollar" -> "Dollar"
    names.update(word for word in short if word[:1].isupper() and word.lower() not in first_names())
    return frozenset(names)


# ------------------------------------------------------------------------- mentions


@cache
def _title_compound_pattern() -> re.Pattern[str]:
    """Lower-case words that end in a title of five or more letters after at least three
    other letters ("regierungssprecher")."""
    endings = sorted((t.lower() for t in _titles() if len(t) >= 5), key=len, reverse=True)
    return re.compile(".{3,}(?:" + "|".join(map(re.escape, endings)) + ")", re.DOTALL)


@lru_cache(maxsize=65536)
def _is_title(word: str, *, compounds: bool = False) -> bool:
    """Whether ``word`` (also inflected: "Präsidenten") is a title or role noun; with
    ``compounds``, also a compound ending in one ("Regierungssprecher")."""
    titles = _titles()
    last = word.rsplit("-", 1)[-1]
    forms = {last} | {last[: -len(e)] for e in ("en", "n", "es", "s") if last.endswith(e)}
    if word in titles or forms & titles:
        return True
    return compounds and any(_title_compound_pattern().fullmatch(form.lower()) for form in forms)


def _clean_span(span: Span, label: str) -> Span | None:
    """Cut determiners and (for people) titles off the front, punctuation off the end."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        (doc[start].text in _words("determiners"))
        or (doc[start].lower_ in _words("determiners") and label != "MISC")
        or doc[start].is_punct
        or (doc[start].pos_ in LEADING_NON_NAME_POS and end - start > 1 and label != "MISC")
        or (label == "PER" and end - start > 1 and _is_title(doc[start].text, compounds=True))
    ):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in ".)"):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _is_name(span: Span, label: str) -> bool:
    first = span[0]
    if (
        first.text[0].islower()
        and first.lower_ not in _words("name_particles")
        and not (len(first.text) > 1 and first.text[1].isupper())  # "eBay", "iPhone"
        and not (len(span) == 1 and first.is_alpha and len(first.text) <= 4)  # "dpa", "taz"
    ):
        return False
    if len(span) == 1 and first.pos_ == "PRON":
        return False
    if span.text in currency_names():
        return False  # "Euro", "Schweizer Franken": currencies are not named entities
    if len(span) == 1 and label != "PER" and "-" in first.text and _is_title(first.text):
        return False  # "US-Präsident", "CDU-Chef": role nouns
    return any(ch.isalpha() for ch in span.text)


def find_mentions(doc: Doc, paragraphs: list[Paragraph]) -> list[Mention]:
    """The article's entity mentions in text order, cleaned, with ``in_body`` set.

    Args:
        doc: the analysed article (its ``ents`` come from the pipeline's NER).
        paragraphs: the article's paragraphs; mentions outside body paragraphs, or inside an
            inline credit, get ``in_body = False``.
    """
    mentions = []
    for ent in consistent_entities(doc):
        label = LABEL_MAP.get(ent.label_)
        if label is None:
            continue
        span = _clean_span(ent, label)
        if span is None or not _is_name(span, label):
            continue
        paragraph = next((p for p in paragraphs if p.start <= span.start_char < p.end), None)
        in_body = bool(paragraph and paragraph.in_body) and not (
            paragraph.credit_start is not None and span.start_char >= paragraph.credit_start
        )
        mentions.append(
            Mention(
                span.start_char,
                span.end_char,
                label,
                span.text,
                in_body,
                tokens=[t.text for t in span],
            )
        )
    full_names = {t for m in mentions if m.label == "PER" and len(m.tokens) > 1 for t in m.tokens}
    mentions = [  # a lone role noun is no name, unless it is someone's surname ("Bischof")
        m
        for m in mentions
        if not (
            m.label == "PER"
            and len(m.tokens) == 1
            and _is_title(m.text)
            and m.text not in full_names
        )
    ]
    canonicalize(mentions, doc)
    return mentions


# ----------------------------------------------------------------------- nominative


def _genitive_stem(word: str, *, attested: set[str], evidence: bool) -> str:
    """``word`` without a genitive ending when the evidence allows it."""
    lowered = word.lower()
    if (
        word in _nominative_s()
        or lowered in first_names()
        or word.endswith("ss")
        or any(
            lowered.endswith(e.lower()) for e in _nominative_s() if len(e) >= 5 and e[1:].islower()
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
    if not evidence or not candidates:
        return word
    if word.endswith("es") and len(word) > 4:
        stem = word[:-2]
        if stem.endswith(("s", "z", "ß", "x", "sch")) or stem[-1] not in "aeiouyäöü":
            return stem
    return word[:-1]


def _has_genitive_evidence(span_tokens: list[Token]) -> bool:
    doc = span_tokens[0].doc
    first, last = span_tokens[0], span_tokens[-1]
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if "Gen" in last.morph.get("Case"):
        return True
    if before is not None and before.lower_ in GENITIVE_WORDS:
        return True
    return bool(  # prenominal genitive: "Trumps Sprecherin", "Nordkoreas Machthaber"
        after is not None
        and after.text[:1].isupper()
        and after.is_alpha
        and after.ent_iob_ != "I"
        and after.pos_ in ("NOUN", "")
        and not after.is_sent_start
        and (before is None or before.lower_ not in _words("determiners"))
    )


def _gender(head: Token, nominative_head: str) -> str | None:
    """Gender (or Plur) of a head noun: from the ending table, else the pipeline's
    morphology of a common noun; None for proper names ("Verbraucherzentrale Hessen")."""
    lowered = nominative_head.lower()
    for ending, value in _gender_suffixes():
        if lowered.endswith(ending):
            return value
    if head.pos_ != "NOUN":
        return None
    if head.morph.get("Number") == ["Plur"]:
        return "Plur"
    gender = head.morph.get("Gender")
    return gender[0] if gender else None


def _is_adjective(token: Token, next_token: Token) -> bool:
    if not (token.text[:1].isupper() and next_token.text[:1].isupper()):
        return False
    if token.pos_ == "ADJ":
        return True
    if token.pos_ in ("NOUN", "VERB", "NUM", "DET"):
        return False
    stem = _adjective_stem(token.text)
    return stem != token.text and (
        stem.endswith(ADJECTIVE_SUFFIXES) or stem in _words("name_adjectives")
    )


def _adjective_stem(word: str) -> str:
    for ending in ADJECTIVE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def base_form(span_tokens: list[Token], label: str, attested: set[str]) -> str:
    """The nominative form of a mention (see the module notes, rule 2)."""
    words = [t.text for t in span_tokens]
    adjectival = dict(entry.split("\t") for entry in load_entries("entities/adjectival_names.txt"))
    if " ".join(words) in adjectival:
        return adjectival[" ".join(words)]
    evidence = _has_genitive_evidence(span_tokens)
    if label == "PER" or len(words) == 1:
        strong = "Gen" in span_tokens[-1].morph.get("Case") or len(words) == 1
        words[-1] = _genitive_stem(words[-1], attested=attested, evidence=evidence and strong)
        return " ".join(words)
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
        if evidence:  # "des Polizeipräsidiums Ludwigsburg": the inflected word is the head
            for index in range(len(words) - 1, -1, -1):
                if _genitive_stem(words[index], attested=attested, evidence=True) != words[index]:
                    head_index = index
                    break
    words[head_index] = _genitive_stem(words[head_index], attested=attested, evidence=evidence)
    gender = _gender(span_tokens[head_index], words[head_index])
    # only the adjectives that open the name ("Weißen Hauses", "Europäischen Union"), not those
    # of an attribute inside it ("Gewerkschaft Deutscher Lokomotivführer")
    for index in range(head_index):
        token = span_tokens[index]
        if not (gender and _is_adjective(token, span_tokens[index + 1])):
            break
        words[index] = _adjective_stem(token.text) + STRONG_ENDING[gender]
    return " ".join(words)


# -------------------------------------------------------------------- canonical names


def _initials(name: str) -> str:
    parts = re.split(r"[\s-]+", name)
    return "".join(part[0] for part in parts if part[:1].isupper())


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
            if len(short.base.split()) == 1:
                links[mentions.index(short)] = mentions.index(long_form)
    return links


def canonicalize(mentions: list[Mention], doc: Doc) -> None:
    """Fill ``base`` and ``canonical`` of an article's mentions (rules 2–4 of the module)."""
    if not mentions:
        return
    attested = {m.text for m in mentions} | {t for m in mentions for t in m.tokens}
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end)
        tokens = list(span) if span is not None else []
        mention.base = base_form(tokens, mention.label, attested) if tokens else mention.text
        if mention.label in ("LOC", "ORG") and mention.base in country_names():
            mention.base = country_names()[mention.base]
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
        if candidates:
            join(index, by_base[_best_fuller_name(mention, candidates, by_base, mentions)][0])

    groups: dict[int, list[Mention]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        groups[find(index)].append(mention)
    for members in groups.values():
        fullest = max(members, key=lambda m: (len(m.base.split()), len(m.base), -m.start))
        for member in members:
            member.canonical = fullest.base


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
        legal = 0 if form[1].startswith(mention.base) and extra in _legal_forms() else 1
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


# ------------------------------------------------------------------ corpus-wide ids


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "x"


SPELLING_VARIANTS = (
    ("ä", "ae"),
    ("ö", "oe"),
    ("ü", "ue"),
    ("ß", "ss"),
    ("ph", "f"),
    ("ck", "k"),
    ("dh", "d"),
    ("kh", "k"),
    ("gh", "g"),
    ("y", "i"),
    ("j", "i"),
)


def _spelling_key(name: str) -> str:
    """A name with transliteration variants levelled ("Selenskyj" ~ "Selenski")."""
    key = name.casefold()
    for variant, common in SPELLING_VARIANTS:
        key = key.replace(variant, common)
    return key


def _block(label: str, name: str) -> tuple:
    """Names that may be spelling variants of each other share a block (keeps merging fast)."""
    if label == "PER":
        parts = name.split()
        return (*parts[:-1], _spelling_key(parts[-1])[:2])
    return (_spelling_key(name)[:3],)


def _may_merge(label: str, first: str, second: str) -> bool:
    from rapidfuzz import fuzz

    if label == "PER":
        a, b = first.split(), second.split()
        if len(a) < 2 or len(a) != len(b) or a[:-1] != b[:-1]:
            return False  # never merge two different full names
        return fuzz.ratio(_spelling_key(a[-1]), _spelling_key(b[-1])) >= 90
    return (
        abs(len(first) - len(second)) <= 2
        and fuzz.ratio(_spelling_key(first), _spelling_key(second)) >= 95
    )


def entity_id_map(counts: Counter) -> dict[tuple[str, str], str]:
    """Ids for (label, canonical) pairs, given how often each occurs in the corpus.

    Rule: mentions with the same label and canonical name share an id. Canonical names of
    one label are further merged when they are spelling variants: for people the same
    first names and surnames with rapidfuzz ratio >= 90 once transliteration variants are
    levelled ("Selenskyj" ~ "Selenski"; "Müller" and "Möller", or "Hanna Müller" and
    "Hans Müller", stay apart), for others ratio >= 95 and at most two characters'
    difference. The id is
    ``LABEL:slug`` of the group's most frequent name (ties: alphabetical), so it is
    readable and does not depend on the order of articles.
    """
    representative: dict[tuple[str, str], str] = {}
    blocks: dict[tuple, list[str]] = defaultdict(list)  # only names in one block may merge
    for label, name in counts:
        blocks[(label, _block(label, name))].append(name)
    for (label, _), names in sorted(blocks.items()):
        names.sort(key=lambda n: (-counts[(label, n)], n))
        groups: list[list[str]] = []
        for name in names:
            for group in groups:
                if _may_merge(label, group[0], name):
                    group.append(name)
                    break
            else:
                groups.append([name])
        for group in groups:
            for name in group:
                representative[(label, name)] = f"{label}:{_slug(group[0])}"
    return representative


def assign_entity_ids(entities: pd.DataFrame) -> pd.Series:
    """Corpus-wide ids for the rows of an ``entities`` table (see ``entity_id_map``)."""
    if entities.empty:
        return pd.Series([], dtype="string", index=entities.index)
    pairs = list(zip(entities["label"], entities["canonical"], strict=True))
    ids = entity_id_map(Counter(pairs))
    return pd.Series([ids[pair] for pair in pairs], dtype="string", index=entities.index)


# ------------------------------------------------------------------------- analysis


def _body_mentions(analysis, body_only: bool) -> pd.DataFrame:
    entities = analysis.entities
    return entities[entities["in_body"].fillna(False).astype(bool)] if body_only else entities


def _periods(analysis, per: str) -> pd.Series:
    """Article id -> period label for ``per`` ("month": YYYY-MM of articles dated by month or
    day; others get <NA>; "year"; "source"; "outlet"; "article")."""
    articles = analysis.articles.set_index("article_id")
    if per == "month":
        known = articles["date_precision"].isin(["day", "month"])
        return articles["date"].str.slice(0, 7).where(known)
    if per == "year":
        return articles["date"].str.slice(0, 4).where(articles["date"] != "")
    if per in ("source", "outlet"):
        return articles[per]
    if per == "article":
        return pd.Series(articles.index, index=articles.index)
    raise ValueError(f"per must be article, month, year, source or outlet, not {per!r}")


def entity_counts(
    analysis,
    *,
    per: str | None = None,
    label: str | None = None,
    top: int | None = None,
    body_only: bool = True,
) -> pd.DataFrame:
    """Mentions and document frequency per entity (optionally per article, month, source).

    Args:
        analysis: an ``Analysis``.
        per: ``None`` for the whole corpus, or ``"article"``, ``"month"`` (articles dated
            only by year are left out: their month is unknown), ``"year"``, ``"source"``,
            ``"outlet"``.
        label: only entities with this label (PER, ORG, LOC, MISC).
        top: keep the ``top`` entities by mentions (per period when ``per`` is given).
        body_only: count only mentions in body text (default), not in teasers, captions …

    Returns:
        Columns ``[period,] entity_id, canonical, label, mentions, articles``, sorted by
        mentions (descending), then name.
    """
    mentions = _body_mentions(analysis, body_only)
    if label is not None:
        mentions = mentions[mentions["label"] == label]
    keys = ["entity_id", "label"]
    if per is not None:
        mentions = mentions.assign(period=mentions["article_id"].map(_periods(analysis, per)))
        mentions = mentions[mentions["period"].notna()]
        keys = ["period", *keys]
    names = (  # the most frequent canonical name of each id
        mentions.groupby(["entity_id", "canonical"])
        .size()
        .rename("n")
        .reset_index()
        .sort_values(["entity_id", "n", "canonical"], ascending=[True, False, True])
        .drop_duplicates("entity_id")
        .set_index("entity_id")["canonical"]
    )
    counts = (
        mentions.groupby(keys, observed=True)
        .agg(mentions=("article_id", "size"), articles=("article_id", "nunique"))
        .reset_index()
    )
    counts.insert(counts.columns.get_loc("label"), "canonical", counts["entity_id"].map(names))
    order = (["period"] if per else []) + ["mentions", "canonical"]
    counts = counts.sort_values(order, ascending=[True] * bool(per) + [False, True], kind="stable")
    if top is not None:
        counts = counts.groupby("period").head(top) if per else counts.head(top)
    return counts.reset_index(drop=True)


def cooccurrence(
    analysis, *, unit: str = "sentence", body_only: bool = True, min_count: int = 1
) -> pd.DataFrame:
    """Pairs of entities mentioned in the same sentence (or paragraph), for network views.

    Returns:
        Columns ``source, target`` (entity ids, ``source < target``), ``source_name,
        target_name``, ``count`` (units in which both occur) and ``articles``; sorted by
        count. Each pair counts once per unit however often the names repeat in it.
    """
    mentions = _body_mentions(analysis, body_only)
    if unit == "paragraph":
        starts = analysis.sentences.set_index(["article_id", "sent_idx"])["para_idx"]
        key = pd.Series(list(zip(mentions["article_id"], mentions["sent_idx"], strict=True))).map(
            starts.to_dict()
        )
        mentions = mentions.assign(unit=key.to_numpy())
    elif unit == "sentence":
        mentions = mentions.assign(unit=mentions["sent_idx"])
    else:
        raise ValueError(f"unit must be sentence or paragraph, not {unit!r}")
    names = mentions.drop_duplicates("entity_id").set_index("entity_id")["canonical"]
    pairs: Counter = Counter()
    pair_articles: dict[tuple[str, str], set] = defaultdict(set)
    for (article_id, _), group in mentions.groupby(["article_id", "unit"], sort=True):
        ids = sorted(set(group["entity_id"]))
        for i, first in enumerate(ids):
            for second in ids[i + 1 :]:
                pairs[(first, second)] += 1
                pair_articles[(first, second)].add(article_id)
    rows = [
        {
            "source": a,
            "target": b,
            "source_name": names[a],
            "target_name": names[b],
            "count": n,
            "articles": len(pair_articles[(a, b)]),
        }
        for (a, b), n in pairs.items()
        if n >= min_count
    ]
    table = pd.DataFrame(
        rows, columns=["source", "target", "source_name", "target_name", "count", "articles"]
    )
    return table.sort_values(
        ["count", "source", "target"], ascending=[False, True, True]
    ).reset_index(drop=True)


# ------------------------------------------------------------ document consistency


def _name_parts(ents: list[Span]) -> dict[tuple[str, ...], str]:
    """Token sequences known as names in this document -> their label.

    Full names of people and their capitalised parts (surname, first name), multi-word
    names and acronyms of any label.
    """
    names: dict[tuple[str, ...], str] = {}
    for ent in ents:
        words = tuple(t.text for t in ent)
        if ent.label_ == "PER" and len(ent) > 1:
            names[words] = "PER"
            for token in ent:
                if token.text[:1].isupper() and len(token.text) > 2 and not _is_title(token.text):
                    names.setdefault((token.text,), "PER")
        elif len(ent) > 1 or (ent.text.isupper() and len(ent.text) >= 2):
            names.setdefault(words, ent.label_)
    return names


def consistent_entities(doc: Doc) -> list[Span]:
    """The document's entities made consistent (issue: document-level consistency).

    A name the NER recognised once gets the same label at its other mentions, and its
    mentions that the NER missed are added: people by full name, surname or first name
    (also in the genitive, "Trumps"), other names when they are multi-word or acronyms.
    Single words of other labels are not propagated: too many are also common nouns
    ("Bahn", "Union"). Where one name carries several labels, the majority wins.
    """
    ents = _split_country_tails([e for e in doc.ents if LABEL_MAP.get(e.label_)])
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
    result = [
        Span(doc, e.start, e.end, label=votes[e.text].most_common(1)[0][0])
        if len(votes[e.text]) > 1
        and votes[e.text].most_common(2)[0][1] > votes[e.text].most_common(2)[1][1]
        else e
        for e in result
    ]
    result = _join_particle_names(doc, result)
    if doc.has_annotation("ENT_IOB"):  # a pipeline with NER (the rule pipeline has none)
        result = _names_after_titles(doc, result)
        result = _countries(doc, result)
    names = _name_parts(result)
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
            if words in names:
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
    return sorted(result, key=lambda span: span.start)


def _join_particle_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """Join "Ursula" + "von der" + "Leyen" into one person when the NER split the name.

    Only a lone first name (gender-guesser's list) is joined, with a name of at most two
    words, so "Marion Albers von der DZ Bank" stays a person and a bank.
    """
    particles = _words("name_particles")
    joined: list[Span] = []
    for ent in sorted(ents, key=lambda span: span.start):
        previous = joined[-1] if joined else None
        first_name_only = (
            previous is not None
            and previous.label_ == "PER"
            and len(previous) == 1
            and previous.text.lower() in first_names()
            and len(ent) <= 3
            and ent.text[:1].isupper()
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
    particles = _words("name_particles")
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    added: list[Span] = []
    for token in doc[:-1]:
        if not _is_title(token.text, compounds=True) or token.i in covered:
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 4:
            word = doc[end]
            name_word = word.text[:1].isupper() and word.is_alpha and not _is_title(word.text)
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


def _in_or_genitive(text: str, names) -> bool:
    """Whether ``text`` is one of ``names``, also with a genitive s ("Nordkoreas")."""
    return text in names or (text.endswith("s") and text[:-1] in names)


@cache
def _country_first_words() -> frozenset[str]:
    """First words of country names (also up to a hyphen or dot, in case the tokenizer splits
    there): a cheap test before looking a span up."""
    names = country_names()
    return frozenset(name.split()[0] for name in names) | {
        re.split(r"[-.]", name.split()[0])[0] for name in names
    }


def _countries(doc: Doc, ents: list[Span]) -> list[Span]:
    """Country names (CLDR via babel, also in the genitive) are places: missed ones are
    added as LOC, and a country the NER took for a person becomes LOC (gazetteer)."""
    names = country_names()
    longest = max(len(name.split()) for name in names)
    first_words = _country_first_words()
    covered = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    result = {ent.start: ent for ent in ents}
    index = 0
    while index < len(doc):
        if not _in_or_genitive(doc[index].text, first_words):
            index += 1
            continue
        for size in range(min(longest, len(doc) - index), 0, -1):
            words = doc[index : index + size]
            text = words.text
            if not _in_or_genitive(text, names):
                continue
            if text.lower() in first_names():  # "Jordan", "Georgia": also people's names
                break
            inside = {covered[i] for i in range(index, index + size) if i in covered}
            if not inside and words[0].text[:1].isupper():
                result[index] = Span(doc, index, index + size, label="LOC")
            elif len(inside) == 1:
                ent = inside.pop()
                if ent.label_ == "PER" and (ent.start, ent.end) == (index, index + size):
                    result[index] = Span(doc, index, index + size, label="LOC")
            index += size - 1
            break
        index += 1
    return sorted(result.values(), key=lambda span: span.start)


def _split_country_tails(ents: list[Span]) -> list[Span]:
    """A person span that ends in a country ("nannte Trump Nordkoreas Forderung" tagged as
    one name) is a person and a place: names of people do not end in country names."""
    countries = country_names()
    result = []
    for ent in ents:
        last = ent[-1].text
        if (
            LABEL_MAP.get(ent.label_) == "PER"
            and len(ent) > 1
            and _in_or_genitive(last, countries)
            and last.lower() not in first_names()
        ):
            result.append(Span(ent.doc, ent.start, ent.end - 1, label=ent.label_))
            result.append(Span(ent.doc, ent.end - 1, ent.end, label="LOC"))
        else:
            result.append(ent)
    return result
