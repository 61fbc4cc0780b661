"""Reading articles from files, folders and globs into one tidy table.

Every input ends up either as an article or as a row of the ``errors`` table, never
silently dropped: an input is one file, or one line/row of a ``.jsonl``/``.csv``/
``.parquet`` file. ``iter_articles`` streams; ``read_articles`` collects.
"""

from __future__ import annotations

import codecs
import csv
import glob
import gzip
import hashlib
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date as Date
from pathlib import Path

import pandas as pd

from .settings import Settings, load_settings
from .tables import make_table

TEXT_SUFFIXES = {".txt", ""}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
PARQUET_SUFFIXES = {".parquet"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | PARQUET_SUFFIXES

# ` date 2019-02 ` at the very start of a file: a leading space, the word, the value, then
# a space (or the end of the line) directly followed by the first paragraph.
DATE_HEADER = re.compile(r"\A date (\S*)(?: |(?=\n)|\Z)")
WORD = re.compile(r"\w+(?:[-'’]\w+)*")
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Columns of tabular inputs that are taken over (other columns are ignored).
ID_COLUMNS = ("id", "article_id")
OUTLET_COLUMNS = ("source", "outlet", "publisher")


class InputProblem(ValueError):
    """A problem with one input, reported as a row of the errors table."""

    def __init__(self, message: str, stage: str = "read") -> None:
        super().__init__(message)
        self.stage = stage


@dataclass
class Article:
    """One article as read, before analysis."""

    article_id: str
    source: str
    text: str
    date: str = ""
    date_precision: str = "unknown"
    title: str = ""
    url: str = ""
    outlet: str = ""
    encoding: str = "utf-8"
    text_offset: int = 0
    notes: list[str] = field(default_factory=list)

    def row(self) -> dict:
        """The article as a row of the ``articles`` table (without analysis columns)."""
        values = asdict(self)
        values["notes"] = "; ".join(self.notes)
        values["n_chars"] = len(self.text)
        values["n_words"] = count_words(self.text)
        values["sha256"] = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        return values


@dataclass
class InputError:
    """An input that could not be read: a row of the ``errors`` table."""

    source: str
    stage: str
    error: str
    article_id: str = ""

    def row(self) -> dict:
        """The error as a row of the ``errors`` table."""
        return asdict(self)


def count_words(text: str) -> int:
    """Number of words (runs of letters/digits, hyphenated compounds count once)."""
    return len(WORD.findall(text))


# --------------------------------------------------------------------------- dates


def check_dates(rows: list[dict]) -> tuple[list[dict], list[InputError]]:
    """Rows of an articles table built by the caller (not by ``read_articles``) with their
    dates normalised; a row whose date is no date becomes an error row naming it."""
    checked, errors = [], []
    for row in rows:
        try:
            date, precision = parse_date(row.get("date"))
        except InputProblem as exc:
            article_id = str(row.get("article_id", ""))
            where = str(row.get("source") or "articles table")
            message = f"article {article_id!r}: {exc}"
            errors.append(InputError(where, exc.stage, message, article_id))
            continue
        if date != row.get("date"):
            row["date"], row["date_precision"] = date, precision
        checked.append(row)
    return checked, errors


def parse_date(value: object) -> tuple[str, str]:
    """Normalise a publication date to (``YYYY[-MM[-DD]]``, precision).

    Accepts ``2019``, ``2019-02``, ``2019-02-28`` (also with a time part), ``28.02.2019``,
    dates and timestamps; empty values give ``("", "unknown")``.

    Raises:
        InputProblem: the value is not a date, or names an impossible month or day.
    """
    if value is None or (isinstance(value, float) and value != value):  # NaN
        return "", "unknown"
    if isinstance(value, pd.Timestamp | Date):
        return value.strftime("%Y-%m-%d"), "day"
    raw = str(value).strip()
    if not raw:
        return "", "unknown"
    german = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", raw)
    if german:
        day, month, year = (int(part) for part in german.groups())
    else:
        iso = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ].*)?)?)?", raw)
        if not iso:
            raise InputProblem(
                f"date {raw!r} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)", "parse"
            )
        year = int(iso.group(1))
        month = int(iso.group(2)) if iso.group(2) else None
        day = int(iso.group(3)) if iso.group(3) else None
    if month is not None and not 1 <= month <= 12:
        raise InputProblem(f"date {raw!r} has an impossible month {month}", "parse")
    if day is not None:
        try:
            Date(year, month, day)
        except ValueError:
            raise InputProblem(f"date {raw!r} has an impossible day {day}", "parse") from None
        return f"{year:04d}-{month:02d}-{day:02d}", "day"
    if month is not None:
        return f"{year:04d}-{month:02d}", "month"
    return f"{year:04d}", "year"


