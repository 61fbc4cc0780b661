# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 4 · When did it happen? Timelines from temporal expressions
#
# **Question.** News is full of time: "am Donnerstag", "im Juni vergangenen Jahres",
# "seit mehr als einem Jahr". Which events does an article date, and how precisely can we
# place them on a calendar?
#
# **Method.** `artikel` finds temporal expressions with readable rules
# (`lib/artikel/resources/de/time/rules.txt`, one rule a line, with lexicons of month names,
# weekdays, number words … beside it) and normalises each to a TIMEX3 value, as HeidelTime
# does: `DATE` (`2019-02-27`, `2019-02`, `2018`, `2019-W09`), `TIME` (`2019-02-27TEV`,
# `2015-07-12T16:00`), `DURATION` (`P1Y`) and `SET` (`XXXX-WXX-1`, every Monday). Values come
# only from the article's date and its text, never from world knowledge. The common news
# header gives only the month of publication, so "am Donnerstag" is *some Thursday of that
# month*: its value is the month and its interval (`anchor_start`–`anchor_end`) the whole
# month. Only when the text itself fixes a day — "am Freitag (4. März)", a dateline
# "Stand: 13.07.2015" — are weekdays resolved to days, backwards or forwards by the tense of
# the sentence.
#
# Change `CORPUS` to run the chapter on your own articles.

# %% tags=["parameters"]
CORPUS = "../seeds"

# %%
import matplotlib.pyplot as plt
import pandas as pd

import artikel
from artikel.plots import plot_event_counts, plot_timeline

pd.set_option("display.max_colwidth", 90)
analysis = artikel.analyze(CORPUS)

# %% [markdown]
# ## Every temporal expression
#
# The `timexes` table holds each expression with its span in the article text (with the
# preposition when it carries the meaning: "am Donnerstag", "seit mehr als einem Jahr").

# %%
analysis.timexes[["sent_idx", "text", "type", "value", "anchor_start", "anchor_end", "granularity"]]

# %% [markdown]
# In the seed, the summit dinner "am Mittwochabend" and the talks "am Donnerstag" cannot be
# placed on a day: the article says only that it appeared in February 2019, so both are
# February-long intervals. "Im Juni vergangenen Jahres" — the first summit in Singapore — is
# June 2018, resolved from the article's year. "Seit mehr als einem Jahr" is a duration
# (`P1Y`): it has a length, not a place on the calendar, and "jetzt" is a vague reference to
# the present. "In der Zukunft" and "für den Mittag" are deliberately not tagged: too vague
# to place, and a meal rather than a time.

# %% [markdown]
# ## The timeline
#
# `artikel.timeline` keeps the dated events — sentences with a `DATE` or `TIME` that has a
# calendar interval — with the sentence and the names mentioned in it.

# %%
events = artikel.timeline(analysis)
events[["timex", "value", "start", "end", "sentence"]]

# %% [markdown]
# Drawn on a time axis, known days would be points and everything else bars across the
# interval it denotes. The honest picture of the seed: one event in June 2018 and a cluster
# somewhere in February 2019.

# %%
plot_timeline(events)
plt.tight_layout()
plt.show()

# %% [markdown]
# ## On a corpus
#
# With `CORPUS` pointing at a folder, the same table collects the events of every article.
# How precisely can the articles be dated? The granularity of their dated expressions tells:

# %%
events.groupby("granularity").size().rename("events").to_frame()

# %%
analysis.timexes.groupby("type").size().rename("expressions").to_frame()

# %% [markdown]
# ### The corpus view: when does the corpus say things happened?
#
# One lane per article stops working after a few dozen articles. `artikel.event_counts`
# counts the dated events per day, week, month or year instead: an event whose interval
# lies within a period is *certain* there, one whose interval only overlaps it (a
# month-long weekday, in each of its weeks) is *possible*. Events far outside the span of
# the articles' own dates (history told in passing, a misread number) are counted and left
# out, so the axis stays readable from one article to 100,000.

# %%
counts = artikel.event_counts(analysis, freq="month")
counts

# %%
plot_event_counts(counts)
plt.tight_layout()
plt.show()

# %% [markdown]
# ### The entity view: the timeline of one name
#
# `timeline(analysis, entity=...)` keeps the events of the sentences that mention one
# entity (its canonical name or `entity_id`); here the most mentioned person.

# %%
people = artikel.entity_counts(analysis, label="PER")
person = people["canonical"].iloc[0] if len(people) else ""
person_events = artikel.timeline(analysis, entity=person)
person_events[["article_id", "timex", "value", "start", "end", "sentence"]]

