"""Search finds words however the text punctuates them, and loads only when it is used: in
Chromium, from disk and from a server, on the reader-site scenario site."""

import re

from bs4 import BeautifulSoup

from support.browsers import search_site
from support.scenarios import GUIDE


def guide_text(site):
    article = BeautifulSoup((site / GUIDE).read_text(encoding="utf-8"), "html.parser")
    return article.select_one("article").get_text(" ")


def test_a_word_written_only_in_parentheses_is_found(new_visit, reader_root, reader_site):
    # The guide names the MDM profile once, as "mobile device management (MDM)".
    text = guide_text(reader_site)
    assert re.findall(r"\S*MDM\S*", text) == ["(MDM)"]
    page = new_visit(reader_root).open("index.html")
    first_hit = search_site(page, "MDM").first
    first_hit.wait_for(timeout=10_000)
    assert GUIDE in first_hit.get_attribute("href")


def test_search_loads_only_once_the_reader_opens_it(new_visit, reader_http):
    visit = new_visit(reader_http, viewport={"width": 390, "height": 844})
    requested = []
    visit.page.on("request", lambda request: requested.append(request.url))
    page = visit.open(GUIDE)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    search_files = [url for url in requested if "/search/" in url or "/workers/search." in url]
    assert search_files == []
    # On a phone, search opens from the magnifier in the header (Material's search toggle).
    page.locator("label.md-header__button[for=__search]").click()
    first_hit = search_site(page, "MDM").first
    first_hit.wait_for(timeout=10_000)
    assert GUIDE in first_hit.get_attribute("href")
    assert visit.console_errors == []


def test_a_highlighted_search_result_loads_search_at_once(new_visit, reader_http):
    visit = new_visit(reader_http)
    page = visit.open(GUIDE + "?h=compliance")
    page.locator("article mark").first.wait_for(timeout=10_000)
    assert "compliance" in page.locator("article mark").first.inner_text().lower()