# ----------------------------------------------------------------------- decoding


def decode(data: bytes) -> tuple[str, str]:
    """Decode file bytes to text, returning (text, encoding name).

    UTF-8 (with or without BOM) and UTF-16 with BOM are read directly; anything else is
    given to charset-normalizer's detector and the detected encoding is returned.

    Raises:
        InputProblem: the bytes are binary data or no text encoding fits them.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _decode_strict(data[len(codecs.BOM_UTF8) :], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_strict(data, "utf-16"), "utf-16"
    if b"\x00" in data[:8192]:
        raise InputProblem("binary file (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputProblem("not valid UTF-8, and no other text encoding fits its bytes")
    text = str(best)
    if len(CONTROL_CHARS.findall(text)) > max(2, len(text) // 100):
        raise InputProblem("binary file (control characters throughout), not text")
    return text, best.encoding


def _decode_strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputProblem(f"invalid {encoding} at byte {exc.start}") from None


def normalise_newlines(text: str) -> str:
    """Windows and old Mac line ends become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ------------------------------------------------------------------------ inputs


def expand_paths(paths: str | Path | Iterable[str | Path]) -> Iterator[tuple[str, Path | None]]:
    """Yield (display path, path) for every file named by ``paths``.

    A folder yields its files recursively (hidden files and folders skipped), a glob its
    matches, in sorted order. A path that matches nothing yields ``(path, None)``.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    for given in paths:
        given = str(given)
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield _display(Path(root) / name), Path(root) / name
        elif path.exists() or path.is_symlink():
            yield _display(path), path
        elif glob.has_magic(given):
            matches = sorted(glob.glob(given, recursive=True))
            files = [Path(m) for m in matches if not Path(m).is_dir()]
            if not files:
                yield given, None
            for match in files:
                yield _display(match), match
        else:
            yield given, None


def _display(path: Path) -> str:
    return path.as_posix()


def _suffix(path: Path) -> str:
    """The file type suffix, looking through a ``.gz`` ending."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _stem(path: Path) -> str:
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return Path(name).stem if Path(name).suffix.lower() in SUPPORTED else name


