"""Reported content attached to a noun of saying ("den Standpunkt vertreten, …", "den Befehl
erteilen, … zu …", "zum Ergebnis kommen, dass …"): a part of ``QuoteArticle``."""

from __future__ import annotations

from spacy.tokens import Span

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
            start, end = trim_content(self.text, doc[k].idx, sentence.end_char)
            if end - start < 10 or self.covered(start, end, found + quotes):
                continue
            verb = next(
                (v.i for v in doc[self._clause_start(t.i) : c_end] if v.pos_ in ("VERB", "AUX")),
                None,
            )
            mention = self.subject_of(verb) if verb is not None else None
            quote = self._make(start, end, t.text, mention, direct)
            if quote is not None:
                quotes.append(quote)
        return quotes

    def _reports(self, content: Span) -> bool:
        if not len(content):
            return False
        if self._has_role(content[0], "complementizer"):
            return True
        if self._konjunktiv_in(content):
            return True
        words = [t.lower_ for t in content if not t.is_punct]
        return len(words) >= 3 and (words[-2] == "zu" or "zu" in words[-1][2:-2])
