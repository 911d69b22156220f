"""Absolute `hreflang` links, and an `x-default`, for search engines (Lighthouse SEO, issue 24).

mkdocs-static-i18n gives every page its alternates in `config.extra.alternate`, which Material
writes twice: as the language menu in the header and as `<link rel="alternate" hreflang>` in
<head>. Both are relative to the page (`de/migrate-iphone.html`), which the menu needs (it must
work from file:// and on any host), but search engines want absolute URLs. So only the <head>
links are rewritten, from the page's own absolute URL (`site_url` + the page's path), and the
source language's link is given again as `x-default`: the page for a reader whose language the
site doesn't have.
"""

import re
from urllib.parse import urljoin

from markupsafe import Markup

from macros.languages import SOURCE_LANGUAGE
from macros.organization.page_html import address_on_site

ALTERNATE = re.compile(r'<link rel="alternate" href="(?P<href>[^"]*)" hreflang="(?P<lang>[^"]*)">')


def absolute_alternates(head_html, page_url, site_url):
    """`head_html` (Material's site_meta block) with each hreflang link absolute, from the page
    at `page_url` (relative to the site root) of the site at `site_url`, plus an x-default link
    to the source language's page. Unchanged when the site has no URL."""
    base = address_on_site(site_url, page_url)
    if not base:
        return head_html
    source = []

    def absolute(match):
        href = urljoin(base, match.group("href"))
        if match.group("lang") == SOURCE_LANGUAGE:
            source.append(href)
        return f'<link rel="alternate" href="{href}" hreflang="{match.group("lang")}">'

    html = ALTERNATE.sub(absolute, str(head_html))
    if source:
        last = list(ALTERNATE.finditer(html))[-1]
        html = (html[:last.end()] + f'\n      <link rel="alternate" href="{source[0]}" '
                'hreflang="x-default">' + html[last.end():])
    return Markup(html)
