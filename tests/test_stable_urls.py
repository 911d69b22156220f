"""Public URLs (docs/stable-urls.txt, the writers' list) keep working: as pages, as anchors, or
through redirects; and every page and every heading of every guide is on the list."""

import posixpath
import re
import shutil

import pytest
from bs4 import BeautifulSoup
from mkdocs_redirects.plugin import write_html

from support.content import guides, html_path, reader_pages
from support.project import DOCS, PROJECT
from support.where import heading_line

STABLE_URLS = DOCS / "stable-urls.txt"
LIST = STABLE_URLS.relative_to(PROJECT)
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
    lost = lost_urls(site_dir)
    assert lost == [], (
        f"{LIST} lists addresses the site no longer has: {', '.join(lost)}. Hint: give a moved "
        "or renamed page an entry under `redirects` in mkdocs.yml; keep a reworded heading's id "
        "with `## New words {{ #old-id }}`.")


def test_every_page_and_every_heading_of_every_guide_is_a_stable_url(site_dir):
    listed = set(stable_urls())
    missing = [f"{page}: add the line `{page}` to {LIST}" for page in reader_pages()
               if page not in listed]
    for src in guides():
        page = html_path(src)
        article = parse(site_dir, page).select_one("article")
        for heading in article.find_all(["h2", "h3", "h4"], id=True):
            if f"{page}#{heading['id']}" not in listed:
                missing.append(f"{heading_line(DOCS, src, heading['id'], PROJECT)}: the heading "
                               f"'{heading.get_text(' ', strip=True).rstrip('¶ ')}' is not a "
                               f"stable URL. Hint: add the line `{page}#{heading['id']}` to "
                               f"{LIST}.")
    assert missing == [], "\n".join(missing)


@pytest.fixture
def site_copy(site_dir, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    return copy


def a_listed_anchor():
    """The first stable URL with an anchor: (page, anchor)."""
    page, _, anchor = next(url for url in stable_urls() if "#" in url).partition("#")
    return page, anchor


def test_a_reworded_heading_loses_its_url(site_copy):
    page, anchor = a_listed_anchor()
    html = (site_copy / page).read_text(encoding="utf-8")
    (site_copy / page).write_text(html.replace(f'id="{anchor}"', 'id="reworded"'),
                                  encoding="utf-8")
    assert lost_urls(site_copy) == [f"{page}#{anchor}"]


def test_a_moved_page_keeps_its_urls_only_through_a_redirect(site_copy):
    page, _ = a_listed_anchor()
    (site_copy / "moved").mkdir()
    (site_copy / page).rename(site_copy / "moved" / posixpath.basename(page))
    assert lost_urls(site_copy) == [url for url in stable_urls()
                                    if url.partition("#")[0] == page]

    moved = posixpath.relpath(f"moved/{posixpath.basename(page)}", posixpath.dirname(page) or ".")
    write_html(str(site_copy), page, moved)  # as mkdocs-redirects does: relative to the old page
    assert lost_urls(site_copy) == []
