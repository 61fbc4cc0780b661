"""The accuracy gate: every figure the README reports, pinned a hair below its value.

The real-news report (``artikel evaluate --real``) runs once; each pinned figure must reach
its pin. A pin may be lowered only in a commit whose message reports the real-text gain that
paid for it. The gold is pinned too: a changed dev-corpus gold file or held-out stand-off
file fails here until the digest is updated with a logged reason
(``evaluation/wikinews-dev/CHANGES.md``).
"""

from __future__ import annotations

import hashlib

import pytest

from artikel.realnews import STANDOFF, load_standoff
from artikel.yardstick import real_news_report

# figure -> {set: pin}; sets: dev corpus, Wikinews analysis and held-out halves, and the
# further sets of yardstick.EXTRA_SETS (own test splits, SpkAtt dev, Redewiedergabe)
PINS = {
    "boilerplate paragraphs F1": {"dev": 0.995},
    "entities strict F1": {"dev": 0.937, "analysis": 0.874, "heldout": 0.833},
    "entity spans F1": {"dev": 0.959, "analysis": 0.899, "heldout": 0.892},
    "canonical frequency F1": {"dev": 0.941, "analysis": 0.86, "heldout": 0.817},
    "most mentioned entity right": {"dev": 0.895, "analysis": 0.915, "heldout": 0.833},
    "quote spans F1": {
        "dev": 0.985,
        "analysis": 0.824,
        "heldout": 0.774,
        "own_quotes": 0.971,
        "spkatt": 0.393,
        "redewiedergabe": 0.414,
    },
    # lowered in session 15 (analysis from 0.819, held-out from 0.690, with a cue from 0.798;
    # own quotes from 0.967 with a larger test split), paid for by the quotes found since
    # (held-out quote span F1 0.761 -> 0.779, direct recall 0.837 -> 0.878, indirect recall
    # 0.685 -> 0.712; analysis 0.810 -> 0.823): most are Konjunktiv continuations, which
    # GUIDELINES.md leaves without a mention and the Wikinews gold gives one. Own quotes
    # lowered in session 16 from 0.968: the test split grew from 60 to 70 documents with
    # the harder batches q10-q12 (on the old 60 documents 0.973 before and after the
    # session's changes; 0.965 on all 70), not a change of the rules on the same gold
    "speaker-mention accuracy": {
        "dev": 0.989,
        "analysis": 0.801,
        "heldout": 0.681,
        "own_quotes": 0.963,
    },
    "speaker-mention accuracy, quotes with a cue": {
        "dev": 0.989,
        "analysis": 0.933,
        "heldout": 0.792,
    },
    # lowered in session 14 (analysis from 0.611, held-out from 0.595), paid for by 'nach
    # Angaben des <adj> <noun>' naming its body with the cue GUIDELINES.md writes (own quote
    # train +8 speaker mentions; Wikinews marks "Nach" alone as the cue) and by the quotes
    # found since (held-out quote span F1 0.758 -> 0.761, indirect recall 0.676 -> 0.685:
    # continuations without a cue, which Wikinews gives one)
    "cue accuracy": {"dev": 0.953, "analysis": 0.599, "heldout": 0.584},
    "attributed quotes F1": {"dev": 0.944},
    "timex spans F1": {"dev": 0.984, "analysis": 0.973, "heldout": 0.938},
    "timex values F1": {"dev": 0.971, "analysis": 0.947, "heldout": 0.866, "own_timexes": 0.946},
    "gender accuracy, PER mentions": {"dev": 0.99, "analysis": 0.972, "heldout": 0.911},
    "female precision": {"dev": 0.995, "analysis": 0.995, "heldout": 0.995},
    "female recall": {"dev": 0.975, "analysis": 0.995, "heldout": 0.966},
    "gender accuracy, person speakers": {
        "dev": 0.989,
        "analysis": 0.958,
        "heldout": 0.837,
        "own_quotes": 0.964,
    },
}
# the share of women among quotes, predicted vs gold: at most this far apart (issue 21's
# target 0.03; the held-out gap is 0.018 since session 16)
SHARE_GAPS = {"dev": 0.016, "analysis": 0.03, "heldout": 0.03, "own_quotes": 0.02}
WIKIWARSDE_PINS = {
    "lenient span F1": 0.943,
    "value F1": 0.904,
    "lenient span F1, documents 12-22": 0.952,
    "value F1, documents 12-22": 0.914,
}
DEV_GOLD_SHA256 = "dacd7d3c468e8e4e58057f4f4fd9eaf3d594c1ae370b7a9226f252b05e7bf8c0"
HELDOUT_GOLD_SHA256 = "e27f6feca2f060d34bb8ca29b9c335d1c645a848cabf9fe7e84c43c6ea79c8dd"


def _digest(files) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def report():
    return real_news_report()


def test_the_gold_is_the_gold_the_pins_were_set_on(dev_corpus):
    assert _digest((dev_corpus / "gold").glob("*.json")) == DEV_GOLD_SHA256, (
        "the dev-corpus gold changed: re-measure and update the pins and this digest"
    )
    heldout = [STANDOFF / f"{i}.json" for i, r in load_standoff().items() if r["half"] == "heldout"]
    assert len(heldout) == 75
    assert _digest(heldout) == HELDOUT_GOLD_SHA256, (
        "the held-out gold changed: log the reason in evaluation/wikinews-dev/CHANGES.md, "
        "then update this digest"
    )


@pytest.mark.parametrize("figure", sorted(PINS))
def test_no_reported_figure_drops_below_its_pin(report, figure):
    for set_name, pin in PINS[figure].items():
        value = report["sets"][set_name][figure]
        assert value >= pin, f"{figure} on {set_name}: {value:.3f} < pin {pin:.3f}"


def test_the_female_share_of_quotes_stays_near_gold(report):
    for set_name, gap in SHARE_GAPS.items():
        figures = report["sets"][set_name]
        gold = figures["female share of quotes, gold"]
        predicted = figures["female share of quotes, predicted"]
        assert abs(predicted - gold) <= gap, f"{set_name}: {predicted:.3f} vs gold {gold:.3f}"


def test_weekdays_are_not_dated_after_the_day_more_often(report):
    # weekday expressions whose gold day is on or before the publication day, dated after it
    for set_name, most in {"analysis": 0, "heldout": 4, "own_timexes": 0}.items():
        late = report["sets"][set_name]["weekdays on/before the day, dated after it"]
        assert late <= most, f"{set_name}: {late} weekdays dated after the publication day"


def test_no_more_person_canonicals_fuse_two_people(report):
    # a predicted person canonical whose mentions overlap two different gold people
    for set_name, most in {"dev": 0, "analysis": 1, "heldout": 0}.items():
        fused = report["sets"][set_name]["person canonicals fusing two people"]
        assert fused <= most, f"{set_name}: {fused} person canonicals fuse two people"


def test_wikiwarsde_does_not_drop(report):
    for figure, pin in WIKIWARSDE_PINS.items():
        assert report["wikiwarsde"][figure] >= pin, figure
