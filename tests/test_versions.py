"""Released versions: `make bundle` in a fresh clone, unzipped, read from disk and over HTTP.

One bundle is built per test session, in a temporary clone of this repository. The clone gets
this working tree's publishing tooling (Makefile, versions.yml, versioning/), so uncommitted
changes to it are what is tested; every version is built from its own commit, as in CI.
Tests that deploy again (a next release, a broken one) work on the clone's branch after the
zip has been unpacked, so they do not disturb the browser tests.
"""

import datetime
import hashlib
import json
import os
import re
import shutil
import subprocess
import textwrap
import zipfile

import pytest
from bs4 import BeautifulSoup

from macros.situations import Registry
from support import axe
from support.browsers import search_site, wait_until_settled
from support.content import guides, html_path
from support.linkcheck import LINKCHECKER
from support.policy import RECORD_VIOLATIONS, violations
from support.project import DOCS, PROJECT, run_make
from support.servers import serve
from support.sites import make_world_readable_dir
from versioning.publish import DEFAULT_BRANCH, LATEST, PublishError, load_releases

# One clone and one `make bundle` serve the whole module: keep it on one pytest-xdist worker
# (`--dist loadgroup`), so the two workers never build the bundle twice at once.
pytestmark = [pytest.mark.xdist_group("versions-bundle"), pytest.mark.slow]

RELEASES = load_releases()
OLDEST, NEWEST = RELEASES[0], RELEASES[-1]
FOLDERS = [release.version for release in RELEASES] + [LATEST]
# The released guide: the page the newest release names in versions.yml (its visible change), a
# situation (a public query, macros/situations.yml) and, per test, one of its headings.
GUIDE = NEWEST.visible_change["page"]
SITUATION_QUERY = "?mfa=sms&transfer=icloud&from=iphone"
# A guide of today's docs/ with a German page (found from front matter), for the next release.
TODAY_GUIDE = next(html_path(src) for src in sorted(guides())
                   if (DOCS / src.replace(".md", ".de.md")).is_file())
TOOLING = ["Makefile", "versions.yml", "versioning", "overrides/partials/javascripts/base.html"]
def git(clone, *args, **options):
    return subprocess.run(["git", *args], cwd=clone, check=True, capture_output=True, text=True,
                          **options).stdout


@pytest.fixture(scope="session")
def clone():
    """A fresh clone with this working tree's tooling, after `make bundle` succeeded there."""
    folder = make_world_readable_dir("help-site-clone-")
    subprocess.run(["git", "clone", "--quiet", str(PROJECT), str(folder / "clone")], check=True)
    clone = folder / "clone"
    for name in TOOLING:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, clone / name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, clone / name)
    result = run_make("bundle", cwd=clone)
    assert result.returncode == 0, f"make bundle failed:\n{result.stdout}\n{result.stderr}"
    yield clone
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def bundle_zip(clone):
    zips = sorted((clone / "dist").glob("*.zip"))
    assert len(zips) == 1, zips
    return zips[0]


@pytest.fixture(scope="session")
def bundle_dir(bundle_zip):
    """The bundle unzipped, as a reader would: its one top folder."""
    folder = make_world_readable_dir("help-site-bundle-")
    with zipfile.ZipFile(bundle_zip) as archive:
        archive.extractall(folder)
    (top,) = folder.iterdir()
    yield top
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def bundle_http_root(bundle_dir):
    server, root = serve(bundle_dir)
    yield root
    server.shutdown()


@pytest.fixture(scope="session")
def heading(bundle_dir):
    """"#id" of a section heading (h2) that the guide has in the oldest and the newest version,
    the second one they share."""
    ids = [[h["id"] for h in BeautifulSoup((bundle_dir / version / GUIDE).read_text("utf-8"),
                                           "html.parser").select("article h2[id]")]
           for version in (OLDEST.version, NEWEST.version)]
    return "#" + [heading for heading in ids[0] if heading in ids[1]][1]


@pytest.fixture(params=["file", "http"])
def bundle_root(request, bundle_dir):
    """The unzipped bundle's base URL, from disk (file://) and from a web server."""
    if request.param == "file":
        return bundle_dir.as_uri() + "/"
    return request.getfixturevalue("bundle_http_root")


def assert_stayed_inside(visit):
    assert visit.outside_requests == []
    assert visit.console_errors == []


def version_links(page):
    """The selector's version links, opened as a mouse user does (the list opens on hover).

    Material shows the selector beside the site name, which the header swaps for the page
    title once the reader scrolls down: scroll back up first, as a reader would.
    """
    page.evaluate("window.scrollTo(0, 0)")
    page.locator(".md-version").hover(timeout=15_000)
    return page.locator(".md-version__link")


