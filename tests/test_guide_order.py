"""The home page lists the guides in the order their writers give (`order:` in a guide's front
matter, lowest first), then the others in file name order, in every language."""

from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from support.project import PROJECT
from macros.situations import guides

DOCS = PROJECT / "docs"


def expected_order():
    employees = []
    for position, source in enumerate(guides(DOCS)):
        meta = get_data((DOCS / source).read_text(encoding="utf-8"))[1]
        if meta.get("audience") == "employees":
            employees.append((meta.get("order", float("inf")), position, source))
    return [source.replace(".md", ".html") for *_, source in sorted(employees)]


def test_the_home_page_lists_the_guides_in_their_writers_order(site_dir):
    expected = expected_order()
    assert len(expected) >= 2, "needs two guides to have an order"
    for root in (site_dir, site_dir / "de"):
        page = BeautifulSoup((root / "index.html").read_text(encoding="utf-8"), "html.parser")
        listed = [card.find("a")["href"] for card in page.select("article .guide-list > ul > li")]
        assert listed == expected, root
