"""What a pronoun refers to besides a named person: a role noun phrase or an organisation."""

from __future__ import annotations

from ..names import gender_by_ending
from .types import Mention

# the pronoun genders (m, f, p) a grammatical gender fits: "sie" is a woman, a feminine
# noun ("die Polizei") or several
PRONOUN_GENDERS = {"Masc": {"m"}, "Fem": {"f"}, "Neut": set(), "Plur": {"p"}}


class AntecedentFinder:
    """Antecedents of speaker pronouns; a part of ``QuoteArticle``."""

    def _recent_role(
        self, offset: int, gender: str, outside: list[tuple[int, int]]
    ) -> Mention | None:
        """The last role noun phrase before ``offset`` in this or the previous sentence whose
        gender fits a pronoun and that no name stands in apposition to: an indefinite one
        ("einer Armeesprecherin") is someone new, a definite one ("Die Ministerin") speaks as
        it would itself; singular ones need an article, a plural may stand bare ("Demonstranten
        zogen vor das Rathaus. Sie forderten, …")."""
        roles = [
            m
            for m in self._nearby(offset, gender, outside)
            if m.kind == "role"
            and (m.gender == gender or (gender == "p" and self._plural_role(m)))
            and (gender == "p" or self.lex.determiners.get(m.text.split()[0].lower()))
            and not self._apposition(m)
        ]
        return roles[-1] if roles else None

    def _plural_role(self, m: Mention) -> bool:
        """A masculine role noun after "die" is plural ("Die Fahrer")."""
        return m.gender == "m" and m.text.split()[0].lower() == "die"

    def _recent_organisation(
        self, offset: int, gender: str, outside: list[tuple[int, int]]
    ) -> Mention | None:
        """The last organisation before ``offset`` in this or the previous sentence that is
        the subject of its clause and whose grammatical gender fits a pronoun: "Die Polizei
        griff ein. Sie teilte mit, …" is the police's, "Der Konzern … Er kündigte an, …" the
        company's."""
        organisations = [
            m
            for m in self._nearby(offset, gender, outside)
            if (m.kind == "org" or (m.kind == "name" and m.label == "ORG"))
            and gender in self._pronoun_genders(m)
            and not m.governed
            and not self._after_oblique_article(m)
            and self._is_subject(m)
        ]
        return organisations[-1] if organisations else None

    def _nearby(self, offset: int, gender: str, outside: list[tuple[int, int]]) -> list[Mention]:
        """The mentions from the start of the previous sentence up to ``offset``, outside
        the spans ``outside`` (reported content: "Ihre Partei werde …, sagte sie" is not the
        party's); none for a pronoun without gender."""
        here = self.token_at(offset)
        if here is None or gender not in ("m", "f", "p"):
            return []
        sentence = self.sentence_at(here.i)
        previous = self.sentence_at(sentence.start - 1) if sentence.start > 0 else sentence
        return [
            m
            for m in self.mentions_in(previous.start_char, offset)
            if not any(start <= m.start < end for start, end in outside)
        ]

    def _pronoun_genders(self, m: Mention) -> set[str]:
        """The pronouns an organisation mention can be taken up by, from the gender of its
        noun's ending ("Regierung", "Ministerium", "Deutsche Bahn"; ``gender_suffixes.txt``);
        none for a name without such an ending (a person the model took for one)."""
        words = m.canonical.split()
        ending = gender_by_ending(m.head or (words[-1] if words else ""))
        return PRONOUN_GENDERS.get(ending or "", set())

    def _after_oblique_article(self, m: Mention) -> bool:
        """An accusative, dative or genitive article before the mention ("Den
        Internationalen Währungsfonds forderte er auf", "der Bundeswehr"): no subject."""
        token = self.token_at(m.start)
        word = self.doc[token.i - 1].lower_ if token is not None and token.i > 0 else ""
        feminine = bool(self._pronoun_genders(m) & {"f", "p"})
        return "oblique" in self.lex.determiners.get(word, ()) or (word == "der" and feminine)

    def _is_subject(self, m: Mention) -> bool:
        """Whether a word of the mention is the subject of a verb outside it."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and any(
            t.dep_.startswith(("nsubj", "sb")) and not span.start <= t.head.i < span.end
            for t in span
        )
