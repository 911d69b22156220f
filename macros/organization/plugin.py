"""`help-organization`: fills in the outlines under the IT page's situation links
(macros/situations/outline.py), and gives the guides "Continue on another device" and "Stuck
here?" (macros/handover/): the templates get `handover_attributes(page)` (the profile's support
contacts and the page's address, for handover.js) and `support_email`; after each guide page is
written, its QR codes are written beside it.

The IT page's macros run on Markdown, before any guide is HTML, so they leave an empty
placeholder per situation link (page_html.outline_placeholder). MkDocs turns every page's
Markdown into HTML before it renders any page's template, so by the IT page's on_page_context
every guide's HTML is here to read the outline from.
"""

import html
import logging
import re
from pathlib import Path
from urllib.parse import parse_qsl

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from macros import languages
from macros.handover import qr_codes, script_data
from macros.organization import page_html
from macros.organization.config import OrganizationConfig
from macros.organization.profile_macros import load_profile
from macros.situations import Registry
from macros.situations import outline as guide_outline
from macros.situations.page_guides import THEME_KEY

PLACEHOLDER = re.compile(
    r'<div class="{}" data-guide="(?P<guide>[^"]*)" data-choice="(?P<choice>[^"]*)"></div>'
    .format(page_html.OUTLINE_CLASS))
log = logging.getLogger("mkdocs.plugins.help_organization")


class OrganizationPlugin(BasePlugin[OrganizationConfig]):
    def __init__(self):
        super().__init__()
        # {src_uri: (its HTML, the language it is written in, the keys of the questions it asks)}
        # of the build in progress.
        self.content_by_page = {}

    def on_pre_build(self, config):
        self.content_by_page = {}

    def on_env(self, env, config, files):
        language = languages.build_language(config)
        support = script_data.support_fields(load_profile(config, Registry.load()), language)
        release = (config.extra.get("release") or {}).get("title", "")
        env.globals["handover_attributes"] = lambda page: script_data.script_attributes(
            page, support, config.site_url, release, language)
        env.globals["support_email"] = support.get("email", "")
        return env

    def on_post_page(self, output, page, config):
        registry = page.meta.get(THEME_KEY)
        page_url = page_html.address_on_site(config.site_url, page.url)
        if registry and page_url:
            # The Steps from the article alone (page.content): the page's navigation around it
            # is as long as the site (at 1000 guides, reading it was most of a warm build).
            count = qr_codes.write_codes(Path(page.file.abs_dest_path), page_url, registry,
                                         page.content, page_html.qr_codes(config))
            log.debug(f"{page.file.src_uri}: {count} QR codes")
        return output

    def on_page_content(self, html_content, page, config, files):
        # With the language it is written in (its step headings say "Step" or "Schritt") and the
        # questions it asks, in order.
        asked = (page.meta.get(THEME_KEY) or {}).get("dimensions", [])
        self.content_by_page[page.file.src_uri] = (html_content,
                                                   languages.content_language(page, config),
                                                   [dimension["key"] for dimension in asked])

    def on_page_context(self, context, page, config, nav):
        if page.content and page_html.OUTLINE_CLASS in page.content:
            page.content = PLACEHOLDER.sub(lambda m: self.filled(m, page, config), page.content)
        return context

    def filled(self, match, page, config):
        guide = html.unescape(match.group("guide"))
        if guide not in self.content_by_page:
            raise PluginError(f"{page.file.src_uri}: no guide {guide!r} to outline the links of.")
        choice = dict(parse_qsl(html.unescape(match.group("choice"))))
        guide_html, guide_language, dimensions = self.content_by_page[guide]
        steps = guide_outline.outline(guide_html, choice, guide_language, dimensions)
        return str(page_html.outline_html(steps, languages.content_language(page, config)))
