"""Reading: every input becomes an article or an error row, never nothing."""

from __future__ import annotations

import gzip
import hashlib
import json
import os

import pandas as pd
import pytest

from artikel import read_articles
from artikel.reading import InputProblem, decode, parse_date

SEED_TEXT = (
    " date 2019-02 Der Gipfel in Hanoi hat keinen Durchbruch gebracht. Beide verließen das Hotel."
    "\n\nKim habe aber zugesagt, keine Raketen zu testen.\n"
)


def write(path, content, encoding="utf-8"):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding=encoding)
    return path


def errors_of(articles):
    return articles.attrs["errors"]


def test_seed_file_header_and_text(seed_path):
    articles = read_articles(seed_path)
    row = articles.iloc[0]
    content = seed_path.read_text(encoding="utf-8")
    assert row.article_id == seed_path.stem
    assert (row.date, row.date_precision) == ("2019-02", "month")
    assert row.text == content[row.text_offset :].rstrip()
    assert row.text.startswith("Der Gipfel zwischen US-Präsident Donald Trump")
    assert row.n_chars == len(row.text)
    assert row.sha256 == hashlib.sha256(row.text.encode("utf-8")).hexdigest()
    assert errors_of(articles).empty


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    write(tmp_path / "b" / "2.txt", SEED_TEXT)
    write(tmp_path / "a.txt", SEED_TEXT)
    write(tmp_path / "b" / "1.txt", SEED_TEXT)
    write(tmp_path / ".hidden.txt", SEED_TEXT)
    articles = read_articles(tmp_path)
    assert list(articles["article_id"]) == ["a", "1", "2"]


def test_glob_and_several_paths(tmp_path):
    write(tmp_path / "x1.txt", SEED_TEXT)
    write(tmp_path / "x2.txt", SEED_TEXT)
    write(tmp_path / "y.txt", SEED_TEXT)
    articles = read_articles([str(tmp_path / "x*.txt"), tmp_path / "y.txt"])
    assert list(articles["article_id"]) == ["x1", "x2", "y"]


def test_plain_txt_without_header_has_unknown_date(tmp_path):
    articles = read_articles(write(tmp_path / "plain.txt", "Ein Text ohne Kopfzeile.\n"))
    row = articles.iloc[0]
    assert (row.date, row.date_precision, row.text_offset) == ("", "unknown", 0)
    assert row.text == "Ein Text ohne Kopfzeile."


def test_header_with_day_precision(tmp_path):
    row = read_articles(write(tmp_path / "d.txt", " date 2019-02-28 Text.")).iloc[0]
    assert (row.date, row.date_precision) == ("2019-02-28", "day")


def test_jsonl_csv_parquet_with_optional_columns(tmp_path):
    records = [
        {
            "id": "a1",
            "text": "Erster Artikel.",
            "date": "2020-03-01",
            "title": "T",
            "source": "taz",
        },
        {"text": "Zweiter Artikel.", "date": "2020-03"},
    ]
    write(tmp_path / "c.jsonl", "\n".join(json.dumps(r) for r in records))
    pd.DataFrame(records).to_csv(tmp_path / "c.csv", index=False)
    pd.DataFrame(records).to_parquet(tmp_path / "c.parquet")
    for name in ("c.jsonl", "c.csv", "c.parquet"):
        articles = read_articles(tmp_path / name)
        assert list(articles["article_id"]) == ["a1", "c-2"], name
        assert list(articles["date_precision"]) == ["day", "month"], name
        assert articles.iloc[0].outlet == "taz" and articles.iloc[0].title == "T", name
        assert articles.iloc[1].source == f"{(tmp_path / name).as_posix()}:2", name


def test_gzipped_jsonl(tmp_path):
    with gzip.open(tmp_path / "g.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": "Gepackt."}) + "\n")
    assert read_articles(tmp_path / "g.jsonl.gz").iloc[0].text == "Gepackt."


def test_html_page_via_trafilatura(tmp_path):
    page = """<html><head><title>Gipfel gescheitert | Testzeitung</title>
    <meta property="article:published_time" content="2019-02-28"></head><body>
    <nav>Startseite Politik Wirtschaft</nav><article><h1>Gipfel gescheitert</h1>
    <p>Der Gipfel zwischen den beiden Staatschefs in Hanoi hat keinen Durchbruch gebracht.
    Beide Delegationen reisten am Nachmittag ab, ohne eine gemeinsame Erklärung.</p>
    <p>Ein neuer Termin für weitere Gespräche wurde nach Angaben beider Seiten nicht vereinbart.
    Beobachter sprechen von einem Rückschlag für die Diplomatie in der Region.</p>
    </article><footer>Impressum Datenschutz</footer></body></html>"""
    row = read_articles(write(tmp_path / "page.html", page)).iloc[0]
    assert "Hanoi hat keinen Durchbruch" in row.text
    assert "Impressum" not in row.text
    assert "\n\n" in row.text  # paragraphs stay paragraphs
    assert row.title.startswith("Gipfel gescheitert")
    assert (row.date, row.date_precision) == ("2019-02-28", "day")


