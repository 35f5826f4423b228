# The README's two commands are `make run` and `make test`; the rest serve developers.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1

MODEL := classifiers/data/models/default/meta.json
MODEL_INPUTS := $(wildcard classifiers/*.py classifiers/data/*.txt classifiers/data/*.tsv \
	classifiers/data/*.yaml classifiers/data/lexicon/*.txt) classifiers/data/seed/corpus.jsonl

.PHONY: run test lint bench quality model clean

run: $(VENV)/.installed $(MODEL)
	mkdir -p var
	$(BIN)/yuqing db upgrade
	$(BIN)/yuqing serve

test: $(VENV)/.installed-test $(MODEL)
	$(BIN)/pytest

# the default classifier model, built deterministically from the seed corpus
model: $(MODEL)

$(MODEL): $(VENV)/.installed $(MODEL_INPUTS)
	$(BIN)/python -m classifiers.train --output classifiers/data/models/default

lint: $(VENV)/.installed-test
	$(BIN)/ruff check service classifiers tests bench

bench: $(VENV)/.installed-test $(MODEL)
	$(BIN)/python -m bench.collect
	$(BIN)/python -m bench.classify

quality: $(VENV)/.installed-test $(MODEL)
	$(BIN)/python -m bench.quality

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