def open_version_list(page):
    """The selector's list opened by hover and done fading in (Material fades it over 250 ms;
    halfway through, its text has half the contrast the reader ends up seeing)."""
    links = version_links(page)
    links.first.wait_for(timeout=15_000)
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('.md-version__list')).opacity === '1'",
        timeout=15_000)
    wait_until_settled(page)
    return links


def choose_version(page, title):
    links = version_links(page)
    links.filter(has_text=re.compile(rf"^{re.escape(title)}")).click()


# --- the bundle as files --------------------------------------------------------------------

def test_bundle_is_one_zip_named_after_the_site_and_date(bundle_zip):
    stem = f"work-phone-help-{datetime.date.today().isoformat()}"
    assert bundle_zip.name == f"{stem}.zip"
    with zipfile.ZipFile(bundle_zip) as archive:
        names = archive.namelist()
        symlinks = [i.filename for i in archive.infolist() if (i.external_attr >> 16) & 0o170000 == 0o120000]
    assert all(name.startswith(f"{stem}/") for name in names)
    assert symlinks == []


def test_bundle_holds_every_version_and_latest_is_a_real_copy_of_the_newest(bundle_dir):
    folders = sorted(p.name for p in bundle_dir.iterdir() if p.is_dir())
    assert folders == sorted(FOLDERS)
    newest, latest = bundle_dir / NEWEST.version, bundle_dir / LATEST
    newest_files = sorted(p.relative_to(newest) for p in newest.rglob("*") if p.is_file())
    assert newest_files == sorted(p.relative_to(latest) for p in latest.rglob("*") if p.is_file())
    assert all((newest / f).read_bytes() == (latest / f).read_bytes() for f in newest_files)


