"""Reading offline after the first visit (issue 24), as a person loses the network: the site is
served over HTTP from loopback, the reader opens it, then the server stops and the reader
reloads, navigates, searches, ticks and switches situation. Written once, as one reader's
journey through two versions of a versioned site (one server, one browser profile), and run in
Chromium (test_offline.py) and WebKit (test_webkit_offline.py) through readers.py.

The site is the reader site (tests/sites/reader-site, support/scenarios.py). What the reader sees
offline is compared with what the same pages showed online. The next release is another build
of it that the test session makes anyway: with Fabrikam's profile (conftest.reader_site_fabrikam),
told apart from this release (Contoso's) by the support phone number its guides give under each
Step ("Stuck here?"). Nothing here is taken from the worker's code.
"""

import functools
import os
import threading
from pathlib import Path

import pytest
import yaml

from .content import front_matter
from .project import PROJECT
from .scenarios import (GUIDE, GUIDE_SOURCE, OTHER_GUIDE, SEARCH_FIELD, SEARCH_HIT, SITE, TEXT_OF,
                        choose, search)
from .seen import READ_GUIDE
from .servers import LoopbackServer, QuietHandler

SITUATION = "mfa=sms&transfer=icloud&from=iphone"
NEWER_VERSION = "A newer version of this help is available."
# A page no reader's navigation has (not_in_nav): never kept.
IT_PAGE = "it/link-to-this-guide.html"


def support_phone(profile):
    profile = yaml.safe_load((PROJECT / "profiles" / profile).read_text(encoding="utf-8"))
    return profile["support"]["phone"]


THIS_RELEASE = support_phone("contoso.yml")
NEXT_RELEASE = support_phone("fabrikam.yml")
GUIDE_TITLE = front_matter(SITE)[GUIDE_SOURCE]["title"]  # as the home page lists it

WORKER_READY = "() => navigator.serviceWorker.controller !== null"
NOTICE = "() => (document.querySelector('.offline-update') || {}).textContent || ''"
# '' while a reload has no article yet (a wait would stop at the error).
PAGE_TEXT = "() => (document.querySelector('article') || {}).textContent || ''"
GERMAN_SEARCH_READY = """() => [...document.querySelectorAll('.md-search-result__meta')]
  .some((meta) => meta.textContent.includes('Suchbegriff eingeben'))"""
TICKED = "() => [...document.querySelectorAll('article .progress__box:checked')].length"
# Whether the page can still get a file of the site (through its worker, as a link would).
CAN_GET = "(url) => fetch(url).then((response) => response.ok, () => false)"


class Quiet(QuietHandler):
    def send_head(self):
        # A file answers "not modified" only if it is the same file, as nginx's default
        # (`if_modified_since exact`) has it; http.server also says so for any file older than
        # the browser's copy, and the next release here was built before this one.
        del self.headers["If-Modified-Since"]
        return super().send_head()


class Host:
    """A static web server on loopback that can be stopped and started again on its port, as a
    phone loses and finds the network. It serves `folder`, whose version folders are links the
    test can point at another build (a new release arriving on the server)."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.server = None
        self.port = 0
        self.start()

    @property
    def root(self):
        return f"http://127.0.0.1:{self.port}/"

    def start(self):
        handler = functools.partial(Quiet, directory=str(self.folder))
        self.server = LoopbackServer(("127.0.0.1", self.port), handler)
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


def publish(site, version_folder):
    """Make `version_folder` (a link in the served tree) serve `site`, in one rename, the way a
    release is swapped in on a server: never half old, half new."""
    version_folder = Path(version_folder)
    staging = version_folder.with_name(version_folder.name + ".new")
    staging.symlink_to(site, target_is_directory=True)
    os.replace(staging, version_folder)


@pytest.fixture
def host(tmp_path, reader_site, reader_site_fabrikam):
    """This release served as mike's version folders 3.0/ and latest/ (nothing copied: links to
    the session's build). Each test gets its own port, so its browser finds no worker yet."""
    served = tmp_path / "served"
    served.mkdir()
    for version in ("3.0", "latest"):
        publish(reader_site, served / version)
    host = Host(served)
    host.next_release = reader_site_fabrikam
    yield host
    host.stop()


