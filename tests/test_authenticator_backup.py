"""The second guide, "Back up and restore Microsoft Authenticator", in Chromium:
each situation shows exactly its steps, and the guide says only what the source article says."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

from conftest import PROJECT
from macros import languages
from macros.situations import guides
from seed_names import NAMES_FILE, SEED_DIR, names_text, read_names
from test_situations import WCAG_22_AA, describe_violations
from scenarios import progress_summary
from visible_steps import visible_steps

GUIDE = "authenticator-backup.html"

# The guide's path table, written from the source article (not from the Markdown): for each
# situation, the step headings in order with the start of each numbered action.
BACK_UP = ("step-1-back-up-on-the-old-iphone", "Back up Authenticator on your old iPhone",
           ["Set up recovery in Microsoft Authenticator."])
RESTORE = ("step-3-restore-on-the-new-iphone", "Restore the backup on your new iPhone",
           ["Restore your Authenticator backup.", "Turn on phone sign-in."])


def set_up(start):
    """Set up and enroll the new iPhone with the migration guide, from where this reader is."""
    return ("step-2-set-up-the-new-iphone", "Set up the new iPhone for work", [start])


# Setting up hands over to the migration guide: a reader who moves data from the old iPhone in
# Setup Assistant starts at its Step 1 (the App Store and iCloud Backup steps there come after
# the Authenticator backup this guide makes), any other at its Step 2.
MOVING_DATA = "Set up your new iPhone, move your data to it and enroll it for work:"
NOT_MOVING_DATA = "Set up your new iPhone and enroll it for work:"
# Backup and restore need an old iPhone (an Authenticator backup can't move from Android to iOS)
# that is set up for MFA (the source's prerequisite for its backup); every other reader is told
# the guide isn't theirs, with no steps.
PATHS = {
    ("iphone", "app", "icloud"): [BACK_UP, set_up(MOVING_DATA), RESTORE],
    ("iphone", "app", "phone"): [BACK_UP, set_up(MOVING_DATA), RESTORE],
    ("iphone", "app", "none"): [BACK_UP, set_up(NOT_MOVING_DATA), RESTORE],
    ("iphone", "sms", "icloud"): [BACK_UP, set_up(MOVING_DATA), RESTORE],
    ("iphone", "sms", "phone"): [BACK_UP, set_up(MOVING_DATA), RESTORE],
    ("iphone", "sms", "none"): [BACK_UP, set_up(NOT_MOVING_DATA), RESTORE],
    ("iphone", "none", "icloud"): [],
    ("iphone", "none", "phone"): [],
    ("iphone", "none", "none"): [],
    ("android", "app", "none"): [],
    ("android", "sms", "none"): [],
    ("android", "none", "none"): [],
}
# Where the hand-over link lands in the migration guide.
HANDOVER_TARGET = {"icloud": "step-1-before-you-begin", "phone": "step-1-before-you-begin",
                   "none": "step-2-power-on-the-new-device"}
# The boxes under "What you need": one per MFA method that makes a backup.
MFA_BOXES = {"app": "Keep your old phone until the new one works",
             "sms": "Either phone can take the text or call"}
# The note under the backup step: the work account is set up again on the new phone.
BACKUP_NOTE = "Note"
# The picker's one-line summary: the guide asks the old phone, then MFA, then the transfer.
PHRASES = {"iphone": "old iPhone", "android": "old Android phone", "app": "Authenticator app",
           "sms": "text message or call", "none": "no MFA on the old phone",
           "icloud": "transfer from iCloud", "phone": "transfer from the old iPhone"}
TRANSFER_NONE = "no transfer"
SITUATIONS = [{"from": old, "mfa": mfa, "transfer": transfer}
              for old, mfa, transfer in PATHS]
# What a reader the guide isn't for reads first: why, and a link to the migration guide.
NOT_FOR_YOU = "this guide isn't for you"


def query(choice):
    return "&".join(f"{key}={value}" for key, value in choice.items())


@pytest.fixture(scope="module")
def guide_in_situation(browser, http_root):
    """The guide opened once per situation from a deep link, shared by the read-only checks."""
    context = browser.new_context()
    pages = {}

    def open_guide(situation):
        if situation not in pages:
            pages[situation] = context.new_page()
            pages[situation].goto(f"{http_root}{GUIDE}?{situation}")
        return pages[situation]

    yield open_guide
    context.close()


def phrase(choice):
    return " · ".join([PHRASES[choice["from"]], PHRASES[choice["mfa"]],
                       TRANSFER_NONE if choice["transfer"] == "none" else PHRASES[choice["transfer"]]])


@pytest.mark.parametrize("choice", SITUATIONS, ids=query)
def test_each_situation_shows_exactly_its_steps(guide_in_situation, choice):
    page = guide_in_situation(query(choice))
    expected = PATHS[choice["from"], choice["mfa"], choice["transfer"]]
    shown = visible_steps(page)

    assert [step["id"] for step in shown] == [step_id for step_id, _, _ in expected]
    assert [step["title"] for step in shown] == [
        f"Step {number}: {title}" for number, (_, title, _) in enumerate(expected, 1)]
    for step, (_, _, actions) in zip(shown, expected):
        assert [number for number, _ in step["actions"]] == list(range(1, len(actions) + 1))
        assert len(step["actions"]) == len(actions)
        for (_, text), start in zip(step["actions"], actions):
            assert text.startswith(start), (text, start)
    summary = page.locator("[data-situation-summary]").inner_text()
    # Nothing ticked yet: every numbered action of the path counts (issue 16's progress); a
    # path without steps shows the situation alone.
    actions = sum(len(step_actions) for _, _, step_actions in expected)
    assert summary == (progress_summary(phrase(choice), actions) if actions else phrase(choice))


@pytest.mark.parametrize("choice", SITUATIONS, ids=query)
def test_each_situation_shows_its_boxes_and_no_backup_where_there_is_none(guide_in_situation,
                                                                          choice):
    page = guide_in_situation(query(choice))
    titles = page.locator("article .admonition-title")
    shown = {titles.nth(i).inner_text() for i in range(titles.count()) if titles.nth(i).is_visible()}
    backup = choice["from"] == "iphone" and choice["mfa"] != "none"
    assert shown == ({MFA_BOXES[choice["mfa"]], BACKUP_NOTE} if backup else set())
    text = page.locator("article").inner_text()
    accounts = page.get_by_role("link", name="personal Microsoft account")
    if backup:
        assert "Begin recovery" in text and accounts.is_visible()
        assert NOT_FOR_YOU not in text
    else:
        assert "Begin recovery" not in text and "iCloud backup" not in text
        assert accounts.is_hidden()
        assert NOT_FOR_YOU in text


# One situation per place the link lands: after the backup, moving data or not; at the top, for
# an Android phone and for an old iPhone that can't be used for MFA.
LINK_SITUATIONS = [{"from": "iphone", "mfa": "app", "transfer": "icloud"},
                   {"from": "iphone", "mfa": "sms", "transfer": "none"},
                   {"from": "android", "mfa": "sms", "transfer": "none"},
                   {"from": "iphone", "mfa": "none", "transfer": "phone"}]


@pytest.mark.parametrize("choice", LINK_SITUATIONS, ids=query)
def test_the_link_to_the_migration_guide_carries_the_answers_and_lands_after_what_is_done(
        new_visit, http_root, choice):
    """With storage blocked, so only the link can carry the answers: following it opens the
    migration guide in the same situation, at the step after what this guide already did (the
    top, for a reader this guide isn't for)."""
    visit = new_visit(http_root)
    visit.page.add_init_script("""Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The user blocked storage', 'SecurityError'); }});""")
    page = visit.open(f"{GUIDE}?{query(choice)}")
    backup = choice["from"] == "iphone" and choice["mfa"] != "none"
    target = HANDOVER_TARGET[choice["transfer"]] if backup else None
    written = f"migrate-iphone.html#{target}" if target else "migrate-iphone.html"
    page.locator(f"article a[data-situation-href='{written}']:visible").click()
    page.wait_for_url("**/migrate-iphone.html*")
    checked = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll(
      '.situation-picker :checked')].map((radio) => [radio.name, radio.value]))""")
    assert checked == choice
    if target:
        assert page.url.endswith("#" + target)
        assert page.locator(f"#{target}").is_visible()


# Every part of the guide in "show=all", and each kind of path on its own: the backup path for
# each MFA method and both hand-overs, and both kinds of reader the guide isn't for.
AXE_SITUATIONS = [query(choice) for choice in LINK_SITUATIONS] + [
    "from=iphone&mfa=sms&transfer=phone", "show=all"]


@pytest.mark.parametrize("situation", AXE_SITUATIONS)
def test_axe_finds_nothing_in_any_situation(guide_in_situation, situation):
    results = Axe().run(guide_in_situation(situation), context="article", options=WCAG_22_AA)
    assert results.violations_count == 0, describe_violations(results)


# --- What the guides say, against the source article ---------------------------------------

def guide_articles(site_dir):
    """Every guide of the site (pages that declare questions, except the writing guide), in
    the source language: the article's words and on-screen names are English."""
    found = {}
    for source in guides(PROJECT / "docs"):
        if source.startswith("writing/") or languages.translation_suffix(source):
            continue
        html = (site_dir / source.replace(".md", ".html")).read_text(encoding="utf-8")
        found[source] = BeautifulSoup(html, "html.parser").select_one("article")
    return found