def test_linkchecker_finds_no_broken_links_in_any_version(bundle_dir):
    starts = [bundle_dir / "index.html"] + [bundle_dir / f / "index.html" for f in FOLDERS]
    result = subprocess.run([*LINKCHECKER, *map(str, starts)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout
    assert " 0 warnings found. 0 errors found." in result.stdout


# --- reading the bundle in Chromium ---------------------------------------------------------

def test_root_opens_the_latest_version_keeping_the_query(new_visit, bundle_root):
    visit = new_visit(bundle_root)
    page = visit.open(f"index.html{SITUATION_QUERY}")
    page.wait_for_url(f"{bundle_root}{LATEST}/index.html{SITUATION_QUERY}")
    assert page.locator("h1").first.is_visible()
    assert_stayed_inside(visit)


def test_selector_lists_every_version_in_every_version(new_visit, bundle_root):
    visit = new_visit(bundle_root)
    for folder in FOLDERS:
        page = visit.open(f"{folder}/{GUIDE}")
        links = version_links(page)
        links.first.wait_for(timeout=15_000)
        titles = [text.removesuffix(LATEST) for text in links.all_inner_texts()]
        assert sorted(titles) == sorted(release.title for release in RELEASES), folder
        current = NEWEST if folder == LATEST else next(r for r in RELEASES if r.version == folder)
        assert page.locator(".md-version__current").inner_text().startswith(current.title)
    assert_stayed_inside(visit)


def test_switching_version_keeps_the_page_the_situation_and_the_heading(new_visit, bundle_root,
                                                                       heading, storage):
    visit = new_visit(bundle_root, storage=storage)
    page = visit.open(f"{OLDEST.version}/{GUIDE}{SITUATION_QUERY}{heading}")
    choose_version(page, NEWEST.title)
    page.wait_for_url(f"{bundle_root}{NEWEST.version}/{GUIDE}{SITUATION_QUERY}{heading}")
    assert page.locator(".md-version__current").inner_text().startswith(NEWEST.title)
    assert_stayed_inside(visit)


def test_older_version_shows_a_banner_linking_to_the_same_page_in_latest(new_visit, bundle_root,
                                                                        storage):
    visit = new_visit(bundle_root, storage=storage)
    page = visit.open(f"{OLDEST.version}/{GUIDE}{SITUATION_QUERY}")
    banner = page.locator("[data-md-component=outdated]")
    banner.wait_for(timeout=15_000)
    assert f"version {OLDEST.title}" in banner.inner_text()
    banner.get_by_role("link", name="Read this page in the latest version").click()
    page.wait_for_url(f"{bundle_root}{LATEST}/{GUIDE}{SITUATION_QUERY}")
    page.locator(".md-version__current").wait_for(timeout=15_000)
    assert page.locator("[data-md-component=outdated]").is_hidden()
    assert_stayed_inside(visit)


def test_newest_version_shows_no_banner(new_visit, bundle_http_root):
    visit = new_visit(bundle_http_root)
    for folder in [NEWEST.version, LATEST]:
        page = visit.open(f"{folder}/{GUIDE}")
        page.locator(".md-version__current").wait_for(timeout=15_000)
        assert page.locator("[data-md-component=outdated]").is_hidden(), folder


def test_search_finds_pages_of_the_version_being_read(new_visit, bundle_root):
    visit = new_visit(bundle_root)
    for folder in [OLDEST.version, LATEST]:
        page = visit.open(f"{folder}/index.html")
        first_hit = search_site(page, "Company Portal").first
        first_hit.wait_for(timeout=15_000)
        hit = first_hit.evaluate("a => a.href")
        assert hit.startswith(f"{bundle_root}{folder}/{GUIDE}"), hit
    assert_stayed_inside(visit)


def test_situation_chosen_in_one_version_is_remembered_in_another(new_visit, bundle_root):
    sms = Registry.load().dimension("mfa").value("sms").label
    visit = new_visit(bundle_root)
    page = visit.open(f"{NEWEST.version}/{GUIDE}")
    page.get_by_role("radio", name=sms).check()
    page = visit.open(f"{LATEST}/{GUIDE}")
    assert page.get_by_role("radio", name=sms).is_checked()
    assert "mfa=sms" in page.evaluate("location.search")
    assert_stayed_inside(visit)


@pytest.mark.parametrize("older, newer", list(zip(RELEASES, RELEASES[1:])),
                         ids=[release.version for release in RELEASES[1:]])
def test_each_version_shows_the_change_versions_yml_describes(new_visit, bundle_http_root,
                                                             older, newer):
    change = newer.visible_change
    visit = new_visit(bundle_http_root)
    page = visit.open(f"{newer.version}/{change['page']}")
    assert page.get_by_text(change["text"]).first.is_visible(), change
    page = visit.open(f"{older.version}/{change['page']}")
    assert page.get_by_text(change["text"]).count() == 0, change


@pytest.mark.parametrize("colours", ["light", "dark"])
def test_axe_finds_no_violations_with_banner_and_selector(new_visit, bundle_http_root, colours):
    visit = new_visit(bundle_http_root, color_scheme=colours)
    page = visit.open(f"{OLDEST.version}/{GUIDE}")
    page.locator("[data-md-component=outdated]").wait_for(timeout=15_000)
    assert page.locator("body").get_attribute("data-md-color-scheme") == {
        "light": "default", "dark": "slate"}[colours], "the palette for the reader's colours"
    open_version_list(page)
    assert axe.violations(page) == ""


def test_version_can_be_chosen_with_the_keyboard(new_visit, bundle_http_root):
    visit = new_visit(bundle_http_root)
    page = visit.open(f"{NEWEST.version}/{GUIDE}")
    current = page.locator(".md-version__current")
    current.wait_for(timeout=15_000)
    current.focus()
    oldest_link = page.locator(".md-version__link").filter(
        has_text=re.compile(rf"^{re.escape(OLDEST.title)}"))
    for _ in range(len(RELEASES) + 2):  # the current version, then one link per version
        if oldest_link.evaluate("a => a === document.activeElement"):
            break
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('.md-version') !== null"), (
            "Tab left the version selector before reaching the oldest version")
    else:
        pytest.fail(f"Tab never reached version {OLDEST.title} in the selector")
    situation = page.evaluate("location.search")  # the guide writes the reader's situation there
    page.keyboard.press("Enter")
    page.wait_for_url(f"{bundle_http_root}{OLDEST.version}/{GUIDE}{situation}")


# --- deploying again ------------------------------------------------------------------------

def branch_files(clone, *folders):
    """{path: blob hash} of the site branch under the given folders."""
    listing = git(clone, "ls-tree", "-r", "-z", DEFAULT_BRANCH, "--", *folders)
    entries = (line.split("\t", 1) for line in listing.split("\0") if line)
    return {path: info.split()[2] for info, path in entries}


def add_release(clone, entry):
    with open(clone / "versions.yml", "a", encoding="utf-8") as versions_file:
        versions_file.write("\n" + textwrap.indent(textwrap.dedent(entry).strip(), "  ") + "\n")


@pytest.fixture(scope="session")
def next_release(clone, bundle_dir):
    """The clone after `make deploy` of a new version 99.0, built from the clone's HEAD (this
    branch as committed: every language it has)."""
    before = branch_files(clone, *[release.version for release in RELEASES])
    add_release(clone, f"""
        - version: "99.0"
          title: "99.0"
          commit: {git(clone, "rev-parse", "HEAD").strip()}
          changes: Test release.
          visible_change: {json.dumps({"page": "de/index.html", "text": "Deutsch"})}
        """)
    result = run_make("deploy", "VERSION=99.0", cwd=clone)
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    after = branch_files(clone, *[release.version for release in RELEASES])
    site = make_world_readable_dir("help-site-next-release-")
    archive = subprocess.run(["git", "archive", "--format=tar", DEFAULT_BRANCH], cwd=clone,
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(site)], input=archive, check=True)
    yield {"before": before, "after": after, "site": site}
    shutil.rmtree(site, ignore_errors=True)


