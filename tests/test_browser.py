"""What a reader sees in Chromium, from a copy on disk (file://) and from a web server."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import search_site

GUIDE = "migrate-iphone.html"
IT_PAGE = "it/link-to-this-guide.html"
PAGES = ["index.html", GUIDE, "authenticator-backup.html", IT_PAGE]
PHONE = {"width": 390, "height": 844}
WCAG_22_AA = {"runOnly": {"type": "tag", "values": [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}}


def test_every_built_page_is_covered_here(site_dir):
    """Every page readers and IT open; the writing guide has its own (test_writing_guide.py),
    the German site too (test_languages.py)."""
    built = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")
                   if p.name != "404.html" and p.parts[-2] != "writing"
                   and p.relative_to(site_dir).parts[0] != "de")
    assert built == sorted(PAGES)


@pytest.mark.parametrize("path", PAGES)
def test_page_stays_inside_the_site_and_its_search_finds_the_guide(new_visit, site_root, path):
    """One visit per page for both checks (each used to open the page on its own)."""
    visit = new_visit(site_root)
    page = visit.open(path)
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.is_visible()
    assert visit.outside_requests == []
    assert visit.console_errors == []

    first_hit = search_site(page, "Company Portal").first
    first_hit.wait_for(timeout=10_000)
    assert GUIDE in first_hit.get_attribute("href")
    assert visit.outside_requests == []


def test_search_dialog_has_a_name_for_screen_readers(new_visit, http_root):
    page = new_visit(http_root).open(GUIDE)
    page.locator("input[data-md-component=search-query]").click()
    assert page.get_by_role("dialog", name="Search").count() == 1


def test_step_2_link_scrolls_to_its_heading(new_visit, site_root):
    visit = new_visit(site_root)
    page = visit.open(GUIDE)
    # The table of contents' link (the guide's own link to Step 2 went with issue 23's MI-5).
    page.locator(".md-nav--secondary").get_by_role(
        "link", name="Step 2: Power on the new device").click()
    heading = page.locator("#step-2-power-on-the-new-device")
    page.wait_for_function("location.hash === '#step-2-power-on-the-new-device'")
    page.wait_for_function(
        "el => Math.abs(el.getBoundingClientRect().top) < 150", arg=heading.element_handle())
    assert heading.is_visible()
    assert "Power on the new device" in heading.inner_text()


@pytest.mark.parametrize("path", PAGES)
def test_phone_viewport_has_no_horizontal_scroll(new_visit, site_root, path):
    visit = new_visit(site_root, viewport=PHONE, is_mobile=True, has_touch=True)
    page = visit.open(path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than a 390px phone screen"


def describe_violations(results):
    return "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}\n    "
        + "\n    ".join(", ".join(node["target"]) for node in v["nodes"])
        for v in results.response["violations"])


@pytest.mark.parametrize("colours", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_wcag_22_aa_violations(new_visit, http_root, path, colours):
    visit = new_visit(http_root, color_scheme=colours)
    page = visit.open(path)
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    assert scheme == {"light": "default", "dark": "slate"}[colours]
    results = Axe().run(page, options=WCAG_22_AA)
    assert results.violations_count == 0, describe_violations(results)
