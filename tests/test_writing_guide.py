"""The writing guide: in the site but not in the employees' navigation, every example built,
the page template, Markdown lint, and live reload of macros/ and overrides/."""

import datetime
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest
from bs4 import BeautifulSoup

from macros.situations import Registry
from support import axe, expected
from support.content import reader_pages
from support.project import MKDOCS, PROJECT, SITES, build_site, run_make

EXAMPLES = PROJECT / "docs" / "writing" / "examples"
WRITING_PAGES = ["writing/index.html", "writing/syntax.html", "writing/images.html",
                 "writing/errors.html", "writing/checks.html"]


def parse(site_dir, page):
    return BeautifulSoup((site_dir / page).read_text(encoding="utf-8"), "html.parser")


def test_employees_navigation_leaves_the_writing_guide_out(site_dir):
    for page in [*reader_pages(), *WRITING_PAGES]:
        nav_links = [a["href"] for a in parse(site_dir, page).select("nav.md-nav--primary a[href]")]
        assert nav_links and not any("writing/" in href for href in nav_links), page


def test_writing_guide_pages_are_built_and_linked_from_its_index(site_dir):
    links = {a["href"] for a in parse(site_dir, "writing/index.html").select("article a[href]")}
    assert {"syntax.html", "images.html", "errors.html", "checks.html"} <= links


def shown_and_rendered_examples(site_dir):
    """{example source as shown in a code block: the 'What readers see' box after it}."""
    examples = {}
    for page in WRITING_PAGES:
        for block in parse(site_dir, page).select("article .highlight, article pre"):
            result = block.find_next_sibling()
            if result is not None and "example" in result.get("class", []):
                examples[block.get_text().rstrip("\n")] = result
    return examples


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.md")))
def test_every_example_file_is_shown_as_written(site_dir, example):
    source = (EXAMPLES / example).read_text(encoding="utf-8").rstrip("\n")
    code = "\n".join(block.get_text() for page in WRITING_PAGES
                     for block in parse(site_dir, page).select("article pre code"))
    assert source in code, f"{example} is not shown in the writing guide"


def test_examples_are_rendered_as_readers_see_them(site_dir):
    rendered = shown_and_rendered_examples(site_dir)
    alerts = rendered[(EXAMPLES / "alert.md").read_text(encoding="utf-8").rstrip("\n")]
    assert [box.select_one(".admonition-title").get_text() for box in alerts.select(".admonition")] \
        == ["Note", "Caution"]
    braces = rendered[(EXAMPLES / "code-sample.md").read_text(encoding="utf-8").rstrip("\n")]
    assert braces.select_one("pre").get_text().strip() == \
        "Call {{ helpdesk.phone }} if enrollment fails."
    heading = rendered[(EXAMPLES / "heading-id.md").read_text(encoding="utf-8").rstrip("\n")]
    assert heading.select_one("h3")["id"] == "turn-on-phone-sign-in"
    value = rendered[(EXAMPLES / "site-value.md").read_text(encoding="utf-8").rstrip("\n")]
    assert value.get_text(" ", strip=True).endswith("You're reading Work phone help .")


@pytest.mark.parametrize("colours", ["light", "dark"])
@pytest.mark.parametrize("path", WRITING_PAGES)
def test_writing_guide_has_no_wcag_22_aa_violations(new_visit, http_root, path, colours):
    visit = new_visit(http_root, color_scheme=colours)
    page = visit.open(path)
    assert axe.violations(page) == ""
    assert visit.outside_requests == []


