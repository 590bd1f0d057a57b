# Bilingual MPS press-release analysis: `make help` lists the targets.
# Set-up is two commands: `make report` and `make test`; both install what they need.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Rewritten whenever requirements.txt changes, so the venv is re-installed only then.
STAMP := $(VENV)/.requirements.stamp
KERNEL := analysis
JUPYTERLAB := jupyterlab==4.6.6
# Fonts (CJK, and the Latin fallback the stylesheet names), WeasyPrint's libraries,
# and poppler-utils for the tests.
SYSDEPS := fonts-noto-cjk fonts-dejavu-core libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 poppler-utils

.DEFAULT_GOAL := help
.PHONY: help venv bytecode sysdeps report test mutation lab bench extract evaluate clean

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-8s %s\n", $$1, $$2}'

venv: $(STAMP) ## Create .venv with requirements.txt's exact pins and the 'analysis' Jupyter kernel

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python ($(KERNEL))"
	touch $@

# Python writes no bytecode where PYTHONDONTWRITEBYTECODE is set: compiled here (only what changed),
# the package is not compiled again by every process that imports it (each run, each notebook kernel).
bytecode: venv
	@$(PY) -m compileall -q analysis

sysdeps: ## Check the Debian packages (fonts, WeasyPrint libraries, poppler); as root, install the missing ones
	@missing=""; \
	for package in $(SYSDEPS); do \
	  dpkg -s $$package 2>/dev/null | grep -q '^Status: install ok installed' || missing="$$missing $$package"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" -eq 0 ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	else \
	  echo "Missing Debian packages:$$missing"; \
	  echo "Run: sudo apt-get update && sudo apt-get install -y$$missing"; \
	  exit 1; \
	fi

report: venv bytecode sysdeps ## Run the notebooks; write reports/<output>.html and .pdf (PARAMS=file.yaml to set parameters)
	$(PY) -m analysis report $(if $(PARAMS),--params $(PARAMS))

# PYTEST_ARGS adds pytest options; PYTEST_EXIT=FILE also writes pytest's exit code to FILE, which
# make would report as its own 2 (.ci/run passes both).
test: venv bytecode sysdeps ## Run the test suite
	$(PY) -m pytest -q $(PYTEST_ARGS)$(if $(PYTEST_EXIT),; status=$$?; echo $$status > $(PYTEST_EXIT); exit $$status)

# The modules `make mutation` mutates (MUTATE=pair for one), and the tests each one's mutants run
# (pytest -k on the test files' names, and the module's doctests): of those, each mutant runs the
# ones that call the mutated function (setup.cfg). A mutant is killed when a test fails or times out.
MUTATE ?= select segment pair gazetteer topics repair events names attendees dates
MUTATION_TESTS_select := test_select.py
MUTATION_TESTS_segment := test_rules.py test_diagnostics.py segment.py
MUTATION_TESTS_pair := test_pair.py test_properties.py test_diagnostics.py pair.py
MUTATION_TESTS_gazetteer := test_rules.py gazetteer.py
MUTATION_TESTS_topics := test_rules.py test_properties.py test_topics.py topics.py
MUTATION_TESTS_repair := test_repair.py repair.py
MUTATION_TESTS_events := test_mut_events.py test_rules_events.py test_readouts.py test_diagnostics.py events.py
MUTATION_TESTS_names := test_mut_names.py test_rules_events.py test_readouts.py test_sources.py test_patterns.py names.py
MUTATION_TESTS_attendees := test_rules_events.py test_readouts.py test_diagnostics.py attendees.py
MUTATION_TESTS_dates := test_dates.py test_rules_events.py test_patterns.py dates.py
empty :=
space := $(empty) $(empty)

mutation: venv bytecode ## Mutation testing (mutmut) of the extraction and selection modules: kill rate per module
	rm -rf mutants && mkdir mutants
	@$(foreach module,$(MUTATE),echo "mutmut: analysis/$(module).py with $(MUTATION_TESTS_$(module)) (log: mutants/$(module).log)"; \
	  PYTEST_ADDOPTS="-k '$(subst $(space), or ,$(MUTATION_TESTS_$(module)))'" $(VENV)/bin/mutmut run "analysis.$(module).*" \
	    > mutants/$(module).log 2>&1 || { tail -20 mutants/$(module).log; exit 1; };)
	@$(VENV)/bin/mutmut results --all true | awk -F': ' -v modules="$(MUTATE)" ' \
	  { split($$1, name, "."); total[name[2]]++; if ($$2 == "killed" || $$2 == "timeout") killed[name[2]]++ } \
	  END { n = split(modules, m, " "); for (i = 1; i <= n; i++) if (total[m[i]]) \
	    printf "%-10s %5d mutants %5d killed  %5.1f%%\n", m[i], total[m[i]], killed[m[i]], 100 * killed[m[i]] / total[m[i]] }'

lab: venv ## Open the notebooks in JupyterLab (installs it into .venv if missing)
	$(PY) -c 'import jupyterlab' 2>/dev/null || $(PY) -m pip install --quiet $(JUPYTERLAB)
	PYTHONPATH=$(CURDIR) $(VENV)/bin/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) notebooks

bench: venv bytecode ## Run the benchmark
	$(PY) -m analysis.bench

evaluate: venv bytecode ## Score the extraction against hand-made gold: the fixtures, the seeds, the real readouts if collected
	$(PY) -m analysis evaluate tests/fixtures/readouts/gold.yaml tests/fixtures/readouts --misses 10
	$(PY) -m analysis evaluate tests/fixtures/seeds_gold.yaml seeds --misses 10
	@if [ -d corpus/realworld ]; then \
	  $(PY) -m analysis evaluate tests/realworld/gold.yaml corpus/realworld --split dev --misses 0; \
	  $(PY) -m analysis evaluate tests/realworld/gold.yaml corpus/realworld --split heldout --misses 0; \
	else echo "corpus/realworld/ not collected: see tests/realworld/README.md"; fi

extract: venv bytecode ## Extract the tables from seeds/ into reports/tables
	$(PY) -m analysis extract seeds --out reports/tables

clean: ## Remove reports/ and caches (keeps the committed figures/)
	rm -rf reports .pytest_cache .hypothesis .cache build
	find . -path ./$(VENV) -prune -o \( -name __pycache__ -o -name .ipynb_checkpoints \) -type d -prune -exec rm -rf {} +
