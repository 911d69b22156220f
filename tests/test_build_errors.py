"""A writer's mistake fails the build with the file's name (and line where known), losing nothing."""

import hashlib
import subprocess
from pathlib import Path

import pytest

from conftest import PROJECT, build_site

SITES = Path(__file__).parent / "sites"

# scenario -> text the error must contain besides the file name
MISTAKES = {
    "broken-link": "old-guide.md",
    "broken-anchor": "#step-2-turn-on-the-new-phone",
    "undefined-variable": "support_phone_number",
    "malformed-front-matter": "index.md:3: front matter is not valid YAML",
}


@pytest.mark.parametrize("scenario", sorted(MISTAKES))
def test_mistake_fails_the_build_naming_the_file(scenario, tmp_path):
    result = build_site(tmp_path / "site", docs_dir=SITES / scenario / "docs")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "index.md" in output
    assert MISTAKES[scenario] in output


def tree_digest(folder):
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_failed_make_site_leaves_the_previous_site_intact(tmp_path):
    site = tmp_path / "site"
    good = subprocess.run(["make", "--no-print-directory", "site", f"SITE_DIR={site}"],
                          cwd=PROJECT, capture_output=True, text=True)
    assert good.returncode == 0, good.stderr
    before = tree_digest(site)

    broken = subprocess.run(
        ["make", "--no-print-directory", "site", f"SITE_DIR={site}",
         f"HELP_DOCS_DIR={SITES / 'broken-link' / 'docs'}"],
        cwd=PROJECT, capture_output=True, text=True)

    assert broken.returncode != 0
    assert "old-guide.md" in broken.stdout + broken.stderr
    assert tree_digest(site) == before
    assert not Path(f"{site}.build").exists()
