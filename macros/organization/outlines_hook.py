"""MkDocs hook: fills in the outlines under the IT page's situation links
(macros/situations/outline.py).

The IT page's macros run on Markdown, before any guide is HTML, so they leave an empty
placeholder per situation link (pages.outline_placeholder). MkDocs turns every page's
Markdown into HTML before it renders any page's template, so by the IT page's on_page_context
every guide's HTML is here to read the outline from.
"""

import html
import re
from urllib.parse import parse_qsl

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from macros import languages
from macros.organization import pages as org_pages
from macros.situations import outline as guide_outline
from macros.situations.pages import THEME_KEY

PLACEHOLDER = re.compile(
    r'<div class="{}" data-guide="(?P<guide>[^"]*)" data-choice="(?P<choice>[^"]*)"></div>'
    .format(org_pages.OUTLINE_CLASS))

content_by_page = {}


def on_pre_build(config):
    content_by_page.clear()


def on_page_content(html_content, page, config, files):
    # With the language it is written in (its step headings say "Step" or "Schritt") and the
    # questions it asks, in order.
    asked = (page.meta.get(THEME_KEY) or {}).get("dimensions", [])
    content_by_page[page.file.src_uri] = (html_content, languages.content_language(page, config),
                                          [dimension["key"] for dimension in asked])


def on_page_context(context, page, config, nav):
    if page.content and org_pages.OUTLINE_CLASS in page.content:
        page.content = PLACEHOLDER.sub(lambda m: filled(m, page, config), page.content)
    return context


def filled(match, page, config):
    guide = html.unescape(match.group("guide"))
    if guide not in content_by_page:
        raise PluginError(f"{page.file.src_uri}: no guide {guide!r} to outline the links of.")
    choice = dict(parse_qsl(html.unescape(match.group("choice"))))
    guide_html, guide_language, dimensions = content_by_page[guide]
    steps = guide_outline.outline(guide_html, choice, guide_language, dimensions)
    return str(org_pages.outline_html(steps, languages.content_language(page, config)))
