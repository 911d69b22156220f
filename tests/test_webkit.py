"""The guide in WebKit, the engine of every browser on an iPhone: WebKitGTK's MiniBrowser driven
by Selenium through Debian's WebKitWebDriver, on an Xvfb screen.

The scenarios and their cases are the Chromium tests' own (support/scenarios.py); only the driver
differs (support/readers.py). One WebKit session (conftest.webkit) serves every WebKit test of a worker,
and this module runs on one pytest-xdist worker. Without JavaScript: test_webkit_no_js.py, in a
second session (WebDriver has no switch for it; MiniBrowser's --enable-javascript-markup=false
turns off the page's own scripts and leaves WebDriver's working).

Chromium and WebKit compared (WebKitGTK 2.50), each pinned by the test named:
- Same: hidden="until-found" and `beforematch` (a search result or a text fragment reveals a
  hidden part: test_search_result_in_a_hidden_section_reveals_it,
  test_text_fragment_reveals_a_hidden_part); localStorage and history.replaceState on file://
  (the [file] runs of the choice tests); Material's search on file:// through the iframe-worker
  shim (test_search_for_company_portal_finds_the_guide[file]); `:has()` (greyed-out answers:
  test_impossible_answers_are_greyed_out); content-visibility (every path table).
- Same, and easy to get wrong: in both, checkVisibility() is true for an element that is itself
  hidden="until-found" (it keeps its box; only its content is skipped), so "shown" in
  scenarios.py also requires that the element's own content-visibility is not hidden.
- Different: Tab in the search field. Material closes search and blurs the field; Chromium's
  next Tab goes on into the page, WebKit's starts again at the top of the page
  (test_tab_from_the_search_field_starts_again_at_the_top; Chromium's in test_situations.py).
  Keyboard readers get into the guide in both through "Skip to content"
  (test_keyboard_alone_from_the_skip_link_changes_the_situation).

Progress ticks (issue 16) are kept across a reload in both, on file:// and HTTP
(test_ticks_survive_a_reload; Chromium's in test_progress.py).
"""

from urllib.parse import parse_qsl, urlsplit

import pytest

from support import axe, scenarios
from support.qr import codes_in
from support.readers import WebKitReader
from support.scenarios import GUIDE, assert_path, case_id, path_cases, query
from support.seen import READ_GUIDE

pytestmark = pytest.mark.xdist_group("webkit")


@pytest.fixture
def over_http(webkit, reader_http):
    return WebKitReader(webkit, reader_http)


@pytest.fixture(params=["file", "http"])
def reader(request, webkit, reader_site):
    """WebKit reading the reader site from a copy on disk (file://) and from a web server."""
    if request.param == "file":
        return WebKitReader(webkit, reader_site.as_uri() + "/")
    return WebKitReader(webkit, request.getfixturevalue("reader_http"))


# Every guide of the reader site in every possible situation, against its expected paths: the
# same cases and checks as in Chromium (support/scenarios.py).
@pytest.mark.parametrize("case", path_cases(every_guide=True), ids=case_id)
def test_each_situation_shows_exactly_its_steps(over_http, case):
    guide, choice = case
    over_http.open(f"{guide}?{query(choice)}")
    assert_path(over_http.run(READ_GUIDE), choice, guide)


def test_an_answer_carries_to_every_guide_that_asks_it(webkit, guides_root):
    """Across guides: the many-guides scenario site, whose guides share more questions."""
    scenarios.answer_carries_to_every_guide_that_asks_it(WebKitReader(webkit, guides_root))


def test_deep_link_selects_its_radios(reader):
    scenarios.deep_link_selects_its_radios(reader)


def test_choice_follows_into_the_url_and_survives_a_reload(reader):
    scenarios.choice_follows_into_the_url_and_survives_a_reload(reader)


def test_choice_is_remembered_across_guides(reader, reader_guides):
    scenarios.choice_is_remembered_across_pages(reader, reader_guides)


def test_ticks_survive_a_reload(reader):
    scenarios.ticks_survive_a_reload(reader)


def test_impossible_answers_are_greyed_out(over_http):
    scenarios.impossible_answers_are_greyed_out(over_http)


def test_text_fragment_reveals_a_hidden_part(reader):
    scenarios.text_fragment_reveals_a_hidden_part(reader)


def test_search_for_company_portal_finds_the_guide(reader):
    """On file:// Material's search runs through the iframe-worker shim."""
    hit = scenarios.search_finds(reader, "index.html", "Company Portal", GUIDE)
    assert hit.startswith(reader.root + GUIDE), hit


def test_search_result_in_a_hidden_section_reveals_it(reader):
    scenarios.search_result_reveals_a_hidden_part(reader)


@pytest.mark.parametrize("situation", ["mfa=app&transfer=icloud&from=iphone",
                                       "mfa=none&transfer=none&from=android", "show=all"])
def test_axe_finds_nothing(over_http, situation):
    over_http.open(f"{GUIDE}?{situation}")
    assert axe.violations_in_reader(over_http) == ""


PALETTE_SWITCH = "[data-md-component=palette] label:not([hidden])"
SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"


def test_axe_finds_nothing_in_dark_colours(over_http):
    """The reader's own switch to dark colours (Material remembers it: switched back after)."""
    over_http.open(f"{GUIDE}?mfa=sms&transfer=phone&from=iphone")
    assert over_http.run(SCHEME) == "default"
    over_http.click(PALETTE_SWITCH)
    try:
        over_http.wait(f"() => ({SCHEME})() === 'slate'")
        assert axe.violations_in_reader(over_http) == ""
    finally:
        over_http.click(PALETTE_SWITCH)
        over_http.wait(f"() => ({SCHEME})() === 'default'")


def test_keyboard_alone_from_the_skip_link_changes_the_situation(over_http):
    scenarios.keyboard_alone_can_change_the_situation(over_http)


def test_tab_from_the_search_field_starts_again_at_the_top(over_http):
    """Difference: on Tab in the search field Material closes search and blurs the field. Chromium
    goes on from the blurred field into the page; WebKit starts again at the top, so Tab alone
    cycles through the header (skip link, logo, colour switch, language menu, search). The way
    into the page in WebKit is "Skip to content" (test above), which every page has."""
    over_http.open(GUIDE)
    scenarios.tab_until(over_http, lambda focused: focused["name"] == "query", presses=8)
    over_http.press("Tab")
    assert over_http.run(scenarios.FOCUSED)["text"] == "Skip to content"


CODE_LOADED = """() => { const code = document.querySelector('.handover__code');
  return Boolean(code && code.complete && code.naturalWidth > 0); }"""


def test_continue_on_another_device_shows_its_one_code(over_http):
    """A situation's QR codes are one file, each code one of its SVG views
    (macros/handover/qr_codes.py): WebKit shows the reader's code alone, and it scans."""
    situation = "mfa=none&transfer=none&from=android"
    over_http.open(f"{GUIDE}?{situation}")
    over_http.click(".handover__toggle")
    over_http.wait(CODE_LOADED)
    over_http.run("() => document.querySelector('.handover__code').scrollIntoView({block: 'center'})")
    # The whole window: WebKitGTK's screenshots of one element come out black here.
    scanned = codes_in(over_http.driver.get_screenshot_as_png())
    assert len(scanned) == 1, f"{len(scanned)} codes on screen"
    assert dict(parse_qsl(urlsplit(scanned[0]).query)) == dict(parse_qsl(situation))
