# The two commands of the README. Both set everything up first (a virtualenv with pac in it,
# and Graphviz's `dot` from Debian when it is missing; for the tests also Debian's chromium, in
# which the report tests open report.html), so they work on a fresh clone.
#   make demo   run pac on the built-in example, policies/
#   make test   run the whole test suite
# Both install exactly the versions in requirements.lock, each checked against its hash. Besides:
#   make test-latest   the same suite on the newest versions pyproject.toml allows, in .venv-latest
#   make test-lowest   the same suite on the lowest versions it allows, in .venv-lowest
#   make lock          refresh requirements.lock to the newest allowed versions

PYTHON ?= python3
AS_OF  ?= 2026-11-22
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   := requirements.lock
# The notice texts the example declarations encode live beside the repository (policies/notices.txt).
NOTICES := $(addprefix --notice ,$(shell grep -v '^\#' policies/notices.txt))

.PHONY: demo test test-latest test-lowest lock setup graphviz chromium python clean

# The committed graphs/ are drawn as of AS_OF, so that the demo reproduces them byte for byte;
# `make demo AS_OF=2027-01-01` evaluates another day. pac check exits 1 when it finds something,
# which is the point of the demo; any other failure stops it.
demo: setup
	$(BIN)/pac validate policies
	$(BIN)/pac check policies --as-of $(AS_OF) --report-dir reports --quiet $(NOTICES) || [ $$? -eq 1 ]
	$(BIN)/pac graph policies --as-of $(AS_OF) --out graphs --format svg,dot
	@echo "reports: reports/report.html, report.md, report.sarif, findings.json, junit.xml; diagrams: graphs/"

test: setup chromium
	$(BIN)/python -m pytest

setup: $(STAMP) graphviz

# The lock holds every package but pac itself, hash-checked; pac is then installed editable from
# this checkout, built by the locked setuptools (no build isolation, so nothing unpinned is fetched).
# `pip check` fails when the lock no longer satisfies pyproject.toml (refresh it: make lock).
$(STAMP): pyproject.toml $(LOCK) | python
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	@touch $@

python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "pac needs Python 3.11 or newer; run 'make PYTHON=python3.11 ...'" >&2; exit 1; }

# For a scheduled CI job: does pac still pass on what a user installing it today gets?
test-latest: python graphviz chromium
	rm -rf .venv-latest
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/python -m pip install --quiet --upgrade pip
	.venv-latest/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager -e '.[dev]'
	.venv-latest/bin/python -m pip freeze --exclude-editable
	.venv-latest/bin/python -m pytest

# The lower ends of pyproject.toml's ranges, tested: uv resolves the lowest versions they allow.
test-lowest: setup chromium
	rm -rf .venv-lowest
	$(BIN)/uv venv --quiet --seed --no-python-downloads --python $(PYTHON) .venv-lowest
	$(BIN)/uv pip compile pyproject.toml --extra dev --resolution lowest-direct --python .venv-lowest/bin/python \
	  --quiet --no-header -o .venv-lowest/lowest.txt
	$(BIN)/uv pip install --quiet --python .venv-lowest/bin/python -r .venv-lowest/lowest.txt
	$(BIN)/uv pip install --quiet --python .venv-lowest/bin/python --no-deps -e .
	$(BIN)/uv pip freeze --python .venv-lowest/bin/python --exclude-editable
	.venv-lowest/bin/python -m pytest

# Every package pinned with its hashes, for any platform and Python >= 3.11; commit the result
# after `make test` passes on it.
lock: setup
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 --generate-hashes \
	  --upgrade --quiet --custom-compile-command "make lock" -o $(LOCK)

# $(call debian,PROGRAM,PACKAGE,WHY,WITHOUT IT): install Debian's PACKAGE when PROGRAM is missing, as root or
# with password-less sudo; otherwise say what happens without it and how to install it.
debian = command -v $(1) >/dev/null 2>&1 || { \
	  echo "$(1) is missing: installing Debian's $(2) package ($(3))"; \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
	  elif command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	    sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) >/dev/null; \
	  fi; \
	  command -v $(1) >/dev/null 2>&1 || echo "warning: could not install $(2), so $(4). Install it with 'sudo apt-get install $(2)' (Debian, Ubuntu)$(5), then run make again." >&2; \
	}

# Graphviz renders the data-flow diagrams. Without it pac still writes .dot files.
graphviz:
	@$(call debian,dot,graphviz,to draw the diagrams,diagrams are written as .dot only, or 'brew install graphviz' (macOS))

# The report tests open report.html in headless Chromium; without it they are skipped (and say why).
chromium:
	@$(call debian,chromium,chromium,for the report tests,the tests that open report.html in a browser are skipped)

clean:
	rm -rf $(VENV) .venv-latest .venv-lowest build dist *.egg-info .pytest_cache
