"""The writing guide's examples are built, so the docs can't promise what the build rejects.

Every front matter or markup sample the writing guide shows is a file in
docs/writing/examples/ (no inline YAML or Markdown samples in its pages): a whole page (it starts
with front matter) is built here as a page of a site, with its translation beside it; a part of
a page is rendered by the writing guide itself, in the site that `make test` builds.
"""

import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from support.project import PROJECT, build_site

WRITING = PROJECT / "docs" / "writing"
EXAMPLES = WRITING / "examples"
# Fences whose language is front matter or page markup: the samples that must be examples.
SAMPLE_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*(yaml|yml|jinja|markdown|md|html)\b", re.I)


def is_page(path):
    return path.read_text(encoding="utf-8").startswith("---\n")


PAGES = sorted(path.name for path in EXAMPLES.glob("*.md") if is_page(path))
PARTS = sorted(path.name for path in EXAMPLES.glob("*.md") if not is_page(path))
# Parts the writing guide shows as written only (`example(name, rendered=False)`): what they
# render needs files the writing guide doesn't have (images), so they are built here as pages.
AS_WRITTEN = sorted(set(PARTS) & {name for page in WRITING.glob("*.md") for name in re.findall(
    r'example\("([^"]+)", rendered=False\)', page.read_text(encoding="utf-8"))})
# The images the image examples name, from the images scenario site.
EXAMPLE_IMAGES = {"company-portal-home.png": "phone-screen.png",
                  "sign-in-light.png": "sign-in-light.png", "sign-in-dark.png": "sign-in-dark.png"}
SCENARIO_IMAGES = PROJECT / "tests" / "sites" / "images" / "docs" / "images"


def test_the_writing_guide_shows_samples_only_through_its_examples():
    inline = [f"docs/writing/{page.name}:{number}"
              for page in sorted(WRITING.glob("*.md"))
              for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1)
              if SAMPLE_FENCE.match(line)]
    assert inline == [], ("a sample written into the page is never built: move it to "
                          "docs/writing/examples/ and show it with {{ example(...) }} at "
                          + ", ".join(inline))


@pytest.fixture(scope="module")
def built_examples(tmp_path_factory):
    """Every page example as a page of one site (translations beside their source, shared
    steps from docs/includes/)."""
    folder = tmp_path_factory.mktemp("examples")
    docs = folder / "docs"
    shutil.copytree(PROJECT / "docs" / "includes", docs / "includes")
    for name in PAGES:
        shutil.copy(EXAMPLES / name, docs / name)
    for name in AS_WRITTEN:
        (docs / f"part-{name}").write_text(
            "---\ntitle: Part\ndescription: A part of a page.\nlast_reviewed: 2026-12-07\n"
            "audience: writers\nowner: Help site maintainers\n---\n\n# Part\n\n"
            + (EXAMPLES / name).read_text(encoding="utf-8"), encoding="utf-8")
    (docs / "images").mkdir()
    for ours, theirs in EXAMPLE_IMAGES.items():
        shutil.copy(SCENARIO_IMAGES / theirs, docs / "images" / ours)
    result = build_site(folder / "site", docs_dir=docs)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site"


def legends(text, language):
    """The questions a page's front matter declares for itself, in `language`."""
    declared = get_data(text)[1].get("situations") or {}
    for dimension in declared.get("dimensions") or ():
        legend = dimension["legend"]
        yield legend.get(language, legend["en"]) if isinstance(legend, dict) else legend


@pytest.mark.parametrize("name", PAGES)
def test_every_page_example_builds_and_asks_its_own_questions_in_each_language(
        built_examples, name):
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    language = name.split(".")[-2] if name.count(".") == 2 else "en"
    html = Path(built_examples, *([language] if language != "en" else []),
                name.split(".")[0] + ".html")
    page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    shown = [legend.get_text() for legend in page.select(".situation-picker legend")]
    for legend in legends(text, language):
        assert legend in shown, (name, legend, shown)


@pytest.mark.parametrize("name", AS_WRITTEN)
def test_every_part_example_shown_as_written_builds(built_examples, name):
    """The build checks images (alt text, width, variants, no video): these pass them."""
    page = BeautifulSoup((built_examples / f"part-{name.removesuffix('.md')}.html").read_text(
        encoding="utf-8"), "html.parser")
    assert page.select_one("article p"), name


@pytest.mark.parametrize("name", sorted(set(PARTS) - set(AS_WRITTEN)))
def test_every_part_example_is_rendered_in_the_writing_guide(site_dir, name):
    source = (EXAMPLES / name).read_text(encoding="utf-8").rstrip("\n")
    for page in WRITING.glob("*.md"):
        html = site_dir / "writing" / page.with_suffix(".html").name
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for block in soup.select("article .highlight, article pre"):
            if block.get_text().rstrip("\n") == source:
                rendered = block.find_next_sibling()
                assert rendered is not None and "example" in rendered.get("class", []), name
                return
    pytest.fail(f"{name} is not shown in the writing guide: show it with {{{{ example(...) }}}}")


def test_a_translated_page_example_keeps_its_sources_situations():
    for name in PAGES:
        if name.count(".") == 2:
            source = get_data((EXAMPLES / f"{name.split('.')[0]}.md").read_text("utf-8"))[1]
            translation = get_data((EXAMPLES / name).read_text("utf-8"))[1]
            assert translation.get("situations") == source.get("situations"), name
    assert any(name.count(".") == 2 for name in PAGES), "no translated example"


def test_the_guide_example_uses_every_part_of_the_declaration():
    """The writing guide documents asks, default, dimensions (with asked_if and per-language
    texts) and impossible: its example shows each, so each is built."""
    declared = yaml.safe_load((EXAMPLES / "guide-questions.md").read_text("utf-8").split("---")[1])
    situations = declared["situations"]
    assert set(situations) == {"asks", "default", "dimensions", "impossible"}
    assert any("asked_if" in dimension for dimension in situations["dimensions"])
    assert all(isinstance(dimension["legend"], dict) for dimension in situations["dimensions"])
