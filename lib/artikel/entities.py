"""Named entities: the mentions of one article with their labels and canonical names.

Mentions come from the pipeline's NER (``doc.ents``) after document-level consistency
(``consistency``). Titles and roles before a person's name are cut off ("US-Präsident Donald
Trump" -> "Donald Trump"); role nouns, lower-case words (adjectives such as
"nordkoreanischen") and pronouns are not mentions. Each mention gets a ``canonical`` name
(``canonical``); corpus-wide ids are assigned later (``ids``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .canonical import Mention, canonicalize
from .consistency import consistent_entities
from .kind_nouns import CLOSING_MARKS
from .names import LABEL_MAP, currency_names, is_title, noun_kinds, role_nouns, word_list
from .resources import is_first_name
from .structure import Paragraph

# parts of speech that never begin a name ("Laut Polizei", "Auch Merkel")
LEADING_NON_NAME_POS = frozenset({"ADP", "ADV", "CCONJ", "SCONJ", "PART", "VERB", "AUX", "PRON"})


# ------------------------------------------------------------------------ resources


# ------------------------------------------------------------------------- mentions


def _clean_span(span: Span, label: str) -> Span | None:
    """Cut determiners and (for people) titles off the front, punctuation off the end."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        (doc[start].text in word_list("determiners"))
        or (doc[start].lower_ in word_list("determiners") and label != "MISC")
        or doc[start].is_punct
        or (doc[start].pos_ in LEADING_NON_NAME_POS and end - start > 1 and label != "MISC")
        or (label == "PER" and end - start > 1 and is_title(doc[start].text, compounds=True))
    ):
        start += 1
    while end > start and doc[end - 1].is_punct and not _ends_name(doc, end - 1):
        end -= 1
    if label == "PER":
        start = _past_role_words(doc, start, end)
    if start >= end:
        return None
    return doc[start:end]


def _ends_name(doc: Doc, i: int) -> bool:
    """Whether punctuation token i belongs to the name before it: a dot or bracket, a
    genitive apostrophe ("Wales'", "Goebbels'"), or "!"/"?" of a title inside quotation
    marks ("„Demokratie leben!“")."""
    text, before = doc[i].text, doc[i - 1] if i > 0 else None
    if text in ".)":
        return True
    if text in ("'", "’"):
        return bool(before and not before.whitespace_ and before.text[-1:] in "sxzß")
    following = doc[i + 1].text if i + 1 < len(doc) else ""
    return text in "!?" and following in CLOSING_MARKS


def _past_role_words(doc: Doc, start: int, end: int) -> int:
    """Where a person's name begins inside a PER span that opens with a role the title list
    lacks ("Hydrologe Christian Sailer", "Staatsanwalt des Bundes Marc Dubois"): at the first
    listed first name after capitalised words (and genitive articles), one a role noun, none
    a first name or a name particle ("van", "de"); ``start`` otherwise."""
    if doc[start].lower_ in word_list("name_particles") or is_first_name(doc[start].text):
        return start
    for k in range(start + 1, end - 1):
        if is_first_name(doc[k].text) and doc[k].text[:1].isupper():
            before = doc[start:k]
            words_of_a_role = all(
                t.is_alpha
                and (t.text[:1].isupper() or t.lower_ in ("des", "der"))
                and not is_first_name(t.text)
                for t in before
            )
            role = any("ROLE" in noun_kinds(t.lower_) for t in before)
            return k if words_of_a_role and role else start
    return start


def _is_person_noun(token: Token) -> bool:
    """A title or role noun as a whole word ("Professor", "Vorgänger"), not as a suffix."""
    return is_title(token.text) or token.lower_ in role_nouns()


def _person_parts(span: Span, known: set[str], alone: set[str]) -> list[Span]:
    """A PER span cut where it joins two names or a name and a noun.

    "A Vorgänger B" is two people when A and B occur elsewhere; a trailing person noun is cut
    ("Peter Jonas Professor") unless it is also a common surname (``surname_nouns.txt``: "Anna
    Maria Richter") and the rest never occurs alone; "Scholz Merz" (an object after a subject)
    is two people when both parts are other people's full names or surnames used alone
    (``alone``) and the first is no first name; a particle before a common noun ends the
    name ("Hu von der Staatssicherheit"). A name is never cut on a guess.
    """
    tokens = list(span)
    doc = span.doc
    particles = word_list("name_particles")
    for index in range(1, len(tokens) - 1):  # "Hu von der Staatssicherheit": a noun, no name
        after = next((t for t in tokens[index:] if t.lower_ not in particles), None)
        if (
            tokens[index].lower_ in particles
            and after is not None
            and after.pos_ == "NOUN"
            and not _epithet(tokens[index:])
            and not _noble_name(tokens[:index])  # "Ulrich von Hutten", "Ursula von der Leyen"
        ):
            tokens = tokens[:index]
            break
    if len(tokens) >= 3 and _is_person_noun(tokens[-1]):
        rest = doc[span.start : span.end - 1]
        if rest.text in known or tokens[-1].text not in word_list("surname_nouns"):
            tokens = tokens[:-1]
    for index in range(1, len(tokens)):
        left = doc[tokens[0].i : tokens[index].i]
        if index < len(tokens) - 1 and _is_person_noun(tokens[index]):
            right = doc[tokens[index].i + 1 : tokens[-1].i + 1]
            if left.text in known and right.text in known:
                return [left, right]
        right = doc[tokens[index].i : tokens[-1].i + 1]
        if left.text in alone and right.text in alone and not is_first_name(left[-1].text):
            return [left, right]
    return [doc[tokens[0].i : tokens[-1].i + 1]]


