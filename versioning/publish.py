"""Publish the released versions of the help with mike: `make deploy VERSION=…` and `make bundle`.

Usage (from the top of the repository, in its virtualenv):
    python versioning/publish.py [--branch BRANCH] deploy VERSION
    python versioning/publish.py [--branch BRANCH] bundle [--dist DIR]

versions.yml lists each released version and the commit of `main` it is built from. A version is
rebuilt from its own commit (`git archive`: that commit's pages, mkdocs.yml, macros, overrides)
plus the versioning layer in versioning/theme/: Material's version selector and outdated banner,
with the version list loaded as a script so that both work from file://. mike commits each build
to a local branch, never pushed; `latest` is a real copy of the newest version (no symlinks, so
zip files and Windows keep it). The bundle is that branch as a zip, written with `git archive`.

Deploying one version leaves every other version's folder untouched. A release is all or nothing:
it is committed on a work branch and the site branch moves there in one step at the end, so a
failure or a kill at any moment leaves the branch where it was (and dist/ as it was), and the
branch's versions.json and versions.js always agree.
"""

import argparse
import contextlib
import datetime
import difflib
import importlib.util
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import yaml
from mike import commands as mike_commands
from mike import git_utils
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

REPOSITORY = Path(__file__).resolve().parent.parent
VERSIONS_FILE = REPOSITORY / "versions.yml"
VERSIONING_THEME = Path(__file__).resolve().parent / "theme"
REQUEST_RULES = REPOSITORY / "overrides" / "assets" / "requests"
ROOT_REDIRECT_TEMPLATE = Path(__file__).resolve().parent / "root-redirect.html"
# Every version gets today's Content-Security-Policy (hashes of its final inline scripts, the
# versioning layer's included), also versions released before the policy existed.
POLICY_HOOK = Path(__file__).resolve().parent / "security_policy_hook.py"
# What releases made before the policy moved into macros/finished_html/ listed as their own hook.
RELEASE_POLICY_HOOK = "security_policy.py"
# Every version also gets today's guard of Material's storage access (a browser that blocks
# storage must not lose search, the colour switch or the outdated banner), older ones included.
STORAGE_GUARD = REPOSITORY / "overrides" / "partials" / "javascripts" / "base.html"
DEFAULT_BRANCH = "versioned-site"
LATEST = "latest"
# The release is committed on this branch beside the site branch, which then moves there at once.
WORK_BRANCH_SUFFIX = ".publishing"
NO_COMMIT = "0" * 40  # `git update-ref`'s old value for "the branch must not exist yet"
KILL_AT = "HELP_PUBLISH_KILL_AT"
# The versioning layer renames a release's own overrides/main.html to this and extends it.
RELEASE_MAIN_TEMPLATE = "release-main.html"
VERSION_LIST_SCRIPT = "versions.js"
# Identity of the commits on the site branch when git has none configured (a fresh CI clone).
BUILD_COMMITTER = {"GIT_COMMITTER_NAME": "Help site build",
                   "GIT_COMMITTER_EMAIL": "build@example.invalid"}

ENTRY_KEYS = {"version": True, "title": True, "commit": True, "changes": True,
              "visible_change": False}  # key: required
VISIBLE_CHANGE_KEYS = ("page", "text")
VERSION_NAME = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]*$")
FULL_COMMIT = re.compile(r"^[0-9a-f]{40}$")
YAML_STR = "tag:yaml.org,2002:str"


class PublishError(Exception):
    """A mistake the person publishing can fix; the message says where and how."""


@dataclass(frozen=True)
class Release:
    version: str
    title: str
    commit: str
    changes: str
    visible_change: dict | None
    line: int


# --- versions.yml -------------------------------------------------------------------------

def load_releases(path=VERSIONS_FILE, repository=REPOSITORY):
    """The releases listed in versions.yml, oldest first; PublishError names file, line and key."""
    name = path.name
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise PublishError(f"{name}:{line}: not valid YAML ({getattr(error, 'problem', error)}).")
    entries = versions_sequence(root, name)
    releases = [release_from_node(node, name, repository) for node in entries.value]
    check_versions_are_unique(releases, name)
    return releases


def versions_sequence(root, name):
    top = mapping_items(root, name, "the file") if root is not None else {}
    if "versions" not in top:
        raise PublishError(f"{name}:1: key 'versions' is missing. Hint: start the file with "
                           "'versions:' followed by one '- version: ...' entry per release.")
    key_node, node = top["versions"]
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise PublishError(f"{name}:{key_node.start_mark.line + 1}: 'versions' must be a list of "
                           "entries ('- version: \"1.0\"' ...), with at least one.")
    return node


