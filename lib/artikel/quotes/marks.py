"""Spans between quotation marks, paragraph by paragraph, for every style of mark."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .lexicon import lexicon


@dataclass
class Marked:
    """A span between quotation marks (content offsets, without the marks)."""

    open: int
    close: int  # offset of the closing mark, or the paragraph end when unclosed
    start: int
    end: int
    after: int  # offset after the closing mark ("''" is two characters long); close when unclosed
    closed: bool = True


def _opens(text: str, i: int, mark: str) -> bool:
    if mark not in "\"'":
        after = i + len(mark)
        return after < len(text) and not text[after].isspace()
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([–—-/") and (after.isalnum() or after in "‚'‘…")


def _closes(text: str, i: int, mark: str) -> bool:
    if mark not in "\"'":
        return True
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if mark == "'" and before.isalpha() and after.isalpha():
        return False  # an apostrophe inside a word
    return not before.isspace() and not after.isalnum()


def _mark_at(text: str, i: int, marks: dict[str, tuple[str, ...]]) -> str | None:
    """The opening mark that starts at ``i``; a two-character (TeX-style) mark wins."""
    pair = text[i : i + 2]
    if pair in marks:
        return pair
    return text[i] if text[i] in marks else None


def find_marked(text: str, regions: Iterable[tuple[int, int]]) -> list[Marked]:
    """Spans between quotation marks, one region (paragraph) at a time.

    Args:
        text: the article text.
        regions: (start, end) of the paragraphs; a quote never crosses one, and a quote left
            open at the end of a paragraph (the German convention for quotes running over
            several paragraphs) ends with it.

    Returns:
        The marked spans in text order, with content offsets without the marks.
    """
    marks = lexicon().marks
    found = []
    for region_start, region_end in regions:
        i = region_start
        while i < region_end:
            mark = _mark_at(text, i, marks)
            if mark is None or not _opens(text, i, mark):
                i += 1
                continue
            content = i + len(mark)
            close = closing = None
            for j in range(content + 1, region_end):
                closing = next((c for c in marks[mark] if text.startswith(c, j)), None)
                fits = closing is not None and j + len(closing) <= region_end
                if fits and _closes(text, j, closing):
                    # "'Nein'''": the first apostrophe closes the inner quote, "''" follows it
                    close = j + 1 if closing == "''" and text.startswith("'", j + 2) else j
                    break
            if close is None or closing is None:
                if mark == "'" or mark == "‚":
                    i += 1
                    continue
                end = region_end
                while end > content and text[end - 1].isspace():
                    end -= 1
                found.append(Marked(i, end, content, end, end, closed=False))
                i = region_end
                continue
            found.append(Marked(i, close, content, close, close + len(closing)))
            i = close + len(closing)
    return found
