# The two README commands, `make serve` and `make test`, do all the set-up themselves.
PYTHON ?= python3
SITE_DIR ?= site
DOCS_DIR ?= docs
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
LINKCHECK := $(BIN)/python tests/linkcheck_site.py --no-status --config tests/linkcheckerrc
PYMARKDOWN := $(BIN)/pymarkdown --strict-config --config .pymarkdown.yml
# The writing guide's examples: parts of pages, shown and rendered by docs/writing/*.md.
EXAMPLES := docs/writing/examples
# Shared steps: parts of pages, pulled into guides with {% include "includes/<name>.md" %}.
INCLUDES := docs/includes
LINT_PAGES ?= docs README.md tests/sites/README.md
# The Nu HTML checker, from npm (exact version in tests/vnu/package-lock.json).
VNU_JAR := tests/vnu/node_modules/vnu-jar/build/dist/vnu.jar
# Local branch that holds every deployed version (mike commits there; nothing is pushed).
SITE_BRANCH ?= versioned-site
PUBLISH := $(BIN)/python versioning/publish.py --branch $(SITE_BRANCH)

# `make site ORG=profiles/fabrikam.yml`: build the site of another organization profile.
ifdef ORG
export HELP_ORG_PROFILE := $(abspath $(ORG))
endif

# Material 9 prints an end-of-life banner on every run; we pin mkdocs<2 on purpose.
export NO_MKDOCS_2_WARNING := 1

.PHONY: check-zensical serve site stamp test test-fast test-webkit lint freshness fingerprint new-page new-guide linkcheck linkcheck-external deploy bundle clean bench bench-situations

$(INSTALLED): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

## serve: live-reloading preview at http://127.0.0.1:8000; after the first build only the saved page is rebuilt (macros/live_preview/)
serve: $(INSTALLED)
	$(BIN)/mkdocs serve --livereload --dirty --dev-addr 127.0.0.1:8000

## site: strict build into site/ (ORG=profile.yml for another organization); site/ is always a whole site:
## the previous one until the new one is complete, then the new one in one atomic step (macros/site_swap.py)
site: $(INSTALLED)
	$(BIN)/python macros/site_swap.py $(SITE_DIR) $(BIN)/mkdocs build --strict

# The tests read the site `make site` has just built (HELP_TEST_SITE) instead of building it again,
# unless ORG= asks for another organization's site; Markdown lint runs as one of the tests
# (tests/test_writing_guide.py), beside the others.
TEST_SITE := $(if $(ORG),,HELP_TEST_SITE=$(abspath $(SITE_DIR)))

## test: strict build, Markdown lint, link check, unit and browser tests, Nu HTML checker
test: site $(VNU_JAR)
	$(TEST_SITE) $(BIN)/python -m pytest -n 2 --dist loadgroup

## test-fast: the strict build, Markdown lint, the writer checks and the unit tests, no browser (about a minute)
test-fast: site
	$(TEST_SITE) $(BIN)/python -m pytest -n 2 --dist loadgroup -m "not browser and not slow"

# The Nu HTML checker (tests/test_valid_html.py; needs Java). --ignore-scripts: its postinstall
# would download a Java runtime; .ci/run installs Debian's instead.
$(VNU_JAR): tests/vnu/package.json tests/vnu/package-lock.json
	npm ci --prefix tests/vnu --no-audit --no-fund --ignore-scripts
	touch $@

## test-webkit: only the WebKit leg of the browser tests (WebKitGTK; see README)
test-webkit: $(INSTALLED)
	$(BIN)/python -m pytest $(wildcard tests/test_webkit*.py)

## lint: Markdown style of every page (settings: .pymarkdown.yml)
# Examples and includes are parts of pages, so they need not start with a heading (rule md041).
lint: $(INSTALLED)
	$(PYMARKDOWN) scan $$(find $(LINT_PAGES) -name '*.md' -not -path '$(EXAMPLES)/*' -not -path '$(INCLUDES)/*')
	$(PYMARKDOWN) --disable-rules md041 scan -r $(EXAMPLES) $(INCLUDES)

