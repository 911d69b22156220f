"""The build cache (macros/build_cache/) never hides a mistake or a change.

Each test builds a small corpus twice with the same cache, changing something in between, and
checks what the second build says or makes, as a writer would see it.
"""

import pytest

from bench.corpus import page_path, write_corpus
from support.project import build_site

# Runs an outside tool or builds more sites: not part of `make test-fast`.
pytestmark = pytest.mark.slow


def build(tmp_path, docs, name):
    return build_site(tmp_path / name, docs_dir=docs,
                      env={"HELP_BUILD_CACHE": str(tmp_path / "cache")})


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_broken_link_fails_every_build_not_just_the_first(tmp_path):
    docs = tmp_path / "docs"
    write_corpus(docs, 3)
    edit(docs / page_path(1), "## Prerequisites", "See [the old page](no-such-page.md).\n\n## Prerequisites")
    for name in ("first", "second"):
        result = build(tmp_path, docs, name)
        assert result.returncode != 0
        assert "no-such-page.md" in result.stderr


def test_a_removed_heading_breaks_links_from_unchanged_pages(tmp_path):
    docs = tmp_path / "docs"
    write_corpus(docs, 3)  # guide 1 links to guide 2's "Step 2: Move your data"
    assert build(tmp_path, docs, "first").returncode == 0
    edit(docs / page_path(2), "{ #step-2-move-your-data .step }", "{ #moving .step }")
    result = build(tmp_path, docs, "second")
    assert result.returncode != 0
    assert page_path(1) in result.stderr and "step-2-move-your-data" in result.stderr


def test_unchanged_pages_are_the_same_html_as_without_the_cache(tmp_path):
    docs = tmp_path / "docs"
    write_corpus(docs, 3)
    for name in ("cold", "warm"):
        assert build(tmp_path, docs, name).returncode == 0
    fresh = build_site(tmp_path / "uncached", docs_dir=docs,
                       env={"HELP_BUILD_CACHE": str(tmp_path / "other-cache")})
    assert fresh.returncode == 0
    for number in (1, 2, 3):
        page = page_path(number).replace(".md", ".html")
        uncached = (tmp_path / "uncached" / page).read_bytes()
        assert (tmp_path / "warm" / page).read_bytes() == uncached
