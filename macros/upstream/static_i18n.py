"""What the build relies on in mkdocs-static-i18n 1.3.1 beyond its documented settings.

static-i18n builds the source language first, then, inside its own `on_post_build` (priority
-100), calls MkDocs' `build()` once per other language on the same config: every plugin's events
from `on_config` to `on_post_build` run again, with `current_language` set to that language, while
the source language's `on_post_build` is still under way. Our plugins keep what they know per
build language (`build_language`), and work on the whole site only when no language build is
running inside theirs (`inside_another_language_build`).
"""

import copy
import logging

PLUGIN = "i18n"
# static-i18n's on_config, on_files, on_nav and on_post_build run at this priority.
ITS_PRIORITY = -100
# For handlers that need what static-i18n did in the same event (the build language's files,
# every language built): just after it.
AFTER_IT = ITS_PRIORITY - 10
# Its on_page_markdown (priority 50) rewrites the Markdown line by line (admonition titles),
# dropping a final newline: checks that read the page's Markdown as written run before it.
BEFORE_ITS_MARKDOWN = 100
# What it logs, at a warning that strict mode turns into an error, for a language without a
# home page (index.md); MkDocs itself builds such sites (`make new-page` tries a page alone).
LOGGER = "mkdocs.plugins.mkdocs_static_i18n.plugin"
NO_HOME_PAGE = "Could not find a homepage for locale"


def plugin(config):
    """static-i18n's plugin object, or None when the site is built without it."""
    plugins = getattr(config, "plugins", None) or (config.get("plugins") if config else None)
    return plugins.get(PLUGIN) if plugins else None


def current_language(config):
    """The language static-i18n is building now; None before its first on_config."""
    i18n = plugin(config)
    return None if i18n is None else i18n.current_language


def configured_languages(config):
    """The locales of its `languages:` setting, in order."""
    i18n = plugin(config)
    return [language.locale for language in i18n.config.languages] if i18n else []


def inside_another_language_build(config):
    """True while static-i18n's on_post_build is building another language (its `building`
    flag), so also inside that build's own events."""
    i18n = plugin(config)
    return bool(i18n is not None and i18n.building)


def keep_one_search_index_per_language(config):
    """With `reconfigure_search: false` static-i18n still gathers every language's search
    entries and, after the last language, rewrites the root index with all of them (German pages
    in the English search). Its two methods that do so become no-ops on this build's plugin."""
    i18n = plugin(config)
    if i18n is not None:
        i18n.extend_search_entries = lambda config: None
        i18n.reconfigure_search_index = lambda config: None


def language_alternates(config):
    """Each language's home page ({language: link}) as static-i18n gives Material's switcher."""
    i18n = plugin(config)
    return copy.deepcopy(i18n.extra_alternate) if i18n is not None and i18n.extra_alternate else None


def file_locale(file):
    """The language of a page's Markdown, which static-i18n sets on each of its files."""
    return getattr(file, "locale", None)


def file_alternates(file):
    """{language: File} of a page's other languages, which static-i18n sets on each file."""
    return getattr(file, "alternates", {})


class NoHomePageIsFine(logging.Filter):
    def filter(self, record):
        return NO_HOME_PAGE not in record.getMessage()
