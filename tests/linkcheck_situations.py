"""LinkChecker plugin for `make linkcheck`: a link that opens a guide in a situation
(`enroll.html?owner=employee&protect=apps`) must give a situation that guide can show.

The browser quietly falls back to a default for a value it doesn't know, and LinkChecker drops
the query of a `file:` URL before it checks it, so a misspelled value would pass. This plugin
reads each page's links itself: for every link with a query to a page of the site, it reads the
registry that page gives the browser (`var situationRegistry = …`) and checks the query with
the build's rules (macros/situations/link_queries.py): known questions and values (the nearest
one suggested), a question asked only after another answer given with that answer, no
combination nobody can be in; a situation given to a page that asks no questions is reported
too. It reads the site from disk (`file:` URLs, as `make linkcheck` does). Loaded by
tests/linkcheck_site.py, enabled by `[SituationQueryCheck]` in tests/linkcheckerrc.
"""

import json
import re
import threading
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit

from linkcheck.htmlutil import linkparse
from linkcheck.plugins import _ContentPlugin

from macros.situations.link_queries import OTHER_KEYS, problems

REGISTRY = re.compile(r"var situationRegistry = (\{.*?\});</script>", re.S)


def registry_in(path):
    """The registry a built page gives the browser, or None (a page that asks nothing)."""
    try:
        found = REGISTRY.search(Path(path).read_text(encoding="utf-8"))
    except OSError:
        return None
    return json.loads(found.group(1)) if found else None


class SituationQueryCheck(_ContentPlugin):
    """Checks the situation each link of a page gives to the page it opens."""

    def __init__(self, config):
        super().__init__(config)
        self.pages_seen = set()
        self.lock = threading.Lock()

    def applies_to(self, url_data, **kwargs):
        return url_data.is_html() and url_data.url.startswith("file:")

    def check(self, url_data):
        page = unquote(urlsplit(url_data.url).path)
        with self.lock:  # a page reached by several links (anchors) is read once
            if page in self.pages_seen:
                return
            self.pages_seen.add(page)
        links = []
        linkparse.find_links(url_data.get_soup(), lambda url, line, *rest, **more: links.append(
            (url, line)), linkparse.LinkTags)
        for href, line in links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.query:
                continue
            target = unquote(urlsplit(urljoin(url_data.url, parts.path or page)).path)
            for problem in self.problems(parts.query, target):
                url_data.add_warning(f"line {line}: the link '{href}' gives a situation its "
                                     f"page can't show: {problem}")

    def problems(self, query, target):
        guide = registry_in(target)
        if guide is None:
            keys = [key for key, _ in parse_qsl(query) if key not in OTHER_KEYS]
            return [f"the page asks no questions, so '{keys[0]}' does nothing there."] if keys else []
        return problems(query, guide)
