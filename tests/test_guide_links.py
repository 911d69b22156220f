"""The IT page "Link to this guide": every link opens, copies and scans as the same address, and
each outline is what its link shows; on the site of docs/ for both example organizations (its
guides found from their front matter), and on the reader-site scenario site, whose links are
written out here by hand."""

import posixpath
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from macros.organization.profile import load
from macros.situations import Registry
from support.content import front_matter, guides, html_path
from support.project import PROJECT
from support.qr import codes_in
from support.scenarios import OTHER_GUIDE
from support.seen import visible_steps

IT_PAGE = "it/link-to-this-guide.html"
GUIDES = {html_path(src): registry for src, registry in guides().items()}
TITLES = {html_path(src): front_matter()[src]["title"] for src in guides()}
# The reader site's second guide asks the old phone, then MFA; each organization's links, by hand
# (Fabrikam doesn't use mfa=none).
OTHER_GUIDE_SITUATIONS = {
    "contoso": [{"from": old, "mfa": mfa}
                for old in ("iphone", "android") for mfa in ("app", "sms", "none")],
    "fabrikam": [{"from": old, "mfa": mfa}
                 for old in ("iphone", "android") for mfa in ("app", "sms")],
}
# Company Portal's Website URL field takes at most this many characters.
WEBSITE_URL_LIMIT = 150


@pytest.fixture(params=["contoso", "fabrikam"])
def org(request):
    """(built site, its profile) for each example organization."""
    fixture = "site_dir" if request.param == "contoso" else "fabrikam_site_dir"
    site = request.getfixturevalue(fixture)
    return site, load(PROJECT / "profiles" / f"{request.param}.yml", Registry.load())


def section_links(site, guide):
    """(guide each link opens, its situation) for the links in the IT page's section of `guide`."""
    page = BeautifulSoup((site / IT_PAGE).read_text(encoding="utf-8"), "html.parser")
    heading = page.find(id=posixpath.splitext(guide)[0])
    assert heading is not None and heading.name == "h3", f"no section for {guide}"
    links = []
    for a in heading.find_next("div", class_="org-links").select("tbody th a"):
        parts = urlsplit(a["href"])
        opens = posixpath.normpath(posixpath.join(posixpath.dirname(IT_PAGE), parts.path))
        links.append((opens, dict(parse_qsl(parts.query))))
    return links


@pytest.mark.parametrize("guide", sorted(GUIDES))
def test_links_cover_every_possible_situation_of_the_organization(org, guide):
    site, profile = org
    registry = GUIDES[guide].restricted_to(profile.allowed, profile.default)
    links = section_links(site, guide)
    assert [opens for opens, _ in links] == [guide] * len(links)
    situations = [situation for _, situation in links]
    assert situations == [{}, *registry.possible_choices()]
    for situation in situations[1:]:
        assert all(situation[key] in profile.allowed.get(key, situation[key]) for key in situation)


@pytest.mark.parametrize("which", ["reader_site", "reader_site_fabrikam"])
def test_each_guide_has_its_section_with_the_situations_it_asks(request, which):
    site = request.getfixturevalue(which)
    organization = "fabrikam" if which.endswith("fabrikam") else "contoso"
    links = section_links(site, OTHER_GUIDE)
    assert [opens for opens, _ in links] == [OTHER_GUIDE] * len(links)
    assert [situation for _, situation in links] == [{}, *OTHER_GUIDE_SITUATIONS[organization]]


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
    return codes_in(element.screenshot())


def test_each_link_scans_and_reads_as_the_address_on_the_organization_site(it_page):
    page, profile = it_page
    page_on_org_site = urljoin(profile.site_url, IT_PAGE)
    for row in link_rows(page):
        href = row.locator("th a").get_attribute("href")
        to_paste = row.locator("pre code").inner_text().strip()
        assert to_paste == urljoin(page_on_org_site, href)
        assert to_paste.startswith(tuple(profile.site_url + guide for guide in GUIDES))
        assert len(to_paste) <= WEBSITE_URL_LIMIT
        assert decode_qr_code(row.locator("svg")) == [to_paste]


def test_situation_link_opens_the_guide_in_that_situation_from_disk(it_page):
    page, _ = it_page
    link = link_rows(page)[-1].locator("th a")
    situation = dict(parse_qsl(urlsplit(link.get_attribute("href")).query))
    guide = posixpath.normpath(posixpath.join(posixpath.dirname(IT_PAGE),
                                              urlsplit(link.get_attribute("href")).path))
    link.click()
    page.wait_for_url(lambda url: urlsplit(url).path.endswith("/" + guide))
    assert page.locator("h1").first.inner_text().startswith(TITLES[guide])
    picker = page.locator("form.situation-picker")
    for key, value in situation.items():
        assert picker.locator(f"input[name='{key}'][value='{value}']").is_checked()


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

    page.evaluate("document.body.append("
                  "Object.assign(document.createElement('textarea'), {id: 'paste'}))")
    page.locator("#paste").focus()
    page.keyboard.press("Control+V")
    assert page.locator("#paste").input_value() == row.locator("pre code").inner_text().strip()


# In one call per row rather than one per step and action: the IT page has dozens of rows.
READ_OUTLINE = """(row) => [...row.querySelectorAll('.guide-outline > ul > li')].map((step) => [
  step.firstChild.textContent.trim(),
  [...step.querySelectorAll('ol > li')].map(
    (action) => action.innerText.trim().split(/\\s+/).join(' ')),
])"""


def outline(row):
    """The outline under a situation link: [(step title, [action, ...]), ...] as shown."""
    return [(title, actions) for title, actions in row.evaluate(READ_OUTLINE)]


def test_each_outline_is_what_its_link_shows_in_the_browser(new_visit, org):
    """Open every situation link as a reader would and compare its visible steps."""
    site, _ = org
    it_page = new_visit(site.as_uri() + "/").open(IT_PAGE)
    guide = new_visit(site.as_uri() + "/").page
    # Every link that gives a situation (a query) has an outline; the "Everyone" links don't.
    every_row = link_rows(it_page)
    situation_rows = [row for row in every_row if "?" in row.locator("th a").get_attribute("href")]
    rows = [row for row in every_row if row.locator(".guide-outline").count()]
    assert situation_rows and len(rows) == len(situation_rows)
    assert any(outline(row) for row in rows), "every outline is empty"
    for row in rows:
        expected = outline(row)  # none: a situation the guide has no steps for
        guide.goto(urljoin(it_page.url, row.locator("th a").get_attribute("href")))
        shown = visible_steps(guide)
        assert [step["title"] for step in shown] == [title for title, _ in expected]
        for step, (_, actions) in zip(shown, expected):
            assert [number for number, _ in step["actions"]] == list(range(1, len(actions) + 1))
            assert len(step["actions"]) == len(actions)
            for (_, text), start in zip(step["actions"], actions):
                assert text.startswith(start), (guide.url, text, start)
