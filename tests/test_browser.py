"""Every page readers and IT open, in Chromium, from a copy on disk (file://) and from a web
server: it stays inside the site, its search works, it fits a phone and axe finds nothing.

The pages are found from docs/' front matter (every page but the writing guide's, which
test_writing_guide.py checks; the German site: test_languages.py), never by name.
"""

import pytest

from support import axe
from support.browsers import search_site
from support.content import front_matter, guides, html_path, reader_pages
from support.scenarios import GUIDE

PAGES = reader_pages()
PHONE = {"width": 390, "height": 844}
# Search for a guide by its title, from every page: its page is among the results.
GUIDE_SOURCE = sorted(guides())[0]
GUIDE_PAGE, GUIDE_TITLE = html_path(GUIDE_SOURCE), front_matter()[GUIDE_SOURCE]["title"]


def test_every_built_page_is_covered_here(site_dir):
    """Every English page of the built site but the writing guide's and the 404 page."""
    built = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")
                   if p.name != "404.html" and p.parts[-2] != "writing"
                   and p.relative_to(site_dir).parts[0] != "de")
    assert built == PAGES


@pytest.mark.parametrize("path", PAGES)
def test_page_stays_inside_the_site_and_its_search_finds_a_guide(new_visit, site_root, path):
    """One visit per page for both checks (each used to open the page on its own)."""
    visit = new_visit(site_root)
    page = visit.open(path)
    assert page.locator("h1").first.is_visible()

    search_site(page, GUIDE_TITLE).first.wait_for(timeout=10_000)
    page.locator(f".md-search-result__item a[href*='{GUIDE_PAGE}']").first.wait_for()
    # Checked once search has answered: by then the page, its search index and worker are in.
    assert visit.outside_requests == []
    assert visit.console_errors == []


def test_search_dialog_has_a_name_for_screen_readers(new_visit, http_root):
    page = new_visit(http_root).open("index.html")
    page.locator("input[data-md-component=search-query]").click()
    assert page.get_by_role("dialog", name="Search").count() == 1


def test_step_link_scrolls_to_its_heading(new_visit, reader_root):
    """The reader site's guide links from Step 1 to Step 2's heading."""
    page = new_visit(reader_root).open(GUIDE)
    page.locator("article").get_by_role("link", name="Step 2: Start the new phone").click()
    heading = page.locator("#step-2-start-the-new-phone")
    page.wait_for_function("location.hash === '#step-2-start-the-new-phone'")
    page.wait_for_function(
        "el => Math.abs(el.getBoundingClientRect().top) < 150", arg=heading.element_handle())
    assert heading.is_visible()
    assert "Start the new phone" in heading.inner_text()


@pytest.mark.parametrize("path", PAGES)
def test_phone_viewport_has_no_horizontal_scroll(new_visit, site_root, path):
    visit = new_visit(site_root, viewport=PHONE, is_mobile=True, has_touch=True)
    page = visit.open(path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than a 390px phone screen"


@pytest.mark.parametrize("colours", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_wcag_22_aa_violations(new_visit, http_root, path, colours):
    visit = new_visit(http_root, color_scheme=colours)
    page = visit.open(path)
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    assert scheme == {"light": "default", "dark": "slate"}[colours]
    assert axe.violations(page) == ""
