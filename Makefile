# The two commands of the README. Both set everything up first (a virtualenv with pac in it,
# and Graphviz's `dot` from Debian when it is missing), so they work on a fresh clone.
#   make demo   run pac on the built-in example, policies/
#   make test   run the whole test suite

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test setup graphviz clean

demo: setup
	$(BIN)/pac validate policies

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
