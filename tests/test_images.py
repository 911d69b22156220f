"""Images in pages as readers see them in Chromium (issue 21): alt text, the light or dark
variant of the reader's colour scheme, tap and keyboard zoom, lazy loading without layout shift,
from disk and from a server, with nothing requested outside the site.

On the `images` scenario site (tests/sites/images/); its words and files are the expectations
here. The build errors for images and videos are rows of macros/writer_mistakes.yml
(tests/test_build_errors.py).
"""

import shutil

import pytest

from support import axe
from support.browsers import wait_until_settled
from support.project import PROJECT, build_site
from support.servers import serve
from support.sites import shared_folder

SCENARIO = PROJECT / "tests" / "sites" / "images" / "docs"
SIGN_IN = "The sign-in screen, with the Next button at the bottom"
PHONE_SCREEN = "Company Portal's home screen, with six items and the Next button"
DIAGRAM = "Diagram: the old phone hands over to the new phone"
PHONE = {"width": 390, "height": 844}
VARIANTS = {"light": "images/sign-in-light.png#only-light", "dark": "images/sign-in-dark.png#only-dark"}
LOADED = "image => image.complete && image.naturalWidth > 0"


def build_images_site(folder):
    docs = folder / "docs"
    shutil.copytree(SCENARIO, docs)
    result = build_site(folder / "site", docs_dir=docs)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def images_site(request):
    return shared_folder(request, "site-images", build_images_site) / "site"


@pytest.fixture(scope="session")
def images_http_root(images_site):
    server, root = serve(images_site)
    yield root
    server.shutdown()


@pytest.fixture(params=["file", "http"])
def images_root(request, images_site):
    if request.param == "file":
        return images_site.as_uri() + "/"
    return request.getfixturevalue("images_http_root")


def requested_images(visit):
    return [url.rsplit("/", 1)[-1] for url in visit.requests if "/images/" in url]


def open_page(new_visit, root, path="index.html", **context):
    visit = new_visit(root, **context)
    visit.requests = []
    visit.page.on("request", lambda request: visit.requests.append(request.url))
    visit.open(path)
    return visit


def stays_inside_the_site(visit):
    assert visit.outside_requests == []
    assert visit.console_errors == []  # a script or image the Content-Security-Policy blocked too


def test_each_image_shows_with_its_alt_text(new_visit, images_root):
    visit = open_page(new_visit, images_root, viewport=PHONE)
    page = visit.page
    for alt in (SIGN_IN, PHONE_SCREEN, DIAGRAM):
        image = page.get_by_role("img", name=alt, exact=True)
        assert image.count() == 1, f"{alt!r}: one image readers see, not {image.count()}"
        image.scroll_into_view_if_needed()
        page.wait_for_function(LOADED, arg=image.element_handle())
        box = image.bounding_box()
        assert box["width"] > 100 and box["height"] > 50, alt
    stays_inside_the_site(visit)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_readers_see_and_download_the_variant_of_their_colour_scheme(new_visit, images_http_root,
                                                                     scheme):
    """On a reader's first visit Material learns the scheme only once its script has run (the
    first paint is light); from then on it applies it before the page is laid out."""
    other = {"light": "dark", "dark": "light"}[scheme]
    visit = open_page(new_visit, images_http_root, color_scheme=scheme)
    page = visit.page
    page.wait_for_load_state("networkidle")
    visit.requests.clear()
    page.reload()
    shown = page.get_by_role("img", name=SIGN_IN, exact=True)
    page.wait_for_function(LOADED, arg=shown.element_handle())
    assert shown.get_attribute("src") == VARIANTS[scheme]
    assert not page.locator(f'img[src="{VARIANTS[other]}"]').is_visible()
    page.wait_for_load_state("networkidle")
    file_name = VARIANTS[other].split("/")[1].split("#")[0]
    assert file_name not in requested_images(visit), "lazy: the hidden variant is not downloaded"

    # The keyboard stops at the shown variant's link only.
    stops = []
    for _ in range(30):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.getAttribute('href') || ''"))
    assert VARIANTS[scheme] in stops and VARIANTS[other] not in stops

    page.locator(f"label[title='Switch to {other} mode']").click()
    switched = page.get_by_role("img", name=SIGN_IN, exact=True)
    assert switched.get_attribute("src") == VARIANTS[other]
    page.wait_for_function(LOADED, arg=switched.element_handle())
    stays_inside_the_site(visit)


