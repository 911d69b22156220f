"""`make site` replaces site/ in one atomic step: killed at any moment, site/ is a whole site.

A web server configured on site/ serves it throughout. The swap (macros/site_swap.py) is killed
exactly at each of its named points (HELP_SITE_SWAP_KILL_AT), and its build while half written;
the build command here is a small stand-in writing two distinguishable sites with the same file
names, so every kill takes a fraction of a second. One test runs the real `make site`.
"""

import hashlib
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from support.project import PROJECT, run_make
from support.servers import serve

SWAP = PROJECT / "macros" / "site_swap.py"
# Two small scenario sites that build, for the test of `make site` itself.
SITES_FOR_SWAP = [PROJECT / "tests" / "sites" / name / "docs" for name in ("alerts", "progress-edited-step")]
PAGES = ["index.html", *(f"topic-{n % 3}/page-{n}.html" for n in range(30)),
         "assets/site.css", "search/search_index.json"]

# A stand-in for `mkdocs build --site-dir DIR`: writes PAGES, each saying which site it belongs
# to; with PAUSE_AT set it stops halfway, touches that file and waits to be killed.
FAKE_BUILD = r"""
import os, pathlib, sys, time
name, site = sys.argv[1], pathlib.Path(sys.argv[sys.argv.index("--site-dir") + 1])
for number, page in enumerate(sys.argv[2:sys.argv.index("--site-dir")]):
    path = site / page
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{name}: {page}")
    if number == 15 and os.environ.get("PAUSE_AT"):
        pathlib.Path(os.environ["PAUSE_AT"]).touch()
        time.sleep(60)
"""


def content(name, page):
    return f"{name}: {page}".encode()


def swap(site, name, kill_at=None, **popen):
    env = {**os.environ}
    env.pop("HELP_SITE_SWAP_KILL_AT", None)
    if kill_at:
        env["HELP_SITE_SWAP_KILL_AT"] = kill_at
    env.update(popen.pop("env", {}))
    command = [sys.executable, str(SWAP), str(site), sys.executable, "-c", FAKE_BUILD, name, *PAGES]
    return subprocess.Popen(command, env=env, **popen)


def build(site, name, kill_at=None):
    return swap(site, name, kill_at).wait(timeout=60)


def served(root):
    """{page: bytes} as the web server on site/ answers for every page (None: not found)."""
    answers = {}
    for page in PAGES:
        try:
            with urllib.request.urlopen(root + page, timeout=10) as response:
                answers[page] = response.read()
        except urllib.error.HTTPError:
            answers[page] = None
    return answers


def whole_site(name):
    return {page: content(name, page) for page in PAGES}


def leftovers(site):
    """What the builds folder holds besides the build site/ shows."""
    builds = site.parent / f".{site.name}-builds"
    shown = Path(os.path.realpath(site)).name
    return sorted(p.name for p in builds.iterdir() if p.name not in (shown, ".lock"))


@pytest.fixture
def site_and_server(tmp_path):
    """site/ built once as "old", and a web server configured on site/ (the link itself)."""
    site = tmp_path / "site"
    assert build(site, "old") == 0
    server, root = serve(site)
    yield site, root
    server.shutdown()


@pytest.mark.parametrize("kill_at, shown", [("built", "old"), ("linked", "old"),
                                            ("swapped", "new"), ("cleaning", "new")])
def test_killed_at_each_step_of_the_swap_site_serves_a_whole_site(site_and_server, kill_at, shown):
    site, root = site_and_server
    assert build(site, "between") == 0  # so there is an earlier build for "cleaning" to remove

    assert build(site, "new", kill_at=kill_at) == -signal.SIGKILL

    expected = "between" if shown == "old" else "new"
    assert served(root) == whole_site(expected)
    assert build(site, "after") == 0
    assert served(root) == whole_site("after")
    assert leftovers(site) == []


def test_killed_while_the_build_writes_site_serves_the_previous_site(site_and_server, tmp_path):
    site, root = site_and_server
    halfway = tmp_path / "halfway"
    process = swap(site, "new", env={"PAUSE_AT": str(halfway)}, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while not halfway.exists():
            assert process.poll() is None and time.monotonic() < deadline, "the build never started"
            time.sleep(0.05)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    assert served(root) == whole_site("old")
    assert leftovers(site)  # the half-written build, until the next build removes it
    assert build(site, "new") == 0
    assert served(root) == whole_site("new")
    assert leftovers(site) == []


def test_a_failed_build_leaves_site_as_it_was(site_and_server):
    site, root = site_and_server
    failing = [sys.executable, str(SWAP), str(site), sys.executable, "-c",
               "import sys; sys.exit(3)"]
    assert subprocess.run(failing, capture_output=True).returncode == 3
    assert served(root) == whole_site("old")
    assert leftovers(site) == []


@pytest.mark.parametrize("kill_at, expected", [("linked", "old"), ("swapped", "new")])
def test_a_site_folder_from_before_the_links_is_swapped_atomically_too(tmp_path, kill_at, expected):
    site = tmp_path / "site"  # a real folder, as `make site` made it before site_swap.py
    for page, text in whole_site("old").items():
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_bytes(text)
    server, root = serve(site)
    try:
        assert build(site, "new", kill_at=kill_at) == -signal.SIGKILL
        assert served(root) == whole_site(expected)
        assert build(site, "after") == 0
        assert served(root) == whole_site("after")
    finally:
        server.shutdown()
    assert site.is_symlink() and leftovers(site) == []


def tree_digest(folder):
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@pytest.mark.slow  # two whole `make site` runs
def test_make_site_killed_at_the_swap_keeps_the_previous_site(tmp_path):
    site = tmp_path / "site"
    first, second = SITES_FOR_SWAP
    good = run_make("site", f"SITE_DIR={site}", f"HELP_DOCS_DIR={first}")
    assert good.returncode == 0, good.stderr
    before = tree_digest(site)
    assert (site / "index.html").is_file()

    killed = run_make("site", f"SITE_DIR={site}", f"HELP_DOCS_DIR={second}",
                      env={"HELP_SITE_SWAP_KILL_AT": "linked"})

    assert killed.returncode != 0
    assert tree_digest(site) == before
