"""The IT pages' outline under each situation link (the steps that link shows) never reads
"0 steps" with an empty list: a situation whose path has no steps says so in words. The IT pages
of docs/ (front matter `audience: it`), in every language."""

import re

import pytest
from bs4 import BeautifulSoup

from macros.languages import LANGUAGES, language_root
from support.content import front_matter, html_path

IT_PAGES = sorted(html_path(src) for src, meta in front_matter().items()
                  if meta.get("audience") == "it")


@pytest.mark.parametrize("it_page", IT_PAGES)
def test_every_outline_lists_steps_or_says_in_words_that_there_are_none(site_dir, it_page):
    for path in [site_dir / language_root(language) / it_page for language in LANGUAGES]:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        outlines = page.select("div.guide-outline")
        assert outlines, f"{path}: no outline under its situation links"
        for outline in outlines:
            words = outline.get_text(" ", strip=True)
            has_steps = bool(outline.select("ul > li"))
            assert has_steps or (words and not re.search(r"\b0\b", words)), (path, words)
            assert not outline.select("ul:empty"), (path, words)