def test_a_tap_opens_the_image_full_screen_and_another_tap_closes_it(new_visit, images_root):
    visit = open_page(new_visit, images_root, viewport=PHONE, is_mobile=True, has_touch=True)
    page = visit.page
    thumbnail = page.get_by_role("img", name=PHONE_SCREEN, exact=True)
    thumbnail.scroll_into_view_if_needed()
    page.wait_for_function(LOADED, arg=thumbnail.element_handle())
    small = thumbnail.bounding_box()

    thumbnail.tap()
    dialog = page.get_by_role("dialog", name=PHONE_SCREEN)
    dialog.wait_for()
    large = dialog.locator("img")
    page.wait_for_function(LOADED, arg=large.element_handle())
    zoomed = large.bounding_box()
    assert zoomed["width"] * zoomed["height"] > 1.3 * small["width"] * small["height"]
    assert large.evaluate("image => image.naturalWidth") == 585  # the file itself, not a copy
    assert dialog.get_by_text(PHONE_SCREEN).is_visible()  # the alt text as its caption

    dialog.tap()
    expect_closed(page)
    stays_inside_the_site(visit)


def expect_closed(page):
    page.wait_for_function("!document.querySelector('dialog[open]')")
    assert page.locator(".image-zoom-dialog").is_hidden()


def tab_to(page, href):
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == href:
            return page.locator("*:focus")
    raise AssertionError(f"Tab never reached the link to {href}")


def test_the_keyboard_opens_the_zoom_and_escape_or_close_shuts_it(new_visit, images_root):
    visit = open_page(new_visit, images_root, viewport={"width": 1024, "height": 600})
    page = visit.page
    link = tab_to(page, VARIANTS["light"])
    assert link.get_attribute("aria-haspopup") == "dialog"

    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=SIGN_IN)
    dialog.wait_for()
    assert page.evaluate("document.activeElement.textContent") == "Close"
    page.keyboard.press("Escape")
    expect_closed(page)
    assert page.evaluate("document.activeElement.getAttribute('href')") == VARIANTS["light"]

    page.keyboard.press("Enter")
    dialog.wait_for()
    page.keyboard.press("Enter")  # on Close
    expect_closed(page)
    assert page.evaluate("document.activeElement.getAttribute('href')") == VARIANTS["light"]

    # The phone screenshot, full size, is taller than the window: the arrow keys scroll it.
    tab_to(page, "images/phone-screen.png")
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=PHONE_SCREEN)
    dialog.wait_for()
    page.wait_for_function(LOADED, arg=dialog.locator("img").element_handle())
    for _ in range(5):
        page.keyboard.press("ArrowDown")
    page.wait_for_function("dialog => dialog.scrollTop > 0", arg=dialog.element_handle())
    stays_inside_the_site(visit)


def test_the_close_button_speaks_the_pages_language(new_visit, images_http_root):
    page = open_page(new_visit, images_http_root, "de/index.html").page
    page.get_by_role("img", name=SIGN_IN, exact=True).click()
    assert page.get_by_role("dialog", name=SIGN_IN).get_by_role("button").inner_text() == "Schließen"


def test_without_javascript_the_image_link_opens_the_file(new_visit, images_root):
    page = open_page(new_visit, images_root, java_script_enabled=False).page
    page.get_by_role("img", name=SIGN_IN, exact=True).click()
    page.wait_for_url("**/images/sign-in-light.png*")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_with_the_zoom_closed_or_open(new_visit, images_http_root, scheme):
    page = open_page(new_visit, images_http_root, color_scheme=scheme).page
    for state in ("closed", "open"):
        if state == "open":
            page.get_by_role("img", name=PHONE_SCREEN, exact=True).click()
            page.get_by_role("dialog", name=PHONE_SCREEN).wait_for()
        wait_until_settled(page)
        assert axe.violations(page) == "", state


# Every layout shift of the page's content from the first paint on (Material's header moves its
# language button once its search button is set up: not an image's doing).
RECORD_SHIFTS = """window.layoutShifts = [];
new PerformanceObserver((list) => list.getEntries().forEach((entry) => {
  const moved = entry.sources.filter((source) =>
    source.node && source.node.closest && source.node.closest(".md-content"));
  if (moved.length) window.layoutShifts.push([entry.value, moved.map((s) => s.node.outerHTML)]);
})).observe({type: "layout-shift", buffered: true});"""


def test_nothing_moves_as_the_images_load_while_the_reader_scrolls(new_visit, images_http_root):
    visit = new_visit(images_http_root, viewport=PHONE, is_mobile=True, has_touch=True)
    visit.page.add_init_script(RECORD_SHIFTS)
    page = visit.open("index.html")
    height = page.evaluate("document.documentElement.scrollHeight")
    for top in range(0, height, PHONE["height"] // 2):
        page.evaluate(f"window.scrollTo(0, {top})")
        page.wait_for_timeout(100)
    for image in page.locator("article img:visible").all():
        page.wait_for_function(LOADED, arg=image.element_handle())
    page.wait_for_timeout(200)
    assert page.evaluate("window.layoutShifts") == []