def test_both_guides_are_checked(site_dir):
    assert {"migrate-iphone.md", "authenticator-backup.md"} <= set(guide_articles(site_dir))


def test_every_name_in_bold_is_spelled_as_the_source_shows_it(site_dir):
    """On-screen names are bold in the guides; each must be one the source shows, exactly."""
    names = read_names()
    wrong = [(source, bold.get_text(" ", strip=True))
             for source, article in guide_articles(site_dir).items()
             for bold in article.find_all(["strong", "b"])
             if not bold.find_parent(class_="org-support")
             and bold.get_text(" ", strip=True) not in names]
    assert wrong == []


def test_names_the_second_guide_needs_are_there_in_bold(site_dir):
    article = guide_articles(site_dir)["authenticator-backup.md"]
    bold = {tag.get_text(strip=True) for tag in article.find_all("strong")}
    assert {"Settings", "iCloud backup", "Recovery Account", "Autofill", "Sync account",
            "Enable phone sign-in", "Begin recovery", "Set up 2-step verification"} <= bold


@pytest.mark.skipif(not SEED_DIR.is_dir(), reason="the source article is not beside this clone")
def test_the_list_of_names_is_up_to_date_with_the_source():
    seed_files = sorted(SEED_DIR.glob("*.txt"))
    assert NAMES_FILE.read_text(encoding="utf-8") == names_text(seed_files), (
        "the source changed: run .venv/bin/python tests/seed_names.py")