def mapping_items(node, name, what):
    """{key: (key node, value node)} of a YAML mapping node, or PublishError."""
    if not isinstance(node, yaml.MappingNode):
        raise PublishError(f"{name}:{node.start_mark.line + 1}: {what} must be 'key: value' lines.")
    return {key.value: (key, value) for key, value in node.value}


def release_from_node(node, name, repository):
    items = mapping_items(node, name, "each entry of 'versions'")
    line = node.start_mark.line + 1
    for key, (key_node, _) in items.items():
        if key not in ENTRY_KEYS:
            raise PublishError(f"{name}:{key_node.start_mark.line + 1}: unknown key '{key}'."
                               f"{did_you_mean(key, ENTRY_KEYS)} Known keys: {', '.join(ENTRY_KEYS)}.")
    for key, required in ENTRY_KEYS.items():
        if required and key not in items:
            raise PublishError(f"{name}:{line}: key '{key}' is missing from this entry. "
                               "Hint: every entry needs version, title, commit and changes.")
    values = {key: text_value(items[key], key, name) for key in ENTRY_KEYS
              if key in items and key != "visible_change"}
    check_version_name(values["version"], items["version"], name)
    check_commit(values["commit"], items["commit"], name, repository)
    visible_change = None
    if "visible_change" in items:
        visible_change = visible_change_value(items["visible_change"], name)
    return Release(**values, visible_change=visible_change, line=line)


def text_value(item, key, name):
    key_node, node = item
    line = key_node.start_mark.line + 1
    if not isinstance(node, yaml.ScalarNode) or node.tag != YAML_STR or not node.value.strip():
        hint = (' Hint: quote it, e.g. version: "1.10" (unquoted, YAML reads 1.10 as the number 1.1).'
                if isinstance(node, yaml.ScalarNode) else "")
        raise PublishError(f"{name}:{line}: key '{key}' must be non-empty text.{hint}")
    return node.value.strip()


def check_version_name(version, item, name):
    line = item[0].start_mark.line + 1
    if version == LATEST:
        raise PublishError(f"{name}:{line}: key 'version' cannot be '{LATEST}': that name is the "
                           "alias of the newest version. Hint: use a number such as \"3.0\".")
    if not VERSION_NAME.match(version):
        raise PublishError(f"{name}:{line}: key 'version' is '{version}', which cannot be a "
                           "folder name in links. Hint: use letters, digits, '.', '-' or '_'.")


def check_commit(commit, item, name, repository):
    line = item[0].start_mark.line + 1
    if not FULL_COMMIT.match(commit):
        raise PublishError(f"{name}:{line}: key 'commit' is '{commit}'; write the full 40-character "
                           "hash. Hint: `git log --format=%H` prints full hashes.")
    found = subprocess.run(["git", "cat-file", "-e", f"{commit}^{{commit}}"], cwd=repository,
                           capture_output=True)
    if found.returncode != 0:
        raise PublishError(f"{name}:{line}: key 'commit' names {commit}, which is not a commit "
                           "of this repository. Hint: `git log --oneline main` lists the commits "
                           "of main; a shallow clone needs `git fetch --unshallow`.")


def visible_change_value(item, name):
    key_node, node = item
    fields = mapping_items(node, name, "key 'visible_change'")
    for key in VISIBLE_CHANGE_KEYS:
        if key not in fields:
            raise PublishError(f"{name}:{key_node.start_mark.line + 1}: key 'visible_change' needs "
                               f"'{key}'. Hint: visible_change: {{page: migrate-iphone.html, "
                               "text: \"a phrase only this version shows\"}.")
    for key, (field_key, _) in fields.items():
        if key not in VISIBLE_CHANGE_KEYS:
            raise PublishError(f"{name}:{field_key.start_mark.line + 1}: unknown key '{key}' in "
                               f"'visible_change'.{did_you_mean(key, VISIBLE_CHANGE_KEYS)}")
    return {key: text_value(fields[key], key, name) for key in VISIBLE_CHANGE_KEYS}


def check_versions_are_unique(releases, name):
    first_line = {}
    for release in releases:
        if release.version in first_line:
            raise PublishError(f"{name}:{release.line}: version '{release.version}' is listed "
                               f"twice (first at line {first_line[release.version]}).")
        first_line[release.version] = release.line
    for release in releases[1:]:
        if release.visible_change is None:
            raise PublishError(f"{name}:{release.line}: version '{release.version}' has no "
                               "'visible_change'. Hint: name a page and a phrase readers see "
                               "there in this version and not in the one before.")


