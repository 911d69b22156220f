"""Chromium through Playwright: how it is found and launched, a visit that records what leaves
the site, and Material's search as a reader types into it."""

import os
import shutil

import pytest

BROWSER_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Chromium's headless-only build (Debian's chromium-headless-shell, the same version and engine;
# Playwright's own default for headless runs): it opens a page of the site in half the time of
# the whole browser in headless mode (0.5 against 1.1 s, median of 12 loads), which is most of a
# browser test. The tests use it when it is installed; Lighthouse needs the whole browser.
HEADLESS_SHELL = "chromium-headless-shell"
# As root Chromium needs --no-sandbox; the rest stop it from phoning home on a closed network.
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def find_chromium(headless_shell=False):
    """The Chromium to launch: CHROMIUM_PATH if set, else the first one installed (with
    `headless_shell`, Chromium's headless-only build first)."""
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return explicit
    candidates = ((HEADLESS_SHELL,) if headless_shell else ()) + BROWSER_CANDIDATES
    for name in candidates:
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(
        "No Chromium found: run `apt-get install -y chromium` or set CHROMIUM_PATH to a "
        "Chromium/Chrome binary.", pytrace=False)


# Storage blocked, as some private modes do and as Chromium does when the reader blocks site
# data: reading localStorage or sessionStorage throws.
BLOCK_STORAGE = """for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, {configurable: true, get() {
    throw new DOMException("Access is denied for this document.", "SecurityError"); }});
}"""


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
