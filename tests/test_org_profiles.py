"""Organization profiles: a bad one stops the build saying where and what; a good one shows up
on the pages, as text, with its contacts as links."""

import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.organization.profile import ProfileError, load
from macros.situations import Registry
from support.project import PROJECT, build_site, run_make
from support.scenarios import GUIDE

BAD_PROFILES = Path(__file__).parent / "profiles"

# profile -> (line, what the message must say: key, what is wrong, what was expected, the hint)
MISTAKES = {
    "unknown-key.yml": (5, "support.phon: unknown key", "contact_name, phone, email",
                        "did you mean 'phone'?"),
    "missing-name.yml": (1, "name: missing", "your organization's name", "profiles/contoso.yml"),
    "malformed-email.yml": (4, "support.email: 'servicedesk at contoso.com'",
                            "an email address such as", "profiles/contoso.yml"),
    "malformed-url.yml": (2, "site_url: 'help.contoso.com/work-phone'", "the https:// address",
                          "profiles/contoso.yml"),
    "value-outside-registry.yml": (4, "situations.mfa[1]: 'text' is not allowed",
                                   "one of app, sms, none", "check the spelling"),
    "default-not-allowed.yml": (3, "situations.default.mfa: 'app' is not one of this "
                                "organization's 'mfa' values", "one of sms",
                                "add 'app' to situations.mfa"),
    "default-impossible.yml": (4, "situations.default:", "An Android phone has no iCloud backup",
                               "use transfer: none"),
    "impossible-without-way-out.yml": (4, "situations.transfer: Authenticator app · transfer from "
                                    "iCloud · old Android phone can't happen (An Android phone "
                                    "has no iCloud backup", "include 'none'",
                                    "add 'none' to situations.transfer"),
    "too-long.yml": (4, "support.contact_name:", "is 56 characters long", "at most 40 characters"),
    "phone-as-number.yml": (4, "support.phone: 4255550100 is a number", "a phone number",
                            "double quotes"),
    "missing-logo.yml": (3, "logo: no file", "an SVG or PNG file", "next to the profile"),
    "not-yaml.yml": (3, "not valid YAML", "", "quote values"),
    # Support texts per language (en, de): a language the site doesn't have, and no English one
    # to fall back on.
    "unknown-language.yml": (6, "support.hours.fr: unknown key", "Expected one of: en, de",
                             "the site's language codes (en, de)"),
    "language-without-english.yml": (4, "support.contact_name.en: missing",
                                     "who employees reach for support",
                                     "needs its English one (en: ...)"),
}


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_bad_profile_is_refused_naming_file_line_key_and_hint(name):
    line, *fragments = MISTAKES[name]
    with pytest.raises(ProfileError) as refused:
        load(BAD_PROFILES / name, Registry.load())
    message = str(refused.value)
    assert message.startswith(f"{BAD_PROFILES / name}:{line}: "), message
    assert all(fragment in message for fragment in fragments), message


def test_every_bad_profile_here_is_covered():
    assert sorted(p.name for p in BAD_PROFILES.glob("*.yml")) == sorted(MISTAKES)


SHIPPED_PROFILES = sorted(p for p in (PROJECT / "profiles").glob("*.yml") if p.name != "schema.yml")


@pytest.mark.parametrize("profile", SHIPPED_PROFILES, ids=lambda p: p.name)
def test_shipped_profiles_are_valid(profile):
    assert load(profile, Registry.load()).name


@pytest.mark.slow
def test_bad_profile_stops_make_site_and_keeps_the_previous_site(site_dir, tmp_path):
    previous = tmp_path / "site"
    shutil.copytree(site_dir, previous)
    before = sorted((p.relative_to(previous), p.read_bytes()) for p in previous.rglob("*")
                    if p.is_file())

    result = run_make("site", f"SITE_DIR={previous}", f"ORG={BAD_PROFILES / 'unknown-key.yml'}")

    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{BAD_PROFILES / 'unknown-key.yml'}:5: support.phon: unknown key" in output
    after = sorted((p.relative_to(previous), p.read_bytes()) for p in previous.rglob("*")
                   if p.is_file())
    assert after == before
    shown = Path(os.path.realpath(previous))  # nothing left over (macros/site_swap.py)
    assert [p for p in (previous.parent / ".site-builds").iterdir() if p.name != ".lock" and p != shown] == []


def article(site, page):
    html = (site / page).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article")


def words(element):
    """An element's text as a reader sees it: words separated by single spaces."""
    return " ".join(element.get_text(" ").split())


def test_still_need_help_lists_the_contacts_as_links(reader_site):
    section = article(reader_site, GUIDE).select_one(".org-support")
    links = {a.get_text(): a["href"] for a in section.find_all("a")}
    assert links == {
        "+1 425 555 0100": "tel:+14255550100",
        "servicedesk@contoso.com": "mailto:servicedesk@contoso.com",
        "Contoso Service Desk": "https://servicedesk.contoso.com/",
        "Company Portal website": "https://go.microsoft.com/fwlink/?linkid=2010980",
    }
    text = words(section)
    assert "Contoso IT Service Desk" in text and "Pacific Time" in text
    assert "Settings > General > About" in text
    assert "You also find these contact details in the Company Portal app" in text


def test_empty_support_fields_fall_back_to_the_company_portal(reader_site_fabrikam):
    section = article(reader_site_fabrikam, GUIDE).select_one(".org-support")
    links = {a.get_text(): a["href"] for a in section.find_all("a")}
    assert links == {"+44 20 7946 0000": "tel:+442079460000",
                     "Company Portal website": "https://portal.manage.microsoft.com/"}
    assert "Email" not in words(section)
    assert "other contact details, sign in to the Company Portal website" in words(section)


@pytest.mark.slow
def test_no_support_fields_keep_the_guide_wording(tmp_path):
    profile = tmp_path / "profile.yml"
    profile.write_text("name: Contoso\nsite_url: https://help.contoso.com/\n", encoding="utf-8")
    docs = PROJECT / "tests" / "sites" / "org-values" / "docs"
    result = build_site(tmp_path / "site", docs_dir=docs, env={"HELP_ORG_PROFILE": str(profile)})
    assert result.returncode == 0, result.stderr
    section = article(tmp_path / "site", "index.html").select_one(".org-support")
    assert words(section) == (
        "Get in touch with your IT support person. To find your organization's contact details, "
        "sign in to the Company Portal website or the Company Portal app.")
    assert section.a["href"] == "https://go.microsoft.com/fwlink/?linkid=2010980"


@pytest.mark.slow
def test_profile_colour_and_logo_brand_the_site(fabrikam_site_dir):
    html = (fabrikam_site_dir / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    assert page.body["data-md-color-primary"] == "deep-purple"
    logo = page.select_one(".md-header .md-logo img")
    assert logo["src"].startswith("data:image/svg+xml;base64,")
