"""The mood of a sentence for reported speech: Konjunktiv I and II, and the preterite
plurals that stand in for a Konjunktiv equal to the indicative (a part of ``QuoteArticle``)."""

from __future__ import annotations

import re

from spacy.tokens import Span

from .lexicon import CLAUSE_END, is_konjunktiv

CLAUSE_BREAKS = frozenset(CLAUSE_END | {"(", ")"})  # where a Konjunktiv II's verb complex ends
MODALS = frozenset(("können", "dürfen", "müssen", "sollen", "wollen", "mögen"))


class MoodReader:
    """Whether a sentence is written in the Konjunktiv that continues reported speech."""

    def _konjunktiv_sentence(self, sentence: Span) -> str:
        """ "I" if a verb outside quotation marks is in Konjunktiv I (or any Konjunktiv by the
        model's morphology); "II" if the main clause has a Konjunktiv II of a verb other
        than a modal and no indicative (one in a subordinate clause does not count); "II
        modal" if only a modal or a subordinate clause is in Konjunktiv II ("könnte",
        "dürfte": often the writer's own hedge); else ""."""
        moods: set[str] = set()
        main_moods: set[str] = set()
        morphology = self.doc.has_annotation("MORPH")
        first_person = any(t.lower_ in ("ich", "wir") for t in sentence)
        conditional = False  # a Konjunktiv II auxiliary seen in this clause ("hätten … existiert")
        for t in sentence:
            if t.text in CLAUSE_BREAKS:
                conditional = False
            if self.in_marks[t.i]:
                continue
            mood = ""
            if is_konjunktiv(t, self.lex) or (not first_person and self._bare_konjunktiv(t)):
                mood = self.lex.konjunktiv.get(t.lower_, "I")
            elif "Sub" in t.morph.get("Mood") or _umlaut_konjunktiv(t):
                mood = "II"  # the model's Konjunktiv II ("sollten"), or "gäbe", "fänden"
            elif ("Ind" in t.morph.get("Mood") and t.pos_ in ("VERB", "AUX")) or (
                not morphology and self.lex.konjunktiv.get(t.lower_) == "Ind"
            ):
                mood = "Ind"  # not "binnen" read as a verb; nor an infinitive "werden"
            if mood == "Ind" and conditional and self._in_verb_complex(t):
                continue  # "hätten … verwertet werden können": participles and infinitives
            conditional = conditional or mood == "II"
            if mood:
                moods.add(mood)
                if not _subordinate(t) and (mood != "II" or t.lemma_ not in MODALS):
                    main_moods.add(mood)  # "dürfte", "könnte": the writer's own hedge
        if "I" in moods:
            return "I"
        if "II" in main_moods and "Ind" not in main_moods:
            return "II"
        return "II modal" if "II" in moods and "Ind" not in moods else ""

    @staticmethod
    def _in_verb_complex(token) -> bool:
        """A participle or infinitive that the model reads as a finite verb after a
        Konjunktiv II auxiliary: "improvisiert", "entsenden", "können"."""
        if token.pos_ == "VERB" and re.fullmatch(r"\w+(?:t|en)", token.lower_):
            return True
        return token.pos_ == "AUX" and token.lower_.endswith("en") and token.text.islower()

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


def _umlaut_konjunktiv(token) -> bool:
    """A finite verb whose umlaut its lemma lacks, ending in -e or -en: the Konjunktiv II
    of a strong verb ("gäbe", "fänden", "untergrüben"), which no indicative form is (those
    with a new umlaut end in -t or -st: "fährt", "läuft")."""
    form, lemma = token.lower_, token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") or not token.text[:1].islower() or form == lemma:
        return False
    if set(token.morph.get("VerbForm")) & {"Inf", "Part"} or not form.endswith(("e", "en")):
        return False
    return any(umlaut in form and umlaut not in lemma for umlaut in "äöü")


def _subordinate(token) -> bool:
    """A verb of a subordinate clause: its clause opens with a conjunction ("als sie …
    steuerten") or is a relative clause. Without a parse, none: a Doc without dependencies
    has no children to read (walking them there crashed the rule pipeline once)."""
    if not token.doc.has_annotation("DEP"):
        return False
    head = token.head if token.dep_ in ("aux", "aux:pass", "cop") else token
    if head.dep_ in ("acl", "acl:relcl"):
        return True
    return any(child.dep_ == "mark" for child in head.children)
