# The two commands of the README. Both set everything up first (a virtualenv with pac in it,
# and Graphviz's `dot` from Debian when it is missing), so they work on a fresh clone.
#   make demo   run pac on the built-in example, policies/
#   make test   run the whole test suite

PYTHON ?= python3
AS_OF  ?= 2026-11-22
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The notice texts the example declarations encode live beside the repository (policies/notices.txt).
NOTICES := $(addprefix --notice ,$(shell grep -v '^\#' policies/notices.txt))

.PHONY: demo test setup graphviz clean

# The committed graphs/ are drawn as of AS_OF, so that the demo reproduces them byte for byte;
# `make demo AS_OF=2027-01-01` evaluates another day. pac check exits 1 when it finds something,
# which is the point of the demo; any other failure stops it.
demo: setup
	$(BIN)/pac validate policies
	$(BIN)/pac check policies --as-of $(AS_OF) --report-dir reports --quiet $(NOTICES) || [ $$? -eq 1 ]
	$(BIN)/pac graph policies --as-of $(AS_OF) --out graphs --format svg,dot
	@echo "reports: reports/report.html, report.md, report.sarif, findings.json, junit.xml; diagrams: graphs/"

test: setup
	$(BIN)/python -m pytest

setup: $(STAMP) graphviz

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "pac needs Python 3.11 or newer; run 'make PYTHON=python3.11 ...'" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

# Graphviz renders the data-flow diagrams. Without it pac still writes .dot files.
graphviz:
	@command -v dot >/dev/null 2>&1 || { \
	  echo "Graphviz's dot is missing: installing Debian's graphviz package"; \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null; \
	  elif command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	    sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null; \
	  fi; \
	  command -v dot >/dev/null 2>&1 || echo "warning: could not install Graphviz, so diagrams are written as .dot only. Install it with 'sudo apt-get install graphviz' (Debian, Ubuntu) or 'brew install graphviz' (macOS), then run make again." >&2; \
	}

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
