"""The tense of a sentence (past / present / future), which decides the direction of weekdays."""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from spacy.tokens import Span

from ..resources import load_entries


@cache
def _marker_lists() -> dict[str, tuple[str, ...]]:
    """``time/tense_markers.txt`` by kind (past, future, future_auxiliary, …), in file order."""
    lists: dict[str, list[str]] = {}
    for entry in load_entries("time/tense_markers.txt"):
        kind, _, word = entry.partition("\t")
        lists.setdefault(kind.strip(), []).append(word.strip())
    return {kind: tuple(words) for kind, words in lists.items()}


@cache
def _tense_markers() -> dict[str, str]:
    """Word -> ``past`` or ``future``, for sentences without morphology."""
    lists = _marker_lists()
    return {word: tense for tense in ("past", "future") for word in lists.get(tense, ())}


CLAUSE_END = r"\s*(?:[.,;:!?“”\"»«]|$)"


@cache
def _perfect() -> re.Pattern[str]:
    """haben/sein + a participle at the end of a clause (the perfect without morphology)."""
    haben = "|".join(_marker_lists()["perfect_haben"])
    sein = "|".join(_marker_lists()["perfect_sein"])
    return re.compile(
        rf"\b(?:{haben})\b[^.,;:!?]*(?<!\bzu )\b[a-zäöü]\w*(?:t|en){CLAUSE_END}"
        rf"|\b(?:{sein})\b[^.,;:!?]*(?<!\bzu )\b[a-zäöü]\w*en{CLAUSE_END}"  # not "ist … zu sehen"
    )


PARTICIPLE = r"(?:\w*ge\w+|(?:be|er|ver|zer|ent|emp|miss)\w+|\w+ier)(?:t|en)"


@cache
def _final_perfect() -> re.Pattern[str]:
    """A participle before haben/sein at the end of a clause: "was am Sonntag geschehen ist,"."""
    auxiliaries = "|".join(_marker_lists()["perfect_auxiliary"])
    return re.compile(rf"(?<!\bzu )\b{PARTICIPLE}\s+(?:{auxiliaries}){CLAUSE_END}")


# the perfect infinitive: "bestritt, im Herbst dort gewesen zu sein" lies behind
PERFECT_INFINITIVE = re.compile(rf"\b{PARTICIPLE}\s+zu\s+(?:haben|sein){CLAUSE_END}")


@cache
def _modal_perfect() -> re.Pattern[str]:
    """A perfect infinitive after a modal, which tells of the past: "soll am Freitag Geld
    gestohlen haben", "muss am Sonntag gestorben sein", "soll … festgenommen worden sein";
    with "sein" only "gewesen", "worden" or a ``sein_participle`` ("soll bis Freitag
    abgeschlossen sein" is a state ahead)."""
    moves = "|".join(_marker_lists().get("sein_participle", ()))
    return re.compile(
        rf"(?<!\bzu )\b{PARTICIPLE}\s+haben{CLAUSE_END}"
        rf"|(?<!\bzu )\b(?:worden|gewesen|{moves})\s+sein{CLAUSE_END}"
    )


def _state_passive(finite_words: set[str], forms: list[str]) -> bool:
    """sein + a participle of a state ("sind am Sonntag gesperrt", "ist ausgebucht", "sind
    bis Ende Februar gesichert"): the present, not the perfect; ``state_participle`` stems
    and, for weak participles, every verb but the ``sein_participle`` ones of
    ``time/tense_markers.txt``."""
    sein = set(_marker_lists()["perfect_sein"])
    haben = set(_marker_lists()["perfect_haben"])
    states = _marker_lists().get("state_participle", ())
    moves = _marker_lists().get("sein_participle", ())

    def state(form: str) -> bool:  # a listed state, or a weak participle of no sein verb
        return form.endswith(states) or (form.endswith("t") and not form.endswith(moves))

    return (
        bool(finite_words & sein)
        and not finite_words & haben
        and bool(forms)
        and all(state(form) for form in forms)
    )


