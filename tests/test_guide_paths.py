"""Each situation's path through the guide, read in Chromium as that reader sees it: it says
nothing that is wrong for them (issue 14), and it doesn't repeat their own answer in labels."""

import re

import pytest

from macros.situations import Registry

GUIDE = "migrate-iphone.html"
CHOICES = Registry.load().possible_choices()


def query(choice):
    return "&".join(f"{key}={value}" for key, value in choice.items())


# What the reader sees before the FAQ: the setup part as visible text, and each visible list
# item's own words (without nested lists, labels or hidden parts) in document order, each
# marked with whether it comes after the Step 2 heading (on the new phone).
READ_VISIBLE = """() => {
  const article = document.querySelector('article');
  const faq = document.getElementById('frequently-asked-questions');
  const step2 = document.getElementById('step-2-power-on-the-new-device');
  const before = (el, mark) => Boolean(
    mark.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
  const seen = (el) => !el.closest('[hidden]') && el.checkVisibility();
  const ownText = (el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('ol, ul, [hidden], .situation__label').forEach((e) => e.remove());
    return copy.textContent.replace(/\\s+/g, ' ').trim();
  };
  const items = [...article.querySelectorAll('li')]
    .filter((li) => seen(li) && before(li, faq))
    .map((li) => ({text: ownText(li), newPhone: !before(li, step2)}));
  const blocks = [...article.querySelectorAll('p, li, h2, h3, .admonition-title')]
    .filter((el) => seen(el) && before(el, faq) && !el.closest('.situation-picker'))
    .map(ownText);
  return {items, text: blocks.join('\\n')};
}"""


@pytest.fixture(scope="module")
def visible(guide_in_situation):
    return lambda choice: guide_in_situation(query(choice)).evaluate(READ_VISIBLE)


@pytest.mark.parametrize("choice", [c for c in CHOICES
                                    if c["from"] == "android" or c["transfer"] == "none"],
                         ids=query)
def test_no_icloud_backup_of_the_phone_where_nothing_comes_from_icloud(visible, choice):
    """Setup Assistant moves nothing: no iCloud Backup of the phone. Only Microsoft
    Authenticator's own backup goes to iCloud, from an old iPhone set up for MFA (the source's
    prerequisite for it); nothing at all for anyone else."""
    text = visible(choice)["text"]
    assert [name for name in ("iCloud Backup", "Back Up Now", "Transfer from iCloud")
            if name in text] == []
    if choice["from"] == "android" or choice["mfa"] == "none":
        assert "iCloud" not in text


@pytest.mark.parametrize("transfer, source, not_source", [
    ("icloud", "iCloud", "old iPhone"), ("phone", "old iPhone", "iCloud")])
def test_authenticator_check_says_where_the_app_came_from(visible, transfer, source, not_source):
    choice = {"mfa": "app", "transfer": transfer, "from": "iphone"}
    check = next(item["text"] for item in visible(choice)["items"]
                 if item["text"].startswith("Before you go on, check that Microsoft Authenticator"))
    assert source in check and not_source not in check, check


PUTS_ACCOUNT_IN_AUTHENTICATOR = re.compile(r"Begin recovery|sign in to your work account")
USES_ACCOUNT_IN_AUTHENTICATOR = re.compile(
    r"employee email address|Set up 2-step verification|Enable phone sign-in")


@pytest.mark.parametrize("choice", CHOICES, ids=query)
def test_authenticator_account_is_added_before_it_is_used_on_the_new_phone(visible, choice):
    """On the SMS path especially: no step taps an account that no step put there."""
    added = False
    for item in [i["text"] for i in visible(choice)["items"] if i["newPhone"]]:
        put = PUTS_ACCOUNT_IN_AUTHENTICATOR.search(item)
        use = USES_ACCOUNT_IN_AUTHENTICATOR.search(item)
        if use:
            assert added or (put and put.start() < use.start()), item
        added = added or bool(put)


@pytest.mark.parametrize("choice", CHOICES, ids=query)
def test_recovery_account_is_asked_for_only_where_a_step_uses_it(visible, choice):
    text = visible(choice)["text"]
    assert ("personal Microsoft account. This is your recovery account" in text) == (
        "Begin recovery" in text)
    assert ("Set up recovery in Microsoft Authenticator" in text) == ("Begin recovery" in text)


@pytest.mark.parametrize("choice", [c for c in CHOICES if c["mfa"] == "none"], ids=query)
def test_an_old_phone_that_cant_do_mfa_is_not_used_for_setup(visible, choice):
    """No MFA on it, and no Authenticator backup from it (the source's backup starts from an old
    phone set up for MFA); its apps and settings can still move (the source's Step 1 has no MFA
    condition)."""
    text = visible(choice)["text"]
    assert "Set up recovery in Microsoft Authenticator" not in text
    assert "rest of setup" not in text
    moves_data = choice["from"] == "iphone" and choice["transfer"] != "none"
    assert ("Back Up Now" in text) == moves_data


@pytest.mark.parametrize("choice", [c for c in CHOICES if c["mfa"] == "sms"], ids=query)
def test_sms_path_speaks_of_texts_and_calls_not_codes(visible, choice):
    assert not re.search(r"\bcodes?\b", visible(choice)["text"], re.IGNORECASE)


# ---- Labels: they tell whom a part is for, except to a reader who already said so ----------

VISIBLE_LABELS = """() => [...document.querySelectorAll('article .situation__label')]
  .filter((label) => label.checkVisibility()).map((label) => label.textContent)"""
VISIBLE_SECTIONS = "() => [...document.querySelectorAll('article .situation')]" \
                   ".filter((s) => s.checkVisibility()).length"


@pytest.mark.parametrize("choice", CHOICES, ids=query)
def test_a_chosen_path_shows_its_parts_without_labels(guide_in_situation, choice):
    page = guide_in_situation(query(choice))
    assert page.evaluate(VISIBLE_SECTIONS) > 0
    assert page.evaluate(VISIBLE_LABELS) == []


def test_every_situation_shown_labels_every_part(guide_in_situation):
    page = guide_in_situation("show=all")
    labels = page.locator("article .situation__label")
    assert labels.count() >= 20
    assert len(page.evaluate(VISIBLE_LABELS)) == labels.count()


def test_a_part_revealed_by_a_link_keeps_its_label(new_visit, http_root):
    page = new_visit(http_root).open(f"{GUIDE}?mfa=app&transfer=none&from=android"
                                     "#step-1-before-you-begin")
    page.locator("#step-1-before-you-begin").wait_for(state="visible")
    labels = page.evaluate(VISIBLE_LABELS)
    assert len(labels) == 1 and "old iPhone" in labels[0], labels


def test_a_part_revealed_by_find_in_page_keeps_its_label(new_visit, http_root):
    page = new_visit(http_root).open(
        f"{GUIDE}?mfa=sms&transfer=none&from=android#:~:text=Begin%20recovery")
    restore = page.locator("li.situation", has_text="Begin recovery")
    restore.wait_for(state="visible")
    assert restore.locator(".situation__label").is_visible()


@pytest.mark.parametrize("situation, labelled", [
    ("mfa=sms&transfer=icloud&from=iphone", False), ("show=all", True)])
def test_print_labels_only_the_copy_of_every_situation(new_visit, http_root, situation, labelled):
    page = new_visit(http_root).open(f"{GUIDE}?{situation}")
    page.emulate_media(media="print")
    assert page.locator("[data-situation-print-note]").is_visible()
    labels = page.evaluate(VISIBLE_LABELS)
    assert (len(labels) > 0) == labelled, labels