def test_deploying_a_new_version_leaves_older_versions_byte_identical(next_release):
    assert next_release["before"], "no files of the older versions on the branch"
    assert next_release["after"] == next_release["before"]


def test_latest_deep_link_opens_the_new_version_after_the_next_release(next_release, new_visit):
    root = next_release["site"].as_uri() + "/"
    visit = new_visit(root)
    page = visit.open(f"{LATEST}/{TODAY_GUIDE}{SITUATION_QUERY}")
    page.locator(".md-version__current").wait_for(timeout=15_000)
    assert page.locator(".md-version__current").inner_text().startswith("99.0")
    assert page.locator("h1").first.is_visible()
    assert page.url == f"{root}{LATEST}/{TODAY_GUIDE}{SITUATION_QUERY}"
    assert_stayed_inside(visit)


def test_a_release_carries_every_language_and_the_selector_keeps_the_reader_in_theirs(
        next_release, new_visit, storage):
    site = next_release["site"]
    for folder in ("99.0", LATEST):
        assert (site / folder / TODAY_GUIDE).is_file()
        assert (site / folder / "de" / TODAY_GUIDE).is_file()
    root = site.as_uri() + "/"
    visit = new_visit(root, storage=storage)
    heading = "#" + BeautifulSoup((site / "99.0" / "de" / TODAY_GUIDE).read_text("utf-8"),
                                  "html.parser").select_one("h2.step[id]")["id"]
    page = visit.open(f"99.0/de/{TODAY_GUIDE}{SITUATION_QUERY}{heading}")
    links = version_links(page)
    links.first.wait_for(timeout=15_000)
    # Each link's text starts with its version's title ("99.0", then its alias "latest").
    targets = {re.match(r"[0-9.]+", link.inner_text()).group(): link.get_attribute("href")
               for link in links.all()}
    # A version without German (1.0 came before it) opens its home page, keeping the situation.
    assert targets[OLDEST.title] == f"{root}{OLDEST.version}/index.html{SITUATION_QUERY}"
    assert targets["99.0"] == f"{root}99.0/de/{TODAY_GUIDE}{SITUATION_QUERY}{heading}"
    links.filter(has_text=re.compile(r"^99\.0")).click()
    page.wait_for_url(f"{root}99.0/de/{TODAY_GUIDE}{SITUATION_QUERY}{heading}")
    assert page.locator("html").get_attribute("lang") == "de"
    assert_stayed_inside(visit)


def commit_beside_head(clone, path, text):
    """A commit on top of HEAD that changes one file, leaving HEAD and the work tree alone."""
    index = {**os.environ, "GIT_INDEX_FILE": str(clone / ".git" / "test-index")}
    git(clone, "read-tree", "HEAD", env=index)
    blob = git(clone, "hash-object", "-w", "--stdin", input=text).strip()
    git(clone, "update-index", "--cacheinfo", f"100644,{blob},{path}", env=index)
    tree = git(clone, "write-tree", env=index).strip()
    identity = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
                "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}
    return git(clone, "commit-tree", tree, "-p", "HEAD", "-m", "Broken link", env=identity).strip()


def test_failed_build_leaves_the_branch_and_dist_as_they_were(clone, bundle_zip):
    home = (clone / "docs" / "index.md").read_text(encoding="utf-8")
    broken = commit_beside_head(clone, "docs/index.md",
                                home + "\nSee [the old guide](old-guide.md).\n")
    versions_yml = (clone / "versions.yml").read_text(encoding="utf-8")
    branch_before = git(clone, "rev-parse", DEFAULT_BRANCH)
    dist_before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                   for p in (clone / "dist").iterdir()}
    add_release(clone, f"""
        - version: "100.0"
          title: "100.0"
          commit: {broken}
          changes: A release whose build fails.
          visible_change: {json.dumps(NEWEST.visible_change)}
        """)
    try:
        result = run_make("bundle", cwd=clone)
    finally:
        (clone / "versions.yml").write_text(versions_yml, encoding="utf-8")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "old-guide.md" in output and "index.md" in output
    assert f"branch {DEFAULT_BRANCH} is still at" in output
    assert git(clone, "rev-parse", DEFAULT_BRANCH) == branch_before
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in (clone / "dist").iterdir()} == dist_before


