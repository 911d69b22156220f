"""`make new-guide` declares the guide's own questions too (ASKS=mfa,restore:backup/fresh), and
a guide may ask only questions of its own. What it writes builds and passes `make lint`."""

import pytest
from bs4 import BeautifulSoup

from support.project import build_site, run_make


def legends(site, page):
    html = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    return [legend.get_text() for legend in html.select(".situation-picker legend")]


@pytest.mark.slow  # `make new-guide`, then a build of its site
def test_a_new_guide_declares_its_own_questions_and_builds(tmp_path):
    docs = tmp_path / "docs"
    for name, asks in [("restore-authenticator", "from,restore:backup/fresh"),
                       ("enroll", "owner:organization/employee")]:
        made = run_make("new-guide", f"NAME={name}", f"ASKS={asks}", f"DOCS_DIR={docs}")
        assert made.returncode == 0, made.stderr
    page = (docs / "restore-authenticator.md").read_text(encoding="utf-8")
    assert "  asks: [from, restore]\n" in page and "    - key: restore\n" in page
    build = build_site(tmp_path / "site", docs_dir=docs)
    assert build.returncode == 0, build.stderr
    assert legends(tmp_path / "site", "restore-authenticator.html") == [
        "What is your old phone?", "Restore?"]
    assert legends(tmp_path / "site", "enroll.html") == ["Owner?"]
    assert run_make("lint", f"LINT_PAGES={docs}").returncode == 0


@pytest.mark.parametrize("asks, says", [
    ("mfa,restore", "unknown situation dimension 'restore' for this guide. Known: mfa, "
                    "transfer, from. Hint: give a question of the guide's own with its answers"),
    ("mfa:app/sms", "'mfa' is a question of macros/situations.yml already"),
    ("restore:backup", "'restore:backup': a question needs two or more answers"),
    ("Restore:Backup/Fresh", "'Restore:Backup/Fresh': keys and answers are lower-case words"),
])
def test_a_new_guide_refuses_questions_it_cannot_ask(tmp_path, asks, says):
    made = run_make("new-guide", "NAME=guide", f"ASKS={asks}", f"DOCS_DIR={tmp_path}")
    assert made.returncode != 0
    assert f"ASKS={asks}: {says}" in made.stderr
    assert list(tmp_path.iterdir()) == []
