"""The home page lists every guide, and search says which guide a result is in (Chromium).

The guides of docs/ are found from their front matter; search is tried on the reader-site
scenario site, whose two guides both say "Begin recovery"."""

import re

from support.browsers import search_site
from support.content import front_matter, guides, html_path
from support.scenarios import SITE

READER_SITE_TITLES = {html_path(src): front_matter(SITE)[src]["title"] for src in guides(SITE)}


def built_guides(site_dir):
    """Built pages of the English site that carry the situation picker (the writing guide's
    examples aside): the ones its home page lists."""
    return sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html")
                  if not {"writing", "de"} & set(path.relative_to(site_dir).parts)
                  and 'class="situation-picker"' in path.read_text(encoding="utf-8"))


def test_home_page_lists_every_guide_with_what_its_page_says(new_visit, site_root, site_dir):
    home = new_visit(site_root).open("index.html")
    guide = new_visit(site_root).page
    cards = home.locator("article .grid.cards > ul > li").all()
    listed = []
    for card in cards:
        link = card.get_by_role("link")
        texts = [p.inner_text() for p in card.locator("p").all()]
        questions = re.fullmatch(r"Asks (\d+) questions? about your situation\.", texts[-1])
        assert questions, texts
        guide.goto(link.evaluate("a => a.href"))
        listed.append(guide.url.split("?")[0].rsplit("/", 1)[-1])
        assert link.inner_text() == guide.locator("article h1").evaluate("h1 => h1.firstChild.textContent")
        assert texts[1] == guide.locator("meta[name=description]").get_attribute("content")
        asked = guide.locator("form.situation-picker fieldset").count()
        assert int(questions.group(1)) == asked > 0
    assert sorted(listed) == built_guides(site_dir) == sorted(html_path(src) for src in guides())


def test_a_search_result_says_which_guide_it_is_in(new_visit, reader_root):
    """Material heads each page's hits with the page's title; both guides have this phrase."""
    page = new_visit(reader_root).open("index.html")
    search_site(page, "Begin recovery").first.wait_for()
    groups = page.locator(".md-search-result__item").all()
    titled = {}
    for group in groups:
        page_title = group.locator("article h1").first
        hits = group.locator("a.md-search-result__link")
        guide = hits.first.get_attribute("href").split("?")[0].rsplit("/", 1)[-1]
        assert page_title.is_visible()
        section = group.locator("article h2").first
        if section.count() and section.is_visible():
            assert page_title.bounding_box()["y"] < section.bounding_box()["y"]
        titled[guide] = page_title.inner_text()
    assert {guide: titled.get(guide) for guide in READER_SITE_TITLES} == READER_SITE_TITLES