def _konjunktiv_two(token) -> bool:
    """A finite Konjunktiv II ("wäre", "hätte", "könnte"; ``konjunktiv_two`` forms in
    ``time/tense_markers.txt``, as the model's mood is unsure there), which is no report of the
    past by itself."""
    return token.lower_ in _marker_lists()["konjunktiv_two"]


def _finite(token) -> bool:
    """A finite verb by morphology: VerbForm=Fin, or a mood (the shipped model, trained on UD
    German, marks "wurde", "setzte" with Mood/Person/Tense but rarely with VerbForm=Fin), or
    an auxiliary left without morphology whose form is a finite one of haben or sein ("mit
    der sie es am Montag benannt haben.")."""
    if "Fin" in token.morph.get("VerbForm") or token.morph.get("Mood"):
        return True
    if _preterite_read_as_infinitive(token):
        return True
    return (
        token.pos_ == "AUX"
        and not token.morph.get("VerbForm")
        and token.lower_ in _finite_auxiliaries()
        and not _after_zu(token)
    )


def _preterite_read_as_infinitive(token) -> bool:
    """A plural preterite the model calls an infinitive ("fielen", lemma "fallen"): an
    infinitive is its lemma, or the lemma with "zu" inside ("anzutreten")."""
    if "Inf" not in token.morph.get("VerbForm") or token.pos_ != "VERB":
        return False
    form, lemma = token.lower_, token.lemma_.lower()
    if form == lemma or form.replace("zu", "", 1) == lemma or _after_zu(token):
        return False
    return form.endswith("en") and (lemma.startswith("ge") or not form.startswith("ge"))


def _preterite_read_as_adjective(token) -> bool:
    """A weak preterite the model calls an adjective where a sentence has no finite verb:
    after a noun and before its subject ("Nach dem Beben registrierten Seismologen …")."""
    doc = token.doc
    return (
        token.pos_ == "ADJ"
        and token.text.islower()
        and token.text.endswith(("te", "ten"))
        and 0 < token.i < len(doc) - 1
        and doc[token.i - 1].pos_ in ("NOUN", "PROPN")
        and doc[token.i + 1].pos_ in ("NOUN", "PROPN", "DET", "PRON")
    )


@cache
def _finite_auxiliaries() -> frozenset[str]:
    lists = _marker_lists()
    return frozenset({*lists["perfect_haben"], *lists["perfect_sein"]})


def _participle_form(token) -> bool:
    """A participle by morphology, or a verb form that is not its lemma and ends like one
    ("erwartet", which the model reads as finite after "hätten"); not after "zu"."""
    if "Part" in token.morph.get("VerbForm"):
        return True
    form = token.lower_
    return (
        token.pos_ == "VERB"
        and form != token.lemma_.lower()
        and re.fullmatch(r"\w+t|\w*ge\w+en", form) is not None
        and not _after_zu(token)
    )


def _after_zu(token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].lower_ == "zu"


def _looks_present(token) -> bool:
    """A verb the model calls past whose form is a present one of its lemma: the infinitive
    ("folgen": plural present) or the stem with -t/-et ("schickt", "arbeitet"); weak
    "folgten", strong "stiegen", "hielt" differ from them."""
    form, lemma = token.lower_, token.lemma_.lower()
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1] if lemma.endswith("n") else ""
    if form == lemma and form.endswith(("en", "t")):
        return True  # "befasst" unknown to the lemmatizer: a preterite has -te, or is common
    return bool(stem) and form in (stem + "t", stem + "et")


def _planned(word: str) -> bool:
    """A participle of a planned event ("geplant", "angekündigten"; ``planned_participle``)."""
    return word.startswith(_marker_lists()["planned_participle"])


def _word_tenses(text: str) -> set[str | None]:
    return {_tense_markers().get(word) for word in re.findall(r"\w+", text)}


# "hätte … stattfinden sollen": an infinitive and a modal in the infinitive close the clause
# (the model often reads the modal as finite and leaves the infinitive without morphology)
ERSATZ_INFINITIVE = re.compile(r"\b\w+en\s+(?:sollen|können|müssen|dürfen|wollen|lassen)\b")


