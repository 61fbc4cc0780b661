"""The indirect-speech passes: speech-verb clauses and Konjunktiv continuations (source
phrases: ``sources.py``; the mood of a sentence: ``moods.py``)."""

from __future__ import annotations

import re

from spacy.tokens import Span

from .lexicon import STANCE, is_konjunktiv, verb_lemmas
from .types import Mention, Quote, trim_content

# words between a cue and a quoted name that ends the sentence ("schreibt die «NZZ»")
NAME_LEADS = frozenset({"die", "der", "das", "dem", "den", "des", "es", "in", "im"})
# adverbial clauses of time that never hold what the cue reports
TEMPORAL_OPENERS = frozenset({"als", "wenn", "während", "nachdem", "bevor", "sobald"})


class IndirectPass:
    """Indirect and mixed quotes from speech verbs, Konjunktiv I sentences and source phrases;
    a part of ``QuoteArticle``."""

    def indirect_quotes(self, direct: list[Quote]) -> list[Quote]:
        """Reported clauses of speech verbs and source phrases, then the Konjunktiv sentences
        that continue reported speech."""
        quotes: list[Quote] = []
        # a quoted fragment inside a reported clause leaves its cue to the clause, which
        # then becomes mixed ("Ihr Spiel sei „fast perfekt“, sagt er.")
        used_cues = {q.cue_token for q in direct if q.complement or not self._fragment(q)}
        speech: dict[int, str] = {}
        voices: dict[int, Mention] = {}  # sentences that report nothing but name a speaker
        for q in direct:
            first, last = self.token_at(q.start), self.token_at(max(q.end - 1, q.start))
            if first is not None and last is not None:
                for index in range(self.sentence_of(first.i), self.sentence_of(last.i) + 1):
                    speech[index] = "direct"
            if q.cue_token >= 0:
                speech[self.sentence_of(q.cue_token)] = "direct"
        for s_index, sentence in enumerate(self.sentences):
            found = self._sentence_indirect(sentence, direct, used_cues)
            if not found and s_index not in speech and s_index - 1 not in speech:
                found = self._said_before(s_index, direct + quotes)
                if found:
                    speech[s_index - 1] = "indirect"
            elif not found and s_index not in speech and speech.get(s_index - 1) == "direct":
                self._said_before_direct(s_index, direct)
            quotes.extend(found)
            if found:
                speech[s_index] = "indirect"
            elif s_index not in speech and (voice := self._voice(sentence)) is not None:
                speech[s_index] = "cue"  # "Sie bezeichnet die Lösung als Irrweg." sets a voice
                voices[s_index] = voice
        everything = direct + quotes
        for s_index, sentence in enumerate(self.sentences):
            if speech.get(s_index, "cue") != "cue":
                continue
            if not self._continues(s_index, speech) and not self._resumes(s_index, speech):
                continue
            mood = self._konjunktiv_sentence(sentence)
            if s_index - 1 not in speech and mood != "I":
                continue  # only a Konjunktiv I resumes the account after a narrative sentence
            stand_in = not mood and self._preterite_for_konjunktiv(sentence, s_index, speech)
            if not mood and not stand_in:
                continue
            if mood == "II modal" and speech[s_index - 1] not in ("indirect", "cue"):
                continue  # "„…“, sagte sie. Das könnte teuer werden.": the writer's hedge
            start, end = trim_content(self.text, sentence.start_char, sentence.end_char)
            if end - start < 10 or self.covered(start, end, everything):
                continue
            own = voices.pop(s_index, None)
            if own is not None:  # "X bezeichnete die Angaben als vorläufig, da … sei": X's
                quote = Quote(start, end, "indirect", mention=own)
            else:  # a continuation carries the voice before it on
                quote = Quote(start, end, "indirect", inherit=True, implied=voices.get(s_index - 1))
            quotes.append(quote)
            everything.append(quote)
            speech[s_index] = "indirect"
        return quotes

    def _attributes_before(self, s_index: int) -> int | None:
        """The speech verb of a sentence that opens with a demonstrative (``anaphoric_object``
        in clause_words.txt, also after "mit": "Mit diesen Worten kommentierte X …"), reports
        nothing of its own and so attributes the sentence before it, in the same paragraph
        ("Das sagte der Minister am Freitag.")."""
        sentence = self.sentences[s_index]
        opening = 1 if self._has_role(sentence[0], "anaphoric_object") else 0
        if not opening and len(sentence) > 3 and sentence[0].lower_ == "mit":
            opening = 3 if self._has_role(sentence[2], "anaphoric_object") else 0
        verb = sentence.start + opening  # "Das sagte X", "Mit diesen Worten kommentierte X"
        if s_index == 0 or not opening:
            return None
        if verb not in self.cues:
            return None
        if self.in_marks[verb] or self._konj_cue(verb):
            return None
        rest = self.doc[self._clause_end(self.cues[verb][1]) : sentence.end]
        if any(t.text == ":" or self._has_role(t, "complementizer") for t in rest):
            return None  # "Dies bestätigte er: …", "Das sagte er, dass …" report on their own
        if self._reports_after_so(sentence, rest):
            return None
        before = self.sentences[s_index - 1]
        if self.paragraph_of(before.start_char) != self.paragraph_of(sentence.start_char):
            return None
        return verb

    def _reports_after_so(self, sentence: Span, rest: Span) -> bool:
        """ "So sagte der Minister, man müsse handeln": "So" opens a sentence whose content
        follows the comma (not a relative clause: "So formuliert es X, die …")."""
        if sentence[0].lower_ != "so" or len(rest) < 2 or rest[0].text != ",":
            return False
        return not (self._has_role(rest[1], "relative") and rest[1].pos_ != "DET")

    def _said_before_direct(self, s_index: int, direct: list[Quote]) -> None:
        """ "„Wir sind am Ende.“ Das sagte X.": a direct quote standing alone that ends in the
        sentence before takes this sentence's cue and speaker."""
        verb = self._attributes_before(s_index)
        before = self.sentences[s_index - 1]
        for q in direct if verb is not None else ():
            if q.start < before.end_char and q.end > before.start_char and not q.cue:
                q.cue, q.mention, q.cue_token = self.cues[verb][0], self.subject_of(verb), verb
                q.inherit = False

    def _said_before(self, s_index: int, quotes: list[Quote]) -> list[Quote]:
        """The sentence before one that attributes it ("Die Lage ist ernst. Das sagte der
        Minister.") as an indirect quote of its speech verb."""
        verb = self._attributes_before(s_index)
        if verb is None:
            return []
        before = self.sentences[s_index - 1]
        start, end = trim_content(self.text, before.start_char, before.end_char)
        if len(self.text[start:end].split()) < 4 or before.text.rstrip().endswith("?"):
            return []
        if self.covered(start, end, quotes):
            return []
        quote = self._make(start, end, self.cues[verb][0], self.subject_of(verb), quotes)
        return [quote] if quote is not None else []

    def _fragment(self, quote: Quote) -> bool:
        """A direct quote that opens inside its sentence after two or more words, no colon
        between: a fragment of the clause around it."""
        token = self.token_at(quote.start)
        if token is None or not quote.marks:
            return False
        before = self.text[self.sentence_at(token.i).start_char : quote.marks[0].open]
        return len(before.split()) >= 2 and ":" not in before

    def _voice(self, sentence: Span) -> Mention | None:
        """The subject of a speech verb outside quotation marks: the sentence gives someone
        a voice even where it reports nothing ("Sie bezeichnete X als Irrweg")."""
        for i in self.cues:
            inside = sentence.start <= i < sentence.end and not self.in_marks[i]
            own = inside and self.doc[i].text[:1].islower() and not self._konj_cue(i)
            if own and (subject := self.subject_of(i)):
                return subject  # not "Kim habe versichert": that is someone else's account
        return None

    def _continues(self, s_index: int, speech: dict[int, str]) -> bool:
        """The previous sentence (in this or the previous paragraph) is reported speech."""
        if s_index == 0 or s_index - 1 not in speech:
            return False
        this_para = self.paragraph_of(self.sentences[s_index].start_char)
        prev_para = self.paragraph_of(self.sentences[s_index - 1].start_char)
        return this_para - prev_para in (0, 1)

    def _resumes(self, s_index: int, speech: dict[int, str]) -> bool:
        """Reported speech two sentences before in the same paragraph, one narrative sentence
        between ("…, sagte Hartwig. Hartwig dämpfte zugleich die Erwartungen. Die Auswertung
        werde Monate dauern."). Across a paragraph of narrative it found more reports in the
        own corpus but cost precision and speakers on real news (session 17), so not there."""
        if s_index < 2 or s_index - 2 not in speech or speech[s_index - 2] == "cue":
            return False
        this_para = self.paragraph_of(self.sentences[s_index].start_char)
        return this_para == self.paragraph_of(self.sentences[s_index - 2].start_char)

    def _sentence_indirect(
        self, sentence: Span, direct: list[Quote], used_cues: set[int]
    ) -> list[Quote]:
        found: list[Quote] = []
        for i in sorted(self.cues):
            if not sentence.start <= i < sentence.end or i in used_cues:
                continue
            lemmas = verb_lemmas(self.doc[i].text, self.lex)
            # "bezeichnete … als „…“", "zitiert X: „…“": a direct quote only; but in the
            # passive ("…, wird der Kapitän zitiert") the subject is the speaker
            # "…, zitierte die Agentur einen Sprecher." attributes the clause before it
            after_report = (
                lemmas <= self.lex.object_speakers
                and i > sentence.start
                and self.doc[i - 1].text == ","
            )
            if (
                lemmas
                and lemmas <= self.lex.object_only | self.lex.object_speakers
                and not (i > sentence.start and self.doc[self._clause_start(i)].lemma_ == "werden")
                and not after_report
            ):
                continue
            if any(q.start <= self.doc[i].idx < q.end for q in found):
                continue
            quote = self._verb_quote(sentence, i, direct)
            if quote is not None and not self.covered(quote.start, quote.end, found):
                found.append(quote)
                if (more := self._report_resumed(sentence, i, quote, direct)) is not None:
                    found.append(more)
        for kind, start, end, cue in self.sources:
            if not sentence.start <= start < sentence.end or start in used_cues:
                continue
            if any(q.start <= self.doc[start].idx < q.end for q in found):
                continue  # "sagte, dass nach Einschätzung von Experten …": inside the report
            quote = self._source_quote(sentence, kind, start, end, cue, direct)
            if quote is not None and not self.covered(quote.start, quote.end, found):
                found.append(quote)
        found.extend(self.noun_quotes(sentence, found, direct))
        return found

    def _verb_quote(self, sentence: Span, i: int, direct: list[Quote]) -> Quote | None:
        """Indirect speech around the speech verb at token i: "X sagte, (dass) …",
        "Wie X mitteilte, …", "…, sagte X."."""
        doc, text, lex = self.doc, self.text, self.lex
        cue, last = self.cues[i]
        c_start, c_end = self._clause_start(i), self._clause_end(last)
        opener = lex.clause_words.get(doc[c_start].lower_, frozenset())
        if doc[c_start].lower_ == "als" and self._verb_second(i, c_end):
            opener = frozenset()  # "Als Sprecherin der Initiative sagte sie, …": a role
        after_comma = c_start > sentence.start and doc[c_start - 1].text == ","
        if "subordinate" in opener or ("relative" in opener and after_comma):
            # "Nachdem die Anwältin mitgeteilt hatte, dass der Mann gesucht werde, …": only a
            # dass-clause reports, up to the comma that ends it
            return self._embedded_report(sentence, i, c_end, direct)
        if self._konj_cue(i):
            return None  # someone else's account: a continuation
        if verb_lemmas(doc[i].text, lex) == {STANCE} and not self._stance_report(c_end, sentence):
            return None  # "Er ist zuversichtlich." reports nothing
        if (
            i == sentence.start + 1
            and self._has_role(sentence[0], "anaphoric_object")
            and not self._reports_after_so(sentence, doc[self._clause_end(last) : sentence.end])
        ):
            return None  # "Das sagte X, Bürgermeisterin von Y, …": it attributes what came before
        follows = c_end < sentence.end and doc[c_end].text in (",", ":")
        if "as" in opener and follows:
            if c_start == sentence.start:
                start, end = trim_content(text, doc[c_end].idx + 1, sentence.end_char)
            else:
                start, end = trim_content(text, sentence.start_char, sentence.end_char)
            return self._make(start, end, cue, self.subject_of(i), direct)
        if "as" in opener and after_comma and c_end >= sentence.end - 1:
            # "…, wie EADS gestern mitteilte.": the clause before reports
            start, end = trim_content(text, sentence.start_char, doc[c_start - 1].idx)
            if end - start >= 10:
                return self._make(start, end, cue, self.subject_of(i), direct)
            return None
        if (
            follows
            and after_comma
            and c_start == i
            and self._reported_before(sentence, c_start)
            and not self.noun_cue_opens(sentence, c_start)
        ):
            # "Die Arbeitgeber hätten … angeboten, sagte der Chefverhandler, Günter Huber.":
            # the attribution is put after the report; what follows its comma is no report
            start, end = trim_content(text, sentence.start_char, doc[c_start - 1].idx)
            made = self._make(start, end, cue, self.subject_of(i, after_first=True), direct)
            if made is not None:
                return made  # (a direct quote before it leaves the report after it)
        if follows and any(
            i < j < c_end and any(t.lower_ in ("und", "sowie") for t in doc[i:j])
            for j in self.cues
        ):
            return None  # "lobte die Helfer und sagte, …": the later speech verb reports
        if follows:
            if doc[c_end].text == ":" and any(
                0 <= q.marks[0].open - doc[c_end].idx < 4 for q in direct
            ):
                return None  # "sagte: „…“" is direct
            k = c_end + 1
            if last < c_end - 1 and doc[c_end - 1].pos_ in ("NOUN", "PROPN"):
                k = self._after_name_apposition(k, sentence)  # "sagte die Botschafterin, X, …"
            if k < sentence.end and self._no_report_after(k, sentence):
                return None  # "…, als die Familie eingesperrt wurde", "…, die … bekannt gab"
            if k < sentence.end and self._has_role(doc[k], "complementizer"):
                k += 1
            if k in self.cues:
                return None  # "…, an sich zu glauben, sagte die Schwedin": the attribution
            if self._has_role(doc[c_end - 1], "cue") and c_end - 1 > last:
                cue = f"{cue} {doc[c_end - 1].text}"
            if k >= sentence.end:
                return None
            start = doc[k].idx
            start, end = trim_content(text, start, self._content_end(start, sentence, direct))
            if end - start < 3:
                return None
            return self._make(start, end, cue, self.subject_of(i), direct)
        # "…, hatte der Minister gesagt.": an auxiliary opens the attribution, the participle
        # closes it
        aux_first = (
            c_start < i == c_end - 1
            and doc[c_start].pos_ in ("AUX", "VERB")  # the model may call "hatte" a verb
            and doc[c_start].lemma_ in ("haben", "sein", "werden")
            and not any(t.pos_ in ("VERB", "AUX") for t in doc[c_start + 1 : i])
        )
        if (
            after_comma
            and (c_start == i or aux_first)
            and (c_end >= sentence.end - 1 or self._named_tail(i, c_end, sentence))
            and not self.noun_cue_opens(sentence, c_start)  # "Den Vorwurf der Kammer, …, weist"
        ):
            start, end = trim_content(text, sentence.start_char, doc[c_start - 1].idx)
            if end - start < 10 or self._ends_in_apposition(start, end):
                return None
            if self._subordinate_only(sentence.start, c_start - 1):
                return None  # "Als die Ministerin das Ergebnis bekannt gab, jubelten …"
            if aux_first and not self._reports_a_clause(sentence.start, c_start - 1):
                return None  # "Der 24-Jährige, ein Lehrling, hatte … eingeräumt"; "Als …, hat"
            subject = self._aux_subject(c_start, i) if aux_first else None
            return self._make(
                start, end, cue, subject or self.subject_of(i, after_first=True), direct
            )
        return None

    def _verb_second(self, verb: int, clause_end: int) -> bool:
        """A word other than a verb follows the finite verb in its clause: a main clause
        ("… sagte sie,"), not a verb-final subordinate one ("…, als sie das sagte,")."""
        tail = self.doc[verb + 1 : clause_end]
        return any(t.pos_ not in ("VERB", "AUX", "PART", "PUNCT") for t in tail)

    def _subordinate_only(self, start: int, end: int) -> bool:
        """Tokens start..end are one verb-final subordinate clause ("Als die Ministerin das
        Ergebnis bekannt gab"), not a report that opens with a role ("Als Neuling müsse man
        zuhören") or holds a main clause after its subordinate one."""
        words = [t for t in self.doc[start:end] if not t.is_punct]
        if not words or not self._has_role(words[0], "subordinate"):
            return False
        if any(t.text == "," for t in self.doc[start:end]):
            return False
        verbs = [k for k, t in enumerate(words) if t.pos_ in ("VERB", "AUX")]
        return bool(verbs) and min(verbs) >= len(words) - 2

    def _after_name_apposition(self, k: int, sentence: Span) -> int:
        """The token after a name set off by commas at token k ("sagte die US-Botschafterin
        bei den Vereinten Nationen, Samantha Power, es falle schwer", the speaker's noun
        right before the comma): the name belongs to the speaker, the report begins after
        it; k itself otherwise."""
        if k >= sentence.end:
            return k
        name = next((m for m in self.names if m.start == self.doc[k].idx), None)
        if name is None or name.label != "PER":
            return k
        after = self.token_at(name.end - 1)
        if after is None or after.i + 2 >= sentence.end or self.doc[after.i + 1].text != ",":
            return k
        start = after.i + 2
        stretch = []
        for t in self.doc[start : sentence.end]:
            if t.text == ",":
                break
            stretch.append(t)
        # the report after it is a clause ("es falle schwer"), not another apposition
        # ("Anna Berg, die Chefin, habe gelogen": the name is the report's subject)
        return start if any(t.pos_ in ("VERB", "AUX") for t in stretch) else k

    def _reports_a_clause(self, start: int, end: int) -> bool:
        """Tokens start..end hold a main clause of their own: a finite verb, and no
        subordinating word at their start ("Als das Ergebnis verkündet wurde, …")."""
        if self._has_role(self.doc[start], "subordinate"):
            return False
        return any(
            t.pos_ in ("VERB", "AUX") and ("Fin" in t.morph.get("VerbForm") or t.morph.get("Mood"))
            for t in self.doc[start:end]
        )

    def _aux_subject(self, aux: int, participle: int) -> Mention | None:
        """The subject between an auxiliary and its participle ("…, hatte die Finma damals
        erklärt"): the parse's subject, a listed mention or a noun no list knows."""
        for t in self.doc[aux + 1 : participle]:
            if t.dep_.startswith("nsubj"):
                return self._mention_at(t) or self._noun_subject(t)
        return None

    def _ends_in_apposition(self, start: int, end: int) -> bool:
        """The text before the cue's comma is a name and its apposition, without a verb ("Der
        Verteidiger, Martin Zünd, plädierte …", "Ewald Nowotny, Ratsmitglied der EZB, drängte
        …"): the subject, not reported content."""
        first, last = self.text.find(",", start, end), self.text.rfind(",", start, end)
        if first < 0:
            return False
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and any(t.pos_ in ("VERB", "AUX") for t in span):
            return False  # "Merkel, die lange gezögert habe, wolle nun handeln, sagte …"
        parts = [(start, first), (last + 1, end)]
        names = [m for m in self.mentions_in(start, end) if m.kind == "name"]
        return any(
            m.label in ("PER", "") and m.text == self.text[a:b].strip()
            for m in names
            for a, b in parts
        )

    def _stance_report(self, c_end: int, sentence: Span) -> bool:
        """After a stance adjective's comma, a clause that reports: "dass"/"ob", a
        zu-infinitive or a Konjunktiv verb ("ist zuversichtlich, … schlagen zu können")."""
        doc = self.doc
        if c_end >= sentence.end - 1 or doc[c_end].text != ",":
            return False
        if self._has_role(doc[c_end + 1], "complementizer"):
            return True
        clause = doc[c_end + 1 : self._clause_end(c_end + 1)]
        words = [t.lower_ for t in clause]
        infinitive = "zu" in words[1:] or any(re.fullmatch(r"\w+zu\w+en", w) for w in words)
        return infinitive or self._konjunktiv_in(clause)

    def _embedded_report(
        self, sentence: Span, i: int, c_end: int, direct: list[Quote]
    ) -> Quote | None:
        """The dass-clause after a speech verb in a subordinate or relative clause, up to
        the next comma, colon or the sentence end; or a Konjunktiv clause up to where the
        main clause resumes ("Nachdem der Senat angedeutet hatte, die Klage habe wenig
        Aussicht, sammelte die Initiative …")."""
        doc = self.doc
        k = c_end + 1
        if c_end >= sentence.end - 1 or doc[c_end].text != "," or k >= sentence.end:
            return None
        if self._has_role(doc[k], "complementizer"):
            end = self._clause_end(k + 1)
            first, last = doc[k + 1], doc[end - 1]
        else:
            resumed = self._main_clause_resumes(k, sentence)
            end = resumed if resumed is not None else sentence.end
            if not self._konjunktiv_in(doc[k:end]):
                # "Während X verlangte, den Ausstieg … festzuschreiben, warnte Y": a
                # zu-infinitive up to the clause end
                end = self._clause_end(k)
                if not self._zu_infinitive(doc[k:end]):
                    return None
            first, last = doc[k], doc[end - 1]
        start, stop = trim_content(self.text, first.idx, last.idx + len(last))
        if stop - start < 10:
            return None
        return self._make(start, stop, self.cues[i][0], self.subject_of(i), direct)

    def _report_resumed(
        self, sentence: Span, i: int, quote: Quote, direct: list[Quote]
    ) -> Quote | None:
        """After an attribution put inside the sentence, a Konjunktiv clause resumes the
        report ("Die ersten Monate seien hart gewesen, erzählt er, er habe kaum Deutsch
        gesprochen."): a second quote of the same cue."""
        doc = self.doc
        c_end = self._clause_end(self.cues[i][1])
        if quote.end > doc[i].idx or c_end >= sentence.end - 1 or doc[c_end].text != ",":
            return None
        rest = doc[c_end + 1 : sentence.end]
        if not self._konjunktiv_in(rest) or c_end + 1 in self.cues:
            return None
        start, end = trim_content(
            self.text, rest.start_char, self._content_end(rest.start_char, sentence, direct)
        )
        if end - start < 10:
            return None
        return self._make(start, end, quote.cue, quote.mention, direct)

    def _reported_before(self, sentence: Span, comma_after: int) -> bool:
        """The words before the comma that precedes token ``comma_after`` are reported speech:
        a Konjunktiv verb among them, and at least a few words."""
        before = self.doc[sentence.start : comma_after - 1]
        if self._subject_with_relative(before):
            return False  # "Die Ministerin, die betont hatte, man sei bereit, räumt ein, …"
        return len(before) >= 4 and self._konjunktiv_in(before)

    def _subject_with_relative(self, before: Span) -> bool:
        """The words open with a noun phrase and a relative clause after its comma: the
        subject of the verb that follows them, not what it reports."""
        comma = next((t.i for t in before if t.text == ","), None)
        if comma is None or comma + 1 >= before.end or comma - before.start > 6:
            return False
        head = self.doc[before.start : comma]
        relative = self.doc[comma + 1]
        return (
            relative.lower_ in ("der", "die", "das", "den", "dem", "deren", "dessen")
            and relative.pos_ == "PRON"
            and any(t.pos_ in ("NOUN", "PROPN") for t in head)
            and not any(t.pos_ in ("VERB", "AUX") for t in head)
        )

    def _named_tail(self, verb: int, k: int, sentence: Span) -> bool:
        """The sentence ends in a quoted name from token k on, with only an article or "es"
        between the verb and it ("…, schreibt die «NZZ».", "…, heißt es in der „Presse“.")."""
        tail = self.text[self.doc[k].idx : sentence.end_char].strip()
        between = {t.lower_ for t in self.doc[verb + 1 : k]}
        return (
            between <= NAME_LEADS
            and 0 < len(tail.split()) <= 4
            and tail[:1] in self.lex.marks
            and tail[1:2].isupper()
            and tail.rstrip(".!?")[-1:] in self.lex.marks
        )

    def _no_report_after(self, k: int, sentence: Span) -> bool:
        """The clause after the cue's comma is an adverbial clause ("als", "wenn", "weil")
        or, with tags, a relative clause (a d-word and the finite verb at its end) rather
        than reported content ("sagte, die Lage sei ernst" stays a report)."""
        doc = self.doc
        roles = self.lex.clause_words.get(doc[k].lower_, frozenset())
        end = self._clause_end(k + 1)
        clause = doc[k + 1 : end]
        if any(is_konjunktiv(t, self.lex) or "Inf" in t.morph.get("VerbForm") for t in clause):
            return False  # "…, da er jeder Grundlage entbehre", "…, die Aufklärung voranzutreiben"
        if "subordinate" in roles:
            return doc[k].lower_ in TEMPORAL_OPENERS  # "da"/"weil"/"falls" can give a reason
        if "relative" not in roles or not self.has_pos or doc[k - 2].pos_ not in ("NOUN", "PROPN"):
            return False  # a relative clause needs a noun before the comma
        verbs = [t for t in clause if t.pos_ in ("VERB", "AUX")]
        return bool(verbs) and verbs[0].i >= end - 2 and not self.in_marks[k]

    def _content_end(self, start: int, sentence: Span, direct: list[Quote]) -> int:
        """Reported content runs to the sentence end, or to a direct quote with its own cue,
        or to the comma before "und" and a speech verb of the same speaker ("…, und gab an,
        …"), which reports on its own."""
        end = sentence.end_char
        for i in self.cues:
            inside = sentence.start < i - 1 < sentence.end and self.doc[i].idx > start
            if (
                inside
                and self.doc[i - 1].lower_ in ("und", "sowie")
                and self.doc[i - 2].text == ","
            ):
                end = min(end, self.doc[i - 2].idx)
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
        if mention is not None and self._no_source(mention, cue):
            return None
        return Quote(start, end, "indirect", cue=cue, mention=mention)

    def _no_source(self, mention: Mention, cue: str) -> bool:
        """A subject whose clause is no report (``non_sources.txt``): a sign or device ("Ein
        Schild weist darauf hin, dass …"), a court with a finding verb ("Das Gericht stellte
        fest, dass …")."""
        words = self.lex.non_sources
        head = (mention.head or mention.text.split()[-1]).lower()

        def ends_in(kind: str, shortest: int) -> bool:
            return any(
                head == word or (len(word) >= shortest and head.endswith(word))
                for word in words.get(kind, ())
            )

        if ends_in("thing", 0):  # "Hinweisschild"
            return True
        lemmas = verb_lemmas(cue.split()[0], self.lex) if cue else set()
        return bool(lemmas & words.get("finding_verb", frozenset())) and ends_in("court", 7)
