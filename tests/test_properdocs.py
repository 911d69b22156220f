"""Beyond Material's end of life: ProperDocs (the maintained fork of MkDocs 1.6) builds the same
site from the same mkdocs.yml, Material, plugins and hooks (README "When Material reaches end of
life")."""

import re
import shutil
import sys

import pytest

from support.project import PROJECT, build_site
from support.sites import make_world_readable_dir

# Runs an outside tool or builds more sites: not part of `make test-fast`.
pytestmark = pytest.mark.slow

GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_html_apart_from_the_generator_line(site_dir):
    folder = make_world_readable_dir("help-site-properdocs-")
    try:
        result = build_site(folder / "site", config=PROJECT / "mkdocs.yml",
                            command=[sys.executable, "-m", "properdocs"])
        assert result.returncode == 0, result.stderr
        assert "ProperDocs" in (folder / "site" / "index.html").read_text(encoding="utf-8")
        ours = sorted(p.relative_to(site_dir) for p in site_dir.rglob("*.html"))
        theirs = sorted(p.relative_to(folder / "site") for p in (folder / "site").rglob("*.html"))
        assert theirs == ours
        for page in ours:
            texts = [GENERATOR.sub("", (root / page).read_text(encoding="utf-8"))
                     for root in (site_dir, folder / "site")]
            assert texts[0] == texts[1], f"{page} differs"
    finally:
        shutil.rmtree(folder, ignore_errors=True)