# %% [markdown]
# ## Limits
#
# * **Measured** (`make evaluate-real`, see the README):
#
#   | | span F1 | value F1 |
#   |---|---|---|
#   | development corpus (20 articles the rules were checked on) | 0.989 | 0.976 |
#   | German Wikinews, analysis half (errors read) | 0.978 | 0.952 |
#   | German Wikinews, held-out half (never read) | 0.943 | 0.871 |
#   | own TIMEX3 corpus, test split (46 documents written for the project) | 0.986 | 0.951 |
#   | WikiWarsDE, 22 war histories (HeidelTime: 0.933 / 0.885) | 0.948 | 0.909 |
#   | WikiWarsDE, documents 12–22 (never read) | 0.957 | 0.919 |
#
# * **News or history.** Each article is read as news (relative dates from the publication
#   date) or, when most of its explicit years lie years before its date, as a narrative
#   (relative dates from the last date told; a bare year inside a sentence, "im Vorjahr", a
#   date that dates a thing — "beim Kriegsrat vom 8. Dezember 1912" — or ends a range look
#   aside without moving the story, "im nächsten Jahr" carries it on): `[time] reference =
#   auto`, or force `news` / `narrative`. A heading that names years ("1862", "Kriegsjahr
#   1915", "Yorktown, 28. September bis 19. Oktober 1781") bounds its section: a date of
#   another year inside it looks aside, and a month without a year belongs to the section's
#   months. A year heading alone ("1862") lasts over the subheadings after it when the text
#   has two or more of them; on the never-read documents 12–22 this costs 0.006 of value F1
#   (0.917 → 0.911, all of it in one document), on all 22 it gains 0.038.
# * **Weekdays.** With a publication day, a report of the past takes the last such weekday
#   on or before it and an announcement the next one after it, decided by the tense of the
#   clause around the weekday ("für Montag geplant" looks ahead). Of the weekdays that the
#   held-out gold places on or before the publication day, 4 are still dated after it (27
#   before this work); an attributive participle after the weekday decides too ("des am
#   Montag zurückgetretenen Chefs" looks back), and so does a weekday that dates a thing
#   ("die Erklärung vom Sonntag"). A weekday in apposition names the day just written ("am
#   5. September 1921, einem Montag"), also in an undated text. The end of a range comes
#   after its start ("von Mittwoch bis Freitag"), "in der Nacht zum Sonntag" is Saturday's
#   night (`…TNI`), and "übernächsten Samstag" is a week further than "nächsten".
# * **History inside news.** A past-tense clause in a paragraph whose last date, written with
#   its year and month, lies two or more years before the article's reads a month, season or
#   day from that date ("Am 28. November 1956 … am 1. Dezember fand man …"); "im folgenden
#   Frühjahr" follows the last date told. A plan ("Im Mai will die Stadt …") stays with the
#   publication date.
# * **Habits and undated texts.** A recurrence keeps its clock ("jeden Morgen um drei Uhr" is
#   `XXXX-XX-XXT03:00`, "freitags um halb sieben" `XXXX-WXX-5T06:30`, "jedes Jahr im Juni"
#   `XXXX-06`, "Jahr für Jahr" `P1Y`), "morgens", "abends",
#   "nachts" are habits (`SET`) unless the sentence names the day, decades may be words
#   ("in den Fünfzigerjahren" is `195`). A text without a date keeps its values
#   underspecified ("im Sommer" is `XXXX-SU`, "gegen Mitternacht" after "An einem Dienstag"
#   `XXXX-WXX-2T24:00`); it is not read from the years it writes, because its present-tense
#   habits ("Jedes Jahr im Juni …") would take them.
# * **Numbers that are no years.** A bare number is read as a year only with evidence (a
#   preposition, a month, "im Jahr", the start of a sentence, a verb after it) or near the
#   article's date (`[time] year_window`, 100 years): scores, counts and resolutions are no
#   years.
# * **Not covered.** Expressions that need world knowledge ("am Wahlabend", "nach dem
#   Brexit"), event nouns as times, "heute" in the general sense of "nowadays" (read as the
#   publication day), and vague spans whose gold conventions differ between corpora ("in
#   den letzten Tagen").

# %% [markdown]
# ## Exercises
#
# 1. **A day instead of a month.** Copy the seed and add a sentence with an explicit date
#    before the summit ("Am Mittwoch (27. Februar) trafen sich Trump und Kim zum Abendessen.").
#    Re-run: which expressions become days, and how does the timeline plot change?
# 2. **Another publication date.** Change the header of your copy to ` date 2020-02 `. Which
#    values move with it ("im Juni vergangenen Jahres"), which stay, and why?
# 3. **What is missing?** Point `CORPUS` at a few articles of your own and list sentences
#    that mention a time the table does not have. Which of them could a rule in
#    `lib/artikel/resources/de/time/rules.txt` catch, and which need world knowledge?