def sentence_tense(sentence: Span) -> str:
    """``"past"``, ``"future"`` or ``"present"`` of a sentence.

    Uses the pipeline's morphology when it has one (Tense=Past on a finite verb; a finite
    form of "werden" with an infinitive for the future; haben/sein with a participle for the
    perfect), otherwise the word list ``time/tense_markers.txt``.
    """
    doc = sentence.doc
    if doc.has_annotation("MORPH") and doc.has_annotation("TAG"):
        lists = _marker_lists()
        finite = [t for t in sentence if _finite(t)]
        if not finite and any(map(_preterite_read_as_adjective, sentence)):
            return "past"  # "Nach dem Hauptbeben registrierten Seismologen 40 Nachbeben"
        participles = [
            t
            for t in sentence
            if "Part" in t.morph.get("VerbForm")
            or ("Past" in t.morph.get("Tense") and not t.morph.get("Mood"))  # "gestürzt"
        ]
        infinitive = any("Inf" in t.morph.get("VerbForm") for t in sentence)
        conditional = [t for t in finite if _konjunktiv_two(t)]
        if conditional:  # "hätte … stattfinden sollen" lies behind, "wäre am Samstag" ahead
            counterfactual = (infinitive or ERSATZ_INFINITIVE.search(sentence.text)) and any(
                t.lower_.startswith(("hät", "wär")) for t in conditional
            )
            behind = participles or any(
                _participle_form(t) for t in sentence if t not in conditional
            )
            return "past" if behind or counterfactual else "present"
        words = {t.text.lower() for t in finite}
        if words & set(lists["modal"]) and _modal_perfect().search(sentence.text):
            return "past"  # "soll am Freitag in Berlin gewesen sein"
        if words & set(lists["perfect_haben"]) and ERSATZ_INFINITIVE.search(sentence.text):
            return "past"  # "habe am Mittwoch 22 Verbindungen streichen müssen"
        if infinitive and words & set(lists["future_auxiliary"]):
            return "future"
        planned = any(_planned(p.lower_) for p in participles)
        if planned and words & {*lists["perfect_sein"], *lists["future_auxiliary"]}:
            return "future"  # "ist für Mitte September angekündigt", "wird … geplant"
        scheduled = any(p.lower_.startswith(lists["scheduled_participle"]) for p in participles)
        if scheduled and words & set(lists["perfect_auxiliary"]):
            return "future"  # "hat bis Ende Juni 21 Verhandlungstage angesetzt"
        if any(
            ("Past" in t.morph.get("Tense") and not _looks_present(t))
            or _preterite_read_as_infinitive(t)
            for t in finite
        ):
            return "past"
        if any(_tense_markers().get(t.lower_) == "past" for t in finite):
            return "past"  # a strong preterite the model reads as present ("flog", "maß")
        perfect = _perfect().search(sentence.text) or _final_perfect().search(sentence.text)
        # the participle the model reads as an adjective ("ist … betroffen") is the last
        # word of the perfect's pattern
        forms = [p.lower_ for p in participles] or (
            [re.findall(r"\w+", perfect[0])[-1].lower()] if perfect else []
        )
        if (
            words & set(lists["perfect_auxiliary"])
            and (participles or perfect)
            and not _state_passive(words, forms)
        ):
            return "past"  # the model marks few participles: "hat … beschlossen." still is
        if PERFECT_INFINITIVE.search(sentence.text):
            return "past"
        # the model marks few infinitives: a future marker of the word list still looks ahead
        return "future" if "future" in _word_tenses(sentence.text) else "present"
    text = sentence.text
    tenses = _word_tenses(text)
    if "future" in tenses:  # reported plans ("sagte, er werde am Montag …") look ahead
        return "future"
    if "past" in tenses or _perfect().search(text):
        return "past"
    return "present"


# an inflected participle II: "zurückgetretenen", "präsentierten", "beschlossene"
ATTRIBUTIVE_PARTICIPLE = re.compile(r"[a-zäöü]\w+(?:t|en)(?:e|en|er|es|em)")


