"""Public URLs (tests/stable-urls.txt) keep working: as pages, as anchors, or through redirects."""

import posixpath
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs_redirects.plugin import write_html

STABLE_URLS = Path(__file__).parent / "stable-urls.txt"
# mkdocs-redirects writes <meta http-equiv="refresh" content="0; url=NEW"> and carries the
# #anchor over to NEW in a script.
REDIRECT = re.compile(r"^\s*\d+\s*;\s*url=(.+)$", re.IGNORECASE)


def stable_urls():
    lines = STABLE_URLS.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def parse(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def follow_redirects(site, path, hops=5):
    """The site path that `path` ends up at, or None when there is no such page."""
    for _ in range(hops):
        if not (site / path).is_file():
            return None
        refresh = parse(site, path).find("meta", attrs={"http-equiv": "refresh"})
        if refresh is None:
            return path
        target = REDIRECT.match(refresh["content"]).group(1).split("#")[0]
        path = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
    return None


def lost_urls(site):
    """Every stable URL that the built site no longer answers."""
    lost = []
    for url in stable_urls():
        path, _, anchor = url.partition("#")
        target = follow_redirects(site, path)
        if target is None or (anchor and parse(site, target).find(id=anchor) is None):
            lost.append(url)
    return lost


def test_built_site_keeps_every_stable_url(site_dir):
    assert lost_urls(site_dir) == []


def test_every_step_and_faq_entry_of_the_guide_is_a_stable_url(site_dir):
    guide = parse(site_dir, "migrate-iphone.html").select_one("article")
    faq = guide.find(id="frequently-asked-questions")
    anchors = [h["id"] for h in guide.find_all("h2", id=re.compile("^step-"))]
    anchors += [h["id"] for h in faq.find_all_next("h4", id=True)]
    assert anchors, "no steps or FAQ entries found: has the guide's structure changed?"
    listed = set(stable_urls())
    assert [a for a in anchors if f"migrate-iphone.html#{a}" not in listed] == []


def test_every_step_of_the_second_guide_is_a_stable_url(site_dir):
    guide = parse(site_dir, "authenticator-backup.html").select_one("article")
    anchors = [h["id"] for h in guide.select("h2.step")]
    assert len(anchors) >= 3
    assert [a for a in anchors if f"authenticator-backup.html#{a}" not in set(stable_urls())] == []


@pytest.fixture
def site_copy(site_dir, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    return copy


def test_a_reworded_heading_loses_its_url(site_copy):
    guide = site_copy / "migrate-iphone.html"
    html = guide.read_text(encoding="utf-8")
    guide.write_text(html.replace('id="still-need-help"', 'id="need-more-help"'), encoding="utf-8")
    assert lost_urls(site_copy) == ["migrate-iphone.html#still-need-help"]


def test_a_moved_page_keeps_its_urls_only_through_a_redirect(site_copy):
    (site_copy / "guides").mkdir()
    (site_copy / "migrate-iphone.html").rename(site_copy / "guides" / "migrate-iphone.html")
    lost = lost_urls(site_copy)
    assert lost == [url for url in stable_urls() if url.startswith("migrate-iphone.html")]

    write_html(str(site_copy), "migrate-iphone.html", "guides/migrate-iphone.html")
    assert lost_urls(site_copy) == []