def test_utf8_bom_and_legacy_encoding(tmp_path):
    write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + SEED_TEXT.encode("utf-8"))
    legacy = " date 2019-02 Die Gespräche über Zölle und Märkte dauerten länger als geplant. " * 3
    write(tmp_path / "latin.txt", legacy.encode("cp1252"))
    articles = read_articles(tmp_path).set_index("article_id")
    assert articles.loc["bom", "date"] == "2019-02"
    assert articles.loc["bom", "text"].startswith("Der Gipfel")
    assert articles.loc["latin", "text"].startswith("Die Gespräche über Zölle")
    assert articles.loc["latin", "encoding"] not in ("utf-8", "utf-8-sig")
    assert "not UTF-8" in articles.loc["latin", "notes"]


def test_decode_rejects_binary():
    with pytest.raises(InputProblem, match="binary"):
        decode(bytes(range(256)) * 10)


def test_parse_date_rejects_impossible_values():
    assert parse_date("2019-02") == ("2019-02", "month")
    assert parse_date("28.02.2019") == ("2019-02-28", "day")
    assert parse_date("2019-02-28T10:15:00Z") == ("2019-02-28", "day")
    with pytest.raises(InputProblem, match="impossible month 13"):
        parse_date("2019-13")
    with pytest.raises(InputProblem, match="impossible day 30"):
        parse_date("2019-02-30")
    with pytest.raises(InputProblem, match="not a date"):
        parse_date("gestern")


def test_bad_inputs_each_become_an_error_row_and_nothing_is_lost(tmp_path):
    """The invariant: inputs = articles + errors, with a clear reason per error."""
    good = write(tmp_path / "good.txt", SEED_TEXT)
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "header_only.txt", " date 2019-02 \n")
    write(tmp_path / "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    os.symlink(tmp_path / "gone.txt", tmp_path / "unreadable.txt")
    write(tmp_path / "badmonth.txt", " date 2019-13 Ein Text mit kaputtem Datum.")
    write(tmp_path / "huge.txt", " date 2019-02 " + "Wort " * 4_200_000)  # about 21 MB
    write(tmp_path / "notext.csv", "id,title\n1,Ohne Text\n")
    write(
        tmp_path / "lines.jsonl",
        '{"id": "j1", "text": "Gut."}\n{"id": "j2", "text": \n{"id": "j3"}\n[1, 2]\n',
    )
    write(tmp_path / "notes.pdf", b"%PDF-1.4")
    write(tmp_path / "dup" / "good.txt", SEED_TEXT)  # same article id as good.txt

    articles = read_articles(tmp_path)
    errors = errors_of(articles).set_index("source")
    folder = tmp_path.as_posix()
    expected_errors = {
        f"{folder}/empty.txt": "empty",
        f"{folder}/header_only.txt": "no text after the date header",
        f"{folder}/binary.txt": "binary",
        f"{folder}/unreadable.txt": "does not exist",
        f"{folder}/badmonth.txt": "impossible month 13",
        f"{folder}/huge.txt": "MB limit",
        f"{folder}/notext.csv": "no 'text' column",
        f"{folder}/lines.jsonl:2": "malformed JSON",
        f"{folder}/lines.jsonl:3": "no 'text' value",
        f"{folder}/lines.jsonl:4": "not a JSON object",
        f"{folder}/notes.pdf": "unsupported file type",
    }
    assert set(errors.index) == set(expected_errors)
    for source, fragment in expected_errors.items():
        assert fragment in errors.loc[source, "error"], source
    assert set(articles["article_id"]) == {"good", "good~2", "j1"}
    renamed = articles.set_index("article_id").loc["good~2"]
    assert "duplicate article_id 'good'" in renamed.notes
    inputs = 10 + 4  # ten single-article files, and the four lines of lines.jsonl
    assert len(articles) + len(errors) == inputs
    assert good.exists()


def test_missing_path_is_an_error_row(tmp_path):
    articles = read_articles([tmp_path / "nope", str(tmp_path / "*.none")])
    assert articles.empty
    assert list(errors_of(articles)["error"]) == ["no such file or folder"] * 2


def test_too_long_text_in_a_table_row(tmp_path):
    from dataclasses import replace

    from artikel.settings import load_settings

    settings = replace(load_settings(), max_article_chars=100)
    write(tmp_path / "t.jsonl", json.dumps({"text": "x" * 101}) + "\n" + json.dumps({"text": "ok"}))
    articles = read_articles(tmp_path / "t.jsonl", settings=settings)
    assert list(articles["text"]) == ["ok"]
    assert "more than the limit of 100" in errors_of(articles).iloc[0]["error"]