def _attributive_participle(sentence: Span, end: int) -> str | None:
    """The tense an attributive participle right after a date gives it: "des am Montag
    zurückgetretenen Chefs" (past), "die für Montag geplanten Gespräche" (future); None when
    no participle and noun follow."""
    after = [t for t in sentence if t.idx >= end][:2]
    if len(after) < 2 or not after[1].text[:1].isupper() or after[1].is_punct:
        return None
    word = after[0].text
    if not ATTRIBUTIVE_PARTICIPLE.fullmatch(word):
        return None
    if _planned(word):
        return "future"
    if "Part" in after[0].morph.get("VerbForm") or re.match(r"\w*ge\w+(?:t|en)e", word):
        return "past"
    weak = re.fullmatch(rf"{PARTICIPLE}(?:e|en|er|es|em)", word)
    if weak and not re.search(r"end\w{1,2}$", word):
        return "past"  # "einer am Freitag veröffentlichten Umfrage"; not "beginnenden"
    return None


def _after_plan(before: Span, clause: Span) -> bool:
    """A zu-infinitive or dass-clause after a verb that announces, plans or promises
    (``plan_verb``): "kündigte an, im Herbst einen Band herauszubringen"."""
    stems = _marker_lists().get("plan_verb", ())
    if not any(t.lower_.startswith(stems) for t in before):
        return False
    words = [t.lower_ for t in clause]
    prospective = "zu" in words or any(re.fullmatch(r"\w+zu\w+en", w) for w in words[-2:])
    return bool(words) and (words[0] == "dass" or prospective)


def _plan_before_infinitive(clause: Span, start: int, end: int) -> bool:
    """A plan verb before the expression and its zu-infinitive after it in one clause, where
    the writer left out the comma: "hatte angekündigt bei der Wahl im September anzutreten"."""
    stems = _marker_lists().get("plan_verb", ())
    before = [t for t in clause if t.idx + len(t) <= start]
    after = [t.lower_ for t in clause if t.idx >= end and not t.is_punct]
    # a finite "kündigte" waits for its particle ("kündigte im März an, …"): the expression
    # then belongs to the announcing
    plans = [t for t in before if t.lower_.startswith(stems) and not t.lower_.startswith("kündig")]
    if not after or not plans:
        return False
    return re.fullmatch(r"\w+zu\w+en", after[-1]) is not None or (
        len(after) > 1 and after[-2] == "zu"
    )


def _waits_for_verb(clause: Span, rest: Span) -> bool:
    """Whether a clause holds only a finite auxiliary (haben, sein, werden, a modal) with no
    verb of its own while the next stretch up to a boundary that has a verb (short ones without
    any may stand in between) has no finite one."""
    lists = _marker_lists()
    auxiliaries = {*lists["perfect_auxiliary"], *lists["perfect_haben"], *lists["future_auxiliary"]}
    finite = [t for t in clause if _finite(t)]
    if not finite or any(t.lower_ not in auxiliaries for t in finite):
        return False
    if any(t.pos_ in ("VERB", "AUX") and not _finite(t) for t in clause):
        return False
    stretch: list = []
    for token in [*rest, None]:
        if token is not None and token.text not in CLAUSE_BOUNDARIES:
            stretch.append(token)
            continue
        verbs = [t for t in stretch if t.pos_ in ("VERB", "AUX")]
        if verbs or len(stretch) > PARENTHESIS_TOKENS:
            return bool(verbs) and not any(map(_finite, verbs))
        stretch = []  # "habe ich Herrn X – für Wohnungswesen zuständig – angesprochen"
    return False


PARENTHESIS_TOKENS = 8  # a stretch without a verb up to this long may stand in between


CLAUSE_BOUNDARIES = frozenset({",", ";", ":", "–", "—", "(", ")"})
# "aber" and "doch" inside a clause are mostly adverbs ("haben wir am Mittwoch aber …
# erlebt"); as conjunctions they follow a comma, which bounds the clause already
COORDINATORS = frozenset({"und", "oder"})


