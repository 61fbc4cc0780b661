"""The tables of DESIGN.md: their columns and types, and writing them to disk.

Every table is a pandas DataFrame with fixed columns in a fixed order, so an empty table
still has its full header and the Parquet schema is stable across runs.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

# Column name -> pandas dtype. "string" columns hold "" for unknown values, "Int64"
# columns hold <NA>.
SCHEMAS: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "string",
        "source": "string",
        "date": "string",
        "date_precision": "string",
        "lang": "string",
        "title": "string",
        "url": "string",
        "outlet": "string",
        "text": "string",
        "n_chars": "Int64",
        "n_words": "Int64",
        "sha256": "string",
        "encoding": "string",
        "text_offset": "Int64",
        "notes": "string",
    },
    "paragraphs": {
        "article_id": "string",
        "para_idx": "Int64",
        "start": "Int64",
        "end": "Int64",
        "kind": "string",
        "lang": "string",
        "text": "string",
        "credit": "string",
        "credit_start": "Int64",
        "credit_end": "Int64",
    },
    "sentences": {
        "article_id": "string",
        "sent_idx": "Int64",
        "para_idx": "Int64",
        "start": "Int64",
        "end": "Int64",
        "text": "string",
        "in_body": "boolean",
    },
    "entities": {
        "article_id": "string",
        "sent_idx": "Int64",
        "start": "Int64",
        "end": "Int64",
        "text": "string",
        "label": "string",
        "canonical": "string",
        "entity_id": "string",
        "in_body": "boolean",
    },
    "quotes": {
        "article_id": "string",
        "quote_idx": "Int64",
        "sent_idx": "Int64",
        "start": "Int64",
        "end": "Int64",
        "text": "string",
        "kind": "string",
        "cue": "string",
        "speaker": "string",
        "speaker_start": "Int64",
        "speaker_end": "Int64",
        "speaker_text": "string",
        "speaker_type": "string",
    },
    "timexes": {
        "article_id": "string",
        "sent_idx": "Int64",
        "start": "Int64",
        "end": "Int64",
        "text": "string",
        "type": "string",
        "value": "string",
        "anchor_start": "string",
        "anchor_end": "string",
        "granularity": "string",
    },
    "errors": {
        "source": "string",
        "article_id": "string",
        "stage": "string",
        "error": "string",
    },
}

TABLE_NAMES = tuple(SCHEMAS)
FORMATS = ("parquet", "csv")


def make_table(name: str, rows: Iterable[dict] | pd.DataFrame = ()) -> pd.DataFrame:
    """Build table ``name`` from row dicts (or a frame), with its columns and dtypes.

    Columns missing from the rows are filled with empty values; extra keys are dropped.
    """
    schema = SCHEMAS[name]
    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    frame = frame.reindex(columns=list(schema))
    for column, dtype in schema.items():
        if dtype == "string":
            frame[column] = frame[column].astype("string").fillna("")
        else:
            frame[column] = frame[column].astype(dtype)
    return frame.reset_index(drop=True)


def concat_tables(name: str, frames: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate parts of table ``name`` (skipping empty parts) keeping its schema."""
    parts = [frame for frame in frames if len(frame)]
    if not parts:
        return make_table(name)
    return make_table(name, pd.concat(parts, ignore_index=True))


def write_table(frame: pd.DataFrame, path: Path, fmt: str) -> None:
    """Write one table atomically: a reader never sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        if fmt == "parquet":
            frame.to_parquet(temporary, index=False)
        elif fmt == "csv":
            frame.to_csv(temporary, index=False)
        else:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def from_csv_strings(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Table ``name`` from a frame of CSV strings (as read with ``dtype=str``)."""
    frame = frame.copy()
    for column, dtype in SCHEMAS[name].items():
        if dtype != "string" and column in frame:
            values = frame[column].replace("", None)
            if dtype == "boolean":
                values = values.map({"True": True, "False": False, None: None})
            frame[column] = values.astype("float64" if dtype == "Int64" else "object")
    return make_table(name, frame)


def read_table(path: str | Path, name: str | None = None) -> pd.DataFrame:
    """Read a table written by ``write_table`` (csv or parquet) with its dtypes."""
    path = Path(path)
    name = name or path.stem
    if path.suffix == ".parquet":
        return make_table(name, pd.read_parquet(path))
    return from_csv_strings(pd.read_csv(path, dtype=str, keep_default_na=False), name)
