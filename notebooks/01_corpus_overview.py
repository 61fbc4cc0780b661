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
# # 1 · From article files to tables
#
# **Question.** What does a news article look like once it is data? Before we count who is
# mentioned, who is quoted or when things happened, we need the article as tidy tables:
# one row per article, per paragraph, per sentence — and an honest record of every file
# that could not be read.
#
# **Method.** `artikel.read_articles` reads files, folders, globs, JSON Lines, CSV, Parquet
# and HTML pages. `artikel.analyze` then splits each text into paragraphs (at blank lines),
# sorts out what is not article body — newsletter ads, "Mehr zum Thema" teasers, agency
# credits, bylines, captions, subheadings, embedded foreign-language posts — using
# readable pattern files (`lib/artikel/resources/de/boilerplate/`), identifies the language
# of the article and of every paragraph (py3langid), and splits sentences with spaCy's
# German tokenizer and the pipeline shipped with `artikel`.
#
# To run this chapter on your own articles, change `CORPUS` below to a folder, a file
# or a glob (e.g. `"/data/news/**/*.txt"`).

# %% tags=["parameters"]
CORPUS = "../seeds"

# %%
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

import artikel
from artikel.display import paragraphs_html
from artikel.plots import plot_paragraph_kinds, plot_sentence_lengths

pd.set_option("display.max_colwidth", 80)

# %% [markdown]
# ## What an article file looks like
#
# The common format of large news crawls (and of our seed, a Tagesspiegel report on the
# Trump–Kim summit in Hanoi, February 2019): the first line starts with ` date YYYY-MM `,
# the month of publication, directly followed by the first paragraph; paragraphs are
# separated by blank lines. Here are the first characters of the first file:

# %%
first_file = sorted(p for p in Path(CORPUS).rglob("*") if p.is_file())[0]
print(first_file.read_text(encoding="utf-8")[:420])

# %% [markdown]
# ## The articles table
#
# `read_articles` turns every file into a row. The date header becomes `date` with its
# `date_precision` (here only the month is known — later chapters must not pretend to know
# the day). `text` is everything after the header; all offsets in the other tables point
# into it.

# %%
articles = artikel.read_articles(CORPUS)
analysis = artikel.analyze(articles)
analysis

# %%
analysis.articles[
    ["article_id", "date", "date_precision", "lang", "n_chars", "n_words", "encoding"]
]

# %% [markdown]
# Files that cannot be read never disappear: they are rows of the `errors` table, with the
# file and the reason. For the seed it is empty.

# %%
analysis.errors

# %% [markdown]
# ## Paragraphs and boilerplate
#
# Not every paragraph of a web article is article text. The `kind` column says what each
# paragraph is; only `body` paragraphs count for the body-text analyses of the next
# chapters. A credit at the end of a body paragraph, such as "(Tsp, AFP, dpa)", is
# recorded in the `credit` column and left out of the body.

# %%
analysis.paragraphs[["para_idx", "kind", "lang", "credit", "text"]]

# %% [markdown]
# The same article as it reads, with every paragraph marked by its kind (boilerplate is
# greyed out; the article text is HTML-escaped, so markup inside an article shows as text):

# %%
paragraphs_html(analysis.paragraphs)

# %%
plot_paragraph_kinds(analysis.paragraphs)
plt.show()

# %% [markdown]
# ## Sentences
#
# Sentences never cross a paragraph boundary. The splitter keeps abbreviations
# ("z. B.", "Dr.", "US-Präs."), ordinal dates ("am 27. Februar") and quotations
# („…“, «…») together; `in_body` marks the sentences of body paragraphs.

# %%
analysis.sentences[["sent_idx", "para_idx", "in_body", "text"]].head(12)

# %%
plot_sentence_lengths(analysis.sentences)
plt.show()

# %%
lengths = analysis.sentences[analysis.sentences["in_body"]]["text"].map(artikel.reading.count_words)
lengths.astype("int64").describe().round(1)

# %% [markdown]
# ## Limits
#
# * **Boilerplate.** On the 20 articles of the development corpus (German, Austrian and
#   Swiss news in the styles of twelve outlets) boilerplate paragraphs are found with
#   precision 1.00, recall 1.00 and F1 1.00 (60 paragraphs; `artikel evaluate`, see the
#   README), and the kind is right for all of them. These articles were written in the
#   styles of sites whose boilerplate the patterns know; a site with other habits
#   (a new newsletter wording, an unknown agency code) needs a line in the pattern files.
#   A short heading-like line in the body is taken for a subheading, and a byline is
#   recognised only when the name starts with a first name the name list knows.
# * **Language.** Paragraphs shorter than six words take the article's language; a short
#   embedded post in another language is therefore only caught by the embed patterns.
# * **Sentences.** The rules split at sentence punctuation followed by a capitalised word.
#   An abbreviation unknown to spaCy and to `abbreviations.txt` before a capitalised
#   word ("Gen. Müller") splits a sentence wrongly.

# %% [markdown]
# ## Exercises
#
# 1. **A new kind of teaser.** Copy the seed into a folder of your own, add a paragraph
#    "Unser Tipp: Die zehn schönsten Radwege im Allgäu" and point `CORPUS` at the folder: the
#    paragraph counts as `body`. Add a pattern line such as `(?i)^unser tipp\s*:` (with an
#    `# EXAMPLE:` line above it) to `lib/artikel/resources/de/boilerplate/teaser.txt` and re-run.
#    Which kind does the paragraph get now, and which numbers in the articles table move?
# 2. **Nothing is lost.** Put an empty file, a PDF and an article whose first line reads
#    ` date 2019-13 ` into that folder and re-run. Read the `errors` table: is every file
#    accounted for, with a reason you could act on?
# 3. **Sentence ends.** Write a sentence with an abbreviation the splitter does not know
#    before a capitalised word ("Der Einsatz unter Gen. Müller begann im Mai."), look at
#    `analysis.sentences`, then add the abbreviation to
#    `lib/artikel/resources/de/abbreviations.txt` and compare.
