"""A reader who uses only the keyboard opens search with Tab, on a German page, from a web server.

Over HTTP the search index waits until the reader opens search (lazy-search.js) and a German
page asks for the German index (languages.js): two rules that the one wrapper of XMLHttpRequest
(overrides/assets/requests/requests.js) applies to Material's request, whatever the order of
the scripts that give them.
"""

from urllib.parse import urlsplit

GERMAN_HOME = "de/index.html"
TABS_AT_MOST = 60


def test_a_keyboard_reader_searches_a_german_page_in_german(new_visit, http_root):
    visit = new_visit(http_root)
    asked = []
    visit.page.on("request", lambda request: asked.append(request.url))
    page = visit.open(GERMAN_HOME)
    page.wait_for_load_state("networkidle")
    assert [url for url in asked if "search_index" in url] == []  # not before search opens

    field = page.locator("input[data-md-component=search-query]")
    for _ in range(TABS_AT_MOST):
        page.keyboard.press("Tab")
        if field.evaluate("field => field === document.activeElement"):
            break
    else:
        raise AssertionError(f"Tab never reached the search field in {TABS_AT_MOST} presses")
    page.locator(".md-search-result__meta", has_text="Suchbegriff eingeben").wait_for()
    page.keyboard.type("Anmeldunge")
    page.keyboard.press("n")
    hits = page.locator(".md-search-result__item a")
    hits.first.wait_for(timeout=10_000)
    found = [urlsplit(href).path for href in hits.evaluate_all("links => links.map(a => a.href)")]
    assert found and all("/de/" in path for path in found), found
    assert [url for url in asked if "search_index" in url] == [http_root + "de/search/search_index.json"]
    assert visit.outside_requests == [] and visit.console_errors == []
