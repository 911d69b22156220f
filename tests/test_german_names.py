"""German guides keep every on-screen name of their English source, in the same order: the
German name where tests/seed-on-screen-names.de.yml gives one, otherwise the English name in
German quotation marks („…“), bold as in English.

Read from the Markdown (with the shared steps it includes), so it holds wherever the i18n build
puts the German pages."""

import re

import pytest
import yaml

from conftest import PROJECT
from macros.situations import guides
from seed_names import read_names

DOCS = PROJECT / "docs"
GERMAN_NAMES = yaml.safe_load((PROJECT / "tests" / "seed-on-screen-names.de.yml").read_text(encoding="utf-8"))
INCLUDE = re.compile(r'\{%\s*include\s+"([^"]+)"\s*%\}')
BOLD = re.compile(r"\*\*([^*\n]+?)\*\*")


def with_includes(path):
    text = path.read_text(encoding="utf-8")
    return INCLUDE.sub(lambda m: with_includes(DOCS / m.group(1)), text)


def bold_names(path):
    return BOLD.findall(with_includes(path))


def in_german(english_name):
    german = {english: german for german, english in GERMAN_NAMES.items()}
    return german.get(english_name, f"„{english_name}“")


ENGLISH_GUIDES = sorted(source for source in guides(DOCS)
                        if not source.startswith("writing/") and ".de." not in source)
GERMAN_GUIDES = [source for source in ENGLISH_GUIDES
                 if (DOCS / source.replace(".md", ".de.md")).exists()]


def test_every_german_name_stands_for_a_name_the_source_shows():
    assert set(GERMAN_NAMES.values()) <= read_names()
    assert len(set(GERMAN_NAMES.values())) == len(GERMAN_NAMES)


def test_both_guides_have_a_german_page():
    assert {"migrate-iphone.md", "authenticator-backup.md"} <= set(GERMAN_GUIDES)


@pytest.mark.parametrize("source", GERMAN_GUIDES)
def test_german_guide_shows_the_same_on_screen_names_in_the_same_order(source):
    english = bold_names(DOCS / source)
    german = bold_names(DOCS / source.replace(".md", ".de.md"))
    assert german == [in_german(name) for name in english]


@pytest.mark.parametrize("source", GERMAN_GUIDES)
def test_every_german_include_is_a_german_shared_step(source):
    """A German page pulls in German shared steps only: an English one would show English text."""
    def included(path):
        names = INCLUDE.findall(path.read_text(encoding="utf-8"))
        return names + [deeper for name in names for deeper in included(DOCS / name)]
    names = included(DOCS / source.replace(".md", ".de.md"))
    assert names and [name for name in names if not name.endswith(".de.md")] == []
