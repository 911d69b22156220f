# The two README commands, `make serve` and `make test`, do all the set-up themselves.
PYTHON ?= python3
SITE_DIR ?= site
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
LINKCHECK := $(BIN)/python tests/linkcheck_site.py --no-status --config tests/linkcheckerrc
# Local branch that holds every deployed version (mike commits there; nothing is pushed).
SITE_BRANCH ?= versioned-site
PUBLISH := $(BIN)/python versioning/publish.py --branch $(SITE_BRANCH)

# Material 9 prints an end-of-life banner on every run; we pin mkdocs<2 on purpose.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site test linkcheck linkcheck-external deploy bundle clean bench-situations

$(INSTALLED): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

## serve: live-reloading preview at http://127.0.0.1:8000
serve: $(INSTALLED)
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

## site: strict build into site/; a failed build leaves the previous site/ as it was
site: $(INSTALLED)
	rm -rf $(SITE_DIR).build
	$(BIN)/mkdocs build --strict --site-dir $(SITE_DIR).build || { rm -rf $(SITE_DIR).build; exit 1; }
	rm -rf $(SITE_DIR) && mv $(SITE_DIR).build $(SITE_DIR)

## test: strict build, link check, unit and browser tests
test: site
	$(BIN)/python -m pytest

## linkcheck: links and anchors of site/ (external URLs: syntax only)
linkcheck: site
	$(LINKCHECK) $(SITE_DIR)/index.html

## linkcheck-external: the same, and external URLs for real (needs internet)
linkcheck-external: site
	$(LINKCHECK) --check-extern $(SITE_DIR)/index.html

## deploy: add or update one version of versions.yml on $(SITE_BRANCH), e.g. make deploy VERSION=2.0
deploy: $(INSTALLED)
	@test -n "$(VERSION)" || { echo "Usage: make deploy VERSION=<a version listed in versions.yml>"; exit 2; }
	$(PUBLISH) deploy $(VERSION)

## bundle: every version of versions.yml on $(SITE_BRANCH), then dist/<site-name>-<date>.zip
bundle: $(INSTALLED)
	$(PUBLISH) bundle --dist dist

clean:
	rm -rf $(SITE_DIR) $(SITE_DIR).build .pytest_cache

## bench-situations: the situation picker's weight and re-render time (not part of `make test`)
bench-situations: site
	$(BIN)/python bench/situation_picker.py $(SITE_DIR)
