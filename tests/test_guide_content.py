"""The built guide keeps every fact of the source article: sections, steps, names, links."""

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
# Section id -> number of numbered actions directly under it.
ACTIONS_PER_STEP = {
    "step-1-before-you-begin": 4,
    "step-2-power-on-the-new-device": 4,
    "step-3-device-enrollment": 9,
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


@pytest.mark.parametrize("step_id, count", ACTIONS_PER_STEP.items())
def test_each_step_has_all_its_actions(guide, step_id, count):
    heading = guide.find(id=step_id)
    actions = heading.find_next("ol").find_all("li", recursive=False)
    assert len(actions) == count


def test_all_sections_and_faq_entries_have_their_anchors(guide):
    ids = {tag["id"] for tag in guide.find_all(["h2", "h3", "h4"], id=True)}
    expected = {"prerequisites", "set-up-phone-sign-in", "frequently-asked-questions", "general",
                "android", "still-need-help", *ACTIONS_PER_STEP, *FAQ_IDS}
    assert expected - ids == set()


def test_caution_about_the_old_phone_is_a_warning_in_prerequisites(guide):
    warning = guide.find(id="prerequisites").find_next("div", class_="admonition")
    assert "warning" in warning["class"]
    text = warning.get_text(" ", strip=True)
    assert "factory reset" in text and "Microsoft Authenticator" in text and "SMS" in text


def test_link_to_step_2_targets_its_heading(guide):
    link = guide.find(id="step-1-before-you-begin").find_next("a", href="#step-2-power-on-the-new-device")
    assert link is not None and guide.find(id="step-2-power-on-the-new-device") is not None


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
