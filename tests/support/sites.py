"""Built sites for the tests: the site of docs/ and scenario sites (tests/sites/), each built
once per `make test` and shared by the pytest-xdist workers (conftest.py's fixtures use these)."""

import fcntl
import filecmp
import os
import shutil
import tempfile
from pathlib import Path

from .project import PROJECT, SITES, build_site, run_make


def make_world_readable_dir(prefix):
    """A fresh folder that LinkChecker can read after it drops root for `nobody`."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o755)
    return path


# The read-only sites are built once per `make test`, not once per pytest-xdist worker: the
# first worker to need one builds it under a lock while the other waits, then both read it
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


def remove_shared_folders(session):
    """On the xdist controller, once every worker is done: remove the shared sites."""
    if os.environ.get("PYTEST_XDIST_WORKER") or not hasattr(session.config, "_tmp_path_factory"):
        return
    shared = session.config._tmp_path_factory.getbasetemp() / SHARED_SITES
    for record in shared.glob("*") if shared.is_dir() else ():
        if record.suffix != ".lock":
            shutil.rmtree(record.read_text(encoding="utf-8"), ignore_errors=True)


def build_docs_site(folder):
    """The site of docs/ with the default organization profile, into folder/site."""
    result = build_site(folder / "site")
    assert result.returncode == 0, f"the site does not build:\n{result.stderr}"


def build_fabrikam_site(folder):
    """The same through `make site ORG=profiles/fabrikam.yml`, into folder/site."""
    result = run_make("site", f"SITE_DIR={folder / 'site'}",
                      f"ORG={PROJECT / 'profiles' / 'fabrikam.yml'}")
    assert result.returncode == 0, f"the Fabrikam site does not build:\n{result.stderr}"


def build_scenario(name, folder, env=None):
    """Scenario site tests/sites/<name>/docs into folder/site, built with the project's theme (its
    scripts and stylesheets come with it, overrides/assets/)."""
    docs = folder / "docs"
    shutil.copytree(SITES / name / "docs", docs)
    result = build_site(folder / "site", docs_dir=docs, env=env)
    assert result.returncode == 0, f"scenario site {name} does not build:\n{result.stderr}"


def same_site(one, other):
    """The files that differ between two built sites (or are in one only): [] when the same."""
    differing = []

    def walk(comparison, prefix=""):
        differing.extend(prefix + name for name in
                         comparison.diff_files + comparison.left_only + comparison.right_only)
        for name, sub in comparison.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(one, other))
    return differing
