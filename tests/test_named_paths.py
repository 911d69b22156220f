"""Every file or folder of the project that the README, ARCHITECTURE.md, the writing guide or a
comment in the code names exists, so that a reader who follows a reference finds what it names.

A reference is a path starting at one of the project's folders (`macros/languages.py`,
`overrides/assets/`). Not checked: what the build or `make` writes (git ignores it) and the few
example pages a writer might create, which the text names as examples.
"""

import re
import subprocess

from support.project import PROJECT

FOLDERS = ("macros", "overrides", "docs", "tests", "bench", "versioning", "profiles", "eol", ".ci")
REFERENCE = re.compile(rf"(?<![\w./-])((?:{'|'.join(re.escape(f) for f in FOLDERS)})/[\w./*-]*[\w/*])")
# Where references are read: documentation, and the code's comments and strings.
TEXT_SUFFIXES = (".md", ".py", ".js", ".css", ".html", ".yml", ".toml", ".txt", ".ini")
TEXT_NAMES = ("Makefile", "run")
# The guides' own pages are content, not documentation of the project.
NOT_READ = ("tests/sites/", "docs/")
READ_ANYWAY = ("docs/writing/",)
# Pages the text gives as examples of what a writer creates (`make new-page NAME=…`, a
# translation `docs/page.de.md`, a folder for images), not files of the project.
EXAMPLES = {"docs/NAME.md", "docs/page.md", "docs/page.de.md", "docs/includes/x.md",
            "docs/includes/x.de.md", "docs/reset-authenticator.md",
            "docs/back-up-authenticator.md", "docs/images/", "docs/restore-authenticator.md",
            # a guide's expected paths and a source's files (docs/writing/checks.md)
            "docs/back-up-authenticator.expected.yml", "docs/new-phone.expected.yml",
            "docs/sources/NAME.fingerprint.txt", "docs/sources/NAME.names.txt",
            "docs/sources/NAME.names.de.yml", "docs/sources/x.fingerprint.txt"}


def tracked_text_files():
    listed = subprocess.run(["git", "ls-files"], cwd=PROJECT, capture_output=True, text=True,
                            check=True).stdout.split()
    for name in listed:
        if name.startswith(NOT_READ) and not name.startswith(READ_ANYWAY):
            continue
        if name.endswith(TEXT_SUFFIXES) or name.rsplit("/", 1)[-1] in TEXT_NAMES:
            yield name


def exists(path):
    """The file or folder, or for a pattern (`tests/test_webkit*.py`) at least one match."""
    return any(PROJECT.glob(path)) if "*" in path else (PROJECT / path).exists()


def ignored_by_git(path):
    return subprocess.run(["git", "check-ignore", "-q", path], cwd=PROJECT).returncode == 0


def test_every_path_the_docs_and_comments_name_exists():
    missing = []
    for name in tracked_text_files():
        text = (PROJECT / name).read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            for match in REFERENCE.finditer(line):
                path = match.group(1).rstrip(".")
                if path in EXAMPLES or exists(path) or ignored_by_git(path):
                    continue
                missing.append(f"{name}:{number}: names {path}, which does not exist")
    assert missing == [], "\n".join(missing)


def test_the_check_reads_the_places_it_promises():
    read = set(tracked_text_files())
    for name in ("README.md", "ARCHITECTURE.md", "docs/writing/index.md", "mkdocs.yml",
                 "Makefile", "macros/writer_checks/page_checks.py", "overrides/main.html",
                 "overrides/assets/situations/situations.js"):
        assert name in read, name
    assert [name for name in read
            if name.startswith("docs/") and not name.startswith("docs/writing/")] == []
