from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class FinishedHtmlConfig(Config):
    # The theme's own scripts and stylesheets (overrides/assets/) minified in the built site
    # (not in `mkdocs serve`'s preview, where it would delay every saved page).
    minify = c.Type(bool, default=True)
    # A Content-Security-Policy <meta> on every page (left out of `mkdocs serve`'s preview,
    # whose live reload is an inline script added while serving).
    security_policy = c.Type(bool, default=True)
