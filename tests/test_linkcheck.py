"""LinkChecker (with AnchorCheck) over the built site: clean as built, failing on breakage."""

import shutil
import subprocess
import sys

import pytest

from conftest import PROJECT, make_world_readable_dir

LINKCHECKER = [sys.executable, str(PROJECT / "tests" / "linkcheck_site.py"), "--no-status",
               "--config", str(PROJECT / "tests" / "linkcheckerrc")]


def run_linkchecker(start_page):
    return subprocess.run([*LINKCHECKER, str(start_page)], capture_output=True, text=True,
                          timeout=300)


def test_built_site_has_no_broken_links_or_anchors(site_dir):
    result = run_linkchecker(site_dir / "index.html")
    assert result.returncode == 0, result.stdout
    assert " 0 warnings found. 0 errors found." in result.stdout


@pytest.fixture
def damaged_site(site_dir):
    """A copy of the built site whose guide gains one extra link (set per test)."""
    folder = make_world_readable_dir("help-site-damaged-")
    copy = folder / "site"
    shutil.copytree(site_dir, copy)
    copy.chmod(0o755)

    def add_link(href):
        guide = copy / "migrate-iphone.html"
        html = guide.read_text(encoding="utf-8")
        guide.write_text(html.replace("</article>", f'<a href="{href}">extra</a></article>', 1),
                         encoding="utf-8")
        return copy

    yield add_link
    shutil.rmtree(folder, ignore_errors=True)


def test_broken_internal_link_fails_the_check(damaged_site):
    site = damaged_site("set-up-old-iphone.html")
    result = run_linkchecker(site / "index.html")
    assert result.returncode == 1
    assert "set-up-old-iphone.html" in result.stdout
    assert "1 error found" in result.stdout


def test_broken_anchor_fails_the_check(damaged_site):
    site = damaged_site("index.html#no-such-heading")
    result = run_linkchecker(site / "index.html")
    assert result.returncode == 1
    assert "Anchor `no-such-heading'" in result.stdout and "not found" in result.stdout
