"""`make serve` rebuilds only the saved page (mkdocs serve --dirty), and the preview stays right.

A writer's preview is a served site: these tests run `mkdocs serve` with the Makefile's options
on a small corpus, save pages the way an editor does, and read what the server then serves.
"""

import json
import os
import socket
import subprocess
import time
import urllib.request

import pytest
from bs4 import BeautifulSoup

from bench.corpus import page_path, page_title, write_corpus
from support.project import MKDOCS, PROJECT

# Runs an outside tool or builds more sites: not part of `make test-fast`.
pytestmark = pytest.mark.slow

PAGES = 6
TIMEOUT = 240


def serve_options():
    """The options `make serve` gives `mkdocs serve` (so the test follows the Makefile)."""
    recipe = subprocess.run(["make", "-n", "serve", "INSTALLED="], cwd=PROJECT,
                            capture_output=True, text=True, check=True).stdout
    line = next(line for line in recipe.splitlines() if "mkdocs serve" in line)
    options = line.split("mkdocs serve", 1)[1].split()
    return [option for option in options if option != "--dev-addr" and ":" not in option]


class Preview:
    def __init__(self, docs, port, cache):
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HELP_DOCS_DIR": str(docs),
               "HELP_BUILD_CACHE": str(cache)}
        self.docs = docs
        self.url = f"http://127.0.0.1:{port}/"
        self.process = subprocess.Popen(
            [*MKDOCS, "serve", *serve_options(), "--dev-addr", f"127.0.0.1:{port}"],
            cwd=PROJECT, env=env, text=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.log = []
        self.wait_for("Serving on")

    def wait_for(self, text):
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            if not line:
                break
            self.log.append(line)
            if text in line:
                return
            assert "Aborted" not in line and "ERROR" not in line, "".join(self.log)
        pytest.fail(f"mkdocs serve never logged {text!r}:\n{''.join(self.log[-30:])}")

    def save(self, page, change):
        path = self.docs / page
        time.sleep(1.1)  # a later modification time than the HTML it was built into
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        self.wait_for("Reloading browsers")

    def get(self, path):
        with urllib.request.urlopen(self.url + path, timeout=30) as response:
            return response.read().decode("utf-8")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=60)


@pytest.fixture
def preview(tmp_path):
    docs = tmp_path / "docs"
    write_corpus(docs, PAGES)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    served = Preview(docs, port, tmp_path / "cache")
    yield served
    served.stop()


def nav_titles(html):
    """The link texts of the page's navigation (sidebar), in order."""
    nav = BeautifulSoup(html, "html.parser").select_one("nav.md-nav--primary")
    return [" ".join(link.get_text().split()) for link in nav.select(".md-ellipsis")]


def html_path(number):
    return page_path(number).replace(".md", ".html")


def test_make_serve_rebuilds_only_changed_pages():
    assert "--dirty" in serve_options()


def test_saved_page_shows_its_change_with_the_whole_navigation_and_search(preview):
    before = nav_titles(preview.get(html_path(2)))
    assert page_title(3) in before
    preview.save(page_path(2), lambda text: text.replace(
        "## Prerequisites", "A sentence the writer just added.\n\n## Prerequisites"))
    after = preview.get(html_path(2))
    assert "A sentence the writer just added." in after
    assert nav_titles(after) == before  # every other page still named in the navigation
    index = json.loads(preview.get("search/search_index.json"))
    pages = {entry["location"].split("#")[0] for entry in index["docs"]}
    assert {html_path(number) for number in range(1, PAGES + 1)} <= pages
    assert any("A sentence the writer just added." in entry["text"] for entry in index["docs"])


def test_a_new_title_reaches_the_navigation_of_every_page(preview):
    preview.save(page_path(3), lambda text: text.replace(
        f"title: {page_title(3)}", "title: A title the writer just changed", 1))
    for number in (1, 3, 5):
        assert "A title the writer just changed" in nav_titles(preview.get(html_path(number)))
