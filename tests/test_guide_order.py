"""The home page lists the guides in the order their writers give (`order:` in a guide's front
matter, lowest first), then the others in file name order.

The generator on the many-guides scenario site (in Chromium, as a reader sees the list), and
the home pages of docs/ in every language, whose guides are found from their front matter."""

from bs4 import BeautifulSoup

from macros.languages import LANGUAGES, language_root
from support.content import front_matter, guides, html_path

# tests/sites/many-guides/docs/: sign-in.md has `order: 1`, old-phone.md `order: 2`, back-up.md
# none (so it comes last, though its name comes first).
MANY_GUIDES_ORDER = ["sign-in.html", "old-phone.html", "back-up.html"]
LISTED = "article .guide-list > ul > li a"


def test_the_home_page_lists_the_guides_in_their_writers_order(new_visit, guides_root):
    page = new_visit(guides_root).open("index.html")
    links = page.locator(LISTED)
    assert [href.split("?")[0] for href in links.evaluate_all(
        "(links) => links.map((a) => a.getAttribute('href'))")] == MANY_GUIDES_ORDER


def writers_order(docs_guides, meta):
    """The guides of docs/ as their front matter orders them: `order:` first, lowest first, then
    the others by file name."""
    return [html_path(src) for src in sorted(
        docs_guides, key=lambda src: (meta[src].get("order", float("inf")), src))]


def test_every_home_page_of_docs_lists_its_guides_in_their_writers_order(site_dir):
    expected = writers_order(guides(), front_matter())
    for home in [site_dir / language_root(language) / "index.html" for language in LANGUAGES]:
        page = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser")
        listed = [a["href"].split("?")[0] for a in page.select(LISTED)]
        assert listed == expected, home
