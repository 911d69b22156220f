"""The IT page's outline under each situation link (the steps that link shows) never reads
"0 steps" with an empty list: a situation whose path has no steps says so in words."""

import re

from bs4 import BeautifulSoup

IT_PAGE = "it/link-to-this-guide.html"


def test_every_outline_lists_steps_or_says_in_words_that_there_are_none(site_dir):
    for root in (site_dir, site_dir / "de"):
        page = BeautifulSoup((root / IT_PAGE).read_text(encoding="utf-8"), "html.parser")
        outlines = page.select("div.guide-outline")
        assert outlines, f"no outlines on {root / IT_PAGE}"
        for outline in outlines:
            words = outline.get_text(" ", strip=True)
            has_steps = bool(outline.select("ul > li"))
            assert has_steps or (words and not re.search(r"\b0\b", words)), words
            assert not outline.select("ul:empty"), words
