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
.PHONY: help html live pdf linkcheck test lint bench stress handouts audit clean venv dev check-tex check-dot

help: ## List the targets
	@echo "Field Notes: make <target>"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sort | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  %-10s %s\n", $$1, $$2}'

# --- environment -------------------------------------------------------------

$(VENV)/.build-stamp: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Field Notes needs Python 3.11 or newer (PYTHON=$(PYTHON))."; exit 1; }
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

check-dot:
	@command -v dot >/dev/null 2>&1 || { \
	  echo "The diagrams need Graphviz's dot. On Debian or Ubuntu: sudo apt-get install graphviz"; \
	  exit 1; }

check-tex:
	@missing=""; \
	for cmd in $(LATEXMK) pdflatex; do command -v $$cmd >/dev/null 2>&1 || missing="$$missing $$cmd"; done; \
	for sty in fncychap.sty tgtermes.sty txtt.tfm capt-of.sty needspace.sty; do \
	  kpsewhich $$sty >/dev/null 2>&1 || missing="$$missing $$sty"; done; \
	if [ -n "$$missing" ]; then \
	  echo "The PDF needs TeX Live, and this machine lacks:$$missing"; \
	  echo "On Debian or Ubuntu, install it with:"; \
	  echo "  sudo apt-get install $(TEX_PACKAGES)"; \
	  exit 1; \
	fi

# --- building ----------------------------------------------------------------

html: $(VENV)/.build-stamp check-dot ## Build the site into _build/html (the default)
	$(call SPHINXM,html)
	@echo "Open $(BUILDDIR)/html/index.html"

live: $(VENV)/.build-stamp check-dot ## Preview with live reload on http://127.0.0.1:8000
	$(BIN)/sphinx-autobuild $(SOURCEDIR) $(BUILDDIR)/live -c . -n --watch ext \
	  --host 127.0.0.1 --port 8000

pdf: $(VENV)/.build-stamp check-dot check-tex ## Build the whole handbook as one PDF (_build/latex/fieldnotes.pdf)
	$(call SPHINXM,latexpdf)
	@echo "PDF: $(BUILDDIR)/latex/fieldnotes.pdf"

linkcheck: $(VENV)/.build-stamp ## Check every link, online; a readable report follows
	$(call SPHINXM,linkcheck) ; status=$$?; \
	$(BIN)/python tools/linkcheck_report.py $(BUILDDIR)/linkcheck/output.json; \
	exit $$status

handouts: $(VENV)/.build-stamp check-dot check-tex ## Build the workshop handouts, one PDF each, into _build/handouts/
	$(SPHINX) -b latex -t handouts $(SOURCEDIR) $(BUILDDIR)/handouts-latex -c . $(SPHINXOPTS) -j $(JOBS)
	$(MAKE) -C $(BUILDDIR)/handouts-latex all-pdf LATEXMKOPTS="-silent"
	mkdir -p $(BUILDDIR)/handouts
	cp $(BUILDDIR)/handouts-latex/handout-*.pdf $(BUILDDIR)/handouts/
	@ls -1 $(BUILDDIR)/handouts/*.pdf

# --- checking ----------------------------------------------------------------

lint: $(VENV)/.dev-stamp ## ruff on ext/ tests/ tools/, sphinx-lint on docs/
	$(BIN)/ruff check ext tests tools conf.py
	$(BIN)/ruff format --check ext tests tools conf.py
	$(BIN)/sphinx-lint $(SOURCEDIR)

test: $(VENV)/.dev-stamp check-dot check-tex lint ## Run the whole test suite (lint, builds, extension, links)
	$(BIN)/python -m pytest

bench: $(VENV)/.build-stamp ## Benchmark the extension against plain Sphinx
	$(BIN)/python tools/bench.py

stress: $(VENV)/.build-stamp ## Build 1000 imported pyvideo-shaped talks vs plain Sphinx (time, memory)
	$(BIN)/python tools/stress.py

audit: $(VENV)/.dev-stamp html ## Lighthouse scores and page weights of five pages (_build/audit/)
	PYTHONPATH=tests $(BIN)/python tools/audit.py

clean: ## Remove build output (keeps .venv)
	rm -rf $(BUILDDIR) .pytest_cache
