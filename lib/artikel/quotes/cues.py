"""Speech cues of one article: speech verbs with their clause bounds, source phrases."""

from __future__ import annotations

from .lexicon import (
    CLAUSE_END,
    NO_OBJECT,
    REPORT_AFTER,
    SENTENCE_END,
    STANCE,
    is_konjunktiv,
    source_words,
)


class CueFinder:
    """Speech verbs and source phrases (``laut``, ``zufolge``, ``nach Angaben``); a part of
    ``QuoteArticle``."""

    def _verb_cues(self) -> dict[int, tuple[str, int]]:
        """Speech verbs: token index -> (cue as written, index of the last cue token)."""
        doc, lex = self.doc, self.lex
        cues = {}
        for _, start, _ in self.matchers["verbs"](doc):
            if self.in_marks[start]:
                continue
            token = doc[start]
            previous = doc[start - 1] if start > 0 else None
            if (
                previous is not None
                and lex.np_words.get(previous.lower_) == "determiner"
                and previous.pos_ != "PRON"  # "die Ministerin, die betont hatte, …"
                and not (previous.is_sent_start and self._has_role(previous, "anaphoric_object"))
            ):
                continue  # "der bestätigten Fälle": a participle used as an adjective
            if previous is not None and previous.lower_ == "zu" and self._infinitive_subject(start):
                continue  # "Über Koalitionen zu sprechen, sei es zu früh": a subject, no report
            clause_end = self._clause_end(start)
            last = clause_end - 1
            beyond: int | None = None  # the clause end over quoted words, when a particle asks
            cue = None
            for lemma, particle in lex.verb_forms[token.text]:
                if lemma == STANCE:
                    cue = cue or self._stance_cue(start)
                    continue
                need = lex.verb_needs.get(lemma)
                if need == NO_OBJECT:
                    if self._has_object(start, last):
                        continue  # "fand einen Abschiedsbrief", "fand … statt": no opinion
                    need = None
                if need == REPORT_AFTER:
                    if self._has_object(start, last) or not self._report_after(last):
                        continue  # "hatte … gedroht, sollte …", "hält am Plan fest": no report
                    need = None
                needed = self._needed_word(start, last, need) if need else last
                if needed is None:
                    continue
                if particle and last > start and self._is_particle(doc[last], particle):
                    cue = (f"{token.text} {doc[last].text}", last)
                    break
                if particle and beyond is None:
                    # the particle may follow a quoted complement: "wies das als „Unsinn“ zurück"
                    beyond = self._clause_end(start, over_quotes=True) - 1
                if particle and beyond > last and doc[beyond].lower_ == particle:
                    cue = (f"{token.text} {doc[beyond].text}", beyond)
                    break
                if not particle and cue is None:
                    cue = (
                        (f"{token.text} {doc[needed].text}", last) if need else (token.text, start)
                    )
            if cue is not None:
                cues[start] = cue
        return cues

    def _infinitive_subject(self, verb: int) -> bool:
        """Whether a zu-infinitive opens its sentence as the subject of a Konjunktiv clause
        after the comma ("Über Koalitionen zu sprechen, sei es noch zu früh"), not as a
        purpose ("Um es klar zu sagen, …") or a complement."""
        doc = self.doc
        sentence = self.sentence_at(verb)
        end = self._clause_end(verb)
        if self._clause_start(verb) != sentence.start or doc[sentence.start].lower_ == "um":
            return False
        after = doc[end + 1] if end + 1 < sentence.end and doc[end].text == "," else None
        return after is not None and is_konjunktiv(after, self.lex)

    def _has_object(self, verb: int, last: int) -> bool:
        """Whether the verb's clause holds an object of its own or the particle "statt"
        ("fanden nur 5.000 eine neue Stelle", "fand am Montag statt")."""
        for token in self.doc[verb + 1 : last + 1]:
            if token.lower_ == "statt" or (token.dep_ == "obj" and token.head.i == verb):
                return True
        return False

    def _report_after(self, last: int) -> bool:
        """Whether the clause after the cue's clause (past its comma) reports: it opens with
        "dass" or "ob", is a zu-infinitive or is in Konjunktiv I ("drohte, bei einem
        Scheitern werde man streiken")."""
        doc, k = self.doc, last + 2
        if k >= len(doc) or doc[last + 1].text != ",":
            return False
        rest = doc[k : self.sentence_at(last).end]  # a Konjunktiv may follow a further comma
        return self._reports(doc[k : self._clause_end(k)]) or self._konjunktiv_in(rest)

    def _is_particle(self, token, particle: str) -> bool:
        """The verb's particle closes the clause, also written joined to the pronominal adverb
        before it ("wiesen daraufhin, dass …" for "darauf hin")."""
        word = token.lower_
        adverb = word[: -len(particle)] if word.endswith(particle) else ""
        return word == particle or "cue" in self.lex.clause_words.get(adverb, frozenset())

    def _stance_cue(self, adjective: int) -> tuple[str, int] | None:
        """ "ist zuversichtlich", "zeigte sich überzeugt": a stance adjective is a cue when a
        copula of ``stance_adjectives.txt`` comes before it in its clause."""
        copulas = self.lex.stances[self.doc[adjective].text]
        for j in range(adjective - 1, self._clause_start(adjective) - 1, -1):
            if self.doc[j].lower_ in copulas:
                return f"{self.doc[j].text} {self.doc[adjective].text}", adjective
        return None

    def _needed_word(self, verb: int, last: int, need: str) -> int | None:
        """The token of the word a verb needs at the end of its clause ("rechnet damit, dass",
        "hält X für „…“"), also before an article that leads in a quote ("hält das für einen
        „Fehler“"); None when it is missing."""
        doc = self.doc
        if last > verb and doc[last].lower_ == need:
            return last
        article = self._has_role(doc[last], "quote_article")
        if article and last - 1 > verb and doc[last - 1].lower_ == need:
            return last - 1
        return None

    def _has_role(self, token, *roles: str) -> bool:
        """Whether the word has one of the roles of clause_words.txt ("dass": complementizer,
        "Das" opening "Das sagte der Minister.": anaphoric_object)."""
        return not self.lex.clause_words.get(token.lower_, frozenset()).isdisjoint(roles)

    def _clause_end(self, i: int, *, over_quotes: bool = False) -> int:
        """Index after the last token of the clause containing token i (up to , ; : or the
        sentence end or a quotation mark, not one of a title after an article: "sagte der
        „Zeit“, …"; ``over_quotes``: on over quoted words)."""
        doc = self.doc
        if i >= len(doc):
            return len(doc)  # a clause asked for after the text's last word ("…, sagte, Der")
        sentence = self.sentence_at(i)
        j = i + 1
        while j < sentence.end:
            t = doc[j]
            quoted = self._quote_ends_clause(j)
            if t.text in CLAUSE_END or t.text in SENTENCE_END or (quoted and not over_quotes):
                break
            j += 1
        return j

    def _quote_ends_clause(self, j: int) -> bool:
        """Token j is a quotation mark or quoted, and not part of a short title after an
        article ("sagte der „Zeit“, …"), which stays inside its clause."""
        return (self.doc[j].text in self.lex.marks or self.in_marks[j]) and not self.in_title[j]

    def _clause_start(self, i: int) -> int:
        doc = self.doc
        sentence = self.sentence_at(i)
        j = i
        while j > sentence.start:
            t = doc[j - 1]
            if t.text in CLAUSE_END or t.text in SENTENCE_END or self._quote_ends_clause(j - 1):
                break
            j -= 1
        return j

    def _source_cues(self) -> list[tuple[str, int, int, str]]:
        """Source phrases: (type, first token, end token, cue as written)."""
        doc = self.doc
        found = []
        seen = set()
        matches = sorted(self.matchers["sources"](doc), key=lambda m: (m[1], -(m[2] - m[1])))
        fixed_words = source_words()
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
            if self._framing_verb(i):
                return i, "frame"
        return None

    def _framing_verb(self, i: int) -> bool:
        """A finite full verb right after the comma that closes a direct quote, its subject
        right after it: the quote's frame, whatever the verb ("«…», lachte die Rentnerin",
        "„…“, winkt er ab")."""
        doc, token = self.doc, self.doc[i]
        if token.pos_ != "VERB" or not token.morph.get("Mood") or i + 1 >= len(doc):
            return False
        last = doc[self._clause_end(i) - 1]
        subject = self.mentions_in(doc[i + 1].idx, last.idx + len(last))
        return bool(subject) and subject[0].start == doc[i + 1].idx

    def _cue_text(self, i: int) -> str:
        return self.cues.get(i, (self.doc[i].text, i))[0]

    def _konj_cue(self, i: int) -> bool:
        """The speech verb or an auxiliary of its clause is in Konjunktiv: the sentence
        reports someone else's account ("Kim habe versichert, …")."""
        return self._konjunktiv_in(self.doc[self._clause_start(i) : self._clause_end(i)])

    def _konjunktiv_in(self, tokens) -> bool:
        """Whether any of the tokens is a Konjunktiv verb form (``is_konjunktiv``)."""
        return any(is_konjunktiv(t, self.lex) for t in tokens)
