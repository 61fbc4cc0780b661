"""Speaker resolution: from the mention of a source (``subjects``) to a speaker, linking
roles and pronouns to names; attribution of quotes that have no cue of their own."""

from __future__ import annotations

from collections import Counter

from ..names import noun_form
from .lexicon import compatible, gender_of_name
from .types import Mention, Quote


class SpeakerResolver:
    """The speaker of each quote as a mention and a canonical name; a part of ``QuoteArticle``."""

    def resolve(
        self,
        mention: Mention | None,
        quotes: list[Quote],
        *,
        source: bool = False,
        content: tuple[int, int] = (0, 0),
    ) -> tuple[str, str]:
        """(speaker, speaker type) of a mention, resolving roles and pronouns.

        A role noun takes the name the article links it with ("US-Präsident Donald Trump"
        … "der US-Präsident"); a definite role noun in a speech frame otherwise takes the most
        recent person of its gender outside the quote's ``content`` (not in a source phrase:
        "nach Angaben der Landeswahlleiterin" introduces a new source; "Merkel wolle handeln,
        sagte der Sprecher" is not Merkel's); an anaphoric organisation noun ("des
        Unternehmens") the organisation named most often before it.
        """
        if mention is None:
            return "", "unnamed"
        if mention.kind == "name":
            if mention.label in ("ORG", "LOC", "MISC"):
                return mention.canonical, "organisation"
            return mention.canonical, "person"
        if mention.kind == "role":
            linked = self._apposition(mention) or self._linked(mention)
            if linked:
                return linked, "person"
            if mention.definite and mention.gender != "p" and not source:
                person = self._recent_person(mention.start, mention.gender, outside=content)
                if person:
                    return person, "person"
            return mention.canonical, "role"
        if mention.kind == "org":
            if mention.definite and not self._has_complement(mention):
                org = self._named_with(mention)  # also an institution: "das Ministerium"
                if not org and mention.org_kind in ("anaphoric", "document"):
                    org = self._recent_org(mention.start)
                if org:
                    return org, "organisation"
            return mention.canonical, "organisation"
        return self._resolve_pronoun(mention, quotes, content)

    def _named_with(self, mention: Mention) -> str:
        """The latest organisation before an anaphoric noun whose name holds that noun, by
        name or as a noun phrase of its own: "das Ministerium" after "das Innenministerium",
        "das Gericht" after "Verwaltungsgericht Gießen"; "" if none."""
        head = mention.head
        earlier = [
            m
            for m in self.mentions
            if m.end <= mention.start
            and (m.kind == "org" or (m.kind == "name" and m.label == "ORG"))
            and m.canonical.lower() != head
            and any(word.endswith(head) for word in m.canonical.lower().split())
        ]
        return max(earlier, key=lambda m: m.start).canonical if earlier else ""

    @staticmethod
    def _has_complement(mention: Mention) -> bool:
        """Whether words follow the noun of an organisation noun phrase ("die Gewerkschaft
        der Polizei" names itself; "der Münchner Konzern" refers back)."""
        words = mention.canonical.lower().split()
        noun = next((k for k, word in enumerate(words) if word.endswith(mention.head)), -1)
        return 0 <= noun < len(words) - 1

    def _resolve_pronoun(
        self, mention: Mention, quotes: list[Quote], content: tuple[int, int] = (0, 0)
    ) -> tuple[str, str]:
        """A pronoun's speaker: the latest of the person of its gender named before, a role
        noun phrase (``_recent_role``) and an organisation that was a subject
        (``_recent_organisation``: "Die Polizei griff ein. Sie teilte mit, …"), none of
        them inside the quote's ``content`` or an earlier quote."""
        person = ""
        if mention.gender != "p":
            person = self._recent_person(mention.start, mention.gender, quotes=quotes)
        named = self._last_named(mention.start, person) if person else -1
        outside = [content, *((q.start, q.end) for q in quotes)]
        role = self._recent_role(mention.start, mention.gender, outside)
        organisation = self._recent_organisation(mention.start, mention.gender, outside)
        latest = max(
            (m for m in (role, organisation) if m is not None and m.start > named),
            key=lambda m: m.start,
            default=None,
        )
        if latest is None:
            return (person, "person") if person else ("", "unnamed")
        mention.antecedent = latest
        if latest.kind != "role" or latest.definite:  # "Die Ministerin … Sie sagte": as she would
            return self.resolve(latest, quotes)
        return latest.canonical, "role"  # "… von einer Armeesprecherin bestätigt. Sie sagte, …"

    def _last_named(self, offset: int, name: str) -> int:
        """Where the person ``name`` was last mentioned before ``offset`` (-1: never by name)."""
        starts = [m.start for m in self.names if m.canonical == name and m.end <= offset]
        starts += [off for off, _, linked, _ in self.links if linked == name and off < offset]
        return max(starts, default=-1)

    def _apposition(self, mention: Mention) -> str:
        """The canonical name of ``_apposition_name``, or ""."""
        name = self._apposition_name(mention)
        return name.canonical if name is not None else ""

    def _apposition_name(self, mention: Mention) -> Mention | None:
        """The name in apposition to a role noun phrase: "der Sprecher der Bewegung, Ehsan
        Ehsan, sagte", "Der Nachfolger des Airbus-Chefs Streiff, Louis Gallois, …", "…, sagte
        der Sprecher des Ministeriums, Thomas Berger." (no verb between the role and the
        comma; the name closes with a comma or the sentence)."""
        comma = self.text.find(",", mention.end, mention.end + 120)
        if comma < 0 or any(ch in self.text[mention.end : comma] for ch in ".!?\n"):
            return None  # another sentence's comma ("…, sagte der 58-Jährige. Die Anwältin, X,")
        between = self.doc.char_span(mention.end, comma, alignment_mode="expand")
        if between is not None and any(t.pos_ in ("VERB", "AUX") for t in between):
            return None
        start = self._after_spaces(comma + 1)
        start = self._past_title_phrase(start)
        for name in self.names:
            if name.start == start and name.label in ("PER", ""):
                fits = mention.gender not in "mf" or compatible(mention.gender, name.gender)
                closed = self.text[name.end : name.end + 1] in (",", ".", "!", "?")
                return name if fits and closed else None  # "…, Thomas Berger."
        return None

    def _past_title_phrase(self, start: int) -> int:
        """Where the name starts when a role noun phrase stands before it as its title ("…,
        die Staatsrechtlerin Annette Sundermann, …"); ``start`` itself otherwise."""
        token = self.token_at(start)
        if token is None:
            return start
        i = token.i
        if self.lex.np_words.get(token.lower_) == "determiner":
            i += 1
        while i < len(self.doc) and self._adjective(self.doc[i]):
            i += 1
        if i >= len(self.doc) or not self._role_word(self.doc[i]):
            return start
        name = self._name_after(i)
        return name.start if name is not None else start

    def _linked(self, mention: Mention) -> str:
        """The name last written after this role noun (a bare "die Ministerin" also takes
        "Umweltministerin Barbara Hendricks")."""
        form = noun_form(mention.head, self.lex.roles)
        if not form:
            return ""
        form = self.lex.roles[form][0]
        generic = mention.head == form
        best = ""
        for offset, key, name, gender in self.links:
            if offset > mention.start:
                break
            clash = mention.gender in "mf" and gender in "mf" and gender != mention.gender
            if (key == mention.head or (generic and key.endswith(form))) and not clash:
                best = name  # "die Abgeordnete" is not "der Abgeordnete Lukas Berndt"
        return best

    def _recent_person(
        self,
        offset: int,
        gender: str,
        quotes: list[Quote] | None = None,
        outside: tuple[int, int] = (0, 0),
    ) -> str:
        """The most recent person before ``offset`` whose gender fits, not named inside the
        span ``outside``."""
        candidates: list[tuple[int, str, str]] = []
        for m in self.names:
            inside = outside[0] <= m.start < outside[1]
            if m.end <= offset and m.label in ("PER", "") and not inside:
                candidates.append((m.start, m.canonical, m.gender))
        for off, _, name, link_gender in self.links:
            if off < offset:
                candidates.append((off, name, link_gender))
        for q in quotes or []:
            if q.speaker_type == "person" and q.mention is not None and q.mention.end <= offset:
                candidates.append((q.mention.start, q.speaker, self._gender_of(q.speaker)))
        candidates.sort()
        for _, name, g in reversed(candidates):
            if g == "x" or name in self.person_genders:
                g = self._gender_of(name)  # the gender layer's decision comes first
            if compatible(gender if gender in "mf" else "x", g) or gender in ("x",):
                return name
        return ""

    def _gender_of(self, canonical: str) -> str:
        if canonical in self.person_genders:
            return self.person_genders[canonical]
        for m in self.names:
            if m.canonical == canonical and m.gender != "x":
                return m.gender
        for _, _, name, g in self.links:
            if name == canonical and g in "mf":
                return g
        return gender_of_name(canonical)

    def _recent_org(self, offset: int) -> str:
        """The organisation a definite noun ("des Unternehmens") refers back to: one named in
        the same or the previous sentence, else the one named most often in the body."""
        body = dict(self.in_body)
        orgs = [
            m
            for m in self.names
            if m.label == "ORG" and m.end <= offset and body.get(m.start, True)
        ]
        if not orgs:
            return ""
        here = self.token_at(offset)
        if here is not None:
            recent = self.sentences[max(self.sentence_of(here.i) - 1, 0)].start_char
            near = [m for m in orgs if m.start >= recent]
            if near:
                return near[-1].canonical
        counts = Counter(m.canonical for m in orgs)
        latest = {m.canonical: index for index, m in enumerate(orgs)}
        return max(counts, key=lambda name: (counts[name], latest[name]))

    def merge(self, direct: list[Quote], indirect: list[Quote]) -> list[Quote]:
        """An indirect span that contains a quoted fragment becomes ``mixed``, and the
        fragment is no quote of its own."""
        quotes = list(direct)
        for q in indirect:
            if any(q.start <= m.start and m.end <= q.end + 1 for m in self.marked):
                q.kind = "mixed"
            quotes = [d for d in quotes if not (q.start <= d.start and d.end <= q.end + 1)]
            if not self.covered(q.start, q.end, quotes):
                quotes.append(q)
        return sorted(quotes, key=lambda q: q.start)

    def attribute(self, quotes: list[Quote]) -> None:
        """Speakers: resolve each quote's mention; a quote without one (a continuation, a
        quote standing alone) takes the speaker of the reported speech just before it."""
        done: list[Quote] = []
        last: Quote | None = None
        for q in quotes:
            if q.mention is not None and q.mention.kind == "evidence":
                q.speaker, q.speaker_type = "", "unnamed"  # "Berichten zufolge": no speaker
            elif q.mention is not None and not q.inherit:
                q.speaker, q.speaker_type = self.resolve(
                    q.mention, done, source=q.source, content=(q.start, q.end)
                )
            elif q.cue:
                q.speaker, q.speaker_type = "", "unnamed"  # "hieß es": no recoverable source
            elif q.implied is not None:  # continues a sentence that reported nothing itself
                q.speaker, q.speaker_type = self.resolve(q.implied, done)
            else:
                q.inherit = True
                if last is not None and self._near(last, q):
                    q.speaker, q.speaker_type, q.mention = (
                        last.speaker,
                        last.speaker_type,
                        last.mention,
                    )
            done.append(q)
            last = q

    def _near(self, last: Quote, q: Quote) -> bool:
        return 0 <= self.paragraph_of(q.start) - self.paragraph_of(last.start) <= 1
