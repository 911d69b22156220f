"""The IT page "Link to this guide": every link opens, copies and scans as the same address."""

import io
from urllib.parse import urljoin

import pytest
import zxingcpp
from PIL import Image

from conftest import PROJECT
from macros.org_profile import load
from macros.situations import Registry

IT_PAGE = "it/link-to-this-guide.html"
GUIDE = "migrate-iphone.html"
# Company Portal's Website URL field takes at most this many characters.
WEBSITE_URL_LIMIT = 150


@pytest.fixture(params=["contoso", "fabrikam"])
def org(request):
    """(built site, its profile) for each example organization."""
    site = request.getfixturevalue("site_dir" if request.param == "contoso" else "fabrikam_site_dir")
    return site, load(PROJECT / "profiles" / f"{request.param}.yml", Registry.load())


@pytest.fixture
def it_page(new_visit, org):
    site, profile = org
    visit = new_visit(site.as_uri() + "/", device_scale_factor=2)
    return visit.open(IT_PAGE), profile


def link_rows(page):
    rows = page.locator(".org-links tbody tr")
    rows.first.wait_for()
    return [rows.nth(i) for i in range(rows.count())]


def decode_qr_code(element):
    """What a phone camera reads from the QR code as Chromium draws it."""
    picture = Image.open(io.BytesIO(element.screenshot()))
    return [code.text for code in zxingcpp.read_barcodes(picture)]


def test_each_link_scans_and_reads_as_the_address_on_the_organization_site(it_page):
    page, profile = it_page
    page_on_org_site = urljoin(profile.site_url, IT_PAGE)
    for row in link_rows(page):
        href = row.locator("th a").get_attribute("href")
        to_paste = row.locator("pre code").inner_text().strip()
        assert to_paste == urljoin(page_on_org_site, href)
        assert to_paste.startswith(profile.site_url + GUIDE)
        assert len(to_paste) <= WEBSITE_URL_LIMIT
        assert decode_qr_code(row.locator("svg")) == [to_paste]


def test_link_opens_the_guide_from_disk(it_page):
    page, _ = it_page
    link = link_rows(page)[-1].locator("th a")
    expected = urljoin(page.url, link.get_attribute("href"))
    link.click()
    page.wait_for_url(expected)
    assert page.locator("h1").first.inner_text().startswith("Migrate to a new iPhone for work")


def test_copy_button_puts_the_link_on_the_clipboard_from_the_keyboard(it_page):
    page, _ = it_page
    row = link_rows(page)[0]
    copy_button = row.get_by_role("button", name="Copy to clipboard")
    copy_button.wait_for()
    for _ in range(100):
        page.keyboard.press("Tab")
        if copy_button.evaluate("button => button === document.activeElement"):
            break
    else:
        pytest.fail("the copy button cannot be reached with the Tab key")
    page.keyboard.press("Enter")
    page.get_by_text("Copied to clipboard").wait_for()

    page.evaluate("document.body.append(Object.assign(document.createElement('textarea'), {id: 'paste'}))")
    page.locator("#paste").focus()
    page.keyboard.press("Control+V")
    assert page.locator("#paste").input_value() == row.locator("pre code").inner_text().strip()
