"""Reported content attached to a noun of saying ("den Standpunkt vertreten, …", "den Befehl
erteilen, … zu …", "zum Ergebnis kommen, dass …"): a part of ``QuoteArticle``."""

from __future__ import annotations

from spacy.tokens import Span

from .lexicon import is_konjunktiv
from .types import Quote, trim_content


class NounCuePass:
    """Indirect quotes whose cue is a noun of ``speech_nouns.txt``."""

    def noun_quotes(self, sentence: Span, found: list[Quote], direct: list[Quote]) -> list[Quote]:
        """A quote for each noun cue whose clause is followed by a comma and content that
        is a dass/ob clause, holds a Konjunktiv or ends in a zu-infinitive."""
        doc, quotes = self.doc, []
        for t in sentence:
            if t.text not in self.lex.speech_nouns or self.in_marks[t.i]:
                continue
            c_end = self._clause_end(t.i)
            if c_end + 1 >= sentence.end or doc[c_end].text != ",":
                continue
            k = c_end + 1
            content = doc[k : self._clause_end(k + 1)]
            if not self._reports(content):
                continue
            if self._has_role(doc[k], "complementizer"):
                k += 1
            resumed = self._main_clause_resumes(k, sentence)
            stop = doc[resumed].idx if resumed is not None else sentence.end_char
            start, end = trim_content(self.text, doc[k].idx, stop)
            if end - start < 10 or self.covered(start, end, found + quotes):
                continue
            verb = next(
                (v.i for v in doc[self._clause_start(t.i) : c_end] if v.pos_ in ("VERB", "AUX")),
                None,
            )
            if verb is not None and verb > t.i and is_konjunktiv(doc[verb], self.lex):
                continue  # "Das Ergebnis sei ein Auftrag, … fortzusetzen": reported itself
            # the noun's own source in the genitive or after "von" ("Den Vorwurf der Kammer,
            # …, weist der Verband zurück", "unterstützt die Forderungen von Politikern der
            # SPD, die Bank zu boykottieren"), else the subject of the noun's verb
            attached = t.i + 1 < c_end and not any(
                v.pos_ in ("VERB", "AUX") for v in doc[t.i + 1 : c_end]
            )  # the noun's phrase runs up to the comma: the content is the noun's
            own = self.author_from(t.i + 1, c_end) if attached else None
            mention = own if own is not None or verb is None else self.subject_of(verb)
            quote = self._make(start, end, t.text, mention, direct)
            if quote is not None:
                quotes.append(quote)
        return quotes

    def noun_cue_opens(self, sentence: Span, verb_clause: int) -> bool:
        """The sentence opens with a noun of saying and its source before a comma, with no
        verb, and the clause at ``verb_clause`` goes on right after the noun's content ("Den
        Vorwurf der Kammer, …, weist der Verband zurück"): that content reports the noun's
        source, not the verb's subject ("Den Vorwurf, …, halte er für überzogen, sagt X"
        is X's)."""
        doc = self.doc
        comma = next((t.i for t in sentence if t.text == ","), None)
        if comma is None:
            return False
        head = doc[sentence.start : comma]
        if not any(t.text in self.lex.speech_nouns for t in head) or any(
            t.pos_ in ("VERB", "AUX") for t in head
        ):
            return False
        return self._main_clause_resumes(comma + 1, sentence) == verb_clause - 1

    def _main_clause_resumes(self, k: int, sentence: Span) -> int | None:
        """The comma after which the main clause goes on with its finite verb (", weist der
        Verband zurück"), which ends the content of a noun put before it."""
        doc = self.doc
        for j in range(k, sentence.end - 1):
            verb = doc[j + 1]
            finite = verb.pos_ in ("VERB", "AUX") and bool(verb.morph.get("Mood"))
            if doc[j].text == "," and finite and verb.text[:1].islower():
                return j
        return None

    def _reports(self, content: Span) -> bool:
        if not len(content):
            return False
        if self._has_role(content[0], "complementizer"):
            return True
        if self._konjunktiv_in(content):
            return True
        return self._zu_infinitive(content)

    def _zu_infinitive(self, content: Span) -> bool:
        """Content of at least three words that ends in a zu-infinitive ("die Steuern zu
        senken", "das Skelett auszustellen")."""
        words = [t.lower_ for t in content if not t.is_punct]
        return len(words) >= 3 and (words[-2] == "zu" or "zu" in words[-1][2:-2])
