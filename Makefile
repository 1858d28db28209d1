# Field Notes: build, preview, check.  `make help` lists the targets.
#
# Every target bootstraps its own virtual environment (.venv) from the pinned
# requirements, and rebuilds it when requirements*.txt is newer than it.

PYTHON     ?= python3
VENV       ?= .venv
BIN        := $(VENV)/bin
SOURCEDIR  := docs
BUILDDIR   := _build
# Warnings are errors, references are checked (nitpicky), and every warning is shown.
SPHINXOPTS ?= -W -n --keep-going
JOBS       ?= auto
SPHINX     := $(BIN)/sphinx-build
# Sphinx #10968: with -M, options (such as -c .) must come after the source and output dirs.
SPHINXM     = $(SPHINX) -M $(1) $(SOURCEDIR) $(BUILDDIR) -c . $(SPHINXOPTS) -j $(JOBS)

LATEXMK    ?= latexmk
TEX_PACKAGES := latexmk texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended tex-gyre

.DEFAULT_GOAL := html
.PHONY: help html live pdf linkcheck test lint lint-python lint-markdown lint-spelling bench stress handouts audit clean venv dev diagrams \
	preflight check-python check-tex check-dot check-test-tools

help: ## List the targets
	@echo "Field Notes: make <target>"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sort | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  %-10s %s\n", $$1, $$2}'

# --- environment -------------------------------------------------------------

# The system tools the requested targets need are checked first (`preflight`, an order-only
# prerequisite: it runs before .venv is created or refreshed, even with make -j).
GOALS := $(or $(MAKECMDGOALS),$(.DEFAULT_GOAL))
PREFLIGHT := check-python
ifneq ($(filter pdf handouts test,$(GOALS)),)
PREFLIGHT += check-tex
endif
ifneq ($(filter test,$(GOALS)),)
PREFLIGHT += check-test-tools
endif

preflight: $(PREFLIGHT)

$(VENV)/.build-stamp: requirements.txt | preflight
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-stamp: requirements-dev.txt $(VENV)/.build-stamp
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.build-stamp ## Create or refresh .venv with the build requirements
dev: $(VENV)/.dev-stamp ## Create or refresh .venv with the build and test requirements

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || \
	  { echo "Field Notes needs Python 3.11 or newer (PYTHON=$(PYTHON))."; exit 1; }
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || \
	  { echo "$(PYTHON) cannot create virtual environments. On Debian or Ubuntu: sudo apt-get install python3-venv"; \
	    exit 1; }

check-dot:
	@command -v dot >/dev/null 2>&1 || { \
	  echo "Drawing the diagrams needs Graphviz's dot. On Debian or Ubuntu: sudo apt-get install graphviz;"; \
	  echo "on macOS: brew install graphviz"; \
	  exit 1; }

# The test suite also checks the committed diagrams against dot, reads PDFs with poppler,
# and drives Chromium or Chrome (FIELDNOTES_CHROMIUM, default /usr/bin/chromium).
check-test-tools: check-dot
	@missing=""; \
	for cmd in pdftotext pdfinfo; do command -v $$cmd >/dev/null 2>&1 || missing="$$missing $$cmd"; done; \
	[ -x "$${FIELDNOTES_CHROMIUM:-/usr/bin/chromium}" ] || missing="$$missing $${FIELDNOTES_CHROMIUM:-/usr/bin/chromium}"; \
	if [ -n "$$missing" ]; then \
	  echo "make test needs, and this machine lacks:$$missing"; \
	  echo "README.md lists the packages for Debian, Ubuntu and macOS (bash .ci/run installs them on Debian)."; \
	  exit 1; \
	fi

check-tex:
	@missing=""; \
	for cmd in $(LATEXMK) pdflatex; do command -v $$cmd >/dev/null 2>&1 || missing="$$missing $$cmd"; done; \
	for sty in fncychap.sty tgtermes.sty txtt.tfm capt-of.sty needspace.sty; do \
	  kpsewhich $$sty >/dev/null 2>&1 || missing="$$missing $$sty"; done; \
	if [ -n "$$missing" ]; then \
	  echo "The PDF needs TeX Live, and this machine lacks:$$missing"; \
	  echo "On Debian or Ubuntu, install it with:"; \
	  echo "  sudo apt-get install $(TEX_PACKAGES)"; \
	  echo "On macOS: README.md has the Homebrew lines (MacTeX or BasicTeX)."; \
	  exit 1; \
	fi

# --- building ----------------------------------------------------------------

