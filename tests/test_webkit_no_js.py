"""The guide in WebKit without JavaScript (the Chromium test's scenario, scenarios.py).

WebDriver has no switch for JavaScript; WebKitGTK's MiniBrowser has one for the page's own
scripts (--enable-javascript-markup=false), which leaves WebDriver's scripts working: so this
module has its own WebKit session.
"""

import pytest

import scenarios
from readers import WebKitReader, start_webkit

pytestmark = pytest.mark.xdist_group("webkit")


@pytest.fixture(scope="module")
def webkit_without_javascript(xvfb_display):
    driver = start_webkit(xvfb_display, "--enable-javascript-markup=false")
    yield driver
    driver.quit()


@pytest.mark.parametrize("where", ["file", "http"])
def test_without_javascript_every_section_shows_with_its_label(webkit_without_javascript,
                                                               site_dir, where, request):
    root = (site_dir.as_uri() + "/" if where == "file"
            else request.getfixturevalue("http_root"))
    reader = WebKitReader(webkit_without_javascript, root)
    reader.open(scenarios.GUIDE)
    assert reader.run("() => typeof window.situationRegistry") == "undefined", (
        "the page's own scripts ran")
    scenarios.without_javascript_every_section_shows_with_its_label(reader)
