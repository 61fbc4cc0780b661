"""The direct-quote pass: spans between quotation marks and the cue attached to them."""

from __future__ import annotations

from .lexicon import verb_lemmas
from .marks import Marked
from .types import Mention, Quote


class DirectPass:
    """Direct quotes by their marks, with the verb or colon clause that attributes them; a part
    of ``QuoteArticle``."""

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
            if self._title_before_verb(m):
                continue  # "In einem Interview mit der „Zeit“ sagte sie, …": a name
            words = len(text[m.start : m.end].split())
            quote = Quote(m.start, m.end, "direct", marks=[m])
            attached = self._cue_after(m.after) if m.closed else None
            if attached is not None and attached[1] == "frame":
                # any verb frames a quote that opens its sentence ("«…», lachte sie")
                attached = (attached[0], "verb") if self._opens_sentence(m) else None
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
                quote.complement = True
            elif words >= 2 and self._stands_alone(m):
                quote.inherit = True
            else:
                continue  # a quoted term, title or fragment (perhaps inside indirect speech)
            quotes.append(quote)
            previous = quote
        return quotes

    def _title_before_verb(self, m: Marked) -> bool:
        """Quoted words that ``QuoteArticle`` took for a title after a definite article, and a
        verb right after them, no comma between: a name inside the clause ("mit der „Zeit“
        sagte sie"), not what was said."""
        token = self.token_at(m.start)
        following = self.token_at(m.after + 1) if self.text[m.after : m.after + 1] == " " else None
        return (
            token is not None
            and self.in_title[token.i]
            and following is not None
            and following.pos_ in ("VERB", "AUX")
        )

    def _opens_sentence(self, m: Marked) -> bool:
        """The quotation marks open their sentence."""
        token = self.token_at(m.open)
        if token is None:
            return False
        sentence = self.sentence_at(token.i)
        return not self.text[sentence.start_char : m.open].strip()

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
        """ "hieß es aus der Delegation": the cue and the source after a preposition (a
        mention, else after aus/von/bei the noun phrase: "aus der Grünen-Fraktion")."""
        doc = self.doc
        source = [s for s in self.sources if s[1] == i]
        end = source[0][2] if source else i + 1
        cue = source[0][3] if source else doc[i].text
        clause_end = self._clause_end(end - 1)
        if end < clause_end and self._has_role(doc[end], "anaphoric_source"):
            return cue, self._told_there(end)  # "…, heißt es dort."
        for j in range(end, clause_end):
            if self._has_role(doc[j], "preposition"):
                last = doc[clause_end - 1]
                mentions = self.mentions_in(doc[j].idx, last.idx + len(last))
                return cue, self._body_before_place(mentions, j, clause_end)
        return cue, None

    def _colon_clause(self, colon: int) -> tuple[str, Mention | None, int]:
        """The attribution before a colon: its speech verb and subject, else its first
        finite verb's subject (with tags), else its first mention, else an outlet's quoted title."""
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
        sentence = self.sentence_at(colon)
        if not mentions and start > 0:
            mentions = self.mentions_in(sentence.start_char, doc[colon].idx)
        if not mentions:  # an outlet by its quoted title: "Der „Kurier“: „…“"
            return "", self._title_in(sentence.start, colon), -1
        return "", mentions[0], -1

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
            return self._characterising_after(m)
        i = verbs[-1]
        last = self.cues[i][1]
        leads_in = last == token.i - 1 and (
            self._has_role(self.doc[last], "quote_object", "quote_preposition")
            or self._led_in(token.i, i)
        )
        if last != i and last < token.i and not leads_in:
            return None  # "kündigte … an" closed before the mark ("hält X für „…“" leads in)
        between = self.doc[i + 1 : token.i]
        if verb_lemmas(self.doc[i].text, self.lex) & self.lex.characterising:
            return i  # "nannte den Entwurf „kurzsichtig“": the speaker's own words
        if any(self._has_role(t, "quote_object") for t in between):
            return i  # "sprach von einem „historischen Tag“"
        if self._led_in(token.i, i):
            return i  # "warnte vor einem „Rückfall“", "forderte eine „spürbare Strafe“"
        return None  # "fordern die „Denuklearisierung“": a quoted term

    def _characterising_after(self, m: Marked) -> int | None:
        """A speech verb after the quote, in the same clause, whose object the quote is: led in
        by "als" for a characterising verb ("hatte das Budget als «Steuergeldverschwendung»
        bezeichnet"), or by an article or preposition for any ("hatten einen «Ausbau für die
        Zukunft» versprochen")."""
        opening, closing = self.token_at(m.open), self.token_at(m.close) if m.closed else None
        if opening is None or closing is None or opening.i == 0:
            return None
        before = self.doc[opening.i - 1].lower_
        as_word = before == "als"
        if not as_word and not self._led_in(opening.i, -1):
            return None  # "Der «Tages-Anzeiger» kritisiert, …": the quote names the subject
        end = self._clause_end(closing.i)
        verbs = [j for j in range(closing.i + 1, end) if j in self.cues and not self._konj_cue(j)]
        if not verbs:
            return None
        verb = verbs[0]
        if self.doc[verb].text[:1].isupper() or (
            as_word and verb != end - 1 and not self._final(verb, end)
        ):
            return None
        clause = self.doc[self._clause_start(opening.i) : end]
        if self._konjunktiv_in(t for t in clause if not self.in_marks[t.i]):
            return None  # "Er habe von einer „Schande“ gesprochen": a fragment of a report
        characterising = verb_lemmas(self.doc[verb].text, self.lex) & self.lex.characterising
        return verb if characterising or not as_word else None

    def _final(self, verb: int, end: int) -> bool:
        """Nothing, or an auxiliary or "und" (``verb_group`` in clause_words.txt), follows the
        verb up to the clause end ("bezeichnet hatte", "bezeichnet und war …")."""
        return verb + 1 >= end or self._has_role(self.doc[verb + 1], "verb_group")

    def _led_in(self, mark: int, verb: int) -> bool:
        """Whether the words right before the mark make the quote the verb's object: an
        indefinite article, a preposition, or a preposition and a definite article."""
        roles = [self.lex.clause_words.get(self.doc[k].lower_, ()) for k in (mark - 1, mark - 2)]
        if mark - 1 <= verb:
            return False
        if "quote_article" in roles[0] or "quote_preposition" in roles[0]:
            return True
        return mark - 2 > verb and "definite" in roles[0] and "quote_preposition" in roles[1]

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
