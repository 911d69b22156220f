"""Every page of docs/ as built, without a browser: what its writer listed in a guide's expected
file (on-screen names in bold, links, headings that keep their words) and the review date each
page shows. Pages and guides are found from their front matter, never by name.
"""

import datetime
import re

import pytest
from bs4 import BeautifulSoup

from support import expected
from support.content import front_matter, guides, html_path
from support.project import DOCS, PROJECT
from support.where import heading_line

GUIDES = guides()
WITH_EXPECTED = sorted(src for src in GUIDES if expected.file_for(DOCS, src).is_file())


def article(site_dir, src):
    html = (site_dir / html_path(src)).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article")


def expected_of(src):
    return expected.load(DOCS, src, GUIDES[src], PROJECT)


@pytest.mark.parametrize("src", WITH_EXPECTED)
def test_names_links_and_headings_the_writer_listed_are_there(site_dir, src):
    wanted, page = expected_of(src), article(site_dir, src)
    bold = {tag.get_text(strip=True) for tag in page.find_all(["strong", "b"])}
    links = {a["href"] for a in page.find_all("a", href=True)}
    problems = [f"{wanted.name}:{name.line}: '{name}' is not in bold anywhere in {src}. Hint: "
                f"write it as **{name}** where the guide names it, or take it off `bold:`."
                for name in wanted.bold if name not in bold]
    problems += [f"{wanted.name}:{url.line}: {src} no longer links to {url}. Hint: put the link "
                 "back, or take it off `links:`." for url in wanted.links if url not in links]
    for heading_id, words in wanted.headings.items():
        heading = page.find(id=heading_id)
        if heading is None:
            problems.append(f"{wanted.name}:{heading_id.line}: {src} has no heading with the id "
                            f"'{heading_id}'. Hint: keep the id of a reworded heading with "
                            f"`## New words {{ #{heading_id} }}`.")
            continue
        missing = [w for w in words if w not in heading.get_text()]
        if missing:
            problems.append(f"{heading_line(DOCS, src, heading_id, PROJECT)}: the heading "
                            f"'{heading.get_text(strip=True)}' no longer says "
                            f"{', '.join(repr(w) for w in missing)} ({wanted.name}:"
                            f"{heading_id.line}). Hint: links to it expect that question.")
    assert problems == [], "\n".join(problems)


def review_date(src):
    """last_reviewed as the writer typed it in the page's front matter."""
    text = (DOCS / src).read_text(encoding="utf-8").split("\n---", 1)[0]
    match = re.search(r"^last_reviewed:\s*['\"]?(\d{4}-\d{2}-\d{2})", text, re.MULTILINE)
    assert match, f"docs/{src} has no last_reviewed line"
    return datetime.date.fromisoformat(match.group(1))


@pytest.mark.parametrize("src", sorted(front_matter()))
def test_readers_see_when_each_page_was_last_reviewed(site_dir, src):
    day = review_date(src)
    html = BeautifulSoup((site_dir / html_path(src)).read_text(encoding="utf-8"), "html.parser")
    time = html.select_one("article .help-last-reviewed time")
    assert time is not None, f"{html_path(src)} does not say when it was last reviewed"
    assert time["datetime"] == day.isoformat(), f"{html_path(src)}: machine-readable review date"
    assert time.parent.get_text(" ", strip=True) == (
        f"Last reviewed {day.day} {day.strftime('%B %Y')}"), f"{html_path(src)}: date shown"
