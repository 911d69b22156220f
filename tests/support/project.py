"""Where the project is, and how the tests run MkDocs and `make` on it."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
DOCS = PROJECT / "docs"
SITES = PROJECT / "tests" / "sites"
MKDOCS = [sys.executable, "-m", "mkdocs"]
# The virtualenv running the tests: `make` inside a test uses it and never installs into it.
VENV = Path(sys.executable).parent.parent


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


def run_make(*args, cwd=PROJECT, timeout=600, env=None):
    """`make` as a test runs it: with this virtualenv, with `.installed` taken as up to date (so
    a test never runs pip mid-suite), and time-limited so a hang fails with a message."""
    command = ["make", "--no-print-directory", "-o", f"{VENV}/.installed", *args, f"VENV={VENV}"]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
