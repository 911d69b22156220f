from mkdocs.config.base import Config


class LivePreviewConfig(Config):
    """No options: the plugin acts only in dirty builds (`make serve`), and keeps what the last
    build saw in the build cache's folder (`help-build-cache`'s cache_dir)."""
