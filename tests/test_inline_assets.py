"""Our stylesheets are written into each page's <head> (macros/theme/plugin.py, `inline_asset`).

A stylesheet that would end the <style> element it is written into must stop the build with the
file and a hint, not cut the page's <head> short. The stylesheets are the theme's
(overrides/assets/); a file of the same path in docs_dir takes its place, as MkDocs does
for every theme file, which is how these tests edit one without touching the project's.
"""

import shutil

import pytest

from bench.corpus import write_corpus
from support.project import PROJECT, build_site

# Runs an outside tool or builds more sites: not part of `make test-fast`.
pytestmark = pytest.mark.slow


def stylesheet_in_docs(docs, name):
    """The theme's stylesheet `name` ('situations/situations.css'), copied into the docs folder's
    assets/ to be edited there."""
    copy = docs / "assets" / name
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT / "overrides" / "assets" / name, copy)
    return copy


def test_a_stylesheet_that_would_end_its_style_element_stops_the_build(tmp_path):
    docs = tmp_path / "docs"
    write_corpus(docs, 1)
    stylesheet = stylesheet_in_docs(docs, "situations/situations.css")
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8")
                          + '\n.situation::after { content: "</style><b>"; }\n', encoding="utf-8")
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode != 0
    assert "assets/situations/situations.css" in result.stderr
    assert "</style" in result.stderr and "Hint:" in result.stderr


def test_an_edited_stylesheet_reaches_the_pages_of_the_next_build(tmp_path):
    """The theme's compiled templates are kept between builds (macros/build_cache/)."""
    docs = tmp_path / "docs"
    write_corpus(docs, 1)
    cache = {"HELP_BUILD_CACHE": str(tmp_path / "cache")}
    assert build_site(tmp_path / "first", docs_dir=docs, env=cache).returncode == 0
    stylesheet = stylesheet_in_docs(docs, "accessibility/accessibility.css")
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8")
                          + "\n.md-typeset mark { outline: 3px solid; }\n", encoding="utf-8")
    result = build_site(tmp_path / "second", docs_dir=docs, env=cache)
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "second" / "index.html").read_text(encoding="utf-8")
    assert ".md-typeset mark{outline:3px solid}" in home
