"""LinkChecker (with AnchorCheck) over the built site: clean as built, failing on breakage."""

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import linkcheck
import pytest

from support.linkcheck import LINKCHECKER, WRAPPER, run_linkchecker
from support.sites import make_world_readable_dir

# Runs an outside tool or builds more sites: not part of `make test-fast`.
pytestmark = pytest.mark.slow


def test_built_site_has_no_broken_links_or_anchors(site_dir):
    result = run_linkchecker(site_dir / "index.html")
    assert result.returncode == 0, result.stdout
    assert " 0 warnings found. 0 errors found." in result.stdout


@pytest.fixture
def damaged_site(site_dir):
    """A copy of the built site whose home page gains one extra link (set per test)."""
    folder = make_world_readable_dir("help-site-damaged-")
    copy = folder / "site"
    shutil.copytree(site_dir, copy)
    copy.chmod(0o755)

    def add_link(href):
        home = copy / "index.html"
        html = home.read_text(encoding="utf-8")
        home.write_text(html.replace("</article>", f'<a href="{href}">extra</a></article>', 1),
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



@pytest.fixture
def linkchecker_python():
    """The Python that runs LinkChecker for the broken-anchor test. As root: a virtualenv under a
    folder only root may enter (0700), as in CI's fresh clone in a private temp dir; LinkChecker
    itself lives there, the other libraries come from this venv. Otherwise this Python (LinkChecker
    drops privileges only when run as root, so there is no private-folder case to check)."""
    if os.geteuid() != 0:
        yield Path(sys.executable)
        return
    folder = Path(tempfile.mkdtemp(prefix="help-private-"))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder / "venv")],
                   check=True, timeout=120)
    python = folder / "venv" / "bin" / "python"
    packages = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True).stdout.strip())
    shutil.copytree(Path(linkcheck.__file__).parent, packages / "linkcheck",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (packages / "test-venv.pth").write_text(
        "\n".join(p for p in sys.path if p.endswith("-packages")) + "\n", encoding="utf-8")
    yield python
    shutil.rmtree(folder, ignore_errors=True)


def test_broken_anchor_fails_the_check_even_from_a_private_virtualenv(linkchecker_python,
                                                                     damaged_site):
    """As root LinkChecker lists its plugins only after becoming `nobody`, who cannot read a
    0700 folder: without the wrapper's fix AnchorCheck silently drops out. (One crawl checks
    both that a broken anchor fails the check and that it does so from such a virtualenv.)"""
    site = damaged_site("index.html#no-such-heading")
    if os.geteuid() == 0:
        where = subprocess.run(
            [str(linkchecker_python), "-c", "import linkcheck; print(linkcheck.__file__)"],
            capture_output=True, text=True, check=True).stdout
        assert where.startswith(str(linkchecker_python.parent.parent)), where
    result = subprocess.run(
        [str(linkchecker_python), *LINKCHECKER[1:], str(site / "index.html")],
        capture_output=True, text=True, timeout=300)
    assert "Anchor `no-such-heading'" in result.stdout and "not found" in result.stdout, (
        "LinkChecker run from a private (0700) virtualenv no longer checks anchors:\n"
        + result.stdout + result.stderr)
    assert result.returncode == 1


REFUSAL = "LinkChecker's AnchorCheck plugin could not be loaded: anchors would go unchecked."


def test_wrapper_refuses_to_run_without_anchorcheck(site_dir):
    """If LinkChecker's plugin list comes back empty, the check fails instead of passing blind."""
    no_plugins = (
        "import runpy, sys, linkcheck.loader\n"
        "linkcheck.loader.get_package_modules = lambda *args: iter(())\n"
        f"sys.argv = [{str(WRAPPER)!r}, {str(site_dir / 'index.html')!r}]\n"
        f"runpy.run_path({str(WRAPPER)!r}, run_name='__main__')\n")
    result = subprocess.run([sys.executable, "-c", no_plugins], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode != 0, "the link check ran without AnchorCheck:\n" + result.stdout
    assert REFUSAL in result.stderr