## freshness: pages whose last_reviewed is older than review_after_months (mkdocs.yml)
freshness: $(INSTALLED)
	$(BIN)/python -m macros.writer_checks.freshness

## stamp: record that a translation follows its English source as it is now, e.g. make stamp PAGE=docs/migrate-iphone.de.md
stamp: $(INSTALLED)
	@test -n "$(PAGE)" || { echo "Usage: make stamp PAGE=docs/migrate-iphone.de.md"; exit 2; }
	$(BIN)/python -m macros.translations.source_hash --docs-dir "$(DOCS_DIR)" $(PAGE)

## fingerprint: keep a guide's source document as a fingerprint and its on-screen names in docs/sources/, e.g. make fingerprint SOURCE=~/article.md NAME=intune-new-iphone-for-work
fingerprint: $(INSTALLED)
	@test -n "$(SOURCE)" && test -n "$(NAME)" || { echo "Usage: make fingerprint SOURCE=path/to/article.md NAME=intune-new-iphone-for-work [TITLE='Its title']"; exit 2; }
	cd tests && $(abspath $(BIN))/python -m support.sources "$(abspath $(SOURCE))" "$(abspath $(DOCS_DIR))/sources/$(NAME).fingerprint.txt" $(if $(TITLE),--title "$(TITLE)")

## new-page: start docs/NAME.md from the page template, e.g. make new-page NAME=reset-authenticator
new-page:
	@test -n "$(NAME)" || { echo "Usage: make new-page NAME=reset-authenticator"; exit 2; }
	@test ! -e "$(DOCS_DIR)/$(NAME).md" || { echo "$(DOCS_DIR)/$(NAME).md already exists."; exit 1; }
	sed "s/^last_reviewed: .*/last_reviewed: $$(date +%F)/" $(EXAMPLES)/new-page.md > "$(DOCS_DIR)/$(NAME).md"
	@echo "Created $(DOCS_DIR)/$(NAME).md: set its title, description and owner, then run make serve."

## new-guide: start docs/NAME.md as a guide that asks ASKS (keys of macros/situations.yml, or its own key:answer/answer), e.g. make new-guide NAME=restore-authenticator ASKS=mfa,restore:backup/fresh
new-guide: $(INSTALLED)
	@test -n "$(NAME)" && test -n "$(ASKS)" || { echo "Usage: make new-guide NAME=restore-authenticator ASKS=mfa,restore:backup/fresh"; exit 2; }
	$(BIN)/python -m macros.writing_guide.new_guide --docs-dir "$(DOCS_DIR)" "$(NAME)" "$(ASKS)"

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
	rm -rf $(SITE_DIR) $(dir $(SITE_DIR)).$(notdir $(SITE_DIR))-builds .pytest_cache .cache

## bench: build scaling, page weight, search speed and Lighthouse, side by side with bare Material
## (slow: about 10 minutes on 2 busy cores; not part of `make test`); writes bench/results.json
bench: site bench/node_modules/.package-lock.json
	$(BIN)/python -m bench.run --project-site $(SITE_DIR)

# Lighthouse (bench/package.json, exact versions in bench/package-lock.json), for `make bench` only.
bench/node_modules/.package-lock.json: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund

## bench-situations: the situation picker's weight and re-render time (not part of `make test`)
bench-situations: site
	$(BIN)/python bench/situation_picker.py $(SITE_DIR)

## check-zensical: build with Zensical (Material's successor) in .venv-zensical and print what
## survives, from markers in the built HTML and Chromium (not part of `make test`; README
## "When Material reaches end of life")
ZENSICAL_VENV := .venv-zensical
$(ZENSICAL_VENV)/.installed: eol/zensical-requirements.txt
	test -x $(ZENSICAL_VENV)/bin/python || $(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r eol/zensical-requirements.txt
	touch $@

check-zensical: $(INSTALLED) $(ZENSICAL_VENV)/.installed
	$(BIN)/python eol/check_zensical.py --zensical $(ZENSICAL_VENV)/bin/zensical
