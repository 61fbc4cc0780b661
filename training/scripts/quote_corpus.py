"""Command line of artikel's own quote corpus (``artikel.written.quotes``).

Usage (from the repository root):
    python training/scripts/quote_corpus.py validate [FILES...]  # problems, counts; exit 1 if any
    python training/scripts/quote_corpus.py export DEST [--split train|dev|test]
    python training/scripts/quote_corpus.py score [--split dev]    # artikel against the gold
    python training/scripts/quote_corpus.py sample N               # plain text for a second reading
    python training/scripts/quote_corpus.py agreement              # the second reading vs the first
"""

import sys

from artikel.written.quotes import CORPUS

if __name__ == "__main__":
    sys.exit(CORPUS.main())
