# The whole set-up: `make report` and `make test`. Nothing else is needed but Python, make and git.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: report test snapshot bench clean

$(BIN)/openpace: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.dev: $(BIN)/openpace
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

report: $(BIN)/openpace
	$(BIN)/openpace report --out report

test: $(VENV)/.dev
	$(BIN)/python -m pytest -q

snapshot: $(BIN)/openpace
	$(BIN)/openpace snapshot build --from ../shared/data

bench: $(VENV)/.dev
	$(BIN)/python benchmarks/hub_scale.py --models 2000000

clean:
	rm -rf $(VENV) report
