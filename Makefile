# artikel: the two commands of the README are `make run` and `make test`; both set up
# the environment first (`make setup`, idempotent: it reinstalls only when the pins change).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.artikel-installed
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
EXECUTE := $(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	--ExecutePreprocessor.record_timing=False --ExecutePreprocessor.timeout=1200

.PHONY: setup run test notebooks sync-notebooks lint evaluate evaluate-real benchmark model evaluate-model clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

## run: execute every notebook in place on seeds/, then analyse seeds/ into output/
run: setup notebooks
	$(BIN)/artikel analyze seeds --out output/

## notebooks: sync each notebook with its jupytext .py pair and execute it in place
notebooks: setup sync-notebooks
	cd notebooks && $(foreach nb,$(NOTEBOOKS),../$(EXECUTE) $(notdir $(nb)) &&) true

sync-notebooks: setup
	$(BIN)/jupytext --sync --quiet $(NOTEBOOKS)

## test: unit tests, then the notebooks under strict nbval
test: setup
	$(BIN)/python -m pytest tests
	$(BIN)/python -m pytest --nbval --nbval-current-env \
		--nbval-sanitize-with notebooks/sanitize.cfg notebooks

lint: setup
	$(BIN)/ruff check lib tests benchmarks evaluation training notebooks/*.py

## evaluate: score the analyses against the development gold corpus
evaluate: setup
	$(BIN)/artikel evaluate --gold ../shared/dev-corpus/gold --articles ../shared/dev-corpus/articles

## evaluate-real: the real-news report (dev corpus, Wikinews halves, WikiWarsDE, GermEval)
evaluate-real: setup
	$(BIN)/artikel evaluate --real

benchmark: setup
	$(BIN)/python benchmarks/bench_corpus.py

## model / evaluate-model: rebuild and score the shipped spaCy pipeline (see training/)
model: setup
	$(MAKE) -C training all PY=$(abspath $(BIN)/python)

evaluate-model: setup
	$(MAKE) -C training evaluate PY=$(abspath $(BIN)/python)

clean:
	rm -rf output build .pytest_cache

## book: the notebooks with their stored outputs (not re-executed) as a static site in
## build/book/ (Jupyter Book 1: Sphinx + myst-nb, offline; config in book/_config.yml and
## book/_toc.yml). Sphinx reads only files inside its source folder, so book/ and the
## notebooks are copied to build/book-src/ first. Read it with
## `.venv/bin/python -m http.server -d build/book`.
.PHONY: book book-check
book: setup
	rm -rf build/book build/book-src
	mkdir -p build/book-src/book build/book-src/notebooks
	cp book/_config.yml book/_toc.yml build/book-src/
	cp book/index.md book/favicon.png build/book-src/book/
	cp $(NOTEBOOKS) build/book-src/notebooks/
	$(BIN)/jupyter-book build --quiet build/book-src
	mv build/book-src/_build/html build/book && rm -rf build/book-src
	cp book/favicon.png build/book/favicon.ico  # for index.html, which only forwards
	@echo "book: build/book/ (read it: $(BIN)/python -m http.server -d build/book, then open http://127.0.0.1:8000)"

## book-check: build the book, serve it on 127.0.0.1 and check its pages in headless
## Chromium (installed with apt-get when missing); screenshots in build/book-check/
book-check: setup book
	test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium fonts-dejavu-core)
	$(BIN)/python book/check.py
