"""artikel: German news articles as tidy pandas tables (entities, quotes, timelines)."""

__version__ = "0.1.0"

from .analysis import Analysis, analyze
from .nlp import load_pipeline
from .reading import iter_articles, read_articles
from .settings import load_settings
from .tables import SCHEMAS, read_table
from .views import cooccurrence, entity_counts, speaker_counts, speaker_type_shares, timeline

__all__ = [
    "SCHEMAS",
    "Analysis",
    "__version__",
    "analyze",
    "cooccurrence",
    "entity_counts",
    "iter_articles",
    "load_pipeline",
    "load_settings",
    "read_articles",
    "read_table",
    "speaker_counts",
    "speaker_type_shares",
    "timeline",
]
