"""Conditional sections in the built HTML (the reader-site scenario site's guide) and the
registry's rules.

Writers' mistakes in conditional sections are rows of the error table: tests/test_build_errors.py.
"""

import pytest
from bs4 import BeautifulSoup

from macros.situations import Registry
from support.scenarios import GUIDE


@pytest.fixture(scope="module")
def registry():
    return Registry.load()


@pytest.fixture(scope="module")
def guide(reader_site):
    html = (reader_site / GUIDE).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article")


def test_impossible_combinations_follow_from_the_guide(registry):
    """An Android phone has no iCloud backup, and Apple's direct transfer is iPhone to iPhone."""
    impossible = [c for c in registry.all_choices() if c not in registry.possible_choices()]
    assert sorted((c["from"], c["transfer"]) for c in impossible) == sorted(
        [("android", "icloud"), ("android", "phone")] * 3)
    assert len(registry.possible_choices()) == 12
    assert registry.nearest_possible({"mfa": "sms", "transfer": "icloud", "from": "android"}) == {
        "mfa": "sms", "transfer": "none", "from": "android"}


def test_picker_offers_every_registry_value_as_a_native_radio(guide, registry):
    picker = guide.select_one("form.situation-picker")
    for dimension in registry.dimensions:
        fieldset = picker.find("input", attrs={"name": dimension.key}).find_parent("fieldset")
        assert fieldset.legend.get_text(strip=True) == dimension.legend
        radios = fieldset.select("label > input[type=radio]")
        assert [(r["name"], r["value"]) for r in radios] == [
            (dimension.key, v.key) for v in dimension.values]


def test_every_conditional_part_is_in_the_html_and_labelled_in_words(guide, registry):
    sections = guide.select(".situation")
    assert len(sections) == 18  # counted in the guide's Markdown
    for section in sections:
        label = section.select_one(".situation__label")
        condition = {d.key: tuple(section[f"data-{d.key}"].split())
                     for d in registry.dimensions if section.has_attr(f"data-{d.key}")}
        assert condition, section
        assert label.get_text(strip=True).rstrip(":") == registry.label(condition)
        assert label.get_text().startswith("Only")


def test_sms_section_reads_as_the_issue_describes(guide):
    labels = {label.get_text(strip=True) for label in guide.select(".situation__label")}
    assert "Only if you use text message or call" in labels
