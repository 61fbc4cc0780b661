"""The seed's tables are pinned by digest: a change of analysis output shows here.

A refactoring keeps them; a change meant to alter output updates them in the same commit,
whose message names the rows that changed (``python evaluation/digests.py`` gives the digests
of the dev corpus, GSD test and the Wikinews texts as well, and ``--compare`` the rows).
"""

from __future__ import annotations

import pytest

from artikel.tables import table_digest

SEED_DIGESTS = {
    "articles": "439a40d01b11a8bf058b8e3e13e2b8f2e38e5be7ba67660710a72ed55b44e9a4",
    "paragraphs": "17503785ea35c48bf1f8d62438f72717641dee53ea19cbda9d56a8a20d016d9b",
    "sentences": "27b3767ac81719b7c204dafd18c518e20d3fc0d4afd8ee0306a0ad8d54fb974a",
    "entities": "4211b493209e688a8ebeb2a6ac16e82eb00ab4a143ea9f9831b995cec495c62c",
    # the quote of "Trumps Sprecherin Sarah Sanders kündigte an" is Sanders's (06a9e6f)
    "quotes": "330252c59d196443117155184a7a4f1b10a25fd48be1e9c719b1c7e7d893e5c5",
    "timexes": "d8bb7a2ebe5209e77f63013fe90ba56b94479706720b54d5e57acbd899e166b3",
    "errors": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
}


@pytest.mark.parametrize("table", sorted(SEED_DIGESTS))
def test_the_seed_tables_are_unchanged(seed_analysis, table):
    assert table_digest(getattr(seed_analysis, table)) == SEED_DIGESTS[table], (
        f"the seed's {table} table changed: if intended, update the digest and name the change"
    )
