"""Markdown the site understands beyond the standard, on scenario sites: GitHub-style alerts."""

from bs4 import BeautifulSoup

from support.project import SITES, build_site


def test_github_style_alerts_become_admonitions(tmp_path):
    result = build_site(tmp_path / "site", docs_dir=SITES / "alerts" / "docs")
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    boxes = {box["class"][1]: box.select_one(".admonition-title").get_text(strip=True)
             for box in page.select("article div.admonition")}
    assert boxes == {"note": "Note", "caution": "Caution", "warning": "Material's own syntax"}
    assert "[!" not in page.select_one("article").get_text()
