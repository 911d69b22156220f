"""Reading offline after the first visit (issue 24), as a person loses the network: the site is
served over HTTP from loopback, the reader opens it, then the server stops and the reader
reloads, navigates, searches, ticks and switches situation. Written once, run in Chromium
(test_offline.py) and WebKit (test_webkit_offline.py) through readers.py.

What the reader sees offline is compared with what the same pages showed online, and the new
release is told apart by a sentence only it has, so nothing here is taken from the worker's code.
"""

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from conftest import PROJECT, build_site, shared_folder
from scenarios import READ_PATH, SEARCH_FIELD, SEARCH_HIT, TEXT_OF, choose, search

GUIDE = "migrate-iphone.html"
SITUATION = "mfa=sms&transfer=icloud&from=iphone"
# The sentence only the next release's home page has (test_offline.build_next_release).
NEXT_RELEASE_SENTENCE = "This is the next release of the help."
NEWER_VERSION = "A newer version of this help is available."

WORKER_READY = "() => navigator.serviceWorker.controller !== null"
NOTICE = "() => (document.querySelector('.offline-update') || {}).textContent || ''"
PAGE_TEXT = "() => document.querySelector('article').textContent"
STEP_HEADINGS = """() => [...document.querySelectorAll('article h2.step')]
  .filter((h) => h.checkVisibility()).map((h) => h.textContent.trim())"""
GERMAN_SEARCH_READY = """() => [...document.querySelectorAll('.md-search-result__meta')]
  .some((meta) => meta.textContent.includes('Suchbegriff eingeben'))"""
TICKED = "() => [...document.querySelectorAll('article .progress__box:checked')].length"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Host:
    """A static web server on loopback that can be stopped and started again on its port, as a
    phone loses and finds the network. It serves `folder/current`, a link the test can point at
    another build (a new release arriving on the server)."""

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
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


# --- Fixtures (both engines' test modules import them) ------------------------------------

def build_next_release(folder):
    """The site with one sentence added to the home page: the next release (English only)."""
    docs = folder / "docs"
    shutil.copytree(PROJECT / "docs", docs)
    home = docs / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + f"\n{NEXT_RELEASE_SENTENCE}\n",
                    encoding="utf-8")
    result = build_site(folder / "site", docs_dir=docs, env={"HELP_ONLY_LANGUAGE": "en"})
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def next_release_dir(request):
    return shared_folder(request, "site-next-release", build_next_release) / "site"


@pytest.fixture
def host(tmp_path, site_dir, next_release_dir):
    """The site served from tmp_path: at the root, in mike's version folders 3.0/ and latest/,
    and the next release beside them (not yet published)."""
    served = tmp_path / "served"
    shutil.copytree(site_dir, served)
    for folder in ("3.0", "latest"):
        shutil.copytree(site_dir, served / folder)
    shutil.copytree(next_release_dir, served / "next-release")
    host = Host(served)
    yield host
    host.stop()


def publish(source, target):
    """Put a built site at `target` (a folder of the served tree) the way an upload replaces it:
    the old files are gone, the new ones in place."""
    target = Path(target)
    staging = target.with_name(target.name + ".new")
    shutil.copytree(source, staging)
    if target.exists():
        shutil.rmtree(target)
    os.replace(staging, target)


def first_visit(reader, page):
    """Open a page and stay until its worker has kept the site (the first visit)."""
    reader.open(page)
    reader.wait(WORKER_READY, timeout=60)


def reads_searches_ticks_and_switches_offline(reader, host):
    """After one visit to the guide, with the server gone: reload, tick, switch situation,
    navigate to the home page and the other guide, search."""
    first_visit(reader, f"{GUIDE}?{SITUATION}")
    online = {"sms": reader.run(READ_PATH)["steps"]}
    choose(reader, "mfa", "app")
    online["app"] = reader.run(READ_PATH)["steps"]
    choose(reader, "mfa", "sms")
    home_text = None
    host.stop()

    reader.reload()
    assert reader.run(READ_PATH)["steps"] == online["sms"], "offline, the guide as it was online"
    reader.click("article .progress__box")
    reader.reload()
    assert reader.run(TICKED) == 1, "a tick made offline is kept"
    choose(reader, "mfa", "app")
    assert reader.run(READ_PATH)["steps"] == online["app"], "switching situation offline"

    reader.click("a.md-header__button.md-logo")  # the header's logo leads home
    reader.wait("() => location.pathname.endsWith('/index.html')")
    home_text = reader.run(PAGE_TEXT)
    assert "Migrate to a new iPhone for work" in home_text, "the home page offline"
    reader.open("authenticator-backup.html")
    assert reader.run(TEXT_OF, "article h1"), "the other guide offline"
    search(reader, "Company Portal")
    reader.wait(SEARCH_HIT, GUIDE, timeout=30)


def other_language_and_writing_guide_stay_online_only(reader, host):
    """A German reader's visit keeps the German pages and search, not the English ones nor the
    writing guide (macros/offline/precache.py says why)."""
    first_visit(reader, f"de/{GUIDE}?{SITUATION}")
    title = reader.run(TEXT_OF, "article h1")
    host.stop()
    reader.reload()
    assert reader.run(TEXT_OF, "article h1") == title
    reader.open("de/index.html")
    reader.click(SEARCH_FIELD)  # German search, once it says it is ready (Material's words)

    reader.wait(GERMAN_SEARCH_READY, timeout=30)
    reader.type(SEARCH_FIELD, "Unternehmensportal")
    reader.wait(SEARCH_HIT, f"de/{GUIDE}", timeout=30)
    for page in (GUIDE, "writing/index.html"):
        try:
            reader.open(page)
        except Exception:  # Chromium's goto raises on a page that cannot load; WebKit doesn't
            pass
        assert not reader.run("() => Boolean(document.querySelector('article h1'))"), (
            f"{page} was kept for a German reader")


def new_release_and_versions(reader, host):
    """Two versions side by side (mike's folders: 3.0/ and latest/, both this release). A new
    release replaces latest/ while its guide is open: the reader, going on to another page,
    still sees the version they opened, with the notice; "Reload" shows the new one. Offline
    then, latest/ is the new release and 3.0/ still the old one: each version kept its own."""
    first_visit(reader, f"3.0/{GUIDE}?{SITUATION}")
    first_visit(reader, f"latest/{GUIDE}?{SITUATION}")
    publish(host.folder / "next-release", host.folder / "latest")

    reader.open("latest/index.html")
    reader.wait(f"() => ({NOTICE})().includes({NEWER_VERSION!r})", timeout=60)
    assert NEXT_RELEASE_SENTENCE not in reader.run(PAGE_TEXT), (
        "the open version showed a page of the new release before the reader reloaded")
    reader.click(".offline-update button")
    reader.wait(f"() => document.querySelector('article').textContent"
                f".includes({NEXT_RELEASE_SENTENCE!r})", timeout=60)
    assert reader.run(NOTICE) == "", "the notice stays after the reload"

    host.stop()
    reader.reload()
    assert NEXT_RELEASE_SENTENCE in reader.run(PAGE_TEXT), "offline, latest/ is the new release"
    reader.open("3.0/index.html")
    assert "Migrate to a new iPhone for work" in reader.run(PAGE_TEXT), "3.0/ offline"
    assert NEXT_RELEASE_SENTENCE not in reader.run(PAGE_TEXT), "3.0/ is still the old release"
    names = reader.run("() => caches.keys()")
    assert len(names) == 2 and len({name.rsplit(" ", 1)[0] for name in names}) == 2, (
        f"one cache per version, the replaced one removed: {names}")