def did_you_mean(word, choices):
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" Did you mean '{close[0]}'?" if close else ""


def find_release(releases, version):
    for release in releases:
        if release.version == version:
            return release
    listed = ", ".join(r.version for r in releases)
    raise PublishError(f"version '{version}' is not in versions.yml (listed: {listed})."
                       f"{did_you_mean(version, [r.version for r in releases])} "
                       "Hint: add an entry with its commit first.")


# --- building one version -----------------------------------------------------------------

def git(*args, **options):
    return subprocess.run(["git", *args], cwd=REPOSITORY, check=True, capture_output=True,
                          **options).stdout


def export_commit(commit, folder):
    """The files of one commit, as `git archive` gives them (no .git, no ignored files)."""
    archive = git("archive", "--format=tar", commit)
    safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}  # Python 3.11.4+
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, **safe)


def release_config(tree):
    with open(tree / "mkdocs.yml", encoding="utf-8") as config_file:
        return yaml_load(config_file, loader=get_yaml_loader())


def assemble_theme(tree, theme_dir):
    """The release's own overrides, with the versioning layer in front of its main.html.

    MkDocs has one custom_dir, and the release's overrides/main.html and ours would share a name:
    theirs becomes release-main.html, which ours extends (its blocks still apply; ours call super()).
    """
    theme = release_config(tree).get("theme", {})
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    if custom_dir:
        shutil.copytree(tree / custom_dir, theme_dir)
    theme_dir.mkdir(exist_ok=True)
    release_main = theme_dir / "main.html"
    if release_main.exists():
        release_main.rename(theme_dir / RELEASE_MAIN_TEMPLATE)
    else:
        (theme_dir / RELEASE_MAIN_TEMPLATE).write_text('{% extends "base.html" %}\n')
    shutil.copytree(VERSIONING_THEME, theme_dir, dirs_exist_ok=True)
    # The one wrapper of XMLHttpRequest, which versions-offline.js's rule needs (today's, also for
    # releases made before it existed).
    shutil.copytree(REQUEST_RULES, theme_dir / "assets" / "requests", dirs_exist_ok=True)
    guard = theme_dir / STORAGE_GUARD.relative_to(REPOSITORY / "overrides")
    guard.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(STORAGE_GUARD, guard)


def write_versioned_config(release, tree, theme_dir):
    """A config that INHERITs the release's mkdocs.yml and adds the versioning layer."""
    config = {
        "INHERIT": "mkdocs.yml",
        "theme": {"custom_dir": str(theme_dir)},
        "extra": {
            # Preferences such as the colour scheme are shared by all versions.
            "scope": "/",
            "version": {"provider": "mike", "default": LATEST, "alias": True},
            "release": {"version": release.version, "title": release.title},
        },
    }
    # INHERIT replaces lists: the release's own hooks, then the policy (run once, last).
    hooks = [hook for hook in release_config(tree).get("hooks") or []
             if Path(hook).name != RELEASE_POLICY_HOOK]
    config["hooks"] = [*hooks, str(POLICY_HOOK)]
    path = tree / "mkdocs.versioned.yml"
    path.write_text("# Generated by versioning/publish.py for version "
                    f"{release.version}.\n" + yaml.safe_dump(config, sort_keys=False))
    return path


def different_build_pins(tree):
    """Build tools the release pinned at other versions than the ones installed now."""
    requirements = tree / "requirements.txt"
    if not requirements.exists():
        return []
    differences = []
    for line in requirements.read_text(encoding="utf-8").splitlines():
        name, _, pinned = line.split("#")[0].strip().partition("==")
        if not pinned:
            continue
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = "none"
        if installed != pinned:
            differences.append(f"{name}=={pinned} (installed: {installed})")
    return differences


def build_environment():
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("HELP_DOCS_DIR", None)  # each release builds its own docs/
    # mike runs `mkdocs` by name: use the one next to this interpreter.
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    for key, value in BUILD_COMMITTER.items():
        env.setdefault(key, value)
    return env


