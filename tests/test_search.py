"""Search finds words however the text punctuates them, in Chromium, from disk and from a server."""

import re

from bs4 import BeautifulSoup

from conftest import search_site

GUIDE = "migrate-iphone.html"


def guide_text(site_dir):
    article = BeautifulSoup((site_dir / GUIDE).read_text(encoding="utf-8"), "html.parser")
    return article.select_one("article").get_text(" ")


def test_a_word_written_only_in_parentheses_is_found(new_visit, site_root, site_dir):
    # The guide names the MDM profile once, as "mobile device management (MDM)".
    text = guide_text(site_dir)
    assert re.findall(r"\S*MDM\S*", text) == ["(MDM)"]
    page = new_visit(site_root).open("index.html")
    first_hit = search_site(page, "MDM").first
    first_hit.wait_for(timeout=10_000)
    assert GUIDE in first_hit.get_attribute("href")
