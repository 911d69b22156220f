"""`help-finished-html`: the finishing step (macros/finished_html/__init__.py) at the end of the
build, once, over the whole site.

It runs after every other plugin's on_post_build: mkdocs-redirects writes its pages, Material's
offline plugin its search_index.js, and static-i18n (priority -100) builds every other language
inside the source language's on_post_build. Inside those language builds it does nothing: the
source language's build finishes the whole site, every language in it, once they are all written.
"""

import logging

from mkdocs.plugins import BasePlugin, event_priority

from macros.finished_html import finish_site
from macros.finished_html.config import FinishedHtmlConfig
from macros.upstream import static_i18n

log = logging.getLogger("mkdocs.plugins.help_finished_html")


class FinishedHtmlPlugin(BasePlugin[FinishedHtmlConfig]):
    def __init__(self):
        super().__init__()
        self.serving = False

    # `mkdocs serve` injects its live reload as an inline script into every page it serves,
    # which the policy would block: the preview goes without a policy (what it changes is tested).
    # It also goes without minified scripts and stylesheets: minifying ours takes about 0.7 s,
    # which every saved page would wait for.
    def on_startup(self, command, dirty):
        self.serving = command == "serve"

    @event_priority(static_i18n.AFTER_IT)  # after static-i18n's and the offline plugin's (-100)
    def on_post_build(self, config):
        if static_i18n.inside_another_language_build(config):
            return
        if self.serving and self.config.security_policy:
            log.info("No Content-Security-Policy in the live preview: it would block live reload.")
        finish_site(config.site_dir, config.theme.custom_dir, config.extra.get("polyfills", []),
                    minified=self.config.minify and not self.serving,
                    policy=self.config.security_policy and not self.serving)
