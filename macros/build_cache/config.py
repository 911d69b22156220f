from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class BuildCacheConfig(Config):
    # The folder of the cache, relative to mkdocs.yml; safe to delete at any time.
    cache_dir = c.Type(str, default=".cache")
    # Entries that no build has used for this many days are deleted after a build.
    keep_unused_days = c.Type(int, default=14)
    # Pages not yet translated get the source language's render of their macros, with the
    # words the macros say in the build's language said again (fallback_pages.py). Off: every
    # language renders every page (the tests compare the two).
    reuse_source_renders = c.Type(bool, default=True)