def test_the_expected_paths_example_is_what_the_check_reads(tmp_path):
    """docs/writing/checks.md's example of an expected file, beside a guide that asks what the
    guide template asks, is read by the check (support/expected.py) without a complaint."""
    shown = (PROJECT / "docs" / "writing" / "checks.md").read_text(encoding="utf-8")
    assert 'example("back-up-authenticator.expected.yml"' in shown
    example = PROJECT / "docs" / "writing" / "examples" / "back-up-authenticator.expected.yml"
    shutil.copy(example, tmp_path / "guide.expected.yml")
    registry = Registry.load().for_guide({"asks": ["mfa", "from"]})
    wanted = expected.load(tmp_path, "guide.md", registry)
    assert [step_id for _, step_id, _ in wanted.steps] == [
        "step-1-back-up", "step-2-set-up-the-new-phone"]
    assert wanted.boxes and wanted.shows and wanted.order and wanted.bold and wanted.headings


@pytest.mark.slow
def test_new_page_starts_from_the_template_and_builds(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    made = run_make("new-page", "NAME=reset-authenticator", f"DOCS_DIR={docs}")
    again = run_make("new-page", "NAME=reset-authenticator", f"DOCS_DIR={docs}")

    assert made.returncode == 0, made.stderr
    page = (docs / "reset-authenticator.md").read_text(encoding="utf-8")
    assert f"last_reviewed: {datetime.date.today().isoformat()}\n" in page
    assert again.returncode != 0 and "already exists" in again.stdout
    build = build_site(tmp_path / "site", docs_dir=docs)
    assert build.returncode == 0, build.stderr
    assert (tmp_path / "site" / "reset-authenticator.html").exists()
    assert run_make("lint", f"LINT_PAGES={docs}").returncode == 0


def test_lint_passes_on_the_repository():  # `make test` and `make test-fast` lint here
    result = run_make("lint")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_lint_names_file_line_and_rule_of_a_seeded_mistake(tmp_path):
    guide = (SITES / "reader-site" / "docs" / "new-phone.md").read_text(encoding="utf-8")
    heading = "## Before you start { #before-you-start }\n\n"
    assert heading in guide
    seeded = tmp_path / "new-phone.md"
    seeded.write_text(guide.replace(heading, heading.rstrip("\n") + "\n"), encoding="utf-8")
    line = guide[:guide.index(heading)].count("\n") + 1

    result = run_make("lint", f"LINT_PAGES={seeded}")

    assert result.returncode != 0
    assert f"{seeded}:{line}:1: MD022: Headings should be surrounded by blank lines" in result.stdout


# --- Live reload ------------------------------------------------------------------------------

def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_text(url, text, timeout=60):
    """The page at `url` once it contains `text` (polling while mkdocs serve rebuilds)."""
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                body = response.read().decode("utf-8")
            if text in body:
                return body
        except OSError:
            pass
        time.sleep(0.5)  # polling interval, not an assertion
    raise AssertionError(f"{url} never showed {text!r}")


@pytest.fixture
def served_copy(tmp_path):
    """A copy of the project served by `mkdocs serve --livereload` (as `make serve` runs it)."""
    for name in ["mkdocs.yml", "docs", "macros", "overrides", "profiles"]:
        source = PROJECT / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, tmp_path / name)
    address = f"127.0.0.1:{free_port()}"
    server = subprocess.Popen(
        [*MKDOCS, "serve", "--livereload", "--dev-addr", address],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    yield tmp_path, f"http://{address}/"
    server.terminate()
    server.wait(timeout=30)


@pytest.mark.slow
def test_serve_rebuilds_when_overrides_or_macros_change(served_copy):
    project, url = served_copy
    wait_for_text(url + "index.html", "Last reviewed")

    overrides = project / "overrides" / "main.html"
    # The words themselves are in macros/messages.yml; the template changes around them.
    changed = overrides.read_text().replace('site_text("last_reviewed"',
                                            '"Reviewed on " ~ site_text("last_reviewed"')
    assert changed != overrides.read_text()
    overrides.write_text(changed)
    wait_for_text(url + "index.html", "Reviewed on")

    table = project / "macros" / "writing_guide" / "mistakes.py"
    table.write_text(table.read_text().replace("| The build says |", "| The build prints |"))
    wait_for_text(url + "writing/errors.html", "The build prints")
