# Developer entry points. The two that matter:
#   make demo   set up, then run the function on an embedded S3 with the sample events
#   make test   set up, then run every test tier (unit, integration, e2e)
# and `make sam-local`: the built function in a Lambda container (Docker) against the same embedded S3.
# NLTK data: taken from $NLTK_DATA when it is set, otherwise downloaded once into .nltk_data/.

PYTHON ?= python3
VENV := .venv
TOOLS := .tools
PY := $(VENV)/bin/python
NLTK_PACKAGES := punkt_tab stopwords averaged_perceptron_tagger_eng
NLTK_DIR := $(if $(NLTK_DATA),$(NLTK_DATA),$(CURDIR)/.nltk_data)
export NLTK_DATA := $(NLTK_DIR)
export PATH := $(CURDIR)/$(TOOLS)/bin:$(PATH)
# The newest pyenv Python 3.13 (the Lambda runtime's version) for sam build and the 3.13 bench.
PY313_BIN = $$(pyenv root 2>/dev/null)/versions/$$(ls "$$(pyenv root 2>/dev/null)/versions" 2>/dev/null | grep '^3\.13' | tail -n 1)/bin
PY313 = $(PY313_BIN)/python

.PHONY: demo test setup tools nltk-data bench bench-speed build sam-local clean

demo: setup nltk-data
	PYTHONPATH=functions/enrich $(PY) events/run_local.py

test: setup tools nltk-data
	$(PY) -m pytest -q

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,bench]'
	touch $@

# SAM CLI, cfn-lint, checkov and bandit pin their own dependencies: keep them out of the project's venv.
tools: $(TOOLS)/.installed

$(TOOLS)/.installed:
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install -q --upgrade pip
	$(TOOLS)/bin/python -m pip install -q aws-sam-cli cfn-lint checkov bandit
	touch $@

NLTK_PRESENT = { [ -d "$(NLTK_DIR)/tokenizers/punkt_tab" ] && [ -d "$(NLTK_DIR)/corpora/stopwords" ] && [ -d "$(NLTK_DIR)/taggers/averaged_perceptron_tagger_eng" ]; }

# The download runs without a terminal (no "Retry?" prompt) and quietly; if it fails, one line says what to do.
nltk-data: setup
	@if $(NLTK_PRESENT); then \
		echo "NLTK data: $(NLTK_DIR)"; \
	else \
		echo "NLTK data not found in $(NLTK_DIR); downloading $(NLTK_PACKAGES)"; \
		$(PY) -m nltk.downloader -q -d "$(NLTK_DIR)" $(NLTK_PACKAGES) </dev/null >/dev/null 2>&1; \
		if ! $(NLTK_PRESENT); then \
			echo "NLTK data missing ($(NLTK_PACKAGES) in $(NLTK_DIR)) and the download failed: set NLTK_DATA to a directory holding it, or allow the download (network access for python -m nltk.downloader)" >&2; \
			exit 1; \
		fi; \
	fi

bench: setup nltk-data
	$(PY) bench/cleaning.py
	$(PY) bench/seed.py
	$(PY) bench/summaries.py
	$(PY) bench/tags.py
	$(PY) bench/pipeline.py

# The speed targets in one run: whole pipeline vs LexRank under this Python and under 3.13 with
# the built layer's packages (the Lambda's), then cold start on the built artefact.
bench-speed: build
	$(PY) bench/pipeline.py
	PYTHONPATH=src:.aws-sam/build/DepsLayer/python $(PY313) bench/pipeline.py
	$(PY) bench/coldstart.py

build: tools nltk-data
	PATH="$(PY313_BIN):$$PATH" sam build

# sam build, then `sam local invoke` on every sample event against the embedded S3 (events/sam_local.py).
# Needs Docker; without the official base image, builds the stand-in (tests/e2e/lambda-image/) once.
sam-local: build
	$(PY) events/sam_local.py $(SAM_LOCAL_FLAGS)

clean:
	rm -rf $(VENV) $(TOOLS) .aws-sam .pytest_cache