def _conjunct(clause: Span, start: int) -> Span:
    """Of clauses joined by "und", "oder", "aber" …, each with a finite verb of its own, the
    one holding the character ``start``: in "Sie haben die Rechner heruntergefahren und
    wollen sie am Montag starten" Monday looks ahead; the whole clause otherwise."""
    cuts = [t.i for t in clause if t.lower_ in COORDINATORS]
    if not cuts:
        return clause
    doc = clause.doc
    bounds = [clause.start, *cuts, clause.end]
    parts = [doc[a + (a in cuts) : b] for a, b in pairwise(bounds)]
    if not all(any(map(_finite, part)) for part in parts):
        return clause
    return next((part for part in parts if part.start_char <= start < part.end_char), clause)


def _temporal_als(clause: Span) -> bool:
    """A clause opened by temporal "als" with its verb at the end tells the past ("Als die
    Regierungschefs am Freitagmorgen auseinandergingen, …"); "schneller als erwartet" and
    "als Präsident" are no such clause."""
    words = [t for t in clause if not t.is_punct]
    if len(words) < 3 or words[0].lower_ != "als":
        return False
    return words[1].pos_ in ("DET", "PRON", "PROPN", "NOUN") and words[-1].pos_ in ("VERB", "AUX")


def _wie_participle(clause: Span) -> bool:
    """A "wie" clause of a participle alone reports what has been done ("Wie bereits am
    Samstag berichtet, …", "wie am Montag angekündigt")."""
    words = [t for t in clause if not t.is_punct]
    return (
        len(words) >= 2
        and words[0].lower_ == "wie"
        and "Part" in words[-1].morph.get("VerbForm")
        and not any(map(_finite, words))
    )


def _clause_bounds(sentence: Span, start: int, end: int) -> tuple[int, int]:
    """Token bounds of the clause around the characters ``start:end`` (between commas,
    colons, dashes or brackets)."""
    first, last = sentence.start, sentence.end
    for token in sentence:
        if token.text in CLAUSE_BOUNDARIES:
            if token.idx + len(token) <= start:
                first = token.i + 1
            elif token.idx >= end:
                last = token.i
                break
    return first, last


PLUPERFECT_AUXILIARIES = frozenset(
    {"hatte", "hatten", "hattest", "hattet", "war", "waren", "warst", "wart"}
)


def is_pluperfect(sentence: Span, start: int, end: int) -> bool:
    """Whether the clause around the characters ``start:end`` is in the pluperfect ("hatten
    am Freitag … eingerichtet"): background before the day the news is about."""
    first, last = _clause_bounds(sentence, start, end)
    clause = sentence.doc[first:last]
    auxiliary = any(t.lower_ in PLUPERFECT_AUXILIARIES and t.pos_ == "AUX" for t in clause)
    return auxiliary and any(_participle_form(t) for t in clause)


def clause_tense(sentence: Span, start: int, end: int, whole: str | None = None) -> str:
    """The tense of the clause around the characters ``start:end`` of a sentence (between
    commas, colons, dashes or brackets) when it has a finite verb of its own
    (the pipeline's morphology), else the tense of the whole sentence (``whole`` when the
    caller has it already): in "Die Arbeiten sollen im April beginnen, eröffnet wurde das
    Bad 1970" April looks ahead."""
    doc = sentence.doc
    attribute = _attributive_participle(sentence, end)
    if attribute is not None:
        return attribute
    first, last = _clause_bounds(sentence, start, end)
    while last < sentence.end and _waits_for_verb(doc[first:last], doc[last + 1 : sentence.end]):
        # "Am Montag hat in Wien, Niederösterreich und dem Burgenland die Schule begonnen":
        # an auxiliary's participle or infinitive lies beyond the comma of an enumeration
        last = next(
            (t.i for t in doc[last + 1 : sentence.end] if t.text in CLAUSE_BOUNDARIES),
            sentence.end,
        )
    clause = doc[first:last]
    if first > sentence.start and _after_plan(doc[sentence.start : first], clause):
        return "future"
    if _plan_before_infinitive(clause, start, end):
        return "future"
    if _temporal_als(clause) or _wie_participle(clause):
        return "past"
    if doc.has_annotation("MORPH"):
        clause = _conjunct(clause, start)
    if doc.has_annotation("MORPH") and len(clause) < len(sentence) and any(map(_finite, clause)):
        return sentence_tense(clause)
    return whole if whole is not None else sentence_tense(sentence)