def _read_bytes(path: Path, limit: int | None) -> bytes:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputProblem("file does not exist (or is a broken link)") from None
    except OSError as exc:
        raise InputProblem(f"file cannot be read: {exc.strerror}") from None
    if limit is not None and size > limit:
        raise InputProblem(
            f"file is {size / 1e6:.1f} MB, more than the {limit / 1e6:.1f} MB limit for one "
            "article (reading.max_file_bytes in the settings)"
        )
    try:
        if path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as handle:
                return handle.read()
        return path.read_bytes()
    except (OSError, EOFError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InputProblem(f"file cannot be read: {reason}") from None


# ------------------------------------------------------------------------ readers


def _article_from_text(content: str, article_id: str, source: str) -> Article:
    """An article from the seed format (optional ` date YYYY-MM ` header) or plain text."""
    content = normalise_newlines(content)
    header = DATE_HEADER.match(content)
    date, precision, offset = "", "unknown", 0
    if header:
        if not header.group(1):
            raise InputProblem("line 1: the date header has no date", "parse")
        try:
            date, precision = parse_date(header.group(1))
        except InputProblem as problem:
            raise InputProblem(f"line 1: header {problem}", "parse") from None
        offset = header.end()
    return Article(
        article_id=article_id,
        source=source,
        text=content[offset:].rstrip(),
        date=date,
        date_precision=precision,
        text_offset=offset,
    )


def _read_text_file(path: Path, source: str, settings: Settings) -> Iterator[Article]:
    text, encoding = decode(_read_bytes(path, settings.max_file_bytes))
    article = _article_from_text(text, _stem(path), source)
    article.encoding = encoding
    if encoding not in ("utf-8", "utf-8-sig"):
        article.notes.append(f"decoded as {encoding} (not UTF-8)")
    yield article


def _read_html_file(path: Path, source: str, settings: Settings) -> Iterator[Article]:
    import trafilatura

    html, encoding = decode(_read_bytes(path, settings.max_file_bytes))
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if document is None or not (document.text or "").strip():
        raise InputProblem("no article text found in the HTML page", "parse")
    paragraphs = [line.strip() for line in normalise_newlines(document.text).split("\n")]
    date, precision = "", "unknown"
    if document.date:
        try:
            date, precision = parse_date(document.date)
        except InputProblem:
            date, precision = "", "unknown"
    yield Article(
        article_id=_stem(path),
        source=source,
        text="\n\n".join(p for p in paragraphs if p),
        date=date,
        date_precision=precision,
        title=document.title or "",
        url=document.url or "",
        outlet=document.sitename or "",
        encoding=encoding,
        notes=["main text extracted from HTML by trafilatura"],
    )


def _article_from_record(record: dict, default_id: str, source: str) -> Article:
    """An article from one row of a table (jsonl line, csv or parquet row)."""
    text = record.get("text")
    if text is None or (isinstance(text, float) and text != text):
        raise InputProblem("no 'text' value", "parse")
    if not isinstance(text, str):
        raise InputProblem(f"'text' is a {type(text).__name__}, not a string", "parse")
    article_id = default_id
    for column in ID_COLUMNS:
        value = record.get(column)
        if value is not None and str(value).strip() and value == value:
            article_id = str(value).strip()
            break
    date, precision = parse_date(record.get("date"))
    outlet = next((str(record[c]) for c in OUTLET_COLUMNS if _present(record.get(c))), "")
    return Article(
        article_id=article_id,
        source=source,
        text=normalise_newlines(text).rstrip(),
        date=date,
        date_precision=precision,
        title=str(record["title"]) if _present(record.get("title")) else "",
        url=str(record["url"]) if _present(record.get("url")) else "",
        outlet=outlet,
    )


def _present(value: object) -> bool:
    return value is not None and value == value and str(value).strip() != ""


def _open_binary(path: Path):
    try:
        return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")
    except FileNotFoundError:
        raise InputProblem("file does not exist (or is a broken link)") from None
    except OSError as exc:
        raise InputProblem(f"file cannot be read: {exc.strerror}") from None


def _read_jsonl_file(path: Path, source: str, settings: Settings) -> Iterator[Article | InputError]:
    """One article per line, streamed (JSON Lines are UTF-8 by definition)."""
    stem = _stem(path)
    with _open_binary(path) as handle:
        for number, raw in enumerate(handle, start=1):
            line_source = f"{source}:{number}"
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield InputError(line_source, "read", f"line {number}: not valid UTF-8")
                continue
            except json.JSONDecodeError as exc:
                yield InputError(line_source, "parse", f"line {number}: malformed JSON ({exc.msg})")
                continue
            if not isinstance(record, dict):
                yield InputError(line_source, "parse", f"line {number}: not a JSON object")
                continue
            try:
                yield _article_from_record(record, f"{stem}-{number}", line_source)
            except InputProblem as problem:
                yield InputError(line_source, problem.stage, f"line {number}: {problem}")


def _records_from_table(frame: pd.DataFrame, path: Path, source: str):
    if "text" not in frame.columns:
        columns = ", ".join(map(str, frame.columns)) or "none"
        raise InputProblem(f"no 'text' column (columns: {columns})", "parse")
    stem = _stem(path)
    for number, record in enumerate(frame.to_dict("records"), start=1):
        row_source = f"{source}:{number}"
        try:
            yield _article_from_record(record, f"{stem}-{number}", row_source)
        except InputProblem as problem:
            yield InputError(row_source, problem.stage, f"row {number}: {problem}")


def _read_csv_file(path: Path, source: str, settings: Settings) -> Iterator[Article | InputError]:
    text, _ = decode(_read_bytes(path, None))
    delimiter = "\t" if _suffix(path) == ".tsv" else ","
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            dtype=str,
            keep_default_na=False,
            quoting=csv.QUOTE_MINIMAL,
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputProblem(f"not a readable CSV table ({str(exc).strip()})", "parse") from None
    yield from _records_from_table(frame, path, source)


def _read_parquet_file(
    path: Path, source: str, settings: Settings
) -> Iterator[Article | InputError]:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for broken files
        raise InputProblem(f"not a readable Parquet file ({exc})", "parse") from None
    if "text" not in parquet.schema_arrow.names:
        columns = ", ".join(parquet.schema_arrow.names) or "none"
        raise InputProblem(f"no 'text' column (columns: {columns})", "parse")
    offset = 0
    stem = _stem(path)
    for batch in parquet.iter_batches(batch_size=1024):
        for number, record in enumerate(batch.to_pylist(), start=offset + 1):
            row_source = f"{source}:{number}"
            try:
                yield _article_from_record(record, f"{stem}-{number}", row_source)
            except InputProblem as problem:
                yield InputError(row_source, problem.stage, f"row {number}: {problem}")
        offset += batch.num_rows


READERS = {
    **dict.fromkeys(TEXT_SUFFIXES, _read_text_file),
    **dict.fromkeys(HTML_SUFFIXES, _read_html_file),
    **dict.fromkeys(JSONL_SUFFIXES, _read_jsonl_file),
    **dict.fromkeys(CSV_SUFFIXES, _read_csv_file),
    **dict.fromkeys(PARQUET_SUFFIXES, _read_parquet_file),
}


def _check_article(article: Article, settings: Settings) -> InputError | None:
    if not article.text.strip():
        what = "no text after the date header" if article.text_offset else "empty: no text"
        return InputError(article.source, "read", what, article.article_id)
    if len(article.text) > settings.max_article_chars:
        return InputError(
            article.source,
            "read",
            f"text has {len(article.text):,} characters, more than the limit of "
            f"{settings.max_article_chars:,} (reading.max_article_chars in the settings)",
            article.article_id,
        )
    return None


def iter_articles(
    paths: str | Path | Iterable[str | Path], *, settings: Settings | None = None
) -> Iterator[Article | InputError]:
    """Stream the articles (and input errors) found under ``paths``, in a stable order.

    Args:
        paths: files, folders (read recursively), globs, or a list of these.
        settings: limits and options; the package defaults when omitted.

    Yields:
        An ``Article`` for each readable input and an ``InputError`` for each other one.
        Duplicate article ids are made unique (``id~2``) and noted on the article.
    """
    settings = settings or load_settings()
    seen: dict[str, str] = {}
    for source, path in expand_paths(paths):
        if path is None:
            yield InputError(source, "read", "no such file or folder")
            continue
        reader = READERS.get(_suffix(path))
        if reader is None:
            kinds = ", ".join(sorted(s for s in SUPPORTED if s))
            yield InputError(
                source, "read", f"unsupported file type {_suffix(path)!r} (readable: {kinds})"
            )
            continue
        try:
            for item in reader(path, source, settings):
                if isinstance(item, Article):
                    problem = _check_article(item, settings)
                    if problem:
                        yield problem
                        continue
                    _make_id_unique(item, seen)
                yield item
        except InputProblem as problem:
            yield InputError(source, problem.stage, str(problem))


def count_inputs(paths: str | Path | Iterable[str | Path]) -> int:
    """How many inputs ``iter_articles`` will yield, counted cheaply (for a progress total):
    one per file, one per line of a JSON Lines file, the rows of a CSV or Parquet table."""
    total = 0
    for _, path in expand_paths(paths):
        suffix = _suffix(path) if path is not None else ""
        try:
            if suffix in JSONL_SUFFIXES:
                with _open_binary(path) as handle:
                    total += sum(1 for line in handle if line.strip())
            elif suffix in PARQUET_SUFFIXES:
                import pyarrow.parquet as pq

                total += pq.ParquetFile(path).metadata.num_rows
            elif suffix in CSV_SUFFIXES:
                with _open_binary(path) as handle:
                    text = io.TextIOWrapper(handle, encoding="utf-8", errors="replace")
                    rows = csv.reader(text, delimiter="\t" if suffix == ".tsv" else ",")
                    total += max(sum(1 for _ in rows) - 1, 1)
            else:
                total += 1
        except (OSError, csv.Error, ValueError):
            total += 1  # reading it will give an error row
    return total


def _make_id_unique(article: Article, seen: dict[str, str]) -> None:
    original = article.article_id
    if original in seen:
        number = 2
        while f"{original}~{number}" in seen:
            number += 1
        article.article_id = f"{original}~{number}"
        article.notes.append(
            f"duplicate article_id {original!r} (first from {seen[original]}); "
            f"renamed to {article.article_id!r}"
        )
    seen[article.article_id] = article.source


def read_articles(
    paths: str | Path | Iterable[str | Path], *, settings: Settings | None = None
) -> pd.DataFrame:
    """Read articles into the ``articles`` table (without the analysis columns).

    Inputs that cannot be read are kept as the ``errors`` table in
    ``articles.attrs["errors"]``; ``analyze`` carries them into its result.

    Example:
        >>> articles = read_articles("seeds")
        >>> articles.attrs["errors"]   # empty when every input was readable
    """
    articles, errors = [], []
    for item in iter_articles(paths, settings=settings):
        (articles if isinstance(item, Article) else errors).append(item.row())
    table = make_table("articles", articles)
    table.attrs["errors"] = make_table("errors", errors)
    return table