def first_visit(reader, page):
    """Open a page and stay until its worker has kept the site (the first visit)."""
    reader.open(page)
    reader.wait(WORKER_READY, timeout=60)


def versions_new_release_and_reading_offline(reader, host):
    """A German reader of 3.0/ and an English reader of latest/ (one person, one browser).

    A new release replaces latest/ while a page of it is open: the reader, going on to another
    page, still sees the version they opened, with the notice; "Reload" shows the new one. Then
    the network goes: in latest/ the reader reloads, ticks, switches situation, goes home and
    to the other guide, and searches; in 3.0/ the German pages and German search are still
    there, the old release, and nothing a German reader didn't open (the English pages, the IT
    page). Each version keeps its own cache; the replaced one is gone."""
    first_visit(reader, f"3.0/de/{GUIDE}?{SITUATION}")
    german_title = reader.run(TEXT_OF, "article h1")
    first_visit(reader, f"latest/{GUIDE}?{SITUATION}")

    publish(host.next_release, host.folder / "latest")
    reader.open(f"latest/{OTHER_GUIDE}")
    reader.wait(f"() => ({NOTICE})().includes({NEWER_VERSION!r})", timeout=60)
    reader.wait(f"() => ({PAGE_TEXT})().includes({THIS_RELEASE!r})")  # once "Stuck here?" is in
    assert THIS_RELEASE in reader.run(PAGE_TEXT) and NEXT_RELEASE not in reader.run(PAGE_TEXT), (
        "the open version showed a page of the new release before the reader reloaded")
    reader.click(".offline-update button")
    reader.wait(f"() => ({PAGE_TEXT})().includes({NEXT_RELEASE!r})", timeout=60)
    assert reader.run(NOTICE) == "", "the notice stays after the reload"

    reader.open(f"latest/{GUIDE}?{SITUATION}")
    online = {"sms": reader.run(READ_GUIDE)["steps"]}
    choose(reader, "mfa", "app")
    online["app"] = reader.run(READ_GUIDE)["steps"]
    choose(reader, "mfa", "sms")
    host.stop()

    reader.reload()
    assert reader.run(READ_GUIDE)["steps"] == online["sms"], "offline, the guide as it was online"
    assert NEXT_RELEASE in reader.run(PAGE_TEXT), "offline, latest/ is the new release"
    reader.click("article .progress__box")
    reader.reload()
    assert reader.run(TICKED) == 1, "a tick made offline is kept"
    choose(reader, "mfa", "app")
    assert reader.run(READ_GUIDE)["steps"] == online["app"], "switching situation offline"
    reader.click("a.md-header__button.md-logo")  # the header's logo leads home
    reader.wait("() => location.pathname.endsWith('/latest/index.html')")
    assert GUIDE_TITLE in reader.run(PAGE_TEXT), "the home page offline"
    reader.open(f"latest/{OTHER_GUIDE}")
    assert reader.run(TEXT_OF, "article h1"), "the other guide offline"
    search(reader, "Company Portal")
    reader.wait(SEARCH_HIT, f"latest/{GUIDE}", timeout=30)

    reader.open(f"3.0/de/{GUIDE}?{SITUATION}")
    assert reader.run(TEXT_OF, "article h1") == german_title, "3.0/ offline, in German"
    assert THIS_RELEASE in reader.run(PAGE_TEXT), "3.0/ is still the old release"
    reader.open("3.0/de/index.html")
    reader.click(SEARCH_FIELD)  # German search, once it says it is ready (Material's words)
    reader.wait(GERMAN_SEARCH_READY, timeout=30)
    reader.type(SEARCH_FIELD, "Unternehmensportal")
    reader.wait(SEARCH_HIT, f"3.0/de/{GUIDE}", timeout=30)
    for page in (GUIDE, IT_PAGE):
        assert not reader.run(CAN_GET, f"../{page}"), f"{page} was kept for a German reader"
    names = reader.run("() => caches.keys()")
    assert len(names) == 2 and len({name.rsplit(" ", 1)[0] for name in names}) == 2, (
        f"one cache per version, the replaced one removed: {names}")
