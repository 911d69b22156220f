"""Where the project is, and how the tests run MkDocs and `make` on it."""

import json
import os
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
DOCS = PROJECT / "docs"
SITES = PROJECT / "tests" / "sites"
MKDOCS = [sys.executable, "-m", "mkdocs"]
# The virtualenv running the tests: `make` inside a test uses it and never installs into it.
VENV = Path(sys.executable).parent.parent


def build_site(site_dir, docs_dir=None, config=PROJECT / "mkdocs.yml", env=None, timeout=300,
               command=MKDOCS, fresh_process=False):
    """Run a strict MkDocs build (or `command`'s, e.g. ProperDocs'); return the finished process
    (never raises on failure). MkDocs' own builds run in support/build_server.py, unless
    `fresh_process` asks for a new Python process, as a writer's build runs (the benchmark)."""
    build_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    if docs_dir is not None:
        build_env["HELP_DOCS_DIR"] = str(docs_dir)
    arguments = ["build", "--strict", "--config-file", str(config), "--site-dir", str(site_dir)]
    if command == MKDOCS and not fresh_process:
        return build_server().run(arguments, build_env, PROJECT, timeout)
    return subprocess.run([*command, *arguments], cwd=PROJECT, env=build_env,
                          capture_output=True, text=True, timeout=timeout)


class BuildServer:
    """Runs `mkdocs <arguments>` in a fork of support/build_server.py, which has imported what
    a build imports once; its results are those of `subprocess.run([*MKDOCS, ...])`."""

    def __init__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "support.build_server"], cwd=Path(__file__).parent.parent,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def run(self, arguments, env, cwd, timeout):
        with tempfile.TemporaryDirectory(prefix="build-output-") as folder:
            out, err = Path(folder) / "stdout", Path(folder) / "stderr"
            self.process.stdin.write(json.dumps({
                "argv": arguments, "env": env, "cwd": str(cwd), "stdout": str(out),
                "stderr": str(err), "timeout": timeout}) + "\n")
            self.process.stdin.flush()
            line = self.process.stdout.readline()  # the server kills a build past its timeout
            if not line:
                raise RuntimeError("support/build_server.py stopped; see the output above")
            done = json.loads(line)
            if done["timed_out"]:
                raise subprocess.TimeoutExpired([*MKDOCS, *arguments], timeout)
            return subprocess.CompletedProcess(
                [*MKDOCS, *arguments], done["returncode"],
                out.read_text(encoding="utf-8", errors="replace"),
                err.read_text(encoding="utf-8", errors="replace"))


@lru_cache(maxsize=None)
def build_server():
    """This test process's build server (started on its first build, ends with the process)."""
    return BuildServer()


def run_make(*args, cwd=PROJECT, timeout=600, env=None):
    """`make` as a test runs it: with this virtualenv, with `.installed` taken as up to date (so
    a test never runs pip mid-suite), and time-limited so a hang fails with a message."""
    command = ["make", "--no-print-directory", "-o", f"{VENV}/.installed", *args, f"VENV={VENV}"]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
