"""Guides are written in our own words: no run of 10 or more words matches the source article.

The source stays outside the repository; tests/seed-fingerprint.txt holds only hashes of its
normalized 10-word runs (made by tests/seed_fingerprint.py). Every page under docs/ is checked,
so a new guide gets the same check; the writing guide, which is about Markdown, is left out.
"""

from pathlib import Path

import pytest

from seed_fingerprint import (FINGERPRINT, SEED_DIR, fingerprint_text, read_fingerprint,
                              shingle_hash, shingles)

DOCS = Path(__file__).parent.parent / "docs"
WRITING_GUIDE = DOCS / "writing"
GUIDE_PAGES = sorted(page for page in DOCS.rglob("*.md") if WRITING_GUIDE not in page.parents)


def copied_runs(markdown, fingerprint):
    return [f"line {line}: {run}" for digest, line, run in shingles(markdown)
            if digest in fingerprint]


def test_the_check_covers_the_guides():
    assert DOCS / "migrate-iphone.md" in GUIDE_PAGES and DOCS / "index.md" in GUIDE_PAGES


@pytest.mark.parametrize("page", GUIDE_PAGES, ids=lambda page: str(page.relative_to(DOCS)))
def test_no_run_of_ten_words_is_copied_from_the_source(page):
    copied = copied_runs(page.read_text(encoding="utf-8"), read_fingerprint())
    assert copied == [], (f"{page.relative_to(DOCS.parent)} copies the source word for word; "
                          "say it in your own words:\n" + "\n".join(copied))


def test_copies_are_found_whatever_the_case_punctuation_spacing_or_bold_names():
    source = "Go to **Settings** and turn on **iCloud backup**, then wait for the restore to end."
    fingerprint = {digest for digest, *_ in shingles(source)}
    copy = "1. go to **App Store** and\n   turn on **Apps** then WAIT for the restore to end!"
    assert copied_runs(copy, fingerprint) != []
    own_words = "Open **Settings**. Switch on **iCloud backup** and wait until restoring ends."
    assert copied_runs(own_words, fingerprint) == []


def test_nine_words_in_a_row_are_not_a_copy():
    fingerprint = {shingle_hash("one two three four five six seven eight nine ten".split())}
    assert copied_runs("one two three four five six seven eight nine", fingerprint) == []
    assert copied_runs("One, two: three four five six seven eight nine ten.", fingerprint) != []


@pytest.mark.skipif(not SEED_DIR.is_dir(), reason="the source article is not beside this clone")
def test_fingerprint_is_up_to_date_with_the_source():
    seed_files = sorted(SEED_DIR.glob("*.txt"))
    assert FINGERPRINT.read_text(encoding="utf-8") == fingerprint_text(seed_files), (
        "the source changed: run .venv/bin/python tests/seed_fingerprint.py")
