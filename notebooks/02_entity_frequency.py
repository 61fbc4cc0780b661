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
# # 2 · Who is mentioned? Entity frequency
#
# **Question.** Which people, organisations and places does the news talk about, and how
# often? Counting names sounds trivial until one meets German inflection: "Trumps",
# "des Weißen Hauses", "der Vereinigten Staaten", "Kim" for Kim Jong Un, "USA" and "US" for
# the same country. A count that treats these as different names is wrong.
#
# **Method.** The German spaCy pipeline shipped with `artikel` (trained by this project on
# open corpora and its own news corpus, see `training/`) marks names as PER, ORG, LOC or
# MISC. A document-level pass makes each name's label consistent within the article and adds
# mentions the model missed. Each mention then gets a **canonical** name — the nominative,
# fullest name the article uses for that referent: titles are cut ("US-Präsident Donald
# Trump" → "Donald Trump"), genitives and declined adjectives brought to the nominative
# only where the text gives evidence (so "Paris" and "Hans" stay whole), countries take their
# CLDR German name ("USA" → "Vereinigte Staaten"), abbreviations and surnames join their long
# forms. An `entity_id` makes counts add up across a corpus. Mentions in teasers, captions,
# ads and credits are kept but marked `in_body = False`, and left out of the counts.
#
# Change `CORPUS` to run the chapter on your own articles.

# %% tags=["parameters"]
CORPUS = "../seeds"

# %%
import matplotlib.pyplot as plt
import pandas as pd

import artikel
from artikel.display import entities_html
from artikel.plots import plot_entity_months, plot_mentions_over_time, plot_top_entities

pd.set_option("display.max_colwidth", 60)
analysis = artikel.analyze(CORPUS)
analysis.meta["pipeline"]

# %% [markdown]
# ## The names in the text
#
# Every mention, highlighted in the article (the article text is HTML-escaped; hover a name
# to see its label and canonical name):

# %%
entities_html(analysis)

# %%
analysis.entities[["sent_idx", "text", "label", "canonical", "entity_id", "in_body"]]

# %% [markdown]
# ## How often?
#
# `entity_counts` counts body mentions per entity and the number of articles that mention it
# (document frequency). On one article the two differ only in scale; on a corpus, document
# frequency is the better measure of how widely a name is covered.

# %%
counts = artikel.entity_counts(analysis)
counts.head(15)

# %%
plot_top_entities(counts, n=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# ## Who appears together?
#
# Pairs of entities named in the same sentence — the edges of a network of news actors:

# %%
artikel.cooccurrence(analysis).head(10)

# %% [markdown]
# ## Over time
#
# With a corpus, mentions per month show who rises and falls. Articles dated only by year
# are left out of monthly counts: their month is unknown and is not guessed.

# %%
monthly = artikel.entity_counts(analysis, per="month")
plot_mentions_over_time(monthly)
plt.tight_layout()
plt.show()

# %% [markdown]
# ## On a corpus: top names per label and month, spikes and their articles
#
# Lines stop working beyond a handful of names. The heat map keeps the twelve most mentioned
# entities as rows and the months as columns; past four years of months it sums to years,
# so it reads the same for one article and for 100,000. `entity_counts(..., per="month",
# label=..., top=...)` gives the table behind it, per label.

# %%
plot_entity_months(monthly)
plt.tight_layout()
plt.show()

# %%
artikel.entity_counts(analysis, per="month", label="PER", top=5)

# %% [markdown]
# A **spike** is a month in which an entity is mentioned at least three times its usual
# monthly count (the median over the corpus's months, months without a mention counting as
# zero) and at least five times. `entity_spikes` names the articles behind each spike, so a
# researcher can read why. One article, or a corpus of a single month, has no spikes: the
# table below is empty for the seed and fills on a corpus.

# %%
spikes = artikel.entity_spikes(analysis)
spikes

# %% [markdown]
# ## One person, one id: the alias table
#
# Within an article, "Merkel" joins "Angela Merkel" when the article names her in full.
# Across articles, `entity_id` joins a surname used alone to the corpus's only full name
# that ends in it, and spelling variants of one name ("Selenskyj", "Selenski" with the same
# first name). Two different full names never share an id. `entity_aliases` lists every
# name that shares its id with another name, and why; a researcher who knows better writes
# `LABEL<TAB>name<TAB>canonical` lines (or `-` to keep a name apart) into a file named by the
# setting `[ids] aliases`.

# %%
artikel.entity_aliases(analysis)

# %% [markdown]
# ## Limits
#
# * **Measured** with `make evaluate-real` (README, "Accuracy") on three kinds of text: the 20
#   development articles the rules were checked on, 75 real Wikinews articles whose errors
#   were read (analysis half) and 75 never read (held-out half), all with blind gold:
#
#   | figure | dev | analysis | held-out |
#   |---|---|---|---|
#   | entities, strict F1 (span and label) | 0.942 | 0.879 | 0.838 |
#   | canonical frequency F1 | 0.946 | 0.865 | 0.822 |
#   | most mentioned entity right | 0.900 | 0.920 | 0.838 |
#   | person canonicals that fuse two people | 0 | 0 | 0 |
#   | of the 20 most mentioned gold names, among ours | 19 | 20 | 18 |
#
#   On real news written by others, about one mention in six is missed, cut wrong or
#   labelled wrong; counts of the most frequent names are much safer than counts of rare ones.
# * **NER errors** dominate: organisations named with a place ("Staatsanwaltschaft St.
#   Gallen") are often cut to the place, rare names are missed, and a short name that is also
#   a common noun ("Kraft", "Bahn") can be missed or mislabelled. Declined adjectives of
#   names come to the nominative ("des Kalten Krieges" → "Kalter Krieg"), a dative plural
#   head does not ("Olympischen Spielen" → "Olympische Spielen").
# * **Labels and names from context.** A noun of a kind right before a name gives every
#   mention of that name its label ("der Windenergiefirma Enercon", "die Fluggesellschaft
#   „Sosoliso“"; `entities/kind_nouns.txt`), and in a match report a country is its national
#   team ("gegen Weltmeister Tschechien (3:2)"). A one-word name found once is looked for
#   again in the article unless German text uses the word as a common noun
#   (`entities/common_nouns.txt`, counted from raw text: "Bahn" is one, "Hochtief" is not).
# * **Across articles**, a surname alone is joined to a full name only when the corpus has
#   exactly one full name ending in it; a corpus with two people called Müller keeps every
#   "Müller" apart, and a corpus where only one Müller is named in full joins all of them to
#   that one — check `entity_aliases` before you report a person's counts.
#
# ## Exercises
#
# 1. Point `CORPUS` at `../../shared/dev-corpus/articles` (if you have the project's shared
#    folder) and compare the top entities per label with your own reading of the articles.
# 2. Add a line to `lib/artikel/resources/de/names/person_nouns.txt` (a role noun that
#    appears before names in your corpus, with the use `title`) and re-run: which mentions
#    lose a title, which counts merge?
# 3. Count with `body_only=False` and find the names that appear only in teasers, captions or
#    credits. Why might a researcher want to exclude them?
# 4. On a corpus of a few hundred articles, take the strongest row of `entity_spikes` and
#    read its articles: is the spike one event, one long article, or a name mix-up? Then
#    look the name up in `entity_aliases` and decide whether an alias file line is needed.