def deploy(release, is_newest, branch):
    """Build one release from its commit and commit it to the branch with mike."""
    print(f"publish: building {release.version} from {release.commit[:12]}", flush=True)
    with tempfile.TemporaryDirectory(prefix=f"help-site-{release.version}-") as workdir:
        tree, theme_dir = Path(workdir) / "release", Path(workdir) / "theme"
        export_commit(release.commit, tree)
        for difference in different_build_pins(tree):
            print(f"publish: note: {release.version} pinned {difference}; building with the "
                  "installed version.", flush=True)
        assemble_theme(tree, theme_dir)
        config = write_versioned_config(release, tree, theme_dir)
        aliases = [LATEST] if is_newest else []
        # The release's own `macros` package, not this checkout's installed one: the plugins its
        # mkdocs.yml lists by name (pyproject.toml's entry points) and the macros load from it.
        env = {**build_environment(), "PYTHONPATH": str(tree)}
        subprocess.run(
            [str(Path(sys.executable).parent / "mike"), "deploy",
             "--config-file", str(config), "--branch", branch, "--ignore-remote-status",
             "--alias-type", "copy", "--update-aliases", "--title", release.title,
             "--prop-set-string", f"commit={release.commit}",
             "--message", f"Deploy {release.version} from {release.commit}",
             release.version, *aliases],
            cwd=REPOSITORY, env=env, check=True)
    kill_point("deployed")


# --- the site branch ----------------------------------------------------------------------

def branch_head(branch):
    found = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"],
                           cwd=REPOSITORY, capture_output=True, text=True)
    return found.stdout.strip() or None


def kill_point(name):
    """For the tests only: die here, as a `kill -9` would, if HELP_PUBLISH_KILL_AT names this
    point (tests/test_release_atomic.py stops a release after each of its git steps)."""
    if os.environ.get(KILL_AT) == name:
        os.kill(os.getpid(), signal.SIGKILL)


@contextlib.contextmanager
def release_staged(branch):
    """A work branch to commit the whole release on; the site branch moves to it at the end.

    The work branch starts where the site branch is (or empty, the first time). mike and this
    script commit there, step by step (each version, the root redirect, the version list), so
    the site branch itself is only ever at a complete state: it moves once, with one
    `git update-ref` that also checks it is still where the release started. A failure or a
    kill at any point before that leaves it where it was; the work branch left by a kill is
    removed by the next release.
    """
    before = branch_head(branch)
    work = f"{branch}{WORK_BRANCH_SUFFIX}"
    git("update-ref", "-d", f"refs/heads/{work}")  # a leftover of a killed release, if any
    if before:
        git("update-ref", f"refs/heads/{work}", before)
    try:
        yield work
        git("update-ref", "-m", "publish: release", f"refs/heads/{branch}",
            branch_head(work), before or NO_COMMIT)
        kill_point("moved")
    except BaseException:
        print(f"publish: failed; branch {branch} is still at {before or '(none)'}.",
              file=sys.stderr, flush=True)
        raise
    finally:
        git("update-ref", "-d", f"refs/heads/{work}")


def deployed_versions(branch):
    """{version: commit} of what the branch holds now (from mike's versions.json)."""
    if not branch_head(branch):
        return {}
    listed = json.loads(git("show", f"{branch}:versions.json"))
    return {entry["version"]: entry.get("properties", {}).get("commit") for entry in listed}


def commit_files(branch, message, files):
    """One commit of {path: text} on the branch with mike's own git writer; nothing if unchanged."""
    env = build_environment()
    with mike_environment(env):
        try:
            with git_utils.Commit(branch, message) as commit:
                for path, text in files.items():
                    commit.add_file(git_utils.FileInfo(path, text))
        except git_utils.GitEmptyCommit:
            pass


@contextlib.contextmanager
def mike_environment(env):
    """mike's Python API runs git in the current folder with the current environment."""
    saved_cwd, saved_env = os.getcwd(), dict(os.environ)
    os.chdir(REPOSITORY)
    os.environ.update(env)
    try:
        yield
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)


def remove_unlisted_versions(branch, releases):
    listed = {release.version for release in releases}
    unlisted = sorted(set(deployed_versions(branch)) - listed)
    if unlisted:
        print(f"publish: removing {', '.join(unlisted)} (no longer in versions.yml)", flush=True)
        with mike_environment(build_environment()):
            mike_commands.delete(unlisted, branch=branch)


def pages_by_folder(branch, versions):
    """{folder: [page paths]} for every version and alias folder on the branch."""
    folders = {entry["version"] for entry in versions}
    folders.update(alias for entry in versions for alias in entry["aliases"])
    pages = {folder: [] for folder in sorted(folders)}
    for path in git("ls-tree", "-r", "-z", "--name-only", branch, text=True).split("\0"):
        folder, _, page = path.partition("/")
        if folder in pages and page.endswith(".html"):
            pages[folder].append(page)
    return pages


def version_list_script(branch):
    versions = json.loads(git("show", f"{branch}:versions.json"))
    listing = {"versions": versions, "pages": pages_by_folder(branch, versions)}
    return ("// Written by versioning/publish.py; do not edit. versions.json as a script, because\n"
            "// browsers refuse to read versions.json from file://; plus each folder's pages.\n"
            f"window.helpSiteVersions = {json.dumps(listing, indent=1)};\n")


