"""The built guide keeps every fact of the source article: sections, steps, names, links."""

import copy
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_site

ON_SCREEN_NAMES = [
    "App Store", "Apps", "Autofill", "Automatic Downloads", "Back Up Now", "Begin recovery",
    "Check status", "Enable phone sign-in", "Recovery Account", "Set up 2-step verification",
    "Settings", "Sync account", "Transfer from iCloud", "Transfer from the old phone", "iCloud",
    "iCloud Backup", "iCloud backup",
]
EXTERNAL_LINKS = [
    "https://account.microsoft.com/account",
    "https://www.icloud.com/",
    "https://apps.apple.com/us/app/microsoft-authenticator/id983156458",
    "https://apps.apple.com/us/app/intune-company-portal/id719171358",
    "https://go.microsoft.com/fwlink/?linkid=2010980",
]
# Section id -> the source article's numbered actions, in order (a start of each one's text).
# Situation variants may add items (e.g. other ways to finish MFA) but never drop these.
SOURCE_ACTIONS = {
    "step-1-before-you-begin": [
        "Set up recovery in Microsoft Authenticator", "Turn on automatic app downloads",
        "Turn on iCloud backup", "Review your iCloud backup settings"],
    "step-2-power-on-the-new-device": [
        "Go through Setup Assistant", "The phone restarts",
        "Before you go on, check that Microsoft Authenticator", "Start device enrollment"],
    "step-3-device-enrollment": [
        "Install Intune Company Portal", "Install the mobile device management (MDM) profile",
        "Sync your phone", "Wait while your work apps install", "Make your iPhone compliant",
        "Check compliance again", "Get access", "Restore your Authenticator backup",
        "Turn on phone sign-in. After the restore"],
}
FAQ_IDS = [
    "how-do-i-migrate-from-an-old-iphone-that-cant-be-used-for-mfa",
    "what-happens-if-i-use-smscall-for-mfa-and-microsoft-authenticator-isnt-set-up-for-mfa",
    "how-do-i-migrate-from-an-old-iphone-that-has-two-step-verification-set-up-to-a-new-iphone",
    "can-i-migrate-from-an-android-to-an-iphone-using-these-steps",
]


@pytest.fixture(scope="module")
def guide(site_dir):
    html = (site_dir / "migrate-iphone.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article")


def test_every_on_screen_name_is_shown_in_bold(guide):
    bold = {tag.get_text(strip=True) for tag in guide.find_all("strong")}
    assert [name for name in ON_SCREEN_NAMES if name not in bold] == []


def test_every_external_link_is_kept(guide):
    hrefs = {a["href"] for a in guide.find_all("a", href=True)}
    assert [url for url in EXTERNAL_LINKS if url not in hrefs] == []


def action_text(item):
    """A list item's own words: without its situation label and nested lists."""
    item = copy.copy(item)
    for extra in item.select(".situation__label, ol, ul, .admonition"):
        extra.decompose()
    return " ".join(item.get_text().split())


@pytest.mark.parametrize("step_id", SOURCE_ACTIONS)
def test_each_step_keeps_all_the_source_actions_in_order(guide, step_id):
    items = guide.find(id=step_id).find_next("ol").find_all("li", recursive=False)
    texts = [action_text(item) for item in items]
    expected = iter(SOURCE_ACTIONS[step_id])
    wanted = next(expected)
    for text in texts:
        if wanted and text.startswith(wanted):
            wanted = next(expected, None)
    assert wanted is None, f"missing or out of order in {step_id}: {wanted!r}; got {texts}"


def test_all_sections_and_faq_entries_have_their_anchors(guide):
    ids = {tag["id"] for tag in guide.find_all(["h2", "h3", "h4"], id=True)}
    expected = {"prerequisites", "set-up-phone-sign-in", "frequently-asked-questions", "general",
                "android", "still-need-help", *SOURCE_ACTIONS, *FAQ_IDS}
    assert expected - ids == set()


def test_caution_about_the_old_phone_is_kept_in_prerequisites(guide):
    boxes = guide.find(id="prerequisites").find_all_next("div", class_="admonition", limit=3)
    warning = next(box for box in boxes if "warning" in box["class"])
    assert "factory reset" in warning.get_text() and "Microsoft Authenticator" in warning.get_text()
    assert any("SMS" in box.get_text() and "either phone" in box.get_text() for box in boxes)


def test_github_style_alerts_become_admonitions(tmp_path):
    docs = Path(__file__).parent / "sites" / "alerts" / "docs"
    result = build_site(tmp_path / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    boxes = {box["class"][1]: box.select_one(".admonition-title").get_text(strip=True)
             for box in page.select("article div.admonition")}
    assert boxes == {"note": "Note", "caution": "Caution", "warning": "Material's own syntax"}
    assert "[!" not in page.select_one("article").get_text()


# Old deep links to the FAQ (ids from the source's own questions) land on the same question,
# now asked in our own words: each heading still names what the question was about.
FAQ_SUBJECTS = {
    "how-do-i-migrate-from-an-old-iphone-that-cant-be-used-for-mfa": ["old iPhone", "can't", "MFA"],
    "what-happens-if-i-use-smscall-for-mfa-and-microsoft-authenticator-isnt-set-up-for-mfa": [
        "text message or call", "Authenticator"],
    "how-do-i-migrate-from-an-old-iphone-that-has-two-step-verification-set-up-to-a-new-iphone": [
        "old iPhone", "two-step verification", "new one"],
    "can-i-migrate-from-an-android-to-an-iphone-using-these-steps": ["Android"],
}


@pytest.mark.parametrize("faq_id", FAQ_SUBJECTS)
def test_old_faq_links_land_on_the_same_question(guide, faq_id):
    heading = guide.find(id=faq_id).get_text()
    assert [word for word in FAQ_SUBJECTS[faq_id] if word not in heading] == [], heading
