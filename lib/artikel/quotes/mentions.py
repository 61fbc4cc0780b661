"""Possible speakers of one article: names, role and organisation noun phrases, pronouns."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..canonical import Mention as EntityMention
from ..canonical import canonicalize
from ..names import gender_by_ending, noun_form, noun_kinds
from .lexicon import CAPITAL_START, gender_of_first_name, gender_of_name
from .types import Mention


class MentionFinder:
    """Finds the mentions a quote can be attributed to (a part of ``QuoteArticle``)."""

    def _names(self, mentions: list[EntityMention]) -> list[Mention]:
        """Names from the entity layer (also when it found none: the names it rejected are no
        speakers either); without NER in the pipeline, capitalised words (``_guessed_names``)."""
        found = []
        if mentions or self.doc.has_annotation("ENT_IOB"):
            for m in mentions:
                found.append(
                    Mention(m.start, m.end, m.text, "name", label=m.label, canonical=m.canonical)
                )
        else:
            found = self._guessed_names()
            self._canonicalise(found)
        for m in found:
            if m.label in ("PER", ""):
                m.gender = gender_of_name(m.canonical)
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
                and noun_form(doc[start - 1].lower_, lex.roles) != ""
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
        return gender_of_first_name(t.text) != "x"

    def _name_word(self, t: Token) -> bool:
        if not t.text[:1].isupper() or (not t.is_alpha and "-" not in t.text):
            return False
        if t.is_stop or t.lower_ in self.lex.np_words or t.lower_ in self.lex.pronouns:
            return False
        lower = t.lower_
        return not (noun_form(lower, self.lex.roles) or noun_form(lower, self.lex.organisations))

    def _canonicalise(self, names: list[Mention]) -> None:
        """Canonical names of guessed names by the entity layer's rules (``canonicalize``):
        nominative, fullest form in the article ("Trumps" → "Donald Trump")."""
        entities = []
        for m in names:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            tokens = [t.text for t in span] if span is not None else m.text.split()
            entities.append(EntityMention(m.start, m.end, m.label or "PER", m.text, tokens=tokens))
        canonicalize(entities, self.doc)
        for m, entity in zip(names, entities, strict=True):
            m.canonical = m.canonical or entity.canonical

    def _noun_mentions(self) -> list[Mention]:
        """Role and organisation noun phrases: determiner, adjectives, noun, genitive."""
        doc, lex = self.doc, self.lex
        found = []
        candidates = [
            (kind, token)
            for token in doc
            if token.text[:1] in CAPITAL_START
            for kind in sorted(noun_kinds(token.lower_), reverse=True)  # ROLE before ORG
        ]
        for kind, token in candidates:
            start = token.i
            if self.in_marks[start]:
                continue
            table = lex.roles if kind == "ROLE" else lex.organisations
            form = noun_form(token.lower_, table)
            if not form or any(m.start <= token.idx < m.end for m in self.names):
                continue  # part of a name
            if self._name_after(start) is not None:
                continue  # a title: "US-Präsident Donald Trump" is a mention of the name
            if self._attributive(token):
                continue  # "die 16-jährige Schülerin": an adjective, the noun follows
            left = start
            while left > 0 and self._adjective(doc[left - 1]):
                left -= 1
            determiner = ""
            if left > 0 and lex.np_words.get(doc[left - 1].lower_) == "determiner":
                left -= 1
                determiner = doc[left].lower_
            info = table[form][1]
            predicative = not determiner and left > 0 and doc[left - 1].lower_ == "als"
            governed = (
                self._preposition_at(left - 1)
                or predicative  # "hatte als Zeuge ausgesagt": a role, not the subject
                or "oblique" in lex.determiners.get(determiner, ())
                or (determiner == "der" and self._feminine_or_plural(kind, info, table[form][0]))
            )
            right = self._complement_end(start + 1)
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

    @staticmethod
    def _feminine_or_plural(kind: str, info: str, nominative: str) -> bool:
        """A role noun for women or for several people, or an organisation noun of feminine
        gender (``gender_by_ending``): after "der" it is dative or genitive, never a subject
        ("Der Zeitung sagte X", "der Sprecherin zufolge")."""
        if kind == "ROLE":
            return info in ("f", "p")
        return gender_by_ending(nominative) in ("Fem", "Plur")

    def _nominative_adjective(self, t: Token, determiner: str) -> str:
        """ "indischen" after a definite article → "indische" (weak declension); "" for
        anything that is not an adjective."""
        if not self._adjective(t) or self.lex.np_words.get(t.lower_):
            return ""
        if "definite" in self.lex.determiners.get(determiner, ()) and t.text.endswith("en"):
            return t.text[:-1]
        return t.text

    def _preposition_at(self, i: int) -> bool:
        """Token i is a preposition (``noun_phrase_words.txt``); False outside the text."""
        return 0 <= i < len(self.doc) and self.lex.np_words.get(self.doc[i].lower_) == "preposition"

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
        # "der britischen BBC": after "der" an adjective in -en is dative or genitive (the
        # nominative is "der britische")
        adjectives = self.doc[k + 1 : token.i]
        oblique_der = before.lower_ == "der" and len(adjectives) > 0
        oblique_der = oblique_der and all(t.lower_.endswith("en") for t in adjectives)
        return (
            before.text == "("
            or role == "preposition"
            or "oblique" in self.lex.determiners.get(before.lower_, ())
            or oblique_der
            or self._oblique_noun_before(k)
        )

    def _oblique_noun_before(self, k: int) -> bool:
        """Token k is a noun of the lists in a dative or genitive phrase, which the name after
        it stands in apposition to ("sagte dem Sender CNN", "der Nachrichtenagentur AFP"):
        after "dem", "den", "des", or after "der" when the noun is feminine."""
        noun = self.doc[k]
        if not noun.text[:1].isupper() or not noun_kinds(noun.lower_):
            return False
        j = k - 1
        while j >= 0 and self._adjective(self.doc[j]):
            j -= 1
        if j < 0:
            return False
        article = self.doc[j].lower_
        if "oblique" in self.lex.determiners.get(article, ()):
            return True
        return article == "der" and gender_by_ending(noun.text) == "Fem"

    def _nominative(self, token: Token, table: dict) -> str:
        """A role or organisation noun in nominative singular: "US-Präsidenten" →
        "US-Präsident" (the compound's first part kept as written)."""
        form = noun_form(token.lower_, table)
        if not form:
            return token.text
        nominative = table[form][0]
        stem = token.text[: len(token.text) - len(form)]
        head = stem + (nominative.lower() if stem and stem[-1] != "-" else nominative.capitalize())
        return head[:1].upper() + head[1:]

    def _name_after(self, i: int) -> Mention | None:
        """A name right after token i, skipping titles ("Präsidentin Dr. Helga Rabl-Stadler")
        and, after an adjectival role word, the role noun it qualifies ("Vorsitzende Richterin
        Claudia Wendt")."""
        doc = self.doc
        j = i + 1
        if j < len(doc) and self._adjectival_role(doc[i]) and self._role_word(doc[j]):
            j += 1
        while j < len(doc) and self.lex.np_words.get(doc[j].lower_) == "abbreviation":
            j += 1
        if j >= len(doc) or not doc[i].whitespace_:
            return None
        return next((m for m in self.names if m.start == doc[j].idx), None)

    def _attributive(self, t: Token) -> bool:
        """A hyphenated adjective before a role noun or a name ("16-jährige" in "die
        16-jährige Schülerin"): lower case after its last hyphen; the mention is what follows.
        Before a noun no list knows, it stays the mention ("die 56-jährige Angestellte")."""
        last = t.text.rsplit("-", 1)[-1]
        if "-" not in t.text or not last[:1].islower() or t.i + 1 >= len(self.doc):
            return False
        following = self.doc[t.i + 1]
        named = any(m.start == following.idx for m in self.names)
        return named or self._role_word(following)

    def _role_word(self, t: Token) -> bool:
        """A capitalised role noun ("Richterin", "SPD-Chef")."""
        return t.text[:1].isupper() and bool(noun_form(t.lower_, self.lex.roles))

    def _adjectival_role(self, t: Token) -> bool:
        """A role word of adjectival declension ("Vorsitzende", "Vorsitzender"): its weak form
        has no gender of its own (gender x in person_nouns.txt)."""
        form = noun_form(t.lower_, self.lex.roles)
        if not t.text[:1].isupper() or not form:
            return False
        weak = form[:-1] if form.endswith(("er", "en")) else form
        return self.lex.roles.get(weak, ("", ""))[1] == "x"

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
        """An attributive adjective: by tag when the pipeline has one (also a place adjective
        in -er the tagger calls a proper noun: "der Frankfurter Anwalt"), else a lower-case
        word with an adjective ending that is no function word and no listed verb form."""
        if self.has_pos and t.pos_:
            return t.pos_ == "ADJ" or (t.dep_ == "amod" and t.text.endswith("er"))  # "Frankfurter"
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
            if token.lower_ in self.lex.demonstrative and not self._before_speech_verb(start):
                continue  # "Diese Entscheidung …": a determiner
            found.append(
                Mention(
                    token.idx,
                    token.idx + len(token.text),
                    token.text,
                    "pronoun",
                    gender="p" if self._plural_sie(token) else self.lex.pronouns[token.lower_],
                )
            )
        return found

    @staticmethod
    def _plural_sie(token: Token) -> bool:
        """ "sie" for several ("Sie forderten", "forderten sie"): the finite verb it is the
        subject of is plural by the model's morphology or by its form (the pronoun's own
        number is unsure there, and the model may call "riefen" singular)."""
        if token.lower_ != "sie" or not token.dep_.startswith("nsubj"):
            return False
        head = token.head
        finite = head if head.morph.get("Mood") else next(
            (c for c in head.children if c.dep_ == "aux" and c.morph.get("Mood")), None
        )
        if finite is None:
            return "Plur" in head.morph.get("Number")
        # a finite form in -en, -ern, -eln is plural whatever the model says ("Sie riefen")
        return "Plur" in finite.morph.get("Number") or finite.lower_.endswith(("en", "rn", "ln"))

    def _before_speech_verb(self, i: int) -> bool:
        """A singular speech verb follows token i ("Diese bestätigte, …")."""
        if i + 1 >= len(self.doc):
            return False
        verb = self.doc[i + 1]
        return verb.text in self.lex.verb_forms and "Plur" not in verb.morph.get("Number")

    def _role_links(self) -> list[tuple[int, str, str, str]]:
        """(offset, role word, canonical name, gender) for every role noun written right
        before a name ("US-Präsident Donald Trump", "Trumps Sprecherin Sarah Sanders")."""
        doc, lex = self.doc, self.lex
        links = []
        for t in doc:
            if not t.text[:1].isupper() or self.in_marks[t.i]:
                continue
            form = noun_form(t.lower_, lex.roles)
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