def _noble_name(before: list[Token]) -> bool:
    """Whether the words before a particle are a first name and particles only: the
    particles belong to the name ("Ursula von der Leyen"), not to a phrase after it."""
    particles = word_list("name_particles")
    return is_first_name(before[0].text) and all(t.lower_ in particles for t in before[1:])


def _epithet(tokens: list[Token]) -> bool:
    """Whether the end of a person span is an epithet: "der"/"die" and an adjective as a
    noun ("Plinius der Jüngere", "Johann der Beständige"), not "von der" and a noun."""
    return len(tokens) == 2 and tokens[0].lower_ in ("der", "die") and tokens[1].text.endswith("e")


def _other_people(span: Span, names: list[Span], alone_texts: set[str]) -> set[str]:
    """The names of the article's other people: their full names, and their surnames where
    the article also uses them alone ("Olaf Scholz" ... "Scholz")."""
    full_names = [ent for ent in names if len(ent) > 1 and ent.text != span.text]
    return {ent.text for ent in full_names} | {
        ent[-1].text for ent in full_names if ent[-1].text in alone_texts
    }


def _is_role_word(span: Span) -> bool:
    """A person span that is a role noun ("Vorgängers") or ends in a hyphenated one
    ("Human Rights Watch-Sprecher"): a description, no name."""
    last = span[-1]
    if len(span) == 1 and (_is_person_noun(last) or _role_form(last.lower_)):
        return True
    return "-" in last.text and is_title(last.text, compounds=True)


def _role_form(lower: str) -> bool:
    """An inflected role noun ("vorgängers", "sprechern")."""
    return any(
        lower[: -len(e)] in role_nouns() for e in ("s", "n", "en", "es") if lower.endswith(e)
    )


def _is_name(span: Span, label: str) -> bool:
    first = span[0]
    if (
        first.text[0].islower()
        and first.lower_ not in word_list("name_particles")
        and not (len(first.text) > 1 and first.text[1].isupper())  # "eBay", "iPhone"
        and not (len(span) == 1 and first.is_alpha and len(first.text) <= 4)  # "dpa", "taz"
    ):
        return False
    if len(span) == 1 and first.pos_ == "PRON":
        return False
    if span.text in currency_names():
        return False  # "Euro", "Schweizer Franken": currencies are not named entities
    if len(span) == 1 and label != "PER" and "-" in first.text and is_title(first.text):
        return False  # "US-Präsident", "CDU-Chef": role nouns
    if _place_adjective_role(span):
        return False  # "der Hamburger Ökonom": a description, no name
    return any(ch.isalpha() for ch in span.text)


def _place_adjective_role(span: Span) -> bool:
    """A place adjective in -er before a role noun in the singular ("Hamburger Ökonom",
    "Berliner Anwältin"), not a plural body ("Wiener Sängerknaben")."""
    if len(span) != 2 or not span[0].text.endswith("er") or not span[0].text[:1].isupper():
        return False
    role = role_nouns().get(span[1].lower_)
    return role is not None and role[1] in ("m", "f")


def find_mentions(doc: Doc, paragraphs: list[Paragraph]) -> list[Mention]:
    """The article's entity mentions in text order, cleaned, with ``in_body`` set.

    Args:
        doc: the analysed article (its ``ents`` come from the pipeline's NER).
        paragraphs: the article's paragraphs; mentions outside body paragraphs, or inside an
            inline credit, get ``in_body = False``.
    """
    mentions = []
    entities = consistent_entities(doc)
    names = [ent for ent in entities if LABEL_MAP.get(ent.label_) == "PER"]
    known = {ent.text for ent in names} | {t.text for ent in names for t in ent}
    alone_texts = {ent.text for ent in names}
    for ent in entities:
        label = LABEL_MAP.get(ent.label_)
        if label is None:
            continue
        span = _clean_span(ent, label)
        if span is None:
            continue
        parts = [span]
        if label == "PER" and _is_role_word(span):
            continue
        if label == "PER" and len(span) > 1:
            parts = _person_parts(
                span, known - {span.text}, _other_people(span, names, alone_texts)
            )
        for part in parts:
            if not _is_name(part, label):
                continue
            paragraph = next((p for p in paragraphs if p.start <= part.start_char < p.end), None)
            in_body = bool(paragraph and paragraph.in_body) and not (
                paragraph.credit_start is not None and part.start_char >= paragraph.credit_start
            )
            tokens = [t.text for t in part]
            mentions.append(
                Mention(part.start_char, part.end_char, label, part.text, in_body, tokens=tokens)
            )
    full_names = {t for m in mentions if m.label == "PER" and len(m.tokens) > 1 for t in m.tokens}
    mentions = [  # a lone role noun is no name, unless it is someone's surname ("Bischof")
        m
        for m in mentions
        if not (
            m.label == "PER"
            and len(m.tokens) == 1
            and is_title(m.text)
            and m.text not in full_names
        )
    ]
    canonicalize(mentions, doc)
    return mentions


# ----------------------------------------------------------------------- nominative


# -------------------------------------------------------------------- canonical names


# ------------------------------------------------------------------ corpus-wide ids


# ------------------------------------------------------------------------- analysis


# ------------------------------------------------------------ document consistency
