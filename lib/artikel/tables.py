"""The tables of DESIGN.md: their columns and types, reading and writing them (also streamed).

Every table is a pandas DataFrame with fixed columns in a fixed order, so an empty table
still has its full header and the Parquet schema is stable across runs.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

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
        "gender": "string",
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
        "speaker_gender": "string",
        "speaker_id": "string",
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


def table_rows(frame: pd.DataFrame, *, drop: tuple[str, ...] = ("source",)) -> list[str]:
    """The rows of a table as sorted CSV lines, without columns that name the input's place
    (``source``): what two runs on the same texts must agree on, wherever the files lie."""
    frame = frame.drop(columns=[c for c in drop if c in frame.columns])
    return sorted(frame.astype(str).to_csv(index=False, header=False).splitlines())


def table_digest(frame: pd.DataFrame) -> str:
    """sha256 of ``table_rows``: equal digests, equal tables (row order aside)."""
    return hashlib.sha256("\n".join(table_rows(frame)).encode()).hexdigest()


def read_table(path: str | Path, name: str | None = None) -> pd.DataFrame:
    """Read a table written by ``write_table`` (csv or parquet) with its dtypes."""
    path = Path(path)
    name = name or path.stem
    if path.suffix == ".parquet":
        return make_table(name, pd.read_parquet(path))
    return from_csv_strings(pd.read_csv(path, dtype=str, keep_default_na=False), name)


class TableWriter:
    """Appends batches of one table to ``<name>.<fmt>.partial``; ``close`` renames it."""

    def __init__(self, out_dir: Path, name: str, fmt: str) -> None:
        self.name, self.fmt = name, fmt
        self.final = out_dir / f"{name}.{fmt}"
        self.partial = out_dir / f".{name}.{fmt}.partial"
        self.schema = pa.Schema.from_pandas(make_table(name), preserve_index=False)
        self._parquet: pq.ParquetWriter | None = None
        self._csv_started = False
        if self.partial.exists():
            self.partial.unlink()

    def write(self, rows: list[dict]) -> None:
        """Append rows (in the table's schema)."""
        if not rows:
            return
        frame = make_table(self.name, rows)
        if self.fmt == "parquet":
            if self._parquet is None:
                self._parquet = pq.ParquetWriter(self.partial, self.schema)
            self._parquet.write_table(
                pa.Table.from_pandas(frame, schema=self.schema, preserve_index=False)
            )
        else:
            frame.to_csv(self.partial, mode="a", header=not self._csv_started, index=False)
            self._csv_started = True

    def abort(self) -> None:
        """Stop after a failed run: close the file and leave no partial output behind."""
        if self._parquet is not None:
            self._parquet.close()
            self._parquet = None
        self.partial.unlink(missing_ok=True)

    def close(self) -> Path:
        """Finish the file (an empty table still gets its header) and move it into place."""
        if self.fmt == "parquet":
            if self._parquet is None:
                pq.write_table(
                    pa.Table.from_pandas(
                        make_table(self.name), schema=self.schema, preserve_index=False
                    ),
                    self.partial,
                )
            else:
                self._parquet.close()
        elif not self._csv_started:
            make_table(self.name).to_csv(self.partial, index=False)
        os.replace(self.partial, self.final)
        return self.final


def entity_ids(frame: pd.DataFrame, ids: dict[tuple[str, str], str]) -> pd.Series:
    """The corpus-wide ``entity_id`` of each row of an ``entities`` table."""
    pairs = zip(frame["label"], frame["canonical"], strict=True)
    return pd.Series([ids.get(pair, "") for pair in pairs], dtype="string", index=frame.index)


SPEAKER_LABELS = {"person": ("PER",), "organisation": ("ORG", "LOC", "MISC")}


def speaker_ids(frame: pd.DataFrame, ids: dict[tuple[str, str], str]) -> pd.Series:
    """The ``entity_id`` of each quote's speaker where the speaker is an entity of the
    corpus (a person or an organisation named as such), else empty."""
    found = []
    for name, kind in zip(frame["speaker"], frame["speaker_type"], strict=True):
        labels = SPEAKER_LABELS.get(str(kind), ())
        found.append(next((ids[(lab, name)] for lab in labels if (lab, name) in ids), ""))
    return pd.Series(found, dtype="string", index=frame.index)


ID_COLUMNS = {"entities": ("entity_id", entity_ids), "quotes": ("speaker_id", speaker_ids)}


def fill_ids(path: Path, fmt: str, table: str, ids: dict[tuple[str, str], str]) -> None:
    """Second pass over a table file (``ID_COLUMNS``): set its corpus-wide id column,
    streaming."""
    temporary = path.with_name(f".{path.name}.ids")
    schema = pa.Schema.from_pandas(make_table(table), preserve_index=False)
    column, compute = ID_COLUMNS[table]

    def with_ids(frame: pd.DataFrame) -> pd.DataFrame:
        frame = make_table(table, frame)
        frame[column] = compute(frame, ids)
        return frame

    if fmt == "parquet":
        source = pq.ParquetFile(path)
        with pq.ParquetWriter(temporary, schema) as writer:
            for index in range(source.num_row_groups):
                frame = with_ids(source.read_row_group(index).to_pandas())
                writer.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False))
    else:
        header = True
        for chunk in pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=100_000):
            with_ids(from_csv_strings(chunk, table)).to_csv(
                temporary, mode="a", header=header, index=False
            )
            header = False
        if header:
            make_table(table).to_csv(temporary, index=False)
    os.replace(temporary, path)
