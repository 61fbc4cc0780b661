"""The book's configuration covers every notebook (no build, no network, no browser)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _toc() -> dict:
    return yaml.safe_load((BOOK / "_toc.yml").read_text(encoding="utf-8"))


def _config() -> dict:
    return yaml.safe_load((BOOK / "_config.yml").read_text(encoding="utf-8"))


# `make book` builds from build/book-src/: _config.yml and _toc.yml at its top, book/index.md
# and book/favicon.png in book/, the notebooks in notebooks/ (the layout of the repository).
def _source(path: str) -> Path:
    top, _, rest = path.partition("/")
    return {"book": BOOK, "notebooks": ROOT / "notebooks"}[top] / rest


def test_the_landing_page_opens_the_book() -> None:
    assert _toc()["format"] == "jb-book"
    assert _toc()["root"] == "book/index"
    assert _source("book/index.md").is_file()


def test_the_book_lists_every_notebook_in_order() -> None:
    listed: list[Path] = []
    for entry in _toc()["chapters"]:
        if "glob" in entry:
            top, _, pattern = entry["glob"].partition("/")
            folder = _source(top + "/")
            listed += sorted(folder.glob(pattern + ".ipynb"))
        else:
            listed.append(_source(entry["file"] + ".ipynb"))
    assert NOTEBOOKS
    assert [p.resolve() for p in listed] == [nb.resolve() for nb in NOTEBOOKS]


def test_the_landing_page_links_every_chapter_and_says_how_to_rerun() -> None:
    text = (BOOK / "index.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(\.\./notebooks/([^)]+\.ipynb)\)", text)
    assert links == [nb.name for nb in NOTEBOOKS]  # every chapter, in order
    for needed in ("CORPUS", "make run", "artikel analyze"):
        assert needed in text


def test_every_notebook_ends_with_exercises() -> None:
    for notebook in NOTEBOOKS:
        twin = notebook.with_suffix(".py").read_text(encoding="utf-8")
        headings = re.findall(r"^# ## (.+)$", twin, flags=re.MULTILINE)
        assert headings and headings[-1] == "Exercises", notebook.name


def test_the_book_shows_stored_outputs_offline() -> None:
    config = _config()
    assert config["execute"]["execute_notebooks"] == "off"
    sphinx = config["sphinx"]["config"]
    assert sphinx["nb_execution_mode"] == "off"
    assert not sphinx["mathjax_path"].startswith(("http:", "https:", "//"))
    assert "sphinx_thebe" not in sphinx["extensions"]  # live code from a CDN
    assert _source(config["html"]["favicon"]).is_file()
    assert not (BOOK / "theme").exists()
