"""Source phrases: reported content attributed without a speech verb ("laut X", "X zufolge",
"nach Angaben des X", "…, so X", "hieß es", "demnach"; ``source_phrases.txt``)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from ..names import noun_form, noun_kinds
from .lexicon import is_evidence
from .types import Mention, Quote, trim_content

# determiners that continue a noun phrase as its genitive ("Angaben des Roten Kreuzes")
GENITIVE_DETERMINERS = frozenset({"des", "der", "eines", "einer"})


AUTHOR_WORDS = frozenset({"der", "des", "von"})  # before the source a noun names


class SourcePass:
    """Indirect quotes of source phrases and the sources they name; a part of
    ``QuoteArticle``."""

    def _source_quote(
        self, sentence: Span, kind: str, start: int, end: int, cue: str, direct: list[Quote]
    ) -> Quote | None:
        """Indirect speech of a source phrase (see ``source_phrases.txt`` for the types)."""
        doc, text = self.doc, self.text
        initial = start == sentence.start or doc[start - 1].text == ","
        mention: Mention | None = None
        if kind in ("before", "possessive"):
            np_end = self._noun_phrase_end(end, sentence) if kind == "before" else end
            if np_end >= sentence.end and initial:
                return None  # "Laut Polizei." names a source but reports nothing
            np_end = min(np_end, sentence.end)
            if kind == "before":
                mention = self._body_source(end, np_end)
                if mention is None and is_evidence(doc[end - 1].text, self.lex):
                    # "Nach Polizeiangaben": the noun names the source, "nach" is the cue;
                    # "Nach ihren Informationen": the possessive points to the source
                    mention = self._possessive(start + 1, end) or self._source_mention(
                        start + 1, end
                    )
                    cue = doc[start].text
            else:
                mention = self._possessive(start, end)
            if initial:
                c_start = doc[np_end].idx + (1 if doc[np_end].text == "," else 0)
                s, e = trim_content(text, c_start, sentence.end_char)
            else:
                s, e = trim_content(text, sentence.start_char, sentence.end_char)
        elif kind == "after":
            c_start = self._clause_start(start)
            np_start = self._noun_phrase_start(start, c_start)
            if np_start == start or end >= sentence.end:
                return None
            mention = self._source_mention(np_start, start)
            # "Der WHO zufolge ist es …": the rest; "… befanden sich Berichten zufolge …": all
            first = doc[end].idx if np_start == c_start else sentence.start_char
            s, e = trim_content(text, first, sentence.end_char)
        elif kind == "own":  # "eigenen Angaben zufolge": the subject of the clause speaks
            c_start, c_end = self._clause_start(start), self._clause_end(end)
            around = [
                m
                for m in self.mentions_in(doc[c_start].idx, doc[c_end - 1].idx + 1)
                if not doc[start].idx <= m.start < doc[end - 1].idx + len(doc[end - 1])
            ]
            mention = self._best_source(around)
            first = doc[end].idx if start == c_start else sentence.start_char
            s, e = trim_content(text, first, sentence.end_char)
        elif kind == "impersonal" and (ahead := self._impersonal_ahead(sentence, start)):
            s, e, mention = ahead  # "Aus Parteikreisen hieß es, …", "Weiter heißt es, …"
        elif kind in ("so", "impersonal"):
            if start == sentence.start or doc[start - 1].text != ",":
                return None
            if kind == "so":
                c_end = self._clause_end(start)
                last = doc[c_end - 1]
                inside = self.mentions_in(doc[start].idx + 2, last.idx + len(last))
                first = self.token_at(inside[0].start) if inside else None
                if c_end - start > 8:
                    return None
                if first is None or first.i - start > 2:
                    # "…, so die Bahn.": a noun no list knows, the sentence's last words
                    if c_end < sentence.end - 1 or not self._plain_source(start + 1, c_end):
                        return None
                    mention = self._source_mention(start + 1, c_end)
                else:
                    mention = inside[0]
            else:
                cue, mention = self._impersonal(start)
            s, e = trim_content(text, sentence.start_char, doc[start - 1].idx)
            if e - s < 10:
                return None
        elif kind == "anaphoric":
            if start != sentence.start:
                return None
            index = self.sentence_of(start)
            if index > 0:
                previous = self.sentences[index - 1]
                mention = self._best_source(
                    self.mentions_in(previous.start_char, previous.end_char)
                )
            s, e = trim_content(text, doc[end].idx, sentence.end_char)
            cue = doc[start].text
        else:
            return None
        quote = self._make(s, e, cue, mention, direct)
        if quote is not None:
            quote.source = True
        return quote

    def _impersonal_ahead(
        self, sentence: Span, start: int
    ) -> tuple[int, int, Mention | None] | None:
        """Content after "hieß es," when the cue's clause opens the sentence ("Aus
        Parteikreisen hieß es, die Regeln würden geprüft"); the source is the phrase around
        the cue after its preposition ("Im Ministerium", "heißt es in der Mitteilung").
        None when the cue follows content or ends the sentence."""
        doc = self.doc
        c_start, c_end = self._clause_start(start), self._clause_end(start)
        if c_start != sentence.start or c_end >= sentence.end - 1 or doc[c_end].text != ",":
            return None
        k = c_end + 1
        if self._has_role(doc[k], "complementizer"):
            k += 1
        s, e = trim_content(self.text, doc[k].idx, sentence.end_char)
        if e - s < 10:
            return None
        around = [
            m
            for m in self.mentions_in(doc[c_start].idx, doc[c_end].idx)
            if self._after_preposition(m)
        ]
        if around:
            return s, e, self._body_before_place(around, c_start, c_end)
        before = [t.i for t in doc[c_start:start] if self._has_role(t, "preposition")]
        return s, e, self._source_mention(before[0] + 1, start) if before else None

    def _plain_source(self, start: int, end: int) -> bool:
        """Tokens that can only be a source's noun phrase: an article, adjectives and
        capitalised nouns ("die Bahn", "der Bezirksleiter der Gewerkschaft")."""
        words = [t for t in self.doc[start:end] if not t.is_punct]
        return bool(words) and all(
            self.lex.np_words.get(t.lower_) == "determiner"
            or self._adjective(t)
            or (t.text[:1].isupper() and t.pos_ in ("NOUN", "PROPN", ""))
            for t in words
        )

    def _source_mention(self, start: int, end: int) -> Mention | None:
        """The source named by tokens start..end: a mention in it, else the phrase itself
        as a role ("Diplomaten"), without its article and in nominative."""
        doc = self.doc
        if end <= start:
            return None
        span = doc[start:end]
        found = self._best_source(self.mentions_in(span.start_char, span.end_char))
        if found is not None:
            return found
        words = [t for t in span if not t.is_punct]
        evidence = [t for t in words if is_evidence(t.text, self.lex)]
        if evidence:
            # "Berichten zufolge", "laut vorläufigem Ergebnis": the phrase names what the
            # report rests on; it is the mention (up to that noun), but no speaker
            phrase = doc[start : evidence[0].i + 1]
            return Mention(phrase.start_char, phrase.end_char, phrase.text, "evidence")
        while words and self.lex.np_words.get(words[0].lower_) == "determiner":
            words = words[1:]
        article = words[0].i - 1 if words else start  # the determiner before any adjectives
        while len(words) > 1 and words[0].text[:1].islower() and self._adjective(words[0]):
            words = words[1:]  # "des kantonalen Führungsorgans"
        if not words or not words[0].text[:1].isupper():
            return None
        stop = next(
            (t.i for t in words[1:] if self.lex.np_words.get(t.lower_) == "preposition"),
            span.end,
        )
        first = doc[words[0].i : stop]
        canonical = first.text
        if words[0].i == start and all(t.text[:1].isupper() for t in first):
            return Mention(
                first.start_char, first.end_char, first.text, "name", canonical=canonical
            )
        if "genitive" in self.lex.determiners.get(doc[article].lower_, ()) and words[
            0
        ].text.endswith("s"):
            head = words[0].text
            stem = head[:-2] if head.endswith(("ses", "ßes", "zes", "xes")) else head[:-1]
            canonical = stem + canonical[len(head) :]
        return Mention(first.start_char, first.end_char, first.text, "role", canonical=canonical)

    def _told_there(self, i: int) -> Mention | None:
        """For "dort" after an impersonal cue ("…, heißt es dort"): the source the sentence
        before named, the subject of its speech verb ("Der „Kurier“ lobt vor allem das
        Dirigat.") or its best source, with the span of "dort" as the mention."""
        index = self.sentence_of(i)
        if index == 0:
            return None
        previous = self.sentences[index - 1]
        verbs = [k for k in range(previous.start, previous.end) if k in self.cues]
        told = next((m for k in verbs if (m := self.subject_of(k)) is not None), None)
        if told is None:
            told = self._best_source(self.mentions_in(previous.start_char, previous.end_char))
        if told is None:
            return None
        token = self.doc[i]
        return replace(told, start=token.idx, end=token.idx + len(token), text=token.text)

    def _body_before_place(self, mentions: list[Mention], start: int, end: int) -> Mention | None:
        """The source among the prepositional phrases of tokens start..end: a person or body
        before a place ("hieß es in Brüssel aus Diplomatenkreisen"), also one no list knows
        after aus/von/bei ("beim Aussendepartement in Bern"); a place when nothing else is
        there ("hieß es aus Berlin")."""
        # a place is a name labelled LOC whose noun is no organisation's ("Diplomatenkreisen")
        other = [m for m in mentions if m.label != "LOC" or noun_kinds(m.text.lower())]
        if other:
            return self._document_author(other[0], end) or other[0]
        doc = self.doc
        for j in range(start, end):
            if self._has_role(doc[j], "body_preposition"):
                stop = next(
                    (k for k in range(j + 1, end) if self._has_role(doc[k], "preposition")), end
                )
                body = self._body_source(j + 1, stop)
                if body is not None and not any(m.start <= body.start < m.end for m in mentions):
                    return body
        return mentions[0] if mentions else None

    def _document_author(self, mention: Mention, end: int) -> Mention | None:
        """The author a document noun names in the genitive or after "von" before token
        ``end`` ("in einer Erklärung der Geschäftsführung" → "der Geschäftsführung", "in
        einer Erklärung von Anna Berg" → Anna Berg); None for another mention or a document
        without one ("in einer Stellungnahme", "in einem Brief an die Kanzlerin")."""
        if mention.kind != "org" or mention.org_kind != "document":
            return None
        first, last = self.token_at(mention.start), self.token_at(mention.end - 1)
        if first is None or last is None:
            return None
        after = next(
            (t.i for t in self.doc[first.i + 1 : min(last.i + 2, end)] if t.lower_ in AUTHOR_WORDS),
            None,
        )
        if after is None:
            return None
        stop = self._noun_phrase_end(after + 1, self.sentence_at(after))
        return self.author_from(after, min(stop, end)) if stop > after + 1 else None

    def author_from(self, k: int, end: int) -> Mention | None:
        """The source a noun names from token k on, before token ``end``: a genitive ("der
        Kammer", "des Gerichts") or a von-phrase ("von Anna Berg"); None when token k opens
        neither."""
        word = self.doc[k].lower_
        if word not in AUTHOR_WORDS:
            return None
        return self._body_source(k + 1 if word == "von" else k, end)

    def _body_source(self, start: int, end: int) -> Mention | None:
        """The source a body phrase names after aus/von/bei ("aus der Grünen-Fraktion", "von
        der Landeswarnzentrale"): ``_source_mention``, an organisation unless its noun is
        one for people ("von Anwohnern")."""
        found = self._source_mention(start, end)
        if found is None or found.kind not in ("role", "name") or found in self.mentions:
            return found  # a mention the lists or the NER found
        if any(noun_form(word.lower(), self.lex.roles) for word in found.text.split()):
            return found
        return replace(found, kind="org", org_kind="institution")

    def _noun_phrase_start(self, end: int, c_start: int) -> int:
        """Index of the first token of the noun phrase that ends before token ``end`` ("Der
        WHO", "einer Umfrage des Instituts", "Berichten" before "zufolge"); without tags the
        clause start."""
        if not self.has_pos:
            return c_start
        doc, j = self.doc, end
        while j > c_start and (
            doc[j - 1].pos_ in ("NOUN", "PROPN", "DET", "ADJ", "NUM") or self.in_title[j - 1]
        ):  # a quoted title inside: "Einem Bericht der „Süddeutschen Zeitung“ zufolge"
            j -= 1
        return j

    def _possessive(self, start: int, end: int) -> Mention | None:
        for t in self.doc[start:end]:
            if t.lower_ in self.lex.pronouns:
                gender = self.lex.pronouns[t.lower_]
                return Mention(t.idx, t.idx + len(t.text), t.text, "pronoun", gender=gender)
        return None

    def _best_source(self, mentions: list[Mention]) -> Mention | None:
        """The source among mentions: a name, else an organisation (a document noun gives
        the name in it: "ein Bericht der Nachrichtenagentur Reuters" → Reuters), else a role."""
        for m in mentions:
            if m.kind == "org" and m.org_kind == "document":
                inside = [n for n in self.names if m.start <= n.start and n.end <= m.end]
                if inside:
                    return inside[-1]
        for kind in ("name", "org", "role", "pronoun"):
            for m in mentions:
                if m.kind == kind and not self._weak(m) and m.label != "MISC":
                    return m
        # a MISC name (a quoted offence: "des „Aufrufs zu Subversion“") names no source
        return next((m for m in mentions if m.label != "MISC"), None)

    def _quoted_misc_after(self, j: int) -> bool:
        """Token j is an article before a quoted MISC name (an offence, a title), which
        continues no source phrase."""
        doc = self.doc
        if j + 2 >= len(doc) or self.lex.np_words.get(doc[j].lower_) != "determiner":
            return False
        if not doc[j + 1].is_quote:
            return False
        start = doc[j + 2].idx
        return any(m.start == start and m.label == "MISC" for m in self.names)

    def _noun_phrase_end(self, i: int, sentence: Span) -> int:
        """Index after the source noun phrase starting at token i ("des Weißen Hauses vom
        Donnerstag"): with tags, up to the first verb; else up to the first lower-case word
        that is no noun-phrase word and no adjective before a capitalised word. A name
        mention is never cut ("World Wide Fund for Nature")."""
        doc, lex = self.doc, self.lex
        j = i
        while j < sentence.end:
            t = doc[j]
            inside = next((m for m in self.names if m.start <= t.idx < m.end), None)
            if inside is not None:
                while j < sentence.end and doc[j].idx < inside.end:
                    j += 1
                continue
            if t.text == ",":
                break
            if j > i and self._quoted_misc_after(j):
                break  # "eines Gerichtes | des „Aufrufs zu Subversion“ schuldig": no source
            nxt = doc[j + 1] if j + 1 < sentence.end else None
            if self.has_pos and t.pos_:
                predicative = t.pos_ == "ADJ" and (
                    nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ")
                )
                new_phrase = (
                    t.pos_ == "DET"
                    and j > i
                    and doc[j - 1].pos_ in ("NOUN", "PROPN")
                    and t.lower_ not in GENITIVE_DETERMINERS
                )
                if t.pos_ in ("VERB", "AUX", "ADV") or predicative or new_phrase:
                    break  # "des Roten Kreuzes | obdachlos", "einem Jury-Mitglied | eine …"
                j += 1
                continue
            if (
                t.text[:1].isupper()
                or t.lower_ in lex.np_words
                or t.like_num
                or (t.is_punct and t.text in ".-()")
            ):
                j += 1
                continue
            if nxt is not None and nxt.text[:1].isupper() and self._adjective(t):
                j += 1
                continue
            break
        return j
