"""The mood of a sentence for reported speech: Konjunktiv I and II, and the preterite
plurals that stand in for a Konjunktiv equal to the indicative (a part of ``QuoteArticle``)."""

from __future__ import annotations

import re

from spacy.tokens import Span

from .lexicon import is_konjunktiv


class MoodReader:
    """Whether a sentence is written in the Konjunktiv that continues reported speech."""

    def _konjunktiv_sentence(self, sentence: Span) -> str:
        """ "I" if a verb outside quotation marks is in Konjunktiv I (or any Konjunktiv by the
        model's morphology), "II" if only Konjunktiv II forms are, else ""."""
        moods = set()
        morphology = self.doc.has_annotation("MORPH")
        first_person = any(t.lower_ in ("ich", "wir") for t in sentence)
        conditional = False  # a Konjunktiv II auxiliary seen ("hätten … existiert")
        for t in sentence:
            if self.in_marks[t.i]:
                continue
            if conditional and t.pos_ == "VERB" and re.fullmatch(r"\w+(?:t|en)", t.lower_):
                continue  # the participle after "hätten", read as a present ("existiert")
            conditional = conditional or self.lex.konjunktiv.get(t.lower_) == "II"
            if is_konjunktiv(t, self.lex) or (not first_person and self._bare_konjunktiv(t)):
                moods.add(self.lex.konjunktiv.get(t.lower_, "I"))
            elif "Sub" in t.morph.get("Mood"):
                moods.add("II")  # the model's Konjunktiv II ("sollten", "müssten")
            elif "Ind" in t.morph.get("Mood") or (
                not morphology and self.lex.konjunktiv.get(t.lower_) == "Ind"
            ):
                moods.add("Ind")  # with morphology an infinitive "werden" is no indicative
        if "I" in moods:
            return "I"
        return "II" if "II" in moods and "Ind" not in moods else ""

    def _preterite_for_konjunktiv(self, sentence: Span, s_index: int, speech: dict) -> bool:
        """A plural preterite after reported speech whose cue is in the present: the
        Konjunktiv II that stands in for a Konjunktiv I equal to the indicative ("Lorenz hält
        die Zahl für „die Spitze des Eisbergs“. Viele Betroffene schämten sich …"); after a
        cue in the past it is narration."""
        finite = [
            t
            for t in sentence
            if not self.in_marks[t.i] and t.pos_ in ("VERB", "AUX") and t.morph.get("Mood")
        ]
        # plural by the model, or by the form: a finite verb in -en ("schrieben", which the
        # model may call singular)
        if not finite or not all(
            "Plur" in t.morph.get("Number") or t.lower_.endswith("en") for t in finite
        ):
            return False
        if not any(map(self._preterite, finite)) or any(map(self._indicative, finite)):
            return False
        k = s_index - 1
        while k >= 0 and k in speech:
            previous = self.sentences[k]
            cues = [i for i in self.cues if previous.start <= i < previous.end]
            if cues:
                return all("Pres" in self.doc[i].morph.get("Tense") for i in cues)
            k -= 1
        return False

    @staticmethod
    def _preterite(token) -> bool:
        """A preterite plural that is also the Konjunktiv II: a weak one, the stem of the
        lemma with -ten or -eten ("machten", "schämten"), or a strong one whose vowel takes no
        umlaut ("schrieben", "blieben", "gingen"); not one whose Konjunktiv II differs
        ("kamen"/"kämen", "waren"/"wären")."""
        form, lemma = token.lower_, token.lemma_.lower()
        stem = lemma[:-2] if lemma.endswith("en") else ""
        if stem and form in (stem + "ten", stem + "eten"):
            return True
        strong = "Past" in token.morph.get("Tense") and form.endswith("en") and form != lemma
        return strong and not any(vowel in form[:-2] for vowel in "aouäöü")

    @staticmethod
    def _indicative(token) -> bool:
        """A plural that can only be the indicative: the present ("warten", its lemma) or a
        preterite whose Konjunktiv II has an umlaut ("waren", "wurden", "hatten", "kamen")."""
        form, lemma = token.lower_, token.lemma_.lower()
        if form == lemma or form in ("waren", "wurden", "hatten"):
            return True
        strong = "Past" in token.morph.get("Tense") and not form.endswith("ten")
        return strong and any(vowel in lemma for vowel in "aou")

    @staticmethod
    def _bare_konjunktiv(token) -> bool:
        """A verb written in -e but not -te that the model gives no mood or form, or a form
        no third-person indicative or participle can have: the Konjunktiv I of the third
        person ("Die Gemeinde profitiere", "Er überlege"; "Jede Erhöhung gefährde …" read as
        a participle, "Alles verlaufe friedlich" as a third-person indicative)."""
        following = token.nbor() if token.i + 1 < len(token.doc) else token
        attributive = token.dep_ == "amod" or following.pos_ in ("NOUN", "PROPN", "ADJ")
        misread = (
            (set(token.morph.get("VerbForm")) == {"Part"} and not attributive)  # "geborene"
            or (
                "Ind" in token.morph.get("Mood")
                and "3" in token.morph.get("Person")
                and "Pres" in token.morph.get("Tense")
            )
        ) and token.lower_ not in ("wurde", "würde", "wäre")
        return (
            token.pos_ in ("VERB", "AUX")
            and (
                misread
                or (
                    not token.morph.get("Mood")
                    and not set(token.morph.get("VerbForm")) & {"Inf", "Part"}
                )
            )
            and token.lower_.endswith("e")
            and not token.lower_.endswith("te")
            and token.text[:1].islower()
        )
