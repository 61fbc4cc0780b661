"""artikel: German news articles as tidy pandas tables (entities, quotes, timelines).

The package's layers, in the order an article passes them: ``reading`` (inputs to article
rows), ``structure`` (paragraphs, boilerplate, sentences), ``nlp`` (the spaCy pipeline),
``entities`` (with ``names``, ``canonical``, ``consistency``), ``quotes/``, ``timexes/``;
``annotate`` turns one article into rows of every table, ``run`` streams a corpus through
it (with ``cache`` and ``parallel``), ``tables`` and ``analysis`` hold and store the result,
``views``, ``plots`` and ``display`` look at it, ``evaluate`` and ``realnews`` measure it.
"""

__version__ = "0.1.0"

from .analysis import Analysis, analyze, load_analysis
from .nlp import load_pipeline
from .reading import iter_articles, read_articles
from .run import analyze_corpus
from .settings import load_settings
from .tables import SCHEMAS, read_table
from .views import (
    cooccurrence,
    entity_aliases,
    entity_counts,
    entity_spikes,
    event_counts,
    gender_shares,
    speaker_counts,
    speaker_type_shares,
    timeline,
)

__all__ = [
    "SCHEMAS",
    "Analysis",
    "__version__",
    "analyze",
    "analyze_corpus",
    "cooccurrence",
    "entity_aliases",
    "entity_counts",
    "entity_spikes",
    "event_counts",
    "gender_shares",
    "iter_articles",
    "load_analysis",
    "load_pipeline",
    "load_settings",
    "read_articles",
    "read_table",
    "speaker_counts",
    "speaker_type_shares",
    "timeline",
]
