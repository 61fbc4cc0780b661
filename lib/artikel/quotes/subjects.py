"""The mention that names a cue's source: the subject of the speech verb, also when the
parse misses it (a subject before a comma, an apposition, a quoted title, a relative clause)."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from ..names import noun_form, noun_kinds
from .lexicon import is_evidence, verb_lemmas
from .types import Mention

SPACES = re.compile(r"\s*")


class SubjectFinder:
    """The mention of a cue's source in its sentence; a part of ``QuoteArticle``."""

    def mentions_in(self, start_char: int, end_char: int) -> list[Mention]:
        return [m for m in self.mentions if m.start >= start_char and m.end <= end_char]

    def subject_of(self, verb: int, *, after_first: bool = False) -> Mention | None:
        """The speaker mention of the speech verb at token ``verb`` (``_subject``); for a role
        with a name in apposition ("sagte der Sprecher des Ministeriums, Thomas Berger"),
        the name, as GUIDELINES.md's mention is the span that names the source."""
        found = (
            self._subject(verb, after_first=after_first)
            or self._shared_subject(verb)
            or self._body_agent(verb)
        )
        if found is not None and found.kind == "role":
            return self._apposition_name(found) or found
        return found

    def _shared_subject(self, verb: int) -> Mention | None:
        """The subject of the first of two verbs joined by "und" that share it ("Die
        Ärztekammer begrüßt den Beschluss und warnt zugleich vor …")."""
        token = self.doc[verb]
        if not self.has_parse or token.dep_ != "conj":
            return None
        head = token.head  # the parse may hang the second verb on the first one's object
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.i >= verb or head.pos_ not in ("VERB", "AUX"):
            return None
        c_start, c_end = self._clause_start(verb), self._clause_end(verb)
        if any(c.dep_.startswith("nsubj") and c_start <= c.i < c_end for c in token.children):
            return None  # a subject of its own the rules did not take
        if not any(t.lower_ == "und" for t in self.doc[head.i + 1 : verb]):
            return None
        return self._subject(head.i)

    def _body_agent(self, verb: int) -> Mention | None:
        """A speech verb without a subject: the body after aus/von/bei in its clause is the
        source ("verlautete aus SPÖ-Kreisen", "Aus Parteikreisen verlautete", "wurde von der
        Polizei mitgeteilt")."""
        doc = self.doc
        c_start, c_end = self._clause_start(verb), self._clause_end(verb)
        for j in range(c_start, c_end):
            if j == verb or not self._has_role(doc[j], "body_preposition"):
                continue
            if j > c_start and self.lex.np_words.get(doc[j - 1].lower_) == "determiner":
                continue  # inside the subject: "der vom Gericht bestellte Sachwalter"
            end = verb if j < verb else c_end
            if end > j + 1:
                last = doc[end - 1]
                mentions = self.mentions_in(doc[j].idx, last.idx + len(last))
                return self._body_before_place(mentions, j, end)
        return None

    def _subject(self, verb: int, *, after_first: bool = False) -> Mention | None:
        """The subject mention of the speech verb at token ``verb``.

        With a parse: the mention holding the verb's (or its auxiliary head's) subject. Else
        the V2 rule: a mention that opens the clause before the verb is the subject; otherwise
        (fronted adverbial, inverted "sagte er") the first mention after the verb; a clause
        without one (after a relative clause: "X, der …, sagte") takes the sentence's first
        mention. Places (LOC) are taken only when nothing else fits.
        """
        doc = self.doc
        c_start, c_end = self._clause_start(verb), self._clause_end(verb)
        sentence = self.sentence_at(verb)
        if c_end < sentence.end and self._named_tail(verb, c_end, sentence):
            c_end = sentence.end  # "…, schreibt die «NZZ».": the quoted name is the subject
        if (spoken := self._object_speaker(verb, c_end)) is not None:
            return spoken
        if (relative := self._relative_subject(c_start, verb)) is not None:
            return relative
        unlisted = None  # a subject noun that no list knows ("das Blatt", "Pendler")
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
                        found = self._possessed(self._mention_at(child))
                        if found is None and (titled := self._title_after_article(child)):
                            return titled  # the article of a title: "Der „Standard“ fragt"
                        if found is not None and not self._weak(found) and not found.governed:
                            if child.i > verb == c_start:
                                # "Der Beauftragte, Peter Lauterbach, nennt sie „…“", "…,
                                # Hannes Grüner, sagte der Austria Presse Agentur": the
                                # subject stands before the comma, the parse's is an object
                                return self._fronted_subject(c_start) or found
                            return found
                        if (found is None or self._weak(found)) and unlisted is None:
                            # "Ein Taxifahrer in Köln meinte": the place is no subject
                            unlisted = self._noun_subject(child)
                            if unlisted is not None and self.in_marks[child.i]:
                                return unlisted  # a quoted title: "urteilt die „Welt“"
                    elif (
                        child.dep_ == "nsubj"
                        and self._quoted_before(child, c_start, sentence)
                        and (titled := self._noun_subject(child)) is not None
                    ):
                        return titled  # "Die „Presse“ nennt Van der Bellen …"
                    elif (
                        child.dep_ == "nsubj"
                        and sentence.start <= child.i < c_start
                        and (early := self._subject_before_clause(child, c_start, sentence))
                        is not None
                    ):
                        return early
        verb_start = doc[verb].idx
        titled = self._title_in(verb, min(verb + 5, sentence.end), right_after=True)
        if titled is not None:
            return titled  # "…“, schreibt die „Presse“", "fordert die „Bild“ auf …"
        clause_end_char = doc[c_end - 1].idx + len(doc[c_end - 1])
        after = [
            m
            for m in self.mentions_in(verb_start, clause_end_char)
            if m.start > verb_start and not m.governed
        ]
        before = [m for m in self.mentions_in(doc[c_start].idx, verb_start) if not m.governed]
        strong_after = [m for m in after if not self._weak(m)]
        if (
            unlisted is not None
            and unlisted.kind == "role"  # people: "die Polizisten", not "die Aktion"
            and verb_lemmas(doc[verb].text, self.lex)
            and (
                (unlisted.end <= verb_start and self._opens_clause(unlisted, c_start))
                or (unlisted.start > verb_start and self._indefinite(unlisted) and not after)
            )
        ):
            # "Die Polizisten forderten die Lehrer auf": the parse's subject; after the verb
            # a new person: "„…“, meinte ein Rentner aus Wetzlar"
            return unlisted
        if (
            before
            and not after_first
            and self._opens_clause(before[0], c_start)
            and (not self._weak(before[0]) or not strong_after)
        ):
            return self._widest(before, before[0])
        fronted = not before and not after_first and verb == c_start
        if fronted and (subject := self._fronted_subject(c_start)) is not None:
            return subject
        for group in (after, list(reversed(before))):
            strong = [m for m in group if not self._weak(m)]
            if strong:
                return strong[0]
        if c_start > sentence.start:
            earlier = self.mentions_in(sentence.start_char, doc[c_start].idx)
            if earlier and self._opens_clause(earlier[0], sentence.start):
                return self._widest(earlier, earlier[0])
        if after:
            return after[0]
        return before[-1] if before else unlisted

    def _possessed(self, mention: Mention | None) -> Mention | None:
        """For a possessor before a titled name ("Trumps Sprecherin Sarah Sanders",
        "Brandenburgs Ministerpräsident Dietmar Woidke"), the name; else the mention."""
        if mention is None or mention.kind != "name":
            return mention
        title = self.token_at(mention.end + 1)
        if title is None or title.idx != mention.end + 1 or not self._role_word(title):
            return mention
        return self._name_after(title.i) or mention

    def _title_in(self, start: int, end: int, *, right_after: bool = False) -> Mention | None:
        """A quoted title after an article among tokens start..end ("Der «Blick»", "die
        „tageszeitung“"; with ``right_after`` the article is token start + 1: "schreibt die
        „Presse“"): an outlet that speaks. Not quoted words of up to three words that open
        with an adjective or a verb ("lobt die „frischen“ Ideen")."""
        doc = self.doc
        for k in range(start + 1, end):
            if self.in_marks[k] and not doc[k].is_quote and doc[k].is_alpha:
                article = k - 2 if doc[k - 1].is_quote else k - 1
                if self.lex.np_words.get(doc[article].lower_) != "determiner":
                    return None
                if right_after and (
                    article != start + 1
                    or doc[article].lower_ == "dem"
                    or "Dat" in doc[article].morph.get("Case")
                ):
                    return None  # "sagte dem «Blick»:" names whom it was said to
                title = self._quoted_title(doc[k])
                if len(title.canonical.split()) > 3 or doc[k].pos_ in ("ADJ", "ADV", "VERB"):
                    return None
                return title
        return None

    def _quoted_title(self, token: Token) -> Mention:
        """The quoted title a token belongs to, with its marks, as an organisation ("die
        konservative „La Nación“": the mention is „La Nación“)."""
        left, right = token.i, token.i + 1
        while left > 0 and self.in_marks[left - 1]:
            left -= 1
        while right < len(self.doc) and self.in_marks[right]:
            right += 1
        phrase = self.doc[left:right]
        canonical = "".join(t.text_with_ws for t in phrase if not t.is_quote).strip()
        return Mention(phrase.start_char, phrase.end_char, phrase.text, "org", canonical=canonical)

    def _quoted_before(self, token: Token, c_start: int, sentence) -> bool:
        """The token stands in the sentence before the clause, separated from it only by a
        quoted title it belongs to ("Die „Presse“ nennt": the marks end the clause before)."""
        between = self.doc[token.i + 1 : c_start]
        return (
            sentence.start <= token.i < c_start
            and self.in_marks[token.i]
            and all(t.is_quote or self.in_marks[t.i] for t in between)
        )

    def _noun_subject(self, noun: Token) -> Mention | None:
        """The parse's subject of a cue as a speaker when no list knows its noun: a group of
        people in the plural ("Pendler klagen"), a masculine person noun ("sagt der
        Norweger") as a role, anything else as an organisation ("schreibt das Blatt", "Die
        „Presse“ nennt"); not evidence nouns ("Studien zufolge") and no pronouns."""
        if noun.pos_ not in ("NOUN", "PROPN") or not noun.text[:1].isupper():
            return None
        if is_evidence(noun.text, self.lex):
            return None
        if self.in_marks[noun.i]:
            return self._quoted_title(noun)
        left = noun.i
        while left > 0 and left > noun.left_edge.i:
            before = self.doc[left - 1]
            if not (
                self.lex.np_words.get(before.lower_) == "determiner"
                or self._adjective(before)
                or before.is_quote
                or (before.pos_ == "PROPN" and before.text[:1].isupper())
            ):
                break
            left -= 1
        right = self._complement_end(noun.i + 1)
        phrase = self.doc[left:right]
        determiner = self.lex.determiners.get(phrase[0].lower_, frozenset())
        if "oblique" in determiner or self._preposition_at(left - 1):
            return None  # "Dem Niederländer wird vorgeworfen": no subject, whatever the parse
        words = phrase[1:] if determiner else phrase
        canonical = "".join(t.text_with_ws for t in words if not t.is_quote).strip()
        if len(phrase) == 1:  # "Bischof betonte" after "Gerichtspräsident Urs Bischof"
            named = {
                m.canonical: m
                for m in self.names
                if m.label in ("PER", "")
                and m.end <= noun.idx
                and m.canonical.endswith(" " + noun.text)
            }
            if len(named) == 1:
                person = next(iter(named.values()))
                return replace(person, start=noun.idx, end=noun.idx + len(noun), text=noun.text)
        number, gender = noun.morph.get("Number"), noun.morph.get("Gender")
        if "Plur" in number:
            kind, person_gender = "role", "p"
        elif "Masc" in gender and noun.pos_ == "NOUN":
            kind, person_gender = "role", "x"
        elif "Fem" in gender and noun.pos_ == "NOUN" and noun.lower_.endswith("in"):
            kind, person_gender = "role", "f"  # "eine Stammgästin": a feminine person noun
        else:
            kind, person_gender = "org", "x"
        return Mention(
            phrase.start_char,
            phrase.end_char,
            phrase.text,
            kind,
            canonical=canonical,
            gender=person_gender,
            head=noun.lower_,
        )

    def _object_speaker(self, verb: int, c_end: int) -> Mention | None:
        """The object of an active "zitiert" (``object_speaker_verbs.txt``): "Die Zeitung
        zitiert einen Augenzeugen mit den Worten: …"; None in the passive or without one."""
        doc = self.doc
        lemmas = verb_lemmas(doc[verb].text, self.lex)
        if not lemmas or not lemmas <= self.lex.object_speakers:
            return None
        clause = doc[self._clause_start(verb) : c_end]
        if any(t.lower_.startswith(("wird", "wurde", "werde", "worden")) for t in clause):
            return None  # "wird mit den Worten zitiert": the subject speaks
        # past a quoted name: "zitierte die Zeitung „Punch“ den Sprecher"
        c_end = max(c_end, self._clause_end(verb, over_quotes=True))
        last = doc[c_end - 1]
        after = self.mentions_in(doc[verb].idx + len(doc[verb]), last.idx + len(last))
        after = [m for m in after if not self._weak(m) and not self._after_preposition(m)]
        # "„…“, zitierte die Agentur Reuters eine Frau": the parse's subject after the verb
        # is the one who quotes
        objects = [m for m in after if not self._subject_of_verb(m, verb)]
        return next(iter(objects or after), None)

    def _subject_of_verb(self, m: Mention, verb: int) -> bool:
        """Whether the mention holds the parse's subject of the verb (or its apposition)."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        for token in span if span is not None and self.has_parse else ():
            head = token.head if token.dep_ == "appos" else token
            if head.dep_.startswith("nsubj") and head.head.i == verb:
                return True
        return False

    def _after_preposition(self, m: Mention) -> bool:
        """The mention follows a preposition ("mit den Worten", "in der Zeitung")."""
        token = self.token_at(m.start)
        return token is not None and self._preposition_at(token.i - 1)

    def _relative_subject(self, c_start: int, verb: int) -> Mention | None:
        """The relative pronoun that opens the cue's clause right after a name or role ("so
        Celebi, die auch angab, dass …"): the pronoun is the speaker mention, its antecedent
        the speaker."""
        doc = self.doc
        if c_start == 0 or c_start >= verb or doc[c_start - 1].text != ",":
            return None
        pronoun = doc[c_start]
        if not self._has_role(pronoun, "relative") or pronoun.lower_ not in ("der", "die"):
            return None
        before = [m for m in self.mentions if m.end <= doc[c_start - 1].idx]
        if not before or self.text[before[-1].end : doc[c_start - 1].idx].strip():
            return None
        antecedent = before[-1]
        if antecedent.kind not in ("name", "role"):
            return None
        return replace(
            antecedent, start=pronoun.idx, end=pronoun.idx + len(pronoun), text=pronoun.text
        )

    def _fronted_subject(self, c_start: int) -> Mention | None:
        """A verb that opens its clause right after a comma has its subject before the comma,
        at the start of the sentence or after "wie"/"als": "Der Vorsitzende des Verbands,
        Michael Knipper, kritisierte …", "Wie der Direktor des Amtes, Smith D., mitteilte, …"."""
        doc = self.doc
        sentence = self.sentence_at(c_start)
        if c_start <= sentence.start or doc[c_start - 1].text != ",":
            return None
        if not self._only_relative_verbs(sentence.start, c_start):
            return None  # "Er sei … geblieben, erklärt X": a report before, the subject after
        earlier = [
            m for m in self.mentions_in(sentence.start_char, doc[c_start].idx) if not m.governed
        ]
        start = sentence.start
        if earlier and self._has_role(doc[start], "as"):
            start += 1  # "Wie der Direktor …, mitteilte"
        if not earlier:
            return None
        # the apposition next to the verb names the source: "…, Michael Knipper, kritisierte",
        # also after a phrase no list knows ("Die Prozessbevollmächtigte des Landtags, X,")
        nearest = earlier[-1]
        apposition = nearest.kind == "name" and nearest.label == "PER"
        apposition = apposition and self._after_comma(nearest)
        if not self._opens_clause(earlier[0], start) and not apposition:
            return None
        if nearest.kind == "name" and self.text[nearest.end : doc[c_start].idx].strip() == ",":
            return nearest
        return self._widest(earlier, earlier[0])

    def _only_relative_verbs(self, start: int, c_start: int) -> bool:
        """Whether the words before the verb's clause hold no verb, or verbs only in a
        relative clause after the noun phrase that opens the sentence ("Justizministerin X,
        die Israel … nicht vertritt, sagte …"), whatever tag the model gave the pronoun."""
        doc = self.doc
        verbs = [t.i for t in doc[start:c_start] if t.pos_ in ("VERB", "AUX")]
        if not verbs:
            return True
        commas = [t.i for t in doc[start:c_start] if t.text == ","]
        if len(commas) < 2 or not self._has_role(doc[commas[0] + 1], "relative"):
            return False
        return commas[0] < verbs[0] and verbs[-1] < commas[1] and commas[1] == c_start - 1

    def _subject_before_clause(self, subject: Token, c_start: int, sentence) -> Mention | None:
        """The parse's subject of a verb whose clause starts after it: the quoted title its
        article opens ("Der „Standard“ fragt:"), or a subject cut off by a relative clause or
        a title in its phrase ("Ein Kurier, der …, sagte", "Ein Rezensent der „Zeit“")."""
        doc = self.doc
        if (
            all(
                self.in_marks[k] or doc[k].is_quote or self._adjective(doc[k])
                for k in range(subject.i + 1, c_start)
            )
            and (titled := self._title_after_article(subject)) is not None
        ):
            return titled
        if self._subject_cut_off(subject, c_start):
            return self._early_subject(subject, sentence)
        return None

    def _subject_cut_off(self, subject: Token, c_start: int) -> bool:
        """Whether only a relative clause ("Ein Kurier, der seit drei Jahren fährt,"; also
        after a name in apposition) or a quoted title in its noun phrase ("Ein Rezensent der
        „Zeit“") lies between the parse's subject and the clause of its verb."""
        doc = self.doc
        start = subject.i + 1
        while start < c_start and doc[start].pos_ == "PROPN" and doc[start].text[:1].isupper():
            start += 1  # a name in apposition: "Ihre Mutter Rosi Kolbinger, die …, erzählt"
        between = doc[start:c_start]
        if not len(between):
            return False
        relative = (
            between[0].text == ","
            and len(between) > 2
            and self._has_role(between[1], "relative")
            and between[-1].text == ","
        )
        phrase = all(
            t.is_quote or self.in_marks[t.i] or t.pos_ in ("DET", "ADJ", "NOUN", "PROPN")
            for t in between
        )
        return relative or (phrase and any(t.is_quote for t in between))

    def _early_subject(self, subject: Token, sentence) -> Mention | None:
        """The mention of a subject that opens its sentence: a name or role, or a noun no list
        knows."""
        found = self._possessed(self._mention_at(subject))
        if found is None or self._weak(found) or found.governed:
            found = self._noun_subject(subject)
        return found if found is not None and self._opens_clause(found, sentence.start) else None

    def _after_comma(self, name: Mention) -> bool:
        """A name right after a comma, or after a comma and its title phrase ("Ihr
        Verteidiger, der Frankfurter Anwalt Serkan Öztürk, …")."""
        comma = self.text.rfind(",", 0, name.start)
        if comma < 0:
            return False
        start = self._after_spaces(comma + 1)
        return name.start in (start, self._past_title_phrase(start))

    def _title_after_article(self, article: Token) -> Mention | None:
        """A quoted title whose article (and adjectives), or the organisation noun it names,
        the parse took for the subject, right before the verb ("Der „Standard“ fragt:", "Die
        Londoner „Times“ schreibt:", "Wie die Zeitung „El País“ schreibt, …")."""
        doc = self.doc
        place_adjective = article.text[:1].isupper() and article.text.endswith("er")
        outlet_noun = article.pos_ == "NOUN" and "ORG" in noun_kinds(article.lower_)
        if article.pos_ not in ("DET", "ADJ") and not place_adjective and not outlet_noun:
            return None  # the parse's subject: the article, an adjective, "Londoner", "Zeitung"
        mark = article.i + 1
        while mark < len(doc) and self._adjective(doc[mark]):
            mark += 1  # "Die Londoner „Times“", "Der konservative „Figaro“"
        if mark + 1 >= len(doc) or not doc[mark].is_quote:
            return None
        title = doc[mark + 1]
        if not self.in_marks[title.i] or not title.text[:1].isupper():
            return None
        return self._noun_subject(title)

    def _indefinite(self, m: Mention) -> bool:
        """A mention that opens with an indefinite article ("ein Rentner", "eine Kundin")."""
        words = m.text.split()
        return bool(words) and words[0].lower() in ("ein", "eine")

    def _after_spaces(self, offset: int) -> int:
        """The first character at or after ``offset`` that is no whitespace."""
        return SPACES.match(self.text, offset).end()

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
            possessive = "Yes" in t.morph.get("Poss") or t.dep_ == "det:poss"
            if possessive and t.i + 1 < first.i:
                continue  # a possessive before the noun: "Ihr Kollege Emre Şahin"
            if t.text[:1].isupper() and noun_form(t.lower_, self.lex.roles):
                continue
            if (
                t.i == first.i - 1
                and t.pos_ == "NOUN"
                and m.kind == "name"
                and m.label in ("PER", "ORG")
            ):  # a title or kind no list knows: "Die Erste Beigeordnete Martina Schäfer",
                continue  # "Der Wirtschaftsdachverband Economiesuisse"
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
            if all(noun_form(w.lower(), self.lex.roles) for w in words) and len(words) <= 2:
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
        titled = self._name_after(token.i)  # "Brandenburgs Ministerpräsident Dietmar Woidke"
        if titled is not None and titled in inside:
            return titled
        holding = [m for m in inside if m.start <= token.idx < m.end]
        return holding[0] if holding else inside[0]
