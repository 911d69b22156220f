"""The site knows its URL (profile `site_url`): sitemap, canonical links, and a 404 page that
works however deep the missing address is, hosted under a path and at a server root."""

import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from support.content import front_matter, guides, html_path
from support.policy import RECORD_VIOLATIONS, violations
from support.project import PROJECT, build_site
from support.servers import QuietHandler, serve
from support.sites import make_world_readable_dir

CONTOSO = PROJECT / "profiles" / "contoso.yml"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MISSING = "topics/old/renamed-page.html"  # three folders deep, as a stale bookmark would be
# A guide of docs/ (found from its front matter), which the 404 page's navigation links to.
GUIDE_SOURCE = sorted(guides())[0]
GUIDE_PAGE, GUIDE_TITLE = html_path(GUIDE_SOURCE), front_matter()[GUIDE_SOURCE]["title"]


def profile_site_url(profile):
    return yaml.safe_load(profile.read_text(encoding="utf-8"))["site_url"]


def built_pages(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if p.name != "404.html")


def test_sitemap_lists_every_page_at_the_profile_url(site_dir):
    site_url = profile_site_url(CONTOSO)
    tree = ElementTree.parse(site_dir / "sitemap.xml")
    listed = sorted(loc.text for loc in tree.iter(f"{SITEMAP}loc"))
    assert listed == sorted(site_url + page for page in built_pages(site_dir))


def test_every_page_has_its_canonical_link(site_dir):
    site_url = profile_site_url(CONTOSO)
    for page in built_pages(site_dir):
        soup = BeautifulSoup((site_dir / page).read_text(encoding="utf-8"), "html.parser")
        assert [link["href"] for link in soup.select("link[rel=canonical]")] == [site_url + page]


class HostHandler(QuietHandler):
    """A static host that serves the site under `prefix` and answers every missing address
    with the site's 404.html and status 404, as web servers and static hosts are set up to."""

    prefix = "/"

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "no-such-file")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def host(site, prefix):
    server, root = serve(site, type("Host", (HostHandler,), {"prefix": prefix}))
    return server, root.removesuffix("/") + prefix


@pytest.fixture(scope="module")
def site_at_server_root():
    """The default site for a profile that publishes it at the root of its host."""
    folder = make_world_readable_dir("help-site-root-")
    profile = folder / "root-profile.yml"
    text = CONTOSO.read_text(encoding="utf-8").replace(
        profile_site_url(CONTOSO), "https://help.example.com/")
    profile.write_text(text, encoding="utf-8")
    result = build_site(folder / "site", env={"HELP_ORG_PROFILE": str(profile)})
    assert result.returncode == 0, result.stderr
    yield folder / "site"
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("hosting", ["under its path", "at a server root"])
def test_missing_nested_address_shows_a_styled_404_with_working_links(
        request, new_visit, site_dir, hosting):
    if hosting == "under its path":
        site, prefix = site_dir, urlsplit(profile_site_url(CONTOSO)).path
    else:
        site, prefix = request.getfixturevalue("site_at_server_root"), "/"
    server, root = host(site, prefix)
    try:
        visit = new_visit(root)
        visit.page.add_init_script(RECORD_VIOLATIONS)
        failed = []
        visit.page.on("response", lambda r: r.status >= 400 and r.url != root + MISSING
                      and failed.append(f"{r.status} {r.url}"))
        page = visit.open(MISSING)
        page.wait_for_load_state("networkidle")
        assert "404" in page.locator("h1").inner_text()
        # The page's own 404 status is logged too; every other failed request is in `failed`.
        errors = [e for e in visit.console_errors if "status of 404 (Not Found)" not in e]
        assert failed == [] and errors == [] and violations(page) == []
        # Styled: Material's stylesheet lays out the header as a bar, not as plain text.
        assert page.locator("header.md-header").evaluate(
            "el => getComputedStyle(el).position") == "sticky"
        links = page.eval_on_selector_all(
            "a[href]:not([href^='#'])", "links => links.map(a => a.href)")
        inside = [link for link in links if link.startswith(root)]
        assert root + "index.html" in inside and root + GUIDE_PAGE in inside
        for link in inside:
            assert visit.page.request.get(link).status == 200, link
        page.get_by_role("link", name=GUIDE_TITLE).first.click()
        page.wait_for_load_state("load")
        assert page.url.startswith(root + GUIDE_PAGE)
        assert page.locator("article h1").is_visible()
    finally:
        server.shutdown()
