"""A guide that hands over to another: its links carry the reader's answers, so the next guide
opens in the same situation even where the browser blocks storage (Chromium, the many-guides
scenario site: `back-up` links to `old-phone`, which shares its `from` question).

Where each guide of docs/ hands over to is its writer's (`links:` in its expected file, checked
by tests/test_content_pages.py)."""

from urllib.parse import parse_qs, urlsplit

import pytest

from support.seen import read_guide

# The two links in `back-up` to `old-phone`, by their words (tests/sites/many-guides/docs/).
HANDOVER = "Move from the old phone"
WRITERS_QUERY = "its second step"


@pytest.fixture
def blocked_visit(new_visit, guides_root):
    """Storage blocked, so that only the link can carry the answers."""
    return new_visit(guides_root, storage="blocked")


def link(page, words):
    return page.locator("article").get_by_role("link", name=words)


def query_of(page, words):
    return {key: values[0] for key, values in
            parse_qs(urlsplit(link(page, words).get_attribute("href")).query).items()}


def test_a_link_to_another_guide_carries_the_answers_and_opens_it_in_that_situation(
        blocked_visit):
    page = blocked_visit.open("back-up.html?screen=broken&from=iphone&mfa=sms")
    assert query_of(page, HANDOVER) == {"screen": "broken", "from": "iphone", "mfa": "sms"}
    link(page, HANDOVER).click()
    page.wait_for_url("**/old-phone.html?*#step-1-get-ready")
    # The other guide's own question keeps its default: nobody answered it.
    assert read_guide(page)["checked"] == {"from": "iphone", "transfer": "icloud"}


def test_a_changed_answer_changes_the_link_and_a_default_is_never_carried(blocked_visit):
    page = blocked_visit.open("back-up.html")  # nothing answered: the guide's defaults
    assert query_of(page, HANDOVER) == {}
    page.get_by_label("An iPhone").check()
    assert query_of(page, HANDOVER) == {"from": "iphone"}


def test_a_query_the_writer_wrote_stays_as_written(blocked_visit):
    page = blocked_visit.open("back-up.html?screen=works&from=iphone&mfa=app")
    assert query_of(page, WRITERS_QUERY) == {"transfer": "phone"}


def test_without_javascript_the_link_is_as_written(new_visit, guides_root):
    """A reader without JavaScript follows the link as the writer wrote it."""
    page = new_visit(guides_root, java_script_enabled=False).open(
        "back-up.html?screen=broken&from=iphone&mfa=sms")
    link(page, HANDOVER).click()
    page.wait_for_url("**/old-phone.html#step-1-get-ready")
