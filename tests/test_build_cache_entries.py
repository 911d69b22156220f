"""A damaged build cache (macros/build_cache/) is noticed, dropped and made again.

Each entry kind of the cache (compiled pages `jinja/`, rendered pages `pages/`, compiled included
files `jinja-includes/`, compiled theme templates `jinja-theme/`, QR codes of addresses `qr/`) is
damaged in a warm cache the way a full disk, a kill or an editor would: cut short, overwritten
with garbage, or edited in place without changing its length. The next build must succeed, warn once naming the cache
folder (never a writer's page, never a traceback) and make the same site as a build without a
cache. The scenario site is tests/sites/cache-entries/.
"""

import random
import shutil

import pytest

from support.project import SITES, build_site
from support.sites import same_site

# Builds the scenario site once per case: not part of `make test-fast`.
pytestmark = pytest.mark.slow

DOCS = SITES / "cache-entries" / "docs"
# For each kind: text that its entries hold and the built pages show, so that an edit of it that
# the cache let through would show in the site.
KINDS = {
    "jinja": b"Charge the new phone overnight",  # the guide's text, in its compiled template
    "pages": b"Charge the new phone overnight",  # in its rendered HTML
    "jinja-includes": b"Keep both phones together",  # includes/shared-step.md's text
    "jinja-theme": b"md-content",  # a class the theme's templates write into every page
    "qr": b'stroke="#000"',  # each QR code's dark modules, in the guide's code files
}


def cut_short(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def garbage(path):
    path.write_bytes(random.Random(path.name).randbytes(path.stat().st_size))


def edited_in_place(path, text):
    data = path.read_bytes()
    path.write_bytes(data.replace(text, text.swapcase()))


def unreadable(path):
    path.unlink()
    path.mkdir()  # reading it fails with IsADirectoryError


def build(tmp_path, cache, name):
    result = build_site(tmp_path / name, docs_dir=DOCS, env={"HELP_BUILD_CACHE": str(cache)})
    return result, result.stdout + result.stderr


@pytest.fixture(scope="module")
def warm(tmp_path_factory):
    """A warm cache, and the site a build without any cache makes."""
    folder = tmp_path_factory.mktemp("warm")
    cache = folder / ".cache"
    result, output = build(folder, cache, "cold")
    assert result.returncode == 0, output
    result, output = build(folder, folder / "unused" / ".cache", "uncached")
    assert result.returncode == 0, output
    return cache, folder / "uncached"


def files(folder):
    return sorted(path for path in folder.rglob("*") if path.is_file())


def cache_warnings(output, cache):
    return [line for line in output.splitlines() if f"{cache}/" in line]


@pytest.mark.parametrize("damage", ["cut short", "garbage", "edited in place"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_a_damaged_entry_is_dropped_and_made_again_with_one_warning(warm, tmp_path, kind, damage):
    warm_cache, uncached = warm
    cache = tmp_path / ".cache"
    shutil.copytree(warm_cache, cache)
    entries = [path for path in files(cache / kind) if KINDS[kind] in path.read_bytes()]
    assert entries, f"no entry of {kind}/ holds {KINDS[kind]!r}: the test damages nothing"
    for entry in entries:
        if damage == "cut short":
            cut_short(entry)
        elif damage == "garbage":
            garbage(entry)
        else:
            edited_in_place(entry, KINDS[kind])

    result, output = build(tmp_path, cache, "site")

    assert result.returncode == 0, output
    assert "Traceback" not in output and "Error" not in output, output
    warnings = cache_warnings(output, cache)
    assert len(warnings) == 1, output
    assert "WARNING" in warnings[0] and ".md" not in warnings[0]
    assert same_site(tmp_path / "site", uncached) == []


def test_one_warning_for_many_bad_entries_and_none_once_they_are_made_again(warm, tmp_path):
    warm_cache, uncached = warm
    cache = tmp_path / ".cache"
    shutil.copytree(warm_cache, cache)
    for kind in KINDS:
        first, *others = files(cache / kind)
        unreadable(first)
        for entry in others:
            garbage(entry)

    result, output = build(tmp_path, cache, "damaged")
    assert result.returncode == 0, output
    assert len(cache_warnings(output, cache)) == 1, output
    assert same_site(tmp_path / "damaged", uncached) == []

    result, output = build(tmp_path, cache, "again")
    assert result.returncode == 0, output
    assert cache_warnings(output, cache) == [], output
    assert same_site(tmp_path / "again", uncached) == []
