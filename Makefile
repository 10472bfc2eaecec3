# partnerlab: `make run` builds everything from a fresh clone; `make test` runs every test.
# Every target creates the environment (.venv) first when it is missing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help env run test test-fast lab validate template sample bench catalogs lint clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dask]'
	@touch $(STAMP)

env: $(STAMP) ## create or update the environment (.venv) from pyproject.toml

run: $(STAMP) ## the main job: every report on the bundled sample -> reports/sample_portfolio/index.html
	$(BIN)/partnerlab run --compare-to data/raw/sample_history/portfolio_2024.xlsx

test: $(STAMP) lint ## every test: the lint checks, unit, notebooks (nbval), batch end to end, browser (skipped without chromium)
	$(BIN)/python -m pytest tests --nbval-lax notebooks

lint: $(STAMP) ## ruff (lint, format), nbstripout and the notebook pairs: what pre-commit checks (.pre-commit-config.yaml)
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/pre-commit run --all-files --show-diff-on-failure

test-fast: $(STAMP) ## the tests without the slow end-to-end runs
	$(BIN)/python -m pytest tests -m "not slow and not browser"

lab: $(STAMP) ## open JupyterLab on notebooks/ with the project's environment
	$(BIN)/jupyter lab notebooks/

validate: $(STAMP) ## check a workbook: make validate WORKBOOK=path.xlsx
	$(BIN)/partnerlab validate $(or $(WORKBOOK),data/raw/sample_portfolio.xlsx)

template: $(STAMP) ## write blank input workbooks (English and Spanish) under reports/templates/
	$(BIN)/partnerlab template reports/templates/partnerlab_template_en.xlsx --lang en --force
	$(BIN)/partnerlab template reports/templates/partnerlab_template_es.xlsx --lang es --force

sample: $(STAMP) ## rebuild the bundled illustrative sample workbook (and its 2023-2025 history) from samples/portfolio.py
	$(BIN)/python -m samples.portfolio
	$(BIN)/python -m samples.history

bench: $(STAMP) ## print the speed and memory benchmarks (loading, network at 10,000 and 100,000 stakeholders, batch)
	$(BIN)/python benchmarks/bench_load.py
	$(BIN)/python benchmarks/bench_network.py
	$(BIN)/python benchmarks/bench_network.py --batch 10000 100000
	$(BIN)/python benchmarks/bench_batch.py
	$(BIN)/python benchmarks/bench_explorer.py

catalogs: $(STAMP) ## translators: extract every msgid (partnerlab/locale/partnerlab.pot), update the catalogs, list what is missing (docs/translating.md)
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output --omit-header -o partnerlab/locale/partnerlab.pot \
		--no-default-keywords -k _ -k N_ -k T -k NC_:1c,2 -k pgettext:1c,2 -k gettext -k ngettext:1,2 -k n:1,2 -k h2 -k h3 -k p -k left_out partnerlab notebooks
	$(BIN)/python -m partnerlab.i18n

clean: ## delete build output (reports/, data/processed/); data/raw/ is never touched
	find reports data/processed -mindepth 1 ! -name README.md -exec rm -rf {} +
