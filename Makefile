# The whole set-up: `make report` and `make test`. Nothing else is needed but Python 3.11+, make and git.
# Installs are pinned: requirements.lock (what `openpace` needs) and requirements-dev.lock (plus the
# test tools), both with hashes, both generated from pyproject.toml by `make lock`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYTEST := $(BIN)/python -m pytest
FAST_TIER := not mirror and not warehouse and not browser and not subprocess and not realtime
# the whole mirror, for `make fixtures`, `make snapshot` and the mirror tier
MIRROR ?= $(or $(OPENPACE_MIRROR),../shared/data)
UV_VERSION := 0.13.9
LOCK_FLAGS := --generate-hashes --universal --python-version 3.11 --quiet $(if $(UPGRADE),--upgrade)

.PHONY: report test test-fast test-mirror lint fixtures lock snapshot bench clean

$(BIN)/openpace: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $@

$(VENV)/.dev: requirements-dev.lock $(BIN)/openpace
	$(BIN)/python -m pip install -q --require-hashes --no-deps -r requirements-dev.lock
	touch $@

report: $(BIN)/openpace
	$(BIN)/openpace report --out report

# pytest's exit 5 (no test collected, e.g. a tier left empty by -m) is not a failure.
# Everything that runs on a plain clone: fixture warehouses, the report in Chromium. Not the mirror tier.
test: $(VENV)/.dev
	$(PYTEST) -q -m "not mirror" || test $$? -eq 5

# Parsers, rules, metrics on in-memory tables: no warehouse built from files, no browser, no whole mirror,
# no process spawned, no waiting on the clock (tests/conftest.py names the markers).
test-fast: $(VENV)/.dev
	$(PYTEST) -q -m "$(FAST_TIER)" || test $$? -eq 5

# Tests over the whole mirror ($(MIRROR)); a plain clone has none, and says so.
test-mirror: $(VENV)/.dev
	@if [ -f "$(MIRROR)/MANIFEST.json" ]; then \
	  OPENPACE_MIRROR="$(abspath $(MIRROR))" $(PYTEST) -q -m mirror || test $$? -eq 5; \
	else echo "no mirror at $(MIRROR) (set OPENPACE_MIRROR): the mirror tier did not run"; fi

# Style and structure: ruff, mypy, and the import-linter layer contracts (pyproject.toml; docs/architecture.md).
lint: $(VENV)/.dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

# Rebuild the committed fixture mirror (tests/fixtures/mirror) from the whole mirror.
fixtures: $(BIN)/openpace
	$(BIN)/python tests/fixtures/build.py --from $(MIRROR)

# Re-resolve pyproject.toml's dependencies into the two hashed lock files (after adding a dependency);
# versions already locked stay unless `make lock UPGRADE=1`.
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q uv==$(UV_VERSION)
	$(BIN)/uv pip compile pyproject.toml $(LOCK_FLAGS) -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev -c requirements.lock $(LOCK_FLAGS) -o requirements-dev.lock

snapshot: $(BIN)/openpace
	$(BIN)/openpace snapshot build --from $(MIRROR)

# Hub ingest at 2M models on both generated listings (plain fields; the API's other fields too), then start-up.
bench: $(VENV)/.dev
	$(BIN)/python benchmarks/hub_scale.py --models 2000000
	$(BIN)/python benchmarks/hub_scale.py --models 2000000 --generator rich
	$(BIN)/python benchmarks/cli_startup.py

clean:
	rm -rf $(VENV) report
