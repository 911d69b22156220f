"""Shared fixtures: build the site once, serve it on loopback, drive the system Chromium."""

import fcntl
import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
BROWSER_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# As root Chromium needs --no-sandbox; the rest stop it from phoning home on a closed network.
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


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


def make_world_readable_dir(prefix):
    """A fresh folder that LinkChecker can read after it drops root for `nobody`."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o755)
    return path


def build_site(site_dir, docs_dir=None, config=PROJECT / "mkdocs.yml", env=None, timeout=300,
               command=MKDOCS):
    """Run a strict MkDocs build (or `command`'s, e.g. ProperDocs'); return the finished process
    (never raises on failure)."""
    build_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    if docs_dir is not None:
        build_env["HELP_DOCS_DIR"] = str(docs_dir)
    return subprocess.run(
        [*command, "build", "--strict", "--config-file", str(config), "--site-dir", str(site_dir)],
        cwd=PROJECT, env=build_env, capture_output=True, text=True, timeout=timeout,
    )


# The virtualenv running the tests: `make` inside a test uses it and never installs into it.
VENV = Path(sys.executable).parent.parent


def run_make(*args, cwd=PROJECT, timeout=600, env=None):
    """`make` as a test runs it: with this virtualenv, with `.installed` taken as up to date (so
    a test never runs pip mid-suite), and time-limited so a hang fails with a message."""
    command = ["make", "--no-print-directory", "-o", f"{VENV}/.installed", *args, f"VENV={VENV}"]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})


# The read-only sites below are built once per `make test`, not once per pytest-xdist worker:
# the first worker to need one builds it under a lock while the other waits, then both read it
# (tests that change a site change a copy). The controller removes them when the run ends.
SHARED_SITES = "shared-sites"


def shared_folder(request, name, build):
    """A world-readable folder holding what `build(folder)` made, shared by the workers."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        folder = make_world_readable_dir(f"help-{name}-")
        request.addfinalizer(lambda: shutil.rmtree(folder, ignore_errors=True))
        build(folder)
        return folder
    record = request.config._tmp_path_factory.getbasetemp().parent / SHARED_SITES / name
    record.parent.mkdir(exist_ok=True)
    with open(record.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if record.exists():
            return Path(record.read_text(encoding="utf-8"))
        folder = make_world_readable_dir(f"help-{name}-")
        try:
            build(folder)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        record.write_text(str(folder), encoding="utf-8")
        return folder


def pytest_sessionfinish(session):
    """On the xdist controller, once every worker is done: remove the shared sites."""
    if os.environ.get("PYTEST_XDIST_WORKER") or not hasattr(session.config, "_tmp_path_factory"):
        return
    shared = session.config._tmp_path_factory.getbasetemp() / SHARED_SITES
    for record in shared.glob("*") if shared.is_dir() else ():
        if record.suffix != ".lock":
            shutil.rmtree(record.read_text(encoding="utf-8"), ignore_errors=True)


def build_default_site(folder):
    result = build_site(folder / "site")
    assert result.returncode == 0, f"the site does not build:\n{result.stderr}"


@pytest.fixture(scope="session")
def site_dir(request):
    """The default site, built once per test session from the working tree."""
    return shared_folder(request, "site", build_default_site) / "site"


@pytest.fixture(scope="session")
def guide_pages(site_dir):
    """Every page of the built site that asks for the reader's situation (it has the picker)."""
    return sorted(page.relative_to(site_dir).as_posix() for page in site_dir.rglob("*.html")
                  if 'class="situation-picker"' in page.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def guides_root(request):
    """The many-guides scenario site (test_guides.py), built with the project's theme (its
    scripts and stylesheets come with it, overrides/assets/); served on loopback."""
    folder = shared_folder(request, "site-guides", build_many_guides)
    server, root = serve(folder / "site")
    yield root
    server.shutdown()


def build_many_guides(folder):
    docs = folder / "docs"
    shutil.copytree(PROJECT / "tests" / "sites" / "many-guides" / "docs", docs)
    result = build_site(folder / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def fabrikam_site_dir(request):
    """The second example organization's site, built once per session through `make site ORG=`."""
    return shared_folder(request, "site-fabrikam", build_fabrikam_site) / "site"


def build_fabrikam_site(folder):
    result = run_make("site", f"SITE_DIR={folder / 'site'}",
                      f"ORG={PROJECT / 'profiles' / 'fabrikam.yml'}")
    assert result.returncode == 0, f"the Fabrikam site does not build:\n{result.stderr}"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    """Serve a folder on a free loopback port; return the server and its base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


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


def find_chromium():
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return explicit
    for name in BROWSER_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(
        "No Chromium found: run `apt-get install -y chromium` or set CHROMIUM_PATH to a "
        "Chromium/Chrome binary.", pytrace=False)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def xvfb_display():
    """A virtual screen for WebKitGTK (the WebKit leg, readers.py)."""
    from readers import missing_webkit_message, start_xvfb

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
    from readers import start_webkit

    driver = start_webkit(xvfb_display)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def webkit_without_javascript(xvfb_display):
    """WebKit with the page's own scripts off (WebDriver's scripts still run)."""
    from readers import start_webkit

    driver = start_webkit(xvfb_display, "--enable-javascript-markup=false")
    yield driver
    driver.quit()


@pytest.fixture(params=["kept", "blocked"], ids=["storage kept", "storage blocked"])
def storage(request):
    """A test of "the URL carries the situation" runs twice: as usual, and with storage blocked
    (`new_visit(root, storage=storage)`), so that an answer remembered in storage cannot put back
    what a dropped query lost: the URL is the only carrier."""
    return request.param


@pytest.fixture(scope="session")
def webkit_without_storage(xvfb_display):
    """WebKit with HTML5 local storage turned off (localStorage is null)."""
    from readers import start_webkit

    driver = start_webkit(xvfb_display, "--enable-html5-local-storage=false")
    yield driver
    driver.quit()


class Visit:
    """A browser tab that records every request leaving the site and every console error."""

    def __init__(self, page, root):
        self.page = page
        self.root = root
        self.outside_requests = []
        self.console_errors = []
        page.on("request", self._record_request)
        page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))
        page.on("pageerror", lambda err: self.console_errors.append(str(err)))
        # Anything outside the site fails at once instead of waiting on a closed network.
        page.route(lambda url: not self.is_inside_site(url), lambda route: route.abort())

    def is_inside_site(self, url):
        return url.startswith((self.root, "data:", "blob:", "about:"))

    def _record_request(self, request):
        if not self.is_inside_site(request.url):
            self.outside_requests.append(request.url)

    def open(self, path="index.html"):
        self.page.goto(self.root + path)
        self.page.wait_for_load_state("load")
        return self.page


# Storage blocked, as some private modes do and as Chromium does when the reader blocks site
# data: reading localStorage or sessionStorage throws.
BLOCK_STORAGE = """for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, {configurable: true, get() {
    throw new DOMException("Access is denied for this document.", "SecurityError"); }});
}"""


@pytest.fixture
def new_visit(browser):
    """Factory: open a fresh browser context at a site root, with optional viewport/colours;
    storage="blocked" blocks localStorage and sessionStorage (BLOCK_STORAGE)."""
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


# True once nothing on the page is still fading or moving (CSS transitions and animations with
# an end; Material's fade-ins take 250 ms) and no element the reader sees is part-transparent
# because of one. Colour checks (axe's color-contrast) must measure what the reader ends up
# seeing, not a frame of a fade-in.
SETTLED = """() => document.getAnimations().every((animation) =>
  animation.playState !== "running" ||
  !Number.isFinite(animation.effect.getComputedTiming().endTime))"""


def wait_until_settled(page, timeout=15_000):
    page.wait_for_function(SETTLED, timeout=timeout)


def search_site(page, query):
    """Type a query into Material's search as a reader would, once it says it is ready.

    Material drops a query typed while it still shows "Initializing search". Material searches
    on each key press; typed key by key, results for a partial query can be on screen and then
    be replaced while a test reads them. So the query goes in at once and one key press (its
    last character) makes Material search for the whole of it.
    """
    field = page.locator("input[data-md-component=search-query]")
    field.click()
    page.locator(".md-search-result__meta").get_by_text("Type to start searching").wait_for()
    field.fill(query[:-1])
    field.press(query[-1])
    return page.locator(".md-search-result__item a")


@pytest.fixture(scope="module")
def guide_in_situation(browser, http_root):
    """The guide opened once per situation (a query such as "mfa=sms&transfer=none&from=iphone"
    or "show=all"), shared by a module's read-only checks."""
    context = browser.new_context()
    pages = {}

    def open_guide(situation, guide="migrate-iphone.html"):
        if (guide, situation) not in pages:
            pages[guide, situation] = context.new_page()
            pages[guide, situation].goto(f"{http_root}{guide}?{situation}")
        return pages[guide, situation]

    yield open_guide
    context.close()
