# Two commands do all set-up: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RULES := regulations stdlib_rules
EXAMPLES := docs/voorbeelden/taal docs/voorbeelden/huurtoelage docs/voorbeelden/populatie

.PHONY: run test check rules-test unit typecheck lint docs editor clean bench-fmt bench bench-check bench-populatie bench-serve \
	bench-lsp bench-groei fuzz

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,populatie]'
	touch $(STAMP)

## Build every regulation: check (strict), run its tests with their coverage, and say what was done.
run: $(STAMP)
	@echo "== regelwerk check --strict $(RULES)"
	@$(BIN)/regelwerk check --strict $(RULES)
	@echo "== regelwerk test --dekking $(RULES)"
	@$(BIN)/regelwerk test --dekking $(RULES)
	@echo "== regelwerk build"
	@$(BIN)/regelwerk build

## Everything CI runs: unit, golden and property tests, the rule tests, mypy --strict, the docs.
test: $(STAMP) unit rules-test typecheck lint docs editor
	$(BIN)/regelwerk build --check

unit: $(STAMP)
	$(BIN)/python -m pytest

rules-test: $(STAMP)
	$(BIN)/regelwerk check --strict $(RULES)
	$(BIN)/regelwerk test $(RULES)
	$(BIN)/regelwerk fmt --check $(RULES)
	$(BIN)/regelwerk check --strict $(EXAMPLES)
	$(BIN)/regelwerk test $(EXAMPLES)

typecheck: $(STAMP)
	$(BIN)/mypy --strict compiler/src/regelwerk
	$(BIN)/mypy --strict generated

lint: $(STAMP)
	$(BIN)/ruff check compiler tests benchmarks generated

docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir build/site

## The VS Code extension: its TextMate grammar against every .rw file, then the .vsix (build/).
## npm installs the tools from package-lock.json; without node and npm this step says so and skips.
editor:
	@if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then \
		cd editors/vscode && \
		{ [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; } && \
		npm test --silent && npm run --silent package >/dev/null && echo "== build/regelwerk.vsix gemaakt"; \
	else \
		echo "== editors/vscode OVERGESLAGEN: node en npm ontbreken (nodig voor de grammaticatest en de .vsix)"; \
	fi

## Generated modules against the interpreter, households per second, import time (target: 10x, 50 ms).
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_python_backend.py

## Checking 200 rules and a 5-column table of 1,000 rows against parsing it (target: under 1 s).
bench-check: $(STAMP)
	$(BIN)/python benchmarks/bench_check.py

## Growth when the input doubles: tables over many columns, ordered exceptions, diagnostics, long text.
bench-groei: $(STAMP)
	$(BIN)/python benchmarks/bench_growth.py

## The fuzz tests at 10,000 examples each (make test runs them with a few dozen); FUZZ_EXAMPLES=n to change.
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-10000} FUZZ_PROGRESS=$${FUZZ_PROGRESS:-500} $(BIN)/python -m pytest tests/test_fuzz.py -q -s \
		--hypothesis-show-statistics

## Formatting a 5,000-line rule file against parsing it, in one run (target: less than 3x).
bench-fmt: $(STAMP)
	$(BIN)/python benchmarks/bench_fmt.py

## Diagnostics after one keystroke in regelwerk lsp against a full check of zorgtoeslag (target: 100 ms).
bench-lsp: $(STAMP)
	$(BIN)/python benchmarks/bench_lsp.py

## Zorgtoeslag over 10^6 households: vectorised against OpenFisca (target: 2x) and the loop (100x).
bench-populatie: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/bench_population.py

## regelwerk serve under load: 20,000 requests, 32 at a time, against bereken in-process (0 errors).
bench-serve: $(STAMP)
	$(BIN)/python benchmarks/bench_serve.py

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache
