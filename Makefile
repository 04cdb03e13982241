# Two commands for a new user: `make demo` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test test-fast notebooks docs lint format test-deep bench bench-full clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files record what is installed; they are rebuilt when pyproject.toml changes.
$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

# The test environment also has the optional extras, so that plots and the Dask executor are
# tested too (their tests skip cleanly where the extras are absent).
$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,plot,dist,frames,release]'
	@touch $@ $(VENV)/.installed

# The documentation site's tools (Sphinx, the PyData theme, numpydoc, MyST-NB, local MathJax,
# selenium for the browser test) and matplotlib, which the plot pages import.
$(VENV)/.installed-docs: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[docs,plot]'
	@touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/coalitions demo

# The suite includes the site: tests/docs/test_site.py builds it from scratch with warnings as
# errors (the `make docs` command) and opens three pages in headless Chromium. It runs on one
# worker per core (pytest-xdist); tests/conftest.py keeps the files that share an expensive
# fixture on one worker each.
test: lint $(VENV)/.installed-docs
	$(BIN)/python -m pytest -q -n auto --dist loadgroup

# The inner loop while editing: no lint, a sixth of the hypothesis examples, the tests marked
# slow left out, stop at the first failure; narrow it with `FAST_ARGS=tests/power`.
test-fast: $(VENV)/.installed-test
	COALITIONS_TEST_PROFILE=fast $(BIN)/python -m pytest -q -x $(FAST_ARGS)

# Lint, format check and type check of the whole tree (part of `make test`, so of CI).
lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Ten times the hypothesis examples, from a random seed that is printed first and last; replay a
# failure with `make test-deep SEED=<seed>`, narrow it with `DEEP_ARGS=tests/approx`.
test-deep: $(VENV)/.installed-test
	@seed="$(SEED)"; [ -n "$$seed" ] || seed=$$(od -An -N4 -tu4 /dev/urandom | tr -d ' '); \
	echo "test-deep: seed $$seed (replay: make test-deep SEED=$$seed)"; \
	COALITIONS_TEST_PROFILE=deep COALITIONS_TEST_SEED=$$seed \
	$(BIN)/python -m pytest -q --hypothesis-seed=$$seed $(DEEP_ARGS)

# Rebuild and execute docs/notebooks/ from the tutorials and cases they are made of.
notebooks: $(VENV)/.installed-test
	$(BIN)/python docs/_tools/notebooks.py

# The documentation site, into docs/_build/html; warnings are errors. Incremental: `make clean`
# (or removing docs/_build) rebuilds every page; the browser test always builds from scratch.
docs: $(VENV)/.installed-docs
	$(BIN)/python -m sphinx -b html -W --keep-going -q -d docs/_build/doctrees docs docs/_build/html
	@echo "docs: open docs/_build/html/index.html"

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/run_all.py --small

bench-full: $(VENV)/.installed-test
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info docs/_build docs/api
