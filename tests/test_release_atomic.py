"""A release is all or nothing: killed after any of its git steps, the site branch is at the
old release or at the whole new one, and its versions.json and versions.js agree.

The releases here are of a small project of its own (a git repository in a temporary folder with
three commits of a one-page Material site, and this working tree's versioning/ and Makefile), so
each deploy builds in seconds. versioning/publish.py stops itself with SIGKILL at the point
HELP_PUBLISH_KILL_AT names, right after that git step.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from support.project import PROJECT, run_make

# One small project per module: keep the module on one pytest-xdist worker. It runs git, mike
# and `make`: not part of `make test-fast`.
pytestmark = [pytest.mark.xdist_group("release-atomic"), pytest.mark.slow]

BRANCH = "versioned-site"
WORK_BRANCH = f"{BRANCH}.publishing"
IDENTITY = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}
CONFIG = "site_name: Release test\nuse_directory_urls: false\ntheme:\n  name: material\n"
VERSION_WORDS = {"1.0": "one", "2.0": "two", "3.0": "three"}
# The steps of `publish.py deploy`, in order: mike's commit of the build, mike's commit of the
# root redirect, the version list script, the move of the site branch.
GIT_STEPS = ["deployed", "default-set", "list-written", "moved"]


def git(repo, *args):
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True,
                          env={**os.environ, **IDENTITY}).stdout.strip()


def versions_yml(commits, versions):
    entries = []
    for version in versions:
        entry = (f'  - version: "{version}"\n    title: "{version}"\n'
                 f"    commit: {commits[version]}\n    changes: Version {version}.\n")
        if version != versions[0]:
            entry += (f"    visible_change: {{page: index.html, "
                      f"text: Version {VERSION_WORDS[version]}}}\n")
        entries.append(entry)
    return "versions:\n" + "".join(entries)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A repository with one commit per version's pages, and the publishing tooling."""
    repo = tmp_path_factory.mktemp("release") / "project"
    (repo / "docs").mkdir(parents=True)
    git(repo, "init", "--quiet")
    (repo / "mkdocs.yml").write_text(CONFIG)
    commits = {}
    for version, word in VERSION_WORDS.items():
        (repo / "docs" / "index.md").write_text(f"# Release test\n\nVersion {word}.\n")
        git(repo, "add", "-A")
        git(repo, "commit", "--quiet", "-m", f"Pages of {version}")
        commits[version] = git(repo, "rev-parse", "HEAD")
    shutil.copytree(PROJECT / "versioning", repo / "versioning",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(PROJECT / "Makefile", repo)
    # What every version gets from today's tree: the policy (loaded by its path), the storage
    # guard and the request rules.
    policy = Path("macros") / "finished_html" / "security_policy.py"
    (repo / policy).parent.mkdir(parents=True)
    shutil.copy2(PROJECT / policy, repo / policy)
    guard = Path("overrides") / "partials" / "javascripts" / "base.html"
    (repo / guard).parent.mkdir(parents=True)
    shutil.copy2(PROJECT / guard, repo / guard)
    requests = Path("overrides") / "assets" / "requests"
    shutil.copytree(PROJECT / requests, repo / requests)
    return repo, commits


def list_versions(project, *versions):
    repo, commits = project
    (repo / "versions.yml").write_text(versions_yml(commits, list(versions)))


def publish(repo, *args, kill_at=None, branch=BRANCH):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("HELP_PUBLISH_KILL_AT", None)
    if kill_at:
        env["HELP_PUBLISH_KILL_AT"] = kill_at
    return subprocess.run([sys.executable, "versioning/publish.py", "--branch", branch, *args],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=300)


def head(repo, branch=BRANCH):
    found = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"],
                           cwd=repo, capture_output=True, text=True)
    return found.stdout.strip() or None


def site_state(repo):
    """{version: (aliases, its page's words)} on the branch, after checking that its
    versions.json and versions.js list the same versions and every folder they name exists."""
    listed = json.loads(git(repo, "show", f"{BRANCH}:versions.json"))
    script = git(repo, "show", f"{BRANCH}:versions.js")
    in_script = json.loads(script.split("window.helpSiteVersions = ", 1)[1].rstrip().rstrip(";"))
    assert in_script["versions"] == listed, "versions.js disagrees with versions.json"
    assert "latest/index.html" in git(repo, "show", f"{BRANCH}:index.html")
    state = {}
    for entry in listed:
        for folder in [entry["version"], *entry["aliases"]]:
            page = git(repo, "show", f"{BRANCH}:{folder}/index.html")
            words = next(w for w in VERSION_WORDS.values() if f"Version {w}." in page)
        state[entry["version"]] = (entry["aliases"], words)
    return state


OLD = {"2.0": (["latest"], "two"), "1.0": ([], "one")}
NEW = {"3.0": (["latest"], "three"), "2.0": ([], "two"), "1.0": ([], "one")}


@pytest.fixture(scope="module")
def released(project):
    """The branch after `make deploy` of 2.0 then of 1.0, as on a fresh clone."""
    repo, _ = project
    list_versions(project, "1.0", "2.0")
    for version in ("2.0", "1.0"):
        result = run_make("deploy", f"VERSION={version}", cwd=repo)
        assert result.returncode == 0, result.stdout + result.stderr
    assert site_state(repo) == OLD
    return head(repo)


def test_deploying_the_first_listed_version_on_a_fresh_clone_says_what_to_do(project):
    repo, _ = project
    list_versions(project, "1.0", "2.0")

    result = run_make("deploy", "VERSION=1.0", "SITE_BRANCH=fresh-site", cwd=repo)

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert ("error: version '1.0' cannot be deployed alone yet: branch fresh-site does not "
            "hold the newest version, 2.0") in result.stderr
    assert "`make bundle`" in result.stderr and "`make deploy VERSION=2.0`" in result.stderr
    assert head(repo, "fresh-site") is None


@pytest.mark.parametrize("kill_at", GIT_STEPS)
def test_a_deploy_killed_after_each_git_step_leaves_the_old_or_the_whole_new_release(
        project, released, kill_at):
    repo, _ = project
    git(repo, "update-ref", f"refs/heads/{BRANCH}", released)
    list_versions(project, "1.0", "2.0", "3.0")

    killed = publish(repo, "deploy", "3.0", kill_at=kill_at)

    assert killed.returncode == -signal.SIGKILL, killed.stderr
    moved = GIT_STEPS.index(kill_at) >= GIT_STEPS.index("moved")
    assert site_state(repo) == (NEW if moved else OLD)
    assert (head(repo) != released) == moved
    assert head(repo, WORK_BRANCH) is not None  # left by the kill: the next release removes it


def test_the_release_after_a_killed_one_completes_and_leaves_no_work_branch(project, released):
    repo, _ = project
    git(repo, "update-ref", f"refs/heads/{BRANCH}", released)
    git(repo, "update-ref", f"refs/heads/{WORK_BRANCH}", released)  # as a kill leaves it
    list_versions(project, "1.0", "2.0", "3.0")

    result = publish(repo, "deploy", "3.0")

    assert result.returncode == 0, result.stderr
    assert site_state(repo) == NEW
    assert head(repo, WORK_BRANCH) is None


def test_a_first_bundle_killed_after_its_first_version_leaves_no_branch(project):
    repo, _ = project
    list_versions(project, "1.0", "2.0")

    killed = publish(repo, "bundle", "--dist", "dist", kill_at="deployed", branch="first-bundle")

    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert head(repo, "first-bundle") is None
    assert not (repo / "dist").exists()
