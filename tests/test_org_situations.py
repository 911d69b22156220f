"""An organization's situations: its picker offers only its values, and its guide leaves out
what applies to none of them (Fabrikam: MFA app or SMS; transfer from iCloud or none), on the
reader-site scenario site built with Fabrikam's profile."""

import json
import re

import pytest
from bs4 import BeautifulSoup

from macros.situations import Registry
from support.scenarios import GUIDE

FABRIKAM = {"mfa": ("app", "sms"), "transfer": ("icloud", "none")}
FABRIKAM_DEFAULT = {"mfa": "app", "transfer": "none", "from": "iphone"}


@pytest.fixture(scope="module")
def fabrikam_guide(reader_site_fabrikam):
    html = (reader_site_fabrikam / GUIDE).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def test_restricted_registry_keeps_the_organization_values_and_default():
    registry = Registry.load().restricted_to(FABRIKAM, FABRIKAM_DEFAULT)
    values = {d.key: tuple(v.key for v in d.values) for d in registry.dimensions}
    assert values == {**FABRIKAM, "from": ("iphone", "android")}
    assert registry.default == FABRIKAM_DEFAULT
    # Android with iCloud can still be asked for; Android with a phone transfer cannot.
    kept_rules = [rule.when for rule in registry.impossible]
    assert kept_rules == [{"from": "android", "transfer": "icloud"}]


@pytest.mark.parametrize("condition, narrowed", [
    ({"mfa": ("none",)}, None),                       # for nobody here: left out
    ({"mfa": ("app", "sms")}, {}),                     # for everybody here: no label
    ({"mfa": ("app", "none")}, {"mfa": ("app",)}),
    ({"mfa": ("app",), "transfer": ("phone",)}, None),
    ({"from": ("iphone",), "transfer": ("icloud", "phone")},
     {"from": ("iphone",), "transfer": ("icloud",)}),
])
def test_a_condition_narrows_to_the_organization_values(condition, narrowed):
    registry = Registry.load().restricted_to(FABRIKAM, FABRIKAM_DEFAULT)
    assert registry.narrow(condition) == narrowed


def test_picker_offers_only_the_organization_values(fabrikam_guide):
    radios = fabrikam_guide.select("form.situation-picker input[type=radio]")
    offered = {}
    for radio in radios:
        offered.setdefault(radio["name"], []).append(radio["value"])
    assert offered == {"mfa": ["app", "sms"], "transfer": ["icloud", "none"],
                       "from": ["iphone", "android"]}


def test_browser_gets_the_organization_values_and_default(fabrikam_guide):
    script = fabrikam_guide.find("script", string=re.compile("situationRegistry"))
    registry = json.loads(re.search(r"situationRegistry = (.*);", script.string).group(1))
    assert {d["key"]: sorted(d["values"]) for d in registry["dimensions"]} == {
        "mfa": ["app", "sms"], "transfer": ["icloud", "none"], "from": ["android", "iphone"]}
    assert registry["default"] == FABRIKAM_DEFAULT


def test_content_for_values_the_organization_does_not_use_is_left_out(fabrikam_guide):
    article = fabrikam_guide.select_one("article")
    for key, kept in FABRIKAM.items():
        for section in article.select(f".situation[data-{key}]"):
            assert set(section[f"data-{key}"].split()) <= set(kept), section.get_text()[:80]
    text = article.get_text(" ")
    assert "Register the new phone for MFA" not in text        # mfa: none
    assert "Transfer from the old phone" not in text           # transfer: phone
    assert "Either phone can take the text" in text            # mfa: sms stays


def test_content_for_every_value_of_the_organization_has_no_label(fabrikam_guide):
    heading = fabrikam_guide.find(id="sign-in-with-the-old-phone")  # only for mfa: app or sms
    assert heading is not None and heading.find_parent(class_="situation") is None
