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
from artikel.plots import plot_mentions_over_time, plot_top_entities

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
# ## Limits
#
# * **Measured** on the 20 gold articles of the development corpus (body text, 457 gold
#   mentions, `artikel evaluate`): see the README for entity strict F1 (exact span and label),
#   per-label F1 and canonical-frequency F1 with the shipped model. With the gold mention spans
#   given, the canonical-name rules produce the gold canonical name for 521 of 527 mentions;
#   the misses need world knowledge ("AUA" is Austrian Airlines, "BVB" Borussia Dortmund).
# * **NER errors** dominate: organisations named with a place ("Staatsanwaltschaft St.
#   Gallen") are often cut to the place, rare names are missed, and a short name that is also
#   a common noun ("Kraft", "Bahn") can be missed or mislabelled.
# * **Across articles**, the same person may have different canonical names when an article
#   never gives the full name; `entity_id` merges spelling variants only under strict rules
#   (same first name, near-identical surname) and never merges two different full names.
#
# ## Exercises
#
# 1. Point `CORPUS` at `../../shared/dev-corpus/articles` (if you have the project's shared
#    folder) and compare the top entities per label with your own reading of the articles.
# 2. Add a line to `lib/artikel/resources/de/entities/titles.txt` (a role noun that appears
#    before names in your corpus) and re-run: which mentions lose a title, which counts merge?
# 3. Count with `body_only=False` and find the names that appear only in teasers, captions or
#    credits. Why might a researcher want to exclude them?