@contextlib.contextmanager
def root_redirect_with_policy():
    """The root redirect template with the pages' Content-Security-Policy (its one inline
    script is constant text, so its hash is the same whatever version it opens)."""
    spec = importlib.util.spec_from_file_location("security_policy_hook", POLICY_HOOK)
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    html = hook.load_policy().with_policy(ROOT_REDIRECT_TEMPLATE.read_text(encoding="utf-8"), "")
    with tempfile.TemporaryDirectory(prefix="help-site-root-") as folder:
        template = Path(folder) / ROOT_REDIRECT_TEMPLATE.name
        template.write_text(html, encoding="utf-8")
        yield str(template)


def publish_root_files(branch):
    """The root redirect to latest/index.html and the version list script."""
    with mike_environment(build_environment()):
        try:
            with root_redirect_with_policy() as template:
                mike_commands.set_default(LATEST, template=template, branch=branch)
        except git_utils.GitEmptyCommit:
            pass
    kill_point("default-set")
    commit_files(branch, "Update the version list script",
                 {VERSION_LIST_SCRIPT: version_list_script(branch)})
    kill_point("list-written")


# --- the two commands ---------------------------------------------------------------------

def deploy_one(version, branch):
    releases = load_releases()
    release = find_release(releases, version)
    newest = releases[-1]
    if release is not newest and LATEST not in deployed_aliases(branch, newest.version):
        raise PublishError(
            f"version '{version}' cannot be deployed alone yet: branch {branch} does not hold "
            f"the newest version, {newest.version}, which the site opens as '{LATEST}'. Hint: "
            f"run `make bundle` to build every version, or `make deploy VERSION={newest.version}` "
            "first.")
    with release_staged(branch) as work:
        deploy(release, release is newest, work)
        publish_root_files(work)


def bundle(branch, dist):
    """Bring the branch in line with versions.yml, then zip it into dist/."""
    releases = load_releases()
    with release_staged(branch) as work:
        deployed = deployed_versions(work)
        for release in releases:
            newest = release is releases[-1]
            holds_latest = newest and LATEST in deployed_aliases(work, release.version)
            if deployed.get(release.version) != release.commit or (newest and not holds_latest):
                deploy(release, newest, work)
        remove_unlisted_versions(work, releases)
        publish_root_files(work)
    return write_zip(branch, dist)


def deployed_aliases(branch, version):
    if not branch_head(branch):
        return []
    for entry in json.loads(git("show", f"{branch}:versions.json")):
        if entry["version"] == version:
            return entry["aliases"]
    return []


def site_slug():
    with open(REPOSITORY / "mkdocs.yml", encoding="utf-8") as config_file:
        site_name = yaml_load(config_file, loader=get_yaml_loader())["site_name"]
    return re.sub(r"[^a-z0-9]+", "-", site_name.lower()).strip("-")


def write_zip(branch, dist):
    """dist/<site-name>-<date>.zip of the branch; written aside, then moved into place."""
    stem = f"{site_slug()}-{datetime.date.today().isoformat()}"
    dist.mkdir(parents=True, exist_ok=True)
    target = dist / f"{stem}.zip"
    partial = dist / f".{stem}.zip.partial"
    try:
        git("archive", "--format=zip", f"--prefix={stem}/", "-o", str(partial.resolve()), branch)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    print(f"publish: wrote {target}", flush=True)
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--branch", default=DEFAULT_BRANCH,
                        help=f"local branch that holds the built versions (default: {DEFAULT_BRANCH})")
    commands = parser.add_subparsers(dest="command", required=True)
    deploy_parser = commands.add_parser("deploy", help="add or update one version")
    deploy_parser.add_argument("version")
    bundle_parser = commands.add_parser("bundle", help="every version, then a zip in dist/")
    bundle_parser.add_argument("--dist", type=Path, default=REPOSITORY / "dist")
    args = parser.parse_args(argv)
    try:
        if args.command == "deploy":
            deploy_one(args.version, args.branch)
        else:
            bundle(args.branch, args.dist)
    except PublishError as error:
        sys.exit(f"error: {error}")
    except subprocess.CalledProcessError as error:
        captured = error.stderr.decode() if isinstance(error.stderr, bytes) else error.stderr
        sys.exit(f"error: `{' '.join(map(str, error.cmd[:2]))} …` failed (exit {error.returncode})"
                 + (f":\n{captured.strip()}" if captured else "; see its messages above."))


if __name__ == "__main__":
    main()