# `make html handouts` builds the handouts first and the site serves them, as on Read the
# Docs; a plain `make html` links the published copies instead (no TeX needed).
SITE_HANDOUTS = $(if $(filter handouts,$(MAKECMDGOALS)),-D fieldnotes_handout_pdfs=$(BUILDDIR)/handouts)

html: $(VENV)/.build-stamp $(filter handouts,$(MAKECMDGOALS)) ## Build the site into _build/html (the default)
	$(call SPHINXM,html) $(SITE_HANDOUTS)
	@echo "Open $(BUILDDIR)/html/index.html"

live: $(VENV)/.build-stamp ## Preview with live reload on http://127.0.0.1:8000
	$(BIN)/sphinx-autobuild $(SOURCEDIR) $(BUILDDIR)/live -c . -n --watch ext \
	  --host 127.0.0.1 --port 8000

pdf: $(VENV)/.build-stamp ## Build the whole handbook as one PDF (_build/latex/fieldnotes.pdf)
	$(call SPHINXM,latexpdf)
	@echo "PDF: $(BUILDDIR)/latex/fieldnotes.pdf"

linkcheck: $(VENV)/.build-stamp ## Check every link, online; a readable report follows
	$(call SPHINXM,linkcheck) ; status=$$?; \
	$(BIN)/python tools/linkcheck_report.py $(BUILDDIR)/linkcheck/output.json; \
	exit $$status

# EVENT=path/to/event.toml prints one workshop's details in the handouts (docs/handouts.md).
EVENT ?=
# Every site path the handouts print; `make handouts` adds new ones (see CONTRIBUTING.md).
PRINTED_URLS ?= $(SOURCEDIR)/handouts/printed-urls.txt
AUDIT_ARGS ?=

handouts: $(VENV)/.build-stamp ## Build the workshop handouts, one PDF each, into _build/handouts/ (EVENT=event.toml for yours)
	$(if $(EVENT),$(BIN)/python tools/handouts.py check-event "$(EVENT)")
	$(SPHINX) -b latex -t handouts $(SOURCEDIR) $(BUILDDIR)/handouts-latex -c . $(SPHINXOPTS) -j $(JOBS) \
	  $(if $(EVENT),-D fieldnotes_event="$(abspath $(EVENT))")
	$(MAKE) -C $(BUILDDIR)/handouts-latex all-pdf LATEXMKOPTS="-silent"
	$(BIN)/python tools/handouts.py collect $(BUILDDIR)/handouts-latex $(BUILDDIR)/handouts \
	  $(if $(EVENT),--event "$(EVENT)")
	$(BIN)/python tools/handouts.py printed-urls $(BUILDDIR)/handouts-latex $(PRINTED_URLS)

# --- checking ----------------------------------------------------------------

# The Markdown `make lint` reads: the pages and the repository's own guides.
MARKDOWN ?= $(SOURCEDIR) README.md CONTRIBUTING.md

lint: lint-python lint-markdown lint-spelling ## ruff; rumdl, open MyST fences, British spelling (codespell)

lint-python: $(VENV)/.dev-stamp
	$(BIN)/ruff check ext tests tools conf.py
	$(BIN)/ruff format --check ext tests tools conf.py

# tools/myst_fences.py finds broken fences with MyST's own parser (first: its messages are the
# most precise); rumdl lints Markdown in its MyST flavour (pyproject.toml [tool.rumdl]);
# sphinx-lint checks any reStructuredText.
lint-markdown: $(VENV)/.dev-stamp
	$(BIN)/python tools/myst_fences.py $(MARKDOWN)
	$(BIN)/rumdl check --config pyproject.toml $(MARKDOWN)
	$(BIN)/sphinx-lint $(SOURCEDIR)

lint-spelling: $(VENV)/.dev-stamp
	$(BIN)/python tools/spelling.py $(MARKDOWN)

test: $(VENV)/.dev-stamp lint ## Run the whole test suite (lint, builds, extension, links)
	$(BIN)/python -m pytest

diagrams: check-dot ## Draw docs/_diagrams/*.dot again (needs Graphviz); commit the .svg and .pdf
	$(PYTHON) tools/diagrams.py

bench: $(VENV)/.build-stamp ## Benchmark the extension against plain Sphinx
	$(BIN)/python tools/bench.py

stress: $(VENV)/.build-stamp ## Build 1000 imported pyvideo-shaped talks vs plain Sphinx (time, memory)
	$(BIN)/python tools/stress.py

audit: $(VENV)/.dev-stamp html ## Lighthouse scores and page weights of every page (_build/audit/; AUDIT_ARGS=)
	PYTHONPATH=tests $(BIN)/python tools/audit.py $(AUDIT_ARGS)

clean: ## Remove build output (keeps .venv)
	rm -rf $(BUILDDIR) .pytest_cache
