# Two commands for a newcomer: `make site` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test check serve clean bench engine-check system-deps pdf-libs

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP) pdf-libs
	$(BIN)/netwerkcoach build

check: $(STAMP)
	$(BIN)/netwerkcoach check

serve: $(STAMP)
	$(BIN)/netwerkcoach serve

system-deps:
	bash scripts/install-system-deps.sh

# Libraries WeasyPrint loads; installed when root or sudo is at hand, never fatal.
pdf-libs:
	@bash scripts/install-pdf-libs.sh

test: $(STAMP) system-deps
	$(BIN)/python -m pytest -n auto

# Benchmarks (slow; never part of `make test`): writes bench/results.md.
bench: $(STAMP)
	$(BIN)/python bench/run.py

engine-check: $(STAMP)
	$(BIN)/python scripts/engine_check.py

clean:
	rm -rf build site .venv
