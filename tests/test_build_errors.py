"""A writer's mistake fails the build with file, line and a hint, losing nothing.

Every row of the writing guide's error table (macros/writer_mistakes.yml) is a case here.
"""

import hashlib
import os
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from support.project import PROJECT, build_site, run_make

SITES = Path(__file__).parent / "sites"
MISTAKES = yaml.safe_load((PROJECT / "macros" / "writer_mistakes.yml").read_text(encoding="utf-8"))
FILE_AND_LINE = re.compile(r"^[\w./-]+\.(md|yml):\d+: ")
# A scenario may bring its own data files (macros/messages.yml, macros/situations.yml): the build
# reads them instead of the project's.
DATA_FILES = {"messages.yml": "HELP_MESSAGES_FILE", "situations.yml": "HELP_SITUATIONS_FILE"}


def line_with(output, text):
    return next((line for line in output.splitlines() if text in line), None)


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m["scenario"] for m in MISTAKES])
def test_mistake_stops_the_build_at_its_line_with_a_hint(mistake, tmp_path):
    scenario = SITES / mistake["scenario"]
    data = {variable: str(scenario / "macros" / name) for name, variable in DATA_FILES.items()
            if (scenario / "macros" / name).exists()}
    result = build_site(tmp_path / "site", docs_dir=scenario / "docs", env=data)
    output = result.stdout + result.stderr
    assert FILE_AND_LINE.match(mistake["says"]), "the table must show file:line first"
    assert result.returncode == 1, output
    message = line_with(output, mistake["says"])
    assert message is not None, output
    assert "Hint: " in message
    assert "Traceback" not in output


def test_every_mistake_scenario_is_in_the_table():
    scenarios = {path.parent.parent.name for path in SITES.glob("*/docs/index.md")}
    # Sites that must build, used by other tests.
    building = {"alerts", "org-values", "many-guides", "progress-edited-step", "translation-stale",
                "question-model", "images", "reader-site", "cache-entries", "untranslated-pages"}
    assert scenarios - building == {m["scenario"] for m in MISTAKES}


def test_the_writing_guide_shows_every_row_of_the_table(site_dir):
    page = BeautifulSoup((site_dir / "writing" / "errors.html").read_text(encoding="utf-8"),
                         "html.parser")
    shown = [row.select("td")[1].get_text() for row in page.select("article table tbody tr")]
    assert shown == [mistake["says"] for mistake in MISTAKES]


def tree_digest(folder):
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@pytest.mark.slow
def test_failed_make_site_leaves_the_previous_site_intact(tmp_path):
    site = tmp_path / "site"
    good = run_make("site", f"SITE_DIR={site}")
    assert good.returncode == 0, good.stderr
    before = tree_digest(site)

    broken = run_make("site", f"SITE_DIR={site}", f"HELP_DOCS_DIR={SITES / 'broken-link' / 'docs'}")

    assert broken.returncode != 0
    assert "old-guide.md" in broken.stdout + broken.stderr
    assert tree_digest(site) == before
    shown = Path(os.path.realpath(site))  # nothing left over (macros/site_swap.py)
    assert [p for p in (site.parent / ".site-builds").iterdir() if p.name != ".lock" and p != shown] == []