# --- mistakes in versions.yml ---------------------------------------------------------------

ENTRY_1 = f"""\
versions:
  - version: "1.0"
    title: "1.0"
    commit: {OLDEST.commit}
    changes: First.
"""

# mistake -> (versions.yml text, what the error must say)
VERSIONS_FILE_MISTAKES = {
    "misspelt key": (ENTRY_1 + "    comit: abc\n",
                     ["versions.yml:6:", "unknown key 'comit'", "Did you mean 'commit'?"]),
    "unquoted version": (ENTRY_1.replace('"1.0"', "1.10", 1),
                         ["versions.yml:2:", "'version' must be non-empty text", "quote it"]),
    "short commit": (ENTRY_1.replace(OLDEST.commit, OLDEST.commit[:7]),
                     ["versions.yml:4:", "full 40-character hash"]),
    "unknown commit": (ENTRY_1.replace(OLDEST.commit, "deadbeef" * 5),
                       ["versions.yml:4:", "not a commit of this repository", "git log"]),
    "missing key": (ENTRY_1.replace("    changes: First.\n", ""),
                    ["versions.yml:2:", "key 'changes' is missing"]),
    "version twice": (ENTRY_1 + ENTRY_1.removeprefix("versions:\n").replace(
                          "First.", "Again.\n    visible_change: {page: a.html, text: b}"),
                      ["versions.yml:6:", "version '1.0' is listed twice (first at line 2)"]),
    "later version without visible change": (
        ENTRY_1 + ENTRY_1.removeprefix("versions:\n").replace('"1.0"', '"2.0"'),
        ["versions.yml:6:", "version '2.0' has no 'visible_change'"]),
    "latest as a version": (ENTRY_1.replace('version: "1.0"', 'version: "latest"'),
                            ["versions.yml:2:", "cannot be 'latest'"]),
}


@pytest.mark.parametrize("mistake", sorted(VERSIONS_FILE_MISTAKES))
def test_mistake_in_versions_yml_names_line_key_and_fix(mistake, tmp_path):
    text, expected = VERSIONS_FILE_MISTAKES[mistake]
    path = tmp_path / "versions.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PublishError) as error:
        load_releases(path, repository=PROJECT)
    for fragment in expected:
        assert fragment in str(error.value)


def test_deploying_an_unlisted_version_fails_before_building(clone):
    branch_before = git(clone, "rev-parse", DEFAULT_BRANCH)
    result = run_make("deploy", f"VERSION={OLDEST.version}x", cwd=clone)
    assert result.returncode != 0
    assert f"version '{OLDEST.version}x' is not in versions.yml" in result.stderr
    assert git(clone, "rev-parse", DEFAULT_BRANCH) == branch_before


def test_every_version_has_the_policy_and_its_selector_banner_and_search_keep_working(
        new_visit, bundle_root):
    """The Content-Security-Policy (macros/finished_html/security_policy.py) is added to every version, older
    ones included; the version list (a data: URL), the banner's inline script and search work."""
    visit = new_visit(bundle_root)
    visit.page.add_init_script(RECORD_VIOLATIONS)
    for folder in FOLDERS:
        page = visit.open(f"{folder}/{GUIDE}{SITUATION_QUERY}")
        assert page.locator("meta[http-equiv=Content-Security-Policy]").count() == 1
        version_links(page).first.wait_for(timeout=15_000)
        if folder == OLDEST.version:
            page.locator("[data-md-component=outdated]").wait_for(timeout=15_000)
        search_site(page, "Company Portal").first.wait_for(timeout=15_000)
        page.keyboard.press("Escape")
        assert violations(page) == [], folder
    assert_stayed_inside(visit)


def test_root_redirect_has_the_policy_too(bundle_dir):
    """Its inline script runs under it: test_root_opens_the_latest_version_keeping_the_query."""
    html = (bundle_dir / "index.html").read_text(encoding="utf-8")
    assert html.count('<meta http-equiv="Content-Security-Policy"') == 1
    assert "object-src 'none'" in html and "'unsafe-inline'" not in html.split("style-src")[0]
