from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class BuildCacheConfig(Config):
    # The folder of the cache, relative to mkdocs.yml; safe to delete at any time.
    cache_dir = c.Type(str, default=".cache")
    # Entries that no build has used for this many days are deleted after a build.
    keep_unused_days = c.Type(int, default=14)
