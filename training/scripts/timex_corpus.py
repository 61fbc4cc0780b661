"""Command line of artikel's own timex corpus (``artikel.written.timexes``).

Usage (from the repository root):
    python training/scripts/timex_corpus.py validate [FILES...]  # problems, counts; exit 1 if any
    python training/scripts/timex_corpus.py export DEST [--split train|dev|test]
    python training/scripts/timex_corpus.py score [--split dev]    # artikel against the gold
    python training/scripts/timex_corpus.py sample N               # plain text for a second reading
    python training/scripts/timex_corpus.py agreement              # the second reading vs the first
"""

import sys

from artikel.written.timexes import CORPUS

if __name__ == "__main__":
    sys.exit(CORPUS.main())
