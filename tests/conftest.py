"""Fixtures: the built sites (once per `make test`), a web server for each, Chromium and WebKit.

The helpers behind them are in tests/support/ (tests import from there, never from each other).
Markers (pytest.ini): a test that uses a browser is marked `browser` here, by its fixtures;
`make test-fast` leaves out `browser` and `slow` tests.
"""

import os
import shutil

import pytest

from support.browsers import BLOCK_STORAGE, BROWSER_ARGS, Visit, find_chromium
from support.project import PROJECT
from support.scenarios import GUIDE
from support.servers import serve
from support.sites import (build_docs_site, build_fabrikam_site, build_scenario,
                           remove_shared_folders, shared_folder)

# Fixtures that start a browser: a test that uses one (directly or through another fixture) is
# marked `browser`.
BROWSER_FIXTURES = {"browser", "xvfb_display"}


def pytest_itemcollected(item):
    if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
        item.add_marker("browser")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Keep `--dist loadgroup` grouping under pytest 9.2.

    pytest-xdist 3.8 groups a test by appending "@<group>" to `item._nodeid`, which pytest 9.2
    no longer reads (node ids became structured, `item._id`): every group was silently spread
    over both workers, so each worker cloned and bundled the versions, ran the bench smoke run and
    started WebKit. Until xdist fixes it (pytest-dev/pytest-xdist#1386, PR #1388), apply the same
    suffix to the id pytest reads; fail loudly if that stops working too.
    """
    if not getattr(config.option, "loadgroup", False):
        return  # not an xdist worker of a `--dist loadgroup` run
    from _pytest.nodeid import NodeId

    for item in items:
        groups = sorted({str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                         for mark in item.iter_markers("xdist_group")})
        suffix = "@" + "_".join(groups)
        if groups and not item.nodeid.endswith(suffix):
            item._id = NodeId.parse(item.nodeid + suffix)
            if item.nodeid != str(item._id):
                raise pytest.UsageError(
                    f"cannot put {item.nodeid} in its xdist group {suffix[1:]}: pytest's node "
                    "ids changed again; see tests/conftest.py pytest_collection_modifyitems")


def pytest_sessionfinish(session):
    remove_shared_folders(session)


# --- Built sites ---------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def site_dir(request):
    """The site of docs/ (default organization profile), built once per test session; under
    `make test` a copy of the one `make site` has just built (HELP_TEST_SITE): in a folder that
    LinkChecker can read, and that a `make site` meanwhile cannot replace."""
    built = os.environ.get("HELP_TEST_SITE")
    if built:
        return shared_folder(request, "site", lambda folder: shutil.copytree(
            os.path.realpath(built), folder / "site")) / "site"
    return shared_folder(request, "site", build_docs_site) / "site"


@pytest.fixture(scope="session")
def fabrikam_site_dir(request):
    """The second example organization's site, built once per session through `make site ORG=`."""
    return shared_folder(request, "site-fabrikam", build_fabrikam_site) / "site"


@pytest.fixture(scope="session")
def guides_root(request):
    """The many-guides scenario site (test_guides.py), served on loopback."""
    folder = shared_folder(request, "site-guides",
                           lambda folder: build_scenario("many-guides", folder))
    server, root = serve(folder / "site")
    yield root
    server.shutdown()


@pytest.fixture(scope="session")
def reader_site(request):
    """The reader-site scenario site (support/scenarios.py): the site the reader tests open."""
    return shared_folder(request, "site-reader",
                         lambda folder: build_scenario("reader-site", folder)) / "site"


@pytest.fixture(scope="session")
def reader_site_fabrikam(request):
    """The same, built with the second example organization's profile (profiles/fabrikam.yml)."""
    profile = {"HELP_ORG_PROFILE": str(PROJECT / "profiles" / "fabrikam.yml")}
    return shared_folder(request, "site-reader-fabrikam",
                         lambda folder: build_scenario("reader-site", folder, profile)) / "site"


@pytest.fixture(scope="session")
def reader_http(reader_site):
    """Base URL of the reader site served on loopback."""
    server, root = serve(reader_site)
    yield root
    server.shutdown()


@pytest.fixture(params=["file", "http"])
def reader_root(request, reader_site):
    """The reader site's base URL, once opened from disk (file://) and once from a web server."""
    if request.param == "file":
        return reader_site.as_uri() + "/"
    return request.getfixturevalue("reader_http")


@pytest.fixture(scope="session")
def reader_guides(reader_site):
    """Every page of the reader site that asks for the reader's situation (it has the picker)."""
    return sorted(page.relative_to(reader_site).as_posix() for page in reader_site.rglob("*.html")
                  if 'class="situation-picker"' in page.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def http_root(site_dir):
    """Base URL of the site served by a plain static web server on loopback."""
    server, root = serve(site_dir)
    yield root
    server.shutdown()


@pytest.fixture(params=["file", "http"])
def site_root(request, site_dir):
    """The site's base URL, once opened from disk (file://) and once from a web server."""
    if request.param == "file":
        return site_dir.as_uri() + "/"
    return request.getfixturevalue("http_root")


# --- Browsers ------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = find_chromium(headless_shell=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(params=["kept", "blocked"], ids=["storage kept", "storage blocked"])
def storage(request):
    """A test of "the URL carries the situation" runs twice: as usual, and with storage blocked
    (`new_visit(root, storage=storage)`), so that an answer remembered in storage cannot put back
    what a dropped query lost: the URL is the only carrier."""
    return request.param


@pytest.fixture
def new_visit(browser):
    """Factory: open a fresh browser context at a site root, with optional viewport/colours;
    storage="blocked" blocks localStorage and sessionStorage (support.browsers.BLOCK_STORAGE)."""
    contexts = []

    def open_visit(root, storage="kept", **context_options):
        context = browser.new_context(**context_options)
        if storage == "blocked":
            context.add_init_script(BLOCK_STORAGE)
        contexts.append(context)
        return Visit(context.new_page(), root)

    yield open_visit
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def guide_in_situation(browser, reader_http):
    """The reader site's guide opened once per situation (a query such as
    "mfa=sms&transfer=none&from=iphone" or "show=all"), shared by a module's read-only checks."""
    context = browser.new_context()
    pages = {}

    def open_guide(situation, guide=GUIDE):
        if (guide, situation) not in pages:
            pages[guide, situation] = context.new_page()
            pages[guide, situation].goto(f"{reader_http}{guide}?{situation}")
        return pages[guide, situation]

    yield open_guide
    context.close()


@pytest.fixture(scope="session")
def xvfb_display():
    """A virtual screen for WebKitGTK (the WebKit leg, support/readers.py)."""
    from support.readers import missing_webkit_message, start_xvfb

    missing = missing_webkit_message()
    if missing:
        pytest.fail(missing, pytrace=False)
    process, display = start_xvfb()
    yield display
    process.terminate()
    process.wait(timeout=30)


# One WebKit session for all the WebKit tests a pytest(-xdist) worker runs (it takes seconds to
# start): session-scoped, so that tests of other modules running in between don't restart it.
@pytest.fixture(scope="session")
def webkit(xvfb_display):
    from support.readers import start_webkit

    driver = start_webkit(xvfb_display)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def webkit_without_javascript(xvfb_display):
    """WebKit with the page's own scripts off (WebDriver's scripts still run)."""
    from support.readers import start_webkit

    driver = start_webkit(xvfb_display, "--enable-javascript-markup=false")
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def webkit_without_storage(xvfb_display):
    """WebKit with HTML5 local storage turned off (localStorage is null)."""
    from support.readers import start_webkit

    driver = start_webkit(xvfb_display, "--enable-html5-local-storage=false")
    yield driver
    driver.quit()
