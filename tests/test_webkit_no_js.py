"""The guide in WebKit without JavaScript (the Chromium test's scenario, support/scenarios.py).

WebDriver has no switch for JavaScript; WebKitGTK's MiniBrowser has one for the page's own
scripts (--enable-javascript-markup=false), which leaves WebDriver's scripts working: so this
module has its own WebKit session.
"""

import pytest

from support import scenarios
from support.readers import WebKitReader

pytestmark = pytest.mark.xdist_group("webkit")


@pytest.mark.parametrize("where", ["file", "http"])
def test_without_javascript_every_section_shows_with_its_label(webkit_without_javascript,
                                                               reader_site, where, request):
    root = (reader_site.as_uri() + "/" if where == "file"
            else request.getfixturevalue("reader_http"))
    reader = WebKitReader(webkit_without_javascript, root)
    reader.open(scenarios.GUIDE)
    assert reader.run("() => typeof window.situationRegistry") == "undefined", (
        "the page's own scripts ran")
    scenarios.without_javascript_every_section_shows_with_its_label(reader)
