"""Command line of the corpora written for the project (``artikel.written``).

Usage (from the repository root; CORPUS is ``quote`` or ``timex``):
    python training/scripts/written_corpus.py CORPUS validate [FILES...]  # exit 1 on problems
    python training/scripts/written_corpus.py CORPUS export DEST [--split train|dev|test]
    python training/scripts/written_corpus.py CORPUS score [--split dev]  # artikel vs the gold
    python training/scripts/written_corpus.py CORPUS sample N             # for a second reading
    python training/scripts/written_corpus.py CORPUS agreement            # second vs first
"""

import sys

from artikel.written.quotes import CORPUS as QUOTES
from artikel.written.timexes import CORPUS as TIMEXES

CORPORA = {"quote": QUOTES, "timex": TIMEXES}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in CORPORA:
        sys.exit(__doc__)
    corpus = CORPORA[sys.argv.pop(1)]
    sys.exit(corpus.main())
