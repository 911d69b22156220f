"""Front matter: the schema's cases and review age ("Last reviewed" as readers see it on every
page of docs/: test_content_pages.py)."""

import datetime
import re
import sys

import pytest

from support.project import PROJECT, build_site, run_make

from macros.writer_checks import front_matter, page_checks

TODAY = datetime.date(2026, 11, 27)
GOOD = {"title": "Reset Authenticator", "description": "Get Authenticator working again.",
        "last_reviewed": datetime.date(2026, 5, 1), "audience": "employees",
        "owner": "IT service desk"}


def page_source(meta):
    lines = [f"{key}: {value}" for key, value in meta.items()]
    return "\n".join(["---", *lines, "---", "", "# Page", "", "What the page says."]) + "\n"


def problems_with(**changes):
    meta = {key: value for key, value in {**GOOD, **changes}.items() if value is not None}
    return front_matter.problems(meta, "page.md", page_source(meta), today=TODAY)


def test_complete_front_matter_passes():
    assert problems_with() == []


# Written here by hand, not read from the schema under test: a field dropped from the schema's
# `required` list must fail this test, not silently shrink it.
REQUIRED_FIELDS = ["title", "description", "last_reviewed", "audience", "owner"]


@pytest.mark.parametrize("field", REQUIRED_FIELDS)
def test_each_required_field_is_named_when_missing(field):
    assert problems_with(**{field: None}) == [  # a page without the field must be refused
        f"page.md:1: front matter has no '{field}' field. "
        f"Hint: {front_matter.schema()['properties'][field]['description']}"]


@pytest.mark.parametrize("field, value, line, says", [
    ("last_reviewed", "27/11/2026", 4, "'27/11/2026' is not a 'date'"),
    ("last_reviewed", datetime.datetime(2026, 1, 2, 9, 30), 4, "is not a 'date'"),
    ("audience", "staff", 5, "'staff' is not one of ['employees', 'it', 'writers']"),
    ("owner", "", 6, "'' should be non-empty"),
    ("description", "x" * 201, 3, "is too long"),
    ("title", 42, 2, "42 is not of type 'string'"),
    ("hide", ["tocc"], 7, "'tocc' is not one of"),
])
def test_malformed_field_is_named_with_its_line(field, value, line, says):
    found = problems_with(**{field: value})
    assert len(found) == 1
    # The wrong part itself: `hide[0]` for the first item of `hide`.
    named = f"{field}[0]" if isinstance(value, list) else field
    assert found[0].startswith(f"page.md:{line}: front matter field '{named}': ")
    assert says in found[0] and "Hint: " in found[0]


def test_misspelled_field_gets_a_suggestion():
    found = problems_with(last_reviewed=None, last_reviewd=datetime.date(2026, 1, 1))
    assert found[0].startswith("page.md:1: front matter has no 'last_reviewed' field.")
    assert found[1].startswith("page.md:6: front matter field 'last_reviewd' is not one this "
                               "site knows. Did you mean 'last_reviewed'?")
    assert len(found) == 2


def test_review_date_in_the_future_is_refused():
    found = problems_with(last_reviewed=datetime.date(2062, 11, 27))
    assert found[0].startswith("page.md:4: front matter field 'last_reviewed': 2062-11-27 is in "
                               "the future.")


def test_a_day_that_does_not_exist_is_pointed_at():
    source = "---\ntitle: T\nlast_reviewed: 2026-02-30\n---\n"
    assert page_checks.front_matter_error(source, "page.md").startswith(
        "page.md:3: front matter has a date that does not exist (day is out of range")


@pytest.mark.parametrize("reviewed, due", [
    (datetime.date(2025, 11, 27), False),  # exactly 12 months: due tomorrow
    (datetime.date(2025, 11, 26), True),
    (datetime.date(2026, 6, 1), False),
])
def test_review_is_due_after_the_configured_months(reviewed, due):
    assert front_matter.review_overdue({"last_reviewed": reviewed}, 12, today=TODAY) is due


def write_page(folder, name, reviewed):
    meta = {**GOOD, "title": name, "last_reviewed": reviewed}
    (folder / f"{name}.md").write_text(page_source(meta), encoding="utf-8")


def test_pages_due_for_review_are_listed_and_warned_about_without_failing(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    today = datetime.date.today()
    write_page(docs, "index", today)
    write_page(docs, "stale", front_matter.months_after(today, -13))

    build = build_site(tmp_path / "site", docs_dir=docs)
    listing = run_make("freshness", f"HELP_DOCS_DIR={docs}")

    assert build.returncode == 0, build.stderr
    warnings = [line for line in build.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1 and "stale.md: last reviewed" in warnings[0]
    assert listing.returncode == 0, listing.stderr
    assert "stale.md: last reviewed" in listing.stdout
    assert "index.md" not in listing.stdout
    assert "1 of 2 pages were last reviewed more than 12 months ago." in listing.stdout
